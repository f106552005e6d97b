/**
 * The chefgruppe's overview from aggregate rows instead of every row (issue 15). Each unit's part of
 * the overview is computed from that unit's own rows — its plans, focuses, initiatives, check-ins and
 * tasks, all read with the indexed `UnitId` — by `summarizeUnit`, and kept on the unit's row in
 * "MPK Overblik" by the writes that change them. `overviewFromSummaries` puts the units' summaries
 * together into the same overview `buildOverview` makes from all the rows, without the lists (overdue
 * tasks, stopped initiatives: counted here, read on demand).
 *
 * Exactness: a summary is `buildOverview` itself run over one unit's rows, so a cell is what the
 * row-by-row overview shows. What depends on the moment the overview is looked at is kept so it can be
 * answered later: the cells of every plan that can be the current one (the current plan depends on the
 * year), the trend for every baseline date (it changes only on a check-in date, so the dates where it
 * changes are kept) and the due dates of the open tasks (what is overdue depends on today).
 */
import { AMBITIONS } from "./ambitions";
import { addDays, compareIsoDates, daysBetween, isValidIsoDate, today } from "./dates";
import { dict, own, type Dict } from "./dict";
import {
  HEALTHS,
  INITIATIVE_STATUSES,
  PLAN_STATUSES,
  RELEVANCES,
  TASK_STATUSES,
  type Health,
  type InitiativeStatus,
  type IPlan,
  type IsoDate,
  type IUnit,
  type PlanStatus,
  type Relevance,
  type TaskStatus,
  type Trend,
} from "./model";
import { buildOverview, pickCurrentPlan, type IOverview, type IOverviewCell, type IOverviewInput } from "./overview";

/** The version of the stored form; a row of another version is read as missing (and recomputed). */
export const UNIT_SUMMARY_VERSION = 1;

/** The day the due dates count from (compact integers instead of date strings). */
const EPOCH: IsoDate = "2000-01-01";

/** One unit × ambition of one plan, as stored. */
export interface ICellSummary {
  /** Relevance the plan gives the ambition. */
  r?: Relevance;
  /** Initiatives by status (only statuses that occur). */
  s: Partial<Record<InitiativeStatus, number>>;
  /** All initiatives, when more than `s` counts (a status SharePoint holds but the product does not know). */
  n?: number;
  /** Newest check-in: date and health. */
  h?: [IsoDate, string];
  /** Worst of the newest healths. */
  w?: Health;
  /** Trend by baseline: from each date on (ascending), the trend until the next date; "unknown" before the first. */
  t?: [IsoDate, Trend][];
}

/** One unit's part of the overview, as kept in "MPK Overblik" (JSON). */
export interface IUnitSummary {
  v: number;
  unitId: number;
  /** Every plan of the unit: id, period, status (a status SharePoint holds but the product does not know is kept, and not counted). */
  plans: [number, string, string][];
  /** The cells of each plan that can be current (not closed, or current when computed), by plan id and ambition key. */
  cells: Dict<Dict<ICellSummary>>;
  /** The unit's initiatives (every plan) by status. */
  initiatives: Partial<Record<InitiativeStatus, number>>;
  /** Stopped initiatives per plan id (the plans in `cells`). */
  stopped: Dict<number>;
  /** The unit's tasks by status. */
  tasks: Partial<Record<TaskStatus, number>>;
  /** Due dates of the open tasks (not closed) in days after 2000-01-01, ascending, each after the first as the difference to the one before. */
  due: number[];
}

/** What `summarizeUnit` reads: one unit's rows of each list. */
export type IUnitRows = Omit<IOverviewInput, "units" | "stories"> & { unit: IUnit };

function counted<K extends string>(values: Iterable<K>, keys: readonly K[]): Partial<Record<K, number>> {
  const out = dict<number>() as Partial<Record<K, number>>;
  for (const value of values) if (keys.indexOf(value) >= 0) out[value] = (out[value] || 0) + 1;
  return out;
}

/** The unit's cells with one plan as the current one (the others left out), for a baseline. */
function cellsFor(rows: IUnitRows, plan: IPlan, now: Date, since: IsoDate | undefined): IOverviewCell[] {
  // Tasks do not reach the cells: left out, so a unit with many check-in dates stays cheap.
  const overview = buildOverview({ ...rows, units: [rows.unit], plans: [plan], tasks: [] }, { now, since });
  return overview.rows[0].cells;
}

