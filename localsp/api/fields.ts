/**
 * `…/lists(…)/fields`: enumerate, getByInternalNameOrTitle/getByTitle/getById, `fields.add*` (verbose
 * body and answer), `AddField` (lookups), `createfieldasxml`, `adddependentlookupfield`, MERGE (Indexed,
 * EnforceUniqueValues, Required …) and DELETE (reference §1 "Fields").
 */
import { badArgument, resourceNotFound, spException } from '../http/errors';
import { argString, is, Segment } from '../http/path';
import { isVerboseBody, jsonBody } from '../http/request';
import { ApiResponse, created, emptyOk, noContent, ok } from '../http/response';
import { demand, listMask } from '../model/access';
import {
  applyFieldProps,
  createField,
  FieldContext,
  fieldJson,
  fieldNotFound,
  findField,
  isLookup,
  isUser,
  specFromCreationInfo,
  specFromRestBody,
  specFromSchemaXml,
} from '../model/fields';
import { newGuid } from '../model/names';
import { PermissionKind } from '../model/permissions';
import { readPrimitive } from '../model/props';
import { normalizeGuid, type ListRuntime, uniqueKey } from '../model/site';
import type { FieldRecord, ItemRecord, JsonObject, StoredValue } from '../model/types';
import { allow, apiBase, collectionResponse, Ctx, Entity, entityResponse } from './context';

/** `fields` and below. */
export function fieldsRoute(ctx: Ctx, rt: ListRuntime, seg: Segment, rest: Segment[]): ApiResponse {
  if (seg.args && seg.args.length > 0)
    return fieldRoute(ctx, rt, requireField(rt, fieldById(rt, argString(seg, 'id')), argString(seg, 'id') ?? ''), rest);
  const next = rest[0];
  if (!next) return fieldsCollection(ctx, rt);
  const name = argString(next, 'name') ?? argString(next, 'title') ?? argString(next, 'id') ?? '';
  if (is(next, 'getbyinternalnameortitle'))
    return fieldRoute(ctx, rt, requireField(rt, findField(rt.rec, name), name), rest.slice(1));
  if (is(next, 'getbytitle'))
    return fieldRoute(
      ctx,
      rt,
      requireField(
        rt,
        rt.rec.fields.find((f) => f.title.toLowerCase() === name.toLowerCase()),
        name,
      ),
      rest.slice(1),
    );
  if (is(next, 'getbyid')) return fieldRoute(ctx, rt, requireField(rt, fieldById(rt, name), name), rest.slice(1));
  if (rest.length === 1 && is(next, 'addfield')) return addField(ctx, rt, 'creationInfo');
  if (rest.length === 1 && is(next, 'createfieldasxml')) return addField(ctx, rt, 'xml');
  if (rest.length === 1 && is(next, 'adddependentlookupfield')) return addDependentLookup(ctx, rt, next);
  throw resourceNotFound(next.raw);
}

function fieldById(rt: ListRuntime, id: string | undefined): FieldRecord | undefined {
  if (!id) return undefined;
  const g = normalizeGuid(id);
  return rt.rec.fields.find((f) => f.id === g);
}

function requireField(_rt: ListRuntime, f: FieldRecord | undefined, name: string): FieldRecord {
  if (!f) throw fieldNotFound(name);
  return f;
}

function fieldsCollection(ctx: Ctx, rt: ListRuntime): ApiResponse {
  allow(ctx, 'SP.FieldCollection', 'GET', 'POST');
  if (ctx.req.method === 'POST') return addField(ctx, rt, 'rest');
  return collectionResponse(
    ctx,
    rt.rec.fields.map((f) => fieldEntity(ctx, rt, f)),
    'SP.ApiData.Fields',
    'SP.Field',
  );
}

function fieldContext(ctx: Ctx, rt: ListRuntime): FieldContext {
  return {
    list: rt.rec,
    webId: ctx.site.web.id,
    verbose: isVerboseBody(ctx.req),
    resolveList: (ref: string) => {
      const byId = ctx.site.listById(ref);
      if (byId) return byId.rec.id;
      const m = /(?:^|\/)Lists\/([^/]+)\/?$/i.exec(ref.trim());
      if (!m) return undefined;
      const name = m[1].toLowerCase();
      for (const l of ctx.site.lists.values()) if (l.rec.urlName.toLowerCase() === name) return l.rec.id;
      return undefined;
    },
  };
}

