/**
 * A person's "Nyt til dig" from SharePoint: the rows written to them (recognitions gathered per story),
 * their settings row, and what the reminders are computed from (their tasks due within three days or
 * overdue, their initiatives with the date of the latest check-in) — four parts of the batch it is given,
 * so a first view carries the count in its one request (a `$batch` holds at most 20). Every read is indexed
 * on the person (Recipient, Author, Assignee, Owner). A site before schema v7 lacks some lists or columns: those
 * parts read as empty (no extra request), and the count is what is there.
 */
import type { SPFI } from '@pnp/sp';
import { addDays, toIsoDate } from '../../domain/dates';
import {
  assembleInbox,
  checkInReminder,
  inboxSummary,
  isNotificationKind,
  parsePersonalSettings,
  gatherRecognitions,
  taskReminder,
  TARGET_TYPES,
  TASK_DUE_SOON_DAYS,
  type IInboxSummary,
  type INotification,
  type IPersonalSettings,
  type IReminderInitiative,
  type NotificationTargetType,
} from '../../domain/notifications';
import type { IEntity, IsoDate } from '../../domain/model';
import { fromRow, type ICodec, type Row } from '../mapping/codec';
import { initiativeCodec, notificationCodec, personalSettingsCodec, storyCodec, taskCodec } from '../mapping/entities';
import { fetchPage, itemsQuery, settle, type IQuerySpec, type IRawPage, type Settled } from '../repositories/query';

/** Written rows read per request (newest first; "Vis flere" follows the nextLink). */
export const INBOX_ROWS = 100;
/** A person's own open tasks due soon and initiatives the reminders look at (more than anyone keeps open). */
export const OWN_TOP = 100;

/** The reads of one person's inbox, started in a batch. */
export interface IInboxReads {
  userId: number;
  today: IsoDate;
  rows: Promise<Settled<IRawPage>>;
  settings: Promise<Settled<IRawPage>>;
  tasks: Promise<Settled<IRawPage>>;
  initiatives: Promise<Settled<IRawPage>>;
  /** The titles of the person's stories: read for the panel, not for a first view's count. */
  stories?: Promise<Settled<IRawPage>>;
}

/** The person's written rows, newest first. */
export const notificationSpec = (userId: number): IQuerySpec => ({
  filter: `RecipientId eq ${userId}`,
  orderBy: [['Id', false]],
  top: INBOX_ROWS,
  expand: ['Author'],
});

/** The person's settings row (their oldest, should two have been written). */
export const settingsSpec = (userId: number): IQuerySpec => ({
  filter: `AuthorId eq ${userId}`,
  orderBy: [['Id', true]],
  top: 1,
});

function start<T extends IEntity>(b: SPFI, codec: ICodec<T>, spec: IQuerySpec): Promise<Settled<IRawPage>> {
  return settle(fetchPage(itemsQuery(b, codec, spec)));
}

/**
 * What the reads are for: the bell's count in a first view (the fewest columns), the panel, or the Viva
 * Connections card "Mine opgaver" (the count, and all the person's open tasks with their titles).
 */
export type InboxReadMode = 'count' | 'panel' | 'card';

/** The columns a first view's count reads (no titles, no names: bytes at municipal scale). */
const COUNT_SELECT = {
  rows: ['Id', 'Created', 'NotificationKind', 'TargetType', 'TargetId'],
  tasks: ['Id', 'DueDate', 'TaskStatus'],
  initiatives: ['Id', 'InitiativeStatus', 'LastCheckIn', 'Created'],
};
const PANEL_SELECT = {
  tasks: ['Id', 'Title', 'UnitId', 'DueDate', 'TaskStatus'],
  initiatives: ['Id', 'Title', 'UnitId', 'PlanId', 'InitiativeStatus', 'LastCheckIn', 'Created'],
};

/**
 * Starts the reads on a batched SPFI (or a plain one): four parts for a first view's count, five with the
 * titles of the person's stories for the panel. Reminders look at the newest {@link OWN_TOP} tasks and
 * initiatives of the person; a full page makes the count "at least".
 */
export function startInboxReads(b: SPFI, userId: number, now: Date, mode: InboxReadMode = 'count'): IInboxReads {
  const today = toIsoDate(now);
  const soon = addDays(today, TASK_DUE_SOON_DAYS);
  const count = mode === 'count';
  return {
    userId,
    today,
    rows: start(
      b,
      notificationCodec,
      mode !== 'panel'
        ? { ...notificationSpec(userId), select: COUNT_SELECT.rows, expand: undefined, noMetadata: true }
        : notificationSpec(userId),
    ),
    settings: start(b, personalSettingsCodec, settingsSpec(userId)),
    tasks: start(b, taskCodec, {
      select: count ? COUNT_SELECT.tasks : PANEL_SELECT.tasks,
      // The card lists every open task; reminders (due within three days or over) are the same rule on fewer rows.
      filter:
        mode === 'card'
          ? `AssigneeId eq ${userId} and TaskStatus ne 'closed'`
          : `AssigneeId eq ${userId} and DueDate le '${soon}T23:59:59Z' and TaskStatus ne 'closed'`,
      top: OWN_TOP,
      noMetadata: true,
    }),
    initiatives: start(b, initiativeCodec, {
      select: count ? COUNT_SELECT.initiatives : PANEL_SELECT.initiatives,
      filter: `OwnerId eq ${userId} and (InitiativeStatus eq 'planned' or InitiativeStatus eq 'inProgress')`,
      top: OWN_TOP,
      noMetadata: true,
    }),
    stories:
      mode !== 'panel'
        ? undefined
        : start(b, storyCodec, {
            select: ['Id', 'Title', 'AuthorId', 'OData__ModerationComments'],
            filter: `AuthorId eq ${userId}`,
            orderBy: [['Id', false]],
            top: 500,
            noMetadata: true,
          }),
  };
}

