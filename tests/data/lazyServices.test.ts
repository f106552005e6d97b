/** @jest-environment node */
import { createLazyServicesWithViews } from '../../src/data/lazyServices';
import { createServices } from '../../src/data/services';
import { PartViewRepository } from '../../src/data/views/partViews';
import { seedDemo } from '../../localsp/demo/seedDemo';
import { as, startServer, USERS, type TestServer } from './support';

let server: TestServer;

beforeAll(async () => {
  server = await startServer({ seed: (site) => seedDemo(site.siteUrl) });
});
afterAll(() => server.close());

describe("a web part's services: repositories load on their first call", () => {
  it('give the same answers as the eager services', async () => {
    const sp = as(server, USERS.chef);
    const eager = createServices(sp, { id: 0 });
    const lazy = createLazyServicesWithViews(sp, { id: 0 }, new PartViewRepository(sp, { id: 0 }, {}));
    const units = await lazy.units.list();
    expect(units.length).toBeGreaterThan(0);
    expect(units).toEqual(await eager.units.list());
    expect(await lazy.politicalPriorities.list()).toEqual(await eager.politicalPriorities.list());
    await expect(lazy.views.loadFollowUpView()).resolves.toMatchObject({
      schema: expect.objectContaining({ provisioned: true }),
    });
  });
});
