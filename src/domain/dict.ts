/**
 * Objects keyed by values that come from data (ambition keys, unit keys, statuses, client keys …).
 * SharePoint lets anyone with write access store `__proto__`, `constructor` or `toString` in such a
 * column, so a plain object would read Object.prototype's members for them, or — on `obj[key] = …`
 * with `__proto__` — replace the object's prototype, and through it pollute every script on the
 * page. A dictionary here has no prototype at all, and a lookup in a constant table reads only the
 * table's own entries. (`Map` is just as good where the object does not leave the function.)
 */

/** A dictionary without a prototype: every key, `__proto__` included, is an ordinary own entry. */
export type Dict<V> = Record<string, V>;

/** A new empty dictionary (null prototype), optionally filled from entries. */
export function dict<V>(entries: Iterable<readonly [string | number, V]> = []): Dict<V> {
  const out = Object.create(null) as Dict<V>;
  for (const [key, value] of entries) out[key] = value;
  return out;
}

/** A table's own entry for a key from data, or undefined (never an inherited member). */
export function own<V>(table: Readonly<Record<string, V>>, key: string | number | undefined | null): V | undefined {
  if (key === undefined || key === null) return undefined;
  return Object.prototype.hasOwnProperty.call(table, key) ? table[key as string] : undefined;
}
