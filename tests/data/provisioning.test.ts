/** @jest-environment node */
import { as, dataRequests, startServer, USERS, userId, type TestServer } from './support';
import { provision } from '../../src/data/provisioning';
import { createServices } from '../../src/data/services';
import { LISTS, SCHEMA_VERSION, listTitle } from '../../src/data/schema/lists';
import { AMBITIONS } from '../../src/domain/ambitions';
import { INDICATOR_SEEDS, POLITICAL_PRIORITY_SEEDS, UNIT_SEEDS } from '../../src/domain/seeds';
import { afterProvision, afterProvisionSteps } from '../../src/data/provisioning/provision';
import { schemaAt } from '../../src/data/schema/lists';
import { sumStoryWindows } from '../../src/domain/storyCounts';

// HTTP against a real server: generous under a loaded CI machine (alone each test takes well under a second).
jest.setTimeout(30_000);

interface IMask {
  High: string;
  Low: string;
}

function can(mask: IMask, kind: number): boolean {
  const bit = kind - 1;
  return bit < 32 ? ((Number(mask.Low) >>> bit) & 1) === 1 : ((Number(mask.High) >>> (bit - 32)) & 1) === 1;
}
const ADD = 2;
const EDIT = 3;
const MANAGE_LISTS = 12;

async function effective(server: TestServer, email: string, list: string): Promise<IMask> {
  const response = await server.fetch(
    `_api/web/lists/getByTitle('${encodeURIComponent(list)}')/EffectiveBasePermissions`,
    { as: email },
  );
  expect(response.status).toBe(200);
  return (await response.json()) as IMask;
}

async function json<T>(server: TestServer, path: string, email: string = USERS.admin): Promise<T> {
  const response = await server.fetch(path, { as: email });
  expect(response.status).toBe(200);
  return (await response.json()) as T;
}

