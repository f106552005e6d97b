/**
 * Reading what a site has — lists, columns, groups, permission levels, role assignments, the installed
 * schema version and the keys of the reference data — in one `$batch` (PnPjs sends it as two POSTs of
 * at most 20 requests). A list that does not exist is a 404 inside the batch, not a failure.
 */
import '../spAdminParts';
import type { SPFI } from '@pnp/sp';
import { httpStatus, isListMissingError, toDataError } from '../errors';
import type { Row } from '../mapping/codec';
import { inBatch, settle, type Settled } from '../repositories/query';
import { SCHEMA_VERSION_SETTING, listTitle } from '../schema/lists';
import { SETTING_KEYS } from '../schema/diff';
import type { IFieldState, IListState, IRoleAssignmentState, IRoleDefinitionState } from '../schema/diff';
import type { BuiltInRoleKey, ISchema, ListKey, PrincipalKey, RoleKey } from '../schema/types';

/** Everything provisioning decides from. */
export interface ISiteState {
  lists: IListState[];
  groups: { id: number; title: string }[];
  /** Ids of the permission levels by our name for them (the product's own found by name). */
  roleDefs: Partial<Record<RoleKey, number>>;
  /** Every permission level of the site, with its rights. */
  roleDefinitions: IRoleDefinitionState[];
  webRoleAssignments: IRoleAssignmentState[];
  /** The site's associated groups (and the chefgruppe when it exists). */
  principals: Partial<Record<PrincipalKey, number>>;
  installedVersion?: number;
  /** The settings item holding the version, for updating it. */
  versionItem?: { id: number; etag?: string };
  /** ClientKeys present in each reference list. */
  referenceKeys: Partial<Record<ListKey, Set<string>>>;
}

/** The reference lists whose keys provisioning reads before seeding. */
export const REFERENCE_LISTS: readonly ListKey[] = [
  'ambitions',
  'commitments',
  'units',
  'politicalPriorities',
  'indicators',
];

/** The site's associated groups, read with the web (`$expand`). */
const ASSOCIATED = ['AssociatedOwnerGroup', 'AssociatedMemberGroup', 'AssociatedVisitorGroup'] as const;

const ROLE_TYPE_KIND: Record<BuiltInRoleKey, number> = { read: 2, contribute: 3, fullControl: 5, edit: 6 };

function fieldState(row: Row): IFieldState {
  const choices = row.Choices as unknown;
  const list = Array.isArray(choices)
    ? choices
    : choices && typeof choices === 'object'
      ? (choices as { results?: unknown[] }).results
      : undefined;
  return {
    name: String(row.InternalName || ''),
    type: String(row.TypeAsString || ''),
    indexed: row.Indexed === true,
    unique: row.EnforceUniqueValues === true,
    choices: Array.isArray(list) ? list.map(String) : undefined,
    odataType: String(row['odata.type'] || 'SP.Field'),
  };
}

function assignments(rows: readonly Row[]): IRoleAssignmentState[] {
  return rows.map((row) => {
    const bindings = row.RoleDefinitionBindings as unknown;
    const list = Array.isArray(bindings)
      ? bindings
      : bindings && typeof bindings === 'object'
        ? (bindings as { results?: unknown[] }).results || []
        : [];
    return { principalId: Number(row.PrincipalId), roleDefIds: (list as Row[]).map((b) => Number(b.Id)) };
  });
}

/** Unwraps a settled read; a missing list is `undefined`, anything else is thrown. */
function valueOr<T>(settled: Settled<T>): T | undefined {
  if (settled.ok) return settled.value;
  if (isListMissingError(settled.error) || httpStatus(settled.error) === 404) return undefined;
  throw toDataError(settled.error);
}

/**
 * Reads the site's state for a schema. `securityOnly` (the site health check) leaves out the columns,
 * the installed version and the reference keys, so the read fits one `$batch` POST.
 */
