/** A measure's numbers and unit as people read them (the plan's card, check-in form and chart; the results' summary and the status report). */
import { formatDate } from '../../domain/dates';
import type { Locale } from '../../domain/locale';
import type { IMeasuredValue } from '../../domain/measurements';
import { fill } from '../shell/strings';

/** A built-in unit in words ("procent"); a unit of one's own as written. */
export function measureUnitText(strings: IMpkMeasurementStrings, unit: string): string {
  return Object.prototype.hasOwnProperty.call(strings.units, unit)
    ? (strings.units as Record<string, string>)[unit]
    : unit;
}

/** A measured number for the locale: "41", "12,5", "1.234,5". */
export function measureNumber(value: number, locale: Locale): string {
  return new Intl.NumberFormat(locale, { maximumFractionDigits: 6 }).format(value);
}

/** "Seneste måling: 41 point (12.11.2026)". */
export function latestText(
  strings: IMpkMeasurementStrings,
  unit: string,
  latest: IMeasuredValue,
  locale: Locale,
): string {
  return fill(strings.latest, {
    value: measureNumber(latest.value, locale),
    unit: measureUnitText(strings, unit),
    date: formatDate(latest.date, locale),
  });
}
