/** @jest-environment node */
/**
 * What the follow-up view's one `$batch` asks SharePoint for (issue #7: ~14 MB at municipal scale;
 * issue 15: the overview from "MPK Overblik"). The overview reads one summary row per unit; the board
 * and "Mine opgaver" (whose tasks are edited) read whole tasks. The overview comes out the same as
 * from every row — after a bulk load and a rebuild, and after the product's own writes — and the
 * answer is measured in bytes.
 */
import { as, startServer, USERS, userId, type TestServer } from './support';
import { provision } from '../../src/data/provisioning';
import { createServices } from '../../src/data/services';
import { listTitle } from '../../src/data/schema/lists';
import { buildOverview } from '../../src/domain/overview';
import { fromRow, selectFor, type ICodec } from '../../src/data/mapping/codec';
import type { IEntity } from '../../src/domain/model';
import {
  checkInCodec,
  initiativeCodec,
  planCodec,
  planFocusCodec,
  storyCodec,
  taskCodec,
} from '../../src/data/mapping/entities';
import { readPage } from '../../src/data/repositories/query';
import { recountAllStories } from '../../src/data/repositories/summaries';
import { rebuildUnitSummaries } from '../../src/data/repositories/unitSummaries';
import type { IMpkServices } from '../../src/data/repositories/types';
import type { SPFI } from '../../src/data/sp';

jest.setTimeout(120_000);

const ROWS = 5000;
const AMBITION_KEYS = [
  'mod-og-stolthed',
  'viden-og-faglighed',
  'sammenhaeng-og-samarbejde',
  'tillid-og-ansvar-i-ledelse',
  'gode-rammer',
];
const RELEVANCES = ['high', 'medium', 'low', 'notRelevant'];
const HEALTHS = ['green', 'yellow', 'red'];
const INITIATIVE_STATUSES = ['planned', 'inProgress', 'completed', 'stopped'];
const TASK_STATUSES = ['open', 'inProgress', 'closed'];

let server: TestServer;
let chef: IMpkServices;
let chefSp: SPFI;

/** Every request and response body of the calls `run` makes (the bodies PnPjs sends and receives). */
async function recorded<T>(run: () => Promise<T>): Promise<{ value: T; sent: string[]; received: number }> {
  const realFetch = globalThis.fetch;
  const sent: string[] = [];
  let received = 0;
  globalThis.fetch = async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const response = await realFetch(input, init);
    if (!/contextinfo/i.test(String(input))) {
      sent.push(typeof init?.body === 'string' ? init.body : String(input));
      received += Buffer.byteLength(await response.clone().text());
    }
    return response;
  };
  try {
    return { value: await run(), sent, received };
  } finally {
    globalThis.fetch = realFetch;
  }
}

/** The Accept header of each GET of a list's items in a `$batch` body, by list title. */
function accepts(batchBody: string): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  const lines = batchBody.split('\n');
  lines.forEach((line, i) => {
    const m = /^GET (\S+) HTTP\/1\.1/.exec(line);
    const list = m && /getByTitle\('([^']+)'\)\/items/.exec(decodeURIComponent(new URL(m[1]).pathname));
    if (!list) return;
    let accept = '';
    for (let j = i + 1; j < lines.length && lines[j].trim() !== ''; j++)
      if (/^accept:/i.test(lines[j])) accept = lines[j].replace(/^accept:\s*/i, '').trim();
    (out[list[1]] = out[list[1]] || []).push(accept);
  });
  return out;
}

/** The `$select` of each GET in a `$batch` body, by list title. */
function selects(batchBody: string): Record<string, string[][]> {
  const out: Record<string, string[][]> = {};
  for (const line of batchBody.split('\n')) {
    const m = /^GET (\S+) HTTP\/1\.1/.exec(line);
    if (!m) continue;
    const url = new URL(m[1]);
    const list = /getByTitle\('([^']+)'\)\/items/.exec(decodeURIComponent(url.pathname));
    if (!list) continue;
    const select = url.searchParams.get('$select');
    (out[list[1]] = out[list[1]] || []).push(select ? select.split(',') : ['*']);
  }
  return out;
}

