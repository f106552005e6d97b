/**
 * Målinger: an indsats's measurable success criterion (baseline → target, values over time) and the
 * units' recurring indicators (trivselsmåling, APV, sygefravær, lederevaluering, borgeroplevet kvalitet)
 * by period. Pure rules: no React, no SharePoint. Messages are codes (`MeasureErrorCode`); their words
 * are in the `measurements` strings group.
 */
import type { IsoDate } from './model';
import type { Locale } from './locale';
import { compareIsoDates, isValidIsoDate } from './dates';
import { containsCprNumber } from './cpr';

// ---------------------------------------------------------------------------------------------
// Numbers as people write them
// ---------------------------------------------------------------------------------------------

/** Spaces people (and spreadsheets) put between digit groups or before a percent sign. */
const NUMBER_SPACES = /[\s\u00A0\u2007\u2009\u202F']/g;
const MINUS = /^[-\u2212\u2012\u2013]/;

/** What `readNumber` makes of a text: a number, nothing usable, or a number that can be read two ways. */
export type NumberReading = { value: number } | { error: 'notANumber' | 'ambiguous' };

/**
 * Reads a number as a Dane or an English speaker writes it: "12,5", "1.234,5", "-3", "1 234", "12.5",
 * "1,234,567.5", "75 %", "1e-7". The separator that comes last (and once) is the decimal one; a single
 * comma is a decimal comma ("1,234" = 1,234). A single dot followed by exactly three digits ("1.234") is
 * a Danish thousands separator when `danish` is true and ambiguous otherwise.
 */
export function readNumber(text: string | undefined | null, danish = true): NumberReading {
  let rest = (text ?? '').replace(NUMBER_SPACES, '');
  if (rest.endsWith('%')) rest = rest.slice(0, -1);
  let sign = 1;
  if (MINUS.test(rest)) {
    sign = -1;
    rest = rest.slice(1);
  } else if (rest.startsWith('+')) rest = rest.slice(1);
  if (!rest) return { error: 'notANumber' };
  const exponent = /^(.*?)[eE]([-+]?\d{1,3})$/.exec(rest);
  let power = 0;
  if (exponent) {
    rest = exponent[1];
    power = Number(exponent[2]);
  }
  const digits = normaliseSeparators(rest, danish);
  if (typeof digits !== 'string') return digits;
  const value = sign * Number(digits) * Math.pow(10, power);
  return isFinite(value) ? { value: value === 0 ? 0 : value } : { error: 'notANumber' };
}

/** "1.234,5" → "1234.5": digits with at most one "." as the decimal point, or why not. */
function normaliseSeparators(text: string, danish: boolean): string | { error: 'notANumber' | 'ambiguous' } {
  if (!/^[\d.,]+$/.test(text) || !/\d/.test(text)) return { error: 'notANumber' };
  const lastDot = text.lastIndexOf('.');
  const lastComma = text.lastIndexOf(',');
  const dots = text.split('.').length - 1;
  const commas = text.split(',').length - 1;
  let group: string | undefined;
  let decimal: string | undefined;
  if (dots && commas) {
    decimal = lastDot > lastComma ? '.' : ',';
    group = decimal === '.' ? ',' : '.';
    if ((decimal === '.' ? dots : commas) > 1) return { error: 'notANumber' };
  } else if (commas) {
    if (commas > 1) group = ',';
    else decimal = ',';
  } else if (dots > 1) group = '.';
  else if (dots === 1) {
    if (/^\d{1,3}\.\d{3}$/.test(text)) {
      if (!danish) return { error: 'ambiguous' };
      group = '.';
    } else decimal = '.';
  }
  let whole = text;
  let fraction = '';
  if (decimal) {
    const at = text.lastIndexOf(decimal);
    whole = text.slice(0, at);
    fraction = text.slice(at + 1);
    if (!/^\d*$/.test(fraction) || (!whole && !fraction)) return { error: 'notANumber' };
  }
  if (group) {
    const parts = whole.split(group);
    if (!/^\d{1,3}$/.test(parts[0]) || parts.slice(1).some((part) => !/^\d{3}$/.test(part))) {
      return { error: 'notANumber' };
    }
    whole = parts.join('');
  }
  if (!/^\d*$/.test(whole) || (!whole && !fraction)) return { error: 'notANumber' };
  return `${whole || '0'}${fraction ? '.' + fraction : ''}`;
}

/** A Danish number ("12,5", "1.234,5", "-3"), or undefined. */
export function parseDanishNumber(text: string | undefined | null): number | undefined {
  const reading = readNumber(text, true);
  return 'value' in reading ? reading.value : undefined;
}

// ---------------------------------------------------------------------------------------------
// An indsats's measurable success criterion
// ---------------------------------------------------------------------------------------------

/** The units offered in the form; any other short text is allowed too. */
export const MEASURE_UNITS = ['procent', 'antal', 'dage', 'kroner', 'point'] as const;
export type MeasureUnit = (typeof MEASURE_UNITS)[number];

export const MEASURE_DIRECTIONS = ['higher', 'lower'] as const;
/** `higher`: higher is better; `lower`: lower is better. */
export type MeasureDirection = (typeof MEASURE_DIRECTIONS)[number];

/** An indsats's measurable success criterion. */
export interface IMeasure {
  /** What is measured ("Andel borgere der er tilfredse"). */
  what: string;
  /** One of `MEASURE_UNITS` or a free unit ("timer"). */
  unit: string;
  direction: MeasureDirection;
  baseline: { value: number; date: IsoDate };
  target: { value: number; date: IsoDate };
}

/** One measured value (recorded with a statusmelding). */
export interface IMeasuredValue {
  value: number;
  date: IsoDate;
}

/** The measure form as typed: every field a string. */
export interface IMeasureInput {
  what: string;
  unit: string;
  direction: string;
  baselineValue: string;
  baselineDate: string;
  targetValue: string;
  targetDate: string;
}

export const MEASURE_WHAT_MAX = 255;
export const MEASURE_UNIT_MAX = 40;

export const MEASURE_ERROR_CODES = [
  'required',
  'tooLong',
  'containsCpr',
  'notANumber',
  'notADate',
  'unknownDirection',
  'targetEqualsBaseline',
  'targetDateNotAfterBaseline',
  'directionMismatch',
] as const;
/** Why a field of the measure form is not accepted: a key into `strings.measurements.errors`. */
export type MeasureErrorCode = (typeof MEASURE_ERROR_CODES)[number];
export type MeasureField = keyof IMeasureInput;

/**
 * Checks the measure form. Numbers are Danish ("12,5", "1.234,5", "-3"); dates `YYYY-MM-DD`. The
 * target must differ from the baseline, come after it in time, and lie in the better direction
 * (higher: target > baseline; lower: target < baseline). Returns the measure when there are no errors.
 */
export function validateMeasure(input: IMeasureInput): {
  measure?: IMeasure;
  errors: Partial<Record<MeasureField, MeasureErrorCode>>;
} {
  const errors: Partial<Record<MeasureField, MeasureErrorCode>> = {};
  const what = (input.what ?? '').trim();
  const unit = (input.unit ?? '').trim();
  if (!what) errors.what = 'required';
  else if (what.length > MEASURE_WHAT_MAX) errors.what = 'tooLong';
  else if (containsCprNumber(what)) errors.what = 'containsCpr';
  if (!unit) errors.unit = 'required';
  else if (unit.length > MEASURE_UNIT_MAX) errors.unit = 'tooLong';
  else if (containsCprNumber(unit)) errors.unit = 'containsCpr';
  const direction = (input.direction ?? '').trim();
  if (!direction) errors.direction = 'required';
  else if (!isDirection(direction)) errors.direction = 'unknownDirection';

  const baselineValue = numberField(input.baselineValue, 'baselineValue', errors);
  const targetValue = numberField(input.targetValue, 'targetValue', errors);
  const baselineDate = dateField(input.baselineDate, 'baselineDate', errors);
  const targetDate = dateField(input.targetDate, 'targetDate', errors);

  if (baselineValue !== undefined && targetValue !== undefined && !errors.targetValue) {
    if (targetValue === baselineValue) errors.targetValue = 'targetEqualsBaseline';
    else if (isDirection(direction) && !isBetter(direction, targetValue, baselineValue)) {
      errors.targetValue = 'directionMismatch';
    }
  }
  if (baselineDate && targetDate && compareIsoDates(targetDate, baselineDate) <= 0) {
    errors.targetDate = 'targetDateNotAfterBaseline';
  }
  if (Object.keys(errors).length > 0) return { errors };
  return {
    errors,
    measure: {
      what,
      unit,
      direction: direction as MeasureDirection,
      baseline: { value: baselineValue as number, date: baselineDate as IsoDate },
      target: { value: targetValue as number, date: targetDate as IsoDate },
    },
  };
}

function isDirection(value: string): value is MeasureDirection {
  return (MEASURE_DIRECTIONS as readonly string[]).indexOf(value) >= 0;
}

function numberField(
  text: string,
  field: MeasureField,
  errors: Partial<Record<MeasureField, MeasureErrorCode>>,
): number | undefined {
  if (!(text ?? '').trim()) {
    errors[field] = 'required';
    return undefined;
  }
  const value = parseDanishNumber(text);
  if (value === undefined) errors[field] = 'notANumber';
  return value;
}

function dateField(
  text: string,
  field: MeasureField,
  errors: Partial<Record<MeasureField, MeasureErrorCode>>,
): IsoDate | undefined {
  const value = (text ?? '').trim();
  if (!value) {
    errors[field] = 'required';
    return undefined;
  }
  if (!isValidIsoDate(value)) {
    errors[field] = 'notADate';
    return undefined;
  }
  return value;
}

// The progress rules live apart (`measureProgress.ts`), so the plan's first view — whose initiative cards show
// progress from a measurement — carries them without the validation, number reading and periods used by the forms,
// the import and the repositories.
import { isBetter } from './measureProgress';
export { expectedValueOn, isBetter, isOnTrack, latestValue, progressOf } from './measureProgress';

// ---------------------------------------------------------------------------------------------
// Unit indicators
// ---------------------------------------------------------------------------------------------

/** Results for fewer respondents than this are refused: they could identify people. */
export const MIN_RESPONDENTS = 5;

/**
 * Whether a result may be stored and shown. A result without a number of respondents (sygefravær) is
 * fine; one with fewer than `MIN_RESPONDENTS` (or a number that is not a whole count) is not.
 */
export function isPublishable(respondents: number | undefined): boolean {
  if (respondents === undefined) return true;
  return Number.isInteger(respondents) && respondents >= MIN_RESPONDENTS;
}

export const INDICATOR_KINDS = ['trivsel', 'apv', 'sygefravaer', 'ledelse', 'borgeroplevet'] as const;
/** The municipality's recurring measurements; the site owner may add others (any key). */
export type IndicatorKind = (typeof INDICATOR_KINDS)[number] | (string & {});

/** A recurring measurement, set up by the site owner as data. */
export interface IIndicator {
  key: IndicatorKind;
  title: string;
  unit: string;
  direction: MeasureDirection;
  /** The ambition it informs. */
  ambitionKey: string;
}

/** One unit's result for one indicator in one period (canonical period, see `parsePeriod`). */
export interface IIndicatorValue {
  indicatorKey: string;
  unitId: number;
  period: string;
  value: number;
  respondents?: number;
}

// ---------------------------------------------------------------------------------------------
// Periods: '2026', '2026-H1', '2026-Q3', '2026-11'
// ---------------------------------------------------------------------------------------------

const MIN_YEAR = 1990;
const MAX_YEAR = 2100;

const MONTHS_DA = [
  'januar',
  'februar',
  'marts',
  'april',
  'maj',
  'juni',
  'juli',
  'august',
  'september',
  'oktober',
  'november',
  'december',
];
const MONTHS_EN = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/** Month names and abbreviations (Danish and English, lower case) → 1–12. */
const MONTH_WORDS: Record<string, number> = (() => {
  const words: Record<string, number> = {};
  const add = (name: string, month: number): void => {
    words[name] = month;
    words[name.slice(0, 3)] = month;
  };
  MONTHS_DA.forEach((name, i) => add(name, i + 1));
  MONTHS_EN.forEach((name, i) => add(name.toLowerCase(), i + 1));
  words.sept = 9;
  words.okt = 10;
  words.maerts = 3;
  return words;
})();

const HALF_WORDS = '(?:halv[åa]r|halvaar|halvdel|half|halvår)';
const QUARTER_WORDS = '(?:kvartal|kvt|kv|quarter|qtr)';

function yearOf(text: string): number | undefined {
  const year = Number(text);
  return Number.isInteger(year) && year >= MIN_YEAR && year <= MAX_YEAR ? year : undefined;
}

function pad2(value: number): string {
  return value < 10 ? `0${value}` : String(value);
}

/** The rules `parsePeriod` tries in turn: a pattern and how its match becomes a canonical period. */
const PERIOD_RULES: Array<[RegExp, (m: RegExpExecArray) => string | undefined]> = [
  // 2026
  [/^(\d{4})$/, (m) => withYear(m[1], '')],
  // 2026-H2, 2026H2, 2026 H2, H2 2026, H2-2026
  [/^(\d{4})[-/ ]?h([12])$/, (m) => withYear(m[1], `-H${m[2]}`)],
  [/^h([12])[-/ ]?(\d{4})$/, (m) => withYear(m[2], `-H${m[1]}`)],
  // 2. halvår 2026, 2 halvår 2026, andet halvår 2026
  [new RegExp(`^([12])\\.? ?${HALF_WORDS}\\.? ?(\\d{4})$`), (m) => withYear(m[2], `-H${m[1]}`)],
  [new RegExp(`^(første|foerste|andet|first|second) ?${HALF_WORDS} ?(\\d{4})$`), (m) => half(m[1], m[2])],
  // 2026-Q3, 2026Q3, Q3 2026, K3 2026
  [/^(\d{4})[-/ ]?[qk]([1-4])$/, (m) => withYear(m[1], `-Q${m[2]}`)],
  [/^[qk]([1-4])[-/ ]?(\d{4})$/, (m) => withYear(m[2], `-Q${m[1]}`)],
  // 3. kvartal 2026, 3. kvt. 2026
  [new RegExp(`^([1-4])\\.? ?${QUARTER_WORDS}\\.? ?(\\d{4})$`), (m) => withYear(m[2], `-Q${m[1]}`)],
  // 2026-11, 2026/11, 2026-11-01 (a date in a period column means its month)
  [/^(\d{4})[-/.](\d{1,2})(?:[-/.](\d{1,2}))?$/, (m) => month(m[1], m[2], m[3])],
  // 11-2026, 11/2026, 11.2026
  [/^(\d{1,2})[-/.](\d{4})$/, (m) => month(m[2], m[1])],
  // november 2026, nov 2026, nov. 2026, nov-2026
  [/^([a-zæøå]+)\.?[ -]?(\d{4})$/, (m) => (MONTH_WORDS[m[1]] ? month(m[2], String(MONTH_WORDS[m[1]])) : undefined)],
];

function withYear(yearText: string, rest: string): string | undefined {
  const year = yearOf(yearText);
  return year === undefined ? undefined : `${year}${rest}`;
}

function half(word: string, yearText: string): string | undefined {
  const first = word === 'første' || word === 'foerste' || word === 'first';
  return withYear(yearText, first ? '-H1' : '-H2');
}

function month(yearText: string, monthText: string, dayText?: string): string | undefined {
  const monthNumber = Number(monthText);
  if (!Number.isInteger(monthNumber) || monthNumber < 1 || monthNumber > 12) return undefined;
  if (dayText !== undefined && !isValidIsoDate(`${yearText}-${pad2(monthNumber)}-${pad2(Number(dayText))}`)) {
    return undefined;
  }
  return withYear(yearText, `-${pad2(monthNumber)}`);
}

/**
 * A period as people write it, in the canonical form: '2026', '2026-H1', '2026-Q3' or '2026-11'.
 * Understands "2026", "2. halvår 2026", "H2 2026", "2026H2", "Q3 2026", "3. kvartal 2026",
 * "november 2026", "nov 2026", "11-2026", "2026-11", "11/2026" (and a date, as its month); else undefined.
 */
export function parsePeriod(text: string | undefined | null): string | undefined {
  const normalised = (text ?? '')
    .toLowerCase()
    .replace(/[\u00A0\u2007\u202F\s]+/g, ' ')
    .replace(/[\u2010-\u2015\u2212]/g, '-')
    .replace(/\s*([-/])\s*/g, '$1')
    .trim();
  if (!normalised || normalised.length > 40) return undefined;
  for (const [pattern, make] of PERIOD_RULES) {
    const match = pattern.exec(normalised);
    if (match) return make(match);
  }
  return undefined;
}

export type PeriodKind = 'year' | 'half' | 'quarter' | 'month';

/** A canonical period's year, kind and first and last month (1–12), or undefined. */
export function periodParts(
  period: string,
): { year: number; kind: PeriodKind; index: number; firstMonth: number; lastMonth: number } | undefined {
  const match = /^(\d{4})(?:-(H[12]|Q[1-4]|\d{2}))?$/.exec(period);
  if (!match) return undefined;
  const year = Number(match[1]);
  const part = match[2];
  if (!part) return { year, kind: 'year', index: 1, firstMonth: 1, lastMonth: 12 };
  const index = Number(part[0] === 'H' || part[0] === 'Q' ? part.slice(1) : part);
  if (part[0] === 'H') return { year, kind: 'half', index, firstMonth: index * 6 - 5, lastMonth: index * 6 };
  if (part[0] === 'Q') return { year, kind: 'quarter', index, firstMonth: index * 3 - 2, lastMonth: index * 3 };
  if (index < 1 || index > 12) return undefined;
  return { year, kind: 'month', index, firstMonth: index, lastMonth: index };
}

/** Orders canonical periods by when they start, then the shorter first ('2026' before '2026-H2'; '2026-H1' after '2026'). */
export function comparePeriods(a: string, b: string): number {
  const pa = periodParts(a);
  const pb = periodParts(b);
  if (!pa || !pb) return pa ? -1 : pb ? 1 : a < b ? -1 : a > b ? 1 : 0;
  const start = pa.year * 12 + pa.firstMonth - (pb.year * 12 + pb.firstMonth);
  if (start !== 0) return start;
  return pb.lastMonth - pa.lastMonth;
}

/** A canonical period for people: "2. halvår 2026", "3. kvartal 2026", "november 2026"; "H2 2026", "Q3 2026", "November 2026". */
export function periodLabel(period: string, locale: Locale): string {
  const parts = periodParts(period);
  if (!parts) return period;
  const danish = locale === 'da-DK';
  switch (parts.kind) {
    case 'year':
      return String(parts.year);
    case 'half':
      return danish ? `${parts.index}. halvår ${parts.year}` : `H${parts.index} ${parts.year}`;
    case 'quarter':
      return danish ? `${parts.index}. kvartal ${parts.year}` : `Q${parts.index} ${parts.year}`;
    default:
      return `${(danish ? MONTHS_DA : MONTHS_EN)[parts.index - 1]} ${parts.year}`;
  }
}

export type IndicatorTrend = 'better' | 'worse' | 'same' | 'none';

/**
 * An indicator's latest value, the one before it (the latest earlier period of the same length: a
 * quarter is compared with a quarter) and the direction since. Pass one unit's values; values of other
 * indicators are ignored. `change` is latest − previous.
 */
export function latestWithTrend(
  values: IIndicatorValue[],
  indicator: IIndicator,
): { latest?: IIndicatorValue; previous?: IIndicatorValue; change?: number; trend: IndicatorTrend } {
  const own = values.filter((value) => value.indicatorKey === indicator.key && periodParts(value.period));
  if (own.length === 0) return { trend: 'none' };
  own.sort((a, b) => comparePeriods(a.period, b.period));
  const latest = own[own.length - 1];
  const kind = periodParts(latest.period)?.kind;
  let previous: IIndicatorValue | undefined;
  for (let i = own.length - 2; i >= 0 && !previous; i--) {
    const candidate = own[i];
    if (periodParts(candidate.period)?.kind === kind && comparePeriods(candidate.period, latest.period) < 0) {
      previous = candidate;
    }
  }
  if (!previous) return { latest, trend: 'none' };
  // Rounded so that 4.1 − 3.9 reads 0.2, not 0.19999999999999973.
  const change = Math.round((latest.value - previous.value) * 1e9) / 1e9;
  const trend: IndicatorTrend =
    change === 0 ? 'same' : isBetter(indicator.direction, latest.value, previous.value) ? 'better' : 'worse';
  return { latest, previous, change, trend };
}
