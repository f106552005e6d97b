/**
 * The words around a typed date, shared by the date picker (`DateField`) and the first views' light date input:
 * a date field holds `YYYY-MM-DD`, '' for no date, or the text someone typed that is not a date.
 */
import { isValidIsoDate, toIsoDate } from '../../domain/dates';
import { parseTypedDate } from '../../domain/typedDate';
import type { IsoDate } from '../../domain/model';
import { fill } from './strings';

/** Today in Copenhagen: what a typed date without a year belongs to. */
export function todayIso(): IsoDate {
  return toIsoDate(new Date());
}

/** What a date field hands its form for typed text: the date, '' for nothing, or the text itself (never a date). */
export function typedValue(text: string): string {
  const trimmed = text.trim();
  if (!trimmed) return '';
  return parseTypedDate(trimmed, todayIso()).date ?? trimmed;
}

/**
 * The message for a date field's value when it is typed text that is not a date ("Startdato: 31.11.2026 findes
 * ikke i kalenderen …"); undefined for a date or nothing.
 */
export function typedDateMessage(strings: IMpkDateStrings, label: string, value: string): string | undefined {
  if (!value || isValidIsoDate(value)) return undefined;
  const error = parseTypedDate(value, todayIso()).error ?? 'dateUnreadable';
  return fill(error === 'dateNotExist' ? strings.notExist : strings.unreadable, { label, text: value });
}
