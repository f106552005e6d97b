/**
 * The follow-up overview at municipal scale, checked against the row-by-row answer (issue 15): the
 * bulk load bypasses the product's writes, so the summaries in "MPK Overblik" are rebuilt from the
 * rows first (as after an import), then the view's overview — read from the summaries — is compared
 * with `buildOverview` over every row of every list, read in id windows.
 */
import { createLocalSp } from '../../localsp/client';
import { fromRow, type ICodec, type Row } from '../../src/data/mapping/codec';
import {
  checkInCodec,
  initiativeCodec,
  planCodec,
  planFocusCodec,
  storyCodec,
  taskCodec,
} from '../../src/data/mapping/entities';
import { windowedRows } from '../../src/data/repositories/query';
import { recountAllStories } from '../../src/data/repositories/summaries';
import { rebuildUnitSummaries } from '../../src/data/repositories/unitSummaries';
import { loadFollowUpView } from '../../src/data/views/followUpView';
import { loadAmbitionsView } from '../../src/data/views/ambitionsView';
import { AMBITIONS } from '../../src/domain/ambitions';
import { dict, own } from '../../src/domain/dict';
import type { IAmbitionCounts } from '../../src/data/repositories/types';
import type { SPFI } from '../../src/data/sp';
import type { IEntity } from '../../src/domain/model';
import { buildOverview, type IOverview } from '../../src/domain/overview';
import type { ISummaryOverview } from '../../src/domain/unitSummary';
import { defaultSince } from '../../src/ui/followUp/followUpModel';
import type { Figure } from './report';

/** Rebuilds every unit's summary and the story counts as the site owner; returns the time it took. */
export async function rebuildSummaries(siteUrl: string): Promise<{ ms: number; units: number }> {
  const t0 = Date.now();
  const admin = createLocalSp(siteUrl, 'admin@mpk.local') as unknown as SPFI;
  const units = await rebuildUnitSummaries(admin);
  await recountAllStories(admin);
  return { ms: Date.now() - t0, units };
}

async function every<T extends IEntity>(sp: SPFI, codec: ICodec<T>): Promise<T[]> {
  return (await windowedRows(sp, codec, { ascending: true })).map((row) => fromRow(codec, row));
}

/** A value as JSON with every object's keys sorted and undefined members left out. */
export function canonical(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  const record = value as Record<string, unknown>;
  const keys = Object.keys(record)
    .filter((key) => record[key] !== undefined)
    .sort();
  return `{${keys.map((key) => `${JSON.stringify(key)}:${canonical(record[key])}`).join(',')}}`;
}

/** Where the two overviews differ (empty when they are the same), in words. */
export function overviewDifferences(fromSummaries: ISummaryOverview, rowByRow: IOverview): string[] {
  const out: string[] = [];
  const same = (a: unknown, b: unknown): boolean => canonical(a) === canonical(b);
  rowByRow.rows.forEach((row, r) => {
    row.cells.forEach((cell, c) => {
      const other = fromSummaries.rows[r] && fromSummaries.rows[r].cells[c];
      if (!other || !same(cell, other)) out.push(`unit ${row.unit.id} × ${cell.ambitionKey}`);
    });
  });
  if (fromSummaries.rows.length !== rowByRow.rows.length) out.push('number of units');
  for (const key of ['plansByStatus', 'initiativesByStatus', 'tasksByStatus', 'storiesByAmbition'] as const) {
    if (!same({ ...fromSummaries[key] }, { ...rowByRow[key] })) out.push(key);
  }
  if (fromSummaries.overdueCount !== rowByRow.overdueTasks.length)
    out.push(`overdue ${fromSummaries.overdueCount} vs ${rowByRow.overdueTasks.length}`);
  if (fromSummaries.stoppedCount !== rowByRow.stoppedInitiatives.length)
    out.push(`stopped ${fromSummaries.stoppedCount} vs ${rowByRow.stoppedInitiatives.length}`);
  return out;
}

