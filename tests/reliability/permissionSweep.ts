/**
 * The permission sweep behind `permissions.test.ts` and the soak: items authored by each account
 * and by kollega@ in every list (written through the bulk hook, whatever the author may do), then
 * every operation of the matrix tried as every account with PnPjs against the REST API. A refusal
 * must be 403 (or 404 where the item is hidden) and change nothing, checked as the site owner.
 */
import type { SPFI } from '@pnp/sp';
import '@pnp/sp/views';
import '@pnp/sp/fields';
import '@pnp/sp/security';
import { createLocalSp } from '../../localsp/client';
import { listTitle } from '../../src/data/schema/lists';
import type { ListKey } from '../../src/data/schema/types';
import { newClientKey } from '../../src/domain/clientKey';
import {
  expectedAllowed,
  LIST_OPERATIONS,
  OPERATION_LABELS,
  OPERATIONS,
  PLATFORM_EXCEPTIONS,
  STORY_OPERATIONS,
  type ListOperation,
  type Operation,
} from './permissions';
import { ACCOUNTS, KOLLEGA, PRODUCT_LISTS, readAll, USERS, type Account, type TestServer } from './support';

/** Per list: ids of the items each operation works on. */
export interface IFixture {
  otherRead: number;
  otherUpdate: number;
  otherDelete: Record<Account, number>;
  ownUpdate: Record<Account, number>;
  ownDelete: Record<Account, number>;
  otherPending?: number;
  pendingToApprove?: Record<Account, number>;
}

async function bulk(
  server: TestServer,
  list: ListKey,
  author: string,
  count: number,
  extra: Record<string, unknown> = {},
): Promise<number[]> {
  const items = Array.from({ length: count }, (_, i) => ({
    ClientKey: newClientKey(),
    Title: `${author} ${i}`,
    ...extra,
  }));
  const result = await server.bulk(listTitle(list), items, author);
  return Array.from({ length: count }, (_, i) => (result.firstId as number) + i);
}

function perAccount(ids: number[]): Record<Account, number> {
  return { admin: ids[0], chef: ids[1], leder: ids[2], medarbejder: ids[3] };
}

/** Writes the items every operation works on (kollega@ must exist: see `startWorld`). */
export async function prepareFixtures(server: TestServer): Promise<Record<ListKey, IFixture>> {
  const fixtures = {} as Record<ListKey, IFixture>;
  for (const list of PRODUCT_LISTS) {
    const approved = list === 'stories' ? { OData__ModerationStatus: 0 } : {};
    const [otherRead, otherUpdate, ...otherDelete] = await bulk(server, list, KOLLEGA, 6, approved);
    const ownUpdate = {} as Record<Account, number>;
    const ownDelete = {} as Record<Account, number>;
    for (const account of ACCOUNTS) {
      const [u, d] = await bulk(server, list, USERS[account], 2, approved);
      ownUpdate[account] = u;
      ownDelete[account] = d;
    }
    fixtures[list] = { otherRead, otherUpdate, otherDelete: perAccount(otherDelete), ownUpdate, ownDelete };
    if (list === 'stories') {
      const pending = await bulk(server, list, KOLLEGA, 5);
      fixtures[list].otherPending = pending[0];
      fixtures[list].pendingToApprove = perAccount(pending.slice(1));
    }
  }
  return fixtures;
}

/** The HTTP status of a PnPjs failure. */
function statusOf(error: unknown): number {
  const status = (error as { status?: number }).status;
  if (typeof status !== 'number') throw error;
  return status;
}

/** An item as the site owner sees it, or undefined when it does not exist. */
async function ownerView(server: TestServer, list: ListKey, id: number): Promise<Record<string, unknown> | undefined> {
  const response = await server.fetch(
    `_api/web/lists/getByTitle('${encodeURIComponent(listTitle(list))}')/items(${id})?$select=Id,Title,OData__ModerationStatus`,
    { as: USERS.admin },
  );
  if (response.status === 404) return undefined;
  if (!response.ok) throw new Error(`owner read of ${list}/${id}: ${response.status}`);
  return (await response.json()) as Record<string, unknown>;
}

