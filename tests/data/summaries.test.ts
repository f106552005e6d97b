/** @jest-environment node */
/**
 * "MPK Overblik" (schema v6, issue 15): the published stories per ambition kept current by the
 * moderations and deletions that change them, and `updateSummary`'s If-Match protocol — against the
 * local SharePoint, with real concurrent approvers, a bulk-loaded list over the threshold, a hostile
 * row and the accounts that may only read it.
 */
import type { SPFI } from '@pnp/sp';
import { as, dataErrorOf, dataRequests, servicesFor, startServer, USERS, type TestServer } from './support';
import { provision } from '../../src/data/provisioning';
import { fromRow } from '../../src/data/mapping/codec';
import { storyCodec, summaryCodec } from '../../src/data/mapping/entities';
import { readPage, windowedRows } from '../../src/data/repositories/query';
import {
  countStoryWindow,
  recountAllStories,
  recountStoryWindow,
  STORIES_SUMMARY_KEY,
  summaryReadSpec,
  unitSummaryKey,
  updateSummary,
} from '../../src/data/repositories/summaries';
import type { IMpkServices } from '../../src/data/repositories/types';
import { AMBITIONS } from '../../src/domain/ambitions';
import type { IStory } from '../../src/domain/model';
import { sumStoryWindows } from '../../src/domain/storyCounts';

jest.setTimeout(120_000);

const APPROVER2 = 'godkender@mpk.local';
const OVERBLIK = "_api/web/lists/getByTitle('MPK%20Overblik')/items";

let server: TestServer;
let adminSp: SPFI;
let admin: IMpkServices;
let approver2: IMpkServices;
let medarbejder: IMpkServices;
let unitId: number;

function draft(title: string, ambitionKey: string): IStory {
  return {
    clientKey: '',
    title,
    body: `<p>${title}</p>`,
    kind: 'success',
    ambitionKey,
    unitId,
    featured: false,
    recognitionCount: 0,
  };
}

/** The stored row, as the site owner reads it over REST. */
async function storedRow(
  key: string,
): Promise<{ Id: number; Summary: string | null; UnitId: number | null } | undefined> {
  const response = await server.fetch(
    `${OVERBLIK}?$select=Id,Summary,UnitId&$filter=ClientKey%20eq%20'${encodeURIComponent(key)}'`,
  );
  expect(response.status).toBe(200);
  return ((await response.json()) as { value: { Id: number; Summary: string | null; UnitId: number | null }[] })
    .value[0];
}

async function storedCounts(): Promise<Record<string, number>> {
  const row = await storedRow(STORIES_SUMMARY_KEY);
  return { ...sumStoryWindows(row ? row.Summary : undefined) };
}

/** The truth, row by row: every story as the site owner reads it (in id windows), counted by the rule the ambitions view always used (published: status 0). */
async function publishedRowByRow(): Promise<Record<string, number>> {
  const rows = await windowedRows(adminSp, storyCodec, { select: ['Id', 'AmbitionKey', 'OData__ModerationStatus'] });
  const counts = new Map<string, number>();
  for (const row of rows) {
    const key = typeof row.AmbitionKey === 'string' ? row.AmbitionKey : '';
    if (key !== '' && row.OData__ModerationStatus === 0) counts.set(key, (counts.get(key) || 0) + 1);
  }
  // Own entries even for "__proto__" (a hostile key someone stored).
  return Object.fromEntries(counts);
}

/** Writes to "MPK Overblik" in the request log since the last reset. */
async function summaryWrites(): Promise<{ method: string; status: number }[]> {
  return (await dataRequests(server)).filter((r) => /MPK%20Overblik|MPK Overblik/.test(r.path) && r.method !== 'GET');
}

beforeAll(async () => {
  server = await startServer();
  await server.addUsers([{ email: APPROVER2, title: 'Gitte Godkender', groups: ['Mod på kerneopgaven Ejere'] }]);
  adminSp = as(server, USERS.admin);
  const report = await provision(adminSp);
  // A fresh site gets its (empty) row at once: the overview may trust it from the start.
  expect(report.changes).toContainEqual({ kind: 'itemsUpdated', target: 'MPK Overblik/stories', detail: 'recounted' });
  [admin, approver2, medarbejder] = await Promise.all(
    [USERS.admin, APPROVER2, USERS.medarbejder].map((email) => servicesFor(server, email)),
  );
  unitId = (await admin.units.list())[0].id as number;
});
afterAll(() => server.close());

