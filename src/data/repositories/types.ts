/**
 * The data layer's contract with the UI: repository interfaces and the view models of each web
 * part's first view. Components depend on these types only — never on PnPjs.
 */
import type {
  ICheckIn,
  IDialogComment,
  IFollowUpTask,
  IIndicatorDefinition,
  IInitiative,
  IMeasurementRow,
  IPlan,
  IPlanFocus,
  IPoliticalPriority,
  IRecognition,
  IReflection,
  IStory,
  IsoDate,
  StoryKind,
  TaskStatus,
} from '../../domain/model';
import type { IIndicatorValue } from '../../domain/measurements';
import type { ISummaryOverview } from '../../domain/unitSummary';
import type {
  IDeliveryReport,
  IInboxSummary,
  INotification,
  INotificationPages,
  INotificationSettings,
  INudgeTarget,
} from '../../domain/notifications';
import type { IPersonName } from '../mapping/codec';
import type { IAmbition, IUnitItem } from '../mapping/entities';
import type { IProvisionReport } from '../provisioning/report';
import type { IThrottleWatch } from '../throttleState';
import type { IHealthFinding } from '../schema/health';

export type { IAmbition, ICommitment, IUnitItem, IWithUnit } from '../mapping/entities';
import type { IUnitActor } from '../../domain/unitAccess';
export type { IProvisionReport, IProvisionChange } from '../provisioning/report';
export type { IHealthFinding, IHealthText, HealthRisk } from '../schema/health';
export type { IPersonName } from '../mapping/codec';

/** Display names by SharePoint user id (site user ids, as in `ownerId`, `leaderIds`, `authorId` …). */
export type IPeople = Record<number, IPersonName>;

/** One page of a longer list, with a cursor to the next (SharePoint's nextLink underneath). */
export interface IPage<T> {
  items: T[];
  hasMore: boolean;
  /** The next page; an empty page without more when there is none. */
  nextPage(): Promise<IPage<T>>;
}

/** The person using the product, as SharePoint knows them. */
export interface ICurrentUser {
  /** SharePoint user id on this site (`pageContext.legacyPageContext.userId`). */
  id: number;
  email?: string;
  displayName?: string;
}

/** Whether the lists exist, and at which schema version. */
export interface ISchemaStatus {
  provisioned: boolean;
  installedVersion?: number;
  currentVersion: number;
  /** Installed, but older than this build: "Klargør site" upgrades in place. */
  needsUpgrade: boolean;
}

/** A person as a picker shows and stores them: the site user id, the name and the e-mail. */
export interface IPersonValue {
  /** SharePoint user id on this site (what a person column stores). */
  id: number;
  title: string;
  /** "" when not known (e.g. a person named only by an item's person column). */
  email: string;
}

/**
 * A person the people picker found in the organisation: perhaps not on the site yet, so without a site
 * user id until `resolve` adds them.
 */
export interface IPersonMatch {
  /** The account's claims login (`i:0#.f|membership|<upn>`), what `ensureUser` takes. */
  key: string;
  title: string;
  email: string;
}

/** Finding people for pickers (SharePoint's people picker search, then `ensureUser`). */
export interface IPeopleRepository {
  /**
   * People in the organisation whose name has a word starting with `text`, or whose e-mail starts with it,
   * in any case (fewer than two characters: none), by name, at most `top`.
   */
  search(text: string, top?: number): Promise<IPersonMatch[]>;
  /**
   * The site user of someone `search` found (added to the site if needed), whose id a person column
   * stores. An account SharePoint no longer knows is a `DataError` "personNotFound".
   */
  resolve(match: IPersonMatch): Promise<IPersonValue>;
  /**
   * The person with this e-mail, added to the site when the organisation's directory knows them but
   * they have not visited it yet (`ensureUser`). An unknown address is a `DataError` "userNotFound".
   */
  ensure(email: string): Promise<IPersonValue>;
}

