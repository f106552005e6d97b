import {
  checkImport,
  editDistance,
  FILE_PROBLEMS,
  guessMapping,
  cellHasCprNumber,
  headerOf,
  type IImportCheck,
  type IImportProblem,
  type IImportUnit,
  IMPORT_PROBLEM_CODES,
  importBatches,
  type ImportMapping,
  type ISheet,
  MAX_IMPORT_ROWS,
  normaliseName,
} from '../../src/domain/measurementImport';
import type { IIndicator, IIndicatorValue } from '../../src/domain/measurements';

const UNITS: IImportUnit[] = [
  { id: 1, title: 'Sundhed og Ældre' },
  { id: 2, title: 'Børn og Unge' },
  { id: 3, title: 'Teknik og Miljø' },
  { id: 4, title: 'Jobcenter' },
];
const INDICATORS: IIndicator[] = [
  { key: 'trivsel', title: 'Trivselsmåling', unit: 'point', direction: 'higher', ambitionKey: 'a4' },
  { key: 'apv', title: 'APV', unit: 'procent', direction: 'higher', ambitionKey: 'a4' },
  { key: 'sygefravaer', title: 'Sygefravær', unit: 'dage', direction: 'lower', ambitionKey: 'a4' },
];
const HEADER = ['Enhed', 'Periode', 'Indikator', 'Værdi', 'Antal besvarelser', 'Kommentar'];
const MAPPING: ImportMapping = { unit: 0, period: 1, indicator: 2, value: 3, respondents: 4 };

function sheet(...rows: string[][]): ISheet {
  return { name: 'Ark1', rows: [HEADER, ...rows] };
}

function check(s: ISheet, existing?: IIndicatorValue[], mapping: ImportMapping = MAPPING): IImportCheck {
  return checkImport(s, mapping, UNITS, INDICATORS, existing);
}

function codes(problems: IImportProblem[]): string[] {
  return problems.map((problem) => problem.code);
}

describe('guessing the columns from the header', () => {
  it('knows Danish headers, whatever the case and spacing', () => {
    expect(guessMapping(HEADER)).toEqual(MAPPING);
    expect(guessMapping(['  ENHED ', 'periode', 'INDIKATOR', 'værdi'])).toEqual({
      unit: 0,
      period: 1,
      indicator: 2,
      value: 3,
    });
  });

  it('knows English headers and words inside longer headers', () => {
    expect(guessMapping(['Number of responses', 'Department', 'Measure', 'Score', 'Quarter'])).toEqual({
      respondents: 0,
      unit: 1,
      indicator: 2,
      value: 3,
      period: 4,
    });
    expect(guessMapping(['Enhed (navn)', 'Måleperiode', 'Spørgsmål', 'Resultat i %', 'Svar'])).toEqual({
      unit: 0,
      period: 1,
      indicator: 2,
      value: 3,
      respondents: 4,
    });
  });

  it('does not take "måleenhed" or "svarprocent" for the unit or the respondents, nor one column twice', () => {
    const mapping = guessMapping(['Måleenhed', 'Svarprocent', 'Afdeling', 'Værdi']);
    expect(mapping).toEqual({ unit: 2, value: 3 });
    expect(guessMapping([])).toEqual({});
    expect(guessMapping(['x', '', 'y'])).toEqual({});
  });
});

describe('the header', () => {
  it('is the first non-empty row, trimmed, with its sheet row number', () => {
    expect(headerOf({ name: 'x', rows: [[], ['', ' '], [' Enhed ', 'Værdi'], ['a', '1']] })).toEqual({
      row: 3,
      cells: ['Enhed', 'Værdi'],
    });
    expect(headerOf({ name: 'x', rows: [[''], []] })).toBeUndefined();
  });
});

describe('names are compared as people mean them', () => {
  it('sets aside case, accents, Danish letters and spacing', () => {
    expect(normaliseName('  Sundhed  og ÆLDRE ')).toBe('sundhed og aeldre');
    expect(normaliseName('Sundhed og Aeldre')).toBe('sundhed og aeldre');
    expect(normaliseName('Café-Område')).toBe('cafe omraade');
  });

  it('measures the edit distance and gives up beyond a limit', () => {
    expect(editDistance('kitten', 'sitting')).toBe(3);
    expect(editDistance('', 'abc')).toBe(3);
    expect(editDistance('abc', 'abc')).toBe(0);
    expect(editDistance('abcdefgh', 'zzzzzzzz', 2)).toBe(3);
  });
});

