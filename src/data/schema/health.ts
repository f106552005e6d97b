/**
 * The site health check: the security-relevant settings of a site (who reads and edits whose items,
 * content approval, who sees drafts, which lists have their own permissions and who holds which role
 * on them) compared with the schema. Pure: every expected value comes from the schema definitions
 * (`lists.ts`), and the permission findings are exactly the permission changes "Klargør site" would
 * make (`diffPermissions`), so "repaired" means "the health check finds nothing".
 */
import type { Locale } from '../../domain/messages';
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

/** A finding in words: what differs, why it matters and how to restore it. */
export interface IHealthText {
  what: string;
  why: string;
  how: string;
}

interface IHealthTexts {
  principals: Record<PrincipalKey, string>;
  roles: Record<RoleKey, string>;
  noRole: string;
  readSecurity: Record<1 | 2, string>;
  writeSecurity: Record<1 | 2 | 4, string>;
  draftVisibility: Record<0 | 1 | 2, string>;
  onOff: Record<'true' | 'false', string>;
  what: Record<SecuritySetting | 'role', string>;
  ownPermissions: Record<'true' | 'false', string>;
  /** The uniquePermissions finding by what is expected ("true": should have its own). */
  uniqueWhat: Record<'true' | 'false', string>;
  /** The site itself, where a finding is not about a list. */
  site: string;
  why: {
    readOthers: string;
    readOthersNotes: string;
    readOwnOnly: string;
    writeOthers: string;
    writeNone: string;
    moderationOff: string;
    moderationOn: string;
    draftsVisible: string;
    draftsHidden: string;
    inherits: string;
    unique: string;
    roleMissing: string;
    roleMore: string;
    roleOther: string;
  };
  how: Record<SecuritySetting | 'uniquePermissions' | 'role', string>;
  /** The button's name, which every "how" ends with. */
  repair: string;
}

