/**
 * The chefgruppe's overview from aggregate rows instead of every row (issue 15). Each unit's part of
 * the overview is computed from that unit's own rows — its plans, focuses, initiatives, check-ins and
 * tasks, all read with the indexed `UnitId` — by `summarizeUnit` (src/domain/summarizeUnit.ts), and
 * kept on the unit's row in "MPK Overblik" by the writes that change them. `overviewFromSummaries`
 * puts the units' summaries together into the same overview `buildOverview` makes from all the rows,
 * without the lists (overdue tasks, stopped initiatives: counted here, read on demand).
 *
 * What depends on the moment the overview is looked at is kept so it can be answered later: the cells
 * of every plan that can be the current one (the current plan depends on the year), the trend for
 * every baseline date (it changes only on a check-in date, so the dates where it changes are kept) and
 * the due dates of the open tasks (what is overdue depends on today).
 *
 * This module reads and writes the stored form; it does not need the row-by-row overview, so the
 * follow-up web part's first view carries only this.
 */
import { AMBITION_LIST } from './ambitionTitles';
import { addDays, daysBetween, isValidIsoDate, today } from './dates';
import { dict, own } from './dict';
import { pickCurrentPlan } from './currentPlan';
import {
  HEALTHS,
  INITIATIVE_STATUSES,
  PLAN_STATUSES,
  RELEVANCES,
  TASK_STATUSES,
  TRENDS,
  type Health,
  type IPlan,
  type IsoDate,
  type IUnit,
  type PlanStatus,
  type Relevance,
  type Trend,
} from './model';
import type { IOverview, IOverviewCell } from './overview';

/** The version of the stored form; a row of another version is read as missing (and recomputed). */
export const UNIT_SUMMARY_VERSION = 2;

/** Days are counted from here (short integers instead of date strings). */
const EPOCH: IsoDate = '2000-01-01';

/** One unit × ambition of one plan. */
export interface ICellSummary {
  /** The relevance the plan gives the ambition (a value the product does not know is kept as it is). */
  relevance?: string;
  /** Initiatives per status, in the order of `INITIATIVE_STATUSES`. */
  byStatus: number[];
  /** All initiatives, when more than `byStatus` counts (a status the product does not know). */
  count?: number;
  /** The newest check-in: its date and health (a health the product does not know is kept as it is). */
  latest?: [IsoDate, string];
  worst?: Health;
  /** From each date on (ascending) the trend until the next date; "unknown" before the first. */
  trend: [IsoDate, Trend][];
}

/** One unit's part of the overview. */
export interface IUnitSummary {
  unitId: number;
  /** Every plan of the unit: id, period, status (a status the product does not know is kept, and not counted). */
  plans: [number, string, string][];
  /** Per plan that can be current (not closed, or current when computed): a cell per ambition, in the strategy's order. */
  cells: Map<number, ICellSummary[]>;
  /** The unit's initiatives (every plan) per status, in the order of `INITIATIVE_STATUSES`. */
  initiatives: number[];
  /** Stopped initiatives per plan in `cells`. */
  stopped: Map<number, number>;
  /** The unit's tasks per status, in the order of `TASK_STATUSES`. */
  tasks: number[];
  /** Due dates of the open tasks (not closed) as days after 2000-01-01, ascending. */
  due: number[];
  /**
   * The titles of the initiatives the unit's tasks are about (id → title), so a task card and the
   * status report name the initiative, not its number. A row kept before this was added has none
   * (the number is shown until the unit's next write or a rebuild).
   */
  titles: Map<number, string>;
}

/** The day number of a date. */
export function dayOf(date: IsoDate): number {
  return daysBetween(EPOCH, date);
}

/** The date of a day number. */
export function dateOf(day: number): IsoDate {
  return addDays(EPOCH, day);
}

// ---------------------------------------------------------------------------------------------------
// The stored form: nested arrays of numbers, no keys (a JSON text inside SharePoint's JSON answer,
// where every quote costs two bytes): [version, unitId, plans, cells, initiatives, stopped, tasks, due].
// [..., titles] follows when the unit's tasks are about initiatives: [id, title, id, title, …].
// A code is the value's place in its list (relevance, health, status, trend), -1 for none, or the
// value itself when the product does not know it. Dates in a list are days, each after the first as
// the difference to the one before.

