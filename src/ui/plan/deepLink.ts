/**
 * Deep links to one initiative: a Teams deep link that opens the channel tab on it (the initiative
 * is the tab's sub-entity), or the SharePoint page with `?mpkInitiative=<id>`; either opens the plan
 * the initiative belongs to. A SharePoint page showing an earlier plan carries `?mpkPlan=<id>`.
 */

import { PERSONAL_TAB_ENTITY_ID, TEAMS_APP_ID, teamsEntityLink } from '../../domain/links';

export { PERSONAL_TAB_ENTITY_ID, TEAMS_APP_ID };

/** The query parameter a SharePoint page carries for a deep link to an initiative. */
export const INITIATIVE_QUERY_PARAM = 'mpkInitiative';

/** What a Teams deep link to an initiative needs. */
export interface ITeamsLinkTarget {
  /** The tab's entity id (`page.id` of the Teams context). */
  entityId: string;
  initiativeId: number;
  /** The channel of a channel tab; absent for the personal app. */
  channelId?: string;
  /** The tab's label in Teams' link preview. @default 'Ambitionsplan' */
  label?: string;
}

/**
 * `https://teams.microsoft.com/l/entity/<app id>/<entity id>?label=…&context=<{"subEntityId","channelId"}>`
 * — Teams opens the tab and hands the initiative id to it as `page.subPageId`.
 */
export function teamsInitiativeLink(target: ITeamsLinkTarget): string {
  return teamsEntityLink(
    target.entityId,
    String(target.initiativeId),
    target.label ?? 'Ambitionsplan',
    target.channelId,
  );
}

/** Reads the initiative id back from a Teams deep link (`context.subEntityId`), if it is one. */
export function initiativeIdFromTeamsLink(link: string): number | undefined {
  try {
    const url = new URL(link);
    const context = url.searchParams.get('context');
    if (!context) return undefined;
    return parseInitiativeId((JSON.parse(context) as { subEntityId?: unknown }).subEntityId);
  } catch {
    return undefined;
  }
}

/** The page URL with `mpkInitiative=<id>` (replacing an earlier one; the hash is dropped). */
export function sharePointInitiativeLink(pageUrl: string, initiativeId: number): string {
  const url = new URL(pageUrl);
  url.hash = '';
  url.searchParams.set(INITIATIVE_QUERY_PARAM, String(initiativeId));
  return url.toString();
}

/** An item id (initiative, plan) from a sub-entity id or a query value: a positive whole number, else undefined. */
export function parseInitiativeId(value: unknown): number | undefined {
  if (typeof value === 'number') return Number.isInteger(value) && value > 0 ? value : undefined;
  if (typeof value !== 'string' || !/^\s*\d+\s*$/.test(value)) return undefined;
  const id = Number(value);
  return id > 0 ? id : undefined;
}

/** The initiative a SharePoint page was opened on (`?mpkInitiative=`). */
export function initiativeIdFromSearch(search: string): number | undefined {
  return parseInitiativeId(new URLSearchParams(search).get(INITIATIVE_QUERY_PARAM));
}

/** The query parameter a SharePoint page carries for one of the unit's plans (an earlier period). */
export const PLAN_QUERY_PARAM = 'mpkPlan';

/** The plan a SharePoint page was opened on (`?mpkPlan=`). */
export function planIdFromSearch(search: string): number | undefined {
  return parseInitiativeId(new URLSearchParams(search).get(PLAN_QUERY_PARAM));
}

/**
 * The page URL showing a plan: `mpkPlan=<id>`, or none for the current plan. A link to an initiative
 * is dropped: it pointed into the plan shown before.
 */
export function sharePointPlanLink(pageUrl: string, planId: number | undefined): string {
  const url = new URL(pageUrl);
  url.searchParams.delete(INITIATIVE_QUERY_PARAM);
  if (planId === undefined) url.searchParams.delete(PLAN_QUERY_PARAM);
  else url.searchParams.set(PLAN_QUERY_PARAM, String(planId));
  return url.toString();
}
