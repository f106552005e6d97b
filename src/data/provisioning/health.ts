/**
 * The site health check over PnPjs: reads the security-relevant state of the site (list settings,
 * inheritance, role assignments, groups, permission levels) in one `$batch` POST and compares it with
 * the schema (`schema/health.ts`). "Klargør site" (`provision`) restores what it finds.
 */
import type { SPFI } from '@pnp/sp';
import { SCHEMA } from '../schema/lists';
import { siteHealth, type IHealthFinding } from '../schema/health';
import type { ISchema, RoleKey } from '../schema/types';
import { readSiteState, type ISiteState } from './state';

/** The findings on a site state already read (provisioning reads it anyway). */
export function healthOfState(schema: ISchema, state: ISiteState): IHealthFinding[] {
  return siteHealth(schema, {
    principals: state.principals,
    roleDefs: state.roleDefs as Record<RoleKey, number>,
    webRoleAssignments: state.webRoleAssignments,
    lists: state.lists,
  });
}

/** Reads the site and reports what differs from the schema (empty: healthy). */
export async function checkSiteHealth(sp: SPFI, schema: ISchema = SCHEMA): Promise<IHealthFinding[]> {
  return healthOfState(schema, await readSiteState(sp, schema, true));
}
