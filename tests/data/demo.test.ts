/** @jest-environment node */
import { execFile } from 'child_process';
import * as path from 'path';
import { promisify } from 'util';
import { as, startServer, USERS, userId, type TestServer } from './support';
import { seedDemo } from '../../localsp/demo/seedDemo';
import { createServices } from '../../src/data/services';
import type { IMpkServices } from '../../src/data/repositories/types';
import { SCHEMA_VERSION } from '../../src/data/schema/lists';

// HTTP against a real server: generous under a loaded CI machine (alone each test takes well under a second).
jest.setTimeout(60_000);

const run = promisify(execFile);
let server: TestServer;
let leder: IMpkServices;
let chef: IMpkServices;

beforeAll(async () => {
  server = await startServer({ seed: (site) => seedDemo(site.siteUrl) });
  leder = createServices(as(server, USERS.leder), { id: await userId(server, USERS.leder) });
  chef = createServices(as(server, USERS.chef), { id: await userId(server, USERS.chef) });
}, 60000);
afterAll(() => server.close());

describe('the demo seed', () => {
  it('gives the demo leader a plan in follow-up with check-ins over months, a stopped initiative and dialog', async () => {
    const units = await leder.units.list();
    const laering = units.find((u) => u.name === 'Læring og Trivsel');
    expect(laering?.leaderIds).toEqual([leder.user.id]);
    expect(
      units
        .filter((u) => u.parentId === laering?.id)
        .map((u) => u.name)
        .sort(),
    ).toEqual(['Dagtilbud Øst', 'Stenhus Skole']);
    const view = await leder.views.loadPlanView({ unitId: laering?.id as number });
    expect(view.plan).toMatchObject({ period: '2026', status: 'followUp' });
    expect(view.focuses).toHaveLength(5);
    const stopped = view.initiatives.find((i) => i.status === 'stopped');
    expect(stopped?.stopReason).toMatch(/lektiecafé/);
    expect(view.checkIns.length).toBeGreaterThanOrEqual(8);
    expect(new Set(view.checkIns.map((c) => c.health))).toEqual(new Set(['green', 'yellow', 'red']));
    expect(Object.values(view.commentCounts).reduce((a, b) => a + b, 0)).toBe(3);
  });

  it('gives the chefgruppe plans in every state, overdue and done tasks, and stories to read', async () => {
    const followUp = await chef.views.loadFollowUpView({ userId: chef.user.id });
    expect(followUp.overview.plansByStatus).toEqual({ draft: 1, approved: 1, followUp: 2, closed: 1 });
    expect(followUp.overview.overdueCount).toBeGreaterThanOrEqual(2);
    // Every unit has its row in "MPK Overblik" — the ones the seed added after provisioning too.
    expect(followUp.overview.missingUnits).toEqual([]);
    expect(followUp.complete).toBe(true);
    expect(followUp.overview.tasksByStatus.closed).toBe(1);
    expect(followUp.canManageTasks).toBe(true);
    expect((await leder.tasks.listAssignedTo(leder.user.id)).length).toBe(3);

    const stories = await leder.views.loadAmbitionsView({ userId: leder.user.id });
    expect(stories.featuredStories.map((s) => s.title)).toEqual(["Morgenmad i SFO'en gav ro i klassen"]);
    expect(stories.featuredStories[0].recognitionCount).toBe(3);
    expect(new Set(stories.stories.items.map((s) => s.kind))).toEqual(new Set(['success', 'lesson']));
    expect(stories.myPendingStories.map((s) => s.title)).toEqual(['For mange skemaer til forældrene']);
    expect(stories).not.toHaveProperty('myReflections');
  });

  it('gives the site owner stories to approve, the author a rejection to read, and names to the plan', async () => {
    const admin = createServices(as(server, USERS.admin), { id: await userId(server, USERS.admin) });
    const medarbejder = createServices(as(server, USERS.medarbejder), { id: await userId(server, USERS.medarbejder) });
    const queue = await admin.views.loadAmbitionsView({ userId: admin.user.id });
    expect(queue.pendingForModeration?.map((s) => [s.title, s.authorName])).toEqual([
      ['For mange skemaer til forældrene', 'Lene Madsen'],
      ['Lektiehjælp på biblioteket om lørdagen', 'Mads Nielsen'],
    ]);
    const own = await medarbejder.views.loadAmbitionsView({ userId: medarbejder.user.id });
    const rejected = own.myPendingStories.find((s) => s.moderationStatus === 1);
    expect(rejected).toMatchObject({
      title: 'Fru Jensen fik sin rollator tilbage',
      moderationComment: expect.stringMatching(/uden navn og adresse/),
    });

    const laering = (await leder.units.list()).find((u) => u.teamsChannelId === '19:laering-ledergruppe@thread.tacv2');
    const plan = await leder.views.loadPlanView({
      channelId: '19:laering-ledergruppe@thread.tacv2',
      unitId: laering?.id,
    });
    expect(plan.unit?.name).toBe('Læring og Trivsel');
    expect(plan.permissions.canEditPlan).toBe(true);
    expect(plan.people).toMatchObject({
      [leder.user.id]: { displayName: 'Lene Madsen' },
      [chef.user.id]: { displayName: 'Christian Holm' },
      [medarbejder.user.id]: { displayName: 'Mads Nielsen' },
    });
  });

  it('gives units indicator results over several periods and the reading band a measurable criterion', async () => {
    const units = await leder.units.list();
    const idOf = (name: string): number => units.find((u) => u.name === name)?.id as number;
    const laering = await leder.measurements.forUnit(idOf('Læring og Trivsel'));
    expect(laering.filter((r) => r.indicatorKey === 'trivsel').map((r) => [r.period, r.value])).toEqual([
      ['2025', 3.9],
      ['2026', 4.1],
    ]);
    expect(laering.filter((r) => r.indicatorKey === 'sygefravaer').map((r) => r.period)).toEqual([
      '2026-Q1',
      '2026-Q2',
      '2026-Q3',
    ]);
    for (const name of [
      'Læring og Trivsel',
      'Dagtilbud Øst',
      'Stenhus Skole',
      'Alle Kan Bidrage',
      'Holbæk Jobcenter',
    ]) {
      const rows = await leder.measurements.forUnit(idOf(name));
      const periods = new Set(rows.map((r) => r.period));
      expect(periods.size).toBeGreaterThanOrEqual(2);
      // Survey results only with 5 or more respondents (sygefravær is counted, not answered).
      expect(rows.every((r) => r.respondents === undefined || r.respondents >= 5)).toBe(true);
    }
    const latest = await chef.measurements.latestPerUnit();
    expect(new Set(latest.map((r) => r.unitId)).size).toBeGreaterThanOrEqual(4);

    const view = await leder.views.loadPlanView({ unitId: idOf('Læring og Trivsel') });
    const band = view.initiatives.find((i) => i.title === 'Læsebånd hver morgen i indskolingen');
    expect(band).toMatchObject({
      measureUnit: 'procent',
      measureDirection: 'higher',
      measureBaseline: 64,
      measureTarget: 80,
    });
    const measured = view.checkIns.filter((c) => c.initiativeId === band?.id && c.measuredValue !== undefined);
    expect(measured.map((c) => c.measuredValue).sort()).toEqual([72.5, 76.2]);
  });

  it('finds what is there when it runs again, instead of duplicating it', async () => {
    const before = (await chef.views.loadFollowUpView({ userId: chef.user.id })).overview;
    const results = async (): Promise<unknown> =>
      (
        await server.fetch("_api/web/lists/getByTitle('MPK%20Maaleresultater')/items?$select=Id,Modified&$top=5000", {
          as: USERS.admin,
        })
      ).json();
    const resultsBefore = await results();
    expect((resultsBefore as { value: { Modified: string }[] }).value.length).toBeGreaterThan(40);
    expect((resultsBefore as { value: { Modified: string }[] }).value[0].Modified).toEqual(expect.any(String));
    await seedDemo(server.siteUrl);
    const after = (await chef.views.loadFollowUpView({ userId: chef.user.id })).overview;
    expect(after.plansByStatus).toEqual(before.plansByStatus);
    expect(after.initiativesByStatus).toEqual(before.initiativesByStatus);
    expect(after.tasksByStatus).toEqual(before.tasksByStatus);
    // The results are imported by key: no row is added or changed the second time.
    expect(await results()).toEqual(resultsBefore);
  }, 30000);
});

describe('the provisioning CLI', () => {
  it('prints what it changed, and nothing the second time', async () => {
    const empty = await startServer();
    try {
      const cli = path.join(__dirname, '../../scripts/provision.ts');
      const tsx = path.join(__dirname, '../../node_modules/.bin/tsx');
      const env = { ...process.env, MPK_BEARER: USERS.admin };
      const first = await run(tsx, [cli, empty.siteUrl], { env });
      expect(first.stdout).toMatch(new RegExp(`^Schema \\(none\\) → v${SCHEMA_VERSION}: \\d+ change\\(s\\)`));
      expect(first.stdout).toContain('listCreated  MPK Historier');
      const second = await run(tsx, [cli, empty.siteUrl], { env });
      expect(second.stdout.trim()).toBe(
        `Schema v${SCHEMA_VERSION} → v${SCHEMA_VERSION}: 0 change(s), 0 write request(s).`,
      );
      const usage = await run(tsx, [cli], { env }).catch((e: { code: number; stderr: string }) => e);
      expect(usage).toMatchObject({ code: 2 });
      expect((usage as { stderr: string }).stderr).toMatch(/^Brug: /);
    } finally {
      await empty.close();
    }
  }, 30000);
});
