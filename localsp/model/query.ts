/**
 * The list item query engine: visibility, `$filter`, `$orderby`, `$top`, `$skiptoken` paging and the
 * list view threshold (reference §3 "Threshold"): on a list with more than 5,000 items a filter or sort
 * on a non-indexed column fails, an indexed filter matching more than 5,000 items fails, and unfiltered
 * paging in ID order with `$top ≤ 5000` works. ID is always indexed.
 */
import { badTop, notFilterable, projectionNeedsExpand, throttledQuery, unknownColumn } from '../http/errors';
import {
  compileFilter,
  FilterExpr,
  filterFields,
  normalizeValue,
  parseFilter,
  type Accessor,
  type ValueType,
} from '../odata/filter';
import { compareSortValues, OrderKey, parseOrderBy } from '../odata/orderby';
import { buildSkipToken, parseSkipToken, SkipToken } from '../odata/skiptoken';
import { ListAccess, publishedVersion, visibleVersion } from './access';
import { findField, isLookup, isUser, valueKey } from './fields';
import { odataName } from './names';
import { insertionIndex, ListRuntime, Site } from './site';
import type { FieldRecord, ItemRecord, ListRecord, UrlValue } from './types';

/** SharePoint Online's list view threshold (fixed). */
export const LIST_VIEW_THRESHOLD = 5000;
/** Page size when `$top` is not given (reference §1). */
export const DEFAULT_PAGE_SIZE = 100;
/** Largest `$top` on list items (reference §1). */
export const MAX_TOP = 5000;

/** The query options of an items request. */
export interface ItemQueryOptions {
  filter: string | null;
  orderby: string | null;
  top: string | null;
  skiptoken: string | null;
  /** Roots named in `$expand` (lower-case): lookup projections in a filter need them. */
  expanded: Set<string>;
}

/** A page of visible items and the token of the next page, if any. */
export interface ItemPage {
  rows: ItemRecord[];
  nextToken: string | null;
}

interface Column {
  acc: Accessor<ItemRecord>;
  indexed: boolean;
  /** Name used in paging tokens (`p_<name>`). */
  tokenName: string;
  /**
   * Set when the value comes from the item record alone (not from other lists or the site's users), so
   * the query indexes below may keep it: a name unique among the list's columns.
   */
  indexKey?: string;
}

/** Runs a query for one user and returns one page. */
export function queryItems(site: Site, rt: ListRuntime, access: ListAccess, opts: ItemQueryOptions): ItemPage {
  const top = parseTop(opts.top);
  const filterExpr = opts.filter !== null && opts.filter.trim() !== '' ? parseFilter(opts.filter) : null;
  const resolve = (path: string[]): Column => resolveColumn(site, rt, path, opts.expanded);
  const order = parseOrderBy(opts.orderby);
  const keys = sortKeys(order, resolve);
  const predicate = filterExpr ? compileFilter(filterExpr, (p) => resolve(p).acc, opts.filter as string) : null;
  const token = parseSkipToken(opts.skiptoken);
  if (rt.items.length > LIST_VIEW_THRESHOLD)
    enforceThreshold(rt, filterExpr, order, resolve, opts.filter as string, top);
  const idOrderOnly = keys.length === 1 && keys[0].tokenName === 'ID';
  if (!predicate && idOrderOnly && !token?.prev) return idOrderedPage(rt, access, top, token, keys[0].desc);
  // The items that can match, from the indexes of indexed columns (null: any item can).
  const candidates = filterExpr ? indexCandidates(rt, filterExpr, resolve) : null;
  if (!candidates) {
    const sorted = sortedPage(rt, access, predicate, keys, top, token);
    if (sorted) return sorted;
  }
  return scannedPage(rt, access, predicate, keys, top, token, candidates ?? rt.items);
}

function parseTop(raw: string | null): number {
  if (raw === null || raw.trim() === '') return DEFAULT_PAGE_SIZE;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 0) throw badTop(raw);
  return n;
}

interface SortKey extends Column {
  desc: boolean;
  type: ValueType;
}