/** SP.PermissionKind of what a list-level operation needs. */
const MANAGE_LISTS = 12;
const MANAGE_PERMISSIONS = 26;

/** Everything about a list an owner can see, to check that a refused list-level operation changed nothing. */
async function listSnapshot(server: TestServer, list: ListKey): Promise<string> {
  const base = `_api/web/lists/getByTitle('${encodeURIComponent(listTitle(list))}')`;
  const parts: unknown[] = [];
  for (const path of [
    `${base}?$select=Title,ReadSecurity,WriteSecurity,EnableModeration,DraftVersionVisibility,EnableVersioning,NoCrawl,HasUniqueRoleAssignments`,
    `${base}/fields?$select=InternalName,Title,Indexed,EnforceUniqueValues,Hidden`,
    `${base}/views?$select=Id,Title,RowLimit,ViewQuery`,
    `${base}/roleassignments?$expand=RoleDefinitionBindings&$select=PrincipalId,RoleDefinitionBindings/Id`,
  ]) {
    const response = await server.fetch(path, { as: USERS.admin });
    if (!response.ok) throw new Error(`owner snapshot of ${list}: ${response.status} ${path}`);
    parts.push(await response.json());
  }
  return JSON.stringify(parts);
}

function hasKind(mask: { High: string | number; Low: string | number }, kind: number): boolean {
  const bit = kind - 1;
  return bit < 32 ? ((Number(mask.Low) >>> bit) & 1) === 1 : ((Number(mask.High) >>> (bit - 32)) & 1) === 1;
}

/** What a person without Manage Lists would try (issue 21), aimed at what the list has now: each request alone must be refused. */
function listAttacksOn(
  sp: SPFI,
  operation: ListOperation,
  current: {
    title: string;
    ReadSecurity: number;
    EnableModeration: boolean;
    DraftVersionVisibility: number;
    HasUniqueRoleAssignments: boolean;
  },
  selfId: number,
): (() => Promise<unknown>)[] {
  const l = sp.web.lists.getByTitle(current.title);
  switch (operation) {
    case 'listSettings':
      return [
        () => l.update({ ReadSecurity: current.ReadSecurity === 1 ? 2 : 1 }),
        () => l.update({ EnableModeration: !current.EnableModeration }),
        () => l.update({ DraftVersionVisibility: current.DraftVersionVisibility === 2 ? 0 : 2 }),
      ];
    case 'fields':
      return [
        () => l.fields.addText(`Probe${selfId}`),
        () => l.fields.getByInternalNameOrTitle('ClientKey').update({ Title: 'Overtaget' }),
        () => l.fields.getByInternalNameOrTitle('ClientKey').delete(),
      ];
    case 'indexes':
      return [
        () => l.fields.getByInternalNameOrTitle('ClientKey').update({ Indexed: false }),
        () => l.fields.getByInternalNameOrTitle('Title').update({ Indexed: true }),
      ];
    case 'views':
      return [
        () => l.views.add(`Probe${selfId}`),
        () => l.views.getByTitle('All Items').update({ RowLimit: 1 }),
        () => l.views.getByTitle('All Items').delete(),
      ];
    case 'roleAssignments':
      return current.HasUniqueRoleAssignments
        ? [() => l.roleAssignments.add(selfId, 1073741829), () => l.resetRoleInheritance()]
        : [() => l.breakRoleInheritance(false, false)];
    case 'deleteList':
      return [() => l.delete()];
  }
}

/**
 * A list-level operation as one account. Where the matrix allows it (the owner) it is not performed —
 * it would change the world the rest of the sweep runs in — but the permission it needs is read from
 * the list's EffectiveBasePermissions. Everyone else tries it for real: every request must be 403
 * and the list, as the owner sees it, unchanged.
 */
