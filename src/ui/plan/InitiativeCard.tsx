import * as React from 'react';
import { Button, mergeClasses, Text, useId } from '@fluentui/react-components';
import { initialsOf } from '../../domain/people';
import { useInitiativeCardStyles } from './useInitiativeCardStyles.styles';
import { Spinner } from '../shell/Spinner';
import { Badge, type BadgeColor } from '../shell/Badge';
import type { IInitiative } from '../../domain/model';
import { DataErrorMessage } from '../shell/DataErrorMessage';
import { fill, useStrings } from '../shell/strings';
import { useInitiativeLabels, usePlanConflictTexts } from './fieldText';
import { HealthBadge } from './HealthBadge';
import { SaveConflict } from '../shell/SaveConflict';
import { usePlan } from './PlanContext';
import { useInitiativeCard, type IInitiativeCardState } from './useInitiativeCard';
import { own } from '../../domain/dict';
import { labelOf } from '../shell/texts';
import { SavedNotice } from '../shell/SavedNotice';

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

// The opened details (facts, actions, check-ins, dialog) are not part of the first view: they load on first use.
const InitiativeDetails = React.lazy(() =>
  import(/* webpackChunkName: 'mpk-plan-details' */ './InitiativeDetails').then((m) => ({
    default: m.InitiativeDetails,
  })),
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
    <article
      className={mergeClasses(styles.card, card.linked && styles.linked)}
      aria-labelledby={headingId}
      data-initiative={initiative.id}
    >
      <div className={styles.row}>
        <h4 id={headingId} ref={card.headingRef} tabIndex={-1} className={styles.heading}>
          {initiative.title || strings.untitled}
        </h4>
        <Button size="small" aria-expanded={card.expanded} aria-controls={detailsId} onClick={card.toggleExpanded}>
          {card.expanded ? strings.hideDetails : strings.showDetails}
        </Button>
      </div>
      <SavedNotice text={card.saved.text} />
      <InitiativeSummary initiative={initiative} card={card} />
      {!card.knownStatus && <Text size={200}>{fill(strings.unknownValue, { value: initiative.status })}</Text>}
      <SaveConflict flow={resume} {...conflictTexts} />
      {resume.error !== undefined && (
        <DataErrorMessage error={resume.error} title={strings.failed} onDismiss={resume.dismissError} />
      )}
      {card.expanded && (
        <div id={detailsId} className={styles.details}>
          <React.Suspense fallback={<Spinner size="tiny" label={allStrings.common.loading} />}>
            <InitiativeDetails initiative={initiative} card={card} />
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
