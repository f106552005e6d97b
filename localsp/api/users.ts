/**
 * People: `currentUser`, `siteUsers` (getById, getByEmail, getByLoginName, `siteUsers(@v)`, add, remove),
 * `getUserById(n)`, `ensureuser`, and site groups (`sitegroups`, getById, getByName, add, MERGE,
 * removeById/removeByLoginName, `/users` membership) — reference §1 "Users", §2 currentUser shape.
 */
import { badArgument, resourceNotFound, SpError, spException, unknownProperty, userNotFound } from '../http/errors';
import { argNumber, argString, is, Segment } from '../http/path';
import { jsonBody } from '../http/request';
import { ApiResponse, created, emptyOk, noContent, ok } from '../http/response';
import { demand, webMask } from '../model/access';
import { emailFromLogin } from '../model/names';
import { hasPermission, PermissionKind } from '../model/permissions';
import { bodyProperties, readPrimitive } from '../model/props';
import type { GroupRecord, JsonObject, UserRecord } from '../model/types';
import { allow, apiBase, collectionResponse, Ctx, Entity, entityResponse } from './context';
import { userNotFoundError } from './security';

/** The SP.User entity (reference §2 currentUser). */
export function userEntity(ctx: Ctx, u: UserRecord): Entity {
  const edit = `Web/GetUserById(${u.id})`;
  return {
    json: {
      'odata.type': 'SP.User',
      'odata.id': `${apiBase(ctx)}/${edit}`,
      'odata.editLink': edit,
      Id: u.id,
      IsHiddenInUI: false,
      LoginName: u.loginName,
      Title: u.title,
      PrincipalType: 1,
      Email: u.email,
      Expiration: '',
      IsEmailAuthenticationGuestUser: false,
      IsShareByEmailGuestUser: false,
      IsSiteAdmin: u.isSiteAdmin,
      UserId: { NameId: u.nameId, NameIdIssuer: 'urn:federation:microsoftonline' },
      UserPrincipalName: u.email,
    },
    navs: {
      Groups: () =>
        [...ctx.site.groups.values()].filter((g) => g.memberIds.includes(u.id)).map((g) => groupEntity(ctx, g)),
    },
  };
}

/** The SP.Group entity. */
export function groupEntity(ctx: Ctx, g: GroupRecord): Entity {
  const edit = `Web/SiteGroups/GetById(${g.id})`;
  const owner = ctx.site.groups.get(g.ownerId) ?? ctx.site.users.get(g.ownerId);
  return {
    json: {
      'odata.type': 'SP.Group',
      'odata.id': `${apiBase(ctx)}/${edit}`,
      'odata.editLink': edit,
      Id: g.id,
      IsHiddenInUI: false,
      LoginName: g.title,
      Title: g.title,
      PrincipalType: 8,
      AllowMembersEditMembership: g.allowMembersEditMembership,
      AllowRequestToJoinLeave: false,
      AutoAcceptRequestToJoinLeave: false,
      Description: g.description,
      OnlyAllowMembersViewMembership: g.onlyAllowMembersViewMembership,
      OwnerTitle: owner ? owner.title : g.title,
      RequestToJoinLeaveEmailSetting: null,
    },
    navs: {
      Users: () =>
        g.memberIds
          .map((id) => ctx.site.users.get(id))
          .filter((u): u is UserRecord => !!u)
          .map((u) => userEntity(ctx, u)),
      Owner: () => {
        const o = ctx.site.groups.get(g.ownerId);
        if (o) return groupEntity(ctx, o);
        const u = ctx.site.users.get(g.ownerId);
        return u ? userEntity(ctx, u) : null;
      },
    },
  };
}

/** `$filter` on SP.User and SP.Group collections compares text case-sensitively in SharePoint Online (pnp/pnpjs#2649). */
const CASE_SENSITIVE = { caseSensitive: true } as const;

/** Reading people needs Browse User Information on the web. */
function demandBrowse(ctx: Ctx): void {
  demand(webMask(ctx.site, ctx.user), PermissionKind.BrowseUserInfo);
}

function siteUsers(ctx: Ctx): UserRecord[] {
  return [...ctx.site.users.values()].filter((u) => u.inSite);
}

