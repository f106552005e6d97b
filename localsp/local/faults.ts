/**
 * Injected faults for tests and benchmarks (`POST /_local/faults`): throttling with Retry-After
 * (reference §3 "throttled"), latency, and lost responses (the write happens, the socket is destroyed
 * before the answer — for "a create retried after a lost response makes no duplicate").
 */

/** Fault settings as posted; `{}` clears all. */
export interface FaultSettings {
  /** Answer the next n REST requests with 429. */
  throttleNext?: number;
  /** Answer this fraction (0..1) of REST requests with 429. */
  throttleRate?: number;
  /** Retry-After seconds sent with 429 (integer; default 1). */
  retryAfter?: number;
  /** Delay added before every REST request is handled. */
  latencyMs?: number;
  /** Perform the next n writes but destroy the connection instead of answering. */
  loseResponseNext?: number;
}

/** Live fault state of one server. */
export class Faults {
  private settings: Required<FaultSettings> = Faults.cleared();

  private static cleared(): Required<FaultSettings> {
    return { throttleNext: 0, throttleRate: 0, retryAfter: 1, latencyMs: 0, loseResponseNext: 0 };
  }

  /** Replaces the settings (missing keys take their cleared value). */
  public set(input: FaultSettings): void {
    const next = Faults.cleared();
    const num = (v: unknown, min: number, max: number): number | undefined => {
      if (v === undefined) return undefined;
      if (typeof v !== 'number' || !Number.isFinite(v) || v < min || v > max) throw new Error(`invalid fault value ${String(v)}`);
      return v;
    };
    next.throttleNext = Math.floor(num(input.throttleNext, 0, 1e9) ?? 0);
    next.throttleRate = num(input.throttleRate, 0, 1) ?? 0;
    next.retryAfter = Math.floor(num(input.retryAfter, 0, 3600) ?? 1);
    next.latencyMs = num(input.latencyMs, 0, 600000) ?? 0;
    next.loseResponseNext = Math.floor(num(input.loseResponseNext, 0, 1e9) ?? 0);
    for (const k of Object.keys(input)) {
      if (!(k in next)) throw new Error(`unknown fault '${k}'`);
    }
    this.settings = next;
  }

  /** Current settings. */
  public get(): Required<FaultSettings> {
    return { ...this.settings };
  }

  /** Latency to add before handling a REST request. */
  public latency(): number {
    return this.settings.latencyMs;
  }

  /** Whether this request is throttled; counts down throttleNext. Returns Retry-After seconds or null. */
  public takeThrottle(): number | null {
    if (this.settings.throttleNext > 0) {
      this.settings.throttleNext -= 1;
      return this.settings.retryAfter;
    }
    if (this.settings.throttleRate > 0 && Math.random() < this.settings.throttleRate) return this.settings.retryAfter;
    return null;
  }

  /** Whether the answer to this write is to be lost; counts down loseResponseNext. */
  public takeLostResponse(): boolean {
    if (this.settings.loseResponseNext > 0) {
      this.settings.loseResponseNext -= 1;
      return true;
    }
    return false;
  }
}