/** Computes one unit's summary from its rows. Linear in the rows times the distinct check-in dates of a plan. */
export function summarizeUnit(rows: IUnitRows, now: Date): IUnitSummary {
  const unitId = rows.unit.id as number;
  const current = pickCurrentPlan(rows.plans, now);
  const candidates = rows.plans.filter((plan) => plan.id !== undefined && (plan.status !== "closed" || plan === current));
  const cells = dict<Dict<ICellSummary>>();
  const stopped = dict<number>();
  for (const plan of candidates) {
    const planId = plan.id as number;
    const initiativeIds = new Set<number>();
    let stoppedCount = 0;
    for (const initiative of rows.initiatives) {
      if (initiative.planId !== planId) continue;
      if (initiative.id !== undefined) initiativeIds.add(initiative.id);
      if (initiative.status === "stopped") stoppedCount++;
    }
    stopped[planId] = stoppedCount;
    // The trend changes only on the dates of the plan's check-ins: evaluate it on each of them.
    const dates = Array.from(new Set(rows.checkIns.filter((c) => initiativeIds.has(c.initiativeId) && isValidIsoDate(c.date)).map((c) => c.date))).sort(compareIsoDates);
    const base = cellsFor(rows, plan, now, undefined);
    const steps = dates.map((date) => cellsFor(rows, plan, now, date));
    const byAmbition = dict<ICellSummary>();
    base.forEach((cell, index) => {
      const summary: ICellSummary = { s: dict<number>() };
      if (cell.relevance) summary.r = cell.relevance;
      for (const status of INITIATIVE_STATUSES) if (cell.initiativesByStatus[status] > 0) summary.s[status] = cell.initiativesByStatus[status];
      if (INITIATIVE_STATUSES.reduce((sum, status) => sum + cell.initiativesByStatus[status], 0) !== cell.initiativeCount) summary.n = cell.initiativeCount;
      if (cell.latestHealth !== undefined && cell.latestCheckInDate !== undefined) summary.h = [cell.latestCheckInDate, cell.latestHealth];
      if (cell.worstHealth) summary.w = cell.worstHealth;
      const trend: [IsoDate, Trend][] = [];
      let previous: Trend = "unknown";
      steps.forEach((stepCells, i) => {
        const value = stepCells[index].trend;
        if (value !== previous) trend.push([dates[i], value]);
        previous = value;
      });
      if (trend.length > 0) summary.t = trend;
      byAmbition[cell.ambitionKey] = summary;
    });
    cells[planId] = byAmbition;
  }
  const due = rows.tasks
    .filter((task) => task.status !== "closed" && isValidIsoDate(task.dueDate))
    .map((task) => daysBetween(EPOCH, task.dueDate))
    .sort((a, b) => a - b);
  return {
    v: UNIT_SUMMARY_VERSION,
    unitId,
    plans: rows.plans.filter((plan) => plan.id !== undefined).map((plan) => [plan.id as number, plan.period, plan.status]),
    cells,
    initiatives: counted(rows.initiatives.map((i) => i.status), INITIATIVE_STATUSES),
    stopped,
    tasks: counted(rows.tasks.map((t) => t.status), TASK_STATUSES),
    due: due.map((day, i) => (i === 0 ? day : day - due[i - 1])),
  };
}

// ---------------------------------------------------------------------------------------------------
// Reading summaries back (anyone with write access on the list could store anything: every value is
// checked, and a row that is not a summary of this version counts as missing).

function isCount(value: unknown): value is number {
  return typeof value === "number" && Number.isInteger(value) && value >= 0;
}

function countsOf<K extends string>(value: unknown, keys: readonly K[]): Partial<Record<K, number>> | undefined {
  if (!value || typeof value !== "object" || Array.isArray(value)) return undefined;
  const out = dict<number>() as Partial<Record<K, number>>;
  for (const key of keys) {
    const count = own(value as Record<string, unknown>, key);
    if (count === undefined) continue;
    if (!isCount(count)) return undefined;
    out[key] = count;
  }
  return out;
}