describe('published stories per ambition, kept by the moderations', () => {
  it('starts as an empty row on a fresh site, which a view reads in its batch', async () => {
    expect(await storedRow(STORIES_SUMMARY_KEY)).toMatchObject({ Summary: '{}' });
    const page = await readPage(as(server, USERS.medarbejder), summaryCodec, summaryReadSpec());
    // The stories row, and one row per unit (the seeded units, without plans or tasks yet).
    const stories = page.rows.filter((row) => row.ClientKey === 'stories');
    expect(stories).toEqual([{ ClientKey: 'stories', UnitId: null, Summary: '{}' }]);
    expect(fromRow(summaryCodec, stories[0])).toMatchObject({ clientKey: 'stories', summary: '{}' });
    const units = page.rows.filter((row) => row.ClientKey !== 'stories');
    expect(
      units.every(
        (row) =>
          row.ClientKey === `unit-${row.UnitId}` &&
          /^\[2,\d+,\[\],\[\],\[0,0,0,0\],\[\],\[0,0,0\],\[\]\]$/.test(String(row.Summary)),
      ),
    ).toBe(true);
  });

  it('ends with the exact count when two approvers moderate stories in the same window at once', async () => {
    const keys = AMBITIONS.map((a) => a.key);
    const stories: IStory[] = [];
    for (let i = 0; i < 24; i++)
      stories.push(await medarbejder.stories.create(draft(`Historie ${i}`, keys[i % keys.length])));
    // Pending stories count for nothing.
    expect(await storedCounts()).toEqual({});

    // Every third story rejected, the rest approved; both approvers at once, every moderation in parallel.
    const approve = (i: number): boolean => i % 3 !== 0;
    await server.resetRequests();
    await Promise.all(
      stories.map((story, i) =>
        (i % 2 === 0 ? admin : approver2).stories.moderate(story, approve(i), approve(i) ? undefined : 'Ikke nu.'),
      ),
    );
    const expected: Record<string, number> = {};
    stories.forEach((story, i) => {
      if (approve(i)) expected[story.ambitionKey] = (expected[story.ambitionKey] || 0) + 1;
    });
    const writes = await summaryWrites();
    console.log(
      `summary writes during 24 parallel moderations: ${writes.length} (${writes.filter((w) => w.status === 412).length} lost a race: 412)`,
    );
    expect(await publishedRowByRow()).toEqual(expected);
    expect(await storedCounts()).toEqual(expected);

    // Then the other way round, again at once: approved ones rejected, rejected ones approved.
    const current = await Promise.all(stories.map((s) => admin.stories.get(s.id as number)));
    await Promise.all(
      current.map((story, i) =>
        (i % 2 === 1 ? admin : approver2).stories.moderate(
          story,
          !approve(i),
          approve(i) ? 'Alligevel ikke.' : undefined,
        ),
      ),
    );
    const flipped: Record<string, number> = {};
    stories.forEach((story, i) => {
      if (!approve(i)) flipped[story.ambitionKey] = (flipped[story.ambitionKey] || 0) + 1;
    });
    expect(await publishedRowByRow()).toEqual(flipped);
    expect(await storedCounts()).toEqual(flipped);
  });

  it('writes nothing when a moderation changes no count (featuring an approved story)', async () => {
    const story = await admin.stories.moderate(
      await medarbejder.stories.create(draft('Fremhæves', AMBITIONS[0].key)),
      true,
    );
    const before = await storedRow(STORIES_SUMMARY_KEY);
    await server.resetRequests();
    await admin.stories.setFeatured(story, true);
    expect(await summaryWrites()).toEqual([]);
    expect(await storedRow(STORIES_SUMMARY_KEY)).toEqual(before);
  });

  it("recounts a deleted published story's window", async () => {
    const story = await admin.stories.moderate(
      await medarbejder.stories.create(draft('Slettes', AMBITIONS[1].key)),
      true,
    );
    const before = (await storedCounts())[AMBITIONS[1].key] || 0;
    await admin.stories.remove(await admin.stories.get(story.id as number));
    expect((await storedCounts())[AMBITIONS[1].key] || 0).toBe(before - 1);
    expect(await storedCounts()).toEqual(await publishedRowByRow());
  });
});

