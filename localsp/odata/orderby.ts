/** `$orderby`: `Created desc,Id asc`. */
import { badFilter } from '../http/errors';

/** One sort key. */
export interface OrderKey {
  path: string[];
  desc: boolean;
}

/** Parses `$orderby`; a malformed clause is SharePoint's "expression is not valid" 400. */
export function parseOrderBy(value: string | null | undefined): OrderKey[] {
  if (!value || value.trim() === '') return [];
  return value.split(',').map((clause) => {
    const parts = clause.trim().split(/\s+/);
    if (parts.length === 0 || parts.length > 2 || !/^[A-Za-z_][A-Za-z0-9_./]*$/.test(parts[0])) throw badFilter(value);
    const dir = (parts[1] ?? 'asc').toLowerCase();
    if (dir !== 'asc' && dir !== 'desc') throw badFilter(value);
    return { path: parts[0].split('/'), desc: dir === 'desc' };
  });
}

/** Compares two normalised sort values: nulls first ascending, as SQL Server sorts them. */
export function compareSortValues(a: string | number | boolean | null, b: string | number | boolean | null): number {
  if (a === b) return 0;
  if (a === null) return -1;
  if (b === null) return 1;
  return a < b ? -1 : 1;
}
