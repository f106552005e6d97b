/**
 * The services object apart from the view repository, so that a web part's entry bundle can carry only
 * its own first view's loader (see `views/partViews.ts`); `createServices` in `services.ts` adds the
 * repository of all three views (preview, tests, CLI).
 */
import type { SPFI } from '@pnp/sp';
import { CommentRepository, ReflectionRepository } from './repositories/comments';
import { CheckInRepository, InitiativeRepository, PlanFocusRepository, PlanRepository } from './repositories/plans';
import { RecognitionRepository, StoryRepository } from './repositories/stories';
import { PeopleRepository } from './repositories/people';
import { TaskRepository } from './repositories/tasks';
import type { ICurrentUser, IMpkServices, IViewRepository } from './repositories/types';
import { PoliticalPriorityRepository, UnitRepository } from './repositories/units';
import { throttleWatchOf } from './throttle';
import { ProvisioningService } from './provisioningService';

export { ProvisioningService } from './provisioningService';

/** Builds the services for a user on an SPFI with the given view repository. */
export function createServicesWithViews(sp: SPFI, user: ICurrentUser, views: IViewRepository): IMpkServices {
  return {
    user,
    views,
    units: new UnitRepository(sp, user),
    politicalPriorities: new PoliticalPriorityRepository(sp),
    plans: new PlanRepository(sp),
    planFocuses: new PlanFocusRepository(sp),
    initiatives: new InitiativeRepository(sp),
    checkIns: new CheckInRepository(sp),
    tasks: new TaskRepository(sp),
    stories: new StoryRepository(sp),
    recognitions: new RecognitionRepository(sp),
    comments: new CommentRepository(sp),
    reflections: new ReflectionRepository(sp),
    provisioning: new ProvisioningService(sp),
    people: new PeopleRepository(sp),
    throttle: throttleWatchOf(sp),
  };
}
