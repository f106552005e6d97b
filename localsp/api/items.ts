/**
 * `…/items`: query (reference §1/§2), add (201 + ETag + Location), `items(n)` GET, MERGE (204 + ETag,
 * If-Match → 412), PUT, DELETE (200), recycle — with content approval (OData__ModerationStatus), item-level
 * permissions and unique values.
 */
import {
  accessDenied,
  etagMismatch,
  itemNotFound,
  moderationWithOtherFields,
  resourceNotFound,
  skipNotSupported,
} from '../http/errors';
import { argNumber, is, Segment } from '../http/path';
import { isVerboseBody, jsonBody, queryOption } from '../http/request';
import { ApiResponse, created, emptyOk, noContent, ok } from '../http/response';
import {
  canApprove,
  demand,
  demandItemAdd,
  demandItemWrite,
  listAccess,
  ListAccess,
  visibleVersion,
} from '../model/access';
import {
  applyDefaults,
  checkLookupThreshold,
  checkRequired,
  checkUnique,
  compileItemShape,
  ItemChanges,
  itemEtagHeader,
  itemJson,
  ItemShape,
  readItemBody,
} from '../model/items';
import { newGuid } from '../model/names';
import { PermissionKind, maskJson } from '../model/permissions';
import { queryItems } from '../model/query';
import type { ListRuntime } from '../model/site';
import type { ItemRecord, JsonObject, StoredValue } from '../model/types';
import { encodeSkipTokenParam } from '../odata/skiptoken';
import { allow, apiBase, Ctx, projectionOf } from './context';
import { refuseLibraryItemAdd } from './files';

/** `items`, `items(n)`, `items/getById(n)` and below. */
export function itemsRoute(ctx: Ctx, rt: ListRuntime, seg: Segment, rest: Segment[]): ApiResponse {
  if (seg.args && seg.args.length > 0) return itemRoute(ctx, rt, argNumber(seg, 'id'), rest);
  const next = rest[0];
  if (!next) return itemsCollection(ctx, rt);
  if (is(next, 'getbyid')) return itemRoute(ctx, rt, argNumber(next, 'id'), rest.slice(1));
  throw resourceNotFound(next.raw);
}

function shapeContext(ctx: Ctx): { site: Ctx['site']; siteUrl: string; sitePath: string } {
  return { site: ctx.site, siteUrl: ctx.siteUrl, sitePath: ctx.sitePath };
}

function itemsCollection(ctx: Ctx, rt: ListRuntime): ApiResponse {
  allow(ctx, 'SP.ListItemCollection', 'GET', 'POST');
  const access = listAccess(ctx.site, rt, ctx.user);
  if (ctx.req.method === 'POST') return addItem(ctx, rt, access);
  demand(access.mask, PermissionKind.ViewListItems);
  if (queryOption(ctx.req, '$skip') !== null) throw skipNotSupported();
  const proj = projectionOf(ctx);
  const shape = compileItemShape(rt, proj, shapeContext(ctx));
  checkLookupThreshold(rt, proj);
  const page = queryItems(ctx.site, rt, access, {
    filter: queryOption(ctx.req, '$filter'),
    orderby: queryOption(ctx.req, '$orderby'),
    top: queryOption(ctx.req, '$top'),
    skiptoken: queryOption(ctx.req, '$skiptoken'),
    expanded: new Set(proj.expand.map((e) => e[0].toLowerCase())),
  });
  const body: JsonObject = {
    'odata.metadata': `${apiBase(ctx)}/$metadata#SP.ListData.${rt.rec.entityTypeName}Items`,
    value: page.rows.map((it) => itemJson(rt.rec, it, shape)),
  };
  if (page.nextToken) body['odata.nextLink'] = nextLink(ctx, page.nextToken);
  return ok(body);
}

/**
 * Absolute next-page URL as SharePoint Online writes it (fidelity reference M1, pnpcore
 * RESTListItemAsyncPaging-100-00001: `items?%24skiptoken=Paged%3dTRUE%26p_ID%3d100&%24select=Id%2cTitle&%24top=100`):
 * the path as requested, `$skiptoken` first, then the other options in their order, percent-encoded with
 * lower-case hex. UNCONFIRMED: a space in `$filter` as `%20` (no recording has a filter in its nextLink).
 */
