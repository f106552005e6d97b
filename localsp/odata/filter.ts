/**
 * `$filter` as SharePoint list items accept it (reference §5): a tokenizer and a recursive-descent parser
 * for `eq ne lt le gt ge`, `and`, `or`, parentheses, `startswith(Col,'x')`, `substringof('x',Col)`,
 * literals (`'text'` with `''` escape, numbers, true/false, null, `datetime'…'`) and lookup projections
 * (`Author/Title`). Not supported, as in SharePoint: arithmetic, `endswith`, `tolower`, `concat`, `in`.
 * `not` is refused too (UNCONFIRMED: SharePoint's list-item filter translator has no NOT).
 */
import { badFilter, filterTooComplex, SpError } from '../http/errors';

/** A literal value in a filter. */
export type Literal =
  | { type: 'string'; value: string }
  | { type: 'number'; value: number }
  | { type: 'boolean'; value: boolean }
  | { type: 'datetime'; value: string }
  | { type: 'null' };

/** A field path (`Title`, `Author/EMail`) or a literal. */
export type Operand = { kind: 'field'; path: string[] } | { kind: 'literal'; literal: Literal };

/** Comparison operators. */
export type CompareOp = 'eq' | 'ne' | 'lt' | 'le' | 'gt' | 'ge';

/** A parsed filter expression. */
export type FilterExpr =
  | { kind: 'and' | 'or'; left: FilterExpr; right: FilterExpr }
  | { kind: 'compare'; op: CompareOp; field: string[]; literal: Literal }
  | { kind: 'startswith'; field: string[]; value: string }
  | { kind: 'substringof'; field: string[]; value: string };

type Token =
  | { t: 'lparen' | 'rparen' | 'comma' | 'slash' }
  | { t: 'ident'; v: string }
  | { t: 'string'; v: string }
  | { t: 'number'; v: number }
  | { t: 'datetime'; v: string };

const COMPARE_OPS: readonly string[] = ['eq', 'ne', 'lt', 'le', 'gt', 'ge'];

/** Splits a filter into tokens; throws the reference's 400 on anything it cannot read. */
export function tokenize(src: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  const fail = (): SpError => badFilter(src);
  while (i < src.length) {
    const ch = src[i];
    if (/\s/.test(ch)) {
      i++;
    } else if (ch === '(') {
      tokens.push({ t: 'lparen' });
      i++;
    } else if (ch === ')') {
      tokens.push({ t: 'rparen' });
      i++;
    } else if (ch === ',') {
      tokens.push({ t: 'comma' });
      i++;
    } else if (ch === '/') {
      tokens.push({ t: 'slash' });
      i++;
    } else if (ch === "'") {
      const [value, next] = readQuoted(src, i, fail);
      tokens.push({ t: 'string', v: value });
      i = next;
    } else if (/[0-9]/.test(ch) || (ch === '-' && /[0-9]/.test(src[i + 1] ?? ''))) {
      const m = /^-?\d+(\.\d+)?([eE][+-]?\d+)?[LlMmDdFf]?/.exec(src.slice(i));
      if (!m) throw fail();
      tokens.push({ t: 'number', v: Number(m[0].replace(/[LlMmDdFf]$/, '')) });
      i += m[0].length;
    } else if (/[A-Za-z_]/.test(ch)) {
      const m = /^[A-Za-z_][A-Za-z0-9_.]*/.exec(src.slice(i));
      if (!m) throw fail();
      i += m[0].length;
      if ((m[0] === 'datetime' || m[0] === 'datetimeoffset') && src[i] === "'") {
        const [value, next] = readQuoted(src, i, fail);
        tokens.push({ t: 'datetime', v: value });
        i = next;
      } else {
        tokens.push({ t: 'ident', v: m[0] });
      }
    } else {
      throw fail();
    }
  }
  return tokens;
}

function readQuoted(src: string, start: number, fail: () => SpError): [string, number] {
  let value = '';
  let i = start + 1;
  for (;;) {
    if (i >= src.length) throw fail();
    if (src[i] === "'") {
      if (src[i + 1] === "'") {
        value += "'";
        i += 2;
        continue;
      }
      return [value, i + 1];
    }
    value += src[i];
    i++;
  }
}