function cellOf(value: unknown): ICellSummary | undefined {
  if (!value || typeof value !== "object" || Array.isArray(value)) return undefined;
  const raw = value as Record<string, unknown>;
  const s = countsOf(own(raw, "s"), INITIATIVE_STATUSES);
  if (!s) return undefined;
  const cell: ICellSummary = { s };
  const n = own(raw, "n");
  if (n !== undefined) {
    if (!isCount(n)) return undefined;
    cell.n = n;
  }
  const r = own(raw, "r");
  if (r !== undefined) {
    if (RELEVANCES.indexOf(r as Relevance) < 0) return undefined;
    cell.r = r as Relevance;
  }
  const h = own(raw, "h");
  if (h !== undefined) {
    if (!Array.isArray(h) || h.length !== 2 || !isValidIsoDate(h[0]) || typeof h[1] !== "string") return undefined;
    cell.h = [h[0], h[1]];
  }
  const w = own(raw, "w");
  if (w !== undefined) {
    if (HEALTHS.indexOf(w as Health) < 0) return undefined;
    cell.w = w as Health;
  }
  const t = own(raw, "t");
  if (t !== undefined) {
    if (!Array.isArray(t)) return undefined;
    const steps: [IsoDate, Trend][] = [];
    for (const step of t) {
      if (!Array.isArray(step) || step.length !== 2 || !isValidIsoDate(step[0]) || ["better", "same", "worse", "unknown"].indexOf(step[1]) < 0) return undefined;
      if (steps.length > 0 && compareIsoDates(steps[steps.length - 1][0], step[0]) >= 0) return undefined;
      steps.push([step[0], step[1] as Trend]);
    }
    cell.t = steps;
  }
  return cell;
}

/** A stored summary, checked; undefined when the text is not a summary of this version for this unit. */
export function parseUnitSummary(text: unknown, unitId: number): IUnitSummary | undefined {
  if (typeof text !== "string" || text.length === 0) return undefined;
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (!raw || typeof raw !== "object" || Array.isArray(raw)) return undefined;
  const o = raw as Record<string, unknown>;
  if (own(o, "v") !== UNIT_SUMMARY_VERSION || own(o, "unitId") !== unitId) return undefined;
  const plansRaw = own(o, "plans");
  const cellsRaw = own(o, "cells");
  const stoppedRaw = own(o, "stopped");
  const dueRaw = own(o, "due");
  const initiatives = countsOf(own(o, "initiatives"), INITIATIVE_STATUSES);
  const tasks = countsOf(own(o, "tasks"), TASK_STATUSES);
  if (!Array.isArray(plansRaw) || !Array.isArray(dueRaw) || !initiatives || !tasks) return undefined;
  if (!cellsRaw || typeof cellsRaw !== "object" || !stoppedRaw || typeof stoppedRaw !== "object") return undefined;
  const plans: [number, string, string][] = [];
  for (const plan of plansRaw) {
    if (!Array.isArray(plan) || plan.length !== 3 || !isCount(plan[0]) || typeof plan[1] !== "string" || typeof plan[2] !== "string") return undefined;
    plans.push([plan[0], plan[1], plan[2]]);
  }
  const cells = dict<Dict<ICellSummary>>();
  for (const planId of Object.keys(cellsRaw)) {
    const byAmbition = own(cellsRaw as Record<string, unknown>, planId);
    if (!byAmbition || typeof byAmbition !== "object") return undefined;
    const parsed = dict<ICellSummary>();
    for (const key of Object.keys(byAmbition)) {
      const cell = cellOf(own(byAmbition as Record<string, unknown>, key));
      if (!cell) return undefined;
      parsed[key] = cell;
    }
    cells[planId] = parsed;
  }
  const stopped = dict<number>();
  for (const planId of Object.keys(stoppedRaw)) {
    const count = own(stoppedRaw as Record<string, unknown>, planId);
    if (!isCount(count)) return undefined;
    stopped[planId] = count;
  }
  if (!dueRaw.every((d, i) => typeof d === "number" && Number.isInteger(d) && (i === 0 || d >= 0))) return undefined;
  return { v: UNIT_SUMMARY_VERSION, unitId, plans, cells, initiatives, stopped, tasks, due: dueRaw as number[] };
}

// ---------------------------------------------------------------------------------------------------
// The overview from the summaries.

/**
 * The overview from the summaries: `IOverview` without its two lists (`overdueTasks`,
 * `stoppedInitiatives` are read on demand; a view that has them, e.g. a test's, may carry them).
 */
export interface ISummaryOverview extends Omit<IOverview, "overdueTasks" | "stoppedInitiatives"> {
  overdueTasks?: IOverview["overdueTasks"];
  stoppedInitiatives?: IOverview["stoppedInitiatives"];
  /** Open tasks past their due date (the tasks themselves are read on demand). */
  overdueCount: number;
  /** Per unit with overdue tasks: how many. */
  overdueByUnit: Dict<number>;
  /** Stopped initiatives of the current plans (read on demand). */
  stoppedCount: number;
  /** The current plan of each unit that has stopped initiatives in it. */
  stoppedPlanIds: number[];
  /**
   * Units without a usable summary (none kept yet, or kept for a plan that is no longer the current
   * one): their cells are empty until one of their rows is saved or the summaries are rebuilt.
   */
  missingUnits: number[];
}

