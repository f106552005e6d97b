/**
 * Provisioning: the requests `provision(sp)` needs on a fresh, empty local SharePoint, and on a second
 * run (which must write nothing). Requests are counted by the server's log (a `$batch` is one); the
 * sub-requests inside each `$batch` and their methods are read from the request bodies this process sends.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { createLocalSp } from '../../localsp/client';
import { startLocalSharePoint } from '../../localsp/server';
import { provision } from '../../src/data/provisioning';
import {
  batchSubRequestMethods,
  isDigestRequest,
  resetServerRequests,
  serverRequests,
  type LoggedRequest,
} from './firstView';
import type { DetailTable, Figure } from './report';

/** What one provisioning run sent. */
export interface ProvisioningRun {
  /** REST requests as the server logged them (a `$batch` is one). */
  requests: number;
  /** Of which `contextinfo` (PnPjs's request digest). */
  digestRequests: number;
  /** Of which `$batch` POSTs. */
  batches: number;
  /** Sub-requests inside the batches. */
  subRequests: number;
  /** Requests and sub-requests by method (`$batch` POSTs and `contextinfo` not counted as writes). */
  byMethod: Record<string, number>;
  /** Non-GET requests plus non-GET sub-requests, without `contextinfo` and the `$batch` envelopes. */
  writes: number;
  /** What `provision()` itself reported as writes. */
  reportedWrites: number;
  changes: number;
  ms: number;
}

/** Wraps `fetch` to see the bodies of `$batch` requests this process sends; returns an undo. */
function recordBatchBodies(sink: string[]): () => void {
  const original = globalThis.fetch;
  globalThis.fetch = (async (input: Parameters<typeof fetch>[0], init?: RequestInit) => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    if (/\/_api\/\$batch/i.test(url) && typeof init?.body === 'string') sink.push(init.body);
    return original(input, init);
  }) as typeof fetch;
  return () => {
    globalThis.fetch = original;
  };
}

/** Sums a run from the server's log and the batch bodies sent. */
export function summariseRun(
  logged: readonly LoggedRequest[],
  batchBodies: readonly string[],
): Omit<ProvisioningRun, 'reportedWrites' | 'changes' | 'ms'> {
  const byMethod: Record<string, number> = {};
  let writes = 0;
  let batches = 0;
  for (const r of logged) {
    if (isDigestRequest(r.path)) continue;
    if (/\/_api\/\$batch/i.test(r.path)) {
      batches++;
      continue;
    }
    byMethod[r.method] = (byMethod[r.method] ?? 0) + 1;
    if (r.method !== 'GET') writes++;
  }
  let subRequests = 0;
  for (const body of batchBodies) {
    for (const method of batchSubRequestMethods(body)) {
      subRequests++;
      byMethod[method] = (byMethod[method] ?? 0) + 1;
      if (method !== 'GET') writes++;
    }
  }
  const loggedParts = logged.reduce((s, r) => s + (r.batchParts ?? 0), 0);
  return {
    requests: logged.length,
    digestRequests: logged.filter((r) => isDigestRequest(r.path)).length,
    batches,
    // The server's own count of parts wins when it has one (it saw every batch, also retried ones).
    subRequests: loggedParts > 0 ? loggedParts : subRequests,
    byMethod,
    writes,
  };
}

/** Provisions a fresh empty site twice and measures both runs. */
export async function measureProvisioning(): Promise<{
  figures: Figure[];
  details: DetailTable[];
  runs: ProvisioningRun[];
}> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'mpk-bench-prov-'));
  const server = await startLocalSharePoint({ port: 0, dataDir, seed: 'empty', quiet: true, fsync: false });
  const runs: ProvisioningRun[] = [];
  const figures: Figure[] = [];
  try {
    const sp = createLocalSp(server.siteUrl, 'admin@mpk.local');
    for (let i = 0; i < 2; i++) {
      const bodies: string[] = [];
      await resetServerRequests(server.url);
      const undo = recordBatchBodies(bodies);
      const t0 = Date.now();
      let report;
      try {
        report = await provision(sp);
      } finally {
        undo();
      }
      const ms = Date.now() - t0;
      const logged = await serverRequests(server.url);
      runs.push({ ...summariseRun(logged, bodies), reportedWrites: report.writes, changes: report.changes.length, ms });
    }
  } finally {
    await server.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
  const [first, second] = runs;
  const methods = (r: ProvisioningRun): string =>
    Object.entries(r.byMethod)
      .sort((a, b) => b[1] - a[1])
      .map(([m, n]) => `${n} ${m}`)
      .join(', ');
  figures.push({
    section: 'provisioning',
    id: 'provisioning.fresh.requests',
    label: 'empty site: requests',
    value: first.requests,
    unit: 'requests',
    detail: `${first.batches} $batch + ${first.requests - first.batches - first.digestRequests} single + ${first.digestRequests} contextinfo; ${(first.ms / 1000).toFixed(1)} s`,
  });
  figures.push({
    section: 'provisioning',
    id: 'provisioning.fresh.subRequests',
    label: 'empty site: sub-requests inside $batch',
    value: first.subRequests,
    unit: 'count',
    detail: `all operations: ${methods(first)}; provision() reported ${first.reportedWrites} writes, ${first.changes} changes`,
  });
  figures.push({
    section: 'provisioning',
    id: 'provisioning.second.requests',
    label: 'second run: requests',
    value: second.requests,
    unit: 'requests',
    detail: `${second.batches} $batch (${second.subRequests} sub-requests) + ${second.requests - second.batches - second.digestRequests} single + ${second.digestRequests} contextinfo; ${methods(second)}`,
  });
  figures.push({
    section: 'provisioning',
    id: 'provisioning.second.writes',
    label: 'second run: writes (non-GET requests and sub-requests)',
    value: second.writes,
    unit: 'count',
    budget: { equals: 0 },
    detail: `provision() reported ${second.reportedWrites} writes, ${second.changes} changes`,
  });
  return { figures, details: [], runs };
}
