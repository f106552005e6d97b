/** @jest-environment node */
/**
 * The contract suite against the real repositories over the local SharePoint (a free port, a temporary
 * data folder), as the four demo accounts see the demo site.
 */
import { provision } from '../../src/data/provisioning';
import type { IMpkServices } from '../../src/data/repositories/types';
import { as, servicesFor, startServer, USERS } from '../data/support';
import { describeRepositoryContract, type DemoRole } from './repositoryContract';

// HTTP against a real server: generous under a loaded CI machine.
jest.setTimeout(60_000);

describeRepositoryContract('the real repositories over the local SharePoint', async () => {
  const server = await startServer();
  await provision(as(server, USERS.admin));
  // As the demo has it: chef@ is the chefgruppe, leder@ leads the first kerneområde.
  await as(server, USERS.admin).web.siteGroups.getByName('Chefgruppe').users.add('i:0#.f|membership|chef@mpk.local');
  const roles = ['admin', 'chef', 'leder', 'medarbejder'] as const;
  const services = await Promise.all(roles.map((role) => servicesFor(server, USERS[role])));
  const byRole = new Map<DemoRole, IMpkServices>(roles.map((role, i) => [role, services[i]]));
  const admin = byRole.get('admin') as IMpkServices;
  const first = (await admin.units.list())[0];
  await admin.units.update(first, { ...first, leaderIds: [(byRole.get('leder') as IMpkServices).user.id] });
  return {
    as: (role) => byRole.get(role) as IMpkServices,
    unitId: first.id as number,
    close: () => server.close(),
  };
});
