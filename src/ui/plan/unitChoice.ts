/**
 * Which unit the plan shows: the property pane's unit on SharePoint; in a Teams channel tab the unit
 * of the tab's configuration (the same property pane, which SPFx keeps per tab) — known before
 * anything is read, so the first view is one request in any browser — or, for a tab configured
 * without one, the unit mapped to the channel (remembered in the Units list, and in this browser so
 * the next visit is one request); in the Teams personal app the person's own choice (remembered in
 * this browser). The pure rules (the channel's unit, a unit's label) are in `src/domain/planUnits.ts`.
 */

import type { Host } from '../../domain/host';
import { browserStorage } from '../shell/browserStorage';

const PREFIX = 'mpk:plan:';

/** The browser key for a host's remembered unit (per channel in a channel tab). */
export function unitMemoryKey(host: Host, channelId?: string): string {
  if (host === 'teams-channel') return `${PREFIX}channel:${channelId ?? ''}`;
  return `${PREFIX}${host}:unit`;
}

/** The unit remembered in this browser for a host (and channel), if any. */
export function rememberedUnitId(host: Host, channelId?: string): number | undefined {
  const raw = browserStorage()?.getItem(unitMemoryKey(host, channelId));
  const id = raw ? Number(raw) : NaN;
  return Number.isInteger(id) && id > 0 ? id : undefined;
}

/** Remembers (or, with undefined, forgets) the unit for a host (and channel) in this browser. */
export function rememberUnitId(host: Host, channelId: string | undefined, unitId: number | undefined): void {
  const store = browserStorage();
  if (!store) return;
  try {
    if (unitId === undefined) store.removeItem(unitMemoryKey(host, channelId));
    else store.setItem(unitMemoryKey(host, channelId), String(unitId));
  } catch {
    // A full or blocked storage only costs the next visit one more request.
  }
}
