/**
 * Microsoft Graph's answers: the error body `{"error":{"code","message","innerError":{…}}}` (reference §1.4,
 * https://learn.microsoft.com/graph/errors), JSON entities, and the request body as Graph reads it.
 */
import type { ServerResponse } from 'http';

/** The local tenant's id (what `tenantId` in Teams links and chats carries). */
export const LOCAL_TENANT_ID = '6d706b2d-6c6f-4361-8c2d-74656e616e74';

/** Graph's JSON content type. */
export const GRAPH_JSON =
  'application/json;odata.metadata=minimal;odata.streaming=true;IEEE754Compatible=false;charset=utf-8';

/** A JSON value as parsed from a request body. */
export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
/** A JSON object. */
export type JsonObj = { [key: string]: Json };

/** A Graph error to answer with (thrown by handlers). */
export class GraphError extends Error {
  public constructor(
    public readonly status: number,
    public readonly code: string,
    message: string,
    public readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }
}

/** 400 `BadRequest`. */
export function badRequest(message: string): GraphError {
  return new GraphError(400, 'BadRequest', message);
}

/** 403 `Forbidden`. */
export function forbidden(message: string): GraphError {
  return new GraphError(403, 'Forbidden', message);
}

/** 404 `NotFound`. */
export function notFound(message: string): GraphError {
  return new GraphError(404, 'NotFound', message);
}

/**
 * 429 `TooManyRequests` with `Retry-After` in seconds. The message is UNCONFIRMED (Graph's throttled bodies
 * vary by workload); the status, code and header are documented (throttling.md).
 */
export function tooManyRequests(retryAfterSeconds: number): GraphError {
  return new GraphError(429, 'TooManyRequests', 'Too many requests.', { 'Retry-After': String(retryAfterSeconds) });
}

/** What a handler answers. `body` null means no body (204/202). */
export interface GraphAnswer {
  status: number;
  body: JsonObj | null;
  headers?: Record<string, string>;
}

/** Ids Graph sends with every answer (`request-id` is the server's, a GUID per request). */
export interface RequestIds {
  requestId: string;
  clientRequestId: string;
}

/** Graph's error body. */
export function errorBody(err: GraphError, ids: RequestIds): JsonObj {
  return {
    error: {
      code: err.code,
      message: err.message,
      innerError: {
        date: new Date().toISOString().replace(/\.\d{3}Z$/, ''),
        'request-id': ids.requestId,
        'client-request-id': ids.clientRequestId,
      },
    },
  };
}

/** Writes an answer with Graph's headers (`request-id`, `client-request-id`). */
export function sendAnswer(res: ServerResponse, answer: GraphAnswer, ids: RequestIds): void {
  const headers: Record<string, string> = {
    'request-id': ids.requestId,
    'client-request-id': ids.clientRequestId,
    ...(answer.headers ?? {}),
  };
  if (answer.body === null) {
    res.writeHead(answer.status, headers);
    res.end();
    return;
  }
  const buf = Buffer.from(JSON.stringify(answer.body), 'utf8');
  const type = answer.status >= 400 ? 'application/json' : GRAPH_JSON;
  res.writeHead(answer.status, { ...headers, 'Content-Type': type, 'Content-Length': String(buf.length) });
  res.end(buf);
}

/** The answer for a GraphError. */
export function errorAnswer(err: GraphError, ids: RequestIds): GraphAnswer {
  return { status: err.status, headers: err.headers, body: errorBody(err, ids) };
}

/** The request body as a JSON object; anything else is Graph's 400 for an unreadable payload. */
export function jsonObject(body: string): JsonObj {
  let parsed: Json;
  try {
    parsed = body.trim() === '' ? {} : (JSON.parse(body) as Json);
  } catch {
    parsed = null;
  }
  if (!isObj(parsed)) {
    throw badRequest(
      'Unable to read JSON request payload. Please ensure Content-Type header is set and payload is of valid JSON format.',
    );
  }
  return parsed;
}

/** True for a JSON object (not null, not an array). */
export function isObj(v: unknown): v is JsonObj {
  return !!v && typeof v === 'object' && !Array.isArray(v);
}

/** A string property, or undefined. */
export function str(obj: JsonObj | undefined, key: string): string | undefined {
  const v = obj ? obj[key] : undefined;
  return typeof v === 'string' ? v : undefined;
}
