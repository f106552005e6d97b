/**
 * One call under `/graph/v1.0/`: injected faults (`/_local/faults` key `graph`), identity
 * (`Authorization: Bearer <email>` of a directory user, else 401 `InvalidAuthenticationToken`), the route,
 * the approved scopes (403 `Forbidden` "Missing scope permissions …"), the handler, graph.json after a change,
 * and the request log.
 */
import { randomUUID } from 'crypto';
import type { IncomingMessage, ServerResponse } from 'http';
import type { Faults } from '../localsp/local/faults';
import type { RequestLog } from '../localsp/local/requestlog';
import type { Site } from '../localsp/model/site';
import type { UserRecord } from '../localsp/model/types';
import { notifyChat, notifyRecipients, notifyTeam, notifyUser } from './activity';
import type { AppInfo } from './app';
import { createChat, postChatMessage } from './chats';
import type { GraphCtx } from './context';
import { findUser, userAnswer } from './directory';
import { errorAnswer, GraphAnswer, GraphError, sendAnswer, tooManyRequests } from './http';
import { listInstalledApps } from './installs';
import type { Limits } from './limits';
import type { GraphStore } from './state';
import { postChannelMessage } from './teams';

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

interface Route {
  method: 'GET' | 'POST';
  /** Segments; `*` matches one. */
  path: string;
  /** Scopes any one of which allows the call; empty: always allowed (User.Read is implied). */
  scopes: string[];
  run: (ctx: GraphCtx, args: string[]) => GraphAnswer;
}

const USERS = ['User.ReadBasic.All', 'User.Read.All', 'User.ReadWrite.All', 'Directory.Read.All'];
const ACTIVITY = ['TeamsActivity.Send'];

const ROUTES: Route[] = [
  {
    method: 'GET',
    path: 'me',
    scopes: [],
    run: (c) => ({ status: 200, body: userAnswer(c.caller, c.query.get('$select')) }),
  },
  { method: 'GET', path: 'users/*', scopes: USERS, run: (c, [id]) => getUser(c, id) },
  {
    method: 'POST',
    path: 'users/*/teamwork/sendActivityNotification',
    scopes: ACTIVITY,
    run: (c, [id]) => notifyUser(c, id),
  },
  {
    method: 'GET',
    path: 'users/*/teamwork/installedApps',
    scopes: ['TeamsAppInstallation.ReadForUser', 'TeamsAppInstallation.ReadWriteForUser'],
    run: (c, [id]) => listInstalledApps(c, id),
  },
  {
    method: 'POST',
    path: 'teams/*/channels/*/messages',
    scopes: ['ChannelMessage.Send', 'Group.ReadWrite.All'],
    run: (c, [team, channel]) => postChannelMessage(c, team, channel),
  },
  { method: 'POST', path: 'teams/*/sendActivityNotification', scopes: ACTIVITY, run: (c, [id]) => notifyTeam(c, id) },
  { method: 'POST', path: 'chats', scopes: ['Chat.Create', 'Chat.ReadWrite'], run: (c) => createChat(c) },
  {
    method: 'POST',
    path: 'chats/*/messages',
    scopes: ['ChatMessage.Send', 'Chat.ReadWrite'],
    run: (c, [id]) => postChatMessage(c, id),
  },
  { method: 'POST', path: 'chats/*/sendActivityNotification', scopes: ACTIVITY, run: (c, [id]) => notifyChat(c, id) },
  {
    method: 'POST',
    path: 'teamwork/sendActivityNotificationToRecipients',
    scopes: ACTIVITY,
    run: (c) => notifyRecipients(c),
  },
];

function getUser(ctx: GraphCtx, idOrUpn: string): GraphAnswer {
  const user = findUser(ctx.site, idOrUpn);
  if (!user)
    throw new GraphError(
      404,
      'Request_ResourceNotFound',
      `Resource '${idOrUpn}' does not exist or one of its queried reference-property objects are not present.`,
    );
  return { status: 200, body: userAnswer(user, ctx.query.get('$select')) };
}

/** The route and its `*` values, or a 400/405 as Graph answers an unknown segment or verb. */
function match(method: string, segments: string[]): { route: Route; args: string[] } {
  let pathOnly = false;
  for (const route of ROUTES) {
    const parts = route.path.split('/');
    if (parts.length !== segments.length) continue;
    const args: string[] = [];
    const fits = parts.every((p, i) =>
      p === '*' ? args.push(segments[i]) > 0 : p.toLowerCase() === segments[i].toLowerCase(),
    );
    if (!fits) continue;
    if (route.method === method) return { route, args };
    pathOnly = true;
  }
  if (pathOnly) throw new GraphError(405, 'Request_BadRequest', `The HTTP method '${method}' is not allowed here.`);
  throw new GraphError(400, 'BadRequest', `Resource not found for the segment '${segments[0] ?? ''}'.`);
}

/** Handles a request whose path starts with `/graph/v1.0/`. */
export async function handleGraph(
  deps: GraphDeps,
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
  body: string,
): Promise<void> {
  const started = Date.now();
  const method = (req.method ?? 'GET').toUpperCase();
  const ids = { requestId: randomUUID(), clientRequestId: header(req, 'client-request-id') ?? randomUUID() };
  const authorization = header(req, 'authorization');
  const caller = identify(deps.site, authorization);
  let answer: GraphAnswer;
  try {
    answer = run(deps, { method, url, body, caller, signedIn: !!authorization });
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
  body: string;
  caller: UserRecord | null;
  signedIn: boolean;
}

function run(deps: GraphDeps, call: Call): GraphAnswer {
  injectedFault(deps.faults);
  if (!call.caller) {
    // Graph's text for a missing token; a bearer of an unknown user stands for a token Graph cannot validate.
    const message = call.signedIn ? 'Access token validation failure.' : 'Access token is empty.';
    throw new GraphError(401, 'InvalidAuthenticationToken', message);
  }
  let segments = call.url.pathname
    .replace(/^\/graph\/v1\.0\//i, '')
    .replace(/\/+$/, '')
    .split('/')
    .map(decodeSegment);
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
    body: call.body,
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
