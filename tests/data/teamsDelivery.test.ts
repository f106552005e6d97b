/** @jest-environment node */
/**
 * Teams delivery through the local Graph: what the acting person's saves post (a channel @mention, a
 * one-to-one chat), what a failing Graph does to the action (nothing) and to "Nyt til dig" (nothing), and
 * that a retried delivery never posts twice.
 */
import { as, servicesFor, startServer, userId, USERS, type TestServer } from './support';
import { provision } from '../../src/data/provisioning';
import { createServices } from '../../src/data/services';
import type { IMpkServices } from '../../src/data/repositories/types';
import type { IDeliveryReport } from '../../src/domain/notifications';
import type { IFollowUpTask, IStory } from '../../src/domain/model';
import { createLocalGraph } from '../../localsp/client';
import { graphInbox, registerTeams, setGraphConsent } from '../../localgraph/client';
import { danish } from '../support/strings';
import { GRAPH_SCOPES } from '../build/graphScopes';

jest.setTimeout(60_000);

let server: TestServer;
let chef: IMpkServices;
let admin: IMpkServices;
let leder: IMpkServices;
let medarbejder: IMpkServices;
let unitId: number;
const TEAM = '3b0c8a5e-5a44-4d1e-9a0e-6f2f1c9a7b11';
const CHANNEL = '19:ledergruppen-laering@thread.tacv2';

/** Services that deliver in Teams through the local Graph, signed in as `email`. */
async function delivering(email: string): Promise<IMpkServices> {
  return createServices(
    as(server, email),
    { id: await userId(server, email), email, displayName: (await as(server, email).web.currentUser()).Title },
    { graph: () => Promise.resolve(createLocalGraph(server.url, email)), texts: danish.teamsMessages },
  );
}

/** The next delivery report of a person's services. */
function nextReport(services: IMpkServices): Promise<IDeliveryReport> {
  return new Promise((resolve) => {
    const stop = services.notifications.onDelivery((report) => {
      stop();
      resolve(report);
    });
  });
}

const task = (title: string, extra: Partial<IFollowUpTask> = {}): IFollowUpTask => ({
  clientKey: '',
  title,
  unitId,
  ambitionKey: 'gode-rammer',
  dueDate: '2026-12-24',
  status: 'open',
  assigneeId: leder.user.id,
  ...extra,
});

beforeAll(async () => {
  server = await startServer();
  await provision(as(server, USERS.admin));
  const owner = await servicesFor(server, USERS.admin);
  [chef, admin, leder, medarbejder] = await Promise.all(
    [USERS.chef, USERS.admin, USERS.leder, USERS.medarbejder].map(delivering),
  );
  const unit = (await owner.units.list())[0];
  unitId = unit.id as number;
  await owner.units.update(unit, {
    ...unit,
    leaderIds: [leder.user.id],
    teamsTeamId: TEAM,
    teamsChannelId: CHANNEL,
  });
  await registerTeams(server.url, [
    {
      id: TEAM,
      displayName: `Ledergruppen – ${unit.name}`,
      members: [USERS.leder, USERS.chef, USERS.admin],
      channels: [{ id: CHANNEL, displayName: 'Ledergruppen' }],
    },
  ]);
});
afterEach(() => server.faults({}));
afterAll(() => server.close());

