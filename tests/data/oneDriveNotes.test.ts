/** @jest-environment node */
/**
 * "Egne noter" in the person's OneDrive app folder, over the local Graph beside the local SharePoint:
 * the file and its eTag, two tabs (If-Match), another person's drive, and the move from "MPK
 * Refleksioner" with a fault injected at each of its steps (`/_local/faults`) — nothing is ever lost, and
 * the text ends up once, in the file, with the list empty.
 */
import { as, startServer, userId, USERS, type TestServer } from './support';
import { provision } from '../../src/data/provisioning';
import { ConflictError } from '../../src/data/errors';
import { ReflectionRepository } from '../../src/data/repositories/comments';
import { OneDriveNotesRepository, NOTES_FILE, type ILegacyNotes } from '../../src/data/notes/oneDriveNotes';
import { listTitle } from '../../src/data/schema/lists';
import type { IReflection } from '../../src/domain/model';
import { createLocalGraph } from '../../localsp/client';
import { dataErrorOf } from '../support/dataErrors';
import { createServices } from '../../src/data/services';
import { dataErrorText } from '../../src/ui/shell/texts';
import { danish } from '../support/strings';
import type { FaultSettings } from '../../localsp/local/faults';

jest.setTimeout(60_000);

let server: TestServer;
let me: number;

interface IDriveFile {
  name: string;
  size: number;
  eTag: string;
  content: string;
}

/** The person's app folder as an administrator would see it (`/_local/graph/drive`). */
async function drive(email: string): Promise<IDriveFile[]> {
  const res = await fetch(`${server.url}/_local/graph/drive?user=${encodeURIComponent(email)}`);
  expect(res.status).toBe(200);
  return (await res.json()) as IDriveFile[];
}

/** The list's rows as the site owner reads them (every person's). */
async function listRows(): Promise<Array<{ Id: number; Contribution: string | null; AuthorId: number }>> {
  const res = await server.fetch(
    `_api/web/lists/getByTitle('${listTitle('reflections')}')/items?$select=Id,Contribution,AuthorId&$top=5000`,
    { as: USERS.admin, headers: { Accept: 'application/json;odata=nometadata' } },
  );
  return ((await res.json()) as { value: Array<{ Id: number; Contribution: string | null; AuthorId: number }> }).value;
}

/** How often `text` occurs in the person's notes file. */
async function inFile(email: string, text: string): Promise<number> {
  const file = (await drive(email)).find((f) => f.name === NOTES_FILE);
  return file ? file.content.split(text).length - 1 : 0;
}

/** The repository as the web part builds it, with `before` run ahead of each step (where a test injects a fault). */
function notesFor(
  email: string,
  id: number,
  before: { graph?: (method: string, url: string) => Promise<void>; legacy?: (step: string) => Promise<void> } = {},
): OneDriveNotesRepository {
  const graph = createLocalGraph(server.url, email);
  if (before.graph) {
    const hook = before.graph;
    graph.on.pre(async function (url, init, result) {
      await hook(String(init.method || 'GET'), url);
      return [url, init, result];
    });
  }
  const list = new ReflectionRepository(as(server, email));
  const legacy: ILegacyNotes = {
    listMine: async (userId) => {
      await before.legacy?.('list');
      return list.listMine(userId);
    },
    remove: async (item) => {
      await before.legacy?.('remove');
      return list.remove(item);
    },
  };
  return new OneDriveNotesRepository(() => Promise.resolve(graph), { id, email }, legacy);
}

/** Notes left in the list from before the upgrade. */
async function legacyNotes(email: string, texts: readonly string[]): Promise<IReflection[]> {
  const list = new ReflectionRepository(as(server, email));
  const made: IReflection[] = [];
  for (const text of texts)
    made.push(await list.create({ clientKey: '', contribution: text, ambitionKey: 'gode-rammer' }));
  return made;
}

/** Removes the person's notes file (between tests). */
async function clearFile(email: string, id: number): Promise<void> {
  const repo = notesFor(email, id);
  const [note] = await repo.listMine(id);
  if (note) await repo.remove(note);
}

beforeAll(async () => {
  server = await startServer();
  await provision(as(server, USERS.admin));
  me = await userId(server, USERS.medarbejder);
});
afterAll(() => server.close());
afterEach(async () => {
  await server.faults({});
  await clearFile(USERS.medarbejder, me);
});

