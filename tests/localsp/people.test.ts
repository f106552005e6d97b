/** @jest-environment node */
/**
 * People as SharePoint Online answers for them: `$filter` on `siteUsers` and `siteGroups` compares text
 * case-sensitively (pnp/pnpjs#2649) while list items stay case-insensitive, and the people picker's search
 * (`clientPeoplePickerSearchUser`) in its recorded wire format, case-insensitive by word prefix.
 */
import type { SPFI } from '@pnp/sp';
import { InjectHeaders } from '@pnp/queryable';
import '@pnp/sp/profiles';
import { spError, spFor, startServer, TestServer, USERS } from './harness';

const PICKER = '_api/SP.UI.ApplicationPages.ClientPeoplePickerWebServiceInterface.clientPeoplePickerSearchUser';
const NOMETADATA = 'application/json;odata=nometadata';

interface Entity {
  Key: string;
  DisplayText: string;
  Description: string;
  EntityType: string;
  EntityData: Record<string, string>;
}

let server: TestServer;
let sp: SPFI;

beforeAll(async () => {
  server = await startServer();
  sp = spFor(USERS.chef);
  await server.addUsers([
    { email: 'lars.leth@mpk.local', title: 'Lars Leth' },
    { email: 'nina.lund@mpk.local', title: 'Nina Lund', inSite: false },
  ]);
});
afterAll(() => server.close());

async function titles(path: string, filter: string, as: string = USERS.chef): Promise<string[]> {
  const response = await server.fetch(`${path}?$select=Title&$filter=${encodeURIComponent(filter)}`, {
    as,
    headers: { Accept: NOMETADATA },
  });
  expect(response.status).toBe(200);
  return ((await response.json()) as { value: { Title: string }[] }).value.map((v) => v.Title);
}

function pick(queryParams: Record<string, unknown>, accept = NOMETADATA, as: string = USERS.chef): Promise<Response> {
  return server.fetch(PICKER, {
    method: 'POST',
    as,
    headers: { Accept: accept, 'Content-Type': 'application/json;odata=verbose' },
    body: JSON.stringify({ queryParams }),
  });
}

async function pickNames(queryParams: Record<string, unknown>): Promise<string[]> {
  const response = await pick({ MaximumEntitySuggestions: 10, PrincipalSource: 15, PrincipalType: 1, ...queryParams });
  expect(response.status).toBe(200);
  return (JSON.parse(((await response.json()) as { value: string }).value) as Entity[]).map((e) => e.DisplayText);
}

describe('$filter on site users and groups', () => {
  it('compares text case-sensitively, as SharePoint Online does for SP.User (pnp/pnpjs#2649)', async () => {
    expect(await titles('_api/web/siteusers', "substringof('Lene',Title)")).toEqual(['Lene Madsen']);
    expect(await titles('_api/web/siteusers', "substringof('lene',Title)")).toEqual([]);
    expect(await titles('_api/web/siteusers', "substringof('LEDER',Email)")).toEqual([]);
    expect(await titles('_api/web/siteusers', "startswith(Title,'lene')")).toEqual([]);
    expect(await titles('_api/web/siteusers', "Title eq 'lene madsen'")).toEqual([]);
    expect(await titles('_api/web/siteusers', "Title eq 'Lene Madsen'")).toEqual(['Lene Madsen']);
    // The product's old search: a lower-case name finds nobody unless the e-mail has it.
    expect(
      await titles(
        '_api/web/siteusers',
        "PrincipalType eq 1 and (substringof('lene',Title) or substringof('lene',Email))",
      ),
    ).toEqual([]);
    expect(
      await titles(
        '_api/web/siteusers',
        "PrincipalType eq 1 and (substringof('leder',Title) or substringof('leder',Email))",
      ),
    ).toEqual(['Lene Madsen']);
  });

  it('is case-sensitive on groups, a group’s users and a user’s groups too', async () => {
    expect(await titles('_api/web/sitegroups', "substringof('Medlemmer',Title)")).toEqual([
      'Mod på kerneopgaven Medlemmer',
    ]);
    expect(await titles('_api/web/sitegroups', "substringof('medlemmer',Title)")).toEqual([]);
    expect(await titles('_api/web/associatedmembergroup/users', "substringof('Lene',Title)")).toEqual(['Lene Madsen']);
    expect(await titles('_api/web/associatedmembergroup/users', "substringof('lene',Title)")).toEqual([]);
    const leder = (await sp.web.siteUsers.getByEmail(USERS.leder).select('Id')()) as { Id: number };
    expect(await titles(`_api/web/getuserbyid(${leder.Id})/groups`, "substringof('medlemmer',Title)")).toEqual([]);
  });

  it('leaves list items case-insensitive', async () => {
    const admin = spFor(USERS.admin);
    await admin.web.lists.ensure('Personer', '', 100);
    await admin.web.lists.getByTitle('Personer').items.add({ Title: 'Lene Madsen' });
    const path = "_api/web/lists/getByTitle('Personer')/items";
    expect(await titles(path, "substringof('lene',Title)", USERS.admin)).toEqual(['Lene Madsen']);
    expect(await titles(path, "Title eq 'LENE MADSEN'", USERS.admin)).toEqual(['Lene Madsen']);
  });
});