function sortKeys(order: OrderKey[], resolve: (p: string[]) => Column): SortKey[] {
  const keys: SortKey[] = order.map((o) => {
    const col = resolve(o.path);
    if (col.acc.type === 'strings' || col.acc.type === 'numbers') throw unknownColumn(o.path.join('/'));
    return { ...col, desc: o.desc, type: col.acc.type };
  });
  // Ties break on ID ascending, which also makes the paging token unique.
  if (!keys.some((k) => k.tokenName === 'ID')) keys.push({ ...idColumn(), desc: false, type: 'number' });
  return keys;
}

function enforceThreshold(
  rt: ListRuntime,
  filterExpr: FilterExpr | null,
  order: OrderKey[],
  resolve: (p: string[]) => Column,
  src: string,
  top: number,
): void {
  // UNCONFIRMED: $top above 5000 fails only on lists over the threshold (small lists answer all rows).
  if (top > MAX_TOP) throw throttledQuery();
  for (const o of order) if (!resolve(o.path).indexed) throw throttledQuery();
  if (!filterExpr) return;
  const indexedPart = indexedSubset(filterExpr, (p) => resolve(p).indexed);
  if (!indexedPart) throw throttledQuery();
  const matches = compileFilter(indexedPart, (p) => resolve(p).acc, src);
  let count = 0;
  for (const item of indexCandidates(rt, indexedPart, resolve) ?? rt.items) {
    if (matches(item) && ++count > LIST_VIEW_THRESHOLD) throw throttledQuery();
  }
}

/**
 * The part of a filter SharePoint can answer from indexes: an `and` needs one indexed side (it is
 * evaluated first), an `or` needs both; null when nothing is indexed.
 */
export function indexedSubset(expr: FilterExpr, indexed: (path: string[]) => boolean): FilterExpr | null {
  switch (expr.kind) {
    case 'and': {
      const l = indexedSubset(expr.left, indexed);
      const r = indexedSubset(expr.right, indexed);
      if (l && r) return { kind: 'and', left: l, right: r };
      return l ?? r;
    }
    case 'or': {
      const l = indexedSubset(expr.left, indexed);
      const r = indexedSubset(expr.right, indexed);
      return l && r ? { kind: 'or', left: l, right: r } : null;
    }
    default:
      return filterFields(expr).every(indexed) ? expr : null;
  }
}

/** Fast path for unfiltered paging in ID order: binary search to the token, then walk. */
function idOrderedPage(
  rt: ListRuntime,
  access: ListAccess,
  top: number,
  token: SkipToken | null,
  desc: boolean,
): ItemPage {
  const rows: ItemRecord[] = [];
  const items = rt.items;
  const lastId = token?.lastId ?? null;
  let more = false;
  if (!desc) {
    for (let i = lastId === null ? 0 : insertionIndex(items, lastId + 1); i < items.length; i++) {
      const v = visibleVersion(items[i], access);
      if (!v) continue;
      if (rows.length === top) {
        more = true;
        break;
      }
      rows.push(v);
    }
  } else {
    for (let i = (lastId === null ? items.length : insertionIndex(items, lastId)) - 1; i >= 0; i--) {
      const v = visibleVersion(items[i], access);
      if (!v) continue;
      if (rows.length === top) {
        more = true;
        break;
      }
      rows.push(v);
    }
  }
  const last = rows[rows.length - 1];
  return { rows, nextToken: more && last ? buildSkipToken(last.id, []) : null };
}

