/** @jest-environment node */
import type { SPFI } from '@pnp/sp';
import { spFor, startServer, TestServer, USERS } from './harness';

/**
 * The server answers filters and sorts on indexed columns from indexes (model/query.ts). They may only
 * make a query faster: these tests change the list between queries and check that answers follow.
 */
describe('query indexes', () => {
  let server: TestServer;
  let admin: SPFI;
  const items = (email: string, title: string): ReturnType<SPFI['web']['lists']['getByTitle']>['items'] =>
    spFor(email).web.lists.getByTitle(title).items;
  const ids = (rows: { Id: number }[]): number[] => rows.map((r) => r.Id);

  beforeAll(async () => {
    server = await startServer();
    admin = spFor(USERS.admin);
    await admin.web.lists.ensure('Idx');
    const fields = admin.web.lists.getByTitle('Idx').fields;
    await fields.createFieldAsXml('<Field Type="Text" DisplayName="Unit" Name="Unit" Indexed="TRUE" />');
    await fields.createFieldAsXml('<Field Type="Number" DisplayName="Rank" Name="Rank" Indexed="TRUE" />');
    await fields.addNumber('Score');
    await server.bulk(
      'Idx',
      Array.from({ length: 40 }, (_, i) => ({
        Title: `item ${i + 1}`,
        Unit: i % 4 === 0 ? 'A' : 'B',
        Rank: (i * 7) % 10,
        Score: i,
      })),
    );

    await admin.web.lists.ensure('Moderated', '', 100, false, { EnableModeration: true, DraftVersionVisibility: 2 });
    const moderated = admin.web.lists.getByTitle('Moderated');
    await moderated.fields.createFieldAsXml('<Field Type="Text" DisplayName="Unit" Name="Unit" Indexed="TRUE" />');
    // Visitors (medarbejder) may contribute here, as to the stories list.
    await moderated.breakRoleInheritance(true, false);
    const visitors = await admin.web.associatedVisitorGroup();
    await moderated.roleAssignments.add(visitors.Id, 1073741827);
  });
  afterAll(async () => {
    await server.close();
  });

  it('follows an edit, an add and a delete in an eq filter on an indexed column', async () => {
    const before = ids(await items(USERS.admin, 'Idx').select('Id').filter("Unit eq 'a'")());
    expect(before).toEqual([1, 5, 9, 13, 17, 21, 25, 29, 33, 37]);
    await items(USERS.admin, 'Idx').getById(2).update({ Unit: 'A' });
    await items(USERS.admin, 'Idx').getById(5).delete();
    const added = await items(USERS.admin, 'Idx').add({ Title: 'new', Unit: 'A', Rank: 3 });
    const after = ids(await items(USERS.admin, 'Idx').select('Id').filter("Unit eq 'A' and Score lt 30")());
    expect(after).toEqual([1, 2, 9, 13, 17, 21, 25, 29]);
    await expect(
      items(USERS.admin, 'Idx').select('Id').filter(`Unit eq 'A' or Rank eq 3`).orderBy('Id', false).top(3)(),
    ).resolves.toEqual([
      expect.objectContaining({ Id: added.Id }),
      // Item 40 has Rank 3.
      expect.objectContaining({ Id: 40 }),
      expect.objectContaining({ Id: 37 }),
    ]);
  });

  it('pages an $orderby on an indexed column and sees a change made between pages', async () => {
    const pages: number[][] = [];
    for await (const page of items(USERS.admin, 'Idx')
      .select('Id', 'Rank')
      .orderBy('Rank')
      .orderBy('Id', false)
      .top(15)) {
      pages.push(ids(page));
      // Item 38 (Rank 9) moves to Rank 8: still after the first page, so the next pages must show it there.
      if (pages.length === 1) await items(USERS.admin, 'Idx').getById(38).update({ Rank: 8 });
    }
    const all = pages.flat();
    const rows = await items(USERS.admin, 'Idx').select('Id', 'Rank').top(100)();
    const expected = [...rows]
      .sort((a: { Id: number; Rank: number }, b: { Id: number; Rank: number }) => a.Rank - b.Rank || b.Id - a.Id)
      .map((r: { Id: number }) => r.Id);
    expect(pages.map((p) => p.length)).toEqual([15, 15, 10]);
    expect(all).toEqual(expected);
  });

  it('finds the approved version of an item whose pending edit changed an indexed column', async () => {
    const item = await items(USERS.medarbejder, 'Moderated').add({ Title: 'Historie', Unit: 'old' });
    await items(USERS.admin, 'Moderated').getById(item.Id).update({ OData__ModerationStatus: 0 });
    await items(USERS.medarbejder, 'Moderated').getById(item.Id).update({ Unit: 'new' });
    const unitFor = async (email: string, unit: string): Promise<unknown[]> =>
      items(email, 'Moderated').select('Id', 'Unit').filter(`Unit eq '${unit}'`)();
    await expect(unitFor(USERS.leder, 'old')).resolves.toEqual([expect.objectContaining({ Id: item.Id, Unit: 'old' })]);
    await expect(unitFor(USERS.leder, 'new')).resolves.toEqual([]);
    await expect(unitFor(USERS.medarbejder, 'new')).resolves.toEqual([
      expect.objectContaining({ Id: item.Id, Unit: 'new' }),
    ]);
    await expect(unitFor(USERS.medarbejder, 'old')).resolves.toEqual([]);
  });
});
