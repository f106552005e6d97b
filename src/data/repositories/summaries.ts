/**
 * "MPK Overblik" (schema v6): the numbers the follow-up overview shows, in a few rows that the writes
 * changing them keep current — so the overview reads a handful of rows instead of the newest 5,000 of
 * five lists. A row is keyed by its `ClientKey` (`unit-<id>`, `stories`) and holds JSON in `Summary`.
 *
 * A row is never edited by hand and never merged field by field: it is recomputed from the truth (the
 * lists it summarises) and written whole with If-Match, by `updateSummary`.
 */
import type { SPFI } from '@pnp/sp';
import { dict, own, type Dict } from '../../domain/dict';
import { storyTotals } from '../../domain/ambitionTotals';
import {
  STORY_WINDOW,
  storyWindow,
  storyWindowsJson,
  storyWindowsUpTo,
  sumStoryWindows,
  withStoryWindow,
} from '../../domain/storyCounts';
import { DataError, httpStatus, isDuplicateValueError, retryThrottled, toDataError } from '../errors';
import { fromRow, type Row } from '../mapping/codec';
import { storyCodec, summaryCodec, type ISummaryRow } from '../mapping/entities';
import {
  fetchPage,
  inBatch,
  itemsQuery,
  listItems,
  MAX_PAGE,
  maxItemId,
  quote,
  readPage,
  settle,
  WINDOWS_PER_BATCH,
  type IQuerySpec,
} from './query';
import { STORIES_SUMMARY_KEY, SUMMARY_SELECT } from './summaryKeys';

export {
  STORIES_SUMMARY_KEY,
  SUMMARY_SELECT,
  summaryReadSpec,
  TOTALS_SELECT,
  totalsReadSpec,
  unitSummaryKey,
} from './summaryKeys';

/**
 * Rounds of `updateSummary` before it gives up: each lost race means someone else's summary landed
 * (which already holds everything written before it read), so a handful is plenty.
 */
export const SUMMARY_ATTEMPTS = 8;

/** A short random pause after a lost race, so writers refreshing the same row do not collide in lockstep. */
function jitter(attempt: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 5 + Math.random() * 25 * Math.min(attempt, 4)));
}

/** The row with this key, with its ETag (a read with metadata), or undefined when there is none. */
async function readRow(sp: SPFI, key: string): Promise<ISummaryRow | undefined> {
  const page = await readPage(sp, summaryCodec, {
    filter: `ClientKey eq ${quote(key)}`,
    top: 1,
    select: ['Id', ...SUMMARY_SELECT, 'Totals'],
  });
  return page.rows.length > 0 ? fromRow(summaryCodec, page.rows[0]) : undefined;
}

/** What a row holds: the summary, and the ambitions view's numbers (`src/domain/ambitionTotals.ts`). */
export interface ISummaryValue {
  summary: string;
  totals: string;
}

/**
 * Recomputes one summary row and writes it if it changed. Returns whether it wrote.
 *
 * Each round: (1) read the row WITH its ETag, (2) THEN call `next(previous)` — the caller reads the
 * rows it summarises inside `next`, after the ETag was read — (3) MERGE the result with If-Match (or
 * create the row when there is none). A 412, a row deleted meanwhile, or a duplicate `ClientKey` on
 * create (someone created it meanwhile) means another writer landed: the round starts again.
 *
 * Why this is exact: a write that succeeds with If-Match proves no other write landed between its
 * read of the ETag and itself, so everything its `next` read is at least as new as the row it
 * replaced. After a successful write the round runs once more and stops only when `next` gives what
 * is stored: the row is then the truth as of a read that came after our own write. A writer whose
 * count went stale before its MERGE landed (a change came in after it counted) finds that out in this
 * last round and writes again; and a change after that round makes its own writer find the row
 * different and write. So when every writer is done, the row equals the truth. When `next` gives the
 * same string as stored, nothing is written (a moderation or an edit that changes no count costs
 * reads only). `next` may therefore run several times; it must only read.
 *
 * Throws a DataError (conflict after SUMMARY_ATTEMPTS rounds, or what SharePoint refused — e.g. 403
 * for a reader, 404 when the site is not at schema v6 yet).
 */
