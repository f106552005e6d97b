/** @jest-environment node */
/**
 * The local SharePoint against recorded SharePoint Online traffic (../shared/reference/sharepoint-fidelity.md,
 * M1–M15; docs/fidelity.md lists every behaviour and its test). Bodies and framing are compared byte for byte
 * where the recording gives them.
 */
import type { SPFI } from '@pnp/sp';
import { spFor, startServer, TestServer, USERS } from './harness';

const NOMETADATA = 'application/json;odata=nometadata';

/** SharePoint's error body as it is written on the wire (minimal metadata). */
function errorText(code: string, message: string): string {
  return JSON.stringify({ 'odata.error': { code, message: { lang: 'en-US', value: message } } });
}

describe('the local SharePoint answers as SharePoint Online was recorded answering', () => {
  let server: TestServer;
  let admin: SPFI;

  beforeAll(async () => {
    server = await startServer();
    admin = spFor(USERS.admin);
    await admin.web.lists.ensure('Paged');
    await server.bulk(
      'Paged',
      Array.from({ length: 5 }, (_, i) => ({ Title: `row ${i + 1}` })),
    );
    await admin.web.lists.ensure('Keys');
    await admin.web.lists
      .getByTitle('Keys')
      .fields.createFieldAsXml(
        '<Field Type="Text" DisplayName="ClientKey" Name="ClientKey" Indexed="TRUE" EnforceUniqueValues="TRUE" />',
      );
    await admin.web.lists.ensure('Moderated', '', 100, false, { EnableModeration: true });
    await admin.web.lists.ensure('People');
    const people = admin.web.lists.getByTitle('People');
    const target = await admin.web.lists.getByTitle('Paged').select('Id')();
    // 10 person columns and 1 lookup: with Author and Editor the list has 13 lookup/person columns.
    for (let i = 1; i <= 10; i++) await people.fields.addUser(`P${i}`, { SelectionMode: 0 });
    await people.fields.addLookup('Row', { LookupListId: target.Id, LookupFieldName: 'Title' });
    await people.items.add({ Title: 'one', RowId: 1 });
  });
  afterAll(async () => {
    await server.close();
  });

  describe('M1: the nextLink', () => {
    it('puts $skiptoken first, then the request options in their order, in lower-case hex', async () => {
      const res = await server.fetch("_api/web/lists/getByTitle('Paged')/items?$select=Id,Title&$top=2", {
        headers: { Accept: NOMETADATA },
      });
      const json = (await res.json()) as { 'odata.nextLink': string };
      expect(json['odata.nextLink']).toBe(
        `${server.siteUrl}/_api/web/lists/getByTitle('Paged')/items?%24skiptoken=Paged%3dTRUE%26p_ID%3d2&%24select=Id%2cTitle&%24top=2`,
      );
    });

    it('writes a filter with %20 and %27 and the link leads to the next page', async () => {
      const res = await server.fetch(
        "_api/web/lists/getByTitle('Paged')/items?$select=Title&$filter=Title ne 'x'&$top=2",
        { headers: { Accept: NOMETADATA } },
      );
      const link = ((await res.json()) as { 'odata.nextLink': string })['odata.nextLink'];
      expect(link).toBe(
        `${server.siteUrl}/_api/web/lists/getByTitle('Paged')/items?%24skiptoken=Paged%3dTRUE%26p_ID%3d2&%24select=Title&%24filter=Title%20ne%20%27x%27&%24top=2`,
      );
      const next = await server.fetch(link.slice(server.siteUrl.length + 1), { headers: { Accept: NOMETADATA } });
      expect(((await next.json()) as { value: unknown[] }).value).toEqual([{ Title: 'row 3' }, { Title: 'row 4' }]);
    });

    it('has no nextLink on an exactly full last page nor on a partial one (rows 3 and 4)', async () => {
      const full = await server.fetch("_api/web/lists/getByTitle('Paged')/items?$select=Id&$top=5", {
        headers: { Accept: NOMETADATA },
      });
      expect(Object.keys(await full.json())).toEqual(['value']);
      const partial = await server.fetch(
        "_api/web/lists/getByTitle('Paged')/items?$select=Id&$top=2&$skiptoken=Paged%3dTRUE%26p_ID%3d4",
        { headers: { Accept: NOMETADATA } },
      );
      expect(await partial.json()).toEqual({ value: [{ Id: 5, ID: 5 }] });
    });

    it('is followed by PnPjs page by page', async () => {
      const titles: string[] = [];
      for await (const page of admin.web.lists.getByTitle('Paged').items.select('Title').top(2))
        titles.push(...page.map((r: { Title: string }) => r.Title));
      expect(titles).toEqual(['row 1', 'row 2', 'row 3', 'row 4', 'row 5']);
    });
  });

  describe('M5: the lookup column threshold (12)', () => {
    const LOOKUP_500 = errorText(
      '-2147024749, Microsoft.SharePoint.SPQueryThrottledException',
      'The query cannot be completed because the number of lookup columns it contains exceeds the lookup column threshold.',
    );

    it('answers a query that selects 13 lookup/person columns with the recorded 500 body', async () => {
      const select = [
        'P1Id',
        'P2Id',
        'P3Id',
        'P4Id',
        'P5Id',
        'P6Id',
        'P7Id',
        'P8Id',
        'P9Id',
        'P10Id',
        'RowId',
        'AuthorId',
        'EditorId',
      ].join(',');
      const res = await server.fetch(`_api/web/lists/getByTitle('People')/items?$select=${select}`);
      expect(res.status).toBe(500);
      await expect(res.text()).resolves.toBe(LOOKUP_500);
    });

    it('counts an expanded column once, also when its Id is selected too, and expansions alone', async () => {
      const twelve = [
        'P1Id',
        'P1/Title',
        'P2Id',
        'P3Id',
        'P4Id',
        'P5Id',
        'P6Id',
        'P7Id',
        'P8Id',
        'P9Id',
        'P10Id',
        'RowId',
        'AuthorId',
      ].join(',');
      const ok = await server.fetch(`_api/web/lists/getByTitle('People')/items?$select=${twelve}&$expand=P1`);
      expect(ok.status).toBe(200);
      const thirteen = await server.fetch(
        `_api/web/lists/getByTitle('People')/items(1)?$select=${twelve},Editor/Title&$expand=P1,Editor`,
      );
      expect(thirteen.status).toBe(500);
      await expect(thirteen.text()).resolves.toBe(LOOKUP_500);
    });

    it('counts every lookup/person column of the list when nothing is selected', async () => {
      const res = await server.fetch("_api/web/lists/getByTitle('People')/items");
      expect(res.status).toBe(500);
      await expect(res.text()).resolves.toBe(LOOKUP_500);
      await expect(admin.web.lists.getByTitle('Paged').items.top(1)()).resolves.toHaveLength(1);
    });
  });

  it('M6: a duplicate unique value is 500 SPDuplicateValuesFoundException naming the column', async () => {
    const post = (): Promise<Response> =>
      server.fetch("_api/web/lists/getByTitle('Keys')/items", {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ Title: 'd', ClientKey: 'dup-1' }),
      });
    expect((await post()).status).toBe(201);
    const second = await post();
    expect(second.status).toBe(500);
    await expect(second.text()).resolves.toBe(
      errorText(
        '-2130575169, Microsoft.SharePoint.SPDuplicateValuesFoundException',
        'The list item could not be added or updated because duplicate values were found in the following field(s) in the list: [ClientKey].',
      ),
    );
  });

  it('M7: ensureuser with a login nobody has is 400 SPException', async () => {
    const res = await server.fetch('_api/web/ensureuser', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ logonName: 'i:0#.f|membership|nobody@mpk.local' }),
    });
    expect(res.status).toBe(400);
    await expect(res.text()).resolves.toBe(
      errorText(
        '-2146232832, Microsoft.SharePoint.SPException',
        'The specified user i:0#.f|membership|nobody@mpk.local could not be found.',
      ),
    );
  });

  describe('M10: $batch framing', () => {
    it('writes CRLF lines, CONTENT-TYPE on every part, LOCATION on a 201, an empty body line and a closing boundary with CRLF', async () => {
      const list = `${server.siteUrl}/_api/web/lists/getByTitle('Keys')`;
      const body = [
        '--batch_1',
        'Content-Type: multipart/mixed; boundary="changeset_1"',
        '',
        '--changeset_1',
        'Content-Type: application/http',
        'Content-Transfer-Encoding: binary',
        '',
        `POST ${list}/items HTTP/1.1`,
        'accept: application/json;odata=nometadata',
        'content-type: application/json;charset=utf-8',
        '',
        '{"Title":"batch","ClientKey":"batch-1"}',
        '--changeset_1',
        'Content-Type: application/http',
        'Content-Transfer-Encoding: binary',
        '',
        `MERGE ${list}/items(1) HTTP/1.1`,
        'accept: application/json;odata=nometadata',
        'content-type: application/json;charset=utf-8',
        'if-match: *',
        '',
        '{"Title":"merged"}',
        '--changeset_1',
        'Content-Type: application/http',
        'Content-Transfer-Encoding: binary',
        '',
        `DELETE ${list}/items(1) HTTP/1.1`,
        'accept: application/json;odata=nometadata',
        'if-match: *',
        '',
        '',
        '--changeset_1--',
        '',
        '--batch_1--',
        '',
      ].join('\n');
      const res = await server.fetch('_api/$batch', {
        method: 'POST',
        headers: { 'Content-Type': 'multipart/mixed; boundary=batch_1' },
        body,
      });
      expect(res.status).toBe(200);
      const boundary = /boundary=(batchresponse_[0-9a-f-]{36})$/.exec(
        res.headers.get('content-type') ?? '',
      )?.[1] as string;
      const text = await res.text();
      const ct = 'CONTENT-TYPE: application/json;odata=nometadata;streaming=true;charset=utf-8';
      const head = `--${boundary}\r\nContent-Type: application/http\r\nContent-Transfer-Encoding: binary\r\n\r\n`;
      const parts = text.split(head);
      expect(parts[0]).toBe('');
      expect(parts).toHaveLength(4);
      const created =
        /^HTTP\/1\.1 201 Created\r\n(.*)\r\nETAG: ("[0-9a-f-]{36},1")\r\nLOCATION: (.*)\r\n\r\n(\{.*\})\r\n$/.exec(
          parts[1],
        );
      expect(created?.[1]).toBe(ct);
      expect(created?.[3]).toMatch(
        new RegExp(
          `^${server.siteUrl.replace(/[.]/g, '\\.')}/_api/Web/Lists\\(guid'[0-9a-f-]{36}'\\)/Items\\(\\d+\\)$`,
        ),
      );
      expect(JSON.parse(created?.[4] ?? 'null')).toMatchObject({ Title: 'batch', ClientKey: 'batch-1' });
      expect(parts[2]).toMatch(
        new RegExp(
          `^HTTP/1\\.1 204 No Content\\r\\n${ct.replace(/[.;/]/g, '\\$&')}\\r\\nETAG: "[0-9a-f-]{36},2"\\r\\n\\r\\n\\r\\n$`,
        ),
      );
      expect(parts[3]).toBe(`HTTP/1.1 200 OK\r\n${ct}\r\n\r\n\r\n--${boundary}--\r\n`);
    });
  });

  it('expands a person as the recorded minimal answer does: navigation link, odata.type SP.Data.UserInfoItem, odata.id (row 12)', async () => {
    const res = await server.fetch("_api/web/lists/getByTitle('Paged')/items(1)?$select=Author/Title&$expand=Author");
    const item = (await res.json()) as Record<string, unknown>;
    expect(item['Author@odata.navigationLinkUrl']).toMatch(/^Web\/Lists\(guid'[0-9a-f-]{36}'\)\/Items\(1\)\/Author$/);
    expect(item.Author).toEqual({
      'odata.type': 'SP.Data.UserInfoItem',
      'odata.id': expect.stringMatching(/^[0-9a-f-]{36}$/),
      Title: 'Anne Andersen',
    });
  });

  it('M8 (kept): currentUser/groups lists only real groups, no hidden "Limited Access System Group" entries', async () => {
    const res = await server.fetch('_api/web/currentUser/groups?$select=Title', {
      as: USERS.chef,
      headers: { Accept: NOMETADATA },
    });
    expect(((await res.json()) as { value: { Title: string }[] }).value.map((g) => g.Title)).toEqual([
      'Mod på kerneopgaven Medlemmer',
    ]);
  });

  it('takes at most 100 operations in one $batch (row 32)', async () => {
    const part = (i: number): string =>
      [
        '--batch_3',
        'Content-Type: application/http',
        'Content-Transfer-Encoding: binary',
        '',
        `GET ${server.siteUrl}/_api/web/lists/getByTitle('Paged')/items(${(i % 5) + 1})?$select=Id HTTP/1.1`,
        'accept: application/json',
        '',
        '',
      ].join('\n');
    const post = (n: number): Promise<Response> =>
      server.fetch('_api/$batch', {
        method: 'POST',
        headers: { 'Content-Type': 'multipart/mixed; boundary=batch_3' },
        body: `${Array.from({ length: n }, (_, i) => part(i)).join('')}--batch_3--\n`,
      });
    const hundred = await post(100);
    expect(hundred.status).toBe(200);
    expect((await hundred.text()).match(/HTTP\/1\.1 200 OK/g)).toHaveLength(100);
    expect((await post(101)).status).toBe(400);
  });

  it('leaves DraftVersionVisibility at 0 when content approval is switched on through the API (row 39)', async () => {
    const res = await server.fetch(
      "_api/web/lists/getByTitle('Moderated')?$select=EnableModeration,DraftVersionVisibility",
      { headers: { Accept: NOMETADATA } },
    );
    expect(await res.json()).toEqual({ EnableModeration: true, DraftVersionVisibility: 0 });
  });

  it('M11: the contextinfo digest ends in the date as SharePoint Online writes it (-0000)', async () => {
    const res = await server.fetch('_api/contextinfo', { method: 'POST', headers: { Accept: NOMETADATA } });
    const { FormDigestValue } = (await res.json()) as { FormDigestValue: string };
    expect(FormDigestValue).toMatch(/^0x[0-9A-F]{128},\d{2} [A-Z][a-z]{2} \d{4} \d{2}:\d{2}:\d{2} -0000$/);
  });

  it('M12: a moderated list has OData__ModerationComments (null) right after ContentTypeId in the default payload', async () => {
    await admin.web.lists.getByTitle('Moderated').items.add({ Title: 'afventer' });
    const res = await server.fetch("_api/web/lists/getByTitle('Moderated')/items", { headers: { Accept: NOMETADATA } });
    const [row] = ((await res.json()) as { value: Record<string, unknown>[] }).value;
    expect(Object.keys(row)).toEqual([
      'FileSystemObjectType',
      'Id',
      'ServerRedirectedEmbedUri',
      'ServerRedirectedEmbedUrl',
      'ContentTypeId',
      'OData__ModerationComments',
      'Title',
      'ComplianceAssetId',
      'OData__ModerationStatus',
      'ID',
      'Modified',
      'Created',
      'AuthorId',
      'EditorId',
      'OData__UIVersionString',
      'Attachments',
      'GUID',
    ]);
    expect(row.OData__ModerationComments).toBeNull();
    const plain = await server.fetch("_api/web/lists/getByTitle('Paged')/items?$top=1", {
      headers: { Accept: NOMETADATA },
    });
    expect(Object.keys(((await plain.json()) as { value: Record<string, unknown>[] }).value[0])).not.toContain(
      'OData__ModerationComments',
    );
  });

  it('M14: changing the moderation status and another column in one MERGE is 500 with the recorded text', async () => {
    const res = await server.fetch("_api/web/lists/getByTitle('Moderated')/items(1)", {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-HTTP-Method': 'MERGE', 'IF-Match': '*' },
      body: JSON.stringify({ OData__ModerationStatus: 0, Title: 'x' }),
    });
    expect(res.status).toBe(500);
    await expect(res.text()).resolves.toBe(
      errorText(
        '-2146232832, Microsoft.SharePoint.SPException',
        'You cannot change moderation status and set other item properties at that same time.',
      ),
    );
  });

  describe('hostile input (issue 21 item 8)', () => {
    const query = (filter: string): Promise<Response> =>
      server.fetch(`_api/web/lists/getByTitle('Paged')/items?$select=Id&$filter=${encodeURIComponent(filter)}`);

    it('answers a $filter nested too deep with 400, not a stack overflow', async () => {
      const res = await query(`${'('.repeat(20000)}Id eq 1${')'.repeat(20000)}`.slice(0, 4000));
      expect(res.status).toBe(400);
      await expect(res.text()).resolves.toBe(
        errorText(
          '-1, Microsoft.SharePoint.Client.InvalidClientQueryException',
          'The $filter expression nests parentheses more than 50 deep.',
        ),
      );
      await expect(query(`${'('.repeat(50)}Id eq 1${')'.repeat(50)}`).then((r) => r.status)).resolves.toBe(200);
    });

    it('answers a $filter longer than 4096 characters with 400, also a long flat or chain', async () => {
      const chain = Array.from({ length: 500 }, (_, i) => `Id eq ${i}`).join(' or ');
      const res = await query(chain);
      expect(res.status).toBe(400);
      await expect(res.text()).resolves.toBe(
        errorText(
          '-1, Microsoft.SharePoint.Client.InvalidClientQueryException',
          `The $filter expression is ${chain.length} characters long; the maximum is 4096.`,
        ),
      );
      const forty = Array.from({ length: 40 }, (_, i) => `Id eq ${100000 + i}`).join(' or ');
      await expect(query(`(${forty}) and Title ne 'x'`).then((r) => r.status)).resolves.toBe(200);
    });

    it.each([
      ['another host', () => `http://attacker.example/sites/mpk/_api/web/lists/getByTitle('Keys')/items`],
      [
        'another site on the same host',
        (site: string) => `${site.replace('/sites/mpk', '/sites/other')}/_api/web/lists/getByTitle('Keys')/items`,
      ],
    ])('refuses a $batch part addressed to %s with 400 and does not run it', async (_label, target) => {
      const before = (await admin.web.lists.getByTitle('Keys').items.select('Id')()).length;
      const body = [
        '--batch_2',
        'Content-Type: multipart/mixed; boundary="changeset_2"',
        '',
        '--changeset_2',
        'Content-Type: application/http',
        'Content-Transfer-Encoding: binary',
        '',
        `POST ${target(server.siteUrl)} HTTP/1.1`,
        'accept: application/json',
        'content-type: application/json;charset=utf-8',
        '',
        '{"Title":"elsewhere"}',
        '--changeset_2--',
        '',
        '--batch_2--',
        '',
      ].join('\n');
      const res = await server.fetch('_api/$batch', {
        method: 'POST',
        headers: { 'Content-Type': 'multipart/mixed; boundary=batch_2' },
        body,
      });
      const text = await res.text();
      expect(text).toContain('HTTP/1.1 400 Bad Request\r\n');
      expect(text).toContain(`"code":"-1, Microsoft.SharePoint.Client.InvalidClientQueryException"`);
      expect((await admin.web.lists.getByTitle('Keys').items.select('Id')()).length).toBe(before);
    });
  });
});
