/**
 * Permission levels (`roledefinitions`, getById/getByName/getByType), role assignments on the web and on
 * lists (`addroleassignment`, `removeroleassignment`, getByPrincipalId, `$expand=Member,RoleDefinitionBindings`),
 * inheritance (`breakroleinheritance`, `resetroleinheritance`, HasUniqueRoleAssignments) and
 * `EffectiveBasePermissions` / `getusereffectivepermissions(@user)`.
 */
import { badArgument, resourceNotFound, SpError, spException } from '../http/errors';
import { argBoolean, argNumber, argString, is, Segment } from '../http/path';
import { jsonBody } from '../http/request';
import { ApiResponse, created, emptyOk, noContent, ok } from '../http/response';
import { demand, listAssignments, listMask, maskFor, webMask } from '../model/access';
import { emailFromLogin } from '../model/names';
import { maskJson, Mask, parseMask, PermissionKind, RoleDefId } from '../model/permissions';
import { readPrimitive } from '../model/props';
import type { ListRuntime } from '../model/site';
import type { JsonObject, RoleAssignmentRecord, RoleDefRecord } from '../model/types';
import { allow, apiBase, collectionResponse, Ctx, Entity, entityResponse } from './context';
import { groupEntity, userEntity } from './users';

/** The securable object a route works on. */
export type Scope = { kind: 'web' } | { kind: 'list'; rt: ListRuntime };

function scopeEdit(scope: Scope): string {
  return scope.kind === 'web' ? 'Web' : `Web/Lists(guid'${scope.rt.rec.id}')`;
}

function scopeMask(ctx: Ctx, scope: Scope): Mask {
  return scope.kind === 'web' ? webMask(ctx.site, ctx.user) : listMask(ctx.site, scope.rt.rec, ctx.user);
}

function scopeAssignments(ctx: Ctx, scope: Scope): RoleAssignmentRecord[] {
  return scope.kind === 'web' ? ctx.site.web.roleAssignments : listAssignments(ctx.site, scope.rt.rec);
}

function setAssignments(ctx: Ctx, scope: Scope, assignments: RoleAssignmentRecord[] | null): void {
  if (scope.kind === 'web') {
    ctx.site.commit({ t: 'web', web: { ...ctx.site.web, roleAssignments: assignments ?? [] } });
  } else {
    ctx.site.commit({ t: 'list', list: { ...scope.rt.rec, roleAssignments: assignments } });
  }
}

/** Permission-related children of a web or list; undefined when the segment is something else. */
export function permissionRoute(ctx: Ctx, scope: Scope, seg: Segment, rest: Segment[]): ApiResponse | undefined {
  if (rest.length > 0) return undefined;
  if (is(seg, 'effectivebasepermissions') || is(seg, 'effectivebasepermissionsforui')) {
    allow(ctx, seg.name, 'GET');
    return ok({ 'odata.metadata': `${apiBase(ctx)}/$metadata#SP.BasePermissions`, ...maskJson(scopeMask(ctx, scope)) });
  }
  if (is(seg, 'getusereffectivepermissions')) return userEffectivePermissions(ctx, scope, seg);
  if (is(seg, 'breakroleinheritance')) return breakInheritance(ctx, scope, seg);
  if (is(seg, 'resetroleinheritance')) return resetInheritance(ctx, scope);
  return undefined;
}

function userEffectivePermissions(ctx: Ctx, scope: Scope, seg: Segment): ApiResponse {
  allow(ctx, 'GetUserEffectivePermissions', 'GET');
  const login = argString(seg, 'userName');
  if (!login) throw badArgument('The parameter userName cannot be empty.');
  const user = ctx.site.userByEmail(emailFromLogin(login));
  if (!user || user.id !== ctx.user.id) demand(scopeMask(ctx, scope), PermissionKind.EnumeratePermissions);
  if (!user) throw userNotFoundError();
  const assignments = scopeAssignments(ctx, scope);
  return ok({
    'odata.metadata': `${apiBase(ctx)}/$metadata#SP.BasePermissions`,
    ...maskJson(maskFor(ctx.site, assignments, user)),
  });
}

/** 404 for an unknown principal. UNCONFIRMED status; SharePoint's message. */
export function userNotFoundError(): SpError {
  return new SpError(404, '-2146232832, Microsoft.SharePoint.SPException', 'User cannot be found.');
}

