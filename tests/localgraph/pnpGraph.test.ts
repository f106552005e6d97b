/** @jest-environment node */
/**
 * PnPjs's graph client (`@pnp/graph` with GraphBrowser, what the web parts use) accepts the local Graph's answers:
 * it reads users and posts channel messages, its error parsing carries Graph's error message on a 403, and its
 * retry waits the Retry-After of a 429 and then succeeds.
 */
import { GraphQueryable, graphPost } from '@pnp/graph';
import '@pnp/graph/users';
import '@pnp/graph/teams';
import { body } from '@pnp/queryable';
import { graphUserId } from '../../localgraph';
import { graphInbox, graphRequests, localGraphFor, resetGraphRequests, setGraphConsent } from '../../localgraph/client';
import type { TestServer } from '../localsp/harness';
import { CHANNEL_ID, mention, resetGraph, startGraphServer, TEAM_ID, USERS } from './support';

describe('PnPjs graph against the local Graph', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startGraphServer();
  });
  afterAll(() => server.close());
  beforeEach(() => resetGraph(server));

  it('reads /me and a user by UPN with $select', async () => {
    const graph = localGraphFor(server.url, USERS.chef);
    await expect(graph.me()).resolves.toMatchObject({ mail: USERS.chef, displayName: 'Christian Holm' });
    const leder = await graph.users.getById(USERS.leder).select('id', 'displayName', 'mail', 'userPrincipalName')();
    expect(leder).toMatchObject({ id: graphUserId(USERS.leder), displayName: 'Lene Madsen', mail: USERS.leder });
  });

  it('posts a channel message with a mention and returns the chatMessage', async () => {
    const graph = localGraphFor(server.url, USERS.chef);
    const result = await graph.teams
      .getById(TEAM_ID)
      .channels.getById(CHANNEL_ID)
      .messages.add({
        body: { contentType: 'html', content: 'Opgave til <at id="0">Lene Madsen</at>' },
        mentions: [mention(0, graphUserId(USERS.leder), 'Lene Madsen')],
      } as never);
    expect(result.data).toMatchObject({ channelIdentity: { teamId: TEAM_ID, channelId: CHANNEL_ID } });
    await expect(graphInbox(server.url, USERS.leder)).resolves.toHaveLength(1);
  });

  it('posts a one-on-one chat and a chat message with graphPost', async () => {
    const graph = localGraphFor(server.url, USERS.chef);
    const base = `${server.url}/graph/v1.0`;
    const members = [USERS.chef, USERS.medarbejder].map((u) => ({
      '@odata.type': '#microsoft.graph.aadUserConversationMember',
      roles: ['owner'],
      'user@odata.bind': `https://graph.microsoft.com/v1.0/users('${u}')`,
    }));
    const chat = await graphPost<{ id: string }>(
      GraphQueryable([graph.me, `${base}/chats`]),
      body({ chatType: 'oneOnOne', members }),
    );
    await graphPost(
      GraphQueryable([graph.me, `${base}/chats/${encodeURIComponent(chat.id)}/messages`]),
      body({ body: { content: 'Godkendt' } }),
    );
    const [entry] = await graphInbox(server.url, USERS.medarbejder);
    expect(entry).toMatchObject({ kind: 'chatMessage', text: 'Godkendt' });
  });

  it('rejects a 403 with an HttpRequestError that carries Graph’s error message', async () => {
    await setGraphConsent(server.url, ['User.ReadBasic.All']);
    const graph = localGraphFor(server.url, USERS.chef);
    const error = (await graph.teams
      .getById(TEAM_ID)
      .channels.getById(CHANNEL_ID)
      .messages.add({ body: { content: 'x' } } as never)
      .catch((e: unknown) => e)) as { status: number; message: string; response: Response };
    expect(error.status).toBe(403);
    expect(error.message).toContain(
      "Missing scope permissions on the request. API requires one of 'ChannelMessage.Send",
    );
    const parsed = (await error.response.clone().json()) as { error: { code: string; message: string } };
    expect(parsed.error.code).toBe('Forbidden');
  });

  it('retries a 429 after its Retry-After and then succeeds', async () => {
    await server.faults({ graph: { throttleNext: 1, retryAfter: 1 } });
    await resetGraphRequests(server.url);
    const started = Date.now();
    await expect(localGraphFor(server.url, USERS.leder).me()).resolves.toMatchObject({ mail: USERS.leder });
    expect(Date.now() - started).toBeGreaterThanOrEqual(950);
    expect((await graphRequests(server.url)).map((r) => r.status)).toEqual([429, 200]);
  });
});