function code(value: string | undefined, known: readonly string[]): number | string {
  if (value === undefined) return -1;
  const index = known.indexOf(value);
  return index >= 0 ? index : value;
}

function deltas(days: readonly number[]): number[] {
  return days.map((day, i) => (i === 0 ? day : day - days[i - 1]));
}

function encodeCell(cell: ICellSummary): (number | string)[] {
  const out: (number | string)[] = [
    code(cell.relevance, RELEVANCES),
    ...cell.byStatus,
    cell.count === undefined ? -1 : cell.count,
  ];
  out.push(
    cell.latest ? dayOf(cell.latest[0]) : 0,
    cell.latest ? code(cell.latest[1], HEALTHS) : -1,
    code(cell.worst, HEALTHS),
  );
  const days = deltas(cell.trend.map(([date]) => dayOf(date)));
  cell.trend.forEach(([, trend], i) => out.push(days[i], TRENDS.indexOf(trend)));
  return out;
}

/** The text kept in a unit's row. */
export function encodeUnitSummary(summary: IUnitSummary): string {
  const plans: (number | string)[] = [];
  for (const [id, period, status] of summary.plans) plans.push(id, period, code(status, PLAN_STATUSES));
  const cells: (number | (number | string)[])[][] = [];
  summary.cells.forEach((byAmbition, planId) => cells.push([planId, ...byAmbition.map(encodeCell)]));
  const stopped: number[] = [];
  summary.stopped.forEach((count, planId) => stopped.push(planId, count));
  const titles: (number | string)[] = [];
  summary.titles.forEach((title, id) => titles.push(id, title));
  return JSON.stringify([
    UNIT_SUMMARY_VERSION,
    summary.unitId,
    plans,
    cells,
    summary.initiatives,
    stopped,
    summary.tasks,
    deltas(summary.due),
    ...(titles.length > 0 ? [titles] : []),
  ]);
}

// Reading back: anyone who may write the list could store anything, so every value is checked, and a
// row that is not a summary of this version for this unit counts as missing.

class Invalid extends Error {}

function fail(): never {
  throw new Invalid();
}

function array(value: unknown): unknown[] {
  return Array.isArray(value) ? value : fail();
}

function int(value: unknown, min = 0): number {
  return typeof value === 'number' && Number.isInteger(value) && value >= min ? value : fail();
}

function counts(value: unknown, length: number): number[] {
  const list = array(value);
  if (list.length !== length) fail();
  return list.map((n) => int(n));
}

/** A code back to its value; -1 is none when `optional`. */
function decode(value: unknown, known: readonly string[], optional: boolean): string | undefined {
  if (typeof value === 'string') return value.length <= 255 ? value : fail();
  if (optional && value === -1) return undefined;
  const index = int(value);
  return index < known.length ? known[index] : fail();
}

function decodeCell(value: unknown): ICellSummary {
  const raw = array(value);
  const statuses = INITIATIVE_STATUSES.length;
  if (raw.length < 5 + statuses || (raw.length - 5 - statuses) % 2 !== 0) fail();
  const cell: ICellSummary = { byStatus: counts(raw.slice(1, 1 + statuses), statuses), trend: [] };
  const relevance = decode(raw[0], RELEVANCES, true);
  if (relevance !== undefined) cell.relevance = relevance;
  const count = int(raw[1 + statuses], -1);
  if (count >= 0) cell.count = count;
  const latestDay = int(raw[2 + statuses], -Infinity);
  const latestHealth = decode(raw[3 + statuses], HEALTHS, true);
  if (latestHealth !== undefined) cell.latest = [dateOf(latestDay), latestHealth];
  const worst = raw[4 + statuses] === -1 ? undefined : decode(raw[4 + statuses], HEALTHS, false);
  if (worst !== undefined && HEALTHS.indexOf(worst as Health) < 0) fail();
  if (worst !== undefined) cell.worst = worst as Health;
  let day = 0;
  for (let i = 5 + statuses; i < raw.length; i += 2) {
    const step = int(raw[i], i === 5 + statuses ? -Infinity : 1);
    day = i === 5 + statuses ? step : day + step;
    const trend = int(raw[i + 1]);
    if (trend >= TRENDS.length) fail();
    cell.trend.push([dateOf(day), TRENDS[trend]]);
  }
  return cell;
}

