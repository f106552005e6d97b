import { describeError, errorsByField, type IValidationError, type Locale } from '../../domain';

/** The first message for each field, ready for Fluent's `<Field validationMessage>`. */
export function messagesByField(errors: readonly IValidationError[], locale: Locale): Record<string, string> {
  const grouped = errorsByField(errors);
  const result: Record<string, string> = {};
  for (const field of Object.keys(grouped)) {
    result[field.replace(/\[.*$/, '')] = describeError(grouped[field][0], locale);
  }
  return result;
}
