import * as React from 'react';
import { PlanNudge } from './PlanNudge';
import type { Locale } from '../../domain/locale';
import { Button, makeStyles, mergeClasses, Text, tokens, useId } from '@fluentui/react-components';
import { framedColumn } from '../shell/sharedStyles';
import { Spinner } from '../shell/Spinner';
import { Badge, type BadgeColor } from '../shell/Badge';
import { formatDate } from '../../domain/dates';
import type { IInitiative } from '../../domain/model';
import { isHttpUrl } from '../../domain/links';
import { DataErrorMessage } from '../shell/DataErrorMessage';
import { fill, useStrings } from '../shell/strings';
import { commitmentText, useInitiativeLabels, usePlanConflictTexts } from './fieldText';
import { HealthBadge } from './HealthBadge';
import { SaveConflict } from '../shell/SaveConflict';
import { usePlan } from './PlanContext';
import { ShareButton } from './ShareButton';
import { useInitiativeCard, type IInitiativeCardState } from './useInitiativeCard';
import { own } from '../../domain/dict';
import { labelOf } from '../shell/texts';
import { plural } from '../shell/plural';
import { latestText, measureNumber, measureUnitText } from '../measurements/measureText';

/** Props of {@link InitiativeCard}. */
export interface IInitiativeCardProps {
  initiative: IInitiative;
}

const STATUS_COLOURS: Record<string, BadgeColor> = {
  planned: 'informative',
  inProgress: 'brand',
  completed: 'success',
  stopped: 'danger',
};

const useStyles = makeStyles({
  // A plain link in Fluent's link colours (Fluent's Link would be the only user of its package here).
  link: {
    color: tokens.colorBrandForegroundLink,
    textDecorationLine: 'underline',
    overflowWrap: 'anywhere',
    ':hover': { color: tokens.colorBrandForegroundLinkHover },
    ':focus-visible': {
      outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}`,
      borderRadius: tokens.borderRadiusSmall,
    },
  },
  card: {
    ...framedColumn(tokens.spacingVerticalS, tokens.colorNeutralStroke2),
    backgroundColor: tokens.colorNeutralBackground1,
    minWidth: 0,
  },
  linked: { border: `${tokens.strokeWidthThick} solid ${tokens.colorBrandStroke1}` },
  heading: {
    margin: 0,
    fontSize: tokens.fontSizeBase400,
    lineHeight: tokens.lineHeightBase400,
    fontWeight: tokens.fontWeightSemibold,
    overflowWrap: 'anywhere',
    ':focus-visible': { outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}` },
  },
  latest: { display: 'inline-flex', flexWrap: 'wrap', alignItems: 'center', columnGap: tokens.spacingHorizontalXS },
  badges: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    columnGap: tokens.spacingHorizontalM,
    rowGap: tokens.spacingVerticalXS,
  },
  facts: {
    display: 'grid',
    gridTemplateColumns: 'minmax(7em, max-content) minmax(0, 1fr)',
    columnGap: tokens.spacingHorizontalM,
    rowGap: tokens.spacingVerticalXS,
    margin: 0,
    '@media (max-width: 480px)': { gridTemplateColumns: 'minmax(0, 1fr)' },
  },
  term: { fontWeight: tokens.fontWeightSemibold, color: tokens.colorNeutralForeground2 },
  definition: { margin: 0, overflowWrap: 'anywhere', whiteSpace: 'pre-wrap' },
  description: { margin: 0, whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' },
  actions: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
  details: {
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalL,
    paddingTop: tokens.spacingVerticalS,
    borderTop: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
});