/** Reads and writes of one kind of item; writes validate first and never silently overwrite. */
export interface IRepository<T> {
  get(id: number): Promise<T>;
  /** Creates the item (its `clientKey` is made if empty and kept on retries: never a duplicate). */
  create(item: T): Promise<T>;
  /**
   * Saves `changed`, read earlier as `original` (with its ETag). Only changed columns are sent; if
   * someone else saved in between, their changes to other columns are kept and yours re-applied; if
   * they changed the same columns, a `ConflictError` carries both versions.
   */
  update(original: T, changed: T): Promise<T>;
  /** Deletes the item as read (a newer version on the server is a conflict; a deleted one is fine). */
  remove(item: T): Promise<void>;
}

/** Items whose repository needs the unit they belong to (the unit id is kept on the row for fast queries). */
export interface IUnitScopedRepository<T> extends Omit<IRepository<T>, 'create'> {
  create(item: T, unitId: number): Promise<T>;
}

/** The Teams channel details stored on a unit when a channel tab is configured for it. */
export interface IChannelMapping {
  channelId: string;
  channelName?: string;
  teamId?: string;
}

export interface IUnitRepository extends IRepository<IUnitItem> {
  /** All units, in order. */
  list(): Promise<IUnitItem[]>;
  /** The unit a Teams channel is mapped to. */
  findByChannel(channelId: string): Promise<IUnitItem | undefined>;
  /**
   * Maps a Teams channel to a unit (the unit that had the channel loses it): only for a unit the
   * person may act for (`mayActForUnit`); a unit mapped to another channel only with `takeOver`.
   * Returns the saved units.
   */
  mapChannel(unitId: number, mapping: IChannelMapping, options?: { takeOver?: boolean }): Promise<IUnitItem[]>;
}

export interface IPoliticalPriorityRepository extends IRepository<IPoliticalPriority> {
  list(): Promise<IPoliticalPriority[]>;
}

export interface IPlanRepository extends IRepository<IPlan> {
  listForUnit(unitId: number): Promise<IPlan[]>;
}

export interface IPlanFocusRepository extends IUnitScopedRepository<IPlanFocus> {
  listForPlan(planId: number): Promise<IPlanFocus[]>;
}

export interface IInitiativeRepository extends IRepository<IInitiative> {
  listForPlan(planId: number): Promise<IInitiative[]>;
  listForUnit(unitId: number): Promise<IInitiative[]>;
}

export interface ICheckInRepository extends IUnitScopedRepository<ICheckIn> {
  /** Newest first. */
  listForInitiative(initiativeId: number): Promise<ICheckIn[]>;
}

/** The recurring measurements (schema v8, "MPK Indikatorer"). */
export interface IIndicatorRepository {
  /** The active indicators in the site owner's order. */
  listActive(): Promise<IIndicatorDefinition[]>;
}

/** How far an import has come (after each batch). */
export interface IImportProgress {
  rowsDone: number;
  rows: number;
  batchesDone: number;
  batches: number;
}

/** What an import wrote. */
export interface IImportResult {
  created: number;
  updated: number;
  /** Rows already stored with the same value and respondents (nothing written). */
  unchanged: number;
  batchesWritten: number;
  /** Stopped by the signal between two batches: the batches written are whole, nothing of the rest. */
  aborted: boolean;
}

/** The units' results per indicator and period (schema v8, "MPK Maaleresultater"). */
export interface IMeasurementRepository {
  /** A unit's results, by indicator and period. */
  forUnit(unitId: number): Promise<IMeasurementRow[]>;
  /**
   * For each unit and indicator the latest result and the one before it of the same period length
   * (feed them to `latestWithTrend`). Without keys: the active indicators'.
   */
  latestPerUnit(indicatorKeys?: readonly string[]): Promise<IMeasurementRow[]>;
  /**
   * Writes the batches of `importBatches` in turn (new rows created, changed ones updated, equal ones
   * left alone), `onProgress` after each; `signal` stops between batches.
   */
  importRows(
    batches: readonly (readonly IIndicatorValue[])[],
    importKey: string,
    onProgress?: (progress: IImportProgress) => void,
    signal?: AbortSignal,
  ): Promise<IImportResult>;
}

/** Filters of the task board. */
export interface ITaskFilters {
  unitId?: number;
  status?: TaskStatus;
  assigneeId?: number;
  meeting?: string;
  /** Only tasks not closed whose deadline is before this day: those over the deadline on it. */
  overdueOn?: IsoDate;
}

