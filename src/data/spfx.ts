/**
 * The SPFI of a web part, apart from `sp.ts` so that an entry bundle carries only the parts of the
 * fluent API a first view reads with (`spParts.ts`); provisioning brings the rest in its own chunk.
 */
import { SPFx, spfi, type ISPFXContext, type SPFI } from '@pnp/sp';
import './spParts';
import { withThrottleWatch } from './throttle';

/**
 * The SPFI of a web part: SharePoint's own digest, and in place of PnPjs's fetch the throttle-aware
 * one (the same retries on 429/503/504, each wait published for the UI: `throttleWatchOf(sp)`).
 */
export function createSpfxSp(context: ISPFXContext): SPFI {
  return withThrottleWatch(spfi().using(SPFx(context)));
}
