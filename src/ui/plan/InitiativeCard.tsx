import * as React from 'react';
import { Button, makeStyles, mergeClasses, Text, tokens } from '@fluentui/react-components';
import { Spinner } from '../shell/Spinner';
import { Badge, type BadgeColor } from '../shell/Badge';
import { formatDate } from '../../domain/dates';
import { labelOf } from '../../domain/messages';
import { isInitiativeStatus, type IInitiative } from '../../domain/model';
import { isHttpUrl } from '../../domain/links';
import { nextInitiativeStatuses } from '../../domain/workflow';
import { DataErrorMessage } from '../shell/DataErrorMessage';
import { draftOwner, hasDraft } from '../shell/drafts';
import { useServices } from '../shell/services';
import { fill, useStrings } from '../shell/strings';
import { commitmentText, useInitiativeLabels, usePlanConflictTexts } from './fieldText';
import { HealthBadge } from './HealthBadge';
import { SaveConflict } from '../shell/SaveConflict';
import { usePlan } from './PlanContext';
import { ShareButton } from './ShareButton';
import { withInitiative } from '../../domain/planViewPatch';
import { useSaveFlow } from '../shell/useSaveFlow';
import { own } from '../../domain/dict';

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
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalS,
    padding: tokens.spacingHorizontalM,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
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

type Mode = 'view' | 'edit' | 'stop';

