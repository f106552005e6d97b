/**
 * Pure helpers of "Opfølgning": folding saved tasks into what the first view returned, grouping the
 * board, filters, meetings and the trend baseline. No React here, so all of it is unit-tested.
 */
import { addDays, compareIsoDates, isValidIsoDate, today } from '../../domain/dates';
import { AMBITION_TITLES } from '../../domain/ambitionTitles';
import { TASK_STATUSES, type IFollowUpTask, type IsoDate, type TaskStatus } from '../../domain/model';
import { isOverdue, isOverdueOn } from '../../domain/workflow';
import type { IAmbition, ITaskFilters, IUnitItem } from '../../data/repositories/types';
import { own } from '../../domain/dict';

/** The tabs of the surface. */
export type FollowUpTab = 'overview' | 'tasks' | 'mine' | 'report' | 'measurements';

/** Days back the overview's trend compares with, until the chefgruppe picks its last meeting (a quarter). */
export const DEFAULT_TREND_DAYS = 91;

/** The baseline of the trend: `days` before today in Copenhagen. */
export function defaultSince(now: Date, days: number = DEFAULT_TREND_DAYS): IsoDate {
  return addDays(today(now), -days);
}

/** A stored baseline if it is a real date not after today, else the default. */
export function sinceOrDefault(stored: string | null | undefined, now: Date): IsoDate {
  return stored && isValidIsoDate(stored) && compareIsoDates(stored, today(now)) <= 0 ? stored : defaultSince(now);
}

/** Orders tasks by due date, then id (as the repository pages them). */
export function byDueDate(a: IFollowUpTask, b: IFollowUpTask): number {
  return compareIsoDates(a.dueDate || '', b.dueDate || '') || (a.id || 0) - (b.id || 0);
}

/** Open and in-progress before closed, then by due date ("Mine opgaver"). */
export function openFirst(a: IFollowUpTask, b: IFollowUpTask): number {
  return (a.status === 'closed' ? 1 : 0) - (b.status === 'closed' ? 1 : 0) || byDueDate(a, b);
}

/** Whether a task passes the board's filters (used for tasks saved here since the page was read). */
export function matchesFilters(task: IFollowUpTask, filters: ITaskFilters): boolean {
  return (
    (filters.unitId === undefined || task.unitId === filters.unitId) &&
    (filters.status === undefined || task.status === filters.status) &&
    (filters.assigneeId === undefined || task.assigneeId === filters.assigneeId) &&
    (!filters.meeting || task.meeting === filters.meeting) &&
    (!filters.overdueOn || isOverdueOn(task, filters.overdueOn))
  );
}

/**
 * What this session saved, on top of what the server returned: `known` has the newest version of
 * every task saved here, `created` the ids of new ones in the order they were made.
 */
export interface ITaskEdits {
  known: Record<number, IFollowUpTask>;
  created: number[];
  /** Change of the counters per status since the view was read. */
  statusDelta: Record<TaskStatus, number>;
  /** Each task saved here as it was before its first save here (null: created here). */
  original: Record<number, IFollowUpTask | null>;
}

export const NO_EDITS: ITaskEdits = {
  known: {},
  created: [],
  statusDelta: { open: 0, inProgress: 0, closed: 0 },
  original: {},
};

/** Records a saved task; `previous` is the version it replaced (none for a new task). */
export function recordSave(edits: ITaskEdits, previous: IFollowUpTask | undefined, saved: IFollowUpTask): ITaskEdits {
  if (saved.id === undefined) return edits;
  const before = previous && previous.id !== undefined ? edits.known[previous.id] || previous : undefined;
  const statusDelta = { ...edits.statusDelta };
  if (before && own(statusDelta, before.status) !== undefined) statusDelta[before.status]--;
  if (own(statusDelta, saved.status) !== undefined) statusDelta[saved.status]++;
  const isNew = !previous && edits.created.indexOf(saved.id) < 0 && !edits.known[saved.id];
  const original = saved.id in edits.original ? edits.original : { ...edits.original, [saved.id]: before || null };
  return {
    known: { ...edits.known, [saved.id]: saved },
    created: isNew ? edits.created.concat(saved.id) : edits.created,
    statusDelta,
    original,
  };
}

/**
 * How many more (or fewer) tasks are overdue because of what was saved here: for the overview's
 * count before its list is read (the view counted the tasks as they were before these saves).
 */
export function overdueDelta(edits: ITaskEdits, now: Date): number {
  let delta = 0;
  for (const id of Object.keys(edits.known)) {
    const before = edits.original[Number(id)];
    delta += (isOverdue(edits.known[Number(id)], now) ? 1 : 0) - (before && isOverdue(before, now) ? 1 : 0);
  }
  return delta;
}

