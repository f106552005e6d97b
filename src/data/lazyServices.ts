import type { SPFI } from '@pnp/sp';
import { lazyRepository } from './lazyRepository';
import { ProvisioningService } from './provisioningService';
import type { ICurrentUser, IMpkServices, IViewRepository } from './repositories/types';
import { throttleWatchOf } from './throttle';
import { DeliveryBus } from './notifications/bus';
import type { INotificationRepository } from './repositories/types';
import type { INotificationWiring } from './serviceSet';

/** "Nyt til dig" with the repository loading on the first call, and `onDelivery` on the eager bus. */
function lazyNotifications(load: () => Promise<INotificationRepository>, bus: DeliveryBus): INotificationRepository {
  return {
    page: (size) => load().then((r) => r.page(size)),
    markRead: (ids) => load().then((r) => r.markRead(ids)),
    markAllRead: () => load().then((r) => r.markAllRead()),
    getSettings: () => load().then((r) => r.getSettings()),
    saveSettings: (settings) => load().then((r) => r.saveSettings(settings)),
    nudge: (target) => load().then((r) => r.nudge(target)),
    onDelivery: (listener) => bus.subscribe(listener),
  };
}

/**
 * As `createServicesWithViews` (`serviceSet.ts`), but every repository loads with its first call (chunk
 * `mpk-repositories`): the web parts' first views read only through their view loader.
 */
export function createLazyServicesWithViews(
  sp: SPFI,
  user: ICurrentUser,
  views: IViewRepository,
  wiring: INotificationWiring = {},
): IMpkServices {
  // The bus is here, not in the chunk: the shell subscribes to it before any repository has loaded.
  const bus = wiring.bus ?? new DeliveryBus();
  let all: Promise<IMpkServices> | undefined;
  const load = (): Promise<IMpkServices> => {
    if (!all) {
      all = import(/* webpackChunkName: 'mpk-repositories' */ './serviceSet').then(
        (m) => m.createServicesWithViews(sp, user, views, { ...wiring, bus }),
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
    indicators: lazy('indicators'),
    measurements: lazy('measurements'),
    notifications: lazyNotifications(() => load().then((s) => s.notifications), bus),
    throttle: throttleWatchOf(sp),
  };
}
