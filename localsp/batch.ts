/**
 * `POST {web}/_api/$batch` (reference §4): reads PnPjs's multipart body (top-level GET parts, changesets
 * of writes, absolute URLs, real verbs on the request line) and answers the way SharePoint does — one
 * flat `--batchresponse_…` part per sub-request in order (changeset members included, never nested),
 * each with `HTTP/1.1 <code> <Reason>`, headers, a blank line and a single-line body, closed by
 * `--batchresponse_…--` and a newline. Changesets are not transactional.
 */
import { randomUUID } from 'crypto';
import { badArgument } from './http/errors';
import { contentType, Format, reasonPhrase, serializeBody, type ApiResponse } from './http/response';

/** One request found in a batch body. */
export interface BatchPart {
  method: string;
  url: string;
  headers: Record<string, string>;
  body: string;
}

/** SharePoint Online accepts at most 100 operations in one batch. */
export const MAX_BATCH_PARTS = 100;

/** The boundary of a `multipart/mixed; boundary=…` content type. */
export function boundaryOf(contentTypeHeader: string | undefined): string | null {
  const m = /boundary="?([^";]+)"?/i.exec(contentTypeHeader ?? '');
  return m ? m[1] : null;
}

/** Parses a batch body into its sub-requests, in order. */
export function parseBatch(body: string, boundary: string): BatchPart[] {
  const parts: BatchPart[] = [];
  for (const section of splitMultipart(body.replace(/\r\n/g, '\n'), boundary)) {
    const { headers, rest } = splitHeaders(section);
    const inner = boundaryOf(headers['content-type']);
    if (inner && /multipart\/mixed/i.test(headers['content-type'] ?? '')) {
      for (const member of splitMultipart(rest, inner)) parts.push(parseHttpPart(splitHeaders(member).rest));
    } else {
      parts.push(parseHttpPart(rest));
    }
  }
  if (parts.length > MAX_BATCH_PARTS)
    throw badArgument(`The batch contains ${parts.length} operations; the maximum is ${MAX_BATCH_PARTS}.`);
  return parts;
}

function splitMultipart(text: string, boundary: string): string[] {
  const lines = text.split('\n');
  const open = `--${boundary}`;
  const close = `--${boundary}--`;
  const sections: string[] = [];
  let current: string[] | null = null;
  for (const line of lines) {
    const trimmed = line.trimEnd();
    if (trimmed === close) {
      if (current) sections.push(current.join('\n'));
      current = null;
      break;
    }
    if (trimmed === open) {
      if (current) sections.push(current.join('\n'));
      current = [];
      continue;
    }
    if (current) current.push(line);
  }
  if (current) throw badArgument('The batch body is not closed by its boundary.');
  return sections;
}

function splitHeaders(section: string): { headers: Record<string, string>; rest: string } {
  const lines = section.split('\n');
  const headers: Record<string, string> = {};
  let i = 0;
  for (; i < lines.length; i++) {
    const line = lines[i];
    if (line.trim() === '') {
      i++;
      break;
    }
    const colon = line.indexOf(':');
    if (colon > 0) headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
  }
  return { headers, rest: lines.slice(i).join('\n') };
}

function parseHttpPart(text: string): BatchPart {
  const lines = text.split('\n');
  let i = 0;
  while (i < lines.length && lines[i].trim() === '') i++;
  const m = /^([A-Z]+)\s+(\S+)\s+HTTP\/1\.[01]\s*$/i.exec(lines[i] ?? '');
  if (!m) throw badArgument('A batch part does not start with an HTTP request line.');
  const { headers, rest } = splitHeaders(lines.slice(i + 1).join('\n'));
  return { method: m[1].toUpperCase(), url: m[2], headers, body: rest.trim() };
}

/** The format a part's Accept header asks for. */
export function formatOf(headers: Record<string, string>): Format {
  const accept = headers.accept ?? '';
  if (/odata=verbose/i.test(accept)) return 'verbose';
  if (/odata=nometadata/i.test(accept)) return 'nometadata';
  return 'minimal';
}

/** A sub-response ready to write. */
export interface PartResult {
  response: ApiResponse;
  format: Format;
  isError: boolean;
}

/**
 * Writes the flat batch response body and returns it with its Content-Type, framed as SharePoint Online
 * frames it (fidelity reference M10; pnpcore AddListItemViaBatchRest-0-00004 and the batch recordings):
 * CRLF lines; every part has `CONTENT-TYPE` (also a 204 or an empty 200); `LOCATION` on a 201; the body
 * line (empty when there is no body) before the next boundary; `--batchresponse_…--` and CRLF at the end.
 * PnPjs reads this too: its status pattern stops at the CR, it trims header lines and drops those with more
 * than one colon (so it never sees LOCATION), and it treats a whitespace-only body as empty.
 */
export function writeBatchResponse(results: PartResult[], apiBase: string): { body: string; contentType: string } {
  const boundary = `batchresponse_${randomUUID()}`;
  const out: string[] = [];
  for (const r of results) {
    out.push(`--${boundary}`, 'Content-Type: application/http', 'Content-Transfer-Encoding: binary', '');
    out.push(`HTTP/1.1 ${r.response.status} ${reasonPhrase(r.response.status)}`);
    out.push(`CONTENT-TYPE: ${contentType(r.format)}`);
    for (const [k, v] of Object.entries(r.response.headers)) out.push(`${k.toUpperCase()}: ${v}`);
    out.push('');
    const hasBody = r.response.body !== null && r.response.status !== 204;
    out.push(
      hasBody ? serializeBody(r.response.body as NonNullable<ApiResponse['body']>, r.format, r.isError, apiBase) : '',
    );
  }
  out.push(`--${boundary}--`, '');
  return { body: out.join('\r\n'), contentType: `multipart/mixed; boundary=${boundary}` };
}
