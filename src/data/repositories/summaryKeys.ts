/**
 * The keys of "MPK Overblik"'s rows and what the first views read of them — apart from the writing
 * (`summaries.ts`), so a web part's first view carries only these few lines.
 */
import { MAX_PAGE, type IQuerySpec } from './query';

/** The row of published stories per ambition (see `src/domain/storyCounts.ts`). */
export const STORIES_SUMMARY_KEY = 'stories';

/** The key of a unit's row. */
export function unitSummaryKey(unitId: number): string {
  return `unit-${unitId}`;
}

/** What a view reads of the summaries: every row, the three columns, no per-row metadata. */
export const SUMMARY_SELECT: readonly string[] = ['ClientKey', 'UnitId', 'Summary'];

/** What the ambitions view reads of the summaries: the numbers per ambition only. */
export const TOTALS_SELECT: readonly string[] = ['ClientKey', 'UnitId', 'Totals'];

/**
 * The read a view adds to its `$batch` (`startRead(b, summaryCodec, summaryReadSpec())`): every row
 * of "MPK Overblik" — one per unit plus `stories`, far below 5,000 — without metadata.
 */
export function summaryReadSpec(): IQuerySpec {
  return { select: SUMMARY_SELECT, noMetadata: true, top: MAX_PAGE };
}

/** The read of the ambitions view: every row's numbers per ambition, no metadata. */
export function totalsReadSpec(): IQuerySpec {
  return { select: TOTALS_SELECT, noMetadata: true, top: MAX_PAGE };
}
