/**
 * The story reads a view loader shares with `StoryRepository`: the feed's filter and pages, and the
 * recognition counts. In a module of their own so that the ambitions entry bundle (which reads only
 * through its view loader) carries neither the repository classes nor the validation they run
 * before a write. `stories.ts` re-exports them.
 */
import type { SPFI } from '@pnp/sp';
import type { IStory } from '../../domain/model';
import { MODERATION_STATUS } from '../../domain/workflow';
import { toDataError } from '../errors';
import type { Row } from '../mapping/codec';
import { recognitionCodec, storyCodec } from '../mapping/entities';
import {
  allRows,
  fetchPage,
  idFilters,
  inBatch,
  MAX_PAGE,
  nextPageQuery,
  pageOf,
  quote,
  settle,
  windowedPage,
  type IQuerySpec,
  type IRawPage,
} from './query';
import type { IPage, IStoryFilters } from './types';

/**
 * One column's part of the feed's filter: the single value and the list of values both apply (a
 * reader's choice within the web part's scope). A single value in the list makes the list redundant;
 * one outside it matches nothing, as it should. Several values are an `or` chain in parentheses —
 * every side on the same indexed column, so SharePoint still answers it from the index.
 */
function columnFilter<V extends string | number>(
  column: string,
  literal: (value: V) => string,
  one: V | undefined,
  many: readonly V[] | undefined,
): string[] {
  const list: V[] = [];
  for (const value of many || []) if (list.indexOf(value) < 0) list.push(value);
  const parts: string[] = [];
  if (one !== undefined) parts.push(`${column} eq ${literal(one)}`);
  if (list.length > 0 && !(one !== undefined && list.indexOf(one) >= 0)) {
    const chain = list.map((value) => `${column} eq ${literal(value)}`);
    parts.push(chain.length === 1 ? chain[0] : `(${chain.join(' or ')})`);
  }
  return parts;
}

/** The feed's `$filter`: only indexed columns (UnitId, AmbitionKey, StoryKind), the most selective first. */
export function storyFilter(filters: IStoryFilters = {}): string | undefined {
  const parts: string[] = [
    ...columnFilter<number>('UnitId', String, filters.unitId, filters.unitIds),
    ...columnFilter<string>('AmbitionKey', quote, filters.ambitionKey || undefined, filters.ambitionKeys),
  ];
  if (filters.kind) parts.push(`StoryKind eq ${quote(filters.kind)}`);
  return parts.length > 0 ? parts.join(' and ') : undefined;
}

/**
 * Published stories only: approvers and authors also get pending ones back from SharePoint. Since
 * schema v5 the stories list has DraftVersionVisibility 2, so every other reader gets an approved
 * story whose edit waits as its last approved version (status 0) and it stays in their feed; at 0
 * (SharePoint's value after enabling approval by API) they would get the pending version and the story
 * would drop out of the feed until approved (issue 13).
 */
export function isPublished(story: IStory): boolean {
  return story.moderationStatus === MODERATION_STATUS.approved || story.moderationStatus === undefined;
}

/** Waiting for an approver. */
export function isPending(story: IStory): boolean {
  return story.moderationStatus === MODERATION_STATUS.pending;
}

/**
 * The people who recognised each story, from rows with `StoryId` and `AuthorId` (added to `into`).
 * A person counts once per story however many rows they wrote (rows with other client keys, or from
 * another browser). A row without `AuthorId` counts as a person of its own.
 */
export function recognisers(
  rows: readonly Row[],
  into: Map<number, Set<number | string>> = new Map(),
): Map<number, Set<number | string>> {
  for (const row of rows) {
    const id = row.StoryId;
    if (typeof id !== 'number') continue;
    let people = into.get(id);
    if (!people) into.set(id, (people = new Set()));
    people.add(typeof row.AuthorId === 'number' ? row.AuthorId : `row-${String(row.Id)}-${people.size}`);
  }
  return into;
}

/** Recognitions per story id: distinct people, from rows with `StoryId` and `AuthorId`. */
export function tallyRecognitions(rows: readonly Row[]): Map<number, number> {
  return countsOf(recognisers(rows));
}

function countsOf(people: Map<number, Set<number | string>>): Map<number, number> {
  const counts = new Map<number, number>();
  people.forEach((set, id) => counts.set(id, set.size));
  return counts;
}

