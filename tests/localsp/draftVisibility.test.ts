/** @jest-environment node */
import type { SPFI } from '@pnp/sp';
import { spError, spFor, startServer, TestServer, USERS } from './harness';

/**
 * Draft item security (`DraftVersionVisibility`) as SharePoint Online applies it on a moderated list
 * (fidelity reference rows 39–40): 0 every reader sees drafts, 1 users who can edit items, 2 only
 * approvers; the author always sees their own. The list inherits the site: admin Full Control
 * (approver), chef and leder Edit (members), medarbejder Read (visitors).
 */
describe('draft item visibility (DraftVersionVisibility)', () => {
  let server: TestServer;
  let admin: SPFI;
  const TITLE = 'Drafts';
  const list = (email: string): ReturnType<SPFI['web']['lists']['getByTitle']> =>
    spFor(email).web.lists.getByTitle(TITLE);
  const seen = async (email: string, id: number): Promise<{ Title: string; OData__ModerationStatus: number } | 404> => {
    try {
      const row: { Title: string; OData__ModerationStatus: number } = await list(email)
        .items.getById(id)
        .select('Title', 'OData__ModerationStatus')();
      return { Title: row.Title, OData__ModerationStatus: row.OData__ModerationStatus };
    } catch (error) {
      const e = await spError(Promise.reject(error));
      if (e.status === 404) return 404;
      throw error;
    }
  };
  const setDvv = (value: number): Promise<unknown> =>
    admin.web.lists.getByTitle(TITLE).update({ DraftVersionVisibility: value });

  /** A pending item, a rejected item and an approved item with a pending edit, all written by leder. */
  let pending: number;
  let rejected: number;
  let edited: number;

  beforeAll(async () => {
    server = await startServer();
    admin = spFor(USERS.admin);
    await admin.web.lists.add(TITLE, '', 100, false, { EnableModeration: true });
    pending = (await list(USERS.leder).items.add({ Title: 'Afventer' })).Id;
    rejected = (await list(USERS.leder).items.add({ Title: 'Afvist' })).Id;
    await list(USERS.admin)
      .items.getById(rejected)
      .update({ OData__ModerationStatus: 1, OData__ModerationComments: 'Navngiver en borger' });
    edited = (await list(USERS.leder).items.add({ Title: 'Version 1' })).Id;
    await list(USERS.admin).items.getById(edited).update({ OData__ModerationStatus: 0 });
    await list(USERS.leder).items.getById(edited).update({ Title: 'Version 2' });
  });
  afterAll(async () => {
    await server.close();
  });

  it('starts at 0 on a list created with content approval by API, as SharePoint Online does', async () => {
    const settings = await admin.web.lists.getByTitle(TITLE).select('EnableModeration', 'DraftVersionVisibility')();
    expect(settings).toMatchObject({ EnableModeration: true, DraftVersionVisibility: 0 });
    await admin.web.lists.add('Later', '', 100, false);
    await admin.web.lists.getByTitle('Later').update({ EnableModeration: true });
    await expect(admin.web.lists.getByTitle('Later').select('DraftVersionVisibility')()).resolves.toMatchObject({
      DraftVersionVisibility: 0,
    });
  });

  it('the local SharePoint shows drafts to readers on a list left at 0', async () => {
    await setDvv(0);
    for (const reader of [USERS.medarbejder, USERS.chef]) {
      await expect(seen(reader, pending)).resolves.toEqual({ Title: 'Afventer', OData__ModerationStatus: 2 });
      await expect(seen(reader, rejected)).resolves.toEqual({ Title: 'Afvist', OData__ModerationStatus: 1 });
      await expect(seen(reader, edited)).resolves.toEqual({ Title: 'Version 2', OData__ModerationStatus: 2 });
    }
    const titles = (await list(USERS.medarbejder).items.select('Title').orderBy('Id')()).map(
      (r: { Title: string }) => r.Title,
    );
    expect(titles).toEqual(['Afventer', 'Afvist', 'Version 2']);
  });

  it('at 1 shows drafts to users who can edit items, and the last approved version to readers', async () => {
    await setDvv(1);
    await expect(seen(USERS.chef, pending)).resolves.toEqual({ Title: 'Afventer', OData__ModerationStatus: 2 });
    await expect(seen(USERS.chef, edited)).resolves.toEqual({ Title: 'Version 2', OData__ModerationStatus: 2 });
    await expect(seen(USERS.medarbejder, pending)).resolves.toBe(404);
    await expect(seen(USERS.medarbejder, rejected)).resolves.toBe(404);
    await expect(seen(USERS.medarbejder, edited)).resolves.toEqual({ Title: 'Version 1', OData__ModerationStatus: 0 });
  });

  it('at 2 shows drafts only to the author and approvers; others get the last approved version or nothing', async () => {
    await setDvv(2);
    for (const other of [USERS.chef, USERS.medarbejder]) {
      await expect(seen(other, pending)).resolves.toBe(404);
      await expect(seen(other, rejected)).resolves.toBe(404);
      await expect(seen(other, edited)).resolves.toEqual({ Title: 'Version 1', OData__ModerationStatus: 0 });
      const filtered = await list(other).items.filter("Title eq 'Version 2' or Title eq 'Afventer'").select('Id')();
      expect(filtered).toEqual([]);
    }
    for (const insider of [USERS.leder, USERS.admin]) {
      await expect(seen(insider, pending)).resolves.toEqual({ Title: 'Afventer', OData__ModerationStatus: 2 });
      await expect(seen(insider, rejected)).resolves.toEqual({ Title: 'Afvist', OData__ModerationStatus: 1 });
      await expect(seen(insider, edited)).resolves.toEqual({ Title: 'Version 2', OData__ModerationStatus: 2 });
    }
  });

  it('refuses values outside 0–2 and keeps the setting', async () => {
    await expect(
      spError(admin.web.lists.getByTitle(TITLE).update({ DraftVersionVisibility: 3 })),
    ).resolves.toMatchObject({ status: 400 });
    await expect(admin.web.lists.getByTitle(TITLE).select('DraftVersionVisibility')()).resolves.toMatchObject({
      DraftVersionVisibility: 2,
    });
  });

  it('lets only someone with Manage Lists change it', async () => {
    // Members have Edit (with Manage Lists) on this inheriting list; visitors only Read.
    await expect(spError(list(USERS.medarbejder).update({ DraftVersionVisibility: 0 }))).resolves.toMatchObject({
      status: 403,
    });
    await expect(admin.web.lists.getByTitle(TITLE).select('DraftVersionVisibility')()).resolves.toMatchObject({
      DraftVersionVisibility: 2,
    });
  });
});
