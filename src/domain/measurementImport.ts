/**
 * Importing the units' indicator results (trivselsmåling, APV, …) from a spreadsheet: guessing which
 * column holds what, checking every row, and cutting the valid rows into batches. Pure: the sheet is
 * already read (`src/data/import/readWorkbook.ts`); nothing here writes. Problems are codes
 * (`ImportProblemCode`), worded by the `import` strings group.
 */
import { findCprNumbers } from './cpr';
import {
  type IIndicator,
  type IIndicatorValue,
  isPublishable,
  MIN_RESPONDENTS,
  parsePeriod,
  readNumber,
} from './measurements';

/** One sheet of a workbook: its name and its cells as text ('' for an empty cell). */
export interface ISheet {
  name: string;
  rows: string[][];
}

export const IMPORT_FIELDS = ['unit', 'period', 'indicator', 'value', 'respondents'] as const;
/** What a column can hold. `respondents` is optional; the others are needed. */
export type ImportField = (typeof IMPORT_FIELDS)[number];
export const REQUIRED_IMPORT_FIELDS: readonly ImportField[] = ['unit', 'period', 'indicator', 'value'];

/** Column (0-based index into the header row) per field. */
export type ImportMapping = Partial<Record<ImportField, number>>;

/** Files with more data rows than this are refused before any row is checked. */
export const MAX_IMPORT_ROWS = 20000;
/** At most this many CPR findings are listed (the file is refused at the first). */
const MAX_CPR_PROBLEMS = 50;

export const IMPORT_PROBLEM_CODES = [
  'emptySheet',
  'noDataRows',
  'tooManyRows',
  'missingColumn',
  'columnUsedTwice',
  'cprNumber',
  'emptyCell',
  'unknownUnit',
  'unknownIndicator',
  'valueNotNumber',
  'valueAmbiguous',
  'periodNotUnderstood',
  'duplicateRow',
  'respondentsNotWhole',
  'tooFewRespondents',
] as const;
/** What is wrong: a key into `strings.import.problems`. */
export type ImportProblemCode = (typeof IMPORT_PROBLEM_CODES)[number];

/** Problems that refuse the whole file (no row can be imported). */
export const FILE_PROBLEMS: readonly ImportProblemCode[] = [
  'emptySheet',
  'noDataRows',
  'tooManyRows',
  'missingColumn',
  'columnUsedTwice',
  'cprNumber',
];

/** A unit as the site has it. */
export interface IImportUnit {
  id: number;
  title: string;
}

/** Something wrong in the file, where it is. */
export interface IImportProblem {
  /** 1-based row of the sheet, as the spreadsheet program numbers it (0 for the file as a whole). */
  row: number;
  /** The column's header, as written in the file. */
  column?: string;
  /** The field concerned (for a missing column, the field without one). */
  field?: ImportField;
  code: ImportProblemCode;
  /** The cell's value (never for a CPR number); for `tooManyRows` the number of rows. */
  value?: string;
  /** "Mente du …?": the closest unit or indicator title. */
  suggestion?: string;
  /** For `duplicateRow`: the earlier row with the same unit, indicator and period. */
  otherRow?: number;
}

export interface IImportCheck {
  /** The valid rows that would change something (new or different), canonical. */
  rows: IIndicatorValue[];
  problems: IImportProblem[];
  /** Valid rows already stored with the same value and respondents (nothing to write). */
  unchanged: number;
  /** Data rows in the sheet (non-empty rows below the header). */
  dataRows: number;
}

// ---------------------------------------------------------------------------------------------
// Names compared as people mean them
// ---------------------------------------------------------------------------------------------

/** Case, accents, Danish letters and spacing set aside: "  Ældre-  og Sundhed " ≈ "aeldre og sundhed". */
export function normaliseName(text: string): string {
  return text
    .toLowerCase()
    .replace(/æ/g, 'ae')
    .replace(/ø/g, 'oe')
    .replace(/å/g, 'aa')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

/** Levenshtein distance, giving up (returning `limit + 1`) once it is over `limit`. */
export function editDistance(a: string, b: string, limit = Infinity): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  let previous = new Array<number>(b.length + 1);
  let current = new Array<number>(b.length + 1);
  for (let j = 0; j <= b.length; j++) previous[j] = j;
  for (let i = 1; i <= a.length; i++) {
    current[0] = i;
    let rowMin = current[0];
    for (let j = 1; j <= b.length; j++) {
      const cost = a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1;
      current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost);
      if (current[j] < rowMin) rowMin = current[j];
    }
    if (rowMin > limit) return limit + 1;
    [previous, current] = [current, previous];
  }
  return previous[b.length];
}