/** The feed's first query: newest first by Id (always indexed). */
export function storyFeedSpec(filters: IStoryFilters, pageSize: number): IQuerySpec {
  return { filter: storyFilter(filters), orderBy: [['Id', false]], top: pageSize };
}

/**
 * The feed when a filter matches more than 5,000 stories (SharePoint refuses such a query): walk the
 * list newest first in windows of 5,000 ids (`windowedPage`), so every request stays below the threshold.
 */
export function windowedStoryPage(
  sp: SPFI,
  filters: IStoryFilters,
  pageSize: number,
  keep: (story: IStory) => boolean,
): Promise<IPage<IStory>> {
  return windowedPage(sp, storyCodec, { filter: storyFilter(filters) }, pageSize, keep);
}

/**
 * Published stories only, through id windows: for a first page that held nothing but pending stories
 * (approvers and authors get those back; someone may post thousands). `_ModerationStatus` is not
 * indexed, so it is only ever asked for inside an id window.
 */
export function publishedStoryPage(
  sp: SPFI,
  filters: IStoryFilters,
  pageSize: number,
  keep: (story: IStory) => boolean,
): Promise<IPage<IStory>> {
  const filter = [storyFilter(filters), `OData__ModerationStatus eq ${MODERATION_STATUS.approved}`]
    .filter(Boolean)
    .join(' and ');
  return windowedPage(sp, storyCodec, { filter }, pageSize, keep);
}

/**
 * A page whose stories (and every later page's) carry their recognition counts: from `tally`
 * where it knows them exactly, else one request for the rest (an `or` of indexed StoryId).
 */
export async function withCounts(sp: SPFI, page: IPage<IStory>, tally?: IRecognitionTally): Promise<IPage<IStory>> {
  const missing = page.items
    .filter((s) => s.id !== undefined && !(tally && knows(tally, s.id)))
    .map((s) => s.id as number);
  const counts = missing.length > 0 ? await recognitionCounts(sp, missing) : new Map<number, number>();
  for (const story of page.items) {
    const id = story.id as number;
    story.recognitionCount = counts.get(id) ?? (tally && tally.counts.get(id)) ?? 0;
  }
  const next = page.nextPage;
  // Later pages use the same tally: "Vis flere" within it costs only the page of stories.
  return { ...page, nextPage: async () => withCounts(sp, await next(), tally) };
}

/**
 * Counts the people who recognised some stories (an `or` of indexed StoryId, 40 ids per request).
 * Stories with more than 5,000 recognition rows between them (someone wrote rows in bulk) are
 * counted through id windows instead: more requests, never refused.
 */
export async function recognitionCounts(sp: SPFI, storyIds: readonly number[]): Promise<Map<number, number>> {
  const counts = new Map<number, number>();
  try {
    for (const filter of idFilters('StoryId', storyIds)) {
      const rows = await allRows(sp, recognitionCodec, { select: RECOGNITION_COUNT_SELECT, filter });
      tallyRecognitions(rows).forEach((n, id) => counts.set(id, n));
    }
  } catch (error) {
    throw toDataError(error);
  }
  return counts;
}

/**
 * The feed with counts, page after page. "Vis flere" reads the next page of stories by its
 * nextLink; when that page may reach below what the tally covers, the tally's next page comes in
 * the same `$batch` — so a page costs one request, and a second only for stories neither reached.
 */
export async function countedFeedPage(
  sp: SPFI,
  page: IPage<IStory>,
  tally: IRecognitionTally,
  raw: IRawPage | undefined,
  keep: (story: IStory) => boolean,
): Promise<IPage<IStory>> {
  if (!raw) return withCounts(sp, page, tally);
  const missing = page.items.filter((s) => !knows(tally, s.id as number)).map((s) => s.id as number);
  const counts = missing.length > 0 ? await recognitionCounts(sp, missing) : new Map<number, number>();
  for (const story of page.items)
    story.recognitionCount = counts.get(story.id as number) ?? tally.counts.get(story.id as number) ?? 0;
  const nextLink = raw.nextLink;
  const ids = raw.rows.map((row) => Number(row.Id)).filter((id) => Number.isFinite(id));
  return {
    ...page,
    nextPage: async () => {
      if (!nextLink) return { items: [], hasMore: false, nextPage: () => Promise.reject(new Error('No more pages')) };
      const lowest = Math.min(...ids);
      const span = Math.max(...ids) - lowest + 1;
      // The next page spans about as many ids as this one: twice that, to be safe.
      const reaches = tally.nextLink !== undefined && lowest - 2 * span <= tally.completeAbove;
      try {
        const reads = await inBatch(sp, (b) => ({
          stories: settle(fetchPage(nextPageQuery(b, nextLink))),
          tally: reaches && tally.nextLink ? settle(fetchPage(nextPageQuery(b, tally.nextLink, true))) : undefined,
        }));
        const next = await reads.stories;
        if (!next.ok) throw next.error;
        const more = reads.tally ? await reads.tally : undefined;
        const nextTally = more && more.ok ? recognitionTally(more.value, tally) : tally;
        return await countedFeedPage(sp, pageOf(sp, storyCodec, next.value, keep), nextTally, next.value, keep);
      } catch (error) {
        throw toDataError(error);
      }
    },
  };
}

