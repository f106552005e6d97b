import type { Host } from '../../domain/host';
import type { FollowUpTab } from './followUpModel';

export type { FollowUpTab } from './followUpModel';

/** Props of {@link FollowUpApp}. */
export interface IFollowUpAppProps {
  /**
   * A SharePoint page (web part) or the Teams personal app. In Teams, links to a unit's plan open in
   * a new window, since a SharePoint page must not load inside the tab.
   * @default 'sharepoint'
   */
  host?: Host;
  /**
   * Open on this tab (the chefgruppe's tabs: overview, tasks, "Mine opgaver", status report). Others
   * only have "Mine opgaver".
   * @default 'overview' for the chefgruppe
   */
  initialTab?: FollowUpTab;
  /**
   * The task to open (SharePoint `?mpkTask=<id>`; in Teams the sub-entity `task-<id>`). When absent on
   * SharePoint, the page's own address is read.
   */
  taskId?: number;
  /** The Teams sub-entity the personal app was opened on (a deep link: `task-<id>`). */
  subPageId?: string;
  /** Link to a unit's plan page (click-through from the matrix); without it, unit names are plain text. */
  planUrl?(unitId: number): string;
  /** Tasks per page on the task board ("Vis flere" reads the next). @default 50 */
  pageSize?: number;
  /**
   * The instant "today", "overdue" and the current plans are computed from — a seam for tests and
   * the preview; a web part leaves it out.
   * @default new Date() when the surface mounts
   */
  now?: Date;
}
