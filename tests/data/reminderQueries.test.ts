/** @jest-environment node */
/**
 * The Monday reminder's SharePoint queries (`src/domain/reminderQueries.ts`), run through PnPjs against the
 * local SharePoint exactly as the Power Automate flow sends them: the `$filter` texts are read from
 * `flows/mandagspaamindelse/definition.json`, their two Power Automate expressions (the unit in the loop,
 * the day) replaced by their values, and the answers must be exactly the units, initiatives and tasks
 * the rules of "Nyt til dig" name.
 */
import { readFileSync } from 'fs';
import { join } from 'path';
import { as, startServer, USERS, servicesFor, userId, type TestServer } from './support';
import { provision } from '../../src/data/provisioning';
import { listTitle } from '../../src/data/schema/lists';
import type { IMpkServices, IUnitItem } from '../../src/data/repositories/types';
import type { SPFI } from '../../src/data/sp';
import { addDays, today as todayOf, toIsoDate } from '../../src/domain/dates';
import type { ICheckIn, IsoDate } from '../../src/domain/model';
import {
  activeInitiativesFilter,
  dueThisWeekFilter,
  FLOW_UNIT_ID,
  recentCheckInsFilter,
  silentInitiatives,
  unitsWithChannelFilter,
} from '../../src/domain/reminderQueries';

jest.setTimeout(60_000);

interface IGetItems {
  inputs: { host: { operationId: string }; parameters: { table: string; $filter: string } };
  actions?: Record<string, IGetItems>;
}
/** The flow's "Get items" filters by list title. */
function flowFilters(): Record<string, string> {
  const definition = JSON.parse(
    readFileSync(join(__dirname, '..', '..', 'flows', 'mandagspaamindelse', 'definition.json'), 'utf8'),
  ) as { actions: Record<string, IGetItems> };
  const found: Record<string, string> = {};
  const walk = (actions: Record<string, IGetItems>): void => {
    for (const action of Object.values(actions)) {
      if (action.inputs?.host?.operationId === 'GetItems')
        found[action.inputs.parameters.table] = action.inputs.parameters.$filter;
      if (action.actions) walk(action.actions);
    }
  };
  walk(definition.actions);
  return found;
}