function scannedPage(
  rt: ListRuntime,
  access: ListAccess,
  predicate: ((row: ItemRecord) => boolean) | null,
  keys: SortKey[],
  top: number,
  token: SkipToken | null,
  items: readonly ItemRecord[],
): ItemPage {
  const decorated: { row: ItemRecord; key: (string | number | boolean | null)[] }[] = [];
  for (const item of items) {
    const v = visibleVersion(item, access);
    if (!v || (predicate && !predicate(v))) continue;
    decorated.push({ row: v, key: keys.map((k) => normalizeValue(k.type, k.acc.get(v))) });
  }
  const cmp = (a: (string | number | boolean | null)[], b: (string | number | boolean | null)[]): number => {
    for (let i = 0; i < keys.length; i++) {
      const c = compareSortValues(a[i], b[i]);
      if (c !== 0) return keys[i].desc ? -c : c;
    }
    return 0;
  };
  decorated.sort((a, b) => cmp(a.key, b.key));
  let start = 0;
  let end = decorated.length;
  if (token) {
    const pos = tokenPosition(decorated, keys, token, cmp);
    if (token.prev) {
      end = pos.before;
      start = Math.max(0, end - top);
    } else {
      start = pos.after;
    }
  }
  const page = decorated.slice(start, Math.min(end, start + top));
  const more = !token?.prev && start + top < end;
  const last = page[page.length - 1];
  return { rows: page.map((d) => d.row), nextToken: more && last ? tokenFor(last.row, keys) : null };
}

/** Index of the first row after (and the first row at or after) the token's row. */
function tokenPosition(
  rows: { row: ItemRecord; key: (string | number | boolean | null)[] }[],
  keys: SortKey[],
  token: SkipToken,
  cmp: (a: (string | number | boolean | null)[], b: (string | number | boolean | null)[]) => number,
): { after: number; before: number } {
  const tuple = tokenTuple(keys, token);
  if (tuple) {
    let after = rows.findIndex((r) => cmp(r.key, tuple) > 0);
    if (after < 0) after = rows.length;
    let before = rows.findIndex((r) => cmp(r.key, tuple) >= 0);
    if (before < 0) before = rows.length;
    return { after, before };
  }
  // Only p_ID (items.skip(n) with an $orderby): continue after that row, or from the start.
  const at = rows.findIndex((r) => r.row.id === token.lastId);
  return at < 0 ? { after: 0, before: 0 } : { after: at + 1, before: at };
}

function tokenTuple(keys: SortKey[], token: SkipToken): (string | number | boolean | null)[] | null {
  const tuple: (string | number | boolean | null)[] = [];
  for (const k of keys) {
    if (k.tokenName === 'ID') {
      if (token.lastId === null) return null;
      tuple.push(token.lastId);
      continue;
    }
    const raw = token.values.get(k.tokenName);
    if (raw === undefined) return null;
    tuple.push(raw === '' ? null : normalizeValue(k.type, raw));
  }
  return tuple;
}

function tokenFor(row: ItemRecord, keys: SortKey[]): string {
  const values: [string, string][] = [];
  for (const k of keys) {
    if (k.tokenName === 'ID') continue;
    values.push([k.tokenName, tokenText(k.acc.get(row))]);
  }
  return buildSkipToken(row.id, values);
}

function tokenText(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'boolean') return v ? '1' : '0';
  return String(v);
}

// ---------------------------------------------------------------------------------------------
// Indexes
//
// SharePoint answers filters and sorts on indexed columns from the column's index instead of reading
// every row. These indexes do the same here: they only make a query faster, never change its answer
// (every row they give is still checked against the whole filter, and the threshold rules above are
// applied as before). They are built on first use and dropped by any change to the list.

type Key = string | number | boolean | null;

/** A list's indexes: value → items per column, and the items sorted by an `$orderby`. */
interface ListIndexes {
  rec: ListRecord;
  changes: number;
  values: Map<string, Map<Key, ItemRecord[]>>;
  sorted: Map<string, { row: ItemRecord; key: Key[] }[]>;
}

const listIndexes = new WeakMap<ListRuntime, ListIndexes>();

function indexesOf(rt: ListRuntime): ListIndexes {
  const current = listIndexes.get(rt);
  if (current && current.rec === rt.rec && current.changes === rt.changes) return current;
  const fresh: ListIndexes = { rec: rt.rec, changes: rt.changes, values: new Map(), sorted: new Map() };
  listIndexes.set(rt, fresh);
  return fresh;
}

/** The versions of an item a reader may be given (the current one and the last approved one). */
function versionsOf(item: ItemRecord): ItemRecord[] {
  const pub = item.published ? publishedVersion(item) : null;
  return pub ? [item, pub] : [item];
}

