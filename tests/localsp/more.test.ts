/** @jest-environment node */
import type { SPFI } from '@pnp/sp';
import { spError, spFor, startServer, TestServer, USERS } from './harness';

describe('more SharePoint behaviours', () => {
  let server: TestServer;
  let sp: SPFI;

  beforeAll(async () => {
    server = await startServer({
      staticHandler: (req, res) => {
        if (req.url !== '/') return false;
        res.writeHead(200, { 'Content-Type': 'text/html' });
        res.end('<!doctype html><title>preview</title>');
        return true;
      },
    });
    sp = spFor(USERS.admin);
    await sp.web.lists.ensure('More', '', 100, false, { EnableVersioning: true });
  });
  afterAll(async () => {
    await server.close();
  });

  it('serves the static handler at / on the same port, and 404 elsewhere', async () => {
    const page = await fetch(`${server.url}/`);
    expect(await page.text()).toContain('preview');
    expect((await fetch(`${server.url}/other`)).status).toBe(404);
  });

  it('answers contextinfo as SP.ContextWebInformation', async () => {
    const res = await server.fetch('_api/contextinfo', { method: 'POST' });
    const json = (await res.json()) as Record<string, unknown>;
    expect(json).toMatchObject({
      FormDigestTimeoutSeconds: 1800,
      SiteFullUrl: server.siteUrl,
      WebFullUrl: server.siteUrl,
    });
    expect(json['odata.metadata']).toBe(`${server.siteUrl}/_api/$metadata#SP.ContextWebInformation`);
    expect(String(json.FormDigestValue)).toMatch(/^0x[0-9A-F]{128},/);
  });

  it('counts OData__UIVersionString up when versioning is on', async () => {
    const item = await sp.web.lists.getByTitle('More').items.add({ Title: 'v' });
    expect(item.OData__UIVersionString).toBe('1.0');
    await sp.web.lists.getByTitle('More').items.getById(item.Id).update({ Title: 'v2' });
    await expect(
      sp.web.lists.getByTitle('More').items.getById(item.Id).select('OData__UIVersionString')(),
    ).resolves.toMatchObject({ OData__UIVersionString: '2.0' });
  });

  it('answers verbose requests with {"d": …}, __metadata, results and __next', async () => {
    await server.bulk(
      'More',
      Array.from({ length: 3 }, (_, i) => ({ Title: `b${i}` })),
    );
    const res = await server.fetch("_api/web/lists/getByTitle('More')/items?$select=Id,Title&$top=2", {
      headers: { Accept: 'application/json;odata=verbose' },
    });
    expect(res.headers.get('content-type')).toBe('application/json;odata=verbose;charset=utf-8');
    const json = (await res.json()) as { d: { results: { __metadata: Record<string, string> }[]; __next: string } };
    expect(json.d.results).toHaveLength(2);
    expect(json.d.results[0].__metadata).toMatchObject({ type: 'SP.Data.MoreListItem', etag: '"2"' });
    expect(json.d.results[0].__metadata.uri).toMatch(new RegExp(`^${server.siteUrl}/_api/Web/Lists\\(guid'`));
    expect(json.d.__next).toContain('%24skiptoken=Paged%3dTRUE%26p_ID%3d');
    const err = await server.fetch("_api/web/lists/getByTitle('Nope')", {
      headers: { Accept: 'application/json;odata=verbose' },
    });
    expect(await err.json()).toEqual({
      error: {
        code: '-1, System.ArgumentException',
        message: { lang: 'en-US', value: `List 'Nope' does not exist at site with URL '${server.siteUrl}'.` },
      },
    });
  });

  it('refuses a MERGE that would duplicate a unique value', async () => {
    await sp.web.lists
      .getByTitle('More')
      .fields.createFieldAsXml(
        '<Field Type="Number" DisplayName="Nr" Name="Nr" Indexed="TRUE" EnforceUniqueValues="TRUE" />',
      );
    const a = await sp.web.lists.getByTitle('More').items.add({ Title: 'a', Nr: 1 });
    const b = await sp.web.lists.getByTitle('More').items.add({ Title: 'b', Nr: 2 });
    await expect(spError(sp.web.lists.getByTitle('More').items.getById(b.Id).update({ Nr: 1 }))).resolves.toMatchObject(
      { status: 500, code: '-2130575169, Microsoft.SharePoint.SPDuplicateValuesFoundException' },
    );
    await expect(
      sp.web.lists.getByTitle('More').items.getById(a.Id).update({ Nr: 1, Title: 'a2' }),
    ).resolves.toHaveProperty('etag');
  });

  it('adds a dependent lookup that projects another column of the lookup list', async () => {
    await sp.web.lists.ensure('Units');
    const units = sp.web.lists.getByTitle('Units');
    await units.fields.addText('Code');
    const unit = await units.items.add({ Title: 'Læring og Trivsel', Code: 'LT' });
    const { Id: unitsId } = await units.select('Id')();
    const primary = await sp.web.lists
      .getByTitle('More')
      .fields.addLookup('Unit', { LookupListId: unitsId, LookupFieldName: 'Title' });
    const dep = await sp.web.lists
      .getByTitle('More')
      .fields.addDependentLookupField('Unit Code', primary.Id as string, 'Code');
    expect(dep).toMatchObject({
      TypeAsString: 'Lookup',
      ReadOnlyField: true,
      LookupField: 'Code',
      PrimaryFieldId: primary.Id,
    });
    const item = await sp.web.lists.getByTitle('More').items.add({ Title: 'med enhed', UnitId: unit.Id });
    const read = await sp.web.lists
      .getByTitle('More')
      .items.getById(item.Id)
      .select('Unit_x0020_Code/Code')
      .expand('Unit_x0020_Code')();
    expect(read.Unit_x0020_Code).toMatchObject({ Code: 'LT' });
    await expect(
      spError(sp.web.lists.getByTitle('More').items.add({ Title: 'x', Unit_x0020_CodeId: 1 })),
    ).resolves.toMatchObject({ status: 400 });
  });

  it('manages web role assignments for a user', async () => {
    const leder = await sp.web.siteUsers.getByEmail(USERS.leder)();
    await sp.web.roleAssignments.add(leder.Id, 1073741828);
    const perms = await spFor(USERS.leder).web.getCurrentUserEffectivePermissions();
    expect(sp.web.hasPermissions(perms, 5)).toBe(true);
    const assignment = await sp.web.roleAssignments.getById(leder.Id).bindings();
    expect(assignment.map((d: { Name: string }) => d.Name)).toEqual(['Design']);
    await sp.web.roleAssignments.remove(leder.Id, 1073741828);
    await expect(spError(sp.web.roleAssignments.getById(leder.Id)())).resolves.toMatchObject({ status: 404 });
    await expect(spError(sp.web.resetRoleInheritance())).resolves.toMatchObject({ status: 500 });
    await expect(spError(spFor(USERS.leder).web.roleAssignments())).resolves.toMatchObject({ status: 403 });
  });

  it('reads single web properties and the site', async () => {
    const res = await server.fetch('_api/web/title');
    expect(await res.json()).toMatchObject({ value: 'Mod på kerneopgaven' });
    const site = await server.fetch('_api/site?$select=Url');
    expect(await site.json()).toMatchObject({ Url: server.siteUrl });
  });

  it('adds users and groups as the benchmark needs', async () => {
    const added = await server.addUsers(
      Array.from({ length: 3 }, (_, i) => ({
        email: `leder${i}@mpk.local`,
        title: `Leder ${i}`,
        groups: ['Mod på kerneopgaven Medlemmer'],
      })),
    );
    expect(added).toHaveLength(3);
    const group = await sp.web.siteGroups.add({ Title: 'Ledergruppe Læring og Trivsel' });
    await sp.web.siteGroups.getById(group.Id).users.add('i:0#.f|membership|leder0@mpk.local');
    const users = await sp.web.siteGroups.getByName('Ledergruppe Læring og Trivsel').users.select('Email')();
    expect(users.map((u: { Email: string }) => u.Email).sort()).toEqual([USERS.admin, 'leder0@mpk.local']);
    await sp.web.siteGroups.removeById(group.Id);
    await expect(spError(sp.web.siteGroups.getById(group.Id)())).resolves.toMatchObject({ status: 404 });
  });
});
