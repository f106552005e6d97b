/** @jest-environment node */
/**
 * The overview's two lists read on demand (issue 15): the overdue tasks per unit and the stopped
 * initiatives per plan, each in one `$batch` of threshold-safe queries, checked against the answer
 * worked out row by row from what was loaded — also for a unit with more than 5,000 tasks, which
 * SharePoint refuses to filter and which is walked in id windows.
 */
import { as, dataRequests, startServer, USERS, userId, type TestServer } from './support';
import { provision } from '../../src/data/provisioning';
import { createServices } from '../../src/data/services';
import { listTitle } from '../../src/data/schema/lists';
import { loadOverdueTasks, loadStoppedInitiatives } from '../../src/data/views/followUpLists';
import { PartViewRepository } from '../../src/data/views/partViews';
import type { SPFI } from '../../src/data/sp';
import type { IMpkServices } from '../../src/data/repositories/types';

jest.setTimeout(120_000);

const TODAY = '2026-06-10';
/** Unit 1 has more overdue tasks than SharePoint answers in one query. */
const BIG_UNIT_TASKS = 8000;
const STATUSES = ['open', 'inProgress', 'closed'] as const;
const DUE_DATES = ['2026-01-15', '2026-06-09', TODAY, '2026-07-01', '2025-12-31'];

interface ITaskSeed {
  title: string;
  unitId: number;
  dueDate: string;
  status: string;
}

let server: TestServer;
let chef: IMpkServices;
let sp: SPFI;
let chefId: number;
const tasks: ITaskSeed[] = [];
/** Initiative seeds in id order (ids start at 1 on a fresh list). */
const initiatives: { title: string; planId: number; status: string; stopReason?: string }[] = [];

beforeAll(async () => {
  server = await startServer();
  await provision(as(server, USERS.admin));
  chefId = await userId(server, USERS.chef);
  // Unit 1: 7 of every 10 tasks overdue (5,600 in all): SharePoint refuses its query.
  for (let i = 0; i < BIG_UNIT_TASKS; i++) {
    const kind = i % 10;
    const dueDate = kind === 1 ? TODAY : kind === 2 ? '2026-07-01' : ['2026-01-15', '2026-06-09', '2025-12-31'][i % 3];
    tasks.push({ title: `Stor ${i}`, unitId: 1, dueDate, status: kind === 0 ? 'closed' : STATUSES[i % 2] });
  }
  for (let unit = 2; unit <= 25; unit++) {
    for (let i = 0; i < 6; i++)
      tasks.push({
        title: `Enhed ${unit} opgave ${i}`,
        unitId: unit,
        dueDate: DUE_DATES[(i + unit) % 5],
        status: STATUSES[(i + unit) % 3],
      });
  }
  // A task without a due date is never overdue.
  tasks.push({ title: 'Uden frist', unitId: 2, dueDate: '', status: 'open' });
  await server.bulk(
    listTitle('tasks'),
    tasks.map((t, i) => ({
      ClientKey: `t-${i}`,
      Title: t.title,
      UnitId: t.unitId,
      AssigneeId: chefId,
      DueDate: t.dueDate ? `${t.dueDate}T12:00:00Z` : null,
      TaskStatus: t.status,
    })),
    USERS.admin,
  );
  for (let plan = 1; plan <= 30; plan++) {
    initiatives.push({ title: `Plan ${plan} stoppet`, planId: plan, status: 'stopped', stopReason: `Fordi ${plan}` });
    initiatives.push({ title: `Plan ${plan} i gang`, planId: plan, status: 'inProgress' });
  }
  await server.bulk(
    listTitle('initiatives'),
    initiatives.map((x, i) => ({
      ClientKey: `i-${i}`,
      Title: x.title,
      PlanId: x.planId,
      UnitId: x.planId,
      AmbitionKey: 'mod-og-stolthed',
      InitiativeStatus: x.status,
      StopReason: x.stopReason ?? null,
    })),
    USERS.admin,
  );
  sp = as(server, USERS.chef);
  chef = createServices(sp, { id: chefId });
  // Warm PnPjs's request digest (SPFx has it from the page context).
  await chef.provisioning.status();
}, 120_000);
afterAll(() => server.close());

/** The row-by-row answer: the titles of the overdue tasks of some units, most overdue first (then by id). */
function expectedOverdue(unitIds: number[]): string[] {
  return tasks
    .map((t, i) => ({ ...t, id: i + 1 }))
    .filter((t) => unitIds.indexOf(t.unitId) >= 0 && t.status !== 'closed' && t.dueDate !== '' && t.dueDate < TODAY)
    .sort((a, b) => (a.dueDate < b.dueDate ? -1 : a.dueDate > b.dueDate ? 1 : a.id - b.id))
    .map((t) => t.title);
}

