/**
 * The repositories' contract, stated once through `IMpkServices` only and run against both the real
 * repositories over the local SharePoint (`real.test.ts`) and the component tests' fake (`fake.test.ts`).
 * Where the two answer differently, the fake is wrong: fix the fake, never this suite.
 *
 * The world is the demo site: the four demo accounts (site owner, chefgruppe, the leader of the first
 * kerneområde, an employee) on the same data, the seeded units and political priorities, provisioned
 * at the current schema version. Ids differ between the two worlds: the suite compares only what an id
 * points to, never its value.
 */
import { ConflictError } from '../../src/data/errors';
import { dataErrorOf as refusal } from '../support/dataErrors';
import type { IMpkServices, IPlanPermissions } from '../../src/data/repositories/types';
import { SCHEMA_VERSION } from '../../src/data/schema/lists';
import { AMBITIONS } from '../../src/domain/ambitions';
import type { IFollowUpTask, IInitiative, IPlan } from '../../src/domain/model';
import { MODERATION_STATUS } from '../../src/domain/workflow';
import { INDICATOR_SEEDS, POLITICAL_PRIORITY_SEEDS, UNIT_SEEDS } from '../../src/domain/seeds';
import { importBatches } from '../../src/domain/measurementImport';
import type { IIndicatorValue } from '../../src/domain/measurements';

/** The demo accounts (CONTRIBUTING, "Local SharePoint conventions"). */
export type DemoRole = 'admin' | 'chef' | 'leder' | 'medarbejder';

/** The demo site as the suite sees it. */
export interface IContractWorld {
  /** The services as a demo account sees them, all on the same site. */
  as(role: DemoRole): IMpkServices;
  /** The first kerneområde, led by `leder`. */
  unitId: number;
  close(): Promise<void>;
}

/** A view's shape: the names of its parts that have a value, in order. */
function shapeOf(view: object): string[] {
  return Object.keys(view)
    .filter((key) => (view as Record<string, unknown>)[key] !== undefined)
    .sort();
}

