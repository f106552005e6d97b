/**
 * `…/lists(…)/views`: enumerate, `getByTitle`, `getById`/`views('<guid>')`, add (POST), MERGE and
 * DELETE. The product never uses views; they are here so that changing a list's views is refused to
 * anyone without Manage Lists, as in SharePoint (issue 21). Every list has the default "All Items"
 * view; the query and the columns of a view are stored, not applied.
 */
import { badArgument, resourceNotFound, SpError, spException, unknownProperty } from '../http/errors';
import { argString, is, Segment } from '../http/path';
import { jsonBody } from '../http/request';
import { ApiResponse, created, emptyOk, noContent } from '../http/response';
import { demand, listMask } from '../model/access';
import { listServerRelativeUrl } from '../model/fields';
import { newGuid } from '../model/names';
import { PermissionKind } from '../model/permissions';
import { bodyProperties, readPrimitive } from '../model/props';
import type { ListRuntime } from '../model/site';
import type { JsonObject, ListRecord, ViewRecord } from '../model/types';
import { allow, apiBase, collectionResponse, Ctx, Entity, entityResponse } from './context';

/** The list's views: the stored ones, or the implied default view of a list whose views never changed. */
function viewsOf(rec: ListRecord): ViewRecord[] {
  if (rec.views) return rec.views;
  // A stable id for the implied default view, derived from the list's.
  return [
    {
      id: `${rec.id.slice(0, 24)}000000000001`,
      title: 'All Items',
      defaultView: true,
      hidden: false,
      rowLimit: 30,
      viewQuery: '',
    },
  ];
}

function viewNotFound(): SpError {
  // UNCONFIRMED wording (SharePoint's SPException for a missing view).
  return new SpError(404, '-2147024809, System.ArgumentException', 'The specified view is invalid.');
}

/** `views` and below; `seg` is the `views` segment (it may carry `('<guid>')`). */
export function viewsRoute(ctx: Ctx, rt: ListRuntime, seg: Segment, rest: Segment[]): ApiResponse {
  if (seg.args && seg.args.length > 0)
    return viewRoute(
      ctx,
      rt,
      findView(rt, (v) => v.id === normalizeId(argString(seg, 'id'))),
      rest,
    );
  const next = rest[0];
  if (!next) {
    allow(ctx, 'SP.ViewCollection', 'GET', 'POST');
    if (ctx.req.method === 'POST') return addView(ctx, rt);
    return collectionResponse(
      ctx,
      viewsOf(rt.rec).map((v) => viewEntity(ctx, rt.rec, v)),
      'SP.ApiData.Views',
      'SP.View',
    );
  }
  if (is(next, 'getbytitle')) {
    const title = (argString(next, 'title') ?? '').toLowerCase();
    return viewRoute(
      ctx,
      rt,
      findView(rt, (v) => v.title.toLowerCase() === title),
      rest.slice(1),
    );
  }
  if (is(next, 'getbyid'))
    return viewRoute(
      ctx,
      rt,
      findView(rt, (v) => v.id === normalizeId(argString(next, 'id'))),
      rest.slice(1),
    );
  throw resourceNotFound(next.raw);
}

function normalizeId(id: string | undefined): string {
  return (id ?? '')
    .replace(/^guid'|'$/g, '')
    .replace(/[{}]/g, '')
    .toLowerCase();
}

function findView(rt: ListRuntime, pred: (v: ViewRecord) => boolean): ViewRecord {
  const found = viewsOf(rt.rec).find(pred);
  if (!found) throw viewNotFound();
  return found;
}

function viewRoute(ctx: Ctx, rt: ListRuntime, view: ViewRecord, rest: Segment[]): ApiResponse {
  if (rest.length > 0) throw resourceNotFound(rest[0].raw);
  allow(ctx, 'SP.View', 'GET', 'MERGE', 'PATCH', 'DELETE');
  if (ctx.req.method === 'GET') return entityResponse(ctx, viewEntity(ctx, rt.rec, view), 'SP.ApiData.Views');
  demand(listMask(ctx.site, rt.rec, ctx.user), PermissionKind.ManageLists);
  const views = viewsOf(rt.rec);
  if (ctx.req.method === 'DELETE') {
    // UNCONFIRMED wording; SharePoint refuses to delete a list's default view.
    if (view.defaultView) throw spException('You cannot delete the default view of a list.');
    saveViews(
      ctx,
      rt,
      views.filter((v) => v.id !== view.id),
    );
    return emptyOk();
  }
  const changed = readViewBody(jsonBody(ctx.req), view);
  saveViews(
    ctx,
    rt,
    views.map((v) => (v.id === view.id ? changed : changed.defaultView ? { ...v, defaultView: false } : v)),
  );
  return noContent();
}

function addView(ctx: Ctx, rt: ListRuntime): ApiResponse {
  const body = jsonBody(ctx.req);
  // Personal views are not modelled; a public view needs Manage Lists.
  if (body.PersonalView === true) throw spException('Personal views are not supported by the local SharePoint.');
  demand(listMask(ctx.site, rt.rec, ctx.user), PermissionKind.ManageLists);
  const view = readViewBody(body, {
    id: newGuid(),
    title: '',
    defaultView: false,
    hidden: false,
    rowLimit: 30,
    viewQuery: '',
  });
  if (!view.title.trim()) throw badArgument('The view title cannot be empty.');
  const views = viewsOf(rt.rec).map((v) => (view.defaultView ? { ...v, defaultView: false } : v));
  saveViews(ctx, rt, [...views, view]);
  return created({
    'odata.metadata': `${apiBase(ctx)}/$metadata#SP.ApiData.Views/@Element`,
    ...viewEntity(ctx, rt.rec, view).json,
  });
}

function saveViews(ctx: Ctx, rt: ListRuntime, views: ViewRecord[]): void {
  ctx.site.commit({ t: 'list', list: { ...rt.rec, views } });
}

function readViewBody(body: JsonObject, base: ViewRecord): ViewRecord {
  const view = { ...base };
  for (const [k, v] of bodyProperties(body)) {
    if (k === 'Title') view.title = String(readPrimitive(v, 'Edm.String') ?? '');
    else if (k === 'DefaultView') view.defaultView = readPrimitive(v, 'Edm.Boolean') === true;
    else if (k === 'Hidden') view.hidden = readPrimitive(v, 'Edm.Boolean') === true;
    else if (k === 'RowLimit') view.rowLimit = Number(readPrimitive(v, 'Edm.Int32') ?? 30);
    else if (k === 'ViewQuery') view.viewQuery = String(readPrimitive(v, 'Edm.String') ?? '');
    else if (k === 'PersonalView') continue;
    else throw unknownProperty(k, 'SP.View');
  }
  return view;
}

function viewEntity(ctx: Ctx, rec: ListRecord, v: ViewRecord): Entity {
  const edit = `Web/Lists(guid'${rec.id}')/Views(guid'${v.id}')`;
  return {
    json: {
      'odata.type': 'SP.View',
      'odata.id': `${apiBase(ctx)}/${edit}`,
      'odata.editLink': edit,
      BaseViewId: '1',
      DefaultView: v.defaultView,
      Hidden: v.hidden,
      Id: v.id,
      Paged: true,
      PersonalView: false,
      ReadOnlyView: false,
      RowLimit: v.rowLimit,
      ServerRelativeUrl: `${listServerRelativeUrl(ctx.sitePath, rec)}/${v.defaultView ? 'AllItems' : v.title.replace(/[^A-Za-z0-9]/g, '')}.aspx`,
      Title: v.title,
      ViewQuery: v.viewQuery,
      ViewType: 'HTML',
    },
  };
}