beforeAll(async () => {
  server = await startServer();
  await provision(as(server, USERS.admin));
  const chefId = await userId(server, USERS.chef);
  const lederId = await userId(server, USERS.leder);
  const plans: Record<string, unknown>[] = [];
  for (let i = 0; i < 200; i++)
    plans.push({
      ClientKey: `p${i}`,
      Title: `Plan ${i}`,
      UnitId: (i % 8) + 1,
      Period: String(2020 + (i % 8)),
      PlanStatus: i % 8 === 6 ? 'followUp' : 'closed',
      OwnerId: lederId,
    });
  await server.bulk(listTitle('plans'), plans);
  const focuses: Record<string, unknown>[] = [];
  const initiatives: Record<string, unknown>[] = [];
  const checkIns: Record<string, unknown>[] = [];
  const tasks: Record<string, unknown>[] = [];
  const stories: Record<string, unknown>[] = [];
  for (let i = 0; i < ROWS; i++) {
    const planId = (i % 200) + 1;
    const ambitionKey = AMBITION_KEYS[i % 5];
    focuses.push({
      ClientKey: `f${i}`,
      Title: ambitionKey,
      PlanId: planId,
      UnitId: ((planId - 1) % 8) + 1,
      AmbitionKey: ambitionKey,
      Relevance: RELEVANCES[i % 4],
      LocalMeaning: 'Hos os betyder det, at vi deler det, der lykkes, og måler og følger op.',
    });
    const status = INITIATIVE_STATUSES[i % 4];
    initiatives.push({
      ClientKey: `i${i}`,
      Title: `Indsats ${i + 1}`,
      PlanId: planId,
      UnitId: ((planId - 1) % 8) + 1,
      AmbitionKey: ambitionKey,
      CommitmentKey: `${ambitionKey}-1`,
      InitiativeStatus: status,
      Description:
        'Indsatsen skal gøre en mærkbar forskel for borgerne. Vi følger op hvert kvartal og justerer undervejs.',
      OwnerId: lederId,
      StopReason:
        status === 'stopped' ? 'Det virkede ikke efter hensigten – vi bruger kræfterne bedre andre steder.' : null,
      SuccessMeasure: 'Målt ved halvårlig opfølgning med borgere og medarbejdere.',
      StartDate: '2026-01-01T12:00:00Z',
      EndDate: '2026-12-31T12:00:00Z',
    });
    checkIns.push({
      ClientKey: `c${i}`,
      Title: 'Status',
      InitiativeId: i + 1,
      UnitId: (i % 8) + 1,
      Health: HEALTHS[i % 3],
      Progress: i % 100,
      CheckInComment: 'Vi er godt i gang; næste skridt er aftalt i ledergruppen.',
      CheckInDate: `2026-0${(i % 9) + 1}-10T12:00:00Z`,
    });
    tasks.push({
      ClientKey: `t${i}`,
      Title: `Opgave ${i + 1}`,
      Description: 'Aftalt på chefgruppemødet. Svar i kanalen, når opgaven er løst.',
      UnitId: (i % 8) + 1,
      AmbitionKey: ambitionKey,
      AssigneeId: i % 2 === 0 ? lederId : chefId,
      DueDate: `2026-${String((i % 12) + 1).padStart(2, '0')}-15T12:00:00Z`,
      TaskStatus: TASK_STATUSES[i % 3],
      Meeting: 'Chefgruppemøde marts 2026',
    });
    stories.push({
      ClientKey: `s${i}`,
      Title: `Historie ${i + 1}`,
      Body: '<p>Fra hverdagen</p>',
      StoryKind: 'success',
      AmbitionKey: ambitionKey,
      UnitId: (i % 8) + 1,
      Featured: false,
      OData__ModerationStatus: i % 10 === 0 ? 2 : 0,
    });
  }
  await server.bulk(listTitle('planFocuses'), focuses);
  await server.bulk(listTitle('initiatives'), initiatives);
  await server.bulk(listTitle('checkIns'), checkIns);
  await server.bulk(listTitle('tasks'), tasks);
  await server.bulk(listTitle('stories'), stories);
  // A bulk load bypasses the product's writes: the summaries are rebuilt from the rows, as after an import.
  await rebuildUnitSummaries(as(server, USERS.admin));
  await recountAllStories(as(server, USERS.admin));
  chefSp = as(server, USERS.chef);
  chef = createServices(chefSp, { id: chefId });
  await chef.provisioning.status();
  await as(server, USERS.admin).web.siteGroups.getByName('Chefgruppe').users.add('i:0#.f|membership|chef@mpk.local');
}, 120_000);
afterAll(() => server.close());

const NOW = new Date('2026-06-01T10:00:00Z');

/** The overview from every row, as the chef reads them. */
async function rowByRow(
  units: import('../../src/domain/model').IUnit[],
  since: string,
): Promise<import('../../src/domain/overview').IOverview> {
  const whole = async <T extends IEntity>(codec: ICodec<T>): Promise<T[]> =>
    (await readPage(chefSp, codec, { orderBy: [['Id', false]], top: 5000 })).rows.map((row) => fromRow(codec, row));
  return buildOverview(
    {
      units,
      plans: await whole(planCodec),
      focuses: await whole(planFocusCodec),
      initiatives: await whole(initiativeCodec),
      checkIns: await whole(checkInCodec),
      tasks: await whole(taskCodec),
      stories: await whole(storyCodec),
    },
    { now: NOW, since },
  );
}

