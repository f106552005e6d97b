/**
 * The site health check: the security-relevant settings of a site (who reads and edits whose items,
 * content approval, who sees drafts, which lists have their own permissions and who holds which role
 * on them) compared with the schema. Pure: every expected value comes from the schema definitions
 * (`lists.ts`), and the permission findings are exactly the permission changes "Klargør site" would
 * make (`diffPermissions`), so "repaired" means "the health check finds nothing".
 */
import { diffPermissions, findListState, type IPermissionContext } from './diff';
import type { IListSettings, ISchema, ListKey, PrincipalKey, RoleKey } from './types';

/** The list settings the health check compares (the ones that protect people). */
export const SECURITY_SETTINGS = [
  'ReadSecurity',
  'WriteSecurity',
  'EnableModeration',
  'DraftVersionVisibility',
] as const;
export type SecuritySetting = (typeof SECURITY_SETTINGS)[number];

/** How much a difference matters: `high` exposes or lets others change what is not theirs. */
export type HealthRisk = 'high' | 'medium' | 'low';

/** One difference between the site and the schema. */
export interface IHealthFinding {
  /** The list's key, or "web" for the site itself. */
  scope: ListKey | 'web';
  /** The list's title as SharePoint shows it ("(site)" for the site). */
  list: string;
  setting: SecuritySetting | 'uniquePermissions' | 'role';
  /** For role findings: whose role differs. */
  principal?: PrincipalKey;
  /** Settings: the value; uniquePermissions: true = own permissions; role: the permission level (or "" for none). */
  expected: number | boolean | string;
  actual: number | boolean | string;
  risk: HealthRisk;
}

/** The order of the built-in levels by what they allow (a custom level sits between by its key's absence). */
const ROLE_RANK: Partial<Record<string, number>> = { read: 1, contribute: 2, edit: 3, fullControl: 4 };

function rank(role: string): number {
  const known = ROLE_RANK[role];
  // A level the product defines itself (e.g. members' least-privilege level) counts as Contribute.
  return known === undefined ? (role === '' ? 0 : 2) : known;
}

/** Whether a value of a setting exposes more than the expected one. */
function settingRisk(setting: SecuritySetting, expected: number | boolean, actual: number | boolean): HealthRisk {
  switch (setting) {
    case 'ReadSecurity':
      // 1 = everyone reads every item; 2 = only their own.
      return Number(actual) < Number(expected) ? 'high' : 'medium';
    case 'WriteSecurity':
      // 1 = everyone edits every item; 2 = only their own; 4 = nobody.
      return Number(actual) < Number(expected) ? 'high' : 'medium';
    case 'EnableModeration':
      return expected === true ? 'high' : 'medium';
    case 'DraftVersionVisibility':
      // 0 = every reader sees drafts, 1 = whoever can edit items, 2 = authors and approvers.
      return Number(actual) < Number(expected) ? 'high' : 'low';
  }
}

/**
 * What differs. `ctx.roleDefs` may lack levels (a site without them): then only the settings and the
 * inheritance are compared. Lists the site lacks are not findings (provisioning creates them).
 */
