/** @jest-environment node */
/**
 * Recognitions belong to one person (issue 21, point 5): they count distinct people however many
 * rows someone writes; a recognition's client key has a random part, so nobody can block another
 * person's recognition by writing the key they would use first; and after a duplicate-key answer the
 * data layer takes the existing item for its own only when the current person wrote it.
 */
import { DataError } from '../../src/data/errors';
import { RecognitionRepository } from '../../src/data/repositories/stories';
import type { SPFI } from '../../src/data/sp';
import { listTitle } from '../../src/data/schema/lists';
import { loadAmbitionsView } from '../../src/data/views';
import { recognitionKey } from '../../src/domain/workflow';
import type { IStory } from '../../src/domain/model';
import { KOLLEGA, spFor, startWorld, USERS, userId, type IWorld } from './support';
import { dataErrorText } from '../../src/ui/shell/texts';
import { danish } from '../support/strings';

jest.setTimeout(120_000);

let world: IWorld;
let story: IStory;
let kollegaId: number;

beforeAll(async () => {
  world = await startWorld();
  const { medarbejder, admin } = world.services;
  const draft = await medarbejder.stories.create({
    clientKey: '',
    title: 'Fælles frokost',
    body: '<p>Vi spiste sammen</p>',
    kind: 'success',
    ambitionKey: 'mod-og-stolthed',
    unitId: world.unitId,
    featured: false,
    recognitionCount: 0,
  });
  story = await admin.stories.moderate(draft, true);
  kollegaId = await userId(world.server, KOLLEGA);
});
afterAll(() => world.server.close());

async function failure(promise: Promise<unknown>): Promise<DataError> {
  try {
    await promise;
  } catch (error) {
    return error as DataError;
  }
  throw new Error('expected a failure');
}

describe('recognitions count distinct people', () => {
  it('counts 25 rows of one person with different client keys once, in the repository and in the view', async () => {
    const storyId = story.id as number;
    // 25 rows by kollega@, each with its own key (REST allows it: keys are only unique, not checked).
    const rows = Array.from({ length: 25 }, (_, i) => ({
      ClientKey: `inflate-${i}`,
      Title: `x${i}`,
      StoryId: storyId,
    }));
    await world.server.bulk(listTitle('recognitions'), rows, KOLLEGA);
    const { leder, medarbejder } = world.services;
    await leder.recognitions.recognise(storyId, leder.user.id);

    expect((await medarbejder.stories.recognitionCounts([storyId])).get(storyId)).toBe(2);
    const feed = await medarbejder.stories.query({}, 10);
    expect(feed.items.find((s) => s.id === storyId)?.recognitionCount).toBe(2);
    const view = await loadAmbitionsView(spFor(USERS.medarbejder, world.server), { userId: medarbejder.user.id });
    expect(view.stories.items.find((s) => s.id === storyId)?.recognitionCount).toBe(2);
  });

  it("returns the person's first recognition when they press again", async () => {
    const { chef } = world.services;
    const storyId = story.id as number;
    const first = await chef.recognitions.recognise(storyId, chef.user.id);
    const again = await chef.recognitions.recognise(storyId, chef.user.id);
    expect(again.id).toBe(first.id);
    expect(first.clientKey).toMatch(new RegExp(`^${recognitionKey(storyId, chef.user.id, '')}[0-9a-f]{24}$`));
    expect((await chef.recognitions.listByUser(chef.user.id)).filter((r) => r.storyId === storyId)).toHaveLength(1);
  });
});

describe("nobody can block another person's recognition", () => {
  it('lets a person recognise although someone wrote the key they once would have used', async () => {
    const { admin } = world.services;
    const storyId = story.id as number;
    // The key format before the random part, written first by kollega@.
    await world.server.bulk(
      listTitle('recognitions'),
      [{ ClientKey: `story-${storyId}-user-${admin.user.id}`, Title: 'blok', StoryId: storyId }],
      KOLLEGA,
    );
    const mine = await admin.recognitions.recognise(storyId, admin.user.id);
    expect(mine.userId).toBe(admin.user.id);
    expect(mine.clientKey).not.toBe(`story-${storyId}-user-${admin.user.id}`);
  });

  it("refuses to take someone else's item as the result of a duplicate key, and takes one's own", async () => {
    const { medarbejder } = world.services;
    // The repository class itself: `create` is what `recognise` (and any retry) goes through.
    const repository = new RecognitionRepository(spFor(USERS.medarbejder, world.server) as unknown as SPFI);
    const storyId = story.id as number;
    const theirs = recognitionKey(storyId, kollegaId);
    await world.server.bulk(listTitle('recognitions'), [{ ClientKey: theirs, Title: 'k', StoryId: storyId }], KOLLEGA);

    const error = await failure(repository.create({ clientKey: theirs, storyId, userId: medarbejder.user.id }));
    expect(error).toBeInstanceOf(DataError);
    expect(error.reason).toBe('keyTaken');
    expect(dataErrorText(danish, error)).toMatch(/en anden person allerede har brugt samme nøgle/);

    // A retry of one's own create (same key, the first attempt landed) gives back that item.
    const own = recognitionKey(storyId, medarbejder.user.id);
    const first = await repository.create({ clientKey: own, storyId, userId: medarbejder.user.id });
    const retried = await repository.create({ clientKey: own, storyId, userId: medarbejder.user.id });
    expect(retried.id).toBe(first.id);
    expect(retried.userId).toBe(medarbejder.user.id);
  });
});