/** How far off a name may be to be suggested: a typo or two, more for long names. */
function closeEnough(length: number): number {
  return Math.max(1, Math.min(4, Math.floor(length / 4)));
}

interface INameIndex<T> {
  exact: Map<string, T>;
  all: Array<{ name: string; item: T; title: string }>;
  cache: Map<string, { item?: T; suggestion?: string }>;
}

function nameIndex<T>(items: T[], names: (item: T) => string[], title: (item: T) => string): INameIndex<T> {
  const exact = new Map<string, T>();
  const all: INameIndex<T>['all'] = [];
  for (const item of items) {
    for (const name of names(item)) {
      const key = normaliseName(name);
      if (!key) continue;
      if (!exact.has(key)) exact.set(key, item);
      all.push({ name: key, item, title: title(item) });
    }
  }
  return { exact, all, cache: new Map() };
}

/** The item a cell names (case, accents and spacing aside), or the closest title to suggest. */
function lookUp<T>(index: INameIndex<T>, text: string): { item?: T; suggestion?: string } {
  const key = normaliseName(text);
  const cached = index.cache.get(key);
  if (cached) return cached;
  let answer: { item?: T; suggestion?: string } = {};
  const item = index.exact.get(key);
  if (item !== undefined) answer = { item };
  else {
    const limit = closeEnough(key.length);
    let best = limit + 1;
    for (const candidate of index.all) {
      const distance = editDistance(key, candidate.name, Math.min(limit, best));
      if (distance < best) {
        best = distance;
        answer = { suggestion: candidate.title };
      }
    }
  }
  index.cache.set(key, answer);
  return answer;
}

// ---------------------------------------------------------------------------------------------
// Guessing the columns
// ---------------------------------------------------------------------------------------------

/** Header words per field (normalised), the whole header first, then a word inside it. */
const HEADER_WORDS: Record<ImportField, string[]> = {
  respondents: [
    'antal besvarelser',
    'besvarelser',
    'antal svar',
    'antal respondenter',
    'respondenter',
    'respondents',
    'responses',
    'number of responses',
    'svar',
    'n',
  ],
  unit: [
    'enhed',
    'enheder',
    'enhedsnavn',
    'afdeling',
    'arbejdsplads',
    'arbejdssted',
    'organisation',
    'organisationsenhed',
    'org enhed',
    'unit',
    'department',
    'team',
    'omraade',
    'sted',
  ],
  period: [
    'periode',
    'period',
    'maaleperiode',
    'tidspunkt',
    'aar',
    'year',
    'kvartal',
    'quarter',
    'halvaar',
    'maaned',
    'month',
    'dato',
    'date',
    'runde',
  ],
  indicator: [
    'indikator',
    'indicator',
    'maaling',
    'maalingstype',
    'type',
    'tema',
    'emne',
    'kategori',
    'spoergsmaal',
    'noegletal',
    'measure',
    'metric',
    'question',
    'topic',
  ],
  value: [
    'vaerdi',
    'value',
    'resultat',
    'result',
    'score',
    'gennemsnit',
    'average',
    'middelvaerdi',
    'andel',
    'procent',
    'percent',
    'tal',
  ],
};

/** Headers that contain a word above but mean something else ("måleenhed" is a unit of measure). */
const NOT_HEADERS = ['maaleenhed', 'enhedstype', 'svarprocent', 'unit of measure'];

/**
 * Which column holds which field, from the header's words (Danish or English; case, accents and
 * spacing aside). Each column is given to at most one field; a field without a match is left out.
 */
export function guessMapping(header: string[]): ImportMapping {
  const names = header.map((cell) => normaliseName(cell ?? ''));
  const mapping: ImportMapping = {};
  const taken = new Set<number>();
  const fields = Object.keys(HEADER_WORDS) as ImportField[];
  const passes: Array<(name: string, word: string) => boolean> = [
    (name, word) => name === word,
    (name, word) => word.length > 2 && (` ${name} `.indexOf(` ${word} `) >= 0 || name.indexOf(word) === 0),
  ];
  for (const matches of passes) {
    for (const field of fields) {
      if (mapping[field] !== undefined) continue;
      for (const word of HEADER_WORDS[field]) {
        const column = names.findIndex(
          (name, i) => !taken.has(i) && name && NOT_HEADERS.indexOf(name) < 0 && matches(name, word),
        );
        if (column >= 0) {
          mapping[field] = column;
          taken.add(column);
          break;
        }
      }
    }
  }
  return mapping;
}

// ---------------------------------------------------------------------------------------------
// Checking the rows
// ---------------------------------------------------------------------------------------------

function isEmptyRow(row: string[] | undefined): boolean {
  if (!row) return true;
  for (const cell of row) if (cell && cell.trim()) return false;
  return true;
}