const HEALTH_TEXTS: Record<Locale, IHealthTexts> = {
  'da-DK': {
    principals: { owners: 'Ejere', members: 'Medlemmer', visitors: 'Besøgende', chefgruppe: 'Chefgruppe' },
    roles: {
      read: 'Læse',
      contribute: 'Bidrage',
      edit: 'Redigere',
      fullControl: 'Fuld kontrol',
      contributor: 'MPK Bidragyder',
    },
    noRole: 'ingen adgang',
    readSecurity: { 1: 'Læseadgang til alle elementer', 2: 'Læseadgang til elementer, som brugeren har oprettet' },
    writeSecurity: {
      1: 'Opret og rediger alle elementer',
      2: 'Opret elementer og rediger elementer, som brugeren har oprettet',
      4: 'Ingen',
    },
    draftVisibility: {
      0: 'Alle brugere, der kan læse elementer',
      1: 'Kun brugere, der kan redigere elementer',
      2: 'Kun brugere, der kan godkende elementer (og forfatteren)',
    },
    onOff: { true: 'Ja', false: 'Nej' },
    what: {
      ReadSecurity: '{list}: læseadgang er »{actual}«, men skal være »{expected}«.',
      WriteSecurity: '{list}: redigeringsadgang er »{actual}«, men skal være »{expected}«.',
      EnableModeration: '{list}: godkendelse af indhold er »{actual}«, men skal være »{expected}«.',
      DraftVersionVisibility: '{list}: kladder kan ses af »{actual}«, men skal kun kunne ses af »{expected}«.',
      role: '{list}: {principal} har »{actual}«, men skal have »{expected}«.',
    },
    ownPermissions: { true: 'har egne tilladelser', false: 'arver sitets tilladelser' },
    uniqueWhat: {
      true: '{list}: listen arver sitets tilladelser, men skal have sine egne.',
      false: '{list}: listen har fået egne tilladelser, men skal arve sitets.',
    },
    site: 'Sitet',
    why: {
      readOthers: 'Alle kan se de elementer, andre har oprettet.',
      readOthersNotes: 'Alle kan se andres egne noter.',
      readOwnOnly: 'Hver person ser kun sine egne elementer, så andre ikke kan se, hvad der er delt.',
      writeOthers: 'Alle kan rette og slette de elementer, andre har oprettet.',
      writeNone: 'Brugerne kan ikke rette deres egne elementer.',
      moderationOff: 'Nye historier vises for alle uden at være godkendt.',
      moderationOn: 'Nye elementer venter på godkendelse og vises ikke, før nogen godkender dem.',
      draftsVisible:
        'Historier, der venter på godkendelse eller er sendt tilbage, kan læses af andre end forfatteren og godkenderne.',
      draftsHidden: 'Færre kan se kladder end planlagt.',
      inherits:
        'Listen bruger sitets tilladelser: medlemmer kan rette i listens indstillinger og elementer, og besøgende kan ikke bidrage, som planlagt.',
      unique:
        'Listen har fået egne tilladelser: ændringer i sitets grupper slår ikke igennem, og nogen kan have en adgang, de ikke skal have.',
      roleMissing: 'Gruppen mangler den adgang, den skal have: dens medlemmer kan ikke bruge listen som planlagt.',
      roleMore: 'Gruppen har mere adgang end planlagt: dens medlemmer kan ændre mere, end de skal.',
      roleOther: 'Gruppen har en anden adgang end planlagt.',
    },
    how: {
      ReadSecurity:
        'Vælg »Ret indstillingerne« – eller i listen: Listeindstillinger → Avancerede indstillinger → Læseadgang: »{expected}«.',
      WriteSecurity:
        'Vælg »Ret indstillingerne« – eller i listen: Listeindstillinger → Avancerede indstillinger → Redigeringsadgang: »{expected}«.',
      EnableModeration:
        'Vælg »Ret indstillingerne« – eller i listen: Listeindstillinger → Versionsindstillinger → Kræv godkendelse af indsendte elementer: »{expected}«.',
      DraftVersionVisibility:
        'Vælg »Ret indstillingerne« – eller i listen: Listeindstillinger → Versionsindstillinger → Sikkerhed for kladdeelementer: »{expected}«.',
      uniquePermissions:
        'Vælg »Ret indstillingerne« – eller i listen: Listeindstillinger → Tilladelser for denne liste.',
      role: 'Vælg »Ret indstillingerne« – eller i listen: Listeindstillinger → Tilladelser for denne liste → {principal}: »{expected}«.',
    },
    repair: 'Ret indstillingerne',
  },
  'en-US': {
    principals: { owners: 'Owners', members: 'Members', visitors: 'Visitors', chefgruppe: 'Chefgruppe' },
    roles: {
      read: 'Read',
      contribute: 'Contribute',
      edit: 'Edit',
      fullControl: 'Full Control',
      contributor: 'MPK Bidragyder',
    },
    noRole: 'no access',
    readSecurity: { 1: 'Read all items', 2: 'Read items that were created by the user' },
    writeSecurity: {
      1: 'Create and edit all items',
      2: 'Create items and edit items that were created by the user',
      4: 'None',
    },
    draftVisibility: {
      0: 'Any user who can read items',
      1: 'Only users who can edit items',
      2: 'Only users who can approve items (and the author)',
    },
    onOff: { true: 'Yes', false: 'No' },
    what: {
      ReadSecurity: '{list}: read access is "{actual}" but must be "{expected}".',
      WriteSecurity: '{list}: create and edit access is "{actual}" but must be "{expected}".',
      EnableModeration: '{list}: content approval is "{actual}" but must be "{expected}".',
      DraftVersionVisibility: '{list}: drafts can be seen by "{actual}" but only "{expected}" may see them.',
      role: '{list}: {principal} have "{actual}" but must have "{expected}".',
    },
    ownPermissions: { true: 'has its own permissions', false: "inherits the site's permissions" },
    uniqueWhat: {
      true: "{list}: the list inherits the site's permissions but must have its own.",
      false: "{list}: the list was given its own permissions but must inherit the site's.",
    },
    site: 'The site',
    why: {
      readOthers: 'Everyone can see the items others created.',
      readOthersNotes: "Everyone can see other people's private notes.",
      readOwnOnly: 'Each person sees only their own items, so others cannot see what was shared.',
      writeOthers: 'Everyone can edit and delete the items others created.',
      writeNone: 'People cannot edit their own items.',
      moderationOff: 'New stories are shown to everyone without approval.',
      moderationOn: 'New items wait for approval and are not shown until someone approves them.',
      draftsVisible:
        'Stories waiting for approval or sent back can be read by others than the author and the approvers.',
      draftsHidden: 'Fewer people can see drafts than planned.',
      inherits:
        "The list uses the site's permissions: members can change the list's settings and items, and visitors cannot contribute as planned.",
      unique:
        "The list was given its own permissions: changes to the site's groups do not apply, and someone may have access they should not have.",
      roleMissing: 'The group lacks the access it needs: its members cannot use the list as planned.',
      roleMore: 'The group has more access than planned: its members can change more than they should.',
      roleOther: 'The group has other access than planned.',
    },
    how: {
      ReadSecurity:
        'Choose "Fix the settings" – or in the list: List settings → Advanced settings → Read access: "{expected}".',
      WriteSecurity:
        'Choose "Fix the settings" – or in the list: List settings → Advanced settings → Create and edit access: "{expected}".',
      EnableModeration:
        'Choose "Fix the settings" – or in the list: List settings → Versioning settings → Require content approval: "{expected}".',
      DraftVersionVisibility:
        'Choose "Fix the settings" – or in the list: List settings → Versioning settings → Draft item security: "{expected}".',
      uniquePermissions: 'Choose "Fix the settings" – or in the list: List settings → Permissions for this list.',
      role: 'Choose "Fix the settings" – or in the list: List settings → Permissions for this list → {principal}: "{expected}".',
    },
    repair: 'Fix the settings',
  },
};

function fillIn(template: string, values: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    Object.prototype.hasOwnProperty.call(values, name) ? values[name] : whole,
  );
}

/** A setting's value as the list settings page names it. */
function valueLabel(t: IHealthTexts, finding: IHealthFinding, value: number | boolean | string): string {
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

function why(t: IHealthTexts, f: IHealthFinding): string {
  switch (f.setting) {
    case 'ReadSecurity':
      return Number(f.actual) < Number(f.expected)
        ? f.scope === 'reflections'
          ? t.why.readOthersNotes
          : t.why.readOthers
        : t.why.readOwnOnly;
    case 'WriteSecurity':
      return Number(f.actual) < Number(f.expected) ? t.why.writeOthers : t.why.writeNone;
    case 'EnableModeration':
      return f.expected === true ? t.why.moderationOff : t.why.moderationOn;
    case 'DraftVersionVisibility':
      return Number(f.actual) < Number(f.expected) ? t.why.draftsVisible : t.why.draftsHidden;
    case 'uniquePermissions':
      return f.expected === true ? t.why.inherits : t.why.unique;
    case 'role':
      return f.actual === '' ? t.why.roleMissing : f.risk === 'high' ? t.why.roleMore : t.why.roleOther;
  }
}

/** What differs, why it matters and how to restore it, in the person's language. */
export function describeFinding(finding: IHealthFinding, locale: Locale = 'da-DK'): IHealthText {
  const t = HEALTH_TEXTS[locale] || HEALTH_TEXTS['da-DK'];
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
  return { what: fillIn(what, values), why: why(t, finding), how: fillIn(t.how[finding.setting], values) };
}
