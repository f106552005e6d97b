/**
 * The chefgruppe's overview: every unit × ambition at a glance (relevance, initiatives, health,
 * trend), counters by status and the overdue tasks. Pure and linear in the size of the input, so it
 * can run over a whole municipality's lists in the browser.
 */
import { AMBITION_LIST } from './ambitionTitles';
import { compareIsoDates, isValidIsoDate } from './dates';
import {
  INITIATIVE_STATUSES,
  PLAN_STATUSES,
  TASK_STATUSES,
  type Health,
  type ICheckIn,
  type IFollowUpTask,
  type IInitiative,
  type InitiativeStatus,
  type IPlan,
  type IPlanFocus,
  type IStory,
  type IsoDate,
  type IUnit,
  type PlanStatus,
  type Relevance,
  type TaskStatus,
  type Trend,
} from './model';
import { copenhagenYear, isBetterPlan, pickCurrentPlan, pickPlanToShow } from './currentPlan';
import { isInitiativeActive, isOverdue, publishingState } from './workflow';

export { pickCurrentPlan, pickPlanToShow };
import { dict, own } from './dict';

export interface IOverviewInput {
  /** The rows, in the order they are shown. */
  units: readonly IUnit[];
  plans: readonly IPlan[];
  focuses: readonly IPlanFocus[];
  initiatives: readonly IInitiative[];
  checkIns: readonly ICheckIn[];
  tasks: readonly IFollowUpTask[];
  stories?: readonly IStory[];
}

export interface IOverviewOptions {
  /** The instant the overview is made (decides the current plan and what is overdue). */
  now: Date;
  /** Compare health with how it was on this date (e.g. the last follow-up meeting). */
  since?: IsoDate;
}

/** One unit × ambition. */
export interface IOverviewCell {
  unitId: number;
  ambitionKey: string;
  /** The unit's current plan (see `pickCurrentPlan`), if it has one. */
  planId?: number;
  /** The relevance the plan gives the ambition; undefined when not yet decided. */
  relevance?: Relevance;
  /** All the plan's initiatives under this ambition. */
  initiativeCount: number;
  /** Planned or in progress. */
  activeInitiativeCount: number;
  initiativesByStatus: Record<InitiativeStatus, number>;
  /** Health of the newest check-in on any of the cell's initiatives that are not stopped. */
  latestHealth?: Health;
  latestCheckInDate?: IsoDate;
  /** The worst of each not-stopped initiative's newest health — the one to look at first. */
  worstHealth?: Health;
  /** How health has moved since `since`, over the initiatives that had a check-in by then. */
  trend: Trend;
}

export interface IOverviewRow {
  unit: IUnit;
  /** One cell per ambition, in the strategy's order. */
  cells: IOverviewCell[];
}

export interface IOverview {
  rows: IOverviewRow[];
  plansByStatus: Record<PlanStatus, number>;
  initiativesByStatus: Record<InitiativeStatus, number>;
  tasksByStatus: Record<TaskStatus, number>;
  /** Not closed and past their due date, the most overdue first. */
  overdueTasks: IFollowUpTask[];
  /** Stopped initiatives of the current plans — what we had the courage to stop, and why. */
  stoppedInitiatives: IInitiative[];
  /** Published stories per ambition key. */
  storiesByAmbition: Record<string, number>;
}

const HEALTH_SCORE: Record<Health, number> = { red: 0, yellow: 1, green: 2 };

function zeroCounts<K extends string>(keys: readonly K[]): Record<K, number> {
  const counts = dict<number>() as Record<K, number>;
  for (const key of keys) counts[key] = 0;
  return counts;
}

/** Whether check-in a is newer than b (by date, then by id for two on the same day). */
function isNewer(a: ICheckIn, b: ICheckIn | undefined): boolean {
  if (!b) return true;
  const byDate = compareIsoDates(a.date, b.date);
  if (byDate !== 0) return byDate > 0;
  return (a.id || 0) > (b.id || 0);
}

function cellKey(unitId: number, ambitionKey: string): string {
  return `${unitId}|${ambitionKey}`;
}

interface ICheckInSummary {
  latest?: ICheckIn;
  /** The newest check-in on or before `since`. */
  atSince?: ICheckIn;
}

function mean(values: number[]): number {
  let sum = 0;
  for (const v of values) sum += v;
  return sum / values.length;
}

