/**
 * Dates as the municipality sees them: calendar dates in Europe/Copenhagen, formatted through Intl
 * ("27.11.2026"; the week number for "uge 48"). Nothing here reads the clock — callers pass `now`, so tests can fix it.
 */
import type { IsoDate } from './model';
import { DEFAULT_LOCALE, type Locale } from './locale';

/** The time zone every "today", "overdue" and week number is computed in. */
export const TIME_ZONE = 'Europe/Copenhagen';

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const MS_PER_DAY = 86400000;

/** A calendar date split into its parts; `month` is 1–12. */
export interface ICalendarDate {
  year: number;
  month: number;
  day: number;
}

/** Gregorian leap year. */
export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/** Number of days in a month (1–12) of a year. */
export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/** Whether year/month/day name a real calendar day. */
export function isValidCalendarDate(year: number, month: number, day: number): boolean {
  return (
    Number.isInteger(year) &&
    Number.isInteger(month) &&
    Number.isInteger(day) &&
    month >= 1 &&
    month <= 12 &&
    day >= 1 &&
    day <= daysInMonth(year, month)
  );
}

/** The parts of a `YYYY-MM-DD` date, or undefined if it is not one (including 2026-02-30). */
export function parseIsoDate(value: string): ICalendarDate | undefined {
  const match = ISO_DATE.exec(value);
  if (!match) return undefined;
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  return isValidCalendarDate(year, month, day) ? { year, month, day } : undefined;
}

/** Whether a value is a real `YYYY-MM-DD` date. */
export function isValidIsoDate(value: unknown): value is IsoDate {
  return typeof value === 'string' && parseIsoDate(value) !== undefined;
}

function pad(value: number, length: number): string {
  let text = String(value);
  while (text.length < length) text = '0' + text;
  return text;
}

/** Formats calendar parts as `YYYY-MM-DD`. */
export function toIsoDateString(date: ICalendarDate): IsoDate {
  return `${pad(date.year, 4)}-${pad(date.month, 2)}-${pad(date.day, 2)}`;
}

const partsFormatters: Record<string, Intl.DateTimeFormat> = {};

function partsFormatter(timeZone: string): Intl.DateTimeFormat {
  if (!partsFormatters[timeZone]) {
    partsFormatters[timeZone] = new Intl.DateTimeFormat('en-US', {
      timeZone,
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
    });
  }
  return partsFormatters[timeZone];
}

/** The last answer of `toIsoDate`. */
let lastIsoDate: { ms: number; timeZone: string; date: IsoDate } | undefined;

/** The calendar date an instant falls on in a time zone (Europe/Copenhagen unless told). */
export function toIsoDate(instant: Date, timeZone: string = TIME_ZONE): IsoDate {
  const ms = instant.getTime();
  if (isNaN(ms)) throw new RangeError('toIsoDate: invalid Date');
  // The same instant is often asked for many times in a row (`today(now)` for every task of a list).
  if (lastIsoDate && lastIsoDate.ms === ms && lastIsoDate.timeZone === timeZone) return lastIsoDate.date;
  let year = 0;
  let month = 0;
  let day = 0;
  for (const part of partsFormatter(timeZone).formatToParts(instant)) {
    if (part.type === 'year') year = Number(part.value);
    else if (part.type === 'month') month = Number(part.value);
    else if (part.type === 'day') day = Number(part.value);
  }
  const date = toIsoDateString({ year, month, day });
  lastIsoDate = { ms, timeZone, date };
  return date;
}

/** Today's date in Copenhagen at the instant `now`. */
export function today(now: Date): IsoDate {
  return toIsoDate(now);
}

/** Orders two `YYYY-MM-DD` dates (negative when a is earlier). */
export function compareIsoDates(a: IsoDate, b: IsoDate): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function toUtcMs(date: ICalendarDate): number {
  return Date.UTC(date.year, date.month - 1, date.day);
}

