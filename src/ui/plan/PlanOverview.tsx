import * as React from 'react';
import { Text, useId } from '@fluentui/react-components';
import { formatDate } from '../../domain/dates';
import { HEALTHS } from '../../domain/model';
import { CHECK_IN_SILENCE_DAYS } from '../../domain/notifications';
import { planOverview, type IAmbitionOverview } from '../../domain/planOverview';
import { own } from '../../domain/dict';
import { Badge } from '../shell/Badge';
import { plural } from '../shell/plural';
import { fill, useStrings } from '../shell/strings';
import { labelOf } from '../shell/texts';
import { RELEVANCE_COLOURS, ambitionHeadingId } from './AmbitionSection';
import { HealthShape } from './HealthBadge';
import { usePlan } from './PlanContext';
import { usePlanOverviewStyles } from './usePlanOverviewStyles.styles';

/** Moves to an ambition's section: scrolled into view, focus on its heading (no change of the address). */
function jumpTo(event: React.MouseEvent<HTMLAnchorElement>, ambitionKey: string): void {
  const heading = document.getElementById(ambitionHeadingId(ambitionKey));
  if (!heading) return;
  event.preventDefault();
  if (typeof heading.scrollIntoView === 'function') heading.scrollIntoView({ block: 'start' });
  heading.focus();
}

/** "Planen på et øjeblik": per ambition its relevance, initiatives, their health, the latest check-in and what needs attention. */
export function PlanOverview(): JSX.Element {
  const plan = usePlan();
  const strings = useStrings().plan.overview;
  const styles = usePlanOverviewStyles();
  const headingId = useId('mpk-plan-overview');
  const { view, now } = plan;
  const rows = React.useMemo(() => planOverview(view, now()), [view, now]);
  const titles = new Map(view.ambitions.map((a) => [a.key, a.title]));
  return (
    <section aria-labelledby={headingId} className={styles.root}>
      <h3 id={headingId} className={styles.heading}>
        {strings.heading}
      </h3>
      <ul className={styles.list}>
        {rows.map((row) => (
          <OverviewRow key={row.ambitionKey} row={row} title={titles.get(row.ambitionKey) ?? row.ambitionKey} />
        ))}
      </ul>
    </section>
  );
}

/** One ambition's row. */
function OverviewRow(props: { row: IAmbitionOverview; title: string }): JSX.Element {
  const plan = usePlan();
  const allStrings = useStrings();
  const strings = allStrings.plan.overview;
  const styles = usePlanOverviewStyles();
  const { row, title } = props;
  const { locale } = plan;
  const active = row.initiatives - row.ended;
  return (
    <li className={styles.row}>
      <span className={styles.title}>
        <a
          href={`#${ambitionHeadingId(row.ambitionKey)}`}
          className={styles.link}
          onClick={(e) => jumpTo(e, row.ambitionKey)}
        >
          {title}
        </a>
        {row.relevance ? (
          <Badge appearance="tint" shape="rounded" color={own(RELEVANCE_COLOURS, row.relevance) ?? 'subtle'}>
            {fill(strings.relevance, { relevance: labelOf(allStrings, 'relevance', row.relevance) })}
          </Badge>
        ) : (
          <Text size={200} className={styles.muted}>
            {strings.relevanceNotSet}
          </Text>
        )}
      </span>
      <span className={styles.facts}>
        <span>
          {row.initiatives === 0
            ? strings.noInitiatives
            : plural(locale, row.initiatives, strings.initiativesOne, strings.initiatives)}
          {row.ended > 0 && ` (${fill(strings.ended, { count: row.ended })})`}
        </span>
        {active > 0 && <HealthCounts row={row} />}
        <span className={styles.muted}>
          {row.latestCheckIn
            ? fill(strings.latestCheckIn, { date: formatDate(row.latestCheckIn, locale) })
            : strings.noCheckIn}
        </span>
      </span>
      {row.initiatives > 0 && <Attention row={row} />}
    </li>
  );
}

/** "● Grøn: 2 ▲ Gul: 1 …": shape and word, never colour alone. */
function HealthCounts(props: { row: IAmbitionOverview }): JSX.Element {
  const allStrings = useStrings();
  const strings = allStrings.plan.overview;
  const styles = usePlanOverviewStyles();
  const { health } = props.row;
  return (
    <span className={styles.counts} role="group" aria-label={strings.healthLabel}>
      {HEALTHS.filter((h) => health[h] > 0).map((h) => (
        <span key={h} className={styles.count}>
          <svg width="12" height="12" viewBox="0 0 16 16" aria-hidden="true" focusable="false">
            <HealthShape health={h} cx={8} cy={8} r={6} />
          </svg>
          {fill(strings.healthCount, { health: labelOf(allStrings, 'health', h), count: health[h] })}
        </span>
      ))}
      {health.none > 0 && <span className={styles.count}>{fill(strings.noAssessment, { count: health.none })}</span>}
    </span>
  );
}

/** What needs attention under the ambition: silent, red and yellow initiatives — or that nothing does. */
function Attention(props: { row: IAmbitionOverview }): JSX.Element {
  const plan = usePlan();
  const strings = useStrings().plan.overview;
  const styles = usePlanOverviewStyles();
  const { row } = props;
  const notes: string[] = [];
  if (row.silent > 0) {
    const days = String(CHECK_IN_SILENCE_DAYS);
    notes.push(fill(plural(plan.locale, row.silent, strings.silentOne, strings.silent), { days }));
  }
  if (row.health.red > 0) notes.push(plural(plan.locale, row.health.red, strings.redOne, strings.red));
  if (row.health.yellow > 0) notes.push(plural(plan.locale, row.health.yellow, strings.yellowOne, strings.yellow));
  if (notes.length === 0)
    return (
      <Text size={200} className={styles.muted}>
        {strings.nothingToNote}
      </Text>
    );
  return (
    <Text size={200} className={styles.attention}>
      {strings.attention} {notes.join(' · ')}
    </Text>
  );
}
