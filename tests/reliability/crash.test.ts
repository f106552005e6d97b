/** @jest-environment node */
/**
 * The local SharePoint killed (SIGKILL) in the middle of writes and started again on the same data
 * folder: it starts, every write it acknowledged is there (creates, edits and deletes), and the
 * store is consistent — twice in a row, then once more after a clean stop.
 *
 * The server runs as its own process, as `npm start` runs it: `tsx localsp/main.ts` with PORT and
 * MPK_DATA_DIR (node's `--import tsx`, so the signal reaches the server itself and not a wrapper).
 */
import { spawn, type ChildProcess } from 'child_process';
import * as fs from 'fs';
import * as net from 'net';
import * as os from 'os';
import * as path from 'path';
import { createLocalServices, createLocalSp } from '../../localsp/client';
import { provision } from '../../src/data/provisioning';
import { DataError } from '../../src/data/errors';
import type { IMpkServices } from '../../src/data/repositories/types';
import type { IDialogComment, IInitiative } from '../../src/domain/model';
import { newClientKey } from '../../src/domain/clientKey';
import { countByClientKey, readAll, USERS, type TestServer } from './support';

jest.setTimeout(120_000);

const ROOT = path.resolve(__dirname, '../..');
const JOURNAL = 'localsp.journal.jsonl';

interface IChild {
  proc: ChildProcess;
  siteUrl: string;
  output: () => string;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const port = (probe.address() as net.AddressInfo).port;
      probe.close(() => resolve(port));
    });
  });
}

/** Starts `localsp/main.ts` in its own process and waits until it listens. */
function startChild(dataDir: string, port: number): Promise<IChild> {
  const proc = spawn(process.execPath, ['--import', 'tsx', 'localsp/main.ts'], {
    cwd: ROOT,
    env: { ...process.env, PORT: String(port), MPK_DATA_DIR: dataDir, MPK_SEED: 'empty', NODE_OPTIONS: '' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`local SharePoint did not start:\n${output}`)), 60_000);
    const onData = (chunk: Buffer): void => {
      output += chunk.toString('utf8');
      const match = /Local SharePoint: (\S+)/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve({ proc, siteUrl: match[1], output: () => output });
      }
    };
    proc.stdout?.on('data', onData);
    proc.stderr?.on('data', onData);
    proc.once('exit', (code, signal) => {
      clearTimeout(timer);
      reject(new Error(`local SharePoint exited (${code ?? signal}) before listening:\n${output}`));
    });
  });
}

function stopped(child: IChild): Promise<void> {
  return new Promise((resolve) => {
    if (child.proc.exitCode !== null || child.proc.signalCode !== null) resolve();
    else child.proc.once('exit', () => resolve());
  });
}

/** A `fetch` against the child's site as the site owner, shaped like the test server's. */
function ownerFetch(siteUrl: string): Pick<TestServer, 'fetch'> {
  return {
    fetch: (relPath: string, init: RequestInit = {}) =>
      fetch(`${siteUrl}/${relPath}`, {
        ...init,
        headers: { Accept: 'application/json', Authorization: `Bearer ${USERS.admin}` },
      }),
  };
}

function services(siteUrl: string, email: string): Promise<IMpkServices> {
  return createLocalServices(siteUrl, email);
}

/** What the writers were told had succeeded. */
interface IAcknowledged {
  created: Set<string>;
  deleted: Set<string>;
  /** Deletes sent but not acknowledged (the kill came first): may or may not have happened. */
  deleting: Set<string>;
  /** Initiative id → last acknowledged title, and titles tried after it. */
  edited: Map<number, { acked?: string; after: string[] }>;
  count: number;
}

/**
 * Writers in a loop until the server goes away: comments created by an employee, some of them
 * deleted again, and title edits of initiatives by the leader.
 */
function writeUntilKilled(
  leder: IMpkServices,
  medarbejder: IMpkServices,
  initiatives: IInitiative[],
  unitId: number,
  acked: IAcknowledged,
  round: number,
): Promise<void>[] {
  let stop = false;
  const fail = (error: unknown): void => {
    // After the kill every write fails, as a DataError; anything else is a bug in the data layer.
    expect(error).toBeInstanceOf(DataError);
    stop = true;
  };
  const commenter = async (lane: number): Promise<void> => {
    for (let n = 0; !stop; n++) {
      const comment: IDialogComment = {
        clientKey: newClientKey(),
        initiativeId: initiatives[lane].id,
        body: `Runde ${round}, spor ${lane}, nr. ${n}`,
      };
      try {
        const saved = await medarbejder.comments.create(comment, unitId);
        acked.created.add(comment.clientKey);
        acked.count++;
        if (n % 3 === 2) {
          acked.deleting.add(comment.clientKey);
          await medarbejder.comments.remove(saved);
          acked.deleting.delete(comment.clientKey);
          acked.deleted.add(comment.clientKey);
          acked.count++;
        }
      } catch (error) {
        fail(error);
      }
    }
  };
  const editor = async (): Promise<void> => {
    for (let n = 0; !stop; n++) {
      const initiative = initiatives[n % initiatives.length];
      const title = `Indsats ${initiative.id}, runde ${round}, udgave ${n}`;
      const record = acked.edited.get(initiative.id as number) || { after: [] };
      acked.edited.set(initiative.id as number, record);
      record.after.push(title);
      try {
        const current = await leder.initiatives.get(initiative.id as number);
        await leder.initiatives.update(current, { ...current, title });
        record.acked = title;
        record.after = [];
        acked.count++;
      } catch (error) {
        fail(error);
      }
    }
  };
  return [commenter(0), commenter(1), commenter(2), editor()];
}