export interface ITaskRepository extends IRepository<IFollowUpTask> {
  /** Tasks by due date, paged. */
  query(filters: ITaskFilters, pageSize?: number): Promise<IPage<IFollowUpTask>>;
  /** All the tasks assigned to a person (open ones first). */
  listAssignedTo(userId: number): Promise<IFollowUpTask[]>;
  /**
   * The tasks assigned to a person, open ones first, paged ("Vis flere"); threshold-safe for a person
   * with more than 5,000 tasks (see `IFollowUpView.myTasks` for the order then).
   */
  pageAssignedTo(userId: number, pageSize?: number): Promise<IPage<IFollowUpTask>>;
  /** Whole tasks by id (those the follow-up view's overview read without their description, for the report). */
  getMany(ids: readonly number[]): Promise<IFollowUpTask[]>;
  /** Only the status of one's own task (what a leader may change on the chefgruppe's tasks). */
  setStatus(task: IFollowUpTask, status: TaskStatus): Promise<IFollowUpTask>;
}

/**
 * Filters of the story feed. Every filter given applies (`and`); a list matches any of its values
 * (`or`), e.g. the web part's scope of several ambitions together with the reader's one choice.
 * Empty lists filter nothing.
 */
export interface IStoryFilters {
  ambitionKey?: string;
  unitId?: number;
  kind?: StoryKind;
  /** Any of these ambitions. */
  ambitionKeys?: string[];
  /** Any of these units. */
  unitIds?: number[];
}

/** What an approver chose beside approve/reject. */
export interface IModerateOptions {
  /** Approving sets `Featured` as chosen (default false). */
  featured?: boolean;
  /** Send the author a one-to-one Teams chat message about it (default true; "Nyt til dig" is written either way). */
  notifyInTeams?: boolean;
}

export interface IStoryRepository extends IRepository<IStory> {
  /**
   * Creates a story; with `picture` (a JPEG the browser prepared) it is uploaded to "MPK Billeder"
   * first, with the story's `pictureAlt` and `pictureConsent`, and linked (`pictureUrl`, `pictureId`).
   */
  create(story: IStory, picture?: Blob): Promise<IStory>;
  /** Approved stories, newest first, paged; recognition counts filled in. */
  query(filters: IStoryFilters, pageSize?: number): Promise<IPage<IStory>>;
  /** A person's own stories in any publishing state. */
  listByAuthor(userId: number): Promise<IStory[]>;
  /**
   * Stories waiting for approval, newest first, paged ("Vis flere" after the view's
   * `pendingForModeration`): those with an id below `below` (the view's `pendingBelow`; from the
   * newest story when not given). One request per page. Approvers get everybody's; anyone else
   * only their own. Recognition counts are not read.
   */
  listPending?(pageSize?: number, below?: number): Promise<IPage<IStory>>;
  /**
   * Approve (or reject) a pending story; needs the approve permission (site owners). Approving sets
   * `Featured` as the approver chose (`featured`, default false), never as the author left it.
   */
  moderate(story: IStory, approve: boolean, comment?: string, options?: IModerateOptions): Promise<IStory>;
  /** Featured stories are shown first (site owners). */
  setFeatured(story: IStory, featured: boolean): Promise<IStory>;
  /** How many recognitions each story has. */
  recognitionCounts(storyIds: readonly number[]): Promise<Map<number, number>>;
}

export interface IRecognitionRepository {
  /** Recognises a story once: pressing again returns the existing recognition. */
  recognise(storyId: number, userId: number): Promise<IRecognition>;
  /** Takes one's own recognition back. */
  withdraw(recognition: IRecognition): Promise<void>;
  listByUser(userId: number): Promise<IRecognition[]>;
}

export interface ICommentRepository extends IUnitScopedRepository<IDialogComment> {
  /** Oldest first, as a thread reads. */
  listForInitiative(initiativeId: number): Promise<IDialogComment[]>;
  listForPlan(planId: number): Promise<IDialogComment[]>;
}

/**
 * "Egne noter": one's own notes, kept in one's own OneDrive (one note per person; `etag` is the file's).
 * The first `listMine` moves any notes left in the list "MPK Refleksioner" into the file.
 */
