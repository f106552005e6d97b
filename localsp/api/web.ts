/**
 * The root of `_api/`: `contextinfo`, `web` (and everything below it), `site` and the people picker's
 * search. Each resource resolves its path segments case-insensitively and answers unknown ones with
 * SharePoint's 404 (ResourceNotFoundException), never with a silent success.
 */
import { randomBytes } from 'crypto';
import { resourceNotFound, unknownProperty } from '../http/errors';
import { is, Segment } from '../http/path';
import { jsonBody } from '../http/request';
import { ApiResponse, noContent, ok } from '../http/response';
import { demand, webMask } from '../model/access';
import { maskJson, PermissionKind } from '../model/permissions';
import { bodyProperties, readPrimitive } from '../model/props';
import type { JsonObject, JsonValue } from '../model/types';
import { allow, apiBase, Ctx, Entity, entityResponse } from './context';
import { fileRoute, folderRoute } from './files';
import { listsRoute } from './lists';
import { PEOPLE_PICKER_SEARCH, peoplePickerSearchRoute } from './peoplePicker';
import { permissionRoute, roleAssignmentsRoute, roleDefinitionsRoute } from './security';
import {
  currentUserRoute,
  ensureUserRoute,
  getUserByIdRoute,
  groupEntity,
  groupRoute,
  siteGroupsRoute,
  siteUsersRoute,
  userEntity,
} from './users';

/** SharePoint Online's library version as contextinfo reports it. */
const LIBRARY_VERSION = '16.0.26712.12003';

/** Answers one REST request (already authenticated) from its segments. */
export function dispatch(ctx: Ctx): ApiResponse {
  const [first, ...rest] = ctx.req.segments;
  if (!first) throw resourceNotFound('_api');
  if (is(first, 'contextinfo') && rest.length === 0) return contextInfo(ctx);
  if (is(first, 'web')) return webRoute(ctx, rest);
  if (is(first, 'site') && rest.length === 0) return siteRoute(ctx);
  if (is(first, 'site') && is(rest[0], 'rootweb')) return webRoute(ctx, rest.slice(1));
  if (is(first, PEOPLE_PICKER_SEARCH) && rest.length === 0) return peoplePickerSearchRoute(ctx);
  throw resourceNotFound(first.raw);
}

function contextInfo(ctx: Ctx): ApiResponse {
  allow(ctx, 'GetContextWebInformation', 'POST');
  // The date as SharePoint Online writes it after the comma: `03 Dec 2026 04:25:30 -0000` (fidelity reference M11).
  const digest = `0x${randomBytes(64).toString('hex').toUpperCase()},${new Date(ctx.now)
    .toUTCString()
    .replace(/^\w+, /, '')
    .replace(/ GMT$/, ' -0000')}`;
  return ok({
    'odata.metadata': `${apiBase(ctx)}/$metadata#SP.ContextWebInformation`,
    FormDigestTimeoutSeconds: 1800,
    FormDigestValue: digest,
    LibraryVersion: LIBRARY_VERSION,
    SiteFullUrl: ctx.siteUrl,
    SupportedSchemaVersions: ['14.0.0.0', '15.0.0.0'],
    WebFullUrl: ctx.siteUrl,
  });
}

function siteRoute(ctx: Ctx): ApiResponse {
  allow(ctx, 'SP.Site', 'GET');
  demand(webMask(ctx.site, ctx.user), PermissionKind.Open);
  const entity: Entity = {
    json: {
      'odata.type': 'SP.Site',
      'odata.id': `${apiBase(ctx)}/site`,
      'odata.editLink': 'site',
      Id: ctx.site.web.siteId,
      ReadOnly: false,
      ServerRelativeUrl: ctx.sitePath,
      Url: ctx.siteUrl,
    },
  };
  return entityResponse(ctx, entity, 'SP.ApiData.Sites');
}

function webRoute(ctx: Ctx, rest: Segment[]): ApiResponse {
  const next = rest[0];
  if (!next) return webEntityRoute(ctx);
  const after = rest.slice(1);
  if (is(next, 'lists')) return listsRoute(ctx, next, after);
  if (is(next, 'getfolderbyserverrelativepath') || is(next, 'getfolderbyserverrelativeurl'))
    return folderRoute(ctx, next, after);
  if (is(next, 'getfilebyserverrelativepath') || is(next, 'getfilebyserverrelativeurl'))
    return fileRoute(ctx, next, after);
  if (is(next, 'currentuser')) return currentUserRoute(ctx, after);
  if (is(next, 'siteusers')) return siteUsersRoute(ctx, next, after);
  if (is(next, 'sitegroups')) return siteGroupsRoute(ctx, next, after);
  if (is(next, 'getuserbyid')) return getUserByIdRoute(ctx, next, after);
  if (is(next, 'ensureuser') && after.length === 0) return ensureUserRoute(ctx);
  if (is(next, 'roledefinitions')) return roleDefinitionsRoute(ctx, next, after);
  if (is(next, 'roleassignments')) return roleAssignmentsRoute(ctx, { kind: 'web' }, next, after);
  const assoc = associatedGroup(ctx, next);
  if (assoc !== undefined) {
    demand(webMask(ctx.site, ctx.user), PermissionKind.BrowseUserInfo);
    const g = ctx.site.groups.get(assoc);
    if (!g) throw resourceNotFound(next.raw);
    return groupRoute(ctx, g, after);
  }
  const perm = permissionRoute(ctx, { kind: 'web' }, next, after);
  if (perm) return perm;
  if (after.length === 0) return webProperty(ctx, next);
  throw resourceNotFound(next.raw);
}

