/**
 * An in-memory `IMpkServices` for component tests: the contract's behaviour without SharePoint.
 * Writes validate with the domain's validators (a `DataError("invalid")` with the errors), creates
 * are idempotent per `clientKey`, and updates follow the real repositories' ETag rules: a stale
 * update that touches other fields is merged, one that touches the same fields throws a
 * `ConflictError` with both versions. `changeAsSomeoneElse` plays the other person; `failNext`
 * makes the next call of a method fail; `calls` records every call for "one round trip" checks.
 *
 * Shared by every surface's tests: extend carefully (add, don't change behaviour others rely on).
 *
 * As SharePoint and the real repositories: stories are sanitised and wait for approval (content
 * approval: a story not approved is read by its author and site owners only; an edit of an approved
 * one is pending again while others keep reading the approved version); reflections are their
 * author's only; an employee (no leader's, chefgruppe's or owner's rights) writes only their own
 * contributions, and only site owners the political priorities, approve and feature stories.
 * `sharedWith` puts several people (fakes) on one site's rows.
 *
 * `tests/contract` runs one suite against this fake and against the real repositories over the local
 * SharePoint: where they differ, the fake is wrong. The schema version and the conflict rules
 * (`changedProps`, `overlappingChanges`) are the real ones, imported, not copied.
 */
import {
  AMBITIONS,
  buildOverview,
  mayActForUnit,
  isInitiativeActive,
  MODERATION_STATUS,
  newClientKey,
  pickCurrentPlan,
  pickPlanToShow,
  recognitionKey,
  toIsoDate,
  validateCheckIn,
  validateComment,
  validateInitiative,
  validatePlan,
  validatePlanFocus,
  validatePoliticalPriority,
  validateReflection,
  validateStory,
  validateTask,
  validateUnit,
  type ICheckIn,
  type IDialogComment,
  type IEntity,
  type IFollowUpTask,
  type IInitiative,
  type IPlan,
  type IPlanFocus,
  type IPoliticalPriority,
  type IRecognition,
  type IReflection,
  type IStory,
  type IValidationError,
} from '../../src/domain';
import { ConflictError, DataError } from '../../src/data/errors';
import type { IIndicatorDefinition, IMeasurementRow } from '../../src/domain/model';
import { comparePeriods, type IIndicatorValue } from '../../src/domain/measurements';
import { measurementKey } from '../../src/data/mapping/entities';
import {
  activeInOrder,
  importRefusal,
  latestTwoPerUnit,
  sameResult,
  WRITES_PER_BATCH,
} from '../../src/data/repositories/measurements';
import {
  assembleInbox,
  inboxSummary,
  parsePersonalSettings,
  withAllRead,
  withOff,
  withRead,
  type IDeliveryReport,
  type INotification,
  type INotificationPages,
  type INudgeTarget,
  type IPersonalSettings,
} from '../../src/domain/notifications';
import { SCHEMA_VERSION } from '../../src/data/schema/lists';
import { changedProps, overlappingChanges } from '../../src/domain/conflict';
import { sanitizeRichText } from '../../src/domain/richText';
import { PENDING_MAX, PENDING_WINDOW } from '../../src/data/views/ambitionsView';
import { overviewFromSummaries } from '../../src/domain/unitSummary';
import { summarizeUnit } from '../../src/domain/summarizeUnit';
import type {
  IAmbition,
  IAmbitionCounts,
  IAmbitionsView,
  IAmbitionsViewQuery,
  ICurrentUser,
  IHealthFinding,
  IFollowUpView,
  IFollowUpViewQuery,
  IMpkServices,
  IPage,
  IPeople,
  IPersonMatch,
  IPersonValue,
  IPlanPermissions,
  IPlanView,
  IProvisionReport,
  ISchemaStatus,
  IStoryFilters,
  ITaskFilters,
  IUnitItem,
} from '../../src/data/repositories/types';

/** The rows of every list the fake holds. */
export interface IFakeData {
  units: IUnitItem[];
  politicalPriorities: IPoliticalPriority[];
  plans: IPlan[];
  planFocuses: Array<IPlanFocus & { unitId?: number }>;
  initiatives: IInitiative[];
  checkIns: Array<ICheckIn & { unitId?: number }>;
  comments: Array<IDialogComment & { unitId?: number }>;
  tasks: IFollowUpTask[];
  stories: IStory[];
  recognitions: IRecognition[];
  reflections: Array<IReflection & { authorId?: number }>;
  /** "MPK Indikatorer" (v8): reference data; empty unless given. */
  indicators: IIndicatorDefinition[];
  /** "MPK Maaleresultater" (v8). */
  measurements: IMeasurementRow[];
}

/** Options of {@link createFakeServices}. */
export interface IFakeServicesOptions {
  user?: ICurrentUser;
  data?: Partial<IFakeData>;
  /** Whether the lists exist. @default true */
  provisioned?: boolean;
  /** What the user may do in the plan view. @default a leader: everything but site ownership */
  permissions?: Partial<IPlanPermissions>;
  /** Whether the user is in the chefgruppe (the plan view's `actor`; channel mapping). @default false */
  inChefgruppe?: boolean;
  /** For the follow-up view. @default false */
  canManageTasks?: boolean;
  /** For the ambitions view. @default true */
  canPostStory?: boolean;
  /** Where the web parts live (`pageUrls`), for links to a unit's plan. @default none */
  pages?: INotificationPages;
  /** Fixes "now" for views and check-in validation. @default the real clock */
  now?: () => Date;
  /** The site's users, for people search. @default the user only */
  siteUsers?: IPersonValue[];
  /**
   * People in the organisation's directory who are not site users yet: the search finds them (as
   * SharePoint's people picker does), and `people.resolve`/`people.ensure` add them to the site.
   */
  directory?: IPersonValue[];
  /** What the site health check finds (provisioning restores it). @default none */
  health?: IHealthFinding[];
  /**
   * Another person on the same site: this fake reads and writes that fake's rows (and ids and ETags
   * continue from its counters), so one person's save is another's stale read. `data` is then ignored.
   */
  sharedWith?: IFakeServices;
  /** The person's "Nyt til dig" entries (written and computed alike). @default none */
  notifications?: INotification[];
}

type ListName = keyof IFakeData;

/** The generic part of every fake repository (`create` takes the unit id where the contract does). */
interface IFakeRepository<T> {
  get(id: number): Promise<T>;
  create(item: T, unitId?: number): Promise<T>;
  update(original: T, changed: T): Promise<T>;
  remove(item: T): Promise<void>;
}

