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
  /**
   * Retry-After seconds sent with a throttled answer (integer 0..3600; default 1). `null` sends no
   * Retry-After at all, as SharePoint Online's 503 sometimes does (fidelity row 29, M9).
   */
  retryAfter?: number | null;
  /** Status of a throttled answer: 429 (default) or 503. */
  throttleStatus?: 429 | 503;
  /** Delay added before every REST request is handled. */
  latencyMs?: number;
  /** Perform the next n writes but destroy the connection instead of answering. */
  loseResponseNext?: number;
}

/** A throttled answer as SharePoint Online sends it. */
export interface ThrottledAnswer {
  status: 429 | 503;
  headers: Record<string, string>;
  body: string;
}

/**
 * SharePoint Online's throttled answer (fidelity row 29, M9): 429 with the text/plain body
 * "429 TOO MANY REQUESTS" and an integer `Retry-After`; 503 the same way with its own status line
 * (UNCONFIRMED: only the 429 body is recorded) and, when `retryAfter` is null, no `Retry-After`.
 */
export function throttledAnswer(status: 429 | 503, retryAfter: number | null): ThrottledAnswer {
  const headers: Record<string, string> = { 'Content-Type': 'text/plain; charset=utf-8' };
  if (retryAfter !== null) headers['Retry-After'] = String(retryAfter);
  return { status, headers, body: status === 429 ? '429 TOO MANY REQUESTS' : '503 SERVICE UNAVAILABLE' };
}

/** Live fault state of one server. */
export class Faults {
  private settings: Required<FaultSettings> = Faults.cleared();

  private static cleared(): Required<FaultSettings> {
    return { throttleNext: 0, throttleRate: 0, retryAfter: 1, throttleStatus: 429, latencyMs: 0, loseResponseNext: 0 };
  }

  /** Replaces the settings (missing keys take their cleared value). */
  public set(input: FaultSettings): void {
    const next = Faults.cleared();
    const num = (v: unknown, min: number, max: number): number | undefined => {
      if (v === undefined) return undefined;
      if (typeof v !== 'number' || !Number.isFinite(v) || v < min || v > max)
        throw new Error(`invalid fault value ${String(v)}`);
      return v;
    };
    next.throttleNext = Math.floor(num(input.throttleNext, 0, 1e9) ?? 0);
    next.throttleRate = num(input.throttleRate, 0, 1) ?? 0;
    next.retryAfter = input.retryAfter === null ? null : Math.floor(num(input.retryAfter, 0, 3600) ?? 1);
    if (input.throttleStatus !== undefined && input.throttleStatus !== 429 && input.throttleStatus !== 503) {
      throw new Error(`invalid fault value ${String(input.throttleStatus)}`);
    }
    next.throttleStatus = input.throttleStatus ?? 429;
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

  /** Whether this request is throttled; counts down throttleNext. Returns the answer to send, or null. */
  public takeThrottle(): ThrottledAnswer | null {
    const s = this.settings;
    let hit = false;
    if (s.throttleNext > 0) {
      s.throttleNext -= 1;
      hit = true;
    } else if (s.throttleRate > 0 && Math.random() < s.throttleRate) {
      hit = true;
    }
    return hit ? throttledAnswer(s.throttleStatus, s.retryAfter) : null;
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
