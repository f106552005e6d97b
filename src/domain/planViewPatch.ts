/**
 * A saved change applied to the plan view in place, so a save needs no second round trip. Pure, over
 * the parts of the view they touch (structural types: `src/data`'s `IPlanView` fits).
 */
import type { ICheckIn, IInitiative, IPlan, IPlanFocus } from './model';

/** The rows of a plan view that saves change. */
export interface IPlanViewRows {
  plans: IPlan[];
  plan?: IPlan;
  focuses: IPlanFocus[];
  initiatives: IInitiative[];
  checkIns: ICheckIn[];
  latestCheckIns: Record<number, ICheckIn>;
  commentCounts: Record<number, number>;
}

function replaceById<T extends { id?: number }>(items: readonly T[], item: T): T[] {
  const index = items.findIndex((existing) => existing.id === item.id);
  if (index < 0) return items.concat([item]);
  const copy = items.slice();
  copy[index] = item;
  return copy;
}

/** The view with a plan saved (a new current plan, or a changed one). */
export function withPlan<V extends IPlanViewRows>(view: V, plan: IPlan): V {
  const isCurrent = !view.plan || view.plan.id === plan.id;
  if (!isCurrent) return { ...view, plans: replaceById(view.plans, plan) };
  const fresh = view.plan === undefined;
  return {
    ...view,
    plans: replaceById(view.plans, plan),
    plan,
    // A plan that just became current starts with nothing under it.
    focuses: fresh ? [] : view.focuses,
    initiatives: fresh ? [] : view.initiatives,
    checkIns: fresh ? [] : view.checkIns,
    latestCheckIns: fresh ? {} : view.latestCheckIns,
  };
}

/** The view with a focus row saved. */
export function withFocus<V extends IPlanViewRows>(view: V, focus: IPlanFocus): V {
  const others = view.focuses.filter((f) => f.id !== focus.id && f.ambitionKey !== focus.ambitionKey);
  return { ...view, focuses: others.concat([focus]) };
}

/** The view with an initiative saved. */
export function withInitiative<V extends IPlanViewRows>(view: V, initiative: IInitiative): V {
  return { ...view, initiatives: replaceById(view.initiatives, initiative) };
}

/** The view with a new check-in (newest first, and the latest per initiative). */
export function withCheckIn<V extends IPlanViewRows>(view: V, checkIn: ICheckIn): V {
  const checkIns = [checkIn].concat(view.checkIns.filter((c) => c.id !== checkIn.id));
  checkIns.sort((a, b) => (b.date < a.date ? -1 : b.date > a.date ? 1 : (b.id || 0) - (a.id || 0)));
  const latest = checkIns.find((c) => c.initiativeId === checkIn.initiativeId);
  const latestCheckIns = { ...view.latestCheckIns };
  if (latest) latestCheckIns[checkIn.initiativeId] = latest;
  return { ...view, checkIns, latestCheckIns };
}

/** The view with one more comment counted on an initiative. */
export function withCommentCounted<V extends IPlanViewRows>(view: V, initiativeId: number): V {
  return {
    ...view,
    commentCounts: { ...view.commentCounts, [initiativeId]: (view.commentCounts[initiativeId] || 0) + 1 },
  };
}

/** The view with a unit saved (e.g. a channel mapped to it). */
export function withUnit<U extends { id?: number }, V extends { units: U[]; unit?: U }>(view: V, unit: U): V {
  return {
    ...view,
    units: replaceById(view.units, unit),
    unit: view.unit && view.unit.id === unit.id ? unit : view.unit,
  };
}
