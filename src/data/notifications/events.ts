/**
 * The acting person's side of "Nyt til dig": after a save landed, one row per recipient in "MPK Nyt til
 * dig" (its unique ClientKey is the event key, so a retried save finds its rows instead of writing
 * again), then the Teams delivery (in the background; its outcome goes to the `DeliveryBus`, and onto
 * the rows so a retried delivery never posts twice). Recipients who turned the kind off get neither.
 */
import type { SPFI } from '@pnp/sp';
import { toIsoDate } from '../../domain/dates';
import type { IDialogComment, IFollowUpTask, IPlan, IStory } from '../../domain/model';
import {
  eventKey,
  nudgeVersion,
  pageLinkOf,
  parsePages,
  parsePersonalSettings,
  planApproved,
  recipientsOf,
  taskAssignee,
  teamsLinkOf,
  type DeliveryFailure,
  type IDeliveryReport,
  type INotificationPages,
  type INotificationTarget,
  type INudgeTarget,
  type TeamsKind,
  type WrittenKind,
} from '../../domain/notifications';
import { fromRow, type Row } from '../mapping/codec';
import {
  notificationCodec,
  personalSettingsCodec,
  unitCodec,
  type INotificationRow,
  type IUnitItem,
} from '../mapping/entities';
import { ListRepository } from '../repositories/listRepository';
import { retryThrottled, toDataError } from '../errors';
import { allRows, idFilters, inBatch, listItems, settle } from '../repositories/query';
import type { ICurrentUser } from '../repositories/types';
import type { DeliveryBus } from './bus';
import { isActivityType } from '../../domain/activityTypes';
import type { GraphSource, ITeamsPerson, StepOutcome } from './delivery';

/** The words of the Teams messages (`strings.teamsMessages`, handed in by the shell). */
export interface ITeamsTexts {
  messages: Record<TeamsKind, string>;
  open: Record<INotificationTarget['type'], string>;
}

/** What a Notifier needs besides SharePoint. */
export interface INotifierOptions {
  bus: DeliveryBus;
  graph?: GraphSource;
  texts?: ITeamsTexts;
  now?: () => Date;
}

/** One event of an action. */
interface IEvent {
  kind: WrittenKind;
  target: INotificationTarget;
  /** Tells two real events on one item apart (the version the actor saw, a comment id, a day). */
  version: string;
  /** Stored on the rows: the title of a task, initiative or plan; '' for a story (it stays in the story). */
  subject: string;
  /** Shown in Teams (a story's title too: the chat is private to the two). */
  title: string;
  recipients: number[];
  /** Where it is told in Teams: the unit's leader-group channel, or one-to-one chats. */
  via: 'channel' | 'chat' | 'none';
  reason?: string;
}

/** The Teams state kept on a row (`Delivery`). */
interface IDeliveryState {
  teams: 'sent' | 'failed';
  at: string;
  reason?: string;
}

function deliveryOf(row: INotificationRow): IDeliveryState | undefined {
  try {
    const parsed = row.delivery ? (JSON.parse(row.delivery) as IDeliveryState) : undefined;
    return parsed && (parsed.teams === 'sent' || parsed.teams === 'failed') ? parsed : undefined;
  } catch {
    return undefined;
  }
}

/** The version number in an ETag (`"3"` or `"{guid},3"`), as text; '' when there is none. */
function versionOf(etag: string | undefined): string {
  const match = etag ? /(\d+)"?$/.exec(etag) : null;
  return match ? `v${match[1]}` : 'v0';
}

class NotificationRows extends ListRepository<INotificationRow> {
  public constructor(sp: SPFI) {
    super(sp, notificationCodec, { validate: () => [] });
  }

  public write(row: INotificationRow): Promise<INotificationRow> {
    return this.createItem(row);
  }

  public async markDelivery(row: INotificationRow, state: IDeliveryState): Promise<void> {
    if (row.id === undefined) return;
    const id = row.id;
    await retryThrottled(() =>
      listItems(this.sp, 'notifications')
        .getById(id)
        .update({ Delivery: JSON.stringify(state) }),
    );
  }
}

export class Notifier {
  private readonly rows: NotificationRows;
  private siteSettings?: Promise<{ pages: INotificationPages; activityFeed: boolean }>;

  public constructor(
    private readonly sp: SPFI,
    private readonly user: ICurrentUser,
    private readonly options: INotifierOptions,
  ) {
    this.rows = new NotificationRows(sp);
  }

  private now(): Date {
    return this.options.now ? this.options.now() : new Date();
  }

