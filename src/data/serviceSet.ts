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
import { DeliveryBus } from './notifications/bus';
import type { GraphSource } from './notifications/delivery';
import { Notifier, type ITeamsTexts } from './notifications/events';
import { lazyRepository } from './lazyRepository';
import type { IReflectionRepository } from './repositories/types';
import { NotificationRepository } from './notifications/repository';

export { ProvisioningService } from './provisioningService';

/**
 * How the actions reach people: the bus the UI listens on, and — where Microsoft Graph is available — the
 * Graph client and the words of the Teams messages. Without `graph` "Nyt til dig" still gets every row.
 */
export interface INotificationWiring {
  bus?: DeliveryBus;
  graph?: GraphSource;
  texts?: ITeamsTexts;
}

/** Builds the services for a user on an SPFI with the given view repository. */
export function createServicesWithViews(
  sp: SPFI,
  user: ICurrentUser,
  views: IViewRepository,
  wiring: INotificationWiring = {},
): IMpkServices {
  const bus = wiring.bus ?? new DeliveryBus();
  const notifier = new Notifier(sp, user, { bus, graph: wiring.graph, texts: wiring.texts });
  return {
    user,
    views,
    units: new UnitRepository(sp, user),
    politicalPriorities: new PoliticalPriorityRepository(sp),
    plans: new PlanRepository(sp, notifier),
    planFocuses: new PlanFocusRepository(sp),
    initiatives: new InitiativeRepository(sp),
    checkIns: new CheckInRepository(sp),
    tasks: new TaskRepository(sp, notifier),
    stories: new StoryRepository(sp, notifier),
    recognitions: new RecognitionRepository(sp, notifier),
    comments: new CommentRepository(sp, notifier),
    notifications: new NotificationRepository(sp, user, bus, () => Promise.resolve(notifier)),
    reflections: notesFor(sp, user, wiring.graph),
    provisioning: new ProvisioningService(sp),
    people: new PeopleRepository(sp),
    // Målinger in their own chunk: the measurement rules (periods, the 5-respondent rule) load with the
    // first read of a result, not with every save.
    indicators: lazyRepository(() => measurementsModule().then((m) => new m.IndicatorRepository(sp))),
    measurements: lazyRepository(() => measurementsModule().then((m) => new m.MeasurementRepository(sp))),
    throttle: throttleWatchOf(sp),
  };
}

/** The Målinger repositories' module (chunk `mpk-measurements`). */
function measurementsModule(): Promise<typeof import('./repositories/measurements')> {
  return import(/* webpackChunkName: 'mpk-measurements' */ './repositories/measurements');
}

/**
 * "Egne noter": in the person's OneDrive through Microsoft Graph (chunk `mpk-notes`, loaded when the notes
 * are first shown), moving them from "MPK Refleksioner" on the first open. Without Graph: a repository
 * that says the notes cannot be opened.
 */
function notesFor(sp: SPFI, user: ICurrentUser, graph: GraphSource | undefined): IReflectionRepository {
  return lazyRepository(() =>
    import(/* webpackChunkName: 'mpk-notes' */ './notes/oneDriveNotes').then((m) =>
      graph ? new m.OneDriveNotesRepository(graph, user, new ReflectionRepository(sp)) : m.unavailableNotes(),
    ),
  );
}