function breakInheritance(ctx: Ctx, scope: Scope, seg: Segment): ApiResponse {
  allow(ctx, 'BreakRoleInheritance', 'POST');
  demand(scopeMask(ctx, scope), PermissionKind.ManagePermissions);
  const copy = argBoolean(seg, 'copyRoleAssignments') ?? false;
  argBoolean(seg, 'clearSubscopes');
  // The root web always has unique permissions: breaking again changes nothing (as in SharePoint).
  if (scope.kind === 'web' || scope.rt.rec.roleAssignments !== null) return ok({ 'odata.null': true });
  const base = copy
    ? ctx.site.web.roleAssignments.map((a) => ({ principalId: a.principalId, roleDefIds: [...a.roleDefIds] }))
    : [];
  // UNCONFIRMED: without copying, SharePoint leaves the caller with Full Control so they are not locked out.
  if (!copy) base.push({ principalId: ctx.user.id, roleDefIds: [RoleDefId.FullControl] });
  setAssignments(ctx, scope, base);
  return ok({ 'odata.null': true });
}

function resetInheritance(ctx: Ctx, scope: Scope): ApiResponse {
  allow(ctx, 'ResetRoleInheritance', 'POST');
  demand(scopeMask(ctx, scope), PermissionKind.ManagePermissions);
  // UNCONFIRMED wording: the root web has nothing to inherit from.
  if (scope.kind === 'web')
    throw spException('You cannot reset role inheritance on the root web of a site collection.');
  if (scope.rt.rec.roleAssignments !== null) setAssignments(ctx, scope, null);
  return ok({ 'odata.null': true });
}

/** 500 for changing role assignments of an object that inherits them (SharePoint's message). */
function inheritsError(): SpError {
  return spException('This operation is not allowed on an object that inherits permissions.', '-2147024891');
}

/** `roleassignments` (or `roleassignments(<principalId>)`) and below. */
export function roleAssignmentsRoute(ctx: Ctx, scope: Scope, seg: Segment, rest: Segment[]): ApiResponse {
  if (seg.args && seg.args.length > 0) {
    const id = argNumber(seg, 'principalId');
    if (id === undefined) throw resourceNotFound(seg.raw);
    return assignmentRoute(ctx, scope, id, rest);
  }
  const next = rest[0];
  const mask = scopeMask(ctx, scope);
  if (!next) {
    allow(ctx, 'SP.RoleAssignmentCollection', 'GET');
    demand(mask, PermissionKind.EnumeratePermissions);
    return collectionResponse(
      ctx,
      scopeAssignments(ctx, scope).map((a) => assignmentEntity(ctx, scope, a)),
      'SP.ApiData.RoleAssignments',
      'SP.RoleAssignment',
    );
  }
  if (is(next, 'addroleassignment') || is(next, 'removeroleassignment')) {
    allow(ctx, next.name, 'POST');
    demand(mask, PermissionKind.ManagePermissions);
    changeAssignment(ctx, scope, next, is(next, 'addroleassignment'));
    return ok({ 'odata.null': true });
  }
  if (!is(next, 'getbyprincipalid')) throw resourceNotFound(next.raw);
  const pid = argNumber(next, 'principalId');
  if (pid === undefined) throw badArgument('The parameter principalId cannot be empty.');
  return assignmentRoute(ctx, scope, pid, rest.slice(1));
}

function assignmentRoute(ctx: Ctx, scope: Scope, principalId: number, rest: Segment[]): ApiResponse {
  const assignment = scopeAssignments(ctx, scope).find((a) => a.principalId === principalId);
  if (!assignment)
    throw new SpError(
      404,
      '-2146232832, Microsoft.SharePoint.SPException',
      'Can not find the principal with id: ' + principalId + '.',
    );
  const mask = scopeMask(ctx, scope);
  const next = rest[0];
  if (next && is(next, 'roledefinitionbindings') && rest.length === 1) {
    allow(ctx, 'RoleDefinitionBindings', 'GET');
    demand(mask, PermissionKind.EnumeratePermissions);
    return collectionResponse(
      ctx,
      assignment.roleDefIds
        .map((id) => ctx.site.roleDefs.get(id))
        .filter((d): d is RoleDefRecord => !!d)
        .map((d) => roleDefEntity(ctx, d)),
      'SP.ApiData.RoleDefinitions',
      'SP.RoleDefinition',
    );
  }
  if (next && is(next, 'member') && rest.length === 1) {
    allow(ctx, 'Member', 'GET');
    demand(mask, PermissionKind.EnumeratePermissions);
    return entityResponse(
      ctx,
      principalEntity(ctx, principalId) ?? { json: { 'odata.null': true } },
      'SP.ApiData.Principals',
    );
  }
  if (next) throw resourceNotFound(next.raw);
  allow(ctx, 'SP.RoleAssignment', 'GET', 'DELETE');
  if (ctx.req.method === 'DELETE') {
    demand(mask, PermissionKind.ManagePermissions);
    if (scope.kind === 'list' && scope.rt.rec.roleAssignments === null) throw inheritsError();
    setAssignments(
      ctx,
      scope,
      scopeAssignments(ctx, scope).filter((a) => a.principalId !== principalId),
    );
    return emptyOk();
  }
  demand(mask, PermissionKind.EnumeratePermissions);
  return entityResponse(ctx, assignmentEntity(ctx, scope, assignment), 'SP.ApiData.RoleAssignments');
}

