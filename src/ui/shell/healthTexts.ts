/** The site health check's findings in words; apart from `texts.ts` so it loads with the check, on demand. */
import { findingWhy, type IHealthFinding, type IHealthText, type SecuritySetting } from '../../data/schema/health';
import { fill } from './strings';

/** A setting's value as the list settings page names it. */
function valueLabel(t: IMpkHealthFindingStrings, finding: IHealthFinding, value: number | boolean | string): string {
  switch (finding.setting) {
    case 'ReadSecurity':
      return t.readSecurity[value as 1 | 2] || String(value);
    case 'WriteSecurity':
      return t.writeSecurity[value as 1 | 2 | 4] || String(value);
    case 'DraftVersionVisibility':
      return t.draftVisibility[value as 0 | 1 | 2] || String(value);
    case 'EnableModeration':
      return t.onOff[String(value === true) as 'true' | 'false'];
    case 'uniquePermissions':
      return t.ownPermissions[String(value === true) as 'true' | 'false'];
    case 'role':
      return value === '' ? t.noRole : (t.roles as Partial<Record<string, string>>)[String(value)] || String(value);
  }
}

/** A site health finding in words: what differs, why it matters and how to restore it. */
export function describeFinding(strings: Pick<IMpkStrings, 'healthFindings'>, finding: IHealthFinding): IHealthText {
  const t = strings.healthFindings;
  const values = {
    list: finding.scope === 'web' ? t.site : finding.list,
    principal: finding.principal ? t.principals[finding.principal] : '',
    expected: valueLabel(t, finding, finding.expected),
    actual: valueLabel(t, finding, finding.actual),
  };
  const what =
    finding.setting === 'uniquePermissions'
      ? t.uniqueWhat[String(finding.expected === true) as 'true' | 'false']
      : t.what[finding.setting as SecuritySetting | 'role'];
  return { what: fill(what, values), why: t.why[findingWhy(finding)], how: fill(t.how[finding.setting], values) };
}