/** Items by the normalised value of one column (in any of their versions), in id order. */
function valueIndex(rt: ListRuntime, col: Column, type: ValueType): Map<Key, ItemRecord[]> {
  const indexes = indexesOf(rt);
  const name = `${col.indexKey}|${type}`;
  let index = indexes.values.get(name);
  if (index) return index;
  index = new Map();
  for (const item of rt.items) {
    for (const version of versionsOf(item)) {
      const key = normalizeValue(type, col.acc.get(version));
      let bucket = index.get(key);
      if (!bucket) index.set(key, (bucket = []));
      if (bucket[bucket.length - 1] !== item) bucket.push(item);
    }
  }
  indexes.values.set(name, index);
  return index;
}

/**
 * The items that can match a filter, without duplicates, from the indexes of its indexed columns: an
 * `eq` on an indexed column is its index entry, an `and` the smaller side that has one, an `or` both
 * sides together. Null when the filter cannot be narrowed this way (every item must be checked).
 */
function indexCandidates(
  rt: ListRuntime,
  expr: FilterExpr,
  resolve: (p: string[]) => Column,
): readonly ItemRecord[] | null {
  switch (expr.kind) {
    case 'and': {
      const l = indexCandidates(rt, expr.left, resolve);
      const r = indexCandidates(rt, expr.right, resolve);
      if (l && r) return l.length <= r.length ? l : r;
      return l ?? r;
    }
    case 'or': {
      const l = indexCandidates(rt, expr.left, resolve);
      const r = indexCandidates(rt, expr.right, resolve);
      if (!l || !r) return null;
      const seen = new Set<ItemRecord>(l);
      const both = [...l];
      for (const item of r) if (!seen.has(item)) both.push(item);
      return both;
    }
    case 'compare': {
      if (expr.op !== 'eq' || expr.literal.type === 'null') return null;
      const col = resolve(expr.field);
      const type = col.acc.type;
      if (
        !col.indexed ||
        !col.indexKey ||
        (type !== 'number' && type !== 'boolean' && type !== 'date' && type !== 'string')
      )
        return null;
      const target = normalizeValue(type, expr.literal.value);
      if (target === null) return null;
      return valueIndex(rt, col, type).get(target) ?? [];
    }
    default:
      return null;
  }
}

/**
 * A page in `$orderby` order from the list sorted once by those keys, when every key is an indexed
 * column of the item's own and every reader sees the rows as stored (no content approval): the walk
 * stops after one row more than the page. Null when that does not apply (the caller scans instead).
 */
function sortedPage(
  rt: ListRuntime,
  access: ListAccess,
  predicate: ((row: ItemRecord) => boolean) | null,
  keys: SortKey[],
  top: number,
  token: SkipToken | null,
): ItemPage | null {
  if (rt.rec.enableModeration || token?.prev || !keys.every((k) => k.indexed && k.indexKey)) return null;
  const tuple = token ? tokenTuple(keys, token) : null;
  if (token && !tuple) return null;
  const cmp = (a: Key[], b: Key[]): number => {
    for (let i = 0; i < keys.length; i++) {
      const c = compareSortValues(a[i], b[i]);
      if (c !== 0) return keys[i].desc ? -c : c;
    }
    return 0;
  };
  const indexes = indexesOf(rt);
  const name = keys.map((k) => `${k.indexKey}|${k.type}|${k.desc ? 'desc' : 'asc'}`).join(',');
  let sorted = indexes.sorted.get(name);
  if (!sorted) {
    sorted = rt.items.map((row) => ({ row, key: keys.map((k) => normalizeValue(k.type, k.acc.get(row))) }));
    sorted.sort((a, b) => cmp(a.key, b.key));
    indexes.sorted.set(name, sorted);
  }
  const rows: ItemRecord[] = [];
  let more = false;
  for (const entry of sorted) {
    if (tuple && cmp(entry.key, tuple) <= 0) continue;
    const v = visibleVersion(entry.row, access);
    if (!v || (predicate && !predicate(v))) continue;
    if (rows.length === top) {
      more = true;
      break;
    }
    rows.push(v);
  }
  const last = rows[rows.length - 1];
  return { rows, nextToken: more && last ? tokenFor(last, keys) : null };
}

