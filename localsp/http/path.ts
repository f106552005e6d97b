/**
 * REST path segments: `getByTitle('A%20B')`, `lists(guid'…')`, `items(5)`,
 * `addroleassignment(principalid=7, roledefid=1073741827)`, `siteUsers(@v)` with `@v` in the query
 * string (reference §0, parameter aliases).
 */
import { SpError } from './errors';

/** A literal argument of a segment. */
export type ArgValue =
  | { type: 'string'; value: string }
  | { type: 'number'; value: number }
  | { type: 'boolean'; value: boolean }
  | { type: 'guid'; value: string }
  | { type: 'null' };

/** A named or positional argument. */
export interface SegmentArg {
  key: string | null;
  value: ArgValue;
}

/** One `/`-separated part of the path after `_api/`. */
export interface Segment {
  /** Name as sent (`getByTitle`); compare with `is()` — SharePoint paths are case-insensitive. */
  name: string;
  /** Arguments inside parentheses; null when the segment has none. */
  args: SegmentArg[] | null;
  raw: string;
}

/** True when the segment's name matches, case-insensitively. */
export function is(seg: Segment | undefined, name: string): boolean {
  return !!seg && seg.name.toLowerCase() === name.toLowerCase();
}

function malformed(raw: string): SpError {
  return new SpError(
    400,
    '-1, Microsoft.SharePoint.Client.InvalidClientQueryException',
    `The expression "${raw}" is not valid.`,
  );
}

/** Splits and decodes the path after `_api/`; `aliases` resolves `@name` arguments from the query string. */
export function parseSegments(apiPath: string, aliases: (name: string) => string | undefined): Segment[] {
  const parts = apiPath.split('/').filter((p) => p.length > 0);
  return parts.map((p) => {
    let decoded: string;
    try {
      decoded = decodeURIComponent(p);
    } catch {
      throw malformed(p);
    }
    return parseSegment(decoded, aliases);
  });
}

/** Parses one decoded segment. */
export function parseSegment(raw: string, aliases: (name: string) => string | undefined): Segment {
  const open = raw.indexOf('(');
  if (open < 0) return { name: raw, args: null, raw };
  if (!raw.endsWith(')')) throw malformed(raw);
  const name = raw.slice(0, open);
  const inner = raw.slice(open + 1, -1);
  return { name, args: parseArgs(inner, raw, aliases), raw };
}

function parseArgs(inner: string, raw: string, aliases: (name: string) => string | undefined): SegmentArg[] {
  const args: SegmentArg[] = [];
  for (const part of splitTopLevel(inner, raw)) {
    const text = part.trim();
    if (text === '') continue;
    const eq = /^([A-Za-z_][A-Za-z0-9_]*)\s*=\s*([\s\S]*)$/.exec(text);
    const key = eq ? eq[1] : null;
    const valueText = eq ? eq[2].trim() : text;
    args.push({ key, value: parseArgValue(valueText, raw, aliases) });
  }
  return args;
}

function splitTopLevel(s: string, raw: string): string[] {
  const out: string[] = [];
  let cur = '';
  let inQuote = false;
  for (let i = 0; i < s.length; i++) {
    const ch = s[i];
    if (ch === "'") {
      if (inQuote && s[i + 1] === "'") {
        cur += "''";
        i++;
        continue;
      }
      inQuote = !inQuote;
    }
    if (ch === ',' && !inQuote) {
      out.push(cur);
      cur = '';
    } else {
      cur += ch;
    }
  }
  if (inQuote) throw malformed(raw);
  out.push(cur);
  return out;
}

/** Parses a literal: `'text'`, `guid'…'`, a number, true/false, null or `@alias`. */
export function parseArgValue(text: string, raw: string, aliases: (name: string) => string | undefined): ArgValue {
  if (text.startsWith('@')) {
    const aliased = aliases(text);
    if (aliased === undefined) throw malformed(raw);
    return parseArgValue(aliased.trim(), raw, () => undefined);
  }
  const quoted = /^(guid)?'([\s\S]*)'$/i.exec(text);
  if (quoted) {
    const value = quoted[2].replace(/''/g, "'");
    return quoted[1] ? { type: 'guid', value: value.toLowerCase() } : { type: 'string', value };
  }
  if (/^-?\d+(\.\d+)?$/.test(text)) return { type: 'number', value: Number(text) };
  if (/^(true|false)$/i.test(text)) return { type: 'boolean', value: text.toLowerCase() === 'true' };
  if (/^null$/i.test(text)) return { type: 'null' };
  throw malformed(raw);
}

/** The argument with this key (case-insensitive), or the positional one at `index`. */
export function argOf(seg: Segment, key: string, index = 0): ArgValue | undefined {
  if (!seg.args) return undefined;
  const named = seg.args.find((a) => a.key !== null && a.key.toLowerCase() === key.toLowerCase());
  if (named) return named.value;
  const positional = seg.args.filter((a) => a.key === null);
  return positional[index]?.value;
}

/** The argument as text (strings and GUIDs), or undefined. */
export function argString(seg: Segment, key: string, index = 0): string | undefined {
  const v = argOf(seg, key, index);
  if (!v) return undefined;
  if (v.type === 'string' || v.type === 'guid') return v.value;
  if (v.type === 'number') return String(v.value);
  return undefined;
}

/** The argument as a number, or undefined. */
export function argNumber(seg: Segment, key: string, index = 0): number | undefined {
  const v = argOf(seg, key, index);
  if (!v) return undefined;
  if (v.type === 'number') return v.value;
  if (v.type === 'string' && /^-?\d+$/.test(v.value)) return Number(v.value);
  return undefined;
}

/** The argument as a boolean, or undefined. */
export function argBoolean(seg: Segment, key: string, index = 0): boolean | undefined {
  const v = argOf(seg, key, index);
  if (!v) return undefined;
  if (v.type === 'boolean') return v.value;
  if (v.type === 'string' && /^(true|false)$/i.test(v.value)) return v.value.toLowerCase() === 'true';
  return undefined;
}
