/**
 * The data layer: SharePoint lists through PnPjs. The UI imports the interfaces and view models from
 * `./repositories/types` and the errors from `./errors`; web part shells call `createServices`.
 */
export * from './repositories/types';
export { DataError, ConflictError, isDataError } from './errors';
export type { DataErrorKind, DataErrorReason } from './messages';
export { createServices } from './services';
export type { IThrottleState, IThrottleWatch } from './throttleState';
export { createSpfxSp, createSp } from './sp';
export { SCHEMA_VERSION, LISTS, listTitle } from './schema/lists';
export { formatReport } from './provisioning/report';