describe('the notes file in the OneDrive app folder', () => {
  it('is created once, read back with its eTag, and never overwritten by a stale tab', async () => {
    const tab1 = notesFor(USERS.medarbejder, me);
    const tab2 = notesFor(USERS.medarbejder, me);
    expect(await tab1.listMine(me)).toEqual([]);
    const first = await tab1.create({ clientKey: '', contribution: 'Jeg lytter.' });
    expect(first.etag).toBeTruthy();
    expect(await inFile(USERS.medarbejder, 'Jeg lytter.')).toBe(1);
    // The other tab creates too: the file exists, so both versions come back.
    const again = await dataErrorOf(tab2.create({ clientKey: '', contribution: 'Anden fane.' }));
    expect(again).toBeInstanceOf(ConflictError);
    const [seen] = await tab2.listMine(me);
    const fromTab2 = await tab2.update(seen, { ...seen, meaning: 'Retning.' });
    // Tab 1 still holds the first eTag: a different change to the other field merges …
    const merged = await tab1.update(first, { ...first, contribution: 'Jeg lytter mere.' });
    expect(merged).toMatchObject({ contribution: 'Jeg lytter mere.', meaning: 'Retning.' });
    // … the same field changed in both is a conflict with both versions, and nothing is written.
    const clash = await dataErrorOf(tab2.update(fromTab2, { ...fromTab2, contribution: 'Fra fane 2.' }));
    expect(clash).toBeInstanceOf(ConflictError);
    expect((clash as ConflictError<IReflection>).theirs.contribution).toBe('Jeg lytter mere.');
    expect((clash as ConflictError<IReflection>).fields).toEqual(['contribution']);
    expect(await inFile(USERS.medarbejder, 'Fra fane 2.')).toBe(0);
    const [now] = await tab1.listMine(me);
    expect(JSON.parse((await drive(USERS.medarbejder))[0].content)).toMatchObject({
      version: 1,
      contribution: 'Jeg lytter mere.',
      meaning: 'Retning.',
      ambitionKey: null,
    });
    expect(now.etag).toBe(merged.etag);
  });

  it("is nobody else's: another person sees no notes, and Graph refuses their drive", async () => {
    await notesFor(USERS.medarbejder, me).create({ clientKey: '', contribution: 'Kun min.' });
    const leder = await userId(server, USERS.leder);
    const theirs = notesFor(USERS.leder, leder);
    expect(await theirs.listMine(leder)).toEqual([]);
    expect(await theirs.listMine(me)).toEqual([]);
    const res = await fetch(
      `${server.url}/graph/v1.0/users/${encodeURIComponent(USERS.medarbejder)}/drive/special/approot:/${NOTES_FILE}:/content`,
      { headers: { Authorization: `Bearer ${USERS.admin}` } },
    );
    expect(res.status).toBe(403);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('accessDenied');
  });

  it('says "the notes cannot be opened" when the permission is not granted (403), and a throttled Graph is throttled', async () => {
    const repo = notesFor(USERS.medarbejder, me);
    await server.faults({ graph: { failNext: 1, failStatus: 403 } });
    expect(await dataErrorOf(repo.listMine(me))).toMatchObject({ reason: 'notesUnavailable' });
    await server.faults({ graph: { throttleNext: 50, retryAfter: 0 } });
    const busy = await dataErrorOf(repo.create({ clientKey: '', contribution: 'x' }));
    expect(busy).toMatchObject({ kind: 'throttled', reason: 'notesThrottled' });
    expect(dataErrorText(danish, busy)).toMatch(/^OneDrive har travlt lige nu\./);
  });
});

describe('services without Microsoft Graph', () => {
  it('say the notes cannot be opened, and crash nothing', async () => {
    const services = createServices(as(server, USERS.medarbejder), { id: me, email: USERS.medarbejder });
    expect(await dataErrorOf(services.reflections.listMine(me))).toMatchObject({ reason: 'notesUnavailable' });
    expect(
      dataErrorText(danish, await dataErrorOf(services.reflections.create({ clientKey: '', meaning: 'x' }))),
    ).toMatch(/^Egne noter gemmes i din egen OneDrive, og den kan ikke nås herfra\. Intet er gået tabt\./);
  });
});

