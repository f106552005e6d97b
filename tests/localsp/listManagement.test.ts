/** @jest-environment node */
import type { SPFI } from '@pnp/sp';
import '@pnp/sp/views';
import { spError, spFor, startServer, TestServer, USERS } from './harness';

/**
 * List-level operations need Manage Lists (settings, columns, indexes, views, delete) or Manage
 * Permissions (inheritance, role assignments), as in SharePoint: Contribute is not enough, Edit and
 * Full Control are (issue 21). medarbejder gets Contribute on the list, leder keeps the site's Edit.
 */
describe('list-level operations', () => {
  let server: TestServer;
  let admin: SPFI;
  const TITLE = 'Managed';
  const list = (email: string): ReturnType<SPFI['web']['lists']['getByTitle']> =>
    spFor(email).web.lists.getByTitle(TITLE);
  let contributorId: number;

  beforeAll(async () => {
    server = await startServer();
    admin = spFor(USERS.admin);
    await admin.web.lists.add(TITLE, '', 100, false, { EnableModeration: true, DraftVersionVisibility: 2 });
    await admin.web.lists.getByTitle(TITLE).fields.addText('Note1');
    await admin.web.lists.getByTitle(TITLE).fields.addText('Indexed1');
    await admin.web.lists.getByTitle(TITLE).fields.getByInternalNameOrTitle('Indexed1').update({ Indexed: true });
    await admin.web.lists.getByTitle(TITLE).views.add('Mine');
    const visitors = await admin.web.associatedVisitorGroup();
    await admin.web.lists.getByTitle(TITLE).breakRoleInheritance(true, false);
    await admin.web.lists.getByTitle(TITLE).roleAssignments.add(visitors.Id, 1073741827);
    contributorId = (await spFor(USERS.medarbejder).web.currentUser()).Id;
  });
  afterAll(async () => {
    await server.close();
  });

  const settings = async (): Promise<unknown> =>
    admin.web.lists
      .getByTitle(TITLE)
      .select('ReadSecurity', 'EnableModeration', 'DraftVersionVisibility', 'HasUniqueRoleAssignments')();

  it('refuses every one of them to a contributor with 403 and changes nothing', async () => {
    const before = {
      settings: await settings(),
      fields: (await admin.web.lists.getByTitle(TITLE).fields.select('InternalName', 'Indexed')()).length,
      views: await admin.web.lists.getByTitle(TITLE).views.select('Title')(),
    };
    const l = list(USERS.medarbejder);
    const attacks: [string, () => Promise<unknown>][] = [
      ['ReadSecurity', () => l.update({ ReadSecurity: 2 })],
      ['EnableModeration', () => l.update({ EnableModeration: false })],
      ['DraftVersionVisibility', () => l.update({ DraftVersionVisibility: 0 })],
      ['add column', () => l.fields.addText('Evil')],
      ['change column', () => l.fields.getByInternalNameOrTitle('Note1').update({ Title: 'Evil' })],
      ['drop index', () => l.fields.getByInternalNameOrTitle('Indexed1').update({ Indexed: false })],
      ['delete column', () => l.fields.getByInternalNameOrTitle('Note1').delete()],
      ['add view', () => l.views.add('Evil')],
      ['change view', () => l.views.getByTitle('Mine').update({ ViewQuery: '<Where/>' })],
      ['delete view', () => l.views.getByTitle('Mine').delete()],
      ['role assignment', () => l.roleAssignments.add(contributorId, 1073741829)],
      ['reset inheritance', () => l.resetRoleInheritance()],
      ['delete list', () => l.delete()],
    ];
    for (const [name, attack] of attacks) {
      const error = await spError(attack());
      expect([name, error.status]).toEqual([name, 403]);
    }
    const after = {
      settings: await settings(),
      fields: (await admin.web.lists.getByTitle(TITLE).fields.select('InternalName', 'Indexed')()).length,
      views: await admin.web.lists.getByTitle(TITLE).views.select('Title')(),
    };
    expect(after).toEqual(before);
    await expect(
      admin.web.lists.getByTitle(TITLE).fields.getByInternalNameOrTitle('Indexed1').select('Indexed', 'Title')(),
    ).resolves.toMatchObject({ Indexed: true, Title: 'Indexed1' });
  });

  it('lists the default view and lets someone with Manage Lists add, change and delete views', async () => {
    const views = await admin.web.lists.getByTitle(TITLE).views.select('Title', 'DefaultView')();
    expect(views.map((v: { Title: string; DefaultView: boolean }) => [v.Title, v.DefaultView])).toEqual([
      ['All Items', true],
      ['Mine', false],
    ]);
    await list(USERS.leder).views.add('Ledere');
    await list(USERS.leder).views.getByTitle('Ledere').update({ RowLimit: 5 });
    await expect(list(USERS.medarbejder).views.getByTitle('Ledere').select('RowLimit')()).resolves.toMatchObject({
      RowLimit: 5,
    });
    await list(USERS.leder).views.getByTitle('Ledere').delete();
    await expect(spError(list(USERS.admin).views.getByTitle('All Items').delete())).resolves.toMatchObject({
      status: 500,
    });
    await expect(spError(list(USERS.admin).views.getByTitle('Ledere')())).resolves.toMatchObject({ status: 404 });
  });

  it('refuses creating or widening a permission level to anyone without Manage Permissions (Edit included)', async () => {
    const mask = { High: 2147483647, Low: 4294967295 };
    await expect(spError(spFor(USERS.leder).web.roleDefinitions.add('Alt', '', 1, mask))).resolves.toMatchObject({
      status: 403,
    });
    const created = await admin.web.roleDefinitions.add('Smal', '', 70, { High: 0, Low: 1 });
    const level = spFor(USERS.leder).web.roleDefinitions.getById(Number((created.data as { Id: number }).Id));
    await expect(spError(level.update({ BasePermissions: mask } as never))).resolves.toMatchObject({ status: 403 });
    await expect(admin.web.roleDefinitions.getByName('Smal').select('BasePermissions')()).resolves.toMatchObject({
      BasePermissions: { High: '0', Low: '1' },
    });
  });

  it('lets the owner do them (a member with Edit too, as SharePoint does)', async () => {
    await list(USERS.leder).update({ DraftVersionVisibility: 1 });
    await list(USERS.admin).update({ DraftVersionVisibility: 2 });
    await list(USERS.admin).fields.getByInternalNameOrTitle('Indexed1').update({ Indexed: false });
    await list(USERS.admin).fields.getByInternalNameOrTitle('Note1').delete();
    await list(USERS.admin).delete();
    await expect(spError(admin.web.lists.getByTitle(TITLE)())).resolves.toMatchObject({ status: 404 });
  });
});
