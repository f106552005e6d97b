/**
 * How the data layer gets its SPFI. The web parts use `createSpfxSp(context)`; the preview, the tests
 * and the CLI build theirs with `createSp(siteUrl, ...behaviors)` and add their own authentication
 * (the local SharePoint's bearer e-mail never ships: see `localsp/`).
 */
import type { TimelinePipe } from '@pnp/core';
import { DefaultParse, type Queryable } from '@pnp/queryable';
import { DefaultHeaders, DefaultInit, RequestDigest, spfi, type SPFI } from '@pnp/sp';
// The fluent API is assembled from side-effect imports: the parts every view reads with, and (for the
// preview, the tests and the CLI) the parts only provisioning and the health check use.
import './spParts';
import './spAdminParts';
import { registerThrottleWatch, ThrottleAwareFetch } from './throttle';
import { ThrottleWatch } from './throttleState';

export type { SPFI } from '@pnp/sp';

export { createSpfxSp } from './spfx';

/**
 * An SPFI for a site URL outside SPFx: the defaults SPBrowser uses (JSON headers, the throttle-aware
 * fetch with retry honouring Retry-After, the request digest) plus any behaviors the caller adds, e.g. authentication.
 */
export function createSp(siteUrl: string, ...behaviors: TimelinePipe<Queryable>[]): SPFI {
  return createSpWithPageDigest(siteUrl, undefined, ...behaviors);
}

/**
 * As {@link createSp}, but with the form digest the page was rendered with (what SPFx takes from
 * `legacyPageContext.formDigestValue`), so the first write or `$batch` needs no contextinfo round trip.
 */
export function createSpWithPageDigest(
  siteUrl: string,
  pageDigest: string | undefined,
  ...behaviors: TimelinePipe<Queryable>[]
): SPFI {
  // SharePoint's page digests live 30 minutes; after that PnPjs asks contextinfo for a fresh one.
  const rendered = Date.now();
  const fromPage = pageDigest
    ? () =>
        Date.now() - rendered < 25 * 60 * 1000
          ? { value: pageDigest, expiration: new Date(rendered + 30 * 60 * 1000) }
          : null
    : undefined;
  const watch = new ThrottleWatch();
  const sp = spfi(siteUrl).using(
    DefaultHeaders(),
    DefaultInit(),
    ThrottleAwareFetch(watch),
    DefaultParse(),
    RequestDigest(fromPage),
    ...behaviors,
  );
  return registerThrottleWatch(sp, watch);
}