async function attemptListOperation(
  server: TestServer,
  sp: SPFI,
  account: Account,
  list: ListKey,
  operation: ListOperation,
): Promise<{ allowed: boolean; detail: string }> {
  const title = listTitle(list);
  const l = sp.web.lists.getByTitle(title);
  if (expectedAllowed(list, operation, account)) {
    const mask = (await l.effectiveBasePermissions()) as { High: string; Low: string };
    const allowed = hasKind(mask, operation === 'roleAssignments' ? MANAGE_PERMISSIONS : MANAGE_LISTS);
    return { allowed, detail: 'EffectiveBasePermissions' };
  }
  const current = (await l.select(
    'ReadSecurity',
    'EnableModeration',
    'DraftVersionVisibility',
    'HasUniqueRoleAssignments',
  )()) as {
    ReadSecurity: number;
    EnableModeration: boolean;
    DraftVersionVisibility: number;
    HasUniqueRoleAssignments: boolean;
  };
  const selfId = ((await sp.web.currentUser.select('Id')()) as { Id: number }).Id;
  const before = await listSnapshot(server, list);
  const statuses: number[] = [];
  for (const attack of listAttacksOn(sp, operation, { ...current, title }, selfId)) {
    try {
      await attack();
      statuses.push(200);
    } catch (error) {
      statuses.push(statusOf(error));
    }
  }
  const after = await listSnapshot(server, list);
  const allowed = statuses.some((s) => s < 400);
  if (!allowed && statuses.some((s) => s !== 403))
    throw new Error(`${account} ${operation} on ${list}: unexpected statuses ${statuses.join(',')}`);
  if (!allowed && after !== before) throw new Error(`${account} ${operation} on ${list}: refused but changed`);
  return { allowed, detail: statuses.join(',') };
}

/**
 * Performs one operation as one account and says whether SharePoint allowed it. A refusal must be
 * 403 (or 404 where the item is hidden from the account) and leave the item as it was.
 */
async function attempt(
  server: TestServer,
  fixtures: Record<ListKey, IFixture>,
  sp: SPFI,
  account: Account,
  list: ListKey,
  operation: Operation,
): Promise<{ allowed: boolean; detail: string }> {
  const items = sp.web.lists.getByTitle(listTitle(list)).items;
  if ((LIST_OPERATIONS as readonly Operation[]).indexOf(operation) >= 0)
    return attemptListOperation(server, sp, account, list, operation as ListOperation);
  const f = fixtures[list];
  const refused = (error: unknown, acceptable: number[]): { allowed: false; detail: string } => {
    const status = statusOf(error);
    if (acceptable.indexOf(status) < 0)
      throw new Error(`${account} ${operation} on ${list}: unexpected status ${status}`);
    return { allowed: false, detail: String(status) };
  };
  switch (operation) {
    case 'read':
    case 'readPending': {
      const id = operation === 'read' ? f.otherRead : (f.otherPending as number);
      try {
        const row = (await items.getById(id).select('Id', 'Title')()) as { Id: number };
        // The collection must agree with the single read.
        const listed = (await items.filter(`Id eq ${id}`).select('Id')()) as unknown[];
        if (row.Id !== id || listed.length !== 1)
          throw new Error(`${account} ${operation} on ${list}: item ${id} read but not listed`);
        return { allowed: true, detail: '200' };
      } catch (error) {
        const result = refused(error, [403, 404]);
        const listed = (await items
          .filter(`Id eq ${id}`)
          .select('Id')()
          .catch(() => [])) as unknown[];
        if (listed.length > 0) throw new Error(`${account} ${operation} on ${list}: hidden item ${id} is listed`);
        return result;
      }
    }
    case 'create': {
      const key = newClientKey();
      try {
        await items.add({ ClientKey: key, Title: `${account} was here` });
        return { allowed: true, detail: '201' };
      } catch (error) {
        const result = refused(error, [403]);
        const found = (await readAll(server, list)).some((r) => r.ClientKey === key);
        if (found) throw new Error(`${account} create on ${list}: refused but stored`);
        return result;
      }
    }
    case 'updateOwn':
    case 'updateOther':
    case 'approve': {
      const id =
        operation === 'updateOwn'
          ? f.ownUpdate[account]
          : operation === 'updateOther'
            ? f.otherUpdate
            : (f.pendingToApprove as Record<Account, number>)[account];
      const before = await ownerView(server, list, id);
      const body =
        operation === 'approve' ? { OData__ModerationStatus: 0 } : { Title: `changed by ${account} ${newClientKey()}` };
      try {
        await items.getById(id).update(body);
        return { allowed: true, detail: '204' };
      } catch (error) {
        const result = refused(error, [403, 404]);
        const after = await ownerView(server, list, id);
        if (JSON.stringify(after) !== JSON.stringify(before))
          throw new Error(`${account} ${operation} on ${list}: refused but changed`);
        return result;
      }
    }
    case 'deleteOwn':
    case 'deleteOther': {
      const id = operation === 'deleteOwn' ? f.ownDelete[account] : f.otherDelete[account];
      try {
        await items.getById(id).delete();
        if (await ownerView(server, list, id))
          throw new Error(`${account} ${operation} on ${list}: allowed but still there`);
        return { allowed: true, detail: '200' };
      } catch (error) {
        if (error instanceof Error && /still there/.test(error.message)) throw error;
        const result = refused(error, [403, 404]);
        if (!(await ownerView(server, list, id)))
          throw new Error(`${account} ${operation} on ${list}: refused but deleted`);
        return result;
      }
    }
    default:
      throw new Error(`unknown operation ${operation}`);
  }
}

