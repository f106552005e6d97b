/**
 * One REST call over HTTP: injected faults, identity (`Authorization: Bearer <email>`), dispatch or
 * `$batch`, journal flush (fsync) before the answer, the request log, and writing the answer.
 */
import type { IncomingMessage, ServerResponse } from 'http';
import { dispatch } from '../api/web';
import type { Ctx } from '../api/context';
import { boundaryOf, formatOf, parseBatch, PartResult, writeBatchResponse } from '../batch';
import type { Faults } from '../local/faults';
import type { RequestLog } from '../local/requestlog';
import { spDate } from '../model/names';
import type { Site } from '../model/site';
import type { UserRecord } from '../model/types';
import { isSpError, SpError, spException } from './errors';
import { buildRequest, effectiveMethod } from './request';
import { ApiResponse, contentType, errorResponse, Format, serializeBody } from './response';

/** What the pipeline needs from the server. */
export interface RestDeps {
  site: Site;
  sitePath: string;
  faults: Faults;
  log: RequestLog;
  quiet: boolean;
  /** Makes committed operations durable (journal fsync, compaction). */
  persist: () => void;
}

interface Answer {
  status: number;
  headers: Record<string, string>;
  body: string | Buffer | null;
  batchParts?: number;
  write: boolean;
}

/** Handles a request under `{sitePath}/_api/`. */
export async function handleRest(
  deps: RestDeps,
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
  raw: Buffer,
): Promise<void> {
  const body = raw.toString('utf8');
  const started = Date.now();
  const headers = lowerHeaders(req);
  const method = effectiveMethod(req.method ?? 'GET', headers);
  const path = url.pathname + url.search;
  const latency = deps.faults.latency();
  if (latency > 0) await new Promise((r) => setTimeout(r, latency));
  const user = identify(deps.site, headers.authorization);
  const logEntry = (status: number, extra: { batchParts?: number; lost?: boolean } = {}): void =>
    deps.log.add({
      method,
      path,
      status,
      user: user?.email ?? null,
      ...extra,
      at: new Date(started).toISOString(),
      ms: Date.now() - started,
    });

  const throttled = deps.faults.takeThrottle();
  if (throttled) {
    // Throttled as SharePoint Online does (fidelity row 29): "429 TOO MANY REQUESTS", text/plain, Retry-After.
    send(res, throttled.status, throttled.headers, throttled.body);
    logEntry(throttled.status);
    return;
  }
  if (!user) {
    // UNCONFIRMED choice among SharePoint's 401 bodies: the bearer-token form.
    send(
      res,
      401,
      {
        'Content-Type': 'application/json; charset=utf-8',
        'WWW-Authenticate': 'Bearer realm="mpk-local",client_id="00000003-0000-0ff1-ce00-000000000000"',
      },
      JSON.stringify({ error_description: 'Invalid JWT token. The token is not in JWS format.' }),
    );
    logEntry(401);
    return;
  }
  // X-RequestDigest is accepted but not checked: SharePoint does not require it with bearer sign-in,
  // which is what `Authorization: Bearer <email>` stands for here.
  const apiPath = url.pathname.slice(`${deps.sitePath}/_api/`.length);
  const origin = `http://${headers.host ?? `${req.socket.localAddress}:${req.socket.localPort}`}`;
  const answer = /^\$batch\/?$/i.test(apiPath)
    ? runBatch(deps, { headers, body, origin, user })
    : runOne(deps, {
        method: req.method ?? 'GET',
        path: url.pathname,
        search: url.search,
        apiPath,
        headers,
        body,
        raw,
        origin,
        user,
      });
  deps.persist();
  if (answer.write && deps.faults.takeLostResponse()) {
    logEntry(answer.status, { batchParts: answer.batchParts, lost: true });
    res.socket?.destroy();
    return;
  }
  send(res, answer.status, answer.headers, answer.body);
  logEntry(answer.status, answer.batchParts !== undefined ? { batchParts: answer.batchParts } : {});
}

function lowerHeaders(req: IncomingMessage): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(req.headers))
    if (v !== undefined) out[k.toLowerCase()] = Array.isArray(v) ? v.join(', ') : v;
  return out;
}

/** The caller: a directory user named by `Authorization: Bearer <email>`. */
function identify(site: Site, authorization: string | undefined): UserRecord | null {
  const m = /^Bearer\s+(.+)$/i.exec(authorization ?? '');
  if (!m) return null;
  return site.userByEmail(m[1].trim()) ?? null;
}

function formatFor(headers: Record<string, string>): Format {
  return formatOf(headers);
}

interface OneInput {
  method: string;
  path: string;
  search: string;
  apiPath: string;
  headers: Record<string, string>;
  body: string;
  raw?: Buffer;
  origin: string;
  user: UserRecord;
}