/** A list with the newer versions of tasks saved here swapped in. */
export function applyEdits(tasks: readonly IFollowUpTask[], edits: ITaskEdits): IFollowUpTask[] {
  return tasks.map((task) => (task.id !== undefined && edits.known[task.id]) || task);
}

/**
 * A list with saved versions swapped in, tasks created here that `belongs` to the list added, and
 * tasks that no longer belong removed (e.g. a task moved out of a status filter); sorted by `order`.
 */
export function foldEdits(
  tasks: readonly IFollowUpTask[],
  edits: ITaskEdits,
  belongs: (task: IFollowUpTask) => boolean,
  order: (a: IFollowUpTask, b: IFollowUpTask) => number = byDueDate,
): IFollowUpTask[] {
  const seen = new Set<number>();
  const result: IFollowUpTask[] = [];
  for (const task of tasks) {
    const current = (task.id !== undefined && edits.known[task.id]) || task;
    if (task.id !== undefined) seen.add(task.id);
    if (task.id === undefined || !edits.known[task.id] || belongs(current)) result.push(current);
  }
  const added: IFollowUpTask[] = [];
  for (const id of edits.created) {
    const task = edits.known[id];
    if (task && !seen.has(id) && belongs(task)) added.push(task);
  }
  // A saved task may have a new due date: re-sort whenever anything was saved here.
  return Object.keys(edits.known).length > 0 ? result.concat(added).sort(order) : result;
}

/** The overdue tasks, with saved versions swapped in and new overdue ones added; most overdue first. */
export function overdueTasks(fromView: readonly IFollowUpTask[], edits: ITaskEdits, now: Date): IFollowUpTask[] {
  const seen = new Set<number>();
  const result: IFollowUpTask[] = [];
  const consider = (task: IFollowUpTask): void => {
    if (task.id !== undefined) {
      if (seen.has(task.id)) return;
      seen.add(task.id);
    }
    if (isOverdue(task, now)) result.push(task);
  };
  for (const task of applyEdits(fromView, edits)) consider(task);
  for (const id of Object.keys(edits.known)) consider(edits.known[Number(id)]);
  return result.sort(byDueDate);
}

/** Tasks per status column, in the workflow's order. */
export function groupByStatus(tasks: readonly IFollowUpTask[]): Record<TaskStatus, IFollowUpTask[]> {
  const groups = { open: [], inProgress: [], closed: [] } as Record<TaskStatus, IFollowUpTask[]>;
  for (const task of tasks) {
    // A status SharePoint knows but we do not is shown as open rather than lost.
    const column = TASK_STATUSES.indexOf(task.status) >= 0 ? task.status : 'open';
    groups[column].push(task);
  }
  return groups;
}

/** The distinct meetings named in some task lists, sorted (for suggestions). */
export function knownMeetings(...lists: ReadonlyArray<readonly IFollowUpTask[]>): string[] {
  const names = new Set<string>();
  for (const list of lists)
    for (const task of list) if (task.meeting && task.meeting.trim()) names.add(task.meeting.trim());
  return Array.from(names).sort((a, b) => a.localeCompare(b, 'da'));
}

/** A unit's name by id (or the fallback for an id the view does not know). */
export function unitName(units: readonly IUnitItem[], unitId: number | undefined, fallback: string): string {
  const unit = unitId === undefined ? undefined : units.find((u) => u.id === unitId);
  return unit && unit.name ? unit.name : fallback;
}

/** An ambition's title by key: from the lists, then the strategy text, then the key itself. */
export function ambitionTitle(ambitions: readonly IAmbition[], key: string | undefined): string {
  if (!key) return '';
  const fromLists = ambitions.find((a) => a.key === key);
  if (fromLists && fromLists.title) return fromLists.title;
  return AMBITION_TITLES[key] ?? key;
}

/** Counters per status from the view plus what was saved here. */
export function addDelta(
  counts: Record<TaskStatus, number>,
  delta: Record<TaskStatus, number>,
): Record<TaskStatus, number> {
  const result = {} as Record<TaskStatus, number>;
  for (const status of TASK_STATUSES) result[status] = Math.max(0, (counts[status] || 0) + (delta[status] || 0));
  return result;
}

/** A safe file name part: letters, digits, dashes ("Chefgruppemøde marts 2026" → "Chefgruppemøde-marts-2026"). */
export function fileNamePart(text: string): string {
  return text
    .trim()
    .replace(/[\\/:*?"<>|#%&{}$!'@+`=]/g, '')
    .replace(/\s+/g, '-')
    .slice(0, 60);
}