function trendAt(steps: readonly [IsoDate, Trend][] | undefined, since: IsoDate | undefined): Trend {
  if (!since || !steps) return "unknown";
  let trend: Trend = "unknown";
  for (const [date, value] of steps) {
    if (compareIsoDates(date, since) > 0) break;
    trend = value;
  }
  return trend;
}

function emptyCounts<K extends string>(keys: readonly K[]): Record<K, number> {
  const out = dict<number>() as Record<K, number>;
  for (const key of keys) out[key] = 0;
  return out;
}

function addCounts<K extends string>(into: Record<K, number>, counts: Partial<Record<K, number>>, keys: readonly K[]): void {
  for (const key of keys) into[key] += counts[key] || 0;
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
  const todayDay = daysBetween(EPOCH, today(options.now));
  const plansByStatus = emptyCounts(PLAN_STATUSES);
  const initiativesByStatus = emptyCounts(INITIATIVE_STATUSES);
  const tasksByStatus = emptyCounts(TASK_STATUSES);
  const overdueByUnit = dict<number>();
  const stoppedPlanIds: number[] = [];
  const missingUnits: number[] = [];
  let overdueCount = 0;
  let stoppedCount = 0;
  const currentPlans = new Map<number, { planId: number; cells: Dict<ICellSummary> | undefined }>();

  summaries.forEach((summary, unitId) => {
    for (const [, , status] of summary.plans) if (own(plansByStatus, status) !== undefined) plansByStatus[status as PlanStatus]++;
    addCounts(initiativesByStatus, summary.initiatives, INITIATIVE_STATUSES);
    addCounts(tasksByStatus, summary.tasks, TASK_STATUSES);
    let day = 0;
    let overdue = 0;
    for (let i = 0; i < summary.due.length; i++) {
      day = i === 0 ? summary.due[0] : day + summary.due[i];
      if (day >= todayDay) break;
      overdue++;
    }
    if (overdue > 0) overdueByUnit[unitId] = overdue;
    overdueCount += overdue;
    const plans: IPlan[] = summary.plans.map(([id, period, status]) => ({ id, unitId, period, status }) as IPlan);
    const current = pickCurrentPlan(plans, options.now);
    if (!current) return;
    const planId = current.id as number;
    const cells = own(summary.cells, planId);
    currentPlans.set(unitId, { planId, cells });
    const stopped = own(summary.stopped, planId) || 0;
    if (stopped > 0) stoppedPlanIds.push(planId);
    stoppedCount += stopped;
  });

  const storyCounts = dict<number>();
  for (const ambition of AMBITIONS) storyCounts[ambition.key] = 0;
  for (const key of Object.keys(storiesByAmbition)) storyCounts[key] = own(storiesByAmbition, key) || 0;

  const rows = units.map((unit) => {
    const unitId = unit.id === undefined ? -1 : unit.id;
    const current = currentPlans.get(unitId);
    if (!summaries.has(unitId) || (current && !current.cells)) missingUnits.push(unitId);
    return {
      unit,
      cells: AMBITIONS.map((ambition): IOverviewCell => {
        const stored = current && current.cells ? own(current.cells, ambition.key) : undefined;
        const byStatus = emptyCounts(INITIATIVE_STATUSES);
        if (stored) addCounts(byStatus, stored.s, INITIATIVE_STATUSES);
        const cell: IOverviewCell = {
          unitId,
          ambitionKey: ambition.key,
          initiativeCount: stored && stored.n !== undefined ? stored.n : INITIATIVE_STATUSES.reduce((sum, status) => sum + byStatus[status], 0),
          activeInitiativeCount: byStatus.planned + byStatus.inProgress,
          initiativesByStatus: byStatus,
          trend: trendAt(stored && stored.t, since),
        };
        if (current) cell.planId = current.planId;
        cell.relevance = stored ? stored.r : undefined;
        if (stored && stored.h) {
          cell.latestHealth = stored.h[1] as Health;
          cell.latestCheckInDate = stored.h[0];
        }
        if (stored && stored.w) cell.worstHealth = stored.w;
        return cell;
      }),
    };
  });

  return {
    rows,
    plansByStatus,
    initiativesByStatus,
    tasksByStatus,
    storiesByAmbition: storyCounts,
    overdueCount,
    overdueByUnit,
    stoppedCount,
    stoppedPlanIds,
    missingUnits,
  };
}

/** The day number `summarizeUnit` stores for a date (exported for tests). */
export function dueDay(date: IsoDate): number {
  return daysBetween(EPOCH, date);
}

/** The date of a stored day number (exported for tests). */
export function dayDate(day: number): IsoDate {
  return addDays(EPOCH, day);
}
