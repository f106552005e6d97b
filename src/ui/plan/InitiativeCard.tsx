import * as React from 'react';
import { PlanNudge } from './PlanNudge';
import type { Locale } from '../../domain/locale';
import { Button, mergeClasses, Text, useId } from '@fluentui/react-components';
import { initialsOf } from '../../domain/people';
import { useInitiativeCardStyles } from './useInitiativeCardStyles.styles';
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

/** One initiative as a compact row (status, health, progress, owner) that opens to its details, actions and dialog. */
export function InitiativeCard(props: IInitiativeCardProps): JSX.Element {
  const allStrings = useStrings();
  const strings = allStrings.plan.initiative;
  const conflictTexts = usePlanConflictTexts(useInitiativeLabels());
  const styles = useInitiativeCardStyles();
  const { initiative } = props;
  const card = useInitiativeCard(initiative);
  const { resume } = card;
  const headingId = useId('mpk-initiative');
  const detailsId = useId('mpk-initiative-details');
  return (
    <article className={mergeClasses(styles.card, card.linked && styles.linked)} aria-labelledby={headingId}>
      <div className={styles.row}>
        <h4 id={headingId} ref={card.headingRef} tabIndex={-1} className={styles.heading}>
          {initiative.title || strings.untitled}
        </h4>
        <Button size="small" aria-expanded={card.expanded} aria-controls={detailsId} onClick={card.toggleExpanded}>
          {card.expanded ? strings.hideDetails : strings.showDetails}
        </Button>
      </div>
      <InitiativeSummary initiative={initiative} card={card} />
      {!card.knownStatus && <Text size={200}>{fill(strings.unknownValue, { value: initiative.status })}</Text>}
      <SaveConflict flow={resume} {...conflictTexts} />
      {resume.error !== undefined && (
        <DataErrorMessage error={resume.error} title={strings.failed} onDismiss={resume.dismissError} />
      )}
      {card.expanded && (
        <div id={detailsId} className={styles.details}>
          {initiative.description && <p className={styles.description}>{initiative.description}</p>}
          <InitiativeBadges initiative={initiative} card={card} />
          <InitiativeFacts initiative={initiative} />
          <InitiativeActions initiative={initiative} card={card} />
          <React.Suspense fallback={<Spinner size="tiny" label={allStrings.common.loading} />}>
            <CheckInPanel initiative={initiative} />
          </React.Suspense>
          <React.Suspense fallback={<Spinner size="tiny" label={allStrings.common.loading} />}>
            <CommentThread initiative={initiative} />
          </React.Suspense>
        </div>
      )}
    </article>
  );
}

/** The compact row's facts: status, health, progress and owner (and that a link pointed here). */
function InitiativeSummary(props: { initiative: IInitiative; card: IInitiativeCardState }): JSX.Element {
  const mpkStrings = useStrings();
  const plan = usePlan();
  const strings = mpkStrings.plan.initiative;
  const styles = useInitiativeCardStyles();
  const { initiative, card } = props;
  return (
    <div className={styles.badges}>
      <Badge appearance="tint" color={own(STATUS_COLOURS, initiative.status) ?? 'subtle'} shape="rounded">
        {labelOf(mpkStrings, 'initiativeStatus', initiative.status)}
      </Badge>
      {card.latest ? (
        <HealthBadge health={card.latest.health} locale={plan.locale} />
      ) : (
        <Text size={200}>{strings.noCheckIn}</Text>
      )}
      {card.progress !== undefined && (
        <ProgressLine value={card.progress} label={fill(strings.progressFor, { title: initiative.title })} />
      )}
      <OwnerChip ownerId={initiative.ownerId} />
      {card.linked && (
        <Text size={200} weight="semibold">
          {strings.linked}
        </Text>
      )}
    </div>
  );
}

/** A light progress bar (Fluent's ProgressBar would cost the first view about 3 KB gzip) and its percent. */
function ProgressLine(props: { value: number; label: string }): JSX.Element {
  const strings = useStrings().plan.initiative;
  const styles = useInitiativeCardStyles();
  const value = Math.max(0, Math.min(100, Math.round(props.value)));
  return (
    <span className={styles.progress}>
      <span
        role="progressbar"
        aria-label={props.label}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={value}
        className={styles.track}
      >
        <span className={styles.bar} style={{ width: `${value}%` }} />
      </span>
      <Text size={200}>{fill(strings.progressValue, { progress: value })}</Text>
    </span>
  );
}

/** The owner with initials in Fluent Avatar's look, or "Ingen ansvarlig". */
function OwnerChip(props: { ownerId: number | undefined }): JSX.Element {
  const plan = usePlan();
  const strings = useStrings().plan.initiative;
  const styles = useInitiativeCardStyles();
  if (props.ownerId === undefined || props.ownerId === null)
    return (
      <Text size={200} className={styles.muted}>
        {strings.noOwner}
      </Text>
    );
  const name = plan.personName(props.ownerId);
  return (
    <span className={styles.owner}>
      <span className={styles.initials} aria-hidden="true">
        {initialsOf(name)}
      </span>
      <Text size={200}>
        <span className={styles.hidden}>{strings.owner}: </span>
        {name}
      </Text>
    </span>
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
