import * as React from 'react';
import type { DatePickerProps } from '@fluentui/react-datepicker-compat';
// The calendar of the date picker (its dependency, the same copy): the enums it takes.
import { DayOfWeek, FirstWeekOfYear } from '@fluentui/react-calendar-compat';
import { formatDate, isValidIsoDate, parseIsoDate, toIsoDateString } from '../../domain/dates';
import { parseTypedDate } from '../../domain/typedDate';
import type { IsoDate } from '../../domain/model';
import { useLocale } from './locale';
import { useStrings } from './strings';
import { todayIso, typedDateMessage, typedValue } from './dateText';

/** Props of {@link DateField}. */
export interface IDateFieldProps {
  label: string;
  /** `YYYY-MM-DD`, '' for no date, or typed text that is not a date (shown as typed, with a message). */
  value: string;
  /** Gets `YYYY-MM-DD`, '' or — for text that is not a date — the text, which the form's validation refuses. */
  onChange(value: string): void;
  required?: boolean;
  hint?: string;
  /** The form's message for the field; a typed date that cannot be read has its own, which comes first. */
  validationMessage?: string;
  /** The first and last date the calendar offers. */
  min?: IsoDate;
  max?: IsoDate;
  className?: string;
  /** Opens the calendar at once (when the field replaces a light input whose calendar button was pressed). */
  defaultOpen?: boolean;
}

/** Before every date a form takes: what the picker gets for typed text that is no date, so it keeps the text. */
const NO_DATE = new Date(1000, 0, 1);
const FIRST_DATE = new Date(1900, 0, 1);

/** A calendar date as the picker's local Date. */
export function dateOf(value: string | undefined): Date | undefined {
  const parts = value ? parseIsoDate(value) : undefined;
  return parts && new Date(parts.year, parts.month - 1, parts.day);
}

/** The picker's local Date as a calendar date. */
export function isoOf(date: Date): IsoDate {
  return toIsoDateString({ year: date.getFullYear(), month: date.getMonth() + 1, day: date.getDate() });
}

/**
 * The state of {@link DateField}: Fluent's DatePicker on the form's `YYYY-MM-DD` value, Danish words from the loc
 * files, Monday first and ISO week numbers. Typed text is read by `parseTypedDate`. Text that is not a date stays
 * in the field: the picker resets the text of a date it cannot parse and of a value that turns to null, so the
 * parser hands it a date before `minDate` (the picker then keeps the text) and the field gives the picker a
 * stand-in date that formats as the typed text while the form holds that text.
 */
export function useDateField(props: IDateFieldProps): {
  picker: DatePickerProps;
  message: string | undefined;
} {
  const strings = useStrings().dates;
  const locale = useLocale();
  const { value, onChange } = props;
  const typedError = !!value && !isValidIsoDate(value);
  // A date for an ISO value; for typed text a stand-in (today), recognised by identity in `format`.
  const selected = React.useMemo(() => (typedError ? new Date() : (dateOf(value) ?? null)), [typedError, value]);
  const format = React.useCallback(
    (date?: Date) => (!date ? '' : typedError && date === selected ? value : formatDate(isoOf(date), locale)),
    [typedError, selected, value, locale],
  );
  const parse = React.useCallback((text: string) => {
    const typed = parseTypedDate(text, todayIso());
    return typed.date ? (dateOf(typed.date) ?? NO_DATE) : NO_DATE;
  }, []);
  const calendarStrings = strings.calendar;
  const dateTimeFormatter = React.useMemo(() => {
    const long = new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'long', year: 'numeric' });
    const monthYear = new Intl.DateTimeFormat(locale, { month: 'long', year: 'numeric' });
    return {
      formatDay: (date: Date) => String(date.getDate()),
      formatMonth: (date: Date) => calendarStrings.months[date.getMonth()],
      formatYear: (date: Date) => String(date.getFullYear()),
      formatMonthDayYear: (date: Date) => long.format(date),
      formatMonthYear: (date: Date) => monthYear.format(date),
    };
  }, [locale, calendarStrings]);
  const commit = (text: string): void => {
    const next = typedValue(text);
    if (next !== value) onChange(next);
  };
  const picker: DatePickerProps = {
    value: selected,
    allowTextInput: true,
    // A click in the text is for typing; the calendar opens with its button, Alt+↓ or Enter.
    openOnClick: false,
    disableAutoFocus: true,
    firstDayOfWeek: DayOfWeek.Monday,
    firstWeekOfYear: FirstWeekOfYear.FirstFourDayWeek,
    showWeekNumbers: true,
    showMonthPickerAsOverlay: true,
    strings: calendarStrings,
    dateTimeFormatter,
    formatDate: format,
    parseDateFromString: parse,
    minDate: dateOf(props.min) ?? FIRST_DATE,
    maxDate: dateOf(props.max),
    placeholder: strings.placeholder,
    defaultOpen: props.defaultOpen,
    popupSurface: { 'aria-label': calendarStrings.label },
    contentAfter: { 'aria-label': strings.openCalendar, 'aria-labelledby': undefined },
    onSelectDate: (date) => {
      const next = date ? isoOf(date) : '';
      if (next !== value) onChange(next);
    },
    onBlur: (event) => commit(event.currentTarget.value),
    onKeyDown: (event) => {
      if (event.key === 'Enter') commit(event.currentTarget.value);
    },
  };
  return { picker, message: typedDateMessage(strings, props.label, value) ?? props.validationMessage };
}
