import * as React from 'react';
import { makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import type { Locale } from '../../domain/locale';
import {
  isPublishable,
  latestWithTrend,
  periodLabel,
  type IIndicator,
  type IIndicatorValue,
  type IndicatorTrend,
} from '../../domain/measurements';
import { plural } from '../shell/plural';
import { visuallyHidden } from '../shell/sharedStyles';
import { fill, useStrings } from '../shell/strings';
import { measureUnitText } from './measureText';

/** Props of {@link IndicatorSummary}. */
export interface IIndicatorSummaryProps {
  indicators: IIndicator[];
  /** One unit's results, or several units' with `unitId` saying whose to show. */
  values: IIndicatorValue[];
  unitId?: number;
  locale: Locale;
  /** Smaller, for the chefgruppe's overview: the trend as an arrow (its words for screen readers). */
  compact?: boolean;
  /** In a table whose column names the indicator: its title for screen readers only. */
  titleHidden?: boolean;
}

/** The trend as an arrow (text, not an icon; hidden from screen readers, which hear the words). */
const ARROWS: Record<IndicatorTrend, string> = { better: '▲', worse: '▼', same: '▶', none: '' };

const useStyles = makeStyles({
  list: { margin: 0, display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalS },
  compact: { rowGap: tokens.spacingVerticalXXS, fontSize: tokens.fontSizeBase200 },
  item: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalXXS },
  title: { fontWeight: tokens.fontWeightSemibold, color: tokens.colorNeutralForeground1 },
  value: { margin: 0, color: tokens.colorNeutralForeground1 },
  detail: { margin: 0, color: tokens.colorNeutralForeground2 },
  better: { color: tokens.colorPaletteGreenForeground1 },
  worse: { color: tokens.colorPaletteRedForeground1 },
  hidden: visuallyHidden,
});

/** A number for people: at most two decimals, the locale's separators; `signed` adds "+" to a rise. */
function formatNumber(value: number, locale: Locale, signed = false): string {
  const options: Intl.NumberFormatOptions = { maximumFractionDigits: 2 };
  if (signed) options.signDisplay = 'exceptZero';
  return new Intl.NumberFormat(locale, options).format(value);
}

/** One indicator: its latest result (unless too few answered), the trend and the respondents. */
function IndicatorItem(props: {
  indicator: IIndicator;
  values: IIndicatorValue[];
  locale: Locale;
  compact?: boolean;
  titleHidden?: boolean;
}): JSX.Element {
  const m = useStrings().measurements;
  const styles = useStyles();
  const { indicator, locale } = props;
  const all = latestWithTrend(props.values, indicator);
  const unit = measureUnitText(m, indicator.unit);
  let body: React.ReactNode;
  if (!all.latest) body = <dd className={styles.detail}>{m.noValue}</dd>;
  else if (!isPublishable(all.latest.respondents)) {
    body = <dd className={styles.detail}>{`${periodLabel(all.latest.period, locale)}: ${m.hiddenFewRespondents}`}</dd>;
  } else {
    // The trend compares with shown results only: a change from a hidden one would tell its value.
    const shown = latestWithTrend(
      props.values.filter((value) => isPublishable(value.respondents)),
      indicator,
    );
    const latest = all.latest;
    const trendClass = shown.trend === 'better' ? styles.better : shown.trend === 'worse' ? styles.worse : undefined;
    body = (
      <>
        <dd className={styles.value}>
          {`${formatNumber(latest.value, locale)} ${unit} · ${periodLabel(latest.period, locale)}`}
        </dd>
        {shown.previous && shown.change !== undefined && (
          <dd className={styles.detail}>
            <span aria-hidden="true" className={trendClass}>
              {`${ARROWS[shown.trend]} `}
            </span>
            <span className={props.compact ? styles.hidden : undefined}>{`${m.trends[shown.trend]}: `}</span>
            {fill(m.changeSince, {
              change: formatNumber(shown.change, locale, true),
              period: periodLabel(shown.previous.period, locale),
            })}
          </dd>
        )}
        {latest.respondents !== undefined && (
          <dd className={styles.detail}>{plural(locale, latest.respondents, m.respondentsOne, m.respondentsOther)}</dd>
        )}
      </>
    );
  }
  return (
    <div className={styles.item}>
      <dt className={props.titleHidden ? styles.hidden : styles.title}>{indicator.title}</dt>
      {body}
    </div>
  );
}

/**
 * The units' indicators (trivselsmåling, APV, …) in brief: per indicator the latest result with its
 * unit and period, the direction since the previous period, and how many answered. A result with
 * fewer than 5 respondents is not shown. Shown in the plan beside an ambition (the caller filters the
 * indicators by `ambitionKey`) and in the chefgruppe's overview (`compact`).
 */
export function IndicatorSummary(props: IIndicatorSummaryProps): JSX.Element {
  const styles = useStyles();
  const values =
    props.unitId === undefined ? props.values : props.values.filter((value) => value.unitId === props.unitId);
  return (
    <dl className={mergeClasses(styles.list, props.compact && styles.compact)}>
      {props.indicators.map((indicator) => (
        <IndicatorItem
          key={indicator.key}
          indicator={indicator}
          values={values}
          locale={props.locale}
          compact={props.compact}
          titleHidden={props.titleHidden}
        />
      ))}
    </dl>
  );
}