/**
 * Whether a cell holds a CPR number. A CPR number typed into a number cell loses its leading zero
 * ("0101901234" becomes 101901234), so a cell of exactly nine digits counts when a leading zero makes
 * it one.
 */
export function cellHasCprNumber(cell: string): boolean {
  if (/^\d{9}$/.test(cell) && findCprNumbers(`0${cell}`).length > 0) return true;
  return mayHoldCpr(cell) && findCprNumbers(cell).length > 0;
}

/** A cell that may hold a CPR number: at least ten digits. */
function mayHoldCpr(cell: string): boolean {
  if (!cell || cell.length < 10) return false;
  let digits = 0;
  for (let i = 0; i < cell.length && digits < 10; i++) {
    const code = cell.charCodeAt(i);
    if (code >= 48 && code <= 57) digits++;
  }
  return digits >= 10;
}

function valueKey(unitId: number, indicatorKey: string, period: string): string {
  return `${unitId}\u0000${indicatorKey}\u0000${period}`;
}

/** The header: the first non-empty row of a sheet (1-based `row`), or undefined for an empty sheet. */
export function headerOf(sheet: ISheet): { row: number; cells: string[] } | undefined {
  const at = sheet.rows.findIndex((row) => !isEmptyRow(row));
  return at < 0 ? undefined : { row: at + 1, cells: sheet.rows[at].map((cell) => (cell ?? '').trim()) };
}

/**
 * Checks a sheet against the site's units and indicators. The first non-empty row is the header;
 * `mapping` says which column holds what (see `guessMapping`). Returns the valid rows that would
 * change something, every problem found (with its 1-based sheet row and the column's header), and
 * how many valid rows equal what is already stored (`existing`). File problems (an empty sheet, too
 * many rows, a missing column, a CPR number anywhere) refuse the whole file: `rows` is then empty.
 * Rows with a problem, and every row of a duplicate group, are left out of `rows`.
 */
