/**
 * "Nyt til dig": who hears of what, and the rules that make a person's list — pure, no clock (callers pass
 * `today`/`now`). Events written by the acting person's code (a task assigned, a story approved or sent back,
 * a reply in a dialog, a plan approved, "Send påmindelse") and reminders computed when the list is read
 * (a check-in due, a task due or overdue, recognitions of one's stories). Never the person who acted.
 */
import { addDays, compareIsoDates, daysBetween } from './dates';
import { FOLLOW_UP_TAB_ENTITY_ID, isHttpUrl, PERSONAL_TAB_ENTITY_ID, teamsEntityLink } from './links';
import type { IsoDate } from './model';

/**
 * What a notification is about. Written when someone acts: a task assigned, a story approved or sent back,
 * a reply in a dialog, a plan approved, "Send påmindelse", a recognition (gathered per story on read).
 * Computed on read: a check-in due, a task due soon or overdue.
 */
export const NOTIFICATION_KINDS = [
  'taskAssigned',
  'storyApproved',
  'storyReturned',
  'dialogReply',
  'planApproved',
  'nudge',
  'checkInDue',
  'taskDueSoon',
  'taskOverdue',
  'recognised',
] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

/** The kinds someone's action writes (one row per recipient in "MPK Nyt til dig"). */
export const WRITTEN_KINDS = [
  'taskAssigned',
  'storyApproved',
  'storyReturned',
  'dialogReply',
  'planApproved',
  'nudge',
  'recognised',
] as const;
export type WrittenKind = (typeof WRITTEN_KINDS)[number];
/** The written kinds that are also told in Teams (a recognition is not). */
export type TeamsKind = Exclude<WrittenKind, 'recognised'>;

/** Whether a value is a notification kind (settings and rows are read from lists anyone may write). */
export function isNotificationKind(value: unknown): value is NotificationKind {
  return typeof value === 'string' && (NOTIFICATION_KINDS as readonly string[]).includes(value);
}

/** Whether a kind is written by an action (rather than computed when the list is read). */
export function isWrittenKind(value: unknown): value is WrittenKind {
  return typeof value === 'string' && (WRITTEN_KINDS as readonly string[]).includes(value);
}

export type NotificationTargetType = 'task' | 'story' | 'initiative' | 'plan';
export const TARGET_TYPES: readonly NotificationTargetType[] = ['task', 'story', 'initiative', 'plan'];

/** The item a notification opens. */
export interface INotificationTarget {
  type: NotificationTargetType;
  id: number;
  unitId?: number;
  planId?: number;
}

/** One entry of a person's "Nyt til dig". */
export interface INotification {
  /** `n<itemId>` for a written one; `r:<kind>:<targetId>:<date>` for a computed one. */
  id: string;
  kind: NotificationKind;
  /** ISO date-time (computed ones: the day they became due, at midnight UTC). */
  at: string;
  /** Who acted (written ones). */
  actorName?: string;
  target: INotificationTarget;
  /** The title of the task, initiative or plan; a story's title only for its author ('' when not known). */
  subject: string;
  /** A story sent back: the approver's reason (read from the author's own story). */
  detail?: string;
  /** Recognitions: how many colleagues. */
  count?: number;
  read: boolean;
  /** Where it opens: the Teams deep link (tasks, initiatives, plans) and the SharePoint page (when known). */
  links?: { teams?: string; page?: string };
}

/** A person's own choices: kinds they do not want, and what they have read. */
export interface INotificationSettings {
  off: NotificationKind[];
}

/** What is stored in a person's settings row (`Settings` JSON). */
export interface IPersonalSettings extends INotificationSettings {
  /** Everything before this instant counts as read ("Markér alle som læst"). */
  readBefore?: string;
  /** Ids read one by one since `readBefore` (newest kept, at most {@link MAX_READ_IDS}). */
  read: string[];
}

/** The unread count a first view carries ("9+" when `complete` is false). */
export interface IInboxSummary {
  unread: number;
  complete: boolean;
}