/**
 * Longest `$filter` accepted. UNCONFIRMED: SharePoint's own limit (its URL and CAML limits apply); chosen
 * well above what the product sends (40-id `or` chains, ~900 characters) and low enough that evaluating
 * the longest `or`/`and` chain stays far from the stack limit.
 */
export const MAX_FILTER_LENGTH = 4096;

/** Deepest parenthesis nesting accepted (UNCONFIRMED: SharePoint's limit; the product nests 2 deep). */
export const MAX_FILTER_DEPTH = 50;

/** Parses a `$filter` value into an expression tree; too long or too deep is SharePoint's 400, never a stack overflow. */
export function parseFilter(src: string): FilterExpr {
  if (src.length > MAX_FILTER_LENGTH)
    throw filterTooComplex(
      `The $filter expression is ${src.length} characters long; the maximum is ${MAX_FILTER_LENGTH}.`,
    );
  const parser = new Parser(tokenize(src), src);
  const expr = parser.orExpr();
  parser.end();
  return expr;
}

class Parser {
  private pos = 0;
  private depth = 0;

  public constructor(
    private readonly tokens: Token[],
    private readonly src: string,
  ) {}

  public end(): void {
    if (this.pos !== this.tokens.length) throw this.fail();
  }

  public orExpr(): FilterExpr {
    let left = this.andExpr();
    while (this.keyword('or')) left = { kind: 'or', left, right: this.andExpr() };
    return left;
  }

  private andExpr(): FilterExpr {
    let left = this.primary();
    while (this.keyword('and')) left = { kind: 'and', left, right: this.primary() };
    return left;
  }

  private primary(): FilterExpr {
    const tok = this.peek();
    if (!tok) throw this.fail();
    if (tok.t === 'lparen') {
      this.pos++;
      if (++this.depth > MAX_FILTER_DEPTH)
        throw filterTooComplex(`The $filter expression nests parentheses more than ${MAX_FILTER_DEPTH} deep.`);
      const inner = this.orExpr();
      this.expect('rparen');
      this.depth--;
      return this.optionalBooleanCompare(inner);
    }
    if (
      tok.t === 'ident' &&
      (tok.v === 'startswith' || tok.v === 'substringof') &&
      this.tokens[this.pos + 1]?.t === 'lparen'
    ) {
      return this.optionalBooleanCompare(this.func(tok.v));
    }
    return this.comparison();
  }

  private func(name: 'startswith' | 'substringof'): FilterExpr {
    this.pos += 2;
    const first = this.operand();
    this.expect('comma');
    const second = this.operand();
    this.expect('rparen');
    const [fieldOp, valueOp] = name === 'startswith' ? [first, second] : [second, first];
    if (fieldOp.kind !== 'field' || valueOp.kind !== 'literal' || valueOp.literal.type !== 'string') throw this.fail();
    return { kind: name, field: fieldOp.path, value: valueOp.literal.value };
  }

  /** `startswith(Title,'a') eq true` is the OData v3 form of the same predicate. */
  private optionalBooleanCompare(expr: FilterExpr): FilterExpr {
    const tok = this.peek();
    if (tok?.t !== 'ident' || (tok.v !== 'eq' && tok.v !== 'ne')) return expr;
    if (expr.kind !== 'startswith' && expr.kind !== 'substringof') return expr;
    this.pos++;
    const lit = this.operand();
    if (lit.kind !== 'literal' || lit.literal.type !== 'boolean') throw this.fail();
    const wantTrue = (tok.v === 'eq') === lit.literal.value;
    if (wantTrue) return expr;
    throw this.fail();
  }

  private comparison(): FilterExpr {
    const left = this.operand();
    const opTok = this.peek();
    if (opTok?.t !== 'ident' || !COMPARE_OPS.includes(opTok.v)) throw this.fail();
    this.pos++;
    const right = this.operand();
    const op = opTok.v as CompareOp;
    if (left.kind === 'field' && right.kind === 'literal')
      return { kind: 'compare', op, field: left.path, literal: right.literal };
    if (left.kind === 'literal' && right.kind === 'field')
      return { kind: 'compare', op: mirror(op), field: right.path, literal: left.literal };
    throw this.fail();
  }

