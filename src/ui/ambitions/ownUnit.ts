/**
 * Which unit is "the reader's own" in the ambitions view ("Hos <enhed>" on an opened ambition). The
 * product keeps no membership of employees: the web part's one configured unit, else the reader's own
 * choice (remembered in this browser), else the unit of their newest story. Pure but for the browser
 * store; small, as the first view carries it.
 */
import type { IUnitItem } from '../../data/repositories/types';
import { browserStorage } from '../shell/browserStorage';

const KEY = 'mpk:ambitions:unit';

/** The unit chosen in this browser, if any. */
export function chosenUnitId(): number | undefined {
  const id = Number(browserStorage()?.getItem(KEY));
  return Number.isInteger(id) && id > 0 ? id : undefined;
}

/** Remembers the reader's unit in this browser (undefined forgets it). */
export function chooseUnitId(id: number | undefined): void {
  try {
    if (id === undefined) browserStorage()?.removeItem(KEY);
    else browserStorage()?.setItem(KEY, String(id));
  } catch {
    // A full or blocked store: the choice holds until the page is left.
  }
}

/** The reader's unit: the web part's only unit, the choice, or their newest story's; only a unit that exists. */
export function ownUnitId(
  units: readonly IUnitItem[],
  scopeUnitIds: readonly number[],
  chosen: number | undefined,
  newestStoryUnitId: number | undefined,
): number | undefined {
  const exists = (id: number | undefined): id is number => id !== undefined && units.some((u) => u.id === id);
  if (scopeUnitIds.length === 1 && exists(scopeUnitIds[0])) return scopeUnitIds[0];
  if (exists(chosen)) return chosen;
  return exists(newestStoryUnitId) ? newestStoryUnitId : undefined;
}
