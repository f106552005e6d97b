/**
 * Teams delivery through Microsoft Graph (delegated, as the person who acted): a post in the unit's
 * leader-group channel that @mentions the people concerned, a one-to-one chat message, and — behind the
 * site setting `teamsActivityFeed` — the Teams activity feed. `@pnp/graph` (reference teams-graph.md):
 * the same PnPjs pipeline, retry and Retry-After handling the SharePoint calls use, and the same code runs
 * against the local Graph in the preview and the tests. A failure is reported, never thrown: the action
 * it follows has landed.
 */
import { GraphQueryable, graphGet, graphPost, type IGraphQueryable } from '@pnp/graph';
import { body } from '@pnp/queryable';
import type { DeliveryFailure } from '../../domain/notifications';
import { httpStatus } from '../errors';
import { escapeHtml } from './events';
import { activityTemplateParameters, type ActivityType } from '../../domain/activityTypes';

/** Where the web part gets its Graph client (loaded on the first delivery, never in a first view). */
export type GraphSource = () => Promise<IGraphQueryable>;

/** A person as Teams knows them. */
export interface ITeamsPerson {
  id: string;
  displayName: string;
}

/** The outcome of one delivery step. */
export type StepOutcome = { ok: true; id?: string } | { ok: false; reason: DeliveryFailure };

/** What went wrong, in the words the UI has a line for. */
export function failureOf(error: unknown): DeliveryFailure {
  const status = httpStatus(error);
  if (status === 429 || status === 503) return 'throttled';
  if (status === 404) return 'notFound';
  if (status === 403) {
    const text = error instanceof Error ? error.message : String(error);
    return /member/i.test(text) ? 'notMember' : 'forbidden';
  }
  if (status === 401) return 'forbidden';
  return 'other';
}

async function attempt<T>(
  run: () => Promise<T>,
): Promise<{ ok: true; value: T } | { ok: false; reason: DeliveryFailure }> {
  try {
    return { ok: true, value: await run() };
  } catch (error) {
    return { ok: false, reason: failureOf(error) };
  }
}

/** `<at id="n">Name</at>` for each person, and the `mentions` array Graph wants with it. */
export function mentionsOf(people: readonly ITeamsPerson[]): { html: string; mentions: unknown[] } {
  return {
    html: people.map((p, i) => `<at id="${i}">${escapeHtml(p.displayName)}</at>`).join(' '),
    mentions: people.map((p, i) => ({
      id: i,
      mentionText: p.displayName,
      mentioned: { user: { id: p.id, displayName: p.displayName, userIdentityType: 'aadUser' } },
    })),
  };
}

/** The Graph calls of a delivery, for one signed-in person. */
export class TeamsDelivery {
  private readonly people = new Map<string, Promise<ITeamsPerson | DeliveryFailure>>();

  public constructor(private readonly graph: IGraphQueryable) {}

  private at(path: string): IGraphQueryable {
    return GraphQueryable(this.graph, path);
  }

  /** A person by e-mail (UPN), or why Graph did not give them (not known, no permission, throttled …). */
  public person(email: string): Promise<ITeamsPerson | DeliveryFailure> {
    const key = email.toLowerCase();
    let found = this.people.get(key);
    if (!found) {
      const query = this.at(`users/${encodeURIComponent(key)}`);
      query.query.set('$select', 'id,displayName');
      found = graphGet<{ id: string; displayName: string }>(query).then(
        (u) => ({ id: u.id, displayName: u.displayName }),
        (error: unknown) => failureOf(error),
      );
      this.people.set(key, found);
    }
    return found;
  }

  /** A post in a channel that @mentions `people` (the html may contain `{mentions}`, filled here). */
  public async postInChannel(
    teamId: string,
    channelId: string,
    people: readonly ITeamsPerson[],
    html: string,
  ): Promise<StepOutcome> {
    const { html: at, mentions } = mentionsOf(people);
    const path = `teams/${encodeURIComponent(teamId)}/channels/${encodeURIComponent(channelId)}/messages`;
    const result = await attempt(() =>
      graphPost<{ id: string }>(
        this.at(path),
        body({ body: { contentType: 'html', content: html.replace('{mentions}', at) }, mentions }),
      ),
    );
    return result.ok ? { ok: true, id: result.value.id } : result;
  }

  /** A one-to-one chat message from the signed-in person to `to` (the chat is created or found). */
  public async chatWith(meEmail: string, to: ITeamsPerson, html: string): Promise<StepOutcome> {
    const member = (who: string): Record<string, unknown> => ({
      '@odata.type': '#microsoft.graph.aadUserConversationMember',
      roles: ['owner'],
      'user@odata.bind': `https://graph.microsoft.com/v1.0/users('${who}')`,
    });
    const chat = await attempt(() =>
      graphPost<{ id: string }>(
        this.at('chats'),
        body({ chatType: 'oneOnOne', members: [member(meEmail.toLowerCase()), member(to.id)] }),
      ),
    );
    if (!chat.ok) return chat;
    const path = `chats/${encodeURIComponent(chat.value.id)}/messages`;
    const sent = await attempt(() =>
      graphPost<{ id: string }>(this.at(path), body({ body: { contentType: 'html', content: html } })),
    );
    return sent.ok ? { ok: true, id: sent.value.id } : sent;
  }

  /** The Teams activity feed (reference §1.4 B: text topic with a Teams deep link), for a declared type. */
  public async activity(to: ITeamsPerson, type: ActivityType, title: string, webUrl: string): Promise<StepOutcome> {
    const path = `users/${encodeURIComponent(to.id)}/teamwork/sendActivityNotification`;
    const result = await attempt(() =>
      graphPost(
        this.at(path),
        body({
          topic: { source: 'text', value: title.slice(0, 150), webUrl },
          activityType: type,
          previewText: { content: title.slice(0, 150) },
          templateParameters: activityTemplateParameters(type, title),
        }),
      ),
    );
    return result.ok ? { ok: true } : result;
  }
}
