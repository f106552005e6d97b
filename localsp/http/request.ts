/** A REST call as the handlers see it, whether it came over HTTP or as a `$batch` part. */
import { invalidJson } from './errors';
import type { JsonObject, JsonValue, UserRecord } from '../model/types';
import { parseSegments, Segment } from './path';

/** A parsed REST request. */
export interface ApiRequest {
  /** The verb after `X-HTTP-Method` is applied: GET, POST, MERGE, PATCH, PUT or DELETE. */
  method: string;
  /** Path and query as received (for nextLinks and the request log). */
  pathAndQuery: string;
  /** Path without the query string. */
  path: string;
  segments: Segment[];
  query: URLSearchParams;
  /** Request headers, names lower-cased. */
  headers: Record<string, string>;
  body: string;
  /** The body's bytes as sent (file uploads); `body` is them read as UTF-8. */
  raw: Buffer;
  /** Scheme and host the client used (`http://localhost:4321`), so nextLinks stay same-origin. */
  origin: string;
  user: UserRecord;
}

/** Reads a query option by case-insensitive name (`$select`, `$Select`). */
export function queryOption(req: ApiRequest, name: string): string | null {
  const direct = req.query.get(name);
  if (direct !== null) return direct;
  const lower = name.toLowerCase();
  for (const [k, v] of req.query) if (k.toLowerCase() === lower) return v;
  return null;
}

/** True when the body was sent as `application/json;odata=verbose` (fields.add*). */
export function isVerboseBody(req: ApiRequest): boolean {
  return /odata=verbose/i.test(req.headers['content-type'] ?? '');
}

/** True when the client asked for verbose JSON (`Accept: application/json;odata=verbose`). */
export function wantsVerbose(headers: Record<string, string>): boolean {
  return /odata=verbose/i.test(headers.accept ?? '');
}

/** True when the client asked for no metadata (`odata=nometadata`). */
export function wantsNoMetadata(headers: Record<string, string>): boolean {
  return /odata=nometadata/i.test(headers.accept ?? '');
}

/** The JSON body as an object; an empty body is `{}`; anything else that is not an object is a 400. */
export function jsonBody(req: ApiRequest): JsonObject {
  if (req.body.trim() === '') return {};
  let parsed: JsonValue;
  try {
    parsed = JSON.parse(req.body) as JsonValue;
  } catch {
    throw invalidJson();
  }
  if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) throw invalidJson();
  return parsed;
}

/** The effective verb: POST with `X-HTTP-Method: MERGE|DELETE|PUT|PATCH` becomes that verb. */
export function effectiveMethod(method: string, headers: Record<string, string>): string {
  const override = headers['x-http-method'];
  const m = method.toUpperCase();
  if (m === 'POST' && override) return override.toUpperCase();
  return m;
}

/** Builds an ApiRequest from parts; `apiPath` is the path after `…/_api/`. */
export function buildRequest(args: {
  method: string;
  path: string;
  search: string;
  apiPath: string;
  headers: Record<string, string>;
  body: string;
  raw?: Buffer;
  origin: string;
  user: UserRecord;
}): ApiRequest {
  const query = new URLSearchParams(args.search.startsWith('?') ? args.search.slice(1) : args.search);
  const aliases = (name: string): string | undefined => query.get(name) ?? undefined;
  return {
    method: effectiveMethod(args.method, args.headers),
    pathAndQuery: args.path + args.search,
    path: args.path,
    segments: parseSegments(args.apiPath, aliases),
    query,
    headers: args.headers,
    body: args.body,
    raw: args.raw ?? Buffer.from(args.body, 'utf8'),
    origin: args.origin,
    user: args.user,
  };
}