function decodeSummary(raw: unknown[], unitId: number): IUnitSummary {
  if ((raw.length !== 8 && raw.length !== 9) || raw[0] !== UNIT_SUMMARY_VERSION || raw[1] !== unitId) fail();
  const planList = array(raw[2]);
  if (planList.length % 3 !== 0) fail();
  const plans: [number, string, string][] = [];
  for (let i = 0; i < planList.length; i += 3) {
    const period = planList[i + 1];
    if (typeof period !== 'string' || period.length > 255) fail();
    plans.push([int(planList[i]), period, decode(planList[i + 2], PLAN_STATUSES, false) as string]);
  }
  const cells = new Map<number, ICellSummary[]>();
  for (const entry of array(raw[3])) {
    const list = array(entry);
    if (list.length !== 1 + AMBITION_LIST.length) fail();
    cells.set(int(list[0]), list.slice(1).map(decodeCell));
  }
  const stoppedList = array(raw[5]);
  if (stoppedList.length % 2 !== 0) fail();
  const stopped = new Map<number, number>();
  for (let i = 0; i < stoppedList.length; i += 2) stopped.set(int(stoppedList[i]), int(stoppedList[i + 1]));
  const due: number[] = [];
  array(raw[7]).forEach((step, i) => due.push(i === 0 ? int(step, -Infinity) : due[i - 1] + int(step)));
  const titleList = raw.length > 8 ? array(raw[8]) : [];
  if (titleList.length % 2 !== 0) fail();
  const titles = new Map<number, string>();
  for (let i = 0; i < titleList.length; i += 2) {
    const title = titleList[i + 1];
    titles.set(int(titleList[i]), typeof title === 'string' && title.length <= 255 ? title : fail());
  }
  return {
    unitId,
    plans,
    cells,
    initiatives: counts(raw[4], INITIATIVE_STATUSES.length),
    stopped,
    tasks: counts(raw[6], TASK_STATUSES.length),
    due,
    titles,
  };
}

/** A stored summary, checked; undefined when the text is not a summary of this version for this unit. */
export function parseUnitSummary(text: unknown, unitId: number): IUnitSummary | undefined {
  if (typeof text !== 'string' || text.length === 0) return undefined;
  try {
    const raw: unknown = JSON.parse(text);
    return decodeSummary(array(raw), unitId);
  } catch {
    return undefined;
  }
}

// ---------------------------------------------------------------------------------------------------
// The overview from the summaries.

/**
 * The overview from the summaries: `IOverview` without its two lists (`overdueTasks`,
 * `stoppedInitiatives` are read on demand; a view that has them, e.g. a test's, may carry them).
 */
export interface ISummaryOverview extends Omit<IOverview, 'overdueTasks' | 'stoppedInitiatives'> {
  overdueTasks?: IOverview['overdueTasks'];
  stoppedInitiatives?: IOverview['stoppedInitiatives'];
  /** Open tasks past their due date (the tasks themselves are read on demand). */
  overdueCount: number;
  /** Per unit with overdue tasks: how many. */
  overdueByUnit: Record<number, number>;
  /** Stopped initiatives of the current plans (read on demand). */
  stoppedCount: number;
  /** The current plan of each unit that has stopped initiatives in it. */
  stoppedPlanIds: number[];
  /**
   * Units without a usable summary (none kept yet, or kept for a plan that is no longer the current
   * one): their cells are empty until one of their rows is saved or the summaries are rebuilt.
   */
  missingUnits: number[];
  /** The titles of the initiatives the units' tasks are about (from every summary that keeps them). */
  initiativeTitles: Record<number, string>;
}

function trendAt(steps: readonly [IsoDate, Trend][], since: IsoDate | undefined): Trend {
  if (!since) return 'unknown';
  let trend: Trend = 'unknown';
  for (const [date, value] of steps) {
    if (date > since) break;
    trend = value;
  }
  return trend;
}

function zero<K extends string>(keys: readonly K[]): Record<K, number> {
  const out = dict<number>() as Record<K, number>;
  for (const key of keys) out[key] = 0;
  return out;
}

function add<K extends string>(into: Record<K, number>, values: readonly number[], keys: readonly K[]): void {
  keys.forEach((key, i) => (into[key] += values[i] || 0));
}

