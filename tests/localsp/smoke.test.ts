/** @jest-environment node */
import { spFor, startServer, TestServer, USERS } from './harness';

describe('PnPjs talks to the local SharePoint like a browser', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startServer();
  });
  afterAll(async () => {
    await server.close();
  });

  it('answers currentUser for the bearer', async () => {
    const me = await spFor(USERS.admin).web.currentUser();
    expect(me.Email).toBe('admin@mpk.local');
  });

  it('fetches a form digest (contextinfo) before its first write, then creates a list and an item', async () => {
    const sp = spFor(USERS.admin);
    const r = await sp.web.lists.ensure('Smoke');
    expect(r.created).toBe(true);
    const item = await sp.web.lists.getByTitle('Smoke').items.add({ Title: 'a' });
    expect(item.Id).toBe(1);
    const reqs = await server.requests();
    expect(reqs.some((q) => q.path.endsWith('/_api/contextinfo'))).toBe(true);
  });
});