describe('recounting from the truth', () => {
  it('equals the row-by-row count over several windows, repairs a garbled row, and writes nothing the second time', async () => {
    const keys = [...AMBITIONS.map((a) => a.key), 'ukendt-ambition', '__proto__', ''];
    // Over the threshold: 11,000 stories bulk-loaded (three windows), published, pending and rejected.
    const items = Array.from({ length: 11_000 }, (_, i) => ({
      ClientKey: `bulk-${i}`,
      Title: `Masse ${i}`,
      AmbitionKey: keys[(i * 7) % keys.length],
      StoryKind: 'success',
      OData__ModerationStatus: [0, 0, 1, 2, 0][i % 5],
    }));
    for (let i = 0; i < items.length; i += 2500)
      await server.bulk('MPK Historier', items.slice(i, i + 2500), USERS.medarbejder);

    // Someone with write access stores garbage: the overview counts nothing rather than failing.
    const row = await storedRow(STORIES_SUMMARY_KEY);
    const garbage = await server.fetch(`${OVERBLIK}(${(row as { Id: number }).Id})`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-HTTP-Method': 'MERGE', 'IF-MATCH': '*' },
      body: JSON.stringify({ Summary: '{"0":{"gode-rammer":"mange"},"__proto__":{"x":1},' }),
    });
    expect(garbage.status).toBe(204);
    expect(await storedCounts()).toEqual({});

    await server.resetRequests();
    expect(await recountAllStories(adminSp)).toBe(true);
    const truth = await publishedRowByRow();
    expect(Object.keys(truth).length).toBeGreaterThan(5);
    expect(await storedCounts()).toEqual(truth);
    // Every window in one `$batch`; nothing refused by the threshold.
    const requests = await dataRequests(server);
    expect(requests.filter((r) => r.status >= 400)).toEqual([]);
    expect(JSON.parse(((await storedRow(STORIES_SUMMARY_KEY)) as { Summary: string }).Summary)).toHaveProperty('10000');

    // A window's own count, one request, is the truth of that window.
    const window5000 = await countStoryWindow(adminSp, 5000);
    expect(Object.values(window5000).reduce((a, b) => a + b, 0)).toBeGreaterThan(2000);

    await server.resetRequests();
    expect(await recountAllStories(adminSp)).toBe(false);
    expect(await summaryWrites()).toEqual([]);
  });

  it('keeps the other windows as they are when one window is recounted', async () => {
    const before = await storedRow(STORIES_SUMMARY_KEY);
    const story = await medarbejder.stories.create(draft('Sidst', AMBITIONS[2].key));
    await admin.stories.moderate(story, true);
    const parsedBefore = JSON.parse((before as { Summary: string }).Summary) as Record<string, Record<string, number>>;
    const parsedAfter = JSON.parse(((await storedRow(STORIES_SUMMARY_KEY)) as { Summary: string }).Summary) as Record<
      string,
      Record<string, number>
    >;
    expect(parsedAfter['0']).toEqual(parsedBefore['0']);
    expect(parsedAfter['5000']).toEqual(parsedBefore['5000']);
    expect(parsedAfter['10000'][AMBITIONS[2].key]).toBe((parsedBefore['10000'][AMBITIONS[2].key] || 0) + 1);
    expect(await recountStoryWindow(adminSp, story.id as number)).toBe(false);
  });
});

