/** @jest-environment node */
/**
 * "Mine opgaver" for a person with more than 5,000 tasks (issue #7): SharePoint refuses
 * `AssigneeId eq me` when the indexed column matches more than 5,000 rows, so the view and the
 * repository fall back to id windows — and still read normal data in the first view's one request.
 */
import { as, dataRequests, startServer, USERS, userId, type TestServer } from './support';
import { provision } from '../../src/data/provisioning';
import { createServices } from '../../src/data/services';
import { listTitle } from '../../src/data/schema/lists';
import type { IFollowUpTask } from '../../src/domain/model';
import type { IMpkServices, IPage } from '../../src/data/repositories/types';

jest.setTimeout(120_000);

/** The leader's tasks: every 4th one still open, every 4th+1 in progress, the rest closed (6,000 each). */
const LEADER_TASKS = 12000;

let server: TestServer;
let leder: IMpkServices;
let chef: IMpkServices;

function statusOf(i: number): string {
  return i % 4 === 0 ? 'open' : i % 4 === 1 ? 'inProgress' : 'closed';
}

async function drain(page: IPage<IFollowUpTask>, max = 1000): Promise<IFollowUpTask[]> {
  const all = page.items.slice();
  let current = page;
  for (let i = 0; current.hasMore && i < max; i++) {
    current = await current.nextPage();
    all.push(...current.items);
  }
  return all;
}

beforeAll(async () => {
  server = await startServer();
  await provision(as(server, USERS.admin));
  const lederId = await userId(server, USERS.leder);
  const chefId = await userId(server, USERS.chef);
  const items: Record<string, unknown>[] = [];
  for (let i = 0; i < LEADER_TASKS; i++) {
    items.push({
      ClientKey: `bulk-${i}`,
      Title: `Opgave ${i + 1}`,
      UnitId: (i % 8) + 1,
      AssigneeId: lederId,
      DueDate: `2026-${String((i % 12) + 1).padStart(2, '0')}-15T12:00:00Z`,
      TaskStatus: statusOf(i),
    });
    // The chef has a few tasks of their own in between (normal data).
    if (i % 2000 === 0)
      items.push({
        ClientKey: `chef-${i}`,
        Title: `Chefens opgave ${i / 2000 + 1}`,
        UnitId: 1,
        AssigneeId: chefId,
        DueDate: '2026-05-01T12:00:00Z',
        TaskStatus: i === 0 ? 'closed' : 'open',
      });
  }
  await server.bulk(listTitle('tasks'), items, USERS.admin);
  leder = createServices(as(server, USERS.leder), { id: lederId });
  chef = createServices(as(server, USERS.chef), { id: chefId });
  // Warm PnPjs's request digest (SPFx has it from the page context).
  await leder.provisioning.status();
  await chef.provisioning.status();
}, 120_000);
afterAll(() => server.close());

describe('"Mine opgaver" for a person with more than 5,000 tasks', () => {
  it('loads the follow-up view, open tasks first, and pages the rest with "Vis flere"', async () => {
    await server.resetRequests();
    const view = await leder.views.loadFollowUpView({ userId: leder.user.id, pageSize: 50 });
    const first = view.myTasks;
    expect(first.items).toHaveLength(50);
    expect(first.items.every((t) => t.status !== 'closed' && t.assigneeId === leder.user.id)).toBe(true);
    expect(first.hasMore).toBe(true);
    // Every request answered: the threshold error of the plain filter is the only failure, inside the batch.
    expect((await dataRequests(server)).every((r) => r.status === 200)).toBe(true);

    const all = await drain(first);
    expect(all).toHaveLength(LEADER_TASKS);
    expect(new Set(all.map((t) => t.id)).size).toBe(LEADER_TASKS);
    const firstClosed = all.findIndex((t) => t.status === 'closed');
    expect(firstClosed).toBe(LEADER_TASKS / 2);
    expect(all.slice(firstClosed).every((t) => t.status === 'closed')).toBe(true);
  });

  it("pages the repository's list of a person's tasks in windows that SharePoint answers", async () => {
    await server.resetRequests();
    const page = await leder.tasks.pageAssignedTo(leder.user.id, 20);
    expect(page.items).toHaveLength(20);
    expect(page.items.every((t) => t.status !== 'closed')).toBe(true);
    const requests = await dataRequests(server);
    // The plain filter was refused once (threshold); every windowed query was answered.
    expect(requests.filter((r) => r.status !== 200).map((r) => r.status)).toEqual([500]);
    expect(
      requests.filter((r) => /Id gt /.test(decodeURIComponent(r.path.replace(/\+/g, ' ')))).length,
    ).toBeGreaterThan(0);
  });
});

describe('the task board filtered on a person with more than 5,000 tasks', () => {
  it('falls back to id windows, newest first, instead of failing', async () => {
    const page = await chef.tasks.query({ assigneeId: leder.user.id }, 10);
    expect(page.items.map((t) => t.title)).toEqual(Array.from({ length: 10 }, (_, i) => `Opgave ${LEADER_TASKS - i}`));
    expect(page.items[0].assigneeId).toBe(leder.user.id);
    // 1,500 of them open: both indexed filters together match fewer than 5,000, so by due date as usual.
    const open = await chef.tasks.query({ assigneeId: leder.user.id, status: 'open' }, 3);
    expect(open.items.map((t) => t.title)).toEqual(['Opgave 1', 'Opgave 13', 'Opgave 25']);
  });
});

describe('"Mine opgaver" on normal data beside a big list', () => {
  it("reads a person's few tasks in the first view's one request, open ones first by due date", async () => {
    await server.resetRequests();
    const view = await chef.views.loadFollowUpView({ userId: chef.user.id, pageSize: 50 });
    expect((await dataRequests(server)).map((r) => `${r.method} ${r.path.replace(/^.*\/_api\//, '')}`)).toEqual([
      'POST $batch',
    ]);
    expect(view.myTasks.items.map((t) => t.title)).toEqual([
      'Chefens opgave 2',
      'Chefens opgave 3',
      'Chefens opgave 4',
      'Chefens opgave 5',
      'Chefens opgave 6',
      'Chefens opgave 1',
    ]);
    expect(view.myTasks.hasMore).toBe(false);
  });

  it("pages the open tasks by SharePoint's nextLink, then the closed ones read with the view", async () => {
    await server.resetRequests();
    const view = await chef.views.loadFollowUpView({ userId: chef.user.id, pageSize: 4 });
    expect(view.myTasks.items).toHaveLength(4);
    expect(view.myTasks.hasMore).toBe(true);
    const next = await view.myTasks.nextPage();
    expect(next.items.map((t) => t.title)).toEqual(['Chefens opgave 6', 'Chefens opgave 1']);
    expect(next.hasMore).toBe(false);
    // The view's batch and the open tasks' second page.
    expect(await dataRequests(server)).toHaveLength(2);
  });
});
