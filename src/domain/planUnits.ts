/**
 * Which unit a plan belongs to, as pure rules over the Units list: the unit a Teams channel is
 * mapped to, and a unit's name as the pickers show it. Structural types, so `src/data`'s unit items
 * (and any other shape with these fields) fit.
 */
import type { IUnit } from './model';

/** What these rules read of a unit. */
export type IUnitRef = Pick<IUnit, 'name' | 'parentId' | 'teamsChannelId'> & { id?: number };

/** The unit a Teams channel is mapped to in the Units list. */
export function unitForChannel<U extends Pick<IUnitRef, 'teamsChannelId'>>(
  units: readonly U[],
  channelId: string | undefined,
): U | undefined {
  if (!channelId) return undefined;
  return units.find((unit) => unit.teamsChannelId === channelId);
}

/** The unit whose plan to show: the Units list's mapping of the channel wins over the remembered unit. */
export function resolvePlanUnit(
  units: readonly Pick<IUnitRef, 'id' | 'teamsChannelId'>[],
  channelId: string | undefined,
  unitId: number | undefined,
): number | undefined {
  const mapped = channelId ? units.find((u) => u.teamsChannelId === channelId && u.id !== undefined) : undefined;
  return mapped ? mapped.id : unitId;
}

/** The unit's name with its parent's, for pickers: "Skoler (Læring og Trivsel)". */
export function unitLabel(unit: IUnitRef, units: readonly IUnitRef[]): string {
  const parent = unit.parentId !== undefined ? units.find((u) => u.id === unit.parentId) : undefined;
  return parent ? `${unit.name} (${parent.name})` : unit.name;
}
