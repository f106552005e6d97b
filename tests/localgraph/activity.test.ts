/** @jest-environment node */
/**
 * The Teams activity feed in the local Graph (reference §1.1–§1.4, §5): the four sendActivityNotification
 * endpoints, their validation (activity types of the manifest, topic, webUrl, preview text, template parameters),
 * installation, self-notification, the 10-per-minute limit per recipient, chainId, and what lands in the feed.
 */
import { graphUserId } from '../../localgraph';
import { graphInbox, setGraphConsent, setGraphInstalled } from '../../localgraph/client';
import type { TestServer } from '../localsp/harness';
import { CHANNEL_ID, expectGraphError, graph, mention, resetGraph, startGraphServer, TEAM_ID, USERS } from './support';

const TEAMS_LINK =
  'https://teams.microsoft.com/l/entity/82f2fa80-81e3-49bd-bf82-be796e0da454/opfoelgning?context=%7B%22subEntityId%22%3A%22task-7%22%7D';
const LEDER_ID = graphUserId(USERS.leder);

function activity(extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    topic: { source: 'text', value: 'Opfølgning', webUrl: TEAMS_LINK },
    activityType: 'followUpAssigned',
    previewText: { content: 'Frist 12. december' },
    templateParameters: [{ name: 'taskTitle', value: 'Plan for trivsel' }],
    ...extra,
  };
}

const toLeder = `users/${LEDER_ID}/teamwork/sendActivityNotification`;

