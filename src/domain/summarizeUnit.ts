/**
 * One unit's summary for "MPK Overblik" (see src/domain/unitSummary.ts), computed from the unit's own
 * rows. Exact by construction: every cell is `buildOverview` itself run over the unit's rows with that
 * plan as the current one, and the trend is evaluated on each of the plan's check-in dates (between
 * two such dates it cannot change). Used by the writes that refresh a summary, never by a first view.
 */
import { isValidIsoDate } from './dates';
import { INITIATIVE_STATUSES, TASK_STATUSES, type IPlan, type IsoDate, type IUnit, type Trend } from './model';
import { buildOverview, pickCurrentPlan, type IOverviewCell, type IOverviewInput } from './overview';
import { dayOf, type ICellSummary, type IUnitSummary } from './unitSummary';

/** What `summarizeUnit` reads: one unit's rows of each list. */
export type IUnitRows = Omit<IOverviewInput, 'units' | 'stories'> & { unit: IUnit };

/** The unit's cells with one plan as the current one, for a baseline. */
function cellsFor(rows: IUnitRows, plan: IPlan, now: Date, since: IsoDate | undefined): IOverviewCell[] {
  // Tasks do not reach the cells: left out, so a unit with many check-in dates stays cheap.
  return buildOverview({ ...rows, units: [rows.unit], plans: [plan], tasks: [] }, { now, since }).rows[0].cells;
}

function countsOf(values: readonly string[], keys: readonly string[]): number[] {
  const out = keys.map(() => 0);
  for (const value of values) {
    const index = keys.indexOf(value);
    if (index >= 0) out[index]++;
  }
  return out;
}

/**
 * How many initiative titles a unit's summary keeps. Every first view of the follow-up reads every unit's summary,
 * so at a municipality's scale (200 units, 50,000 tasks) the titles of all tasks' initiatives made it read 1.2 MB
 * instead of 0.4 MB; the report reads the titles it lacks when it is made (`useReport`'s `titlesFor`).
 */
export const SUMMARY_TITLES_PER_UNIT = 5;

/** The titles of the initiatives the unit's open tasks are about, the earliest deadline first, by id. */
function taskInitiativeTitles(rows: IUnitRows): Map<number, string> {
  const byId = new Map<number, string>();
  for (const initiative of rows.initiatives)
    if (initiative.id !== undefined && initiative.title) byId.set(initiative.id, initiative.title);
  const open = rows.tasks
    .filter((task) => task.status !== 'closed' && task.initiativeId !== undefined && byId.has(task.initiativeId))
    .sort((a, b) => (a.dueDate || '9999').localeCompare(b.dueDate || '9999'));
  const titles = new Map<number, string>();
  for (const task of open) {
    if (titles.size >= SUMMARY_TITLES_PER_UNIT) break;
    const id = task.initiativeId as number;
    titles.set(id, byId.get(id) as string);
  }
  return titles;
}

/** Computes one unit's summary from its rows: linear in the rows times a plan's distinct check-in dates. */
export function summarizeUnit(rows: IUnitRows, now: Date): IUnitSummary {
  const current = pickCurrentPlan(rows.plans, now);
  const candidates = rows.plans.filter(
    (plan) => plan.id !== undefined && (plan.status !== 'closed' || plan === current),
  );
  const cells = new Map<number, ICellSummary[]>();
  const stopped = new Map<number, number>();
  for (const plan of candidates) {
    const planId = plan.id as number;
    const initiativeIds = new Set<number>();
    let stoppedCount = 0;
    for (const initiative of rows.initiatives) {
      if (initiative.planId !== planId) continue;
      if (initiative.id !== undefined) initiativeIds.add(initiative.id);
      if (initiative.status === 'stopped') stoppedCount++;
    }
    stopped.set(planId, stoppedCount);
    const dates = Array.from(
      new Set(
        rows.checkIns.filter((c) => initiativeIds.has(c.initiativeId) && isValidIsoDate(c.date)).map((c) => c.date),
      ),
    ).sort();
    const steps = dates.map((date) => cellsFor(rows, plan, now, date));
    cells.set(
      planId,
      cellsFor(rows, plan, now, undefined).map((cell, index) => {
        const byStatus = INITIATIVE_STATUSES.map((status) => cell.initiativesByStatus[status]);
        const summary: ICellSummary = { byStatus, trend: [] };
        if (cell.relevance !== undefined) summary.relevance = cell.relevance;
        if (byStatus.reduce((sum, n) => sum + n, 0) !== cell.initiativeCount) summary.count = cell.initiativeCount;
        if (cell.latestHealth !== undefined && cell.latestCheckInDate !== undefined)
          summary.latest = [cell.latestCheckInDate, cell.latestHealth];
        if (cell.worstHealth) summary.worst = cell.worstHealth;
        let previous: Trend = 'unknown';
        steps.forEach((stepCells, i) => {
          const trend = stepCells[index].trend;
          if (trend !== previous) summary.trend.push([dates[i], trend]);
          previous = trend;
        });
        return summary;
      }),
    );
  }
  return {
    unitId: rows.unit.id as number,
    plans: rows.plans
      .filter((plan) => plan.id !== undefined)
      .map((plan) => [plan.id as number, plan.period || '', plan.status || '']),
    cells,
    initiatives: countsOf(
      rows.initiatives.map((i) => i.status),
      INITIATIVE_STATUSES,
    ),
    stopped,
    tasks: countsOf(
      rows.tasks.map((t) => t.status),
      TASK_STATUSES,
    ),
    due: rows.tasks
      .filter((task) => task.status !== 'closed' && isValidIsoDate(task.dueDate))
      .map((task) => dayOf(task.dueDate))
      .sort((a, b) => a - b),
    titles: taskInitiativeTitles(rows),
  };
}