export interface IReflectionRepository extends IRepository<IReflection> {
  /** One's own notes (nobody else's: another user id gives none). */
  listMine(userId: number): Promise<IReflection[]>;
}

// ---------------------------------------------------------------------------------------------
// First views: each one `$batch` round trip
// ---------------------------------------------------------------------------------------------

/** Per ambition: how many plans give it any relevance, initiatives and published stories. */
export interface IAmbitionCounts {
  plans: number;
  initiatives: number;
  stories: number;
}

export interface IAmbitionsViewQuery {
  /** Defaults to the services' user. */
  userId?: number;
  filters?: IStoryFilters;
  /** Stories per page (default 10). */
  pageSize?: number;
}

/** "Ambitioner og hverdagshistorier". */
/**
 * The parts of a first view that may be degraded: when SharePoint refuses one of a view's reads (a
 * person wrote more than 5,000 items it matches, or that one request failed otherwise), the view is
 * still shown, and the part says it could not be fetched (`unavailable`).
 */
export type AmbitionsViewPart = 'featured' | 'feed' | 'myStories' | 'moderation' | 'recognitions' | 'counts';
export type PlanViewPart = 'plans' | 'focuses' | 'initiatives' | 'checkIns' | 'comments' | 'priorities';
export type FollowUpViewPart = 'overview' | 'board' | 'myTasks';

export interface IAmbitionsView {
  /** The parts that could not be fetched (absent when all were). */
  unavailable?: AmbitionsViewPart[];
  schema: ISchemaStatus;
  /** From the lists; from the domain's seed text while the lists do not exist. */
  ambitions: IAmbition[];
  units: IUnitItem[];
  /** Featured approved stories (not repeated in `stories`). */
  featuredStories: IStory[];
  /** Approved stories, newest first. */
  stories: IPage<IStory>;
  /** The user's own stories waiting for approval (or rejected; `moderationComment` says why). */
  myPendingStories: IStory[];
  /** The unit of the user's newest own story that names one: the view's best guess at "their" unit. */
  myUnitId?: number;
  /**
   * For approvers (site owners) only: stories of everybody waiting for approval, newest first, at
   * most 50 — the pending ones among the newest 100 stories (`_ModerationStatus` is not indexed, so
   * the view cannot ask the whole list for them). `undefined` for everyone else.
   */
  pendingForModeration?: IStory[];
  /** True when older pending stories may exist beyond `pendingForModeration`: `stories.listPending` reads them all. */
  morePendingForModeration?: boolean;
  /** Where `stories.listPending(pageSize, pendingBelow)` goes on when `morePendingForModeration`. */
  pendingBelow?: number;
  myRecognitions: IRecognition[];
  counts: Record<string, IAmbitionCounts>;
  /** False when a list had more than 5,000 rows and the counts are a lower bound. */
  countsComplete: boolean;
  isSiteOwner: boolean;
  canPostStory: boolean;
  /** The bell's count ("Nyt til dig"), read in the same batch. */
  inbox: IInboxSummary;
}

/**
 * What the user may do in a plan view. Editing the plan, its initiatives and checking in is for the
 * unit's leaders (of the unit or of a unit above it), the Chefgruppe and site owners — and only where
 * SharePoint lets them write; commenting is for everyone who may add comments.
 */
export interface IPlanPermissions {
  canEditPlan: boolean;
  canEditInitiatives: boolean;
  canCheckIn: boolean;
  canComment: boolean;
  isSiteOwner: boolean;
}

/**
 * Which unit's plan to load. A SharePoint page passes `unitId`; a Teams channel tab passes `channelId`
 * and, when it has one, the unit it remembered for the channel as `unitId`:
 * - `unitId` alone: that unit (one `$batch`). `0` or no unit: no plan, only what the pickers need.
 * - `channelId` + the remembered `unitId`: one `$batch`; the Units list is checked in the same batch.
 *   If the list maps the channel to another unit, that unit wins and its rows are read in a second
 *   `$batch` (the memory was stale). If the list maps the channel to no unit, `unitId` is used.
 * - `channelId` alone: the unit the Units list maps the channel to, in two `$batch`es (its rows can
 *   only be asked for once its id is known); an unmapped channel gives `unit: undefined` and the
 *   units for the picker in one. Remember `view.unit.id` per channel so the next visit is one.
 */
