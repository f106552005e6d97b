/**
 * SharePoint's error answers. Codes and messages follow the reference (shared/reference/sharepoint-rest.md §3);
 * the ones not in its table are marked UNCONFIRMED where they are built.
 */

/** An error that the REST layer turns into SharePoint's `odata.error` body with the given status. */
export class SpError extends Error {
  public constructor(
    public readonly status: number,
    public readonly code: string,
    message: string,
    public readonly headers: Record<string, string> = {},
  ) {
    super(message);
    this.name = 'SpError';
  }
}

/** True for errors produced by this module. */
export function isSpError(e: unknown): e is SpError {
  return e instanceof SpError;
}

const INVALID_QUERY = '-1, Microsoft.SharePoint.Client.InvalidClientQueryException';
const ARGUMENT = 'System.ArgumentException';

/** 404 for a list title or id that does not exist (reference §3). */
export function listNotFound(title: string, siteUrl: string): SpError {
  return new SpError(404, `-1, ${ARGUMENT}`, `List '${title}' does not exist at site with URL '${siteUrl}'.`);
}

/** 404 for a list id that does not exist. UNCONFIRMED: SharePoint's wording for getById. */
export function listIdNotFound(): SpError {
  return new SpError(
    404,
    '-2130575322, Microsoft.SharePoint.SPException',
    'List does not exist.\n\nThe page you selected contains a list that does not exist.  It may have been deleted by another user.',
  );
}

/** 404 for an item id that does not exist or that the caller may not see (reference §3). */
export function itemNotFound(): SpError {
  return new SpError(404, `-2130575338, ${ARGUMENT}`, 'Item does not exist. It may have been deleted by another user.');
}

/** 412 when If-Match does not match (reference §3, exact text). */
export function etagMismatch(requested: string, current: string): SpError {
  return new SpError(
    412,
    '-1, Microsoft.SharePoint.Client.ClientServiceException',
    `The request ETag value '${requested}' does not match the object's ETag value '${current}'.`,
  );
}

/** 500 for a list title already in use (reference §3, two spaces before "Please" as SharePoint writes it). */
export function duplicateListTitle(): SpError {
  return new SpError(
    500,
    '-2130575342, Microsoft.SharePoint.SPException',
    'A list, survey, discussion board, or document library with the specified title already exists in this Web site.  Please choose another title.',
  );
}

/** 400 for a body property the entity type does not have (reference §3). */
export function unknownProperty(name: string, typeName: string): SpError {
  return new SpError(
    400,
    INVALID_QUERY,
    `The property '${name}' does not exist on type '${typeName}'. Make sure to only use property names that are defined by the type.`,
  );
}

/** 400 for a $filter that does not parse (reference §3). */
export function badFilter(expression: string): SpError {
  return new SpError(400, INVALID_QUERY, `The expression "${expression}" is not valid.`);
}

/**
 * 400 for a `$filter` too long or nested too deep to evaluate (issue 21 item 8: was a 500 "Maximum call
 * stack size exceeded"). UNCONFIRMED: SharePoint's limits and wording; code and status as for a bad filter.
 */
export function filterTooComplex(message: string): SpError {
  return new SpError(400, INVALID_QUERY, message);
}

/** 400 for an unknown field in an item $select/$expand (reference §3). */
export function unknownSelectField(name: string): SpError {
  return new SpError(400, '-1, Microsoft.SharePoint.SPException', `The field or property '${name}' does not exist.`);
}

/** 400 for an unknown column in an item $filter/$orderby. UNCONFIRMED: SharePoint's CAML translation wording. */
export function unknownColumn(name: string): SpError {
  return new SpError(
    400,
    '-2146232832, Microsoft.SharePoint.SPException',
    `Column '${name}' does not exist. It may have been deleted by another user.`,
  );
}

/** 400 when a projected field is selected or filtered without its lookup in $expand. UNCONFIRMED wording. */
export function projectionNeedsExpand(path: string, lookup: string): SpError {
  return new SpError(
    400,
    '-1, Microsoft.SharePoint.SPException',
    `The query to field '${path}' is not valid. The $select query string must specify the target fields and the $expand query string must contains ${lookup}.`,
  );
}

/** 400 for a column type that cannot appear in a filter (Note, multi-value lookups). UNCONFIRMED wording. */
export function notFilterable(name: string, typeAsString: string): SpError {
  return new SpError(
    400,
    '-1, Microsoft.SharePoint.SPException',
    `The field '${name}' of type '${typeAsString}' cannot be used in the query filter expression.`,
  );
}

/** 400 for an unknown property in a $select on a typed entity (lists, fields, users …). */
export function unknownEntityProperty(name: string, typeName: string): SpError {
  return unknownProperty(name, typeName);
}

/** 500 when a query exceeds the list view threshold (reference §3). */
export function throttledQuery(): SpError {
  return new SpError(
    500,
    '-2147024860, Microsoft.SharePoint.SPQueryThrottledException',
    'The attempted operation is prohibited because it exceeds the list view threshold.',
  );
}