function changeAssignment(ctx: Ctx, scope: Scope, seg: Segment, add: boolean): void {
  if (scope.kind === 'list' && scope.rt.rec.roleAssignments === null) throw inheritsError();
  const principalId = argNumber(seg, 'principalid');
  const roleDefId = argNumber(seg, 'roledefid');
  if (principalId === undefined || roleDefId === undefined)
    throw badArgument('principalid and roledefid are required.');
  if (!ctx.site.roleDefs.has(roleDefId))
    throw new SpError(
      404,
      '-2146232832, Microsoft.SharePoint.SPException',
      'The specified permission level could not be found.',
    );
  const user = ctx.site.users.get(principalId);
  if (!(user && user.inSite) && !ctx.site.groups.has(principalId)) throw userNotFoundError();
  const current = scopeAssignments(ctx, scope).map((a) => ({
    principalId: a.principalId,
    roleDefIds: [...a.roleDefIds],
  }));
  const existing = current.find((a) => a.principalId === principalId);
  if (add) {
    if (existing) {
      if (!existing.roleDefIds.includes(roleDefId)) existing.roleDefIds.push(roleDefId);
    } else {
      current.push({ principalId, roleDefIds: [roleDefId] });
    }
  } else if (existing) {
    existing.roleDefIds = existing.roleDefIds.filter((id) => id !== roleDefId);
  }
  setAssignments(
    ctx,
    scope,
    current.filter((a) => a.roleDefIds.length > 0),
  );
}

function principalEntity(ctx: Ctx, id: number): Entity | null {
  const user = ctx.site.users.get(id);
  if (user) return userEntity(ctx, user);
  const group = ctx.site.groups.get(id);
  return group ? groupEntity(ctx, group) : null;
}

function assignmentEntity(ctx: Ctx, scope: Scope, a: RoleAssignmentRecord): Entity {
  const edit = `${scopeEdit(scope)}/RoleAssignments/GetByPrincipalId(${a.principalId})`;
  return {
    json: {
      'odata.type': 'SP.RoleAssignment',
      'odata.id': `${apiBase(ctx)}/${edit}`,
      'odata.editLink': edit,
      PrincipalId: a.principalId,
    },
    navs: {
      Member: () => principalEntity(ctx, a.principalId),
      RoleDefinitionBindings: () =>
        a.roleDefIds
          .map((id) => ctx.site.roleDefs.get(id))
          .filter((d): d is RoleDefRecord => !!d)
          .map((d) => roleDefEntity(ctx, d)),
    },
  };
}

// ---------------------------------------------------------------------------------------------
// Role definitions

/** `roledefinitions` and below. */
export function roleDefinitionsRoute(ctx: Ctx, seg: Segment, rest: Segment[]): ApiResponse {
  demand(webMask(ctx.site, ctx.user), PermissionKind.Open);
  if (seg.args && seg.args.length > 0)
    return roleDefRoute(
      ctx,
      findRoleDef(ctx, (d) => d.id === argNumber(seg, 'id')),
      rest,
    );
  const next = rest[0];
  if (!next) {
    allow(ctx, 'SP.RoleDefinitionCollection', 'GET', 'POST');
    if (ctx.req.method === 'POST') return addRoleDef(ctx);
    const defs = [...ctx.site.roleDefs.values()].sort((a, b) => a.order - b.order);
    return collectionResponse(
      ctx,
      defs.map((d) => roleDefEntity(ctx, d)),
      'SP.ApiData.RoleDefinitions',
      'SP.RoleDefinition',
    );
  }
  if (is(next, 'getbyid'))
    return roleDefRoute(
      ctx,
      findRoleDef(ctx, (d) => d.id === argNumber(next, 'id')),
      rest.slice(1),
    );
  if (is(next, 'getbyname')) {
    const name = (argString(next, 'name') ?? '').toLowerCase();
    return roleDefRoute(
      ctx,
      findRoleDef(ctx, (d) => d.name.toLowerCase() === name),
      rest.slice(1),
    );
  }
  if (is(next, 'getbytype'))
    return roleDefRoute(
      ctx,
      findRoleDef(ctx, (d) => d.roleTypeKind === argNumber(next, 'roleType')),
      rest.slice(1),
    );
  throw resourceNotFound(next.raw);
}

