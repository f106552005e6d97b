/** @jest-environment node */
import { as, startServer, USERS, type TestServer, servicesFor, dataErrorOf } from './support';
import { provision } from '../../src/data/provisioning';
import { ConflictError } from '../../src/data/errors';
import { ReflectionRepository } from '../../src/data/repositories/comments';
import type { IMpkServices } from '../../src/data/repositories/types';
import type { IInitiative, IPlan } from '../../src/domain/model';
import { recognitionKey } from '../../src/domain/workflow';
import { dataErrorText } from '../../src/ui/shell/texts';
import { danish } from '../support/strings';

// HTTP against a real server: generous under a loaded CI machine (alone each test takes well under a second).
jest.setTimeout(30_000);

let server: TestServer;
let admin: IMpkServices;
let chef: IMpkServices;
let leder: IMpkServices;
let medarbejder: IMpkServices;
let unitId: number;

const services = (email: string): Promise<IMpkServices> => servicesFor(server, email);

beforeAll(async () => {
  server = await startServer();
  await provision(as(server, USERS.admin));
  [admin, chef, leder, medarbejder] = await Promise.all(
    [USERS.admin, USERS.chef, USERS.leder, USERS.medarbejder].map(services),
  );
  // The chefgruppe: chef@mpk.local, as the demo has it.
  await as(server, USERS.admin).web.siteGroups.getByName('Chefgruppe').users.add('i:0#.f|membership|chef@mpk.local');
  unitId = (await admin.units.list())[0].id as number;
});
afterAll(() => server.close());

async function newPlan(period = '2026'): Promise<IPlan> {
  return leder.plans.create({ clientKey: '', unitId, period, status: 'draft', ownerId: leder.user.id });
}

async function newInitiative(plan: IPlan, extra: Partial<IInitiative> = {}): Promise<IInitiative> {
  return leder.initiatives.create({
    clientKey: '',
    planId: plan.id as number,
    unitId,
    title: 'Læsebånd i indskolingen',
    ambitionKey: 'viden-og-faglighed',
    commitmentKey: 'viden-og-faglighed-1',
    status: 'planned',
    ...extra,
  });
}

describe('units and political priorities', () => {
  it('lists the seeded units and lets an owner add a department with leaders and a Teams channel', async () => {
    const units = await admin.units.list();
    expect(units.map((u) => u.name).slice(0, 2)).toEqual(['Læring og Trivsel', 'Uddannelse til Alle Unge']);
    const department = await admin.units.create({
      clientKey: '',
      name: 'Dagtilbud Nord',
      kind: 'department',
      parentId: unitId,
      leaderIds: [leder.user.id],
      teamsTeamId: '0b7c2f2e-6a59-4c1c-9a7e-2f1f0e4a1b11',
      teamsChannelId: '19:abc123@thread.tacv2',
      teamsChannelName: 'Ledergruppen Nord',
    });
    expect(department).toMatchObject({
      parentId: unitId,
      leaderIds: [leder.user.id],
      teamsChannelName: 'Ledergruppen Nord',
    });
    expect((await medarbejder.units.findByChannel('19:abc123@thread.tacv2'))?.id).toBe(department.id);
    expect((await admin.politicalPriorities.list())[0]).toMatchObject({ key: 'faelles-om-folkeskolen', active: true });
    const priority = await admin.politicalPriorities.create({
      clientKey: 'kultur-i-hele-kommunen',
      key: 'kultur-i-hele-kommunen',
      title: 'Kultur i hele kommunen',
      order: 5,
      active: true,
    });
    const retired = await admin.politicalPriorities.update(priority, { ...priority, active: false });
    expect(retired).toMatchObject({ key: 'kultur-i-hele-kommunen', active: false, order: 5 });
  });

  it('refuses a unit from someone who may not write reference data', async () => {
    const error = await dataErrorOf(
      medarbejder.units.create({ clientKey: '', name: 'Skyggeenhed', kind: 'coreArea', leaderIds: [] }),
    );
    expect(error.kind).toBe('forbidden');
    expect(dataErrorText(danish, error)).toMatch(/ikke adgang/);
  });
});