export function checkImport(
  sheet: ISheet,
  mapping: ImportMapping,
  units: IImportUnit[],
  indicators: IIndicator[],
  existing: IIndicatorValue[] = [],
): IImportCheck {
  const refuse = (problems: IImportProblem[], dataRows = 0): IImportCheck => ({
    rows: [],
    problems,
    unchanged: 0,
    dataRows,
  });
  const all = sheet.rows;
  let headerAt = 0;
  while (headerAt < all.length && isEmptyRow(all[headerAt])) headerAt++;
  if (headerAt >= all.length) return refuse([{ row: 0, code: 'emptySheet' }]);
  const header = all[headerAt];
  const columnName = (column: number): string => (header[column] ?? '').trim();

  // Counting is cheap; checking 100,000 rows is not: refuse a file that is too large first.
  let dataRows = 0;
  for (let r = headerAt + 1; r < all.length; r++) if (!isEmptyRow(all[r])) dataRows++;
  if (dataRows === 0) return refuse([{ row: headerAt + 1, code: 'noDataRows' }]);
  if (dataRows > MAX_IMPORT_ROWS) return refuse([{ row: 0, code: 'tooManyRows', value: String(dataRows) }], dataRows);

  // A CPR number anywhere (any cell, also columns not imported) refuses the file.
  const cpr: IImportProblem[] = [];
  for (let r = headerAt; r < all.length && cpr.length < MAX_CPR_PROBLEMS; r++) {
    const row = all[r] || [];
    for (let c = 0; c < row.length && cpr.length < MAX_CPR_PROBLEMS; c++) {
      if (row[c] && cellHasCprNumber(row[c].trim())) {
        cpr.push({ row: r + 1, column: columnName(c) || undefined, code: 'cprNumber' });
      }
    }
  }
  if (cpr.length) return refuse(cpr, dataRows);

  const columnProblems: IImportProblem[] = [];
  const usedBy = new Map<number, ImportField>();
  for (const field of IMPORT_FIELDS) {
    const column = mapping[field];
    const required = REQUIRED_IMPORT_FIELDS.indexOf(field) >= 0;
    if (column === undefined || column < 0 || column >= header.length || !Number.isInteger(column)) {
      if (required || column !== undefined) columnProblems.push({ row: headerAt + 1, field, code: 'missingColumn' });
      continue;
    }
    const other = usedBy.get(column);
    if (other) columnProblems.push({ row: headerAt + 1, field, column: columnName(column), code: 'columnUsedTwice' });
    else usedBy.set(column, field);
  }
  if (columnProblems.length) return refuse(columnProblems, dataRows);

  const unitIndex = nameIndex(
    units,
    (unit) => [unit.title],
    (unit) => unit.title,
  );
  const indicatorIndex = nameIndex(
    indicators,
    (indicator) => [indicator.key, indicator.title],
    (indicator) => indicator.title,
  );
  const problems: IImportProblem[] = [];
  const candidates: Array<{ row: number; value: IIndicatorValue; key: string }> = [];
  const firstRowOf = new Map<string, number>();
  const duplicated = new Set<string>();
  const col = mapping as Required<ImportMapping>;

  for (let r = headerAt + 1; r < all.length; r++) {
    const cells = all[r];
    if (isEmptyRow(cells)) continue;
    const rowNumber = r + 1;
    const rowProblems: IImportProblem[] = [];
    const cell = (field: ImportField): string => (cells[col[field]] ?? '').trim();
    const problem = (field: ImportField, code: ImportProblemCode, extra: Partial<IImportProblem> = {}): void => {
      rowProblems.push({ row: rowNumber, column: columnName(col[field]), field, code, value: cell(field), ...extra });
    };
    for (const field of REQUIRED_IMPORT_FIELDS) if (!cell(field)) problem(field, 'emptyCell');

    let unitId: number | undefined;
    if (cell('unit')) {
      const found = lookUp(unitIndex, cell('unit'));
      if (found.item) unitId = found.item.id;
      else problem('unit', 'unknownUnit', { suggestion: found.suggestion });
    }
    let indicatorKey: string | undefined;
    if (cell('indicator')) {
      const found = lookUp(indicatorIndex, cell('indicator'));
      if (found.item) indicatorKey = found.item.key;
      else problem('indicator', 'unknownIndicator', { suggestion: found.suggestion });
    }
    const period = cell('period') ? parsePeriod(cell('period')) : undefined;
    if (cell('period') && !period) problem('period', 'periodNotUnderstood');
    let value: number | undefined;
    if (cell('value')) {
      const reading = readNumber(cell('value'), false);
      if ('value' in reading) value = reading.value;
      else problem('value', reading.error === 'ambiguous' ? 'valueAmbiguous' : 'valueNotNumber');
    }
    let respondents: number | undefined;
    if (col.respondents !== undefined && cell('respondents')) {
      const reading = readNumber(cell('respondents'), true);
      if (!('value' in reading) || !Number.isInteger(reading.value) || reading.value < 0) {
        problem('respondents', 'respondentsNotWhole');
      } else if (!isPublishable(reading.value)) {
        problem('respondents', 'tooFewRespondents', { suggestion: String(MIN_RESPONDENTS) });
      } else respondents = reading.value;
    }

    if (unitId !== undefined && indicatorKey !== undefined && period) {
      const key = valueKey(unitId, indicatorKey, period);
      const first = firstRowOf.get(key);
      if (first === undefined) firstRowOf.set(key, rowNumber);
      else {
        duplicated.add(key);
        rowProblems.push({ row: rowNumber, code: 'duplicateRow', otherRow: first, value: cell('unit') });
      }
      if (!rowProblems.length && value !== undefined) {
        const item: IIndicatorValue = { indicatorKey, unitId, period, value };
        if (respondents !== undefined) item.respondents = respondents;
        candidates.push({ row: rowNumber, value: item, key });
      }
    }
    for (const p of rowProblems) problems.push(p);
  }

  const stored = new Map<string, IIndicatorValue>();
  for (const item of existing) stored.set(valueKey(item.unitId, item.indicatorKey, item.period), item);
  const rows: IIndicatorValue[] = [];
  let unchanged = 0;
  for (const candidate of candidates) {
    if (duplicated.has(candidate.key)) continue;
    const before = stored.get(candidate.key);
    if (before && before.value === candidate.value.value && before.respondents === candidate.value.respondents) {
      unchanged++;
    } else rows.push(candidate.value);
  }
  return { rows, problems, unchanged, dataRows };
}

/**
 * Cuts valid rows into write batches of at most `size` rows, keeping each unit's period together (all
 * its indicators, so in particular no period of one unit and indicator is ever split): stopping between
 * two batches never leaves half a period written. A single unit's period larger than `size` gets a
 * batch of its own.
 */
export function importBatches(rows: IIndicatorValue[], size = 100): IIndicatorValue[][] {
  const groups = new Map<string, IIndicatorValue[]>();
  for (const row of rows) {
    const key = `${row.unitId}\u0000${row.period}`;
    const group = groups.get(key);
    if (group) group.push(row);
    else groups.set(key, [row]);
  }
  const batches: IIndicatorValue[][] = [];
  let current: IIndicatorValue[] = [];
  groups.forEach((group) => {
    if (current.length && current.length + group.length > size) {
      batches.push(current);
      current = [];
    }
    current = current.concat(group);
  });
  if (current.length) batches.push(current);
  return batches;
}