/** How an action's Teams delivery went (the action itself has landed whatever this says). */
export type DeliveryFailure = 'forbidden' | 'notFound' | 'throttled' | 'notMember' | 'other';
export interface IDeliveryReport {
  kind: NotificationKind;
  /** People written to "Nyt til dig". */
  recipients: number;
  /** `skipped`: nothing to deliver, or every recipient turned this kind off. */
  teams: 'sent' | 'failed' | 'skipped';
  reason?: DeliveryFailure;
}

/** "Send påmindelse" on an overdue task or a silent initiative. */
export interface INudgeTarget {
  type: 'task' | 'initiative';
  id: number;
}

/** Days without a check-in before an initiative's owner is reminded. */
export const CHECK_IN_SILENCE_DAYS = 14;
/** Days before its deadline a task counts as due soon. */
export const TASK_DUE_SOON_DAYS = 3;
/** Ids kept in `read` (older ones fall below `readBefore` in practice). */
export const MAX_READ_IDS = 300;

/** The people to tell: everyone named, once, without the one who acted or anyone unknown. */
export function recipientsOf(actorId: number, candidates: readonly (number | undefined)[]): number[] {
  const seen = new Set<number>();
  for (const id of candidates) {
    if (typeof id === 'number' && Number.isInteger(id) && id > 0 && id !== actorId) seen.add(id);
  }
  return [...seen];
}

/** A task's new assignee, when the save assigned or reassigned it (never the actor). */
export function taskAssignee(
  actorId: number,
  before: { assigneeId?: number } | undefined,
  after: { assigneeId?: number },
): number | undefined {
  if (after.assigneeId === undefined || after.assigneeId === before?.assigneeId) return undefined;
  return after.assigneeId === actorId ? undefined : after.assigneeId;
}

/** Whether a plan save approved it (draft → approved). */
export function planApproved(before: { status: string } | undefined, after: { status: string }): boolean {
  return after.status === 'approved' && before?.status !== 'approved';
}

/**
 * The key that makes an event's row unique per recipient (the list's unique `ClientKey`): the same save
 * retried — even after a lost response — finds its row instead of writing a second one.
 * `version` tells two real events on the same item apart (the item's version after the save; a comment's id).
 */
export function eventKey(kind: WrittenKind, target: INotificationTarget, version: string, recipientId: number): string {
  return `nt-${kind}-${target.type}${target.id}-${version}-u${recipientId}`.slice(0, 64);
}

/** A nudge may be sent once a day per item and person: a second press the same day finds the first. */
export function nudgeVersion(today: IsoDate): string {
  return `d${today}`;
}

/** Settings as stored (any JSON a person wrote), made safe: unknown kinds and junk dropped. */
export function parsePersonalSettings(raw: unknown): IPersonalSettings {
  let value: unknown = raw;
  if (typeof raw === 'string') {
    try {
      value = JSON.parse(raw);
    } catch {
      value = {};
    }
  }
  const obj = value && typeof value === 'object' ? (value as Record<string, unknown>) : {};
  const off = Array.isArray(obj.off) ? [...new Set(obj.off.filter(isNotificationKind))] : [];
  const read = Array.isArray(obj.read)
    ? obj.read.filter((id): id is string => typeof id === 'string' && id.length <= 80).slice(-MAX_READ_IDS)
    : [];
  const readBefore =
    typeof obj.readBefore === 'string' && !Number.isNaN(Date.parse(obj.readBefore)) ? obj.readBefore : undefined;
  return { off, read, ...(readBefore ? { readBefore } : {}) };
}

/** Whether an entry counts as read under a person's settings. */
export function isRead(settings: IPersonalSettings, id: string, at: string): boolean {
  if (settings.readBefore && Date.parse(at) <= Date.parse(settings.readBefore)) return true;
  return settings.read.includes(id);
}

/** The settings after reading some entries (only unread ones are remembered). */
export function withRead(
  settings: IPersonalSettings,
  entries: readonly { id: string; at: string }[],
): IPersonalSettings {
  const add = entries.filter((e) => !isRead(settings, e.id, e.at)).map((e) => e.id);
  if (add.length === 0) return settings;
  return { ...settings, read: [...settings.read, ...add].slice(-MAX_READ_IDS) };
}