// ---------------------------------------------------------------------------------------------
// Users

/** `currentUser`. */
export function currentUserRoute(ctx: Ctx, rest: Segment[]): ApiResponse {
  demand(webMask(ctx.site, ctx.user), PermissionKind.Open);
  return userRoute(ctx, ctx.user, rest, null);
}

/** `getUserById(n)`. */
export function getUserByIdRoute(ctx: Ctx, seg: Segment, rest: Segment[]): ApiResponse {
  demandBrowse(ctx);
  const id = argNumber(seg, 'id');
  const u = id === undefined ? undefined : ctx.site.users.get(id);
  if (!u || !u.inSite) throw userNotFoundError();
  return userRoute(ctx, u, rest, null);
}

/** `siteUsers` and below. */
export function siteUsersRoute(ctx: Ctx, seg: Segment, rest: Segment[]): ApiResponse {
  demandBrowse(ctx);
  return usersCollectionRoute(ctx, seg, rest, null);
}

/** A users collection: the site's, or a group's (`group` set). */
function usersCollectionRoute(ctx: Ctx, seg: Segment, rest: Segment[], group: GroupRecord | null): ApiResponse {
  const members = (): UserRecord[] =>
    group ? group.memberIds.map((id) => ctx.site.users.get(id)).filter((u): u is UserRecord => !!u) : siteUsers(ctx);
  if (seg.args && seg.args.length > 0)
    return userRoute(ctx, findUser(members(), 'login', argString(seg, 'loginName')), rest, group);
  const next = rest[0];
  if (!next) {
    allow(ctx, 'SP.UserCollection', 'GET', 'POST');
    if (ctx.req.method === 'POST') return addUser(ctx, group);
    return collectionResponse(
      ctx,
      members().map((u) => userEntity(ctx, u)),
      'SP.ApiData.Users',
      'SP.User',
      CASE_SENSITIVE,
    );
  }
  const after = rest.slice(1);
  if (is(next, 'getbyid'))
    return userRoute(ctx, findUser(members(), 'id', String(argNumber(next, 'id') ?? '')), after, group);
  if (is(next, 'getbyemail'))
    return userRoute(ctx, findUser(members(), 'email', argString(next, 'emailAddress')), after, group);
  if (is(next, 'getbyloginname'))
    return userRoute(ctx, findUser(members(), 'login', argString(next, 'loginName')), after, group);
  if (is(next, 'removebyid') || is(next, 'removebyloginname')) {
    allow(ctx, next.name, 'POST');
    const u = is(next, 'removebyid')
      ? findUser(members(), 'id', String(argNumber(next, 'id') ?? ''))
      : findUser(members(), 'login', argString(next, 'loginName'));
    removeUser(ctx, u, group);
    return ok({ 'odata.null': true });
  }
  throw resourceNotFound(next.raw);
}

function findUser(users: UserRecord[], by: 'id' | 'email' | 'login', value: string | undefined): UserRecord {
  const v = (value ?? '').trim().toLowerCase();
  const u = users.find((x) =>
    by === 'id'
      ? String(x.id) === v
      : by === 'email'
        ? x.email.toLowerCase() === v
        : x.loginName.toLowerCase() === v || x.email.toLowerCase() === emailFromLogin(v),
  );
  if (!u) throw userNotFoundError();
  return u;
}

function userRoute(ctx: Ctx, u: UserRecord, rest: Segment[], group: GroupRecord | null): ApiResponse {
  const next = rest[0];
  if (next && is(next, 'groups') && rest.length === 1) {
    allow(ctx, 'SP.GroupCollection', 'GET');
    return collectionResponse(
      ctx,
      [...ctx.site.groups.values()].filter((g) => g.memberIds.includes(u.id)).map((g) => groupEntity(ctx, g)),
      'SP.ApiData.Groups',
      'SP.Group',
      CASE_SENSITIVE,
    );
  }
  if (next) throw resourceNotFound(next.raw);
  allow(ctx, 'SP.User', 'GET', 'MERGE', 'PATCH', 'DELETE');
  if (ctx.req.method === 'GET') return entityResponse(ctx, userEntity(ctx, u), 'SP.ApiData.Users');
  if (ctx.req.method === 'DELETE') {
    removeUser(ctx, u, group);
    return emptyOk();
  }
  demand(webMask(ctx.site, ctx.user), PermissionKind.ManagePermissions);
  ctx.site.commit({ t: 'user', user: readUserBody(ctx, jsonBody(ctx.req), u) });
  return noContent();
}

