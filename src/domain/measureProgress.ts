/**
 * An indsats's progress from its measurable success criterion: 0–100 along the way from baseline to target, the
 * latest measured value, the straight line to the target and whether the latest value is on it. Apart from
 * `measurements.ts` (which re-exports these) so a first view can show progress without the rest of Målinger.
 */
import { compareIsoDates, daysBetween, isValidIsoDate } from './dates';
import type { IMeasure, IMeasuredValue, MeasureDirection } from './measurements';
import type { IsoDate } from './model';

/** Whether `a` is better than `b` in a direction. */
export function isBetter(direction: MeasureDirection, a: number, b: number): boolean {
  return direction === 'higher' ? a > b : a < b;
}

function clamp(value: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, value));
}

/**
 * How far an indsats has come, 0–100: 0 at the baseline, 100 at the target, in either direction
 * ("lower is better" too). A value beyond the target is 100, one worse than the baseline 0; no value 0.
 */
export function progressOf(measure: IMeasure, latest: IMeasuredValue | undefined): number {
  if (!latest || !isFinite(latest.value)) return 0;
  const span = measure.target.value - measure.baseline.value;
  if (span === 0) return 0;
  const percent = ((latest.value - measure.baseline.value) / span) * 100;
  // Rounded to 9 decimals first, so that 65.1 of 60 → 80 is 25.5 (→ 26), not 25.4999….
  return Math.round(clamp(Math.round(percent * 1e9) / 1e9, 0, 100));
}

/** The latest of some measured values dated on or before `today` (the latest date wins; ties: the last given). */
export function latestValue(values: IMeasuredValue[], today?: IsoDate): IMeasuredValue | undefined {
  let latest: IMeasuredValue | undefined;
  for (const value of values) {
    if (!isValidIsoDate(value.date) || !isFinite(value.value)) continue;
    if (today && compareIsoDates(value.date, today) > 0) continue;
    if (!latest || compareIsoDates(value.date, latest.date) >= 0) latest = value;
  }
  return latest;
}

/** The value the straight line from baseline to target expects on a date (the target after its date). */
export function expectedValueOn(measure: IMeasure, date: IsoDate): number {
  const total = daysBetween(measure.baseline.date, measure.target.date);
  const gone = clamp(daysBetween(measure.baseline.date, date), 0, total);
  const span = measure.target.value - measure.baseline.value;
  return total <= 0 ? measure.target.value : measure.baseline.value + (span * gone) / total;
}

/**
 * Whether the latest value (on or before `today`) is at or beyond the straight line from baseline to
 * target on the date it was measured. Undefined when there is no value to judge by.
 */
export function isOnTrack(measure: IMeasure, values: IMeasuredValue[], today: IsoDate): boolean | undefined {
  const latest = latestValue(values, today);
  if (!latest) return undefined;
  const expected = expectedValueOn(measure, latest.date);
  const tolerance = Math.abs(measure.target.value - measure.baseline.value) * 1e-9;
  return measure.direction === 'higher' ? latest.value >= expected - tolerance : latest.value <= expected + tolerance;
}