/** What one list's fake repository does besides validating (as SharePoint and the real repository do). */
interface IFakeListRules<T> {
  /** Makes the item ready to store before it is validated (e.g. sanitises rich text). */
  prepare?(item: T): T;
  /** The version of a row the user reads: undefined when they may not read it (then it is not found, as in SharePoint). */
  seenAs?(row: T): T | undefined;
  /** Whether the user may write the list at all (otherwise `forbidden`). */
  mayWrite?(): boolean;
}

/** A repository method's name as recorded in `calls`, e.g. "views.loadPlanView" or "initiatives.update". */
export type FakeCall = string;

/** The fake, with handles for tests. */
export interface IFakeServices extends IMpkServices {
  /** The live rows (tests may read them to assert what was saved). */
  data: IFakeData;
  /** Every call, in order, e.g. `["views.loadPlanView", "initiatives.update"]`. */
  calls: FakeCall[];
  /** Whether the lists exist (provisioning sets it). */
  provisioned: boolean;
  /** What the site health check finds now (provisioning empties it). */
  health: IHealthFinding[];
  /** Makes the next call of `method` (e.g. "initiatives.update") throw `error` (before anything changes). */
  failNext(method: FakeCall, error: unknown): void;
  /** Holds every call of `method` until the returned release function is called. */
  hold(method: FakeCall): () => void;
  /** "Nyt til dig" as the fake keeps it: the entries, the person's settings, every "Send påmindelse". */
  inboxState: { entries: INotification[]; settings: IPersonalSettings; nudges: INudgeTarget[] };
  /** Tells the `onDelivery` listeners, as a real action's Teams delivery would. */
  deliver(report: IDeliveryReport): void;
  /** Another person saves an item: its fields change and it gets a new ETag. */
  changeAsSomeoneElse<L extends ListName>(list: L, id: number, patch: Partial<IFakeData[L][number]>): void;
}

/** The leader of a unit: may edit plans, initiatives, check in and comment. */
export const LEADER_PERMISSIONS: IPlanPermissions = {
  canEditPlan: true,
  canEditInitiatives: true,
  canCheckIn: true,
  canComment: true,
  isSiteOwner: false,
};

/** An employee: reads, and takes part in the dialog. */
export const READER_PERMISSIONS: IPlanPermissions = {
  canEditPlan: false,
  canEditInitiatives: false,
  canCheckIn: false,
  canComment: true,
  isSiteOwner: false,
};

function clone<T>(value: T): T {
  return value === undefined ? value : (JSON.parse(JSON.stringify(value)) as T);
}

function ambitionsFromSeed(): IAmbition[] {
  return AMBITIONS.map((seed) => ({
    ...seed,
    introduction: seed.introduction.slice(),
    commitments: seed.commitments.map((c) => ({ ...c, ambitionKey: seed.key })),
  }));
}

function pageOf<T>(items: T[], pageSize: number, offset = 0): IPage<T> {
  const slice = items.slice(offset, offset + pageSize);
  const hasMore = offset + pageSize < items.length;
  return {
    items: clone(slice),
    hasMore,
    nextPage: async () =>
      hasMore
        ? pageOf(items, pageSize, offset + pageSize)
        : { items: [], hasMore: false, nextPage: async () => pageOf<T>([], pageSize) },
  };
}

/** Open and in-progress tasks before closed ones (stable otherwise), as the repository returns them. */
function openFirstTasks(tasks: IFollowUpTask[]): IFollowUpTask[] {
  return tasks.slice().sort((a, b) => Number(a.status === 'closed') - Number(b.status === 'closed'));
}

/** The id and ETag counters of a fake's rows and its stories' approved versions (shared by the fakes of several people on one site). */
interface IFakeSite {
  nextId: number;
  version: number;
  /** Content approval: the approved version of a story whose newer edit waits for approval. */
  approvedStories: Map<number, IStory>;
}
const sites = new WeakMap<IFakeData, IFakeSite>();

function countersOf(data: IFakeData): IFakeSite {
  let site = sites.get(data);
  if (!site) sites.set(data, (site = { nextId: 1000, version: 1, approvedStories: new Map() }));
  return site;
}

