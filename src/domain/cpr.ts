/**
 * The CPR-number guard: free text must never carry a personnummer.
 *
 * A match is DDMMYY + four digits, written the ways people type it ("010190-1234", "0101901234",
 * "010190 1234", "01.01.90-1234", "01 01 90 1234", with any dash: - – — ‑ −), where DDMMYY is a real
 * date in the century given by the 7th digit. Modulus 11 is deliberately not checked: since 2007 CPR
 * numbers are issued that fail it. Digits inside a longer number (a 12-digit account number, an EAN)
 * are not a match.
 */
import { isValidCalendarDate } from './dates';

const DASHES = '\\-\u2010\u2011\u2012\u2013\u2014\u2212\uFE63\uFF0D';
// Horizontal spaces only: a number split across two lines is not read as one.
const SPACES = ' \\t\u00A0\u2007\u2009\u202F';
const DATE_SEPARATOR = `[./${SPACES}${DASHES}]`;

/**
 * DD, MM and YY with the same separator (or none) between them; then optional spaces, at most one
 * dash and optional spaces; then the four digits — not followed by another digit, nor by a
 * separator and a digit (the number goes on).
 */
const CANDIDATE = new RegExp(
  `(\\d{2})(${DATE_SEPARATOR}?)(\\d{2})\\2(\\d{2})[${SPACES}]*(?:[${DASHES}][${SPACES}]*)?(\\d{4})(?!\\d)(?![./,${DASHES}]\\d)`,
  'g',
);

// Characters that are invisible but can sit inside a pasted number.
const INVISIBLE = /[\u00AD\u200B-\u200D\u2060\uFEFF]/g;

/**
 * The full birth year of a CPR number from its two-digit year and its 7th digit, per the CPR
 * office's table (0–3: 1900s; 4 and 9: 2000–2036 else 1900s; 5–8: 2000–2057 else 1858–1899).
 */
export function cprBirthYear(twoDigitYear: number, seventhDigit: number): number {
  if (seventhDigit <= 3) return 1900 + twoDigitYear;
  if (seventhDigit === 4 || seventhDigit === 9) return (twoDigitYear <= 36 ? 2000 : 1900) + twoDigitYear;
  return (twoDigitYear <= 57 ? 2000 : 1800) + twoDigitYear;
}

/** Whether the first seven digits of a CPR number give a real date of birth. */
function hasValidBirthDate(dd: string, mm: string, yy: string, serial: string): boolean {
  const year = cprBirthYear(Number(yy), Number(serial[0]));
  return isValidCalendarDate(year, Number(mm), Number(dd));
}

function isDigit(ch: string | undefined): boolean {
  return ch !== undefined && ch >= '0' && ch <= '9';
}

/** True when the match at `index` continues a number that starts before it ("12345.010190-1234"). */
function continuesNumberBefore(text: string, index: number): boolean {
  const before = text[index - 1];
  if (isDigit(before)) return true;
  return before !== undefined && '.,/'.indexOf(before) >= 0 && isDigit(text[index - 2]);
}

/**
 * The CPR numbers in a plain text, masked as "DDMMYY-XXXX" (in order of appearance, without
 * repeats). For rich text, pass `richTextToPlainText(html)`.
 */
export function findCprNumbers(text: string | undefined | null): string[] {
  if (!text) return [];
  const normalised = text.replace(INVISIBLE, '');
  const found: string[] = [];
  CANDIDATE.lastIndex = 0;
  let match: RegExpExecArray | null;
  while ((match = CANDIDATE.exec(normalised)) !== null) {
    const [, dd, , mm, yy, serial] = match;
    if (continuesNumberBefore(normalised, match.index) || !hasValidBirthDate(dd, mm, yy, serial)) {
      // Not a CPR number starting here; one may still start at a later digit inside this match.
      CANDIDATE.lastIndex = match.index + 1;
      continue;
    }
    const masked = `${dd}${mm}${yy}-XXXX`;
    if (found.indexOf(masked) < 0) found.push(masked);
  }
  return found;
}

/** Whether a plain text contains something that looks like a CPR number. */
export function containsCprNumber(text: string | undefined | null): boolean {
  return findCprNumbers(text).length > 0;
}
