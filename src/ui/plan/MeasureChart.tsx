import * as React from 'react';
import { makeStyles, Text, tokens, useId } from '@fluentui/react-components';
import { compareIsoDates, daysBetween, formatDate, isValidIsoDate, toIsoDate } from '../../domain/dates';
import type { Locale } from '../../domain/locale';
import type { IMeasure, IMeasuredValue } from '../../domain/measurements';
import { expectedValueOn, isOnTrack, latestValue } from '../../domain/measureProgress';
import { fill, useStrings } from '../shell/strings';
import { CHART_FRAME, useChartFrameStyles } from './chartFrame';
import { measureNumber, measureUnitText } from '../measurements/measureText';

/** Props of {@link MeasureChart}. */
export interface IMeasureChartProps {
  measure: IMeasure;
  /** The values measured (any order). */
  values: readonly IMeasuredValue[];
  locale: Locale;
  /** Today, for "on track" (a value dated later is drawn but not judged). */
  today: Date;
}

const { width: WIDTH, height: HEIGHT, right: RIGHT, top: TOP, bottom: BOTTOM } = CHART_FRAME;
const LEFT = 48;

const useStyles = makeStyles({
  target: { fill: 'none', stroke: tokens.colorNeutralForeground3, strokeWidth: '2px', strokeDasharray: '6 4' },
  dot: { fill: tokens.colorBrandForeground1, stroke: tokens.colorNeutralBackground1, strokeWidth: '1px' },
  table: {
    borderCollapse: 'collapse',
    fontSize: tokens.fontSizeBase200,
    '& th, & td': {
      textAlign: 'left',
      padding: `${tokens.spacingVerticalXXS} ${tokens.spacingHorizontalS}`,
      borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    },
  },
  caption: { textAlign: 'left', fontWeight: tokens.fontWeightSemibold, paddingBottom: tokens.spacingVerticalXXS },
});

/** Where a date and a value sit in the chart, given the dates and values it spans. */
function scales(
  measure: IMeasure,
  values: readonly IMeasuredValue[],
): { x(date: string): number; y(value: number): number; low: number; high: number; from: string; to: string } {
  const dates = [measure.baseline.date, measure.target.date].concat(values.map((v) => v.date)).sort(compareIsoDates);
  const from = dates[0];
  const to = dates[dates.length - 1];
  const numbers = [measure.baseline.value, measure.target.value].concat(values.map((v) => v.value));
  const low = Math.min(...numbers);
  const high = Math.max(...numbers);
  const span = daysBetween(from, to);
  const plotWidth = WIDTH - LEFT - RIGHT;
  const plotHeight = HEIGHT - TOP - BOTTOM;
  return {
    x: (date) => LEFT + (span > 0 ? daysBetween(from, date) / span : 0.5) * plotWidth,
    y: (value) => TOP + plotHeight * (high > low ? 1 - (value - low) / (high - low) : 0.5),
    low,
    high,
    from,
    to,
  };
}

/**
 * An initiative's measured values over time against the straight line from baseline to target.
 * Loaded lazily with the check-in chart (`mpk-chart`); the figure is described in one sentence and its
 * values are in a table beside it.
 */
