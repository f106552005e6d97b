import type { ICheckIn, IInitiative, IPlan } from '../../src/domain/model';
import {
  withCheckIn,
  withCommentCounted,
  withFocus,
  withInitiative,
  withPlan,
  withUnit,
  type IPlanViewRows,
} from '../../src/domain/planViewPatch';

const plan: IPlan = { id: 1, clientKey: 'unit-1-plan-2026', unitId: 1, period: '2026', status: 'draft' } as IPlan;
const initiative = { id: 10, clientKey: 'i', planId: 1, unitId: 1, title: 'A', status: 'planned' } as IInitiative;
const checkIn = (id: number, date: string, initiativeId = 10): ICheckIn =>
  ({ id, clientKey: `c${id}`, initiativeId, date, progress: id }) as unknown as ICheckIn;

function view(): IPlanViewRows & { other: string } {
  return {
    other: 'kept',
    plans: [plan],
    plan,
    focuses: [],
    initiatives: [initiative],
    checkIns: [checkIn(1, '2026-01-15')],
    latestCheckIns: { 10: checkIn(1, '2026-01-15') },
    commentCounts: { 10: 2 },
  };
}

describe('a saved change applied to the plan view', () => {
  it('makes a first plan current with nothing under it, and only lists a plan that is not shown', () => {
    const empty = { ...view(), plans: [], plan: undefined };
    const created = withPlan(empty, plan);
    expect(created.plan).toBe(plan);
    expect(created.initiatives).toEqual([]);
    expect(created.latestCheckIns).toEqual({});
    expect(created.other).toBe('kept');
    const older = { ...plan, id: 2, period: '2025' };
    const listed = withPlan(view(), older);
    expect(listed.plan).toBe(plan);
    expect(listed.plans.map((p) => p.id)).toEqual([1, 2]);
    expect(listed.initiatives).toHaveLength(1);
  });

  it('replaces a saved initiative in place and adds a new one', () => {
    const renamed = withInitiative(view(), { ...initiative, title: 'B' });
    expect(renamed.initiatives.map((i) => i.title)).toEqual(['B']);
    expect(withInitiative(view(), { ...initiative, id: 11 }).initiatives.map((i) => i.id)).toEqual([10, 11]);
  });

  it('keeps one focus row per ambition', () => {
    const first = withFocus(view(), { id: 5, planId: 1, ambitionKey: 'trivsel', relevance: 'high' } as never);
    const again = withFocus(first, { id: 6, planId: 1, ambitionKey: 'trivsel', relevance: 'low' } as never);
    expect(again.focuses.map((f) => f.id)).toEqual([6]);
  });

  it('puts check-ins newest first and keeps the latest per initiative', () => {
    const older = withCheckIn(view(), checkIn(2, '2025-12-01'));
    expect(older.checkIns.map((c) => c.id)).toEqual([1, 2]);
    expect(older.latestCheckIns[10].id).toBe(1);
    const newer = withCheckIn(older, checkIn(3, '2026-03-10'));
    expect(newer.checkIns.map((c) => c.id)).toEqual([3, 1, 2]);
    expect(newer.latestCheckIns[10].id).toBe(3);
  });

  it('counts a comment, from zero on an initiative without any', () => {
    expect(withCommentCounted(view(), 10).commentCounts[10]).toBe(3);
    expect(withCommentCounted(view(), 11).commentCounts[11]).toBe(1);
  });

  it('replaces a saved unit in the list, and the shown unit only when it is the same', () => {
    const units = [
      { id: 1, name: 'A' },
      { id: 2, name: 'B' },
    ];
    const shown = { units, unit: units[0] };
    const renamed = withUnit(shown, { id: 1, name: 'A2' });
    expect(renamed.unit?.name).toBe('A2');
    expect(renamed.units.map((u) => u.name)).toEqual(['A2', 'B']);
    expect(withUnit(shown, { id: 2, name: 'B2' }).unit?.name).toBe('A');
  });
});