describe('the move from "MPK Refleksioner"', () => {
  const OLD = ['Gammel note om mod.', 'Endnu en gammel note.'];

  /** After a clean second open: the text once in the file, the person's list rows gone. */
  async function expectMoved(texts: readonly string[]): Promise<void> {
    const [note] = await notesFor(USERS.medarbejder, me).listMine(me);
    for (const text of texts) {
      expect(note.contribution?.split(text).length).toBe(2);
      expect(await inFile(USERS.medarbejder, text)).toBe(1);
    }
    expect((await listRows()).filter((r) => r.AuthorId === me)).toEqual([]);
  }

  /** The text is still somewhere: in the list, or in the file. */
  async function expectNothingLost(texts: readonly string[]): Promise<void> {
    const rows = await listRows();
    for (const text of texts) {
      const inList = rows.some((r) => r.Contribution === text);
      expect(inList || (await inFile(USERS.medarbejder, text)) === 1).toBe(true);
    }
  }

  it('copies, reads back, then deletes — and a second open changes nothing', async () => {
    await legacyNotes(USERS.medarbejder, OLD);
    const repo = notesFor(USERS.medarbejder, me);
    const [note] = await repo.listMine(me);
    expect(note.contribution).toBe(`${OLD[0]}\n\n${OLD[1]}`);
    expect(note.ambitionKey).toBe('gode-rammer');
    await expectMoved(OLD);
    const before = (await drive(USERS.medarbejder))[0].eTag;
    await repo.listMine(me);
    expect((await drive(USERS.medarbejder))[0].eTag).toBe(before);
  });

  it("merges into a file that already exists, and moves only the person's own notes", async () => {
    await notesFor(USERS.medarbejder, me).create({ clientKey: '', contribution: 'Skrevet i OneDrive.' });
    await legacyNotes(USERS.medarbejder, [OLD[0]]);
    await legacyNotes(USERS.leder, ['Lederens egen note.']);
    const [note] = await notesFor(USERS.medarbejder, me).listMine(me);
    expect(note.contribution).toBe(`Skrevet i OneDrive.\n\n${OLD[0]}`);
    await expectMoved([OLD[0]]);
    expect((await listRows()).map((r) => r.Contribution)).toContain('Lederens egen note.');
    expect(await inFile(USERS.medarbejder, 'Lederens egen note.')).toBe(0);
  });

  it('does not bring a moved note back after the person changed the file, when the list delete had failed', async () => {
    await legacyNotes(USERS.medarbejder, [OLD[0]]);
    let armed = true;
    const broken = notesFor(USERS.medarbejder, me, {
      legacy: async (step) => {
        if (step !== 'remove' || !armed) return;
        armed = false;
        await server.faults({ throttleNext: 50, retryAfter: 0 });
      },
    });
    await expect(broken.listMine(me)).rejects.toBeDefined();
    await server.faults({});
    // The person rewrote the note in the file meanwhile (the file already held the old text, so the
    // form showed it); the list item is still there.
    const device = new OneDriveNotesRepository(() => Promise.resolve(createLocalGraph(server.url, USERS.medarbejder)), {
      id: me,
      email: USERS.medarbejder,
    });
    const [note] = await device.listMine(me);
    expect(note.contribution).toBe(OLD[0]);
    await device.update(note, { ...note, contribution: 'Helt ny tekst.' });
    expect((await listRows()).filter((r) => r.AuthorId === me)).toHaveLength(1);
    // The next open deletes the item it already moved, and does not write its text into the file again.
    const [after] = await notesFor(USERS.medarbejder, me).listMine(me);
    expect(after.contribution).toBe('Helt ny tekst.');
    expect((await listRows()).filter((r) => r.AuthorId === me)).toEqual([]);
  });

  const faults: Array<{
    step: string;
    stops: boolean;
    /** The person's rows left in the list right after the fault. */
    listAfter: number;
    set: (fault: (settings: FaultSettings) => Promise<void>) => Parameters<typeof notesFor>[2];
  }> = [
    {
      step: 'reading the list (SharePoint throttles)',
      stops: true,
      listAfter: 2,
      set: (fault) => ({
        legacy: (s) => (s === 'list' ? fault({ throttleNext: 50, retryAfter: 0 }) : Promise.resolve()),
      }),
    },
    {
      step: 'writing the file (Graph fails)',
      stops: true,
      listAfter: 2,
      set: (fault) => ({
        graph: (method) => (method === 'PUT' ? fault({ graph: { failNext: 1, failStatus: 500 } }) : Promise.resolve()),
      }),
    },
    {
      step: 'reading the file back (Graph fails)',
      stops: true,
      listAfter: 2,
      set: (fault) => {
        let put = false;
        return {
          graph: (method) => {
            if (method === 'PUT') put = true;
            else if (put) {
              put = false;
              return fault({ graph: { failNext: 1, failStatus: 500 } });
            }
            return Promise.resolve();
          },
        };
      },
    },
    {
      step: 'deleting from the list (the answer is lost after the first delete)',
      stops: false,
      listAfter: 0,
      set: (fault) => ({ legacy: (s) => (s === 'remove' ? fault({ loseResponseNext: 1 }) : Promise.resolve()) }),
    },
    {
      step: 'deleting from the list (SharePoint throttles)',
      stops: true,
      listAfter: 2,
      set: (fault) => ({
        legacy: (s) => (s === 'remove' ? fault({ throttleNext: 50, retryAfter: 0 }) : Promise.resolve()),
      }),
    },
  ];

  it.each(faults.map((f) => [f.step, f] as const))(
    'loses nothing when %s, and the next open finishes it',
    async (_, f) => {
      await legacyNotes(USERS.medarbejder, OLD);
      let armed = true;
      const fault = async (settings: FaultSettings): Promise<void> => {
        if (!armed) return;
        armed = false;
        await server.faults(settings);
      };
      const broken = notesFor(USERS.medarbejder, me, f.set(fault));
      const first = await broken.listMine(me).then(
        () => 'done',
        () => 'stopped',
      );
      expect(armed).toBe(false);
      await server.faults({});
      // The fault stopped the move there (a lost answer to a delete is retried, and the delete had happened).
      expect(first).toBe(f.stops ? 'stopped' : 'done');
      expect((await listRows()).filter((r) => r.AuthorId === me).length).toBe(f.listAfter);
      await expectNothingLost(OLD);
      // Whatever happened, the file never holds a text twice.
      for (const text of OLD) expect(await inFile(USERS.medarbejder, text)).toBeLessThanOrEqual(1);
      await expectMoved(OLD);
    },
  );
});
