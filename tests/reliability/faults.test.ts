/** @jest-environment node */
/**
 * Nothing lost, nothing twice, every failure told: mixed writes through the repositories while the
 * local SharePoint throttles 30 % of requests (429 + Retry-After), adds latency and loses answers to
 * writes it performed. The soak (`npm run soak`) runs the same workload bigger.
 */
import { DataError } from '../../src/data/errors';
import type { IStory } from '../../src/domain/model';
import { newClientKey } from '../../src/domain/clientKey';
import { countByClientKey, startWorld, type IWorld } from './support';
import { formatWorkload, runWorkload } from './workload';
import { dataErrorText } from '../../src/ui/shell/texts';
import { danish } from '../support/strings';

jest.setTimeout(120_000);

let world: IWorld;
beforeAll(async () => {
  world = await startWorld();
});
afterAll(() => world.server.close());

function story(title: string): IStory {
  return {
    clientKey: newClientKey(),
    title,
    body: '<p>Vi lærte noget.</p>',
    kind: 'lesson',
    ambitionKey: 'mod-og-stolthed',
    featured: false,
    recognitionCount: 0,
  };
}

describe('mixed writes by 5 people while SharePoint throttles 30 %, adds latency and loses answers', () => {
  it('lands every write exactly once, loses none, and reports every failure as a typed DataError', async () => {
    const result = await runWorkload(world, {
      users: 5,
      writes: 200,
      throttleRate: 0.3,
      retryAfter: 0,
      latencyMs: 5,
      loseResponseEveryMs: 150,
      seed: 9,
    });
    console.log(
      `Fault workload (5 users × 40 writes)\n${formatWorkload(result)}${result.details.length ? `\n${result.details.join('\n')}` : ''}`,
    );

    expect(result.attempted).toBe(200);
    // The faults really happened.
    expect(result.requests.throttled).toBeGreaterThan(50);
    expect(result.requests.lostResponses).toBeGreaterThan(0);
    // Nothing lost, nothing twice, no raw error reaching a person.
    expect(result.unreported).toEqual([]);
    expect(result.duplicated).toBe(0);
    expect(result.lost).toBe(0);
    expect(result.mismatched).toBe(0);
    expect(result.acknowledged + result.gaveUp).toBe(200);
    // Whatever a person gave up on is there exactly once after one more press of "Gem".
    expect(result.finalRetries.failed).toEqual([]);
    expect(result.finalRetries.sameItemAsLanded).toBe(result.gaveUpButLanded);
    expect(result.allExactlyOnce).toBe(true);
    expect(result.landed).toBeGreaterThanOrEqual(result.acknowledged - (result.byKind.initiativeEdit || 0));
  });
});

/**
 * Runs `work` with the clock faked: the data layer's back-off between attempts (250 ms doubling, a
 * dozen seconds in all) passes at once, while HTTP to the local SharePoint runs for real.
 */
async function withFastBackOff<T>(work: () => Promise<T>): Promise<T> {
  jest.useFakeTimers({ doNotFake: ['setImmediate', 'nextTick', 'queueMicrotask', 'hrtime', 'performance', 'Date'] });
  try {
    let done = false;
    const result = work().finally(() => (done = true));
    while (!done) {
      await jest.advanceTimersByTimeAsync(50);
      await new Promise((resolve) => setImmediate(resolve));
    }
    return await result;
  } finally {
    jest.useRealTimers();
  }
}

describe('a write that still fails after every retry', () => {
  afterEach(async () => {
    jest.useRealTimers();
    await world.server.faults({});
  });

  it("is a DataError 'throttled' with a Danish message; one that never landed is absent, one whose answer was lost is found by its ClientKey on retry", async () => {
    const { medarbejder } = world.services;
    const realFetch = globalThis.fetch;
    let throttleEverything: () => void = () => undefined;
    const everythingThrottled = new Promise<void>((resolve) => (throttleEverything = resolve));
    // The first write's answer is lost; from that moment SharePoint throttles every request, so all
    // of the data layer's retries (and its look-up by ClientKey) are throttled too.
    globalThis.fetch = (async (input: RequestInfo | URL, init?: RequestInit) => {
      try {
        return await realFetch(input, init);
      } catch (error) {
        if (init && init.method === 'POST' && /\/items$/i.test(String(input))) {
          await world.server.faults({ throttleNext: 1_000_000, retryAfter: 0 });
          throttleEverything();
        }
        throw error;
      }
    }) as typeof fetch;
    try {
      await world.server.resetRequests();
      await world.server.faults({ loseResponseNext: 1 });
      const landed = story('Svaret gik tabt');
      const neverLanded = story('Aldrig fremme');
      const [first, second] = await withFastBackOff(async () => {
        const a = medarbejder.stories.create(landed).catch((e: unknown) => e);
        await everythingThrottled;
        const b = await medarbejder.stories.create(neverLanded).catch((e: unknown) => e);
        return [await a, b];
      });
      expect((await world.server.requests()).filter((r) => r.status === 429).length).toBeGreaterThan(20);
      for (const error of [first, second]) {
        expect(error).toBeInstanceOf(DataError);
        expect((error as DataError).kind).toBe('throttled');
        expect(dataErrorText(danish, error)).toBe('Der er travlt lige nu. Prøv igen om lidt – intet er gået tabt.');
      }
      globalThis.fetch = realFetch;
      await world.server.faults({});

      const counts = await countByClientKey(world.server, 'stories');
      expect(counts.get(landed.clientKey)).toBe(1);
      expect(counts.get(neverLanded.clientKey)).toBeUndefined();

      // The person presses "Gem" again (the form kept the client key): the landed story is found,
      // the other one is created — each exactly once.
      const again = await medarbejder.stories.create(landed);
      const created = await medarbejder.stories.create(neverLanded);
      expect(again.clientKey).toBe(landed.clientKey);
      expect(created.clientKey).toBe(neverLanded.clientKey);
      const after = await countByClientKey(world.server, 'stories');
      expect(after.get(landed.clientKey)).toBe(1);
      expect(after.get(neverLanded.clientKey)).toBe(1);
    } finally {
      globalThis.fetch = realFetch;
    }
  });
});