function addField(ctx: Ctx, rt: ListRuntime, how: 'rest' | 'creationInfo' | 'xml'): ApiResponse {
  allow(ctx, 'SP.FieldCollection', 'POST');
  demand(listMask(ctx.site, rt.rec, ctx.user), PermissionKind.ManageLists);
  const body = jsonBody(ctx.req);
  const verbose = isVerboseBody(ctx.req);
  let spec;
  if (how === 'rest') {
    spec = specFromRestBody(body, verbose);
  } else {
    const params = body.parameters;
    if (!params || typeof params !== 'object' || Array.isArray(params))
      throw badArgument("The parameter 'parameters' cannot be empty.");
    if (how === 'creationInfo') {
      spec = specFromCreationInfo(params, verbose);
    } else {
      const xml = readPrimitive(params.SchemaXml, 'Edm.String');
      if (typeof xml !== 'string' || xml.trim() === '') throw badArgument("The parameter 'SchemaXml' cannot be empty.");
      const options = readPrimitive(params.Options, 'Edm.Int32');
      spec = specFromSchemaXml(xml, typeof options === 'number' ? options : 0);
    }
  }
  const field = createField(spec, fieldContext(ctx, rt));
  commitFields(ctx, rt, [...rt.rec.fields, field]);
  return created({
    'odata.metadata': `${apiBase(ctx)}/$metadata#SP.ApiData.Fields/@Element`,
    ...fieldEntity(ctx, rt, field).json,
  });
}

/** `adddependentlookupfield(displayName='…', primarylookupfieldid='…', showfield='…')`: a read-only lookup projecting another column of the primary lookup's list. */
function addDependentLookup(ctx: Ctx, rt: ListRuntime, seg: Segment): ApiResponse {
  allow(ctx, 'SP.FieldCollection', 'POST');
  demand(listMask(ctx.site, rt.rec, ctx.user), PermissionKind.ManageLists);
  const displayName = argString(seg, 'displayName');
  const primaryId = argString(seg, 'primarylookupfieldid');
  const showField = argString(seg, 'showfield');
  if (!displayName || !primaryId || !showField)
    throw badArgument('displayName, primarylookupfieldid and showfield are required.');
  const primary = fieldById(rt, primaryId);
  if (!primary || primary.typeAsString !== 'Lookup')
    throw badArgument('The primary lookup field does not exist or is not a single-value lookup.');
  const target = ctx.site.listById(String(primary.props.LookupList ?? ''));
  if (!target || !findField(target.rec, showField))
    throw badArgument(`The field '${showField}' does not exist in the lookup list.`);
  const field = createField(
    {
      title: displayName,
      typeAsString: 'Lookup',
      id: newGuid(),
      props: { LookupList: primary.props.LookupList, LookupField: showField, ReadOnlyField: true },
    },
    fieldContext(ctx, rt),
  );
  field.props.PrimaryFieldId = primary.id;
  commitFields(ctx, rt, [...rt.rec.fields, field]);
  return ok({
    'odata.metadata': `${apiBase(ctx)}/$metadata#SP.ApiData.Fields/@Element`,
    ...fieldEntity(ctx, rt, field).json,
  });
}

function commitFields(ctx: Ctx, rt: ListRuntime, fields: FieldRecord[]): void {
  ctx.site.commit({ t: 'list', list: { ...rt.rec, fields } });
}

function fieldRoute(ctx: Ctx, rt: ListRuntime, f: FieldRecord, rest: Segment[]): ApiResponse {
  const next = rest[0];
  if (next && rest.length === 1 && /^setshowin(display|edit|new)form$/i.test(next.name)) {
    allow(ctx, next.name, 'POST');
    demand(listMask(ctx.site, rt.rec, ctx.user), PermissionKind.ManageLists);
    return ok({ 'odata.null': true });
  }
  if (next) throw resourceNotFound(next.raw);
  allow(ctx, 'SP.Field', 'GET', 'MERGE', 'PATCH', 'DELETE');
  if (ctx.req.method === 'GET') return entityResponse(ctx, fieldEntity(ctx, rt, f), 'SP.ApiData.Fields');
  demand(listMask(ctx.site, rt.rec, ctx.user), PermissionKind.ManageLists);
  if (ctx.req.method === 'DELETE') return deleteField(ctx, rt, f);
  updateField(ctx, rt, f, jsonBody(ctx.req));
  return noContent();
}

