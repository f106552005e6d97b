/**
 * File bytes of document libraries, kept beside the journal in `<dataDir>/files/<sha-256>`. A blob is
 * written (temp file, fsync, rename) before the operation that names it is committed, so a replayed
 * journal never points at a missing file; a crash in between leaves an unnamed blob, never a broken item.
 * Content-addressed: the same bytes are stored once, and a retried upload writes nothing new.
 * Blobs of deleted files stay on disk (no garbage collection: the local server's data is throwaway).
 */
import { createHash } from 'crypto';
import * as fs from 'fs';
import * as path from 'path';

/** The `files/` folder of one data folder. */
export class BlobStore {
  private readonly dir: string;

  public constructor(
    dataDir: string,
    private readonly fsync: boolean,
  ) {
    this.dir = path.join(dataDir, 'files');
  }

  /** Stores the bytes (once) and returns their SHA-256 in hex. */
  public put(bytes: Buffer): string {
    const hash = createHash('sha256').update(bytes).digest('hex');
    const target = path.join(this.dir, hash);
    if (fs.existsSync(target)) return hash;
    fs.mkdirSync(this.dir, { recursive: true });
    const temp = `${target}.${process.pid}.tmp`;
    const fd = fs.openSync(temp, 'w');
    try {
      let offset = 0;
      while (offset < bytes.length) offset += fs.writeSync(fd, bytes, offset, bytes.length - offset);
      if (this.fsync) fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
    fs.renameSync(temp, target);
    return hash;
  }

  /** The bytes stored under a hash, or null when they are not there. */
  public get(hash: string): Buffer | null {
    if (!/^[0-9a-f]{64}$/.test(hash)) return null;
    const file = path.join(this.dir, hash);
    return fs.existsSync(file) ? fs.readFileSync(file) : null;
  }
}

/** An in-memory stand-in for sites built without a data folder (unit tests of the model). */
export class MemoryBlobStore extends BlobStore {
  private readonly blobs = new Map<string, Buffer>();

  public constructor() {
    super('', false);
  }

  public override put(bytes: Buffer): string {
    const hash = createHash('sha256').update(bytes).digest('hex');
    this.blobs.set(hash, Buffer.from(bytes));
    return hash;
  }

  public override get(hash: string): Buffer | null {
    return this.blobs.get(hash) ?? null;
  }
}
