/**
 * "Mine opgaver" for the Viva Connections card, in one request: a `$batch` of the person's "Nyt til dig" reads
 * in card mode (their written rows and settings for the unread count, all their open tasks, their active
 * initiatives) and the `pageUrls` setting (where the web parts live, for links outside Teams). Only the
 * SharePoint token: no Microsoft Graph, so the card works wherever the web parts do.
 */
import type { SPFI } from '@pnp/sp';
import { myWorkOf, type IMyTask, type IMyWork } from '../../domain/myWork';
import {
  inboxSummary,
  parsePages,
  type INotificationPages,
  type IReminderInitiative,
} from '../../domain/notifications';
import { toDataError } from '../errors';
import { fromRow, type Row } from '../mapping/codec';
import { taskCodec } from '../mapping/entities';
import { inBatch, listItems, settle } from '../repositories/query';
import { finishInboxReads, OWN_TOP, reminderInitiativeOf, startInboxReads, type IInboxReads } from './inbox';

/** What the card shows, and where its links go. */
export interface IMyWorkData {
  work: IMyWork;
  pages: INotificationPages;
}

/** Reads the person's work (one `$batch`); a failed read of their tasks or initiatives rejects with a data error. */
export async function loadMyWork(sp: SPFI, userId: number, now: Date): Promise<IMyWorkData> {
  const { reads, pages } = await inBatch(sp, (b) => ({
    reads: startInboxReads(b, userId, now, 'card'),
    pages: settle(
      listItems(b, 'settings').select('ClientKey', 'SettingValue').filter(`ClientKey eq 'pageUrls'`).top(1)<Row[]>(),
    ),
  }));
  const [taskRows, initiativeRows] = await Promise.all([rowsOrThrow(reads.tasks), rowsOrThrow(reads.initiatives)]);
  const tasks: IMyTask[] = [];
  for (const row of taskRows) {
    const task = fromRow(taskCodec, row);
    if (task.id === undefined) continue;
    tasks.push({
      id: task.id,
      title: task.title,
      unitId: task.unitId,
      dueDate: task.dueDate || undefined,
      status: task.status,
    });
  }
  const initiatives = initiativeRows
    .map((row) => reminderInitiativeOf(row, reads.today))
    .filter((i): i is IReminderInitiative => !!i);
  const settledPages = await pages;
  return {
    work: myWorkOf(tasks, initiatives, reads.today, {
      unread: await unreadOf(reads),
      complete: taskRows.length < OWN_TOP && initiativeRows.length < OWN_TOP,
    }),
    pages: settledPages.ok ? parsePages(settledPages.value[0]?.SettingValue) : {},
  };
}

async function rowsOrThrow(read: IInboxReads['tasks']): Promise<Row[]> {
  const settled = await read;
  if (!settled.ok) throw toDataError(settled.error);
  return settled.value.rows;
}

/** The unread count of "Nyt til dig"; undefined on a site without it (its list answered 404). */
async function unreadOf(reads: IInboxReads): Promise<number | undefined> {
  if (!(await reads.rows).ok) return undefined;
  const data = await finishInboxReads(reads);
  return inboxSummary(data.entries, data.complete).unread;
}