function deleteField(ctx: Ctx, rt: ListRuntime, f: FieldRecord): ApiResponse {
  // UNCONFIRMED wording; SharePoint refuses to delete built-in columns and Title.
  if (f.builtIn || f.internalName === 'Title') throw spException('You cannot delete a built-in column.', '-2147024891');
  const dependents = rt.rec.fields.filter((x) => x.props.PrimaryFieldId === f.id).map((x) => x.id);
  commitFields(
    ctx,
    rt,
    rt.rec.fields.filter((x) => x.id !== f.id && !dependents.includes(x.id)),
  );
  return emptyOk();
}

function updateField(ctx: Ctx, rt: ListRuntime, f: FieldRecord, body: JsonObject): void {
  if (f.builtIn) {
    // Built-in columns only take an index (Created, Modified, Author … may be indexed in SharePoint).
    const keys = Object.keys(body).filter((k) => k !== '__metadata' && !k.startsWith('odata.'));
    if (keys.some((k) => k !== 'Indexed'))
      throw spException('The built-in column cannot be changed except for its index.');
  }
  const next = applyFieldProps(f, body, fieldContext(ctx, rt), false);
  if (next.enforceUnique && !f.enforceUnique) checkNoDuplicates(rt, next);
  if (
    next.title.toLowerCase() !== f.title.toLowerCase() &&
    rt.rec.fields.some((x) => x.id !== f.id && x.title.toLowerCase() === next.title.toLowerCase())
  ) {
    throw spException(`A duplicate field name "${next.title}" was found.`, '-2130575245');
  }
  commitFields(
    ctx,
    rt,
    rt.rec.fields.map((x) => (x.id === f.id ? next : x)),
  );
  if (isMultiValued(f) !== isMultiValued(next)) convertMultiplicity(ctx, rt, next);
}

function isMultiValued(f: FieldRecord): boolean {
  return f.typeAsString === 'LookupMulti' || f.typeAsString === 'UserMulti';
}

/** 500 when turning on unique values over existing duplicates. UNCONFIRMED wording. */
function checkNoDuplicates(rt: ListRuntime, f: FieldRecord): void {
  const seen = new Set<string>();
  for (const it of rt.items) {
    const key = uniqueKey(it.values[f.internalName]);
    if (key === null) continue;
    if (seen.has(key))
      throw spException(
        'This field contains duplicate values. Remove all duplicate values and try the operation again.',
        '-2130575169',
      );
    seen.add(key);
  }
}

/** Switching AllowMultipleValues rewrites stored ids (single ↔ array). */
function convertMultiplicity(ctx: Ctx, rt: ListRuntime, f: FieldRecord): void {
  if (!(isLookup(f) || isUser(f)) || rt.items.length === 0) return;
  const multi = isMultiValued(f);
  const key = f.internalName;
  const convert = (v: StoredValue | undefined): StoredValue => {
    if (multi) return typeof v === 'number' ? [v] : [];
    return Array.isArray(v) && typeof v[0] === 'number' ? v[0] : null;
  };
  const items: ItemRecord[] = rt.items.map((it) => ({
    ...it,
    values: { ...it.values, [key]: convert(it.values[key]) },
    published: it.published
      ? { ...it.published, values: { ...it.published.values, [key]: convert(it.published.values[key]) } }
      : null,
  }));
  ctx.site.commit({ t: 'items', list: rt.rec.id, items });
}

/** The field as an entity for the generic OData handling. */
export function fieldEntity(ctx: Ctx, rt: ListRuntime, f: FieldRecord): Entity {
  return { json: fieldJson(f, rt.rec, ctx.siteUrl, ctx.sitePath) };
}
