/** @jest-environment node */
import { BearerAs } from '../../localsp/client';
import { provision } from '../../src/data/provisioning';
import { DataError, retryThrottled, throttledFor } from '../../src/data/errors';
import { createServices } from '../../src/data/services';
import { createSp, createSpfxSp, type SPFI } from '../../src/data/sp';
import { isWriteRequest, retryAfterMs, throttleWatchOf, withThrottleWatch } from '../../src/data/throttle';
import type { ThrottleWatch } from '../../src/data/throttleState';
import { as, startServer, USERS, userId, type TestServer } from './support';
import { dataErrorText } from '../../src/ui/shell/texts';
import { danish } from '../support/strings';

// HTTP against a real server; the waits SharePoint asks for are never slept: `sleep` is a gate the test opens.
jest.setTimeout(30_000);

const NOW = 1_800_000_000_000;

/** A sleep that waits until the test releases it, recording what was asked. */
function gatedSleep(): {
  sleep: (ms: number) => Promise<void>;
  next(): Promise<{ ms: number; release(): void }>;
  asked: number[];
} {
  const pending: { ms: number; release(): void }[] = [];
  const asked: number[] = [];
  return {
    asked,
    sleep: (ms) =>
      new Promise<void>((resolve) => {
        asked.push(ms);
        pending.push({ ms, release: resolve });
      }),
    async next() {
      for (let i = 0; i < 2000 && pending.length === 0; i++) await new Promise((r) => setTimeout(r, 5));
      const first = pending.shift();
      if (!first) throw new Error('the request never started waiting');
      return first;
    },
  };
}

/** A root signed in as `email` whose waits go through `sleep`, at the fixed time NOW. */
function gatedSp(
  server: TestServer,
  email: string,
  sleep: (ms: number) => Promise<void>,
): { sp: SPFI; watch: ThrottleWatch } {
  const sp = withThrottleWatch(createSp(server.siteUrl, BearerAs(email)), { sleep, now: () => NOW });
  return { sp, watch: throttleWatchOf(sp) };
}

let server: TestServer;

beforeAll(async () => {
  server = await startServer();
  await provision(as(server, USERS.admin));
});
afterEach(() => server.faults({}));
afterAll(() => server.close());

describe("the throttle-aware fetch publishes SharePoint's wait before it sleeps", () => {
  it("a read throttled with Retry-After 120 is 'waiting until now + 120 s', then retried and idle", async () => {
    const gate = gatedSleep();
    const { sp, watch } = gatedSp(server, USERS.admin, gate.sleep);
    const seen: unknown[] = [];
    watch.subscribe(() => seen.push(watch.current()));
    await server.faults({ throttleNext: 1, retryAfter: 120 });
    const read = sp.web.select('Title')<{ Title: string }>();
    const wait = await gate.next();
    expect(wait.ms).toBe(120_000);
    expect(watch.current()).toEqual({ readsUntil: NOW + 120_000, writesUntil: null });
    wait.release();
    await expect(read).resolves.toMatchObject({ Title: 'Mod på kerneopgaven' });
    expect(watch.current()).toEqual({ readsUntil: null, writesUntil: null });
    expect(seen).toEqual([
      { readsUntil: NOW + 120_000, writesUntil: null },
      { readsUntil: null, writesUntil: null },
    ]);
  });

  it('a save is a waiting write; a $batch of reads is a read', async () => {
    const gate = gatedSleep();
    const { sp, watch } = gatedSp(server, USERS.leder, gate.sleep);
    await server.faults({ throttleNext: 1, retryAfter: 250 });
    const [batched, execute] = sp.batched();
    const a = batched.web.select('Title')();
    const b = batched.web.lists.select('Title').top(1)();
    const run = execute();
    let wait = await gate.next();
    expect(watch.current()).toEqual({ readsUntil: NOW + 250_000, writesUntil: null });
    wait.release();
    await run;
    await Promise.all([a, b]);

    // The first request of a save (its contextinfo, or the POST itself) is throttled.
    await server.faults({ throttleNext: 1, retryAfter: 70 });
    const save = sp.web.lists
      .getByTitle('MPK Refleksioner')
      .items.add({ Title: 'x' })
      .catch((e: unknown) => e);
    wait = await gate.next();
    expect(wait.ms).toBe(70_000);
    expect(watch.current()).toEqual({ readsUntil: null, writesUntil: NOW + 70_000 });
    wait.release();
    await save;
    expect(watch.current().writesUntil).toBeNull();
  });

  it('503 without Retry-After backs off as PnPjs does (400 ms, then 800 ms) and is shown too', async () => {
    const gate = gatedSleep();
    const { sp, watch } = gatedSp(server, USERS.admin, gate.sleep);
    await server.faults({ throttleNext: 2, throttleStatus: 503, retryAfter: null });
    const read = sp.web.select('Title')();
    let wait = await gate.next();
    expect([wait.ms, watch.current().readsUntil]).toEqual([400, NOW + 400]);
    wait.release();
    wait = await gate.next();
    expect(wait.ms).toBe(800);
    wait.release();
    await expect(read).resolves.toBeDefined();
  });

  it("gives up after three attempts with PnPjs's error, saying how long it waited", async () => {
    const gate = gatedSleep();
    const { sp } = gatedSp(server, USERS.admin, gate.sleep);
    await server.faults({ throttleNext: 3, retryAfter: 120 });
    await server.resetRequests();
    const read = sp.web
      .select('Title')()
      .catch((e: unknown) => e);
    (await gate.next()).release();
    (await gate.next()).release();
    const error = (await read) as Error & { status: number };
    expect(error.message).toMatch(/^Retry count exceeded \(3\) for this request\. 429/);
    expect(error.status).toBe(429);
    expect(throttledFor(error)).toBe(240_000);
    expect((await server.requests()).map((r) => r.status)).toEqual([429, 429, 429]);
  });
});

