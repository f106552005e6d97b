/**
 * Test and benchmark hooks under `/_local/` (never under `/_api/`):
 * `GET /_local/requests`, `POST /_local/requests/reset`, `GET|POST /_local/faults`, `POST /_local/reset`,
 * `POST /_local/users`, `POST /_local/lists/<title>/bulk`, `POST /_local/compact`, `GET /_local/health`.
 */
import type { IncomingMessage, ServerResponse } from 'http';
import { buildNewItem } from '../api/items';
import { errorBody, isSpError, SpError } from '../http/errors';
import { readItemBody } from '../model/items';
import { loginNameFor, spDate } from '../model/names';
import type { Site } from '../model/site';
import type { ItemRecord, JsonObject, JsonValue, UserRecord } from '../model/types';
import { userRecord } from '../seed';
import type { Faults, FaultSettings } from './faults';
import type { RequestLog } from './requestlog';

/** What the hooks act on. */
export interface HookDeps {
  site: Site;
  faults: Faults;
  log: RequestLog;
  persist: () => void;
  /** Writes a snapshot now (compaction). */
  compact: () => void;
  /** Back to the seed: base state, then the seed function if any. */
  reset: () => Promise<void>;
}

/** Answers `/_local/...`; returns false when the path is not a hook. */
export async function handleHook(
  deps: HookDeps,
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
  body: string,
): Promise<boolean> {
  const method = req.method ?? 'GET';
  const path = url.pathname.replace(/\/+$/, '');
  const refusal = refuse(req, method);
  if (refusal) return json(res, refusal.status, { error: refusal.error });
  try {
    if (path === '/_local/health' && method === 'GET') return json(res, 200, { ok: true });
    if (path === '/_local/requests' && method === 'GET') return json(res, 200, deps.log.list());
    if (path === '/_local/requests/reset' && method === 'POST') {
      deps.log.reset();
      return json(res, 200, { ok: true });
    }
    if (path === '/_local/faults' && method === 'GET') return json(res, 200, deps.faults.get());
    if (path === '/_local/faults' && method === 'POST') {
      deps.faults.set(parse(body) as FaultSettings);
      return json(res, 200, deps.faults.get());
    }
    if (path === '/_local/reset' && method === 'POST') {
      await deps.reset();
      return json(res, 200, { ok: true });
    }
    if (path === '/_local/compact' && method === 'POST') {
      deps.compact();
      return json(res, 200, { ok: true });
    }
    if (path === '/_local/users' && method === 'POST') return json(res, 200, addUsers(deps, parse(body)));
    const bulk = /^\/_local\/lists\/([^/]+)\/bulk$/.exec(path);
    if (bulk && method === 'POST') return json(res, 200, bulkLoad(deps, decodeURIComponent(bulk[1]), parse(body)));
    return false;
  } catch (e) {
    if (isSpError(e))
      return json(res, e.status, { ...errorBody(e, false), index: (e as SpError & { index?: number }).index ?? null });
    return json(res, 400, { error: e instanceof Error ? e.message : String(e) });
  }
}

/**
 * The hooks need no sign-in, so a web page the developer happens to visit must not be able to call them
 * (issue 21 item 8): a request another origin sent (`Origin` of another host, or `Sec-Fetch-Site` other than
 * same-origin/none) is 403, and a POST must be `application/json` — a type a cross-site form cannot send and
 * a cross-site script cannot send without a CORS preflight, which this server never answers.
 */
export function refuse(req: IncomingMessage, method: string): { status: number; error: string } | null {
  const site = headerOf(req, 'sec-fetch-site');
  if (site && site !== 'same-origin' && site !== 'none')
    return { status: 403, error: `/_local/ refuses ${site} requests` };
  const origin = headerOf(req, 'origin');
  if (origin !== undefined && origin !== `http://${headerOf(req, 'host') ?? ''}`)
    return { status: 403, error: `/_local/ refuses requests from ${origin}` };
  if (method !== 'GET' && method !== 'HEAD') {
    const type = (headerOf(req, 'content-type') ?? '').split(';')[0].trim().toLowerCase();
    if (type !== 'application/json')
      return { status: 415, error: '/_local/ POSTs must be sent as Content-Type: application/json' };
  }
  return null;
}

function headerOf(req: IncomingMessage, name: string): string | undefined {
  const v = req.headers[name];
  return Array.isArray(v) ? v.join(', ') : v;
}

