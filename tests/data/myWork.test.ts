/** @jest-environment node */
/**
 * The card "Mine opgaver" reads the person's work from the local SharePoint in one `$batch`: their open tasks (and
 * which are over the deadline), their silent initiatives, the next statusmelding, their unread "Nyt til dig" (the
 * bell's own count) and the pages setting for links — and says plainly when it cannot.
 */
import { as, dataErrorOf, dataRequests, servicesFor, startServer, USERS, type TestServer } from './support';
import { loadMyWork } from '../../src/data/notifications/myWork';
import { provision } from '../../src/data/provisioning';
import { addDays, toIsoDate } from '../../src/domain/dates';
import type { IMpkServices } from '../../src/data/repositories/types';
import type { IFollowUpTask } from '../../src/domain/model';

jest.setTimeout(60_000);

let server: TestServer;
let admin: IMpkServices;
let chef: IMpkServices;
let leder: IMpkServices;
let unitId: number;
const now = new Date();
const today = toIsoDate(now);

function task(title: string, dueDate: string, extra: Partial<IFollowUpTask> = {}): IFollowUpTask {
  return { clientKey: '', title, unitId, ambitionKey: 'gode-rammer', dueDate, status: 'open', ...extra };
}

beforeAll(async () => {
  server = await startServer();
  await provision(as(server, USERS.admin));
  [admin, chef, leder] = await Promise.all([USERS.admin, USERS.chef, USERS.leder].map((e) => servicesFor(server, e)));
  const unit = (await admin.units.list())[0];
  unitId = unit.id as number;
  await admin.units.update(unit, { ...unit, leaderIds: [leder.user.id] });
  const plan = await leder.plans.create({
    clientKey: '',
    unitId,
    period: '2026',
    status: 'draft',
    ownerId: leder.user.id,
  });
  const initiative = (title: string): ReturnType<typeof leder.initiatives.create> =>
    leder.initiatives.create({
      clientKey: '',
      planId: plan.id as number,
      unitId,
      title,
      ambitionKey: 'viden-og-faglighed',
      ownerId: leder.user.id,
      status: 'inProgress',
    });
  const silent = await initiative('Læsebånd i indskolingen');
  const fresh = await initiative('Sprogpakken');
  await leder.checkIns.create(
    { clientKey: '', initiativeId: silent.id as number, date: addDays(today, -20), health: 'green', progress: 10 },
    unitId,
  );
  await leder.checkIns.create(
    { clientKey: '', initiativeId: fresh.id as number, date: addDays(today, -3), health: 'green', progress: 30 },
    unitId,
  );
  await chef.tasks.create(task('Send status', addDays(today, -2), { assigneeId: leder.user.id }));
  await chef.tasks.create(task('Forbered dialogmøde', addDays(today, 10), { assigneeId: leder.user.id }));
  await chef.tasks.create(task('Afsluttet', addDays(today, -30), { assigneeId: leder.user.id, status: 'closed' }));
  await chef.tasks.create(task('Chefens egen', addDays(today, -1), { assigneeId: chef.user.id }));
});
afterAll(() => server.close());

describe("the card's read", () => {
  it("is one $batch with the person's tasks, initiatives, unread count and the pages setting", async () => {
    await server.resetRequests();
    const { work, pages } = await loadMyWork(as(server, USERS.leder), leder.user.id, now);
    expect((await dataRequests(server)).map((r) => [r.path.replace(/^.*\/_api\//, ''), r.batchParts])).toEqual([
      ['$batch', 5],
    ]);
    expect(work).toMatchObject({ openTasks: 2, overdueTasks: 1, silentInitiatives: 1, complete: true });
    expect(work.nextCheckIn).toBe(addDays(today, 11));
    expect(work.items.map((i) => [i.kind, i.title])).toEqual([
      ['checkInDue', 'Læsebånd i indskolingen'],
      ['taskOverdue', 'Send status'],
      ['task', 'Forbered dialogmøde'],
    ]);
    expect(pages).toEqual({});
  });

  it('counts unread "Nyt til dig" exactly as the bell does, and follows it when read', async () => {
    const inbox = await leder.notifications.page(100);
    const unread = inbox.items.filter((n) => !n.read).length;
    expect(unread).toBeGreaterThan(0);
    expect((await loadMyWork(as(server, USERS.leder), leder.user.id, now)).work.unread).toBe(unread);
    await leder.notifications.markAllRead();
    expect((await loadMyWork(as(server, USERS.leder), leder.user.id, now)).work.unread).toBe(0);
  });

  it("links to the site's pages once a site owner names them", async () => {
    const pages = { plan: 'https://holbaek.sharepoint.com/sites/mod/SitePages/Plan.aspx' };
    await as(server, USERS.admin)
      .web.lists.getByTitle('MPK Indstillinger')
      .items.add({ Title: 'pageUrls', ClientKey: 'pageUrls', SettingValue: JSON.stringify(pages) });
    expect((await loadMyWork(as(server, USERS.leder), leder.user.id, now)).pages).toEqual(pages);
  });

  it('has nothing for a person with nothing, and no unread figure on a site without "Nyt til dig"', async () => {
    const medarbejder = await servicesFor(server, USERS.medarbejder);
    const { work } = await loadMyWork(as(server, USERS.medarbejder), medarbejder.user.id, now);
    expect(work).toMatchObject({ openTasks: 0, silentInitiatives: 0, items: [], total: 0 });
    await as(server, USERS.admin).web.lists.getByTitle('MPK Nyt til dig').delete();
    const without = await loadMyWork(as(server, USERS.leder), leder.user.id, now);
    expect(without.work.unread).toBeUndefined();
    expect(without.work.openTasks).toBe(2);
  });

  it('rejects with a data error the card can word when SharePoint keeps refusing', async () => {
    await server.faults({ throttleNext: 50, retryAfter: 0 });
    const error = await dataErrorOf(loadMyWork(as(server, USERS.leder), leder.user.id, now));
    await server.faults({});
    expect(error.reason).toBe('throttled');
  });
});
