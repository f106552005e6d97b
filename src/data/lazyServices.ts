import type { SPFI } from '@pnp/sp';
import { lazyRepository } from './lazyRepository';
import { ProvisioningService } from './provisioningService';
import type { ICurrentUser, IMpkServices, IViewRepository } from './repositories/types';
import { throttleWatchOf } from './throttle';

/**
 * As `createServicesWithViews` (`serviceSet.ts`), but every repository loads with its first call (chunk
 * `mpk-repositories`): the web parts' first views read only through their view loader.
 */
export function createLazyServicesWithViews(sp: SPFI, user: ICurrentUser, views: IViewRepository): IMpkServices {
  let all: Promise<IMpkServices> | undefined;
  const load = (): Promise<IMpkServices> => {
    if (!all) {
      all = import(/* webpackChunkName: 'mpk-repositories' */ './serviceSet').then(
        (m) => m.createServicesWithViews(sp, user, views),
        (error: unknown) => {
          all = undefined;
          throw error;
        },
      );
    }
    return all;
  };
  const lazy = <K extends keyof IMpkServices>(key: K): IMpkServices[K] =>
    lazyRepository(() => load().then((s) => s[key] as IMpkServices[K] & object)) as IMpkServices[K];
  return {
    user,
    views,
    units: lazy('units'),
    politicalPriorities: lazy('politicalPriorities'),
    plans: lazy('plans'),
    planFocuses: lazy('planFocuses'),
    initiatives: lazy('initiatives'),
    checkIns: lazy('checkIns'),
    tasks: lazy('tasks'),
    stories: lazy('stories'),
    recognitions: lazy('recognitions'),
    comments: lazy('comments'),
    reflections: lazy('reflections'),
    provisioning: new ProvisioningService(sp),
    people: lazy('people'),
    throttle: throttleWatchOf(sp),
  };
}