/** Builds the fake from seed rows (ids and ETags are filled in where missing). */
export function createFakeServices(options: IFakeServicesOptions = {}): IFakeServices {
  const user: ICurrentUser = options.user ?? { id: 7, email: 'leder@mpk.local', displayName: 'Lene Leder' };
  const now = options.now ?? (() => new Date());
  const permissions: IPlanPermissions = { ...LEADER_PERMISSIONS, ...options.permissions };
  const data: IFakeData = options.sharedWith
    ? options.sharedWith.data
    : {
        units: [],
        politicalPriorities: [],
        plans: [],
        planFocuses: [],
        initiatives: [],
        checkIns: [],
        comments: [],
        tasks: [],
        stories: [],
        recognitions: [],
        reflections: [],
        indicators: [],
        measurements: [],
        ...clone(options.data ?? {}),
      };
  const counters = countersOf(data);
  const newId = (): number => counters.nextId++;
  const newEtag = (): string => `"${counters.version++}"`;
  (Object.keys(data) as ListName[]).forEach((list) => {
    for (const row of data[list] as IEntity[]) {
      if (row.id === undefined) row.id = newId();
      if (!row.clientKey) row.clientKey = newClientKey();
      if (!row.etag) row.etag = newEtag();
    }
  });

  const calls: FakeCall[] = [];
  const failures = new Map<FakeCall, unknown>();
  const holds = new Map<FakeCall, Promise<void>>();

  /** Records a call, waits for a hold, throws an injected failure. */
  async function enter(method: FakeCall): Promise<void> {
    calls.push(method);
    const held = holds.get(method);
    if (held) await held;
    if (failures.has(method)) {
      const error = failures.get(method);
      failures.delete(method);
      throw error;
    }
  }

  function requireProvisioned(): void {
    if (!fake.provisioned) throw new DataError('notProvisioned', { reason: 'listMissing', status: 404 });
  }

  function invalidIf(errors: readonly IValidationError[]): void {
    if (errors.length > 0) throw new DataError('invalid', { validationErrors: errors });
  }

  function rows<L extends ListName>(list: L): Array<IFakeData[L][number] & IEntity> {
    return data[list] as Array<IFakeData[L][number] & IEntity>;
  }

  function find<L extends ListName>(list: L, id: number): (IFakeData[L][number] & IEntity) | undefined {
    return rows(list).find((r) => r.id === id);
  }

  /** The generic repository over one list, with the real repositories' write rules. */
  function repository<T extends IEntity, L extends ListName>(
    name: string,
    list: L,
    validate: (item: T, previous?: T) => IValidationError[],
    rules: IFakeListRules<T> = {},
  ): IFakeRepository<T> {
    const prepare = (item: T): T => (rules.prepare ? rules.prepare({ ...item }) : item);
    const seen = (row: T | undefined): T | undefined => (row && rules.seenAs ? rules.seenAs(row) : row);
    const readable = (row: T | undefined): row is T => seen(row) !== undefined;
    const mayWrite = (): void => {
      if (rules.mayWrite && !rules.mayWrite()) throw new DataError('forbidden', { status: 403 });
    };
    return {
      async get(id: number): Promise<T> {
        await enter(`${name}.get`);
        requireProvisioned();
        const row = seen(find(list, id) as unknown as T | undefined);
        if (!row) throw new DataError('notFound', { status: 404 });
        return clone(row);
      },
      async create(draft: T, unitId?: number): Promise<T> {
        await enter(`${name}.create`);
        requireProvisioned();
        const item = prepare(draft);
        invalidIf(validate(item));
        mayWrite();
        const clientKey = item.clientKey || newClientKey();
        // A retried create (same client key) returns the item that already landed.
        const existing = rows(list).find((r) => r.clientKey === clientKey);
        if (existing) return clone(existing) as unknown as T;
        const row = { ...clone(item), id: newId(), clientKey, etag: newEtag() } as T & { unitId?: number };
        if (unitId !== undefined) row.unitId = unitId;
        (data[list] as unknown as T[]).push(row);
        return clone(row);
      },
      async update(original: T, draft: T): Promise<T> {
        await enter(`${name}.update`);
        requireProvisioned();
        if (original.id === undefined)
          throw new DataError('invalid', { detail: 'update needs an item that has been read' });
        const changed = prepare(draft);
        invalidIf(validate(changed, original));
        const current = find(list, original.id) as unknown as T | undefined;
        if (!readable(current)) throw new DataError('notFound', { status: 404 });
        mayWrite();
        const mine = changedProps(original, changed);
        if (mine.length === 0) return clone(current);
        if (current.etag !== original.etag) {
          const values: Record<string, unknown> = {};
          for (const field of mine) values[field] = (changed as Record<string, unknown>)[field];
          const overlap = overlappingChanges(values, changedProps(original, current), current as never);
          if (overlap.length > 0) {
            throw new ConflictError<T>({ ...clone(changed), etag: current.etag }, clone(current), overlap);
          }
        }
        for (const field of mine)
          (current as Record<string, unknown>)[field] = clone((changed as Record<string, unknown>)[field]);
        current.etag = newEtag();
        return clone(current);
      },
      async remove(item: T): Promise<void> {
        await enter(`${name}.remove`);
        requireProvisioned();
        const current = item.id === undefined ? undefined : (find(list, item.id) as unknown as T | undefined);
        if (!readable(current)) return;
        mayWrite();
        if (item.etag && current.etag !== item.etag) throw new ConflictError<T>(item, clone(current), []);
        const all = data[list] as unknown as T[];
        all.splice(all.indexOf(current), 1);
      },
    };
  }

  // Content approval: a story not approved is read only by its author and the approvers (site owners).
  const storyReadable = (story: IStory): boolean =>
    story.moderationStatus === undefined ||
    story.moderationStatus === MODERATION_STATUS.approved ||
    story.authorId === undefined ||
    story.authorId === user.id ||
    permissions.isSiteOwner;
  /** The version of a story the user reads: the newest, or for others the approved one while an edit waits. */
  const storySeen = (story: IStory): IStory | undefined =>
    storyReadable(story) ? story : counters.approvedStories.get(story.id as number);
  // Private notes: only their author reads them (rows seeded without an author are the user's).
  const ownReflection = (reflection: IReflection & { authorId?: number }): boolean =>
    reflection.authorId === undefined || reflection.authorId === user.id;

  const schema = (): ISchemaStatus => ({
    provisioned: fake.provisioned,
    installedVersion: fake.provisioned ? SCHEMA_VERSION : undefined,
    currentVersion: SCHEMA_VERSION,
    needsUpgrade: !fake.provisioned,
  });
  const visibleRows = <L extends ListName>(list: L): Array<IFakeData[L][number] & IEntity> =>
    fake.provisioned ? rows(list) : [];
  const units = (): IUnitItem[] =>
    clone(visibleRows('units')).sort(
      (a, b) => (a.order ?? 1e9) - (b.order ?? 1e9) || a.name.localeCompare(b.name, 'da'),
    );

  // Who writes which list, as the schema's permissions have it: employees (SharePoint's visitors) write
  // only their own contributions (stories, recognitions, comments, notes); members — the leaders — and
  // the chefgruppe also the units, plans and tasks; only site owners the reference data.
  const isEmployee =
    !permissions.canEditInitiatives &&
    !permissions.isSiteOwner &&
    !(options.inChefgruppe ?? false) &&
    !(options.canManageTasks ?? false);
  const members = { mayWrite: () => !isEmployee };
  const unitRepository = repository<IUnitItem, 'units'>(
    'units',
    'units',
    (unit) => validateUnit(unit, { units: data.units }),
    members,
  );
  const plans = repository<IPlan, 'plans'>(
    'plans',
    'plans',
    (plan, previous) => validatePlan(plan, { previousStatus: previous?.status }),
    members,
  );
  const planFocuses = repository<IPlanFocus, 'planFocuses'>(
    'planFocuses',
    'planFocuses',
    (focus) => validatePlanFocus(focus),
    members,
  );
  const initiatives = repository<IInitiative, 'initiatives'>(
    'initiatives',
    'initiatives',
    (initiative, previous) => validateInitiative(initiative, { previousStatus: previous?.status }),
    members,
  );
  const checkIns = repository<ICheckIn, 'checkIns'>(
    'checkIns',
    'checkIns',
    (checkIn) => validateCheckIn(checkIn, { now: now() }),
    members,
  );
  const comments = repository<IDialogComment, 'comments'>('comments', 'comments', (comment) =>
    validateComment(comment),
  );
  const tasks = repository<IFollowUpTask, 'tasks'>(
    'tasks',
    'tasks',
    (task, previous) => validateTask(task, { previousStatus: previous?.status }),
    members,
  );
  const stories = repository<IStory, 'stories'>('stories', 'stories', (story) => validateStory(story), {
    prepare: (story) => ({ ...story, body: sanitizeRichText(story.body) }),
    seenAs: storySeen,
  });
  const reflections = repository<IReflection, 'reflections'>(
    'reflections',
    'reflections',
    (reflection) => validateReflection(reflection),
    { seenAs: (reflection) => (ownReflection(reflection) ? reflection : undefined) },
  );
  const priorities = repository<IPoliticalPriority, 'politicalPriorities'>(
    'politicalPriorities',
    'politicalPriorities',
    (p) => validatePoliticalPriority(p),
    { mayWrite: () => permissions.isSiteOwner },
  );

  /** How many people recognised a story (each person once). */
  const recognitionsOf = (storyId: number | undefined): number =>
    new Set(
      visibleRows('recognitions')
        .filter((r) => r.storyId === storyId)
        .map((r) => r.userId),
    ).size;

  const approvedStories = (filters: IStoryFilters): IStory[] =>
    visibleRows('stories')
      .map(storySeen)
      .filter((s): s is IStory => s !== undefined)
      .filter((s) => s.moderationStatus === undefined || s.moderationStatus === MODERATION_STATUS.approved)
      .filter((s) => !filters.ambitionKey || s.ambitionKey === filters.ambitionKey)
      .filter((s) => filters.unitId === undefined || s.unitId === filters.unitId)
      .filter((s) => !filters.kind || s.kind === filters.kind)
      // Lists match any of their values; empty lists filter nothing (as `storyFilter` does).
      .filter(
        (s) =>
          !filters.ambitionKeys ||
          filters.ambitionKeys.length === 0 ||
          filters.ambitionKeys.indexOf(s.ambitionKey) >= 0,
      )
      .filter(
        (s) =>
          !filters.unitIds ||
          filters.unitIds.length === 0 ||
          (s.unitId !== undefined && filters.unitIds.indexOf(s.unitId) >= 0),
      )
      .map((s) => ({ ...s, recognitionCount: recognitionsOf(s.id) }))
      .sort((a, b) => (b.created ?? '').localeCompare(a.created ?? '') || (b.id ?? 0) - (a.id ?? 0));

  /**
   * For approvers (site owners): the pending stories among the newest `PENDING_WINDOW`, at most
   * `PENDING_MAX`, and where "Vis flere" goes on (as the real view). Nothing for anyone else.
   */
  const pendingForModeration = (): Partial<IAmbitionsView> => {
    if (!permissions.isSiteOwner) return {};
    const all = visibleRows('stories')
      .slice()
      .sort((a, b) => (b.id ?? 0) - (a.id ?? 0));
    const newest = all.slice(0, PENDING_WINDOW);
    const pending = newest
      .filter((story) => story.moderationStatus === MODERATION_STATUS.pending)
      .map((story) => ({ ...story, recognitionCount: recognitionsOf(story.id) }));
    const more = pending.length > PENDING_MAX || all.length > newest.length;
    const below =
      pending.length > PENDING_MAX
        ? pending[PENDING_MAX - 1].id
        : more && newest.length > 0
          ? newest[newest.length - 1].id
          : undefined;
    return {
      pendingForModeration: clone(pending.slice(0, PENDING_MAX)),
      morePendingForModeration: more,
      ...(below !== undefined ? { pendingBelow: below } : {}),
    };
  };

  const filteredTasks = (filters: ITaskFilters): IFollowUpTask[] =>
    visibleRows('tasks')
      .filter((t) => filters.unitId === undefined || t.unitId === filters.unitId)
      .filter((t) => !filters.status || t.status === filters.status)
      .filter((t) => filters.assigneeId === undefined || t.assigneeId === filters.assigneeId)
      .filter((t) => !filters.meeting || t.meeting === filters.meeting)
      .filter((t) => !filters.overdueOn || (t.status !== 'closed' && !!t.dueDate && t.dueDate < filters.overdueOn))
      .sort((a, b) => a.dueDate.localeCompare(b.dueDate));

  const siteUsers: IPersonValue[] = (
    options.siteUsers ?? [{ id: user.id, title: user.displayName ?? user.email ?? '', email: user.email ?? '' }]
  ).slice();
  const directory: IPersonValue[] = (options.directory ?? []).slice();
  /** The names of these site users, as a view gives them (someone not on the site has no entry). */
  const peopleOf = (ids: ReadonlyArray<number | undefined>): IPeople => {
    const people: IPeople = {};
    for (const id of ids) {
      const known = id === undefined ? undefined : siteUsers.find((u) => u.id === id);
      if (known) people[known.id] = { displayName: known.title };
    }
    return people;
  };
  const leadersOf = (all: readonly IUnitItem[]): number[] => all.flatMap((u) => u.leaderIds ?? []);

  const inboxState = {
    entries: clone(options.notifications ?? []),
    settings: parsePersonalSettings({}),
    nudges: [] as INudgeTarget[],
  };
  const deliveryListeners = new Set<(report: IDeliveryReport) => void>();
  const inbox = (): INotification[] => assembleInbox(inboxState.entries, inboxState.settings);
  const fake: IFakeServices = {
    user,
    data,
    calls,
    inboxState,
    deliver(report) {
      for (const listener of Array.from(deliveryListeners)) listener(report);
    },
    provisioned: options.provisioned ?? true,
    health: (options.health ?? []).slice(),
    failNext(method, error) {
      failures.set(method, error);
    },
    hold(method) {
      let release: () => void = () => undefined;
      holds.set(
        method,
        new Promise<void>((resolve) => {
          release = () => {
            holds.delete(method);
            resolve();
          };
        }),
      );
      return release;
    },
    changeAsSomeoneElse(list, id, patch) {
      const row = find(list, id);
      if (!row) throw new Error(`changeAsSomeoneElse: no ${String(list)} item ${id}`);
      Object.assign(row, clone(patch));
      row.etag = newEtag();
    },

    views: {
      async loadPlanView(query): Promise<IPlanView> {
        await enter('views.loadPlanView');
        // A channel mapped in the Units list wins over the remembered unit (as the data layer does).
        const mapped = query.channelId ? units().find((u) => u.teamsChannelId === query.channelId) : undefined;
        const unitId = mapped ? mapped.id : query.unitId;
        const allPlans = clone(visibleRows('plans').filter((p) => p.unitId === unitId));
        const linked =
          query.initiativeId !== undefined
            ? visibleRows('initiatives').find((i) => i.id === query.initiativeId && i.unitId === unitId)
            : undefined;
        const plan = pickPlanToShow(allPlans, query.now ?? now(), [query.planId, linked?.planId]);
        const currentPlanId = pickCurrentPlan(allPlans, query.now ?? now())?.id;
        const planId = plan?.id;
        const planInitiatives = clone(
          visibleRows('initiatives').filter((i) => i.planId === planId && planId !== undefined),
        );
        const ids = new Set(planInitiatives.map((i) => i.id as number));
        const planCheckIns = clone(visibleRows('checkIns').filter((c) => ids.has(c.initiativeId))).sort(
          (a, b) => b.date.localeCompare(a.date) || (b.id ?? 0) - (a.id ?? 0),
        );
        const latestCheckIns: Record<number, ICheckIn> = {};
        for (const c of planCheckIns) if (!latestCheckIns[c.initiativeId]) latestCheckIns[c.initiativeId] = c;
        const commentCounts: Record<number, number> = {};
        for (const c of visibleRows('comments')) {
          const key =
            c.initiativeId !== undefined && ids.has(c.initiativeId)
              ? c.initiativeId
              : c.planId === planId && planId !== undefined
                ? 0
                : undefined;
          if (key !== undefined) commentCounts[key] = (commentCounts[key] ?? 0) + 1;
        }
        const allUnits = units();
        // As the real view: plan owners, initiative owners, every unit's leaders, the unit's comments' authors.
        const people = peopleOf([
          ...allPlans.map((p) => p.ownerId),
          ...planInitiatives.map((i) => i.ownerId),
          ...leadersOf(allUnits),
          ...visibleRows('comments')
            .filter((c) => c.unitId === unitId)
            .map((c) => c.authorId),
        ]);
        return {
          schema: schema(),
          inbox: inboxSummary(inbox(), true),
          people,
          unit: allUnits.find((u) => u.id === unitId),
          units: allUnits,
          plans: allPlans,
          plan,
          currentPlanId,
          focuses: clone(visibleRows('planFocuses').filter((f) => f.planId === planId && planId !== undefined)),
          initiatives: planInitiatives,
          latestCheckIns,
          checkIns: planCheckIns,
          commentCounts,
          ambitions: ambitionsFromSeed(),
          politicalPriorities: clone(visibleRows('politicalPriorities')).sort((a, b) => a.order - b.order),
          permissions: fake.provisioned
            ? { ...permissions }
            : { ...permissions, canEditPlan: false, canEditInitiatives: false, canCheckIn: false, canComment: false },
          actor: {
            userId: query.userId ?? user.id,
            isSiteOwner: permissions.isSiteOwner,
            inChefgruppe: options.inChefgruppe ?? false,
          },
        };
      },
      async loadAmbitionsView(query: IAmbitionsViewQuery): Promise<IAmbitionsView> {
        await enter('views.loadAmbitionsView');
        const filters = query.filters ?? {};
        const approved = approvedStories(filters);
        const featured = approved.filter((s) => s.featured);
        const counts: Record<string, IAmbitionCounts> = {};
        for (const a of AMBITIONS) {
          counts[a.key] = {
            plans: new Set(
              visibleRows('planFocuses')
                .filter((f) => f.ambitionKey === a.key && f.relevance !== 'notRelevant')
                .map((f) => f.planId),
            ).size,
            initiatives: visibleRows('initiatives').filter((i) => i.ambitionKey === a.key).length,
            stories: approvedStories({ ambitionKey: a.key }).length,
          };
        }
        return {
          schema: schema(),
          inbox: inboxSummary(inbox(), true),
          ambitions: ambitionsFromSeed(),
          units: units(),
          featuredStories: clone(featured),
          stories: pageOf(
            approved.filter((s) => !s.featured),
            query.pageSize ?? 10,
          ),
          myPendingStories: clone(
            visibleRows('stories').filter(
              (s) =>
                s.authorId === query.userId &&
                s.moderationStatus !== undefined &&
                s.moderationStatus !== MODERATION_STATUS.approved,
            ),
          ),
          myUnitId: visibleRows('stories')
            .filter((s) => s.authorId === query.userId && s.unitId !== undefined)
            .sort((a, b) => (b.id || 0) - (a.id || 0))[0]?.unitId,
          myRecognitions: clone(visibleRows('recognitions').filter((r) => r.userId === query.userId)),
          counts,
          countsComplete: true,
          ...pendingForModeration(),
          isSiteOwner: permissions.isSiteOwner,
          canPostStory: fake.provisioned && (options.canPostStory ?? true),
        };
      },
      async loadFollowUpView(query: IFollowUpViewQuery): Promise<IFollowUpView> {
        await enter('views.loadFollowUpView');
        const at = query.now ?? now();
        // As the real view: each unit's summary from that unit's rows, then the overview from the
        // summaries (the lists are read on demand); the story counts as the row-by-row overview has them.
        const plans = visibleRows('plans');
        const unitOfPlan = new Map(plans.map((plan) => [plan.id, plan.unitId]));
        const rowsOf = <T extends { unitId?: number }>(rows: readonly T[], unitId: number | undefined): T[] =>
          rows.filter((row) => row.unitId === unitId);
        const summaries = new Map(
          units()
            .filter((unit) => unit.id !== undefined)
            .map((unit) => [
              unit.id as number,
              summarizeUnit(
                {
                  unit,
                  plans: rowsOf(plans, unit.id),
                  focuses: visibleRows('planFocuses').filter((focus) => unitOfPlan.get(focus.planId) === unit.id),
                  initiatives: rowsOf(visibleRows('initiatives'), unit.id),
                  checkIns: visibleRows('checkIns').filter((checkIn) =>
                    visibleRows('initiatives').some((i) => i.id === checkIn.initiativeId && i.unitId === unit.id),
                  ),
                  tasks: rowsOf(visibleRows('tasks'), unit.id),
                },
                at,
              ),
            ]),
        );
        const { storiesByAmbition } = buildOverview(
          {
            units: [],
            plans: [],
            focuses: [],
            initiatives: [],
            checkIns: [],
            tasks: [],
            stories: visibleRows('stories'),
          },
          { now: at },
        );
        const overview = overviewFromSummaries(units(), summaries, storiesByAmbition, { now: at, since: query.since });
        const board = filteredTasks({ ...query.filters, meeting: query.meeting ?? query.filters?.meeting });
        const mine = openFirstTasks(filteredTasks({ assigneeId: query.userId }));
        return {
          schema: schema(),
          inbox: inboxSummary(inbox(), true),
          ambitions: ambitionsFromSeed(),
          units: units(),
          overview,
          tasks: pageOf(board, query.pageSize ?? 50),
          myTasks: pageOf(mine, query.pageSize ?? 50),
          // The tasks' assignees and every unit's leaders.
          people: peopleOf([...board, ...mine].map((t) => t.assigneeId).concat(leadersOf(units()))),
          complete: true,
          canManageTasks: options.canManageTasks ?? false,
          isSiteOwner: permissions.isSiteOwner,
        };
      },
      async loadOverdueTasks(unitIds: readonly number[], today: string) {
        await enter('views.loadOverdueTasks');
        requireProvisioned();
        const tasks = visibleRows('tasks')
          .filter((t) => unitIds.indexOf(t.unitId) >= 0 && t.status !== 'closed' && !!t.dueDate && t.dueDate < today)
          .sort((a, b) => (a.dueDate < b.dueDate ? -1 : a.dueDate > b.dueDate ? 1 : (a.id || 0) - (b.id || 0)));
        return { tasks, people: {} };
      },
      async loadUnitAmbitions(unitId: number) {
        await enter('views.loadUnitAmbitions');
        requireProvisioned();
        const plan = pickCurrentPlan(
          visibleRows('plans').filter((p) => p.unitId === unitId),
          now(),
        );
        const focuses = plan ? visibleRows('planFocuses').filter((f) => f.planId === plan.id) : [];
        return { unitId, plan: plan && clone(plan), focuses: clone(focuses), pages: clone(options.pages ?? {}) };
      },
      async loadStoppedInitiatives(planIds: readonly number[]) {
        await enter('views.loadStoppedInitiatives');
        requireProvisioned();
        return visibleRows('initiatives')
          .filter((i) => planIds.indexOf(i.planId) >= 0 && i.status === 'stopped')
          .sort((a, b) => (b.id || 0) - (a.id || 0));
      },
    },

    units: {
      ...unitRepository,
      async list() {
        await enter('units.list');
        requireProvisioned();
        return units();
      },
      async findByChannel(channelId: string) {
        await enter('units.findByChannel');
        requireProvisioned();
        return units().find((u) => u.teamsChannelId === channelId);
      },
      // The real repository's rule (`UnitRepository.mapChannel`), on the fake's rows.
      async mapChannel(
        unitId: number,
        mapping: { channelId: string; channelName?: string; teamId?: string },
        mapOptions: { takeOver?: boolean } = {},
      ) {
        await enter('units.mapChannel');
        requireProvisioned();
        const all = units();
        const actor = {
          userId: user.id,
          isSiteOwner: permissions.isSiteOwner,
          inChefgruppe: options.inChefgruppe ?? false,
        };
        const unit = all.find((u) => u.id === unitId);
        if (!unit) throw new DataError('notFound');
        const previous = all.filter((u) => u.id !== unitId && u.teamsChannelId === mapping.channelId);
        if (!mayActForUnit(actor, unitId, all)) throw new DataError('forbidden', { reason: 'unitNotYours' });
        if (previous.some((u) => !mayActForUnit(actor, u.id, all)))
          throw new DataError('forbidden', { reason: 'channelOfOtherUnit' });
        if (unit.teamsChannelId && unit.teamsChannelId !== mapping.channelId && !mapOptions.takeOver)
          throw new DataError('conflict', { reason: 'channelTaken' });
        const saved: IUnitItem[] = [];
        for (const other of previous)
          saved.push(
            await unitRepository.update(other, {
              ...other,
              teamsChannelId: undefined,
              teamsChannelName: undefined,
              teamsTeamId: undefined,
            }),
          );
        saved.push(
          await unitRepository.update(unit, {
            ...unit,
            teamsChannelId: mapping.channelId,
            teamsChannelName: mapping.channelName || unit.teamsChannelName,
            teamsTeamId: unit.teamsTeamId,
          }),
        );
        return saved;
      },
    },
    politicalPriorities: {
      ...priorities,
      async list() {
        await enter('politicalPriorities.list');
        requireProvisioned();
        return clone(rows('politicalPriorities')).sort((a, b) => a.order - b.order);
      },
    },
    plans: {
      ...plans,
      async listForUnit(unitId: number) {
        await enter('plans.listForUnit');
        requireProvisioned();
        return clone(rows('plans').filter((p) => p.unitId === unitId));
      },
    },
    planFocuses: {
      ...planFocuses,
      async listForPlan(planId: number) {
        await enter('planFocuses.listForPlan');
        requireProvisioned();
        return clone(rows('planFocuses').filter((f) => f.planId === planId));
      },
    },
    initiatives: {
      ...initiatives,
      async listForPlan(planId: number) {
        await enter('initiatives.listForPlan');
        requireProvisioned();
        return clone(rows('initiatives').filter((i) => i.planId === planId));
      },
      async listForUnit(unitId: number) {
        await enter('initiatives.listForUnit');
        requireProvisioned();
        return clone(rows('initiatives').filter((i) => i.unitId === unitId));
      },
    },
    checkIns: {
      ...checkIns,
      async listForInitiative(initiativeId: number) {
        await enter('checkIns.listForInitiative');
        requireProvisioned();
        return clone(rows('checkIns').filter((c) => c.initiativeId === initiativeId)).sort(
          (a, b) => b.date.localeCompare(a.date) || (b.id ?? 0) - (a.id ?? 0),
        );
      },
    },
    tasks: {
      ...tasks,
      async query(filters: ITaskFilters, pageSize = 50) {
        await enter('tasks.query');
        requireProvisioned();
        return pageOf(filteredTasks(filters), pageSize);
      },
      async listAssignedTo(userId: number) {
        await enter('tasks.listAssignedTo');
        requireProvisioned();
        return clone(openFirstTasks(filteredTasks({ assigneeId: userId })));
      },
      async getMany(ids: readonly number[]) {
        await enter('tasks.getMany');
        requireProvisioned();
        return clone(rows('tasks').filter((t) => t.id !== undefined && ids.indexOf(t.id) >= 0));
      },
      async pageAssignedTo(userId: number, pageSize = 50) {
        await enter('tasks.pageAssignedTo');
        requireProvisioned();
        return pageOf(openFirstTasks(filteredTasks({ assigneeId: userId })), pageSize);
      },
      async setStatus(task: IFollowUpTask, status) {
        // Recorded under its own name too (follow-up tests: `failNext('tasks.setStatus', …)`), then the update's rules.
        await enter('tasks.setStatus');
        return tasks.update(task, { ...task, status });
      },
    },
    stories: {
      ...stories,
      // With a picture, as the real repository: linked by the story's key in "MPK Billeder" (the fake
      // keeps no bytes); without one, no picture columns whatever the caller sent.
      async create(story: IStory, picture?: Blob) {
        const key = story.clientKey.replace(/[^A-Za-z0-9_-]/g, '');
        const created = await stories.create({
          ...story,
          pictureUrl: picture ? `/sites/mpk/MPK Billeder/${key}.jpg` : undefined,
          // The picture's own item id in the library: any distinct number will do for the fake.
          pictureId: picture ? key.length + 1 : undefined,
          pictureAlt: picture ? story.pictureAlt : undefined,
          pictureConsent: picture ? story.pictureConsent : undefined,
          featured: false,
          moderationStatus: MODERATION_STATUS.pending,
          authorId: user.id,
          created: now().toISOString(),
        });
        return created;
      },
      // `featured` stays as it was (the approvers'); any edit waits for approval again (a story sent
      // back too: "Ret og send igen"), and everyone but its author and the approvers keeps reading the
      // approved version of an approved story.
      async update(original: IStory, changed: IStory) {
        const before = original.id === undefined ? undefined : clone(find('stories', original.id));
        const approved = before && before.moderationStatus === MODERATION_STATUS.approved ? before : undefined;
        const saved = await stories.update(original, { ...changed, featured: original.featured });
        const row = find('stories', saved.id as number);
        if (!before || !row || row.etag === before.etag) return saved;
        if (approved) counters.approvedStories.set(approved.id as number, approved);
        row.moderationStatus = MODERATION_STATUS.pending;
        return clone(row);
      },
      async query(filters: IStoryFilters, pageSize = 10) {
        await enter('stories.query');
        requireProvisioned();
        return pageOf(approvedStories(filters), pageSize);
      },
      async listByAuthor(userId: number) {
        await enter('stories.listByAuthor');
        requireProvisioned();
        return clone(
          rows('stories')
            .filter((s) => s.authorId === userId)
            .map(storySeen)
            .filter((s): s is IStory => s !== undefined),
        );
      },
      async moderate(story: IStory, approve: boolean, comment?: string, moderateOptions: { featured?: boolean } = {}) {
        await enter('stories.moderate');
        // Approving needs the approve permission (site owners); others do not even see someone else's pending story.
        if (!permissions.isSiteOwner) {
          const current = story.id === undefined ? undefined : find('stories', story.id);
          if (!current || !storySeen(current)) throw new DataError('notFound', { status: 404 });
          throw new DataError('forbidden', { status: 403 });
        }
        const moderationComment = comment !== undefined ? comment : story.moderationComment;
        // Approving sets Featured as the approver chose, never as the author left it (as the real repository).
        const featured = approve ? moderateOptions.featured === true : story.featured;
        const moderated = await stories.update(story, {
          ...story,
          moderationStatus: approve ? MODERATION_STATUS.approved : MODERATION_STATUS.denied,
          moderationComment,
          featured,
        });
        // Approved: everyone reads the new version (rejected: others keep the one approved before).
        if (approve) counters.approvedStories.delete(moderated.id as number);
        return moderated;
      },
      async listPending(pageSize = 20, below?: number) {
        await enter('stories.listPending');
        requireProvisioned();
        const pending = visibleRows('stories')
          .filter(
            (s) => s.moderationStatus === MODERATION_STATUS.pending && (below === undefined || (s.id ?? 0) < below),
          )
          .sort((a, b) => (b.id ?? 0) - (a.id ?? 0));
        return pageOf(pending, pageSize);
      },
      async setFeatured(story: IStory, featured: boolean) {
        // The approvers' (site owners'): an approved story is featured by approving it again.
        if (!permissions.isSiteOwner) throw new DataError('forbidden', { status: 403 });
        return stories.update(story, { ...story, featured });
      },
      async recognitionCounts(storyIds: readonly number[]) {
        await enter('stories.recognitionCounts');
        const counts = new Map<number, number>();
        for (const id of storyIds)
          counts.set(
            id,
            new Set(
              rows('recognitions')
                .filter((r) => r.storyId === id)
                .map((r) => r.userId),
            ).size,
          );
        return counts;
      },
    },
    recognitions: {
      async recognise(storyId: number, userId: number) {
        await enter('recognitions.recognise');
        requireProvisioned();
        const existing = rows('recognitions').find((r) => r.storyId === storyId && r.userId === userId);
        if (existing) return clone(existing);
        const key = recognitionKey(storyId, userId);
        const row: IRecognition = { id: newId(), clientKey: key, etag: newEtag(), storyId, userId };
        data.recognitions.push(row);
        return clone(row);
      },
      async withdraw(recognition: IRecognition) {
        await enter('recognitions.withdraw');
        const index = data.recognitions.findIndex((r) => r.id === recognition.id);
        if (index >= 0) data.recognitions.splice(index, 1);
      },
      async listByUser(userId: number) {
        await enter('recognitions.listByUser');
        return clone(rows('recognitions').filter((r) => r.userId === userId));
      },
    },
    comments: {
      ...comments,
      async create(comment: IDialogComment, unitId: number) {
        return comments.create({ ...comment, authorId: user.id, created: now().toISOString() }, unitId);
      },
      async listForInitiative(initiativeId: number) {
        await enter('comments.listForInitiative');
        requireProvisioned();
        return clone(rows('comments').filter((c) => c.initiativeId === initiativeId));
      },
      async listForPlan(planId: number) {
        await enter('comments.listForPlan');
        requireProvisioned();
        return clone(rows('comments').filter((c) => c.planId === planId));
      },
    },
    reflections: {
      ...reflections,
      // As the person's one file in their OneDrive: one note each, created once (a second create is a
      // conflict with the saved one), and independent of the site's lists.
      async create(reflection: IReflection) {
        const existing = rows('reflections').find((r) => ownReflection(r) && r.authorId === user.id);
        if (existing) {
          await enter('reflections.create');
          throw new ConflictError(reflection, clone(existing), []);
        }
        return reflections.create({ ...reflection, authorId: user.id } as IReflection);
      },
      async listMine(userId: number) {
        await enter('reflections.listMine');
        if (userId !== user.id) return [];
        return clone(
          rows('reflections')
            .filter((r) => ownReflection(r) && (r.authorId === undefined || r.authorId === userId))
            .slice(-1),
        );
      },
    },
    notifications: {
      async page(pageSize = 20) {
        await enter('notifications.page');
        return pageOf(inbox(), pageSize);
      },
      async markRead(ids) {
        await enter('notifications.markRead');
        inboxState.settings = withRead(
          inboxState.settings,
          inbox().filter((n) => ids.includes(n.id)),
        );
      },
      async markAllRead() {
        await enter('notifications.markAllRead');
        inboxState.settings = withAllRead(inboxState.settings, now());
      },
      async getSettings() {
        await enter('notifications.getSettings');
        return { off: inboxState.settings.off.slice() };
      },
      async saveSettings(settings) {
        await enter('notifications.saveSettings');
        inboxState.settings = withOff(inboxState.settings, settings.off);
        return { off: inboxState.settings.off.slice() };
      },
      async nudge(target) {
        await enter('notifications.nudge');
        inboxState.nudges.push({ ...target });
        const report: IDeliveryReport = { kind: 'nudge', recipients: 1, teams: 'sent' };
        fake.deliver(report);
        return report;
      },
      onDelivery(listener) {
        deliveryListeners.add(listener);
        return () => {
          deliveryListeners.delete(listener);
        };
      },
    },
    people: {
      // As SharePoint's people picker search (localsp/api/peoplePicker.ts): any case, by the start of a
      // word of the name or of the e-mail, in the whole directory.
      async search(text: string, top = 20) {
        await enter('people.search');
        const term = text.trim().toLowerCase();
        if (term.length < 2) return [];
        const starts = (p: IPersonValue): boolean => {
          const words = p.title.toLowerCase().split(/[\s-]+/);
          return (
            p.title.toLowerCase().startsWith(term) ||
            p.email.toLowerCase().startsWith(term) ||
            term.split(/\s+/).every((part) => words.some((w) => w.startsWith(part)))
          );
        };
        const everyone = siteUsers.concat(directory.filter((d) => !siteUsers.some((u) => u.email === d.email)));
        return everyone
          .filter(starts)
          .sort((a, b) => a.title.localeCompare(b.title, 'da'))
          .slice(0, top)
          .map((p) => ({ key: `i:0#.f|membership|${p.email}`, title: p.title, email: p.email }));
      },
      async resolve(match: IPersonMatch) {
        await enter('people.resolve');
        const address = match.email.toLowerCase();
        const known =
          siteUsers.find((p) => p.email.toLowerCase() === address) ||
          directory.find((p) => p.email.toLowerCase() === address);
        if (!known) throw new DataError('notFound', { reason: 'personNotFound', detail: match.email });
        if (siteUsers.indexOf(known) < 0) siteUsers.push(known);
        return clone(known);
      },
      async ensure(email: string) {
        await enter('people.ensure');
        const address = email.trim().toLowerCase();
        const known =
          siteUsers.find((p) => p.email.toLowerCase() === address) ||
          directory.find((p) => p.email.toLowerCase() === address);
        if (!known) throw new DataError('notFound', { reason: 'userNotFound', detail: email });
        if (siteUsers.indexOf(known) < 0) siteUsers.push(known);
        return clone(known);
      },
    },
    indicators: {
      async listActive() {
        await enter('indicators.listActive');
        requireProvisioned();
        return clone(activeInOrder(rows('indicators')));
      },
    },
    measurements: {
      async forUnit(unitId: number) {
        await enter('measurements.forUnit');
        requireProvisioned();
        return clone(rows('measurements').filter((m) => m.unitId === unitId)).sort(
          (a, b) =>
            a.unitId - b.unitId || a.indicatorKey.localeCompare(b.indicatorKey) || comparePeriods(a.period, b.period),
        );
      },
      async latestPerUnit(indicatorKeys?: readonly string[]) {
        await enter('measurements.latestPerUnit');
        requireProvisioned();
        const keys = indicatorKeys ?? activeInOrder(rows('indicators')).map((i) => i.key);
        return clone(latestTwoPerUnit(rows('measurements').filter((m) => keys.indexOf(m.indicatorKey) >= 0)));
      },
      // As the real one: refused rows refuse the import, equal results are left alone, the chefgruppe and
      // site owners write (SharePoint: members and visitors read), `signal` stops between batches.
      async importRows(
        batches: readonly (readonly IIndicatorValue[])[],
        importKey: string,
        onProgress?: (progress: { rowsDone: number; rows: number; batchesDone: number; batches: number }) => void,
        signal?: AbortSignal,
      ) {
        await enter('measurements.importRows');
        requireProvisioned();
        const total = batches.reduce((n, batch) => n + batch.length, 0);
        for (const batch of batches)
          for (const row of batch) {
            const why = importRefusal(row);
            if (why) throw new DataError('invalid', { detail: `${why} of ${measurementKey(row)}` });
          }
        const result = { created: 0, updated: 0, unchanged: 0, batchesWritten: 0, aborted: false };
        const progress = (rowsDone: number): void =>
          onProgress?.({ rowsDone, rows: total, batchesDone: result.batchesWritten, batches: batches.length });
        if (signal?.aborted) return { ...result, aborted: true };
        progress(0);
        let done = 0;
        for (const batch of batches) {
          if (signal?.aborted) return { ...result, aborted: true };
          const writes = batch.filter((row) => {
            const stored = rows('measurements').find((m) => m.clientKey === measurementKey(row));
            if (stored && sameResult(stored, row)) result.unchanged++;
            return !stored || !sameResult(stored, row);
          });
          if (writes.length > 0 && !(options.inChefgruppe || permissions.isSiteOwner))
            throw new DataError('forbidden', { status: 403 });
          for (let i = 0; i < writes.length; i += WRITES_PER_BATCH)
            for (const row of writes.slice(i, i + WRITES_PER_BATCH)) {
              const clientKey = measurementKey(row);
              const stored = rows('measurements').find((m) => m.clientKey === clientKey);
              const next: IMeasurementRow = {
                clientKey,
                indicatorKey: row.indicatorKey,
                unitId: row.unitId,
                period: row.period,
                value: row.value,
                respondents: row.respondents,
                importKey,
              };
              if (stored) {
                Object.assign(stored, next, { etag: newEtag() });
                result.updated++;
              } else {
                rows('measurements').push({ ...next, id: newId(), etag: newEtag() });
                result.created++;
              }
            }
          result.batchesWritten++;
          done += batch.length;
          progress(done);
        }
        return result;
      },
    },
    provisioning: {
      async status() {
        await enter('provisioning.status');
        return schema();
      },
      async provision(): Promise<IProvisionReport> {
        await enter('provisioning.provision');
        const fromVersion = fake.provisioned ? SCHEMA_VERSION : undefined;
        const changes: IProvisionReport['changes'] = fake.provisioned
          ? []
          : [{ kind: 'listCreated', target: 'MPK Planer' }];
        fake.provisioned = true;
        const health = fake.health;
        for (const finding of health)
          changes.push({
            kind: finding.setting === 'uniquePermissions' ? 'inheritanceReset' : 'listUpdated',
            target: finding.list,
            detail: finding.setting,
          });
        fake.health = [];
        return { fromVersion, toVersion: SCHEMA_VERSION, changes, writes: changes.length, health };
      },
      async health() {
        await enter('provisioning.health');
        return clone(fake.health);
      },
    },
  };
  return fake;
}

/** Today in Copenhagen for the fake's clock, as `YYYY-MM-DD`. */
export function fakeToday(now: Date = new Date()): string {
  return toIsoDate(now);
}

/** Whether an initiative still counts as being worked (re-exported for test data builders). */
export const isActive = isInitiativeActive;