describe('plans, focus, initiatives, check-ins and comments', () => {
  it('writes and reads a whole plan', async () => {
    const plan = await newPlan();
    const focus = await leder.planFocuses.create(
      {
        clientKey: '',
        planId: plan.id as number,
        ambitionKey: 'mod-og-stolthed',
        relevance: 'high',
        localMeaning: 'Vi fortæller om det, der lykkes.',
      },
      unitId,
    );
    const initiative = await newInitiative(plan, {
      startDate: '2026-02-01',
      endDate: '2026-06-30',
      successMeasure: 'Flere elever læser dagligt',
      existingInitiativeUrl: 'https://holbaek.dk/laesning',
    });
    const checkIn = await leder.checkIns.create(
      {
        clientKey: '',
        initiativeId: initiative.id as number,
        health: 'yellow',
        progress: 40,
        date: '2026-03-15',
        comment: 'Godt i gang',
      },
      unitId,
    );
    const comment = await medarbejder.comments.create(
      { clientKey: '', initiativeId: initiative.id, body: 'Kan vi bruge biblioteket?' },
      unitId,
    );

    expect((await leder.plans.listForUnit(unitId)).map((p) => p.id)).toContain(plan.id);
    expect(await leder.planFocuses.listForPlan(plan.id as number)).toEqual([
      expect.objectContaining({ id: focus.id, relevance: 'high', localMeaning: 'Vi fortæller om det, der lykkes.' }),
    ]);
    expect(await leder.initiatives.listForPlan(plan.id as number)).toEqual([
      expect.objectContaining({
        id: initiative.id,
        startDate: '2026-02-01',
        endDate: '2026-06-30',
        existingInitiativeUrl: 'https://holbaek.dk/laesning',
      }),
    ]);
    expect(await leder.checkIns.listForInitiative(initiative.id as number)).toEqual([
      expect.objectContaining({ id: checkIn.id, health: 'yellow', progress: 40, date: '2026-03-15' }),
    ]);
    expect(await leder.comments.listForInitiative(initiative.id as number)).toEqual([
      expect.objectContaining({ id: comment.id, body: 'Kan vi bruge biblioteket?', authorId: medarbejder.user.id }),
    ]);

    const approved = await leder.plans.update(plan, { ...plan, status: 'approved' });
    expect(approved.status).toBe('approved');
    const lower = await leder.planFocuses.update(focus, { ...focus, relevance: 'medium' });
    expect(lower).toMatchObject({ relevance: 'medium', localMeaning: 'Vi fortæller om det, der lykkes.' });
  });

  it('validates before writing: a stopped initiative needs a reason, a CPR number is refused, transitions are checked', async () => {
    const plan = await newPlan('2027');
    const stopped = await dataErrorOf(newInitiative(plan, { status: 'stopped' }));
    expect(stopped.kind).toBe('invalid');
    expect(stopped.validationErrors).toContainEqual({ field: 'stopReason', code: 'stopReasonRequired' });
    const cpr = await dataErrorOf(
      medarbejder.comments.create({ clientKey: '', planId: plan.id, body: 'Borger 010190-1234 ringede' }, unitId),
    );
    expect(cpr.validationErrors.map((e) => e.code)).toEqual(['containsCpr']);
    const jump = await dataErrorOf(leder.plans.update(plan, { ...plan, status: 'closed' }));
    expect(jump.validationErrors.map((e) => e.code)).toEqual(['invalidTransition']);
    expect(await leder.comments.listForPlan(plan.id as number)).toEqual([]);
  });

  it('surfaces a stale write to the same field as a ConflictError with both versions', async () => {
    const initiative = await newInitiative(await newPlan('2028'));
    const mine = await chef.initiatives.get(initiative.id as number);
    await leder.initiatives.update(initiative, { ...initiative, title: 'Læsebånd hver dag' });
    const error = await dataErrorOf(chef.initiatives.update(mine, { ...mine, title: 'Læsebånd tre dage om ugen' }));
    expect(error).toBeInstanceOf(ConflictError);
    const conflict = error as ConflictError<IInitiative>;
    expect(conflict.fields).toEqual(['title']);
    expect(conflict.mine.title).toBe('Læsebånd tre dage om ugen');
    expect(conflict.theirs.title).toBe('Læsebånd hver dag');
    expect((await leder.initiatives.get(initiative.id as number)).title).toBe('Læsebånd hver dag');
  });

  it("keeps both people's changes when they edited different fields", async () => {
    const initiative = await newInitiative(await newPlan('2029'));
    const a = await leder.initiatives.get(initiative.id as number);
    const b = await chef.initiatives.get(initiative.id as number);
    await leder.initiatives.update(a, { ...a, title: 'Læsebånd med forældre' });
    const saved = await chef.initiatives.update(b, {
      ...b,
      successMeasure: '80 % læser dagligt',
      status: 'inProgress',
    });
    expect(saved).toMatchObject({
      title: 'Læsebånd med forældre',
      successMeasure: '80 % læser dagligt',
      status: 'inProgress',
    });
    expect(await leder.initiatives.get(initiative.id as number)).toMatchObject({
      title: 'Læsebånd med forældre',
      successMeasure: '80 % læser dagligt',
    });
  });

  it('deletes with the ETag read: a newer version is a conflict, an item already gone is fine', async () => {
    const plan = await newPlan('2030');
    const stale = await leder.plans.get(plan.id as number);
    await leder.plans.update(plan, { ...plan, period: '2030-2031' });
    expect(await dataErrorOf(leder.plans.remove(stale))).toBeInstanceOf(ConflictError);
    const current = await leder.plans.get(plan.id as number);
    await leder.plans.remove(current);
    await leder.plans.remove(current);
    expect((await dataErrorOf(leder.plans.get(plan.id as number))).kind).toBe('notFound');
  });

  it("makes no duplicate when a create's response is lost", async () => {
    const initiative = await newInitiative(await newPlan('2031'));
    await server.faults({ loseResponseNext: 1 });
    const checkIn = await leder.checkIns.create(
      {
        clientKey: 'lost-response-1',
        initiativeId: initiative.id as number,
        health: 'green',
        progress: 10,
        date: '2026-01-10',
      },
      unitId,
    );
    await server.faults({});
    expect(checkIn).toMatchObject({ clientKey: 'lost-response-1', health: 'green' });
    expect(await leder.checkIns.listForInitiative(initiative.id as number)).toHaveLength(1);
    const lost = (await server.requests()).filter((r) => r.lost);
    expect(lost).toHaveLength(1);
  });

  it('loses nothing while SharePoint throttles', async () => {
    const initiative = await newInitiative(await newPlan('2032'));
    await server.faults({ throttleRate: 0.3, retryAfter: 0 });
    try {
      for (let i = 1; i <= 12; i++) {
        await leder.checkIns.create(
          {
            clientKey: `throttled-${i}`,
            initiativeId: initiative.id as number,
            health: 'green',
            progress: i,
            date: '2026-02-01',
          },
          unitId,
        );
      }
      const view = await leder.views.loadPlanView({ unitId });
      expect(view.schema.provisioned).toBe(true);
    } finally {
      await server.faults({});
    }
    const checkIns = await leder.checkIns.listForInitiative(initiative.id as number);
    expect(checkIns.map((c) => c.progress).sort((x, y) => x - y)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
    expect((await server.requests()).some((r) => r.status === 429)).toBe(true);
  });
});

describe('follow-up tasks', () => {
  it('lets the chefgruppe assign tasks and the assignee move their status', async () => {
    const created = [];
    for (let i = 1; i <= 5; i++) {
      created.push(
        await chef.tasks.create({
          clientKey: '',
          title: `Opgave ${i}`,
          unitId,
          ambitionKey: 'gode-rammer',
          assigneeId: leder.user.id,
          dueDate: `2026-0${i}-10`,
          status: 'open',
          meeting: 'Chefgruppemøde januar',
        }),
      );
    }
    const mine = await leder.tasks.listAssignedTo(leder.user.id);
    expect(mine.map((t) => t.title)).toEqual(['Opgave 1', 'Opgave 2', 'Opgave 3', 'Opgave 4', 'Opgave 5']);
    const done = await leder.tasks.setStatus(mine[0], 'closed');
    expect(done.status).toBe('closed');
    expect((await dataErrorOf(medarbejder.tasks.setStatus(mine[1], 'closed'))).kind).toBe('forbidden');

    const first = await chef.tasks.query({ meeting: 'Chefgruppemøde januar' }, 2);
    const second = await first.nextPage();
    const third = await second.nextPage();
    expect([first.items, second.items, third.items].map((p) => p.map((t) => t.title))).toEqual([
      ['Opgave 1', 'Opgave 2'],
      ['Opgave 3', 'Opgave 4'],
      ['Opgave 5'],
    ]);
    expect(third.hasMore).toBe(false);
    expect((await chef.tasks.query({ status: 'closed', unitId }, 10)).items.map((t) => t.id)).toEqual([created[0].id]);
    // "Over fristen" on 15 March: not closed, deadline before that day (Opgave 1 is closed).
    const overdue = await chef.tasks.query({ meeting: 'Chefgruppemøde januar', overdueOn: '2026-03-15' }, 10);
    expect(overdue.items.map((t) => t.title)).toEqual(['Opgave 2', 'Opgave 3']);
    const overdueInProgress = await chef.tasks.query({ overdueOn: '2026-03-15', status: 'inProgress', unitId }, 10);
    expect(overdueInProgress.items).toEqual([]);
  });

  it('refuses a meeting filter over 255 characters before asking SharePoint, with a reason that is not a failed save', async () => {
    await server.resetRequests();
    const error = await dataErrorOf(chef.tasks.query({ meeting: 'M'.repeat(256) }, 10));
    expect(error.kind).toBe('invalid');
    expect(error.reason).toBe('filterTooLong');
    expect(dataErrorText(danish, error)).toBe('Filteret er for langt: højst 255 tegn. Forkort det, og prøv igen.');
    expect(dataErrorText(danish, error)).not.toMatch(/gemmes/);
    expect(error.validationErrors).toEqual([{ field: 'meeting', code: 'tooLong', params: { max: 255, actual: 256 } }]);
    expect(await server.requests()).toEqual([]);
    // 255 characters are asked for (and match nothing).
    expect((await chef.tasks.query({ meeting: 'M'.repeat(255) }, 10)).items).toEqual([]);
  });
});

describe('stories and recognitions', () => {
  it('sanitises a story, keeps it pending until an owner approves it, and counts one recognition per person', async () => {
    const story = await medarbejder.stories.create({
      clientKey: '',
      title: "Morgenmad i SFO'en",
      body: '<p>Vi startede dagen sammen <img src=x onerror="alert(1)"><script>alert(2)</script><a href="javascript:alert(3)">her</a></p>',
      kind: 'success',
      ambitionKey: 'mod-og-stolthed',
      unitId,
      featured: false,
      recognitionCount: 0,
    });
    expect(story.body).toBe('<p>Vi startede dagen sammen <a>her</a></p>');
    expect(story.moderationStatus).toBe(2);
    expect((await leder.stories.query({}, 10)).items.map((s) => s.id)).not.toContain(story.id);
    expect((await medarbejder.stories.listByAuthor(medarbejder.user.id)).map((s) => s.id)).toContain(story.id);
    expect((await dataErrorOf(medarbejder.stories.moderate(story, true))).kind).toBe('forbidden');

    const approved = await admin.stories.moderate(story, true);
    expect(approved.moderationStatus).toBe(0);
    const first = await leder.recognitions.recognise(story.id as number, leder.user.id);
    const again = await leder.recognitions.recognise(story.id as number, leder.user.id);
    await chef.recognitions.recognise(story.id as number, chef.user.id);
    expect(again.id).toBe(first.id);
    expect(first.clientKey).toMatch(
      new RegExp(`^${recognitionKey(story.id as number, leder.user.id, '')}[0-9a-f]{24}$`),
    );
    const feed = await medarbejder.stories.query({ ambitionKey: 'mod-og-stolthed' }, 10);
    expect(feed.items.find((s) => s.id === story.id)?.recognitionCount).toBe(2);

    await leder.recognitions.withdraw(first);
    expect((await leder.stories.recognitionCounts([story.id as number])).get(story.id as number)).toBe(1);
    expect(await leder.recognitions.listByUser(leder.user.id)).toEqual([]);

    const featured = await admin.stories.setFeatured(approved, true);
    expect(featured).toMatchObject({ featured: true, moderationStatus: 0 });

    // An author's edit waits for approval again; readers keep the approved version meanwhile.
    const mine = await medarbejder.stories.get(story.id as number);
    const edited = await medarbejder.stories.update(mine, { ...mine, title: "Morgenmad i SFO'en – et år efter" });
    expect(edited).toMatchObject({ title: "Morgenmad i SFO'en – et år efter", moderationStatus: 2 });
    expect((await leder.stories.get(story.id as number)).title).toBe("Morgenmad i SFO'en");
  });
});

describe('the notes left in "MPK Refleksioner" (what the move to OneDrive reads and deletes)', () => {
  it('are read and edited only by their author', async () => {
    const mine = new ReflectionRepository(as(server, USERS.medarbejder));
    const theirs = new ReflectionRepository(as(server, USERS.leder));
    const note = await mine.create({
      clientKey: '',
      contribution: 'Jeg kan dele det, der lykkes.',
      ambitionKey: 'mod-og-stolthed',
    });
    const edited = await mine.update(note, { ...note, meaning: 'At vi tør prøve nyt.' });
    expect(edited).toMatchObject({ contribution: 'Jeg kan dele det, der lykkes.', meaning: 'At vi tør prøve nyt.' });
    expect((await mine.listMine(medarbejder.user.id)).map((r) => r.id)).toEqual([note.id]);
    expect(await theirs.listMine(medarbejder.user.id)).toEqual([]);
    expect((await dataErrorOf(theirs.get(note.id as number))).kind).toBe('notFound');
    expect((await dataErrorOf(mine.create({ clientKey: '' }))).validationErrors[0].code).toBe('reflectionEmpty');
    await mine.remove(edited);
    expect(await mine.listMine(medarbejder.user.id)).toEqual([]);
  });
});
