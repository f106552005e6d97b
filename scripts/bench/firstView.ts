/**
 * Opening one view in Chromium and measuring it: REST requests (as the local SharePoint logged them),
 * response bytes, `$batch` sub-requests, list-view-threshold errors, and the time from navigation until
 * the view is usable (a CSS selector matches a visible element, timed inside the page).
 */
import type { Browser, BrowserContext, Page, Request, Response } from 'playwright-core';
import type { LoggedRequest } from '../../localsp/local/requestlog';

/** One request as `GET /_local/requests` returns it: the local SharePoint's own log entry. */
export type { LoggedRequest };

/** What the browser saw of the REST traffic of one view. */
export interface RestTraffic {
  /** Responses to `/_api/` URLs except `contextinfo`: body bytes (uncompressed; the local SharePoint does not compress). */
  responseBytes: number;
  responses: number;
  /** The same for `contextinfo` (the preview's digest request). */
  digestBytes: number;
  /** Sub-requests inside `$batch` bodies, by method. */
  subRequests: Record<string, number>;
  /** Sub-responses (or responses) with status ≥ 400. */
  errorStatuses: number[];
  /** The same, described: `GET MPK Opgaver items [AssigneeId eq 8] → 500 SPQueryThrottledException`. */
  errors: string[];
  /** Responses that carry SPQueryThrottledException (list view threshold). */
  thresholdErrors: number;
  /** Every `$batch` part (and single response): what it asked for and the bytes of its answer. */
  parts: { what: string; bytes: number }[];
}

/** The result of opening one view. */
export interface ViewMeasurement {
  url: string;
  /** ms from navigation start until the usable selector matched (inside the page); null if it never did. */
  usableMs: number | null;
  /** Requests the server logged, without `contextinfo` (see `countedRequests`). */
  requests: LoggedRequest[];
  /** `contextinfo` POSTs (the preview fetches a digest; in SharePoint the page hands it to SPFx). */
  digestRequests: number;
  traffic: RestTraffic;
  /** First visible heading of the view, for the report. */
  heading?: string;
  error?: string;
}

/** The server's request log since the last reset. */
export async function serverRequests(origin: string): Promise<LoggedRequest[]> {
  const res = await fetch(`${origin}/_local/requests`);
  if (!res.ok) throw new Error(`GET /_local/requests: ${res.status}`);
  return (await res.json()) as LoggedRequest[];
}

/** Forgets the requests logged so far. */
export async function resetServerRequests(origin: string): Promise<void> {
  const res = await fetch(`${origin}/_local/requests/reset`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: '{}',
  });
  if (!res.ok) throw new Error(`POST /_local/requests/reset: ${res.status}`);
}

/** Whether a logged or seen request is PnPjs's request-digest POST. */
export function isDigestRequest(path: string): boolean {
  return /\/_api\/contextinfo(\?|$)/i.test(path);
}

/** Methods of the sub-requests of a `$batch` body (the request line of each part, e.g. `GET https://…`). */
export function batchSubRequestMethods(body: string): string[] {
  const methods: string[] = [];
  const re = /^(GET|POST|MERGE|PATCH|PUT|DELETE) (https?:\/\/\S+) HTTP\/1\.1\s*$/gm;
  let m: RegExpExecArray | null;
  while ((m = re.exec(body)) !== null) methods.push(m[1]);
  return methods;
}

/** Status codes of the parts of a `$batch` response body. */
export function batchSubStatuses(body: string): number[] {
  const out: number[] = [];
  const re = /^HTTP\/1\.1 (\d{3})/gm;
  let m: RegExpExecArray | null;
  while ((m = re.exec(body)) !== null) out.push(Number(m[1]));
  return out;
}

/** The exception type of a SharePoint error body (`SPQueryThrottledException` …), or ''. */
export function errorType(body: string): string {
  const m = /"code"\s*:\s*"[^",]*,\s*([\w.]+)"/.exec(body);
  return m ? (m[1].split('.').pop() ?? '') : '';
}

/** A REST URL in a few words: `GET MPK Opgaver items [AssigneeId eq 8]`. */
export function describeUrl(url: string): string {
  let api = url.replace(/^.*?\/_api\//, '').replace(/\+/g, ' ');
  try {
    api = decodeURIComponent(api);
  } catch {
    // keep it encoded
  }
  const list = /getByTitle\('([^']+)'\)/i.exec(api);
  const filter = /\$filter=([^&]*)/.exec(api);
  const what = list ? `${list[1]}${api.includes('/items') ? ' items' : ''}` : api.split('?')[0];
  return `${what}${filter ? ` [${filter[1].slice(0, 60)}${filter[1].length > 60 ? '…' : ''}]` : ''}`;
}