function cellOf(
  unitId: number,
  ambitionKey: string,
  planId: number | undefined,
  stored: ICellSummary | undefined,
  since: IsoDate | undefined,
): IOverviewCell {
  const byStatus = zero(INITIATIVE_STATUSES);
  if (stored) add(byStatus, stored.byStatus, INITIATIVE_STATUSES);
  const cell: IOverviewCell = {
    unitId,
    ambitionKey,
    initiativeCount:
      stored && stored.count !== undefined
        ? stored.count
        : INITIATIVE_STATUSES.reduce((sum, status) => sum + byStatus[status], 0),
    activeInitiativeCount: byStatus.planned + byStatus.inProgress,
    initiativesByStatus: byStatus,
    trend: stored ? trendAt(stored.trend, since) : 'unknown',
  };
  if (planId !== undefined) cell.planId = planId;
  cell.relevance = stored ? (stored.relevance as Relevance | undefined) : undefined;
  if (stored && stored.latest) {
    cell.latestCheckInDate = stored.latest[0];
    cell.latestHealth = stored.latest[1] as Health;
  }
  if (stored && stored.worst) cell.worstHealth = stored.worst;
  return cell;
}

/**
 * The overview from the units' summaries and the published stories per ambition: the same rows,
 * cells and counters `buildOverview` makes from every row, with the lists counted instead of listed.
 */
export function overviewFromSummaries(
  units: readonly IUnit[],
  summaries: ReadonlyMap<number, IUnitSummary>,
  storiesByAmbition: Readonly<Record<string, number>>,
  options: { now: Date; since?: IsoDate },
): ISummaryOverview {
  const since = options.since && isValidIsoDate(options.since) ? options.since : undefined;
  const todayDay = dayOf(today(options.now));
  const plansByStatus = zero(PLAN_STATUSES);
  const initiativesByStatus = zero(INITIATIVE_STATUSES);
  const tasksByStatus = zero(TASK_STATUSES);
  const overdueByUnit = dict<number>() as Record<number, number>;
  const stoppedPlanIds: number[] = [];
  const missingUnits: number[] = [];
  const initiativeTitles = dict<string>() as Record<number, string>;
  let overdueCount = 0;
  let stoppedCount = 0;
  const current = new Map<number, { planId: number; cells: ICellSummary[] | undefined }>();

  summaries.forEach((summary, unitId) => {
    for (const [, , status] of summary.plans)
      if (own(plansByStatus, status) !== undefined) plansByStatus[status as PlanStatus]++;
    add(initiativesByStatus, summary.initiatives, INITIATIVE_STATUSES);
    add(tasksByStatus, summary.tasks, TASK_STATUSES);
    summary.titles.forEach((title, id) => (initiativeTitles[id] = title));
    let overdue = 0;
    while (overdue < summary.due.length && summary.due[overdue] < todayDay) overdue++;
    if (overdue > 0) overdueByUnit[unitId] = overdue;
    overdueCount += overdue;
    const plans = summary.plans.map(([id, period, status]) => ({ id, unitId, period, status }) as IPlan);
    const plan = pickCurrentPlan(plans, options.now);
    if (!plan) return;
    const planId = plan.id as number;
    current.set(unitId, { planId, cells: summary.cells.get(planId) });
    const stopped = summary.stopped.get(planId) || 0;
    if (stopped > 0) stoppedPlanIds.push(planId);
    stoppedCount += stopped;
  });

  const stories = dict<number>();
  for (const ambition of AMBITION_LIST) stories[ambition.key] = 0;
  for (const key of Object.keys(storiesByAmbition)) stories[key] = own(storiesByAmbition, key) || 0;

  const rows = units.map((unit) => {
    const unitId = unit.id === undefined ? -1 : unit.id;
    const plan = current.get(unitId);
    if (!summaries.has(unitId) || (plan && !plan.cells)) missingUnits.push(unitId);
    const cells = AMBITION_LIST.map((ambition, index) =>
      cellOf(unitId, ambition.key, plan && plan.planId, plan && plan.cells ? plan.cells[index] : undefined, since),
    );
    return { unit, cells };
  });

  return {
    rows,
    plansByStatus,
    initiativesByStatus,
    tasksByStatus,
    storiesByAmbition: stories,
    overdueCount,
    overdueByUnit,
    stoppedCount,
    stoppedPlanIds,
    missingUnits,
    initiativeTitles,
  };
}
