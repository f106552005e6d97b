/** @jest-environment node */
import { as, dataRequests, startServer, USERS, type TestServer, servicesFor } from './support';
import { provision } from '../../src/data/provisioning';
import { ReflectionRepository } from '../../src/data/repositories/comments';
import type { IMpkServices } from '../../src/data/repositories/types';
import { AMBITIONS } from '../../src/domain/ambitions';

// HTTP against a real server: generous under a loaded CI machine (alone each test takes well under a second).
jest.setTimeout(30_000);

let server: TestServer;

const services = (email: string): Promise<IMpkServices> => servicesFor(server, email);

/** Runs a load and returns every request it made. */
async function counted<T>(
  load: () => Promise<T>,
): Promise<{ value: T; requests: { method: string; path: string; batchParts?: number }[] }> {
  await server.resetRequests();
  const value = await load();
  return { value, requests: await server.requests() };
}

beforeAll(async () => {
  server = await startServer();
});
afterAll(() => server.close());

describe('before the site is provisioned', () => {
  it("shows the strategy's ambitions from the domain and says the lists are missing, in one request", async () => {
    const medarbejder = await services(USERS.medarbejder);
    // Warm PnPjs's request digest (SPFx has it from the page context).
    await medarbejder.provisioning.status();
    const { value, requests } = await counted(() =>
      medarbejder.views.loadAmbitionsView({ userId: medarbejder.user.id }),
    );
    expect(requests).toHaveLength(1);
    expect(value.schema).toMatchObject({ provisioned: false, needsUpgrade: true });
    expect(value.ambitions.map((a) => a.title)).toEqual(AMBITIONS.map((a) => a.title));
    expect(value.stories.items).toEqual([]);
    const plan = await medarbejder.views.loadPlanView({ unitId: 1 });
    expect(plan.schema.provisioned).toBe(false);
    const followUp = await medarbejder.views.loadFollowUpView({ userId: medarbejder.user.id });
    expect(followUp.schema.provisioned).toBe(false);
  });
});