function findRoleDef(ctx: Ctx, pred: (d: RoleDefRecord) => boolean): RoleDefRecord {
  for (const d of ctx.site.roleDefs.values()) if (pred(d)) return d;
  throw new SpError(
    404,
    '-2146232832, Microsoft.SharePoint.SPException',
    'The specified permission level could not be found.',
  );
}

function roleDefRoute(ctx: Ctx, def: RoleDefRecord, rest: Segment[]): ApiResponse {
  if (rest.length > 0) throw resourceNotFound(rest[0].raw);
  allow(ctx, 'SP.RoleDefinition', 'GET', 'MERGE', 'PATCH', 'DELETE');
  if (ctx.req.method === 'GET') return entityResponse(ctx, roleDefEntity(ctx, def), 'SP.ApiData.RoleDefinitions');
  demand(webMask(ctx.site, ctx.user), PermissionKind.ManagePermissions);
  if (def.roleTypeKind !== 0) throw spException('You cannot change or delete a built-in permission level.');
  if (ctx.req.method === 'DELETE') {
    ctx.site.commit({ t: 'roleDefDel', id: def.id });
    return emptyOk();
  }
  ctx.site.commit({ t: 'roleDef', def: readRoleDefBody(jsonBody(ctx.req), def) });
  return noContent();
}

function addRoleDef(ctx: Ctx): ApiResponse {
  demand(webMask(ctx.site, ctx.user), PermissionKind.ManagePermissions);
  const ids = [...ctx.site.roleDefs.keys()];
  const base: RoleDefRecord = {
    id: Math.max(...ids) + 1,
    name: '',
    description: '',
    order: 1000,
    roleTypeKind: 0,
    high: 0,
    low: 0,
    hidden: false,
  };
  const def = readRoleDefBody(jsonBody(ctx.req), base);
  if (!def.name) throw badArgument('The permission level name cannot be empty.');
  if ([...ctx.site.roleDefs.values()].some((d) => d.name.toLowerCase() === def.name.toLowerCase()))
    throw spException('A permission level with this name already exists.');
  ctx.site.commit({ t: 'roleDef', def });
  return created({
    'odata.metadata': `${apiBase(ctx)}/$metadata#SP.ApiData.RoleDefinitions/@Element`,
    ...roleDefEntity(ctx, def).json,
  });
}

function readRoleDefBody(body: JsonObject, base: RoleDefRecord): RoleDefRecord {
  const def = { ...base };
  for (const [k, v] of Object.entries(body)) {
    if (k === '__metadata' || k.startsWith('odata.')) continue;
    if (k === 'Name') def.name = String(readPrimitive(v, 'Edm.String') ?? '');
    else if (k === 'Description') def.description = String(readPrimitive(v, 'Edm.String') ?? '');
    else if (k === 'Order') def.order = Number(readPrimitive(v, 'Edm.Int32') ?? 0);
    else if (k === 'Hidden') def.hidden = readPrimitive(v, 'Edm.Boolean') === true;
    else if (k === 'BasePermissions') {
      const mask = parseMask(v);
      if (!mask) throw badArgument('BasePermissions must have High and Low.');
      def.high = mask.high;
      def.low = mask.low;
    } else {
      throw new SpError(
        400,
        '-1, Microsoft.SharePoint.Client.InvalidClientQueryException',
        `The property '${k}' does not exist on type 'SP.RoleDefinition'. Make sure to only use property names that are defined by the type.`,
      );
    }
  }
  return def;
}

/** The SP.RoleDefinition entity. */
export function roleDefEntity(ctx: Ctx, d: RoleDefRecord): Entity {
  const edit = `Web/RoleDefinitions(${d.id})`;
  return {
    json: {
      'odata.type': 'SP.RoleDefinition',
      'odata.id': `${apiBase(ctx)}/${edit}`,
      'odata.editLink': edit,
      BasePermissions: maskJson({ high: d.high, low: d.low }),
      Description: d.description,
      Hidden: d.hidden,
      Id: d.id,
      Name: d.name,
      Order: d.order,
      RoleTypeKind: d.roleTypeKind,
    },
  };
}
