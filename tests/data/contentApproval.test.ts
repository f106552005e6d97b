/** @jest-environment node */
/**
 * Content approval as people meet it (issue 13): on a site provisioned by this build (stories at
 * DraftVersionVisibility 2), a pending and a rejected story are invisible to another reader —
 * through the repositories, the first view and the REST API alike — readers keep seeing the approved
 * version while the author's edit waits, and the author and the approver see the drafts.
 */
import { as, startServer, USERS, type TestServer, servicesFor } from './support';
import { provision } from '../../src/data/provisioning';
import { DataError } from '../../src/data/errors';
import type { IMpkServices } from '../../src/data/repositories/types';
import type { IStory } from '../../src/domain/model';

jest.setTimeout(30_000);

let server: TestServer;
let admin: IMpkServices;
let leder: IMpkServices;
let medarbejder: IMpkServices;
let unitId: number;

const services = (email: string): Promise<IMpkServices> => servicesFor(server, email);

function draft(title: string, extra: Partial<IStory> = {}): IStory {
  return {
    clientKey: '',
    title,
    body: `<p>${title}</p>`,
    kind: 'success',
    ambitionKey: 'mod-og-stolthed',
    unitId,
    featured: false,
    recognitionCount: 0,
    ...extra,
  };
}

/** What a reader gets over REST for one story id: the status and the title, or 404. */
async function restRead(
  email: string,
  id: number,
): Promise<{ status: number; title?: string; moderation?: number; listed: number }> {
  const base = "_api/web/lists/getByTitle('MPK%20Historier')/items";
  const one = await server.fetch(`${base}(${id})?$select=Title,OData__ModerationStatus`, { as: email });
  const listed = (await (await server.fetch(`${base}?$select=Id&$filter=Id%20eq%20${id}`, { as: email })).json()) as {
    value: unknown[];
  };
  if (one.status !== 200) return { status: one.status, listed: listed.value.length };
  const row = (await one.json()) as { Title: string; OData__ModerationStatus: number };
  return { status: 200, title: row.Title, moderation: row.OData__ModerationStatus, listed: listed.value.length };
}

async function notFound(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(DataError);
    return (error as DataError).kind;
  }
  return 'found';
}

let pending: IStory;
let rejected: IStory;
let edited: IStory;

beforeAll(async () => {
  server = await startServer();
  await provision(as(server, USERS.admin));
  [admin, leder, medarbejder] = await Promise.all([USERS.admin, USERS.leder, USERS.medarbejder].map(services));
  unitId = (await admin.units.list())[0].id as number;

  // The author, medarbejder: one story waiting, one sent back, one approved and then edited.
  pending = await medarbejder.stories.create(draft('Venter på godkendelse', { featured: true }));
  rejected = await admin.stories.moderate(
    await medarbejder.stories.create(draft('Navngiver en borger')),
    false,
    'Historien nævner en borger ved navn.',
  );
  const approved = await admin.stories.moderate(await medarbejder.stories.create(draft('Godkendt version')), true);
  const mine = await medarbejder.stories.get(approved.id as number);
  edited = await medarbejder.stories.update(mine, { ...mine, title: 'Ændret, ikke godkendt', body: '<p>Ny tekst</p>' });
});
afterAll(() => server.close());

describe('another reader (leder)', () => {
  it('never gets a pending or a rejected story: not in the feed, the first view, a read by id nor the REST API', async () => {
    for (const story of [pending, rejected]) {
      const id = story.id as number;
      expect(await restRead(USERS.leder, id)).toEqual({ status: 404, listed: 0 });
      expect(await notFound(leder.stories.get(id))).toBe('notFound');
    }
    const ids = [pending.id, rejected.id];
    const feed = await leder.stories.query({}, 50);
    expect(feed.items.filter((s) => ids.includes(s.id))).toEqual([]);
    expect((await leder.stories.listByAuthor(medarbejder.user.id)).filter((s) => ids.includes(s.id))).toEqual([]);
    const view = await leder.views.loadAmbitionsView({ userId: leder.user.id });
    expect(
      [...view.stories.items, ...view.featuredStories, ...view.myPendingStories].filter((s) => ids.includes(s.id)),
    ).toEqual([]);
    expect(view.pendingForModeration).toBeUndefined();
    // Not even counted: the one story of this ambition a reader can see is the approved one.
    expect(view.counts['mod-og-stolthed'].stories).toBe(1);
    // The pending-queue walk, asked for directly, finds nothing of anyone else's.
    expect((await (leder.stories.listPending as NonNullable<typeof leder.stories.listPending>)(20)).items).toEqual([]);
  });

  it("keeps seeing the approved version while the author's edit waits for approval", async () => {
    const id = edited.id as number;
    expect(edited).toMatchObject({ title: 'Ændret, ikke godkendt', moderationStatus: 2 });
    expect(await restRead(USERS.leder, id)).toEqual({
      status: 200,
      title: 'Godkendt version',
      moderation: 0,
      listed: 1,
    });
    expect(await leder.stories.get(id)).toMatchObject({
      title: 'Godkendt version',
      body: '<p>Godkendt version</p>',
      moderationStatus: 0,
    });
    const feed = await leder.stories.query({ ambitionKey: 'mod-og-stolthed' }, 10);
    expect(feed.items.map((s) => [s.id, s.title])).toEqual([[id, 'Godkendt version']]);
    const view = await leder.views.loadAmbitionsView({ userId: leder.user.id });
    expect(view.stories.items.map((s) => [s.id, s.title])).toEqual([[id, 'Godkendt version']]);
  });
});

