import type { ICheckIn, IInitiative } from '../../src/domain/model';
import { ambitionsFromSeed } from '../../src/data/mapping/entities';
import { AMBITIONS } from '../../src/domain/ambitions';
import {
  checkInSeries,
  focusClientKey,
  groupByAmbition,
  initiativeFormValues,
  initiativeFromForm,
  initiativeStatusOptions,
  planClientKey,
  suggestedPeriod,
} from '../../src/domain/planModel';
import { changedProps, createCollisions, resolveConflict, sameValue } from '../../src/domain/conflict';

const base: IInitiative = {
  id: 1,
  clientKey: 'k',
  etag: '"1"',
  planId: 1,
  unitId: 1,
  title: 'Trivselsmåling',
  ambitionKey: 'mod-og-stolthed',
  status: 'inProgress',
  successMeasure: 'Bedre trivsel',
};

describe('plan model', () => {
  describe('grouping initiatives', () => {
    it('puts each initiative under its ambition, running ones first, and keeps unknown ambitions apart', () => {
      const ambitions = ambitionsFromSeed(AMBITIONS);
      const items: IInitiative[] = [
        { ...base, id: 1, title: 'B', status: 'stopped' },
        { ...base, id: 2, title: 'A', status: 'planned', startDate: '2026-05-01' },
        { ...base, id: 3, title: 'C', status: 'inProgress' },
        { ...base, id: 4, title: 'D', status: 'planned', startDate: '2026-02-01' },
        { ...base, id: 5, title: 'X', ambitionKey: 'ukendt' },
      ];
      const { byAmbition, orphans } = groupByAmbition(items, ambitions);
      expect(Object.keys(byAmbition)).toHaveLength(5);
      expect(byAmbition['mod-og-stolthed'].map((i) => i.title)).toEqual(['C', 'D', 'A', 'B']);
      expect(byAmbition['gode-rammer']).toEqual([]);
      expect(orphans.map((i) => i.id)).toEqual([5]);
    });

    it("orders one initiative's check-ins oldest first, same-day ones by id", () => {
      const checkIns: ICheckIn[] = [
        { id: 3, clientKey: 'c', initiativeId: 1, health: 'red', progress: 5, date: '2026-03-01' },
        { id: 1, clientKey: 'a', initiativeId: 1, health: 'green', progress: 1, date: '2026-01-01' },
        { id: 2, clientKey: 'b', initiativeId: 1, health: 'yellow', progress: 4, date: '2026-03-01' },
        { id: 9, clientKey: 'z', initiativeId: 2, health: 'green', progress: 9, date: '2026-02-01' },
      ];
      expect(checkInSeries(checkIns, 1).map((c) => c.id)).toEqual([1, 2, 3]);
    });
  });

  describe('client keys', () => {
    it('are the same for everyone creating the same plan or focus row, so concurrent creates meet', () => {
      expect(planClientKey(4, '2026-2027')).toBe('unit-4-plan-2026-2027');
      expect(focusClientKey(9, 'gode-rammer')).toBe('plan-9-focus-gode-rammer');
    });

    it('suggest this year in Copenhagen as the period of a new plan', () => {
      expect(suggestedPeriod(new Date('2026-12-31T23:30:00Z'))).toBe('2027');
    });
  });

  describe('changes', () => {
    it('treat empty, null and undefined as the same nothing, and ignore id, ETag and client key', () => {
      expect(sameValue('', undefined)).toBe(true);
      expect(sameValue(null, undefined)).toBe(true);
      expect(sameValue(0, undefined)).toBe(false);
      expect(changedProps(base, { ...base, etag: '"2"', description: '' })).toEqual([]);
      expect(changedProps(base, { ...base, title: 'Ny' })).toEqual(['title']);
    });

    it("find where a create met someone else's row with other values", () => {
      expect(
        createCollisions({ relevance: 'high', localMeaning: 'x' }, { relevance: 'low', localMeaning: 'x' }, [
          'relevance',
          'localMeaning',
        ]),
      ).toEqual(['relevance']);
    });
  });

  describe('resolving a conflict', () => {
    const mine = { ...base, title: 'Min titel', description: 'Min beskrivelse' };
    const theirs = { ...base, etag: '"5"', title: 'Deres titel', successMeasure: 'Deres mål' };

    it('keeps their value in a field where the reader chose theirs, and my non-conflicting changes', () => {
      const result = resolveConflict(base, mine, theirs, ['title'], { title: 'theirs' });
      expect(result).toMatchObject({
        etag: '"5"',
        title: 'Deres titel',
        description: 'Min beskrivelse',
        successMeasure: 'Deres mål',
      });
    });

    it('writes my value where the reader chose mine, never touching what only they changed', () => {
      const result = resolveConflict(base, mine, theirs, ['title'], { title: 'mine' });
      expect(result).toMatchObject({ title: 'Min titel', description: 'Min beskrivelse', successMeasure: 'Deres mål' });
    });
  });

  describe('the initiative form', () => {
    it('round-trips an initiative through its text inputs', () => {
      const full: IInitiative = {
        ...base,
        commitmentKey: 'mod-og-stolthed-1',
        politicalPriorityId: 2,
        ownerId: 7,
        startDate: '2026-01-01',
        endDate: '2026-06-30',
        existingInitiativeUrl: 'https://intra/x',
      };
      const values = initiativeFormValues(full, 'ignored');
      expect(values.politicalPriorityId).toBe('2');
      expect(initiativeFromForm(values, full)).toEqual({ ...full, description: undefined, stopReason: undefined });
    });

    it('leaves blanks out and keeps a non-number for the validator to name', () => {
      const values = { ...initiativeFormValues(undefined, 'gode-rammer'), title: '  Ny  ', ownerId: 'abc' };
      const result = initiativeFromForm(values, { planId: 1, unitId: 1, clientKey: 'n' });
      expect(result).toMatchObject({ title: 'Ny', ambitionKey: 'gode-rammer', status: 'planned', ownerId: 'abc' });
      expect(result.startDate).toBeUndefined();
    });

    it('offers a new initiative planned or running, and an existing one only its allowed next statuses', () => {
      expect(initiativeStatusOptions(undefined)).toEqual(['planned', 'inProgress']);
      expect(initiativeStatusOptions('completed')).toEqual(['completed', 'inProgress']);
      expect(initiativeStatusOptions('planned')).toEqual(['planned', 'inProgress', 'completed', 'stopped']);
    });
  });
});
