/**
 * The mixed-write workload of the fault tests and the soak: simulated people writing plans, focus,
 * initiatives (and edits of them), check-ins, tasks, stories, comments, recognitions and notes
 * through the repositories while the local SharePoint throttles (429 + Retry-After), adds latency
 * and now and then loses the answer to a write it performed.
 *
 * A simulated person behaves as the UI does: the client key of a new item is made once, before the
 * first attempt, and kept when the person presses "Gem" again after an error. Afterwards everything
 * is read back as the site owner and counted by ClientKey.
 */
import { DataError } from '../../src/data/errors';
import type { IMpkServices } from '../../src/data/repositories/types';
import type { ListKey } from '../../src/data/schema/types';
import { AMBITIONS } from '../../src/domain/ambitions';
import { today } from '../../src/domain/dates';
import { newClientKey } from '../../src/domain/clientKey';
import type {
  ICheckIn,
  IDialogComment,
  IEntity,
  IFollowUpTask,
  IInitiative,
  IPlan,
  IPlanFocus,
  IReflection,
  IStory,
} from '../../src/domain/model';
import { countByClientKey, prng, readAll, servicesFor, sleep, spFor, type IWorld } from './support';
import { ReflectionRepository } from '../../src/data/repositories/comments';

/**
 * What a create must leave exactly once: its client key — or, for a recognition (whose key ends in a
 * random part, `recognitionKey`), the person's recognition of the story (`story-S-user-U`).
 */
function identity(list: ListKey, clientKey: string): string {
  return list === 'recognitions' ? clientKey.replace(/^(story-\d+-user-\d+)-[0-9a-f]+$/i, '$1') : clientKey;
}

function byIdentity(list: ListKey, counts: Map<string, number>): Map<string, number> {
  const out = new Map<string, number>();
  counts.forEach((n, key) => out.set(identity(list, key), (out.get(identity(list, key)) || 0) + n));
  return out;
}

/** How hard the run is. */
export interface IWorkloadOptions {
  /** Simulated people (half leaders, half employees). */
  users: number;
  /** Writes in all, spread evenly over the people. */
  writes: number;
  /** Fraction of REST requests answered 429. */
  throttleRate: number;
  /** Retry-After seconds on each 429 (PnPjs waits this long). */
  retryAfter: number;
  latencyMs: number;
  /** Every this many ms, the next write's answer is lost (0: never). */
  loseResponseEveryMs: number;
  /** How often a person presses "Gem" again after an error before giving up. */
  userAttempts?: number;
  seed?: number;
  log?: (line: string) => void;
}

/** Kinds of write in the mix. */
export type WriteKind =
  | 'plan'
  | 'planFocus'
  | 'initiative'
  | 'initiativeEdit'
  | 'checkIn'
  | 'task'
  | 'story'
  | 'comment'
  | 'recognition'
  | 'reflection';

/** What the run did and what the server holds afterwards. */
export interface IWorkloadResult {
  attempted: number;
  byKind: Record<string, number>;
  /** Writes the person saw succeed (possibly after pressing "Gem" again). */
  acknowledged: number;
  /** Errors people were shown, by DataError kind (each press of "Gem" that failed). */
  reported: Record<string, number>;
  /** Failures that were not a DataError (a raw PnPjs or fetch error reaching the UI): must be 0. */
  unreported: string[];
  /** Writes still failing after every attempt a person made. */
  gaveUp: number;
  /** Of those, how many had landed anyway (a lost answer) — found by their ClientKey on retry. */
  gaveUpButLanded: number;
  /** Distinct new items on the server afterwards (before the final retries). */
  landed: number;
  /** ClientKeys on the server more than once: must be 0. */
  duplicated: number;
  /** Acknowledged writes not on the server (creates) or not in effect (edits): must be 0. */
  lost: number;
  /** Answers returned for another item than the one written (wrong ClientKey): must be 0. */
  mismatched: number;
  /** Given-up writes retried with faults off: each must return the one item with its ClientKey. */
  finalRetries: { retried: number; ok: number; sameItemAsLanded: number; failed: string[] };
  /** After the final retries: every attempted ClientKey exactly once. */
  allExactlyOnce: boolean;
  requests: { total: number; throttled: number; lostResponses: number };
  durationMs: number;
  details: string[];
}

