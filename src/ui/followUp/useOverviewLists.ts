import * as React from 'react';
import { today } from '../../domain/dates';
import type { IFollowUpTask, IInitiative } from '../../domain/model';
import type { IFollowUpView, IPersonValue, IViewRepository } from '../../data/repositories/types';
import { overdueDelta, overdueTasks, type ITaskEdits } from './followUpModel';

/** A list read when someone asks for it. */
export type OnDemand<T> =
  | { status: 'idle' }
  | { status: 'loading' }
  | { status: 'ready'; items: readonly T[] }
  | { status: 'error'; error: unknown };

/** The overview's two lists (overdue tasks, stopped initiatives): their counts, and the lists once read. */
export interface IOverviewLists {
  /** The overdue tasks once known, this session's saves folded in (most overdue first). */
  overdue: OnDemand<IFollowUpTask>;
  /** How many tasks are overdue: the list's length once known, the view's count before. */
  overdueCount: number;
  /** Whether the overdue tasks were read whole (on demand), not with the view's few columns. */
  overdueWhole: boolean;
  stopped: OnDemand<IInitiative>;
  stoppedCount: number;
  /** Reads the overdue tasks (nothing when they are known or being read). */
  loadOverdue(): void;
  loadStopped(): void;
}

/** What the view says of a list: its count, and the list itself when it carries it. */
export interface IViewList<T> {
  count: number;
  /** The list when the first view read it (then there is nothing to load). */
  items?: readonly T[];
}

/** Options of {@link useOverviewLists}. */
export interface IOverviewListsOptions {
  view: IFollowUpView;
  views: Pick<IViewRepository, 'loadOverdueTasks' | 'loadStoppedInitiatives'>;
  overdue: IViewList<IFollowUpTask>;
  stopped: IViewList<IInitiative>;
  edits: ITaskEdits;
  now: Date;
  /** Assignees of the tasks read (their names, for the cards). */
  rememberPeople(people: readonly IPersonValue[]): void;
  /** Stopped initiatives read (their titles, for tasks about them). */
  rememberInitiatives(initiatives: readonly IInitiative[]): void;
}

type Loaded<T> =
  | { status: 'idle' }
  | { status: 'loading'; view: IFollowUpView }
  | { status: 'ready'; items: readonly T[]; view: IFollowUpView }
  | { status: 'error'; error: unknown; view: IFollowUpView };

/** The units the overview shows (their overdue tasks are the list). */
export function overviewUnitIds(view: IFollowUpView): number[] {
  // The units the view counted overdue tasks in (the summaries say which); every unit when it does not say.
  const byUnit = view.overview.overdueByUnit;
  return view.units
    .map((unit) => unit.id)
    .filter((id): id is number => id !== undefined && (!byUnit || (byUnit[id] || 0) > 0));
}

/** Each unit's current plan (its stopped initiatives are the list). */
export function overviewPlanIds(view: IFollowUpView): number[] {
  // The current plans with stopped initiatives, as the summaries counted them.
  if (view.overview.stoppedPlanIds) return view.overview.stoppedPlanIds.slice();
  const ids: number[] = [];
  for (const row of view.overview.rows) {
    const planId = row.cells.length > 0 ? row.cells[0].planId : undefined;
    if (planId !== undefined && ids.indexOf(planId) < 0) ids.push(planId);
  }
  return ids;
}

/**
 * One on-demand list: idle until `load`, read again when the view is read again (another baseline,
 * after "Klargør site") if it had been asked for, since the units and plans may have changed.
 */
function useOnDemand<T>(
  view: IFollowUpView,
  read: (view: IFollowUpView) => Promise<readonly T[]>,
): [Loaded<T>, () => void] {
  const [state, setState] = React.useState<Loaded<T>>({ status: 'idle' });
  const mounted = React.useRef(true);
  React.useEffect(() => () => void (mounted.current = false), []);
  const readRef = React.useRef(read);
  readRef.current = read;
  const stateRef = React.useRef(state);
  stateRef.current = state;
  const start = React.useCallback((forView: IFollowUpView) => {
    const loading: Loaded<T> = { status: 'loading', view: forView };
    stateRef.current = loading;
    setState(loading);
    const settle = (next: Loaded<T>): void => {
      if (mounted.current)
        setState((current) => (current.status === 'loading' && current.view === forView ? next : current));
    };
    readRef.current(forView).then(
      (items) => settle({ status: 'ready', items, view: forView }),
      (error: unknown) => settle({ status: 'error', error, view: forView }),
    );
  }, []);
  const asked = state.status !== 'idle';
  const stale = asked && state.view !== view;
  React.useEffect(() => {
    if (stale) start(view);
  }, [stale, view, start]);
  const load = React.useCallback(() => {
    const current = stateRef.current;
    if ((current.status === 'loading' || current.status === 'ready') && current.view === view) return;
    start(view);
  }, [view, start]);
  return [state, load];
}

/**
 * The overview's lists: shown at once when the first view carries them, otherwise read on request
 * ("Vis opgaverne over fristen", the status report) through the view repository — a chunk of its own.
 */
export function useOverviewLists(options: IOverviewListsOptions): IOverviewLists {
  const { view, views, edits, now, rememberPeople, rememberInitiatives } = options;
  const [overdueRead, loadOverdue] = useOnDemand<IFollowUpTask>(view, async (forView) => {
    const result = await views.loadOverdueTasks(overviewUnitIds(forView), today(now));
    const people: IPersonValue[] = Object.keys(result.people).map((id) => ({
      id: Number(id),
      title: result.people[Number(id)].displayName,
      email: '',
    }));
    if (people.length > 0) rememberPeople(people);
    return result.tasks;
  });
  const [stoppedRead, loadStopped] = useOnDemand<IInitiative>(view, async (forView) => {
    const initiatives = await views.loadStoppedInitiatives(overviewPlanIds(forView));
    rememberInitiatives(initiatives);
    return initiatives;
  });

  const preOverdue = options.overdue.items;
  const overdueItems = preOverdue ?? (overdueRead.status === 'ready' ? overdueRead.items : undefined);
  const overdueWithEdits = React.useMemo(
    () => (overdueItems ? overdueTasks(overdueItems, edits, now) : undefined),
    [overdueItems, edits, now],
  );
  const stoppedItems = options.stopped.items ?? (stoppedRead.status === 'ready' ? stoppedRead.items : undefined);

  return {
    overdue: overdueWithEdits ? { status: 'ready', items: overdueWithEdits } : plain(overdueRead),
    overdueCount: overdueWithEdits
      ? overdueWithEdits.length
      : Math.max(0, options.overdue.count + overdueDelta(edits, now)),
    overdueWhole: !preOverdue,
    stopped: stoppedItems ? { status: 'ready', items: stoppedItems } : plain(stoppedRead),
    stoppedCount: stoppedItems ? stoppedItems.length : options.stopped.count,
    loadOverdue: preOverdue ? noop : loadOverdue,
    loadStopped: options.stopped.items ? noop : loadStopped,
  };
}

function noop(): void {
  // The list is in the view.
}

function plain<T>(state: Loaded<T>): OnDemand<T> {
  switch (state.status) {
    case 'ready':
      return { status: 'ready', items: state.items };
    case 'error':
      return { status: 'error', error: state.error };
    case 'loading':
      return { status: 'loading' };
    default:
      return { status: 'idle' };
  }
}
