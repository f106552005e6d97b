/**
 * The local SharePoint: an HTTP server that PnPjs cannot tell from SharePoint Online for what the product
 * uses (shared/reference/sharepoint-rest.md), with its data in a crash-safe folder.
 *
 * Used by `npm start` (preview/serve.ts), the contract tests (tests/localsp) and the benchmark.
 */
import * as http from 'http';
import * as path from 'path';
import type { AddressInfo } from 'net';
import { serveFileUrl } from './api/files';
import { handleHook } from './local/hooks';
import { Faults } from './local/faults';
import { RequestLog } from './local/requestlog';
import { handleRest, RestDeps } from './http/rest';
import { Site } from './model/site';
import { baseState, DEMO_USERS, DemoUser } from './seed';
import { BlobStore } from './store/blobs';
import { DurableStore } from './store/journal';
import { createLocalGraph, type ActivityType } from '../localgraph';

/** What a seed function gets: where the site is and who may sign in. */
export interface SiteHandle {
  /** Origin, e.g. `http://127.0.0.1:4321`. */
  url: string;
  /** Site URL, e.g. `http://127.0.0.1:4321/sites/mpk`. */
  siteUrl: string;
  /** The demo accounts; `Authorization: Bearer <email>` signs in as one. */
  users: readonly DemoUser[];
}

/** A function that fills a fresh site over HTTP (the product's own data layer). */
export type SeedFunction = (site: SiteHandle) => Promise<void>;

/** Options of startLocalSharePoint. */
export interface LocalSharePointOptions {
  /** TCP port; 0 (default) picks a free one. */
  port?: number;
  /** Interface to listen on (default 127.0.0.1). */
  host?: string;
  /** Data folder; default `MPK_DATA_DIR` or `.local/` under the working directory. */
  dataDir?: string;
  /**
   * 'empty': web, groups, permission levels and demo accounts only. 'demo': the same here — the demo
   * content is loaded through the product's data layer by a seed function (`localsp/demo.ts` or the
   * preview pass one as `seed`). A function runs once on a fresh folder and after `/_local/reset`.
   */
  seed?: 'empty' | 'demo' | SeedFunction;
  /** No console output. */
  quiet?: boolean;
  /** Lets `npm start` serve the preview page on the same port; return true when it answered. */
  staticHandler?: (req: http.IncomingMessage, res: http.ServerResponse) => boolean | Promise<boolean>;
  /** fsync journal writes (default true unless MPK_FSYNC=0). */
  fsync?: boolean;
  /** Journal size that triggers a snapshot (default 64 MiB). */
  compactBytes?: number;
  /** The local Graph's Teams manifest (activity types); default `teamsapp/appPackage/manifest.json`. */
  graphManifestPath?: string;
  /** Activity types for the local Graph instead of the manifest's (tests). */
  graphActivityTypes?: readonly ActivityType[];
}

/** A running local SharePoint. */
export interface LocalSharePoint {
  /** Origin, e.g. `http://127.0.0.1:4321`. */
  url: string;
  /** Site URL, e.g. `http://127.0.0.1:4321/sites/mpk`. */
  siteUrl: string;
  port: number;
  dataDir: string;
  /** Stops listening, flushes the journal and releases the data folder. */
  close(): Promise<void>;
}

/** Server-relative path of the one site (CONTRIBUTING "Local SharePoint conventions"). */
export const SITE_PATH = '/sites/mpk';

const MAX_BODY_BYTES = 512 * 1024 * 1024;

