/** @jest-environment node */
/**
 * People search for pickers against the local SharePoint: SharePoint's people picker search
 * (`clientPeoplePickerSearchUser`: any case, the start of a word of the name or of the e-mail, the whole
 * organisation), then `ensureUser` for the person chosen or an e-mail typed in full. The raw requests
 * are checked too, so the local SharePoint's answer is the contract.
 */
import { as, dataRequests, startServer, userId, USERS, type TestServer } from './support';
import { createServices } from '../../src/data/services';
import { isDataError } from '../../src/data/errors';
import { matchOf } from '../../src/data/repositories/people';
import type { IMpkServices } from '../../src/data/repositories/types';
import { dataErrorText } from '../../src/ui/shell/texts';
import { danish } from '../support/strings';

let server: TestServer;
let chef: IMpkServices;

const LENE = { key: 'i:0#.f|membership|leder@mpk.local', title: 'Lene Madsen', email: 'leder@mpk.local' };

beforeAll(async () => {
  server = await startServer();
  await server.addUsers([
    { email: 'anne.obrien@mpk.local', title: "Anne O'Brien" },
    { email: 'lars.leth@mpk.local', title: 'Lars Leth' },
    { email: 'nina.lund@mpk.local', title: 'Nina Lund', inSite: false },
  ]);
  chef = createServices(as(server, USERS.chef), { id: 0 });
});
afterAll(() => server.close());

describe('searching for people', () => {
  it("finds Lene Madsen by 'lene', 'LENE', 'madsen', 'lene m' and her e-mail", async () => {
    for (const text of ['lene', 'LENE', 'madsen', 'Madsen', 'lene m', 'leder@mpk', 'LEDER@MPK.LOCAL']) {
      expect([text, await chef.people.search(text)]).toEqual([text, [LENE]]);
    }
  });

  it('matches the start of words, sorted by name, and escapes nothing it need not', async () => {
    expect((await chef.people.search('le')).map((p) => p.title)).toEqual(['Lars Leth', 'Lene Madsen']);
    expect((await chef.people.search('l')).map((p) => p.title)).toEqual([]);
    // The middle of a word is not a match (SharePoint's picker searches by prefix).
    expect(await chef.people.search('adsen')).toEqual([]);
    expect((await chef.people.search("O'Bri")).map((p) => p.title)).toEqual(["Anne O'Brien"]);
    expect((await chef.people.search('anne.ob')).map((p) => p.email)).toEqual(['anne.obrien@mpk.local']);
  });

  it('sends one people picker request, and nothing for one letter', async () => {
    await server.resetRequests();
    expect(await chef.people.search(' l ')).toEqual([]);
    expect(await dataRequests(server)).toEqual([]);
    await chef.people.search('lene');
    const requests = await dataRequests(server);
    expect(requests.map((r) => [r.method, r.path, r.status])).toEqual([
      [
        'POST',
        '/sites/mpk/_api/sp.ui.applicationpages.clientpeoplepickerwebserviceinterface.clientpeoplepickersearchuser',
        200,
      ],
    ]);
  });

  it('finds people in the organisation who have not visited the site yet', async () => {
    expect(await chef.people.search('nina')).toEqual([
      { key: 'i:0#.f|membership|nina.lund@mpk.local', title: 'Nina Lund', email: 'nina.lund@mpk.local' },
    ]);
  });
});

describe("reading the picker's entities", () => {
  it('keeps resolved users with an e-mail and drops unvalidated addresses, groups and users without one', () => {
    const user = {
      Key: 'i:0#.f|membership|leder@mpk.local',
      DisplayText: 'Lene Madsen',
      IsResolved: true,
      EntityType: 'User',
      EntityData: { Email: 'leder@mpk.local' },
    };
    expect(matchOf(user)).toEqual(LENE);
    expect(
      matchOf({ ...user, EntityType: '', IsResolved: false, EntityData: { Email: 'x@elsewhere.example' } }),
    ).toBeUndefined();
    expect(matchOf({ ...user, EntityType: 'SPGroup' })).toBeUndefined();
    expect(matchOf({ ...user, EntityData: { Email: '' } })).toBeUndefined();
    expect(matchOf({ ...user, DisplayText: '' })).toEqual({ ...LENE, title: 'leder@mpk.local' });
  });
});

describe('choosing a person found', () => {
  it('resolves them to their site user id, the id a person column stores', async () => {
    const [found] = await chef.people.search('lene');
    expect(await chef.people.resolve(found)).toEqual({
      id: await userId(server, USERS.leder),
      title: 'Lene Madsen',
      email: 'leder@mpk.local',
    });
  });

  it('adds someone from the directory to the site (ensureUser) and returns them', async () => {
    const [nina] = await chef.people.search('Nina L');
    const person = await chef.people.resolve(nina);
    expect(person).toEqual({ id: expect.any(Number), title: 'Nina Lund', email: 'nina.lund@mpk.local' });
    const siteUser = await server.fetch("_api/web/siteusers/getbyemail('nina.lund@mpk.local')?$select=Id", {
      as: USERS.chef,
    });
    expect(((await siteUser.json()) as { Id: number }).Id).toBe(person.id);
  });

  it('says in Danish that the person is gone when SharePoint no longer knows the account', async () => {
    const error = await chef.people
      .resolve({ key: 'i:0#.f|membership|gone@mpk.local', title: 'Gone', email: 'gone@mpk.local' })
      .catch((e: unknown) => e);
    expect(isDataError(error) && error.reason).toBe('personNotFound');
    expect(isDataError(error) && dataErrorText(danish, error)).toBe(
      'Personen kunne ikke findes i organisationen længere. Søg igen, eller vælg en anden.',
    );
  });
});

describe('resolving an e-mail typed in full', () => {
  it('adds someone from the directory to the site and returns them; a site user is returned as is', async () => {
    await server.addUsers([{ email: 'ole.ravn@mpk.local', title: 'Ole Ravn', inSite: false }]);
    const ole = await chef.people.ensure(' Ole.Ravn@mpk.local ');
    expect(ole).toEqual({ id: expect.any(Number), title: 'Ole Ravn', email: 'ole.ravn@mpk.local' });
    expect((await chef.people.ensure(USERS.leder)).title).toBe('Lene Madsen');
  });

  it('says in Danish that nobody has an unknown address', async () => {
    const error = await chef.people.ensure('ingen.her@mpk.local').catch((e: unknown) => e);
    expect(isDataError(error) && error.reason).toBe('userNotFound');
    expect(isDataError(error) && dataErrorText(danish, error)).toBe(
      'Der findes ingen person med den e-mailadresse i organisationen. Tjek stavningen, eller søg på navnet.',
    );
    const invalid = await chef.people.ensure('ikke en adresse').catch((e: unknown) => e);
    expect(isDataError(invalid) && invalid.reason).toBe('userNotFound');
  });
});
