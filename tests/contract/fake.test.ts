/**
 * The contract suite against the component tests' fake (`tests/support/fakeServices.ts`): the demo
 * site's four accounts, each a fake over the same rows, configured as SharePoint knows them.
 */
import { INDICATOR_SEEDS, POLITICAL_PRIORITY_SEEDS, UNIT_SEEDS } from '../../src/domain/seeds';
import type { IPersonValue } from '../../src/data/repositories/types';
import {
  createFakeServices,
  LEADER_PERMISSIONS,
  READER_PERMISSIONS,
  type IFakeServices,
  type IFakeServicesOptions,
} from '../support/fakeServices';
import { describeRepositoryContract, type DemoRole } from './repositoryContract';

/** The demo accounts (localsp/seed.ts) with the site user ids the fake gives them. */
const PEOPLE: Record<DemoRole, IPersonValue> = {
  admin: { id: 1, title: 'Anne Andersen', email: 'admin@mpk.local' },
  chef: { id: 2, title: 'Christian Holm', email: 'chef@mpk.local' },
  leder: { id: 3, title: 'Lene Madsen', email: 'leder@mpk.local' },
  medarbejder: { id: 4, title: 'Mads Nielsen', email: 'medarbejder@mpk.local' },
};

/** What each account may do, as the demo site's groups and the first unit's leaders give it. */
const ROLES: Record<DemoRole, IFakeServicesOptions> = {
  admin: { permissions: { ...LEADER_PERMISSIONS, isSiteOwner: true }, canManageTasks: true },
  chef: { permissions: LEADER_PERMISSIONS, inChefgruppe: true, canManageTasks: true },
  leder: { permissions: LEADER_PERMISSIONS },
  medarbejder: { permissions: READER_PERMISSIONS },
};

describeRepositoryContract('the fake services of the component tests', async () => {
  const siteUsers = Object.values(PEOPLE);
  const site = createFakeServices({
    user: { id: 0, email: 'system@mpk.local' },
    siteUsers,
    data: {
      units: UNIT_SEEDS.map((seed, i) => ({
        clientKey: seed.key,
        name: seed.name,
        kind: seed.kind,
        order: seed.order,
        leaderIds: i === 0 ? [PEOPLE.leder.id] : [],
      })),
      politicalPriorities: POLITICAL_PRIORITY_SEEDS.map((seed) => ({
        clientKey: seed.key,
        key: seed.key,
        title: seed.title,
        order: seed.order,
        active: true,
      })),
      indicators: INDICATOR_SEEDS.map(({ order, ...seed }) => ({
        ...seed,
        clientKey: seed.key,
        sortOrder: order,
        isActive: true,
      })),
    },
  });
  const byRole = new Map<DemoRole, IFakeServices>();
  for (const role of Object.keys(PEOPLE) as DemoRole[]) {
    const { id, title, email } = PEOPLE[role];
    byRole.set(
      role,
      createFakeServices({ ...ROLES[role], user: { id, email, displayName: title }, siteUsers, sharedWith: site }),
    );
  }
  return {
    as: (role) => byRole.get(role) as IFakeServices,
    unitId: site.data.units[0].id as number,
    close: async () => undefined,
  };
});