// ---------------------------------------------------------------------------------------------
// Columns

function idColumn(): Column {
  return { acc: { type: 'number', get: (r) => r.id }, indexed: true, tokenName: 'ID', indexKey: 'ID' };
}

/** The system columns: how to read each from a row, and its field's internal name (which says if it is indexed). */
const SYSTEM_COLUMNS: Record<string, { acc: Accessor<ItemRecord>; field: string }> = {
  created: { acc: { type: 'date', get: (r) => r.created }, field: 'Created' },
  modified: { acc: { type: 'date', get: (r) => r.modified }, field: 'Modified' },
  authorid: { acc: { type: 'number', get: (r) => r.author }, field: 'Author' },
  editorid: { acc: { type: 'number', get: (r) => r.editor }, field: 'Editor' },
  guid: { acc: { type: 'string', get: (r) => r.guid }, field: 'GUID' },
  odata__moderationstatus: { acc: { type: 'number', get: (r) => r.moderationStatus }, field: '_ModerationStatus' },
  _moderationstatus: { acc: { type: 'number', get: (r) => r.moderationStatus }, field: '_ModerationStatus' },
};

/** The column of a system field, indexed when its field record says so. */
function systemColumn(rec: ListRecord, lower: string): Column | undefined {
  if (lower === 'id') return idColumn();
  const sys = SYSTEM_COLUMNS[lower];
  if (!sys) return undefined;
  const field = rec.fields.find((f) => f.internalName === sys.field);
  return { acc: sys.acc, indexed: !!field?.indexed, tokenName: sys.field, indexKey: `:${sys.field}` };
}

/** Resolves a filter/orderby path on a list to a column accessor. */
export function resolveColumn(site: Site, rt: ListRuntime, path: string[], expanded: Set<string>): Column {
  const rec = rt.rec;
  const name = path[0];
  const lower = name.toLowerCase();
  if (path.length === 1) {
    const sys = systemColumn(rec, lower);
    if (sys) return sys;
    const byId = idSuffixField(rt, name);
    if (byId) return idColumnOf(byId, valueKey(rec, byId));
    const f = findField(rec, name);
    if (!f || (f.builtIn && !['Author', 'Editor'].includes(f.internalName))) throw unknownColumn(name);
    return valueColumn(site, f, valueKey(rec, f));
  }
  if (path.length !== 2) throw unknownColumn(path.join('/'));
  const f = findField(rec, name);
  if (!f || !(isLookup(f) || isUser(f))) throw unknownColumn(path.join('/'));
  if (f.typeAsString === 'LookupMulti' || f.typeAsString === 'UserMulti')
    throw notFilterable(f.internalName, f.typeAsString);
  if (!expanded.has(name.toLowerCase())) throw projectionNeedsExpand(path.join('/'), name);
  return projectionColumn(site, f, path[1], valueKey(rec, f));
}

function idSuffixField(rt: ListRuntime, name: string): FieldRecord | undefined {
  if (!/Id$/.test(name)) return undefined;
  const base = name.slice(0, -2);
  return rt.rec.fields.find((f) => (isLookup(f) || isUser(f)) && !f.builtIn && odataName(f.internalName) === base);
}

function idColumnOf(f: FieldRecord, key: string): Column {
  if (f.typeAsString === 'LookupMulti' || f.typeAsString === 'UserMulti')
    throw notFilterable(f.internalName, f.typeAsString);
  return {
    acc: { type: 'number', get: (r) => r.values[key] ?? null },
    indexed: f.indexed,
    tokenName: key,
    indexKey: `id:${key}`,
  };
}

