'use strict';
// A stand-in for Microsoft's unpublished `@ms/*` and `@msinternal/*` packages (telemetry, flights, kill switches)
// that SPFx's own code calls, for the ACE test wrapper: every property is this stub again and every call returns
// undefined — falsy, so a kill switch or flight check reads "off" (reference teams-graph.md §3.6).
const stub = new Proxy(function () {}, {
  get: (_target, key) => (key === '__esModule' ? false : key === 'then' ? undefined : stub),
  apply: () => undefined,
  construct: () => stub,
});
module.exports = stub;
