/**
 * How anything outside SharePoint signs in to the local SharePoint: `Authorization: Bearer <email>`
 * stands in for the tenant's sign-in. Used by the preview page, the CLI, the tests and the benchmark;
 * never shipped (the web parts use SPFx's own authentication).
 */
import type { Queryable } from '@pnp/queryable';
import { GraphBrowser, GraphQueryable, type IGraphQueryable } from '@pnp/graph';
import type { IMpkServices } from '../src/data/repositories/types';
import { createServices } from '../src/data/services';
import type { ITeamsTexts } from '../src/data/notifications/events';
import { createSpWithPageDigest, type SPFI } from '../src/data/sp';

/**
 * Adds `Authorization: Bearer <email>` at the auth moment, after RequestDigest has had its turn (it
 * skips requests that already carry Authorization), so PnPjs still fetches contextinfo like a browser.
 */
export function BearerAs(email: string) {
  return <T extends Queryable>(instance: T): T => {
    instance.on.pre(async function (this: Queryable, url, init, result) {
      this.on.auth(async (u, i) => {
        i.headers = { ...i.headers, Authorization: `Bearer ${email}` };
        return [u, i];
      });
      return [url, init, result];
    });
    return instance;
  };
}

/**
 * A PnPjs root for the local SharePoint site, signed in as `email`; with `pageDigest` (what the
 * preview page was rendered with) writes need no contextinfo round trip, as in SPFx.
 */
export function createLocalSp(siteUrl: string, email: string, pageDigest?: string): SPFI {
  return createSpWithPageDigest(siteUrl, pageDigest, BearerAs(email));
}

/**
 * A root for the local Graph (`<origin>/graph/v1.0`, served beside the local SharePoint), signed in as
 * `email`: what the web parts get from SPFx's Graph token in a tenant (`src/data/notifications/spfxGraph.ts`).
 */
export function createLocalGraph(origin: string, email: string): IGraphQueryable {
  return GraphQueryable('').using(GraphBrowser({ baseUrl: `${origin}/graph/v1.0` }), BearerAs(email));
}

/**
 * The product's services for `email` on the local site, with the user id read from SharePoint. With
 * `texts` (the Teams message words), actions are delivered in Teams through the local Graph too.
 */
export async function createLocalServices(siteUrl: string, email: string, texts?: ITeamsTexts): Promise<IMpkServices> {
  const sp = createLocalSp(siteUrl, email);
  const me = await sp.web.currentUser.select('Id', 'Email', 'Title')();
  const origin = new URL(siteUrl).origin;
  return createServices(
    sp,
    { id: me.Id, email: me.Email ?? email, displayName: me.Title },
    // Graph always ("Egne noter" in the person's OneDrive); Teams delivery only with its words.
    { texts, graph: () => Promise.resolve(createLocalGraph(origin, email)) },
  );
}