/** Rows of a settled read; a failure (a list or column a site before v7 lacks, the threshold) reads as none. */
async function rows(read: Promise<Settled<IRawPage>>): Promise<Row[]> {
  const settled = await read;
  return settled.ok ? settled.value.rows : [];
}

/** A written row as an entry (unknown kinds and targets — anyone may write the list — are dropped). */
export function entryOf(row: Row): INotification | undefined {
  const n = fromRow(notificationCodec, row);
  if (!isNotificationKind(n.kind) || !TARGET_TYPES.includes(n.targetType as NotificationTargetType)) return undefined;
  if (n.id === undefined || !n.targetId) return undefined;
  return {
    id: `n${n.id}`,
    kind: n.kind,
    at: n.created ?? new Date(0).toISOString(),
    actorName: n.actorName,
    target: { type: n.targetType as NotificationTargetType, id: n.targetId, unitId: n.unitId },
    subject: n.subject ?? '',
    read: false,
  };
}

/** An initiative row as the check-in reminder reads it (its latest check-in, or its creation, starts the silence). */
export function reminderInitiativeOf(row: Row, today: IsoDate): IReminderInitiative | undefined {
  const initiative = fromRow(initiativeCodec, row);
  if (initiative.id === undefined) return undefined;
  const created = typeof row.Created === 'string' ? toIsoDate(new Date(row.Created)) : today;
  const lastCheckIn = typeof row.LastCheckIn === 'string' ? toIsoDate(new Date(row.LastCheckIn)) : undefined;
  return { ...initiative, id: initiative.id, lastCheckIn, created };
}

/** What the reads give: the assembled list, the settings row and whether written rows go on past the first page. */
export interface IInboxData {
  entries: INotification[];
  settings: IPersonalSettings;
  settingsRow?: Row;
  /** The nextLink of the written rows, when there are more than one page. */
  nextLink?: string;
  storyTitles: Map<number, string>;
  /** False when a read was refused or came back full (there may be more than counted). */
  complete: boolean;
}

/** Finishes the reads: written and computed entries, without turned-off kinds, read state applied. */
export async function finishInboxReads(reads: IInboxReads): Promise<IInboxData> {
  const settingsRows = await rows(reads.settings);
  const settings = parsePersonalSettings(settingsRows[0]?.Settings);
  const written = await reads.rows;
  const entries = (written.ok ? written.value.rows : []).map(entryOf).filter((n): n is INotification => !!n);
  const reminders: INotification[] = [];
  const taskRows = await rows(reads.tasks);
  const initiativeRows = await rows(reads.initiatives);
  for (const row of taskRows) {
    const task = fromRow(taskCodec, row);
    if (task.id === undefined || !task.dueDate) continue;
    const reminder = taskReminder(
      { id: task.id, title: task.title, unitId: task.unitId, dueDate: task.dueDate, status: task.status },
      reads.today,
    );
    if (reminder) reminders.push(reminder);
  }
  for (const row of initiativeRows) {
    const initiative = reminderInitiativeOf(row, reads.today);
    const reminder = initiative && checkInReminder(initiative, reads.today);
    if (reminder) reminders.push(reminder);
  }
  const storyTitles = new Map<number, string>();
  const reasons = new Map<number, string>();
  for (const row of reads.stories ? await rows(reads.stories) : []) {
    storyTitles.set(Number(row.Id), String(row.Title ?? ''));
    if (typeof row.OData__ModerationComments === 'string' && row.OData__ModerationComments !== '')
      reasons.set(Number(row.Id), row.OData__ModerationComments);
  }
  // A story's title and the approver's reason come from the story (its author reads it), never from the row.
  const withTitles = gatherRecognitions([...entries, ...reminders]).map((n) => {
    if (n.target.type !== 'story') return n;
    const detail = n.kind === 'storyReturned' ? reasons.get(n.target.id) : undefined;
    return { ...n, subject: n.subject || (storyTitles.get(n.target.id) ?? ''), ...(detail ? { detail } : {}) };
  });
  return {
    entries: assembleInbox(withTitles, settings),
    settings,
    settingsRow: settingsRows[0],
    nextLink: written.ok ? written.value.nextLink : undefined,
    storyTitles,
    // A written part that failed is a site before v7 (no list: nothing to count).
    complete:
      (!written.ok || (!written.value.nextLink && written.value.rows.length < INBOX_ROWS)) &&
      taskRows.length < OWN_TOP &&
      initiativeRows.length < OWN_TOP,
  };
}

/** The bell's count from the reads. */
export async function inboxSummaryOf(reads: IInboxReads): Promise<IInboxSummary> {
  try {
    const data = await finishInboxReads(reads);
    return inboxSummary(data.entries, data.complete);
  } catch {
    return { unread: 0, complete: false };
  }
}