export async function updateSummary(
  sp: SPFI,
  key: string,
  unitId: number | undefined,
  next: (previous: string | undefined) => Promise<ISummaryValue | string>,
): Promise<boolean> {
  let written = false;
  for (let attempt = 1; attempt <= SUMMARY_ATTEMPTS; attempt++) {
    let row: ISummaryRow | undefined;
    let value: { summary: string; totals: string };
    try {
      row = await readRow(sp, key);
      const result = await next(row ? row.summary : undefined);
      // A summary alone (no numbers per ambition) stores an empty `Totals`.
      value = typeof result === 'string' ? { summary: result, totals: '' } : result;
    } catch (error) {
      throw toDataError(error);
    }
    if (
      row &&
      value.summary === row.summary &&
      value.totals === (row.totals || '') &&
      (unitId === undefined || row.unitId === unitId)
    )
      return written;
    try {
      if (row) {
        const id = row.id as number;
        const ifMatch = row.etag || '*';
        const body: Record<string, unknown> = { Summary: value.summary, Totals: value.totals };
        if (unitId !== undefined) body.UnitId = unitId;
        await retryThrottled(() => listItems(sp, 'summaries').getById(id).update(body, ifMatch));
      } else {
        const body: Record<string, unknown> = {
          ClientKey: key,
          Title: key,
          Summary: value.summary,
          Totals: value.totals,
        };
        if (unitId !== undefined) body.UnitId = unitId;
        await retryThrottled(() => listItems(sp, 'summaries').add(body));
      }
      written = true;
    } catch (error) {
      const status = httpStatus(error);
      const lostRace =
        status === 412 || (row !== undefined && status === 404) || (row === undefined && isDuplicateValueError(error));
      if (!lostRace) throw toDataError(error);
      await jitter(attempt);
    }
  }
  throw new DataError('conflict', {
    status: 412,
    detail: `the summary '${key}' kept changing while it was recomputed`,
  });
}

/** The stories row: its windows, and their sums per ambition for the ambitions view. */
function storiesValue(windows: string): ISummaryValue {
  return { summary: windows, totals: JSON.stringify(storyTotals(sumStoryWindows(windows))) };
}

/** The read that counts one window's stories: both columns it needs, no metadata, one request. */
export function storyWindowSpec(start: number): IQuerySpec {
  const first = storyWindow(start);
  return {
    select: ['AmbitionKey', 'OData__ModerationStatus'],
    filter: `Id ge ${first} and Id lt ${first + STORY_WINDOW}`,
    top: MAX_PAGE,
    noMetadata: true,
  };
}

/**
 * Published stories per ambition in rows with `AmbitionKey` and `OData__ModerationStatus` — the rule of
 * the ambitions view's published stories (before "MPK Overblik": `countPerAmbition`, now the bench's row-by-row check in scripts/bench/overviewCheck.ts): status 0, or none on a list without approval.
 */
export function publishedPerAmbition(rows: readonly Row[]): Dict<number> {
  const counts = dict<number>();
  for (const row of rows) {
    const key = typeof row.AmbitionKey === 'string' ? row.AmbitionKey : '';
    const status = row.OData__ModerationStatus;
    if (key !== '' && (status === 0 || status === undefined || status === null))
      counts[key] = (own(counts, key) || 0) + 1;
  }
  return counts;
}

/** The published stories per ambition of one window, from the truth (one threshold-safe request). */
export async function countStoryWindow(sp: SPFI, start: number): Promise<Dict<number>> {
  const page = await readPage(sp, storyCodec, storyWindowSpec(start));
  return publishedPerAmbition(page.rows);
}

/**
 * Recounts the window of a story id in the `stories` row (after a moderation or a deletion changed
 * it). Returns whether the row was written.
 */
export function recountStoryWindow(sp: SPFI, storyId: number): Promise<boolean> {
  const start = storyWindow(storyId);
  return updateSummary(sp, STORIES_SUMMARY_KEY, undefined, async (previous) =>
    storiesValue(withStoryWindow(previous, start, await countStoryWindow(sp, start))),
  );
}

/**
 * Recounts every window up to the newest story id, 20 windows to a `$batch` (one POST for 100,000
 * stories), and writes the `stories` row whole: on the upgrade to v6, on a fresh site (an empty row
 * then says "no published stories", which the overview can trust) and as a repair.
 */
export function recountAllStories(sp: SPFI): Promise<boolean> {
  return updateSummary(sp, STORIES_SUMMARY_KEY, undefined, async () => {
    const starts = storyWindowsUpTo(await maxItemId(sp, storyCodec));
    const windows = dict<Dict<number>>();
    for (let i = 0; i < starts.length; i += WINDOWS_PER_BATCH) {
      const chunk = starts.slice(i, i + WINDOWS_PER_BATCH);
      const reads = await inBatch(sp, (b) =>
        chunk.map((start) => settle(fetchPage(itemsQuery(b, storyCodec, storyWindowSpec(start))))),
      );
      for (let j = 0; j < chunk.length; j++) {
        const settled = await reads[j];
        if (!settled.ok) throw settled.error;
        windows[String(chunk[j])] = publishedPerAmbition(settled.value.rows);
      }
    }
    return storiesValue(storyWindowsJson(windows));
  });
}