export function siteHealth(schema: ISchema, ctx: IPermissionContext): IHealthFinding[] {
  const findings: IHealthFinding[] = [];
  for (const list of schema.lists) {
    const actual = findListState(ctx.lists, list.title);
    if (!actual) continue;
    for (const setting of SECURITY_SETTINGS) {
      const expected = (list.settings as IListSettings)[setting];
      const have = actual.settings[setting];
      if (expected === undefined || have === undefined || have === expected) continue;
      findings.push({
        scope: list.key,
        list: list.title,
        setting,
        expected,
        actual: have,
        risk: settingRisk(setting, expected, have),
      });
    }
  }

  const roleOf = new Map<number, string>();
  for (const key of Object.keys(ctx.roleDefs) as RoleKey[]) roleOf.set(ctx.roleDefs[key], key);
  // Without every permission level the schema names, provisioning warns instead of changing roles.
  const needed = new Set<RoleKey>(Object.values(schema.webPermissions) as RoleKey[]);
  for (const list of schema.lists)
    for (const role of Object.values(list.permissions || {}) as RoleKey[]) needed.add(role);
  const complete = Array.from(needed).every((k) => typeof ctx.roleDefs[k] === 'number');
  const actions = diffPermissions(schema, complete ? ctx : { ...ctx, principals: {} });
  const titleOf = (scope: ListKey | 'web'): string =>
    scope === 'web' ? '(site)' : schema.lists.find((l) => l.key === scope)?.title || scope;
  for (const action of actions) {
    switch (action.kind) {
      case 'breakInheritance':
        // A list just created inherits until provisioning breaks it: only an existing list is a finding.
        if (findListState(ctx.lists, titleOf(action.list))) {
          findings.push({
            scope: action.list,
            list: titleOf(action.list),
            setting: 'uniquePermissions',
            expected: true,
            actual: false,
            risk: 'high',
          });
        }
        break;
      case 'resetInheritance':
        findings.push({
          scope: action.list,
          list: titleOf(action.list),
          setting: 'uniquePermissions',
          expected: false,
          actual: true,
          risk: 'medium',
        });
        break;
      case 'addRole': {
        if (action.scope !== 'web' && !findListState(ctx.lists, titleOf(action.scope))) break;
        // Inherited lists get their roles when provisioning breaks the inheritance (reported above).
        const listState = action.scope === 'web' ? undefined : findListState(ctx.lists, titleOf(action.scope));
        if (listState && !listState.hasUniqueRoleAssignments) break;
        findings.push({
          scope: action.scope,
          list: titleOf(action.scope),
          setting: 'role',
          principal: action.principal,
          expected: action.role,
          actual: '',
          risk: 'medium',
        });
        break;
      }
      case 'removeRole': {
        const listState = action.scope === 'web' ? undefined : findListState(ctx.lists, titleOf(action.scope));
        if (listState && !listState.hasUniqueRoleAssignments) break;
        const extra = roleOf.get(action.roleDefId) || String(action.roleDefId);
        const wanted =
          action.scope === 'web'
            ? undefined
            : schema.lists.find((l) => l.key === action.scope)?.permissions?.[action.principal];
        findings.push({
          scope: action.scope,
          list: titleOf(action.scope),
          setting: 'role',
          principal: action.principal,
          expected: wanted || '',
          actual: extra,
          risk: rank(extra) > rank(wanted || '') ? 'high' : 'low',
        });
        break;
      }
    }
  }
  // The most serious first, then in the schema's list order.
  const order: Record<HealthRisk, number> = { high: 0, medium: 1, low: 2 };
  const listOrder = (scope: ListKey | 'web'): number =>
    scope === 'web' ? -1 : schema.lists.findIndex((l) => l.key === scope);
  return findings
    .map((f, i) => ({ f, i }))
    .sort((a, b) => order[a.f.risk] - order[b.f.risk] || listOrder(a.f.scope) - listOrder(b.f.scope) || a.i - b.i)
    .map((x) => x.f);
}

/** A finding in words: what differs, why it matters and how to restore it (`describeFinding` in `src/ui/shell/texts.ts`). */
export interface IHealthText {
  what: string;
  why: string;
  how: string;
}

/** Why a finding matters, as a code (`healthFindings.why` in `src/loc` words it). */
export type HealthWhy =
  | 'readOthers'
  | 'readOthersNotes'
  | 'readOwnOnly'
  | 'writeOthers'
  | 'writeNone'
  | 'moderationOff'
  | 'moderationOn'
  | 'draftsVisible'
  | 'draftsHidden'
  | 'inherits'
  | 'unique'
  | 'roleMissing'
  | 'roleMore'
  | 'roleOther';

/** Why a finding matters: which way the setting is off, and for which list. */
export function findingWhy(f: IHealthFinding): HealthWhy {
  switch (f.setting) {
    case 'ReadSecurity':
      return Number(f.actual) < Number(f.expected)
        ? f.scope === 'reflections'
          ? 'readOthersNotes'
          : 'readOthers'
        : 'readOwnOnly';
    case 'WriteSecurity':
      return Number(f.actual) < Number(f.expected) ? 'writeOthers' : 'writeNone';
    case 'EnableModeration':
      return f.expected === true ? 'moderationOff' : 'moderationOn';
    case 'DraftVersionVisibility':
      return Number(f.actual) < Number(f.expected) ? 'draftsVisible' : 'draftsHidden';
    case 'uniquePermissions':
      return f.expected === true ? 'inherits' : 'unique';
    case 'role':
      return f.actual === '' ? 'roleMissing' : f.risk === 'high' ? 'roleMore' : 'roleOther';
  }
}
