/** @jest-environment node */
/**
 * Many people editing the same initiative and the same plan at once, each from the version they read
 * before anyone saved: changes to different fields are all kept, changes to the same field come back
 * as ConflictErrors carrying both versions — nothing is silently dropped.
 */
import { ConflictError, DataError } from '../../src/data/errors';
import type { IMpkServices } from '../../src/data/repositories/types';
import type { IInitiative, IPlan } from '../../src/domain/model';
import { startWorld, type IWorld } from './support';
import { dataErrorText } from '../../src/ui/shell/texts';
import { danish } from '../support/strings';

jest.setTimeout(60_000);

let world: IWorld;
let editors: IMpkServices[];

beforeAll(async () => {
  world = await startWorld();
  // Three accounts may edit plans and initiatives (site owner, chefgruppe and leader); each runs
  // several "browser tabs" — independent services objects — to make many parallel editors.
  const { admin, chef, leder } = world.services;
  editors = [admin, chef, leder, admin, chef, leder, admin, chef, leder, admin];
});
afterAll(() => world.server.close());

type Outcome<T> = { ok: true; value: T } | { ok: false; error: unknown };

function settle<T>(promise: Promise<T>): Promise<Outcome<T>> {
  return promise.then(
    (value) => ({ ok: true as const, value }),
    (error: unknown) => ({ ok: false as const, error }),
  );
}

async function newInitiative(period: string): Promise<{ plan: IPlan; initiative: IInitiative }> {
  const { leder } = world.services;
  const plan = await leder.plans.create({
    clientKey: '',
    unitId: world.unitId,
    period,
    status: 'draft',
    ownerId: leder.user.id,
  });
  const initiative = await leder.initiatives.create({
    clientKey: '',
    planId: plan.id as number,
    unitId: world.unitId,
    title: 'Fælles læsebånd',
    ambitionKey: 'viden-og-faglighed',
    status: 'planned',
  });
  return { plan, initiative };
}

describe('parallel edits of one initiative', () => {
  it('keeps every change when five editors each changed a different field at once', async () => {
    const { initiative } = await newInitiative('2040');
    const priorities = await world.services.admin.politicalPriorities.list();
    const changes: Array<Partial<IInitiative>> = [
      { title: 'Fælles læsebånd hver morgen', description: 'Alle klasser læser de første 20 minutter.' },
      { successMeasure: '80 % af eleverne læser dagligt', commitmentKey: 'viden-og-faglighed-1' },
      { politicalPriorityId: priorities[0].id, ownerId: world.services.chef.user.id },
      { startDate: '2040-02-01', endDate: '2040-06-30' },
      { existingInitiativeUrl: 'https://holbaek.dk/laesebaand', status: 'inProgress' },
    ];
    // Everyone reads first, then all save at once from that same version.
    const read = await Promise.all(changes.map((_, i) => editors[i].initiatives.get(initiative.id as number)));
    const outcomes = await Promise.all(
      changes.map((change, i) => settle(editors[i].initiatives.update(read[i], { ...read[i], ...change }))),
    );

    const failures = outcomes.filter((o) => !o.ok).map((o) => (o as { error: unknown }).error);
    expect(failures).toEqual([]);
    const final = await world.services.admin.initiatives.get(initiative.id as number);
    for (const change of changes) expect(final).toMatchObject(change);
  });

  it('keeps a change to one field while nine other people save other fields during its retries', async () => {
    // Ten people at once, made deterministic: each time admin@'s save goes out, one of the nine
    // others has just saved another field, so admin@ meets a newer version nine times in a row.
    // Every one of those 412s is someone else's progress; admin@'s title must still be kept.
    const { initiative } = await newInitiative('2045');
    const id = initiative.id as number;
    const { admin, chef, leder } = world.services;
    const mine = await admin.initiatives.get(id);
    const realFetch = globalThis.fetch;
    let interleaved = 0;
    globalThis.fetch = (async (input: RequestInfo | URL, init?: RequestInit) => {
      const headers = new Headers(init && init.headers);
      const isAdminMerge =
        headers.get('Authorization') === 'Bearer admin@mpk.local' &&
        headers.get('X-HTTP-Method') === 'MERGE' &&
        new RegExp(`/items\\(${id}\\)`, 'i').test(String(input));
      if (isAdminMerge && interleaved < 9) {
        interleaved++;
        const other = interleaved % 2 === 0 ? chef : leder;
        const current = await other.initiatives.get(id);
        await other.initiatives.update(current, { ...current, description: `Indskudt ændring ${interleaved}` });
      }
      return realFetch(input, init);
    }) as typeof fetch;
    try {
      const outcome = await settle(admin.initiatives.update(mine, { ...mine, title: 'Læsebånd, som ti har rettet i' }));
      expect(interleaved).toBeGreaterThanOrEqual(5);
      expect(outcome.ok ? undefined : outcome.error).toBeUndefined();
    } finally {
      globalThis.fetch = realFetch;
    }
    const final = await admin.initiatives.get(id);
    expect(final).toMatchObject({ title: 'Læsebånd, som ti har rettet i', description: 'Indskudt ændring 9' });
  });

  it('lets exactly one same-field change win and hands every other editor a ConflictError with both versions', async () => {
    const { initiative } = await newInitiative('2041');
    const titles = editors.map((_, i) => `Læsebånd, udgave ${i + 1}`);
    const read = await Promise.all(editors.map((e) => e.initiatives.get(initiative.id as number)));
    const outcomes = await Promise.all(
      editors.map((e, i) => settle(e.initiatives.update(read[i], { ...read[i], title: titles[i] }))),
    );

    const winners = outcomes.map((o, i) => (o.ok ? i : -1)).filter((i) => i >= 0);
    expect(winners).toHaveLength(1);
    const final = await world.services.admin.initiatives.get(initiative.id as number);
    expect(final.title).toBe(titles[winners[0]]);
    outcomes.forEach((outcome, i) => {
      if (outcome.ok) return;
      expect(outcome.error).toBeInstanceOf(ConflictError);
      const conflict = outcome.error as ConflictError<IInitiative>;
      expect(conflict.fields).toEqual(['title']);
      expect(conflict.mine.title).toBe(titles[i]);
      // "theirs" is the server's version after another editor's save — never the loser's own text.
      expect(conflict.theirs.title).not.toBe(titles[i]);
      expect(titles).toContain(conflict.theirs.title);
      expect(dataErrorText(danish, conflict)).toMatch(/En anden har ændret det samme/);
    });
  });

  it('surfaces the mixed case per editor: disjoint fields merge, overlapping ones conflict', async () => {
    const { initiative } = await newInitiative('2042');
    const edits: Array<Partial<IInitiative>> = [
      { successMeasure: 'Målt i juni', description: 'Fælles for 0.-3. klasse' },
      { successMeasure: 'Målt i december' },
      { title: 'Læsebånd for de yngste' },
      { description: 'Fælles for 4.-6. klasse' },
    ];
    const read = await Promise.all(edits.map((_, i) => editors[i].initiatives.get(initiative.id as number)));
    const outcomes = await Promise.all(
      edits.map((edit, i) => settle(editors[i].initiatives.update(read[i], { ...read[i], ...edit }))),
    );
    const final = await world.services.admin.initiatives.get(initiative.id as number);

    // The title change touches nobody else's field: it is always kept.
    expect(outcomes[2].ok).toBe(true);
    expect(final.title).toBe('Læsebånd for de yngste');
    // Every edit either is in the final item, or its editor holds a ConflictError naming the field
    // someone else changed — no edit is acknowledged and then missing.
    outcomes.forEach((outcome, i) => {
      if (outcome.ok) {
        const overwrittenLater = Object.keys(edits[i]).some((field) =>
          outcomes.some((o, j) => j !== i && o.ok && field in edits[j]),
        );
        if (!overwrittenLater) expect(final).toMatchObject(edits[i]);
      } else {
        expect(outcome.error).toBeInstanceOf(ConflictError);
        const fields = (outcome.error as ConflictError<IInitiative>).fields;
        expect(fields.length).toBeGreaterThan(0);
        for (const field of fields) expect(Object.keys(edits[i])).toContain(field);
      }
    });
    // Two editors changed the same field to different values from the same version: at most one
    // of each overlapping pair can have been acknowledged.
    expect(outcomes[0].ok && outcomes[1].ok).toBe(false);
    expect(outcomes[0].ok && outcomes[3].ok).toBe(false);
  });
});

