/** @jest-environment node */
import { as, startServer, USERS, type TestServer, servicesFor } from './support';
import { provision } from '../../src/data/provisioning';
import { ConflictError } from '../../src/data/errors';
import { listTitle } from '../../src/data/schema/lists';
import type { IMpkServices } from '../../src/data/repositories/types';
import { MODERATION_STATUS, type IStory } from '../../src/domain';

jest.setTimeout(30_000);

let server: TestServer;
let admin: IMpkServices;
let leder: IMpkServices;
let medarbejder: IMpkServices;
let unitId: number;

const services = (email: string): Promise<IMpkServices> => servicesFor(server, email);

/** What an author can do with their own sign-in over REST, past the product. */
async function setFeaturedOverRest(email: string, id: number): Promise<void> {
  await as(server, email).web.lists.getByTitle(listTitle('stories')).items.getById(id).update({ Featured: true });
}

async function write(title: string): Promise<IStory> {
  return medarbejder.stories.create({
    clientKey: '',
    title,
    body: '<p>Det gik godt.</p>',
    kind: 'success',
    ambitionKey: 'mod-og-stolthed',
    unitId,
    featured: true,
    recognitionCount: 0,
  });
}

async function featuredTitles(who: IMpkServices): Promise<string[]> {
  return (await who.views.loadAmbitionsView({ userId: who.user.id })).featuredStories.map((s) => s.title);
}

beforeAll(async () => {
  server = await startServer();
  await provision(as(server, USERS.admin));
  [admin, leder, medarbejder] = await Promise.all([USERS.admin, USERS.leder, USERS.medarbejder].map(services));
  unitId = (await admin.units.list())[0].id as number;
});
afterAll(() => server.close());

describe('Featured belongs to the approvers', () => {
  it("is never stored from an author's new story or edit", async () => {
    const story = await write('Forfatteren vil fremhæves');
    expect(story.featured).toBe(false);
    const mine = await medarbejder.stories.get(story.id as number);
    const edited = await medarbejder.stories.update(mine, {
      ...mine,
      title: 'Forfatteren vil stadig fremhæves',
      featured: true,
    });
    expect(edited).toMatchObject({ title: 'Forfatteren vil stadig fremhæves', featured: false });
  });

  it("an author who sets Featured over REST is not featured by an approval without the approver's choice", async () => {
    const story = await write('Sat som fremhævet af forfatteren');
    await setFeaturedOverRest(USERS.medarbejder, story.id as number);
    // Not in anybody's featured stories while it waits: unapproved Featured is never shown.
    expect(await featuredTitles(medarbejder)).not.toContain('Sat som fremhævet af forfatteren');
    expect(await featuredTitles(admin)).not.toContain('Sat som fremhævet af forfatteren');

    const pending = (await admin.stories.listPending!(20)).items.find((s) => s.id === story.id) as IStory;
    expect(pending.featured).toBe(true);
    const approved = await admin.stories.moderate(pending, true);
    expect(approved).toMatchObject({ moderationStatus: MODERATION_STATUS.approved, featured: false });
    expect(await featuredTitles(leder)).not.toContain('Sat som fremhævet af forfatteren');
    const feed = await leder.stories.query({}, 50);
    expect(feed.items.map((s) => s.title)).toContain('Sat som fremhævet af forfatteren');
  });

  it('features a story when the approver ticks the box, and the feed shows it first', async () => {
    const story = await write('Valgt af redaktøren');
    const pending = await admin.stories.get(story.id as number);
    const approved = await admin.stories.moderate(pending, true, undefined, { featured: true });
    expect(approved).toMatchObject({ moderationStatus: MODERATION_STATUS.approved, featured: true });
    expect(await featuredTitles(leder)).toContain('Valgt af redaktøren');
    // "Fremhæv" off again: still approved, no longer featured.
    const off = await admin.stories.setFeatured(approved, false);
    expect(off).toMatchObject({ moderationStatus: MODERATION_STATUS.approved, featured: false });
    expect(await featuredTitles(leder)).not.toContain('Valgt af redaktøren');
  });

  it('approves nothing when the author changed the story after the approver read it', async () => {
    const story = await write('Læst af redaktøren');
    const seen = await admin.stories.get(story.id as number);
    await setFeaturedOverRest(USERS.medarbejder, story.id as number);
    const error = await admin.stories.moderate(seen, true).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(ConflictError);
    const now = await admin.stories.get(story.id as number);
    expect(now.moderationStatus).toBe(MODERATION_STATUS.pending);
    expect(await featuredTitles(leder)).not.toContain('Læst af redaktøren');

    // Read again, the approver decides on what is there now: not featured unless chosen.
    const approved = await admin.stories.moderate(now, true);
    expect(approved).toMatchObject({ moderationStatus: MODERATION_STATUS.approved, featured: false });
  });
});
