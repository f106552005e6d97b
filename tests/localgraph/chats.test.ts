/** @jest-environment node */
/**
 * One-on-one chats in the local Graph (chat-post.md, chat-post-messages.md): `POST /chats` creates the chat of
 * two people or returns theirs, `POST /chats/{id}/messages` posts, and the other member is alerted.
 */
import { graphUserId, LOCAL_TENANT_ID } from '../../localgraph';
import { graphInbox, setGraphConsent } from '../../localgraph/client';
import type { TestServer } from '../localsp/harness';
import { expectGraphError, graph, resetGraph, startGraphServer, USERS } from './support';

function member(idOrUpn: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    '@odata.type': '#microsoft.graph.aadUserConversationMember',
    roles: ['owner'],
    'user@odata.bind': `https://graph.microsoft.com/v1.0/users('${idOrUpn}')`,
    ...extra,
  };
}

function chatBody(...members: Record<string, unknown>[]): { body: unknown } {
  return { body: { chatType: 'oneOnOne', members } };
}

describe('one-on-one chats in the local Graph', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startGraphServer();
  });
  afterAll(() => server.close());
  beforeEach(() => resetGraph(server));

  const chefAndAuthor = (): { body: unknown } => chatBody(member(graphUserId(USERS.chef)), member(USERS.medarbejder));

  it('creates the chat with the id of the two sorted user ids', async () => {
    const reply = await graph(server, 'chats', chefAndAuthor());
    expect(reply.status).toBe(201);
    const [a, b] = [graphUserId(USERS.chef), graphUserId(USERS.medarbejder)].sort();
    const id = `19:${a}_${b}@unq.gbl.spaces`;
    expect(reply.body).toEqual({
      '@odata.context': 'https://graph.microsoft.com/v1.0/$metadata#chats/$entity',
      id,
      topic: null,
      createdDateTime: expect.stringMatching(/Z$/),
      lastUpdatedDateTime: reply.body.createdDateTime,
      chatType: 'oneOnOne',
      webUrl: `https://teams.microsoft.com/l/chat/${encodeURIComponent(id)}/0?tenantId=${LOCAL_TENANT_ID}`,
      tenantId: LOCAL_TENANT_ID,
      onlineMeetingInfo: null,
    });
  });

  it('returns the existing chat of the same two people (201, same id), whoever creates it', async () => {
    const first = await graph(server, 'chats', chefAndAuthor());
    const again = await graph(server, 'chats', {
      as: USERS.medarbejder,
      ...chatBody(member(USERS.medarbejder), member(USERS.chef)),
    });
    expect(again.status).toBe(201);
    expect(again.body.id).toBe(first.body.id);
    expect(again.body.createdDateTime).toBe(first.body.createdDateTime);
  });

  it('answers 403 when the caller is not one of the two', async () => {
    const reply = await graph(server, 'chats', { as: USERS.leder, ...chefAndAuthor() });
    expectGraphError(reply, 403, 'Forbidden');
  });

  it.each([
    ['a group chat', { chatType: 'group', members: [member(USERS.chef), member(USERS.leder)] }],
    ['one member', { chatType: 'oneOnOne', members: [member(USERS.chef)] }],
    ['the same person twice', { chatType: 'oneOnOne', members: [member(USERS.chef), member(USERS.chef)] }],
    ['an unknown user', { chatType: 'oneOnOne', members: [member(USERS.chef), member('nobody@mpk.local')] }],
    [
      'a wrong member type',
      { chatType: 'oneOnOne', members: [member(USERS.chef), member(USERS.leder, { '@odata.type': 'x' })] },
    ],
    ['no owner role', { chatType: 'oneOnOne', members: [member(USERS.chef), member(USERS.leder, { roles: [] })] }],
  ])('answers 400 BadRequest for %s', async (_label, body) => {
    expectGraphError(await graph(server, 'chats', { body }), 400, 'BadRequest');
  });

  it('posts a chat message (201) and alerts the other member only', async () => {
    const chat = (await graph(server, 'chats', chefAndAuthor())).body.id as string;
    const path = `chats/${encodeURIComponent(chat)}/messages`;
    const content = 'Din historie er godkendt: <a href="http://127.0.0.1/sites/mpk?mpkStory=4">Se den</a>';
    const reply = await graph(server, path, { body: { body: { contentType: 'html', content } } });
    expect(reply.status).toBe(201);
    expect(reply.body).toMatchObject({
      '@odata.context': `https://graph.microsoft.com/v1.0/$metadata#chats('${encodeURIComponent(chat)}')/messages/$entity`,
      id: expect.stringMatching(/^\d{13}$/),
      chatId: chat,
      channelIdentity: null,
      webUrl: null,
      body: { contentType: 'html', content },
      from: { user: { id: graphUserId(USERS.chef), displayName: 'Christian Holm', userIdentityType: 'aadUser' } },
      mentions: [],
    });
    await expect(graphInbox(server.url, USERS.medarbejder)).resolves.toEqual([
      {
        kind: 'chatMessage',
        from: USERS.chef,
        text: 'Din historie er godkendt: Se den',
        webUrl: `https://teams.microsoft.com/l/chat/${encodeURIComponent(chat)}/0?tenantId=${LOCAL_TENANT_ID}`,
        links: ['http://127.0.0.1/sites/mpk?mpkStory=4'],
        at: reply.body.createdDateTime,
      },
    ]);
    await expect(graphInbox(server.url, USERS.chef)).resolves.toEqual([]);
  });

  it('answers 404 for an unknown chat and 403 for a caller outside the chat', async () => {
    const chat = (await graph(server, 'chats', chefAndAuthor())).body.id as string;
    const message = { body: { body: { content: 'hej' } } };
    expectGraphError(
      await graph(server, `chats/${encodeURIComponent('19:x_y@unq.gbl.spaces')}/messages`, message),
      404,
      'NotFound',
    );
    expectGraphError(
      await graph(server, `chats/${encodeURIComponent(chat)}/messages`, { as: USERS.leder, ...message }),
      403,
      'Forbidden',
    );
  });

  it('needs Chat.Create to create and ChatMessage.Send to post', async () => {
    const chat = (await graph(server, 'chats', chefAndAuthor())).body.id as string;
    await setGraphConsent(server.url, ['ChatMessage.Send']);
    expect(expectGraphError(await graph(server, 'chats', chefAndAuthor()), 403, 'Forbidden')).toMatch(/'Chat\.Create/);
    const path = `chats/${encodeURIComponent(chat)}/messages`;
    expect((await graph(server, path, { body: { body: { content: 'ok' } } })).status).toBe(201);
    await setGraphConsent(server.url, ['Chat.Create']);
    expect(
      expectGraphError(await graph(server, path, { body: { body: { content: 'no' } } }), 403, 'Forbidden'),
    ).toMatch(/'ChatMessage\.Send/);
  });

  it('lists chat alerts newest first', async () => {
    const chat = (await graph(server, 'chats', chefAndAuthor())).body.id as string;
    const path = `chats/${encodeURIComponent(chat)}/messages`;
    for (const text of ['første', 'anden', 'tredje']) await graph(server, path, { body: { body: { content: text } } });
    const inbox = await graphInbox(server.url, USERS.medarbejder);
    expect(inbox.map((e) => e.text)).toEqual(['tredje', 'anden', 'første']);
  });
});