export default function MeasureChart(props: IMeasureChartProps): JSX.Element | null {
  const strings = useStrings().measurements;
  const styles = { ...useChartFrameStyles(), ...useStyles() };
  const titleId = useId('mpk-measure-title');
  const descId = useId('mpk-measure-desc');
  const { measure, locale } = props;
  const values = props.values
    .filter((v) => isValidIsoDate(v.date) && isFinite(v.value))
    .slice()
    .sort((a, b) => compareIsoDates(a.date, b.date));
  if (values.length === 0) return null;

  const unit = measureUnitText(strings, measure.unit);
  const number = (value: number): string => measureNumber(value, locale);
  const today = toIsoDate(props.today);
  const latest = latestValue(values, today) ?? values[values.length - 1];
  const track = isOnTrack(measure, values, today);
  const summary = fill(strings.chartSummary, {
    baseline: number(measure.baseline.value),
    baselineDate: formatDate(measure.baseline.date, locale),
    target: number(measure.target.value),
    targetDate: formatDate(measure.target.date, locale),
    unit,
    count: values.length,
    latest: number(latest.value),
    latestDate: formatDate(latest.date, locale),
    track: track === undefined ? strings.noValue : track ? strings.onTrack : strings.offTrack,
  });
  const scale = scales(measure, values);
  const points = values.map((v) => ({ x: scale.x(v.date), y: scale.y(v.value), value: v }));
  const plotBottom = HEIGHT - BOTTOM;

  return (
    <figure className={styles.figure}>
      <Text weight="semibold" size={200}>{`${measure.what} (${unit})`}</Text>
      <svg
        viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
        className={styles.svg}
        role="img"
        aria-labelledby={`${titleId} ${descId}`}
        focusable="false"
      >
        <title id={titleId}>{strings.chartTitle}</title>
        <desc id={descId}>{summary}</desc>
        {[scale.low, scale.high].map((value, index) => (
          <text key={index} x={LEFT - 6} y={scale.y(value) + 4} textAnchor="end" className={styles.label}>
            {number(value)}
          </text>
        ))}
        <line x1={LEFT} x2={LEFT} y1={TOP} y2={plotBottom} className={styles.axis} />
        <line x1={LEFT} x2={WIDTH - RIGHT} y1={plotBottom} y2={plotBottom} className={styles.axis} />
        <line
          x1={scale.x(measure.baseline.date)}
          y1={scale.y(measure.baseline.value)}
          x2={scale.x(measure.target.date)}
          y2={scale.y(measure.target.value)}
          className={styles.target}
        />
        {points.length > 1 && (
          <polyline points={points.map((p) => `${p.x},${p.y}`).join(' ')} className={styles.line} />
        )}
        {points.map((p, index) => (
          <circle key={`${p.value.date}-${index}`} cx={p.x} cy={p.y} r={4} className={styles.dot}>
            <title>
              {fill(strings.chartPoint, { date: formatDate(p.value.date, locale), value: number(p.value.value), unit })}
            </title>
          </circle>
        ))}
        <text x={LEFT} y={HEIGHT - 8} textAnchor="start" className={styles.label}>
          {formatDate(scale.from, locale)}
        </text>
        <text x={WIDTH - RIGHT} y={HEIGHT - 8} textAnchor="end" className={styles.label}>
          {formatDate(scale.to, locale)}
        </text>
      </svg>
      <figcaption>
        <ul className={styles.legend}>
          <li className={styles.legendItem}>
            <svg width="24" height="10" viewBox="0 0 24 10" aria-hidden="true" focusable="false">
              <line x1={0} x2={24} y1={5} y2={5} className={styles.line} />
            </svg>
            <Text size={200}>{strings.measuredValues}</Text>
          </li>
          <li className={styles.legendItem}>
            <svg width="24" height="10" viewBox="0 0 24 10" aria-hidden="true" focusable="false">
              <line x1={0} x2={24} y1={5} y2={5} className={styles.target} />
            </svg>
            <Text size={200}>{strings.targetLine}</Text>
          </li>
        </ul>
      </figcaption>
      <table className={styles.table}>
        <caption className={styles.caption}>{strings.tableCaption}</caption>
        <thead>
          <tr>
            <th scope="col">{strings.columns.date}</th>
            <th scope="col">{strings.columns.value}</th>
            <th scope="col">{strings.columns.expected}</th>
          </tr>
        </thead>
        <tbody>
          {values.map((v, index) => (
            <tr key={`${v.date}-${index}`}>
              <th scope="row">{formatDate(v.date, locale)}</th>
              <td>{`${number(v.value)} ${unit}`}</td>
              <td>{`${number(Math.round(expectedValueOn(measure, v.date) * 10) / 10)} ${unit}`}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}