/** Starts the server and resolves once it listens (and a fresh site is seeded). */
export async function startLocalSharePoint(options: LocalSharePointOptions = {}): Promise<LocalSharePoint> {
  const dataDir = path.resolve(options.dataDir ?? process.env.MPK_DATA_DIR ?? path.join(process.cwd(), '.local'));
  const fsync = options.fsync ?? process.env.MPK_FSYNC !== '0';
  const { store, data } = DurableStore.open(dataDir, { fsync, compactBytes: options.compactBytes ?? 64 * 1024 * 1024 });
  const fresh = !data.snapshot;
  const site = new Site(data.snapshot ?? baseState());
  site.blobs = new BlobStore(dataDir, fsync);
  for (const op of data.ops) site.apply(op);
  site.setSink((op) => store.append(op));
  if (fresh) store.writeSnapshot(site.toState(store.lastSeq));
  if (data.tornLines > 0 && !options.quiet) console.warn(`localsp: ignored a torn last journal line in ${dataDir}`);

  const seedFn = typeof options.seed === 'function' ? options.seed : null;
  const faults = new Faults();
  const log = new RequestLog();
  const graph = createLocalGraph({
    site,
    faults,
    dataDir,
    manifestPath: options.graphManifestPath,
    activityTypes: options.graphActivityTypes,
    quiet: options.quiet,
  });
  const persist = (): void => {
    store.flush();
    if (store.needsCompaction()) store.writeSnapshot(site.toState(store.lastSeq));
  };
  const compact = (): void => store.writeSnapshot(site.toState(store.lastSeq));
  let handle: SiteHandle | null = null;
  const runSeed = async (): Promise<void> => {
    if (seedFn && handle) await seedFn(handle);
    site.commit({ t: 'seeded' });
    persist();
  };
  const reset = async (): Promise<void> => {
    site.load(baseState());
    store.writeSnapshot(site.toState(store.lastSeq));
    log.reset();
    faults.set({});
    graph.reset();
    await runSeed();
  };
  const restDeps: RestDeps = { site, sitePath: SITE_PATH, faults, log, quiet: !!options.quiet, persist };
  const hookDeps = { site, faults, log, persist, compact, reset };

  const server = http.createServer((req, res) => {
    route(req, res).catch((e: unknown) => {
      if (!options.quiet) console.error('localsp: request failed', e);
      if (!res.headersSent) res.writeHead(500, { 'Content-Type': 'text/plain' });
      res.end();
    });
  });
  server.keepAliveTimeout = 5000;

  async function route(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const lower = url.pathname.toLowerCase();
    if (lower.startsWith(`${SITE_PATH}/_api/`)) {
      await handleRest(restDeps, req, res, url, await readBytes(req));
      return;
    }
    if (lower.startsWith('/graph/v1.0/')) {
      await graph.handle(req, res, url, await readBytes(req));
      return;
    }
    if (lower.startsWith('/_local/')) {
      const body = await readBody(req);
      if (lower.startsWith('/_local/graph/') && (await graph.handleHook(req, res, url, body))) return;
      if (await handleHook(hookDeps, req, res, url, body)) return;
    }
    if ((req.method === 'GET' || req.method === 'HEAD') && lower.startsWith(`${SITE_PATH}/`)) {
      const file = serveFileUrl(site, SITE_PATH, req, url);
      if (file) {
        res.writeHead(file.status, {
          ...file.headers,
          'Content-Length': String(file.body.length),
          'X-Content-Type-Options': 'nosniff',
        });
        res.end(req.method === 'HEAD' ? undefined : file.body);
        return;
      }
    }
    if (options.staticHandler && (await options.staticHandler(req, res))) return;
    res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' });
    res.end(`404 NOT FOUND: ${url.pathname}`);
  }

  const port = await listen(server, options.port ?? 0, options.host ?? '127.0.0.1');
  const host = options.host && options.host !== '0.0.0.0' && options.host !== '::' ? options.host : '127.0.0.1';
  const origin = `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
  handle = { url: origin, siteUrl: `${origin}${SITE_PATH}`, users: DEMO_USERS };

  let closed = false;
  const close = async (): Promise<void> => {
    if (closed) return;
    closed = true;
    await new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    });
    store.close();
  };
  try {
    if (!site.seeded) await runSeed();
  } catch (e) {
    await close();
    throw e;
  }
  if (!options.quiet) console.log(`localsp: ${handle.siteUrl} (data in ${dataDir})`);
  return { url: origin, siteUrl: handle.siteUrl, port, dataDir, close };
}

function listen(server: http.Server, port: number, host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve((server.address() as AddressInfo).port);
    });
  });
}

async function readBody(req: http.IncomingMessage): Promise<string> {
  return (await readBytes(req)).toString('utf8');
}

/** The request body as sent (the local Graph stores uploaded files byte for byte). */
function readBytes(req: http.IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > MAX_BODY_BYTES) {
        reject(new Error('request body too large'));
        req.destroy();
        return;
      }
      chunks.push(c);
    });
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}