/** One initiative: what it is, how it goes, and — opened — its check-ins and dialog. */
export function InitiativeCard(props: IInitiativeCardProps): JSX.Element {
  const plan = usePlan();
  const services = useServices();
  const allStrings = useStrings();
  const strings = allStrings.plan.initiative;
  const conflictTexts = usePlanConflictTexts(useInitiativeLabels());
  const styles = useStyles();
  const loading = <Spinner size="tiny" label={allStrings.common.loading} />;
  const { initiative } = props;
  const id = initiative.id as number;
  const linked = plan.linkedInitiativeId === id;
  const owner = draftOwner(services.user);
  const [expanded, setExpanded] = React.useState(
    () => linked || hasDraft(owner, `plan:checkin:${id}`) || hasDraft(owner, `plan:comment:${id}`),
  );
  const [mode, setMode] = React.useState<Mode>(() => initialMode(owner, id));
  const headingRef = React.useRef<HTMLHeadingElement>(null);
  const editButton = React.useRef<HTMLButtonElement>(null);
  const stopButton = React.useRef<HTMLButtonElement>(null);
  const headingId = `initiative-${id}`;
  const detailsId = `initiative-details-${id}`;

  React.useEffect(() => {
    if (!linked || !headingRef.current) return;
    if (typeof headingRef.current.scrollIntoView === 'function') headingRef.current.scrollIntoView({ block: 'start' });
    headingRef.current.focus();
  }, [linked]);

  const resume = useSaveFlow(
    (from, mine: IInitiative) => services.initiatives.update(from as IInitiative, mine),
    (saved) => {
      plan.patch((view) => withInitiative(view, saved));
      plan.announce(fill(strings.resumed, { title: saved.title }));
    },
  );

  const latest = plan.view.latestCheckIns[id];
  const comments = plan.view.commentCounts[id] || 0;
  const knownStatus = isInitiativeStatus(initiative.status);
  const canStop =
    plan.can.editInitiatives && knownStatus && nextInitiativeStatuses(initiative.status).indexOf('stopped') >= 0;
  const canResume = plan.can.editInitiatives && initiative.status === 'stopped';
  const priority = plan.view.politicalPriorities.find((p) => p.id === initiative.politicalPriorityId);
  const dates = periodText(initiative, plan.locale, strings);

  const facts: Array<[string, React.ReactNode]> = [];
  if (initiative.commitmentKey)
    facts.push([strings.commitment, commitmentText(plan.view.ambitions, initiative.commitmentKey)]);
  if (priority) facts.push([strings.priority, priority.title]);
  if (initiative.ownerId !== undefined) facts.push([strings.owner, plan.personName(initiative.ownerId)]);
  if (dates) facts.push([strings.period, dates]);
  if (initiative.successMeasure) facts.push([strings.successMeasure, initiative.successMeasure]);
  if (initiative.existingInitiativeUrl) {
    facts.push([
      strings.existing,
      isHttpUrl(initiative.existingInitiativeUrl) ? (
        <a className={styles.link} href={initiative.existingInitiativeUrl} target="_blank" rel="noopener noreferrer">
          {initiative.existingInitiativeUrl}
        </a>
      ) : (
        initiative.existingInitiativeUrl
      ),
    ]);
  }
  if (initiative.status === 'stopped' || initiative.stopReason) {
    facts.push([strings.stopReasonLabel, initiative.stopReason || strings.noStopReason]);
  }

  return (
    <article className={mergeClasses(styles.card, linked && styles.linked)} aria-labelledby={headingId}>
      <h4 id={headingId} ref={headingRef} tabIndex={-1} className={styles.heading}>
        {initiative.title || strings.untitled}
      </h4>
      <div className={styles.badges}>
        <Badge appearance="tint" color={own(STATUS_COLOURS, initiative.status) ?? 'subtle'} shape="rounded">
          {labelOf('initiativeStatus', initiative.status, plan.locale)}
        </Badge>
        {latest ? (
          <span className={styles.latest}>
            <HealthBadge health={latest.health} locale={plan.locale} />{' '}
            <Text size={200}>
              {fill(strings.latest, { date: formatDate(latest.date, plan.locale), progress: latest.progress })}
            </Text>
          </span>
        ) : (
          <Text size={200}>{strings.noCheckIn}</Text>
        )}
        <Text size={200}>
          {comments === 1 ? strings.commentCountOne : fill(strings.commentCount, { count: comments })}
        </Text>
        {linked && (
          <Text size={200} weight="semibold">
            {strings.linked}
          </Text>
        )}
      </div>
      {!knownStatus && <Text size={200}>{fill(strings.unknownValue, { value: initiative.status })}</Text>}
      {initiative.description && <p className={styles.description}>{initiative.description}</p>}
      {facts.length > 0 && (
        <dl className={styles.facts}>
          {facts.map(([term, value]) => (
            <React.Fragment key={term}>
              <dt className={styles.term}>{term}</dt>
              <dd className={styles.definition}>{value}</dd>
            </React.Fragment>
          ))}
        </dl>
      )}

      {mode === 'view' && (
        <div className={styles.actions}>
          <Button aria-expanded={expanded} aria-controls={detailsId} onClick={() => setExpanded((e) => !e)}>
            {expanded ? strings.hideDetails : strings.showDetails}
          </Button>
          {plan.can.editInitiatives && (
            <Button ref={editButton} onClick={() => setMode('edit')}>
              {strings.edit}
            </Button>
          )}
          {canStop && (
            <Button ref={stopButton} onClick={() => setMode('stop')}>
              {strings.stop}
            </Button>
          )}
          {canResume && (
            <Button
              disabled={resume.busy}
              onClick={() => void resume.run(initiative, { ...initiative, status: 'inProgress' })}
            >
              {strings.resume}
            </Button>
          )}
          <ShareButton initiative={initiative} />
        </div>
      )}
      <SaveConflict flow={resume} {...conflictTexts} />
      {resume.error !== undefined && (
        <DataErrorMessage error={resume.error} title={strings.failed} onDismiss={resume.dismissError} />
      )}

      {mode === 'edit' && (
        <React.Suspense fallback={loading}>
          <InitiativeForm
            initiative={initiative}
            ambitionKey={initiative.ambitionKey}
            onDone={() => {
              setMode('view');
              window.setTimeout(() => (editButton.current ?? headingRef.current)?.focus(), 0);
            }}
          />
        </React.Suspense>
      )}
      {mode === 'stop' && (
        <React.Suspense fallback={loading}>
          <StopInitiativeForm
            initiative={initiative}
            onDone={() => {
              setMode('view');
              window.setTimeout(() => (stopButton.current ?? headingRef.current)?.focus(), 0);
            }}
          />
        </React.Suspense>
      )}

      {expanded && (
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

/** A form with a draft from an earlier visit opens again, so the text is in front of its writer. */
function initialMode(owner: string, id: number): Mode {
  if (hasDraft(owner, `plan:initiative:${id}`)) return 'edit';
  if (hasDraft(owner, `plan:initiative:stop:${id}`)) return 'stop';
  return 'view';
}

function periodText(
  initiative: IInitiative,
  locale: 'da-DK' | 'en-US',
  strings: IMpkStrings['plan']['initiative'],
): string {
  const start = formatDate(initiative.startDate, locale);
  const end = formatDate(initiative.endDate, locale);
  if (start && end) return fill(strings.dates, { start, end });
  if (start) return fill(strings.from, { date: start });
  if (end) return fill(strings.until, { date: end });
  return '';
}
