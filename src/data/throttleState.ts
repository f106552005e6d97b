/**
 * "SharePoint asked us to wait until T": the state the throttle-aware fetch (`./throttle.ts`)
 * publishes while a request sleeps out a 429/503, for the UI to show (`ThrottleNotice`). No PnPjs
 * here, so components may import it.
 */

/** What is waiting on SharePoint right now. */
export interface IThrottleState {
  /** When the last waiting read (GET, or a `$batch` of GETs) is tried again (epoch ms); null when none waits. */
  readsUntil: number | null;
  /** When the last waiting write (anything that changes data, and its contextinfo) is tried again; null when none waits. */
  writesUntil: number | null;
}

/** The read side the UI subscribes to. */
export interface IThrottleWatch {
  /** The current state (the same object until it changes). */
  current(): IThrottleState;
  /** Calls `listener` on every change; returns the unsubscribe. */
  subscribe(listener: () => void): () => void;
}

const IDLE: IThrottleState = Object.freeze({ readsUntil: null, writesUntil: null });

/** The published state of one SPFI's requests. */
export class ThrottleWatch implements IThrottleWatch {
  private readonly waits = new Map<number, { until: number; write: boolean }>();
  private readonly listeners = new Set<() => void>();
  private state: IThrottleState = IDLE;
  private nextId = 1;

  public current(): IThrottleState {
    return this.state;
  }

  public subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  }

  /** A request starts waiting until `until` (epoch ms); returns what to call when the wait is over. */
  public begin(until: number, write: boolean): () => void {
    const id = this.nextId++;
    this.waits.set(id, { until, write });
    this.publish();
    return () => {
      if (this.waits.delete(id)) this.publish();
    };
  }

  private publish(): void {
    let readsUntil: number | null = null;
    let writesUntil: number | null = null;
    this.waits.forEach((w) => {
      if (w.write) writesUntil = writesUntil === null ? w.until : Math.max(writesUntil, w.until);
      else readsUntil = readsUntil === null ? w.until : Math.max(readsUntil, w.until);
    });
    this.state = readsUntil === null && writesUntil === null ? IDLE : { readsUntil, writesUntil };
    this.listeners.forEach((listener) => listener());
  }
}