describe('provisioning an empty site', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startServer();
  });
  afterAll(() => server.close());

  it('creates every list, column, group and permission and seeds the reference data', async () => {
    const report = await provision(as(server, USERS.admin));
    expect(report.fromVersion).toBeUndefined();
    expect(report.toVersion).toBe(SCHEMA_VERSION);
    expect(report.changes.filter((c) => c.kind === 'warning')).toEqual([]);
    expect(report.changes.filter((c) => c.kind === 'listCreated').map((c) => c.target)).toEqual(
      LISTS.map((l) => l.title),
    );
    expect(report.changes).toContainEqual({ kind: 'groupCreated', target: 'Chefgruppe' });
    expect(report.changes.filter((c) => c.kind === 'itemsSeeded')).toHaveLength(
      5 + 27 + UNIT_SEEDS.length + POLITICAL_PRIORITY_SEEDS.length + INDICATOR_SEEDS.length,
    );

    const lists = await json<{
      value: {
        Title: string;
        EnableModeration: boolean;
        EnableVersioning: boolean;
        ReadSecurity: number;
        WriteSecurity: number;
      }[];
    }>(
      server,
      '_api/web/lists?$select=Title,EnableModeration,EnableVersioning,ReadSecurity,WriteSecurity,DraftVersionVisibility,NoCrawl',
    );
    const byTitle = new Map(lists.value.map((l) => [l.Title, l]));
    expect(byTitle.get('MPK Historier')).toMatchObject({
      EnableModeration: true,
      EnableVersioning: true,
      DraftVersionVisibility: 2,
    });
    expect(byTitle.get('MPK Planer')).toMatchObject({ EnableVersioning: true });
    expect(byTitle.get('MPK Refleksioner')).toMatchObject({ ReadSecurity: 2, WriteSecurity: 2, NoCrawl: true });
    expect(report.changes).toContainEqual({ kind: 'roleDefinitionCreated', target: 'MPK Bidragyder' });

    const clientKey = await json<{ Indexed: boolean; EnforceUniqueValues: boolean }>(
      server,
      "_api/web/lists/getByTitle('MPK%20Opgaver')/fields/getByInternalNameOrTitle('ClientKey')",
    );
    expect(clientKey).toMatchObject({ Indexed: true, EnforceUniqueValues: true });
    const author = await json<{ Indexed: boolean }>(
      server,
      "_api/web/lists/getByTitle('MPK%20Historier')/fields/getByInternalNameOrTitle('Author')",
    );
    expect(author.Indexed).toBe(true);
    // v8: a result is one row per indicator, unit and period, found by indexed columns.
    const results = await json<{ value: { InternalName: string; Indexed: boolean; EnforceUniqueValues: boolean }[] }>(
      server,
      "_api/web/lists/getByTitle('MPK%20Maaleresultater')/fields?$select=InternalName,Indexed,EnforceUniqueValues",
    );
    const indexed = results.value.filter((f) => f.Indexed && f.InternalName !== 'ID').map((f) => f.InternalName);
    expect(indexed.sort()).toEqual(['ClientKey', 'IndicatorKey', 'Period', 'UnitId']);
    expect(results.value.find((f) => f.InternalName === 'ClientKey')?.EnforceUniqueValues).toBe(true);
    const initiativeFields = await json<{ value: { InternalName: string }[] }>(
      server,
      "_api/web/lists/getByTitle('MPK%20Indsatser')/fields?$select=InternalName",
    );
    expect(initiativeFields.value.map((f) => f.InternalName)).toEqual(
      expect.arrayContaining(['MeasureWhat', 'MeasureDirection', 'MeasureBaseline', 'MeasureTargetDate']),
    );
  });

  it("seeds the strategy's five ambitions and 27 commitments word for word, and the organisation", async () => {
    const services = createServices(as(server, USERS.medarbejder), { id: await userId(server, USERS.medarbejder) });
    const view = await services.views.loadAmbitionsView({ userId: services.user.id });
    expect(view.schema).toEqual({
      provisioned: true,
      installedVersion: SCHEMA_VERSION,
      currentVersion: SCHEMA_VERSION,
      needsUpgrade: false,
    });
    expect(
      view.ambitions.map((a) => [a.key, a.title, a.introduction, a.quote, a.commitments.map((c) => [c.key, c.text])]),
    ).toEqual(
      AMBITIONS.map((a) => [a.key, a.title, a.introduction, a.quote, a.commitments.map((c) => [c.key, c.text])]),
    );
    expect(view.units.map((u) => [u.key, u.name, u.kind])).toEqual(UNIT_SEEDS.map((u) => [u.key, u.name, u.kind]));
    expect((await services.politicalPriorities.list()).map((p) => p.title)).toEqual(
      POLITICAL_PRIORITY_SEEDS.map((p) => p.title),
    );
  });

  it('lets employees write stories, notes and comments, leaders edit units (their channel), and only owners write other reference data', async () => {
    const stories = await effective(server, USERS.medarbejder, listTitle('stories'));
    expect(can(stories, ADD)).toBe(true);
    expect(can(await effective(server, USERS.medarbejder, listTitle('comments')), ADD)).toBe(true);
    expect(can(await effective(server, USERS.medarbejder, listTitle('reflections')), ADD)).toBe(true);
    expect(can(await effective(server, USERS.medarbejder, listTitle('plans')), ADD)).toBe(false);
    // v3: members edit unit items (a leader maps their Teams channel), nothing else of the reference data.
    expect(can(await effective(server, USERS.leder, listTitle('units')), EDIT)).toBe(true);
    expect(can(await effective(server, USERS.medarbejder, listTitle('units')), EDIT)).toBe(false);
    expect(can(await effective(server, USERS.leder, listTitle('ambitions')), EDIT)).toBe(false);
    expect(can(await effective(server, USERS.leder, listTitle('politicalPriorities')), ADD)).toBe(false);
    expect(can(await effective(server, USERS.leder, listTitle('units')), MANAGE_LISTS)).toBe(false);
    expect(can(await effective(server, USERS.leder, listTitle('plans')), EDIT)).toBe(true);
    expect(can(await effective(server, USERS.leder, listTitle('tasks')), EDIT)).toBe(true);
    expect(can(await effective(server, USERS.medarbejder, listTitle('tasks')), ADD)).toBe(false);
    expect(can(await effective(server, USERS.admin, listTitle('units')), EDIT)).toBe(true);
  });

  it('lets nobody but the owners manage any list, and the owners keep Full Control', async () => {
    for (const list of LISTS) {
      for (const email of [USERS.chef, USERS.leder, USERS.medarbejder])
        expect([email, list.title, can(await effective(server, email, list.title), MANAGE_LISTS)]).toEqual([
          email,
          list.title,
          false,
        ]);
      expect(can(await effective(server, USERS.admin, list.title), MANAGE_LISTS)).toBe(true);
    }
    const web = await json<IMask>(server, '_api/web/EffectiveBasePermissions', USERS.leder);
    expect(can(web, MANAGE_LISTS)).toBe(false);
    const groups = await json<{ value: { Id: number; Title: string }[] }>(
      server,
      '_api/web/sitegroups?$select=Id,Title',
    );
    const owners = groups.value.find((g) => / Ejere$/.test(g.Title));
    const assignments = await json<{ value: { PrincipalId: number; RoleDefinitionBindings: { Name: string }[] }[] }>(
      server,
      '_api/web/roleassignments?$expand=RoleDefinitionBindings',
    );
    expect(
      assignments.value.find((a) => a.PrincipalId === owners?.Id)?.RoleDefinitionBindings.map((b) => b.Name),
    ).toEqual(['Full Control']);
    const names = assignments.value.flatMap((a) => a.RoleDefinitionBindings.map((b) => b.Name));
    expect(names.filter((n) => n === 'Edit' || n === 'Contribute')).toEqual([]);
  });

  it('gives the chefgruppe MPK Bidragyder on tasks', async () => {
    const groups = await json<{ value: { Id: number; Title: string }[] }>(
      server,
      '_api/web/sitegroups?$select=Id,Title',
    );
    const chefgruppe = groups.value.find((g) => g.Title === 'Chefgruppe');
    expect(chefgruppe).toBeDefined();
    const assignments = await json<{
      value: { PrincipalId: number; RoleDefinitionBindings: { RoleTypeKind: number; Name: string }[] }[];
    }>(server, "_api/web/lists/getByTitle('MPK%20Opgaver')/roleassignments?$expand=RoleDefinitionBindings");
    const chef = assignments.value.find((a) => a.PrincipalId === chefgruppe?.Id);
    expect(chef?.RoleDefinitionBindings.map((b) => [b.RoleTypeKind, b.Name])).toEqual([[0, 'MPK Bidragyder']]);
  });

  it('writes nothing the second time: one read batch, no changes', async () => {
    const before = await json<{ value: unknown[] }>(
      server,
      '_api/web/lists?$select=Title,LastItemModifiedDate,HasUniqueRoleAssignments,ItemCount',
    );
    await server.resetRequests();
    const report = await provision(as(server, USERS.admin));
    expect(report).toEqual({ fromVersion: SCHEMA_VERSION, toVersion: SCHEMA_VERSION, changes: [], writes: 0 });
    const requests = await dataRequests(server);
    // The state read: 46 GETs in one $batch, which PnPjs sends as three POSTs of at most 20.
    expect(requests.map((r) => [r.method, r.path.replace(/^.*\/_api\//, ''), r.status])).toEqual([
      ['POST', '$batch', 200],
      ['POST', '$batch', 200],
      ['POST', '$batch', 200],
    ]);
    // lists, fields and (where the list has its own) role assignments per list, groups, levels, site roles, the
    // 3 associated groups with the site's groups (one part), the version, 5 reference lists.
    expect(requests.reduce((n, r) => n + (r.batchParts || 0), 0)).toBe(
      1 + LISTS.length + LISTS.filter((l) => l.permissions).length + 1 + 1 + 1 + 1 + 5,
    );
    const after = await json<{ value: unknown[] }>(
      server,
      '_api/web/lists?$select=Title,LastItemModifiedDate,HasUniqueRoleAssignments,ItemCount',
    );
    expect(after).toEqual(before);
  });
});