function readUserBody(ctx: Ctx, body: JsonObject, u: UserRecord): UserRecord {
  const next = { ...u };
  for (const [k, v] of bodyProperties(body)) {
    if (k === 'Title') next.title = String(readPrimitive(v, 'Edm.String') ?? u.title);
    else if (k === 'Email') next.email = String(readPrimitive(v, 'Edm.String') ?? u.email);
    else if (k === 'IsSiteAdmin') {
      if (!ctx.user.isSiteAdmin)
        throw new SpError(
          403,
          '-2147024891, System.UnauthorizedAccessException',
          'Access denied. You do not have permission to perform this action or access this resource.',
        );
      next.isSiteAdmin = readPrimitive(v, 'Edm.Boolean') === true;
    } else throw unknownProperty(k, 'SP.User');
  }
  return next;
}

function addUser(ctx: Ctx, group: GroupRecord | null): ApiResponse {
  const body = jsonBody(ctx.req);
  for (const [k] of bodyProperties(body)) if (k !== 'LoginName') throw unknownProperty(k, 'SP.User');
  const login = readPrimitive(body.LoginName, 'Edm.String');
  if (typeof login !== 'string' || login.trim() === '') throw badArgument('The parameter LoginName cannot be empty.');
  if (group) demandGroupManage(ctx, group);
  else demand(webMask(ctx.site, ctx.user), PermissionKind.ManagePermissions);
  const user = ensureInSite(ctx, login);
  if (group && !group.memberIds.includes(user.id))
    ctx.site.commit({ t: 'group', group: { ...group, memberIds: [...group.memberIds, user.id] } });
  return created({
    'odata.metadata': `${apiBase(ctx)}/$metadata#SP.ApiData.Users/@Element`,
    ...userEntity(ctx, ctx.site.users.get(user.id) as UserRecord).json,
  });
}

function removeUser(ctx: Ctx, u: UserRecord, group: GroupRecord | null): void {
  if (group) {
    demandGroupManage(ctx, group);
    ctx.site.commit({ t: 'group', group: { ...group, memberIds: group.memberIds.filter((id) => id !== u.id) } });
    return;
  }
  demand(webMask(ctx.site, ctx.user), PermissionKind.ManagePermissions);
  for (const g of ctx.site.groups.values()) {
    if (g.memberIds.includes(u.id))
      ctx.site.commit({ t: 'group', group: { ...g, memberIds: g.memberIds.filter((id) => id !== u.id) } });
  }
  ctx.site.commit({ t: 'user', user: { ...u, inSite: false } });
}

/** Finds a directory user by login or e-mail and adds them to the site if needed. */
function ensureInSite(ctx: Ctx, login: string): UserRecord {
  const email = emailFromLogin(login);
  const u = ctx.site.userByEmail(email);
  if (!u) throw userNotFound(login);
  if (u.inSite) return u;
  const next = { ...u, inSite: true };
  ctx.site.commit({ t: 'user', user: next });
  return next;
}

/**
 * `POST ensureuser {"logonName": …}`. Resolving someone already in the site needs Browse User
 * Information; adding a directory user needs Add Items on the web (UNCONFIRMED: SharePoint's exact right).
 */
export function ensureUserRoute(ctx: Ctx): ApiResponse {
  allow(ctx, 'EnsureUser', 'POST');
  demandBrowse(ctx);
  const body = jsonBody(ctx.req);
  const login = readPrimitive(body.logonName, 'Edm.String');
  if (typeof login !== 'string' || login.trim() === '') throw badArgument('The parameter logonName cannot be empty.');
  const existing = ctx.site.userByEmail(emailFromLogin(login));
  if (!existing?.inSite) demand(webMask(ctx.site, ctx.user), PermissionKind.AddListItems);
  const user = ensureInSite(ctx, login);
  return ok({ 'odata.metadata': `${apiBase(ctx)}/$metadata#SP.ApiData.Users/@Element`, ...userEntity(ctx, user).json });
}

