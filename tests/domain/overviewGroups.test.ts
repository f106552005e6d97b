import type { IOverviewRow } from '../../src/domain/overview';
import {
  countWithoutPlan,
  groupMatrixRows,
  hasNoPlan,
  lineCount,
  onlyWithoutPlan,
  type MatrixGroup,
} from '../../src/domain/overviewGroups';

/** A row for a unit: with a plan (every cell carries its id) or without. */
function row(id: number, name: string, options: { parentId?: number; plan?: boolean } = {}): IOverviewRow {
  return {
    unit: {
      id,
      clientKey: `u${id}`,
      name,
      kind: options.parentId ? 'department' : 'coreArea',
      leaderIds: [],
      parentId: options.parentId,
    },
    cells: ['a', 'b'].map((ambitionKey) => ({
      unitId: id,
      ambitionKey,
      planId: options.plan ? id * 10 : undefined,
      initiativeCount: 0,
      activeInitiativeCount: 0,
      initiativesByStatus: { planned: 0, inProgress: 0, completed: 0, stopped: 0 },
      trend: 'unknown' as const,
    })),
  };
}

/** Each group as "name/depth" strings, name-only lines marked with "*". */
function shape(groups: readonly MatrixGroup[]): string[][] {
  return groups.map((group) => group.map((l) => `${l.row.unit.name}/${l.depth}${l.nameOnly ? '*' : ''}`));
}

// Sorted as the view sorts units (by order, then name): the sub-units come after every kerneområde.
const ROWS = [
  row(1, 'Læring og Trivsel', { plan: true }),
  row(2, 'Alle Kan Bidrage'),
  row(3, 'Økonomi', { plan: true }),
  row(4, 'Dagtilbud Øst', { parentId: 1 }),
  row(5, 'Stenhus Skole', { parentId: 1, plan: true }),
  row(6, 'Holbæk Jobcenter', { parentId: 2 }),
  row(7, 'Børnehuset Sol', { parentId: 4 }),
];

describe('grouping the matrix under the kerneområder', () => {
  it('puts every unit under its kerneområde, depth first and indented by level, in the rows’ order', () => {
    expect(shape(groupMatrixRows(ROWS))).toEqual([
      ['Læring og Trivsel/0', 'Dagtilbud Øst/1', 'Børnehuset Sol/2', 'Stenhus Skole/1'],
      ['Alle Kan Bidrage/0', 'Holbæk Jobcenter/1'],
      ['Økonomi/0'],
    ]);
  });

  it('starts a group with a unit whose parent is not in the list, and never loses a unit in a parent cycle', () => {
    const orphan = row(8, 'Vej og Park', { parentId: 99 });
    const a = row(9, 'A', { parentId: 10 });
    const b = row(10, 'B', { parentId: 9 });
    const self = row(11, 'Selv', { parentId: 11 });
    const groups = groupMatrixRows([orphan, a, b, self]);
    expect(shape(groups)).toEqual([['Vej og Park/0'], ['Selv/0'], ['A/0', 'B/1']]);
    expect(lineCount(groups)).toBe(4);
  });

  it('is linear enough for a municipality: 200 units in 20 kerneområder in one pass', () => {
    const many: IOverviewRow[] = [];
    for (let k = 1; k <= 20; k++) many.push(row(k, `K${k}`));
    for (let u = 21; u <= 200; u++) many.push(row(u, `U${u}`, { parentId: (u % 20) + 1 }));
    const groups = groupMatrixRows(many);
    expect(groups).toHaveLength(20);
    expect(lineCount(groups)).toBe(200);
    expect(groups.every((g) => g.slice(1).every((l) => l.depth === 1))).toBe(true);
  });
});

describe('the units without a current plan', () => {
  it('counts the units without a plan', () => {
    expect(hasNoPlan(ROWS[0])).toBe(false);
    expect(hasNoPlan(ROWS[1])).toBe(true);
    expect(countWithoutPlan(ROWS)).toBe(4);
  });

  it('keeps only them, in their groups, naming a kerneområde with a plan only when units under it lack one', () => {
    expect(shape(onlyWithoutPlan(groupMatrixRows(ROWS)))).toEqual([
      ['Læring og Trivsel/0*', 'Dagtilbud Øst/1', 'Børnehuset Sol/2'],
      ['Alle Kan Bidrage/0', 'Holbæk Jobcenter/1'],
    ]);
  });

  it('shows nothing when every unit has a plan', () => {
    expect(
      onlyWithoutPlan(groupMatrixRows([row(1, 'A', { plan: true }), row(2, 'B', { parentId: 1, plan: true })])),
    ).toEqual([]);
  });
});
