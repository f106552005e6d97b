/** `$select` and `$expand` lists: comma-separated paths such as `Id,Title,Author/Title`. */

/** One selected path, split at `/`. */
export type SelectPath = string[];

/** Parsed `$select`/`$expand`; `select` is null when every property is wanted (no `$select` or `*`). */
export interface Projection {
  select: SelectPath[] | null;
  expand: SelectPath[];
}

/** Splits a comma list into trimmed, non-empty paths. */
export function parsePathList(value: string | null | undefined): SelectPath[] {
  if (!value) return [];
  return value
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s.length > 0)
    .map((s) => s.split('/').map((p) => p.trim()));
}

/** Parses the two options together. */
export function parseProjection(select: string | null | undefined, expand: string | null | undefined): Projection {
  const paths = parsePathList(select);
  const all = paths.length === 0 || paths.some((p) => p.length === 1 && p[0] === '*');
  return { select: all ? null : paths, expand: parsePathList(expand) };
}

/** Top-level names selected (for `Author/Title` that is `Author`). */
export function selectedRoots(p: Projection): Set<string> | null {
  if (!p.select) return null;
  return new Set(p.select.map((s) => s[0]));
}

/** Sub-properties selected under a root (`Author` → [`Title`, `EMail`]); empty when none. */
export function selectedUnder(p: Projection, root: string): string[] {
  if (!p.select) return [];
  return p.select
    .filter((s) => s.length > 1 && s[0].toLowerCase() === root.toLowerCase())
    .map((s) => s.slice(1).join('/'));
}

/** True when `$expand` names the root. */
export function isExpanded(p: Projection, root: string): boolean {
  return p.expand.some((e) => e[0].toLowerCase() === root.toLowerCase());
}
