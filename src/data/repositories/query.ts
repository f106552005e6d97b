/**
 * Reading list items: one page at a time with its `nextLink`, inside or outside a `$batch`, and
 * failures of single requests kept apart so a missing list does not fail a whole first view.
 */
import type { TimelinePipe } from '@pnp/core';
import { InjectHeaders, parseBinderWithErrorCheck, parseODataJSON, type Queryable } from '@pnp/queryable';
import { SPCollection, type ISPQueryable, type SPFI } from '@pnp/sp';
import type { IItems } from '@pnp/sp/items';
import type { IEntity } from '../../domain/model';
import { isThresholdError, isUnknownFieldError, retryThrottled, toDataError } from '../errors';
import {
  expandRoots,
  fromRow,
  lookupColumns,
  MAX_LOOKUP_COLUMNS,
  personProjections,
  selectFor,
  selectProps,
  type ICodec,
  type Row,
} from '../mapping/codec';
import { listTitle } from '../schema/lists';
import type { ListKey } from '../schema/types';
import type { IPage } from './types';

/** JSON Light without per-row metadata (SharePoint Online's `odata=nometadata`). */
export const NO_METADATA = 'application/json;odata=nometadata';

/** SharePoint's largest page, and the most a threshold-safe query may ask for. */
export const MAX_PAGE = 5000;

/** A page as SharePoint sent it. */
export interface IRawPage {
  rows: Row[];
  /** Absolute URL of the next page, exactly as SharePoint wrote it. */
  nextLink?: string;
}

/** A parser that keeps `odata.nextLink` (PnPjs's default parser drops it). */
function PageParse(): TimelinePipe<Queryable> {
  return parseBinderWithErrorCheck(async (response: Response): Promise<IRawPage> => {
    const text = await response.text();
    const json = text.trim() === '' ? {} : (JSON.parse(text) as Record<string, unknown>);
    const verbose = json.d as { __next?: string } | undefined;
    const nextLink = (json['odata.nextLink'] as string | undefined) || (verbose && verbose.__next) || undefined;
    const value = parseODataJSON(json);
    return { rows: Array.isArray(value) ? (value as Row[]) : [], nextLink };
  });
}

/** Requests one page of a query (in a batch if `query` came from a batched SPFI). */
export function fetchPage(query: ISPQueryable): Promise<IRawPage> {
  return query.using(PageParse())() as Promise<IRawPage>;
}

/** Requests one page outside a batch, again while throttled. */
export function fetchPageRetrying(build: () => ISPQueryable): Promise<IRawPage> {
  return retryThrottled(() => fetchPage(build()));
}

/** Requests the page a nextLink points to. */
export function fetchNextPage(sp: SPFI, nextLink: string): Promise<IRawPage> {
  return retryThrottled(() => fetchPage(SPCollection([sp.web, nextLink])));
}

/** The page a nextLink points to, on a batched SPFI too (`noMetadata` as the first page asked). */
export function nextPageQuery(sp: SPFI, nextLink: string, noMetadata = false): ISPQueryable {
  const query = SPCollection([sp.web, nextLink]);
  return noMetadata ? query.using(InjectHeaders({ Accept: NO_METADATA })) : query;
}

/** The items of one of our lists. */
export function listItems(sp: SPFI, list: ListKey): IItems {
  return sp.web.lists.getByTitle(listTitle(list)).items;
}

/** A string literal for `$filter` (quotes doubled: PnPjs does not escape). */
export function quote(value: string): string {
  return `'${value.replace(/'/g, "''")}'`;
}