  private operand(): Operand {
    const tok = this.peek();
    if (!tok) throw this.fail();
    this.pos++;
    switch (tok.t) {
      case 'string':
        return { kind: 'literal', literal: { type: 'string', value: tok.v } };
      case 'number':
        return { kind: 'literal', literal: { type: 'number', value: tok.v } };
      case 'datetime':
        return { kind: 'literal', literal: { type: 'datetime', value: tok.v } };
      case 'ident':
        return this.identOperand(tok.v);
      default:
        throw this.fail();
    }
  }

  private identOperand(name: string): Operand {
    if (name === 'true' || name === 'false')
      return { kind: 'literal', literal: { type: 'boolean', value: name === 'true' } };
    if (name === 'null') return { kind: 'literal', literal: { type: 'null' } };
    if (['and', 'or', 'not', ...COMPARE_OPS].includes(name)) throw this.fail();
    const path = [name];
    while (this.peek()?.t === 'slash') {
      this.pos++;
      const next = this.peek();
      if (next?.t !== 'ident') throw this.fail();
      this.pos++;
      path.push(next.v);
    }
    if (this.peek()?.t === 'lparen') throw this.fail(); // unsupported function (endswith, tolower …)
    return { kind: 'field', path };
  }

  private keyword(word: string): boolean {
    const tok = this.peek();
    if (tok?.t === 'ident' && tok.v === word) {
      this.pos++;
      return true;
    }
    return false;
  }

  private expect(t: Token['t']): void {
    if (this.peek()?.t !== t) throw this.fail();
    this.pos++;
  }

  private peek(): Token | undefined {
    return this.tokens[this.pos];
  }

  private fail(): SpError {
    return badFilter(this.src);
  }
}

function mirror(op: CompareOp): CompareOp {
  return ({ eq: 'eq', ne: 'ne', lt: 'gt', le: 'ge', gt: 'lt', ge: 'le' } as const)[op];
}

/** Every field path a filter reads. */
export function filterFields(expr: FilterExpr): string[][] {
  switch (expr.kind) {
    case 'and':
    case 'or':
      return [...filterFields(expr.left), ...filterFields(expr.right)];
    default:
      return [expr.field];
  }
}

// ---------------------------------------------------------------------------------------------
// Evaluation

/** How a column compares: text case-insensitively, dates as instants, multi values by membership. */
export type ValueType = 'string' | 'number' | 'boolean' | 'date' | 'strings' | 'numbers' | 'any';

/** Reads one column of a row for filtering and sorting. */
export interface Accessor<T> {
  type: ValueType;
  get(row: T): unknown;
}

/** Maps a field path to an accessor; throws a SharePoint error for an unknown or unusable column. */
export type Resolver<T> = (path: string[]) => Accessor<T>;

/** How text compares in a filter. */
export interface FilterOptions {
  /**
   * Text compared as written. SharePoint Online compares list items case-insensitively, but SP.User and
   * SP.Group collections (`siteUsers`, `siteGroups`) case-sensitively (pnp/pnpjs#2649). @default false
   */
  caseSensitive?: boolean;
}

/** Compiles an expression into a row predicate. */
export function compileFilter<T>(
  expr: FilterExpr,
  resolve: Resolver<T>,
  src: string,
  options: FilterOptions = {},
): (row: T) => boolean {
  const fold = options.caseSensitive ? (s: string): string => s : (s: string): string => s.toLowerCase();
  switch (expr.kind) {
    case 'and': {
      const l = compileFilter(expr.left, resolve, src, options);
      const r = compileFilter(expr.right, resolve, src, options);
      return (row) => l(row) && r(row);
    }
    case 'or': {
      const l = compileFilter(expr.left, resolve, src, options);
      const r = compileFilter(expr.right, resolve, src, options);
      return (row) => l(row) || r(row);
    }
    case 'startswith':
    case 'substringof': {
      const acc = resolve(expr.field);
      const needle = fold(expr.value);
      const test =
        expr.kind === 'startswith'
          ? (s: string): boolean => s.startsWith(needle)
          : (s: string): boolean => s.includes(needle);
      return (row) => {
        const v = acc.get(row);
        return v !== null && v !== undefined && test(fold(String(v)));
      };
    }
    case 'compare':
      return compileCompare(expr.op, resolve(expr.field), expr.literal, src, !!options.caseSensitive);
  }
}

