/**
 * Typed failures: every error that leaves the data layer is a `DataError` with a kind the UI can act
 * on and a reason that picks the words (`dataErrors` in `src/loc`, shown by `dataErrorText` in
 * `src/ui/shell/texts.ts`). PnPjs's `HttpRequestError` and fetch's network errors never reach a component.
 */
import type { IValidationError } from '../domain/messages';
import type { DataErrorKind, DataErrorReason } from './messages';

export type { DataErrorKind, DataErrorReason } from './messages';

/** Options of a DataError. */
export interface IDataErrorOptions {
  reason?: DataErrorReason;
  status?: number;
  /** SharePoint's own error text (English), for logs. */
  detail?: string;
  validationErrors?: readonly IValidationError[];
  cause?: unknown;
}

/** A failure of the data layer: a kind to act on and a reason to word it by (the message is for logs). */
export class DataError extends Error {
  public readonly kind: DataErrorKind;
  public readonly reason: DataErrorReason;
  public readonly status?: number;
  public readonly detail?: string;
  /** For `invalid`: the domain's validation errors (the UI words them with `describeError`). */
  public readonly validationErrors: readonly IValidationError[];
  public readonly cause?: unknown;

  public constructor(kind: DataErrorKind, options: IDataErrorOptions = {}) {
    const reason = options.reason || kind;
    super(`DataError: ${reason}${options.status ? ` (HTTP ${options.status})` : ''}`);
    this.name = 'DataError';
    this.kind = kind;
    this.reason = reason;
    this.status = options.status;
    this.detail = options.detail;
    this.validationErrors = options.validationErrors || [];
    this.cause = options.cause;
  }
}

/**
 * A write that lost a race: `mine` is what you tried to save, `theirs` is the item as it is on the
 * server now (re-read after the 412), and `fields` are the properties both of you changed.
 */
export class ConflictError<T> extends DataError {
  public readonly mine: T;
  public readonly theirs: T;
  public readonly fields: readonly string[];

  public constructor(mine: T, theirs: T, fields: readonly string[], cause?: unknown) {
    super('conflict', { status: 412, cause });
    this.name = 'ConflictError';
    this.mine = mine;
    this.theirs = theirs;
    this.fields = fields;
  }
}

/** Whether a value is a DataError. */
export function isDataError(value: unknown): value is DataError {
  return value instanceof DataError;
}

interface IHttpErrorLike {
  isHttpRequestError?: boolean;
  status?: number;
  message?: string;
}

/** The HTTP status of a PnPjs HttpRequestError, or undefined for anything else. */
export function httpStatus(error: unknown): number | undefined {
  const e = error as IHttpErrorLike | null;
  if (e && typeof e === 'object' && e.isHttpRequestError && typeof e.status === 'number') return e.status;
  return undefined;
}

/** SharePoint's `code` and `message` from the body PnPjs quotes after "::>" in its error message. */
export function spErrorBody(error: unknown): { code: string; message: string } {
  const text = error instanceof Error ? error.message : String(error);
  const at = text.indexOf('::>');
  const body = at >= 0 ? text.slice(at + 3).trim() : '';
  try {
    const json = JSON.parse(body) as Record<string, { code?: string; message?: { value?: string } } | undefined>;
    const inner = json['odata.error'] || json.error;
    if (inner) return { code: inner.code || '', message: (inner.message && inner.message.value) || '' };
  } catch {
    // Not JSON (a throttling answer is text/plain): fall through.
  }
  return { code: '', message: body || text };
}

/** Whether an error is SharePoint's unique-value violation (SPDuplicateValuesFoundException). */
export function isDuplicateValueError(error: unknown): boolean {
  return (
    httpStatus(error) !== undefined &&
    /SPDuplicateValuesFoundException|duplicate values/i.test(spErrorBody(error).code + ' ' + spErrorBody(error).message)
  );
}

/** Whether an error says a list does not exist (a 404 on the list, not on an item). */
export function isListMissingError(error: unknown): boolean {
  if (httpStatus(error) !== 404) return false;
  const body = spErrorBody(error);
  return /^List '.*' does not exist/i.test(body.message) || /List does not exist/i.test(body.message);
}

/** Whether an error names a column the list does not have (a site not yet upgraded to this build's schema). */
export function isUnknownFieldError(error: unknown): boolean {
  if (httpStatus(error) !== 400) return false;
  return /The field or property '.*' does not exist|Column '.*' does not exist|The property '.*' does not exist/i.test(
    spErrorBody(error).message,
  );
}

/**
 * Whether an error is the list view threshold (500, `-2147024860, …SPQueryThrottledException`). The lookup
 * column threshold shares the exception type but not the code (`-2147024749`): it is a query the code
 * must not send (`assertLookupLimit`), not a list that has grown, so it is not this.
 */
export function isThresholdError(error: unknown): boolean {
  const body = spErrorBody(error);
  if (isLookupThresholdError(error)) return false;
  return /-2147024860|exceeds the list view threshold/i.test(body.code + ' ' + body.message);
}

