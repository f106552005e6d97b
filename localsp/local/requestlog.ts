/** The REST request log behind `GET /_local/requests` (a `$batch` is one entry with `batchParts`). */

/** One logged REST request. */
export interface LoggedRequest {
  /** Effective verb (X-HTTP-Method applied): GET, POST, MERGE, DELETE … */
  method: string;
  /** Path with query string, as received. */
  path: string;
  status: number;
  /** Caller e-mail, or null when unauthenticated. */
  user: string | null;
  batchParts?: number;
  /** True when the answer was dropped by the loseResponseNext fault. */
  lost?: boolean;
  at: string;
  ms: number;
}

/** Keeps the newest entries (bounded so a long `npm start` does not grow without end). */
export class RequestLog {
  private entries: LoggedRequest[] = [];

  public constructor(private readonly max = 20000) {}

  /** Adds an entry. */
  public add(entry: LoggedRequest): void {
    this.entries.push(entry);
    if (this.entries.length > this.max) this.entries.splice(0, this.entries.length - this.max);
  }

  /** Entries since the last reset. */
  public list(): LoggedRequest[] {
    return [...this.entries];
  }

  /** Forgets everything. */
  public reset(): void {
    this.entries = [];
  }
}
