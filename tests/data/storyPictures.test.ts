/** @jest-environment node */
/**
 * Pictures in stories (issue 20) through the real repositories and PnPjs against the local SharePoint,
 * on a site provisioned by this build: the picture is uploaded to "MPK Billeder" with its columns and
 * linked from the story; approving the story approves the picture in the same `$batch`; until then
 * another reader gets neither; the feed reads the picture columns in its one request; deleting the story
 * deletes the picture; a retried save does not upload twice.
 */
import { as, startServer, USERS, type TestServer, servicesFor } from './support';
import { provision } from '../../src/data/provisioning';
import type { IMpkServices } from '../../src/data/repositories/types';
import type { IStory } from '../../src/domain/model';

jest.setTimeout(30_000);

let server: TestServer;
let admin: IMpkServices;
let leder: IMpkServices;
let medarbejder: IMpkServices;
const JPEG = new Uint8Array([0xff, 0xd8, 0xff, 0xdb, 0, 4, 1, 2, 0xff, 0xd9]);
const picture = (): Blob => new Blob([JPEG], { type: 'image/jpeg' });

function draft(clientKey: string, extra: Partial<IStory> = {}): IStory {
  return {
    clientKey,
    title: `Historie ${clientKey}`,
    body: '<p>Tekst</p>',
    kind: 'success',
    ambitionKey: 'mod-og-stolthed',
    featured: false,
    recognitionCount: 0,
    pictureAlt: 'To kolleger ved en tavle',
    pictureConsent: true,
    ...extra,
  };
}

/** The status of a file URL for a person (as the browser's `<img>` asks: the sign-in cookie). */
async function fileStatus(url: string, email: string): Promise<number> {
  const response = await fetch(`${server.url}${encodeURI(url)}`, { headers: { Cookie: `mpk-user=${email}` } });
  return response.status;
}

beforeAll(async () => {
  server = await startServer();
  await provision(as(server, USERS.admin));
  [admin, leder, medarbejder] = await Promise.all(
    [USERS.admin, USERS.leder, USERS.medarbejder].map((e) => servicesFor(server, e)),
  );
});
afterAll(() => server.close());

describe('a story with a picture', () => {
  it('uploads the picture with its columns and links it from the story', async () => {
    const story = await medarbejder.stories.create(draft('pic1'), picture());
    expect(story.pictureUrl).toBe('/sites/mpk/MPK Billeder/pic1.jpg');
    expect(typeof story.pictureId).toBe('number');
    expect(story).toMatchObject({ pictureAlt: 'To kolleger ved en tavle', pictureConsent: true });
    const row = await as(server, USERS.admin)
      .web.lists.getByTitle('MPK Billeder')
      .items.getById(story.pictureId as number)
      .select('StoryKey', 'AltText', 'Consent', 'OData__ModerationStatus')();
    expect(row).toMatchObject({
      StoryKey: 'pic1',
      AltText: 'To kolleger ved en tavle',
      Consent: true,
      OData__ModerationStatus: 2,
    });
  });

  it('shows the picture to others only once the story is approved, and approves both in one $batch', async () => {
    const story = await medarbejder.stories.create(draft('pic2'), picture());
    const url = story.pictureUrl as string;
    expect(await fileStatus(url, USERS.leder)).toBe(404);
    expect(await fileStatus(url, USERS.medarbejder)).toBe(200);
    expect(await fileStatus(url, USERS.admin)).toBe(200);

    await server.resetRequests();
    await admin.stories.moderate(story, true);
    const writes = (await server.requests()).filter((r) => r.method !== 'GET');
    expect(writes.filter((r) => /\$batch/.test(r.path) && r.batchParts === 2)).toHaveLength(1);
    expect(await fileStatus(url, USERS.leder)).toBe(200);

    // The feed's one read carries the picture columns.
    await server.resetRequests();
    const page = await leder.stories.query({});
    expect(page.items.find((s) => s.id === story.id)).toMatchObject({
      pictureUrl: url,
      pictureAlt: 'To kolleger ved en tavle',
    });
  });

  it('rejects the picture with its story', async () => {
    const story = await medarbejder.stories.create(draft('pic3'), picture());
    await admin.stories.moderate(story, false, 'Billedet viser en borger.');
    const row = await as(server, USERS.admin)
      .web.lists.getByTitle('MPK Billeder')
      .items.getById(story.pictureId as number)
      .select('OData__ModerationStatus')();
    expect(row.OData__ModerationStatus).toBe(1);
    expect(await fileStatus(story.pictureUrl as string, USERS.leder)).toBe(404);
  });

  it('deletes the picture with the story', async () => {
    const story = await medarbejder.stories.create(draft('pic4'), picture());
    await medarbejder.stories.remove(await medarbejder.stories.get(story.id as number));
    expect(await fileStatus(story.pictureUrl as string, USERS.admin)).toBe(404);
  });

  it('does not upload twice when a save is retried with the same key', async () => {
    // The upload's answer is lost: the save is retried, finds its file there and links it.
    await server.faults({ loseResponseNext: 1 });
    const first = await medarbejder.stories.create(draft('pic5'), picture());
    const story = await medarbejder.stories.create(draft('pic5'), picture());
    expect(story.id).toBe(first.id);
    expect(story.pictureUrl).toBe('/sites/mpk/MPK Billeder/pic5.jpg');
    const files = await as(server, USERS.admin)
      .web.lists.getByTitle('MPK Billeder')
      .items.filter("StoryKey eq 'pic5'")
      .select('Id')();
    expect(files).toHaveLength(1);
  });

  it('keeps a story without a picture free of picture columns', async () => {
    const story = await medarbejder.stories.create(draft('nopic'));
    expect(story.pictureUrl).toBeUndefined();
    expect(story.pictureAlt).toBeUndefined();
  });
});