describe('after minutes of waiting the data layer stops and says so, instead of another round', () => {
  it('retryThrottled does not start a new round after a long wait, but does after short ones', async () => {
    const gate = gatedSleep();
    const { sp } = gatedSp(server, USERS.admin, gate.sleep);
    await server.faults({ throttleNext: 100, retryAfter: 120 });
    await server.resetRequests();
    const long = retryThrottled(() => sp.web.select('Title')()).catch((e: unknown) => e);
    (await gate.next()).release();
    (await gate.next()).release();
    await long;
    expect(await server.requests()).toHaveLength(3);

    await server.faults({ throttleNext: 6, retryAfter: 0 });
    await server.resetRequests();
    // Retry-After 0 is slept for real: 0 ms, and the outer rounds' 1–2 ms.
    const real = createSp(server.siteUrl, BearerAs(USERS.admin));
    const short = await retryThrottled(() => real.web.select('Title')<{ Title: string }>(), 5, 1);
    expect(short.Title).toBe('Mod på kerneopgaven');
    expect((await server.requests()).map((r) => r.status)).toEqual([429, 429, 429, 429, 429, 429, 200]);
  });

  it("a create throttled for minutes fails once as 'throttled' in Danish, nothing landed, the page's watch saw the wait", async () => {
    const gate = gatedSleep();
    const { sp, watch } = gatedSp(server, USERS.leder, gate.sleep);
    const services = createServices(sp, { id: await userId(server, USERS.leder), email: USERS.leder });
    expect(services.throttle).toBe(watch);
    const unitId = (await services.units.list())[0].id as number;
    await server.faults({ throttleNext: 100, retryAfter: 180 });
    await server.resetRequests();
    const create = services.plans
      .create({ clientKey: 'throttled-plan', unitId, period: '2040', status: 'draft', ownerId: services.user.id })
      .catch((e: unknown) => e);
    for (let i = 0; i < 2; i++) {
      const wait = await gate.next();
      expect(watch.current().writesUntil).toBe(NOW + 180_000);
      wait.release();
    }
    const error = (await create) as DataError;
    expect(error).toBeInstanceOf(DataError);
    expect(error.kind).toBe('throttled');
    expect(dataErrorText(danish, error)).toBe('Der er travlt lige nu. Prøv igen om lidt – intet er gået tabt.');
    expect(gate.asked).toEqual([180_000, 180_000]);
    expect((await server.requests()).length).toBeLessThanOrEqual(4);
    await server.faults({});
    expect(
      await as(server, USERS.admin).web.lists.getByTitle('MPK Planer').items.filter("ClientKey eq 'throttled-plan'")(),
    ).toHaveLength(0);
  });
});

describe('every root the product builds has the throttle-aware fetch', () => {
  it("a web part's SPFI (createSpfxSp) publishes its waits", async () => {
    const context = { pageContext: { web: { absoluteUrl: server.siteUrl }, legacyPageContext: {} } };
    const sp = createSpfxSp(context as unknown as Parameters<typeof createSpfxSp>[0]).using(BearerAs(USERS.admin));
    const watch = throttleWatchOf(sp);
    const seen: (number | null)[] = [];
    watch.subscribe(() => seen.push(watch.current().readsUntil));
    await server.faults({ throttleNext: 1, retryAfter: 0 });
    const before = Date.now();
    await expect(sp.web.select('Title')()).resolves.toMatchObject({ Title: 'Mod på kerneopgaven' });
    expect(seen).toHaveLength(2);
    expect(seen[0]).toBeGreaterThanOrEqual(before);
    expect(seen[1]).toBeNull();
  });

  it("createServices hands the root's watch to the UI", () => {
    const sp = createSp(server.siteUrl, BearerAs(USERS.admin));
    expect(createServices(sp, { id: 1, email: USERS.admin }).throttle).toBe(throttleWatchOf(sp));
  });
});

describe('Retry-After and what counts as a write', () => {
  it('reads integer seconds and HTTP-dates; anything else is no header', () => {
    expect(retryAfterMs('120', NOW)).toBe(120_000);
    expect(retryAfterMs(' 0 ', NOW)).toBe(0);
    expect(retryAfterMs(new Date(NOW + 90_000).toUTCString(), NOW)).toBe(90_000);
    expect(retryAfterMs(new Date(NOW - 5_000).toUTCString(), NOW)).toBe(0);
    expect(retryAfterMs('soon', NOW)).toBeNull();
    expect(retryAfterMs(null, NOW)).toBeNull();
  });

  it('GETs and $batches of GETs read; other methods, contextinfo and $batches with a change write', () => {
    const site = 'https://contoso.sharepoint.com/sites/mpk/_api';
    expect(isWriteRequest(`${site}/web`, { method: 'GET' })).toBe(false);
    expect(isWriteRequest(`${site}/$batch`, { method: 'POST', body: '--b\nGET https://x/_api/web HTTP/1.1\n' })).toBe(
      false,
    );
    expect(
      isWriteRequest(`${site}/$batch`, {
        method: 'POST',
        body: '--b\nGET https://x/_api/web HTTP/1.1\n--c\nPOST https://x/_api/web/lists HTTP/1.1\n',
      }),
    ).toBe(true);
    expect(isWriteRequest(`${site}/contextinfo`, { method: 'POST' })).toBe(true);
    expect(
      isWriteRequest(`${site}/web/lists/getByTitle('x')/items(1)`, {
        method: 'POST',
        headers: { 'X-HTTP-Method': 'MERGE' },
      }),
    ).toBe(true);
  });
});
