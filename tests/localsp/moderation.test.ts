/** @jest-environment node */
import type { SPFI } from '@pnp/sp';
import { spError, spFor, startServer, TestServer, USERS } from './harness';

describe('content approval (EnableModeration)', () => {
  let server: TestServer;
  let admin: SPFI;
  const list = (email: string): ReturnType<SPFI['web']['lists']['getByTitle']> =>
    spFor(email).web.lists.getByTitle('Stories');
  const titles = async (email: string): Promise<string[]> =>
    (await list(email).items.select('Title').orderBy('Id')()).map((r: { Title: string }) => r.Title);

  beforeAll(async () => {
    server = await startServer();
    admin = spFor(USERS.admin);
    await admin.web.lists.ensure('Stories', '', 100, false, { EnableModeration: true, DraftVersionVisibility: 2 });
    const stories = admin.web.lists.getByTitle('Stories');
    await stories.breakRoleInheritance(true, false);
    const visitors = await admin.web.associatedVisitorGroup();
    await stories.roleAssignments.add(visitors.Id, 1073741827);
  });
  afterAll(async () => {
    await server.close();
  });

  it('makes new items Pending (2), visible only to the author and to approvers', async () => {
    const added = await list(USERS.medarbejder).items.add({ Title: 'Det lykkedes' });
    expect(added.OData__ModerationStatus).toBe(2);
    await expect(titles(USERS.medarbejder)).resolves.toEqual(['Det lykkedes']);
    await expect(titles(USERS.admin)).resolves.toEqual(['Det lykkedes']);
    await expect(titles(USERS.leder)).resolves.toEqual([]);
    await expect(spError(list(USERS.leder).items.getById(added.Id)())).resolves.toMatchObject({ status: 404 });
  });

  it('lets only approvers set OData__ModerationStatus, with comments, and never together with other fields', async () => {
    const pending = await list(USERS.medarbejder).items.add({ Title: 'Godkend mig' });
    // A pending item of someone else does not exist for a non-approver.
    await expect(
      spError(list(USERS.leder).items.getById(pending.Id).update({ OData__ModerationStatus: 0 })),
    ).resolves.toMatchObject({ status: 404 });
    await expect(
      spError(list(USERS.medarbejder).items.getById(pending.Id).update({ OData__ModerationStatus: 0 })),
    ).resolves.toMatchObject({ status: 403 });
    await expect(
      spError(list(USERS.admin).items.getById(pending.Id).update({ OData__ModerationStatus: 0, Title: 'og ret' })),
    ).resolves.toMatchObject({
      status: 500,
      message: 'You cannot change moderation status and set other item properties at that same time.',
    });
    await list(USERS.admin)
      .items.getById(pending.Id)
      .update({ OData__ModerationStatus: 0, OData__ModerationComments: 'Fin historie' });
    const seen = await list(USERS.leder)
      .items.getById(pending.Id)
      .select('Title', 'OData__ModerationStatus', 'OData__ModerationComments')();
    expect(seen).toMatchObject({
      Title: 'Godkend mig',
      OData__ModerationStatus: 0,
      OData__ModerationComments: 'Fin historie',
    });
    await expect(titles(USERS.chef)).resolves.toEqual(['Godkend mig']);
    await expect(
      spError(list(USERS.leder).items.getById(pending.Id).update({ OData__ModerationStatus: 1 })),
    ).resolves.toMatchObject({ status: 403, code: '-2147024891, System.UnauthorizedAccessException' });
    const approved = await list(USERS.leder).items.filter('OData__ModerationStatus eq 0').select('Title')();
    expect(approved).toHaveLength(1);
  });

  it('keeps showing the approved version to others while an edit waits for approval', async () => {
    const item = await list(USERS.medarbejder).items.add({ Title: 'Version 1' });
    await list(USERS.admin).items.getById(item.Id).update({ OData__ModerationStatus: 0 });
    await list(USERS.medarbejder).items.getById(item.Id).update({ Title: 'Version 2' });
    const forOthers = await list(USERS.leder).items.getById(item.Id).select('Title', 'OData__ModerationStatus')();
    expect(forOthers).toMatchObject({ Title: 'Version 1', OData__ModerationStatus: 0 });
    const forAuthor = await list(USERS.medarbejder).items.getById(item.Id).select('Title', 'OData__ModerationStatus')();
    expect(forAuthor).toMatchObject({ Title: 'Version 2', OData__ModerationStatus: 2 });
    await list(USERS.admin).items.getById(item.Id).update({ OData__ModerationStatus: 0 });
    await expect(list(USERS.leder).items.getById(item.Id).select('Title')()).resolves.toMatchObject({
      Title: 'Version 2',
    });
  });

  it('hides a rejected (1) item from everyone but its author and approvers', async () => {
    const item = await list(USERS.medarbejder).items.add({ Title: 'Afvist' });
    await list(USERS.admin)
      .items.getById(item.Id)
      .update({ OData__ModerationStatus: 1, OData__ModerationComments: 'CPR-nummer i teksten' });
    await expect(titles(USERS.leder)).resolves.not.toContain('Afvist');
    const own = await list(USERS.medarbejder)
      .items.getById(item.Id)
      .select('OData__ModerationStatus', 'OData__ModerationComments')();
    expect(own).toMatchObject({ OData__ModerationStatus: 1, OData__ModerationComments: 'CPR-nummer i teksten' });
  });

  it('refuses moderation fields on lists without content approval', async () => {
    await admin.web.lists.ensure('Plain');
    await expect(
      spError(admin.web.lists.getByTitle('Plain').items.add({ Title: 'x', OData__ModerationStatus: 0 })),
    ).resolves.toMatchObject({ status: 400 });
    const item = await admin.web.lists.getByTitle('Plain').items.add({ Title: 'x' });
    expect(item).not.toHaveProperty('OData__ModerationStatus');
  });
});