/** What a query asks for, all of it threshold-safe when every filtered or sorted column is indexed. */
export interface IQuerySpec {
  filter?: string;
  /** e.g. `["Id", false]` for newest first. Only indexed columns (or Id). */
  orderBy?: readonly [string, boolean][];
  top?: number;
  select?: readonly string[];
  /**
   * Only these properties' columns (and Id), instead of the codec's all: for reads that count or list
   * and never write back. Ignored when `select` is given.
   */
  props?: readonly string[];
  /** Read only the columns that exist at this schema version (an older site: see `readPage`). */
  version?: number;
  /**
   * Ask for rows without SharePoint's per-row metadata (`odata=nometadata`: no type, id, edit link or
   * ETag — about 200 bytes a row). Only for reads that are never written back. Whether such an answer
   * carries `odata.nextLink` is not relied on: a page as long as `top` counts as "maybe more".
   */
  noMetadata?: boolean;
  /**
   * Person columns to read names from as well (`Owner` → `$select=Owner/Id,Owner/Title&$expand=Owner`),
   * on top of `select` (or the codec's columns). Each is one lookup column of the query.
   */
  expand?: readonly string[];
}

/** The `$select` of a query: the spec's or the codec's columns, plus the people it expands. */
export function selectOf<T extends IEntity>(codec: ICodec<T>, spec: IQuerySpec = {}): string[] {
  const version = spec.version === undefined ? Infinity : spec.version;
  const props = spec.props as readonly (keyof T & string)[] | undefined;
  const select = (spec.select || (props ? selectProps(codec, props, version) : selectFor(codec, version))).slice();
  for (const name of personProjections(spec.expand || [])) if (select.indexOf(name) < 0) select.push(name);
  return select;
}

/** Throws (a programming error) when a `$select` touches more lookup columns than SharePoint allows. */
export function assertLookupLimit<T extends IEntity>(codec: ICodec<T>, select: readonly string[]): void {
  const columns = lookupColumns(codec, select);
  if (columns.length > MAX_LOOKUP_COLUMNS) {
    throw new Error(
      `A query of ${codec.list} touches ${columns.length} lookup/person columns (${columns.join(', ')}); SharePoint allows ${MAX_LOOKUP_COLUMNS}.`,
    );
  }
}

/** Builds the items query of a codec. */
export function itemsQuery<T extends IEntity>(sp: SPFI, codec: ICodec<T>, spec: IQuerySpec = {}): IItems {
  const select = selectOf(codec, spec);
  assertLookupLimit(codec, select);
  let query = listItems(sp, codec.list).select(...select);
  const roots = expandRoots(select);
  if (roots.length > 0) query = query.expand(...roots);
  if (spec.filter) query = query.filter(spec.filter);
  for (const [field, ascending] of spec.orderBy || []) query = query.orderBy(field, ascending);
  query = query.top(Math.min(spec.top || 100, MAX_PAGE));
  // Inside a $batch PnPjs copies Accept into the part, so each part gets its own metadata level.
  return spec.noMetadata ? query.using(InjectHeaders({ Accept: NO_METADATA })) : query;
}

/**
 * Reads one page of a codec's query, again while throttled; on a site whose schema is older than
 * this build (a column in `$select` is missing) it reads again with the first version's columns.
 */
export async function readPage<T extends IEntity>(
  sp: SPFI,
  codec: ICodec<T>,
  spec: IQuerySpec = {},
): Promise<IRawPage> {
  try {
    return await retryThrottled(() => fetchPage(itemsQuery(sp, codec, spec)));
  } catch (error) {
    if (spec.select || spec.version !== undefined || !isUnknownFieldError(error)) throw error;
    return retryThrottled(() => fetchPage(itemsQuery(sp, codec, { ...spec, version: 1 })));
  }
}

/** A page of domain items with a cursor to the next. */
export function pageOf<T extends IEntity>(
  sp: SPFI,
  codec: ICodec<T>,
  raw: IRawPage,
  keep?: (item: T) => boolean,
): IPage<T> {
  const all = raw.rows.map((row) => fromRow(codec, row));
  const items = keep ? all.filter(keep) : all;
  const nextLink = raw.nextLink;
  return {
    items,
    hasMore: nextLink !== undefined,
    nextPage: async () => {
      if (!nextLink) return { items: [], hasMore: false, nextPage: () => Promise.reject(new Error('No more pages')) };
      try {
        return pageOf(sp, codec, await fetchNextPage(sp, nextLink), keep);
      } catch (error) {
        throw toDataError(error);
      }
    },
  };
}

