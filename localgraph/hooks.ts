/**
 * Test and demo hooks of the local Graph under `/_local/graph/` (no sign-in; the same refusal of other origins
 * and of non-JSON POSTs as the SharePoint hooks, `localsp/local/hooks.ts`):
 * `GET|POST /consent`, `GET|POST /teams`, `GET|POST /installations`, `GET /inbox?user=<email>`,
 * `GET /requests`, `POST /requests/reset`, `GET /drive?user=<email>`. `POST /_local/reset` resets the Graph too
 * (server.ts). `GET /download/<token>` is not a hook but the pre-authenticated download URL of a drive file (Graph's
 * `@microsoft.graph.downloadUrl`): no sign-in and no origin check, as the browser follows Graph's 302 to it.
 */
import type { IncomingMessage, ServerResponse } from 'http';
import { refuse } from '../localsp/local/hooks';
import type { RequestLog } from '../localsp/local/requestlog';
import type { Site } from '../localsp/model/site';
import { download, DOWNLOAD_PATH, driveFiles } from './drive';
import { inboxOf } from './inbox';
import { setInstalled } from './installs';
import type { GraphStore } from './state';
import { readTeams, registerTeams } from './teams';

/** What the hooks act on. */
export interface GraphHookDeps {
  site: Site;
  store: GraphStore;
  log: RequestLog;
}

type Hook = (deps: GraphHookDeps, input: unknown, url: URL) => unknown;

const HOOKS: Record<string, Hook> = {
  'GET consent': (d) => ({ scopes: d.store.data.consent }),
  'POST consent': (d, input) => {
    const scopes = (input as { scopes?: unknown })?.scopes;
    if (!Array.isArray(scopes) || !scopes.every((s) => typeof s === 'string'))
      throw new Error('"scopes" must be an array of strings');
    d.store.data.consent = [...scopes];
    return { scopes: d.store.data.consent };
  },
  'GET teams': (d) => ({ teams: d.store.data.teams }),
  'POST teams': (d, input) => {
    registerTeams(d, readTeams(d.site, input));
    return { teams: d.store.data.teams };
  },
  'GET installations': (d) => ({ notInstalled: d.store.data.notInstalled }),
  'POST installations': (d, input) => {
    const { user, installed } = (input ?? {}) as { user?: unknown; installed?: unknown };
    const found = typeof user === 'string' ? d.site.userByEmail(user) : undefined;
    if (!found) throw new Error('"user" must be the e-mail of a directory user');
    if (typeof installed !== 'boolean') throw new Error('"installed" must be true or false');
    setInstalled(d, found.email, installed);
    return { user: found.email, installed };
  },
  'GET inbox': (d, _input, url) => {
    const email = url.searchParams.get('user') ?? '';
    if (!d.site.userByEmail(email)) throw new Error('"user" must be the e-mail of a directory user');
    return inboxOf(d.store, email);
  },
  'GET drive': (d, _input, url) => {
    const email = url.searchParams.get('user') ?? '';
    if (!d.site.userByEmail(email)) throw new Error('"user" must be the e-mail of a directory user');
    return driveFiles(d.store, email);
  },
  'GET requests': (d) => d.log.list(),
  'POST requests/reset': (d) => {
    d.log.reset();
    return { ok: true };
  },
};

/** Answers `/_local/graph/...`; returns false when the path is not one of these hooks. */
export async function handleGraphHook(
  deps: GraphHookDeps,
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
  body: string,
): Promise<boolean> {
  const method = req.method ?? 'GET';
  if (url.pathname.startsWith(DOWNLOAD_PATH) && (method === 'GET' || method === 'HEAD'))
    return answerDownload(deps, res, url.pathname.slice(DOWNLOAD_PATH.length), method === 'HEAD');
  const name = url.pathname.replace(/\/+$/, '').slice('/_local/graph/'.length);
  const hook = HOOKS[`${method} ${name}`];
  if (!hook) return false;
  const refusal = refuse(req, method);
  if (refusal) return json(res, refusal.status, { error: refusal.error });
  try {
    const result = hook(deps, body.trim() === '' ? {} : (JSON.parse(body) as unknown), url);
    if (method === 'POST') deps.store.save();
    return json(res, 200, result);
  } catch (e) {
    return json(res, 400, { error: e instanceof Error ? e.message : String(e) });
  }
}

/**
 * A download URL: 200 with the file's bytes and Content-Type; an unknown, expired or deleted one 401 (UNCONFIRMED:
 * what SharePoint answers for a stale `tempauth` URL).
 */
function answerDownload(deps: GraphHookDeps, res: ServerResponse, token: string, head: boolean): true {
  const file = download(deps.store, token, Date.now());
  const cors = { 'Access-Control-Allow-Origin': '*' };
  if (!file) {
    const buf = Buffer.from(
      JSON.stringify({ error: { code: 'unauthenticated', message: 'The download URL is invalid or has expired.' } }),
    );
    res.writeHead(401, { ...cors, 'Content-Type': 'application/json', 'Content-Length': String(buf.length) });
    res.end(head ? undefined : buf);
    return true;
  }
  res.writeHead(200, {
    ...cors,
    'Content-Type': file.mimeType,
    'Content-Length': String(file.bytes.length),
    'Cache-Control': 'no-store',
  });
  res.end(head ? undefined : file.bytes);
  return true;
}

function json(res: ServerResponse, status: number, value: unknown): true {
  const buf = Buffer.from(JSON.stringify(value), 'utf8');
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Content-Length': String(buf.length) });
  res.end(buf);
  return true;
}