/** Runs the contract against the services `setup` builds. */
export function describeRepositoryContract(name: string, setup: () => Promise<IContractWorld>): void {
  describe(`the repositories' contract: ${name}`, () => {
    let world: IContractWorld;
    let admin: IMpkServices;
    let chef: IMpkServices;
    let leder: IMpkServices;
    let medarbejder: IMpkServices;
    let unitId: number;
    let periods = 2040;

    beforeAll(async () => {
      world = await setup();
      [admin, chef, leder, medarbejder] = (['admin', 'chef', 'leder', 'medarbejder'] as const).map((r) => world.as(r));
      unitId = world.unitId;
    });
    afterAll(() => world.close());

    /** A new plan of the leader's unit, in a period no other test uses. */
    const newPlan = (status: IPlan['status'] = 'draft'): Promise<IPlan> =>
      leder.plans.create({ clientKey: '', unitId, period: String(periods++), status, ownerId: leder.user.id });

    const newInitiative = (plan: IPlan, extra: Partial<IInitiative> = {}): Promise<IInitiative> =>
      leder.initiatives.create({
        clientKey: '',
        planId: plan.id as number,
        unitId,
        title: 'Læsebånd i indskolingen',
        ambitionKey: 'viden-og-faglighed',
        commitmentKey: 'viden-og-faglighed-1',
        status: 'planned',
        ...extra,
      });

    const newTask = (title: string, extra: Partial<IFollowUpTask> = {}): Promise<IFollowUpTask> =>
      chef.tasks.create({
        clientKey: '',
        title,
        unitId,
        ambitionKey: 'gode-rammer',
        assigneeId: leder.user.id,
        dueDate: '2026-05-10',
        status: 'open',
        ...extra,
      });

    describe('schema', () => {
      it('says the site is provisioned at the current schema version', async () => {
        expect(await admin.provisioning.status()).toEqual({
          provisioned: true,
          installedVersion: SCHEMA_VERSION,
          currentVersion: SCHEMA_VERSION,
          needsUpgrade: false,
        });
        expect((await medarbejder.views.loadPlanView({ unitId })).schema).toMatchObject({
          provisioned: true,
          installedVersion: SCHEMA_VERSION,
          currentVersion: SCHEMA_VERSION,
          needsUpgrade: false,
        });
      });
    });

    describe('reference data', () => {
      it('lists the seeded units in order and the seeded political priorities', async () => {
        const units = await medarbejder.units.list();
        expect(units.map((u) => u.name).slice(0, UNIT_SEEDS.length)).toEqual(UNIT_SEEDS.map((u) => u.name));
        expect(units.find((u) => u.id === unitId)?.leaderIds).toEqual([leder.user.id]);
        const priorities = await medarbejder.politicalPriorities.list();
        expect(priorities.map((p) => p.title)).toEqual(POLITICAL_PRIORITY_SEEDS.map((p) => p.title));
        expect(priorities.every((p) => p.active)).toBe(true);
      });

      it('creates, reads, finds by channel and updates a unit', async () => {
        const department = await admin.units.create({
          clientKey: '',
          name: 'Dagtilbud Nord',
          kind: 'department',
          parentId: unitId,
          leaderIds: [leder.user.id],
          teamsChannelId: '19:contract-nord@thread.tacv2',
          teamsChannelName: 'Ledergruppen Nord',
        });
        expect(department).toMatchObject({ name: 'Dagtilbud Nord', parentId: unitId, leaderIds: [leder.user.id] });
        expect(typeof department.id).toBe('number');
        expect(typeof department.etag).toBe('string');
        expect((await medarbejder.units.findByChannel('19:contract-nord@thread.tacv2'))?.id).toBe(department.id);
        expect(await medarbejder.units.findByChannel('19:no-such-channel@thread.tacv2')).toBeUndefined();
        const renamed = await admin.units.update(department, { ...department, name: 'Dagtilbud Nordvest' });
        expect(renamed).toMatchObject({ id: department.id, name: 'Dagtilbud Nordvest' });
        expect(renamed.etag).not.toBe(department.etag);
        expect(await admin.units.get(department.id as number)).toMatchObject({ name: 'Dagtilbud Nordvest' });
      });

      it('maps a Teams channel to a unit only for someone who acts for it', async () => {
        const units = await admin.units.list();
        const other = units.find((u) => u.id !== unitId && u.kind === 'coreArea') as (typeof units)[number];
        const refused = await refusal(
          medarbejder.units.mapChannel(unitId, { channelId: '19:contract-map@thread.tacv2' }),
        );
        expect(refused.kind).toBe('forbidden');
        expect(refused.reason).toBe('unitNotYours');
        const forbidden = await refusal(leder.units.mapChannel(other.id as number, { channelId: '19:x@thread.tacv2' }));
        expect(forbidden.kind).toBe('forbidden');
        const saved = await leder.units.mapChannel(unitId, {
          channelId: '19:contract-map@thread.tacv2',
          channelName: 'Ledelse',
        });
        expect(saved.map((u) => [u.id, u.teamsChannelId])).toEqual([[unitId, '19:contract-map@thread.tacv2']]);
        expect((await leder.units.findByChannel('19:contract-map@thread.tacv2'))?.id).toBe(unitId);
        // Back as it was, so later views are not mapped.
        const unit = await admin.units.get(unitId);
        await admin.units.update(unit, { ...unit, teamsChannelId: undefined, teamsChannelName: undefined });
      });
    });

    describe('create, read, update and delete per list', () => {
      it('writes and reads a whole plan: focus, initiative, check-in and comments', async () => {
        const plan = await newPlan();
        expect(plan).toMatchObject({ unitId, status: 'draft', ownerId: leder.user.id });
        expect(plan.clientKey).not.toBe('');
        expect(await leder.plans.get(plan.id as number)).toMatchObject({ id: plan.id, period: plan.period });
        expect((await medarbejder.plans.listForUnit(unitId)).map((p) => p.id)).toContain(plan.id);

        const focus = await leder.planFocuses.create(
          { clientKey: '', planId: plan.id as number, ambitionKey: 'mod-og-stolthed', relevance: 'high' },
          unitId,
        );
        expect((await medarbejder.planFocuses.listForPlan(plan.id as number)).map((f) => f.id)).toEqual([focus.id]);
        const initiative = await newInitiative(plan, { startDate: '2026-02-01', endDate: '2026-06-30' });
        expect(await leder.initiatives.get(initiative.id as number)).toMatchObject({
          planId: plan.id,
          unitId,
          startDate: '2026-02-01',
          endDate: '2026-06-30',
        });
        expect((await medarbejder.initiatives.listForPlan(plan.id as number)).map((i) => i.id)).toEqual([
          initiative.id,
        ]);
        expect((await medarbejder.initiatives.listForUnit(unitId)).map((i) => i.id)).toContain(initiative.id);

        const older = await leder.checkIns.create(
          { clientKey: '', initiativeId: initiative.id as number, health: 'yellow', progress: 20, date: '2026-03-01' },
          unitId,
        );
        const newer = await leder.checkIns.create(
          { clientKey: '', initiativeId: initiative.id as number, health: 'green', progress: 40, date: '2026-03-15' },
          unitId,
        );
        expect((await medarbejder.checkIns.listForInitiative(initiative.id as number)).map((c) => c.id)).toEqual([
          newer.id,
          older.id,
        ]);

        const comment = await medarbejder.comments.create(
          { clientKey: '', initiativeId: initiative.id as number, body: 'Hvordan går det med bøgerne?' },
          unitId,
        );
        expect(comment).toMatchObject({ authorId: medarbejder.user.id, body: 'Hvordan går det med bøgerne?' });
        expect(typeof comment.created).toBe('string');
        expect((await leder.comments.listForInitiative(initiative.id as number)).map((c) => c.id)).toEqual([
          comment.id,
        ]);
        const onPlan = await leder.comments.create(
          { clientKey: '', planId: plan.id as number, body: 'Planen er klar til dialog.' },
          unitId,
        );
        expect((await medarbejder.comments.listForPlan(plan.id as number)).map((c) => c.id)).toEqual([onPlan.id]);

        const moved = await leder.initiatives.update(initiative, { ...initiative, status: 'inProgress' });
        expect(moved).toMatchObject({ id: initiative.id, status: 'inProgress', title: initiative.title });
        expect(moved.etag).not.toBe(initiative.etag);

        await leder.checkIns.remove(older);
        expect((await leder.checkIns.listForInitiative(initiative.id as number)).map((c) => c.id)).toEqual([newer.id]);
      });

      it('writes follow-up tasks and lets the assignee move their status', async () => {
        const task = await newTask('Kontrakt-opgave', { meeting: 'Kontraktmøde' });
        expect(task).toMatchObject({ title: 'Kontrakt-opgave', assigneeId: leder.user.id, status: 'open' });
        const done = await leder.tasks.setStatus(task, 'inProgress');
        expect(done).toMatchObject({ id: task.id, status: 'inProgress', title: 'Kontrakt-opgave' });
        expect((await chef.tasks.getMany([task.id as number])).map((t) => t.status)).toEqual(['inProgress']);
        const retitled = await chef.tasks.update(done, { ...done, title: 'Kontrakt-opgave (ny)' });
        expect(await leder.tasks.get(task.id as number)).toMatchObject({
          title: 'Kontrakt-opgave (ny)',
          status: 'inProgress',
        });
        await chef.tasks.remove(retitled);
        expect((await refusal(chef.tasks.get(task.id as number))).kind).toBe('notFound');
      });

      it('keeps a story pending until a site owner approves it, and counts one recognition per person', async () => {
        const story = await medarbejder.stories.create({
          clientKey: '',
          title: 'Kontrakt: morgenmad i SFO',
          body: '<p>Vi startede dagen sammen <img src=x onerror="alert(1)"><script>alert(2)</script><a href="javascript:alert(3)">her</a></p>',
          kind: 'success',
          ambitionKey: 'mod-og-stolthed',
          unitId,
          featured: false,
          recognitionCount: 0,
        });
        expect(story.body).toBe('<p>Vi startede dagen sammen <a>her</a></p>');
        expect(await medarbejder.stories.get(story.id as number)).toMatchObject({ body: story.body });
        // Content approval: a pending story is read by its author and the approvers only.
        expect((await refusal(leder.stories.get(story.id as number))).kind).toBe('notFound');
        expect(await admin.stories.get(story.id as number)).toMatchObject({ title: story.title });
        expect(story).toMatchObject({
          moderationStatus: MODERATION_STATUS.pending,
          authorId: medarbejder.user.id,
          featured: false,
        });
        expect((await leder.stories.query({}, 50)).items.map((s) => s.id)).not.toContain(story.id);
        expect((await medarbejder.stories.listByAuthor(medarbejder.user.id)).map((s) => s.id)).toContain(story.id);

        const approved = await admin.stories.moderate(story, true);
        expect(approved).toMatchObject({ id: story.id, moderationStatus: MODERATION_STATUS.approved, featured: false });
        const first = await leder.recognitions.recognise(story.id as number, leder.user.id);
        const again = await leder.recognitions.recognise(story.id as number, leder.user.id);
        await chef.recognitions.recognise(story.id as number, chef.user.id);
        expect(again.id).toBe(first.id);
        const feed = await medarbejder.stories.query({ ambitionKey: 'mod-og-stolthed' }, 50);
        expect(feed.items.find((s) => s.id === story.id)?.recognitionCount).toBe(2);
        expect((await leder.recognitions.listByUser(leder.user.id)).map((r) => r.storyId)).toContain(story.id);

        await leder.recognitions.withdraw(first);
        expect((await leder.stories.recognitionCounts([story.id as number])).get(story.id as number)).toBe(1);
        expect((await leder.recognitions.listByUser(leder.user.id)).map((r) => r.storyId)).not.toContain(story.id);
        expect((await refusal(leder.stories.setFeatured(approved, true))).kind).toBe('forbidden');
        const featured = await admin.stories.setFeatured(approved, true);
        expect(featured).toMatchObject({ featured: true, moderationStatus: MODERATION_STATUS.approved });

        // The author may not feature their own story; an edit waits for approval again, and readers keep
        // the approved version meanwhile (content approval).
        const mine = await medarbejder.stories.get(story.id as number);
        const edited = await medarbejder.stories.update(
          { ...mine, featured: false },
          { ...mine, featured: false, title: 'Kontrakt: morgenmad i SFO – et år efter' },
        );
        expect(edited).toMatchObject({ title: 'Kontrakt: morgenmad i SFO – et år efter', featured: true });
        expect(edited.moderationStatus).toBe(MODERATION_STATUS.pending);
        expect((await leder.stories.get(story.id as number)).title).toBe('Kontrakt: morgenmad i SFO');
        expect((await leder.stories.query({ ambitionKey: 'mod-og-stolthed' }, 50)).items.map((s) => s.title)).toContain(
          'Kontrakt: morgenmad i SFO',
        );
        expect((await admin.stories.get(story.id as number)).title).toBe('Kontrakt: morgenmad i SFO – et år efter');
        const reapproved = await admin.stories.moderate(await admin.stories.get(story.id as number), true, undefined, {
          featured: true,
        });
        expect(reapproved.moderationStatus).toBe(MODERATION_STATUS.approved);
        expect((await leder.stories.get(story.id as number)).title).toBe('Kontrakt: morgenmad i SFO – et år efter');
      });

      it("links a story's picture by the story's key and keeps it with the story through approval", async () => {
        const picture = new Blob([new Uint8Array([0xff, 0xd8, 0xff, 0xd9])], { type: 'image/jpeg' });
        const story = await medarbejder.stories.create(
          {
            clientKey: 'kontrakt-billede',
            title: 'Kontrakt: historie med billede',
            body: '<p>Rampen er bygget.</p>',
            kind: 'success',
            ambitionKey: 'mod-og-stolthed',
            unitId,
            featured: false,
            recognitionCount: 0,
            pictureAlt: 'En rampe foran indgangen',
            pictureConsent: true,
          },
          picture,
        );
        expect(story.pictureUrl).toMatch(/\/MPK Billeder\/kontrakt-billede\.jpg$/);
        expect(typeof story.pictureId).toBe('number');
        expect(story).toMatchObject({ pictureAlt: 'En rampe foran indgangen', pictureConsent: true });
        const approved = await admin.stories.moderate(story, true);
        const feed = await leder.stories.query({ ambitionKey: 'mod-og-stolthed' }, 50);
        expect(feed.items.find((s) => s.id === approved.id)).toMatchObject({
          pictureUrl: story.pictureUrl,
          pictureAlt: 'En rampe foran indgangen',
          pictureConsent: true,
        });
        const plain = await medarbejder.stories.create({
          clientKey: '',
          title: 'Kontrakt: historie uden billede',
          body: '<p>Ingen billeder.</p>',
          kind: 'success',
          ambitionKey: 'mod-og-stolthed',
          featured: false,
          recognitionCount: 0,
          pictureAlt: 'sendt uden billede',
        });
        expect(plain.pictureUrl).toBeUndefined();
        expect(plain.pictureAlt).toBeUndefined();
      });

      it('keeps reflections private to their author', async () => {
        const note = await medarbejder.reflections.create({
          clientKey: '',
          contribution: 'Jeg kan dele det, der lykkes.',
          ambitionKey: 'mod-og-stolthed',
        });
        const edited = await medarbejder.reflections.update(note, { ...note, meaning: 'At vi tør prøve nyt.' });
        expect(edited).toMatchObject({
          contribution: 'Jeg kan dele det, der lykkes.',
          meaning: 'At vi tør prøve nyt.',
        });
        expect((await medarbejder.reflections.listMine(medarbejder.user.id)).map((r) => r.id)).toEqual([note.id]);
        expect(await leder.reflections.listMine(leder.user.id)).toEqual([]);
        expect(await leder.reflections.listMine(medarbejder.user.id)).toEqual([]);
        expect((await refusal(leder.reflections.get(note.id as number))).kind).toBe('notFound');
        await medarbejder.reflections.remove(edited);
        expect(await medarbejder.reflections.listMine(medarbejder.user.id)).toEqual([]);
      });

      it('keeps one set of notes per person, and two tabs never silently overwrite each other', async () => {
        const tab1 = await chef.reflections.create({ clientKey: '', contribution: 'Første fane.' });
        // A second create finds the saved notes: both versions come back.
        const twice = await refusal(chef.reflections.create({ clientKey: '', contribution: 'Anden fane.' }));
        expect(twice).toBeInstanceOf(ConflictError);
        expect((twice as ConflictError<typeof tab1>).theirs.contribution).toBe('Første fane.');
        const tab2 = await chef.reflections.update(tab1, { ...tab1, contribution: 'Rettet i fane 2.' });
        const stale = await refusal(chef.reflections.update(tab1, { ...tab1, contribution: 'Rettet i fane 1.' }));
        expect(stale).toBeInstanceOf(ConflictError);
        expect((stale as ConflictError<typeof tab1>).theirs.contribution).toBe('Rettet i fane 2.');
        expect((await chef.reflections.listMine(chef.user.id)).map((r) => r.contribution)).toEqual([
          'Rettet i fane 2.',
        ]);
        await chef.reflections.remove(tab2);
        expect(await chef.reflections.listMine(chef.user.id)).toEqual([]);
      });

      it('adds and retires a political priority', async () => {
        const priority = await admin.politicalPriorities.create({
          clientKey: 'kontrakt-kultur',
          key: 'kontrakt-kultur',
          title: 'Kultur i hele kommunen',
          order: 5,
          active: true,
        });
        const retired = await admin.politicalPriorities.update(priority, { ...priority, active: false });
        expect(retired).toMatchObject({ key: 'kontrakt-kultur', active: false, order: 5 });
        expect((await medarbejder.politicalPriorities.list()).map((p) => p.key).slice(-1)).toEqual(['kontrakt-kultur']);
        await admin.politicalPriorities.remove(retired);
      });
    });

    describe('idempotent create per client key', () => {
      it('returns the item that already landed when a create is retried with the same client key', async () => {
        const plan = await newPlan();
        const initiative = await newInitiative(plan);
        const checkIn = {
          clientKey: 'kontrakt-retry-1',
          initiativeId: initiative.id as number,
          health: 'green' as const,
          progress: 10,
          date: '2026-01-10',
        };
        const first = await leder.checkIns.create(checkIn, unitId);
        const second = await leder.checkIns.create(checkIn, unitId);
        expect(first.clientKey).toBe('kontrakt-retry-1');
        expect(second.id).toBe(first.id);
        expect(await leder.checkIns.listForInitiative(initiative.id as number)).toHaveLength(1);
      });

      it('makes a client key when the item has none', async () => {
        const plan = await newPlan();
        const a = await newInitiative(plan);
        const b = await newInitiative(plan);
        expect(a.clientKey).toBeTruthy();
        expect(b.clientKey).toBeTruthy();
        expect(a.clientKey).not.toBe(b.clientKey);
        expect(a.id).not.toBe(b.id);
      });
    });

    describe('ETags', () => {
      it('surfaces a stale write to the same field as a ConflictError with both versions and the field', async () => {
        const initiative = await newInitiative(await newPlan());
        const mine = await chef.initiatives.get(initiative.id as number);
        await leder.initiatives.update(initiative, { ...initiative, title: 'Læsebånd hver dag' });
        const error = await refusal(chef.initiatives.update(mine, { ...mine, title: 'Læsebånd tre dage om ugen' }));
        expect(error).toBeInstanceOf(ConflictError);
        const conflict = error as ConflictError<IInitiative>;
        expect(conflict.kind).toBe('conflict');
        expect(conflict.fields).toEqual(['title']);
        expect(conflict.mine.title).toBe('Læsebånd tre dage om ugen');
        expect(conflict.theirs.title).toBe('Læsebånd hver dag');
        // Saving "mine" again goes with the newest ETag.
        expect(conflict.mine.etag).toBe(conflict.theirs.etag);
        expect((await leder.initiatives.get(initiative.id as number)).title).toBe('Læsebånd hver dag');
        const resolved = await chef.initiatives.update(conflict.theirs, conflict.mine);
        expect(resolved.title).toBe('Læsebånd tre dage om ugen');
      });

      it("keeps both people's changes when they edited different fields", async () => {
        const initiative = await newInitiative(await newPlan());
        const a = await leder.initiatives.get(initiative.id as number);
        const b = await chef.initiatives.get(initiative.id as number);
        await leder.initiatives.update(a, { ...a, title: 'Læsebånd med forældre' });
        const saved = await chef.initiatives.update(b, { ...b, successMeasure: '80 % læser dagligt' });
        expect(saved).toMatchObject({ title: 'Læsebånd med forældre', successMeasure: '80 % læser dagligt' });
        expect(await leder.initiatives.get(initiative.id as number)).toMatchObject({
          title: 'Læsebånd med forældre',
          successMeasure: '80 % læser dagligt',
        });
      });

      it('is no conflict when both saved the same value', async () => {
        const initiative = await newInitiative(await newPlan());
        const a = await leder.initiatives.get(initiative.id as number);
        const b = await chef.initiatives.get(initiative.id as number);
        await leder.initiatives.update(a, { ...a, title: 'Samme titel' });
        const saved = await chef.initiatives.update(b, { ...b, title: 'Samme titel' });
        expect(saved.title).toBe('Samme titel');
      });

      it('deletes with the ETag read: a newer version is a conflict, an item already gone is fine', async () => {
        const plan = await newPlan();
        const stale = await leder.plans.get(plan.id as number);
        await leder.plans.update(plan, { ...plan, period: `${plan.period}-${Number(plan.period) + 1}` });
        expect(await refusal(leder.plans.remove(stale))).toBeInstanceOf(ConflictError);
        const current = await leder.plans.get(plan.id as number);
        await leder.plans.remove(current);
        await leder.plans.remove(current);
        expect((await refusal(leder.plans.get(plan.id as number))).kind).toBe('notFound');
      });
    });

    describe('validation and missing items', () => {
      it("refuses an invalid item before writing, with the domain's errors", async () => {
        const plan = await newPlan();
        const stopped = await refusal(newInitiative(plan, { status: 'stopped' }));
        expect(stopped.kind).toBe('invalid');
        expect(stopped.validationErrors).toContainEqual({ field: 'stopReason', code: 'stopReasonRequired' });
        const cpr = await refusal(
          medarbejder.comments.create({ clientKey: '', planId: plan.id, body: 'Borger 010190-1234 ringede' }, unitId),
        );
        expect(cpr.validationErrors.map((e) => e.code)).toEqual(['containsCpr']);
        const jump = await refusal(leder.plans.update(plan, { ...plan, status: 'closed' }));
        expect(jump.kind).toBe('invalid');
        expect(jump.validationErrors.map((e) => e.code)).toEqual(['invalidTransition']);
        expect((await refusal(medarbejder.reflections.create({ clientKey: '' }))).validationErrors[0].code).toBe(
          'reflectionEmpty',
        );
        expect(await leder.comments.listForPlan(plan.id as number)).toEqual([]);
        expect((await leder.plans.get(plan.id as number)).status).toBe('draft');
      });

      it('says an item that does not exist is not found', async () => {
        expect((await refusal(leder.plans.get(987654))).kind).toBe('notFound');
        expect((await refusal(leder.initiatives.get(987654))).kind).toBe('notFound');
        expect((await refusal(chef.tasks.get(987654))).kind).toBe('notFound');
      });

      it('is not found when updating an item someone deleted', async () => {
        const plan = await newPlan();
        const read = await leder.plans.get(plan.id as number);
        await leder.plans.remove(plan);
        const error = await refusal(leder.plans.update(read, { ...read, status: 'approved' }));
        expect(error.kind).toBe('notFound');
      });
    });

    describe('paging', () => {
      it('pages tasks by due date, and the assignee sees open ones first', async () => {
        const meeting = 'Kontraktmøde paging';
        const created: IFollowUpTask[] = [];
        for (const month of [3, 1, 5, 2, 4])
          created.push(await newTask(`Side ${month}`, { meeting, dueDate: `2026-0${month}-10` }));
        const first = await chef.tasks.query({ meeting }, 2);
        const second = await first.nextPage();
        const third = await second.nextPage();
        expect([first, second, third].map((p) => p.items.map((t) => t.title))).toEqual([
          ['Side 1', 'Side 2'],
          ['Side 3', 'Side 4'],
          ['Side 5'],
        ]);
        expect([first.hasMore, second.hasMore, third.hasMore]).toEqual([true, true, false]);
        const closed = created.find((t) => t.title === 'Side 1') as IFollowUpTask;
        await leder.tasks.setStatus(closed, 'closed');
        const mine = (await leder.tasks.listAssignedTo(leder.user.id)).filter((t) => t.meeting === meeting);
        expect(mine.map((t) => t.title)).toEqual(['Side 2', 'Side 3', 'Side 4', 'Side 5', 'Side 1']);
        expect((await chef.tasks.query({ meeting, status: 'closed' }, 10)).items.map((t) => t.id)).toEqual([closed.id]);
        for (const task of await chef.tasks.getMany(created.map((t) => t.id as number))) await chef.tasks.remove(task);
        expect((await chef.tasks.query({ meeting }, 10)).items).toEqual([]);
      });
    });

    describe('who may do what', () => {
      const planPermissions = async (services: IMpkServices): Promise<IPlanPermissions> =>
        (await services.views.loadPlanView({ unitId })).permissions;

      it("lets the unit's leader, the chefgruppe and site owners edit the plan, and everyone comment", async () => {
        const editor = { canEditPlan: true, canEditInitiatives: true, canCheckIn: true, canComment: true };
        expect(await planPermissions(leder)).toEqual({ ...editor, isSiteOwner: false });
        expect(await planPermissions(chef)).toEqual({ ...editor, isSiteOwner: false });
        expect(await planPermissions(admin)).toEqual({ ...editor, isSiteOwner: true });
        expect(await planPermissions(medarbejder)).toEqual({
          canEditPlan: false,
          canEditInitiatives: false,
          canCheckIn: false,
          canComment: true,
          isSiteOwner: false,
        });
        const actor = (await chef.views.loadPlanView({ unitId })).actor;
        expect(actor).toEqual({ userId: chef.user.id, isSiteOwner: false, inChefgruppe: true });
        expect((await leder.views.loadPlanView({ unitId })).actor).toMatchObject({ inChefgruppe: false });
      });

      it('lets employees write only their own contributions, and only site owners the reference data', async () => {
        const plan = await newPlan();
        const initiative = await newInitiative(plan);
        const refused = [
          () => medarbejder.units.create({ clientKey: '', name: 'Skyggeenhed', kind: 'coreArea', leaderIds: [] }),
          () => medarbejder.plans.create({ clientKey: '', unitId, period: '2099', status: 'draft' }),
          () => medarbejder.initiatives.update(initiative, { ...initiative, title: 'Medarbejderens titel' }),
          () =>
            medarbejder.planFocuses.create(
              { clientKey: '', planId: plan.id as number, ambitionKey: 'gode-rammer', relevance: 'low' },
              unitId,
            ),
          () =>
            medarbejder.checkIns.create(
              { clientKey: '', initiativeId: initiative.id as number, health: 'red', progress: 5, date: '2026-01-05' },
              unitId,
            ),
          () =>
            medarbejder.tasks.create({
              clientKey: '',
              title: 'Medarbejderens opgave',
              assigneeId: medarbejder.user.id,
              unitId,
              ambitionKey: 'gode-rammer',
              dueDate: '2026-05-10',
              status: 'open',
            }),
          () =>
            leder.politicalPriorities.create({
              clientKey: 'kontrakt-x',
              key: 'kontrakt-x',
              title: 'X',
              order: 9,
              active: true,
            }),
          () =>
            chef.politicalPriorities.create({
              clientKey: 'kontrakt-y',
              key: 'kontrakt-y',
              title: 'Y',
              order: 9,
              active: true,
            }),
        ];
        for (const write of refused) expect((await refusal(write())).kind).toBe('forbidden');
        expect((await leder.initiatives.get(initiative.id as number)).title).toBe(initiative.title);
        expect((await leder.plans.listForUnit(unitId)).map((p) => p.period)).not.toContain('2099');
        expect((await admin.politicalPriorities.list()).map((p) => p.key)).not.toContain('kontrakt-x');
      });

      it('lets only site owners approve a story', async () => {
        const story = await medarbejder.stories.create({
          clientKey: '',
          title: 'Kontrakt: godkendelse',
          body: '<p>Hvem må godkende?</p>',
          kind: 'success',
          ambitionKey: 'mod-og-stolthed',
          unitId,
          featured: false,
          recognitionCount: 0,
        });
        expect((await refusal(medarbejder.stories.moderate(story, true))).kind).toBe('forbidden');
        // Others do not even see a pending story.
        expect((await refusal(leder.stories.moderate(story, true))).kind).toBe('notFound');
        expect((await refusal(chef.stories.moderate(story, true))).kind).toBe('notFound');
        expect((await medarbejder.stories.get(story.id as number)).moderationStatus).toBe(MODERATION_STATUS.pending);
        const denied = await admin.stories.moderate(story, false, 'Mangler et billede');
        expect(denied.moderationStatus).toBe(MODERATION_STATUS.denied);
        // "Ret og send igen": the author's edit of a story sent back waits for approval again.
        const mine = await medarbejder.stories.get(story.id as number);
        const resent = await medarbejder.stories.update(mine, { ...mine, title: `${mine.title} (rettet)` });
        expect(resent.moderationStatus).toBe(MODERATION_STATUS.pending);
      });

      it("lets the assignee, the chefgruppe and site owners move a task's status, not others", async () => {
        const task = await newTask('Kontrakt: status');
        expect((await refusal(medarbejder.tasks.setStatus(task, 'closed'))).kind).toBe('forbidden');
        const moved = await leder.tasks.setStatus(task, 'inProgress');
        const closed = await chef.tasks.setStatus(moved, 'closed');
        expect((await admin.tasks.setStatus(closed, 'open')).status).toBe('open');
      });

      it('lets only the chefgruppe and site owners manage tasks, and only site owners approve stories', async () => {
        const manage = async (s: IMpkServices): Promise<[boolean, boolean]> => {
          const view = await s.views.loadFollowUpView({ userId: s.user.id });
          return [view.canManageTasks, view.isSiteOwner];
        };
        expect(await manage(admin)).toEqual([true, true]);
        expect(await manage(chef)).toEqual([true, false]);
        expect(await manage(leder)).toEqual([false, false]);
        expect(await manage(medarbejder)).toEqual([false, false]);
        for (const s of [admin, chef, leder, medarbejder]) {
          const view = await s.views.loadAmbitionsView({ userId: s.user.id });
          expect([view.isSiteOwner, view.canPostStory]).toEqual([s === admin, true]);
        }
      });
    });

    describe('Målinger (schema v8)', () => {
      it('keeps the measure of an initiative and the measured value of a check-in, decimals exactly', async () => {
        const plan = await newPlan();
        const measure = {
          measureWhat: 'Andel elever der læser dagligt',
          measureUnit: 'procent',
          measureDirection: 'higher' as const,
          measureBaseline: 62.5,
          measureBaselineDate: '2026-01-15',
          measureTarget: 80.25,
          measureTargetDate: '2026-12-15',
        };
        const initiative = await newInitiative(plan, measure);
        expect(await medarbejder.initiatives.get(initiative.id as number)).toMatchObject(measure);
        const plain = await newInitiative(plan);
        const read = await leder.initiatives.get(plain.id as number);
        expect(read.measureBaseline).toBeUndefined();
        expect(read.measureDirection).toBeUndefined();
        const lower = await leder.initiatives.update(read, { ...read, ...measure, measureDirection: 'lower' });
        expect(lower).toMatchObject({ measureDirection: 'lower', measureTarget: 80.25 });
        await leder.checkIns.create(
          {
            clientKey: '',
            initiativeId: initiative.id as number,
            health: 'green',
            progress: 10,
            date: '2026-03-01',
            measuredValue: 64.3,
          },
          unitId,
        );
        const [checkIn] = await medarbejder.checkIns.listForInitiative(initiative.id as number);
        expect(checkIn.measuredValue).toBe(64.3);
        expect(
          (
            await leder.checkIns.create(
              { clientKey: '', initiativeId: plain.id as number, health: 'green', progress: 0, date: '2026-03-01' },
              unitId,
            )
          ).measuredValue,
        ).toBeUndefined();
      });

      it('lists the seeded indicators in order, each tied to its ambition', async () => {
        expect(
          (await medarbejder.indicators.listActive()).map((i) => [i.key, i.title, i.unit, i.direction, i.ambitionKey]),
        ).toEqual(INDICATOR_SEEDS.map((s) => [s.key, s.title, s.unit, s.direction, s.ambitionKey]));
      });

      it('imports results by key: a second import writes nothing, a changed value updates its row; leaders may not import', async () => {
        const rows: IIndicatorValue[] = [
          { indicatorKey: 'trivsel', unitId, period: '2025', value: 3.8, respondents: 24 },
          { indicatorKey: 'apv', unitId, period: '2025', value: 4.1, respondents: 24 },
          { indicatorKey: 'sygefravaer', unitId, period: '2025-Q4', value: 2.35 },
          { indicatorKey: 'trivsel', unitId, period: '2026', value: 4.05, respondents: 26 },
        ];
        expect(await refusal(leder.measurements.importRows(importBatches(rows), 'leder'))).toMatchObject({
          kind: 'forbidden',
        });
        const progress: number[] = [];
        expect(
          await chef.measurements.importRows(importBatches(rows), 'first', (p) => progress.push(p.rowsDone)),
        ).toEqual({
          created: 4,
          updated: 0,
          unchanged: 0,
          batchesWritten: 1,
          aborted: false,
        });
        expect(progress).toEqual([0, 4]);
        expect(await admin.measurements.importRows(importBatches(rows), 'again')).toMatchObject({
          created: 0,
          updated: 0,
          unchanged: 4,
        });
        const changed = rows.map((r) => (r.indicatorKey === 'apv' ? { ...r, value: 4.15 } : r));
        expect(await chef.measurements.importRows(importBatches(changed), 'changed')).toMatchObject({
          created: 0,
          updated: 1,
          unchanged: 3,
        });
        const own = await medarbejder.measurements.forUnit(unitId);
        expect(own.map((r) => [r.clientKey, r.value, r.respondents, r.importKey])).toEqual([
          [`apv|${unitId}|2025`, 4.15, 24, 'changed'],
          [`sygefravaer|${unitId}|2025-Q4`, 2.35, undefined, 'first'],
          [`trivsel|${unitId}|2025`, 3.8, 24, 'first'],
          [`trivsel|${unitId}|2026`, 4.05, 26, 'first'],
        ]);
        const latest = (await medarbejder.measurements.latestPerUnit()).filter((r) => r.unitId === unitId);
        expect(latest.map((r) => `${r.indicatorKey} ${r.period}`).sort()).toEqual([
          'apv 2025',
          'sygefravaer 2025-Q4',
          'trivsel 2025',
          'trivsel 2026',
        ]);
        const aborted = new AbortController();
        aborted.abort();
        expect(
          await chef.measurements.importRows(
            importBatches([{ ...rows[0], period: '2027' }]),
            'x',
            undefined,
            aborted.signal,
          ),
        ).toMatchObject({ created: 0, batchesWritten: 0, aborted: true });
        expect(await refusal(chef.measurements.importRows([[{ ...rows[0], respondents: 4 }]], 'few'))).toMatchObject({
          kind: 'invalid',
        });
      });
    });

    describe('"Nyt til dig"', () => {
      it('keeps what a person turned off and read: the count in every first view follows', async () => {
        const start = await medarbejder.notifications.getSettings();
        expect(start).toEqual({ off: [] });
        // Kept in the order of the kinds, whatever order they were chosen in.
        expect(await medarbejder.notifications.saveSettings({ off: ['taskDueSoon', 'nudge'] })).toEqual({
          off: ['nudge', 'taskDueSoon'],
        });
        expect((await medarbejder.notifications.getSettings()).off.sort()).toEqual(['nudge', 'taskDueSoon']);
        await medarbejder.notifications.saveSettings({ off: [] });
        await medarbejder.notifications.markAllRead();
        const page = await medarbejder.notifications.page();
        expect(page.items.every((n) => n.read)).toBe(true);
        const view = await medarbejder.views.loadAmbitionsView({});
        expect(view.inbox).toEqual({ unread: 0, complete: true });
        const stop = medarbejder.notifications.onDelivery(() => undefined);
        expect(typeof stop).toBe('function');
        stop();
      });
    });

    describe("the surfaces' first views", () => {
      let plan: IPlan;
      let initiative: IInitiative;

      beforeAll(async () => {
        plan = await leder.plans.create({
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
        initiative = await newInitiative(plan, {
          title: 'Nye legepladser',
          ambitionKey: 'gode-rammer',
          commitmentKey: undefined,
        });
        await leder.checkIns.create(
          { clientKey: '', initiativeId: initiative.id as number, health: 'green', progress: 30, date: '2026-02-01' },
          unitId,
        );
        await leder.checkIns.create(
          { clientKey: '', initiativeId: initiative.id as number, health: 'yellow', progress: 50, date: '2026-03-01' },
          unitId,
        );
        await medarbejder.comments.create(
          { clientKey: '', initiativeId: initiative.id as number, body: 'Godt initiativ' },
          unitId,
        );
        await medarbejder.comments.create({ clientKey: '', planId: plan.id as number, body: 'Tak for planen' }, unitId);
      });

      it('Ambitionsplan: the current plan with its focus, initiatives, newest check-ins and comment counts', async () => {
        const view = await medarbejder.views.loadPlanView({ unitId, now: new Date('2026-06-01T12:00:00Z') });
        expect(shapeOf(view)).toEqual([
          'actor',
          'ambitions',
          'checkIns',
          'commentCounts',
          'currentPlanId',
          'focuses',
          'inbox',
          'initiatives',
          'latestCheckIns',
          'people',
          'permissions',
          'plan',
          'plans',
          'politicalPriorities',
          'schema',
          'unit',
          'units',
        ]);
        expect(view.unit?.id).toBe(unitId);
        expect(view.units.map((u) => u.name).slice(0, UNIT_SEEDS.length)).toEqual(UNIT_SEEDS.map((u) => u.name));
        expect(view.plan?.id).toBe(plan.id);
        expect(view.currentPlanId).toBe(plan.id);
        expect(view.plans.map((p) => p.id)).toContain(plan.id);
        expect(view.focuses.map((f) => [f.ambitionKey, f.relevance])).toEqual([['gode-rammer', 'high']]);
        expect(view.initiatives.map((i) => i.title)).toEqual(['Nye legepladser']);
        expect(view.latestCheckIns[initiative.id as number]).toMatchObject({ health: 'yellow', progress: 50 });
        expect(view.checkIns.map((c) => c.progress)).toEqual([50, 30]);
        expect(view.commentCounts).toEqual({ 0: 1, [initiative.id as number]: 1 });
        // The plan's owner and the unit's leader, and the comments' author.
        expect(view.people?.[leder.user.id]).toEqual({ displayName: 'Lene Madsen' });
        expect(view.people?.[medarbejder.user.id]).toEqual({ displayName: 'Mads Nielsen' });
        expect(view.ambitions.map((a) => a.key)).toEqual(AMBITIONS.map((a) => a.key));
        expect(view.politicalPriorities.map((p) => p.title).slice(0, POLITICAL_PRIORITY_SEEDS.length)).toEqual(
          POLITICAL_PRIORITY_SEEDS.map((p) => p.title),
        );
        expect(view.unavailable).toBeUndefined();
      });

      it('Ambitionsplan: no unit, no plan, only what the pickers need', async () => {
        const view = await medarbejder.views.loadPlanView({ unitId: 0 });
        expect(view.unit).toBeUndefined();
        expect(view.plan).toBeUndefined();
        expect(view.plans).toEqual([]);
        expect(view.initiatives).toEqual([]);
        expect(view.units.length).toBeGreaterThanOrEqual(UNIT_SEEDS.length);
      });

      it('Ambitioner og hverdagshistorier: feed, featured stories, own pending stories, counts', async () => {
        const pending = await medarbejder.stories.create({
          clientKey: '',
          title: 'Kontrakt: venter',
          body: '<p>Venter på godkendelse.</p>',
          kind: 'lesson',
          ambitionKey: 'gode-rammer',
          unitId,
          featured: false,
          recognitionCount: 0,
        });
        const shown = await admin.stories.moderate(
          await medarbejder.stories.create({
            clientKey: '',
            title: 'Kontrakt: godkendt',
            body: '<p>Godkendt.</p>',
            kind: 'success',
            ambitionKey: 'gode-rammer',
            unitId,
            featured: false,
            recognitionCount: 0,
          }),
          true,
        );
        const view = await medarbejder.views.loadAmbitionsView({
          userId: medarbejder.user.id,
          filters: { ambitionKey: 'gode-rammer' },
        });
        expect(shapeOf(view)).toEqual([
          'ambitions',
          'canPostStory',
          'counts',
          'countsComplete',
          'featuredStories',
          'inbox',
          'isSiteOwner',
          'myPendingStories',
          'myRecognitions',
          'myUnitId',
          'schema',
          'stories',
          'units',
        ]);
        expect(view.myUnitId).toBe(unitId);
        expect(view.schema.provisioned).toBe(true);
        expect(view.ambitions.map((a) => a.key)).toEqual(AMBITIONS.map((a) => a.key));
        expect(view.stories.items.map((s) => s.title)).toEqual(['Kontrakt: godkendt']);
        expect(view.stories.items[0].id).toBe(shown.id);
        expect(view.featuredStories).toEqual([]);
        expect(view.myPendingStories.map((s) => s.id)).toContain(pending.id);
        expect(view.counts['gode-rammer']).toMatchObject({ plans: 1, initiatives: 1, stories: 1 });
        expect(view.countsComplete).toBe(true);
        expect(view.unavailable).toBeUndefined();
        const other = await leder.views.loadAmbitionsView({ userId: leder.user.id });
        expect(other.myPendingStories.map((s) => s.id)).not.toContain(pending.id);
        expect(other.pendingForModeration).toBeUndefined();
        expect(view.pendingForModeration).toBeUndefined();
        const approver = await admin.views.loadAmbitionsView({ userId: admin.user.id });
        expect(approver.pendingForModeration?.map((s) => s.id)).toContain(pending.id);
        expect(approver.pendingForModeration?.map((s) => s.id)).not.toContain(shown.id);
        expect(approver.morePendingForModeration).toBe(false);
        expect(shapeOf(approver)).toEqual(
          // The approver wrote no story here: no unit of theirs to guess.
          [
            ...shapeOf(view).filter((key) => key !== 'myUnitId'),
            'morePendingForModeration',
            'pendingForModeration',
          ].sort(),
        );
      });

      it('Opfølgning: the overview, the task board and "Mine opgaver"', async () => {
        const meeting = 'Kontrakt opfølgning';
        const open = await newTask('Kontrakt: åben', { meeting, dueDate: '2026-04-01' });
        const closed = await newTask('Kontrakt: lukket', { meeting, dueDate: '2026-03-01', status: 'closed' });
        const view = await leder.views.loadFollowUpView({
          userId: leder.user.id,
          meeting,
          pageSize: 10,
          now: new Date('2026-06-01T12:00:00Z'),
        });
        expect(shapeOf(view)).toEqual([
          'ambitions',
          'canManageTasks',
          'complete',
          'inbox',
          'isSiteOwner',
          'myTasks',
          'overview',
          'people',
          'schema',
          'tasks',
          'units',
        ]);
        expect(shapeOf(view.overview)).toEqual([
          'initiativeTitles',
          'initiativesByStatus',
          'missingUnits',
          'overdueByUnit',
          'overdueCount',
          'plansByStatus',
          'rows',
          'stoppedCount',
          'stoppedPlanIds',
          'storiesByAmbition',
          'tasksByStatus',
        ]);
        expect(view.schema.provisioned).toBe(true);
        expect(view.tasks.items.map((t) => t.id)).toEqual([closed.id, open.id]);
        expect(view.tasks.hasMore).toBe(false);
        const mine = view.myTasks.items.map((t) => t.id);
        expect(mine.indexOf(open.id as number)).toBeLessThan(mine.indexOf(closed.id as number));
        expect(view.overview.rows.map((r) => r.unit.id)).toContain(unitId);
        expect(view.people?.[leder.user.id]).toEqual({ displayName: 'Lene Madsen' });
        expect(view.units.map((u) => u.name).slice(0, UNIT_SEEDS.length)).toEqual(UNIT_SEEDS.map((u) => u.name));
        expect(view.unavailable).toBeUndefined();
      });
    });
  });
}
