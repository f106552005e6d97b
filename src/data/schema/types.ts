/**
 * The shape of the SharePoint schema as data: lists, their columns, indexes, settings and permissions.
 * Provisioning diffs this against what a site has (see `diff.ts`) and writes only the difference.
 */

/** The column types the product uses (SharePoint's TypeAsString). */
export type FieldType = 'Text' | 'Note' | 'Number' | 'Boolean' | 'DateTime' | 'Choice' | 'User' | 'UserMulti';

/** One column of a list. `name` is the internal name (ASCII, so SharePoint never encodes it). */
export interface IFieldSchema {
  name: string;
  /** The display name administrators see in the list settings (Danish). */
  title: string;
  type: FieldType;
  required?: boolean;
  /** Indexed, so filters and sorts on it stay below the 5,000-item list view threshold. */
  indexed?: boolean;
  /** Enforce unique values (needs `indexed`). */
  unique?: boolean;
  /** Single line of text: at most 255. */
  maxLength?: number;
  /** Multiple lines of text as HTML (story bodies). */
  richText?: boolean;
  /** The stored codes of a choice column (English, see `src/domain/model.ts`). */
  choices?: readonly string[];
  /** The schema version that added the column. */
  since: number;
  /** The schema version from which the column is indexed, when that came later than the column. */
  indexedSince?: number;
}

/** A built-in column whose settings the product changes (e.g. an index on `Author`). */
export interface IBuiltInFieldSchema {
  name: 'Author' | 'Title' | 'Created';
  indexed: boolean;
  since: number;
}

/** The three associated groups of a site plus the product's own group. */
export type PrincipalKey = 'owners' | 'members' | 'visitors' | 'chefgruppe';

/**
 * Permission levels: SharePoint's built-in ones by RoleTypeKind (Reader 2, Contributor 3,
 * Administrator 5, Editor 6) and the product's own "contributor" (see `IRoleDefinitionSchema`).
 */
export type RoleKey = 'read' | 'contribute' | 'edit' | 'fullControl' | 'contributor';

/** The built-in levels, found on a site by RoleTypeKind. */
export type BuiltInRoleKey = Exclude<RoleKey, 'contributor'>;

/** A permission level the product creates (RoleTypeKind 0), found on a site by its name. */
export interface IRoleDefinitionSchema {
  key: Exclude<RoleKey, BuiltInRoleKey>;
  name: string;
  description: string;
  /** Where it sorts among the levels (SharePoint's `Order`). */
  order: number;
  /** SP.BasePermissions as unsigned 32-bit halves. */
  basePermissions: { High: number; Low: number };
  since: number;
}

/** List settings the product depends on (names as SharePoint's SP.List properties). */
export interface IListSettings {
  EnableVersioning: boolean;
  EnableModeration: boolean;
  /** 1 all items, 2 only own items. */
  ReadSecurity: 1 | 2;
  /** 1 all items, 2 only own items, 4 none. */
  WriteSecurity: 1 | 2 | 4;
  /**
   * Who sees drafts (pending and rejected items, pending edits) on a moderated list: 0 every reader
   * (what SharePoint leaves when approval is switched on by API), 1 users who can edit items, 2 only
   * approvers and the author.
   */
  DraftVersionVisibility: 0 | 1 | 2;
  /** Kept out of search results. */
  NoCrawl: boolean;
}

/**
 * Who may do what on a list. `undefined` means the list inherits the site's permissions (owners Full
 * Control, members Edit, visitors Read); otherwise inheritance is broken with the site's assignments
 * copied and the roles named here replace the copied ones for those principals.
 */
export type ListPermissions = Partial<Record<PrincipalKey, RoleKey>> | undefined;

/** One list. `key` is how the code refers to it; `title` is what SharePoint shows. */
export interface IListSchema {
  key: ListKey;
  title: string;
  description: string;
  /** 100 = custom list, 101 = document library (the story pictures, v9). */
  template: 100 | 101;
  settings: IListSettings;
  fields: readonly IFieldSchema[];
  builtInFields?: readonly IBuiltInFieldSchema[];
  permissions: ListPermissions;
  /**
   * What `permissions` were in earlier versions, so `schemaAt` (and the upgrade tests) can provision
   * an older version: each entry holds for every version below `until`.
   */
  earlierPermissions?: readonly { until: number; permissions: ListPermissions }[];
  /** What `settings` were in earlier versions, as `earlierPermissions`. */
  earlierSettings?: readonly { until: number; settings: IListSettings }[];
  /** The schema version that added the list. */
  since: number;
}

/** The lists of the product. */
export type ListKey =
  | 'settings'
  | 'ambitions'
  | 'commitments'
  | 'units'
  | 'politicalPriorities'
  | 'plans'
  | 'planFocuses'
  | 'initiatives'
  | 'checkIns'
  | 'tasks'
  | 'stories'
  | 'recognitions'
  | 'comments'
  | 'reflections'
  | 'summaries'
  | 'notifications'
  | 'personalSettings'
  | 'indicators'
  | 'measurements'
  | 'pictures';

/** A whole schema at one version. */
export interface ISchema {
  version: number;
  lists: readonly IListSchema[];
  /** Groups the product creates (besides the site's associated groups, which it expects to exist). */
  groups: readonly { key: PrincipalKey; title: string; description: string }[];
  /**
   * Roles the product grants on the site itself: each named principal ends with exactly this one of
   * the managed levels (others, e.g. the owners' Full Control, are left alone).
   */
  webPermissions: Partial<Record<PrincipalKey, RoleKey>>;
  /** Permission levels the product creates. */
  roleDefinitions: readonly IRoleDefinitionSchema[];
}
