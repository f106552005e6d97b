/**
 * Who may do what, as data: the intended allow/deny of every demo account for every operation on
 * every list of the product. Derived from PRODUCT.md ("Who uses it") and the permissions the data
 * layer provisions (`src/data/schema/lists.ts`):
 *
 * - admin@ is the site owner (Full Control, and site collection administrator): edits reference
 *   data, approves stories, may do everything.
 * - chef@ is in the site's members ("MPK Bidragyder" since schema v5, Edit before) and in the
 *   product's "Chefgruppe" group.
 * - leder@ is in the site's members and the leader of the first unit: owns that unit's plan,
 *   initiatives, check-ins; works the follow-up tasks assigned to them.
 * - medarbejder@ is a visitor (Read), given "MPK Bidragyder" on the lists employees write to (stories,
 *   recognitions, comments, reflections), where each person edits only their own items
 *   (WriteSecurity 2) — and on reflections also reads only their own (ReadSecurity 2).
 * - Nobody but the owner may change a list itself (issue 21): its settings (ReadSecurity, content
 *   approval, draft visibility), columns, indexes, views, permissions, or delete it.
 *
 * "Other's" items are authored by a fifth account, kollega@ (a visitor, like medarbejder@).
 */
import type { ListKey } from '../../src/data/schema/types';
import type { Account } from './support';

/** An operation on a list. */
export type Operation =
  | 'read'
  | 'create'
  | 'updateOwn'
  | 'updateOther'
  | 'deleteOwn'
  | 'deleteOther'
  | 'readPending'
  | 'approve'
  | ListOperation;

/** Operations on the list itself rather than its items. */
export type ListOperation = 'listSettings' | 'fields' | 'indexes' | 'views' | 'roleAssignments' | 'deleteList';

export const OPERATIONS: readonly Operation[] = [
  'read',
  'create',
  'updateOwn',
  'updateOther',
  'deleteOwn',
  'deleteOther',
];

export const LIST_OPERATIONS: readonly ListOperation[] = [
  'listSettings',
  'fields',
  'indexes',
  'views',
  'roleAssignments',
  'deleteList',
];

/** Operations that exist only on the moderated stories list. */
export const STORY_OPERATIONS: readonly Operation[] = ['readPending', 'approve'];

export const OPERATION_LABELS: Record<Operation, string> = {
  read: "read other's item",
  create: 'create',
  updateOwn: 'update own',
  updateOther: "update other's",
  deleteOwn: 'delete own',
  deleteOther: "delete other's",
  readPending: "read other's pending story",
  approve: 'approve a story',
  listSettings: 'change ReadSecurity / approval / draft visibility',
  fields: 'add, change or delete a column',
  indexes: 'drop or add an index',
  views: 'add, change or delete a view',
  roleAssignments: "change the list's permissions",
  deleteList: 'delete the list',
};

type Row = Record<Account, boolean>;
const ALL: Row = { admin: true, chef: true, leder: true, medarbejder: true };
const OWNER: Row = { admin: true, chef: false, leder: false, medarbejder: false };
const EDITORS: Row = { admin: true, chef: true, leder: true, medarbejder: false };

/** Reference data: everyone reads; only the site owner changes it. */
const REFERENCE: Partial<Record<Operation, Row>> = {
  read: ALL,
  create: OWNER,
  updateOwn: OWNER,
  updateOther: OWNER,
  deleteOwn: OWNER,
  deleteOther: OWNER,
};
/**
 * Units: everyone reads; members (leaders, the chefgruppe) have Contribute since schema v3 so a
 * leader can map their Teams channel to their unit — the app limits them to their own unit's channel
 * fields; SharePoint itself lets any member change any unit (recorded in docs/reliability.md).
 */
const UNITS: Partial<Record<Operation, Row>> = {
  read: ALL,
  create: EDITORS,
  updateOwn: EDITORS,
  updateOther: EDITORS,
  deleteOwn: EDITORS,
  deleteOther: EDITORS,
};
/** Plans and follow-up: everyone reads; leaders, the chefgruppe and the owner write. */
const PLANNING: Partial<Record<Operation, Row>> = {
  read: ALL,
  create: EDITORS,
  updateOwn: EDITORS,
  updateOther: EDITORS,
  deleteOwn: EDITORS,
  deleteOther: EDITORS,
};
/** Results (v8, "MPK Maaleresultater"): everyone reads; the chefgruppe and the owner import them, leaders may not. */
const RESULTS: Partial<Record<Operation, Row>> = {
  read: ALL,
  create: { admin: true, chef: true, leder: false, medarbejder: false },
  updateOwn: { admin: true, chef: true, leder: false, medarbejder: false },
  updateOther: { admin: true, chef: true, leder: false, medarbejder: false },
  deleteOwn: { admin: true, chef: true, leder: false, medarbejder: false },
  deleteOther: { admin: true, chef: true, leder: false, medarbejder: false },
};
/** Employees' own content: everyone reads and adds; each edits and deletes only their own (owner: all). */
const OWN_CONTENT: Partial<Record<Operation, Row>> = {
  read: ALL,
  create: ALL,
  updateOwn: ALL,
  updateOther: OWNER,
  deleteOwn: ALL,
  deleteOther: OWNER,
};

