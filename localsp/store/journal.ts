/**
 * Crash-safe persistence: a snapshot (written to a temp file, fsync'd, renamed) plus an append-only
 * journal of JSON lines (one group fsync'd per HTTP request) replayed on load. A torn last line —
 * a crash in the middle of an append — is dropped and cut off so the next append starts clean.
 */
import * as fs from 'fs';
import * as path from 'path';
import type { Op, SiteState } from '../model/types';

const SNAPSHOT = 'localsp.snapshot.json';
const JOURNAL = 'localsp.journal.jsonl';
const LOCK = 'localsp.lock';

/** Options of the durable store. */
export interface StoreOptions {
  /** fsync every flush (default true; MPK_FSYNC=0 turns it off for throwaway data). */
  fsync: boolean;
  /** Journal size in bytes after which the next flush writes a snapshot and empties the journal. */
  compactBytes: number;
}

/** What a data folder held when it was opened. */
export interface LoadedData {
  snapshot: SiteState | null;
  /** Operations newer than the snapshot, in order. */
  ops: Op[];
  /** Lines dropped because the last one was torn. */
  tornLines: number;
}

interface JournalLine {
  s: number;
  op: Op;
}

const heldDirs = new Set<string>();

/** The snapshot + journal pair of one data folder. */
export class DurableStore {
  private fd: number;
  private pending: string[] = [];
  private journalBytes: number;
  private closed = false;

  private constructor(
    private readonly dir: string,
    private readonly options: StoreOptions,
    private seq: number,
  ) {
    this.fd = fs.openSync(path.join(dir, JOURNAL), 'a');
    this.journalBytes = fs.fstatSync(this.fd).size;
  }

  /** Opens (creating) a data folder, takes its lock, and returns the store with what it held. */
  public static open(dir: string, options: StoreOptions): { store: DurableStore; data: LoadedData } {
    const absolute = path.resolve(dir);
    fs.mkdirSync(absolute, { recursive: true });
    takeLock(absolute);
    try {
      const snapshot = readSnapshot(absolute);
      const { ops, tornLines, lastSeq } = readJournal(absolute, snapshot ? snapshot.seq : 0);
      const store = new DurableStore(absolute, options, Math.max(lastSeq, snapshot ? snapshot.seq : 0));
      return { store, data: { snapshot, ops, tornLines } };
    } catch (e) {
      releaseLock(absolute);
      throw e;
    }
  }

  /** The sequence number of the last recorded operation. */
  public get lastSeq(): number {
    return this.seq;
  }

  /** Queues an operation; it is durable after the next flush(). */
  public append(op: Op): void {
    this.seq += 1;
    const line: JournalLine = { s: this.seq, op };
    this.pending.push(`${JSON.stringify(line)}\n`);
  }

  /** Writes and fsyncs queued operations as one group. */
  public flush(): void {
    if (this.pending.length === 0 || this.closed) return;
    const buf = Buffer.from(this.pending.join(''), 'utf8');
    this.pending = [];
    writeAll(this.fd, buf);
    if (this.options.fsync) fs.fsyncSync(this.fd);
    this.journalBytes += buf.length;
  }

  /** True when the journal has grown past the compaction size. */
  public needsCompaction(): boolean {
    return this.journalBytes >= this.options.compactBytes;
  }

  /**
   * Writes a full snapshot (temp file, fsync, rename, fsync folder) and then empties the journal. A crash
   * between the rename and the truncation is harmless: journal lines at or below the snapshot's seq are
   * skipped on load.
   */
  public writeSnapshot(state: SiteState): void {
    this.flush();
    state.seq = this.seq;
    const target = path.join(this.dir, SNAPSHOT);
    const temp = `${target}.tmp`;
    const fd = fs.openSync(temp, 'w');
    try {
      writeAll(fd, Buffer.from(JSON.stringify(state), 'utf8'));
      if (this.options.fsync) fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
    fs.renameSync(temp, target);
    this.fsyncDir();
    fs.ftruncateSync(this.fd, 0);
    if (this.options.fsync) fs.fsyncSync(this.fd);
    this.journalBytes = 0;
  }

  /** Flushes and releases the folder. */
  public close(): void {
    if (this.closed) return;
    this.flush();
    this.closed = true;
    fs.closeSync(this.fd);
    releaseLock(this.dir);
  }

  private fsyncDir(): void {
    if (!this.options.fsync || process.platform === 'win32') return;
    const fd = fs.openSync(this.dir, 'r');
    try {
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
  }
}

function writeAll(fd: number, buf: Buffer): void {
  let offset = 0;
  while (offset < buf.length) offset += fs.writeSync(fd, buf, offset, buf.length - offset);
}

function readSnapshot(dir: string): SiteState | null {
  const file = path.join(dir, SNAPSHOT);
  if (!fs.existsSync(file)) return null;
  const state = JSON.parse(fs.readFileSync(file, 'utf8')) as SiteState;
  if (state.format !== 1) throw new Error(`localsp: unknown snapshot format in ${file}`);
  return state;
}

function readJournal(dir: string, afterSeq: number): { ops: Op[]; tornLines: number; lastSeq: number } {
  const file = path.join(dir, JOURNAL);
  if (!fs.existsSync(file)) return { ops: [], tornLines: 0, lastSeq: 0 };
  const text = fs.readFileSync(file, 'utf8');
  const ops: Op[] = [];
  let lastSeq = 0;
  let goodBytes = 0;
  let offset = 0;
  let tornLines = 0;
  while (offset < text.length) {
    const nl = text.indexOf('\n', offset);
    const raw = nl < 0 ? text.slice(offset) : text.slice(offset, nl);
    const next = nl < 0 ? text.length : nl + 1;
    const parsed = parseLine(raw);
    if (!parsed) {
      if (next < text.length)
        throw new Error(`localsp: journal ${file} is corrupt before its last line (byte ${offset})`);
      tornLines = 1;
      break;
    }
    lastSeq = parsed.s;
    if (parsed.s > afterSeq) ops.push(parsed.op);
    goodBytes += Buffer.byteLength(text.slice(offset, next), 'utf8');
    offset = next;
  }
  if (tornLines > 0) {
    // Cut the torn tail so the next append starts on a line of its own.
    fs.truncateSync(file, goodBytes);
  } else if (text.length > 0 && !text.endsWith('\n')) {
    // A complete last line whose newline did not make it to disk: finish it.
    fs.appendFileSync(file, '\n');
  }
  return { ops, tornLines, lastSeq };
}

function parseLine(raw: string): JournalLine | null {
  if (raw.trim() === '') return null;
  try {
    const v = JSON.parse(raw) as JournalLine;
    return typeof v.s === 'number' && v.op && typeof v.op.t === 'string' ? v : null;
  } catch {
    return null;
  }
}

function takeLock(dir: string): void {
  if (heldDirs.has(dir)) throw new Error(`localsp: data folder ${dir} is already open in this process`);
  const file = path.join(dir, LOCK);
  if (fs.existsSync(file)) {
    const pid = Number(fs.readFileSync(file, 'utf8').trim());
    if (pid && pid !== process.pid && processAlive(pid)) {
      throw new Error(`localsp: data folder ${dir} is in use by process ${pid}`);
    }
  }
  fs.writeFileSync(file, String(process.pid));
  heldDirs.add(dir);
}

function releaseLock(dir: string): void {
  heldDirs.delete(dir);
  try {
    fs.unlinkSync(path.join(dir, LOCK));
  } catch {
    // already gone
  }
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}
