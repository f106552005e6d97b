/** @jest-environment node */
/**
 * "Hos <enhed>" in the ambitions view (issue 22): a unit's current plan, what it wrote per ambition and
 * where the plan page lives, read from the local SharePoint in one `$batch` when an ambition is opened.
 */
import { as, dataRequests, servicesFor, startServer, USERS, type TestServer } from './support';
import { provision } from '../../src/data/provisioning';
import type { IMpkServices } from '../../src/data/repositories/types';

jest.setTimeout(30_000);

let server: TestServer;
let leder: IMpkServices;
let medarbejder: IMpkServices;
let unitId: number;
let otherUnitId: number;
const PAGES = { plan: 'https://holbaek.sharepoint.com/sites/mod/SitePages/Plan.aspx' };
const YEAR = String(new Date().getFullYear());

beforeAll(async () => {
  server = await startServer();
  await provision(as(server, USERS.admin));
  const admin = await servicesFor(server, USERS.admin);
  [leder, medarbejder] = await Promise.all([servicesFor(server, USERS.leder), servicesFor(server, USERS.medarbejder)]);
  const units = await admin.units.list();
  unitId = units[0].id as number;
  otherUnitId = units[1].id as number;
  const old = await admin.plans.create({ clientKey: '', unitId, period: '2020', status: 'closed' });
  const current = await admin.plans.create({ clientKey: '', unitId, period: YEAR, status: 'approved' });
  await admin.planFocuses.create(
    {
      clientKey: '',
      planId: old.id as number,
      ambitionKey: 'viden-og-faglighed',
      relevance: 'low',
      localMeaning: 'Gammelt',
    },
    unitId,
  );
  await admin.planFocuses.create(
    {
      clientKey: '',
      planId: current.id as number,
      ambitionKey: 'viden-og-faglighed',
      relevance: 'high',
      localMeaning: 'Vi deler det, vi lærer.',
    },
    unitId,
  );
  await as(server, USERS.admin)
    .web.lists.getByTitle('MPK Indstillinger')
    .items.add({ Title: 'pageUrls', ClientKey: 'pageUrls', SettingValue: JSON.stringify(PAGES) });
});
afterAll(() => server.close());

describe("reading what a unit's current plan says about the ambitions", () => {
  it('gives an employee the current plan, only its focus rows and the plan page, in one request', async () => {
    await server.resetRequests();
    const result = await medarbejder.views.loadUnitAmbitions(unitId);
    expect(result.plan).toMatchObject({ unitId, period: YEAR, status: 'approved' });
    expect(result.focuses.map((f) => [f.ambitionKey, f.relevance, f.localMeaning])).toEqual([
      ['viden-og-faglighed', 'high', 'Vi deler det, vi lærer.'],
    ]);
    expect(result.pages).toEqual(PAGES);
    expect(await dataRequests(server)).toHaveLength(1);
  });

  it('gives no plan and no focuses for a unit without a plan, never an error', async () => {
    const result = await leder.views.loadUnitAmbitions(otherUnitId);
    expect(result).toEqual({ unitId: otherUnitId, plan: undefined, focuses: [], pages: PAGES });
  });

  it("names the unit of the employee's newest story in the first view", async () => {
    await medarbejder.stories.create({
      clientKey: '',
      title: 'Min historie',
      body: '<p>Sådan gjorde vi.</p>',
      kind: 'success',
      ambitionKey: 'mod-og-stolthed',
      unitId: otherUnitId,
      featured: false,
      recognitionCount: 0,
    });
    const view = await medarbejder.views.loadAmbitionsView({ userId: medarbejder.user.id });
    expect(view.myUnitId).toBe(otherUnitId);
  });
});
