/**
 * The services object apart from the view repository, so that a web part's entry bundle can carry only
 * its own first view's loader (see `views/partViews.ts`); `createServices` in `services.ts` adds the
 * repository of all three views (preview, tests, CLI).
 */
import type { SPFI } from "@pnp/sp";
import { inBatch } from "./repositories/query";
import type { IProvisionReport } from "./provisioning/report";
import { CommentRepository, ReflectionRepository } from "./repositories/comments";
import { CheckInRepository, InitiativeRepository, PlanFocusRepository, PlanRepository } from "./repositories/plans";
import { RecognitionRepository, StoryRepository } from "./repositories/stories";
import { PeopleRepository } from "./repositories/people";
import { TaskRepository } from "./repositories/tasks";
import type { ICurrentUser, IHealthFinding, IMpkServices, IProvisioningService, ISchemaStatus, IViewRepository } from "./repositories/types";
import { PoliticalPriorityRepository, UnitRepository } from "./repositories/units";
import { throttleWatchOf } from "./throttle";
import { finishCommonReads, startCommonReads } from "./views/common";

/** "Klargør site" over an SPFI. */
export class ProvisioningService implements IProvisioningService {
  public constructor(private readonly sp: SPFI) {}

  /** Whether the lists exist and at which version (one `$batch`). */
  public async status(): Promise<ISchemaStatus> {
    const reads = await inBatch(this.sp, (b) => ({ common: startCommonReads(b) }));
    return (await finishCommonReads(this.sp, reads.common, false)).schema;
  }

  /** Loaded only when asked for: a web part's first view never needs the schema's writers. */
  public async provision(): Promise<IProvisionReport> {
    const { provision } = await import(/* webpackChunkName: 'mpk-provisioning' */ "./provisioning/provision");
    return provision(this.sp);
  }

  /** The site health check: one `$batch`, loaded only when a site owner opens a view. */
  public async health(): Promise<IHealthFinding[]> {
    const { checkSiteHealth } = await import(/* webpackChunkName: 'mpk-site-health' */ "./provisioning/health");
    return checkSiteHealth(this.sp);
  }
}

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
