/** @jest-environment node */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { spError, spFor, startServer, USERS } from './harness';
import { startLocalSharePoint } from '../../localsp/server';

const JOURNAL = 'localsp.journal.jsonl';
const SNAPSHOT = 'localsp.snapshot.json';

describe('data on disk survives restarts', () => {
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mpk-persist-'));
  });
  afterEach(() => {
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('keeps lists, columns, items, people, groups and permissions across close and start', async () => {
    const a = await startServer({ dataDir: dir, fsync: true });
    const sp = spFor(USERS.admin, a);
    await sp.web.lists.ensure('Units', '', 100, false, { EnableModeration: true, ReadSecurity: 2 });
    const units = sp.web.lists.getByTitle('Units');
    await units.fields.createFieldAsXml(
      '<Field Type="Text" DisplayName="Code" Name="Code" Indexed="TRUE" EnforceUniqueValues="TRUE" />',
    );
    await units.items.add({ Title: 'Læring og Trivsel', Code: 'LT' });
    const second = await units.items.add({ Title: 'Aktiv Hele Livet', Code: 'AHL' });
    await units.items.getById(second.Id).delete();
    await units.items.getById(1).update({ Title: 'Læring & Trivsel' });
    await a.addUsers([
      { email: 'enhedsleder@mpk.local', title: 'Erik Enhed', groups: ['Mod på kerneopgaven Medlemmer'] },
    ]);
    await units.breakRoleInheritance(true, false);
    await a.close({ keepData: true });

    const b = await startServer({ dataDir: dir });
    const sp2 = spFor(USERS.admin, b);
    const list = await sp2.web.lists
      .getByTitle('Units')
      .select('EnableModeration', 'ReadSecurity', 'HasUniqueRoleAssignments', 'ItemCount')();
    expect(list).toMatchObject({
      EnableModeration: true,
      ReadSecurity: 2,
      HasUniqueRoleAssignments: true,
      ItemCount: 1,
    });
    const item = await sp2.web.lists
      .getByTitle('Units')
      .items.getById(1)
      .select('Title', 'Code', 'OData__ModerationStatus')();
    expect(item).toMatchObject({
      Title: 'Læring & Trivsel',
      Code: 'LT',
      OData__ModerationStatus: 2,
      'odata.etag': '"2"',
    });
    await expect(
      spError(sp2.web.lists.getByTitle('Units').items.add({ Title: 'dublet', Code: 'lt' })),
    ).resolves.toMatchObject({
      status: 500,
      code: '-2130575169, Microsoft.SharePoint.SPDuplicateValuesFoundException',
      message:
        'The list item could not be added or updated because duplicate values were found in the following field(s) in the list: [Code].',
    });
    const next = await sp2.web.lists.getByTitle('Units').items.add({ Title: 'Ny', Code: 'NY' });
    expect(next.Id).toBe(3);
    const members = await sp2.web.siteGroups.getByName('Mod på kerneopgaven Medlemmer').users.select('Email')();
    expect(members.map((u: { Email: string }) => u.Email)).toContain('enhedsleder@mpk.local');
    await expect(spFor('enhedsleder@mpk.local', b).web.currentUser()).resolves.toMatchObject({ Title: 'Erik Enhed' });
    await b.close({ keepData: true });
  });

  it('ignores a torn last journal line and keeps appending cleanly', async () => {
    const a = await startServer({ dataDir: dir });
    await spFor(USERS.admin, a).web.lists.ensure('Torn');
    await spFor(USERS.admin, a).web.lists.getByTitle('Torn').items.add({ Title: 'før' });
    await a.close({ keepData: true });
    fs.appendFileSync(path.join(dir, JOURNAL), '{"s":99999,"op":{"t":"items","list":"abc","items":[{"id":');

    const b = await startServer({ dataDir: dir });
    const sp = spFor(USERS.admin, b);
    await expect(sp.web.lists.getByTitle('Torn').items.select('Title')()).resolves.toEqual([
      expect.objectContaining({ Title: 'før' }),
    ]);
    await sp.web.lists.getByTitle('Torn').items.add({ Title: 'efter' });
    await b.close({ keepData: true });
    expect(
      fs
        .readFileSync(path.join(dir, JOURNAL), 'utf8')
        .split('\n')
        .filter(Boolean)
        .every((l) => JSON.parse(l)),
    ).toBe(true);

    const c = await startServer({ dataDir: dir });
    const rows = await spFor(USERS.admin, c).web.lists.getByTitle('Torn').items.select('Title')();
    expect(rows.map((r: { Title: string }) => r.Title)).toEqual(['før', 'efter']);
    await c.close({ keepData: true });
  });

  it('refuses to start on a journal that is corrupt before its last line', async () => {
    const a = await startServer({ dataDir: dir });
    await spFor(USERS.admin, a).web.lists.ensure('X');
    await a.close({ keepData: true });
    const file = path.join(dir, JOURNAL);
    fs.writeFileSync(file, `garbage\n${fs.readFileSync(file, 'utf8')}`);
    await expect(startLocalSharePoint({ dataDir: dir, quiet: true, port: 0 })).rejects.toThrow(/corrupt/);
  });

  it('compacts the journal into a snapshot and loads it again', async () => {
    const a = await startServer({ dataDir: dir, compactBytes: 4096 });
    const sp = spFor(USERS.admin, a);
    await sp.web.lists.ensure('Compact');
    for (let i = 0; i < 10; i++) await sp.web.lists.getByTitle('Compact').items.add({ Title: `c${i}` });
    expect(fs.statSync(path.join(dir, JOURNAL)).size).toBeLessThan(4096);
    const snapshot = JSON.parse(fs.readFileSync(path.join(dir, SNAPSHOT), 'utf8')) as { seq: number; lists: unknown[] };
    expect(snapshot.seq).toBeGreaterThan(0);
    expect(snapshot.lists).toHaveLength(1);
    await a.close({ keepData: true });
    const b = await startServer({ dataDir: dir });
    await expect(spFor(USERS.admin, b).web.lists.getByTitle('Compact').items.select('Id')()).resolves.toHaveLength(10);
    await b.close({ keepData: true });
  });

  it('takes the folder lock: a second server on the same folder fails', async () => {
    const a = await startServer({ dataDir: dir });
    await expect(startLocalSharePoint({ dataDir: dir, quiet: true, port: 0 })).rejects.toThrow(/already open|in use/);
    await a.close({ keepData: true });
  });

  it('/_local/reset goes back to the seed, durably', async () => {
    const a = await startServer({ dataDir: dir });
    await spFor(USERS.admin, a).web.lists.ensure('Gone');
    await a.reset();
    await expect(spError(spFor(USERS.admin, a).web.lists.getByTitle('Gone')())).resolves.toMatchObject({ status: 404 });
    await a.close({ keepData: true });
    const b = await startServer({ dataDir: dir });
    await expect(spError(spFor(USERS.admin, b).web.lists.getByTitle('Gone')())).resolves.toMatchObject({ status: 404 });
    await b.close({ keepData: true });
  });

  it('runs a seed function once on a fresh folder and again after reset', async () => {
    const calls: string[] = [];
    const seed = async (site: { siteUrl: string }): Promise<void> => {
      calls.push(site.siteUrl);
    };
    const a = await startServer({ dataDir: dir, seed });
    expect(calls).toEqual([a.siteUrl]);
    await a.reset();
    expect(calls).toHaveLength(2);
    await a.close({ keepData: true });
    const b = await startServer({ dataDir: dir, seed });
    expect(calls).toHaveLength(2);
    await b.close({ keepData: true });
  });
});