/** The settings after "Markér alle som læst" at `now`. */
export function withAllRead(settings: IPersonalSettings, now: Date): IPersonalSettings {
  return { ...settings, readBefore: now.toISOString(), read: [] };
}

/** The settings with other kinds turned off (read state kept). */
export function withOff(settings: IPersonalSettings, off: readonly NotificationKind[]): IPersonalSettings {
  return { ...settings, off: NOTIFICATION_KINDS.filter((k) => off.includes(k)) };
}

/** A computed reminder's id: stable for the day it became due, so reading it once is remembered. */
export function reminderId(kind: NotificationKind, targetId: number, since: IsoDate): string {
  return `r:${kind}:${targetId}:${since}`;
}

function dayStart(date: IsoDate): string {
  return `${date}T00:00:00.000Z`;
}

/** A task assigned to the person, as the reminders need it. */
export interface IReminderTask {
  id: number;
  title: string;
  unitId: number;
  dueDate: IsoDate;
  status: string;
}

/**
 * A task due within {@link TASK_DUE_SOON_DAYS} days or overdue, for its assignee. Due soon counts from the
 * day it came within reach; overdue from the day after the deadline (a new entry, so it is unread again).
 */
export function taskReminder(task: IReminderTask, today: IsoDate): INotification | undefined {
  if (task.status === 'closed') return undefined;
  const target: INotificationTarget = { type: 'task', id: task.id, unitId: task.unitId };
  if (compareIsoDates(task.dueDate, today) < 0) {
    const since = addDays(task.dueDate, 1);
    return computed('taskOverdue', target, task.title, since);
  }
  if (daysBetween(today, task.dueDate) <= TASK_DUE_SOON_DAYS) {
    const since = addDays(task.dueDate, -TASK_DUE_SOON_DAYS);
    return computed('taskDueSoon', target, task.title, since);
  }
  return undefined;
}

/** An initiative owned by the person, with the day of its latest check-in (or when it was created). */
export interface IReminderInitiative {
  id: number;
  title: string;
  unitId: number;
  planId: number;
  status: string;
  /** The latest check-in's date, or undefined when it has none. */
  lastCheckIn?: IsoDate;
  /** When the initiative was created (date), the start of its silence when it has no check-in. */
  created: IsoDate;
}

/** An initiative in progress or planned whose last check-in (or creation) is {@link CHECK_IN_SILENCE_DAYS} days ago or more. */
export function checkInReminder(initiative: IReminderInitiative, today: IsoDate): INotification | undefined {
  if (initiative.status === 'completed' || initiative.status === 'stopped') return undefined;
  const from = initiative.lastCheckIn ?? initiative.created;
  if (daysBetween(from, today) < CHECK_IN_SILENCE_DAYS) return undefined;
  const since = addDays(from, CHECK_IN_SILENCE_DAYS);
  const target: INotificationTarget = {
    type: 'initiative',
    id: initiative.id,
    unitId: initiative.unitId,
    planId: initiative.planId,
  };
  return computed('checkInDue', target, initiative.title, since);
}

/**
 * Recognitions of the person's stories, gathered per story: one entry per story with the number of
 * colleagues ("3 kolleger anerkendte …"), dated by the newest; its id changes with the count, so a new
 * recognition makes it unread again. Other entries pass through unchanged.
 */
export function gatherRecognitions(entries: readonly INotification[]): INotification[] {
  const byStory = new Map<number, INotification[]>();
  const others: INotification[] = [];
  for (const n of entries) {
    if (n.kind !== 'recognised' || n.target.type !== 'story') {
      others.push(n);
      continue;
    }
    byStory.set(n.target.id, [...(byStory.get(n.target.id) ?? []), n]);
  }
  const gathered = [...byStory].map(([storyId, all]): INotification => {
    const newest = all.reduce((a, b) => (Date.parse(b.at) > Date.parse(a.at) ? b : a));
    return { ...newest, id: `r:recognised:${storyId}:${all.length}`, count: all.length, actorName: undefined };
  });
  return [...others, ...gathered];
}