/** What a count of recognitions reads: the story and the person (recognitions count distinct people). */
export const RECOGNITION_COUNT_SELECT: readonly string[] = ['Id', 'StoryId', 'AuthorId'];

/** The read of recognitions that counts the newest stories: by StoryId, newest first, only the counted columns. */
export const TALLY_SPEC: IQuerySpec = {
  select: RECOGNITION_COUNT_SELECT,
  orderBy: [['StoryId', false]],
  top: MAX_PAGE,
  noMetadata: true,
};

/**
 * The first view's tally: enough for the first pages of the feed (a story past it costs the count
 * request `countedFeedPage` makes anyway, and "Vis flere" reads the tally on in the same `$batch`),
 * few enough for a phone — 5,000 rows were 267 KB at municipal scale, for a feed of ten stories.
 * A filter change (`StoryRepository.query`) reads the whole 5,000: the filtered feed spans more ids.
 */
export const FIRST_VIEW_TALLY_SPEC: IQuerySpec = { ...TALLY_SPEC, top: 1000 };

/** What the view knows of recognition counts without asking again. */
export interface IRecognitionTally {
  counts: Map<number, number>;
  /** Who recognised each story read so far (a page may end inside a story's rows). */
  people?: Map<number, Set<number | string>>;
  /** Counts are whole for every story id above this (recognitions read by StoryId, newest first). */
  completeAbove: number;
  /** Further stories whose counts are whole (featured ones, from their `StoryFeatured` rows). */
  exact: Set<number>;
  /** Where the StoryId-ordered read of recognitions goes on (absolute, as SharePoint wrote it). */
  nextLink?: string;
  /** Rows per page of that read (a page this full may go on). */
  pageSize?: number;
}

/** Whether a tally knows a story's count exactly. */
export function knows(tally: IRecognitionTally, storyId: number): boolean {
  return storyId > tally.completeAbove || tally.exact.has(storyId);
}

/**
 * A raw page of recognitions ordered by StoryId, newest stories first: counts for the newest
 * stories. `previous` is the tally this page continues (its counts are added to).
 */
export function recognitionTally(
  raw: IRawPage,
  previous?: IRecognitionTally,
  pageSize: number = previous && previous.pageSize ? previous.pageSize : MAX_PAGE,
): IRecognitionTally {
  const people = new Map<number, Set<number | string>>();
  if (previous && previous.people) previous.people.forEach((set, id) => people.set(id, new Set(set)));
  recognisers(raw.rows, people);
  const counts = previous ? new Map(previous.counts) : new Map<number, number>();
  countsOf(people).forEach((n, id) => counts.set(id, n));
  const exact = previous ? previous.exact : new Set<number>();
  // A full page counts as "more" even without a nextLink: the read asks for no metadata, and the
  // count must never claim to be whole when it is not.
  if (!raw.nextLink && raw.rows.length < pageSize) return { counts, people, completeAbove: 0, exact, pageSize };
  // The page stopped inside the lowest story id it reached: counts are whole only above it.
  let lowest = Infinity;
  for (const row of raw.rows) if (typeof row.StoryId === 'number' && row.StoryId < lowest) lowest = row.StoryId;
  return {
    counts,
    people,
    completeAbove: lowest === Infinity ? (previous ? previous.completeAbove : 0) : lowest,
    exact,
    nextLink: raw.nextLink,
    pageSize,
  };
}
