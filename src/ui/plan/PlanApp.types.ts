import type { Host } from '../../domain/host';

/** What the plan knows about its Teams host (from `connectTeamsHost`). */
export interface IPlanTeamsContext {
  /** The channel of a channel tab ("19:…@thread.tacv2"); absent in the personal app. */
  channelId?: string;
  channelName?: string;
  /** The Microsoft 365 group id of the team. */
  teamId?: string;
  /** The sub-entity the tab was opened on (a deep link): an initiative id. */
  subPageId?: string;
  /** The tab's entity id (`page.id`), used in the Teams deep link. @default 'ambitionsplan' */
  entityId?: string;
  /** Teams' own share dialog for a sub-entity (`pages.shareDeepLink`), when the host has it. */
  shareDeepLink?(subPageId: string, label: string): void;
}

/** Props of {@link PlanApp}. */
export interface IPlanAppProps {
  /** Where the plan runs. @default 'sharepoint' */
  host?: Host;
  /** The unit from the property pane (SharePoint, or a Teams tab configured through it). */
  unitId?: number;
  /** When hosted in Teams. */
  teams?: IPlanTeamsContext;
  /**
   * The initiative to open (SharePoint deep link `?mpkInitiative=<id>`). When absent on SharePoint,
   * the page's own query string is read.
   */
  initiativeId?: number;
  /**
   * One of the unit's plans to show instead of the current one (SharePoint `?mpkPlan=<id>`). When
   * absent on SharePoint, the page's own query string is read.
   */
  planId?: number;
  /**
   * Builds the link "Del i kanal" shows on SharePoint (the page URL with `?mpkInitiative=`). In Teams
   * the link is always the Teams deep link with the initiative as sub-entity.
   * @default the current page URL with `mpkInitiative=<id>`
   */
  linkToInitiative?(initiativeId: number): string;
  /**
   * A site owner picked a unit on a SharePoint page that had none, or a leader picked the channel's
   * unit on a Teams tab's configuration page: the web part stores it as its property (the tab's
   * configuration). Without it the choice is remembered in this browser (and the Units list) only.
   */
  onUnitChange?(unitId: number): void;
  /** The instant "today" is taken from (tests fix it). @default the clock */
  now?(): Date;
}
