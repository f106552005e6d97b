/**
 * What every REST handler gets, and the generic OData handling of typed entities (lists, fields, users,
 * groups, role definitions …): `$select`, `$filter`, `$orderby`, `$top`, `$skip`, `$expand`.
 */
import { unknownEntityProperty, wrongMethod } from '../http/errors';
import { ApiRequest, queryOption } from '../http/request';
import { ok, ApiResponse } from '../http/response';
import type { Site } from '../model/site';
import type { JsonObject, JsonValue, UserRecord } from '../model/types';
import {
  compileFilter,
  parseFilter,
  normalizeValue,
  type Accessor,
  type FilterOptions,
  type ValueType,
} from '../odata/filter';
import { compareSortValues, parseOrderBy } from '../odata/orderby';
import { parseProjection, Projection } from '../odata/select';

/** The request context of a handler. */
export interface Ctx {
  site: Site;
  req: ApiRequest;
  user: UserRecord;
  /** Absolute site URL as the client addressed it (`http://localhost:4321/sites/mpk`). */
  siteUrl: string;
  /** Server-relative site path (`/sites/mpk`). */
  sitePath: string;
  /** The clock (one value per request keeps Created = Modified on an add). */
  now: string;
}

/** `{site}/_api`. */
export function apiBase(ctx: Ctx): string {
  return `${ctx.siteUrl}/_api`;
}

/** The `odata.metadata` URL for an entity set or element. */
export function metadataUrl(ctx: Ctx, name: string, element = false): string {
  return `${apiBase(ctx)}/$metadata#${name}${element ? '/@Element' : ''}`;
}

/** Throws the wrong-verb error unless the request uses one of the verbs. */
export function allow(ctx: Ctx, resource: string, ...methods: string[]): void {
  if (!methods.includes(ctx.req.method)) {
    throw wrongMethod(ctx.req.method, resource, methods.includes('GET') ? 'Read' : 'Default');
  }
}

/** A typed entity: its default JSON, properties only `$select` reveals, and navigation properties. */
export interface Entity {
  json: JsonObject;
  /** Selectable but not in the default answer (ReadSecurity, HasUniqueRoleAssignments …). */
  extra?: Record<string, JsonValue>;
  /** Expandable navigation properties. */
  navs?: Record<string, () => Entity | Entity[] | null>;
}

/** Applies `$select`/`$expand` to one entity; unknown names are 400s naming the type. */
export function shapeEntity(entity: Entity, proj: Projection): JsonObject {
  const typeName = String(entity.json['odata.type'] ?? 'SP.Object');
  const out: JsonObject = {};
  for (const [k, v] of Object.entries(entity.json)) if (k.startsWith('odata.')) out[k] = v;
  for (const e of proj.expand) {
    const nav = findKey(entity.navs ?? {}, e[0]);
    if (!nav) throw unknownEntityProperty(e[0], typeName);
  }
  for (const e of proj.expand) {
    const key = findKey(entity.navs ?? {}, e[0]) as string;
    const sub = proj.select
      ? proj.select.filter((p) => p.length > 1 && p[0].toLowerCase() === key.toLowerCase()).map((p) => p.slice(1))
      : [];
    if (proj.select && !proj.select.some((p) => p[0].toLowerCase() === key.toLowerCase())) continue;
    const nested = (entity.navs as Record<string, () => Entity | Entity[] | null>)[key]();
    const subProj: Projection = {
      select: sub.length > 0 ? sub : null,
      expand: proj.expand
        .filter((x) => x.length > 1 && x[0].toLowerCase() === key.toLowerCase())
        .map((x) => x.slice(1)),
    };
    out[key] =
      nested === null
        ? null
        : Array.isArray(nested)
          ? nested.map((n) => shapeEntity(n, subProj))
          : shapeEntity(nested, subProj);
  }
  if (!proj.select) {
    for (const [k, v] of Object.entries(entity.json)) if (!k.startsWith('odata.')) out[k] = v;
    return out;
  }
  const picked = new Set<string>();
  for (const path of proj.select) {
    if (path.length > 1) {
      const nav = findKey(entity.navs ?? {}, path[0]);
      if (!nav) throw unknownEntityProperty(path[0], typeName);
      if (!proj.expand.some((e) => e[0].toLowerCase() === path[0].toLowerCase()))
        throw unknownEntityProperty(path.join('/'), typeName);
      continue;
    }
    const key = findKey(entity.json, path[0]) ?? findKey(entity.extra ?? {}, path[0]);
    if (key !== undefined) {
      picked.add(key);
      continue;
    }
    if (findKey(entity.navs ?? {}, path[0])) continue;
    throw unknownEntityProperty(path[0], typeName);
  }
  // Selected properties come out in the entity's own order, as SharePoint writes them.
  for (const [k, v] of Object.entries({ ...entity.json, ...(entity.extra ?? {}) })) if (picked.has(k)) out[k] = v;
  return out;
}

