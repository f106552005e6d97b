/**
 * The persisted shape of the local site. Everything here is plain JSON so that the snapshot and the
 * journal (localsp/store) can write and replay it without conversion.
 */

/** A list view (only what the product's permission checks need: who may add, change and delete one). */
export interface ViewRecord {
  id: string;
  title: string;
  defaultView: boolean;
  hidden: boolean;
  rowLimit: number;
  viewQuery: string;
}

/** Any JSON value. */
export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

/** A JSON object. */
export type JsonObject = { [key: string]: JsonValue };

/** A URL field value as SharePoint returns it (reference §2 / issue: `{Description, Url}`). */
export interface UrlValue {
  Description: string | null;
  Url: string;
}

/** What an item stores per column: ids for lookups and users, ISO strings for dates. */
export type StoredValue = string | number | boolean | null | number[] | string[] | UrlValue;

/** One column of a list. Type-specific properties (MaxLength, Choices, LookupList …) live in `props`. */
export interface FieldRecord {
  id: string;
  internalName: string;
  staticName: string;
  title: string;
  /** SP.FieldType number (2 Text, 3 Note, 4 DateTime …). */
  kind: number;
  /** SharePoint's TypeAsString: 'Text', 'Note', 'LookupMulti', 'UserMulti' … */
  typeAsString: string;
  required: boolean;
  indexed: boolean;
  enforceUnique: boolean;
  hidden: boolean;
  readOnly: boolean;
  /** Built-in columns of every list (ID, Created, Author …): cannot be deleted, not written by clients. */
  builtIn: boolean;
  description: string;
  group: string;
  defaultValue: string | null;
  props: JsonObject;
}

/** A principal's roles on a securable object. */
export interface RoleAssignmentRecord {
  principalId: number;
  roleDefIds: number[];
}

/** A list's settings and columns; its items are kept beside it. */
export interface ListRecord {
  id: string;
  title: string;
  description: string;
  baseTemplate: number;
  /** Fixed at creation from the title (reference §2: spaces → _x0020_, + "List"). */
  entityTypeName: string;
  /** Folder name under /Lists/, fixed at creation from the title. */
  urlName: string;
  created: string;
  enableModeration: boolean;
  enableVersioning: boolean;
  readSecurity: number;
  writeSecurity: number;
  contentTypesEnabled: boolean;
  allowContentTypes: boolean;
  hidden: boolean;
  enableAttachments: boolean;
  enableFolderCreation: boolean;
  noCrawl: boolean;
  onQuickLaunch: boolean;
  majorVersionLimit: number;
  draftVersionVisibility: number;
  fields: FieldRecord[];
  /** Public views; absent until one is added or changed (the default "All Items" view is implied). */
  views?: ViewRecord[];
  nextItemId: number;
  /** null while the list inherits the web's role assignments. */
  roleAssignments: RoleAssignmentRecord[] | null;
  lastItemModified: string;
  lastItemDeleted: string;
}

/** The version of an item other users see while a newer one waits for approval. */
export interface PublishedVersion {
  version: number;
  uiMajor: number;
  modified: string;
  editor: number;
  values: Record<string, StoredValue>;
  moderationComments: string | null;
}

/** One list item. Built-in columns are fields of the record; the list's own columns are in `values`. */
export interface ItemRecord {
  id: number;
  guid: string;
  /** The `odata.id` SharePoint shows; stable per item, distinct from GUID as in real responses. */
  oid: string;
  /** owshiddenversion: the number in `odata.etag` and the ETag header. */
  version: number;
  /** Major version shown in OData__UIVersionString when versioning is on. */
  uiMajor: number;
  created: string;
  modified: string;
  author: number;
  editor: number;
  /** 0 approved, 1 denied, 2 pending, 3 draft, 4 scheduled; null on lists without content approval. */
  moderationStatus: number | null;
  moderationComments: string | null;
  values: Record<string, StoredValue>;
  /** Last approved version while the current one is pending (content approval keeps it visible). */
  published: PublishedVersion | null;
  /** The file of a document library's item (its bytes are in the data folder's `files/`, by hash). */
  file?: FileRecord;
}

/** A file in a document library: what SP.File reports; the bytes are stored by their SHA-256. */
export interface FileRecord {
  /** Leaf name, e.g. `historie-abc.jpg`. */
  name: string;
  /** SHA-256 (hex) of the bytes: the name of the blob in `<dataDir>/files/`. */
  hash: string;
  length: number;
  /** Content-Type served for the bytes (from the extension). */
  contentType: string;
  uniqueId: string;
  timeCreated: string;
  timeLastModified: string;
}

/** A site user (a row of the user information list). */
export interface UserRecord {
  id: number;
  email: string;
  title: string;
  loginName: string;
  isSiteAdmin: boolean;
  /** False for directory users that were never ensured into the site (ensureuser adds them). */
  inSite: boolean;
  nameId: string;
  jobTitle: string;
  department: string;
}

/** A SharePoint site group. */
export interface GroupRecord {
  id: number;
  title: string;
  description: string | null;
  ownerId: number;
  memberIds: number[];
  allowMembersEditMembership: boolean;
  onlyAllowMembersViewMembership: boolean;
}

/** A permission level. Masks are the unsigned 32-bit halves of SP.BasePermissions. */
export interface RoleDefRecord {
  id: number;
  name: string;
  description: string;
  order: number;
  roleTypeKind: number;
  high: number;
  low: number;
  hidden: boolean;
}

/** The root web of the site. */
export interface WebRecord {
  id: string;
  siteId: string;
  title: string;
  description: string;
  created: string;
  roleAssignments: RoleAssignmentRecord[];
  ownerGroupId: number;
  memberGroupId: number;
  visitorGroupId: number;
}

/** A list with its items, as stored in a snapshot. */
export interface ListState {
  list: ListRecord;
  items: ItemRecord[];
}

/** The whole site as written to a snapshot. */
export interface SiteState {
  format: 1;
  /** Sequence number of the last journal operation contained in this state. */
  seq: number;
  seeded: boolean;
  web: WebRecord;
  users: UserRecord[];
  groups: GroupRecord[];
  roleDefs: RoleDefRecord[];
  lists: ListState[];
  nextPrincipalId: number;
}

/**
 * A journal operation. Each carries the final records it writes, so replaying is idempotent and needs
 * no clock or random numbers.
 */
export type Op =
  | { t: 'web'; web: WebRecord }
  | { t: 'user'; user: UserRecord }
  | { t: 'group'; group: GroupRecord }
  | { t: 'groupDel'; id: number }
  | { t: 'roleDef'; def: RoleDefRecord }
  | { t: 'roleDefDel'; id: number }
  | { t: 'list'; list: ListRecord }
  | { t: 'listDel'; id: string }
  | { t: 'items'; list: string; items: ItemRecord[] }
  | { t: 'itemDel'; list: string; id: number; at: string }
  | { t: 'principalId'; next: number }
  | { t: 'seeded' };
