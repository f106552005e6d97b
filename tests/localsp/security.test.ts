/** @jest-environment node */
import { PermissionKind } from '@pnp/sp/security';
import type { RoleTypeKind } from '@pnp/sp/security/types';
import type { SPFI } from '@pnp/sp';
import { spError, spFor, startServer, TestServer, USERS } from './harness';

const ACCESS_DENIED = {
  status: 403,
  code: '-2147024891, System.UnauthorizedAccessException',
  message: 'Access denied. You do not have permission to perform this action or access this resource.',
};

describe('people, groups and permissions over PnPjs', () => {
  let server: TestServer;
  let admin: SPFI;
  let ids: Record<keyof typeof USERS, number>;

  beforeAll(async () => {
    server = await startServer();
    admin = spFor(USERS.admin);
    const users = await admin.web.siteUsers();
    const idOf = (email: string): number =>
      (users.find((u: { Email: string }) => u.Email === email) as { Id: number }).Id;
    ids = {
      admin: idOf(USERS.admin),
      chef: idOf(USERS.chef),
      leder: idOf(USERS.leder),
      medarbejder: idOf(USERS.medarbejder),
    };
  });
  afterAll(async () => {
    await server.close();
  });

  describe('identity', () => {
    it('currentUser has SharePoint’s SP.User shape', async () => {
      const me = await spFor(USERS.leder).web.currentUser();
      expect(me).toMatchObject({
        'odata.type': 'SP.User',
        Id: ids.leder,
        IsHiddenInUI: false,
        LoginName: 'i:0#.f|membership|leder@mpk.local',
        Title: 'Lene Madsen',
        PrincipalType: 1,
        Email: 'leder@mpk.local',
        IsSiteAdmin: false,
        UserPrincipalName: 'leder@mpk.local',
      });
      expect(me.UserId).toEqual({ NameId: expect.any(String), NameIdIssuer: 'urn:federation:microsoftonline' });
    });

    it('answers an unknown or missing bearer with 401', async () => {
      const res = await server.fetch('_api/web/currentUser', { as: 'nobody@mpk.local' });
      expect(res.status).toBe(401);
      expect(await res.json()).toEqual({ error_description: 'Invalid JWT token. The token is not in JWS format.' });
      expect((await server.fetch('_api/web', { as: null })).status).toBe(401);
    });

    it('finds users by id, e-mail, login name alias and getUserById', async () => {
      const byId = await admin.web.siteUsers.getById(ids.chef)();
      const byEmail = await admin.web.siteUsers.getByEmail(USERS.chef)();
      const byLogin = await admin.web.siteUsers.getByLoginName('i:0#.f|membership|chef@mpk.local')();
      const byWeb = await admin.web.getUserById(ids.chef)();
      expect([byId.Title, byEmail.Title, byLogin.Title, byWeb.Title]).toEqual([
        'Christian Holm',
        'Christian Holm',
        'Christian Holm',
        'Christian Holm',
      ]);
      await expect(spError(admin.web.getUserById(9999)())).resolves.toMatchObject({ status: 404 });
    });

    it('ensureuser adds a directory user to the site and returns SP.User', async () => {
      await server.addUsers([{ email: 'ny.leder@mpk.local', title: 'Nina Lund', inSite: false }]);
      await expect(spError(admin.web.siteUsers.getByEmail('ny.leder@mpk.local')())).resolves.toMatchObject({
        status: 404,
      });
      const ensured = await admin.web.ensureUser('i:0#.f|membership|ny.leder@mpk.local');
      expect(ensured).toMatchObject({ 'odata.type': 'SP.User', Email: 'ny.leder@mpk.local', Title: 'Nina Lund' });
      await expect(admin.web.siteUsers.getByEmail('ny.leder@mpk.local')()).resolves.toMatchObject({ Id: ensured.Id });
      await expect(spError(admin.web.ensureUser('i:0#.f|membership|ukendt@mpk.local'))).resolves.toMatchObject({
        status: 400,
        message: 'The specified user i:0#.f|membership|ukendt@mpk.local could not be found.',
      });
      await expect(
        spError(spFor(USERS.medarbejder).web.ensureUser('i:0#.f|membership|ny2@mpk.local')),
      ).resolves.toMatchObject(ACCESS_DENIED);
    });
  });

  describe('site groups and role definitions', () => {
    it('lists the seeded groups with their members', async () => {
      const groups = await admin.web.siteGroups.select('Id', 'Title')();
      expect(groups.map((g: { Title: string }) => g.Title).sort()).toEqual([
        'Mod på kerneopgaven Besøgende',
        'Mod på kerneopgaven Ejere',
        'Mod på kerneopgaven Medlemmer',
      ]);
      const members = await admin.web.siteGroups.getByName('Mod på kerneopgaven Medlemmer').users.select('Email')();
      expect(members.map((u: { Email: string }) => u.Email)).toEqual([USERS.chef, USERS.leder]);
      const owners = await admin.web.associatedOwnerGroup();
      await expect(admin.web.siteGroups.getById(owners.Id)()).resolves.toMatchObject({
        Title: 'Mod på kerneopgaven Ejere',
        PrincipalType: 8,
      });
    });

    it('adds and removes group members (owners only)', async () => {
      const visitors = admin.web.siteGroups.getByName('Mod på kerneopgaven Besøgende');
      await visitors.users.add('i:0#.f|membership|ny.leder@mpk.local');
      expect((await visitors.users()).map((u: { Email: string }) => u.Email)).toContain('ny.leder@mpk.local');
      await visitors.users.removeByLoginName('i:0#.f|membership|ny.leder@mpk.local');
      expect((await visitors.users()).map((u: { Email: string }) => u.Email)).not.toContain('ny.leder@mpk.local');
      await expect(
        spError(
          spFor(USERS.leder)
            .web.siteGroups.getByName('Mod på kerneopgaven Besøgende')
            .users.add('i:0#.f|membership|ny.leder@mpk.local'),
        ),
      ).resolves.toMatchObject(ACCESS_DENIED);
    });

    it.each([
      [5, 'Full Control', 1073741829],
      [4, 'Design', 1073741828],
      [6, 'Edit', 1073741830],
      [3, 'Contribute', 1073741827],
      [2, 'Read', 1073741826],
    ])('getByType(%i) is %s (%i)', async (type, name, id) => {
      await expect(admin.web.roleDefinitions.getByType(type as RoleTypeKind)()).resolves.toMatchObject({
        Name: name,
        Id: id,
        RoleTypeKind: type,
      });
      await expect(admin.web.roleDefinitions.getByName(name)()).resolves.toMatchObject({ Id: id });
      await expect(admin.web.roleDefinitions.getById(id)()).resolves.toMatchObject({ Name: name });
    });

    it('writes BasePermissions halves as strings like SharePoint', async () => {
      const read = await admin.web.roleDefinitions.getByName('Read')();
      expect(read.BasePermissions).toEqual({ High: '176', Low: '138612833' });
    });
  });

  describe('effective permissions', () => {
    it('reports High/Low masks per user on the web', async () => {
      const reader = await spFor(USERS.medarbejder).web.getCurrentUserEffectivePermissions();
      expect(typeof reader.High).toBe('string');
      const web = admin.web;
      expect(web.hasPermissions(reader, PermissionKind.ViewListItems)).toBe(true);
      expect(web.hasPermissions(reader, PermissionKind.AddListItems)).toBe(false);
      const member = await spFor(USERS.leder).web.getCurrentUserEffectivePermissions();
      expect(web.hasPermissions(member, PermissionKind.EditListItems)).toBe(true);
      expect(web.hasPermissions(member, PermissionKind.ManageLists)).toBe(true);
      expect(web.hasPermissions(member, PermissionKind.ApproveItems)).toBe(false);
      expect(web.hasPermissions(member, PermissionKind.ManagePermissions)).toBe(false);
      const owner = await web.getCurrentUserEffectivePermissions();
      expect(owner).toMatchObject({ High: '2147483647', Low: '4294967295' });
      expect(web.hasPermissions(owner, PermissionKind.ManagePermissions)).toBe(true);
      await expect(
        web.userHasPermissions('i:0#.f|membership|medarbejder@mpk.local', PermissionKind.AddListItems),
      ).resolves.toBe(false);
      await expect(
        web.userHasPermissions('i:0#.f|membership|leder@mpk.local', PermissionKind.AddListItems),
      ).resolves.toBe(true);
      await expect(
        spError(spFor(USERS.leder).web.getUserEffectivePermissions('i:0#.f|membership|chef@mpk.local')),
      ).resolves.toMatchObject(ACCESS_DENIED);
    });

    it('exposes EffectiveBasePermissions on $select', async () => {
      const w = await spFor(USERS.medarbejder).web.select('EffectiveBasePermissions', 'HasUniqueRoleAssignments')();
      expect(w).toMatchObject({
        EffectiveBasePermissions: { High: '176', Low: '138612833' },
        HasUniqueRoleAssignments: true,
      });
    });
  });

  describe('list role assignments', () => {
    beforeAll(async () => {
      await admin.web.lists.ensure('Hverdagshistorier');
    });

    it('a reader writing gets SharePoint’s 403', async () => {
      await expect(
        spError(spFor(USERS.medarbejder).web.lists.getByTitle('Hverdagshistorier').items.add({ Title: 'x' })),
      ).resolves.toMatchObject(ACCESS_DENIED);
      await expect(spError(spFor(USERS.medarbejder).web.lists.add('Mine'))).resolves.toMatchObject(ACCESS_DENIED);
      await expect(
        spError(spFor(USERS.leder).web.lists.getByTitle('Hverdagshistorier').breakRoleInheritance(true)),
      ).resolves.toMatchObject(ACCESS_DENIED);
    });

    it('breaks inheritance, grants Contribute to visitors, then resets', async () => {
      const list = admin.web.lists.getByTitle('Hverdagshistorier');
      await expect(spError(list.roleAssignments.add(4, 1073741827))).resolves.toMatchObject({
        status: 500,
        message: 'This operation is not allowed on an object that inherits permissions.',
      });
      await list.breakRoleInheritance(true, false);
      await expect(list.select('HasUniqueRoleAssignments')()).resolves.toMatchObject({
        HasUniqueRoleAssignments: true,
      });
      const visitors = await admin.web.associatedVisitorGroup();
      await list.roleAssignments.add(visitors.Id, 1073741827);
      const reader = spFor(USERS.medarbejder).web.lists.getByTitle('Hverdagshistorier');
      await expect(reader.items.add({ Title: 'Min historie' })).resolves.toMatchObject({ Title: 'Min historie' });
      const perms = await reader.getCurrentUserEffectivePermissions();
      expect(admin.web.hasPermissions(perms, PermissionKind.AddListItems)).toBe(true);
      const assignments = await list.roleAssignments.expand('Member', 'RoleDefinitionBindings')();
      const forVisitors = assignments.find(
        (a: { PrincipalId: number }) => a.PrincipalId === visitors.Id,
      ) as unknown as { Member: unknown; RoleDefinitionBindings: { Name: string }[] };
      expect(forVisitors.Member).toMatchObject({ Title: 'Mod på kerneopgaven Besøgende' });
      expect(forVisitors.RoleDefinitionBindings.map((d) => d.Name).sort()).toEqual(['Contribute', 'Read']);
      await list.roleAssignments.remove(visitors.Id, 1073741827);
      await expect(spError(reader.items.add({ Title: 'igen' }))).resolves.toMatchObject(ACCESS_DENIED);
      await list.resetRoleInheritance();
      await expect(list.select('HasUniqueRoleAssignments')()).resolves.toMatchObject({
        HasUniqueRoleAssignments: false,
      });
    });

    it('breaking without copying leaves only the caller (Full Control) and hides the list from others', async () => {
      await admin.web.lists.ensure('Hemmelig');
      const list = admin.web.lists.getByTitle('Hemmelig');
      await list.breakRoleInheritance(false, true);
      const ra = await list.roleAssignments();
      expect(ra.map((a: { PrincipalId: number }) => a.PrincipalId)).toEqual([ids.admin]);
      await expect(spError(spFor(USERS.chef).web.lists.getByTitle('Hemmelig')())).resolves.toMatchObject({
        status: 404,
      });
      const titles = (await spFor(USERS.chef).web.lists.select('Title')()).map((l: { Title: string }) => l.Title);
      expect(titles).not.toContain('Hemmelig');
    });
  });

  describe('item-level permissions', () => {
    beforeAll(async () => {
      await admin.web.lists.ensure('Egne noter', '', 100, false, { ReadSecurity: 2, WriteSecurity: 2 });
      const list = admin.web.lists.getByTitle('Egne noter');
      await list.breakRoleInheritance(true, false);
      const visitors = await admin.web.associatedVisitorGroup();
      await list.roleAssignments.add(visitors.Id, 1073741827);
      await spFor(USERS.medarbejder).web.lists.getByTitle('Egne noter').items.add({ Title: 'Mads tænker' });
      await spFor(USERS.leder).web.lists.getByTitle('Egne noter').items.add({ Title: 'Lene tænker' });
    });

    it('ReadSecurity=2: each person sees only their own items; Full Control sees all', async () => {
      const titles = async (email: string): Promise<string[]> =>
        (await spFor(email).web.lists.getByTitle('Egne noter').items.select('Title')()).map(
          (r: { Title: string }) => r.Title,
        );
      await expect(titles(USERS.medarbejder)).resolves.toEqual(['Mads tænker']);
      await expect(titles(USERS.leder)).resolves.toEqual(['Lene tænker']);
      await expect(titles(USERS.chef)).resolves.toEqual([]);
      await expect(titles(USERS.admin)).resolves.toEqual(['Mads tænker', 'Lene tænker']);
      await expect(
        spError(spFor(USERS.leder).web.lists.getByTitle('Egne noter').items.getById(1)()),
      ).resolves.toMatchObject({ status: 404 });
    });

    it('WriteSecurity=2: only the author may edit', async () => {
      const lederList = spFor(USERS.leder).web.lists.getByTitle('Egne noter');
      await expect(lederList.items.getById(2).update({ Title: 'Lene tænker mere' })).resolves.toHaveProperty('etag');
      await admin.web.lists.getByTitle('Egne noter').update({ ReadSecurity: 1 });
      await expect(spError(lederList.items.getById(1).update({ Title: 'overskrevet' }))).resolves.toMatchObject(
        ACCESS_DENIED,
      );
      await expect(spError(lederList.items.getById(1).delete())).resolves.toMatchObject(ACCESS_DENIED);
      await admin.web.lists.getByTitle('Egne noter').update({ ReadSecurity: 2 });
    });
  });
});