export interface IPlanViewQuery {
  unitId?: number;
  /** The Teams channel id of a channel tab ("19:…@thread.tacv2"). */
  channelId?: string;
  /**
   * The signed-in user (defaults to the services' user): whether they lead the unit (or one above it)
   * is decided by this id; groups and SharePoint permissions are always the signed-in user's.
   */
  userId?: number;
  /** The instant that decides the current plan (defaults to now). */
  now?: Date;
  /** One of the unit's plans to show instead of the current one (an earlier period). */
  planId?: number;
  /** An initiative a link points to: without `planId`, the plan it belongs to is shown. */
  initiativeId?: number;
}

/** "Ambitionsplan" for one unit. */
export interface IPlanView {
  /** The parts that could not be fetched (absent when all were). */
  unavailable?: PlanViewPart[];
  schema: ISchemaStatus;
  unit?: IUnitItem;
  units: IUnitItem[];
  /** All the unit's plans. */
  plans: IPlan[];
  /** The plan shown: the one asked for (`planId`, or a linked initiative's), else the current one. */
  plan?: IPlan;
  /** The unit's current plan (`pickCurrentPlan`), whichever plan is shown. */
  currentPlanId?: number;
  focuses: IPlanFocus[];
  initiatives: IInitiative[];
  /** Newest check-in per initiative of the current plan. */
  latestCheckIns: Record<number, ICheckIn>;
  /** All check-ins of the current plan's initiatives, newest first. */
  checkIns: ICheckIn[];
  /** Comments per initiative id, and on the plan itself under key 0. */
  commentCounts: Record<number, number>;
  ambitions: IAmbition[];
  politicalPriorities: IPoliticalPriority[];
  permissions: IPlanPermissions;
  /** Who is looking, for the rule of which units they act for (`unitsActedFor`, `mayActForUnit`). */
  actor: IUnitActor;
  /**
   * Names of the people the view refers to: plan owners, initiative owners, the leaders of every unit
   * and the authors of the unit's comments. Someone missing (e.g. removed from the site) has no entry.
   */
  people?: IPeople;
  /** The bell's count ("Nyt til dig"), read in the same batch. */
  inbox: IInboxSummary;
}

export interface IFollowUpViewQuery {
  /** Whose tasks are "Mine opgaver"; defaults to the services' user. */
  userId?: number;
  /** Show the tasks of one follow-up meeting. */
  meeting?: string;
  filters?: ITaskFilters;
  pageSize?: number;
  /** Trend compared with this date (e.g. the last meeting). */
  since?: IsoDate;
  /** The instant the overview is made (defaults to now). */
  now?: Date;
}

/** "Opfølgning": the chefgruppe's matrix, counters, task board and "Mine opgaver". */
export interface IFollowUpView {
  /** The parts that could not be fetched (absent when all were). */
  unavailable?: FollowUpViewPart[];
  schema: ISchemaStatus;
  ambitions: IAmbition[];
  units: IUnitItem[];
  /**
   * The matrix and counters. Its tasks and initiatives are read with only the columns it shows (no
   * description, no client key): read a task whole (`tasks.get`/`getMany`) before editing or exporting it.
   */
  /** From the units' rows in "MPK Overblik": counts; the overdue tasks and stopped initiatives are read on demand. */
  overview: ISummaryOverview;
  tasks: IPage<IFollowUpTask>;
  /**
   * "Mine opgaver", a page at a time: open and in-progress tasks first by due date, then closed ones.
   * Read in the view's one request; for a person with more than 5,000 tasks (SharePoint refuses the
   * plain filter) the view walks the list in id windows instead — open ones oldest first, then closed
   * ones newest first — which takes extra requests.
   */
  myTasks: IPage<IFollowUpTask>;
  /** False when a unit has no usable summary yet, or the story counts are not kept yet (see `overview.missingUnits`). */
  complete: boolean;
  /** Members of the Chefgruppe and site owners (who may also add tasks in SharePoint). */
  canManageTasks: boolean;
  isSiteOwner: boolean;
  /** Names of task assignees and of every unit's leaders. */
  people?: IPeople;
  /** The bell's count ("Nyt til dig"), read in the same batch. */
  inbox: IInboxSummary;
}