/** Reads every page of a query (for small lists: reference data, one unit's rows). */
export async function fetchAll(sp: SPFI, first: IRawPage, limit = 50000): Promise<Row[]> {
  const rows = first.rows.slice();
  let next = first.nextLink;
  while (next && rows.length < limit) {
    const page = await fetchNextPage(sp, next);
    rows.push(...page.rows);
    next = page.nextLink;
  }
  return rows;
}

/** What a walk through id windows reads: a filter (any columns), the people it expands, the direction. */
export interface IWindowedSpec {
  filter?: string;
  select?: readonly string[];
  expand?: readonly string[];
  /** Oldest first; newest first by default. */
  ascending?: boolean;
}

/** Where a walk through id windows stands: the ids still to read lie beyond `bound`. */
export interface IWindowCursor<T> {
  /** Descending: ids below it are left; ascending: ids above it are left. */
  bound: number;
  /** The highest id of the list when the walk began (an ascending walk ends there). */
  maxId: number;
  /** Items read but not handed out yet. */
  buffer: T[];
}

/** The highest item id of a codec's list (0 when it is empty): one threshold-safe request. */
export async function maxItemId<T extends IEntity>(sp: SPFI, codec: ICodec<T>): Promise<number> {
  const page = await readPage(sp, codec, { select: ['Id'], orderBy: [['Id', false]], top: 1 });
  return page.rows.length > 0 ? Number(page.rows[0].Id) : 0;
}

/** How many ids one `or` filter names (keeps the request's URL short). */
export const IDS_PER_FILTER = 40;

/** `field eq a or field eq b …` over `ids`, split into filters of at most IDS_PER_FILTER ids each. */
export function idFilters(field: string, ids: readonly number[]): string[] {
  const filters: string[] = [];
  for (let i = 0; i < ids.length; i += IDS_PER_FILTER)
    filters.push(
      ids
        .slice(i, i + IDS_PER_FILTER)
        .map((id) => `${field} eq ${id}`)
        .join(' or '),
    );
  return filters;
}

/** Windows of 5,000 ids in one `$batch` of a whole walk (SharePoint Online allows 20 requests per batch). */
export const WINDOWS_PER_BATCH = 20;

/**
 * Every row matching a filter however many there are: the windows of `windowedPage`, 20 to a
 * `$batch`, oldest first. For counting what an ordinary user can grow without bound (the
 * recognitions of one story), after SharePoint refused the plain query.
 */
export async function windowedRows<T extends IEntity>(sp: SPFI, codec: ICodec<T>, spec: IWindowedSpec): Promise<Row[]> {
  const maxId = await maxItemId(sp, codec);
  const rows: Row[] = [];
  for (let start = 0; start < maxId;) {
    const first = start;
    const pages = await inBatch(sp, (b) => {
      const started: Promise<Settled<IRawPage>>[] = [];
      for (let low = first; low < maxId && started.length < WINDOWS_PER_BATCH; low += MAX_PAGE) {
        const filter = `Id gt ${low} and Id lt ${low + MAX_PAGE + 1}` + (spec.filter ? ` and (${spec.filter})` : '');
        started.push(
          settle(
            fetchPage(
              itemsQuery(b, codec, {
                filter,
                orderBy: [['Id', true]],
                top: MAX_PAGE,
                select: spec.select,
                expand: spec.expand,
              }),
            ),
          ),
        );
      }
      return started;
    });
    for (const page of pages) {
      const settled = await page;
      if (!settled.ok) throw settled.error;
      rows.push(...settled.value.rows);
      start += MAX_PAGE;
    }
  }
  return rows;
}

/**
 * Every row of a selective query (`fetchAll`), or — when SharePoint refuses it because more than
 * 5,000 items match — the same rows through the id windows of `windowedRows`.
 */
export async function allRows<T extends IEntity>(
  sp: SPFI,
  codec: ICodec<T>,
  spec: { filter: string; select?: readonly string[] },
): Promise<Row[]> {
  try {
    return await fetchAll(sp, await readPage(sp, codec, { filter: spec.filter, select: spec.select, top: MAX_PAGE }));
  } catch (error) {
    if (!isThresholdError(error)) throw error;
    return windowedRows(sp, codec, { filter: spec.filter, select: spec.select });
  }
}