function findKey(obj: Record<string, unknown>, name: string): string | undefined {
  if (name in obj && !name.startsWith('odata.')) return name;
  const lower = name.toLowerCase();
  return Object.keys(obj).find((k) => k.toLowerCase() === lower && !k.startsWith('odata.'));
}

/** Projection of the request. */
export function projectionOf(ctx: Ctx): Projection {
  return parseProjection(queryOption(ctx.req, '$select'), queryOption(ctx.req, '$expand'));
}

/** 200 with one entity shaped by the request's `$select`/`$expand`. */
export function entityResponse(ctx: Ctx, entity: Entity, metadataName: string): ApiResponse {
  return ok({ 'odata.metadata': metadataUrl(ctx, metadataName, true), ...shapeEntity(entity, projectionOf(ctx)) });
}

/**
 * 200 with a collection after `$filter`, `$orderby`, `$skip`, `$top`, `$select`, `$expand`.
 * `filterOptions.caseSensitive` for collections whose `$filter` compares text as written (users, groups).
 */
export function collectionResponse(
  ctx: Ctx,
  entities: Entity[],
  metadataName: string,
  typeName: string,
  filterOptions: FilterOptions = {},
): ApiResponse {
  let rows = entities;
  const filter = queryOption(ctx.req, '$filter');
  if (filter && filter.trim() !== '') {
    const expr = parseFilter(filter);
    const pred = compileFilter<Entity>(expr, (path) => entityAccessor(path, typeName, rows), filter, filterOptions);
    rows = rows.filter(pred);
  }
  const order = parseOrderBy(queryOption(ctx.req, '$orderby'));
  if (order.length > 0) {
    const accs = order.map((o) => ({ acc: entityAccessor(o.path, typeName, rows), desc: o.desc }));
    rows = [...rows].sort((a, b) => {
      for (const { acc, desc } of accs) {
        const c = compareSortValues(normalizeValue(acc.type, acc.get(a)), normalizeValue(acc.type, acc.get(b)));
        if (c !== 0) return desc ? -c : c;
      }
      return 0;
    });
  }
  const skip = Number(queryOption(ctx.req, '$skip') ?? 0);
  const topRaw = queryOption(ctx.req, '$top');
  const top = topRaw === null ? rows.length : Number(topRaw);
  rows = rows.slice(
    Number.isFinite(skip) ? skip : 0,
    (Number.isFinite(skip) ? skip : 0) + (Number.isFinite(top) ? top : rows.length),
  );
  const proj = projectionOf(ctx);
  return ok({ 'odata.metadata': metadataUrl(ctx, metadataName), value: rows.map((e) => shapeEntity(e, proj)) });
}

function entityAccessor(path: string[], typeName: string, sample: Entity[]): Accessor<Entity> {
  if (path.length !== 1) throw unknownEntityProperty(path.join('/'), typeName);
  const first = sample[0];
  const known = first ? (findKey(first.json, path[0]) ?? findKey(first.extra ?? {}, path[0])) : path[0];
  if (!known) throw unknownEntityProperty(path[0], typeName);
  const get = (e: Entity): unknown => (known in e.json ? e.json[known] : e.extra?.[known]);
  const v = first ? get(first) : null;
  const type: ValueType =
    typeof v === 'number' ? 'number' : typeof v === 'boolean' ? 'boolean' : typeof v === 'string' ? 'string' : 'any';
  return { type, get };
}
