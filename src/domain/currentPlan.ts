/**
 * Which of a unit's plans is the current one. Its own module: the follow-up view's first view needs
 * it (to read the summaries) without the whole row-by-row overview.
 */
import { toIsoDate } from './dates';
import { own } from './dict';
import type { IPlan, PlanStatus } from './model';
import { parsePeriod } from './periods';

const STATUS_RANK: Record<PlanStatus, number> = { followUp: 3, approved: 2, draft: 1, closed: 0 };

/** Ranks a plan for "current": covers this year, then furthest along, then the latest period. */
function planScore(plan: IPlan, year: number): [number, number, number] {
  const period = parsePeriod(plan.period);
  const covers = period !== undefined && period.from <= year && year <= period.to ? 1 : 0;
  return [covers, own(STATUS_RANK, plan.status) || 0, period ? period.from : 0];
}

export function isBetterPlan(a: IPlan, b: IPlan | undefined, year: number): boolean {
  if (!b) return true;
  const sa = planScore(a, year);
  const sb = planScore(b, year);
  for (let i = 0; i < sa.length; i++) if (sa[i] !== sb[i]) return sa[i] > sb[i];
  // Two plans alike in all of that: the newest, whatever order the rows came in.
  return (a.id || 0) > (b.id || 0);
}

/**
 * The plan to show for a unit: the one whose period covers the current year (in Copenhagen, at
 * `now`), preferring follow-up over approved over draft over closed, then the latest period, then the
 * newest.
 */
export function pickCurrentPlan(plans: readonly IPlan[], now: Date): IPlan | undefined {
  const year = copenhagenYear(now);
  let best: IPlan | undefined;
  for (const plan of plans) if (isBetterPlan(plan, best, year)) best = plan;
  return best;
}

/**
 * The plan to show: the first of `preferred` (plan ids, e.g. a period the reader chose, then the plan
 * of a linked initiative) that is one of the unit's plans, else the current plan.
 */
export function pickPlanToShow(
  plans: readonly IPlan[],
  now: Date,
  preferred: ReadonlyArray<number | undefined>,
): IPlan | undefined {
  for (const id of preferred) {
    const found = id !== undefined ? plans.find((plan) => plan.id === id) : undefined;
    if (found) return found;
  }
  return pickCurrentPlan(plans, now);
}

export function copenhagenYear(now: Date): number {
  return Number(toIsoDate(now).slice(0, 4));
}