// The forms and the opened details are not part of the first view: they load on first use.
const InitiativeForm = React.lazy(() =>
  import(/* webpackChunkName: 'mpk-plan-forms' */ './InitiativeForm').then((m) => ({ default: m.InitiativeForm })),
);
const StopInitiativeForm = React.lazy(() =>
  import(/* webpackChunkName: 'mpk-plan-forms' */ './StopInitiativeForm').then((m) => ({
    default: m.StopInitiativeForm,
  })),
);
const CheckInPanel = React.lazy(() =>
  import(/* webpackChunkName: 'mpk-plan-details' */ './CheckInPanel').then((m) => ({ default: m.CheckInPanel })),
);
const CommentThread = React.lazy(() =>
  import(/* webpackChunkName: 'mpk-plan-details' */ './CommentThread').then((m) => ({ default: m.CommentThread })),
);

/** One initiative: what it is, how it goes, and — opened — its check-ins and dialog. */
export function InitiativeCard(props: IInitiativeCardProps): JSX.Element {
  const plan = usePlan();
  const allStrings = useStrings();
  const strings = allStrings.plan.initiative;
  const conflictTexts = usePlanConflictTexts(useInitiativeLabels());
  const styles = useStyles();
  const loading = <Spinner size="tiny" label={allStrings.common.loading} />;
  const { initiative } = props;
  const card = useInitiativeCard(initiative);
  const { resume, mode } = card;
  const headingId = useId('mpk-initiative');
  const detailsId = useId('mpk-initiative-details');
  return (
    <article className={mergeClasses(styles.card, card.linked && styles.linked)} aria-labelledby={headingId}>
      <h4 id={headingId} ref={card.headingRef} tabIndex={-1} className={styles.heading}>
        {initiative.title || strings.untitled}
      </h4>
      <InitiativeBadges initiative={initiative} card={card} />
      {!card.knownStatus && <Text size={200}>{fill(strings.unknownValue, { value: initiative.status })}</Text>}
      {initiative.description && <p className={styles.description}>{initiative.description}</p>}
      <InitiativeFacts initiative={initiative} />
      {mode === 'view' && (
        <div className={styles.actions}>
          <Button aria-expanded={card.expanded} aria-controls={detailsId} onClick={card.toggleExpanded}>
            {card.expanded ? strings.hideDetails : strings.showDetails}
          </Button>
          {plan.can.editInitiatives && (
            <Button ref={card.editButton} onClick={() => card.setMode('edit')}>
              {strings.edit}
            </Button>
          )}
          {card.canStop && (
            <Button ref={card.stopButton} onClick={() => card.setMode('stop')}>
              {strings.stop}
            </Button>
          )}
          {card.canResume && (
            <Button
              disabled={resume.busy}
              onClick={() => void resume.run(initiative, { ...initiative, status: 'inProgress' })}
            >
              {strings.resume}
            </Button>
          )}
          <ShareButton initiative={initiative} />
          <PlanNudge initiative={initiative} />
        </div>
      )}
      <SaveConflict flow={resume} {...conflictTexts} />
      {resume.error !== undefined && (
        <DataErrorMessage error={resume.error} title={strings.failed} onDismiss={resume.dismissError} />
      )}
      {mode !== 'view' && (
        <React.Suspense fallback={loading}>
          {mode === 'edit' ? (
            <InitiativeForm initiative={initiative} ambitionKey={initiative.ambitionKey} onDone={card.closeForm} />
          ) : (
            <StopInitiativeForm initiative={initiative} onDone={card.closeForm} />
          )}
        </React.Suspense>
      )}
      {card.expanded && (
        <div id={detailsId} className={styles.details}>
          <React.Suspense fallback={loading}>
            <CheckInPanel initiative={initiative} />
          </React.Suspense>
          <React.Suspense fallback={loading}>
            <CommentThread initiative={initiative} />
          </React.Suspense>
        </div>
      )}
    </article>
  );
}