function nextLink(ctx: Ctx, token: string): string {
  const params = [...new URLSearchParams(ctx.req.query)].filter(([k]) => k.toLowerCase() !== '$skiptoken');
  const encode = (text: string): string =>
    encodeURIComponent(text)
      .replace(/['()*!]/g, (c) => `%${c.charCodeAt(0).toString(16)}`)
      .replace(/%[0-9A-F]{2}/g, (m) => m.toLowerCase());
  const query = [
    `%24skiptoken=${encodeSkipTokenParam(token)}`,
    ...params.map(([k, v]) => `${encode(k)}=${encode(v)}`),
  ].join('&');
  return `${ctx.req.origin}${ctx.req.path}?${query}`;
}

function itemResponseBody(ctx: Ctx, rt: ListRuntime, item: ItemRecord, shape: ItemShape): JsonObject {
  return {
    'odata.metadata': `${apiBase(ctx)}/$metadata#SP.ListData.${rt.rec.entityTypeName}Items/@Element`,
    ...itemJson(rt.rec, item, shape),
  };
}

function itemLocation(ctx: Ctx, rt: ListRuntime, id: number): string {
  return `${apiBase(ctx)}/Web/Lists(guid'${rt.rec.id}')/Items(${id})`;
}

// ---------------------------------------------------------------------------------------------
// Add

function addItem(ctx: Ctx, rt: ListRuntime, access: ListAccess): ApiResponse {
  demandItemAdd(access);
  refuseLibraryItemAdd(rt);
  const changes = readItemBody(jsonBody(ctx.req), { site: ctx.site, list: rt, verbose: isVerboseBody(ctx.req) });
  const item = buildNewItem(ctx, rt, access, changes, ctx.user.id);
  ctx.site.commit({ t: 'items', list: rt.rec.id, items: [item] });
  const shape = compileItemShape(rt, { select: null, expand: [] }, shapeContext(ctx));
  return created(itemResponseBody(ctx, rt, item, shape), {
    ETag: itemEtagHeader(item),
    Location: itemLocation(ctx, rt, item.id),
  });
}

/**
 * A new item from parsed changes: defaults, required and unique checks, and on moderated lists
 * status 2 (Pending) unless an approver sets it — also when an approver creates it (UNCONFIRMED).
 * Used by REST adds and by the bulk test hook.
 */
export function buildNewItem(
  ctx: Pick<Ctx, 'site' | 'now'>,
  rt: ListRuntime,
  access: ListAccess | null,
  changes: ItemChanges,
  authorId: number,
  pending?: Map<string, Set<string>>,
  id?: number,
  times?: { created?: string; modified?: string },
): ItemRecord {
  const rec = rt.rec;
  if (
    access &&
    (changes.moderationStatus !== undefined || changes.moderationComments !== undefined) &&
    !canApprove(access.mask)
  )
    throw accessDenied();
  const values: Record<string, StoredValue> = { ...changes.values };
  applyDefaults(rec, values, ctx.now);
  checkRequired(rec, values);
  checkUnique(rt, values, null, pending);
  const createdAt = times?.created ?? ctx.now;
  return {
    id: id ?? rec.nextItemId,
    guid: newGuid(),
    oid: newGuid(),
    version: 1,
    uiMajor: 1,
    created: createdAt,
    modified: times?.modified ?? createdAt,
    author: authorId,
    editor: authorId,
    moderationStatus: rec.enableModeration ? (changes.moderationStatus ?? 2) : null,
    moderationComments: rec.enableModeration ? (changes.moderationComments ?? null) : null,
    values,
    published: null,
  };
}

// ---------------------------------------------------------------------------------------------
// One item

function itemRoute(ctx: Ctx, rt: ListRuntime, id: number | undefined, rest: Segment[]): ApiResponse {
  const access = listAccess(ctx.site, rt, ctx.user);
  demand(access.mask, PermissionKind.ViewListItems);
  const current = id === undefined ? undefined : rt.byId.get(id);
  const visible = current ? visibleVersion(current, access) : null;
  if (!current || !visible) throw itemNotFound();
  const next = rest[0];
  if (next) return itemChild(ctx, rt, access, current, next, rest);
  allow(ctx, 'SP.ListItem', 'GET', 'MERGE', 'PATCH', 'PUT', 'DELETE');
  switch (ctx.req.method) {
    case 'GET': {
      const proj = projectionOf(ctx);
      const shape = compileItemShape(rt, proj, shapeContext(ctx));
      checkLookupThreshold(rt, proj);
      return ok(itemResponseBody(ctx, rt, visible, shape));
    }
    case 'DELETE':
      deleteItem(ctx, rt, access, current);
      return emptyOk();
    default:
      return updateItem(ctx, rt, access, current, ctx.req.method === 'PUT');
  }
}

function itemChild(
  ctx: Ctx,
  rt: ListRuntime,
  access: ListAccess,
  item: ItemRecord,
  next: Segment,
  rest: Segment[],
): ApiResponse {
  if (rest.length !== 1) throw resourceNotFound(rest[1].raw);
  if (is(next, 'recycle')) {
    allow(ctx, 'Recycle', 'POST');
    deleteItem(ctx, rt, access, item);
    return ok({ 'odata.metadata': `${apiBase(ctx)}/$metadata#Edm.Guid`, value: newGuid() });
  }
  if (is(next, 'effectivebasepermissions')) {
    allow(ctx, 'EffectiveBasePermissions', 'GET');
    // Items inherit the list's permissions here (item-level unique permissions are not modelled).
    return ok({
      'odata.metadata': `${apiBase(ctx)}/$metadata#SP.ApiData.ListItemEntityCollection/EffectiveBasePermissions`,
      ...maskJson(access.mask),
    });
  }
  throw resourceNotFound(next.raw);
}

/** Checks If-Match against `"<version>"` or `"<guid>,<version>"`; `*` or no header matches (reference §3). */
function checkIfMatch(ctx: Ctx, item: ItemRecord): void {
  const header = ctx.req.headers['if-match'];
  if (header === undefined || header.trim() === '*') return;
  const raw = header.trim().replace(/^W\//, '');
  const inner = raw.replace(/^"|"$/g, '');
  const version = Number(inner.includes(',') ? inner.slice(inner.lastIndexOf(',') + 1) : inner);
  if (version !== item.version) throw etagMismatch(header.trim(), itemEtagHeader(item));
}

function deleteItem(ctx: Ctx, rt: ListRuntime, access: ListAccess, item: ItemRecord): void {
  demandItemWrite(item, access, PermissionKind.DeleteListItems);
  checkIfMatch(ctx, item);
  ctx.site.commit({ t: 'itemDel', list: rt.rec.id, id: item.id, at: ctx.now });
}

function updateItem(ctx: Ctx, rt: ListRuntime, access: ListAccess, item: ItemRecord, replace: boolean): ApiResponse {
  const changes = readItemBody(jsonBody(ctx.req), { site: ctx.site, list: rt, verbose: isVerboseBody(ctx.req) });
  const moderating = changes.moderationStatus !== undefined || changes.moderationComments !== undefined;
  if (moderating) {
    if (!canApprove(access.mask)) throw accessDenied();
    if (Object.keys(changes.values).length > 0) throw moderationWithOtherFields();
  } else {
    demandItemWrite(item, access, PermissionKind.EditListItems);
  }
  checkIfMatch(ctx, item);
  const next = moderating ? moderatedItem(item, changes) : editedItem(ctx, rt, item, changes, replace);
  ctx.site.commit({ t: 'items', list: rt.rec.id, items: [next] });
  return noContent({ ETag: itemEtagHeader(next) });
}

/** An approval decision: new ETag version; an approved item drops the older published copy. UNCONFIRMED: Modified/Editor unchanged. */
function moderatedItem(item: ItemRecord, changes: ItemChanges): ItemRecord {
  const status = changes.moderationStatus ?? item.moderationStatus;
  return {
    ...item,
    version: item.version + 1,
    moderationStatus: status,
    moderationComments: changes.moderationComments !== undefined ? changes.moderationComments : item.moderationComments,
    published: status === 0 ? null : item.published,
  };
}

/**
 * A content edit: new values, version and Editor; on moderated lists the edit waits for approval again
 * (status 2, also when an approver edits — UNCONFIRMED) while readers keep seeing the last approved version.
 */
function editedItem(ctx: Ctx, rt: ListRuntime, item: ItemRecord, changes: ItemChanges, replace: boolean): ItemRecord {
  const rec = rt.rec;
  let values: Record<string, StoredValue>;
  if (replace) {
    values = { ...changes.values };
    applyDefaults(rec, values, ctx.now);
    checkRequired(rec, values);
  } else {
    values = { ...item.values, ...changes.values };
    checkRequired(rec, values, Object.keys(changes.values));
  }
  checkUnique(rt, values, item.id);
  let published = item.published;
  let status = item.moderationStatus;
  if (rec.enableModeration) {
    if (item.moderationStatus === 0) {
      published = {
        version: item.version,
        uiMajor: item.uiMajor,
        modified: item.modified,
        editor: item.editor,
        values: item.values,
        moderationComments: item.moderationComments,
      };
    }
    status = 2;
  }
  return {
    ...item,
    values,
    version: item.version + 1,
    uiMajor: item.uiMajor + 1,
    modified: ctx.now,
    editor: ctx.user.id,
    moderationStatus: status,
    published,
  };
}