function json(res: ServerResponse, status: number, value: unknown): true {
  const buf = Buffer.from(JSON.stringify(value), 'utf8');
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Content-Length': String(buf.length) });
  res.end(buf);
  return true;
}

function parse(body: string): JsonValue {
  if (body.trim() === '') return {};
  return JSON.parse(body) as JsonValue;
}

interface UserInput {
  email: string;
  title?: string;
  groups?: string[];
  jobTitle?: string;
  department?: string;
  siteAdmin?: boolean;
  /** false: only a directory user (ensureuser adds them to the site later). Default true. */
  inSite?: boolean;
}

/** `POST /_local/users` `{email, title, groups?}` or an array of them: adds or updates accounts. */
function addUsers(deps: HookDeps, input: JsonValue): JsonObject[] {
  const list = (Array.isArray(input) ? input : [input]) as unknown as UserInput[];
  const out: JsonObject[] = [];
  for (const u of list) {
    if (!u || typeof u.email !== 'string' || !/^[^@\s]+@[^@\s]+$/.test(u.email))
      throw new Error('each user needs a valid "email"');
    const existing = deps.site.userByEmail(u.email);
    const id = existing ? existing.id : deps.site.takePrincipalId();
    const record: UserRecord = {
      ...(existing ?? userRecord(id, u.email, u.title ?? u.email)),
      title: u.title ?? existing?.title ?? u.email,
      loginName: loginNameFor(u.email),
      jobTitle: u.jobTitle ?? existing?.jobTitle ?? '',
      department: u.department ?? existing?.department ?? '',
      isSiteAdmin: u.siteAdmin ?? existing?.isSiteAdmin ?? false,
      inSite: u.inSite ?? true,
    };
    deps.site.commit({ t: 'user', user: record });
    for (const name of u.groups ?? []) {
      const g = [...deps.site.groups.values()].find((x) => x.title.toLowerCase() === name.toLowerCase());
      if (!g) throw new Error(`unknown group '${name}'`);
      if (!g.memberIds.includes(id)) deps.site.commit({ t: 'group', group: { ...g, memberIds: [...g.memberIds, id] } });
    }
    out.push({ Id: id, Email: record.email, Title: record.title, LoginName: record.loginName });
  }
  deps.persist();
  return out;
}

/**
 * `POST /_local/lists/<title>/bulk` `{items:[…], author}`: validated exactly like REST adds (columns,
 * types, required, unique; moderated lists start Pending unless OData__ModerationStatus is given), then
 * written as one journal record. Test-only extras per item: `Created`, `Modified` (ISO dates).
 */
function bulkLoad(deps: HookDeps, title: string, input: JsonValue): JsonObject {
  const body = (input ?? {}) as JsonObject;
  const rt = deps.site.listByTitle(title);
  if (!rt) throw new SpError(404, '-1, System.ArgumentException', `List '${title}' does not exist.`);
  const author = typeof body.author === 'string' ? deps.site.userByEmail(body.author) : undefined;
  if (!author || !author.inSite) throw new Error('"author" must be the e-mail of a site user');
  if (!Array.isArray(body.items)) throw new Error('"items" must be an array');
  const now = spDate(new Date());
  const pending = new Map<string, Set<string>>();
  const records: ItemRecord[] = [];
  let id = rt.rec.nextItemId;
  body.items.forEach((raw, index) => {
    if (!raw || typeof raw !== 'object' || Array.isArray(raw)) throw new Error(`item ${index} is not an object`);
    const { Created, Modified, ...fields } = raw;
    try {
      const changes = readItemBody(fields, { site: deps.site, list: rt, verbose: false });
      const times = {
        created: dateOrUndefined(Created),
        modified: dateOrUndefined(Modified) ?? dateOrUndefined(Created),
      };
      records.push(buildNewItem({ site: deps.site, now }, rt, null, changes, author.id, pending, id, times));
      id += 1;
    } catch (e) {
      if (isSpError(e)) Object.assign(e, { index });
      throw e;
    }
  });
  if (records.length > 0) deps.site.commit({ t: 'items', list: rt.rec.id, items: records });
  deps.persist();
  return { count: records.length, firstId: records[0]?.id ?? null, lastId: records[records.length - 1]?.id ?? null };
}

function dateOrUndefined(v: JsonValue | undefined): string | undefined {
  if (typeof v !== 'string' || Number.isNaN(Date.parse(v))) return undefined;
  return spDate(v);
}