function compileCompare<T>(
  op: CompareOp,
  acc: Accessor<T>,
  literal: Literal,
  src: string,
  caseSensitive: boolean,
): (row: T) => boolean {
  if (literal.type === 'null') {
    if (op !== 'eq' && op !== 'ne') throw badFilter(src);
    const wantNull = op === 'eq';
    return (row) => isEmpty(acc.get(row)) === wantNull;
  }
  if (acc.type === 'strings' || acc.type === 'numbers') {
    if (op !== 'eq' && op !== 'ne') throw badFilter(src);
    const target = normalize(acc.type === 'strings' ? 'string' : 'number', literal, src);
    return (row) => {
      const v = acc.get(row);
      const has =
        Array.isArray(v) && v.some((x) => normalizeValue(acc.type === 'strings' ? 'string' : 'number', x) === target);
      return op === 'eq' ? has : !has;
    };
  }
  const type: ValueType = acc.type === 'any' ? literalType(literal) : acc.type;
  // Text as written where the collection compares case-sensitively; every other type as normalised.
  const asWritten = caseSensitive && type === 'string' && literal.type === 'string';
  const target = asWritten ? (literal as { value: string }).value : normalize(type, literal, src);
  return (row) => {
    const raw = acc.get(row);
    if (isEmpty(raw)) return op === 'ne';
    const v = asWritten ? (typeof raw === 'object' ? JSON.stringify(raw) : String(raw)) : normalizeValue(type, raw);
    if (v === null) return op === 'ne';
    return compareWith(op, v, target);
  };
}

function compareWith(op: CompareOp, a: string | number | boolean, b: string | number | boolean): boolean {
  switch (op) {
    case 'eq':
      return a === b;
    case 'ne':
      return a !== b;
    case 'lt':
      return a < b;
    case 'le':
      return a <= b;
    case 'gt':
      return a > b;
    case 'ge':
      return a >= b;
  }
}

function isEmpty(v: unknown): boolean {
  return v === null || v === undefined || v === '' || (Array.isArray(v) && v.length === 0);
}

function literalType(lit: Literal): ValueType {
  switch (lit.type) {
    case 'number':
      return 'number';
    case 'boolean':
      return 'boolean';
    case 'datetime':
      return 'date';
    default:
      return 'string';
  }
}

function normalize(type: ValueType, lit: Literal, src: string): string | number | boolean {
  if (lit.type === 'null') throw badFilter(src);
  const v = normalizeValue(type, lit.value);
  if (v === null) throw badFilter(src);
  return v;
}

/** Brings a row value or literal to the comparable form of the column type. */
export function normalizeValue(type: ValueType, v: unknown): string | number | boolean | null {
  switch (type) {
    case 'number': {
      const n =
        typeof v === 'number'
          ? v
          : typeof v === 'boolean'
            ? Number(v)
            : typeof v === 'string' && v.trim() !== ''
              ? Number(v)
              : NaN;
      return Number.isNaN(n) ? null : n;
    }
    case 'boolean':
      if (typeof v === 'boolean') return v;
      if (v === 1 || v === '1' || v === 'true' || v === 'TRUE') return true;
      if (v === 0 || v === '0' || v === 'false' || v === 'FALSE') return false;
      return null;
    case 'date': {
      const t = typeof v === 'number' ? v : typeof v === 'string' ? Date.parse(v) : NaN;
      return Number.isNaN(t) ? null : t;
    }
    default:
      if (v === null || v === undefined) return null;
      if (typeof v === 'object') return JSON.stringify(v).toLowerCase();
      return String(v).toLowerCase();
  }
}