/** The check as a figure: differences between the two overviews, budget 0. */
export async function checkOverviewAtScale(siteUrl: string, now = new Date()): Promise<Figure> {
  const chef = createLocalSp(siteUrl, 'chef@mpk.local') as unknown as SPFI;
  const me = (await (chef.web.currentUser as unknown as () => Promise<{ Id: number }>)()) as { Id: number };
  const since = defaultSince(now);
  const view = await loadFollowUpView(chef, { userId: me.Id, now, since });
  const rows = buildOverview(
    {
      units: view.units,
      plans: await every(chef, planCodec),
      focuses: await every(chef, planFocusCodec),
      initiatives: await every(chef, initiativeCodec),
      checkIns: await every(chef, checkInCodec),
      tasks: await every(chef, taskCodec),
      stories: await every(chef, storyCodec),
    },
    { now, since },
  );
  const differences = overviewDifferences(view.overview, rows);
  const cells = rows.rows.reduce((sum, row) => sum + row.cells.length, 0);
  return {
    section: 'scale',
    id: 'scale.overviewExact',
    label: 'at scale: follow-up overview from "MPK Overblik" vs every row: differences',
    value: differences.length,
    unit: 'count',
    budget: { max: 0 },
    detail:
      differences.length === 0
        ? `${view.units.length} units, ${cells} cells, the counters, ${rows.overdueTasks.length} overdue tasks and ${rows.stoppedInitiatives.length} stopped initiatives counted alike (baseline ${since}; every row read in id windows)`
        : `differ: ${differences.slice(0, 8).join('; ')}${differences.length > 8 ? ' …' : ''}`,
  };
}

/**
 * The row-by-row answer the ambitions view gave before 'MPK Overblik' (and its rule): per ambition, the
 * distinct plans that give it any relevance, the initiatives, the published stories — written apart
 * from the product's `unitTotals`/`publishedPerAmbition`, so the check compares two implementations.
 */
function countPerAmbition(
  focusRows: readonly Row[],
  initiativeRows: readonly Row[],
  storyRows: readonly Row[],
): Record<string, IAmbitionCounts> {
  const counts = dict<IAmbitionCounts>();
  for (const ambition of AMBITIONS) counts[ambition.key] = { plans: 0, initiatives: 0, stories: 0 };
  const plansSeen = new Set<string>();
  for (const row of focusRows) {
    const key = String(row.AmbitionKey || '');
    if (!own(counts, key) || row.Relevance === 'notRelevant' || !row.Relevance) continue;
    const planKey = `${key}|${String(row.PlanId)}`;
    if (plansSeen.has(planKey)) continue;
    plansSeen.add(planKey);
    counts[key].plans++;
  }
  for (const row of initiativeRows) {
    const key = String(row.AmbitionKey || '');
    if (own(counts, key)) counts[key].initiatives++;
  }
  for (const row of storyRows) {
    const key = String(row.AmbitionKey || '');
    const status = row.OData__ModerationStatus;
    if (own(counts, key) && (status === 0 || status === undefined || status === null)) counts[key].stories++;
  }
  return counts;
}

/** The ambitions view's numbers per ambition (from the Totals of "MPK Overblik") against every row: differences, budget 0. */
export async function checkAmbitionCountsAtScale(siteUrl: string): Promise<Figure> {
  const admin = createLocalSp(siteUrl, 'admin@mpk.local') as unknown as SPFI;
  const me = (await (admin.web.currentUser as unknown as () => Promise<{ Id: number }>)()) as { Id: number };
  const view = await loadAmbitionsView(admin, { userId: me.Id });
  const rows = (list: 'planFocuses' | 'initiatives' | 'stories', select: string[]): Promise<Row[]> =>
    windowedRows(admin, { list, columns: [] } as unknown as ICodec<IEntity>, { ascending: true, select });
  const expected = countPerAmbition(
    await rows('planFocuses', ['Id', 'PlanId', 'AmbitionKey', 'Relevance']),
    await rows('initiatives', ['Id', 'AmbitionKey']),
    await rows('stories', ['Id', 'AmbitionKey', 'OData__ModerationStatus']),
  );
  const differences = Object.keys(expected).filter((key) => canonical(expected[key]) !== canonical(view.counts[key]));
  if (!view.countsComplete) differences.push('countsComplete is false');
  const total = (field: 'plans' | 'initiatives' | 'stories'): number =>
    Object.keys(expected).reduce((sum, key) => sum + expected[key][field], 0);
  return {
    section: 'scale',
    id: 'scale.ambitionCountsExact',
    label: 'at scale: ambitions view counts from "MPK Overblik" vs every row: differences',
    value: differences.length,
    unit: 'count',
    budget: { max: 0 },
    detail:
      differences.length === 0
        ? `per ambition: ${total('plans')} plans, ${total('initiatives')} initiatives, ${total('stories')} published stories counted alike (every row read in id windows, as the site owner)`
        : `differ: ${differences.join('; ')}`,
  };
}
