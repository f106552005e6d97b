/** @jest-environment node */
/**
 * Målinger over the local SharePoint (schema v8): the import writes in `$batch`es of at most 100 by
 * ClientKey (a re-import writes nothing, a changed value only its row, a stop between batches leaves
 * whole periods), the reads a unit's plan and the overview make, and who may write results.
 */
import { as, dataErrorOf, dataRequests, servicesFor, startServer, USERS, type TestServer } from './support';
import { provision } from '../../src/data/provisioning';
import type { IImportProgress, IMpkServices } from '../../src/data/repositories/types';
import { importBatches } from '../../src/domain/measurementImport';
import { latestWithTrend, type IIndicatorValue } from '../../src/domain/measurements';
import { INDICATOR_SEEDS } from '../../src/domain/seeds';

jest.setTimeout(60_000);

const KEYS = INDICATOR_SEEDS.map((seed) => seed.key);

/** 50 units × the 5 indicators in one period: 250 rows, in `importBatches`' batches. */
function results(period: string, value: (unitId: number, i: number) => number, first = 101): IIndicatorValue[] {
  const rows: IIndicatorValue[] = [];
  for (let unitId = first; unitId < first + 50; unitId++)
    KEYS.forEach((indicatorKey, i) =>
      rows.push({
        indicatorKey,
        unitId,
        period,
        value: value(unitId, i),
        respondents: indicatorKey === 'sygefravaer' ? undefined : 12,
      }),
    );
  return rows;
}

interface IStored {
  ClientKey: string;
  IndicatorKey: string;
  UnitId: number;
  Period: string;
  MeasureValue: number;
  Respondents: number | null;
  ImportKey: string;
}

async function stored(server: TestServer, period: string): Promise<IStored[]> {
  const response = await server.fetch(
    `_api/web/lists/getByTitle('MPK%20Maaleresultater')/items?$select=ClientKey,IndicatorKey,UnitId,Period,MeasureValue,Respondents,ImportKey&$filter=Period eq '${period}'&$top=5000`,
    { as: USERS.admin },
  );
  expect(response.status).toBe(200);
  return ((await response.json()) as { value: IStored[] }).value;
}

