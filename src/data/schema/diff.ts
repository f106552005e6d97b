/**
 * Schema diffing: what a site has (read in one go by provisioning) against what the schema wants, as
 * a list of actions. Pure, so it is unit-tested without a server, and "a second run writes nothing"
 * follows from "the diff of a provisioned site is empty".
 */
import type {
  IBuiltInFieldSchema,
  IFieldSchema,
  IListSchema,
  IListSettings,
  IRoleDefinitionSchema,
  ISchema,
  ListKey,
  PrincipalKey,
  RoleKey,
} from './types';

/** A column as read from SharePoint. */
export interface IFieldState {
  name: string;
  /** TypeAsString, e.g. "Text", "UserMulti". */
  type: string;
  indexed: boolean;
  unique: boolean;
  choices?: readonly string[];
  /** `odata.type` (SP.FieldText …), passed to `field.update` so it needs no extra read. */
  odataType: string;
}

/** A role assignment as read from SharePoint. */
export interface IRoleAssignmentState {
  principalId: number;
  roleDefIds: readonly number[];
}

/** A list as read from SharePoint. */
export interface IListState {
  id: string;
  title: string;
  settings: IListSettings;
  hasUniqueRoleAssignments: boolean;
  fields: readonly IFieldState[];
  /** Present when the list has unique role assignments. */
  roleAssignments?: readonly IRoleAssignmentState[];
}

/** A change to the lists and columns. */
export type SchemaAction =
  | { kind: 'createList'; list: IListSchema }
  | { kind: 'updateList'; list: IListSchema; changes: Partial<IListSettings> }
  | { kind: 'createField'; list: IListSchema; field: IFieldSchema }
  | { kind: 'updateField'; list: IListSchema; field: string; odataType: string; changes: IFieldChanges }
  /** A column exists with another type: reported, never "fixed" (that would lose data). */
  | { kind: 'fieldTypeMismatch'; list: IListSchema; field: string; expected: string; actual: string };

/** Column properties provisioning reconciles on an existing column. */
export interface IFieldChanges {
  Indexed?: boolean;
  EnforceUniqueValues?: boolean;
  Choices?: string[];
}

/** A change to who may do what. `scope` is a list key or the site itself. */
export type PermissionAction =
  | { kind: 'breakInheritance'; list: ListKey }
  /** A list the schema lets inherit has its own permissions: back to the site's. */
  | { kind: 'resetInheritance'; list: ListKey }
  | {
      kind: 'addRole';
      scope: ListKey | 'web';
      principal: PrincipalKey;
      principalId: number;
      role: RoleKey;
      roleDefId: number;
    }
  | { kind: 'removeRole'; scope: ListKey | 'web'; principal: PrincipalKey; principalId: number; roleDefId: number };

/** The list settings provisioning reconciles (and reads: see `state.ts`). */
export const SETTING_KEYS: readonly (keyof IListSettings)[] = [
  'EnableVersioning',
  'EnableModeration',
  'ReadSecurity',
  'WriteSecurity',
  'DraftVersionVisibility',
  'NoCrawl',
];

/** A permission level as read from SharePoint. */
export interface IRoleDefinitionState {
  id: number;
  name: string;
  roleTypeKind: number;
  basePermissions: { High: number; Low: number };
}

/** A change to the product's own permission levels. */
export type RoleDefinitionAction =
  | { kind: 'createRoleDefinition'; definition: IRoleDefinitionSchema }
  | { kind: 'updateRoleDefinition'; definition: IRoleDefinitionSchema; id: number };

/**
 * The product's permission levels to create, or to set back to the schema's rights when someone
 * changed them (a level with more rights would quietly give them to every member). Found by name.
 */
export function diffRoleDefinitions(schema: ISchema, actual: readonly IRoleDefinitionState[]): RoleDefinitionAction[] {
  const actions: RoleDefinitionAction[] = [];
  for (const definition of schema.roleDefinitions) {
    const found = actual.find((d) => d.name.toLowerCase() === definition.name.toLowerCase());
    if (!found) actions.push({ kind: 'createRoleDefinition', definition });
    else if (
      found.basePermissions.High !== definition.basePermissions.High ||
      found.basePermissions.Low !== definition.basePermissions.Low
    ) {
      actions.push({ kind: 'updateRoleDefinition', definition, id: found.id });
    }
  }
  return actions;
}