export async function readSiteState(sp: SPFI, schema: ISchema, securityOnly = false): Promise<ISiteState> {
  const reads = await inBatch(sp, (b) => {
    const lists = settle(b.web.lists.select('Id', 'Title', ...SETTING_KEYS, 'HasUniqueRoleAssignments')<Row[]>());
    const fields = schema.lists.map((list) =>
      securityOnly ? undefined : settle(b.web.lists.getByTitle(list.title).fields<Row[]>()),
    );
    const listAssignments = schema.lists.map((list) =>
      list.permissions
        ? settle(
            b.web.lists
              .getByTitle(list.title)
              .roleAssignments.expand('RoleDefinitionBindings')
              .select('PrincipalId', 'RoleDefinitionBindings/Id')<Row[]>(),
          )
        : undefined,
    );
    const roleDefs = settle(b.web.roleDefinitions.select('Id', 'RoleTypeKind', 'Name', 'BasePermissions')<Row[]>());
    const webAssignments = settle(
      b.web.roleAssignments.expand('RoleDefinitionBindings').select('PrincipalId', 'RoleDefinitionBindings/Id')<
        Row[]
      >(),
    );
    // The three associated groups and the site's groups in one part (the health check's batch holds 20
    // parts, PnPjs's default: v8 and v9 added lists of their own permissions).
    const associated = settle(
      b.web
        .select(...ASSOCIATED.map((name) => `${name}/Id`), 'SiteGroups/Id', 'SiteGroups/Title')
        .expand(...ASSOCIATED, 'SiteGroups')<Row>(),
    );
    const settings = securityOnly
      ? undefined
      : settle(
          b.web.lists
            .getByTitle(listTitle('settings'))
            .items.select('Id', 'ClientKey', 'SettingValue')
            .filter(`ClientKey eq '${SCHEMA_VERSION_SETTING}'`)
            .top(1)<Row[]>(),
        );
    const references = REFERENCE_LISTS.map((key) =>
      securityOnly
        ? undefined
        : settle(b.web.lists.getByTitle(listTitle(key)).items.select('Id', 'ClientKey').top(5000)<Row[]>()),
    );
    return {
      lists,
      fields,
      listAssignments,
      roleDefs,
      webAssignments,
      associated,
      settings,
      references,
    };
  });

  const listRows = valueOr(await reads.lists) || [];
  const lists: IListState[] = [];
  for (let i = 0; i < schema.lists.length; i++) {
    const wanted = schema.lists[i];
    const row = listRows.find((r) => String(r.Title).toLowerCase() === wanted.title.toLowerCase());
    if (!row) continue;
    const fieldRead = reads.fields[i];
    const fieldRows = (fieldRead && valueOr(await fieldRead)) || [];
    const pending = reads.listAssignments[i];
    const unique = row.HasUniqueRoleAssignments === true;
    const raRows = pending && unique ? valueOr(await pending) : undefined;
    lists.push({
      id: String(row.Id),
      title: String(row.Title),
      settings: {
        EnableVersioning: row.EnableVersioning === true,
        EnableModeration: row.EnableModeration === true,
        ReadSecurity: Number(row.ReadSecurity || 1) as 1 | 2,
        WriteSecurity: Number(row.WriteSecurity || 1) as 1 | 2 | 4,
        DraftVersionVisibility: Number(row.DraftVersionVisibility || 0) as 0 | 1 | 2,
        NoCrawl: row.NoCrawl === true,
      },
      hasUniqueRoleAssignments: unique,
      fields: fieldRows.map(fieldState),
      roleAssignments: raRows ? assignments(raRows) : undefined,
    });
  }
  // Settle the unused role-assignment reads too, so no rejection goes unobserved.
  await Promise.all(reads.listAssignments.filter((p): p is Promise<Settled<Row[]>> => p !== undefined));

  const siteGroups = valueOr(await reads.associated)?.SiteGroups;
  const groups = (Array.isArray(siteGroups) ? (siteGroups as Row[]) : []).map((g) => ({
    id: Number(g.Id),
    title: String(g.Title),
  }));
  const roleDefs: Partial<Record<RoleKey, number>> = {};
  const roleDefinitions: IRoleDefinitionState[] = [];
  for (const def of valueOr(await reads.roleDefs) || []) {
    const kind = Number(def.RoleTypeKind);
    for (const key of Object.keys(ROLE_TYPE_KIND) as BuiltInRoleKey[])
      if (kind === ROLE_TYPE_KIND[key]) roleDefs[key] = Number(def.Id);
    const mask = (def.BasePermissions || {}) as { High?: unknown; Low?: unknown };
    roleDefinitions.push({
      id: Number(def.Id),
      name: String(def.Name || ''),
      roleTypeKind: kind,
      basePermissions: { High: Number(mask.High) >>> 0, Low: Number(mask.Low) >>> 0 },
    });
  }
  // The product's own levels (RoleTypeKind 0) by name: a built-in level could be renamed, ours are ours.
  for (const own of schema.roleDefinitions) {
    const found = roleDefinitions.find((d) => d.roleTypeKind === 0 && d.name.toLowerCase() === own.name.toLowerCase());
    if (found) roleDefs[own.key] = found.id;
  }
  const principals: Partial<Record<PrincipalKey, number>> = {};
  const web = valueOr(await reads.associated);
  const idOf = (name: (typeof ASSOCIATED)[number]): number | undefined => {
    const group = web ? (web[name] as Row | null | undefined) : undefined;
    return group && typeof group.Id === 'number' ? group.Id : undefined;
  };
  principals.owners = idOf('AssociatedOwnerGroup');
  principals.members = idOf('AssociatedMemberGroup');
  principals.visitors = idOf('AssociatedVisitorGroup');
  for (const group of schema.groups) {
    const found = groups.find((g) => g.title.toLowerCase() === group.title.toLowerCase());
    if (found) principals[group.key] = found.id;
  }

  const settingRows = (reads.settings && valueOr(await reads.settings)) || [];
  const versionRow = settingRows[0];
  const installed = versionRow ? Number(versionRow.SettingValue) : NaN;

  const referenceKeys: Partial<Record<ListKey, Set<string>>> = {};
  for (let i = 0; i < REFERENCE_LISTS.length; i++) {
    const read = reads.references[i];
    const rows = read && valueOr(await read);
    if (rows) referenceKeys[REFERENCE_LISTS[i]] = new Set(rows.map((r) => String(r.ClientKey || '')));
  }

  return {
    lists,
    groups,
    roleDefs,
    roleDefinitions,
    webRoleAssignments: assignments(valueOr(await reads.webAssignments) || []),
    principals,
    installedVersion: Number.isFinite(installed) ? installed : undefined,
    versionItem: versionRow
      ? { id: Number(versionRow.Id), etag: versionRow['odata.etag'] as string | undefined }
      : undefined,
    referenceKeys,
  };
}