describe('measurements on the local SharePoint', () => {
  let server: TestServer;
  let chef: IMpkServices;
  let leder: IMpkServices;
  let medarbejder: IMpkServices;

  beforeAll(async () => {
    server = await startServer();
    await provision(as(server, USERS.admin));
    await as(server, USERS.admin).web.siteGroups.getByName('Chefgruppe').users.add('i:0#.f|membership|chef@mpk.local');
    [chef, leder, medarbejder] = await Promise.all(
      [USERS.chef, USERS.leder, USERS.medarbejder].map((email) => servicesFor(server, email)),
    );
  });
  afterAll(() => server.close());

  it('imports 250 rows in 3 batches: one read of the periods, then one $batch POST per batch (≤ 100 parts)', async () => {
    const batches = importBatches(results('2026', (unitId, i) => 3 + i / 10 + unitId / 1000));
    expect(batches.map((b) => b.length)).toEqual([100, 100, 50]);
    const progress: IImportProgress[] = [];
    await server.resetRequests();
    const result = await chef.measurements.importRows(batches, 'import-1', (p) => progress.push(p));
    expect(result).toEqual({ created: 250, updated: 0, unchanged: 0, batchesWritten: 3, aborted: false });
    const requests = await dataRequests(server);
    expect(requests.map((r) => [r.method, /\$batch/.test(r.path), r.status, r.batchParts])).toEqual([
      // The stored results of the import's 5 (period, indicator) pairs.
      ['POST', true, 200, 5],
      ['POST', true, 200, 100],
      ['POST', true, 200, 100],
      ['POST', true, 200, 50],
    ]);
    expect(progress.map((p) => [p.rowsDone, p.batchesDone])).toEqual([
      [0, 0],
      [100, 1],
      [200, 2],
      [250, 3],
    ]);
    const rows = await stored(server, '2026');
    expect(rows).toHaveLength(250);
    const one = rows.find((r) => r.ClientKey === 'trivsel|101|2026');
    // Decimals kept exactly; a result without respondents stays empty.
    expect(one).toMatchObject({
      IndicatorKey: 'trivsel',
      UnitId: 101,
      MeasureValue: 3.101,
      Respondents: 12,
      ImportKey: 'import-1',
    });
    expect(rows.find((r) => r.ClientKey === 'sygefravaer|101|2026')?.Respondents).toBeNull();
  });

  it('imports 1,000 rows (a year of quarters for 50 units) in a handful of requests: one read, ten $batch POSTs', async () => {
    const rows = ['2025-Q1', '2025-Q2', '2025-Q3', '2025-Q4'].flatMap((period) =>
      results(period, (unitId, i) => 2 + i / 10 + unitId / 1000, 401),
    );
    expect(rows).toHaveLength(1000);
    const batches = importBatches(rows);
    await server.resetRequests();
    const result = await chef.measurements.importRows(batches, 'import-1000');
    expect(result).toMatchObject({ created: 1000, batchesWritten: batches.length, aborted: false });
    const requests = await dataRequests(server);
    expect(requests).toHaveLength(1 + batches.length);
    expect(batches.length).toBe(10);
    expect(requests.every((r) => r.method === 'POST' && /\$batch/.test(r.path) && (r.batchParts ?? 0) <= 100)).toBe(
      true,
    );
    for (const period of ['2025-Q1', '2025-Q4']) expect(await stored(server, period)).toHaveLength(250);
  });

  it('writes nothing when the same file is imported again (only the read)', async () => {
    const batches = importBatches(results('2026', (unitId, i) => 3 + i / 10 + unitId / 1000));
    await server.resetRequests();
    const result = await chef.measurements.importRows(batches, 'import-2');
    expect(result).toEqual({ created: 0, updated: 0, unchanged: 250, batchesWritten: 3, aborted: false });
    const requests = await dataRequests(server);
    expect(requests.map((r) => [r.method, r.batchParts])).toEqual([['POST', 5]]);
    expect((await stored(server, '2026')).every((r) => r.ImportKey === 'import-1')).toBe(true);
  });

  it('updates only the row whose value changed, with its ETag', async () => {
    const rows = results('2026', (unitId, i) => 3 + i / 10 + unitId / 1000);
    const changed = rows.map((r) => (r.unitId === 120 && r.indicatorKey === 'apv' ? { ...r, value: 4.25 } : r));
    await server.resetRequests();
    const result = await chef.measurements.importRows(importBatches(changed), 'import-3');
    expect(result).toMatchObject({ created: 0, updated: 1, unchanged: 249 });
    const requests = await dataRequests(server);
    expect(requests.map((r) => [r.method, r.status, r.batchParts])).toEqual([
      ['POST', 200, 5],
      ['POST', 200, 1],
    ]);
    const after = await stored(server, '2026');
    expect(after.find((r) => r.ClientKey === 'apv|120|2026')).toMatchObject({
      MeasureValue: 4.25,
      ImportKey: 'import-3',
    });
    expect(after.filter((r) => r.ImportKey === 'import-3')).toHaveLength(1);
  });

  it('stops between batches: the first batch is written whole, nothing of the rest', async () => {
    const batches = importBatches(results('2026-H1', () => 4));
    const controller = new AbortController();
    const result = await chef.measurements.importRows(
      batches,
      'import-4',
      (p) => {
        if (p.batchesDone === 1) controller.abort();
      },
      controller.signal,
    );
    expect(result).toEqual({ created: 100, updated: 0, unchanged: 0, batchesWritten: 1, aborted: true });
    const rows = await stored(server, '2026-H1');
    expect(rows.map((r) => r.ClientKey).sort()).toEqual(
      batches[0].map((r) => `${r.indicatorKey}|${r.unitId}|${r.period}`).sort(),
    );
    // Every unit's period that was begun has all its indicators.
    const units = new Set(rows.map((r) => r.UnitId));
    units.forEach((unitId) => expect(rows.filter((r) => r.UnitId === unitId)).toHaveLength(KEYS.length));
    // Importing again finishes the rest and writes the first batch no second time.
    const rest = await chef.measurements.importRows(batches, 'import-5');
    expect(rest).toMatchObject({ created: 150, unchanged: 100, aborted: false });
    expect(await stored(server, '2026-H1')).toHaveLength(250);
  });

  it('writes nothing twice when the answer to a batch is lost and the batch is sent again', async () => {
    const batches = importBatches(results('2026-Q2', (unitId) => unitId / 100));
    await server.faults({ loseResponseNext: 1 });
    await server.resetRequests();
    let result;
    try {
      result = await chef.measurements.importRows(batches, 'lost');
    } finally {
      await server.faults({});
    }
    // The first batch landed though its answer was lost; sent again, its rows are found by key.
    expect(result).toMatchObject({ updated: 0, batchesWritten: 3, aborted: false });
    expect(result).toMatchObject({ created: 150, unchanged: 100 });
    // The read, the lost POST, PnPjs's resend (every part a duplicate key), one read of the period to
    // settle them, then the two other batches.
    expect((await dataRequests(server)).map((r) => [r.batchParts, !!r.lost])).toEqual([
      [5, false],
      [100, true],
      [100, false],
      [5, false],
      [100, false],
      [50, false],
    ]);
    const rows = await stored(server, '2026-Q2');
    expect(rows).toHaveLength(250);
    expect(rows.every((r) => r.MeasureValue === r.UnitId / 100 && r.ImportKey === 'lost')).toBe(true);
  });

  it('lets two imports of the same period race: each row once, the later values kept, no error', async () => {
    const first = importBatches(results('2026-Q3', () => 1, 401));
    const second = importBatches(results('2026-Q3', () => 2, 401));
    const [a, b] = await Promise.all([
      chef.measurements.importRows(first, 'race-a'),
      chef.measurements.importRows(second, 'race-b'),
    ]);
    expect(a.created + a.updated + a.unchanged).toBe(250);
    expect(b.created + b.updated + b.unchanged).toBe(250);
    const rows = await stored(server, '2026-Q3');
    expect(rows).toHaveLength(250);
    // Each row holds the value of the import that wrote it last.
    expect(rows.every((r) => (r.ImportKey === 'race-a' ? r.MeasureValue === 1 : r.MeasureValue === 2))).toBe(true);
  });

  it('refuses rows the import check refuses (fewer than 5 respondents, a period not canonical) before writing anything', async () => {
    const few: IIndicatorValue = { indicatorKey: 'trivsel', unitId: 101, period: '2030', value: 3, respondents: 4 };
    const fine: IIndicatorValue = { indicatorKey: 'apv', unitId: 101, period: '2030', value: 3, respondents: 5 };
    expect(await dataErrorOf(chef.measurements.importRows([[fine, few]], 'bad'))).toMatchObject({ kind: 'invalid' });
    const loose: IIndicatorValue = { ...fine, period: '2. halvår 2030' };
    expect(await dataErrorOf(chef.measurements.importRows([[loose]], 'bad'))).toMatchObject({ kind: 'invalid' });
    expect(await stored(server, '2030')).toEqual([]);
  });

  it('lets the chefgruppe import, and refuses a leader (403) without writing', async () => {
    const row: IIndicatorValue = { indicatorKey: 'trivsel', unitId: 101, period: '2031', value: 3.5, respondents: 9 };
    expect(await dataErrorOf(leder.measurements.importRows([[row]], 'leder'))).toMatchObject({
      kind: 'forbidden',
      status: 403,
    });
    expect(await dataErrorOf(medarbejder.measurements.importRows([[row]], 'medarbejder'))).toMatchObject({
      kind: 'forbidden',
    });
    expect(await stored(server, '2031')).toEqual([]);
    const leaderPost = await server.fetch("_api/web/lists/getByTitle('MPK%20Maaleresultater')/items", {
      as: USERS.leder,
      method: 'POST',
      body: JSON.stringify({ ClientKey: 'x|1|2031', Title: 'x', MeasureValue: 1 }),
    });
    expect(leaderPost.status).toBe(403);
    expect(await chef.measurements.importRows([[row]], 'chef')).toMatchObject({ created: 1 });
  });

  it("reads a unit's results and, for the overview, each unit's latest and previous result per indicator", async () => {
    await chef.measurements.importRows(importBatches(results('2025', (unitId, i) => 2 + i / 10)), 'import-2025');
    const unit = await medarbejder.measurements.forUnit(120);
    expect(unit.map((r) => `${r.indicatorKey} ${r.period}`)).toEqual(
      ['apv', 'borgeroplevet', 'ledelse', 'sygefravaer', 'trivsel'].flatMap((k) => [
        `${k} 2025`,
        `${k} 2026`,
        `${k} 2026-H1`,
        `${k} 2026-Q2`,
      ]),
    );
    expect(unit.find((r) => r.clientKey === 'apv|120|2026')).toMatchObject({ value: 4.25, respondents: 12 });

    await server.resetRequests();
    const latest = await medarbejder.measurements.latestPerUnit(KEYS);
    // One $batch: one query per indicator (IndicatorKey is indexed).
    expect((await dataRequests(server)).map((r) => [r.method, r.batchParts])).toEqual([['POST', 5]]);
    // Unit 120's latest is the quarter 2026-Q2, and no quarter came before it.
    expect(latest.filter((r) => r.unitId === 120 && r.indicatorKey === 'apv').map((r) => r.period)).toEqual([
      '2026-Q2',
    ]);

    // A unit with three years: the latest two are kept, and they give the trend.
    const years = ['2024', '2025', '2026'].map((period, i) => ({
      indicatorKey: 'sygefravaer',
      unitId: 301,
      period,
      value: [9.5, 8.25, 7.75][i],
    }));
    await chef.measurements.importRows(importBatches(years), 'import-301');
    const own = (await medarbejder.measurements.latestPerUnit(KEYS)).filter((r) => r.unitId === 301);
    expect(own.map((r) => r.period).sort()).toEqual(['2025', '2026']);
    const sygefravaer = INDICATOR_SEEDS[2];
    expect(latestWithTrend(own, sygefravaer)).toMatchObject({
      latest: { period: '2026', value: 7.75 },
      previous: { period: '2025', value: 8.25 },
      change: -0.5,
      trend: 'better',
    });
    // Without keys: the active indicators are read first.
    expect(await medarbejder.measurements.latestPerUnit()).toEqual(await medarbejder.measurements.latestPerUnit(KEYS));
    expect((await medarbejder.indicators.listActive()).map((i) => [i.key, i.direction, i.ambitionKey])).toEqual(
      INDICATOR_SEEDS.map((s) => [s.key, s.direction, s.ambitionKey]),
    );
  });
});