async function expectExact(since: string): Promise<void> {
  const view = await chef.views.loadFollowUpView({ userId: chef.user.id, now: NOW, since });
  const expected = await rowByRow(view.units, since);
  expect(view.complete).toBe(true);
  expect(view.overview.rows).toEqual(expected.rows);
  expect(view.overview.tasksByStatus).toEqual(expected.tasksByStatus);
  expect(view.overview.initiativesByStatus).toEqual(expected.initiativesByStatus);
  expect(view.overview.plansByStatus).toEqual(expected.plansByStatus);
  expect(view.overview.storiesByAmbition).toEqual(expected.storiesByAmbition);
  expect(view.overview.overdueCount).toBe(expected.overdueTasks.length);
  expect(view.overview.stoppedCount).toBe(expected.stoppedInitiatives.length);
  expect(view.overview.stoppedPlanIds.slice().sort()).toEqual(
    Array.from(new Set(expected.stoppedInitiatives.map((i) => i.planId))).sort(),
  );
}

describe("the follow-up view's one request at 5,000 rows per list", () => {
  it('reads one summary row per unit, and whole tasks only for the board and "Mine opgaver"', async () => {
    const { sent } = await recorded(() =>
      chef.views.loadFollowUpView({ userId: chef.user.id, now: NOW, since: '2026-03-01' }),
    );
    expect(sent).toHaveLength(1);
    const byList = selects(sent[0]);
    expect(byList[listTitle('summaries')]).toEqual([['ClientKey', 'UnitId', 'Summary']]);
    for (const list of ['plans', 'planFocuses', 'checkIns', 'stories'] as const)
      expect(byList[listTitle(list)]).toBeUndefined();
    // "Nyt til dig" (its count rides in the batch): the person's own initiatives and tasks due soon, with
    // only what the reminders need.
    const reminderSelect = ['Id', 'DueDate', 'TaskStatus'];
    expect(byList[listTitle('initiatives')]).toEqual([['Id', 'InitiativeStatus', 'LastCheckIn', 'Created']]);
    const taskReads = byList[listTitle('tasks')];
    expect(taskReads).toHaveLength(4);
    expect(taskReads[0]).toEqual(reminderSelect);
    // The board's page and "Mine opgaver" (a page of open and one of closed tasks): whole tasks, since they are edited.
    for (const read of taskReads.slice(1)) expect(read).toEqual(expect.arrayContaining(selectFor(taskCodec)));
    const byAccept = accepts(sent[0]);
    expect(byAccept[listTitle('summaries')]).toEqual(['application/json;odata=nometadata']);
    expect(byAccept[listTitle('tasks')]).toEqual([
      'application/json;odata=nometadata',
      'application/json',
      'application/json',
      'application/json',
    ]);
  });

  it('shows exactly what every row shows, for any baseline', async () => {
    for (const since of ['2026-03-01', '2026-01-01', '2026-05-10', '2025-01-01']) await expectExact(since);
  });

  it("stays exact after the product's own writes (each refreshes its unit's row)", async () => {
    const tasks = (await readPage(chefSp, taskCodec, { filter: 'UnitId eq 3', top: 3 })).rows.map((row) =>
      fromRow(taskCodec, row),
    );
    await chef.tasks.setStatus(tasks[0], tasks[0].status === 'closed' ? 'open' : 'closed');
    const initiative = fromRow(
      initiativeCodec,
      (await readPage(chefSp, initiativeCodec, { filter: "UnitId eq 2 and InitiativeStatus eq 'inProgress'", top: 1 }))
        .rows[0],
    );
    await chef.checkIns.create(
      { clientKey: '', initiativeId: initiative.id as number, health: 'red', progress: 10, date: '2026-05-20' },
      2,
    );
    await chef.initiatives.update(initiative, {
      ...initiative,
      status: 'stopped',
      stopReason: 'Vi prioriterer anderledes.',
    });
    await expectExact('2026-05-01');
  });

  it('answers in a fraction of the bytes', async () => {
    const { received } = await recorded(() =>
      chef.views.loadFollowUpView({ userId: chef.user.id, now: NOW, since: '2026-03-01' }),
    );
    // The newest 5,000 rows of five lists without per-row metadata were 3,540 KB here; now 8 summary
    // rows, and whole tasks (with their metadata) for the board's page and "Mine opgaver": 142 KB.
    expect(received).toBeLessThan(200 * 1024);
  });
});
