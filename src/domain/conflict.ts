// Two people saving the same item: which fields changed, and the version to save after a conflict.

/** Empty strings, null and undefined are the same "nothing". */
export function sameValue(a: unknown, b: unknown): boolean {
  const norm = (v: unknown): string => {
    if (v === undefined || v === null || v === '') return '∅';
    return JSON.stringify(v);
  };
  return norm(a) === norm(b);
}

const BOOKKEEPING = ['id', 'etag', 'clientKey'];

/** The properties whose values differ between two versions of an item (ignoring id, ETag, client key). */
export function changedProps<T extends object>(a: T, b: T): string[] {
  const keys: string[] = [];
  for (const key of Object.keys(a).concat(Object.keys(b))) {
    if (keys.indexOf(key) >= 0 || BOOKKEEPING.indexOf(key) >= 0) continue;
    if (!sameValue((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key])) keys.push(key);
  }
  return keys;
}

/**
 * The merge rule of a stale save (the repositories' and the test fake's): of the fields someone else
 * changed since I read the item (`theirs`), those I change too (`mine`: field → my value) to something
 * other than what they saved (`saved`). None: my changes are applied on top of theirs. Any: a conflict.
 */
export function overlappingChanges(
  mine: Readonly<Record<string, unknown>>,
  theirs: readonly string[],
  saved: Readonly<Record<string, unknown>>,
  same: (a: unknown, b: unknown) => boolean = sameValue,
): string[] {
  return theirs.filter((field) => field in mine && !same(mine[field], saved[field]));
}

/** Per conflicting field: keep what is saved (theirs) or save mine. */
export type ConflictSide = 'theirs' | 'mine';

/**
 * The item to save after a conflict: the saved version (`theirs`, with its fresh ETag) plus every
 * change I made from `base` that they did not touch, plus, per conflicting field, the side chosen.
 */
export function resolveConflict<T extends object>(
  base: T,
  mine: T,
  theirs: T,
  conflictFields: readonly string[],
  choice: Record<string, ConflictSide>,
): T {
  const result: Record<string, unknown> = { ...(theirs as Record<string, unknown>) };
  for (const field of changedProps(base, mine)) {
    const conflicting = conflictFields.indexOf(field) >= 0;
    if (!conflicting || choice[field] === 'mine') result[field] = (mine as Record<string, unknown>)[field];
  }
  return result as T;
}

/**
 * After a create that met an existing item (same client key): the fields where the saved item
 * differs from what I tried to save — a conflict to show, not something to overwrite silently.
 */
export function createCollisions<T extends object>(mine: T, saved: T, fields: readonly (keyof T & string)[]): string[] {
  return fields.filter((field) => !sameValue(mine[field], saved[field]));
}