/** Status, latest check-in, comment count, and whether a link pointed here. */
function InitiativeBadges(props: { initiative: IInitiative; card: IInitiativeCardState }): JSX.Element {
  const mpkStrings = useStrings();
  const plan = usePlan();
  const strings = useStrings().plan.initiative;
  const styles = useStyles();
  const { initiative, card } = props;
  const { latest, comments } = card;
  return (
    <div className={styles.badges}>
      <Badge appearance="tint" color={own(STATUS_COLOURS, initiative.status) ?? 'subtle'} shape="rounded">
        {labelOf(mpkStrings, 'initiativeStatus', initiative.status)}
      </Badge>
      {latest ? (
        <span className={styles.latest}>
          <HealthBadge health={latest.health} locale={plan.locale} />{' '}
          <Text size={200}>
            {fill(strings.latest, { date: formatDate(latest.date, plan.locale), progress: card.progress ?? '' })}
          </Text>
        </span>
      ) : (
        <Text size={200}>{strings.noCheckIn}</Text>
      )}
      <Text size={200}>{plural(plan.locale, comments, strings.commentCountOne, strings.commentCount)}</Text>
      {card.measured && <MeasuredLine measured={card.measured} />}
      {card.linked && (
        <Text size={200} weight="semibold">
          {strings.linked}
        </Text>
      )}
    </div>
  );
}

/** "Seneste måling: 41 point (12.11.2026) · mål 50 point · Følger planen". */
function MeasuredLine(props: { measured: NonNullable<IInitiativeCardState['measured']> }): JSX.Element {
  const plan = usePlan();
  const strings = useStrings().measurements;
  const { measure, latest, onTrack } = props.measured;
  const parts = [
    latestText(strings, measure.unit, latest, plan.locale),
    fill(strings.target, {
      value: measureNumber(measure.target.value, plan.locale),
      unit: measureUnitText(strings, measure.unit),
    }),
  ];
  if (onTrack !== undefined) parts.push(onTrack ? strings.onTrack : strings.offTrack);
  return <Text size={200}>{parts.join(' · ')}</Text>;
}

/** The initiative's facts that are filled in: "Vi vil", priority, owner, period, success, link, stop reason. */
function InitiativeFacts(props: { initiative: IInitiative }): JSX.Element | null {
  const plan = usePlan();
  const strings = useStrings().plan.initiative;
  const styles = useStyles();
  const { initiative } = props;
  const priority = plan.view.politicalPriorities.find((p) => p.id === initiative.politicalPriorityId);
  const dates = periodText(initiative, plan.locale, strings);
  const url = initiative.existingInitiativeUrl;
  const facts: Array<[string, React.ReactNode]> = [];
  if (initiative.commitmentKey)
    facts.push([strings.commitment, commitmentText(plan.view.ambitions, initiative.commitmentKey)]);
  if (priority) facts.push([strings.priority, priority.title]);
  if (initiative.ownerId !== undefined) facts.push([strings.owner, plan.personName(initiative.ownerId)]);
  if (dates) facts.push([strings.period, dates]);
  if (initiative.successMeasure) facts.push([strings.successMeasure, initiative.successMeasure]);
  if (url) {
    const link = (
      <a className={styles.link} href={url} target="_blank" rel="noopener noreferrer">
        {url}
      </a>
    );
    facts.push([strings.existing, isHttpUrl(url) ? link : url]);
  }
  if (initiative.status === 'stopped' || initiative.stopReason) {
    facts.push([strings.stopReasonLabel, initiative.stopReason || strings.noStopReason]);
  }
  if (facts.length === 0) return null;
  return (
    <dl className={styles.facts}>
      {facts.map(([term, value]) => (
        <React.Fragment key={term}>
          <dt className={styles.term}>{term}</dt>
          <dd className={styles.definition}>{value}</dd>
        </React.Fragment>
      ))}
    </dl>
  );
}

function periodText(initiative: IInitiative, locale: Locale, strings: IMpkStrings['plan']['initiative']): string {
  const start = formatDate(initiative.startDate, locale);
  const end = formatDate(initiative.endDate, locale);
  if (start && end) return fill(strings.dates, { start, end });
  if (start) return fill(strings.from, { date: start });
  if (end) return fill(strings.until, { date: end });
  return '';
}