/** A page with no more after it. */
export function lastPage<T>(items: T[] = []): IPage<T> {
  return { items, hasMore: false, nextPage: () => Promise.resolve(lastPage<T>()) };
}

/**
 * A codec's items when a filter may match more than 5,000 of them (SharePoint refuses such a query):
 * walk the list in windows of 5,000 ids, each `Id gt a and Id lt b and (<filter>)`. SharePoint narrows
 * by the id range (always indexed) first, so every request stays below the threshold and `filter`
 * may even name a column that is not indexed. Newest first unless `ascending`; `keep` drops items
 * the caller does not want (e.g. pending stories).
 */
export async function windowedPage<T extends IEntity>(
  sp: SPFI,
  codec: ICodec<T>,
  spec: IWindowedSpec,
  pageSize: number,
  keep: (item: T) => boolean = () => true,
  cursor?: IWindowCursor<T>,
): Promise<IPage<T>> {
  let state: IWindowCursor<T>;
  if (cursor) {
    state = { ...cursor, buffer: cursor.buffer.slice() };
  } else {
    const maxId = await maxItemId(sp, codec);
    state = { bound: spec.ascending ? 0 : maxId + 1, maxId, buffer: [] };
  }
  const more = (): boolean => (spec.ascending ? state.bound < state.maxId : state.bound > 1);
  while (state.buffer.length < pageSize && more()) {
    const [low, high] = spec.ascending
      ? [state.bound, state.bound + MAX_PAGE + 1]
      : [Math.max(0, state.bound - 1 - MAX_PAGE), state.bound];
    const window = `Id gt ${low} and Id lt ${high}` + (spec.filter ? ` and (${spec.filter})` : '');
    const query: IQuerySpec = {
      filter: window,
      orderBy: [['Id', !!spec.ascending]],
      top: MAX_PAGE,
      select: spec.select,
      expand: spec.expand,
    };
    const rows = await fetchAll(sp, await readPage(sp, codec, query));
    state.buffer.push(...rows.map((row) => fromRow(codec, row)).filter(keep));
    state.bound = spec.ascending ? high - 1 : low + 1;
  }
  const items = state.buffer.splice(0, pageSize);
  const hasMore = state.buffer.length > 0 || more();
  const next: IWindowCursor<T> = { ...state };
  return {
    items,
    hasMore,
    nextPage: () => (hasMore ? windowedPage(sp, codec, spec, pageSize, keep, next) : Promise.resolve(lastPage<T>())),
  };
}

/**
 * The pages of `first`, then those of `then()` — started once `first` has no more, and its first page
 * joined to `first`'s last, so `hasMore` is never true of an empty remainder.
 */
export async function followedBy<T>(first: IPage<T>, then: () => Promise<IPage<T>>): Promise<IPage<T>> {
  if (first.hasMore)
    return { items: first.items, hasMore: true, nextPage: async () => followedBy(await first.nextPage(), then) };
  const second = await then();
  return { items: first.items.concat(second.items), hasMore: second.hasMore, nextPage: second.nextPage };
}

/** A request's outcome, so one failure in a batch does not reject the others. */
export type Settled<T> = { ok: true; value: T } | { ok: false; error: unknown };

/** Turns a promise into its settled outcome (attached at once, before the batch runs). */
export function settle<T>(promise: Promise<T>): Promise<Settled<T>> {
  return promise.then(
    (value) => ({ ok: true as const, value }),
    (error: unknown) => ({ ok: false as const, error }),
  );
}

/**
 * Runs reads in one `$batch` (one HTTP round trip for up to 20 requests): `build` starts the
 * requests on the batched SPFI and returns their settled promises.
 */
export async function inBatch<R>(sp: SPFI, build: (batched: SPFI) => R): Promise<R> {
  try {
    // A throttled `$batch` applied none of its requests, so it is built and sent again.
    return await retryThrottled(async () => {
      const [batched, execute] = sp.batched();
      const result = build(batched);
      await execute();
      return result;
    });
  } catch (error) {
    throw toDataError(error);
  }
}