describe('a task assigned by the chef', () => {
  it('reaches the leader as a channel @mention with the title and a deep link, and "Nyt til dig" once', async () => {
    const report = nextReport(chef);
    const created = await chef.tasks.create(task('Beskriv jeres tre vigtigste indsatser'));
    expect(await report).toEqual({ kind: 'taskAssigned', recipients: 1, teams: 'sent' });
    const inbox = await graphInbox(server.url, USERS.leder);
    const mention = inbox.find((e) => e.kind === 'channelMention' && e.text.includes('Beskriv jeres tre vigtigste'));
    expect(mention).toMatchObject({ from: USERS.chef });
    expect(mention?.text).toContain('Christian Holm har givet dig en opfølgningsopgave');
    const link = mention?.links.find((l) => l.startsWith('https://teams.microsoft.com/l/entity/')) as string;
    expect(JSON.parse(new URL(link).searchParams.get('context') as string)).toEqual({
      subEntityId: `task-${created.id}`,
    });
    // The chef is a member too, but never alerted by their own post.
    expect((await graphInbox(server.url, USERS.chef)).some((e) => e.text.includes('Beskriv jeres tre'))).toBe(false);
    const mine = (await leder.notifications.page()).items.filter((n) => n.target.id === created.id);
    expect(mine).toHaveLength(1);

    // The same save retried: the row is found, its delivery says "sent", nothing is posted again.
    const again = nextReport(chef);
    await chef.tasks.create({ ...task('Beskriv jeres tre vigtigste indsatser'), clientKey: created.clientKey });
    expect(await again).toMatchObject({ teams: 'sent' });
    const mentions = (await graphInbox(server.url, USERS.leder)).filter((e) => e.text.includes('Beskriv jeres tre'));
    expect(mentions).toHaveLength(1);
  });

  it('with Graph refusing (403) the task is saved, "Nyt til dig" has it, and the chef is told why', async () => {
    await server.faults({ graph: { failNext: 20, failStatus: 403 } } as never);
    const report = nextReport(chef);
    const created = await chef.tasks.create(task('Opgave uden Teams'));
    expect(await report).toEqual({ kind: 'taskAssigned', recipients: 1, teams: 'failed', reason: 'forbidden' });
    expect((await chef.tasks.get(created.id as number)).title).toBe('Opgave uden Teams');
    expect((await leder.notifications.page()).items.filter((n) => n.target.id === created.id)).toHaveLength(1);
    expect((await graphInbox(server.url, USERS.leder)).some((e) => e.text.includes('Opgave uden Teams'))).toBe(false);
  });

  it('in a 429 storm the task is saved and "Nyt til dig" is right; the delivery gives up as throttled', async () => {
    await server.faults({ graph: { throttleRate: 1, retryAfter: 0 } } as never);
    const report = nextReport(chef);
    const created = await chef.tasks.create(task('Opgave i en storm'));
    expect(await report).toMatchObject({ kind: 'taskAssigned', teams: 'failed', reason: 'throttled' });
    expect((await leder.notifications.page()).items.filter((n) => n.target.id === created.id)).toHaveLength(1);
  });
});

describe('other unit events in the leader group channel', () => {
  it('"Send påmindelse" and a dialog reply @mention the people concerned; without consent nothing posts and the actor is told', async () => {
    const assigned = nextReport(chef);
    const overdue = await chef.tasks.create(task('Forsinket svar', { dueDate: '2026-01-05' }));
    await assigned;
    expect(await chef.notifications.nudge({ type: 'task', id: overdue.id as number })).toEqual({
      kind: 'nudge',
      recipients: 1,
      teams: 'sent',
    });
    const nudge = (await graphInbox(server.url, USERS.leder)).find((e) => e.text.includes('minder om'));
    expect(nudge?.text).toContain('Forsinket svar');

    const plan = await leder.plans.create({
      clientKey: '',
      unitId,
      period: '2027',
      status: 'draft',
      ownerId: leder.user.id,
    });
    const initiative = await leder.initiatives.create({
      clientKey: '',
      planId: plan.id as number,
      unitId,
      title: 'Fælles morgenmøde',
      ambitionKey: 'gode-rammer',
      ownerId: leder.user.id,
      status: 'inProgress',
    });
    const reply = nextReport(chef);
    await chef.comments.create({ clientKey: '', initiativeId: initiative.id, body: 'Hvordan går det?' }, unitId);
    expect(await reply).toEqual({ kind: 'dialogReply', recipients: 1, teams: 'sent' });
    expect((await graphInbox(server.url, USERS.leder))[0].text).toContain(
      'har skrevet i dialogen om Fælles morgenmøde',
    );

    // The tenant administrator has not approved ChannelMessage.Send.
    await setGraphConsent(server.url, ['User.ReadBasic.All', 'Chat.Create', 'ChatMessage.Send']);
    try {
      const refused = nextReport(chef);
      await chef.tasks.create(task('Uden samtykke'));
      expect(await refused).toEqual({ kind: 'taskAssigned', recipients: 1, teams: 'failed', reason: 'forbidden' });
    } finally {
      await setGraphConsent(server.url, GRAPH_SCOPES);
    }
  });
});