/** Reading a whole first view in one round trip. */
export interface IViewRepository {
  loadAmbitionsView(query?: IAmbitionsViewQuery): Promise<IAmbitionsView>;
  loadPlanView(query: IPlanViewQuery): Promise<IPlanView>;
  loadFollowUpView(query?: IFollowUpViewQuery): Promise<IFollowUpView>;
  /**
   * The overdue tasks of these units (not closed, due before `today`), the most overdue first, with
   * their assignees' names: the overview's list, read when asked for.
   */
  loadOverdueTasks(unitIds: readonly number[], today: IsoDate): Promise<IOverdueTasks>;
  /** The stopped initiatives of these plans (the units' current plans), newest first. */
  loadStoppedInitiatives(planIds: readonly number[]): Promise<IInitiative[]>;
  /** A unit's current plan and what it says per ambition ("Hos <enhed>" in the ambitions view), read when asked for. */
  loadUnitAmbitions(unitId: number): Promise<IUnitAmbitions>;
}

/** What one unit's current plan says about the ambitions. */
export interface IUnitAmbitions {
  unitId: number;
  /** The unit's current plan (`pickCurrentPlan`); undefined when it has none. */
  plan?: IPlan;
  /** The plan's relevance and local meaning per ambition (only the ambitions it has rows for). */
  focuses: IPlanFocus[];
  /** Where the plan page lives (`pageUrls`), for the link to the unit's plan. */
  pages: INotificationPages;
}

/** The overdue tasks of some units, and the names of their assignees. */
export interface IOverdueTasks {
  /** Not closed and due before today, the most overdue first. */
  tasks: IFollowUpTask[];
  /** The assignees' names (from `Assignee`, expanded as on the task board). */
  people: IPeople;
}

/** "Klargør site". */
export interface IProvisioningService {
  status(): Promise<ISchemaStatus>;
  provision(): Promise<IProvisionReport>;
  /** The site health check (site owners only: reading permissions needs Enumerate Permissions). */
  health(): Promise<IHealthFinding[]>;
}

/**
 * "Nyt til dig": the person's own notifications (written by whoever acted, plus reminders computed on
 * read), their read state and their choices; and every action's Teams delivery outcome.
 */
export interface INotificationRepository {
  /** Own entries, newest first (computed reminders included), paged ("Vis flere"). */
  page(pageSize?: number): Promise<IPage<INotification>>;
  markRead(ids: readonly string[]): Promise<void>;
  /** "Markér alle som læst". */
  markAllRead(): Promise<void>;
  getSettings(): Promise<INotificationSettings>;
  saveSettings(settings: INotificationSettings): Promise<INotificationSettings>;
  /** "Send påmindelse" (chefgruppe) on an overdue task or a silent initiative. */
  nudge(target: INudgeTarget): Promise<IDeliveryReport>;
  /** Tells the listener how each action's delivery went (the action itself has landed); returns unsubscribe. */
  onDelivery(listener: (report: IDeliveryReport) => void): () => void;
}

/** Everything a web part hands to its components. */
export interface IMpkServices {
  user: ICurrentUser;
  views: IViewRepository;
  units: IUnitRepository;
  politicalPriorities: IPoliticalPriorityRepository;
  plans: IPlanRepository;
  planFocuses: IPlanFocusRepository;
  initiatives: IInitiativeRepository;
  checkIns: ICheckInRepository;
  tasks: ITaskRepository;
  stories: IStoryRepository;
  recognitions: IRecognitionRepository;
  comments: ICommentRepository;
  reflections: IReflectionRepository;
  provisioning: IProvisioningService;
  people: IPeopleRepository;
  notifications: INotificationRepository;
  indicators: IIndicatorRepository;
  measurements: IMeasurementRepository;
  /** What is waiting on SharePoint's Retry-After right now (`ThrottleNotice`); absent: never shown. */
  throttle?: IThrottleWatch;
}
