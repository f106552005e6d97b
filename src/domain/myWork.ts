/**
 * "Mine opgaver": what needs a person this week, for the Viva Connections card — their open follow-up tasks
 * (and which are over the deadline), their initiatives without a statusmelding for 14 days, when the next
 * statusmelding falls due, and how many entries of "Nyt til dig" they have not read. The rules are the
 * reminders' own (`taskReminder`, `checkInReminder` in `notifications.ts`), so the card, the bell and the
 * Monday flow never disagree about what is over the deadline or silent.
 */
import { addDays, compareIsoDates } from './dates';
import type { IsoDate } from './model';
import {
  CHECK_IN_SILENCE_DAYS,
  checkInReminder,
  taskReminder,
  type INotificationTarget,
  type IReminderInitiative,
} from './notifications';

/** The card's quick view lists at most this many items (longer lists freeze Viva Connections; the tab has the rest). */
export const MY_WORK_ITEMS = 10;

/** A task assigned to the person, as the card reads it (no deadline is allowed). */
export interface IMyTask {
  id: number;
  title: string;
  unitId: number;
  dueDate?: IsoDate;
  status: string;
}

/** What an item of the list is: a task (over the deadline or not) or an initiative waiting for its statusmelding. */
export type MyWorkItemKind = 'taskOverdue' | 'task' | 'checkInDue';

/** One line of the quick view. */
export interface IMyWorkItem {
  kind: MyWorkItemKind;
  title: string;
  /** The task's deadline, or the day the initiative's statusmelding fell due; none for a task without a deadline. */
  due?: IsoDate;
  target: INotificationTarget;
}

/** The card's figures and list for one person on one day. */
export interface IMyWork {
  openTasks: number;
  overdueTasks: number;
  /** Initiatives of theirs without a statusmelding for {@link CHECK_IN_SILENCE_DAYS} days. */
  silentInitiatives: number;
  /** The earliest day a statusmelding falls due on one of their other active initiatives. */
  nextCheckIn?: IsoDate;
  /** Unread entries of "Nyt til dig"; undefined where the site has no "Nyt til dig" (before schema v7). */
  unread?: number;
  /** The most pressing first: earliest date first (so everything over the deadline leads), undated last. */
  items: IMyWorkItem[];
  /** How many items there are in all (the list shows {@link MY_WORK_ITEMS}). */
  total: number;
  /** False when a read came back full: the figures are "at least". */
  complete: boolean;
}

/** The person's work from their tasks and initiatives (already filtered to theirs) on `today`. */
export function myWorkOf(
  tasks: readonly IMyTask[],
  initiatives: readonly IReminderInitiative[],
  today: IsoDate,
  extra: { unread?: number; complete?: boolean } = {},
): IMyWork {
  const items: IMyWorkItem[] = [];
  let overdueTasks = 0;
  const open = tasks.filter((task) => task.status !== 'closed');
  for (const task of open) {
    const reminder = task.dueDate ? taskReminder({ ...task, dueDate: task.dueDate }, today) : undefined;
    const overdue = reminder?.kind === 'taskOverdue';
    if (overdue) overdueTasks++;
    items.push({
      kind: overdue ? 'taskOverdue' : 'task',
      title: task.title,
      due: task.dueDate,
      target: { type: 'task', id: task.id, unitId: task.unitId },
    });
  }
  let silentInitiatives = 0;
  let nextCheckIn: IsoDate | undefined;
  for (const initiative of initiatives) {
    if (initiative.status === 'completed' || initiative.status === 'stopped') continue;
    const due = addDays(initiative.lastCheckIn ?? initiative.created, CHECK_IN_SILENCE_DAYS);
    const reminder = checkInReminder(initiative, today);
    if (!reminder) {
      if (!nextCheckIn || compareIsoDates(due, nextCheckIn) < 0) nextCheckIn = due;
      continue;
    }
    silentInitiatives++;
    items.push({ kind: 'checkInDue', title: initiative.title, due, target: reminder.target });
  }
  items.sort(byUrgency);
  return {
    openTasks: open.length,
    overdueTasks,
    silentInitiatives,
    nextCheckIn,
    unread: extra.unread,
    items: items.slice(0, MY_WORK_ITEMS),
    total: items.length,
    complete: extra.complete ?? true,
  };
}

/** Earliest date first, undated last; then by title, so the order is the same on every device. */
function byUrgency(a: IMyWorkItem, b: IMyWorkItem): number {
  if (a.due && b.due) {
    const byDate = compareIsoDates(a.due, b.due);
    if (byDate !== 0) return byDate;
  } else if (a.due || b.due) {
    return a.due ? -1 : 1;
  }
  return a.title.localeCompare(b.title, 'da') || a.target.id - b.target.id;
}
