/**
 * The chefgruppe's matrix in groups: every kerneområde (or stab) with the units under it, indented by
 * how far below it they sit, and — on request — only the units without a current plan. Pure and
 * linear in the number of rows, so it runs over a municipality's 200 units on every toggle.
 */
import type { IOverviewRow } from './overview';

/** One row of the grouped matrix. */
export interface IMatrixLine {
  row: IOverviewRow;
  /** 0 for the group's own unit (the kerneområde), 1 for a unit right under it, and so on. */
  depth: number;
  /**
   * Only the unit's name is shown (the group's own unit has a plan but is kept to name the group when
   * only units without a plan are shown).
   */
  nameOnly?: boolean;
}

/** A kerneområde (or a unit whose parent is not in the list) and the units under it, in tree order. */
export type MatrixGroup = readonly IMatrixLine[];

/** Whether the unit has no current plan (then all its cells say so). */
export function hasNoPlan(row: IOverviewRow): boolean {
  return !row.cells.some((cell) => cell.planId !== undefined);
}

/** How many of the rows are units without a current plan. */
export function countWithoutPlan(rows: readonly IOverviewRow[]): number {
  let count = 0;
  for (const row of rows) if (hasNoPlan(row)) count++;
  return count;
}

/**
 * The rows grouped under their top unit: a group per unit whose parent is not among the rows, in the
 * rows' order, each followed by the units under it (depth first, in the rows' order). A unit in a
 * parent cycle, which validation refuses but a list edited by hand may hold, starts its own group.
 */
export function groupMatrixRows(rows: readonly IOverviewRow[]): MatrixGroup[] {
  const present = new Set<number>();
  for (const row of rows) if (row.unit.id !== undefined) present.add(row.unit.id);
  const children = new Map<number, IOverviewRow[]>();
  const roots: IOverviewRow[] = [];
  for (const row of rows) {
    const parent = row.unit.parentId;
    if (parent !== undefined && parent !== row.unit.id && present.has(parent)) {
      let list = children.get(parent);
      if (!list) children.set(parent, (list = []));
      list.push(row);
    } else roots.push(row);
  }
  const placed = new Set<IOverviewRow>();
  const groups: MatrixGroup[] = [];
  const walk = (row: IOverviewRow, depth: number, into: IMatrixLine[]): void => {
    placed.add(row);
    into.push({ row, depth });
    const below = row.unit.id !== undefined ? children.get(row.unit.id) : undefined;
    for (const child of below || []) if (!placed.has(child)) walk(child, depth + 1, into);
  };
  for (const root of roots) {
    const group: IMatrixLine[] = [];
    walk(root, 0, group);
    groups.push(group);
  }
  // Units in a cycle are reached from no root.
  for (const row of rows) {
    if (placed.has(row)) continue;
    const group: IMatrixLine[] = [];
    walk(row, 0, group);
    groups.push(group);
  }
  return groups;
}

/**
 * Only the units without a current plan, still in their groups: a group's own unit that has a plan is
 * kept by name only when units under it lack one; a group with none left goes.
 */
export function onlyWithoutPlan(groups: readonly MatrixGroup[]): MatrixGroup[] {
  const kept: MatrixGroup[] = [];
  for (const group of groups) {
    const [head, ...members] = group;
    const without = members.filter((line) => hasNoPlan(line.row));
    if (hasNoPlan(head.row)) kept.push([head, ...without]);
    else if (without.length > 0) kept.push([{ ...head, nameOnly: true }, ...without]);
  }
  return kept;
}

/** How many lines the groups hold (what progressive drawing counts). */
export function lineCount(groups: readonly MatrixGroup[]): number {
  let count = 0;
  for (const group of groups) count += group.length;
  return count;
}
