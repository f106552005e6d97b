import type { Locale } from '../../domain/locale';

/** "1 historie" / "3 historier": picks the plural form through Intl for the locale. */
export function plural(locale: Locale, count: number, one: string, other: string): string {
  const form = new Intl.PluralRules(locale).select(count) === 'one' ? one : other;
  return form.replace('{count}', new Intl.NumberFormat(locale).format(count));
}