/** Checks everything acknowledged is there and the store is consistent; returns the comment rows. */
async function verify(siteUrl: string, acked: IAcknowledged): Promise<Record<string, unknown>[]> {
  const owner = ownerFetch(siteUrl);
  const comments = await readAll(owner, 'comments', ['Id', 'ClientKey', 'Body']);
  const keys = await countByClientKey(owner, 'comments');
  acked.created.forEach((key) => {
    if (acked.deleted.has(key)) expect(keys.get(key)).toBeUndefined();
    else if (acked.deleting.has(key)) expect([undefined, 1]).toContain(keys.get(key));
    else expect(keys.get(key)).toBe(1);
  });
  // Consistent: no ClientKey or Id twice, and the list's own count agrees with its rows.
  keys.forEach((n) => expect(n).toBe(1));
  expect(new Set(comments.map((r) => r.Id)).size).toBe(comments.length);
  const list = (await (
    await owner.fetch("_api/web/lists/getByTitle('MPK%20Kommentarer')?$select=ItemCount")
  ).json()) as { ItemCount: number };
  expect(list.ItemCount).toBe(comments.length);
  const titles = new Map(
    (await readAll(owner, 'initiatives', ['Id', 'Title'])).map((r) => [Number(r.Id), String(r.Title)]),
  );
  acked.edited.forEach((record, id) => {
    if (record.acked === undefined) return;
    expect([record.acked, ...record.after]).toContain(titles.get(id));
  });
  return comments;
}

describe('the local SharePoint killed mid-write', () => {
  let dir: string;
  let child: IChild | undefined;

  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mpk-crash-'));
  });
  afterAll(async () => {
    if (child && child.proc.exitCode === null && child.proc.signalCode === null) {
      child.proc.kill('SIGKILL');
      await stopped(child);
    }
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('starts again on the same folder with every acknowledged write and a consistent store', async () => {
    const port = await freePort();
    child = await startChild(dir, port);
    const siteUrl = child.siteUrl;
    await provision(createLocalSp(siteUrl, USERS.admin));
    let leder = await services(siteUrl, USERS.leder);
    let medarbejder = await services(siteUrl, USERS.medarbejder);
    const unitId = (await leder.units.list())[0].id as number;
    const plan = await leder.plans.create({ clientKey: '', unitId, period: '2026', status: 'draft' });
    const initiatives: IInitiative[] = [];
    for (const title of ['Læsebånd', 'Udeskole', 'Fælles frokost']) {
      initiatives.push(
        await leder.initiatives.create({
          clientKey: '',
          planId: plan.id as number,
          unitId,
          title,
          ambitionKey: 'viden-og-faglighed',
          status: 'planned',
        }),
      );
    }
    const acked: IAcknowledged = {
      created: new Set(),
      deleted: new Set(),
      deleting: new Set(),
      edited: new Map(),
      count: 0,
    };

    for (let round = 1; round <= 2; round++) {
      const target = acked.count + 60;
      const writers = writeUntilKilled(leder, medarbejder, initiatives, unitId, acked, round);
      while (acked.count < target) await new Promise((resolve) => setTimeout(resolve, 5));
      // Kill while the writers are in the middle of their next requests.
      child.proc.kill('SIGKILL');
      await stopped(child);
      await Promise.all(writers);
      expect(child.proc.signalCode).toBe('SIGKILL');

      child = await startChild(dir, port);
      expect(child.siteUrl).toBe(siteUrl);
      await verify(siteUrl, acked);
      // It takes new writes at once, with fresh ids above every id it had.
      leder = await services(siteUrl, USERS.leder);
      medarbejder = await services(siteUrl, USERS.medarbejder);
      const maxId = Math.max(0, ...(await readAll(ownerFetch(siteUrl), 'comments')).map((r) => Number(r.Id)));
      const fresh = await medarbejder.comments.create(
        { clientKey: newClientKey(), planId: plan.id, body: `Efter genstart ${round}` },
        unitId,
      );
      expect(fresh.id).toBeGreaterThan(maxId);
      acked.created.add(fresh.clientKey);
    }

    // The journal is whole lines of JSON (a torn last line is cut off on start).
    const lines = fs
      .readFileSync(path.join(dir, JOURNAL), 'utf8')
      .split('\n')
      .filter((l) => l.trim() !== '');
    for (const line of lines) expect(() => JSON.parse(line)).not.toThrow();

    // A clean stop and start replays to exactly the same rows.
    const before = await verify(siteUrl, acked);
    child.proc.kill('SIGTERM');
    await stopped(child);
    expect(child.proc.exitCode).toBe(0);
    child = await startChild(dir, port);
    const after = await verify(siteUrl, acked);
    expect(after).toEqual(before);
    console.log(
      `Crash test: ${acked.count} acknowledged writes over 2 SIGKILLs (${acked.created.size} comments created, ${acked.deleted.size} deleted, ${acked.edited.size} initiatives edited); ${after.length} comments after restart; journal ${lines.length} lines`,
    );
  });
});