describe('upgrading an older schema in place', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startServer();
  });
  afterAll(() => server.close());

  it("adds v2's column and index to a v1 site and keeps its data", async () => {
    const admin = as(server, USERS.admin);
    const v1 = await provision(admin, { version: 1 });
    expect(v1.changes).toContainEqual({ kind: 'versionSet', target: 'schemaVersion', detail: 'v1' });
    const missing = await server.fetch(
      "_api/web/lists/getByTitle('MPK%20Enheder')/fields/getByInternalNameOrTitle('TeamsChannelName')",
    );
    expect(missing.status).toBe(404);

    const services = createServices(admin, { id: await userId(server, USERS.admin) });
    // This build reads a v1 site (with the columns it has) and says it needs an upgrade.
    const before = await services.views.loadAmbitionsView();
    expect(before.schema).toEqual({
      provisioned: true,
      installedVersion: 1,
      currentVersion: SCHEMA_VERSION,
      needsUpgrade: true,
    });
    expect(before.units).toHaveLength(UNIT_SEEDS.length);
    const units = await services.units.list();
    const leaderId = await userId(server, USERS.leder);
    const task = await services.tasks.create({
      clientKey: '',
      title: 'Følg op på læsebånd',
      unitId: units[0].id as number,
      ambitionKey: 'viden-og-faglighed',
      assigneeId: leaderId,
      dueDate: '2026-12-01',
      status: 'open',
      meeting: 'Chefgruppemøde december',
    });

    const v2 = await provision(admin, { version: 2 });
    expect(v2.fromVersion).toBe(1);
    expect(v2.changes).toEqual([
      { kind: 'fieldCreated', target: 'MPK Enheder/TeamsChannelName' },
      { kind: 'fieldUpdated', target: 'MPK Opgaver/Meeting', detail: 'Indexed' },
      { kind: 'versionSet', target: 'schemaVersion', detail: 'v2' },
    ]);
    const meeting = await json<{ Indexed: boolean }>(
      server,
      "_api/web/lists/getByTitle('MPK%20Opgaver')/fields/getByInternalNameOrTitle('Meeting')",
    );
    expect(meeting.Indexed).toBe(true);

    // The data is intact, and the new column works.
    expect(await services.tasks.get(task.id as number)).toMatchObject({
      title: 'Følg op på læsebånd',
      meeting: 'Chefgruppemøde december',
      assigneeId: leaderId,
    });
    expect((await services.units.list()).map((u) => u.name)).toEqual(units.map((u) => u.name));
    const renamed = await services.units.update(units[0], { ...units[0], teamsChannelName: 'Ledergruppen' });
    expect(renamed.teamsChannelName).toBe('Ledergruppen');
    const third = await provision(admin, { version: 2 });
    expect(third.writes).toBe(0);
  });

  it('upgrades v2 to v3: members may edit units, so a leader maps a Teams channel to their unit', async () => {
    const admin = as(server, USERS.admin);
    const services = createServices(admin, { id: await userId(server, USERS.admin) });
    const leder = createServices(as(server, USERS.leder), { id: await userId(server, USERS.leder) });
    const first = (await services.units.list())[0];
    const led = await services.units.update(first, { ...first, leaderIds: [leder.user.id] });
    const channel = {
      teamsChannelId: '19:ledere@thread.tacv2',
      teamsChannelName: 'Ledergruppen',
      teamsTeamId: '6f1c2b4e-3a5d-4e8f-9b1a-2c3d4e5f6a7b',
    };

    // At v2 a leader only reads the Units list.
    expect((await leder.views.loadPlanView({ unitId: first.id as number })).schema).toMatchObject({
      installedVersion: 2,
      needsUpgrade: true,
    });
    const refused = await leder.units.update(led, { ...led, ...channel }).catch((e: { kind?: string }) => e);
    expect(refused).toMatchObject({ kind: 'forbidden' });

    const groups = await json<{ value: { Id: number; Title: string }[] }>(
      server,
      '_api/web/sitegroups?$select=Id,Title',
    );
    const members = groups.value.find((g) => / Medlemmer$/.test(g.Title));
    const v3 = await provision(admin, { version: 3 });
    expect(v3.fromVersion).toBe(2);
    expect(v3.changes).toEqual([
      { kind: 'roleAdded', target: 'MPK Enheder', detail: 'members: contribute' },
      { kind: 'roleRemoved', target: 'MPK Enheder', detail: `members: role 1073741826` },
      { kind: 'versionSet', target: 'schemaVersion', detail: 'v3' },
    ]);
    const assignments = await json<{
      value: { PrincipalId: number; RoleDefinitionBindings: { RoleTypeKind: number }[] }[];
    }>(server, "_api/web/lists/getByTitle('MPK%20Enheder')/roleassignments?$expand=RoleDefinitionBindings");
    expect(
      assignments.value.find((a) => a.PrincipalId === members?.Id)?.RoleDefinitionBindings.map((b) => b.RoleTypeKind),
    ).toEqual([3]);

    // Now the leader saves the channel on their unit; nothing else of it changes.
    const mapped = await leder.units.update(await leder.units.get(first.id as number), { ...led, ...channel });
    expect(mapped).toMatchObject({ ...channel, name: first.name, leaderIds: [leder.user.id], kind: first.kind });
    const view = await leder.views.loadPlanView({ channelId: channel.teamsChannelId, unitId: first.id as number });
    expect(view.unit?.id).toBe(first.id);
    expect(view.schema).toMatchObject({ installedVersion: 3, needsUpgrade: SCHEMA_VERSION > 3 });
    expect((await provision(admin, { version: 3 })).writes).toBe(0);
  });

  it('upgrades v3 to v4: recognitions of stories featured before get StoryFeatured, so the view counts them in its one batch', async () => {
    const admin = as(server, USERS.admin);
    const services = createServices(admin, { id: await userId(server, USERS.admin) });
    const medarbejder = createServices(as(server, USERS.medarbejder), { id: await userId(server, USERS.medarbejder) });
    const leder = createServices(as(server, USERS.leder), { id: await userId(server, USERS.leder) });
    const unitId = (await services.units.list())[0].id as number;
    const draft = {
      clientKey: '',
      body: '<p>Fra hverdagen</p>',
      kind: 'success' as const,
      ambitionKey: 'gode-rammer',
      unitId,
      featured: false,
      recognitionCount: 0,
    };
    const old = await services.stories.moderate(
      await medarbejder.stories.create({ ...draft, title: 'Fremhævet før v4' }),
      true,
    );
    const plain = await services.stories.moderate(
      await medarbejder.stories.create({ ...draft, title: 'Ikke fremhævet' }),
      true,
    );
    // At v3 there is no StoryFeatured: featuring and recognising work without it.
    await services.stories.setFeatured(old, true);
    await leder.recognitions.recognise(old.id as number, leder.user.id);
    await medarbejder.recognitions.recognise(old.id as number, medarbejder.user.id);
    await leder.recognitions.recognise(plain.id as number, leder.user.id);

    const v4 = await provision(admin, { version: 4 });
    expect(v4.fromVersion).toBe(3);
    const recognitions = await json<{ value: { Id: number; StoryId: number }[] }>(
      server,
      "_api/web/lists/getByTitle('MPK%20Anerkendelser')/items?$select=Id,StoryId",
    );
    const ofOld = recognitions.value.filter((r) => r.StoryId === old.id).map((r) => r.Id);
    expect(v4.changes).toEqual([
      { kind: 'fieldCreated', target: 'MPK Anerkendelser/StoryFeatured' },
      ...ofOld.map((id) => ({ kind: 'itemsUpdated', target: `MPK Anerkendelser/${id}`, detail: 'StoryFeatured' })),
      { kind: 'versionSet', target: 'schemaVersion', detail: 'v4' },
    ]);
    const flagged = await json<{ value: { StoryId: number }[] }>(
      server,
      "_api/web/lists/getByTitle('MPK%20Anerkendelser')/items?$select=StoryId&$filter=StoryFeatured%20eq%201",
    );
    expect(flagged.value.map((r) => r.StoryId)).toEqual([old.id, old.id]);
    const field = await json<{ Indexed: boolean }>(
      server,
      "_api/web/lists/getByTitle('MPK%20Anerkendelser')/fields/getByInternalNameOrTitle('StoryFeatured')",
    );
    expect(field.Indexed).toBe(true);

    const view = await medarbejder.views.loadAmbitionsView({ userId: medarbejder.user.id });
    expect(view.schema).toMatchObject({ installedVersion: 4, needsUpgrade: SCHEMA_VERSION > 4 });
    expect(view.featuredStories.map((s) => [s.title, s.recognitionCount])).toEqual([['Fremhævet før v4', 2]]);
    // Idempotent: the second run writes nothing.
    expect(await provision(admin, { version: 4 })).toEqual({ fromVersion: 4, toVersion: 4, changes: [], writes: 0 });
  });

  it('upgrades v4 to v5: drafts hidden from readers, and MPK Bidragyder instead of Edit and Contribute', async () => {
    const admin = as(server, USERS.admin);
    const services = createServices(admin, { id: await userId(server, USERS.admin) });
    const medarbejder = createServices(as(server, USERS.medarbejder), { id: await userId(server, USERS.medarbejder) });
    const leder = createServices(as(server, USERS.leder), { id: await userId(server, USERS.leder) });
    const unitId = (await services.units.list())[0].id as number;
    const pending = await medarbejder.stories.create({
      clientKey: '',
      title: 'Venter før v5',
      body: '<p>Tekst</p>',
      kind: 'success',
      ambitionKey: 'gode-rammer',
      unitId,
      featured: false,
      recognitionCount: 0,
    });
    // At v4 the stories list is left at DraftVersionVisibility 0: another reader gets the pending story.
    const beforeRead = await server.fetch(
      `_api/web/lists/getByTitle('MPK%20Historier')/items(${pending.id as number})?$select=Title`,
      { as: USERS.leder },
    );
    expect(beforeRead.status).toBe(200);
    expect(can(await effective(server, USERS.leder, listTitle('stories')), MANAGE_LISTS)).toBe(true);

    const levels = await json<{ value: { Id: number; Name: string }[] }>(
      server,
      '_api/web/roledefinitions?$select=Id,Name',
    );
    const contributorId = Math.max(...levels.value.map((l) => l.Id)) + 1;
    const id = (name: string): number => (levels.value.find((l) => l.Name === name) as { Id: number }).Id;
    const [edit, contribute] = [id('Edit'), id('Contribute')];
    const add = (target: string, principal: string): unknown => ({
      kind: 'roleAdded',
      target,
      detail: `${principal}: contributor`,
    });
    const remove = (target: string, principal: string, role: number): unknown => ({
      kind: 'roleRemoved',
      target,
      detail: `${principal}: role ${role}`,
    });
    const v5 = await provision(admin, { version: 5 });
    expect(v5.fromVersion).toBe(4);
    expect(v5.changes).toEqual([
      { kind: 'listUpdated', target: 'MPK Historier', detail: 'EnableVersioning, DraftVersionVisibility' },
      { kind: 'listUpdated', target: 'MPK Refleksioner', detail: 'NoCrawl' },
      { kind: 'roleDefinitionCreated', target: 'MPK Bidragyder' },
      add('(site)', 'members'),
      remove('(site)', 'members', edit),
      add('MPK Enheder', 'members'),
      remove('MPK Enheder', 'members', contribute),
      add('MPK Opgaver', 'chefgruppe'),
      remove('MPK Opgaver', 'chefgruppe', contribute),
      add('MPK Opgaver', 'members'),
      remove('MPK Opgaver', 'members', edit),
      ...['MPK Historier', 'MPK Anerkendelser', 'MPK Kommentarer', 'MPK Refleksioner'].flatMap((t) => [
        add(t, 'members'),
        remove(t, 'members', edit),
        add(t, 'visitors'),
        remove(t, 'visitors', contribute),
      ]),
      { kind: 'versionSet', target: 'schemaVersion', detail: 'v5' },
    ]);
    expect(v5.writes).toBe(v5.changes.length);
    const level = await json<{ Id: number; RoleTypeKind: number; BasePermissions: IMask }>(
      server,
      "_api/web/roledefinitions/getByName('MPK%20Bidragyder')",
    );
    expect(level).toMatchObject({
      Id: contributorId,
      RoleTypeKind: 0,
      BasePermissions: { High: '432', Low: '1011028591' },
    });

    // Now the pending story is the author's and the approvers' alone; the leader cannot change that back.
    const afterRead = await server.fetch(
      `_api/web/lists/getByTitle('MPK%20Historier')/items(${pending.id as number})?$select=Title`,
      { as: USERS.leder },
    );
    expect(afterRead.status).toBe(404);
    expect(can(await effective(server, USERS.leder, listTitle('stories')), MANAGE_LISTS)).toBe(false);
    expect(can(await effective(server, USERS.leder, listTitle('plans')), EDIT)).toBe(true);
    expect((await leder.stories.listByAuthor(medarbejder.user.id)).map((s) => s.title)).toEqual([
      'Ikke fremhævet',
      'Fremhævet før v4',
    ]);
    expect((await medarbejder.stories.listByAuthor(medarbejder.user.id)).map((s) => s.title)).toEqual([
      'Venter før v5',
      'Ikke fremhævet',
      'Fremhævet før v4',
    ]);
    // Idempotent: the second run writes nothing.
    expect(await provision(admin, { version: 5 })).toEqual({ fromVersion: 5, toVersion: 5, changes: [], writes: 0 });

    // Someone widens the level to Edit's rights (Manage Lists for every member): the next run sets it back.
    await admin.web.roleDefinitions
      .getByName('MPK Bidragyder')
      .update({ BasePermissions: { High: 432, Low: 1011030767 } } as never);
    expect(can(await effective(server, USERS.leder, listTitle('stories')), MANAGE_LISTS)).toBe(true);
    expect(await provision(admin, { version: 5 })).toEqual({
      fromVersion: 5,
      toVersion: 5,
      changes: [{ kind: 'roleDefinitionUpdated', target: 'MPK Bidragyder', detail: 'BasePermissions' }],
      writes: 1,
    });
    expect(can(await effective(server, USERS.leder, listTitle('stories')), MANAGE_LISTS)).toBe(false);
    expect((await provision(admin, { version: 5 })).writes).toBe(0);
  });

  it('upgrades v5 to v6: adds MPK Overblik (employees read it) and counts the published stories per ambition once', async () => {
    const admin = as(server, USERS.admin);
    const services = createServices(admin, { id: await userId(server, USERS.admin) });
    const medarbejder = createServices(as(server, USERS.medarbejder), { id: await userId(server, USERS.medarbejder) });
    const unitId = (await services.units.list())[0].id as number;
    // At v5 a moderation has no row to keep: it succeeds all the same.
    const story = await medarbejder.stories.create({
      clientKey: '',
      title: 'Godkendt på v5',
      body: '<p>Tekst</p>',
      kind: 'success',
      ambitionKey: 'tillid-og-ansvar-i-ledelse',
      unitId,
      featured: false,
      recognitionCount: 0,
    });
    expect((await services.stories.moderate(story, true)).moderationStatus).toBe(0);
    const published = await json<{ value: { AmbitionKey: string; OData__ModerationStatus: number }[] }>(
      server,
      "_api/web/lists/getByTitle('MPK%20Historier')/items?$select=AmbitionKey,OData__ModerationStatus&$top=5000",
    );
    const expected: Record<string, number> = {};
    for (const row of published.value)
      if (row.OData__ModerationStatus === 0) expected[row.AmbitionKey] = (expected[row.AmbitionKey] || 0) + 1;
    expect(Object.keys(expected).length).toBeGreaterThan(0);

    const v6 = await provision(admin, { version: 6 });
    expect(v6.fromVersion).toBe(5);
    expect(v6.toVersion).toBe(6);
    expect(v6.changes.filter((c) => c.kind === 'listCreated')).toEqual([
      { kind: 'listCreated', target: 'MPK Overblik' },
    ]);
    expect(v6.changes.filter((c) => c.kind === 'fieldCreated').map((c) => c.target)).toEqual([
      'MPK Overblik/ClientKey',
      'MPK Overblik/UnitId',
      'MPK Overblik/Summary',
      'MPK Overblik/Totals',
    ]);
    expect(v6.changes).toContainEqual({ kind: 'itemsUpdated', target: 'MPK Overblik/stories', detail: 'recounted' });
    expect(v6.changes[v6.changes.length - 1]).toEqual({ kind: 'versionSet', target: 'schemaVersion', detail: 'v6' });
    // Nothing but the new list changed on the other lists.
    expect(v6.changes.filter((c) => c.target !== 'schemaVersion' && !c.target.startsWith('MPK Overblik'))).toEqual([]);
    expect(v6.writes).toBe(v6.changes.length);

    const rows = await json<{ value: { ClientKey: string; Summary: string }[] }>(
      server,
      "_api/web/lists/getByTitle('MPK%20Overblik')/items?$select=ClientKey,Summary",
      USERS.medarbejder,
    );
    // The stories row, and every unit's summary computed from its rows.
    expect(rows.value.map((r) => r.ClientKey)).toEqual([
      'stories',
      ...(
        await json<{ value: { Id: number }[] }>(
          server,
          "_api/web/lists/getByTitle('MPK%20Enheder')/items?$select=Id&$orderby=Id",
        )
      ).value.map((u) => `unit-${u.Id}`),
    ]);
    expect({ ...sumStoryWindows(rows.value[0].Summary) }).toEqual(expected);
    const list = await json<{ EnableVersioning: boolean; EnableModeration: boolean }>(
      server,
      "_api/web/lists/getByTitle('MPK%20Overblik')?$select=EnableVersioning,EnableModeration",
    );
    expect(list).toMatchObject({ EnableVersioning: false, EnableModeration: false });
    expect(can(await effective(server, USERS.medarbejder, 'MPK Overblik'), EDIT)).toBe(false);
    expect(can(await effective(server, USERS.leder, 'MPK Overblik'), EDIT)).toBe(true);
    expect(can(await effective(server, USERS.leder, 'MPK Overblik'), MANAGE_LISTS)).toBe(false);

    // Idempotent: the second run writes nothing (the recount runs on the upgrade only).
    expect(await provision(admin, { version: 6 })).toEqual({ fromVersion: 6, toVersion: 6, changes: [], writes: 0 });
  });

  it("upgrades v7 to v8: Målinger's columns and two lists, the indicators seeded once; a site owner's edits stay", async () => {
    const admin = as(server, USERS.admin);
    await provision(admin, { version: 7 });
    const services = createServices(admin, { id: await userId(server, USERS.admin) });
    const unitId = (await services.units.list())[0].id as number;
    // An initiative saved at v7: the create leaves the columns v7 lacks out.
    const plan = await services.plans.create({
      clientKey: '',
      unitId,
      period: '2031',
      status: 'draft',
      ownerId: services.user.id,
    });
    const initiative = await services.initiatives.create({
      clientKey: '',
      planId: plan.id as number,
      unitId,
      title: 'Færre sygedage',
      ambitionKey: 'gode-rammer',
      status: 'planned',
    });

    const v8 = await provision(admin, { version: 8 });
    expect([v8.fromVersion, v8.toVersion]).toEqual([7, 8]);
    expect(v8.changes.filter((c) => c.kind === 'listCreated').map((c) => c.target)).toEqual([
      'MPK Indikatorer',
      'MPK Maaleresultater',
    ]);
    expect(v8.changes.filter((c) => c.kind === 'fieldCreated').map((c) => c.target)).toEqual([
      ...['MeasureWhat', 'MeasureUnit', 'MeasureDirection', 'MeasureBaseline', 'MeasureBaselineDate'].map(
        (f) => `MPK Indsatser/${f}`,
      ),
      'MPK Indsatser/MeasureTarget',
      'MPK Indsatser/MeasureTargetDate',
      'MPK Statusmeldinger/MeasuredValue',
      ...['ClientKey', 'IndicatorUnit', 'Direction', 'AmbitionKey', 'SortOrder', 'IsActive'].map(
        (f) => `MPK Indikatorer/${f}`,
      ),
      ...['ClientKey', 'IndicatorKey', 'UnitId', 'Period', 'MeasureValue', 'Respondents', 'ImportKey'].map(
        (f) => `MPK Maaleresultater/${f}`,
      ),
    ]);
    expect(v8.changes.filter((c) => c.kind === 'itemsSeeded').map((c) => c.target)).toEqual(
      INDICATOR_SEEDS.map((seed) => `MPK Indikatorer/${seed.key}`),
    );
    // Nothing else changed: only the new lists (their permissions too), the new columns and the version.
    expect(
      v8.changes.filter(
        (c) =>
          c.target !== 'schemaVersion' &&
          !/^MPK (Indikatorer|Maaleresultater)/.test(c.target) &&
          !/^MPK (Indsatser\/Measure|Statusmeldinger\/MeasuredValue)/.test(c.target),
      ),
    ).toEqual([]);
    expect(v8.changes[v8.changes.length - 1]).toEqual({ kind: 'versionSet', target: 'schemaVersion', detail: 'v8' });
    expect(v8.writes).toBe(v8.changes.length);

    // The initiative saved at v7 reads without a measure and takes one; decimals are kept exactly.
    const before = await services.initiatives.get(initiative.id as number);
    expect(before.measureWhat).toBeUndefined();
    expect(before.measureBaseline).toBeUndefined();
    const measure = {
      measureWhat: 'Sygedage pr. medarbejder',
      measureUnit: 'dage',
      measureDirection: 'lower' as const,
      measureBaseline: 12.35,
      measureBaselineDate: '2031-01-01',
      measureTarget: 9.8,
      measureTargetDate: '2031-12-31',
    };
    expect(await services.initiatives.update(before, { ...before, ...measure })).toMatchObject(measure);
    expect(await services.initiatives.get(initiative.id as number)).toMatchObject(measure);
    const today = new Date().toISOString().slice(0, 10);
    await services.checkIns.create(
      {
        clientKey: '',
        initiativeId: initiative.id as number,
        health: 'green',
        progress: 20,
        date: today,
        measuredValue: 11.65,
      },
      unitId,
    );
    expect((await services.checkIns.listForInitiative(initiative.id as number))[0].measuredValue).toBe(11.65);

    // Everyone reads the indicators and the results; the chefgruppe and the owners write results, leaders not.
    await admin.web.siteGroups.getByName('Chefgruppe').users.add('i:0#.f|membership|chef@mpk.local');
    expect(can(await effective(server, USERS.leder, 'MPK Maaleresultater'), ADD)).toBe(false);
    expect(can(await effective(server, USERS.leder, 'MPK Indikatorer'), ADD)).toBe(false);
    expect(can(await effective(server, USERS.medarbejder, 'MPK Maaleresultater'), ADD)).toBe(false);
    expect(can(await effective(server, USERS.chef, 'MPK Maaleresultater'), ADD)).toBe(true);
    expect(can(await effective(server, USERS.chef, 'MPK Maaleresultater'), MANAGE_LISTS)).toBe(false);
    expect(can(await effective(server, USERS.admin, 'MPK Indikatorer'), EDIT)).toBe(true);
    const leaderPost = await server.fetch("_api/web/lists/getByTitle('MPK%20Maaleresultater')/items", {
      as: USERS.leder,
      method: 'POST',
      body: JSON.stringify({ ClientKey: 'trivsel|1|2031', Title: 'x', MeasureValue: 1 }),
    });
    expect(leaderPost.status).toBe(403);

    // The site owner renames an indicator and ties it to another ambition: "Klargør site" keeps that.
    const trivsel = (await services.indicators.listActive()).find((i) => i.key === 'trivsel');
    await admin.web.lists
      .getByTitle('MPK Indikatorer')
      .items.getById(trivsel?.id as number)
      .update({ Title: 'Trivsel (NTM)', AmbitionKey: 'tillid-og-ansvar-i-ledelse' });
    expect(await provision(admin, { version: 8 })).toEqual({ fromVersion: 8, toVersion: 8, changes: [], writes: 0 });
    const medarbejder = createServices(as(server, USERS.medarbejder), { id: await userId(server, USERS.medarbejder) });
    expect((await medarbejder.indicators.listActive()).map((i) => [i.key, i.title, i.ambitionKey])).toEqual(
      INDICATOR_SEEDS.map((s) =>
        s.key === 'trivsel' ? [s.key, 'Trivsel (NTM)', 'tillid-og-ansvar-i-ledelse'] : [s.key, s.title, s.ambitionKey],
      ),
    );
  });

  it("upgrades v8 to v9: the picture library with content approval like the stories, and the stories' picture columns", async () => {
    const admin = as(server, USERS.admin);
    await provision(admin, { version: 8 });
    const v9 = await provision(admin);
    expect([v9.fromVersion, v9.toVersion]).toEqual([8, 9]);
    expect(v9.changes.filter((c) => c.kind === 'listCreated').map((c) => c.target)).toEqual(['MPK Billeder']);
    expect(v9.changes.filter((c) => c.kind === 'fieldCreated').map((c) => c.target)).toEqual([
      ...['PictureUrl', 'PictureId', 'PictureAlt', 'PictureConsent'].map((f) => `MPK Historier/${f}`),
      ...['StoryKey', 'AltText', 'Consent'].map((f) => `MPK Billeder/${f}`),
    ]);
    const library = await admin.web.lists
      .getByTitle('MPK Billeder')
      .select('BaseTemplate', 'EnableModeration', 'EnableVersioning', 'DraftVersionVisibility')();
    expect(library).toMatchObject({
      BaseTemplate: 101,
      EnableModeration: true,
      EnableVersioning: true,
      DraftVersionVisibility: 2,
    });
    // Employees add pictures as they add stories; only the site owner approves.
    expect(can(await effective(server, USERS.medarbejder, 'MPK Billeder'), ADD)).toBe(true);
    expect(can(await effective(server, USERS.medarbejder, 'MPK Billeder'), MANAGE_LISTS)).toBe(false);
    expect(await provision(admin)).toEqual({ fromVersion: 9, toVersion: 9, changes: [], writes: 0 });
  });
});

