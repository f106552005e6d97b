/** @jest-environment node */
/**
 * "Nyt til dig" on the local SharePoint, without Teams (no Graph wired): the rows the acting person's
 * saves write (exactly once, never to the actor, not to whoever turned the kind off), the reminders
 * computed on read, read state, and the count in a first view's one batch.
 */
import { as, dataRequests, servicesFor, startServer, USERS, type TestServer } from './support';
import { provision } from '../../src/data/provisioning';
import { toIsoDate, addDays } from '../../src/domain/dates';
import type { IMpkServices } from '../../src/data/repositories/types';
import type { IFollowUpTask, IInitiative, IPlan, IStory } from '../../src/domain/model';

jest.setTimeout(60_000);

let server: TestServer;
let admin: IMpkServices;
let chef: IMpkServices;
let leder: IMpkServices;
let medarbejder: IMpkServices;
let unitId: number;
let plan: IPlan;
let initiative: IInitiative;
const today = toIsoDate(new Date());

const services = (email: string): Promise<IMpkServices> => servicesFor(server, email);

async function rowsOf(): Promise<{ RecipientId: number; NotificationKind: string; AuthorId: number }[]> {
  const response = await server.fetch(
    "_api/web/lists/getByTitle('MPK%20Nyt%20til%20dig')/items?$select=RecipientId,NotificationKind,AuthorId,TargetId&$top=5000",
    { as: USERS.admin },
  );
  return ((await response.json()) as { value: { RecipientId: number; NotificationKind: string; AuthorId: number }[] })
    .value;
}

function task(extra: Partial<IFollowUpTask> = {}): IFollowUpTask {
  return {
    clientKey: '',
    title: 'Send status til chefgruppen',
    unitId,
    ambitionKey: 'gode-rammer',
    dueDate: addDays(today, 20),
    status: 'open',
    ...extra,
  };
}

beforeAll(async () => {
  server = await startServer();
  await provision(as(server, USERS.admin));
  [admin, chef, leder, medarbejder] = await Promise.all(
    [USERS.admin, USERS.chef, USERS.leder, USERS.medarbejder].map(services),
  );
  const unit = (await admin.units.list())[0];
  unitId = unit.id as number;
  await admin.units.update(unit, { ...unit, leaderIds: [leder.user.id] });
  plan = await leder.plans.create({ clientKey: '', unitId, period: '2026', status: 'draft', ownerId: leder.user.id });
  initiative = await leder.initiatives.create({
    clientKey: '',
    planId: plan.id as number,
    unitId,
    title: 'Læsebånd i indskolingen',
    ambitionKey: 'viden-og-faglighed',
    ownerId: leder.user.id,
    status: 'inProgress',
  });
});
afterAll(() => server.close());