describe('a well-formed file', () => {
  it('gives every row, canonical, and no problems', () => {
    const result = check(
      sheet(
        ['Sundhed og Ældre', '2. halvår 2026', 'Trivselsmåling', '4,2', '37', 'fin'],
        ['børn og unge', 'H2 2026', 'trivsel', '3.9', '12', ''],
        ['Jobcenter', 'Q3 2026', 'Sygefravær', '5,5 %', '', ''],
        ['', '', '', '', '', ''],
        ['TEKNIK OG MILJØ', '2026', 'apv', '1.234,5', '1.200', ''],
      ),
    );
    expect(result.problems).toEqual([]);
    expect(result.unchanged).toBe(0);
    expect(result.dataRows).toBe(4);
    expect(result.rows).toEqual([
      { unitId: 1, indicatorKey: 'trivsel', period: '2026-H2', value: 4.2, respondents: 37 },
      { unitId: 2, indicatorKey: 'trivsel', period: '2026-H2', value: 3.9, respondents: 12 },
      { unitId: 4, indicatorKey: 'sygefravaer', period: '2026-Q3', value: 5.5 },
      { unitId: 3, indicatorKey: 'apv', period: '2026', value: 1234.5, respondents: 1200 },
    ]);
  });

  it("finds the header below empty rows and numbers problems by the sheet's own rows", () => {
    const result = checkImport(
      { name: 'Ark1', rows: [[], ['', ''], HEADER, ['Sundhed og Ældre', '2026', 'APV', 'høj', '9']] },
      MAPPING,
      UNITS,
      INDICATORS,
    );
    expect(result.problems).toEqual([
      { row: 4, column: 'Værdi', field: 'value', code: 'valueNotNumber', value: 'høj' },
    ]);
  });

  it('does without a respondents column', () => {
    const mapping: ImportMapping = { ...MAPPING, respondents: undefined };
    const result = check(sheet(['Jobcenter', '2026', 'APV', '80', '2', '']), [], mapping);
    expect(result.problems).toEqual([]);
    expect(result.rows).toEqual([{ unitId: 4, indicatorKey: 'apv', period: '2026', value: 80 }]);
  });
});

