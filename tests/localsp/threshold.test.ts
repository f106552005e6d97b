/** @jest-environment node */
import type { SPFI } from '@pnp/sp';
import { spError, spFor, startServer, TestServer, USERS } from './harness';

const THROTTLED = {
  status: 500,
  code: '-2147024860, Microsoft.SharePoint.SPQueryThrottledException',
  message: 'The attempted operation is prohibited because it exceeds the list view threshold.',
};

describe('list view threshold (5,000)', () => {
  let server: TestServer;
  let sp: SPFI;
  const big = (): ReturnType<SPFI['web']['lists']['getByTitle']>['items'] => sp.web.lists.getByTitle('Big').items;

  beforeAll(async () => {
    server = await startServer();
    sp = spFor(USERS.admin);
    await sp.web.lists.ensure('Big');
    await sp.web.lists
      .getByTitle('Big')
      .fields.createFieldAsXml('<Field Type="Text" DisplayName="Unit" Name="Unit" Indexed="TRUE" />');
    await sp.web.lists.getByTitle('Big').fields.addNumber('Score');
    const items = Array.from({ length: 5002 }, (_, i) => ({
      Title: `item ${i}`,
      Unit: i === 5001 ? 'rare' : 'common',
      Score: i % 10,
    }));
    await expect(server.bulk('Big', items)).resolves.toMatchObject({ count: 5002, firstId: 1, lastId: 5002 });
  });
  afterAll(async () => {
    await server.close();
  });

  it('fails a filter on a non-indexed column with SPQueryThrottledException', async () => {
    await expect(spError(big().filter('Score eq 1')())).resolves.toMatchObject(THROTTLED);
    await expect(spError(big().filter("Title eq 'item 1'")())).resolves.toMatchObject(THROTTLED);
  });

  it('fails an $orderby on a non-indexed column', async () => {
    await expect(spError(big().orderBy('Score')())).resolves.toMatchObject(THROTTLED);
  });

  it('answers a narrow filter on an indexed column, also combined with a non-indexed one', async () => {
    await expect(big().select('Id').filter("Unit eq 'rare'")()).resolves.toEqual([
      expect.objectContaining({ Id: 5002 }),
    ]);
    await expect(big().select('Id').filter("Unit eq 'rare' and Score eq 1")()).resolves.toEqual([
      expect.objectContaining({ Id: 5002 }),
    ]);
    await expect(big().select('Id').filter('Id gt 4990 and Score eq 1')()).resolves.toEqual([
      expect.objectContaining({ Id: 4992 }),
      expect.objectContaining({ Id: 5002 }),
    ]);
  });

  it('fails an indexed filter that matches more than 5,000 items, and an or with a non-indexed side', async () => {
    await expect(spError(big().filter("Unit eq 'common'")())).resolves.toMatchObject(THROTTLED);
    await expect(spError(big().filter("Unit eq 'rare' or Score eq 1")())).resolves.toMatchObject(THROTTLED);
  });

  it('pages unfiltered in ID order with $top up to 5000, but not beyond', async () => {
    const pages: number[] = [];
    for await (const page of big().select('Id').top(5000)) pages.push(page.length);
    expect(pages).toEqual([5000, 2]);
    await expect(spError(big().top(5001)())).resolves.toMatchObject(THROTTLED);
  });

  it('indexing the column afterwards (MERGE Indexed) makes the query legal', async () => {
    await sp.web.lists.getByTitle('Big').fields.getByInternalNameOrTitle('Score').update({ Indexed: true });
    const rows = await big().select('Id').filter('Score eq 1 and Id le 100')();
    expect(rows).toHaveLength(10);
  });

  it('stays fast with 100,000 items', async () => {
    await sp.web.lists.ensure('Huge');
    await sp.web.lists
      .getByTitle('Huge')
      .fields.createFieldAsXml('<Field Type="Text" DisplayName="Unit" Name="Unit" Indexed="TRUE" />');
    const t0 = Date.now();
    for (let chunk = 0; chunk < 5; chunk++) {
      const items = Array.from({ length: 20000 }, (_, i) => ({
        Title: `h${chunk * 20000 + i}`,
        Unit: `u${(chunk * 20000 + i) % 400}`,
      }));
      await server.bulk('Huge', items);
    }
    const loadMs = Date.now() - t0;
    const t1 = Date.now();
    const rows = await sp.web.lists.getByTitle('Huge').items.select('Id', 'Title').filter("Unit eq 'u7'").top(500)();
    const page = await sp.web.lists.getByTitle('Huge').items.select('Id').skip(90000).top(100)();
    const queryMs = Date.now() - t1;
    expect(rows).toHaveLength(250);
    expect(page[0].Id).toBe(90001);
    expect(loadMs).toBeLessThan(15000);
    expect(queryMs).toBeLessThan(1000);
  }, 30000);
});
