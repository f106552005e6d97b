/**
 * The web parts' Graph root: `@pnp/graph` with SPFx's token (`aadTokenProviderFactory`, delegated, the
 * permissions the tenant administrator approved for the solution). Its own chunk, loaded on the first
 * Teams delivery — never by a first view.
 */
import { GraphQueryable, SPFx, type IGraphQueryable } from '@pnp/graph';

/** The SPFx context fields `@pnp/graph`'s SPFx behaviour reads. */
export type GraphContext = Parameters<typeof SPFx>[0];

export function createSpfxGraph(context: GraphContext): IGraphQueryable {
  return GraphQueryable('').using(SPFx(context));
}
