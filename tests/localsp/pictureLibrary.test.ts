/** @jest-environment node */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import type { SPFI } from '@pnp/sp';
import '@pnp/sp/files';
import '@pnp/sp/folders';
import { spError, spFor, startServer, TestServer, USERS } from './harness';

/**
 * A document library with content approval, as the product's "MPK Billeder": files uploaded the way
 * PnPjs v4 does (`folder.files.addUsingPath`), their list item (`listItemAllFields`, columns, approval),
 * the bytes over REST (`$value`) and at the file's own URL, the thumbnail handler, and delete — with
 * SharePoint's read rules for pending files (DraftVersionVisibility 2: only the author and approvers).
 * The site's groups: admin Full Control (approver), leder Edit, medarbejder Read (given Contribute here).
 */
describe('a picture library (document library with content approval)', () => {
  let server: TestServer;
  let admin: SPFI;
  const TITLE = 'MPK Billeder';
  const LIB = '/sites/mpk/MPK Billeder';
  const JPEG = Buffer.from([0xff, 0xd8, 0xff, 0xdb, 0, 4, 1, 2, 0xff, 0xd9]);

  const upload = (email: string, name: string, bytes: Buffer = JPEG): Promise<{ ServerRelativeUrl: string }> =>
    spFor(email).web.getFolderByServerRelativePath(LIB).files.addUsingPath(name, bytes, { Overwrite: false });
  const fileUrlGet = (url: string, headers: Record<string, string>): Promise<Response> =>
    fetch(`${server.url}${encodeURI(url)}`, { headers });

  beforeAll(async () => {
    server = await startServer();
    admin = spFor(USERS.admin);
    await admin.web.lists.add(TITLE, 'Billeder', 101, false, {
      EnableModeration: true,
      EnableVersioning: true,
      DraftVersionVisibility: 2,
    });
    await admin.web.lists.getByTitle(TITLE).fields.addText('AltText', { MaxLength: 255 });
    // Visitors (medarbejder) may add files, as employees may add stories.
    const [contribute] = await admin.web.roleDefinitions.filter("Name eq 'Contribute'")();
    const visitors = await admin.web.associatedVisitorGroup();
    const list = admin.web.lists.getByTitle(TITLE);
    await list.breakRoleInheritance(true, false);
    await list.roleAssignments.add(visitors.Id, contribute.Id);
  });

  afterAll(async () => server.close());

  it('is a library at the site root (BaseTemplate 101, BaseType 1)', async () => {
    const info = await admin.web.lists
      .getByTitle(TITLE)
      .select('BaseTemplate', 'BaseType', 'EntityTypeName', 'EnableModeration', 'RootFolder/ServerRelativeUrl')
      .expand('RootFolder')();
    expect(info).toMatchObject({ BaseTemplate: 101, BaseType: 1, EntityTypeName: 'MPK_x0020_Billeder' });
    expect(info.RootFolder.ServerRelativeUrl).toBe(LIB);
  });

  it('takes an upload as PnPjs sends it and answers with the SP.File', async () => {
    const file = await upload(USERS.medarbejder, 'a.jpg');
    expect(file).toMatchObject({ Name: 'a.jpg', ServerRelativeUrl: `${LIB}/a.jpg`, Length: String(JPEG.length) });
    const bytes = Buffer.from(
      await spFor(USERS.medarbejder).web.getFileByServerRelativePath(`${LIB}/a.jpg`).getBuffer(),
    );
    expect(bytes.equals(JPEG)).toBe(true);
  });

  it("refuses a second file of the same name without Overwrite, in SharePoint's words", async () => {
    await upload(USERS.medarbejder, 'twice.jpg');
    const e = await spError(upload(USERS.medarbejder, 'twice.jpg'));
    expect(e.status).toBe(400);
    expect(e.code).toBe('-2130575257, Microsoft.SharePoint.SPException');
    expect(e.message).toMatch(/^A file with the name MPK Billeder\/twice\.jpg already exists\./);
  });

  it('gives the file a list item whose columns are set and approved like a story', async () => {
    await upload(USERS.medarbejder, 'b.jpg');
    const sp = spFor(USERS.medarbejder);
    const item = await sp.web.getFileByServerRelativePath(`${LIB}/b.jpg`).getItem<{ Id: number }>('Id', 'FileLeafRef');
    expect((item as unknown as { FileLeafRef: string }).FileLeafRef).toBe('b.jpg');
    await item.update({ AltText: 'To kolleger ved en tavle' });
    const row = await admin.web.lists
      .getByTitle(TITLE)
      .items.getById(item.Id)
      .select('AltText', 'OData__ModerationStatus', 'FileRef')();
    expect(row).toMatchObject({
      AltText: 'To kolleger ved en tavle',
      OData__ModerationStatus: 2,
      FileRef: `${LIB}/b.jpg`,
    });
    // The author may not approve (no Approve Items); the approver may.
    expect(
      (await spError(sp.web.lists.getByTitle(TITLE).items.getById(item.Id).update({ OData__ModerationStatus: 0 })))
        .status,
    ).toBe(403);
    await admin.web.lists.getByTitle(TITLE).items.getById(item.Id).update({ OData__ModerationStatus: 0 });
    const after = await admin.web.lists.getByTitle(TITLE).items.getById(item.Id).select('OData__ModerationStatus')();
    expect(after.OData__ModerationStatus).toBe(0);
  });

  it('shows a pending file only to its author and approvers, over REST and at its URL', async () => {
    await upload(USERS.medarbejder, 'pending.jpg');
    const url = `${LIB}/pending.jpg`;
    expect((await spError(spFor(USERS.leder).web.getFileByServerRelativePath(url)())).code).toBe(
      '-2147024894, System.IO.FileNotFoundException',
    );
    expect((await fileUrlGet(url, { Authorization: `Bearer ${USERS.leder}` })).status).toBe(404);
    expect((await fileUrlGet(url, { Cookie: `mpk-user=${USERS.leder}` })).status).toBe(404);
    const own = await fileUrlGet(url, { Cookie: `mpk-user=${USERS.medarbejder}` });
    expect(own.status).toBe(200);
    expect(own.headers.get('content-type')).toBe('image/jpeg');
    expect(Buffer.from(await own.arrayBuffer()).equals(JPEG)).toBe(true);
    expect((await fileUrlGet(url, { Authorization: `Bearer ${USERS.admin}` })).status).toBe(200);
    expect((await fileUrlGet(url, {})).status).toBe(401);

    const { Id } = await admin.web.getFileByServerRelativePath(url).getItem<{ Id: number }>('Id');
    await admin.web.lists.getByTitle(TITLE).items.getById(Id).update({ OData__ModerationStatus: 0 });
    expect((await fileUrlGet(url, { Cookie: `mpk-user=${USERS.leder}` })).status).toBe(200);
    const thumb = await fetch(
      `${server.url}/sites/mpk/_layouts/15/getpreview.ashx?path=${encodeURIComponent(url)}&resolution=3`,
      { headers: { Cookie: `mpk-user=${USERS.leder}` } },
    );
    expect(thumb.status).toBe(200);
    expect(thumb.headers.get('content-type')).toBe('image/jpeg');
  });

  it('lets the author delete their file and answers 404 after', async () => {
    await upload(USERS.medarbejder, 'gone.jpg');
    const url = `${LIB}/gone.jpg`;
    await spFor(USERS.medarbejder).web.getFileByServerRelativePath(url).delete();
    expect((await spError(admin.web.getFileByServerRelativePath(url)())).status).toBe(404);
    expect((await fileUrlGet(url, { Authorization: `Bearer ${USERS.admin}` })).status).toBe(404);
  });

  it('refuses items added over `items` (a library holds files)', async () => {
    const e = await spError(admin.web.lists.getByTitle(TITLE).items.add({ Title: 'x' }));
    expect(e.status).toBe(500);
  });
});

describe('picture files on disk', () => {
  it('keeps the bytes across a restart of the server', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mpk-files-'));
    const a = await startServer({ dataDir: dir });
    const admin = spFor(USERS.admin);
    await admin.web.lists.add('Lib', '', 101, false, {});
    const bytes = Buffer.from('not really a jpeg, but bytes', 'utf8');
    await admin.web.getFolderByServerRelativePath('/sites/mpk/Lib').files.addUsingPath('x.jpg', bytes);
    await a.close({ keepData: true });
    const b = await startServer({ dataDir: dir });
    try {
      const back = Buffer.from(
        await spFor(USERS.admin).web.getFileByServerRelativePath('/sites/mpk/Lib/x.jpg').getBuffer(),
      );
      expect(back.equals(bytes)).toBe(true);
    } finally {
      await b.close();
    }
  });
});