// ---------------------------------------------------------------------------------------------
// Groups

/** Changing a group needs Manage Permissions, or being its owner (or a member when members may edit). */
function demandGroupManage(ctx: Ctx, g: GroupRecord): void {
  if (hasPermission(webMask(ctx.site, ctx.user), PermissionKind.ManagePermissions)) return;
  const mine = ctx.site.principalsOf(ctx.user.id);
  if (mine.has(g.ownerId)) return;
  if (g.allowMembersEditMembership && g.memberIds.includes(ctx.user.id)) return;
  demand(webMask(ctx.site, ctx.user), PermissionKind.ManagePermissions);
}

/** `siteGroups` and below; also `associatedOwnerGroup` etc. via `groupRoute`. */
export function siteGroupsRoute(ctx: Ctx, seg: Segment, rest: Segment[]): ApiResponse {
  demandBrowse(ctx);
  if (seg.args && seg.args.length > 0)
    return groupRoute(
      ctx,
      findGroup(ctx, (g) => g.id === argNumber(seg, 'id')),
      rest,
    );
  const next = rest[0];
  if (!next) {
    allow(ctx, 'SP.GroupCollection', 'GET', 'POST');
    if (ctx.req.method === 'POST') return addGroup(ctx);
    return collectionResponse(
      ctx,
      [...ctx.site.groups.values()].map((g) => groupEntity(ctx, g)),
      'SP.ApiData.Groups',
      'SP.Group',
      CASE_SENSITIVE,
    );
  }
  const after = rest.slice(1);
  if (is(next, 'getbyid'))
    return groupRoute(
      ctx,
      findGroup(ctx, (g) => g.id === argNumber(next, 'id')),
      after,
    );
  if (is(next, 'getbyname')) {
    const name = (argString(next, 'name') ?? '').toLowerCase();
    return groupRoute(
      ctx,
      findGroup(ctx, (g) => g.title.toLowerCase() === name),
      after,
    );
  }
  if (is(next, 'removebyid') || is(next, 'removebyloginname')) {
    allow(ctx, next.name, 'POST');
    demand(webMask(ctx.site, ctx.user), PermissionKind.ManagePermissions);
    const g = is(next, 'removebyid')
      ? findGroup(ctx, (x) => x.id === argNumber(next, 'id'))
      : findGroup(ctx, (x) => x.title.toLowerCase() === (argString(next, 'loginName') ?? '').toLowerCase());
    deleteGroup(ctx, g);
    return ok({ 'odata.null': true });
  }
  throw resourceNotFound(next.raw);
}

/** 404 for an unknown group. UNCONFIRMED status; SharePoint's message. */
function groupNotFound(): SpError {
  return new SpError(404, '-2146232832, Microsoft.SharePoint.SPException', 'Group cannot be found.');
}

function findGroup(ctx: Ctx, pred: (g: GroupRecord) => boolean): GroupRecord {
  for (const g of ctx.site.groups.values()) if (pred(g)) return g;
  throw groupNotFound();
}

