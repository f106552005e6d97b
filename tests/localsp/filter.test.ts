/** @jest-environment node */
import { compileFilter, parseFilter, tokenize, type Accessor, type FilterExpr } from '../../localsp/odata/filter';
import { indexedSubset } from '../../localsp/model/query';
import { parseSegment } from '../../localsp/http/path';
import { SpError } from '../../localsp/http/errors';

describe('$filter parser', () => {
  it('parses comparisons, and/or precedence and parentheses', () => {
    expect(parseFilter("A eq 'x' or B eq 1 and C ne null")).toEqual({
      kind: 'or',
      left: { kind: 'compare', op: 'eq', field: ['A'], literal: { type: 'string', value: 'x' } },
      right: {
        kind: 'and',
        left: { kind: 'compare', op: 'eq', field: ['B'], literal: { type: 'number', value: 1 } },
        right: { kind: 'compare', op: 'ne', field: ['C'], literal: { type: 'null' } },
      },
    });
    expect(parseFilter("(A eq 'x' or B eq 1) and C gt datetime'2024-01-01T00:00:00Z'").kind).toBe('and');
  });

  it('reads quoted strings with doubled quotes, lookup projections and functions', () => {
    expect(parseFilter("Author/Title eq 'O''Neil'")).toEqual({
      kind: 'compare',
      op: 'eq',
      field: ['Author', 'Title'],
      literal: { type: 'string', value: "O'Neil" },
    });
    expect(parseFilter("startswith(Title,'Mod')")).toEqual({ kind: 'startswith', field: ['Title'], value: 'Mod' });
    expect(parseFilter("substringof('kerne', Title)")).toEqual({
      kind: 'substringof',
      field: ['Title'],
      value: 'kerne',
    });
    expect(parseFilter("startswith(Title,'Mod') eq true")).toEqual({
      kind: 'startswith',
      field: ['Title'],
      value: 'Mod',
    });
    expect(parseFilter("'x' eq Title")).toEqual({
      kind: 'compare',
      op: 'eq',
      field: ['Title'],
      literal: { type: 'string', value: 'x' },
    });
    expect(parseFilter('N lt -2.5')).toMatchObject({ literal: { type: 'number', value: -2.5 } });
  });

  it.each([
    "Title eqq 'a'",
    "endswith(Title,'a')",
    "tolower(Title) eq 'a'",
    "not Title eq 'a'",
    "Title eq 'open",
    'N add 1 eq 2',
    "Title in ('a','b')",
    '(A eq 1',
    'A eq 1)',
    '',
    'A eq B',
  ])('refuses %p with the reference 400', (src) => {
    try {
      parseFilter(src);
      throw new Error('parsed');
    } catch (e) {
      expect(e).toBeInstanceOf(SpError);
      expect((e as SpError).status).toBe(400);
      expect((e as SpError).message).toBe(`The expression "${src}" is not valid.`);
    }
  });

  it('tokenizes datetime literals', () => {
    expect(tokenize("Created ge datetime'2024-01-01T00:00:00Z'")).toEqual([
      { t: 'ident', v: 'Created' },
      { t: 'ident', v: 'ge' },
      { t: 'datetime', v: '2024-01-01T00:00:00Z' },
    ]);
  });

  it('compares text case-insensitively, dates as instants and nulls as SharePoint', () => {
    type Row = { t: string | null; d: string | null; n: number | null };
    const resolve = (path: string[]): Accessor<Row> => {
      if (path[0] === 't') return { type: 'string', get: (r) => r.t };
      if (path[0] === 'd') return { type: 'date', get: (r) => r.d };
      return { type: 'number', get: (r) => r.n };
    };
    const test = (src: string, row: Row): boolean => compileFilter(parseFilter(src), resolve, src)(row);
    const row: Row = { t: 'Mod', d: '2024-01-01T12:00:00Z', n: null };
    expect(test("t eq 'MOD'", row)).toBe(true);
    expect(test("d gt '2024-01-01T11:59:59.999Z'", row)).toBe(true);
    expect(test('n eq null', row)).toBe(true);
    expect(test('n lt 5', row)).toBe(false);
    expect(test('n ne 5', row)).toBe(true);
  });

  it('keeps the indexed part of a filter for the threshold check', () => {
    const indexed = (p: string[]): boolean => p[0] === 'I';
    const f = (s: string): FilterExpr | null => indexedSubset(parseFilter(s), indexed);
    expect(f("I eq 'a' and X eq 1")).toEqual(parseFilter("I eq 'a'"));
    expect(f("I eq 'a' or X eq 1")).toBeNull();
    expect(f('X eq 1')).toBeNull();
    expect(f("I eq 'a' or I eq 'b'")).toEqual(parseFilter("I eq 'a' or I eq 'b'"));
  });
});

describe('REST path segments', () => {
  const none = (): undefined => undefined;
  it('reads quoted titles, guids, named arguments and aliases', () => {
    expect(parseSegment("getByTitle('O''Neil (1)')", none).args).toEqual([
      { key: null, value: { type: 'string', value: "O'Neil (1)" } },
    ]);
    expect(parseSegment("Lists(guid'ABC-1')", none).args).toEqual([
      { key: null, value: { type: 'guid', value: 'abc-1' } },
    ]);
    expect(parseSegment('addroleassignment(principalid=7, roledefid=1073741827)', none).args).toEqual([
      { key: 'principalid', value: { type: 'number', value: 7 } },
      { key: 'roledefid', value: { type: 'number', value: 1073741827 } },
    ]);
    expect(parseSegment('siteUsers(@v)', (n) => (n === '@v' ? "'i:0#.f|membership|a@b'" : undefined)).args).toEqual([
      { key: null, value: { type: 'string', value: 'i:0#.f|membership|a@b' } },
    ]);
  });
});