  /** `afterWrite` of tasks: the new assignee hears of it. */
  public async taskWritten([before, after]: readonly (IFollowUpTask | undefined)[]): Promise<void> {
    if (!after || after.id === undefined) return;
    const assignee = taskAssignee(this.user.id, before, after);
    if (assignee === undefined) return;
    await this.notify({
      kind: 'taskAssigned',
      target: { type: 'task', id: after.id, unitId: after.unitId },
      version: before ? versionOf(before.etag) : 'new',
      subject: after.title,
      title: after.title,
      recipients: [assignee],
      via: 'channel',
    });
  }

  /** `afterWrite` of plans: an approval is told to the owner and the unit's leaders. */
  public async planWritten([before, after]: readonly (IPlan | undefined)[]): Promise<void> {
    if (!after || after.id === undefined || !planApproved(before, after)) return;
    const unit = await this.unit(after.unitId);
    const title = unit ? `${unit.name} ${after.period}` : after.period;
    await this.notify({
      kind: 'planApproved',
      target: { type: 'plan', id: after.id, unitId: after.unitId, planId: after.id },
      version: before ? versionOf(before.etag) : 'new',
      subject: title,
      title,
      recipients: [after.ownerId, ...(unit?.leaderIds ?? [])].filter((id): id is number => id !== undefined),
      via: 'channel',
    });
  }

  /** `afterWrite` of comments: a new reply tells the initiative's owner, the plan's owner and earlier participants. */
  public async commentWritten([before, after]: readonly (
    (IDialogComment & { unitId?: number }) | undefined
  )[]): Promise<void> {
    if (before || !after || after.id === undefined) return;
    const about = await this.dialogOf(after);
    if (!about) return;
    await this.notify({
      kind: 'dialogReply',
      target: about.target,
      version: `c${after.id}`,
      subject: about.title,
      title: about.title,
      recipients: about.people,
      via: 'channel',
    });
  }

  /** After a moderation landed: the author hears of it (in Teams only when the approver left it ticked). */
  public async storyModerated(
    story: IStory,
    approved: boolean,
    comment: string | undefined,
    inTeams: boolean,
  ): Promise<void> {
    if (story.id === undefined || story.authorId === undefined) return;
    await this.notify({
      kind: approved ? 'storyApproved' : 'storyReturned',
      target: { type: 'story', id: story.id, unitId: story.unitId },
      version: versionOf(story.etag),
      subject: '',
      title: story.title,
      recipients: [story.authorId],
      via: inTeams ? 'chat' : 'none',
      reason: comment,
    });
  }

  /** After a recognition was saved: its story's author sees it in "Nyt til dig" (gathered per story; not in Teams). */
  public async recognised(storyId: number, authorId: number): Promise<void> {
    await this.notify({
      kind: 'recognised',
      target: { type: 'story', id: storyId },
      version: `r${this.user.id}`,
      subject: '',
      title: '',
      recipients: [authorId],
      via: 'none',
    });
  }

  /** "Send påmindelse": the assignee of an overdue task or the owner of a silent initiative, once a day. */
  public async nudge(target: INudgeTarget): Promise<IDeliveryReport> {
    const list = target.type === 'task' ? 'tasks' : 'initiatives';
    const person = target.type === 'task' ? 'AssigneeId' : 'OwnerId';
    let row: Row;
    try {
      row = await retryThrottled(() =>
        listItems(this.sp, list)
          .getById(target.id)
          .select('Id', 'Title', 'UnitId', person, ...(target.type === 'initiative' ? ['PlanId'] : []))<Row>(),
      );
    } catch (error) {
      throw toDataError(error);
    }
    const recipient = typeof row[person] === 'number' ? (row[person] as number) : undefined;
    const title = String(row.Title ?? '');
    return (
      (await this.notify(
        {
          kind: 'nudge',
          target: {
            type: target.type,
            id: target.id,
            unitId: typeof row.UnitId === 'number' ? row.UnitId : undefined,
            planId: typeof row.PlanId === 'number' ? row.PlanId : undefined,
          },
          version: nudgeVersion(toIsoDate(this.now())),
          subject: title,
          title,
          recipients: recipient === undefined ? [] : [recipient],
          via: 'channel',
        },
        true,
      )) ?? { kind: 'nudge', recipients: 0, teams: 'skipped' }
    );
  }

