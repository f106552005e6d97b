/**
 * Codes in words: the domain and the data layer return codes (validation codes with params, stored
 * codes, `DataError.reason`, health findings); these functions word them with the strings of `src/loc`.
 * Each takes the strings object first (`useStrings()` in a component; the loaded loc file elsewhere).
 */
// Specific modules, not the domain's index: this file is in every first view (DataErrorMessage), and the
// index would bring the validators, the sanitiser and the seed texts along.
import { DEFAULT_LOCALE, type Locale } from '../../domain/locale';
import { errorsByField, isLabelGroup, type IValidationError, type LabelGroup } from '../../domain/messages';
import { isoWeek } from '../../domain/dates';
import type { IsoDate } from '../../domain/model';
import { isDataError } from '../../data/errors';
import { fill } from './strings';

/** The label of a stored code, or the code itself if it is unknown (e.g. a value added in SharePoint). */
export function labelOf(strings: Pick<IMpkStrings, 'labels'>, group: LabelGroup, code: string): string {
  const labels = strings.labels[group] as Record<string, string>;
  return Object.prototype.hasOwnProperty.call(labels, code) ? labels[code] : code;
}

function capitalise(text: string): string {
  // "»Vi vil«-punktet" starts with a quote mark: capitalise the first letter, not the first character.
  for (let i = 0; i < text.length; i++) {
    const upper = text[i].toUpperCase();
    if (upper !== text[i].toLowerCase()) return text.slice(0, i) + upper + text.slice(i + 1);
  }
  return text;
}

/**
 * The message for one validation error. Besides the error's own params it fills `{field}` (the field's
 * definite name: "titlen"), `{Field}` (capitalised) and `{it}` (its pronoun); numbers are formatted for
 * the locale, and the params `value`, `from`, `to` are shown through the labels of the group `enum` names.
 */
export function describeError(
  strings: Pick<IMpkStrings, 'validation' | 'labels'>,
  err: IValidationError,
  locale: Locale = DEFAULT_LOCALE,
  names: FieldNames = {},
): string {
  const fieldNames = { ...strings.validation.fields, ...names } as Record<string, IMpkFieldName>;
  // "leaderIds[2]" and "leaderIds" share a name.
  const baseField = err.field.replace(/\[.*$/, '');
  const field = Object.prototype.hasOwnProperty.call(fieldNames, baseField)
    ? fieldNames[baseField]
    : strings.validation.fallbackField;
  const numbers = new Intl.NumberFormat(locale);
  const params = err.params || {};
  const group = typeof params.enum === 'string' && isLabelGroup(params.enum) ? params.enum : undefined;

  const values: Record<string, string> = {};
  for (const name of Object.keys(params)) {
    const value = params[name];
    if (typeof value === 'number') values[name] = numbers.format(value);
    else if (group && (name === 'value' || name === 'from' || name === 'to'))
      values[name] = labelOf(strings, group, value);
    else values[name] = value;
  }
  values.field = field.definite;
  values.Field = capitalise(field.definite);
  values.it = field.pronoun;
  // A field whose label is a question says it its own way ("Vælg, hvordan det går.").
  const own = field.messages && Object.prototype.hasOwnProperty.call(field.messages, err.code);
  return fill(own ? (field.messages?.[err.code] as string) : strings.validation.messages[err.code], values);
}

/**
 * A form's own names for fields it labels differently from the shared names (the comment's `body` is
 * "Din kommentar", not "Historien"), so every message names the field as its label does.
 */
export type FieldNames = Partial<Record<string, IMpkFieldName>>;

/** All messages for a list of errors, in order. */
export function describeErrors(
  strings: Pick<IMpkStrings, 'validation' | 'labels'>,
  errors: readonly IValidationError[],
  locale: Locale = DEFAULT_LOCALE,
): string[] {
  return errors.map((err) => describeError(strings, err, locale));
}

/** The first message for each field, ready for Fluent's `<Field validationMessage>`. */
export function messagesByField(
  strings: Pick<IMpkStrings, 'validation' | 'labels'>,
  errors: readonly IValidationError[],
  locale: Locale,
  names: FieldNames = {},
): Record<string, string> {
  const grouped = errorsByField(errors);
  const result: Record<string, string> = {};
  for (const field of Object.keys(grouped)) {
    result[field.replace(/\[.*$/, '')] = describeError(strings, grouped[field][0], locale, names);
  }
  return result;
}

/** The text for an error: the words for a `DataError`'s reason, or `fallback` for anything else. */
export function dataErrorText(
  strings: Pick<IMpkStrings, 'dataErrors' | 'errorNotice'>,
  error: unknown,
  fallback: string = strings.errorNotice.unexpected,
): string {
  return isDataError(error) ? strings.dataErrors[error.reason] : fallback;
}

/** "uge 48" / "week 48". */
export function formatWeek(
  strings: Pick<IMpkStrings, 'dates'>,
  date: Date | IsoDate,
  locale: Locale = DEFAULT_LOCALE,
): string {
  return fill(strings.dates.week, { week: new Intl.NumberFormat(locale).format(isoWeek(date)) });
}
