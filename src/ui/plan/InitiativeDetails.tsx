import * as React from 'react';
import { Button, Text } from '@fluentui/react-components';
import type { Locale } from '../../domain/locale';
import { formatDate } from '../../domain/dates';
import type { IInitiative } from '../../domain/model';
import { isHttpUrl } from '../../domain/links';
import { Spinner } from '../shell/Spinner';
import { fill, useStrings } from '../shell/strings';
import { plural } from '../shell/plural';
import { latestText, measureNumber, measureUnitText } from '../measurements/measureText';
import { commitmentText } from './fieldText';
import { usePlan } from './PlanContext';
import { PlanNudge } from './PlanNudge';
import { ShareButton } from './ShareButton';
import type { IInitiativeCardState } from './useInitiativeCard';
import { useInitiativeCardStyles } from './useInitiativeCardStyles.styles';

// The forms, the check-ins and the dialog load on first use.
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

/** Props of {@link InitiativeDetails}. */
export interface IInitiativeDetailsProps {
  initiative: IInitiative;
  /** The card's state (`useInitiativeCard`): its mode, buttons and figures. */
  card: IInitiativeCardState;
}

/** An opened initiative (chunk `mpk-plan-details`): its description, facts, actions, check-ins and dialog. */
export function InitiativeDetails(props: IInitiativeDetailsProps): JSX.Element {
  const allStrings = useStrings();
  const styles = useInitiativeCardStyles();
  const { initiative, card } = props;
  const loading = <Spinner size="tiny" label={allStrings.common.loading} />;
  return (
    <>
      {initiative.description && <p className={styles.description}>{initiative.description}</p>}
      <InitiativeBadges initiative={initiative} card={card} />
      <InitiativeFacts initiative={initiative} />
      <InitiativeActions initiative={initiative} card={card} />
      <React.Suspense fallback={loading}>
        <CheckInPanel initiative={initiative} />
      </React.Suspense>
      <React.Suspense fallback={loading}>
        <CommentThread initiative={initiative} />
      </React.Suspense>
    </>
  );
}

/** The actions the reader may take (or the form one of them opened): edit, stop, resume, share, remind. */
function InitiativeActions(props: { initiative: IInitiative; card: IInitiativeCardState }): JSX.Element {
  const plan = usePlan();
  const allStrings = useStrings();
  const strings = allStrings.plan.initiative;
  const styles = useInitiativeCardStyles();
  const { initiative, card } = props;
  const { resume, mode } = card;
  if (mode !== 'view')
    return (
      <React.Suspense fallback={<Spinner size="tiny" label={allStrings.common.loading} />}>
        {mode === 'edit' ? (
          <InitiativeForm initiative={initiative} ambitionKey={initiative.ambitionKey} onDone={card.closeForm} />
        ) : (
          <StopInitiativeForm initiative={initiative} onDone={card.closeForm} />
        )}
      </React.Suspense>
    );
  return (
    <div className={styles.actions}>
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
  );
}

/** The latest check-in's date and progress, the comment count and the measure's latest value. */
function InitiativeBadges(props: { initiative: IInitiative; card: IInitiativeCardState }): JSX.Element {
  const plan = usePlan();
  const strings = useStrings().plan.initiative;
  const styles = useInitiativeCardStyles();
  const { card } = props;
  const { latest, comments } = card;
  return (
    <div className={styles.badges}>
      {latest && (
        <Text size={200}>
          {fill(strings.latest, { date: formatDate(latest.date, plan.locale), progress: card.progress ?? '' })}
        </Text>
      )}
      <Text size={200}>{plural(plan.locale, comments, strings.commentCountOne, strings.commentCount)}</Text>
      {card.measured && <MeasuredLine measured={card.measured} />}
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
  const styles = useInitiativeCardStyles();
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