describe('the overdue tasks, read when asked for', () => {
  it("reads each unit's overdue tasks in one $batch and merges them, the most overdue first", async () => {
    await server.resetRequests();
    const result = await loadOverdueTasks(sp, [2, 3, 4], TODAY);
    expect(result.tasks.map((t) => t.title)).toEqual(expectedOverdue([2, 3, 4]));
    expect(result.tasks.length).toBeGreaterThan(3);
    expect(result.tasks.every((t) => t.status !== 'closed' && t.dueDate < TODAY)).toBe(true);
    // Whole tasks (edited from the list) with their ETags, and the assignee's name as on the board.
    expect(result.tasks.every((t) => typeof t.etag === 'string' && t.etag.length > 0)).toBe(true);
    expect(result.people[chefId]).toEqual({ displayName: expect.any(String) });
    const requests = await dataRequests(server);
    expect(requests).toHaveLength(1);
    expect(requests[0]).toMatchObject({ method: 'POST', status: 200, batchParts: 3 });
  });

  it("sends at most 20 queries in a $batch (SharePoint Online's limit)", async () => {
    const units = Array.from({ length: 24 }, (_, i) => i + 2);
    await server.resetRequests();
    const result = await loadOverdueTasks(sp, units, TODAY);
    expect(result.tasks.map((t) => t.title)).toEqual(expectedOverdue(units));
    const requests = await dataRequests(server);
    expect(requests.map((r) => r.batchParts)).toEqual([20, 4]);
  });

  it('walks a unit with more than 5,000 overdue tasks in id windows, every request answered, and gets the same answer', async () => {
    await server.resetRequests();
    const result = await loadOverdueTasks(sp, [1, 2], TODAY);
    const expected = expectedOverdue([1, 2]);
    expect(expected.length).toBeGreaterThan(5000);
    expect(result.tasks.map((t) => t.title)).toEqual(expected);
    expect(new Set(result.tasks.map((t) => t.id)).size).toBe(expected.length);
    // The unit's query was refused inside the batch (its part, not the batch); the windows were answered.
    const requests = await dataRequests(server);
    expect(requests.every((r) => r.status === 200)).toBe(true);
    // The batch, the highest id, then the windows of 5,000 ids.
    expect(requests.length).toBeGreaterThan(2);
  });

  it('reads nothing for no units', async () => {
    await server.resetRequests();
    await expect(loadOverdueTasks(sp, [], TODAY)).resolves.toEqual({ tasks: [], people: {} });
    expect(await dataRequests(server)).toHaveLength(0);
  });
});

describe('the stopped initiatives, read when asked for', () => {
  it("reads each plan's stopped initiatives in one $batch, newest first, with the reason", async () => {
    await server.resetRequests();
    const stopped = await loadStoppedInitiatives(sp, [3, 1, 2, 3]);
    expect(stopped.map((i) => i.title)).toEqual(['Plan 3 stoppet', 'Plan 2 stoppet', 'Plan 1 stoppet']);
    expect(stopped.map((i) => i.stopReason)).toEqual(['Fordi 3', 'Fordi 2', 'Fordi 1']);
    expect(stopped.every((i) => i.status === 'stopped' && i.ambitionKey === 'mod-og-stolthed')).toBe(true);
    const requests = await dataRequests(server);
    expect(requests).toHaveLength(1);
    expect(requests[0]).toMatchObject({ status: 200, batchParts: 3 });
  });

  it('reads thirty plans in two batches and finds every stopped initiative', async () => {
    const plans = Array.from({ length: 30 }, (_, i) => i + 1);
    await server.resetRequests();
    const stopped = await loadStoppedInitiatives(sp, plans);
    expect(stopped).toHaveLength(30);
    expect(new Set(stopped.map((i) => i.planId))).toEqual(new Set(plans));
    expect((await dataRequests(server)).map((r) => r.batchParts)).toEqual([20, 10]);
  });
});

describe("the web part's view repository", () => {
  it("loads the lists from their own module, for the signed-in user's SharePoint", async () => {
    const views = new PartViewRepository(sp, chef.user, {});
    expect((await views.loadOverdueTasks([3], TODAY)).tasks.map((t) => t.title)).toEqual(expectedOverdue([3]));
    expect((await views.loadStoppedInitiatives([5])).map((i) => i.title)).toEqual(['Plan 5 stoppet']);
    expect((await chef.views.loadStoppedInitiatives([6])).map((i) => i.title)).toEqual(['Plan 6 stoppet']);
  });
});
