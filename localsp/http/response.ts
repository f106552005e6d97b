/**
 * REST answers and how they are written: JSON Light minimal metadata by default (reference §0), verbose
 * (`{"d":…}`) when the client asks for it (fields.add*), no metadata on request.
 */
import { errorBody, SpError } from './errors';
import type { JsonObject, JsonValue } from '../model/types';

/** What a handler returns. `body` null means an empty body. */
export interface ApiResponse {
  status: number;
  headers: Record<string, string>;
  body: JsonObject | null;
  /** A file's bytes instead of JSON (`…/$value`); `headers` carry its Content-Type. */
  bytes?: Buffer;
}

/** The output formats SharePoint offers. */
export type Format = 'minimal' | 'verbose' | 'nometadata';

/** 200 with a JSON body. */
export function ok(body: JsonObject, headers: Record<string, string> = {}): ApiResponse {
  return { status: 200, headers, body };
}

/** 201 with the created entity, its ETag and Location (reference §2 "Writes"). */
export function created(body: JsonObject, headers: Record<string, string> = {}): ApiResponse {
  return { status: 201, headers, body };
}

/** 204 with an empty body (MERGE, reference §1). */
export function noContent(headers: Record<string, string> = {}): ApiResponse {
  return { status: 204, headers, body: null };
}

/** 200 with an empty body (DELETE, reference §1). */
export function emptyOk(headers: Record<string, string> = {}): ApiResponse {
  return { status: 200, headers, body: null };
}

/** 200 with a file's bytes. */
export function fileBytes(bytes: Buffer, contentType: string, headers: Record<string, string> = {}): ApiResponse {
  return { status: 200, headers: { 'Content-Type': contentType, ...headers }, body: null, bytes };
}

/** The error answer for an SpError. */
export function errorResponse(err: SpError, format: Format): ApiResponse {
  return { status: err.status, headers: { ...err.headers }, body: errorBody(err, format === 'verbose') as JsonObject };
}

/** Content-Type SharePoint Online sends for each format. */
export function contentType(format: Format): string {
  switch (format) {
    case 'verbose':
      return 'application/json;odata=verbose;charset=utf-8';
    case 'nometadata':
      return 'application/json;odata=nometadata;streaming=true;charset=utf-8';
    default:
      return 'application/json;odata=minimalmetadata;streaming=true;charset=utf-8';
  }
}

/** Writes a body in the requested format; a single line of JSON (the $batch parser needs that). */
export function serializeBody(body: JsonObject, format: Format, isError: boolean, apiBase: string): string {
  if (format === 'minimal' || isError) return JSON.stringify(body);
  if (format === 'nometadata') return JSON.stringify(stripMetadata(body));
  return JSON.stringify(toVerbose(body, apiBase));
}

/**
 * `odata=nometadata`: no annotations — except a collection's `odata.nextLink`, which the OData JSON
 * format keeps at every metadata level (paging needs it). UNCONFIRMED against recorded SharePoint
 * Online traffic; chosen so paging works the same at every metadata level.
 */
function stripMetadata(v: JsonValue, top = true): JsonValue {
  if (Array.isArray(v)) return v.map((x) => stripMetadata(x, false));
  if (v && typeof v === 'object') {
    const out: JsonObject = {};
    for (const [k, val] of Object.entries(v)) {
      if (top && k === 'odata.nextLink') {
        out[k] = val;
        continue;
      }
      if (k.startsWith('odata.') || k.includes('@odata.')) continue;
      out[k] = stripMetadata(val, false);
    }
    return out;
  }
  return v;
}

/**
 * Minimal-metadata JSON → verbose: `{"d":{…}}` or `{"d":{"results":[…],"__next":…}}`, `odata.*`
 * annotations → `__metadata`, arrays → `{"results":[…]}`.
 */
export function toVerbose(body: JsonObject, apiBase: string): JsonObject {
  const verboseValue = (v: JsonValue): JsonValue => toVerboseValue(v, apiBase);
  if (Array.isArray(body.value) && !('odata.type' in body)) {
    const d: JsonObject = { results: body.value.map(verboseValue) };
    if (typeof body['odata.nextLink'] === 'string') d.__next = body['odata.nextLink'];
    return { d };
  }
  if (
    'value' in body &&
    !('odata.type' in body) &&
    Object.keys(body).every((k) => k === 'value' || k.startsWith('odata.'))
  ) {
    // A single property (`_api/web/title`): verbose names it after the property; PnPjs reads `d`.
    return { d: verboseValue(body.value) };
  }
  return { d: verboseValue(body) };
}

function toVerboseValue(v: JsonValue, apiBase: string): JsonValue {
  const verboseValue = (x: JsonValue): JsonValue => toVerboseValue(x, apiBase);
  if (Array.isArray(v)) {
    // Verbose collections of primitives carry their EDM collection type, as SharePoint writes them.
    if (v.length > 0 && v.every((x) => typeof x === 'string'))
      return { __metadata: { type: 'Collection(Edm.String)' }, results: v };
    if (v.length > 0 && v.every((x) => typeof x === 'number' && Number.isInteger(x)))
      return { __metadata: { type: 'Collection(Edm.Int32)' }, results: v };
    return { results: v.map(verboseValue) };
  }
  if (!v || typeof v !== 'object') return v;
  const out: JsonObject = {};
  const meta: JsonObject = {};
  for (const [k, val] of Object.entries(v)) {
    if (k === 'odata.metadata' || k.includes('@odata.')) continue;
    if (k === 'odata.type') meta.type = val;
    else if (k === 'odata.id') meta.id = val;
    else if (k === 'odata.editLink') meta.uri = typeof val === 'string' ? `${apiBase}/${val}` : val;
    else if (k === 'odata.etag') meta.etag = val;
    else if (k.startsWith('odata.')) continue;
    else out[k] = verboseValue(val);
  }
  return Object.keys(meta).length > 0 ? { __metadata: meta, ...out } : out;
}

/** Reason phrases (the $batch part status line requires one, reference §4). */
export function reasonPhrase(status: number): string {
  const phrases: Record<number, string> = {
    200: 'OK',
    201: 'Created',
    204: 'No Content',
    400: 'Bad Request',
    401: 'Unauthorized',
    403: 'Forbidden',
    404: 'Not Found',
    405: 'Method Not Allowed',
    409: 'Conflict',
    412: 'Precondition Failed',
    413: 'Payload Too Large',
    429: 'Too Many Requests',
    500: 'Internal Server Error',
    503: 'Service Unavailable',
  };
  return phrases[status] ?? 'Unknown';
}