describe('each problem is found where it is', () => {
  it('an unknown unit, with "did you mean" when one is close', () => {
    const result = check(
      sheet(['Sundhed og Ældr', '2026', 'APV', '80', '10', ''], ['Økonomi', '2026', 'APV', '80', '10', '']),
    );
    expect(result.problems).toEqual([
      {
        row: 2,
        column: 'Enhed',
        field: 'unit',
        code: 'unknownUnit',
        value: 'Sundhed og Ældr',
        suggestion: 'Sundhed og Ældre',
      },
      { row: 3, column: 'Enhed', field: 'unit', code: 'unknownUnit', value: 'Økonomi', suggestion: undefined },
    ]);
    expect(result.rows).toEqual([]);
  });

  it('an unknown indicator, with "did you mean"', () => {
    const result = check(
      sheet(['Jobcenter', '2026', 'Sygefravar', '5', '', ''], ['Jobcenter', '2026', 'Løn', '5', '', '']),
    );
    expect(result.problems.map((p) => [p.code, p.row, p.suggestion])).toEqual([
      ['unknownIndicator', 2, 'Sygefravær'],
      ['unknownIndicator', 3, undefined],
    ]);
  });

  it('a value that is not a number, and one that can be read two ways', () => {
    const result = check(
      sheet(['Jobcenter', '2026', 'APV', 'ca. 80', '10', ''], ['Jobcenter', '2026-Q1', 'APV', '1.234', '10', '']),
    );
    expect(result.problems.map((p) => [p.code, p.row, p.column, p.value])).toEqual([
      ['valueNotNumber', 2, 'Værdi', 'ca. 80'],
      ['valueAmbiguous', 3, 'Værdi', '1.234'],
    ]);
  });

  it('a period not understood', () => {
    const result = check(sheet(['Jobcenter', 'sidste år', 'APV', '80', '10', '']));
    expect(result.problems).toEqual([
      { row: 2, column: 'Periode', field: 'period', code: 'periodNotUnderstood', value: 'sidste år' },
    ]);
  });

  it('an empty cell in a needed column', () => {
    const result = check(sheet(['Jobcenter', '', 'APV', '', '10', '']));
    expect(result.problems.map((p) => [p.code, p.column])).toEqual([
      ['emptyCell', 'Periode'],
      ['emptyCell', 'Værdi'],
    ]);
  });

  it('duplicates in the file name both rows and leave both out', () => {
    const result = check(
      sheet(
        ['Jobcenter', '2026', 'APV', '80', '10', ''],
        ['Sundhed og Ældre', '2026', 'APV', '70', '10', ''],
        ['jobcenter', '2026', 'apv', '81', '10', ''],
      ),
    );
    expect(result.problems).toEqual([{ row: 4, code: 'duplicateRow', otherRow: 2, value: 'jobcenter' }]);
    expect(result.rows).toEqual([{ unitId: 1, indicatorKey: 'apv', period: '2026', value: 70, respondents: 10 }]);
  });

  it('respondents that are not a whole number', () => {
    const result = check(
      sheet(['Jobcenter', '2026', 'APV', '80', '10,5', ''], ['Jobcenter', '2025', 'APV', '80', 'mange', '']),
    );
    expect(codes(result.problems)).toEqual(['respondentsNotWhole', 'respondentsNotWhole']);
    expect(result.problems[0]).toMatchObject({ row: 2, column: 'Antal besvarelser', value: '10,5' });
  });

  it('fewer than 5 respondents is refused: they could identify people', () => {
    const result = check(
      sheet(['Jobcenter', '2026', 'APV', '80', '4', ''], ['Jobcenter', '2025', 'APV', '80', '5', '']),
    );
    expect(result.problems).toEqual([
      {
        row: 2,
        column: 'Antal besvarelser',
        field: 'respondents',
        code: 'tooFewRespondents',
        value: '4',
        suggestion: '5',
      },
    ]);
    expect(result.rows).toEqual([{ unitId: 4, indicatorKey: 'apv', period: '2025', value: 80, respondents: 5 }]);
  });

  it('a CPR number anywhere — also in a column not imported — refuses the whole file', () => {
    const result = check(
      sheet(
        ['Jobcenter', '2026', 'APV', '80', '10', 'Spurgt: 010190-1234'],
        ['Jobcenter', '2025', 'APV', '80', '10', ''],
      ),
    );
    expect(result.problems).toEqual([{ row: 2, column: 'Kommentar', code: 'cprNumber' }]);
    expect(result.rows).toEqual([]);
    // Beyond the header too, and never echoing the number.
    const wide = check({ name: 'x', rows: [HEADER, ['Jobcenter', '2026', 'APV', '80', '10', '', '', '0101901234']] });
    expect(wide.problems).toEqual([{ row: 2, column: undefined, code: 'cprNumber' }]);
    expect(JSON.stringify(wide)).not.toContain('0101901234');
  });

  it('a CPR number typed into a number cell, which lost its leading zero, refuses the file too', () => {
    expect(cellHasCprNumber('101901234')).toBe(true); // 010190-1234
    expect(cellHasCprNumber('1501901234')).toBe(true);
    expect(cellHasCprNumber('150190-1234')).toBe(true);
    expect(cellHasCprNumber('991901234')).toBe(false); // day 09, month 91: no date
    expect(cellHasCprNumber('12345678')).toBe(false);
    expect(cellHasCprNumber('4,5')).toBe(false);
    const result = check(sheet(['Jobcenter', '2026', 'APV', '80', '10', '101901234']));
    expect(result.problems).toEqual([{ row: 2, column: 'Kommentar', code: 'cprNumber' }]);
  });

  it('an empty sheet, and a sheet with only a header', () => {
    expect(check({ name: 'x', rows: [] }).problems).toEqual([{ row: 0, code: 'emptySheet' }]);
    expect(check({ name: 'x', rows: [[''], []] }).problems).toEqual([{ row: 0, code: 'emptySheet' }]);
    expect(check({ name: 'x', rows: [HEADER, ['', ' ']] }).problems).toEqual([{ row: 1, code: 'noDataRows' }]);
  });

  it('a needed column not chosen, or chosen beyond the header, or one column chosen twice', () => {
    const result = check(sheet(['Jobcenter', '2026', 'APV', '80', '10', '']), [], { unit: 0, period: 1, value: 9 });
    expect(result.problems).toEqual([
      { row: 1, field: 'indicator', code: 'missingColumn' },
      { row: 1, field: 'value', code: 'missingColumn' },
    ]);
    const twice = check(sheet(['Jobcenter', '2026', 'APV', '80', '10', '']), [], { ...MAPPING, respondents: 3 });
    expect(twice.problems).toEqual([{ row: 1, field: 'respondents', column: 'Værdi', code: 'columnUsedTwice' }]);
    expect(twice.rows).toEqual([]);
  });

  it('every problem code is a file or a row problem that a test here produces', () => {
    expect(IMPORT_PROBLEM_CODES.length).toBe(15);
    expect(FILE_PROBLEMS.every((code) => IMPORT_PROBLEM_CODES.indexOf(code) >= 0)).toBe(true);
  });
});