  /** The thread a comment belongs to: what it is about, and who has a part in it. */
  private async dialogOf(
    comment: IDialogComment & { unitId?: number },
  ): Promise<{ target: INotificationTarget; title: string; people: number[] } | undefined> {
    const thread = comment.initiativeId ? `InitiativeId eq ${comment.initiativeId}` : `PlanId eq ${comment.planId}`;
    const reads = await inBatch(this.sp, (b) => ({
      initiative: comment.initiativeId
        ? settle(
            listItems(b, 'initiatives')
              .getById(comment.initiativeId)
              .select('Id', 'Title', 'OwnerId', 'PlanId', 'UnitId')<Row>(),
          )
        : undefined,
      authors: settle(listItems(b, 'comments').select('AuthorId').filter(thread).top(500)<Row[]>()),
    }));
    const initiative = reads.initiative ? await reads.initiative : undefined;
    const authors = await reads.authors;
    const iRow = initiative && initiative.ok ? initiative.value : undefined;
    const planId = typeof iRow?.PlanId === 'number' ? iRow.PlanId : comment.planId;
    let plan: Row | undefined;
    if (planId) {
      const read = await settle<Row>(
        retryThrottled(() =>
          listItems(this.sp, 'plans').getById(planId).select('Id', 'OwnerId', 'Period', 'UnitId')<Row>(),
        ),
      );
      plan = read.ok ? read.value : undefined;
    }
    const unitId = comment.unitId ?? (typeof plan?.UnitId === 'number' ? plan.UnitId : undefined);
    const people = recipientsOf(this.user.id, [
      iRow?.OwnerId as number | undefined,
      plan?.OwnerId as number | undefined,
      ...(authors.ok ? authors.value.map((r) => r.AuthorId as number | undefined) : []),
    ]);
    if (iRow && comment.initiativeId) {
      return {
        target: { type: 'initiative', id: comment.initiativeId, unitId, planId },
        title: String(iRow.Title ?? ''),
        people,
      };
    }
    if (!planId) return undefined;
    const unit = unitId !== undefined ? await this.unit(unitId) : undefined;
    const title = unit ? `${unit.name} ${String(plan?.Period ?? '')}`.trim() : String(plan?.Period ?? '');
    return { target: { type: 'plan', id: planId, unitId, planId }, title, people };
  }

  private async unit(unitId: number | undefined): Promise<IUnitItem | undefined> {
    if (unitId === undefined) return undefined;
    try {
      return fromRow(unitCodec, await retryThrottled(() => listItems(this.sp, 'units').getById(unitId)<Row>()));
    } catch {
      return undefined;
    }
  }

  /** People who turned this kind off (their own rows; unreadable rows count as "not off"). */
  private async turnedOff(kind: WrittenKind, ids: readonly number[]): Promise<Set<number>> {
    const off = new Set<number>();
    try {
      for (const filter of idFilters('AuthorId', ids)) {
        const rows = await allRows(this.sp, personalSettingsCodec, { filter, select: ['Id', 'Settings', 'AuthorId'] });
        for (const row of rows) {
          const settings = fromRow(personalSettingsCodec, row);
          if (settings.authorId !== undefined && parsePersonalSettings(settings.settings).off.includes(kind)) {
            off.add(settings.authorId);
          }
        }
      }
    } catch {
      // A site before v7, or a read refused: nobody has turned anything off that we can see.
    }
    return off;
  }

  /**
   * Writes the event's rows and starts its delivery. Returns the delivery report when `wait` (a nudge: the
   * chefgruppe waits for it), else undefined (the save returns as soon as the rows are written).
   */
  private async notify(event: IEvent, wait = false): Promise<IDeliveryReport | undefined> {
    const candidates = recipientsOf(this.user.id, event.recipients);
    const off = await this.turnedOff(event.kind, candidates);
    const recipients = candidates.filter((id) => !off.has(id));
    const rows: INotificationRow[] = [];
    for (const recipientId of recipients) {
      try {
        rows.push(
          await this.rows.write({
            clientKey: eventKey(event.kind, event.target, event.version, recipientId),
            recipientId,
            kind: event.kind,
            targetType: event.target.type,
            targetId: event.target.id,
            unitId: event.target.unitId,
            subject: event.subject.slice(0, 255),
          }),
        );
      } catch {
        // A site before v7 has no such list: the action stands, nobody is told in the app.
      }
    }
    const delivery = this.deliver(event, rows).then((report) => {
      this.options.bus.publish(report);
      return report;
    });
    if (wait) return delivery;
    void delivery.catch(() => undefined);
    return undefined;
  }

  private settings(): Promise<{ pages: INotificationPages; activityFeed: boolean }> {
    if (!this.siteSettings) {
      this.siteSettings = settle<Row[]>(
        retryThrottled(() =>
          listItems(this.sp, 'settings')
            .select('ClientKey', 'SettingValue')
            .filter(`ClientKey eq 'pageUrls' or ClientKey eq 'teamsActivityFeed'`)<Row[]>(),
        ),
      ).then((read) => {
        const rows = read.ok ? read.value : [];
        const value = (key: string): unknown => rows.find((r) => r.ClientKey === key)?.SettingValue;
        return { pages: parsePages(value('pageUrls')), activityFeed: value('teamsActivityFeed') === 'on' };
      });
    }
    return this.siteSettings;
  }

