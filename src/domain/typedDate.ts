/**
 * Dates as people in Denmark type them. Apart from `dates.ts` so that only what reads typed dates carries the
 * parser (a module's exports go wherever the module goes: `dates.ts` is in every first view).
 */
import type { IsoDate } from './model';
import { isValidCalendarDate, parseIsoDate, toIsoDateString } from './dates';

/** Why a typed date could not be read: no such day in the calendar (31.11.2026), or not a date at all. */
export type TypedDateError = 'dateNotExist' | 'dateUnreadable';

/** A typed date read as `YYYY-MM-DD`, or why it could not be. */
export type TypedDate = { date: IsoDate; error?: undefined } | { date?: undefined; error: TypedDateError };

// Day, month and an optional year (2 or 4 digits), separated by ".", "/" or "-" in any mix: 24.12.2026, 24/12-2026, 24-12-26.
const DAY_FIRST = /^(\d{1,2})[./-](\d{1,2})(?:[./-](\d{2}|\d{4}))?\.?$/;
const YEAR_FIRST = /^(\d{4})-(\d{1,2})-(\d{1,2})$/;

/**
 * Reads a date as people in Denmark type it: `24.12.2026`, `24/12-2026`, `24-12-26`, `24.12.26`, `24/12/2026`,
 * `2026-12-24`, with or without leading zeros; a two-digit year is 20xx, and a date without a year (`24.12`) is in
 * the year of `today`. A day or month that does not exist (`31.11.2026`, `29.02.2027`) is `dateNotExist`; anything
 * else that is not a date is `dateUnreadable`. Empty text is not a date either: callers treat it as "no date".
 */
export function parseTypedDate(text: string, today: IsoDate): TypedDate {
  const trimmed = text.trim();
  let parts: [number, number, number] | undefined;
  const yearFirst = YEAR_FIRST.exec(trimmed);
  if (yearFirst) parts = [Number(yearFirst[1]), Number(yearFirst[2]), Number(yearFirst[3])];
  const dayFirst = parts ? undefined : DAY_FIRST.exec(trimmed);
  if (dayFirst) {
    const year = dayFirst[3] === undefined ? (parseIsoDate(today) ?? { year: 2000 }).year : Number(dayFirst[3]);
    parts = [year < 100 ? 2000 + year : year, Number(dayFirst[2]), Number(dayFirst[1])];
  }
  if (!parts) return { error: 'dateUnreadable' };
  const [year, month, day] = parts;
  return isValidCalendarDate(year, month, day)
    ? { date: toIsoDateString({ year, month, day }) }
    : { error: 'dateNotExist' };
}