describe('data steps after provisioning', () => {
  it('runs a step on a fresh site and on the upgrade across its version, never again, and not for a schema without its lists', () => {
    const v6 = schemaAt(6);
    expect(afterProvision.map((s) => s.target)).toEqual([
      'MPK Overblik/stories',
      'MPK Overblik/units',
      'MPK Indsatser/LastCheckIn',
    ]);
    expect(afterProvisionSteps(schemaAt(7), 6).map((s) => s.target)).toEqual(['MPK Indsatser/LastCheckIn']);
    expect(afterProvisionSteps(v6, undefined).map((s) => s.target)).toEqual([
      'MPK Overblik/stories',
      'MPK Overblik/units',
    ]);
    expect(afterProvisionSteps(v6, 5).map((s) => s.target)).toEqual(['MPK Overblik/stories', 'MPK Overblik/units']);
    expect(afterProvisionSteps(v6, 6)).toEqual([]);
    expect(afterProvisionSteps(schemaAt(5), 4)).toEqual([]);
    expect(afterProvisionSteps(schemaAt(5), undefined)).toEqual([]);
    expect(afterProvisionSteps({ ...v6, lists: v6.lists.filter((l) => l.key !== 'summaries') }, undefined)).toEqual([]);
    const later = {
      since: 7,
      lists: ['summaries' as const],
      target: 'MPK Overblik/x',
      detail: 'rebuilt',
      run: async () => false,
    };
    expect(afterProvisionSteps({ ...v6, version: 7 }, 6, [...afterProvision, later]).map((s) => s.target)).toEqual([
      'MPK Indsatser/LastCheckIn',
      'MPK Overblik/x',
    ]);
  });
});