/** 403 for a caller without the needed permission (reference §3). */
export function accessDenied(): SpError {
  return new SpError(
    403,
    '-2147024891, System.UnauthorizedAccessException',
    'Access denied. You do not have permission to perform this action or access this resource.',
  );
}

/**
 * 500 for a duplicate value in a column that enforces unique values, with the columns' display names in
 * brackets: SharePoint Online's status, code and text (fidelity reference M6: Atvero-Issues#135 and the
 * literal OZI-SP-Dev/caftop matches, "…in the following field(s) in the list: [Title].").
 * UNCONFIRMED: how several violated columns are listed (one column is all the product has per list).
 */
export function duplicateValues(fieldTitles: readonly string[]): SpError {
  return new SpError(
    500,
    '-2130575169, Microsoft.SharePoint.SPDuplicateValuesFoundException',
    `The list item could not be added or updated because duplicate values were found in the following field(s) in the list: [${fieldTitles.join(', ')}].`,
  );
}

/**
 * 500 when a query touches more lookup/person columns than SharePoint's lookup column threshold (12)
 * allows (fidelity reference M5, vgrem/office365-rest-python-client#758). The same exception type as the
 * list view threshold, another code and text.
 */
export function lookupThresholdExceeded(): SpError {
  return new SpError(
    500,
    '-2147024749, Microsoft.SharePoint.SPQueryThrottledException',
    'The query cannot be completed because the number of lookup columns it contains exceeds the lookup column threshold.',
  );
}

/**
 * 500 for a MERGE that changes the moderation status together with other columns (fidelity reference M14,
 * quoted from SharePoint Online as "HTTP 500"). UNCONFIRMED: the code (SharePoint's generic SPException).
 */
export function moderationWithOtherFields(): SpError {
  return new SpError(
    500,
    '-2146232832, Microsoft.SharePoint.SPException',
    'You cannot change moderation status and set other item properties at that same time.',
  );
}

/** 400 for an `ensureuser` login the directory does not know (fidelity reference M7, pnpcore's recording). */
export function userNotFound(login: string): SpError {
  return new SpError(
    400,
    '-2146232832, Microsoft.SharePoint.SPException',
    `The specified user ${login} could not be found.`,
  );
}

/** 400 for a value SharePoint's field validation refuses. UNCONFIRMED: message wording per case. */
export function fieldValidation(message: string): SpError {
  return new SpError(400, '-2146232832, Microsoft.SharePoint.SPFieldValidationException', message);
}

/** 400 for a malformed value in the JSON body (wrong JSON type for the property). */
export function invalidValue(message: string): SpError {
  return new SpError(400, INVALID_QUERY, message);
}

/** 400 for an invalid argument to an operation. */
export function badArgument(message: string): SpError {
  return new SpError(400, `-2147024809, ${ARGUMENT}`, message);
}

/** 500 for a generic SharePoint exception (SPException is answered with 500, as the duplicate-title case). */
export function spException(message: string, hresult = '-2146232832'): SpError {
  return new SpError(500, `${hresult}, Microsoft.SharePoint.SPException`, message);
}

/** 404 for a path segment that names no resource. */
export function resourceNotFound(segment: string): SpError {
  return new SpError(
    404,
    '-1, Microsoft.SharePoint.Client.ResourceNotFoundException',
    `Cannot find resource for the request ${segment}.`,
  );
}

/** 405 when a resource is called with the wrong verb. UNCONFIRMED: status (message as SharePoint words it). */
export function wrongMethod(method: string, resource: string, operation: 'Default' | 'Read'): SpError {
  return new SpError(
    405,
    '-1, Microsoft.SharePoint.Client.ClientServiceException',
    `The HTTP method '${method}' cannot be used to access the resource '${resource}'. The operation type of the resource is specified as '${operation}'. Please use correct HTTP method to invoke the resource.`,
  );
}

/** 400 for a body that is not JSON. UNCONFIRMED wording. */
export function invalidJson(): SpError {
  return new SpError(
    400,
    '-1, Microsoft.SharePoint.Client.InvalidClientQueryException',
    'Invalid JSON. A token was not recognized in the JSON content.',
  );
}

/** 400 for a query option SharePoint rejects on list items ($skip, reference §1). */
export function skipNotSupported(): SpError {
  return new SpError(
    400,
    INVALID_QUERY,
    'The $skip query option does not work with queries for SharePoint list items.',
  );
}

/** 400 for $top outside 0..5000 on list items. UNCONFIRMED wording. */
export function badTop(value: string): SpError {
  return new SpError(400, INVALID_QUERY, `The query parameter '$top' has an invalid value '${value}'.`);
}

/** The JSON body SharePoint sends for an error, minimal metadata or verbose (reference §3). */
export function errorBody(err: SpError, verbose: boolean): Record<string, unknown> {
  const inner = { code: err.code, message: { lang: 'en-US', value: err.message } };
  return verbose ? { error: inner } : { 'odata.error': inner };
}