describe('the people picker search (clientPeoplePickerSearchUser)', () => {
  it('finds people by the start of any word of the name, ignoring case, and by e-mail', async () => {
    for (const text of ['lene', 'LENE', 'madsen', 'Lene M', 'lene madsen', 'leder@', 'LEDER@MPK.LOCAL']) {
      expect([text, await pickNames({ QueryString: text })]).toEqual([text, ['Lene Madsen']]);
    }
    // Prefixes only: the middle of a word is not a match (unlike substringof).
    expect(await pickNames({ QueryString: 'ene' })).toEqual([]);
    expect(await pickNames({ QueryString: 'adsen' })).toEqual([]);
    expect(await pickNames({ QueryString: '' })).toEqual([]);
    expect(await pickNames({ QueryString: 'ma' })).toEqual(['Lene Madsen', 'Mads Nielsen']);
  });

  it('answers nometadata with {"value": "<JSON of the entities>"} in the recorded entity shape', async () => {
    const response = await pick({
      QueryString: 'lene',
      MaximumEntitySuggestions: 5,
      PrincipalSource: 15,
      PrincipalType: 1,
      AllowEmailAddresses: true,
    });
    expect(response.headers.get('content-type')).toBe('application/json;odata=nometadata;streaming=true;charset=utf-8');
    const body = (await response.json()) as Record<string, unknown>;
    expect(Object.keys(body)).toEqual(['value']);
    expect(typeof body.value).toBe('string');
    const entities = JSON.parse(body.value as string) as Entity[];
    expect(entities).toHaveLength(1);
    expect(Object.keys(entities[0])).toEqual([
      'Key',
      'DisplayText',
      'IsResolved',
      'Description',
      'EntityType',
      'EntityData',
      'MultipleMatches',
      'ProviderName',
      'ProviderDisplayName',
    ]);
    expect(entities[0]).toEqual({
      Key: 'i:0#.f|membership|leder@mpk.local',
      DisplayText: 'Lene Madsen',
      IsResolved: true,
      Description: 'leder@mpk.local',
      EntityType: 'User',
      EntityData: {
        IsAltSecIdPresent: 'False',
        ObjectId: expect.stringMatching(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-a[0-9a-f]{3}-[0-9a-f]{12}$/),
        Title: 'Områdeleder',
        Email: 'leder@mpk.local',
        MobilePhone: '',
        Department: 'Læring og Trivsel',
      },
      MultipleMatches: [],
      ProviderName: 'Tenant',
      ProviderDisplayName: 'Tenant',
    });
  });

  it('answers minimal metadata with an Edm.String and verbose with {"d":{"ClientPeoplePickerSearchUser": …}}', async () => {
    const query = { QueryString: 'madsen', MaximumEntitySuggestions: 5, PrincipalSource: 15, PrincipalType: 1 };
    const minimal = (await (await pick(query, 'application/json')).json()) as Record<string, unknown>;
    expect(minimal).toEqual({
      'odata.metadata': `${server.siteUrl}/_api/$metadata#Edm.String`,
      value: expect.any(String),
    });
    const verbose = await pick(query, 'application/json;odata=verbose');
    expect(verbose.headers.get('content-type')).toBe('application/json;odata=verbose;charset=utf-8');
    const body = (await verbose.json()) as { d: Record<string, unknown> };
    expect(Object.keys(body)).toEqual(['d']);
    expect(Object.keys(body.d)).toEqual(['ClientPeoplePickerSearchUser']);
    expect(JSON.parse(body.d.ClientPeoplePickerSearchUser as string)).toEqual(JSON.parse(minimal.value as string));
  });

  it('returns at most MaximumEntitySuggestions, and only users', async () => {
    expect(await pickNames({ QueryString: 'l', MaximumEntitySuggestions: 2 })).toEqual(['Lars Leth', 'Lene Madsen']);
    expect(await pickNames({ QueryString: 'l', MaximumEntitySuggestions: 1 })).toEqual(['Lars Leth']);
    expect(await pickNames({ QueryString: 'lene', PrincipalType: 8 })).toEqual([]);
  });

  it('searches the directory with PrincipalSource 15, only the site’s users with 1, and a group’s members with SharePointGroupID', async () => {
    expect(await pickNames({ QueryString: 'nina' })).toEqual(['Nina Lund']);
    expect(await pickNames({ QueryString: 'nina', PrincipalSource: 1 })).toEqual([]);
    expect(await pickNames({ QueryString: 'l', PrincipalSource: 1 })).toEqual(['Lars Leth', 'Lene Madsen']);
    const members = (await sp.web.associatedMemberGroup.select('Id')()) as { Id: number };
    expect(await pickNames({ QueryString: 'l', SharePointGroupID: members.Id })).toEqual(['Lene Madsen']);
  });

  it('is what PnPjs sp.profiles.clientPeoplePickerSearchUser parses, in every metadata mode', async () => {
    for (const accept of [undefined, NOMETADATA, 'application/json;odata=verbose']) {
      const client = accept ? spFor(USERS.chef).using(InjectHeaders({ Accept: accept })) : sp;
      const found = await client.profiles.clientPeoplePickerSearchUser({
        QueryString: 'LENE',
        MaximumEntitySuggestions: 5,
        PrincipalSource: 15,
        PrincipalType: 1,
      });
      expect([accept, found.map((e) => [e.Key, e.DisplayText, e.EntityData.Email])]).toEqual([
        accept,
        [['i:0#.f|membership|leder@mpk.local', 'Lene Madsen', 'leder@mpk.local']],
      ]);
    }
    const requests = (await server.requests()).filter((r) => /clientpeoplepickersearchuser/i.test(r.path));
    expect(requests[requests.length - 1]).toMatchObject({ method: 'POST', status: 200 });
    expect(requests[requests.length - 1].path).toBe(
      '/sites/mpk/_api/sp.ui.applicationpages.clientpeoplepickerwebserviceinterface.clientpeoplepickersearchuser',
    );
  });

  it('refuses what SharePoint refuses: GET, an unknown query property, no queryParams', async () => {
    const get = await server.fetch(PICKER, { as: USERS.chef });
    expect(get.status).toBe(405);
    const unknown = await pick({ QueryString: 'lene', MaximumEntitySuggestions: 5, Nonsense: true });
    expect(unknown.status).toBe(400);
    expect(
      ((await unknown.json()) as { 'odata.error': { message: { value: string } } })['odata.error'].message.value,
    ).toBe(
      "The property 'Nonsense' does not exist on type 'SP.UI.ApplicationPages.ClientPeoplePickerQueryParameters'. Make sure to only use property names that are defined by the type.",
    );
    const none = await server.fetch(PICKER, {
      method: 'POST',
      as: USERS.chef,
      headers: { 'Content-Type': 'application/json' },
      body: '{}',
    });
    expect(none.status).toBe(400);
    const anonymous = await spError(
      spFor('nobody@elsewhere.example').profiles.clientPeoplePickerSearchUser({
        QueryString: 'lene',
        MaximumEntitySuggestions: 5,
      }),
    );
    expect(anonymous.status).toBe(401);
  });
});