describe('large files', () => {
  function rows(count: number): string[][] {
    const out: string[][] = [];
    for (let i = 0; i < count; i++) {
      out.push([
        UNITS[i % 4].title,
        `${2000 + (Math.floor(i / 12) % 100)}-${String((i % 12) + 1).padStart(2, '0')}`,
        'APV',
        String(i),
        '10',
        '',
      ]);
    }
    return out;
  }

  it('refuses 100,000 rows at once, without checking them (fast)', () => {
    const big = sheet(...rows(100000));
    big.rows[50000][5] = '010190-1234';
    const started = Date.now();
    const result = check(big);
    expect(Date.now() - started).toBeLessThan(1000);
    expect(result.problems).toEqual([{ row: 0, code: 'tooManyRows', value: '100000' }]);
    expect(result.rows).toEqual([]);
  });

  it('checks 20,000 rows in well under 10 seconds', () => {
    const many = sheet(...rows(MAX_IMPORT_ROWS));
    const started = Date.now();
    const result = check(many);
    expect(Date.now() - started).toBeLessThan(5000);
    // 4 units × 100 years × 12 months = 4800 distinct keys: the rest are duplicates.
    expect(result.dataRows).toBe(MAX_IMPORT_ROWS);
    expect(result.problems.every((p) => p.code === 'duplicateRow')).toBe(true);
  });
});

describe('re-importing', () => {
  const file = sheet(['Jobcenter', '2026', 'APV', '80', '10', ''], ['Jobcenter', '2026', 'Sygefravær', '4,5', '', '']);

  it('reports every row unchanged when the same values are stored, and writes nothing', () => {
    const first = check(file);
    expect(first.rows).toHaveLength(2);
    const again = check(file, first.rows);
    expect(again).toEqual({ rows: [], problems: [], unchanged: 2, dataRows: 2 });
  });

  it('gives a row whose value or respondents changed', () => {
    const stored: IIndicatorValue[] = [
      { unitId: 4, indicatorKey: 'apv', period: '2026', value: 80, respondents: 9 },
      { unitId: 4, indicatorKey: 'sygefravaer', period: '2026', value: 4.5 },
    ];
    const result = check(file, stored);
    expect(result.unchanged).toBe(1);
    expect(result.rows).toEqual([{ unitId: 4, indicatorKey: 'apv', period: '2026', value: 80, respondents: 10 }]);
  });
});

describe('batches', () => {
  function value(unitId: number, indicatorKey: string, period: string): IIndicatorValue {
    return { unitId, indicatorKey, period, value: 1 };
  }

  it("keeps each unit's period together and stays within the size", () => {
    const rows: IIndicatorValue[] = [];
    for (let unit = 1; unit <= 30; unit++) {
      for (const period of ['2026-H1', '2026-H2']) {
        for (const key of ['trivsel', 'apv', 'sygefravaer']) rows.push(value(unit, key, period));
      }
    }
    const batches = importBatches(rows, 10);
    expect(batches.flat()).toHaveLength(rows.length);
    expect(new Set(batches.flat())).toEqual(new Set(rows));
    for (const batch of batches) expect(batch.length).toBeLessThanOrEqual(10);
    const batchOf = new Map<string, number>();
    batches.forEach((batch, i) =>
      batch.forEach((row) => {
        const key = `${row.unitId}|${row.period}`;
        expect(batchOf.get(key) ?? i).toBe(i);
        batchOf.set(key, i);
      }),
    );
    expect(batches).toHaveLength(20);
  });

  it('writes 1,000 rows in a handful of batches of 100', () => {
    const rows: IIndicatorValue[] = [];
    for (let i = 0; i < 1000; i++) rows.push(value(i, 'apv', '2026'));
    const batches = importBatches(rows);
    expect(batches).toHaveLength(10);
    expect(importBatches([])).toEqual([]);
  });

  it('gives a period larger than the size a batch of its own', () => {
    const rows = [value(1, 'a', '2026'), value(2, 'a', '2026'), value(2, 'b', '2026'), value(2, 'c', '2026')];
    expect(importBatches(rows, 2).map((batch) => batch.length)).toEqual([1, 3]);
  });
});
