/**
 * Test harness for anything that talks to the local SharePoint: starts a server on a free port with a
 * temporary data folder, and builds real PnPjs v4 instances signed in as a given user, composed like
 * SPBrowser (DefaultHeaders, DefaultInit, BrowserFetchWithRetry, DefaultParse, RequestDigest) so that
 * non-GETs first POST contextinfo and send X-RequestDigest, as in the browser.
 *
 * Usage:
 *   const server = await startServer();
 *   const sp = spFor(USERS.admin);            // the last started server
 *   await sp.web.lists.ensure('Stories');
 *   await server.close();
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { DefaultHeaders, DefaultInit, RequestDigest, spfi, SPFI } from '@pnp/sp';
import { BrowserFetchWithRetry, DefaultParse } from '@pnp/queryable';
import '@pnp/sp/webs';
import '@pnp/sp/lists';
import '@pnp/sp/items';
import '@pnp/sp/fields';
import '@pnp/sp/site-users/web';
import '@pnp/sp/site-groups/web';
import '@pnp/sp/security';
import '@pnp/sp/batching';
import { BearerAs } from '../../localsp/client';
import { startLocalSharePoint, type LocalSharePointOptions } from '../../localsp/server';
import type { FaultSettings } from '../../localsp/local/faults';
import type { LoggedRequest } from '../../localsp/local/requestlog';

export { BearerAs };

/** The demo accounts. */
export const USERS = {
  admin: 'admin@mpk.local',
  chef: 'chef@mpk.local',
  leder: 'leder@mpk.local',
  medarbejder: 'medarbejder@mpk.local',
} as const;

/** A running server plus its test hooks. */
export interface TestServer {
  url: string;
  siteUrl: string;
  dataDir: string;
  /** Stops the server; the temporary folder is removed unless `keepData`. */
  close(opts?: { keepData?: boolean }): Promise<void>;
  /** Requests since the last `resetRequests()`. */
  requests(): Promise<LoggedRequest[]>;
  resetRequests(): Promise<void>;
  /** Sets injected faults (`{}` clears them). */
  faults(settings: FaultSettings): Promise<void>;
  /** Back to the seed. */
  reset(): Promise<void>;
  /** Fast load through `/_local/lists/<title>/bulk`. */
  bulk(
    listTitle: string,
    items: Record<string, unknown>[],
    author?: string,
  ): Promise<{ count: number; firstId: number | null; lastId: number | null }>;
  /** Adds accounts through `/_local/users`. */
  addUsers(
    users: { email: string; title?: string; groups?: string[]; inSite?: boolean }[],
  ): Promise<{ Id: number; Email: string }[]>;
  /** A raw fetch against the site (path relative to the site URL, e.g. `_api/web`), signed in as `as`. */
  fetch(relPath: string, init?: RequestInit & { as?: string | null }): Promise<Response>;
}

let lastServer: TestServer | null = null;

/** Starts a local SharePoint on a free port with a fresh temporary folder (or `dataDir`). */
export async function startServer(options: Omit<LocalSharePointOptions, 'port'> = {}): Promise<TestServer> {
  const ownDir = !options.dataDir;
  const dataDir = options.dataDir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'mpk-localsp-'));
  const sp = await startLocalSharePoint({ quiet: true, fsync: false, ...options, port: 0, dataDir });
  const hook = async (p: string, body?: unknown): Promise<unknown> => {
    const res = await fetch(
      `${sp.url}/_local/${p}`,
      body === undefined
        ? {}
        : { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) },
    );
    const json: unknown = await res.json();
    if (!res.ok) throw new Error(`/_local/${p} failed: ${res.status} ${JSON.stringify(json)}`);
    return json;
  };
  const server: TestServer = {
    url: sp.url,
    siteUrl: sp.siteUrl,
    dataDir,
    async close(opts = {}) {
      await sp.close();
      if (ownDir && !opts.keepData) fs.rmSync(dataDir, { recursive: true, force: true });
      if (lastServer === server) lastServer = null;
    },
    requests: async () => (await hook('requests')) as LoggedRequest[],
    resetRequests: async () => {
      await hook('requests/reset', {});
    },
    faults: async (settings) => {
      await hook('faults', settings);
    },
    reset: async () => {
      await hook('reset', {});
    },
    bulk: async (listTitle, items, author = USERS.admin) =>
      (await hook(`lists/${encodeURIComponent(listTitle)}/bulk`, { items, author })) as {
        count: number;
        firstId: number | null;
        lastId: number | null;
      },
    addUsers: async (users) => (await hook('users', users)) as { Id: number; Email: string }[],
    fetch: (relPath, init = {}) => {
      const { as = USERS.admin, headers, ...rest } = init;
      const h = new Headers(headers);
      if (as) h.set('Authorization', `Bearer ${as}`);
      if (!h.has('Accept')) h.set('Accept', 'application/json');
      return fetch(`${sp.siteUrl}/${relPath}`, { ...rest, headers: h });
    },
  };
  lastServer = server;
  return server;
}

/** A real PnPjs root signed in as `email` against `server` (default: the last started one). */
export function spFor(email: string, server: TestServer | null = lastServer, options: { retries?: number } = {}): SPFI {
  if (!server) throw new Error('spFor: start a server first');
  return spfi(server.siteUrl).using(
    DefaultHeaders(),
    DefaultInit(),
    BrowserFetchWithRetry({ retries: options.retries ?? 3 }),
    DefaultParse(),
    RequestDigest(),
    BearerAs(email),
  );
}

/** The `odata.error` of a failed PnPjs call: status, code and message (HttpRequestError keeps the response). */
export async function spError(
  promise: Promise<unknown>,
): Promise<{ status: number; code: string; message: string; body: unknown }> {
  try {
    await promise;
  } catch (e) {
    const err = e as { status?: number; response?: Response; message?: string };
    if (!err.response) throw e;
    const text = await err.response.clone().text();
    let body: unknown = text;
    try {
      body = JSON.parse(text);
    } catch {
      // text/plain bodies stay text
    }
    const inner =
      (body as {
        'odata.error'?: { code: string; message: { value: string } };
        error?: { code: string; message: { value: string } };
      }) ?? {};
    const oe = inner['odata.error'] ?? inner.error;
    return { status: err.status ?? err.response.status, code: oe?.code ?? '', message: oe?.message?.value ?? '', body };
  }
  throw new Error('expected the call to fail');
}