/** Every list: only the site owner changes the list itself. */
const LIST_LEVEL: Partial<Record<Operation, Row>> = {
  listSettings: OWNER,
  fields: OWNER,
  indexes: OWNER,
  views: OWNER,
  roleAssignments: OWNER,
  deleteList: OWNER,
};

/**
 * Story pictures (v9, the library "MPK Billeder"): employees add; a library has no item-level write
 * security (WriteSecurity), so anyone who may add may also change or delete another's file over REST —
 * the app offers it only to the author and approvers (docs/reliability.md). Not in PRODUCT_LISTS' sweep
 * (files are not added through `items`); held by tests/localsp/pictureLibrary.test.ts and tests/data/storyPictures.test.ts.
 */
const PICTURES: Partial<Record<Operation, Row>> = {
  read: ALL,
  create: ALL,
  updateOwn: ALL,
  updateOther: ALL,
  deleteOwn: ALL,
  deleteOther: ALL,
  readPending: OWNER,
  approve: OWNER,
};

const BY_LIST: Record<ListKey, Partial<Record<Operation, Row>>> = {
  settings: REFERENCE,
  ambitions: REFERENCE,
  commitments: REFERENCE,
  units: UNITS,
  politicalPriorities: REFERENCE,
  plans: PLANNING,
  planFocuses: PLANNING,
  initiatives: PLANNING,
  checkIns: PLANNING,
  // Decision recorded in the schema: the chefgruppe creates and edits tasks; leaders (members) may edit
  // items so an assignee can move their own task — the app offers them only the status. Employees read.
  tasks: PLANNING,
  // Content approval: a pending story is seen by its author and by approvers (the owner) only.
  stories: { ...OWN_CONTENT, readPending: OWNER, approve: OWNER },
  recognitions: OWN_CONTENT,
  comments: OWN_CONTENT,
  // PRODUCT.md: "each person reads and edits only their own items" — nobody reads another's notes.
  // "MPK Overblik" (v6): the counts the follow-up shows, rewritten by those who make counted writes
  // (members, the chefgruppe, the owner); employees read them and cannot change them.
  summaries: PLANNING,
  // "Nyt til dig" (v7): whoever acts writes a row to each recipient and edits only their own rows; each
  // person writes only their own settings row. Both are read by all (see the schema's comments and README).
  notifications: OWN_CONTENT,
  personalSettings: OWN_CONTENT,
  // Målinger (v8): the indicators are reference data; the results are imported by the chefgruppe or an owner.
  indicators: REFERENCE,
  pictures: PICTURES,
  measurements: RESULTS,
  reflections: {
    read: { admin: false, chef: false, leder: false, medarbejder: false },
    create: ALL,
    updateOwn: ALL,
    updateOther: { admin: false, chef: false, leder: false, medarbejder: false },
    deleteOwn: ALL,
    deleteOther: { admin: false, chef: false, leder: false, medarbejder: false },
  },
};

/** The intended matrix: list → operation → account → allowed. */
export const INTENDED: Record<ListKey, Partial<Record<Operation, Row>>> = Object.fromEntries(
  Object.entries(BY_LIST).map(([list, rows]) => [list, { ...rows, ...LIST_LEVEL }]),
) as Record<ListKey, Partial<Record<Operation, Row>>>;

/**
 * Where SharePoint itself overrides the product's intent, and the REST API therefore answers
 * otherwise. Each one is reported to the lead (docs/reliability.md); the test asserts the actual
 * behaviour here *and* that the product never shows such items (see permissions.test.ts).
 */
export const PLATFORM_EXCEPTIONS: ReadonlyArray<{
  list: ListKey;
  operation: Operation;
  account: Account;
  actual: boolean;
  why: string;
}> = (['read', 'updateOther', 'deleteOther'] as Operation[]).map((operation) => ({
  list: 'reflections' as ListKey,
  operation,
  account: 'admin' as Account,
  actual: true,
  why: 'Site collection administrators and Full Control (Override List Behaviors) bypass ReadSecurity/WriteSecurity in SharePoint; no list setting can hide items from them.',
}));

/** The answer the REST API must give for a cell: the intent, unless SharePoint overrides it. */
export function expectedAllowed(list: ListKey, operation: Operation, account: Account): boolean | undefined {
  const row = INTENDED[list][operation];
  if (!row) return undefined;
  const exception = PLATFORM_EXCEPTIONS.find(
    (e) => e.list === list && e.operation === operation && e.account === account,
  );
  return exception ? exception.actual : row[account];
}