/** The request lines of a `$batch` body, in order. */
function batchRequestLines(requestBody: string): { method: string; url: string }[] {
  const requests: { method: string; url: string }[] = [];
  const reqRe = /^(GET|POST|MERGE|PATCH|PUT|DELETE) (https?:\/\/\S+) HTTP\/1\.1\s*$/gm;
  let m: RegExpExecArray | null;
  while ((m = reqRe.exec(requestBody)) !== null) requests.push({ method: m[1], url: m[2] });
  return requests;
}

/** The response parts of a `$batch` (each with its status line). */
function batchResponseParts(responseBody: string): string[] {
  return responseBody.split(/^--batchresponse_[^\r\n]*$/m).filter((p) => /HTTP\/1\.1 \d{3}/.test(p));
}

/** The bytes of each part of a `$batch` answer, named by the request it answers. */
export function batchPartSizes(requestBody: string, responseBody: string): { what: string; bytes: number }[] {
  const requests = batchRequestLines(requestBody);
  return batchResponseParts(responseBody).map((part, i) => ({
    what: requests[i] ? `${requests[i].method} ${describeUrl(requests[i].url)}` : `part ${i + 1}`,
    bytes: Buffer.byteLength(part, 'utf8'),
  }));
}

/** The failed parts of a `$batch`: request parts and response parts pair up in order. */
export function batchErrors(
  requestBody: string,
  responseBody: string,
): { method: string; url: string; status: number; type: string }[] {
  const requests = batchRequestLines(requestBody);
  const out: { method: string; url: string; status: number; type: string }[] = [];
  batchResponseParts(responseBody).forEach((part, i) => {
    const status = Number((/HTTP\/1\.1 (\d{3})/.exec(part) as RegExpExecArray)[1]);
    if (status >= 400)
      out.push({ method: requests[i]?.method ?? '?', url: requests[i]?.url ?? '?', status, type: errorType(part) });
  });
  return out;
}

/** Records the REST traffic of a page until `done()` is called. */
export function watchRest(page: Page): { done: () => Promise<RestTraffic> } {
  const traffic: RestTraffic = {
    responseBytes: 0,
    responses: 0,
    digestBytes: 0,
    subRequests: {},
    errorStatuses: [],
    errors: [],
    thresholdErrors: 0,
    parts: [],
  };
  const pending: Promise<void>[] = [];
  const isRest = (url: string): boolean => url.includes('/_api/');
  const onRequest = (req: Request): void => {
    if (!isRest(req.url()) || !/\/\$batch/i.test(req.url())) return;
    const body = req.postData() ?? '';
    for (const method of batchSubRequestMethods(body))
      traffic.subRequests[method] = (traffic.subRequests[method] ?? 0) + 1;
  };
  const onResponse = (res: Response): void => {
    if (!isRest(res.url())) return;
    pending.push(
      (async () => {
        let body: Buffer;
        try {
          body = await res.body();
        } catch {
          return;
        }
        if (isDigestRequest(res.url())) {
          traffic.digestBytes += body.length;
          return;
        }
        traffic.responses++;
        traffic.responseBytes += body.length;
        const text = body.toString('utf8');
        if (res.status() >= 400) {
          traffic.errorStatuses.push(res.status());
          traffic.errors.push(
            `${res.request().method()} ${describeUrl(res.url())} → ${res.status()} ${errorType(text)}`,
          );
        }
        if (/\/\$batch/i.test(res.url())) {
          traffic.parts.push(...batchPartSizes(res.request().postData() ?? '', text));
        } else {
          traffic.parts.push({ what: `${res.request().method()} ${describeUrl(res.url())}`, bytes: body.length });
        }
        if (/\/\$batch/i.test(res.url())) {
          for (const e of batchErrors(res.request().postData() ?? '', text)) {
            traffic.errorStatuses.push(e.status);
            traffic.errors.push(`${e.method} ${describeUrl(e.url)} → ${e.status} ${e.type}`);
          }
        }
        traffic.thresholdErrors += (text.match(/SPQueryThrottledException/g) ?? []).length;
      })(),
    );
  };
  page.on('request', onRequest);
  page.on('response', onResponse);
  return {
    done: async () => {
      page.off('request', onRequest);
      page.off('response', onResponse);
      await Promise.all(pending);
      return traffic;
    },
  };
}

/**
 * An init script: records in `window.__mpkUsableAt` the `performance.now()` at which `selector` first
 * matched an element with a box (checked on every DOM mutation and animation frame).
 */
export function usableProbeScript(selector: string): string {
  return `(() => {
  const sel = ${JSON.stringify(selector)};
  const visible = (el) => { const r = el.getBoundingClientRect(); const s = getComputedStyle(el); return r.width > 0 && r.height > 0 && s.visibility !== 'hidden' && s.display !== 'none'; };
  const check = () => {
    if (window.__mpkUsableAt !== undefined) return true;
    const el = document.querySelector(sel);
    if (el && visible(el)) { window.__mpkUsableAt = performance.now(); return true; }
    return false;
  };
  const start = () => {
    if (check()) return;
    const mo = new MutationObserver(() => { if (check()) mo.disconnect(); });
    mo.observe(document.documentElement, { childList: true, subtree: true, attributes: true });
    const tick = () => { if (!check()) requestAnimationFrame(tick); else mo.disconnect(); };
    requestAnimationFrame(tick);
  };
  if (document.documentElement) start(); else document.addEventListener('DOMContentLoaded', start);
})();`;
}

