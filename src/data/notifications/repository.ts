/**
 * "Nyt til dig" for the signed-in person over "MPK Nyt til dig" and "MPK Personlige indstillinger":
 * their list (one `$batch`, see `inbox.ts`), what they have read and turned off (their own settings row,
 * written with its ETag), "Send påmindelse", and the delivery outcome of every action (`DeliveryBus`).
 */
import type { SPFI } from '@pnp/sp';
import {
  pageLinkOf,
  parsePages,
  parsePersonalSettings,
  teamsLinkOf,
  assembleInbox,
  gatherRecognitions,
  withAllRead,
  withOff,
  withRead,
  type IDeliveryReport,
  type INotification,
  type INotificationPages,
  type INotificationSettings,
  type INudgeTarget,
  type IPersonalSettings,
} from '../../domain/notifications';
import { newClientKey } from '../../domain/clientKey';
import { DataError, httpStatus, retryThrottled, toDataError } from '../errors';
import { fromRow, type Row } from '../mapping/codec';
import { personalSettingsCodec, type IPersonalSettingsRow } from '../mapping/entities';
import { ListRepository } from '../repositories/listRepository';
import { fetchNextPage, fetchPageRetrying, inBatch, itemsQuery, lastPage, listItems } from '../repositories/query';
import type { ICurrentUser, INotificationRepository, IPage } from '../repositories/types';
import { entryOf, finishInboxReads, settingsSpec, startInboxReads, type IInboxData } from './inbox';
import type { DeliveryBus } from './bus';
import type { Notifier } from './events';

/** Entries per page of the panel. */
const PAGE_SIZE = 20;

/** The person's settings row: read, changed and written back with its ETag (a second tab's change is merged). */
class SettingsRows extends ListRepository<IPersonalSettingsRow> {
  public constructor(sp: SPFI) {
    super(sp, personalSettingsCodec, { validate: () => [] });
  }

  /** Applies `change` to the stored settings and saves; a lost race re-reads and applies again. */
  public async change(
    row: IPersonalSettingsRow | undefined,
    change: (settings: IPersonalSettings) => IPersonalSettings,
  ): Promise<IPersonalSettings> {
    for (let attempt = 0; attempt < 5; attempt++) {
      const current = parsePersonalSettings(row?.settings);
      const next = change(current);
      const settings = JSON.stringify(next);
      try {
        if (!row) {
          row = await this.create({ clientKey: newClientKey(), settings });
        } else if (row.settings !== settings) {
          row = await this.update(row, { ...row, settings });
        }
        return parsePersonalSettings(row.settings);
      } catch (error) {
        // Another tab saved in between (the same column): start again from what it saved.
        if (!(error instanceof DataError && error.kind === 'conflict') && httpStatus(error) !== 412) throw error;
        row = row?.id !== undefined ? await this.get(row.id) : undefined;
      }
    }
    throw new DataError('conflict', { status: 412, detail: 'the settings kept changing while they were saved' });
  }
}

export class NotificationRepository implements INotificationRepository {
  private readonly settingsRows: SettingsRows;

  public constructor(
    private readonly sp: SPFI,
    private readonly user: ICurrentUser,
    private readonly bus: DeliveryBus,
    private readonly notifier: () => Promise<Notifier>,
    private readonly now: () => Date = () => new Date(),
  ) {
    this.settingsRows = new SettingsRows(sp);
  }

  /** Everything the panel shows, read in one `$batch`. */
  private async load(): Promise<IInboxData> {
    try {
      const reads = await inBatch(this.sp, (b) => startInboxReads(b, this.user.id, this.now(), 'panel'));
      return await finishInboxReads(reads);
    } catch (error) {
      throw toDataError(error);
    }
  }

  public async page(pageSize = PAGE_SIZE): Promise<IPage<INotification>> {
    const [data, pages] = await Promise.all([this.load(), this.pages()]);
    const linked = (entries: readonly INotification[]): INotification[] =>
      entries.map((n) => ({ ...n, links: { teams: teamsLinkOf(n.target), page: pageLinkOf(n.target, pages) } }));
    // Older written rows than the first 100: the next page of SharePoint's, assembled with the same settings.
    let nextLink = data.nextLink;
    const older = async (): Promise<INotification[] | undefined> => {
      if (!nextLink) return undefined;
      try {
        const raw = await fetchNextPage(this.sp, nextLink);
        nextLink = raw.nextLink;
        const entries = raw.rows.map(entryOf).filter((n): n is INotification => !!n);
        return linked(assembleInbox(gatherRecognitions(entries), data.settings));
      } catch (error) {
        throw toDataError(error);
      }
    };
    return pageFrom(linked(data.entries), 0, pageSize, { hasOlder: () => !!nextLink, older });
  }

  /** The pages the web parts live on (setting `pageUrls`, JSON written by a site owner; none: no page links). */
  private async pages(): Promise<INotificationPages> {
    try {
      const rows = await retryThrottled(() =>
        listItems(this.sp, 'settings').select('ClientKey', 'SettingValue').filter(`ClientKey eq 'pageUrls'`).top(1)<
          Row[]
        >(),
      );
      return parsePages(rows[0]?.SettingValue);
    } catch {
      return {};
    }
  }

  /** The person's settings row alone (one request; none on a site before v7 or before the first save). */
  private async settingsRow(): Promise<IPersonalSettingsRow | undefined> {
    try {
      const page = await fetchPageRetrying(() =>
        itemsQuery(this.sp, personalSettingsCodec, settingsSpec(this.user.id)),
      );
      return page.rows[0] ? fromRow(personalSettingsCodec, page.rows[0]) : undefined;
    } catch (error) {
      if (httpStatus(error) === 404) return undefined;
      throw toDataError(error);
    }
  }

  public async markRead(ids: readonly string[]): Promise<void> {
    if (ids.length === 0) return;
    const data = await this.load();
    const entries = data.entries.filter((n) => ids.includes(n.id));
    const row = data.settingsRow ? fromRow(personalSettingsCodec, data.settingsRow) : undefined;
    await this.settingsRows.change(row, (s) => withRead(s, entries));
  }

  public async markAllRead(): Promise<void> {
    await this.settingsRows.change(await this.settingsRow(), (s) => withAllRead(s, this.now()));
  }

  public async getSettings(): Promise<INotificationSettings> {
    const row = await this.settingsRow();
    return { off: parsePersonalSettings(row?.settings).off };
  }

  public async saveSettings(settings: INotificationSettings): Promise<INotificationSettings> {
    const saved = await this.settingsRows.change(await this.settingsRow(), (s) => withOff(s, settings.off));
    return { off: saved.off };
  }

  public async nudge(target: INudgeTarget): Promise<IDeliveryReport> {
    return (await this.notifier()).nudge(target);
  }

  public onDelivery(listener: (report: IDeliveryReport) => void): () => void {
    return this.bus.subscribe(listener);
  }
}

/**
 * A page of an assembled list (held in memory: the first 100 written rows and the reminders); past its
 * end `older` brings the next written rows, until there are none.
 */
function pageFrom(
  entries: INotification[],
  start: number,
  size: number,
  source: { hasOlder(): boolean; older(): Promise<INotification[] | undefined> },
): IPage<INotification> {
  const items = entries.slice(start, start + size);
  if (start + size < entries.length) {
    return { items, hasMore: true, nextPage: () => Promise.resolve(pageFrom(entries, start + size, size, source)) };
  }
  if (!source.hasOlder()) return lastPage(items);
  const more = async (): Promise<IPage<INotification>> => pageFrom((await source.older()) ?? [], 0, size, source);
  return { items, hasMore: true, nextPage: more };
}