describe('parallel edits of one plan', () => {
  it('keeps the period and the owner changed by two people, and makes the third a conflict on the status', async () => {
    const { plan } = await newInitiative('2043');
    const { admin, chef, leder } = world.services;
    const [a, b, c, d] = await Promise.all([admin, chef, leder, admin].map((s) => s.plans.get(plan.id as number)));
    const outcomes = await Promise.all([
      settle(admin.plans.update(a, { ...a, period: '2043-2044' })),
      settle(chef.plans.update(b, { ...b, ownerId: chef.user.id })),
      settle(leder.plans.update(c, { ...c, status: 'approved' })),
      settle(admin.plans.update(d, { ...d, status: 'approved', ownerId: admin.user.id })),
    ]);
    const final = await admin.plans.get(plan.id as number);
    expect(outcomes[0].ok).toBe(true);
    expect(final.period).toBe('2043-2044');
    expect(final.status).toBe('approved');
    // Both status changes agree ("approved"), so neither is a conflict on status; the owner is
    // contested between chef@ and admin@: exactly one is kept and the other is told.
    const ownerOutcomes = [outcomes[1], outcomes[3]];
    const kept = ownerOutcomes.filter((o) => o.ok);
    expect(kept).toHaveLength(1);
    const lost = ownerOutcomes.find((o) => !o.ok) as { error: unknown };
    expect(lost.error).toBeInstanceOf(ConflictError);
    expect((lost.error as ConflictError<IPlan>).fields).toContain('ownerId');
    expect([chef.user.id, admin.user.id]).toContain(final.ownerId);
    expect(final.ownerId).toBe(outcomes[1].ok ? chef.user.id : admin.user.id);
  });

  it('refuses a delete from a version someone else has changed since, and keeps the item', async () => {
    const { plan } = await newInitiative('2044');
    const { chef, leder } = world.services;
    const stale = await chef.plans.get(plan.id as number);
    const fresh = await leder.plans.get(plan.id as number);
    const [removed, updated] = await Promise.all([
      settle(chef.plans.remove(stale)),
      settle(leder.plans.update(fresh, { ...fresh, period: '2044-2045' })),
    ]);
    const final = await settle(leder.plans.get(plan.id as number));
    // Never both: a delete from a stale version after an acknowledged update would drop that update.
    expect(removed.ok && updated.ok).toBe(false);
    if (updated.ok) {
      expect(removed.ok ? undefined : removed.error).toBeInstanceOf(ConflictError);
      expect(final.ok && final.value.period).toBe('2044-2045');
    } else {
      // The delete came first; the update is told the plan is gone.
      expect(removed.ok).toBe(true);
      expect(updated.error).toBeInstanceOf(DataError);
      expect((updated.error as DataError).kind).toBe('notFound');
      expect(final.ok).toBe(false);
    }
  });
});
