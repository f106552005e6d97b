/**
 * List item paging tokens (reference §1): `Paged=TRUE&p_ID=<last id>`; with `$orderby` the token also
 * carries `p_<Field>=<value>` of the last row (format UNCONFIRMED; PnPjs treats it as opaque), and
 * `PagedPrev=TRUE` asks for the page before.
 */

/** A decoded `$skiptoken`. */
export interface SkipToken {
  paged: boolean;
  prev: boolean;
  lastId: number | null;
  /** `p_<Field>` values in token order (field name → raw text). */
  values: Map<string, string>;
}

/** Parses the token text (already URL-decoded once as a query value). */
export function parseSkipToken(raw: string | null | undefined): SkipToken | null {
  if (!raw) return null;
  const params = new URLSearchParams(raw);
  const token: SkipToken = {
    paged: /^true$/i.test(params.get('Paged') ?? ''),
    prev: /^true$/i.test(params.get('PagedPrev') ?? ''),
    lastId: null,
    values: new Map(),
  };
  for (const [k, v] of params) {
    if (k === 'p_ID') {
      const n = Number(v);
      token.lastId = Number.isInteger(n) ? n : null;
    } else if (k.startsWith('p_')) {
      token.values.set(k.slice(2), v);
    }
  }
  return token;
}

/** Builds the token for the row a page ended on. */
export function buildSkipToken(lastId: number, orderValues: [string, string][]): string {
  const parts = ['Paged=TRUE', ...orderValues.map(([k, v]) => `p_${k}=${encodeURIComponent(v)}`), `p_ID=${lastId}`];
  return parts.join('&');
}

/** Percent-encodes a token for `$skiptoken=` the way SharePoint writes nextLinks (lower-case hex: `%3d`, `%26`). */
export function encodeSkipTokenParam(token: string): string {
  return encodeURIComponent(token).replace(/%[0-9A-F]{2}/g, (m) => m.toLowerCase());
}
