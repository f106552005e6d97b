import {
  addDays,
  daysBetween,
  formatDate,
  isoWeek,
  isoWeekOf,
  isValidIsoDate,
  today,
  toIsoDate,
} from '../../src/domain';
import { parseTypedDate } from '../../src/domain/typedDate';
import { formatWeek } from '../../src/ui/shell/texts';
import { danish, english } from '../support/strings';

describe('dates are shown the Danish way', () => {
  it('formats a calendar date as 27.11.2026 in Danish and 11/27/2026 in English', () => {
    expect(formatDate('2026-11-27')).toBe('27.11.2026');
    expect(formatDate('2026-11-27', 'da-DK')).toBe('27.11.2026');
    expect(formatDate('2026-11-27', 'en-US')).toBe('11/27/2026');
  });

  it('shows a date-time as its date in Copenhagen', () => {
    expect(formatDate('2026-11-27T23:30:00Z')).toBe('28.11.2026');
    expect(formatDate(new Date('2026-06-30T22:30:00Z'))).toBe('01.07.2026');
  });

  it('returns an empty string for nothing or nonsense, so a view never breaks', () => {
    expect(formatDate(undefined)).toBe('');
    expect(formatDate('')).toBe('');
    expect(formatDate('not a date')).toBe('');
  });

  it("formats week numbers as 'uge 48' and 'week 48'", () => {
    expect(formatWeek(danish, '2026-11-27')).toBe('uge 48');
    expect(formatWeek(english, '2026-11-27', 'en-US')).toBe('week 48');
  });
});

describe('ISO week numbers around the new year', () => {
  it.each([
    ['2020-12-31', 2020, 53],
    ['2021-01-01', 2020, 53],
    ['2021-01-03', 2020, 53],
    ['2021-01-04', 2021, 1],
    ['2024-12-29', 2024, 52],
    ['2024-12-30', 2025, 1],
    ['2025-12-28', 2025, 52],
    ['2025-12-29', 2026, 1],
    ['2026-01-01', 2026, 1],
    ['2026-12-31', 2026, 53],
    ['2027-01-03', 2026, 53],
    ['2027-01-04', 2027, 1],
  ])('%s is in week %i/%i', (date, year, week) => {
    expect(isoWeekOf(date)).toEqual({ year, week });
    expect(isoWeek(date)).toBe(week);
  });

  it('reads a Date in Copenhagen time, not UTC', () => {
    // Saturday 3 Jan 2026 23:30 UTC is Sunday 4 Jan 00:30 in Copenhagen — still week 1.
    expect(isoWeek(new Date('2026-01-03T23:30:00Z'))).toBe(1);
    // Sunday 4 Jan 23:30 UTC is Monday 5 Jan in Copenhagen — week 2.
    expect(isoWeek(new Date('2026-01-04T23:30:00Z'))).toBe(2);
  });
});

describe('today is the calendar date in Copenhagen at a given instant', () => {
  it('changes at midnight Copenhagen time', () => {
    expect(today(new Date('2026-12-31T22:59:59Z'))).toBe('2026-12-31');
    expect(today(new Date('2026-12-31T23:00:00Z'))).toBe('2027-01-01');
    expect(toIsoDate(new Date('2026-12-31T23:00:00Z'), 'UTC')).toBe('2026-12-31');
  });
});

describe('calendar arithmetic', () => {
  it('validates YYYY-MM-DD dates including leap days', () => {
    expect(isValidIsoDate('2028-02-29')).toBe(true);
    expect(isValidIsoDate('2026-02-29')).toBe(false);
    expect(isValidIsoDate('2100-02-29')).toBe(false);
    expect(isValidIsoDate('2000-02-29')).toBe(true);
    expect(isValidIsoDate('2026-13-01')).toBe(false);
    expect(isValidIsoDate('27.11.2026')).toBe(false);
  });

  it('adds days across month and year ends and counts days between dates', () => {
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2028-03-01', -1)).toBe('2028-02-29');
    expect(daysBetween('2026-03-28', '2026-03-30')).toBe(2);
    expect(daysBetween('2026-01-10', '2026-01-01')).toBe(-9);
  });
});

describe('typed dates are read the Danish way', () => {
  const TODAY = '2026-03-15';

  it.each([
    ['24.12.2026'],
    ['24/12-2026'],
    ['24-12-26'],
    ['24-12-2026'],
    ['24.12.26'],
    ['24/12/2026'],
    ['2026-12-24'],
    ['  24.12.2026  '],
    ['24.12.2026.'],
  ])('reads %p as 24 December 2026', (text) => {
    expect(parseTypedDate(text, TODAY)).toEqual({ date: '2026-12-24' });
  });

  it('reads days and months with or without leading zeros', () => {
    expect(parseTypedDate('1.2.2027', TODAY)).toEqual({ date: '2027-02-01' });
    expect(parseTypedDate('01.02.2027', TODAY)).toEqual({ date: '2027-02-01' });
    expect(parseTypedDate('5/3-27', TODAY)).toEqual({ date: '2027-03-05' });
    expect(parseTypedDate('2027-2-1', TODAY)).toEqual({ date: '2027-02-01' });
  });

  it('puts a two-digit year in this century and a date without a year in the year of today', () => {
    expect(parseTypedDate('1.1.00', TODAY)).toEqual({ date: '2000-01-01' });
    expect(parseTypedDate('31.12.99', TODAY)).toEqual({ date: '2099-12-31' });
    expect(parseTypedDate('24.12', TODAY)).toEqual({ date: '2026-12-24' });
  });

  it('says that a day or month that is not in the calendar does not exist', () => {
    expect(parseTypedDate('31.11.2026', TODAY)).toEqual({ error: 'dateNotExist' });
    expect(parseTypedDate('29.02.2027', TODAY)).toEqual({ error: 'dateNotExist' });
    expect(parseTypedDate('29.02.2100', TODAY)).toEqual({ error: 'dateNotExist' });
    expect(parseTypedDate('0.1.2026', TODAY)).toEqual({ error: 'dateNotExist' });
    expect(parseTypedDate('12.13.2026', TODAY)).toEqual({ error: 'dateNotExist' });
    expect(parseTypedDate('2026-02-30', TODAY)).toEqual({ error: 'dateNotExist' });
  });

  it('accepts 29 February in leap years', () => {
    expect(parseTypedDate('29.02.2028', TODAY)).toEqual({ date: '2028-02-29' });
    expect(parseTypedDate('29/2-24', TODAY)).toEqual({ date: '2024-02-29' });
    expect(parseTypedDate('29.2.2000', TODAY)).toEqual({ date: '2000-02-29' });
  });

  it('says that text which is not a date cannot be read', () => {
    for (const text of ['', '   ', 'i morgen', '24 12 2026', '24.12.202', '12/24/2026x', '2026/12/24', '24..12.2026']) {
      expect(parseTypedDate(text, TODAY)).toEqual({ error: 'dateUnreadable' });
    }
  });
});