describe('the author (medarbejder) and the approver (admin)', () => {
  it("the author sees their pending and rejected stories, with the approver's comment, and their pending edit", async () => {
    const view = await medarbejder.views.loadAmbitionsView({ userId: medarbejder.user.id });
    const mine = new Map(view.myPendingStories.map((s) => [s.id, s]));
    expect(mine.get(pending.id)).toMatchObject({ title: 'Venter på godkendelse', moderationStatus: 2 });
    expect(mine.get(rejected.id)).toMatchObject({
      title: 'Navngiver en borger',
      moderationStatus: 1,
      moderationComment: 'Historien nævner en borger ved navn.',
    });
    expect(mine.get(edited.id)).toMatchObject({ title: 'Ændret, ikke godkendt', moderationStatus: 2 });
    expect(await restRead(USERS.medarbejder, rejected.id as number)).toEqual({
      status: 200,
      title: 'Navngiver en borger',
      moderation: 1,
      listed: 1,
    });
    // The feed shows published stories only: nothing unapproved, not even the author's own.
    expect(view.stories.items.map((s) => s.id)).not.toContain(pending.id);
  });

  it('the approver sees every draft in the queue and approves the edit, which readers then get', async () => {
    const view = await admin.views.loadAmbitionsView({ userId: admin.user.id });
    expect((view.pendingForModeration || []).map((s) => [s.id, s.title])).toEqual([
      [edited.id, 'Ændret, ikke godkendt'],
      [pending.id, 'Venter på godkendelse'],
    ]);
    expect(
      (await (admin.stories.listPending as NonNullable<typeof admin.stories.listPending>)(20)).items.map((s) => s.id),
    ).toEqual([edited.id, pending.id]);
    expect(await restRead(USERS.admin, rejected.id as number)).toMatchObject({ status: 200, moderation: 1 });

    await admin.stories.moderate(await admin.stories.get(edited.id as number), true);
    expect(await restRead(USERS.leder, edited.id as number)).toEqual({
      status: 200,
      title: 'Ændret, ikke godkendt',
      moderation: 0,
      listed: 1,
    });
    expect((await leder.stories.query({ ambitionKey: 'mod-og-stolthed' }, 10)).items.map((s) => s.title)).toEqual([
      'Ændret, ikke godkendt',
    ]);
  });
});

describe('a story sent back, corrected and sent again by its author ("Ret og send igen")', () => {
  it("waits for approval again with the reason kept, is in the approvers' queue, and readers get it once approved", async () => {
    const sentBack = await admin.stories.moderate(
      await medarbejder.stories.create(draft('Nævner Hans ved navn')),
      false,
      'Fjern borgerens navn.',
    );
    const view = await medarbejder.views.loadAmbitionsView({ userId: medarbejder.user.id });
    const mine = view.myPendingStories.find((s) => s.id === sentBack.id) as IStory;
    expect(mine).toMatchObject({ moderationStatus: 1, moderationComment: 'Fjern borgerens navn.' });

    const resent = await medarbejder.stories.update(mine, {
      ...mine,
      title: 'Nævner ingen ved navn',
      body: '<p>Borgeren fik hjælp.</p>',
    });
    // An author's edit puts the item back in the queue (status 2), as SharePoint Online does; the
    // approver's comment stays on the item until the next decision (the local SharePoint keeps it).
    expect(resent).toMatchObject({
      id: sentBack.id,
      title: 'Nævner ingen ved navn',
      moderationStatus: 2,
      moderationComment: 'Fjern borgerens navn.',
    });
    expect(await restRead(USERS.leder, sentBack.id as number)).toEqual({ status: 404, listed: 0 });
    const queue = (await admin.views.loadAmbitionsView({ userId: admin.user.id })).pendingForModeration || [];
    expect(queue.map((s) => [s.id, s.title])).toContainEqual([sentBack.id, 'Nævner ingen ved navn']);

    await admin.stories.moderate(await admin.stories.get(sentBack.id as number), true);
    expect(await restRead(USERS.leder, sentBack.id as number)).toEqual({
      status: 200,
      title: 'Nævner ingen ved navn',
      moderation: 0,
      listed: 1,
    });
  });
});
