// The parts of PnPjs's fluent API (side-effect imports) that the views and the repositories use: in
// every entry bundle. Fields, site groups and role assignments are in `spAdminParts.ts`.
import '@pnp/sp/webs';
import '@pnp/sp/lists';
import '@pnp/sp/items';
import '@pnp/sp/site-users';
import '@pnp/sp/batching';
