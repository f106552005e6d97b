/**
 * The site every mode starts from: the web "Mod på kerneopgaven", SharePoint's permission levels, the
 * three associated groups with their web roles, and the four demo accounts (issue 3). Demo content
 * (ambitions, units, plans, stories …) is not created here: it is loaded through the product's own data
 * layer by a seed function passed as `options.seed` (the preview and `localsp/demo.ts` provide one).
 */
import { loginNameFor, newGuid, spDate } from './model/names';
import { builtInRoleDefinitions, RoleDefId } from './model/permissions';
import type { GroupRecord, SiteState, UserRecord } from './model/types';

/** A demo account. */
export interface DemoUser {
  email: string;
  title: string;
  jobTitle: string;
  department: string;
}

/** The four demo accounts (CONTRIBUTING "Local SharePoint conventions"). */
export const DEMO_USERS: readonly DemoUser[] = [
  {
    email: 'admin@mpk.local',
    title: 'Anne Andersen',
    jobTitle: 'Redaktør og site-ejer',
    department: 'Organisationsservice',
  },
  { email: 'chef@mpk.local', title: 'Christian Holm', jobTitle: 'Direktør', department: 'Chefgruppen' },
  { email: 'leder@mpk.local', title: 'Lene Madsen', jobTitle: 'Områdeleder', department: 'Læring og Trivsel' },
  { email: 'medarbejder@mpk.local', title: 'Mads Nielsen', jobTitle: 'Pædagog', department: 'Læring og Trivsel' },
];

/** Names of the associated groups. */
export const GROUPS = {
  owners: 'Mod på kerneopgaven Ejere',
  members: 'Mod på kerneopgaven Medlemmer',
  visitors: 'Mod på kerneopgaven Besøgende',
} as const;

/** Principal ids of the seeded groups (SharePoint numbers the associated groups 3, 4, 5). */
export const GROUP_IDS = { owners: 3, visitors: 4, members: 5 } as const;

const FIRST_USER_ID = 7;

/** A directory user record for an e-mail (id assigned by the caller). */
export function userRecord(id: number, email: string, title: string, extra: Partial<UserRecord> = {}): UserRecord {
  return {
    id,
    email: email.toLowerCase(),
    title,
    loginName: loginNameFor(email),
    isSiteAdmin: false,
    inSite: true,
    // Shaped like the hex PUID SharePoint Online shows in UserId.NameId.
    nameId: (0x1003200000000000n + BigInt(id)).toString(16),
    jobTitle: '',
    department: '',
    ...extra,
  };
}

/** The base state: web, roles, groups and demo accounts; no lists. */
export function baseState(now: Date = new Date()): SiteState {
  const created = spDate(now);
  const users = DEMO_USERS.map((u, i) =>
    userRecord(FIRST_USER_ID + i, u.email, u.title, {
      jobTitle: u.jobTitle,
      department: u.department,
      isSiteAdmin: i === 0,
    }),
  );
  const [admin, chef, leder, medarbejder] = users;
  const group = (id: number, title: string, members: number[], description: string): GroupRecord => ({
    id,
    title,
    description,
    ownerId: GROUP_IDS.owners,
    memberIds: members,
    allowMembersEditMembership: false,
    onlyAllowMembersViewMembership: false,
  });
  return {
    format: 1,
    seq: 0,
    seeded: false,
    web: {
      id: newGuid(),
      siteId: newGuid(),
      title: 'Mod på kerneopgaven',
      description: 'Holbæk Kommune: ambitioner, planer og hverdagshistorier',
      created,
      roleAssignments: [
        { principalId: GROUP_IDS.owners, roleDefIds: [RoleDefId.FullControl] },
        { principalId: GROUP_IDS.members, roleDefIds: [RoleDefId.Edit] },
        { principalId: GROUP_IDS.visitors, roleDefIds: [RoleDefId.Read] },
      ],
      ownerGroupId: GROUP_IDS.owners,
      memberGroupId: GROUP_IDS.members,
      visitorGroupId: GROUP_IDS.visitors,
    },
    users,
    groups: [
      group(GROUP_IDS.owners, GROUPS.owners, [admin.id], 'Ejere af sitet: fuld kontrol, godkender hverdagshistorier.'),
      group(GROUP_IDS.visitors, GROUPS.visitors, [medarbejder.id], 'Medarbejdere: læseadgang til sitet.'),
      group(
        GROUP_IDS.members,
        GROUPS.members,
        [chef.id, leder.id],
        'Chefgruppe og ledere: redigerer planer og opfølgning.',
      ),
    ],
    roleDefs: builtInRoleDefinitions(),
    lists: [],
    nextPrincipalId: FIRST_USER_ID + users.length,
  };
}