/** What Power Automate makes of a filter text in the loop over units on a day (the two expression forms it uses). */
function asFlowRunsIt(text: string, unitId: number, today: IsoDate): string {
  const withUnit = text.split(FLOW_UNIT_ID).join(String(unitId));
  const evaluated = withUnit.replace(
    /@\{addDays\(convertFromUtc\(utcNow\(\),'Romance Standard Time'\),(-?\d+),'yyyy-MM-dd'\)\}/g,
    (_, days: string) => addDays(today, Number(days)),
  );
  expect(evaluated).not.toMatch(/@\{/);
  return evaluated;
}

interface IRow {
  Id: number;
  Title: string;
  Created: string;
  InitiativeId?: number;
}

/** "Get items": the rows of one filter, as the flow reads them (up to 5,000). */
async function getItems(sp: SPFI, list: string, filter: string): Promise<IRow[]> {
  return (await sp.web.lists
    .getByTitle(list)
    .items.filter(filter)
    .select('Id', 'Title', 'Created', ...(list === listTitle('checkIns') ? ['InitiativeId'] : []))
    .top(5000)()) as IRow[];
}

let server: TestServer;
let admin: IMpkServices;
let sp: SPFI;
const today = todayOf(new Date());
const old = `${addDays(today, -40)}T09:00:00Z`;
const ids: Record<string, number> = {};

beforeAll(async () => {
  server = await startServer();
  await provision(as(server, USERS.admin));
  admin = await servicesFor(server, USERS.admin);
  sp = as(server, USERS.admin);
  const leder = await userId(server, USERS.leder);
  const parentId = (await admin.units.list())[0].id as number;
  const unit = (name: string, channel?: string): Promise<IUnitItem> =>
    admin.units.create({
      clientKey: '',
      name,
      kind: 'department',
      parentId,
      leaderIds: [leder],
      ...(channel ? { teamsTeamId: '0b7c2f2e-6a59-4c1c-9a7e-2f1f0e4a1b11', teamsChannelId: channel } : {}),
    });
  ids.north = (await unit('Dagtilbud Nord', '19:0a1b2c3d4e5f60718293a4b5c6d7e8f9@thread.tacv2')).id as number;
  ids.south = (await unit('Dagtilbud Syd', '19:f9e8d7c6b5a4938271605f4e3d2c1b0a@thread.tacv2')).id as number;
  ids.quiet = (await unit('Stab uden kanal')).id as number;
  const plan = await admin.plans.create({ clientKey: '', unitId: ids.north, period: '2026', status: 'followUp' });

  // Initiatives created long ago (the flow also checks `Created`, which only the bulk hook can set) …
  const initiative = (key: string, unitId: number, status: string): Record<string, unknown> => ({
    Title: key,
    ClientKey: `test-${key}`,
    PlanId: plan.id,
    UnitId: unitId,
    AmbitionKey: 'viden-og-faglighed',
    InitiativeStatus: status,
    OwnerId: leder,
    Created: old,
  });
  const first = await server.bulk(listTitle('initiatives'), [
    initiative('checkedIn13DaysAgo', ids.north, 'inProgress'),
    initiative('checkedIn14DaysAgo', ids.north, 'planned'),
    initiative('neverCheckedIn', ids.north, 'inProgress'),
    initiative('completed', ids.north, 'completed'),
    initiative('stopped', ids.north, 'stopped'),
    initiative('otherUnit', ids.south, 'inProgress'),
  ]);
  ['checkedIn13DaysAgo', 'checkedIn14DaysAgo', 'neverCheckedIn', 'completed', 'stopped', 'otherUnit'].forEach(
    (key, i) => (ids[key] = (first.firstId as number) + i),
  );
  // … and one created today through the product: not silent yet.
  ids.newToday = (
    await admin.initiatives.create({
      clientKey: '',
      planId: plan.id as number,
      unitId: ids.north,
      title: 'newToday',
      ambitionKey: 'viden-og-faglighed',
      status: 'inProgress',
      ownerId: leder,
    })
  ).id as number;

  const checkIn = (initiativeId: number, daysAgo: number): Promise<ICheckIn> =>
    admin.checkIns.create(
      { clientKey: '', initiativeId, health: 'green', progress: 50, date: addDays(today, -daysAgo) },
      ids.north,
    );
  await checkIn(ids.checkedIn13DaysAgo, 13);
  await checkIn(ids.checkedIn14DaysAgo, 14);
  await checkIn(ids.checkedIn14DaysAgo, 30);

  const task = async (
    title: string,
    unitId: number,
    due: number,
    status: 'open' | 'inProgress' | 'closed' = 'open',
  ): Promise<void> => {
    ids[title] = (
      await admin.tasks.create({
        clientKey: '',
        title,
        unitId,
        ambitionKey: 'viden-og-faglighed',
        assigneeId: leder,
        dueDate: addDays(today, due),
        status,
      })
    ).id as number;
  };
  await task('dueToday', ids.north, 0);
  await task('dueIn6Days', ids.north, 6, 'inProgress');
  await task('dueIn7Days', ids.north, 7);
  await task('overdue', ids.north, -1);
  await task('closedThisWeek', ids.north, 2, 'closed');
  await task('otherUnitThisWeek', ids.south, 1);
}, 120_000);
afterAll(() => server.close());

describe("the Monday reminder's queries against SharePoint", () => {
  const filters = flowFilters();

  it("are the flow's filters, which on a given day are the product's own", () => {
    expect(asFlowRunsIt(filters[listTitle('initiatives')], ids.north, today)).toBe(activeInitiativesFilter(ids.north));
    expect(asFlowRunsIt(filters[listTitle('checkIns')], ids.north, today)).toBe(recentCheckInsFilter(ids.north, today));
    expect(asFlowRunsIt(filters[listTitle('tasks')], ids.north, today)).toBe(dueThisWeekFilter(ids.north, today));
    expect(filters[listTitle('units')]).toBe(unitsWithChannelFilter());
  });

  it('find the units with a leader-group channel', async () => {
    const units = await getItems(sp, listTitle('units'), filters[listTitle('units')]);
    expect(units.map((u) => u.Id).sort()).toEqual([ids.north, ids.south].sort());
  });

  it('find the initiatives of a unit without a check-in for 14 days, created 14 days ago or earlier', async () => {
    const initiatives = await getItems(
      sp,
      listTitle('initiatives'),
      asFlowRunsIt(filters[listTitle('initiatives')], ids.north, today),
    );
    expect(initiatives.map((i) => i.Title).sort()).toEqual(
      ['checkedIn13DaysAgo', 'checkedIn14DaysAgo', 'neverCheckedIn', 'newToday'].sort(),
    );
    const checkIns = await getItems(
      sp,
      listTitle('checkIns'),
      asFlowRunsIt(filters[listTitle('checkIns')], ids.north, today),
    );
    expect(checkIns.map((c) => c.InitiativeId)).toEqual([ids.checkedIn13DaysAgo]);

    const silent = silentInitiatives(
      initiatives.map((i) => ({ id: i.Id, title: i.Title, created: toIsoDate(new Date(i.Created)) })),
      checkIns.map((c) => ({ initiativeId: c.InitiativeId as number })),
      today,
    );
    expect(silent.map((i) => i.title).sort()).toEqual(['checkedIn14DaysAgo', 'neverCheckedIn']);
  });

  it('find the open tasks of a unit due today or in the next six days', async () => {
    const tasks = await getItems(sp, listTitle('tasks'), asFlowRunsIt(filters[listTitle('tasks')], ids.north, today));
    expect(tasks.map((t) => t.Title).sort()).toEqual(['dueIn6Days', 'dueToday']);
    const south = await getItems(sp, listTitle('tasks'), asFlowRunsIt(filters[listTitle('tasks')], ids.south, today));
    expect(south.map((t) => t.Title)).toEqual(['otherUnitThisWeek']);
  });

  it('stay below the list view threshold on a list of more than 5,000 items, where a filter on Created is refused', async () => {
    const leder = await userId(server, USERS.leder);
    const many = Array.from({ length: 5001 }, (_, i) => ({
      Title: `Opgave ${i}`,
      ClientKey: `bulk-${i}`,
      UnitId: ids.quiet,
      AmbitionKey: 'gode-rammer',
      AssigneeId: leder,
      DueDate: `${addDays(today, 1)}T12:00:00Z`,
      TaskStatus: 'open',
    }));
    await server.bulk(listTitle('tasks'), many);
    const tasks = await getItems(sp, listTitle('tasks'), asFlowRunsIt(filters[listTitle('tasks')], ids.north, today));
    expect(tasks.map((t) => t.Title).sort()).toEqual(['dueIn6Days', 'dueToday']);
    // Why the flow checks an initiative's age on the rows it got: SharePoint refuses an unindexed filter here.
    await expect(getItems(sp, listTitle('tasks'), `Created le '${today}T00:00:00Z'`)).rejects.toThrow(
      /exceeds the list view threshold|SPQueryThrottledException/,
    );
  });
});