describe('who may write the row', () => {
  it('lets an employee read it but not write it (403), and leaves it as it was', async () => {
    const before = await storedRow(STORIES_SUMMARY_KEY);
    const read = await server.fetch(`${OVERBLIK}?$select=ClientKey,Summary`, { as: USERS.medarbejder });
    expect(read.status).toBe(200);
    const merge = await server.fetch(`${OVERBLIK}(${(before as { Id: number }).Id})`, {
      as: USERS.medarbejder,
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-HTTP-Method': 'MERGE', 'IF-MATCH': '*' },
      body: JSON.stringify({ Summary: '{}' }),
    });
    expect(merge.status).toBe(403);
    // The employee's own recount finds what is stored (they see the published stories too): no write.
    expect(await recountAllStories(as(server, USERS.medarbejder))).toBe(false);
    const error = await dataErrorOf(
      updateSummary(as(server, USERS.medarbejder), STORIES_SUMMARY_KEY, undefined, async () => '{}'),
    );
    expect(error.status).toBe(403);
    expect(await storedRow(STORIES_SUMMARY_KEY)).toEqual(before);
  });

  it("does not fail an author's deletion of their own published story when they may not recount (the row stays as it was)", async () => {
    const story = await admin.stories.moderate(
      await medarbejder.stories.create(draft('Forfatteren sletter', AMBITIONS[3].key)),
      true,
    );
    const before = await storedRow(STORIES_SUMMARY_KEY);
    await expect(
      medarbejder.stories.remove(await medarbejder.stories.get(story.id as number)),
    ).resolves.toBeUndefined();
    expect(await storedRow(STORIES_SUMMARY_KEY)).toEqual(before);
    // The next moderation in the window, or a recount, puts it right.
    expect(await recountStoryWindow(adminSp, story.id as number)).toBe(true);
    expect(await storedCounts()).toEqual(await publishedRowByRow());
  });
});

describe('updateSummary', () => {
  it("creates a unit's row with its UnitId, and writes nothing when the summary is unchanged", async () => {
    const key = unitSummaryKey(4242);
    expect(
      await updateSummary(adminSp, key, 4242, async (previous) => (previous === undefined ? '{"n":1}' : previous)),
    ).toBe(true);
    expect(await storedRow(key)).toMatchObject({ Summary: '{"n":1}', UnitId: 4242 });
    await server.resetRequests();
    expect(await updateSummary(adminSp, key, 4242, async () => '{"n":1}')).toBe(false);
    expect(await summaryWrites()).toEqual([]);
  });

  it('reads the ETag before `next`, so a write landing while `next` reads makes it start again (412), and it verifies what it wrote', async () => {
    const key = unitSummaryKey(77);
    await updateSummary(adminSp, key, 77, async () => 'v0');
    const other = as(server, APPROVER2);
    const seen: (string | undefined)[] = [];
    let truth = 'v1';
    await server.resetRequests();
    const wrote = await updateSummary(adminSp, key, 77, async (previous) => {
      seen.push(previous);
      if (seen.length === 1) {
        // Another writer changes the truth and lands its summary after our ETag was read.
        truth = 'v2';
        await updateSummary(other, key, 77, async () => truth);
        return 'v1';
      }
      return truth;
    });
    expect(wrote).toBe(false);
    expect(seen).toEqual(['v0', 'v2']);
    expect((await storedRow(key)) as { Summary: string }).toMatchObject({ Summary: 'v2' });
    expect((await summaryWrites()).map((r) => r.status)).toEqual([204, 412]);
  });

  it('creates the row once when two writers find it missing (the second loses on the unique ClientKey and loops)', async () => {
    const key = unitSummaryKey(88);
    const calls = { a: 0, b: 0 };
    const [a, b] = await Promise.all([
      updateSummary(adminSp, key, 88, async () => (calls.a++, 'samme')),
      updateSummary(as(server, APPROVER2), key, 88, async () => (calls.b++, 'samme')),
    ]);
    expect([a, b].filter(Boolean).length).toBeGreaterThanOrEqual(1);
    const rows = (
      (await (await server.fetch(`${OVERBLIK}?$select=Id&$filter=ClientKey%20eq%20'${key}'`)).json()) as {
        value: unknown[];
      }
    ).value;
    expect(rows).toHaveLength(1);
    expect(await storedRow(key)).toMatchObject({ Summary: 'samme', UnitId: 88 });
  });

  it('tells a site not yet at v6 apart: the list is missing (a moderation there still succeeds)', async () => {
    const old = await startServer();
    try {
      const sp = as(old, USERS.admin);
      await provision(sp, { version: 5 });
      const error = await dataErrorOf(updateSummary(sp, STORIES_SUMMARY_KEY, undefined, async () => '{}'));
      expect(error.status).toBe(404);
      const services = await servicesFor(old, USERS.admin);
      const units = await services.units.list();
      const story = await services.stories.create({
        ...draft('På v5', AMBITIONS[0].key),
        unitId: units[0].id as number,
      });
      expect((await services.stories.moderate(story, true)).moderationStatus).toBe(0);
    } finally {
      await old.close();
    }
  });
});