function computed(kind: NotificationKind, target: INotificationTarget, subject: string, since: IsoDate): INotification {
  return { id: reminderId(kind, target.id, since), kind, at: dayStart(since), target, subject, read: false };
}

/**
 * A person's list: written and computed entries, without the kinds they turned off, marked read or not,
 * newest first (ties: the later written row first, written before computed, then by id so the order is stable).
 */
export function assembleInbox(entries: readonly INotification[], settings: IPersonalSettings): INotification[] {
  return entries
    .filter((n) => !settings.off.includes(n.kind))
    .map((n) => ({ ...n, read: isRead(settings, n.id, n.at) }))
    .sort(
      (a, b) =>
        Date.parse(b.at) - Date.parse(a.at) || rowNumber(b) - rowNumber(a) || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0),
    );
}

/** A written entry's row id (the later row first when two have the same time); -1 for a computed one. */
function rowNumber(n: INotification): number {
  return /^n\d+$/.test(n.id) ? Number(n.id.slice(1)) : -1;
}

/** The unread count of an assembled list; `complete` false when the written rows read were not all there were. */
export function inboxSummary(inbox: readonly INotification[], complete: boolean): IInboxSummary {
  return { unread: inbox.filter((n) => !n.read).length, complete };
}

/** Where the web parts live on SharePoint (setting `pageUrls` in "MPK Indstillinger"; the preview sets its own). */
export interface INotificationPages {
  ambitions?: string;
  plan?: string;
  followUp?: string;
}

/** The query parameters a SharePoint page carries for an item of a notification. */
export const TARGET_QUERY_PARAMS: Record<NotificationTargetType, string> = {
  task: 'mpkTask',
  story: 'mpkStory',
  initiative: 'mpkInitiative',
  plan: 'mpkPlan',
};

/** The query parameter that makes the plan page show a unit (as "Opfølgning" links to it). */
export const UNIT_QUERY_PARAM = 'mpkUnit';

/** The Teams sub-entity of a target: an initiative is the plan tab's plain id (as "Del i kanal"); the rest are prefixed. */
export function subEntityIdOf(target: INotificationTarget): string {
  return target.type === 'initiative' ? String(target.id) : `${target.type}-${target.id}`;
}

/** A Teams deep link to the item, or undefined for a story (stories live on the intranet page only). */
export function teamsLinkOf(target: INotificationTarget): string | undefined {
  if (target.type === 'story') return undefined;
  if (target.type === 'task') return teamsEntityLink(FOLLOW_UP_TAB_ENTITY_ID, subEntityIdOf(target), 'Opfølgning');
  return teamsEntityLink(PERSONAL_TAB_ENTITY_ID, subEntityIdOf(target), 'Ambitionsplan');
}

/** The SharePoint page of the item with its id in the address, when that page is known. */
export function pageLinkOf(target: INotificationTarget, pages: INotificationPages): string | undefined {
  const page = target.type === 'task' ? pages.followUp : target.type === 'story' ? pages.ambitions : pages.plan;
  if (!page || !isHttpUrl(page)) return undefined;
  const url = new URL(page);
  url.hash = '';
  url.searchParams.set(TARGET_QUERY_PARAMS[target.type], String(target.id));
  // The plan page shows one unit: an initiative or a plan of another unit opens on its own unit.
  if ((target.type === 'initiative' || target.type === 'plan') && target.unitId)
    url.searchParams.set(UNIT_QUERY_PARAM, String(target.unitId));
  return url.toString();
}

/** Parses the pages setting (JSON written by a site owner): only absolute http(s) URLs are kept. */
export function parsePages(raw: unknown): INotificationPages {
  let value: unknown = raw;
  if (typeof raw === 'string') {
    try {
      value = JSON.parse(raw);
    } catch {
      return {};
    }
  }
  const obj = value && typeof value === 'object' ? (value as Record<string, unknown>) : {};
  const pages: INotificationPages = {};
  for (const key of ['ambitions', 'plan', 'followUp'] as const) {
    if (isHttpUrl(obj[key])) pages[key] = obj[key] as string;
  }
  return pages;
}