/** Builds the overview. Counters count everything passed in; cells use each unit's current plan only. */
export function buildOverview(input: IOverviewInput, options: IOverviewOptions): IOverview {
  const { now } = options;
  const since = options.since && isValidIsoDate(options.since) ? options.since : undefined;
  const year = copenhagenYear(now);

  // Counters and the current plan per unit.
  const plansByStatus = zeroCounts(PLAN_STATUSES);
  const currentPlanByUnit = new Map<number, IPlan>();
  for (const plan of input.plans) {
    if (own(plansByStatus, plan.status) !== undefined) plansByStatus[plan.status]++;
    if (isBetterPlan(plan, currentPlanByUnit.get(plan.unitId), year)) currentPlanByUnit.set(plan.unitId, plan);
  }
  const currentPlanById = new Map<number, IPlan>();
  currentPlanByUnit.forEach((plan) => {
    if (plan.id !== undefined) currentPlanById.set(plan.id, plan);
  });

  // A plan with two focus rows for one ambition (two saves that raced): the newest row counts.
  const relevanceByCell = new Map<string, Relevance>();
  const focusIdByCell = new Map<string, number>();
  for (const focus of input.focuses) {
    const plan = currentPlanById.get(focus.planId);
    if (!plan) continue;
    const key = cellKey(plan.unitId, focus.ambitionKey);
    const seen = focusIdByCell.get(key);
    if (seen !== undefined && seen > (focus.id || 0)) continue;
    focusIdByCell.set(key, focus.id || 0);
    relevanceByCell.set(key, focus.relevance);
  }

  // Newest check-in per initiative, and the newest as of `since`.
  const checkInsByInitiative = new Map<number, ICheckInSummary>();
  for (const checkIn of input.checkIns) {
    if (!isValidIsoDate(checkIn.date)) continue;
    let summary = checkInsByInitiative.get(checkIn.initiativeId);
    if (!summary) checkInsByInitiative.set(checkIn.initiativeId, (summary = {}));
    if (isNewer(checkIn, summary.latest)) summary.latest = checkIn;
    if (since && compareIsoDates(checkIn.date, since) <= 0 && isNewer(checkIn, summary.atSince))
      summary.atSince = checkIn;
  }

  // Initiatives into cells.
  const initiativesByStatus = zeroCounts(INITIATIVE_STATUSES);
  const cells = new Map<string, IOverviewCell>();
  const trendScores = new Map<string, { then: number[]; now: number[] }>();
  const worstScore = new Map<string, number>();
  const latestInCell = new Map<string, ICheckIn>();
  const stoppedInitiatives: IInitiative[] = [];

  for (const initiative of input.initiatives) {
    if (own(initiativesByStatus, initiative.status) !== undefined) initiativesByStatus[initiative.status]++;
    const plan = currentPlanById.get(initiative.planId);
    if (!plan) continue;
    if (initiative.status === 'stopped') stoppedInitiatives.push(initiative);

    // The cell is the plan's unit: a plan's initiatives count where the plan belongs.
    const key = cellKey(plan.unitId, initiative.ambitionKey);
    let cell = cells.get(key);
    if (!cell) cells.set(key, (cell = emptyCell(plan.unitId, initiative.ambitionKey)));
    cell.initiativeCount++;
    if (own(cell.initiativesByStatus, initiative.status) !== undefined) cell.initiativesByStatus[initiative.status]++;
    if (isInitiativeActive(initiative.status)) cell.activeInitiativeCount++;

    if (initiative.status === 'stopped' || initiative.id === undefined) continue;
    const summary = checkInsByInitiative.get(initiative.id);
    if (!summary || !summary.latest) continue;
    const latest = summary.latest;
    if (isNewer(latest, latestInCell.get(key))) latestInCell.set(key, latest);
    const score = own(HEALTH_SCORE, latest.health);
    // A health SharePoint holds but the product does not know: like no check-in.
    if (score === undefined) continue;
    const worst = worstScore.get(key);
    if (worst === undefined || score < worst) worstScore.set(key, score);
    const then = summary.atSince ? own(HEALTH_SCORE, summary.atSince.health) : undefined;
    if (then !== undefined) {
      let scores = trendScores.get(key);
      if (!scores) trendScores.set(key, (scores = { then: [], now: [] }));
      scores.then.push(then);
      scores.now.push(score);
    }
  }

  const rows: IOverviewRow[] = input.units.map((unit) => ({
    unit,
    cells: AMBITION_LIST.map((ambition) => {
      const unitId = unit.id === undefined ? -1 : unit.id;
      const key = cellKey(unitId, ambition.key);
      const cell = cells.get(key) || emptyCell(unitId, ambition.key);
      const plan = currentPlanByUnit.get(unitId);
      if (plan) cell.planId = plan.id;
      cell.relevance = relevanceByCell.get(key);
      const latest = latestInCell.get(key);
      if (latest) {
        cell.latestHealth = latest.health;
        cell.latestCheckInDate = latest.date;
      }
      const worst = worstScore.get(key);
      if (worst !== undefined) cell.worstHealth = healthOfScore(worst);
      const scores = trendScores.get(key);
      cell.trend = !since || !scores ? 'unknown' : compareScores(mean(scores.then), mean(scores.now));
      return cell;
    }),
  }));

  const tasksByStatus = zeroCounts(TASK_STATUSES);
  const overdueTasks: IFollowUpTask[] = [];
  for (const task of input.tasks) {
    if (own(tasksByStatus, task.status) !== undefined) tasksByStatus[task.status]++;
    if (isOverdue(task, now)) overdueTasks.push(task);
  }
  overdueTasks.sort((a, b) => compareIsoDates(a.dueDate, b.dueDate));

  const storiesByAmbition = dict<number>();
  for (const ambition of AMBITION_LIST) storiesByAmbition[ambition.key] = 0;
  for (const story of input.stories || []) {
    if (publishingState(story.moderationStatus) !== 'approved') continue;
    storiesByAmbition[story.ambitionKey] = (storiesByAmbition[story.ambitionKey] || 0) + 1;
  }

  return {
    rows,
    plansByStatus,
    initiativesByStatus,
    tasksByStatus,
    overdueTasks,
    stoppedInitiatives,
    storiesByAmbition,
  };
}

function emptyCell(unitId: number, ambitionKey: string): IOverviewCell {
  return {
    unitId,
    ambitionKey,
    initiativeCount: 0,
    activeInitiativeCount: 0,
    initiativesByStatus: zeroCounts(INITIATIVE_STATUSES),
    trend: 'unknown',
  };
}

function healthOfScore(score: number): Health {
  return score <= 0 ? 'red' : score === 1 ? 'yellow' : 'green';
}

function compareScores(then: number, now: number): Trend {
  const difference = now - then;
  if (Math.abs(difference) < 1e-9) return 'same';
  return difference > 0 ? 'better' : 'worse';
}