interface ICreateRecord {
  kind: WriteKind;
  list: ListKey;
  key: string;
  acknowledged: boolean;
  /** Sends the same item again (same ClientKey). */
  again: () => Promise<IEntity>;
}

interface IEditRecord {
  initiativeId: number;
  /** Value of the last acknowledged edit. */
  acknowledged?: string;
  /** Values of edits tried after the last acknowledged one (a failed edit may still have landed). */
  unacknowledged: string[];
}

const LEADER_MIX: Array<[WriteKind, number]> = [
  ['plan', 8],
  ['planFocus', 10],
  ['initiative', 18],
  ['initiativeEdit', 16],
  ['checkIn', 20],
  ['task', 16],
  ['comment', 12],
];
const EMPLOYEE_MIX: Array<[WriteKind, number]> = [
  ['story', 35],
  ['comment', 30],
  ['recognition', 25],
  ['reflection', 10],
];

function pick<T>(random: () => number, weighted: Array<[T, number]>): T {
  const total = weighted.reduce((sum, [, w]) => sum + w, 0);
  let r = random() * total;
  for (const [value, w] of weighted) {
    r -= w;
    if (r < 0) return value;
  }
  return weighted[weighted.length - 1][0];
}

/** Sets up simulated people and shared items with faults off, runs the mix with faults on, and counts. */
export async function runWorkload(world: IWorld, options: IWorkloadOptions): Promise<IWorkloadResult> {
  const { server } = world;
  const log = options.log || (() => undefined);
  const seed = options.seed ?? 20190101;
  const userAttempts = options.userAttempts ?? 3;
  const started = Date.now();

  // --- Set-up, faults off: people, a shared plan with an initiative to discuss, approved stories.
  const people: Array<{ email: string; role: 'leader' | 'employee'; services: IMpkServices; unitId: number }> = [];
  const accounts = Array.from({ length: options.users }, (_, i) => ({
    email: `sim${String(i + 1).padStart(2, '0')}@mpk.local`,
    title: `Simuleret bruger ${i + 1}`,
    groups: [i % 2 === 0 ? 'Mod på kerneopgaven Medlemmer' : 'Mod på kerneopgaven Besøgende'],
  }));
  await server.addUsers(accounts);
  for (let i = 0; i < accounts.length; i++) {
    people.push({
      email: accounts[i].email,
      role: i % 2 === 0 ? 'leader' : 'employee',
      services: await servicesFor(server, accounts[i].email),
      unitId: world.unitIds[i % world.unitIds.length],
    });
  }
  const { admin, leder } = world.services;
  const sharedPlan = await leder.plans.create({ clientKey: '', unitId: world.unitId, period: '2030', status: 'draft' });
  const sharedInitiative = await leder.initiatives.create({
    clientKey: '',
    planId: sharedPlan.id as number,
    unitId: world.unitId,
    title: 'Fælles indsats til dialog',
    ambitionKey: 'sammenhaeng-og-samarbejde',
    status: 'inProgress',
  });
  const approvedStoryIds: number[] = [];
  for (let i = 0; i < 6; i++) {
    const story = await world.services.medarbejder.stories.create({
      clientKey: '',
      title: `Godkendt historie ${i + 1}`,
      body: `<p>En historie om det, der lykkes (${i + 1}).</p>`,
      kind: 'success',
      ambitionKey: AMBITIONS[i % AMBITIONS.length].key,
      unitId: world.unitId,
      featured: false,
      recognitionCount: 0,
    });
    approvedStoryIds.push((await admin.stories.moderate(story, true)).id as number);
  }
  await server.resetRequests();

  // --- The run, faults on.
  const faults = { throttleRate: options.throttleRate, retryAfter: options.retryAfter, latencyMs: options.latencyMs };
  await server.faults(faults);
  let running = true;
  let lostTicker: Promise<void> = Promise.resolve();
  if (options.loseResponseEveryMs > 0) {
    lostTicker = (async () => {
      while (running) {
        await sleep(options.loseResponseEveryMs);
        if (running) await server.faults({ ...faults, loseResponseNext: 1 }).catch(() => undefined);
      }
    })();
  }

  const creates: ICreateRecord[] = [];
  const edits = new Map<number, IEditRecord>();
  const reported: Record<string, number> = {};
  const unreported: string[] = [];
  const byKind: Record<string, number> = {};
  let acknowledged = 0;
  let gaveUp = 0;
  let mismatched = 0;
  const details: string[] = [];
  const today0 = today(new Date());
  const perPerson = Math.floor(options.writes / people.length);
  const extra = options.writes - perPerson * people.length;

  /** A person pressing "Gem" until it works or they give up; every failure must be a DataError. */
  async function save<T>(what: string, op: () => Promise<T>): Promise<{ ok: true; value: T } | { ok: false }> {
    for (let attempt = 1; attempt <= userAttempts; attempt++) {
      try {
        return { ok: true, value: await op() };
      } catch (error) {
        if (error instanceof DataError) {
          reported[error.kind] = (reported[error.kind] || 0) + 1;
          if (attempt < userAttempts) await sleep(100 * attempt);
        } else {
          unreported.push(`${what}: ${String((error as Error)?.message || error)}`);
          return { ok: false };
        }
      }
    }
    return { ok: false };
  }

  async function create<T extends IEntity>(
    kind: WriteKind,
    list: ListKey,
    key: string,
    send: () => Promise<T>,
  ): Promise<T | undefined> {
    const record: ICreateRecord = { kind, list, key, acknowledged: false, again: send };
    creates.push(record);
    const result = await save(`${kind} ${key}`, send);
    if (!result.ok) {
      gaveUp++;
      return undefined;
    }
    if (identity(list, result.value.clientKey) !== key) {
      mismatched++;
      details.push(`${kind}: wrote ${key}, got back ${result.value.clientKey}`);
    }
    record.acknowledged = true;
    acknowledged++;
    return result.value;
  }

  async function person(index: number): Promise<void> {
    const me = people[index];
    const s = me.services;
    const plans: IPlan[] = [];
    const initiatives: IInitiative[] = [];
    const recognised = new Set<number>();
    // Each person draws from their own sequence, so a seed gives the same mix however requests interleave.
    const random = prng(seed + index);
    const writes = perPerson + (index < extra ? 1 : 0);
    for (let n = 0; n < writes; n++) {
      let kind = pick(random, me.role === 'leader' ? LEADER_MIX : EMPLOYEE_MIX);
      if ((kind === 'planFocus' || kind === 'initiative') && plans.length === 0) kind = 'plan';
      if ((kind === 'initiativeEdit' || kind === 'checkIn') && initiatives.length === 0)
        kind = plans.length === 0 ? 'plan' : 'initiative';
      if (kind === 'recognition' && recognised.size >= approvedStoryIds.length) kind = 'comment';
      byKind[kind] = (byKind[kind] || 0) + 1;
      const key = newClientKey();
      const tag = `${me.email} #${n + 1}`;
      switch (kind) {
        case 'plan': {
          const item: IPlan = {
            clientKey: key,
            unitId: me.unitId,
            period: String(2031 + plans.length),
            status: 'draft',
            ownerId: s.user.id,
          };
          const plan = await create('plan', 'plans', key, () => s.plans.create(item));
          if (plan) plans.push(plan);
          break;
        }
        case 'planFocus': {
          const plan = plans[Math.floor(random() * plans.length)];
          const item: IPlanFocus = {
            clientKey: key,
            planId: plan.id as number,
            ambitionKey: AMBITIONS[n % AMBITIONS.length].key,
            relevance: 'high',
            localMeaning: `Lokalt: ${tag}`,
          };
          await create('planFocus', 'planFocuses', key, () => s.planFocuses.create(item, me.unitId));
          break;
        }
        case 'initiative': {
          const plan = plans[Math.floor(random() * plans.length)];
          const item: IInitiative = {
            clientKey: key,
            planId: plan.id as number,
            unitId: me.unitId,
            title: `Indsats ${tag}`,
            ambitionKey: AMBITIONS[n % AMBITIONS.length].key,
            status: 'planned',
          };
          const initiative = await create('initiative', 'initiatives', key, () => s.initiatives.create(item));
          if (initiative) initiatives.push(initiative);
          break;
        }
        case 'initiativeEdit': {
          const at = Math.floor(random() * initiatives.length);
          const value = `Succes målt ${tag}`;
          const id = initiatives[at].id as number;
          const record = edits.get(id) || { initiativeId: id, unacknowledged: [] };
          edits.set(id, record);
          record.unacknowledged.push(value);
          // What the UI does: edit the version on screen; after an error, read again and re-apply.
          let base = initiatives[at];
          const result = await save(`edit ${tag}`, async () => {
            try {
              return await s.initiatives.update(base, { ...base, successMeasure: value });
            } catch (error) {
              base = await s.initiatives.get(id).catch(() => base);
              throw error;
            }
          });
          if (result.ok) {
            initiatives[at] = result.value;
            record.acknowledged = value;
            record.unacknowledged = [];
            acknowledged++;
            if (result.value.successMeasure !== value) {
              mismatched++;
              details.push(`edit ${tag}: answer shows ${String(result.value.successMeasure)}`);
            }
          } else {
            gaveUp++;
          }
          break;
        }
        case 'checkIn': {
          const initiative = initiatives[Math.floor(random() * initiatives.length)];
          const item: ICheckIn = {
            clientKey: key,
            initiativeId: initiative.id as number,
            health: (['green', 'yellow', 'red'] as const)[n % 3],
            progress: n % 101,
            date: today0,
            comment: `Status ${tag}`,
          };
          await create('checkIn', 'checkIns', key, () => s.checkIns.create(item, me.unitId));
          break;
        }
        case 'task': {
          const item: IFollowUpTask = {
            clientKey: key,
            title: `Opgave ${tag}`,
            unitId: me.unitId,
            ambitionKey: AMBITIONS[n % AMBITIONS.length].key,
            assigneeId: s.user.id,
            dueDate: '2030-06-01',
            status: 'open',
            meeting: "Chefgruppemøde O'Brien",
          };
          await create('task', 'tasks', key, () => s.tasks.create(item));
          break;
        }
        case 'story': {
          const item: IStory = {
            clientKey: key,
            title: `Historie ${tag}`,
            body: `<p>Det lykkedes: <strong>${tag}</strong></p>`,
            kind: n % 2 ? 'lesson' : 'success',
            ambitionKey: AMBITIONS[n % AMBITIONS.length].key,
            unitId: me.unitId,
            featured: false,
            recognitionCount: 0,
          };
          await create('story', 'stories', key, () => s.stories.create(item));
          break;
        }
        case 'comment': {
          const item: IDialogComment = { clientKey: key, initiativeId: sharedInitiative.id, body: `Kommentar ${tag}` };
          await create('comment', 'comments', key, () => s.comments.create(item, world.unitId));
          break;
        }
        case 'recognition': {
          const storyId = approvedStoryIds.find((id) => !recognised.has(id)) as number;
          recognised.add(storyId);
          // Its key is the story, the person and a random part: what must exist exactly once is the
          // person's recognition of the story, however often "Anerkend" is pressed.
          await create('recognition', 'recognitions', `story-${storyId}-user-${s.user.id}`, () =>
            s.recognitions.recognise(storyId, s.user.id),
          );
          break;
        }
        case 'reflection': {
          const item: IReflection = {
            clientKey: key,
            contribution: `Min note ${tag}`,
            ambitionKey: AMBITIONS[n % AMBITIONS.length].key,
          };
          // Notes as the list kept them before the move to OneDrive (the list stays for notes not moved yet).
          const list = new ReflectionRepository(spFor(me.email, server));
          await create('reflection', 'reflections', key, () => list.create(item));
          break;
        }
      }
    }
  }

  try {
    await Promise.all(people.map((_, i) => person(i)));
  } finally {
    running = false;
    await lostTicker;
    await server.faults({});
  }
  const requestLog = await server.requests();
  log(`run finished in ${Date.now() - started} ms; reading back as the site owner`);

  // --- Count, faults off, as the site owner.
  const lists = Array.from(new Set(creates.map((c) => c.list)));
  const counts = new Map<ListKey, Map<string, number>>();
  for (const list of lists) counts.set(list, byIdentity(list, await countByClientKey(server, list)));
  let landed = 0;
  let duplicated = 0;
  let lost = 0;
  let gaveUpButLanded = 0;
  const failedCreates: ICreateRecord[] = [];
  for (const record of creates) {
    const key = record.key;
    const n = (counts.get(record.list) as Map<string, number>).get(key) || 0;
    if (n > 0) landed++;
    if (n > 1) {
      duplicated++;
      details.push(`duplicate ${record.kind} ${key} ×${n}`);
    }
    if (record.acknowledged && n === 0) {
      lost++;
      details.push(`lost ${record.kind} ${key}`);
    }
    if (!record.acknowledged) {
      failedCreates.push(record);
      if (n === 1) gaveUpButLanded++;
    }
  }
  const initiativeRows = await readAll(server, 'initiatives', ['Id', 'SuccessMeasure']);
  const measures = new Map(initiativeRows.map((r) => [Number(r.Id), r.SuccessMeasure as string | null]));
  edits.forEach((record) => {
    const value = measures.get(record.initiativeId);
    const allowed = [record.acknowledged, ...record.unacknowledged].filter((v) => v !== undefined);
    if (record.acknowledged !== undefined && allowed.indexOf(value as string) < 0) {
      lost++;
      details.push(
        `lost edit of initiative ${record.initiativeId}: has ${String(value)}, acknowledged ${record.acknowledged}`,
      );
    }
  });

  // --- Writes people gave up on: pressing "Gem" once more, faults off, must give the one item.
  const finalRetries = { retried: failedCreates.length, ok: 0, sameItemAsLanded: 0, failed: [] as string[] };
  for (const record of failedCreates) {
    const key = record.key;
    const before = (await readAll(server, record.list))
      .filter((r) => identity(record.list, String(r.ClientKey)) === key)
      .map((r) => Number(r.Id));
    try {
      const item = await record.again();
      finalRetries.ok++;
      if (before.length === 1 && item.id === before[0]) finalRetries.sameItemAsLanded++;
    } catch (error) {
      finalRetries.failed.push(`${record.kind} ${key}: ${String((error as Error).message)}`);
    }
  }
  let allExactlyOnce = true;
  for (const list of lists) counts.set(list, byIdentity(list, await countByClientKey(server, list)));
  for (const record of creates) {
    const key = record.key;
    if (((counts.get(record.list) as Map<string, number>).get(key) || 0) !== 1) allExactlyOnce = false;
  }

  return {
    attempted: Object.values(byKind).reduce((a, b) => a + b, 0),
    byKind,
    acknowledged,
    reported,
    unreported,
    gaveUp,
    gaveUpButLanded,
    landed,
    duplicated,
    lost,
    mismatched,
    finalRetries,
    allExactlyOnce,
    requests: {
      total: requestLog.length,
      throttled: requestLog.filter((r) => r.status === 429).length,
      lostResponses: requestLog.filter((r) => r.lost).length,
    },
    durationMs: Date.now() - started,
    details,
  };
}

