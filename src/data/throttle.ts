/**
 * The throttle-aware fetch: PnPjs's `BrowserFetchWithRetry` (3 attempts, 429/503/504, `Retry-After`
 * honoured, else 200 ms doubling, the same "Retry count exceeded" error) that also publishes every
 * wait to a {@link ThrottleWatch} *before* it sleeps. SharePoint Online asks for 70–250 s, so a save
 * can wait minutes; the UI shows that at once instead of a silent spinner (`ThrottleNotice`).
 */
import type { TimelinePipe } from '@pnp/core';
import { HttpRequestError, type Queryable } from '@pnp/queryable';
import type { SPFI } from '@pnp/sp';
import { ThrottleWatch } from './throttleState';

/** Options of {@link ThrottleAwareFetch}; tests pass their own `sleep` and `now`. */
export interface IThrottleAwareFetchOptions {
  /** Attempts in all. @default 3 (as PnPjs) */
  retries?: number;
  /** First back-off without Retry-After (doubled before each wait, as PnPjs). @default 200 */
  interval?: number;
  /** Waits `ms`; rejects with an AbortError when `signal` aborts. */
  sleep?: (ms: number, signal?: AbortSignal | null) => Promise<void>;
  /** Epoch ms. @default Date.now */
  now?: () => number;
}

/** An error PnPjs's pipeline throws after the last throttled attempt; `throttledMs` is how long it waited. */
export type ThrottledHttpError = HttpRequestError & { throttledMs: number };

/** `Retry-After` in ms: integer seconds or an HTTP-date; null when absent or unreadable. */
export function retryAfterMs(header: string | null, now: number): number | null {
  if (header === null) return null;
  const text = header.trim();
  if (/^\d+$/.test(text)) return parseInt(text, 10) * 1000;
  const date = Date.parse(text);
  return Number.isNaN(date) ? null : Math.max(0, date - now);
}

/** Whether a request changes data: a non-GET, except a `$batch` whose parts are all GETs. */
export function isWriteRequest(url: string, init: RequestInit): boolean {
  const method = (init.method || 'GET').toUpperCase();
  if (method === 'GET' || method === 'HEAD') return false;
  if (/\/_api\/\$batch\/?(\?|$)/i.test(url)) {
    const body = typeof init.body === 'string' ? init.body : '';
    return /^(POST|PUT|PATCH|MERGE|DELETE) \S+ HTTP\/1\.1/im.test(body);
  }
  // contextinfo is only asked for on the way to a write.
  return true;
}

function abortError(): Error {
  const error = new Error('The operation was aborted.');
  error.name = 'AbortError';
  return error;
}

function defaultSleep(ms: number, signal?: AbortSignal | null): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(abortError());
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = (): void => {
      clearTimeout(timer);
      reject(abortError());
    };
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

/** Replaces the send moment with the throttle-aware fetch, publishing its waits to `watch`. */
export function ThrottleAwareFetch(
  watch: ThrottleWatch,
  options: IThrottleAwareFetchOptions = {},
): TimelinePipe<Queryable> {
  const retries = options.retries ?? 3;
  const interval = options.interval ?? 200;
  const sleep = options.sleep ?? defaultSleep;
  const now = options.now ?? Date.now;
  return (instance: Queryable) => {
    instance.on.send.replace(async function (this: Queryable, url: URL, init: RequestInit): Promise<Response> {
      const u = url.toString();
      const write = isWriteRequest(u, init);
      let backoff = interval;
      let waited = 0;
      let lastError: unknown;
      let response: Response | undefined;
      for (let attempt = 1; attempt <= retries; attempt++) {
        // After no answer at all PnPjs tries again at once; after 429/503/504 it waits.
        if (attempt > 1 && response) {
          const asked = retryAfterMs(response.headers.get('Retry-After'), now());
          backoff *= 2;
          const wait = asked ?? backoff;
          this.log(
            `Attempt #${attempt - 1} to retry request which failed with ${response.status}: ${response.statusText}`,
            0,
          );
          const done = watch.begin(now() + wait, write);
          try {
            await sleep(wait, init.signal);
          } finally {
            done();
          }
          waited += wait;
        }
        try {
          this.log(`Fetch: ${init.method} ${u}`, 0);
          response = await fetch(u, init);
          lastError = undefined;
          if (response.ok || (response.status !== 429 && response.status !== 503 && response.status !== 504))
            return response;
        } catch (error) {
          // Aborted requests are not retried; no network is (PnPjs #2226).
          if (/AbortError/.test((error as Error)?.name)) throw error;
          lastError = error;
          response = undefined;
        }
      }
      if (lastError !== undefined || !response) throw lastError;
      const error = new HttpRequestError(
        `Retry count exceeded (${retries}) for this request. ${response.status}: ${response.statusText};`,
        response,
      ) as ThrottledHttpError;
      error.throttledMs = waited;
      throw error;
    });
    return instance;
  };
}

const watches = new WeakMap<SPFI, ThrottleWatch>();

/**
 * The throttle state of an SPFI's requests. The roots from `./sp.ts` have one from the start; any
 * other root (a test's) gets the throttle-aware fetch here, in place of its fetch behaviour.
 */
export function throttleWatchOf(sp: SPFI): ThrottleWatch {
  let watch = watches.get(sp);
  if (!watch) {
    watch = new ThrottleWatch();
    sp.using(ThrottleAwareFetch(watch));
    watches.set(sp, watch);
  }
  return watch;
}

/** Gives `sp` the throttle-aware fetch (in place of its fetch behaviour) and registers its watch. */
export function withThrottleWatch(sp: SPFI, options?: IThrottleAwareFetchOptions): SPFI {
  const watch = new ThrottleWatch();
  return registerThrottleWatch(sp.using(ThrottleAwareFetch(watch, options)), watch);
}

/** Registers the watch a root's `ThrottleAwareFetch(watch)` publishes to. */
export function registerThrottleWatch(sp: SPFI, watch: ThrottleWatch): SPFI {
  watches.set(sp, watch);
  return sp;
}