  /** Delivers in Teams what the rows say, unless an earlier attempt did (a retried save). */
  private async deliver(event: IEvent, rows: INotificationRow[]): Promise<IDeliveryReport> {
    const report = (teams: IDeliveryReport['teams'], reason?: IDeliveryReport['reason']): IDeliveryReport => ({
      kind: event.kind,
      recipients: rows.length,
      teams,
      ...(reason ? { reason } : {}),
    });
    if (rows.length === 0 || event.via === 'none' || !this.options.graph || !this.options.texts)
      return report('skipped');
    if (rows.some((row) => deliveryOf(row)?.teams === 'sent')) return report('sent');
    let outcome: StepOutcome | { skipped: true };
    try {
      outcome = await this.send(event, rows);
    } catch {
      outcome = { ok: false, reason: 'other' };
    }
    if ('skipped' in outcome) return report('skipped');
    const state: IDeliveryState = outcome.ok
      ? { teams: 'sent', at: this.now().toISOString() }
      : { teams: 'failed', at: this.now().toISOString(), reason: outcome.reason };
    for (const row of rows) await this.rows.markDelivery(row, state).catch(() => undefined);
    return outcome.ok ? report('sent') : report('failed', outcome.reason);
  }

  /** The Graph calls of one event. */
  private async send(event: IEvent, rows: INotificationRow[]): Promise<StepOutcome | { skipped: true }> {
    const { TeamsDelivery } = await import(/* webpackChunkName: 'mpk-teams' */ './delivery');
    const graph = new TeamsDelivery(await (this.options.graph as GraphSource)());
    const texts = this.options.texts as ITeamsTexts;
    const { pages, activityFeed } = await this.settings();
    const emails = await this.emailsOf(rows.map((r) => r.recipientId));
    const found = await Promise.all(emails.map((e) => graph.person(e)));
    const people = found.filter((p): p is ITeamsPerson => typeof p === 'object');
    if (people.length === 0) {
      const reason = found.find((p): p is DeliveryFailure => typeof p === 'string');
      return { ok: false, reason: reason ?? 'notFound' };
    }
    const link = teamsLinkOf(event.target) ?? pageLinkOf(event.target, pages);
    const html = this.messageHtml(texts, event, link);
    let outcome: StepOutcome | { skipped: true };
    if (event.via === 'channel') {
      const unit = await this.unit(event.target.unitId);
      if (!unit?.teamsTeamId || !unit.teamsChannelId) outcome = { skipped: true };
      else outcome = await graph.postInChannel(unit.teamsTeamId, unit.teamsChannelId, people, html);
    } else {
      outcome = { ok: true };
      for (const person of people) {
        const sent = await graph.chatWith(this.user.email ?? '', person, html.replace('{mentions} ', ''));
        if (!sent.ok) outcome = sent;
      }
    }
    const teamsLink = teamsLinkOf(event.target);
    if (activityFeed && teamsLink && isActivityType(event.kind)) {
      for (const person of people) {
        const sent = await graph.activity(person, event.kind, event.title, teamsLink);
        if (!sent.ok && !('skipped' in outcome) && outcome.ok) outcome = sent;
      }
    }
    return outcome;
  }

  private messageHtml(texts: ITeamsTexts, event: IEvent, link: string | undefined): string {
    const values: Record<string, string> = {
      actor: escapeHtml(this.user.displayName ?? ''),
      title: escapeHtml(event.title),
      reason: escapeHtml(event.reason ?? ''),
    };
    const text = texts.messages[event.kind as TeamsKind].replace(
      /\{(actor|title|reason)\}/g,
      (_m, name: string) => values[name],
    );
    return link ? `${text} <a href="${escapeHtml(link)}">${escapeHtml(texts.open[event.target.type])}</a>` : text;
  }

  /** E-mails of site users by id (one `$batch`). */
  private async emailsOf(ids: readonly number[]): Promise<string[]> {
    const reads = await inBatch(this.sp, (b) =>
      ids.map((id) => settle(b.web.siteUsers.getById(id).select('Email')<{ Email?: string }>())),
    );
    const emails: string[] = [];
    for (const read of reads) {
      const settled = await read;
      if (settled.ok && settled.value.Email) emails.push(settled.value.Email);
    }
    return emails;
  }
}

/** Escapes text for a Teams message's HTML body. */
export function escapeHtml(value: string): string {
  return value.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string,
  );
}