/** Finds a list by title, case-insensitively as SharePoint does. */
export function findListState(lists: readonly IListState[], title: string): IListState | undefined {
  const wanted = title.toLowerCase();
  for (const list of lists) if (list.title.toLowerCase() === wanted) return list;
  return undefined;
}

/**
 * Indexes, unique values and choices are only ever added: an index or a choice an administrator
 * added is harmless, and taking one away is not ours to do.
 */
function fieldChanges(wanted: IFieldSchema, actual: IFieldState): IFieldChanges | undefined {
  const changes: IFieldChanges = {};
  let any = false;
  if (wanted.indexed && !actual.indexed) {
    changes.Indexed = true;
    any = true;
  }
  if (wanted.unique && !actual.unique) {
    // SharePoint refuses unique values on a column that is not indexed; both go in one MERGE.
    changes.EnforceUniqueValues = true;
    if (!actual.indexed) changes.Indexed = true;
    any = true;
  }
  if (wanted.type === 'Choice' && wanted.choices) {
    const have = actual.choices || [];
    const missing = wanted.choices.filter((c) => have.indexOf(c) < 0);
    if (missing.length > 0) {
      changes.Choices = [...have, ...missing];
      any = true;
    }
  }
  return any ? changes : undefined;
}

function builtInChanges(wanted: IBuiltInFieldSchema, actual: IFieldState | undefined): IFieldChanges | undefined {
  if (!actual || !wanted.indexed || actual.indexed) return undefined;
  return { Indexed: true };
}

/** The lists, columns and list settings to create or change so the site matches the schema. */
export function diffSchema(schema: ISchema, lists: readonly IListState[]): SchemaAction[] {
  const actions: SchemaAction[] = [];
  for (const list of schema.lists) {
    const actual = findListState(lists, list.title);
    if (!actual) {
      actions.push({ kind: 'createList', list });
      for (const field of list.fields) actions.push({ kind: 'createField', list, field });
      for (const builtIn of list.builtInFields || []) {
        if (builtIn.indexed)
          actions.push({
            kind: 'updateField',
            list,
            field: builtIn.name,
            odataType: builtInODataType(builtIn.name),
            changes: { Indexed: true },
          });
      }
      continue;
    }
    const settingChanges: Partial<IListSettings> = {};
    let settingsDiffer = false;
    for (const key of SETTING_KEYS) {
      // A setting the schema leaves unset is not ours to converge.
      if (list.settings[key] !== undefined && actual.settings[key] !== list.settings[key]) {
        (settingChanges as Record<string, unknown>)[key] = list.settings[key];
        settingsDiffer = true;
      }
    }
    if (settingsDiffer) actions.push({ kind: 'updateList', list, changes: settingChanges });

    const byName = new Map<string, IFieldState>();
    for (const f of actual.fields) byName.set(f.name.toLowerCase(), f);
    for (const field of list.fields) {
      const have = byName.get(field.name.toLowerCase());
      if (!have) {
        actions.push({ kind: 'createField', list, field });
      } else if (have.type !== field.type) {
        actions.push({ kind: 'fieldTypeMismatch', list, field: field.name, expected: field.type, actual: have.type });
      } else {
        const changes = fieldChanges(field, have);
        if (changes) actions.push({ kind: 'updateField', list, field: field.name, odataType: have.odataType, changes });
      }
    }
    for (const builtIn of list.builtInFields || []) {
      const have = byName.get(builtIn.name.toLowerCase());
      const changes = builtInChanges(builtIn, have);
      if (changes && have)
        actions.push({ kind: 'updateField', list, field: builtIn.name, odataType: have.odataType, changes });
    }
  }
  return actions;
}

function builtInODataType(name: IBuiltInFieldSchema['name']): string {
  return name === 'Author' ? 'SP.FieldUser' : name === 'Created' ? 'SP.FieldDateTime' : 'SP.FieldText';
}