describe('events written by the acting person', () => {
  it('a task assigned to the leader: one entry for the leader, none for the chef who assigned it, none again on a retried save', async () => {
    const created = await chef.tasks.create(task({ assigneeId: leder.user.id }));
    const mine = (await leder.notifications.page()).items.filter((n) => n.kind === 'taskAssigned');
    expect(mine).toHaveLength(1);
    expect(mine[0]).toMatchObject({
      subject: 'Send status til chefgruppen',
      actorName: 'Christian Holm',
      target: { type: 'task', id: created.id, unitId },
      read: false,
    });
    expect(mine[0].links?.teams).toMatch(/^https:\/\/teams\.microsoft\.com\/l\/entity\//);
    expect((await chef.notifications.page()).items.filter((n) => n.kind === 'taskAssigned')).toHaveLength(0);
    // The same create retried (same client key) and an edit that keeps the assignee write nothing new.
    await chef.tasks.create({ ...task({ assigneeId: leder.user.id }), clientKey: created.clientKey });
    await chef.tasks.update(created, { ...created, title: 'Send status til chefgruppen i dag' });
    expect((await rowsOf()).filter((r) => r.NotificationKind === 'taskAssigned')).toHaveLength(1);
  });

  it('a reassignment tells the new assignee; the same update retried from the same version tells them once', async () => {
    const created = await chef.tasks.create(task({ title: 'Flyt opgaven', assigneeId: leder.user.id }));
    const reassigned = await chef.tasks.update(created, { ...created, assigneeId: medarbejder.user.id });
    // A retry of that save (the response was lost): the same original, so the same event.
    await chef.tasks.update(created, { ...created, assigneeId: medarbejder.user.id }).catch(() => undefined);
    expect(reassigned.assigneeId).toBe(medarbejder.user.id);
    const entries = (await medarbejder.notifications.page()).items.filter(
      (n) => n.kind === 'taskAssigned' && n.target.id === created.id,
    );
    expect(entries).toHaveLength(1);
  });

  it('a kind turned off is not written; turning it on again brings the next one', async () => {
    await leder.notifications.saveSettings({ off: ['taskAssigned'] });
    expect(await leder.notifications.getSettings()).toEqual({ off: ['taskAssigned'] });
    const before = (await rowsOf()).length;
    await chef.tasks.create(task({ title: 'Slået fra', assigneeId: leder.user.id }));
    expect((await rowsOf()).length).toBe(before);
    await leder.notifications.saveSettings({ off: [] });
    await chef.tasks.create(task({ title: 'Slået til igen', assigneeId: leder.user.id }));
    expect((await rowsOf()).length).toBe(before + 1);
  });

  it('a story approved and one sent back reach their author, with the title only the author can read', async () => {
    const write = (title: string): Promise<IStory> =>
      medarbejder.stories.create({
        clientKey: '',
        title,
        body: '<p>Vi spurgte borgeren først.</p>',
        kind: 'success',
        ambitionKey: 'mod-og-stolthed',
        unitId,
        featured: false,
        recognitionCount: 0,
      });
    const good = await write('Borgeren først');
    const back = await write('Navnet på barnet');
    await admin.stories.moderate(good, true, undefined, { notifyInTeams: false });
    await admin.stories.moderate(back, false, 'Skriv den uden barnets navn.', { notifyInTeams: false });
    const items = (await medarbejder.notifications.page()).items;
    expect(items.find((n) => n.kind === 'storyApproved')).toMatchObject({
      subject: 'Borgeren først',
      target: { id: good.id },
    });
    expect(items.find((n) => n.kind === 'storyReturned')).toMatchObject({
      subject: 'Navnet på barnet',
      target: { id: back.id },
    });
    // The rows themselves carry no story title (other people can read the rows).
    const raw = await server.fetch(
      "_api/web/lists/getByTitle('MPK%20Nyt%20til%20dig')/items?$select=Subject,NotificationKind&$filter=NotificationKind eq 'storyReturned'",
      { as: USERS.leder },
    );
    expect(((await raw.json()) as { value: { Subject: string | null }[] }).value.every((r) => !r.Subject)).toBe(true);
    // Recognitions of the approved story are gathered: two colleagues, one entry.
    await leder.recognitions.recognise(good.id as number, leder.user.id);
    await chef.recognitions.recognise(good.id as number, chef.user.id);
    const recognised = (await medarbejder.notifications.page()).items.filter((n) => n.kind === 'recognised');
    expect(recognised).toHaveLength(1);
    expect(recognised[0]).toMatchObject({ count: 2, subject: 'Borgeren først' });
  });

  it('a reply in a dialog tells the initiative owner and earlier participants, never the writer', async () => {
    await medarbejder.comments.create({ clientKey: '', initiativeId: initiative.id, body: 'Hvordan går det?' }, unitId);
    await chef.comments.create({ clientKey: '', initiativeId: initiative.id, body: 'Godt spørgsmål.' }, unitId);
    const replies = (await rowsOf()).filter((r) => r.NotificationKind === 'dialogReply');
    // Medarbejder's comment: the owner (leder). Chef's: leder and medarbejder.
    expect(replies.map((r) => [r.AuthorId, r.RecipientId]).sort()).toEqual(
      [
        [medarbejder.user.id, leder.user.id],
        [chef.user.id, leder.user.id],
        [chef.user.id, medarbejder.user.id],
      ].sort(),
    );
    const entry = (await medarbejder.notifications.page()).items.find((n) => n.kind === 'dialogReply');
    expect(entry).toMatchObject({
      subject: 'Læsebånd i indskolingen',
      target: { type: 'initiative', id: initiative.id },
    });
  });

  it('a plan approved tells its owner and the unit leaders, except the one who approved it', async () => {
    const approved = await chef.plans.update(plan, { ...plan, status: 'approved' });
    plan = approved;
    const entries = (await leder.notifications.page()).items.filter((n) => n.kind === 'planApproved');
    expect(entries).toHaveLength(1);
    expect(entries[0].subject).toMatch(/2026$/);
  });

  it('"Send påmindelse" tells the assignee once a day, however often it is pressed', async () => {
    const overdue = await chef.tasks.create(
      task({ title: 'Forsinket', assigneeId: leder.user.id, dueDate: addDays(today, 30) }),
    );
    const first = await chef.notifications.nudge({ type: 'task', id: overdue.id as number });
    await chef.notifications.nudge({ type: 'task', id: overdue.id as number });
    expect(first).toMatchObject({ kind: 'nudge', recipients: 1, teams: 'skipped' });
    const nudges = (await leder.notifications.page()).items.filter((n) => n.kind === 'nudge');
    expect(nudges).toHaveLength(1);
    expect(nudges[0].subject).toBe('Forsinket');
  });
});

describe('reminders nobody wrote, read state and the count', () => {
  it('a task due soon and an initiative silent for 14 days appear for the person; a check-in silences the initiative', async () => {
    await chef.tasks.create(
      task({ title: 'Frist i morgen', assigneeId: medarbejder.user.id, dueDate: addDays(today, 1) }),
    );
    const silent = await leder.initiatives.create({
      clientKey: '',
      planId: plan.id as number,
      unitId,
      title: 'Stille indsats',
      ambitionKey: 'gode-rammer',
      ownerId: medarbejder.user.id,
      status: 'inProgress',
    });
    // An old check-in: silent for 20 days.
    await leder.checkIns.create(
      { clientKey: '', initiativeId: silent.id as number, date: addDays(today, -20), health: 'green', progress: 10 },
      unitId,
    );
    let items = (await medarbejder.notifications.page()).items;
    expect(items.find((n) => n.kind === 'taskDueSoon')?.subject).toBe('Frist i morgen');
    expect(items.find((n) => n.kind === 'checkInDue')).toMatchObject({
      subject: 'Stille indsats',
      target: { id: silent.id },
    });
    await leder.checkIns.create(
      { clientKey: '', initiativeId: silent.id as number, date: today, health: 'yellow', progress: 20 },
      unitId,
    );
    items = (await medarbejder.notifications.page()).items;
    expect(items.find((n) => n.kind === 'checkInDue')).toBeUndefined();
  });

  it('the count rides in the first view, goes down when read and to zero with "Markér alle som læst"', async () => {
    await server.resetRequests();
    const view = await medarbejder.views.loadAmbitionsView({ userId: medarbejder.user.id });
    expect((await dataRequests(server)).map((r) => r.path.replace(/^.*\/_api\//, ''))).toEqual(['$batch']);
    const page = await medarbejder.notifications.page(100);
    expect(view.inbox).toEqual({ unread: page.items.filter((n) => !n.read).length, complete: true });
    expect(view.inbox.unread).toBeGreaterThan(2);
    await medarbejder.notifications.markRead([page.items[0].id]);
    const plan = await medarbejder.views.loadPlanView({ unitId });
    expect(plan.inbox.unread).toBe(view.inbox.unread - 1);
    await medarbejder.notifications.markAllRead();
    const follow = await medarbejder.views.loadFollowUpView({});
    expect(follow.inbox).toEqual({ unread: 0, complete: true });
    expect((await medarbejder.notifications.page()).items.every((n) => n.read)).toBe(true);
  });

  it('"Vis flere" goes on past the first 100 written rows, newest first, each once', async () => {
    const rows = Array.from({ length: 130 }, (_, i) => ({
      Title: 'nudge',
      ClientKey: `bulk-${i}`,
      RecipientId: chef.user.id,
      NotificationKind: 'nudge',
      TargetType: 'task',
      TargetId: 1000 + i,
      UnitId: unitId,
      Subject: `Påmindelse ${i}`,
    }));
    await server.bulk('MPK Nyt til dig', rows, USERS.leder);
    let page = await chef.notifications.page(40);
    const seen = [...page.items];
    while (page.hasMore) {
      page = await page.nextPage();
      seen.push(...page.items);
    }
    const bulk = seen.filter((n) => n.subject.startsWith('Påmindelse '));
    expect(bulk).toHaveLength(130);
    expect(new Set(seen.map((n) => n.id)).size).toBe(seen.length);
    expect(bulk[0].subject).toBe('Påmindelse 129');
    expect(bulk[129].subject).toBe('Påmindelse 0');
  });

  it('a person cannot change another person’s settings row (WriteSecurity 2)', async () => {
    const rows = await server.fetch(
      "_api/web/lists/getByTitle('MPK%20Personlige%20indstillinger')/items?$select=Id,AuthorId",
      { as: USERS.leder },
    );
    const theirs = ((await rows.json()) as { value: { Id: number; AuthorId: number }[] }).value.find(
      (r) => r.AuthorId === medarbejder.user.id,
    );
    expect(theirs).toBeDefined();
    await expect(
      as(server, USERS.leder)
        .web.lists.getByTitle('MPK Personlige indstillinger')
        .items.getById(theirs?.Id as number)
        .update({ Settings: '{"off":["taskAssigned"]}' }),
    ).rejects.toThrow();
  });
});
