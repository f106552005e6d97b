/**
 * Shared set-up of the reliability tests and the soak (`scripts/soak.ts`): a provisioned local
 * SharePoint, services per account, and read-backs as the site owner (who sees every item, pending
 * and private ones included), so counts never depend on what the writer could see.
 */
import { JSDOM } from 'jsdom';
import type { WindowLike } from 'dompurify';
import { provision } from '../../src/data/provisioning';
import { createServices } from '../../src/data/services';
import { createLocalGraph } from '../../localsp/client';
import { listTitle } from '../../src/data/schema/lists';
import type { ListKey } from '../../src/data/schema/types';
import type { IMpkServices } from '../../src/data/repositories/types';
import { setSanitizerWindow } from '../../src/domain/richText';
import { spFor, startServer, USERS, type TestServer } from '../localsp/harness';

export { startServer, spFor, USERS, type TestServer };
export { prng } from '../support/prng';

/** The four demo accounts by role. */
export type Account = keyof typeof USERS;
export const ACCOUNTS: readonly Account[] = ['admin', 'chef', 'leder', 'medarbejder'];

/** A colleague (visitor, like medarbejder) who authors the "someone else's" items of the permission tests. */
export const KOLLEGA = 'kollega@mpk.local';

/** The product's lists that people write to, in the order the workload and the matrix walk them. */
export const PRODUCT_LISTS: readonly ListKey[] = [
  'settings',
  'ambitions',
  'commitments',
  'units',
  'politicalPriorities',
  'plans',
  'planFocuses',
  'initiatives',
  'checkIns',
  'tasks',
  'stories',
  'recognitions',
  'comments',
  'reflections',
  'summaries',
  'notifications',
  'personalSettings',
  'indicators',
  'measurements',
];

// The story sanitiser needs a DOM; these tests run in node.
setSanitizerWindow(new JSDOM('').window as unknown as WindowLike);

/** The site user id of an account. */
export async function userId(server: TestServer, email: string): Promise<number> {
  const response = await server.fetch('_api/web/currentuser?$select=Id', { as: email });
  if (!response.ok) throw new Error(`currentuser for ${email}: ${response.status}`);
  return ((await response.json()) as { Id: number }).Id;
}

/** The services a web part would build for an account (real PnPjs over HTTP, retries on). */
export async function servicesFor(server: TestServer, email: string): Promise<IMpkServices> {
  // With the local Graph: "Egne noter" live in the person's OneDrive there (issue 17).
  return createServices(
    spFor(email, server),
    { id: await userId(server, email), email },
    { graph: () => Promise.resolve(createLocalGraph(server.url, email)) },
  );
}

/** A provisioned site: the product's lists, the chefgruppe with chef@ in it, and kollega@ as a visitor. */
export interface IWorld {
  server: TestServer;
  services: Record<Account, IMpkServices>;
  /** The first seeded unit (leder@'s kerneområde). */
  unitId: number;
  unitIds: number[];
}

/** Starts a server and provisions it as the product's "Klargør site" does. */
export async function startWorld(options: { dataDir?: string; fsync?: boolean } = {}): Promise<IWorld> {
  const server = await startServer(options);
  await provision(spFor(USERS.admin, server));
  // As the demo seed has it: the chefgruppe is chef@; kollega@ is one more employee.
  await spFor(USERS.admin, server).web.siteGroups.getByName('Chefgruppe').users.add('i:0#.f|membership|chef@mpk.local');
  await server.addUsers([{ email: KOLLEGA, title: 'Karen Kollega', groups: ['Mod på kerneopgaven Besøgende'] }]);
  const services = {} as Record<Account, IMpkServices>;
  for (const account of ACCOUNTS) services[account] = await servicesFor(server, USERS[account]);
  const units = await services.admin.units.list();
  // As the demo seed has it: leder@ leads the first unit (the plan view's edit rights are per unit).
  await services.admin.units.update(units[0], { ...units[0], leaderIds: [services.leder.user.id] });
  return { server, services, unitId: units[0].id as number, unitIds: units.map((u) => u.id as number) };
}

/** Every row of a list as the site owner reads it (all pages), with the selected columns. */
export async function readAll(
  server: Pick<TestServer, 'fetch'>,
  list: ListKey,
  select: string[] = ['Id', 'ClientKey'],
): Promise<Record<string, unknown>[]> {
  const rows: Record<string, unknown>[] = [];
  let next: string | undefined =
    `_api/web/lists/getByTitle('${encodeURIComponent(listTitle(list))}')/items?$select=${select.join(',')}&$top=5000`;
  while (next) {
    const response = await server.fetch(next, { as: USERS.admin });
    if (!response.ok) throw new Error(`reading ${list}: ${response.status} ${await response.text()}`);
    const json = (await response.json()) as { value: Record<string, unknown>[]; 'odata.nextLink'?: string };
    rows.push(...json.value);
    const link = json['odata.nextLink'];
    next = link ? link.slice(link.indexOf('_api/')) : undefined;
  }
  return rows;
}

/** How many items of a list carry each ClientKey (read as the site owner). */
export async function countByClientKey(server: Pick<TestServer, 'fetch'>, list: ListKey): Promise<Map<string, number>> {
  const counts = new Map<string, number>();
  for (const row of await readAll(server, list)) {
    const key = String(row.ClientKey);
    counts.set(key, (counts.get(key) || 0) + 1);
  }
  return counts;
}

/** Waits `ms` milliseconds. */
export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