function valueColumn(site: Site, f: FieldRecord, key: string): Column {
  const base = { indexed: f.indexed, tokenName: key };
  // Columns whose value is the item's own: the query indexes may keep them.
  const own = { ...base, indexKey: `v:${key}` };
  switch (f.typeAsString) {
    case 'Note':
    case 'LookupMulti':
    case 'UserMulti':
    case 'Thumbnail':
    case 'Location':
      throw notFilterable(f.internalName, f.typeAsString);
    case 'Number':
    case 'Currency':
    case 'Integer':
      return { ...own, acc: { type: 'number', get: (r) => r.values[key] ?? null } };
    case 'Boolean':
      return { ...own, acc: { type: 'boolean', get: (r) => r.values[key] ?? null } };
    case 'DateTime':
      return { ...own, acc: { type: 'date', get: (r) => r.values[key] ?? null } };
    case 'MultiChoice':
      return { ...base, acc: { type: 'strings', get: (r) => r.values[key] ?? null } };
    case 'URL':
      return {
        ...base,
        acc: { type: 'string', get: (r) => (r.values[key] as UrlValue | null | undefined)?.Url ?? null },
      };
    case 'User':
      return { ...base, acc: { type: 'string', get: (r) => principalTitle(site, userIdOf(f, r, key)) } };
    case 'Lookup':
      return {
        ...base,
        acc: { type: 'string', get: (r) => lookupDisplay(site, f, r.values[key] as number | null | undefined) },
      };
    case 'Calculated':
      return { ...base, acc: { type: 'any', get: () => null } };
    default:
      return { ...own, acc: { type: 'string', get: (r) => r.values[key] ?? null } };
  }
}

function userIdOf(f: FieldRecord, r: ItemRecord, key: string): number | null {
  if (f.internalName === 'Author') return r.author;
  if (f.internalName === 'Editor') return r.editor;
  return (r.values[key] as number | null | undefined) ?? null;
}

function principalTitle(site: Site, id: number | null): string | null {
  if (id === null) return null;
  return site.users.get(id)?.title ?? site.groups.get(id)?.title ?? null;
}

function lookupDisplay(site: Site, f: FieldRecord, id: number | null | undefined): unknown {
  if (id === null || id === undefined) return null;
  const target = site.listById(String(f.props.LookupList ?? ''));
  const item = target?.byId.get(id);
  if (!target || !item) return null;
  const show = String(f.props.LookupField ?? 'Title');
  return show === 'ID' || show === 'Id' ? item.id : (item.values[show] ?? null);
}

const USER_FILTER_PROPS: Record<string, { type: ValueType; get: (site: Site, id: number) => unknown }> = {
  id: { type: 'number', get: (_s, id) => id },
  title: { type: 'string', get: (s, id) => principalTitle(s, id) },
  email: { type: 'string', get: (s, id) => s.users.get(id)?.email ?? null },
  name: { type: 'string', get: (s, id) => s.users.get(id)?.loginName ?? s.groups.get(id)?.title ?? null },
  username: { type: 'string', get: (s, id) => s.users.get(id)?.email ?? null },
};

function projectionColumn(site: Site, f: FieldRecord, sub: string, key: string): Column {
  const indexed = f.indexed && /^id$/i.test(sub);
  const tokenName = `${f.internalName}/${sub}`;
  if (isUser(f)) {
    const prop = USER_FILTER_PROPS[sub.toLowerCase()];
    if (!prop) throw unknownColumn(`${f.internalName}/${sub}`);
    return {
      indexed,
      tokenName,
      acc: {
        type: prop.type,
        get: (r) => {
          const id = userIdOf(f, r, key);
          return id === null ? null : prop.get(site, id);
        },
      },
    };
  }
  const target = site.listById(String(f.props.LookupList ?? ''));
  if (!target) throw unknownColumn(`${f.internalName}/${sub}`);
  if (/^id$/i.test(sub)) return { indexed, tokenName, acc: { type: 'number', get: (r) => r.values[key] ?? null } };
  const inner = resolveColumn(site, target, [sub], new Set());
  return {
    indexed,
    tokenName,
    acc: {
      type: inner.acc.type,
      get: (r) => {
        const id = r.values[key];
        const item = typeof id === 'number' ? target.byId.get(id) : undefined;
        return item ? inner.acc.get(item) : null;
      },
    },
  };
}