/** What permissions diffing needs to know about the site. */
export interface IPermissionContext {
  /** Principal ids of the site's groups; a missing group is skipped (and reported by provisioning). */
  principals: Partial<Record<PrincipalKey, number>>;
  /** Role definition ids of the permission levels (built-in and the product's own). */
  roleDefs: Record<RoleKey, number>;
  /** The site's own role assignments (what a list copies when it breaks inheritance). */
  webRoleAssignments: readonly IRoleAssignmentState[];
  lists: readonly IListState[];
}

function roleChanges(
  scope: ListKey | 'web',
  wanted: Partial<Record<PrincipalKey, RoleKey>>,
  current: readonly IRoleAssignmentState[],
  ctx: IPermissionContext,
  replace: boolean,
): PermissionAction[] {
  const actions: PermissionAction[] = [];
  const managed = new Set<number>([
    ctx.roleDefs.read,
    ctx.roleDefs.contribute,
    ctx.roleDefs.edit,
    ctx.roleDefs.fullControl,
    ctx.roleDefs.contributor,
  ]);
  for (const principal of Object.keys(wanted) as PrincipalKey[]) {
    const role = wanted[principal] as RoleKey;
    const principalId = ctx.principals[principal];
    if (principalId === undefined) continue;
    const roleDefId = ctx.roleDefs[role];
    const assignment = current.find((a) => a.principalId === principalId);
    const has = assignment ? assignment.roleDefIds : [];
    // Add before remove, so the principal never passes through "no access".
    if (has.indexOf(roleDefId) < 0) actions.push({ kind: 'addRole', scope, principal, principalId, role, roleDefId });
    if (!replace) continue;
    for (const other of has) {
      // Only the four built-in levels and ours are ours to replace; Limited Access and others' custom levels are left alone.
      if (other !== roleDefId && managed.has(other))
        actions.push({ kind: 'removeRole', scope, principal, principalId, roleDefId: other });
    }
  }
  return actions;
}

/**
 * Role changes so every list with its own permissions in the schema has exactly the named role for
 * each named principal (other principals keep what they have), and the site gives each principal in
 * `webPermissions` exactly that role (v5 replaces the members' Edit; the owners, not named, keep Full
 * Control). A list that inherits in the schema and has unique permissions on the site inherits again
 * (the site health check reports it first).
 */
export function diffPermissions(schema: ISchema, ctx: IPermissionContext): PermissionAction[] {
  const actions: PermissionAction[] = roleChanges('web', schema.webPermissions, ctx.webRoleAssignments, ctx, true);
  for (const list of schema.lists) {
    const actual = findListState(ctx.lists, list.title);
    if (!list.permissions) {
      if (actual && actual.hasUniqueRoleAssignments) actions.push({ kind: 'resetInheritance', list: list.key });
      continue;
    }
    const unique = actual !== undefined && actual.hasUniqueRoleAssignments;
    if (!unique) actions.push({ kind: 'breakInheritance', list: list.key });
    // Breaking inheritance copies the site's assignments, so that is what the list starts from.
    const current =
      unique && actual && actual.roleAssignments ? actual.roleAssignments : webAfter(ctx.webRoleAssignments, actions);
    actions.push(...roleChanges(list.key, list.permissions, current, ctx, true));
  }
  return actions;
}

/** The site's assignments after the web-level actions already planned (a list copies those). */
function webAfter(
  assignments: readonly IRoleAssignmentState[],
  actions: readonly PermissionAction[],
): IRoleAssignmentState[] {
  const result = assignments.map((a) => ({ principalId: a.principalId, roleDefIds: a.roleDefIds.slice() }));
  for (const action of actions) {
    if (action.kind === 'breakInheritance' || action.kind === 'resetInheritance' || action.scope !== 'web') continue;
    const existing = result.find((a) => a.principalId === action.principalId);
    if (action.kind === 'removeRole') {
      if (existing) existing.roleDefIds = existing.roleDefIds.filter((id) => id !== action.roleDefId);
    } else if (existing) existing.roleDefIds.push(action.roleDefId);
    else result.push({ principalId: action.principalId, roleDefIds: [action.roleDefId] });
  }
  return result;
}