describe("each web part's first view is one round trip", () => {
  let admin: IMpkServices;
  let leder: IMpkServices;
  let medarbejder: IMpkServices;
  let chef: IMpkServices;
  let unitId: number;

  beforeAll(async () => {
    await provision(as(server, USERS.admin));
    [admin, chef, leder, medarbejder] = await Promise.all(
      [USERS.admin, USERS.chef, USERS.leder, USERS.medarbejder].map(services),
    );
    // As the demo has it: leder@ leads the first kerneområde, chef@ is the chefgruppe.
    const first = (await admin.units.list())[0];
    unitId = first.id as number;
    await admin.units.update(first, { ...first, leaderIds: [leder.user.id] });
    await as(server, USERS.admin).web.siteGroups.getByName('Chefgruppe').users.add('i:0#.f|membership|chef@mpk.local');
    const plan = await leder.plans.create({
      clientKey: '',
      unitId,
      period: '2026',
      status: 'followUp',
      ownerId: leder.user.id,
    });
    await leder.planFocuses.create(
      { clientKey: '', planId: plan.id as number, ambitionKey: 'gode-rammer', relevance: 'high' },
      unitId,
    );
    const initiative = await leder.initiatives.create({
      clientKey: '',
      planId: plan.id as number,
      unitId,
      title: 'Nye legepladser',
      ambitionKey: 'gode-rammer',
      status: 'inProgress',
    });
    await leder.checkIns.create(
      { clientKey: '', initiativeId: initiative.id as number, health: 'red', progress: 20, date: '2026-01-05' },
      unitId,
    );
    await leder.checkIns.create(
      { clientKey: '', initiativeId: initiative.id as number, health: 'green', progress: 60, date: '2026-03-05' },
      unitId,
    );
    await medarbejder.comments.create({ clientKey: '', initiativeId: initiative.id, body: 'Godt arbejde' }, unitId);
    await leder.comments.create({ clientKey: '', planId: plan.id, body: 'Planen er godkendt' }, unitId);
    await chef.tasks.create({
      clientKey: '',
      title: 'Status på legepladser',
      unitId,
      initiativeId: initiative.id,
      assigneeId: leder.user.id,
      dueDate: '2026-02-01',
      status: 'open',
    });
    for (let i = 1; i <= 3; i++) {
      const story = await medarbejder.stories.create({
        clientKey: '',
        title: `Historie ${i}`,
        body: `<p>Tekst ${i}</p>`,
        kind: i === 2 ? 'lesson' : 'success',
        ambitionKey: 'gode-rammer',
        unitId,
        featured: false,
        recognitionCount: 0,
      });
      if (i < 3) await admin.stories.moderate(story, true);
    }
    // A note left in the list from before the upgrade: the first view does not read it any more.
    await new ReflectionRepository(as(server, USERS.medarbejder)).create({
      clientKey: '',
      contribution: 'Jeg spørger borgeren først.',
    });
  });

  it('Ambitioner og hverdagshistorier', async () => {
    const first = (await medarbejder.stories.query({}, 5)).items[0];
    await leder.recognitions.recognise(first.id as number, leder.user.id);
    const { value, requests } = await counted(() =>
      medarbejder.views.loadAmbitionsView({ userId: medarbejder.user.id, pageSize: 5 }),
    );
    expect(requests.map((r) => [r.method, r.path.replace(/^.*\/_api\//, '')])).toEqual([['POST', '$batch']]);
    expect(value.schema.provisioned).toBe(true);
    expect(value.stories.items.map((s) => s.title)).toEqual(['Historie 2', 'Historie 1']);
    expect(value.stories.items[0].recognitionCount).toBe(1);
    expect(value.myPendingStories.map((s) => s.title)).toEqual(['Historie 3']);
    expect(value.counts['gode-rammer']).toEqual({ plans: 1, initiatives: 1, stories: 2 });
    expect(value.countsComplete).toBe(true);
    expect(value).not.toHaveProperty('myReflections');
    expect(value).toMatchObject({ canPostStory: true, isSiteOwner: false });
    expect((await admin.views.loadAmbitionsView({ userId: admin.user.id })).isSiteOwner).toBe(true);
    const lessons = await medarbejder.views.loadAmbitionsView({
      userId: medarbejder.user.id,
      filters: { kind: 'lesson' },
    });
    expect(lessons.stories.items.map((s) => s.title)).toEqual(['Historie 2']);
  });

  it('Ambitionsplan', async () => {
    const { value, requests } = await counted(() =>
      leder.views.loadPlanView({ unitId, now: new Date('2026-06-01T10:00:00Z') }),
    );
    expect(requests.map((r) => [r.method, r.path.replace(/^.*\/_api\//, '')])).toEqual([['POST', '$batch']]);
    expect(value.unit?.name).toBe('Læring og Trivsel');
    expect(value.plan).toMatchObject({ period: '2026', status: 'followUp' });
    expect(value.focuses.map((f) => [f.ambitionKey, f.relevance])).toEqual([['gode-rammer', 'high']]);
    const initiativeId = value.initiatives[0].id as number;
    expect(value.latestCheckIns[initiativeId]).toMatchObject({ health: 'green', progress: 60 });
    expect(value.checkIns.map((c) => c.date)).toEqual(['2026-03-05', '2026-01-05']);
    expect(value.commentCounts).toEqual({ [initiativeId]: 1, 0: 1 });
    expect(value.politicalPriorities).toHaveLength(4);
    expect(value.permissions).toEqual({
      canEditPlan: true,
      canEditInitiatives: true,
      canCheckIn: true,
      canComment: true,
      isSiteOwner: false,
    });
    const readOnly = await medarbejder.views.loadPlanView({ unitId });
    expect(readOnly.permissions).toMatchObject({ canEditPlan: false, canCheckIn: false, canComment: true });
  });

  it('Opfølgning', async () => {
    const { value, requests } = await counted(() =>
      chef.views.loadFollowUpView({
        userId: leder.user.id,
        now: new Date('2026-06-01T10:00:00Z'),
        since: '2026-02-01',
      }),
    );
    expect(requests.map((r) => [r.method, r.path.replace(/^.*\/_api\//, '')])).toEqual([['POST', '$batch']]);
    expect(value.overview.rows).toHaveLength(8);
    const cell = value.overview.rows[0].cells.find((c) => c.ambitionKey === 'gode-rammer');
    expect(cell).toMatchObject({ relevance: 'high', initiativeCount: 1, latestHealth: 'green', trend: 'better' });
    expect(value.overview.overdueCount).toBe(1);
    expect(value.overview.overdueByUnit[value.overview.rows[0].unit.id as number]).toBe(1);
    expect(value.overview.storiesByAmbition['gode-rammer']).toBe(2);
    expect(value.tasks.items).toHaveLength(1);
    expect(value.myTasks.items.map((t) => t.title)).toEqual(['Status på legepladser']);
    expect(value).toMatchObject({ complete: true, canManageTasks: true });
  });
});

/** The data requests of a load (the request-digest POST, which SPFx has from the page, left out). */
async function batches<T>(load: () => Promise<T>): Promise<{ value: T; requests: string[] }> {
  await server.resetRequests();
  const value = await load();
  const logged = await dataRequests(server);
  // PnPjs sends at most 20 requests per `$batch` POST: a view with more would need another round trip.
  for (const r of logged) if (r.batchParts !== undefined) expect(r.batchParts).toBeLessThanOrEqual(20);
  return { value, requests: logged.map((r) => `${r.method} ${r.path.replace(/^.*\/_api\//, '')}`) };
}

describe("stories for approvers, authors' names and rejection reasons", () => {
  let admin: IMpkServices;
  let leder: IMpkServices;
  let medarbejder: IMpkServices;
  let unitId: number;

  beforeAll(async () => {
    [admin, leder, medarbejder] = await Promise.all([USERS.admin, USERS.leder, USERS.medarbejder].map(services));
    unitId = (await admin.units.list())[0].id as number;
  });

  it("gives approvers everybody's pending stories with the authors' names in the same batch, and nobody else", async () => {
    const { value, requests } = await batches(() => admin.views.loadAmbitionsView({ userId: admin.user.id }));
    expect(requests).toEqual(['POST $batch']);
    expect(value.pendingForModeration?.map((s) => [s.title, s.authorName, s.moderationStatus])).toEqual([
      ['Historie 3', 'Mads Nielsen', 2],
    ]);
    expect(value.morePendingForModeration).toBe(false);
    expect(value.stories.items.map((s) => s.authorName)).toEqual(['Mads Nielsen', 'Mads Nielsen']);
    for (const reader of [leder, medarbejder]) {
      const view = await reader.views.loadAmbitionsView({ userId: reader.user.id });
      expect(view.pendingForModeration).toBeUndefined();
      expect(view.stories.items[0].authorName).toBe('Mads Nielsen');
    }
  });

  it("tells the author why a story was rejected, and takes it out of the approvers' queue", async () => {
    const story = await medarbejder.stories.create({
      clientKey: '',
      title: 'Historie om fru Hansen',
      body: '<p>Fru Hansen fra Ahornvej …</p>',
      kind: 'success',
      ambitionKey: 'gode-rammer',
      unitId,
      featured: false,
      recognitionCount: 0,
    });
    expect(
      (await admin.views.loadAmbitionsView({ userId: admin.user.id })).pendingForModeration?.map((s) => s.title),
    ).toEqual(['Historie om fru Hansen', 'Historie 3']);
    await admin.stories.moderate(story, false, 'Skriv den uden navn og adresse, så udgiver vi den.');
    const mine = await medarbejder.views.loadAmbitionsView({ userId: medarbejder.user.id });
    expect(mine.myPendingStories.find((s) => s.id === story.id)).toMatchObject({
      moderationStatus: 1,
      moderationComment: 'Skriv den uden navn og adresse, så udgiver vi den.',
      authorName: 'Mads Nielsen',
    });
    expect(
      (await admin.views.loadAmbitionsView({ userId: admin.user.id })).pendingForModeration?.map((s) => s.title),
    ).toEqual(['Historie 3']);
    const pending = await admin.stories.listPending?.(10);
    expect(pending?.items.map((s) => [s.title, s.authorName])).toEqual([['Historie 3', 'Mads Nielsen']]);
    expect(pending?.hasMore).toBe(false);
    // Anyone else is listed only their own pending stories.
    expect((await leder.stories.listPending?.(10))?.items).toEqual([]);
    expect((await medarbejder.stories.listPending?.(10))?.items.map((s) => s.title)).toEqual(['Historie 3']);
  });

  it('filters the feed by several ambitions and units at once, together with the single filters', async () => {
    const units = await admin.units.list();
    const other = units[1].id as number;
    const publish = async (title: string, ambitionKey: string, unit: number): Promise<void> => {
      const story = await medarbejder.stories.create({
        clientKey: '',
        title,
        body: '<p>x</p>',
        kind: 'success',
        ambitionKey,
        unitId: unit,
        featured: false,
        recognitionCount: 0,
      });
      await admin.stories.moderate(story, true);
    };
    await publish('Stolthed her', 'mod-og-stolthed', unitId);
    await publish('Stolthed der', 'mod-og-stolthed', other);
    await publish('Viden der', 'viden-og-faglighed', other);
    const titles = async (filters: Record<string, unknown>): Promise<string[]> =>
      (
        await medarbejder.views.loadAmbitionsView({ userId: medarbejder.user.id, filters, pageSize: 20 })
      ).stories.items.map((s) => s.title);
    expect(await titles({ ambitionKeys: ['mod-og-stolthed', 'viden-og-faglighed'] })).toEqual([
      'Viden der',
      'Stolthed der',
      'Stolthed her',
    ]);
    expect(await titles({ ambitionKeys: ['mod-og-stolthed', 'gode-rammer'], unitIds: [unitId] })).toEqual([
      'Stolthed her',
      'Historie 2',
      'Historie 1',
    ]);
    expect(await titles({ unitIds: [unitId, other], ambitionKey: 'mod-og-stolthed' })).toEqual([
      'Stolthed der',
      'Stolthed her',
    ]);
    expect(await titles({ ambitionKeys: ['viden-og-faglighed'], ambitionKey: 'mod-og-stolthed' })).toEqual([]);
    expect(await titles({ ambitionKeys: [], unitIds: [] })).toHaveLength(5);
    expect(
      (await medarbejder.stories.query({ unitIds: [other], kind: 'success' }, 10)).items.map((s) => s.title),
    ).toEqual(['Viden der', 'Stolthed der']);
  });
});

describe("a featured story's recognitions, counted in the first view's one batch", () => {
  it('keeps StoryFeatured equal to the story\'s flag through "Fremhæv" and recognising, so the count is exact without a second request', async () => {
    const [admin, leder, medarbejder] = await Promise.all([USERS.admin, USERS.leder, USERS.medarbejder].map(services));
    const unitId = (await admin.units.list())[0].id as number;
    const draft = {
      clientKey: '',
      body: '<p>x</p>',
      kind: 'success' as const,
      ambitionKey: 'gode-rammer',
      unitId,
      featured: false,
      recognitionCount: 0,
    };
    const story = await admin.stories.moderate(
      await medarbejder.stories.create({ ...draft, title: 'Fremhæves senere' }),
      true,
    );
    await leder.recognitions.recognise(story.id as number, leder.user.id);
    const flagged = async (): Promise<number[]> => {
      const response = await server.fetch(
        "_api/web/lists/getByTitle('MPK%20Anerkendelser')/items?$select=StoryId&$filter=StoryFeatured%20eq%201&$top=5000",
        { as: USERS.admin },
      );
      return ((await response.json()) as { value: { StoryId: number }[] }).value
        .map((r) => r.StoryId)
        .filter((id) => id === story.id);
    };
    expect(await flagged()).toEqual([]);

    // Featuring flags the recognitions it finds; recognising a featured story flags the new one.
    const featured = await admin.stories.setFeatured(await admin.stories.get(story.id as number), true);
    expect(await flagged()).toEqual([story.id]);
    await medarbejder.recognitions.recognise(story.id as number, medarbejder.user.id);
    expect(await flagged()).toEqual([story.id, story.id]);
    const { value, requests } = await counted(() =>
      medarbejder.views.loadAmbitionsView({ userId: medarbejder.user.id }),
    );
    expect(requests.map((r) => `${r.method} ${r.path.replace(/^.*\/_api\//, '')}`)).toEqual(['POST $batch']);
    expect(value.featuredStories.find((s) => s.id === story.id)?.recognitionCount).toBe(2);

    // No longer featured: the flags go with it.
    await admin.stories.setFeatured(featured, false);
    expect(await flagged()).toEqual([]);
  });
});

describe('the plan view per unit: people, who may edit, and Teams channels', () => {
  let admin: IMpkServices;
  let chef: IMpkServices;
  let leder: IMpkServices;
  let medarbejder: IMpkServices;
  let unitId: number;
  let otherId: number;
  let subUnitId: number;
  const CHANNEL = '19:laering-ledere@thread.tacv2';

  beforeAll(async () => {
    [admin, chef, leder, medarbejder] = await Promise.all(
      [USERS.admin, USERS.chef, USERS.leder, USERS.medarbejder].map(services),
    );
    const units = await admin.units.list();
    unitId = units[0].id as number;
    otherId = units[1].id as number;
    subUnitId = (
      await admin.units.create({
        clientKey: '',
        name: 'Skoler i Læring og Trivsel',
        kind: 'department',
        parentId: unitId,
        leaderIds: [],
      })
    ).id as number;
  });

  it("names the plan's owner, the initiatives' owners, the units' leaders and the comments' authors", async () => {
    const view = await medarbejder.views.loadPlanView({ unitId, now: new Date('2026-06-01T10:00:00Z') });
    expect(view.plan?.ownerId).toBe(leder.user.id);
    expect(view.people?.[leder.user.id]).toEqual({ displayName: 'Lene Madsen' });
    expect(view.people?.[medarbejder.user.id]).toEqual({ displayName: 'Mads Nielsen' });
    expect(view.people?.[chef.user.id]).toBeUndefined();
    const thread = await medarbejder.comments.listForInitiative(view.initiatives[0].id as number);
    expect(thread.map((c) => [c.body, c.authorName])).toEqual([['Godt arbejde', 'Mads Nielsen']]);
  });

  it("lets the unit's leaders (also of a unit above), the Chefgruppe and site owners edit — not every member", async () => {
    const editor = { canEditPlan: true, canEditInitiatives: true, canCheckIn: true, canComment: true };
    const reader = { canEditPlan: false, canEditInitiatives: false, canCheckIn: false, canComment: true };
    expect((await leder.views.loadPlanView({ unitId: subUnitId })).permissions).toEqual({
      ...editor,
      isSiteOwner: false,
    });
    expect((await leder.views.loadPlanView({ unitId: otherId })).permissions).toEqual({
      ...reader,
      isSiteOwner: false,
    });
    expect((await chef.views.loadPlanView({ unitId: otherId })).permissions).toEqual({ ...editor, isSiteOwner: false });
    expect((await admin.views.loadPlanView({ unitId: otherId })).permissions).toEqual({ ...editor, isSiteOwner: true });
    expect((await medarbejder.views.loadPlanView({ unitId })).permissions).toEqual({ ...reader, isSiteOwner: false });
  });

  it('lets a leader map a Teams channel to their unit', async () => {
    const unit = (await leder.units.list()).find((u) => u.id === unitId);
    if (!unit) throw new Error('unit missing');
    const mapped = await leder.units.update(unit, {
      ...unit,
      teamsChannelId: CHANNEL,
      teamsChannelName: 'Ledergruppen',
      teamsTeamId: '6f1c2b4e-3a5d-4e8f-9b1a-2c3d4e5f6a7b',
    });
    expect(mapped).toMatchObject({
      teamsChannelId: CHANNEL,
      teamsChannelName: 'Ledergruppen',
      leaderIds: [leder.user.id],
      name: unit.name,
    });
    expect((await medarbejder.units.findByChannel(CHANNEL))?.id).toBe(unitId);
  });

  it("opens a mapped channel's tab in one batch with the remembered unit, and finds the unit from the channel otherwise", async () => {
    const now = new Date('2026-06-01T10:00:00Z');
    const remembered = await batches(() => leder.views.loadPlanView({ channelId: CHANNEL, unitId, now }));
    expect(remembered.requests).toEqual(['POST $batch']);
    expect(remembered.value).toMatchObject({ unit: { id: unitId }, plan: { period: '2026' } });
    expect(remembered.value.permissions.canEditPlan).toBe(true);

    // A first visit in a new browser: the unit comes from the Units list, its rows in a second batch.
    const fresh = await batches(() => leder.views.loadPlanView({ channelId: CHANNEL, now }));
    expect(fresh.requests).toEqual(['POST $batch', 'POST $batch']);
    expect(fresh.value).toMatchObject({
      unit: { id: unitId },
      plan: { period: '2026' },
      initiatives: remembered.value.initiatives,
      commentCounts: remembered.value.commentCounts,
    });
    expect(fresh.value.permissions).toEqual(remembered.value.permissions);

    // The Units list wins over a stale memory.
    const stale = await batches(() => leder.views.loadPlanView({ channelId: CHANNEL, unitId: otherId, now }));
    expect(stale.requests).toEqual(['POST $batch', 'POST $batch']);
    expect(stale.value.unit?.id).toBe(unitId);
    expect(stale.value.plans.map((p) => p.unitId)).toEqual(remembered.value.plans.map(() => unitId));

    // A channel nobody mapped: no unit (the picker), in one batch — or the remembered unit.
    const unmapped = await batches(() => leder.views.loadPlanView({ channelId: '19:ny-kanal@thread.tacv2' }));
    expect(unmapped.requests).toEqual(['POST $batch']);
    expect(unmapped.value).toMatchObject({ unit: undefined, plan: undefined, plans: [], initiatives: [] });
    expect(unmapped.value.units.length).toBeGreaterThan(8);
    expect(unmapped.value.schema.provisioned).toBe(true);
    const own = await batches(() =>
      leder.views.loadPlanView({ channelId: '19:ny-kanal@thread.tacv2', unitId: otherId }),
    );
    expect(own.requests).toEqual(['POST $batch']);
    expect(own.value.unit?.id).toBe(otherId);
    // What the UI passes before a unit is chosen.
    expect((await leder.views.loadPlanView({ unitId: 0 })).unit).toBeUndefined();
  });

  it("shows an earlier plan, or a linked initiative's plan, from the same one batch", async () => {
    const now = new Date('2026-06-01T10:00:00Z');
    const older = await leder.plans.create({
      clientKey: '',
      unitId: subUnitId,
      period: '2025',
      status: 'draft',
      ownerId: leder.user.id,
    });
    const current = await leder.plans.create({
      clientKey: '',
      unitId: subUnitId,
      period: '2026',
      status: 'draft',
      ownerId: leder.user.id,
    });
    const early = await leder.initiatives.create({
      clientKey: '',
      planId: older.id as number,
      unitId: subUnitId,
      title: 'Skolehaver',
      ambitionKey: 'gode-rammer',
      status: 'planned',
    });
    await leder.initiatives.create({
      clientKey: '',
      planId: current.id as number,
      unitId: subUnitId,
      title: 'Lektiecafé',
      ambitionKey: 'gode-rammer',
      status: 'planned',
    });

    const byDefault = await batches(() => leder.views.loadPlanView({ unitId: subUnitId, now }));
    expect(byDefault.requests).toEqual(['POST $batch']);
    expect(byDefault.value).toMatchObject({ plan: { id: current.id }, currentPlanId: current.id });
    expect(byDefault.value.initiatives.map((i) => i.title)).toEqual(['Lektiecafé']);

    const chosen = await batches(() => leder.views.loadPlanView({ unitId: subUnitId, planId: older.id, now }));
    expect(chosen.requests).toEqual(['POST $batch']);
    expect(chosen.value).toMatchObject({ plan: { id: older.id, period: '2025' }, currentPlanId: current.id });
    expect(chosen.value.initiatives.map((i) => i.title)).toEqual(['Skolehaver']);

    const linked = await leder.views.loadPlanView({ unitId: subUnitId, initiativeId: early.id, now });
    expect(linked.plan?.id).toBe(older.id);
    // The reader's choice wins over a link; a plan of another unit is never shown.
    expect(
      (await leder.views.loadPlanView({ unitId: subUnitId, planId: current.id, initiativeId: early.id, now })).plan?.id,
    ).toBe(current.id);
    expect((await leder.views.loadPlanView({ unitId: subUnitId, planId: 99999, now })).plan?.id).toBe(current.id);
  });
});

describe("the follow-up view: assignees' names, and who manages tasks", () => {
  it('names assignees and leaders, and lets only the Chefgruppe and site owners manage tasks', async () => {
    const [admin, chef, leder] = await Promise.all([USERS.admin, USERS.chef, USERS.leder].map(services));
    const { value, requests } = await batches(() => chef.views.loadFollowUpView({ userId: chef.user.id }));
    expect(requests).toEqual(['POST $batch']);
    expect(value.tasks.items[0].assigneeId).toBe(leder.user.id);
    expect(value.people?.[leder.user.id]).toEqual({ displayName: 'Lene Madsen' });
    expect(value.canManageTasks).toBe(true);
    expect((await admin.views.loadFollowUpView()).canManageTasks).toBe(true);
    // Leaders may write tasks in SharePoint (to move their own), but the board is not theirs to manage.
    expect((await leder.views.loadFollowUpView()).canManageTasks).toBe(false);
  });
});
