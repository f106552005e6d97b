import * as React from 'react';
import type { ICheckIn, IInitiative, IPlan, IPlanFocus } from '../../domain/model';
import type { IPlanView, IPlanViewQuery, IUnitItem } from '../../data/repositories/types';
import { useServices } from '../shell/services';

/** Where loading the plan view stands. */
export type PlanViewState =
  { status: 'loading' } | { status: 'failed'; error: unknown } | { status: 'ready'; view: IPlanView };

/** What {@link usePlanView} hands back. */
export interface IPlanViewHandle {
  state: PlanViewState;
  /** Loads the view again (after "Klargør site", or "Prøv igen"). */
  reload(): void;
  /** Applies a saved change to the view in place — no second round trip after a save. */
  patch(change: (view: IPlanView) => IPlanView): void;
}

/** Which of the unit's plans to show (see `IPlanViewQuery`); neither means the current plan. */
export interface IPlanChoice {
  /** A plan the reader chose (an earlier period). */
  planId?: number;
  /** The initiative a link points to: its plan is shown. */
  initiativeId?: number;
}

/**
 * The plan view of a unit in ONE call (`loadPlanView`, one `$batch`). Without a unit (`undefined`),
 * the call still brings the units, the schema status and the permissions the pickers need. In a
 * Teams channel tab, `channelId` goes along with the remembered unit: the data layer then finds the
 * channel's unit itself (`view.unit`), and adopting that unit afterwards reads nothing again.
 */
export function usePlanView(unitId: number | undefined, channelId?: string, which: IPlanChoice = {}): IPlanViewHandle {
  const services = useServices();
  const [state, setState] = React.useState<PlanViewState>({ status: 'loading' });
  const [generation, setGeneration] = React.useState(0);
  // What the view on screen was read for: a channel's unit found by the data layer needs no second read.
  const loaded = React.useRef<{ channelId?: string; unitId?: number; planId?: number; generation: number }>();
  const { planId, initiativeId } = which;

  React.useEffect(() => {
    const last = loaded.current;
    if (
      last &&
      channelId &&
      last.channelId === channelId &&
      last.unitId === unitId &&
      last.planId === planId &&
      last.generation === generation
    )
      return;
    let active = true;
    setState({ status: 'loading' });
    // Unit 0 matches no rows: the view then carries only what every unit shares.
    const query: IPlanViewQuery = channelId
      ? unitId !== undefined
        ? { channelId, unitId }
        : { channelId }
      : { unitId: unitId ?? 0 };
    if (planId !== undefined) query.planId = planId;
    if (initiativeId !== undefined) query.initiativeId = initiativeId;
    services.views.loadPlanView(query).then(
      (view) => {
        if (!active) return;
        loaded.current = { channelId, unitId: view.unit?.id, planId, generation };
        setState({ status: 'ready', view });
      },
      (error: unknown) => active && setState({ status: 'failed', error }),
    );
    return () => {
      active = false;
    };
    // The linked initiative only picks the first plan shown; following it later reads nothing again.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [services, unitId, channelId, planId, generation]);

  const reload = React.useCallback(() => setGeneration((g) => g + 1), []);
  const patch = React.useCallback((change: (view: IPlanView) => IPlanView) => {
    setState((current) => (current.status === 'ready' ? { status: 'ready', view: change(current.view) } : current));
  }, []);

  return { state, reload, patch };
}

function replaceById<T extends { id?: number }>(items: readonly T[], item: T): T[] {
  const index = items.findIndex((existing) => existing.id === item.id);
  if (index < 0) return items.concat([item]);
  const copy = items.slice();
  copy[index] = item;
  return copy;
}

/** The view with a plan saved (a new current plan, or a changed one). */
export function withPlan(view: IPlanView, plan: IPlan): IPlanView {
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
export function withFocus(view: IPlanView, focus: IPlanFocus): IPlanView {
  const others = view.focuses.filter((f) => f.id !== focus.id && f.ambitionKey !== focus.ambitionKey);
  return { ...view, focuses: others.concat([focus]) };
}

/** The view with an initiative saved. */
export function withInitiative(view: IPlanView, initiative: IInitiative): IPlanView {
  return { ...view, initiatives: replaceById(view.initiatives, initiative) };
}

/** The view with a new check-in (newest first, and the latest per initiative). */
export function withCheckIn(view: IPlanView, checkIn: ICheckIn): IPlanView {
  const checkIns = [checkIn].concat(view.checkIns.filter((c) => c.id !== checkIn.id));
  checkIns.sort((a, b) => (b.date < a.date ? -1 : b.date > a.date ? 1 : (b.id || 0) - (a.id || 0)));
  const latest = checkIns.find((c) => c.initiativeId === checkIn.initiativeId);
  const latestCheckIns = { ...view.latestCheckIns };
  if (latest) latestCheckIns[checkIn.initiativeId] = latest;
  return { ...view, checkIns, latestCheckIns };
}

/** The view with one more comment counted on an initiative. */
export function withCommentCounted(view: IPlanView, initiativeId: number): IPlanView {
  return {
    ...view,
    commentCounts: { ...view.commentCounts, [initiativeId]: (view.commentCounts[initiativeId] || 0) + 1 },
  };
}

/** The view with a unit saved (e.g. a channel mapped to it). */
export function withUnit(view: IPlanView, unit: IUnitItem): IPlanView {
  return {
    ...view,
    units: replaceById(view.units, unit),
    unit: view.unit && view.unit.id === unit.id ? unit : view.unit,
  };
}
