/**
 * Which unit the plan shows: the property pane's unit on SharePoint; in a Teams channel tab the unit
 * of the tab's configuration (the same property pane, which SPFx keeps per tab) — known before
 * anything is read, so the first view is one request in any browser — or, for a tab configured
 * without one, the unit mapped to the channel (remembered in the Units list, and in this browser so
 * the next visit is one request); in the Teams personal app the person's own choice (remembered in
 * this browser).
 */
import { isGuid } from '../../domain/clientKey';
import type { IUnitItem, IUnitRepository } from '../../data/repositories/types';

/** Where the plan runs. */
export type PlanHost = 'sharepoint' | 'teams-channel' | 'teams-personal';

const PREFIX = 'mpk:plan:';

function storage(): Storage | undefined {
  try {
    return typeof window !== 'undefined' && window.localStorage ? window.localStorage : undefined;
  } catch {
    return undefined;
  }
}

/** The browser key for a host's remembered unit (per channel in a channel tab). */
export function unitMemoryKey(host: PlanHost, channelId?: string): string {
  if (host === 'teams-channel') return `${PREFIX}channel:${channelId ?? ''}`;
  return `${PREFIX}${host}:unit`;
}

/** The unit remembered in this browser for a host (and channel), if any. */
export function rememberedUnitId(host: PlanHost, channelId?: string): number | undefined {
  const raw = storage()?.getItem(unitMemoryKey(host, channelId));
  const id = raw ? Number(raw) : NaN;
  return Number.isInteger(id) && id > 0 ? id : undefined;
}

/** Remembers (or, with undefined, forgets) the unit for a host (and channel) in this browser. */
export function rememberUnitId(host: PlanHost, channelId: string | undefined, unitId: number | undefined): void {
  const store = storage();
  if (!store) return;
  try {
    if (unitId === undefined) store.removeItem(unitMemoryKey(host, channelId));
    else store.setItem(unitMemoryKey(host, channelId), String(unitId));
  } catch {
    // A full or blocked storage only costs the next visit one more request.
  }
}

/** The unit a Teams channel is mapped to in the Units list. */
export function unitForChannel(units: readonly IUnitItem[], channelId: string | undefined): IUnitItem | undefined {
  if (!channelId) return undefined;
  return units.find((unit) => unit.teamsChannelId === channelId);
}

/** The Teams channel details to store on a unit when a channel tab is configured for it. */
export interface IChannelMapping {
  channelId: string;
  channelName?: string;
  teamId?: string;
}

/**
 * The unit with the channel mapped to it. The team id is only stored when it is the Microsoft 365
 * group id (a GUID) the Units list expects; the channel name is kept so the chefgruppe can read it.
 */
export function withChannel(unit: IUnitItem, mapping: IChannelMapping): IUnitItem {
  return {
    ...unit,
    teamsChannelId: mapping.channelId,
    teamsChannelName: mapping.channelName || unit.teamsChannelName,
    teamsTeamId: isGuid(mapping.teamId) ? mapping.teamId : unit.teamsTeamId,
  };
}

/**
 * Maps a Teams channel to a unit in the Units list, so the chefgruppe sees which channel discusses
 * which plan: the unit it was mapped to before (if another) loses it first. Returns the saved units.
 */
export async function saveChannelMapping(
  repository: Pick<IUnitRepository, 'update'>,
  units: readonly IUnitItem[],
  unit: IUnitItem,
  mapping: IChannelMapping
): Promise<IUnitItem[]> {
  const saved: IUnitItem[] = [];
  const previous = unitForChannel(units, mapping.channelId);
  if (previous && previous.id !== unit.id) {
    saved.push(await repository.update(previous, { ...previous, teamsChannelId: undefined, teamsChannelName: undefined, teamsTeamId: undefined }));
  }
  saved.push(await repository.update(unit, withChannel(unit, mapping)));
  return saved;
}

/** The unit's name with its parent's, for pickers: "Skoler (Læring og Trivsel)". */
export function unitLabel(unit: IUnitItem, units: readonly IUnitItem[]): string {
  const parent = unit.parentId !== undefined ? units.find((u) => u.id === unit.parentId) : undefined;
  return parent ? `${unit.name} (${parent.name})` : unit.name;
}

/** Whether a person leads a unit (or any unit, without one). */
export function isLeaderOf(userId: number, units: readonly IUnitItem[], unitId?: number): boolean {
  return units.some((unit) => (unitId === undefined || unit.id === unitId) && (unit.leaderIds || []).indexOf(userId) >= 0);
}
