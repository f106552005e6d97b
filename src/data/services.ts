/**
 * `createServices`: the one object a web part shell (or the preview) builds and hands to the UI.
 * Components get repositories through it and never see PnPjs. The web parts build theirs with
 * `createServicesWithViews` and only their own view's loader in the entry bundle (`views/partViews.ts`).
 */
import type { SPFI } from '@pnp/sp';
import type { ICurrentUser, IMpkServices } from './repositories/types';
import { createServicesWithViews, type INotificationWiring } from './serviceSet';
import { ViewRepository } from './views';

export { ProvisioningService, createServicesWithViews, type INotificationWiring } from './serviceSet';

/** Builds the services for a user on an SPFI (all three views). */
export function createServices(sp: SPFI, user: ICurrentUser, wiring: INotificationWiring = {}): IMpkServices {
  return createServicesWithViews(sp, user, new ViewRepository(sp, user), wiring);
}