/** One cell of the matrix as the REST API answered it. */
export interface ICell {
  list: ListKey;
  operation: Operation;
  account: Account;
  allowed: boolean;
  expected: boolean;
  /** SharePoint overrides the product's intent here (see PLATFORM_EXCEPTIONS). */
  exception: boolean;
  detail: string;
}

/** Tries every cell; returns them, the printable table and the cells that differ from the matrix. */
export async function sweepMatrix(
  server: TestServer,
  fixtures: Record<ListKey, IFixture>,
): Promise<{ cells: ICell[]; table: Record<string, Record<string, string>>; mismatches: string[] }> {
  const cells: ICell[] = [];
  const table: Record<string, Record<string, string>> = {};
  const mismatches: string[] = [];
  for (const account of ACCOUNTS) {
    const sp = createLocalSp(server.siteUrl, USERS[account]);
    for (const list of PRODUCT_LISTS) {
      for (const operation of [...OPERATIONS, ...STORY_OPERATIONS, ...LIST_OPERATIONS]) {
        const expected = expectedAllowed(list, operation, account);
        if (expected === undefined) continue;
        const { allowed, detail } = await attempt(server, fixtures, sp, account, list, operation);
        const exception = PLATFORM_EXCEPTIONS.some(
          (e) => e.list === list && e.operation === operation && e.account === account,
        );
        cells.push({ list, operation, account, allowed, expected, exception, detail });
        const row = `${listTitle(list)} · ${OPERATION_LABELS[operation]}`;
        (table[row] = table[row] || {})[account] = `${allowed ? 'allow' : 'deny'}${exception ? '*' : ''}`;
        if (allowed !== expected)
          mismatches.push(
            `${row} as ${account}: ${allowed ? 'allowed' : 'denied'} (${detail}), intended ${expected ? 'allow' : 'deny'}`,
          );
      }
    }
  }
  return { cells, table, mismatches };
}

/** The footnote of the printed table. */
export function exceptionNotes(): string {
  return PLATFORM_EXCEPTIONS.map(
    (e) => `  * ${listTitle(e.list)} · ${OPERATION_LABELS[e.operation]} as ${e.account}: ${e.why}`,
  ).join('\n');
}
