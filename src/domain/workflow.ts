/**
 * The rules of how things move: plan, initiative and task statuses, overdue tasks, a story's
 * publishing state and the one-recognition-per-person key.
 */
import { newClientKey } from './clientKey';
import { own } from './dict';
import { compareIsoDates, daysBetween, isValidIsoDate, today } from './dates';
import type {
  IFollowUpTask,
  IRecognition,
  InitiativeStatus,
  IsoDate,
  PlanStatus,
  PublishingState,
  TaskStatus,
} from './model';

// ---------------------------------------------------------------------------------------------
// Plans
// ---------------------------------------------------------------------------------------------

/**
 * Allowed plan status changes:
 * - kladde → godkendt: the leader group agrees on the plan.
 * - godkendt → kladde: reopened for changes before follow-up has started.
 * - godkendt → opfølgning: the plan is being worked and followed up.
 * - opfølgning → afsluttet: the period is over.
 * - afsluttet → opfølgning: undo a plan closed too early.
 * Not allowed: opfølgning → godkendt/kladde. Once follow-up has started the plan changes through its
 * initiatives (new ones, stopped ones — "justere kursen"), so the check-in history keeps its meaning.
 */
const PLAN_TRANSITIONS: Record<PlanStatus, readonly PlanStatus[]> = {
  draft: ['approved'],
  approved: ['followUp', 'draft'],
  followUp: ['closed'],
  closed: ['followUp'],
};

/** Whether a plan may go from one status to another (staying put is not a transition). */
export function canTransition(from: PlanStatus, to: PlanStatus): boolean {
  const allowed = own(PLAN_TRANSITIONS, from);
  return allowed !== undefined && allowed.indexOf(to) >= 0;
}

/** The statuses a plan may go to next, the usual next step first. */
export function nextStatuses(from: PlanStatus): readonly PlanStatus[] {
  return own(PLAN_TRANSITIONS, from) || [];
}

/** A change of a plan's status, by what it does for the people using the plan. */
export type PlanAction = 'approve' | 'startFollowUp' | 'backToDraft' | 'close' | 'reopen';

/** What moving a plan to `to` does (the header names its buttons so). */
export function planAction(to: PlanStatus, from: PlanStatus): PlanAction {
  if (to === 'approved') return 'approve';
  if (to === 'draft') return 'backToDraft';
  if (to === 'closed') return 'close';
  return from === 'closed' ? 'reopen' : 'startFollowUp';
}

/** A closed plan is history: nothing in it changes. */
export function isPlanReadOnly(status: PlanStatus): boolean {
  return status === 'closed';
}

/** Relevance and local meaning are decided while the plan is a draft. */
export function canEditPlanFocus(status: PlanStatus): boolean {
  return status === 'draft';
}

// ---------------------------------------------------------------------------------------------
// Initiatives
// ---------------------------------------------------------------------------------------------

/**
 * Allowed initiative status changes. Any open initiative may be stopped (with a reason — "mod til at
 * stoppe de ting, der ikke virker"); a stopped or completed one may be taken up again.
 */
const INITIATIVE_TRANSITIONS: Record<InitiativeStatus, readonly InitiativeStatus[]> = {
  planned: ['inProgress', 'completed', 'stopped'],
  inProgress: ['completed', 'stopped', 'planned'],
  completed: ['inProgress'],
  stopped: ['inProgress', 'planned'],
};

/** Whether an initiative may go from one status to another. */
export function canTransitionInitiative(from: InitiativeStatus, to: InitiativeStatus): boolean {
  const allowed = own(INITIATIVE_TRANSITIONS, from);
  return allowed !== undefined && allowed.indexOf(to) >= 0;
}

/** The statuses an initiative may go to next. */
export function nextInitiativeStatuses(from: InitiativeStatus): readonly InitiativeStatus[] {
  return own(INITIATIVE_TRANSITIONS, from) || [];
}

/** Planned and running initiatives are the ones still being worked. */
export function isInitiativeActive(status: InitiativeStatus): boolean {
  return status === 'planned' || status === 'inProgress';
}

// ---------------------------------------------------------------------------------------------
// Follow-up tasks
// ---------------------------------------------------------------------------------------------

/** Allowed task status changes: work starts or pauses freely; a closed task can be reopened. */
const TASK_TRANSITIONS: Record<TaskStatus, readonly TaskStatus[]> = {
  open: ['inProgress', 'closed'],
  inProgress: ['closed', 'open'],
  closed: ['open'],
};

/** Whether a task may go from one status to another. */
export function canTransitionTask(from: TaskStatus, to: TaskStatus): boolean {
  const allowed = own(TASK_TRANSITIONS, from);
  return allowed !== undefined && allowed.indexOf(to) >= 0;
}

/** The statuses a task may go to next. */
export function nextTaskStatuses(from: TaskStatus): readonly TaskStatus[] {
  return own(TASK_TRANSITIONS, from) || [];
}

/**
 * Overdue: not closed, and the due date is before today in Copenhagen. A task due today is not
 * overdue until the day has passed.
 */
export function isOverdue(task: Pick<IFollowUpTask, 'dueDate' | 'status'>, now: Date): boolean {
  return isOverdueOn(task, today(now));
}

/** Overdue on `day`: not closed, and the due date is before that day (the task filter `overdueOn`). */
export function isOverdueOn(task: Pick<IFollowUpTask, 'dueDate' | 'status'>, day: IsoDate): boolean {
  if (task.status === 'closed' || !isValidIsoDate(task.dueDate)) return false;
  return compareIsoDates(task.dueDate, day) < 0;
}

/** How many days past its due date an overdue task is (0 when it is not overdue). */
export function daysOverdue(task: Pick<IFollowUpTask, 'dueDate' | 'status'>, now: Date): number {
  return isOverdue(task, now) ? daysBetween(task.dueDate, today(now)) : 0;
}

// ---------------------------------------------------------------------------------------------
// Stories and recognitions
// ---------------------------------------------------------------------------------------------

/** SharePoint's `_ModerationStatus` values. */
export const MODERATION_STATUS = {
  approved: 0,
  denied: 1,
  pending: 2,
  draft: 3,
  scheduled: 4,
} as const;

/**
 * A story's publishing state from SharePoint's content approval: approved → godkendt, denied →
 * afvist, anything else (pending, draft, scheduled, not yet known) → afventer godkendelse.
 */
export function publishingState(moderationStatus: number | undefined | null): PublishingState {
  if (moderationStatus === MODERATION_STATUS.approved) return 'approved';
  if (moderationStatus === MODERATION_STATUS.denied) return 'rejected';
  return 'pending';
}

/**
 * The key of one person's recognition of one story: the story, the person and a random part. Used as
 * the recognition's `clientKey`, which the list keeps unique, so a retried create cannot make a second
 * row. The random part (fixed before the first attempt) means nobody can guess someone else's key and
 * write it first to block their recognition. One recognition per person is what is *counted*:
 * recognitions count distinct people (`tallyRecognitions`), whatever rows someone writes.
 */
export function recognitionKey(storyId: number, userId: number, random: string = newClientKey()): string {
  return `story-${storyId}-user-${userId}-${random.replace(/-/g, '').slice(0, 24)}`;
}

/** The ids of the stories a person has recognised. */
export function recognisedStoryIds(recognitions: readonly IRecognition[], userId: number): Set<number> {
  const ids = new Set<number>();
  for (const recognition of recognitions) {
    if (recognition.userId === userId) ids.add(recognition.storyId);
  }
  return ids;
}