/** Whether an error is SharePoint's lookup column threshold (more than 12 lookup/person columns in one query). */
export function isLookupThresholdError(error: unknown): boolean {
  const body = spErrorBody(error);
  return /-2147024749|exceeds the lookup column threshold/i.test(body.code + ' ' + body.message);
}

/** Whether an error never got an HTTP answer (no network, connection reset, a lost response). */
export function isNetworkError(error: unknown): boolean {
  if (error instanceof DataError) return error.kind === 'network';
  if (httpStatus(error) !== undefined) return false;
  const e = error as { name?: string; message?: string } | null;
  if (!e || typeof e !== 'object') return false;
  if (e.name === 'AbortError') return false;
  return (
    e.name === 'TypeError' ||
    /fetch failed|network|ECONNRESET|socket|other side closed|ECONNREFUSED/i.test(e.message || '')
  );
}

/** Whether a create may have landed although it failed: no answer, or a server error. */
export function mayHaveLanded(error: unknown): boolean {
  const status = httpStatus(error);
  if (status === undefined) return isNetworkError(error);
  // PnPjs has already retried 429/503/504 ("Retry count exceeded"); a 5xx may still have been applied —
  // except SharePoint's refusals that answer 500: thresholds and a duplicate unique value (SharePoint Online
  // answers that one with 500, fidelity reference M6).
  return status >= 500 && !isThresholdError(error) && !isLookupThresholdError(error) && !isDuplicateValueError(error);
}

/** Translates anything thrown by PnPjs or fetch into a DataError (a DataError passes through). */
export function toDataError(error: unknown): DataError {
  if (error instanceof DataError) return error;
  const status = httpStatus(error);
  if (status === undefined) {
    return isNetworkError(error)
      ? new DataError('network', { cause: error, detail: (error as Error).message })
      : new DataError('network', {
          reason: 'server',
          cause: error,
          detail: String((error as Error)?.message || error),
        });
  }
  const body = spErrorBody(error);
  const detail = body.message;
  if (isListMissingError(error))
    return new DataError('notProvisioned', { reason: 'listMissing', status, detail, cause: error });
  if (isThresholdError(error)) return new DataError('invalid', { reason: 'threshold', status, detail, cause: error });
  if (isDuplicateValueError(error))
    return new DataError('invalid', { reason: 'duplicate', status, detail, cause: error });
  if (status === 404) return new DataError('notFound', { status, detail, cause: error });
  if (status === 412) return new DataError('conflict', { status, detail, cause: error });
  if (status === 401 || status === 403) return new DataError('forbidden', { status, detail, cause: error });
  if (status === 429 || status === 503 || /Retry count exceeded/i.test((error as Error).message)) {
    return new DataError('throttled', { status, detail, cause: error });
  }
  if (status >= 400 && status < 500) return new DataError('invalid', { status, detail, cause: error });
  return new DataError('network', { reason: 'server', status, detail, cause: error });
}

/** Whether an error is throttling that outlasted PnPjs's own retries (429/503, "Retry count exceeded"). */
export function isThrottled(error: unknown): boolean {
  const status = httpStatus(error);
  return status === 429 || status === 503 || (error instanceof DataError && error.kind === 'throttled');
}

/**
 * After this much waiting on SharePoint's `Retry-After` inside one request (SharePoint Online asks
 * for 70–250 s), the data layer does not start another round: the person has watched the countdown
 * (`ThrottleNotice`), gets the "SharePoint har travlt" message and keeps what they typed.
 */
export const LONG_THROTTLE_MS = 30 * 1000;

/** How long the fetch already waited on Retry-After before this error (ms; 0 when unknown). */
export function throttledFor(error: unknown): number {
  const own = (error as { throttledMs?: unknown } | null)?.throttledMs;
  if (typeof own === 'number') return own;
  const cause = error instanceof DataError ? error.cause : undefined;
  return cause !== undefined && cause !== error ? throttledFor(cause) : 0;
}

/** Whether another round after a throttled failure is worth it: throttled, and not after minutes of waiting. */
export function mayRetryThrottled(error: unknown): boolean {
  return isThrottled(error) && throttledFor(error) < LONG_THROTTLE_MS;
}

/**
 * Runs `operation` again while SharePoint keeps throttling it. PnPjs already retried each request
 * (honouring Retry-After); this outer loop backs off further so a burst loses nothing. Only for
 * operations a 429 did not apply: reads, MERGE with If-Match, creates with a client key.
 */
export async function retryThrottled<T>(operation: () => Promise<T>, attempts = 5, delayMs = 250): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await operation();
    } catch (error) {
      if (attempt >= attempts || !mayRetryThrottled(error)) throw error;
      await new Promise((resolve) => setTimeout(resolve, delayMs * Math.pow(2, attempt - 1)));
    }
  }
}
