/** @jest-environment node */
import type { SPFI } from '@pnp/sp';
import { spError, spFor, startServer, TestServer, USERS } from './harness';

describe('injected faults and the request log', () => {
  let server: TestServer;
  let sp: SPFI;

  beforeAll(async () => {
    server = await startServer();
    sp = spFor(USERS.admin);
    await sp.web.lists.ensure('Faults');
    await sp.web.lists
      .getByTitle('Faults')
      .fields.createFieldAsXml(
        '<Field Type="Text" DisplayName="ClientKey" Name="ClientKey" Indexed="TRUE" EnforceUniqueValues="TRUE" />',
      );
  });
  afterEach(async () => {
    await server.faults({});
  });
  afterAll(async () => {
    await server.close();
  });

  it('answers 429 with Retry-After and text/plain; PnPjs waits and retries successfully', async () => {
    await server.resetRequests();
    await server.faults({ throttleNext: 1, retryAfter: 1 });
    const t0 = Date.now();
    const web = await sp.web.select('Title')();
    expect(web.Title).toBe('Mod på kerneopgaven');
    expect(Date.now() - t0).toBeGreaterThanOrEqual(950);
    const log = await server.requests();
    expect(log.map((r) => [r.method, r.path, r.status])).toEqual([
      ['GET', '/sites/mpk/_api/web?%24select=Title', 429],
      ['GET', '/sites/mpk/_api/web?%24select=Title', 200],
    ]);
    await server.faults({ throttleNext: 1, retryAfter: 2 });
    const raw = await server.fetch('_api/web');
    expect(raw.status).toBe(429);
    expect(raw.headers.get('retry-after')).toBe('2');
    expect(raw.headers.get('content-type')).toMatch(/^text\/plain/);
    // SharePoint Online's body (fidelity row 29, M9).
    await expect(raw.text()).resolves.toBe('429 TOO MANY REQUESTS');
  });

  it('sends Retry-After of minutes as SharePoint Online does (up to an hour)', async () => {
    for (const seconds of [70, 250, 3600]) {
      await server.faults({ throttleNext: 1, retryAfter: seconds });
      const raw = await server.fetch('_api/web');
      expect([raw.status, raw.headers.get('retry-after')]).toEqual([429, String(seconds)]);
    }
    const after = await server.fetch('_api/web', { headers: { Accept: 'application/json;odata=nometadata' } });
    expect(after.status).toBe(200);
  });

  it('answers 503, with or without Retry-After', async () => {
    await server.faults({ throttleNext: 2, throttleStatus: 503, retryAfter: null });
    const bare = await server.fetch('_api/web');
    expect(bare.status).toBe(503);
    expect(bare.headers.has('retry-after')).toBe(false);
    expect(bare.headers.get('content-type')).toMatch(/^text\/plain/);
    await server.faults({ throttleNext: 1, throttleStatus: 503, retryAfter: 120 });
    const timed = await server.fetch('_api/web');
    expect([timed.status, timed.headers.get('retry-after')]).toEqual([503, '120']);
    const log = await server.requests();
    expect(log.slice(-2).map((r) => r.status)).toEqual([503, 503]);
  });

  it('keeps Retry-After within 0..3600 s and the status to 429 or 503', async () => {
    const post = (body: unknown): Promise<Response> =>
      fetch(`${server.url}/_local/faults`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify(body),
      });
    for (const bad of [
      { retryAfter: 3601 },
      { retryAfter: -1 },
      { retryAfter: '70' },
      { throttleStatus: 500 },
      { throttleStatus: '429' },
    ]) {
      expect((await post(bad)).status).toBe(400);
    }
    const ok = await post({ throttleNext: 1, retryAfter: 3600, throttleStatus: 503 });
    expect(ok.status).toBe(200);
    await expect(ok.json()).resolves.toMatchObject({ throttleNext: 1, retryAfter: 3600, throttleStatus: 503 });
    const absent = await post({ retryAfter: null });
    await expect(absent.json()).resolves.toMatchObject({ retryAfter: null, throttleStatus: 429 });
  });

  it('gives up after three throttled attempts like SharePoint clients do', async () => {
    await server.faults({ throttleNext: 3, retryAfter: 0 });
    const e = (await sp.web
      .select('Title')()
      .catch((x: unknown) => x)) as Error;
    expect(e.message).toMatch(/^Retry count exceeded \(3\) for this request\. 429/);
  });

  it('retries a throttled $batch with the same body and runs it once', async () => {
    await server.faults({ throttleNext: 1, retryAfter: 0 });
    const [batched, execute] = sp.batched();
    const a = batched.web.lists.getByTitle('Faults').items.add({ Title: 'batched 1' });
    const b = batched.web.lists.getByTitle('Faults').items.add({ Title: 'batched 2' });
    await execute();
    await Promise.all([a, b]);
    const rows = await sp.web.lists.getByTitle('Faults').items.filter("startswith(Title, 'batched')")();
    expect(rows).toHaveLength(2);
  });

  it('adds latency', async () => {
    await server.faults({ latencyMs: 250 });
    const t0 = Date.now();
    await sp.web.select('Title')();
    expect(Date.now() - t0).toBeGreaterThanOrEqual(240);
  });

  it('loses the answer to a write that was performed; a retried create with a unique key makes no duplicate', async () => {
    await server.faults({ loseResponseNext: 1 });
    const raw = server.fetch("_api/web/lists/getByTitle('Faults')/items", {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ Title: 'lost once' }),
    });
    await expect(raw).rejects.toThrow();
    await expect(sp.web.lists.getByTitle('Faults').items.filter("Title eq 'lost once'")()).resolves.toHaveLength(1);

    // PnPjs retries network failures by itself: the unique ClientKey turns the duplicate create into SharePoint's 500.
    await server.faults({ loseResponseNext: 1 });
    const e = await spError(sp.web.lists.getByTitle('Faults').items.add({ Title: 'lost twice', ClientKey: 'k-1' }));
    expect(e).toMatchObject({ status: 500, code: '-2130575169, Microsoft.SharePoint.SPDuplicateValuesFoundException' });
    await expect(sp.web.lists.getByTitle('Faults').items.filter("ClientKey eq 'k-1'")()).resolves.toHaveLength(1);
    const log = (await server.requests()).filter((r) => r.lost);
    expect(log.length).toBeGreaterThanOrEqual(2);
  });

  it('logs method, path with query, status and user; reset empties the log', async () => {
    await server.resetRequests();
    await spFor(USERS.leder).web.lists.getByTitle('Faults').items.select('Id').top(1)();
    await spError(spFor(USERS.medarbejder).web.lists.getByTitle('Faults').items.add({ Title: 'x' }));
    // PnPjs caches the form digest per web URL, so no contextinfo call appears here.
    const log = await server.requests();
    expect(log).toEqual([
      expect.objectContaining({
        method: 'GET',
        path: "/sites/mpk/_api/web/lists/getByTitle('Faults')/items?%24select=Id&%24top=1",
        status: 200,
        user: USERS.leder,
      }),
      expect.objectContaining({
        method: 'POST',
        path: "/sites/mpk/_api/web/lists/getByTitle('Faults')/items",
        status: 403,
        user: USERS.medarbejder,
      }),
    ]);
    await server.resetRequests();
    await expect(server.requests()).resolves.toEqual([]);
  });

  it('refuses unknown fault names', async () => {
    const res = await fetch(`${server.url}/_local/faults`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ explode: true }),
    });
    expect(res.status).toBe(400);
  });
});
