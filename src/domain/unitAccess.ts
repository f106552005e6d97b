/**
 * Who may act for which unit — one pure rule for the UI (what a picker offers) and the data layer
 * (what it refuses). A leader acts for the units they lead and every unit below them; the chefgruppe
 * and site owners act for all. Used for mapping a Teams channel to a unit: SharePoint lets every
 * member edit the Units list's items (see `UNITS` in the schema), so the product narrows it.
 */
import type { IUnit } from './model';

/** The few facts about a person the rule needs. */
export interface IUnitActor {
  /** SharePoint user id on the site. */
  userId: number;
  isSiteOwner: boolean;
  inChefgruppe: boolean;
}

/** What the rule reads of a unit. */
export type UnitLink = Pick<IUnit, 'id' | 'parentId' | 'leaderIds'>;

/** Whether a person leads a unit or one of the units above it (a loop in the parent column stops). */
export function leadsUnitOrAbove(userId: number, unitId: number | undefined, units: readonly UnitLink[]): boolean {
  const byId = new Map<number, UnitLink>();
  for (const unit of units) if (unit.id !== undefined) byId.set(unit.id, unit);
  const seen = new Set<number>();
  let current = unitId !== undefined ? byId.get(unitId) : undefined;
  while (current && current.id !== undefined && !seen.has(current.id)) {
    if ((current.leaderIds || []).indexOf(userId) >= 0) return true;
    seen.add(current.id);
    current = current.parentId !== undefined ? byId.get(current.parentId) : undefined;
  }
  return false;
}

/** The chefgruppe and site owners act for every unit. */
export function actsForAllUnits(actor: IUnitActor): boolean {
  return actor.isSiteOwner || actor.inChefgruppe;
}

/** Whether a person may act for a unit (e.g. map a Teams channel to it, or take its mapping away). */
export function mayActForUnit(actor: IUnitActor, unitId: number | undefined, units: readonly UnitLink[]): boolean {
  if (unitId === undefined || !units.some((u) => u.id === unitId)) return false;
  return actsForAllUnits(actor) || leadsUnitOrAbove(actor.userId, unitId, units);
}

/** The units a person may act for, in the order given: what a picker offers them. */
export function unitsActedFor<T extends UnitLink>(actor: IUnitActor, units: readonly T[]): T[] {
  if (actsForAllUnits(actor)) return units.slice();
  return units.filter((unit) => leadsUnitOrAbove(actor.userId, unit.id, units));
}