/** Counts a page's requests in flight, so a caller can wait until the network has been quiet for a while. */
export function trackNetwork(page: Page): {
  quiet: (quietMs: number, maxMs: number) => Promise<boolean>;
  stop: () => void;
} {
  let inflight = 0;
  let last = Date.now();
  const up = (): void => {
    inflight++;
    last = Date.now();
  };
  const down = (): void => {
    inflight = Math.max(0, inflight - 1);
    last = Date.now();
  };
  page.on('request', up);
  page.on('requestfinished', down);
  page.on('requestfailed', down);
  return {
    quiet: async (quietMs, maxMs) => {
      const until = Date.now() + maxMs;
      while (Date.now() < until) {
        if (inflight === 0 && Date.now() - last >= quietMs) return true;
        await new Promise((r) => setTimeout(r, 50));
      }
      return false;
    },
    stop: () => {
      page.off('request', up);
      page.off('requestfinished', down);
      page.off('requestfailed', down);
    },
  };
}

/** Options of `openView`. */
export interface OpenViewOptions {
  url: string;
  /** Origin of the local SharePoint (for its request log). */
  origin: string;
  /** CSS selector of the element that makes the view usable. */
  usableSelector: string;
  timeoutMs?: number;
  /** Keep the page open (the caller closes the context). */
  keepOpen?: boolean;
  /** After the view is usable, wait until no request has been in flight for this long (default 1,500 ms), so late requests are counted. */
  settleMs?: number;
  /** Called with the new context before navigation (routes, headers …). */
  prepare?: (context: BrowserContext) => Promise<void>;
}

/** Opens a view in a fresh browser context (empty cache) and measures it. */
export async function openView(
  browser: Browser,
  options: OpenViewOptions,
): Promise<ViewMeasurement & { page?: Page; context?: BrowserContext }> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'da-DK' });
  if (options.prepare) await options.prepare(context);
  const page = await context.newPage();
  await page.addInitScript({ content: usableProbeScript(options.usableSelector) });
  await resetServerRequests(options.origin);
  const watcher = watchRest(page);
  const network = trackNetwork(page);
  let error: string | undefined;
  let usableMs: number | null = null;
  try {
    await page.goto(options.url, { waitUntil: 'commit', timeout: options.timeoutMs ?? 120000 });
    await page.waitForFunction(
      () => (window as unknown as { __mpkUsableAt?: number }).__mpkUsableAt !== undefined,
      undefined,
      {
        timeout: options.timeoutMs ?? 120000,
        polling: 50,
      },
    );
    usableMs = await page.evaluate(() => (window as unknown as { __mpkUsableAt: number }).__mpkUsableAt);
  } catch (e) {
    error = `view not usable: ${options.usableSelector} did not appear within ${((options.timeoutMs ?? 120000) / 1000).toFixed(0)} s (${await pageState(page)})`;
    void e;
  }
  await network.quiet(options.settleMs ?? 1500, 30000);
  network.stop();
  const traffic = await watcher.done();
  const heading = await firstHeading(page);
  const logged = await serverRequests(options.origin);
  const digest = logged.filter((r) => isDigestRequest(r.path)).length;
  const requests = logged.filter((r) => !isDigestRequest(r.path));
  if (options.keepOpen)
    return { url: options.url, usableMs, requests, digestRequests: digest, traffic, heading, error, page, context };
  await context.close();
  return { url: options.url, usableMs, requests, digestRequests: digest, traffic, heading, error };
}

/** The text of the first visible h1–h3 in the page's main content. */
export async function firstHeading(page: Page): Promise<string | undefined> {
  try {
    return await page.evaluate(() => {
      const root = document.querySelector('main') ?? document.body;
      const h = [...root.querySelectorAll('h1, h2, h3')].find((el) => (el as HTMLElement).offsetParent !== null);
      return h ? (h.textContent ?? '').trim().slice(0, 80) : undefined;
    });
  } catch {
    return undefined;
  }
}

/** A short description of a page's visible state, for error messages (first alert or heading). */
export async function pageState(page: Page): Promise<string> {
  try {
    return await page.evaluate(() => {
      const alert = document.querySelector('[role="alert"]');
      if (alert && alert.textContent) return `alert: ${alert.textContent.trim().slice(0, 160)}`;
      const main = document.querySelector('main') ?? document.body;
      return `page: ${(main.textContent ?? '').trim().replace(/\s+/g, ' ').slice(0, 160)}`;
    });
  } catch (e) {
    return `page unreadable (${e instanceof Error ? e.message : String(e)})`;
  }
}
