// The parts of PnPjs's fluent API that only provisioning and the site health check use (list fields,
// site groups, role assignments and definitions). Imported by `provisioning/state.ts` and
// `provisioning/provision.ts`, so in a web part they load with the chunks `mpk-provisioning` and
// `mpk-site-health`, never with a first view.
import '@pnp/sp/fields';
import '@pnp/sp/site-groups';
import '@pnp/sp/security';