/** Executes one REST call and returns its ApiResponse (errors mapped to SharePoint's bodies). */
export function execute(
  deps: RestDeps,
  input: OneInput,
  now: string,
): { response: ApiResponse; format: Format; isError: boolean; method: string } {
  const format = formatFor(input.headers);
  const method = effectiveMethod(input.method, input.headers);
  try {
    const req = buildRequest(input);
    const ctx: Ctx = {
      site: deps.site,
      req,
      user: input.user,
      siteUrl: `${input.origin}${deps.sitePath}`,
      sitePath: deps.sitePath,
      now,
    };
    return { response: dispatch(ctx), format, isError: false, method };
  } catch (e) {
    const err = isSpError(e) ? e : unexpected(deps, e);
    return { response: errorResponse(err, format), format, isError: true, method };
  }
}

function unexpected(deps: RestDeps, e: unknown): SpError {
  if (!deps.quiet) console.error('localsp: unexpected error', e);
  return spException(`Unexpected error in the local SharePoint: ${e instanceof Error ? e.message : String(e)}`);
}

function runOne(deps: RestDeps, input: OneInput): Answer {
  const { response, format, isError, method } = execute(deps, input, spDate(new Date()));
  const headers: Record<string, string> = { ...response.headers };
  let body: string | Buffer | null = null;
  if (response.bytes) body = response.bytes;
  else if (response.body !== null && response.status !== 204) {
    headers['Content-Type'] = contentType(format);
    body = serializeBody(response.body, format, isError, `${input.origin}${deps.sitePath}/_api`);
  }
  const write = method !== 'GET' && !/^contextinfo\/?$/i.test(input.apiPath);
  return { status: response.status, headers, body, write };
}

function runBatch(
  deps: RestDeps,
  input: { headers: Record<string, string>; body: string; origin: string; user: UserRecord },
): Answer {
  const boundary = boundaryOf(input.headers['content-type']);
  const format = formatFor(input.headers);
  const apiBase = `${input.origin}${deps.sitePath}/_api`;
  let parts;
  try {
    if (!boundary)
      throw new SpError(
        400,
        '-1, Microsoft.SharePoint.Client.InvalidClientQueryException',
        'The batch request must have a multipart/mixed content type with a boundary.',
      );
    parts = parseBatch(input.body, boundary);
  } catch (e) {
    const err = isSpError(e) ? e : unexpected(deps, e);
    const r = errorResponse(err, format);
    return {
      status: r.status,
      headers: { 'Content-Type': contentType(format) },
      body: serializeBody(r.body as NonNullable<ApiResponse['body']>, format, true, apiBase),
      write: false,
    };
  }
  const now = spDate(new Date());
  const results: PartResult[] = parts.map((p) => executePart(deps, p, input, now));
  const out = writeBatchResponse(results, apiBase);
  return {
    status: 200,
    headers: { 'Content-Type': out.contentType },
    body: out.body,
    batchParts: parts.length,
    write: parts.some((p) => p.method !== 'GET'),
  };
}

function executePart(
  deps: RestDeps,
  part: { method: string; url: string; headers: Record<string, string>; body: string },
  outer: { origin: string; user: UserRecord },
  now: string,
): PartResult {
  let url: URL;
  try {
    url = new URL(part.url, `${outer.origin}${deps.sitePath}/`);
  } catch {
    const format = formatFor(part.headers);
    return {
      response: errorResponse(
        new SpError(
          400,
          '-1, Microsoft.SharePoint.Client.InvalidClientQueryException',
          `The URL '${part.url}' is not valid.`,
        ),
        format,
      ),
      format,
      isError: true,
    };
  }
  const prefix = `${deps.sitePath}/_api/`;
  if (
    url.origin.toLowerCase() !== outer.origin.toLowerCase() ||
    !url.pathname.toLowerCase().startsWith(prefix.toLowerCase())
  ) {
    // A part must address the site the $batch was posted to (issue 21 item 8): another host or another
    // site is refused and not executed. UNCONFIRMED: SharePoint's status and wording for this case.
    const format = formatFor(part.headers);
    const refusal = new SpError(
      400,
      '-1, Microsoft.SharePoint.Client.InvalidClientQueryException',
      `The request URI '${part.url}' of a batch part does not address the site '${outer.origin}${deps.sitePath}'.`,
    );
    return { response: errorResponse(refusal, format), format, isError: true };
  }
  const r = execute(
    deps,
    {
      method: part.method,
      path: url.pathname,
      search: url.search,
      apiPath: url.pathname.slice(prefix.length),
      headers: part.headers,
      body: part.body,
      origin: outer.origin,
      user: outer.user,
    },
    now,
  );
  return { response: r.response, format: r.format, isError: r.isError };
}

function send(
  res: ServerResponse,
  status: number,
  headers: Record<string, string>,
  body: string | Buffer | null,
): void {
  const buf = body === null ? null : typeof body === 'string' ? Buffer.from(body, 'utf8') : body;
  res.writeHead(status, {
    ...headers,
    'Content-Length': String(buf ? buf.length : 0),
    'X-SharePointHealthScore': '0',
    SPRequestGuid: randomRequestId(),
    'X-Content-Type-Options': 'nosniff',
  });
  res.end(buf ?? undefined);
}

function randomRequestId(): string {
  const hex = (n: number): string =>
    Array.from({ length: n }, () => Math.floor(Math.random() * 16).toString(16)).join('');
  return `${hex(8)}-${hex(4)}-4${hex(3)}-a${hex(3)}-${hex(12)}`;
}
