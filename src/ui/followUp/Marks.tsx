import * as React from 'react';
import { mergeClasses } from '@fluentui/react-components';
import { type Locale } from '../../domain/locale';
import type { Health, Trend } from '../../domain/model';
import { useStrings, fill } from '../shell/strings';
import { useMarkStyles } from './useFollowUpStyles.styles';
import { own } from '../../domain/dict';
import { labelOf } from '../shell/texts';

/** Props of {@link HealthMark}. */
export interface IHealthMarkProps {
  /** Undefined: no check-in yet. */
  health?: Health;
  locale: Locale;
  /** The word(s) shown, with `{health}` for the label, e.g. "Vurdering: {health}". @default '{health}' */
  template?: string;
  /** Shown when there is no health. */
  noneText: string;
}

/** The shape of each health, so it reads without colour: circle green, triangle yellow, square red. */
function HealthShape(props: { health?: Health; className: string }): JSX.Element {
  switch (props.health) {
    case 'green':
      return (
        <svg viewBox="0 0 12 12" className={props.className} aria-hidden="true" focusable="false">
          <circle cx="6" cy="6" r="5.5" />
        </svg>
      );
    case 'yellow':
      return (
        <svg viewBox="0 0 12 12" className={props.className} aria-hidden="true" focusable="false">
          <polygon points="6,0.5 11.5,11.5 0.5,11.5" />
        </svg>
      );
    case 'red':
      return (
        <svg viewBox="0 0 12 12" className={props.className} aria-hidden="true" focusable="false">
          <rect x="0.5" y="0.5" width="11" height="11" />
        </svg>
      );
    default:
      return (
        <svg viewBox="0 0 12 12" className={props.className} aria-hidden="true" focusable="false">
          <circle cx="6" cy="6" r="5" strokeWidth="1" strokeDasharray="2 2" />
        </svg>
      );
  }
}

/** A health as shape + word (+ colour): "■ Rød". */
export function HealthMark(props: IHealthMarkProps): JSX.Element {
  const mpkStrings = useStrings();
  const styles = useMarkStyles();
  const label = props.health ? labelOf(mpkStrings, 'health', props.health) : props.noneText;
  const colour = (props.health && own(styles, props.health)) || styles.none;
  return (
    <span className={styles.mark}>
      <HealthShape health={props.health} className={mergeClasses(styles.shape, colour)} />
      <span>{props.health ? fill(props.template || '{health}', { health: label }) : label}</span>
    </span>
  );
}

const TREND_ARROWS: Record<Trend, string> = { better: '↑', same: '→', worse: '↓', unknown: '–' };

/** Props of {@link TrendMark}. */
export interface ITrendMarkProps {
  trend: Trend;
  locale: Locale;
  /** e.g. "Udvikling: {trend}". @default '{trend}' */
  template?: string;
}

/** A trend as arrow + word: "↓ Dårligere". */
export function TrendMark(props: ITrendMarkProps): JSX.Element {
  const mpkStrings = useStrings();
  const styles = useMarkStyles();
  const colour = props.trend === 'better' ? styles.green : props.trend === 'worse' ? styles.red : undefined;
  return (
    <span className={styles.mark}>
      <span aria-hidden="true" className={mergeClasses(styles.arrow, colour)}>
        {TREND_ARROWS[props.trend] || TREND_ARROWS.unknown}
      </span>
      <span>{fill(props.template || '{trend}', { trend: labelOf(mpkStrings, 'trend', props.trend) })}</span>
    </span>
  );
}
