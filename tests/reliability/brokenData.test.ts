/** @jest-environment node */
/**
 * Broken data (see `brokenData.ts`) and a site still on the first schema version: every web part's
 * first view and the lists behind it load through the repositories without throwing, and keep the
 * broken items — with their unknown values as stored, so the UI can show them with a notice —
 * instead of dropping them silently.
 */
import { provision } from '../../src/data/provisioning';
import { SCHEMA_VERSION } from '../../src/data/schema/lists';
import { toIsoDate } from '../../src/domain/dates';
import { plantBrokenData, type IBrokenData } from './brokenData';
import { ReflectionRepository } from '../../src/data/repositories/comments';
import { servicesFor, spFor, startServer, startWorld, USERS, type IWorld } from './support';

jest.setTimeout(90_000);

let world: IWorld;
let broken: IBrokenData;

beforeAll(async () => {
  world = await startWorld();
  broken = await plantBrokenData(world.server, world.unitId, Number(toIsoDate(new Date()).slice(0, 4)));
});
afterAll(() => world.server.close());

describe('the plan view of a unit whose lists hold broken items', () => {
  it('loads, picks the current plan despite its unknown status, and keeps every broken initiative', async () => {
    const { leder } = world.services;
    const view = await leder.views.loadPlanView({ unitId: broken.unitId, userId: leder.user.id });
    expect(view.unit?.name).toBe('Defekt afdeling');
    expect(view.plans).toHaveLength(3);
    expect(view.plan?.id).toBe(broken.planId);
    expect(view.plan?.status).toBe('archived');
    expect(view.initiatives.map((i) => i.id).sort()).toEqual(broken.initiativeIds.slice(0, 4).sort());
    expect(view.initiatives.find((i) => i.id === broken.initiativeIds[0])?.status).toBe('paused');
    expect(view.latestCheckIns[broken.initiativeIds[0]]).toMatchObject({ health: 'blue', progress: 250 });
    expect(view.focuses.map((f) => f.relevance)).toContain('critical');
    // The initiative in a deleted plan is still the unit's: reachable, not lost.
    expect((await leder.initiatives.listForUnit(broken.unitId)).map((i) => i.id)).toContain(broken.initiativeIds[4]);
  });

  it('reads each broken item and its thread on its own', async () => {
    const { leder, medarbejder } = world.services;
    for (const id of broken.initiativeIds) {
      await expect(leder.initiatives.get(id)).resolves.toMatchObject({ id });
      await expect(leder.checkIns.listForInitiative(id)).resolves.toBeInstanceOf(Array);
      await expect(medarbejder.comments.listForInitiative(id)).resolves.toBeInstanceOf(Array);
    }
    await expect(leder.planFocuses.listForPlan(broken.planId)).resolves.toHaveLength(3);
    await expect(medarbejder.comments.listForPlan(broken.planId)).resolves.toHaveLength(1);
  });
});

describe('the follow-up view over broken items', () => {
  it('loads the matrix, counters and board, and keeps the tasks with unknown status or a deleted unit', async () => {
    const { chef } = world.services;
    const view = await chef.views.loadFollowUpView({ userId: chef.user.id, now: new Date() });
    expect(view.schema.provisioned).toBe(true);
    expect(view.overview).toBeDefined();
    const board = await chef.tasks.query({ unitId: broken.unitId });
    expect(board.items.map((t) => t.id).sort()).toEqual(broken.taskIds.slice(0, 3).sort());
    expect(board.items.find((t) => t.id === broken.taskIds[0])?.status).toBe('blocked');
    expect((await chef.tasks.query({})).items.map((t) => t.id)).toEqual(expect.arrayContaining(broken.taskIds));
  });
});

describe('the ambitions view over broken stories and notes', () => {
  it('loads the feed with the broken stories in it, pages on, and reads the broken note', async () => {
    const { medarbejder } = world.services;
    const view = await medarbejder.views.loadAmbitionsView({ userId: medarbejder.user.id, pageSize: 2 });
    const first = view.stories.items.map((s) => s.id);
    const rest = (await view.stories.nextPage()).items.map((s) => s.id);
    expect([...first, ...rest]).toEqual(expect.arrayContaining(broken.storyIds.slice().reverse().slice(0, 2)));
    const all = await medarbejder.stories.query({}, 50);
    const poem = all.items.find((s) => s.id === broken.storyIds[1]);
    expect(poem).toMatchObject({ kind: 'poem', ambitionKey: 'ukendt-ambition', unitId: 99999 });
    expect(all.items.find((s) => s.id === broken.storyIds[0])).toMatchObject({ body: '' });
    expect(
      (await new ReflectionRepository(spFor(USERS.medarbejder, world.server)).listMine(medarbejder.user.id)).length,
    ).toBeGreaterThanOrEqual(2);
    expect(view.counts).toBeDefined();
  });
});

describe('a site still on schema version 1', () => {
  it('loads all three views, says an upgrade is needed, and writes without the newer columns', async () => {
    const server = await startServer();
    try {
      await provision(spFor(USERS.admin, server), { version: 1 });
      const admin = await servicesFor(server, USERS.admin);
      const leder = await servicesFor(server, USERS.leder);
      const unitId = (await admin.units.list())[0].id as number;
      const plan = await leder.plans.create({
        clientKey: '',
        unitId,
        period: toIsoDate(new Date()).slice(0, 4),
        status: 'draft',
      });
      await leder.initiatives.create({
        clientKey: '',
        planId: plan.id as number,
        unitId,
        title: 'På gammelt skema',
        ambitionKey: 'gode-rammer',
        status: 'planned',
      });
      await admin.tasks.create({
        clientKey: '',
        title: 'Opgave',
        unitId,
        ambitionKey: 'gode-rammer',
        assigneeId: leder.user.id,
        dueDate: '2026-05-01',
        status: 'open',
        meeting: 'Møde',
      });

      const plans = await leder.views.loadPlanView({ unitId, userId: leder.user.id });
      expect(plans.schema).toMatchObject({
        provisioned: true,
        installedVersion: 1,
        currentVersion: SCHEMA_VERSION,
        needsUpgrade: true,
      });
      expect(plans.initiatives.map((i) => i.title)).toEqual(['På gammelt skema']);
      const followUp = await admin.views.loadFollowUpView({ userId: admin.user.id, meeting: 'Møde' });
      expect(followUp.tasks.items).toHaveLength(1);
      const ambitions = await leder.views.loadAmbitionsView({ userId: leder.user.id });
      expect(ambitions.ambitions).toHaveLength(5);
      expect(ambitions.schema.needsUpgrade).toBe(true);
    } finally {
      await server.close();
    }
  });
});