function fromUtcMs(ms: number): ICalendarDate {
  const d = new Date(ms);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

function requireDate(value: IsoDate): ICalendarDate {
  const parsed = parseIsoDate(value);
  if (!parsed) throw new RangeError(`Not a YYYY-MM-DD date: "${value}"`);
  return parsed;
}

/** The date `days` calendar days after (or before, if negative) `date`. */
export function addDays(date: IsoDate, days: number): IsoDate {
  return toIsoDateString(fromUtcMs(toUtcMs(requireDate(date)) + days * MS_PER_DAY));
}

/** Whole calendar days from `from` to `to` (negative if `to` is earlier). */
export function daysBetween(from: IsoDate, to: IsoDate): number {
  return Math.round((toUtcMs(requireDate(to)) - toUtcMs(requireDate(from))) / MS_PER_DAY);
}

function calendarDateOf(date: Date | IsoDate): ICalendarDate {
  return typeof date === 'string' ? requireDate(date) : requireDate(toIsoDate(date));
}

/** The ISO 8601 week (Monday first; week 1 holds the year's first Thursday) and the year it belongs to. */
export function isoWeekOf(date: Date | IsoDate): { year: number; week: number } {
  const ms = toUtcMs(calendarDateOf(date));
  const weekday = (new Date(ms).getUTCDay() + 6) % 7; // Monday 0 … Sunday 6
  const thursday = new Date(ms + (3 - weekday) * MS_PER_DAY);
  const year = thursday.getUTCFullYear();
  const dayOfYear = Math.round((thursday.getTime() - Date.UTC(year, 0, 1)) / MS_PER_DAY);
  return { year, week: Math.floor(dayOfYear / 7) + 1 };
}

/** The ISO week number of a date (a `Date` is read in Copenhagen). */
export function isoWeek(date: Date | IsoDate): number {
  return isoWeekOf(date).week;
}

const dateFormatters: Record<string, Intl.DateTimeFormat> = {};

function dateFormatter(locale: Locale, timeZone: string): Intl.DateTimeFormat {
  const key = `${locale}|${timeZone}`;
  if (!dateFormatters[key]) {
    dateFormatters[key] = new Intl.DateTimeFormat(locale, {
      day: '2-digit',
      month: '2-digit',
      year: 'numeric',
      timeZone,
    });
  }
  return dateFormatters[key];
}

/**
 * A date for people to read: "27.11.2026" (da-DK), "11/27/2026" (en-US). Takes a `YYYY-MM-DD`
 * date, an ISO date-time (shown as its date in Copenhagen) or a `Date`; returns "" for nothing or
 * something unreadable, so a bad value never breaks a view.
 */
export function formatDate(value: IsoDate | string | Date | undefined | null, locale: Locale = DEFAULT_LOCALE): string {
  if (value === undefined || value === null || value === '') return '';
  if (typeof value === 'string') {
    const calendar = parseIsoDate(value);
    // A calendar date has no time zone: format it as is.
    if (calendar) return dateFormatter(locale, 'UTC').format(new Date(toUtcMs(calendar)));
    value = new Date(value);
  }
  if (isNaN(value.getTime())) return '';
  return dateFormatter(locale, TIME_ZONE).format(value);
}

const dayFormatters: Partial<Record<Locale, Intl.DateTimeFormat>> = {};

/**
 * A near day for a short line: "man. 7. dec." (da-DK), "Mon, Dec 7" (en-US). Takes a `YYYY-MM-DD` date; "" for
 * anything else.
 */
export function formatDay(value: IsoDate | undefined, locale: Locale = DEFAULT_LOCALE): string {
  const calendar = value ? parseIsoDate(value) : undefined;
  if (!calendar) return '';
  const formatter = (dayFormatters[locale] ??= new Intl.DateTimeFormat(locale, {
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    timeZone: 'UTC',
  }));
  return formatter.format(new Date(toUtcMs(calendar)));
}