/** One group and its `users`. */
export function groupRoute(ctx: Ctx, g: GroupRecord, rest: Segment[]): ApiResponse {
  const next = rest[0];
  if (next && is(next, 'users')) {
    const canView =
      !g.onlyAllowMembersViewMembership ||
      g.memberIds.includes(ctx.user.id) ||
      hasPermission(webMask(ctx.site, ctx.user), PermissionKind.ManagePermissions);
    if (!canView) demand(webMask(ctx.site, ctx.user), PermissionKind.ManagePermissions);
    return usersCollectionRoute(ctx, next, rest.slice(1), g);
  }
  if (next && is(next, 'owner') && rest.length === 1) {
    allow(ctx, 'Owner', 'GET');
    const entity = groupEntity(ctx, g).navs?.Owner?.();
    if (!entity || Array.isArray(entity)) throw userNotFoundError();
    return entityResponse(ctx, entity, 'SP.ApiData.Principals');
  }
  if (next && /^setuserasowner$/i.test(next.name) && rest.length === 1) {
    allow(ctx, 'SetUserAsOwner', 'POST');
    demandGroupManage(ctx, g);
    const ownerId = argNumber(next, 'ownerId');
    if (ownerId === undefined || (!ctx.site.users.has(ownerId) && !ctx.site.groups.has(ownerId)))
      throw userNotFoundError();
    ctx.site.commit({ t: 'group', group: { ...g, ownerId } });
    return ok({ 'odata.null': true });
  }
  if (next) throw resourceNotFound(next.raw);
  allow(ctx, 'SP.Group', 'GET', 'MERGE', 'PATCH', 'DELETE');
  if (ctx.req.method === 'GET') return entityResponse(ctx, groupEntity(ctx, g), 'SP.ApiData.Groups');
  if (ctx.req.method === 'DELETE') {
    demand(webMask(ctx.site, ctx.user), PermissionKind.ManagePermissions);
    deleteGroup(ctx, g);
    return emptyOk();
  }
  demandGroupManage(ctx, g);
  const next2 = readGroupBody(jsonBody(ctx.req), g);
  if (
    next2.title.toLowerCase() !== g.title.toLowerCase() &&
    [...ctx.site.groups.values()].some((x) => x.title.toLowerCase() === next2.title.toLowerCase())
  ) {
    throw spException(`The specified name is already in use.`);
  }
  ctx.site.commit({ t: 'group', group: next2 });
  return noContent();
}

function readGroupBody(body: JsonObject, g: GroupRecord): GroupRecord {
  const next = { ...g };
  for (const [k, v] of bodyProperties(body)) {
    switch (k) {
      case 'Title':
        next.title = String(readPrimitive(v, 'Edm.String') ?? '');
        if (next.title.trim() === '') throw badArgument('The group name cannot be empty.');
        break;
      case 'Description':
        next.description = (readPrimitive(v, 'Edm.String') as string | null) ?? null;
        break;
      case 'AllowMembersEditMembership':
        next.allowMembersEditMembership = readPrimitive(v, 'Edm.Boolean') === true;
        break;
      case 'OnlyAllowMembersViewMembership':
        next.onlyAllowMembersViewMembership = readPrimitive(v, 'Edm.Boolean') === true;
        break;
      case 'AllowRequestToJoinLeave':
      case 'AutoAcceptRequestToJoinLeave':
        if (readPrimitive(v, 'Edm.Boolean') === true)
          throw spException(`The group property '${k}' is not supported by the local SharePoint.`);
        break;
      default:
        throw unknownProperty(k, 'SP.Group');
    }
  }
  return next;
}

function addGroup(ctx: Ctx): ApiResponse {
  demand(webMask(ctx.site, ctx.user), PermissionKind.CreateGroups);
  const base: GroupRecord = {
    id: 0,
    title: '',
    description: null,
    ownerId: ctx.user.id,
    memberIds: [],
    allowMembersEditMembership: false,
    onlyAllowMembersViewMembership: true,
  };
  const g = readGroupBody(jsonBody(ctx.req), base);
  if (!g.title) throw badArgument('The group name cannot be empty.');
  if ([...ctx.site.groups.values()].some((x) => x.title.toLowerCase() === g.title.toLowerCase()))
    throw spException('The specified name is already in use.');
  const group = { ...g, id: ctx.site.takePrincipalId(), memberIds: [ctx.user.id] };
  ctx.site.commit({ t: 'group', group });
  return created({
    'odata.metadata': `${apiBase(ctx)}/$metadata#SP.ApiData.Groups/@Element`,
    ...groupEntity(ctx, group).json,
  });
}

/** Removes a group and its role assignments everywhere. */
function deleteGroup(ctx: Ctx, g: GroupRecord): void {
  ctx.site.commit({ t: 'groupDel', id: g.id });
  const web = ctx.site.web;
  if (web.roleAssignments.some((a) => a.principalId === g.id)) {
    ctx.site.commit({
      t: 'web',
      web: { ...web, roleAssignments: web.roleAssignments.filter((a) => a.principalId !== g.id) },
    });
  }
  for (const rt of ctx.site.lists.values()) {
    const ra = rt.rec.roleAssignments;
    if (ra && ra.some((a) => a.principalId === g.id))
      ctx.site.commit({ t: 'list', list: { ...rt.rec, roleAssignments: ra.filter((a) => a.principalId !== g.id) } });
  }
}
