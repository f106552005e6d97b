/** @jest-environment node */
/**
 * `POST /teams/{teamId}/channels/{channelId}/messages` in the local Graph: the chatMessage Graph answers
 * (reference §2.1), mentions checked against the `<at>` tags, team membership, the 4-per-second channel limit,
 * and what the mention puts in the mentioned person's Teams.
 */
import { graphUserId, LOCAL_TENANT_ID } from '../../localgraph';
import { graphInbox, setGraphConsent } from '../../localgraph/client';
import type { TestServer } from '../localsp/harness';
import {
  CHANNEL_ID,
  expectGraphError,
  graph,
  mention,
  OTHER_CHANNEL_ID,
  resetGraph,
  startGraphServer,
  TEAM_ID,
  USERS,
} from './support';

const PATH = `teams/${TEAM_ID}/channels/${encodeURIComponent(CHANNEL_ID)}/messages`;
const LEDER_ID = graphUserId(USERS.leder);

function post(content: string, mentions: unknown[] = [], contentType = 'html'): { body: unknown } {
  return { body: { body: { contentType, content }, mentions } };
}

describe('channel messages in the local Graph', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startGraphServer();
  });
  afterAll(() => server.close());
  beforeEach(() => resetGraph(server));

  it('answers 201 with the chatMessage, its Teams link and the mentions', async () => {
    const content = 'Ny opgave til <at id="0">Lene Madsen</at>: <a href="https://example.org/x?a=1&amp;b=2">Åbn</a>';
    const reply = await graph(server, PATH, post(content, [mention(0, LEDER_ID, 'Lene Madsen')]));
    expect(reply.status).toBe(201);
    const id = reply.body.id as string;
    expect(id).toMatch(/^\d{13}$/);
    expect(reply.body).toEqual({
      '@odata.context': `https://graph.microsoft.com/v1.0/$metadata#teams('${TEAM_ID}')/channels('${encodeURIComponent(CHANNEL_ID)}')/messages/$entity`,
      id,
      replyToId: null,
      etag: id,
      messageType: 'message',
      createdDateTime: new Date(Number(id)).toISOString(),
      lastModifiedDateTime: new Date(Number(id)).toISOString(),
      lastEditedDateTime: null,
      deletedDateTime: null,
      subject: null,
      summary: null,
      chatId: null,
      importance: 'normal',
      locale: 'en-us',
      webUrl:
        `https://teams.microsoft.com/l/message/${encodeURIComponent(CHANNEL_ID)}/${id}?groupId=${TEAM_ID}` +
        `&tenantId=${LOCAL_TENANT_ID}&createdTime=${id}&parentMessageId=${id}`,
      policyViolation: null,
      eventDetail: null,
      from: {
        application: null,
        device: null,
        user: { id: graphUserId(USERS.chef), displayName: 'Christian Holm', userIdentityType: 'aadUser' },
      },
      body: { contentType: 'html', content },
      channelIdentity: { teamId: TEAM_ID, channelId: CHANNEL_ID },
      attachments: [],
      mentions: [
        {
          id: 0,
          mentionText: 'Lene Madsen',
          mentioned: {
            application: null,
            device: null,
            conversation: null,
            user: { id: LEDER_ID, displayName: 'Lene Madsen', userIdentityType: 'aadUser' },
          },
        },
      ],
      reactions: [],
    });
  });

  it('alerts the mentioned team member with the text and links, not the sender or others', async () => {
    const content =
      '<p>Ny opgave til <at id="0">Lene Madsen</at>:</p><p><a href="https://example.org/x?a=1&amp;b=2">Åbn &quot;Plan&quot;</a></p>';
    const reply = await graph(server, PATH, post(content, [mention(0, LEDER_ID, 'Lene Madsen')]));
    await expect(graphInbox(server.url, USERS.leder)).resolves.toEqual([
      {
        kind: 'channelMention',
        from: USERS.chef,
        text: 'Ny opgave til Lene Madsen: Åbn "Plan"',
        webUrl: reply.body.webUrl,
        links: ['https://example.org/x?a=1&b=2'],
        at: reply.body.createdDateTime,
      },
    ]);
    await expect(graphInbox(server.url, USERS.chef)).resolves.toEqual([]);
    await expect(graphInbox(server.url, USERS.admin)).resolves.toEqual([]);
  });

  it('does not alert a mentioned person outside the team', async () => {
    const id = graphUserId(USERS.medarbejder);
    const reply = await graph(server, PATH, post('Hej <at id="0">Mads</at>', [mention(0, id, 'Mads Nielsen')]));
    expect(reply.status).toBe(201);
    await expect(graphInbox(server.url, USERS.medarbejder)).resolves.toEqual([]);
  });

  it('takes a message without mentions, as text when contentType is left out', async () => {
    const reply = await graph(server, PATH, { body: { body: { content: 'Hej alle' } } });
    expect(reply.status).toBe(201);
    expect(reply.body.body).toEqual({ contentType: 'text', content: 'Hej alle' });
    expect(reply.body.mentions).toEqual([]);
  });

  it('answers 404 NotFound for an unknown team or channel', async () => {
    const unknownTeam = `teams/00000000-0000-4000-8000-000000000000/channels/${encodeURIComponent(CHANNEL_ID)}/messages`;
    expectGraphError(await graph(server, unknownTeam, post('x')), 404, 'NotFound');
    const unknownChannel = `teams/${TEAM_ID}/channels/${encodeURIComponent('19:nope@thread.tacv2')}/messages`;
    expectGraphError(await graph(server, unknownChannel, post('x')), 404, 'NotFound');
  });

  it('answers 403 Forbidden when the caller is not a member of the team', async () => {
    expectGraphError(await graph(server, PATH, { as: USERS.medarbejder, ...post('x') }), 403, 'Forbidden');
  });

  it.each([
    ['an <at> tag without a mentions entry', post('Hej <at id="0">Lene</at>')],
    ['a mentions entry without an <at> tag', post('Hej Lene', [mention(0, LEDER_ID, 'Lene Madsen')])],
    ['mismatched ids', post('Hej <at id="1">Lene</at>', [mention(0, LEDER_ID, 'Lene Madsen')])],
    [
      'an unknown mentioned user',
      post('Hej <at id="0">X</at>', [mention(0, '00000000-0000-4000-8000-000000000000', 'X')]),
    ],
    ['a mention without a user', post('Hej <at id="0">X</at>', [{ id: 0, mentionText: 'X', mentioned: {} }])],
    ['no body content', { body: { body: {} } }],
    ['an unknown contentType', post('x', [], 'markdown')],
    ['a body that is not JSON', { body: '{not json' }],
  ])('answers 400 BadRequest for %s', async (_label, init) => {
    expectGraphError(await graph(server, PATH, init), 400, 'BadRequest');
  });

  it('needs ChannelMessage.Send', async () => {
    await setGraphConsent(server.url, ['User.ReadBasic.All']);
    const message = expectGraphError(await graph(server, PATH, post('x')), 403, 'Forbidden');
    expect(message).toMatch(/^Missing scope permissions on the request\. API requires one of 'ChannelMessage\.Send/);
  });

  it('throttles more than 4 posts per second on one channel with 429 and Retry-After, per channel', async () => {
    const replies = await Promise.all([1, 2, 3, 4, 5].map((n) => graph(server, PATH, post(`n${n}`))));
    expect(replies.map((r) => r.status).sort()).toEqual([201, 201, 201, 201, 429]);
    const throttled = replies.find((r) => r.status === 429) as (typeof replies)[number];
    expectGraphError(throttled, 429, 'TooManyRequests');
    expect(throttled.headers.get('retry-after')).toBe('1');
    const other = `teams/${TEAM_ID}/channels/${encodeURIComponent(OTHER_CHANNEL_ID)}/messages`;
    expect((await graph(server, other, post('other channel'))).status).toBe(201);
    await new Promise((r) => setTimeout(r, 1050));
    expect((await graph(server, PATH, post('later'))).status).toBe(201);
  });

  it('gives messages posted in the same millisecond distinct, increasing ids', async () => {
    const ids = (await Promise.all([1, 2, 3].map(() => graph(server, PATH, post('x'))))).map((r) => Number(r.body.id));
    expect(new Set(ids).size).toBe(3);
  });
});