describe('the Teams activity feed, behind the setting teamsActivityFeed', () => {
  it('off by default; on, the assignee also gets an activity of the type the manifest declares', async () => {
    const before = (await graphInbox(server.url, USERS.leder)).filter((e) => e.kind === 'activity').length;
    expect(before).toBe(0);
    await as(server, USERS.admin)
      .web.lists.getByTitle('MPK Indstillinger')
      .items.add({ Title: 'teamsActivityFeed', ClientKey: 'teamsActivityFeed', SettingValue: 'on' });
    const chefNow = await delivering(USERS.chef);
    const report = nextReport(chefNow);
    const created = await chefNow.tasks.create(task('Opgave i aktivitetsfeedet'));
    expect(await report).toMatchObject({ teams: 'sent' });
    const activity = (await graphInbox(server.url, USERS.leder)).find((e) => e.kind === 'activity');
    expect(activity).toMatchObject({ from: USERS.chef });
    expect(activity?.text).toContain('Opgave i aktivitetsfeedet');
    expect(JSON.parse(new URL(activity?.webUrl as string).searchParams.get('context') as string)).toEqual({
      subEntityId: `task-${created.id}`,
    });
  });
});

describe('stories approved and sent back', () => {
  async function story(title: string): Promise<IStory> {
    return medarbejder.stories.create({
      clientKey: '',
      title,
      body: '<p>En god dag.</p>',
      kind: 'success',
      ambitionKey: 'mod-og-stolthed',
      unitId,
      featured: false,
      recognitionCount: 0,
    });
  }

  it('reach the author in a one-to-one chat from the approver (with the reason), and in "Nyt til dig"', async () => {
    const good = await story('Morgenmad med borgerne');
    const back = await story('Et navn for meget');
    let report = nextReport(admin);
    await admin.stories.moderate(good, true);
    expect(await report).toEqual({ kind: 'storyApproved', recipients: 1, teams: 'sent' });
    report = nextReport(admin);
    await admin.stories.moderate(back, false, 'Skriv den uden borgerens navn.');
    expect(await report).toEqual({ kind: 'storyReturned', recipients: 1, teams: 'sent' });
    const chats = (await graphInbox(server.url, USERS.medarbejder)).filter((e) => e.kind === 'chatMessage');
    expect(chats.map((c) => c.from)).toEqual([USERS.admin, USERS.admin]);
    expect(chats[0].text).toContain('Et navn for meget');
    expect(chats[0].text).toContain('Skriv den uden borgerens navn.');
    expect(chats[1].text).toContain('Anne Andersen har godkendt din hverdagshistorie "Morgenmad med borgerne"');
    const kinds = (await medarbejder.notifications.page()).items.map((n) => n.kind);
    expect(kinds).toEqual(expect.arrayContaining(['storyApproved', 'storyReturned']));
  });

  it('no chat when the approver unticks "Send besked til forfatteren i Teams" — "Nyt til dig" all the same', async () => {
    const quiet = await story('Stille godkendelse');
    const before = (await graphInbox(server.url, USERS.medarbejder)).length;
    const report = nextReport(admin);
    await admin.stories.moderate(quiet, true, undefined, { notifyInTeams: false });
    expect(await report).toEqual({ kind: 'storyApproved', recipients: 1, teams: 'skipped' });
    expect((await graphInbox(server.url, USERS.medarbejder)).length).toBe(before);
    expect((await medarbejder.notifications.page()).items.some((n) => n.target.id === quiet.id)).toBe(true);
  });
});
