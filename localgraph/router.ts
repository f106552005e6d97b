/**
 * One call under `/graph/v1.0/`: injected faults (`/_local/faults` key `graph`), identity
 * (`Authorization: Bearer <email>` of a directory user, else 401 `InvalidAuthenticationToken`), the route
 * (OneDrive's path addressing `…/approot:/{name}:/content` read as the segments `approot:`, `{name}`, `content`),
 * the approved scopes (403 `Forbidden` "Missing scope permissions …"), the handler, graph.json after a change,
 * and the request log.
 */
import { randomUUID } from 'crypto';
import type { IncomingMessage, ServerResponse } from 'http';
import type { Faults } from '../localsp/local/faults';
import type { RequestLog } from '../localsp/local/requestlog';
import type { Site } from '../localsp/model/site';
import type { UserRecord } from '../localsp/model/types';
import type { AppInfo } from './app';
import type { GraphCtx } from './context';
import { errorAnswer, GraphAnswer, GraphError, sendAnswer, tooManyRequests } from './http';
import type { Limits } from './limits';
import { match } from './routes';
import type { GraphStore } from './state';

/** What the Graph pipeline needs from the server. */
export interface GraphDeps {
  site: Site;
  store: GraphStore;
  app: AppInfo;
  limits: Limits;
  faults: Faults;
  log: RequestLog;
  quiet: boolean;
}

/** Handles a request whose path starts with `/graph/v1.0/`. */
export async function handleGraph(
  deps: GraphDeps,
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
  bytes: Buffer,
): Promise<void> {
  const started = Date.now();
  const method = (req.method ?? 'GET').toUpperCase();
  const ids = { requestId: randomUUID(), clientRequestId: header(req, 'client-request-id') ?? randomUUID() };
  const authorization = header(req, 'authorization');
  const caller = identify(deps.site, authorization);
  let answer: GraphAnswer;
  try {
    answer = run(deps, {
      method,
      url,
      bytes,
      caller,
      signedIn: !!authorization,
      origin: `http://${header(req, 'host') ?? 'localhost'}`,
      header: (name) => header(req, name),
    });
  } catch (e) {
    if (!(e instanceof GraphError) && !deps.quiet) console.error('localgraph: request failed', e);
    const err = e instanceof GraphError ? e : new GraphError(500, 'InternalServerError', 'An internal error occurred.');
    answer = errorAnswer(err, ids);
  }
  sendAnswer(res, answer, ids);
  deps.log.add({
    method,
    path: url.pathname + url.search,
    status: answer.status,
    user: caller?.email ?? null,
    at: new Date(started).toISOString(),
    ms: Date.now() - started,
  });
}

interface Call {
  method: string;
  url: URL;
  bytes: Buffer;
  caller: UserRecord | null;
  signedIn: boolean;
  origin: string;
  header: (name: string) => string | undefined;
}

function run(deps: GraphDeps, call: Call): GraphAnswer {
  injectedFault(deps.faults);
  if (!call.caller) {
    // Graph's text for a missing token; a bearer of an unknown user stands for a token Graph cannot validate.
    const message = call.signedIn ? 'Access token validation failure.' : 'Access token is empty.';
    throw new GraphError(401, 'InvalidAuthenticationToken', message);
  }
  let segments = pathSegments(call.url.pathname.replace(/^\/graph\/v1\.0\//i, '').replace(/\/+$/, ''));
  if (segments[0]?.toLowerCase() === 'me' && segments.length > 1)
    segments = ['users', call.caller.email, ...segments.slice(1)];
  const { route, args } = match(call.method, segments);
  const consent = deps.store.data.consent;
  if (route.scopes.length > 0 && !route.scopes.some((s) => consent.some((c) => c.toLowerCase() === s.toLowerCase()))) {
    throw new GraphError(
      403,
      'Forbidden',
      `Missing scope permissions on the request. API requires one of '${route.scopes.join(', ')}'. ` +
        `Scopes on the request '${consent.join(', ')}'`,
    );
  }
  const ctx: GraphCtx = {
    ...deps,
    caller: call.caller,
    now: new Date(),
    method: call.method,
    segments,
    query: call.url.searchParams,
    body: call.bytes.toString('utf8'),
    bytes: call.bytes,
    origin: call.origin,
    header: call.header,
  };
  const answer = route.run(ctx, args);
  if (call.method !== 'GET') deps.store.save();
  return answer;
}

/** A `/_local/faults` `graph` fault, thrown as Graph's error. */
function injectedFault(faults: Faults): void {
  const fault = faults.takeGraphFault();
  if (!fault) return;
  if (fault.kind === 'throttle') throw tooManyRequests(fault.retryAfter);
  throw new GraphError(
    fault.status,
    fault.code,
    `Injected failure (${fault.status} ${fault.code}) from /_local/faults.`,
  );
}

/**
 * The decoded segments of a path. OneDrive's path addressing after the app folder, `…/approot:/{name}` with an
 * optional `:` and `/{more}`, becomes `…`, `approot:`, `{name}`, `{more}…` (the name one segment).
 */
function pathSegments(raw: string): string[] {
  const split = (p: string): string[] => (p === '' ? [] : p.split('/').map(decodeSegment));
  const m = /^(.*\/approot):\/([^:]*)(?::(\/.*)?)?$/i.exec(raw);
  if (!m) return split(raw);
  const head = split(m[1]);
  head[head.length - 1] += ':';
  return [...head, decodeSegment(m[2]), ...split((m[3] ?? '').replace(/^\//, ''))];
}

function decodeSegment(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

function header(req: IncomingMessage, name: string): string | undefined {
  const v = req.headers[name];
  return Array.isArray(v) ? v.join(', ') : v;
}

function identify(site: Site, authorization: string | undefined): UserRecord | null {
  const m = /^Bearer\s+(.+)$/i.exec(authorization ?? '');
  return m ? (site.userByEmail(m[1].trim()) ?? null) : null;
}
