import * as React from 'react';
import { makeStyles, Text, tokens, useId } from '@fluentui/react-components';
import { daysBetween, formatDate, isValidIsoDate } from '../../domain/dates';
import { type Locale } from '../../domain/locale';
import { HEALTHS, type ICheckIn } from '../../domain/model';
import { fill, useStrings } from '../shell/strings';
import { CHART_FRAME, useChartFrameStyles } from './chartFrame';
import { HealthShape } from './HealthBadge';
import { labelOf } from '../shell/texts';

/** Props of {@link CheckInChart}. */
export interface ICheckInChartProps {
  /** One initiative's check-ins, oldest first. */
  checkIns: readonly ICheckIn[];
  locale: Locale;
}

const { width: WIDTH, height: HEIGHT, right: RIGHT, top: TOP, bottom: BOTTOM } = CHART_FRAME;
const LEFT = 40;

const useStyles = makeStyles({
  grid: { stroke: tokens.colorNeutralStroke2, strokeWidth: '1px' },
});

/** Where each check-in sits: x by date (evenly when all share one date), y by progress. */
export function chartPoints(checkIns: readonly ICheckIn[]): Array<{ x: number; y: number; checkIn: ICheckIn }> {
  const plotWidth = WIDTH - LEFT - RIGHT;
  const plotHeight = HEIGHT - TOP - BOTTOM;
  const dated = checkIns.filter((c) => isValidIsoDate(c.date));
  if (dated.length === 0) return [];
  const span = daysBetween(dated[0].date, dated[dated.length - 1].date);
  return dated.map((checkIn, index) => {
    const share =
      span > 0 ? daysBetween(dated[0].date, checkIn.date) / span : dated.length > 1 ? index / (dated.length - 1) : 0.5;
    const progress = Math.max(0, Math.min(100, Number(checkIn.progress) || 0));
    return { x: LEFT + share * plotWidth, y: TOP + plotHeight * (1 - progress / 100), checkIn };
  });
}

/**
 * An initiative's check-ins over time: progress as a line, each check-in a dot whose shape tells
 * its health. Loaded lazily (`mpk-chart`); the same facts are listed as text beside it.
 */
export default function CheckInChart(props: ICheckInChartProps): JSX.Element {
  const mpkStrings = useStrings();
  const strings = useStrings().plan.checkIn;
  const styles = { ...useChartFrameStyles(), ...useStyles() };
  const titleId = useId('mpk-chart-title');
  const descId = useId('mpk-chart-desc');
  const points = chartPoints(props.checkIns);
  if (points.length === 0) return <Text>{strings.none}</Text>;

  const first = points[0].checkIn;
  const last = points[points.length - 1].checkIn;
  const summary = fill(strings.chartSummary, {
    first: first.progress,
    firstDate: formatDate(first.date, props.locale),
    last: last.progress,
    lastDate: formatDate(last.date, props.locale),
    count: points.length,
    health: labelOf(mpkStrings, 'health', last.health),
  });
  const plotBottom = HEIGHT - BOTTOM;

  return (
    <figure className={styles.figure}>
      <svg
        viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
        className={styles.svg}
        role="img"
        aria-labelledby={`${titleId} ${descId}`}
        focusable="false"
      >
        <title id={titleId}>{strings.chartTitle}</title>
        <desc id={descId}>{summary}</desc>
        {[0, 50, 100].map((value) => {
          const y = TOP + (HEIGHT - TOP - BOTTOM) * (1 - value / 100);
          return (
            <g key={value}>
              <line x1={LEFT} x2={WIDTH - RIGHT} y1={y} y2={y} className={value === 0 ? styles.axis : styles.grid} />
              <text x={LEFT - 6} y={y + 4} textAnchor="end" className={styles.label}>
                {`${value} %`}
              </text>
            </g>
          );
        })}
        <line x1={LEFT} x2={LEFT} y1={TOP} y2={plotBottom} className={styles.axis} />
        {points.length > 1 && (
          <polyline points={points.map((p) => `${p.x},${p.y}`).join(' ')} className={styles.line} />
        )}
        {points.map((p) => (
          <g key={p.checkIn.id ?? `${p.checkIn.date}-${p.x}`}>
            <HealthShape health={p.checkIn.health} cx={p.x} cy={p.y} r={6} />
            <title>
              {fill(strings.chartPoint, {
                date: formatDate(p.checkIn.date, props.locale),
                health: labelOf(mpkStrings, 'health', p.checkIn.health),
                progress: p.checkIn.progress,
              })}
            </title>
          </g>
        ))}
        <text
          x={points.length > 1 ? LEFT : points[0].x}
          y={HEIGHT - 8}
          textAnchor={points.length > 1 ? 'start' : 'middle'}
          className={styles.label}
        >
          {formatDate(first.date, props.locale)}
        </text>
        {points.length > 1 && (
          <text x={WIDTH - RIGHT} y={HEIGHT - 8} textAnchor="end" className={styles.label}>
            {formatDate(last.date, props.locale)}
          </text>
        )}
      </svg>
      <figcaption>
        <ul className={styles.legend} aria-label={strings.legend}>
          {HEALTHS.map((health) => (
            <li key={health} className={styles.legendItem}>
              <svg width="14" height="14" viewBox="0 0 14 14" aria-hidden="true" focusable="false">
                <HealthShape health={health} cx={7} cy={7} r={5} />
              </svg>
              <Text size={200}>
                {fill(strings.legendItem, {
                  shape: strings.shapes[health],
                  health: labelOf(mpkStrings, 'health', health),
                })}
              </Text>
            </li>
          ))}
        </ul>
      </figcaption>
    </figure>
  );
}
