/** What provisioning did, for "Klargør site" and the CLI. */
import type { IHealthFinding } from '../schema/health';

/** One change provisioning made (or, for `warning`, could not make). */
export interface IProvisionChange {
  kind:
    | 'listCreated'
    | 'listUpdated'
    | 'fieldCreated'
    | 'fieldUpdated'
    | 'groupCreated'
    | 'roleDefinitionCreated'
    | 'roleDefinitionUpdated'
    | 'inheritanceBroken'
    | 'inheritanceReset'
    | 'roleAdded'
    | 'roleRemoved'
    | 'itemsSeeded'
    | 'itemsUpdated'
    | 'versionSet'
    | 'warning';
  /** The list, group or setting it concerns, e.g. "MPK Historier" or "MPK Historier/ClientKey". */
  target: string;
  /** A short English description, e.g. "Indexed, EnforceUniqueValues" or "visitors: contribute". */
  detail?: string;
}

/** The result of one provisioning run. */
export interface IProvisionReport {
  /** The schema version found (undefined on a site never provisioned). */
  fromVersion?: number;
  toVersion: number;
  changes: IProvisionChange[];
  /** Requests sent to SharePoint that changed something (0 on a site that was already up to date). */
  writes: number;
  /** What the site health check found before this run restored it (see `schema/health.ts`); absent when nothing. */
  health?: IHealthFinding[];
}

/** One line per change, for the CLI. */
export function formatReport(report: IProvisionReport): string[] {
  const lines = [
    `Schema ${report.fromVersion === undefined ? '(none)' : `v${report.fromVersion}`} → v${report.toVersion}: ${report.changes.length} change(s), ${report.writes} write request(s).`,
  ];
  for (const finding of report.health || []) {
    lines.push(
      `  health (${finding.risk})  ${finding.list}  ${finding.setting}${finding.principal ? ` ${finding.principal}` : ''}: ${String(finding.actual)} → ${String(finding.expected)}`,
    );
  }
  for (const change of report.changes)
    lines.push(`  ${change.kind}  ${change.target}${change.detail ? `  (${change.detail})` : ''}`);
  return lines;
}
