/** @jest-environment node */
import type { SPFI } from '@pnp/sp';
import { spError, spFor, startServer, TestServer, USERS } from './harness';

describe('list items over PnPjs', () => {
  let server: TestServer;
  let sp: SPFI;
  let chefId: number;
  let lederId: number;

  beforeAll(async () => {
    server = await startServer();
    sp = spFor(USERS.admin);
    await sp.web.lists.ensure('Ambitions');
    await sp.web.lists.ensure('Stories');
    const stories = sp.web.lists.getByTitle('Stories');
    const ambitions = await sp.web.lists.getByTitle('Ambitions').select('Id')();
    await stories.fields.addMultilineText('Body', { RichText: true });
    await stories.fields.addChoice('Kind', { Choices: ['Det lykkedes', 'Vi lærte af en fejl'] });
    await stories.fields.addMultiChoice('Tags', { Choices: ['A', 'B', 'C'] });
    await stories.fields.addNumber('Score');
    await stories.fields.addBoolean('Published');
    await stories.fields.addDateTime('Happened');
    await stories.fields.addUrl('Link');
    await stories.fields.addUser('Owner', { SelectionMode: 0 });
    await stories.fields.addUser('Helpers', { SelectionMode: 0, AllowMultipleValues: true } as Parameters<
      typeof stories.fields.addUser
    >[1]);
    await stories.fields.addLookup('Ambition', { LookupListId: ambitions.Id, LookupFieldName: 'Title' });
    await stories.fields.createFieldAsXml(
      `<Field Type="LookupMulti" DisplayName="Related" Name="Related" Mult="TRUE" List="{${ambitions.Id}}" ShowField="Title" />`,
    );
    const amb = sp.web.lists.getByTitle('Ambitions').items;
    await amb.add({ Title: 'Mod på kerneopgaven' });
    await amb.add({ Title: "Borgerens 'egen' kraft" });
    chefId = (await sp.web.siteUsers.getByEmail(USERS.chef)()).Id;
    lederId = (await sp.web.siteUsers.getByEmail(USERS.leder)()).Id;
  });

  afterAll(async () => {
    await server.close();
  });

  describe('item JSON shape (reference §2)', () => {
    it('returns metadata and fields in SharePoint order with nulls for empty columns', async () => {
      const added = await sp.web.lists.getByTitle('Stories').items.add({ Title: 'Første' });
      const item = await sp.web.lists.getByTitle('Stories').items.getById(added.Id)();
      expect(Object.keys(item)).toEqual([
        'odata.metadata',
        'odata.type',
        'odata.id',
        'odata.etag',
        'odata.editLink',
        'FileSystemObjectType',
        'Id',
        'ServerRedirectedEmbedUri',
        'ServerRedirectedEmbedUrl',
        'ContentTypeId',
        'Title',
        'ComplianceAssetId',
        'Body',
        'Kind',
        'Tags',
        'Score',
        'Published',
        'Happened',
        'Link',
        'OwnerId',
        'OwnerStringId',
        'HelpersId',
        'HelpersStringId',
        'AmbitionId',
        'RelatedId',
        'ID',
        'Modified',
        'Created',
        'AuthorId',
        'EditorId',
        'OData__UIVersionString',
        'Attachments',
        'GUID',
      ]);
      expect(item['odata.type']).toBe('SP.Data.StoriesListItem');
      expect(item['odata.etag']).toBe('"1"');
      expect(item['odata.editLink']).toMatch(/^Web\/Lists\(guid'[0-9a-f-]{36}'\)\/Items\(\d+\)$/);
      expect(item).toMatchObject({
        Tags: null,
        OwnerId: null,
        OwnerStringId: null,
        HelpersId: null,
        HelpersStringId: null,
        AmbitionId: null,
        RelatedId: [],
        OData__UIVersionString: '1.0',
        Attachments: false,
        FileSystemObjectType: 0,
      });
      expect(item.Created).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
      expect(item.Id).toBe(item.ID);
    });

    it('writes and reads every column type the product uses', async () => {
      const items = sp.web.lists.getByTitle('Stories').items;
      const added = await items.add({
        Title: 'Alle typer',
        Body: '<p>Hej</p>',
        Kind: 'Det lykkedes',
        Tags: ['A', 'C'],
        Score: 4.5,
        Published: true,
        Happened: '2024-03-01T10:15:30.250Z',
        Link: { Url: 'https://holbaek.dk', Description: 'Holbæk' },
        OwnerId: chefId,
        HelpersId: [chefId, lederId],
        AmbitionId: 1,
        RelatedId: [1, 2],
      });
      expect(added).toMatchObject({
        Body: '<p>Hej</p>',
        Tags: ['A', 'C'],
        Score: 4.5,
        Published: true,
        Happened: '2024-03-01T10:15:30Z',
        Link: { Description: 'Holbæk', Url: 'https://holbaek.dk' },
        OwnerId: chefId,
        OwnerStringId: String(chefId),
        HelpersId: [chefId, lederId],
        HelpersStringId: [String(chefId), String(lederId)],
        AmbitionId: 1,
        RelatedId: [1, 2],
      });
    });

    it('answers an add with 201, ETag "<guid>,1" and Location', async () => {
      const res = await server.fetch("_api/web/lists/getByTitle('Stories')/items", {
        method: 'POST',
        headers: { 'Content-Type': 'application/json;charset=utf-8' },
        body: JSON.stringify({ Title: 'Rå' }),
      });
      expect(res.status).toBe(201);
      const body = (await res.json()) as { GUID: string; Id: number };
      expect(res.headers.get('etag')).toBe(`"${body.GUID},1"`);
      expect(res.headers.get('location')).toMatch(
        new RegExp(`/_api/Web/Lists\\(guid'[0-9a-f-]+'\\)/Items\\(${body.Id}\\)$`),
      );
      expect(res.headers.get('content-type')).toBe(
        'application/json;odata=minimalmetadata;streaming=true;charset=utf-8',
      );
    });

    it('selecting Id also returns ID, and $select limits the properties', async () => {
      const rows = await sp.web.lists.getByTitle('Stories').items.select('Id', 'Title').top(1)();
      expect(Object.keys(rows[0])).toEqual([
        'odata.type',
        'odata.id',
        'odata.etag',
        'odata.editLink',
        'Id',
        'Title',
        'ID',
      ]);
    });

    it('expands users and lookups with projections, expanded objects first', async () => {
      const rows = await sp.web.lists
        .getByTitle('Stories')
        .items.select('Title', 'Author/Title', 'Author/EMail', 'Ambition/Title', 'Related/Title')
        .expand('Author', 'Ambition', 'Related')
        .filter("Title eq 'Alle typer'")();
      expect(rows).toHaveLength(1);
      const r = rows[0];
      expect(r.Author).toMatchObject({
        'odata.type': 'SP.Data.UserInfoItem',
        Title: 'Anne Andersen',
        EMail: 'admin@mpk.local',
      });
      expect(r.Ambition).toMatchObject({ 'odata.type': 'SP.Data.AmbitionsListItem', Title: 'Mod på kerneopgaven' });
      expect(r.Related.map((x: { Title: string }) => x.Title)).toEqual([
        'Mod på kerneopgaven',
        "Borgerens 'egen' kraft",
      ]);
      expect(Object.keys(r).indexOf('Author')).toBeLessThan(Object.keys(r).indexOf('Title'));
    });

    it('refuses a projection without its $expand and unknown $select fields', async () => {
      const e1 = await spError(sp.web.lists.getByTitle('Stories').items.select('Author/Title')());
      expect(e1.status).toBe(400);
      expect(e1.message).toContain('$expand query string must contains Author');
      const e2 = await spError(sp.web.lists.getByTitle('Stories').items.select('Nope')());
      expect(e2).toMatchObject({
        status: 400,
        code: '-1, Microsoft.SharePoint.SPException',
        message: "The field or property 'Nope' does not exist.",
      });
    });
  });

  describe('writes', () => {
    it('MERGE answers 204 with an ETag header and PnPjs returns it', async () => {
      const added = await sp.web.lists.getByTitle('Stories').items.add({ Title: 'Til ret' });
      const r = await sp.web.lists.getByTitle('Stories').items.getById(added.Id).update({ Title: 'Rettet' });
      expect(r).toEqual({ etag: `"${added.GUID},2"` });
      const raw = await server.fetch(`_api/web/lists/getByTitle('Stories')/items(${added.Id})`, {
        method: 'POST',
        headers: { 'X-HTTP-Method': 'MERGE', 'IF-Match': '*', 'Content-Type': 'application/json' },
        body: JSON.stringify({ Title: 'Igen' }),
      });
      expect(raw.status).toBe(204);
      expect(await raw.text()).toBe('');
      expect(raw.headers.get('etag')).toBe(`"${added.GUID},3"`);
      const again = await sp.web.lists.getByTitle('Stories').items.getById(added.Id)();
      expect(again['odata.etag']).toBe('"3"');
      expect(again.Title).toBe('Igen');
    });

    it('answers a stale If-Match with 412 and SharePoint’s message', async () => {
      const added = await sp.web.lists.getByTitle('Stories').items.add({ Title: 'ETag' });
      const item = sp.web.lists.getByTitle('Stories').items.getById(added.Id);
      await item.update({ Title: 'v2' }, '"1"');
      const e = await spError(item.update({ Title: 'v3' }, '"1"'));
      expect(e).toMatchObject({
        status: 412,
        code: '-1, Microsoft.SharePoint.Client.ClientServiceException',
        message: `The request ETag value '"1"' does not match the object's ETag value '"${added.GUID},2"'.`,
      });
      await expect(item.update({ Title: 'v3' }, `"${added.GUID},2"`)).resolves.toEqual({ etag: `"${added.GUID},3"` });
    });

    it('DELETE answers 200 with an empty body and the item is gone (404)', async () => {
      const added = await sp.web.lists.getByTitle('Stories').items.add({ Title: 'Slet' });
      const res = await server.fetch(`_api/web/lists/getByTitle('Stories')/items(${added.Id})`, {
        method: 'POST',
        headers: { 'X-HTTP-Method': 'DELETE', 'IF-Match': '*' },
      });
      expect(res.status).toBe(200);
      expect(await res.text()).toBe('');
      const e = await spError(sp.web.lists.getByTitle('Stories').items.getById(added.Id)());
      expect(e).toMatchObject({
        status: 404,
        code: '-2130575338, System.ArgumentException',
        message: 'Item does not exist. It may have been deleted by another user.',
      });
    });

    it('PnPjs item.delete() works with IF-Match *', async () => {
      const added = await sp.web.lists.getByTitle('Stories').items.add({ Title: 'Slet 2' });
      await sp.web.lists.getByTitle('Stories').items.getById(added.Id).delete();
      await expect(spError(sp.web.lists.getByTitle('Stories').items.getById(added.Id)())).resolves.toMatchObject({
        status: 404,
      });
    });
  });

  describe('validation of writes', () => {
    const add = (body: Record<string, unknown>): Promise<unknown> => sp.web.lists.getByTitle('Stories').items.add(body);

    it('refuses an unknown property with SharePoint’s 400', async () => {
      await expect(spError(add({ Title: 'x', Nope: 1 }))).resolves.toMatchObject({
        status: 400,
        code: '-1, Microsoft.SharePoint.Client.InvalidClientQueryException',
        message:
          "The property 'Nope' does not exist on type 'SP.Data.StoriesListItem'. Make sure to only use property names that are defined by the type.",
      });
    });

    it('refuses wrong value types', async () => {
      await expect(spError(add({ Title: 'x', Score: 'mange' }))).resolves.toMatchObject({
        status: 400,
        message:
          "Cannot convert a primitive value to the expected type 'Edm.Double'. See the inner exception for more details.",
      });
      await expect(spError(add({ Title: 'x', Published: 'ja' }))).resolves.toMatchObject({ status: 400 });
      await expect(spError(add({ Title: 'x', Happened: 'i går' }))).resolves.toMatchObject({ status: 400 });
      await expect(spError(add({ Title: 'x', Tags: 'A' }))).resolves.toMatchObject({ status: 400 });
      await expect(spError(add({ Title: 'x', OwnerId: 99999 }))).resolves.toMatchObject({
        status: 400,
        message: 'The user does not exist or is not unique.',
      });
    });

    it('refuses text over MaxLength, missing required values and unknown choices', async () => {
      await expect(spError(add({ Title: 'x'.repeat(256) }))).resolves.toMatchObject({
        status: 400,
        code: '-2146232832, Microsoft.SharePoint.SPFieldValidationException',
      });
      await expect(add({ Title: 'x'.repeat(255) })).resolves.toBeTruthy();
      await expect(spError(add({ Body: 'uden titel' }))).resolves.toMatchObject({
        status: 400,
        code: '-2146232832, Microsoft.SharePoint.SPFieldValidationException',
      });
      await expect(spError(add({ Title: 'x', Kind: 'Andet' }))).resolves.toMatchObject({ status: 400 });
      await expect(spError(add({ Title: 'x', Tags: ['A', 'Z'] }))).resolves.toMatchObject({ status: 400 });
    });

    it('accepts fill-in choices only when FillInChoice is on', async () => {
      const list = sp.web.lists.getByTitle('Stories');
      await list.fields.getByInternalNameOrTitle('Kind').update({ FillInChoice: true });
      await expect(add({ Title: 'x', Kind: 'Andet' })).resolves.toMatchObject({ Kind: 'Andet' });
      await list.fields.getByInternalNameOrTitle('Kind').update({ FillInChoice: false });
    });
  });

  describe('$filter (reference §5)', () => {
    beforeAll(async () => {
      await sp.web.lists.ensure('Filter');
      const list = sp.web.lists.getByTitle('Filter');
      await list.fields.addNumber('N');
      await list.fields.addBoolean('B');
      await list.fields.addDateTime('D', { DisplayFormat: 1 });
      await list.fields.addUser('Who');
      await list.fields.addMultilineText('Notes');
      await server.bulk('Filter', [
        { Title: 'alpha', N: 1, B: true, D: '2024-01-01T00:00:00Z', WhoId: chefId },
        { Title: 'beta', N: 2, B: false, D: '2024-02-01T00:00:00Z', WhoId: lederId },
        { Title: 'gamma', N: 3, B: null, D: '2024-03-01T00:00:00Z' },
        { Title: "o'neil", N: 4, B: true, D: null },
        { Title: 'Alphabet', N: 5, B: false },
      ]);
    });
    const titles = async (filter: string, expand?: string): Promise<string[]> => {
      let q = sp.web.lists.getByTitle('Filter').items.select('Title').filter(filter).orderBy('Id');
      if (expand) q = q.expand(expand);
      return (await q()).map((r: { Title: string }) => r.Title);
    };

    it.each([
      ["Title eq 'alpha'", ['alpha']],
      ["Title eq 'ALPHA'", ['alpha']],
      ["Title ne 'alpha'", ['beta', 'gamma', "o'neil", 'Alphabet']],
      ['N lt 2', ['alpha']],
      ['N le 2', ['alpha', 'beta']],
      ['N gt 4', ['Alphabet']],
      ['N ge 4', ["o'neil", 'Alphabet']],
      ['N ge 2 and N le 3', ['beta', 'gamma']],
      ['(N eq 1 or N eq 3) and B eq 1', ['alpha']],
      ['B eq 1', ['alpha', "o'neil"]],
      ['B eq true', ['alpha', "o'neil"]],
      ['(B eq null or B eq 0)', ['beta', 'gamma', 'Alphabet']],
      ['D eq null', ["o'neil", 'Alphabet']],
      ["D ge '2024-02-01T00:00:00.000Z'", ['beta', 'gamma']],
      ["D lt datetime'2024-02-01T00:00:00Z'", ['alpha']],
      ["startswith(Title, 'alp')", ['alpha', 'Alphabet']],
      ["substringof('ph', Title)", ['alpha', 'Alphabet']],
      ["Title eq 'o''neil'", ["o'neil"]],
      ['WhoId eq 0', []],
      ['Title eq null', []],
    ])('%s', async (filter, expected) => {
      await expect(titles(filter)).resolves.toEqual(expected);
    });

    it('filters on user ids and on projected user fields with $expand', async () => {
      await expect(titles(`WhoId eq ${chefId}`)).resolves.toEqual(['alpha']);
      await expect(titles("Who/EMail eq 'leder@mpk.local'", 'Who')).resolves.toEqual(['beta']);
      await expect(titles("Author/Title eq 'Anne Andersen'", 'Author')).resolves.toHaveLength(5);
    });

    it('filters a lookup by id and by projection', async () => {
      const stories = sp.web.lists.getByTitle('Stories').items;
      const byId = await stories.select('Title').filter('AmbitionId eq 1')();
      expect(byId.map((r: { Title: string }) => r.Title)).toEqual(['Alle typer']);
      const byTitle = await stories
        .select('Title')
        .expand('Ambition')
        .filter("Ambition/Title eq 'Mod på kerneopgaven'")();
      expect(byTitle).toHaveLength(1);
    });

    it('answers a malformed or unsupported filter with 400', async () => {
      await expect(spError(titles("Title eqq 'a'"))).resolves.toMatchObject({
        status: 400,
        code: '-1, Microsoft.SharePoint.Client.InvalidClientQueryException',
        message: `The expression "Title eqq 'a'" is not valid.`,
      });
      await expect(spError(titles("endswith(Title, 'a')"))).resolves.toMatchObject({ status: 400 });
      await expect(spError(titles('N add 1 eq 2'))).resolves.toMatchObject({ status: 400 });
      await expect(spError(titles("Notes eq 'x'"))).resolves.toMatchObject({ status: 400 });
      await expect(spError(titles("Nope eq 'x'"))).resolves.toMatchObject({
        status: 400,
        message: "Column 'Nope' does not exist. It may have been deleted by another user.",
      });
      await expect(spError(titles("Who/Title eq 'x'"))).resolves.toMatchObject({ status: 400 });
    });

    it('orders by several keys', async () => {
      const rows = await sp.web.lists
        .getByTitle('Filter')
        .items.select('Title')
        .orderBy('B', false)
        .orderBy('N', true)();
      expect(rows.map((r: { Title: string }) => r.Title)).toEqual(['alpha', "o'neil", 'beta', 'Alphabet', 'gamma']);
    });

    it('refuses $skip on list items', async () => {
      const res = await server.fetch("_api/web/lists/getByTitle('Filter')/items?%24skip=2");
      expect(res.status).toBe(400);
    });
  });

  describe('paging', () => {
    beforeAll(async () => {
      await sp.web.lists.ensure('Pages');
      await server.bulk(
        'Pages',
        Array.from({ length: 250 }, (_, i) => ({ Title: `p${String(i + 1).padStart(3, '0')}` })),
      );
    });

    it('defaults to 100 rows with an absolute odata.nextLink as SharePoint writes it', async () => {
      const res = await server.fetch("_api/web/lists/getByTitle('Pages')/items?%24select=Id%2CTitle");
      const json = (await res.json()) as { value: unknown[]; 'odata.nextLink': string };
      expect(json.value).toHaveLength(100);
      expect(json['odata.nextLink']).toBe(
        `${server.siteUrl}/_api/web/lists/getByTitle('Pages')/items?%24skiptoken=Paged%3dTRUE%26p_ID%3d100&%24select=Id%2cTitle`,
      );
    });

    it('keeps odata.nextLink, and only it, with odata=nometadata (rows lose their annotations)', async () => {
      const res = await server.fetch("_api/web/lists/getByTitle('Pages')/items?%24select=Title&%24top=2", {
        headers: { Accept: 'application/json;odata=nometadata' },
      });
      const json = (await res.json()) as Record<string, unknown> & { value: Record<string, unknown>[] };
      expect(Object.keys(json).sort()).toEqual(['odata.nextLink', 'value']);
      expect(json['odata.nextLink']).toBe(
        `${server.siteUrl}/_api/web/lists/getByTitle('Pages')/items?%24skiptoken=Paged%3dTRUE%26p_ID%3d2&%24select=Title&%24top=2`,
      );
      expect(json.value[0]).toEqual({ Title: 'p001' });
    });

    it('pages with for await over items.top(n) until the last page', async () => {
      const sizes: number[] = [];
      const ids: number[] = [];
      for await (const page of sp.web.lists.getByTitle('Pages').items.select('Id').top(100)) {
        sizes.push(page.length);
        ids.push(...page.map((r: { Id: number }) => r.Id));
      }
      expect(sizes).toEqual([100, 100, 50]);
      expect(new Set(ids).size).toBe(250);
    });

    it('pages in $orderby order with the order value in the token', async () => {
      const titles: string[] = [];
      for await (const page of sp.web.lists.getByTitle('Pages').items.select('Title').orderBy('Title', false).top(70)) {
        titles.push(...page.map((r: { Title: string }) => r.Title));
      }
      expect(titles).toHaveLength(250);
      expect(titles[0]).toBe('p250');
      expect(titles[249]).toBe('p001');
    });

    it('items.skip(n) continues after id n', async () => {
      const rows = await sp.web.lists.getByTitle('Pages').items.select('Id').skip(240).top(5)();
      expect(rows.map((r: { Id: number }) => r.Id)).toEqual([241, 242, 243, 244, 245]);
    });
  });
});
