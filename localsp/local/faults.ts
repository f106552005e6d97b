/**
 * Injected faults for tests and benchmarks (`POST /_local/faults`): throttling with Retry-After
 * (reference §3 "throttled"), latency, and lost responses (the write happens, the socket is destroyed
 * before the answer — for "a create retried after a lost response makes no duplicate"), and under the key
 * `graph` the local Graph's own throttling and forced failures (localgraph/README.md).
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
  /** Faults of the local Graph (`/graph/v1.0/` only; the keys above apply to SharePoint only). */
  graph?: GraphFaultSettings;
}

/** Faults of the local Graph (contract §2 "Faults"). */
export interface GraphFaultSettings {
  /** Answer the next n Graph requests with 429 TooManyRequests. */
  throttleNext?: number;
  /** Answer this fraction (0..1) of Graph requests with 429. */
  throttleRate?: number;
  /** Retry-After seconds of a throttled Graph answer (integer 0..3600; default 1). */
  retryAfter?: number;
  /** Fail the next n Graph requests with failStatus. */
  failNext?: number;
  /** Status of a forced failure (400..599; default 403). */
  failStatus?: number;
  /** Graph error code of a forced failure (default Forbidden for 403, NotFound for 404, else InternalServerError). */
  failCode?: string | null;
}

/** A Graph fault to answer with (the local Graph writes Graph's error body). */
export type GraphFault = { kind: 'throttle'; retryAfter: number } | { kind: 'fail'; status: number; code: string };

/** The settings in force (every key present). */
export type ActiveFaults = Required<Omit<FaultSettings, 'graph'>> & { graph: Required<GraphFaultSettings> };

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
  private settings: ActiveFaults = Faults.cleared();

  private static cleared(): ActiveFaults {
    return {
      throttleNext: 0,
      throttleRate: 0,
      retryAfter: 1,
      throttleStatus: 429,
      latencyMs: 0,
      loseResponseNext: 0,
      graph: { throttleNext: 0, throttleRate: 0, retryAfter: 1, failNext: 0, failStatus: 403, failCode: null },
    };
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
    next.graph = Faults.graphSettings(input.graph ?? {}, num);
    for (const k of Object.keys(input)) {
      if (!(k in next)) throw new Error(`unknown fault '${k}'`);
    }
    this.settings = next;
  }

  private static graphSettings(
    input: GraphFaultSettings,
    num: (v: unknown, min: number, max: number) => number | undefined,
  ): Required<GraphFaultSettings> {
    if (!input || typeof input !== 'object' || Array.isArray(input)) throw new Error('invalid fault value graph');
    const cleared = Faults.cleared().graph;
    for (const k of Object.keys(input)) if (!(k in cleared)) throw new Error(`unknown fault 'graph.${k}'`);
    const status = Math.floor(num(input.failStatus, 400, 599) ?? 403);
    if (
      input.failCode !== undefined &&
      input.failCode !== null &&
      (typeof input.failCode !== 'string' || !input.failCode)
    )
      throw new Error(`invalid fault value ${String(input.failCode)}`);
    return {
      throttleNext: Math.floor(num(input.throttleNext, 0, 1e9) ?? 0),
      throttleRate: num(input.throttleRate, 0, 1) ?? 0,
      retryAfter: Math.floor(num(input.retryAfter, 0, 3600) ?? 1),
      failNext: Math.floor(num(input.failNext, 0, 1e9) ?? 0),
      failStatus: status,
      failCode: input.failCode ?? null,
    };
  }

  /** Current settings. */
  public get(): ActiveFaults {
    return { ...this.settings, graph: { ...this.settings.graph } };
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

  /** The Graph fault for this `/graph/v1.0/` request (throttle first, then failure), counting down; or null. */
  public takeGraphFault(): GraphFault | null {
    const g = this.settings.graph;
    if (g.throttleNext > 0 || (g.throttleRate > 0 && Math.random() < g.throttleRate)) {
      if (g.throttleNext > 0) g.throttleNext -= 1;
      return { kind: 'throttle', retryAfter: g.retryAfter };
    }
    if (g.failNext > 0) {
      g.failNext -= 1;
      const code =
        g.failCode ?? (g.failStatus === 403 ? 'Forbidden' : g.failStatus === 404 ? 'NotFound' : 'InternalServerError');
      return { kind: 'fail', status: g.failStatus, code };
    }
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