describe('the activity feed in the local Graph', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startGraphServer();
  });
  afterAll(() => server.close());
  beforeEach(() => resetGraph(server));

  it('accepts a user notification with 204 and puts the rendered text in the feed', async () => {
    const reply = await graph(server, toLeder, { body: activity() });
    expect([reply.status, reply.body]).toEqual([204, null]);
    await expect(graphInbox(server.url, USERS.leder)).resolves.toEqual([
      {
        kind: 'activity',
        from: USERS.chef,
        text: 'Christian Holm har givet dig en opfølgningsopgave: Plan for trivsel: Frist 12. december',
        webUrl: TEAMS_LINK,
        links: [],
        at: expect.stringMatching(/Z$/),
      },
    ]);
  });

  it('takes the user by UPN too, and systemDefault with systemDefaultText', async () => {
    const body = activity({
      activityType: 'systemDefault',
      previewText: undefined,
      templateParameters: [{ name: 'systemDefaultText', value: 'Husk statusmelding' }],
    });
    expect((await graph(server, `users/${USERS.leder}/teamwork/sendActivityNotification`, { body })).status).toBe(204);
    const [entry] = await graphInbox(server.url, USERS.leder);
    expect(entry.text).toBe('Husk statusmelding');
  });

  it('accepts an entityUrl topic of an installed app or the catalog app', async () => {
    const topic = { source: 'entityUrl', value: 'https://graph.microsoft.com/v1.0/appCatalogs/teamsApps/abc' };
    expect((await graph(server, toLeder, { body: activity({ topic }) })).status).toBe(204);
    const wrong = { source: 'entityUrl', value: `https://graph.microsoft.com/v1.0/teams/${TEAM_ID}` };
    expectGraphError(await graph(server, toLeder, { body: activity({ topic: wrong }) }), 400, 'BadRequest');
  });

  it('notifies a team member or the whole channel through the team (204), never the sender', async () => {
    const path = `teams/${TEAM_ID}/sendActivityNotification`;
    const topic = {
      source: 'entityUrl',
      value: `https://graph.microsoft.com/v1.0/teams/${TEAM_ID}/channels/${CHANNEL_ID}`,
    };
    const one = activity({
      topic,
      recipient: { '@odata.type': 'microsoft.graph.aadUserNotificationRecipient', userId: LEDER_ID },
    });
    expect((await graph(server, path, { body: one })).status).toBe(204);
    const all = activity({
      topic,
      recipient: {
        '@odata.type': 'Microsoft.Teams.GraphSvc.channelMembersNotificationRecipient',
        teamId: TEAM_ID,
        channelId: CHANNEL_ID,
      },
    });
    expect((await graph(server, path, { body: all })).status).toBe(204);
    expect(await graphInbox(server.url, USERS.leder)).toHaveLength(2);
    expect(await graphInbox(server.url, USERS.admin)).toHaveLength(1);
    expect(await graphInbox(server.url, USERS.chef)).toEqual([]);
    const outsider = await graph(server, path, { as: USERS.medarbejder, body: one });
    expectGraphError(outsider, 403, 'Forbidden');
    const otherTeam = {
      source: 'entityUrl',
      value: 'https://graph.microsoft.com/v1.0/teams/00000000-0000-4000-8000-000000000000',
    };
    expectGraphError(await graph(server, path, { body: { ...one, topic: otherTeam } }), 400, 'BadRequest');
  });

  it('notifies through a chat (204) and to a list of recipients (202)', async () => {
    const members = [USERS.chef, USERS.medarbejder].map((u) => ({
      '@odata.type': '#microsoft.graph.aadUserConversationMember',
      roles: ['owner'],
      'user@odata.bind': `https://graph.microsoft.com/v1.0/users('${u}')`,
    }));
    const chat = (await graph(server, 'chats', { body: { chatType: 'oneOnOne', members } })).body.id as string;
    const body = activity({
      topic: { source: 'entityUrl', value: `https://graph.microsoft.com/v1.0/chats/${chat}` },
      recipient: { '@odata.type': '#microsoft.graph.chatMembersNotificationRecipient', chatId: chat },
    });
    expect((await graph(server, `chats/${encodeURIComponent(chat)}/sendActivityNotification`, { body })).status).toBe(
      204,
    );
    expect(await graphInbox(server.url, USERS.medarbejder)).toHaveLength(1);
    const bulk = activity({
      topic: { source: 'entityUrl', value: 'https://graph.microsoft.com/v1.0/appCatalogs/teamsApps/abc' },
      recipients: [USERS.leder, USERS.admin].map((userId) => ({
        '@odata.type': 'microsoft.graph.aadUserNotificationRecipient',
        userId,
      })),
    });
    const reply = await graph(server, 'teamwork/sendActivityNotificationToRecipients', { body: bulk });
    expect([reply.status, reply.body]).toEqual([202, null]);
    expect(await graphInbox(server.url, USERS.admin)).toHaveLength(1);
    const none = { ...bulk, recipients: [] };
    expectGraphError(
      await graph(server, 'teamwork/sendActivityNotificationToRecipients', { body: none }),
      400,
      'BadRequest',
    );
  });

  it.each([
    ['an activity type the manifest does not declare', activity({ activityType: 'somethingElse' })],
    ['systemDefault without systemDefaultText', activity({ activityType: 'systemDefault', templateParameters: [] })],
    ['a missing template parameter', activity({ templateParameters: [] })],
    ['a text topic without webUrl', activity({ topic: { source: 'text', value: 'x' } })],
    ['a webUrl outside Teams', activity({ topic: { source: 'text', value: 'x', webUrl: 'https://example.org/x' } })],
    ['an unknown topic source', activity({ topic: { source: 'url', value: 'x' } })],
    ['no topic', activity({ topic: undefined })],
    ['a previewText over 150 characters', activity({ previewText: { content: 'x'.repeat(151) } })],
    ['a chainId that is not an integer', activity({ chainId: 'abc' })],
  ])('answers 400 BadRequest for %s', async (_label, body) => {
    expectGraphError(await graph(server, toLeder, { body }), 400, 'BadRequest');
    await expect(graphInbox(server.url, USERS.leder)).resolves.toEqual([]);
  });

  it('answers a webUrl over 1024 characters with 400 UnknownError, and takes 150 preview characters', async () => {
    const long = activity({ topic: { source: 'text', value: 'x', webUrl: `${TEAMS_LINK}&x=${'a'.repeat(1024)}` } });
    expect(expectGraphError(await graph(server, toLeder, { body: long }), 400, 'BadRequest')).toBe('UnknownError');
    const max = activity({ previewText: { content: 'x'.repeat(150) } });
    expect((await graph(server, toLeder, { body: max })).status).toBe(204);
  });

  it('refuses to notify oneself with 400', async () => {
    const self = await graph(server, toLeder, { as: USERS.leder, body: activity() });
    expectGraphError(self, 400, 'BadRequest');
  });

  it('answers 403 with the documented message when the recipient lacks the app, until it is installed again', async () => {
    await setGraphInstalled(server.url, USERS.leder, false);
    const message = expectGraphError(await graph(server, toLeder, { body: activity() }), 403, 'Forbidden');
    expect(message).toMatch(
      /^Application with AAD App Id '.+' is not authorized to generate custom text notifications about '.+' to the recipient\./,
    );
    await setGraphInstalled(server.url, USERS.leder, true);
    expect((await graph(server, toLeder, { body: activity() })).status).toBe(204);
  });

  it('needs TeamsActivity.Send', async () => {
    await setGraphConsent(server.url, ['ChannelMessage.Send']);
    expect(expectGraphError(await graph(server, toLeder, { body: activity() }), 403, 'Forbidden')).toMatch(
      /'TeamsActivity\.Send'/,
    );
  });

  it('throttles the 11th notification within a minute to one recipient with 429 and Retry-After', async () => {
    for (let i = 0; i < 10; i++) expect((await graph(server, toLeder, { body: activity() })).status).toBe(204);
    const throttled = await graph(server, toLeder, { body: activity() });
    expectGraphError(throttled, 429, 'TooManyRequests');
    expect(Number(throttled.headers.get('retry-after'))).toBeGreaterThanOrEqual(59);
    const toAdmin = `users/${USERS.admin}/teamwork/sendActivityNotification`;
    expect((await graph(server, toAdmin, { body: activity() })).status).toBe(204);
    expect(await graphInbox(server.url, USERS.leder)).toHaveLength(10);
  });

  it('replaces the earlier notification of the same chainId', async () => {
    await graph(server, toLeder, { body: activity({ chainId: 42, previewText: { content: 'første' } }) });
    await graph(server, toLeder, { body: activity({ chainId: 7, previewText: { content: 'anden kæde' } }) });
    await graph(server, toLeder, { body: activity({ chainId: 42, previewText: { content: 'opdateret' } }) });
    const texts = (await graphInbox(server.url, USERS.leder)).map((e) => e.text.split(': ').pop());
    expect(texts).toEqual(['opdateret', 'anden kæde']);
  });

  it('lists channel mentions, chat messages and activities together, newest first', async () => {
    const channel = `teams/${TEAM_ID}/channels/${encodeURIComponent(CHANNEL_ID)}/messages`;
    await graph(server, channel, {
      body: {
        body: { contentType: 'html', content: 'Til <at id="0">Lene</at>' },
        mentions: [mention(0, LEDER_ID, 'Lene')],
      },
    });
    await new Promise((r) => setTimeout(r, 5));
    await graph(server, toLeder, { body: activity() });
    await new Promise((r) => setTimeout(r, 5));
    const members = [USERS.chef, USERS.leder].map((u) => ({
      '@odata.type': '#microsoft.graph.aadUserConversationMember',
      roles: ['owner'],
      'user@odata.bind': `https://graph.microsoft.com/v1.0/users('${u}')`,
    }));
    const chat = (await graph(server, 'chats', { body: { chatType: 'oneOnOne', members } })).body.id as string;
    await graph(server, `chats/${encodeURIComponent(chat)}/messages`, { body: { body: { content: 'Hej Lene' } } });
    const inbox = await graphInbox(server.url, USERS.leder);
    expect(inbox.map((e) => e.kind)).toEqual(['chatMessage', 'activity', 'channelMention']);
    expect(inbox.map((e) => e.at)).toEqual([...inbox.map((e) => e.at)].sort().reverse());
  });
});