function associatedGroup(ctx: Ctx, seg: Segment): number | undefined {
  if (is(seg, 'associatedownergroup')) return ctx.site.web.ownerGroupId;
  if (is(seg, 'associatedmembergroup')) return ctx.site.web.memberGroupId;
  if (is(seg, 'associatedvisitorgroup')) return ctx.site.web.visitorGroupId;
  return undefined;
}

function webEntityRoute(ctx: Ctx): ApiResponse {
  allow(ctx, 'SP.Web', 'GET', 'MERGE', 'PATCH');
  demand(webMask(ctx.site, ctx.user), PermissionKind.Open);
  if (ctx.req.method === 'GET') return entityResponse(ctx, webEntity(ctx), 'SP.ApiData.Webs');
  demand(webMask(ctx.site, ctx.user), PermissionKind.ManageWeb);
  const web = { ...ctx.site.web };
  for (const [k, v] of bodyProperties(jsonBody(ctx.req))) {
    if (k === 'Title') web.title = String(readPrimitive(v, 'Edm.String') ?? '');
    else if (k === 'Description') web.description = String(readPrimitive(v, 'Edm.String') ?? '');
    else throw unknownProperty(k, 'SP.Web');
  }
  ctx.site.commit({ t: 'web', web });
  return noContent();
}

/** `_api/web/title` style single-property reads. */
function webProperty(ctx: Ctx, seg: Segment): ApiResponse {
  allow(ctx, seg.name, 'GET');
  demand(webMask(ctx.site, ctx.user), PermissionKind.Open);
  const entity = webEntity(ctx);
  const all: Record<string, JsonValue> = { ...entity.json, ...(entity.extra ?? {}) };
  const key = Object.keys(all).find((k) => !k.startsWith('odata.') && k.toLowerCase() === seg.name.toLowerCase());
  if (!key) throw resourceNotFound(seg.raw);
  const value = all[key];
  if (value !== null && typeof value === 'object')
    return ok({
      'odata.metadata': `${apiBase(ctx)}/$metadata#SP.ApiData.Webs/@Element/${key}`,
      ...(value as JsonObject),
    });
  return ok({
    'odata.metadata': `${apiBase(ctx)}/$metadata#Edm.${typeof value === 'boolean' ? 'Boolean' : typeof value === 'number' ? 'Int32' : 'String'}`,
    value,
  });
}

/** The SP.Web entity of the root web. */
export function webEntity(ctx: Ctx): Entity {
  const web = ctx.site.web;
  const mask = webMask(ctx.site, ctx.user);
  const lastModified = [...ctx.site.lists.values()].reduce(
    (m, l) => (l.rec.lastItemModified > m ? l.rec.lastItemModified : m),
    web.created,
  );
  return {
    json: {
      'odata.type': 'SP.Web',
      'odata.id': `${apiBase(ctx)}/Web`,
      'odata.editLink': 'Web',
      AllowRssFeeds: true,
      AlternateCssUrl: '',
      AppInstanceId: '00000000-0000-0000-0000-000000000000',
      Configuration: 0,
      Created: web.created,
      CurrentChangeToken: { StringValue: `1;2;${web.id};${Date.parse(lastModified) * 10000};-1` },
      CustomMasterUrl: `${ctx.sitePath}/_catalogs/masterpage/seattle.master`,
      Description: web.description,
      DesignPackageId: '00000000-0000-0000-0000-000000000000',
      DocumentLibraryCalloutOfficeWebAppPreviewersDisabled: false,
      EnableMinimalDownload: false,
      HorizontalQuickLaunch: false,
      Id: web.id,
      IsMultilingual: true,
      Language: 1030,
      LastItemModifiedDate: lastModified,
      LastItemUserModifiedDate: lastModified,
      MasterUrl: `${ctx.sitePath}/_catalogs/masterpage/seattle.master`,
      NoCrawl: false,
      OverwriteTranslationsOnChange: false,
      ResourcePath: { DecodedUrl: ctx.siteUrl },
      QuickLaunchEnabled: true,
      RecycleBinEnabled: true,
      ServerRelativeUrl: ctx.sitePath,
      SiteLogoUrl: null,
      SyndicationEnabled: true,
      Title: web.title,
      TreeViewEnabled: false,
      UIVersion: 15,
      UIVersionConfigurationEnabled: false,
      Url: ctx.siteUrl,
      WebTemplate: 'STS',
    },
    extra: {
      HasUniqueRoleAssignments: true,
      EffectiveBasePermissions: maskJson(mask),
      EffectiveBasePermissionsForUI: maskJson(mask),
    },
    navs: {
      CurrentUser: () => userEntity(ctx, ctx.user),
      AssociatedOwnerGroup: () => groupOrNull(ctx, web.ownerGroupId),
      AssociatedMemberGroup: () => groupOrNull(ctx, web.memberGroupId),
      AssociatedVisitorGroup: () => groupOrNull(ctx, web.visitorGroupId),
      // `$expand=SiteGroups` (the site health check reads the groups with the associated ones). UNCONFIRMED:
      // SharePoint Online's expansion needs the same permission as `siteGroups` (here: none beyond Open).
      SiteGroups: () => [...ctx.site.groups.values()].map((g) => groupEntity(ctx, g)),
    },
  };
}

function groupOrNull(ctx: Ctx, id: number): Entity | null {
  const g = ctx.site.groups.get(id);
  return g ? groupEntity(ctx, g) : null;
}