/** The figures as the soak and the test print them. */
export function formatWorkload(result: IWorkloadResult): string {
  const reported =
    Object.entries(result.reported)
      .map(([k, n]) => `${k} ${n}`)
      .join(', ') || 'none';
  return [
    `writes attempted:      ${result.attempted} (${Object.entries(result.byKind)
      .map(([k, n]) => `${k} ${n}`)
      .join(', ')})`,
    `acknowledged:          ${result.acknowledged}`,
    `errors shown (typed):  ${reported}`,
    `errors not typed:      ${result.unreported.length}`,
    `given up by the user:  ${result.gaveUp} (landed anyway: ${result.gaveUpButLanded}; retried with faults off: ${result.finalRetries.ok}/${result.finalRetries.retried} ok, ${result.finalRetries.sameItemAsLanded} returned the landed item)`,
    `new items landed:      ${result.landed}`,
    `duplicated:            ${result.duplicated}`,
    `lost:                  ${result.lost}`,
    `wrong item answered:   ${result.mismatched}`,
    `every key exactly once after retries: ${result.allExactlyOnce ? 'yes' : 'NO'}`,
    `requests: ${result.requests.total} (429: ${result.requests.throttled}, answers lost: ${result.requests.lostResponses}) in ${(result.durationMs / 1000).toFixed(1)} s`,
  ].join('\n');
}