describe('installed apps in the local Graph', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startGraphServer();
  });
  afterAll(() => server.close());
  beforeEach(() => resetGraph(server));

  const path = (user: string, filter = "teamsApp/externalId eq '82f2fa80-81e3-49bd-bf82-be796e0da454'"): string =>
    `users/${user}/teamwork/installedApps?$expand=teamsApp,teamsAppDefinition&$filter=${encodeURIComponent(filter)}`;

  it('lists the product app for everyone by default, as Example 3 of the docs', async () => {
    const reply = await graph(server, path(LEDER_ID));
    expect(reply.status).toBe(200);
    expect(reply.body).toEqual({
      '@odata.context': `https://graph.microsoft.com/v1.0/$metadata#users('${LEDER_ID}')/teamwork/installedApps`,
      '@odata.count': 1,
      value: [
        {
          id: expect.any(String),
          teamsApp: {
            id: expect.stringMatching(/^[0-9a-f-]{36}$/),
            externalId: '82f2fa80-81e3-49bd-bf82-be796e0da454',
            displayName: 'Mod på kerneopgaven',
            distributionMethod: 'organization',
          },
          teamsAppDefinition: expect.objectContaining({
            teamsAppId: reply.body.value[0].teamsApp.id,
            azureADAppId: '00000003-0000-0ff1-ce00-000000000000',
            version: expect.any(String),
          }),
        },
      ],
    });
  });

  it('lists nothing for another app id or once the app is removed for the person', async () => {
    expect((await graph(server, path(USERS.leder, "teamsApp/externalId eq 'other'"))).body.value).toEqual([]);
    await setGraphInstalled(server.url, USERS.leder, false);
    expect((await graph(server, path(USERS.leder))).body.value).toEqual([]);
    expect((await graph(server, path(USERS.admin))).body.value).toHaveLength(1);
  });

  it('answers an unknown person with 404 and an unsupported $filter with 400', async () => {
    expectGraphError(await graph(server, path('nobody@mpk.local')), 404, 'Request_ResourceNotFound');
    expectGraphError(await graph(server, path(USERS.leder, "startswith(teamsApp/displayName,'M')")), 400, 'BadRequest');
  });

  it('needs TeamsAppInstallation.ReadForUser', async () => {
    await setGraphConsent(server.url, ['TeamsActivity.Send']);
    expectGraphError(await graph(server, path(USERS.leder)), 403, 'Forbidden');
  });
});
