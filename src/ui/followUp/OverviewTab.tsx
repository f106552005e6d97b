import * as React from 'react';
import { Button, mergeClasses, Text, useId } from '@fluentui/react-components';
import { Spinner } from '../shell/Spinner';
import { Notice, NoticeBody } from '../shell/Notice';
import { formatDate, isValidIsoDate, today } from '../../domain/dates';
import { type Locale } from '../../domain/locale';
import {
  INITIATIVE_STATUSES,
  TASK_STATUSES,
  type IFollowUpTask,
  type IInitiative,
  type IsoDate,
} from '../../domain/model';
import type { IOverview } from '../../domain/overview';
import type { IAmbition, ITaskFilters } from '../../data/repositories/types';
import { useStrings, fill } from '../shell/strings';
import { addDelta, ambitionTitle } from './followUpModel';
import { DataErrorMessage } from '../shell/DataErrorMessage';
import type { IOverviewLists, OnDemand } from './useOverviewLists';
import { useFollowUp } from './FollowUpContext';
import { MatrixLegend, OverviewMatrix } from './OverviewMatrix';
import { useAppStyles, useCounterStyles } from './useFollowUpStyles.styles';
import { SinceField } from './SinceField';
import { useUnitsWithoutPlan, type IUnitsWithoutPlan } from './useUnitsWithoutPlan';
import { own } from '../../domain/dict';
import { labelOf } from '../shell/texts';

/** Overdue tasks and stopped initiatives shown before "Vis alle". */
export const LIST_LIMIT = 10;

/** Props of {@link OverviewTab}. */
export interface IOverviewTabProps {
  /** The trend's baseline the view was read with. */
  since: IsoDate;
  /** Reads the view again with another baseline. */
  onCompare(since: IsoDate): void;
  /** The overdue tasks and stopped initiatives: counts, and the lists once read. */
  lists: IOverviewLists;
  /** Task counters per status, with this session's saves. */
  taskDelta: Parameters<typeof addDelta>[1];
  /** The view is being read again. @default false */
  busy?: boolean;
  /** Opens the tab "Målinger" (the units' results are read there, not in the overview's first view). */
  onShowMeasurements?(): void;
  /** Opens the tab "Opgaver" filtered (a task figure was pressed). */
  onShowTasks?(filters: ITaskFilters, label: string): void;
}

/** What pressing a key figure does: its accessible name, and a toggle's state. */
interface IFigureAction {
  label: string;
  onClick(): void;
  pressed?: boolean;
  buttonRef?: React.Ref<HTMLButtonElement>;
}

/** One key figure: a label and a big number (a description list pair); the number a button when it filters. */
function Counter(props: { label: string; value: number; alert?: boolean; action?: IFigureAction }): JSX.Element {
  const styles = useCounterStyles();
  const { action } = props;
  return (
    <div
      className={mergeClasses(
        styles.tile,
        props.alert && props.value > 0 && styles.alert,
        action && styles.action,
        action?.pressed && styles.pressed,
      )}
    >
      <dt className={styles.label}>{props.label}</dt>
      <dd className={styles.value}>
        {action ? (
          <button
            type="button"
            ref={action.buttonRef}
            className={styles.button}
            aria-label={action.label}
            aria-pressed={action.pressed}
            onClick={action.onClick}
          >
            {props.value}
          </button>
        ) : (
          props.value
        )}
      </dd>
    </div>
  );
}

/** A titled group of key figures (its own region, so "I gang" of initiatives and of tasks stay apart). */
function FigureGroup(props: { heading: string; level: 'h4' | 'h5'; children: React.ReactNode }): JSX.Element {
  const app = useAppStyles();
  const styles = useCounterStyles();
  const id = useId('mpk-figures');
  const Heading = props.level;
  return (
    <section className={app.section} aria-labelledby={id}>
      <Heading id={id} className={app.sectionHeading}>
        {props.heading}
      </Heading>
      <dl className={styles.grid}>{props.children}</dl>
    </section>
  );
}

/** A task figure that opens the tasks filtered (when it counts any and the overview offers it). */
function taskAction(
  props: Pick<IKeyFiguresProps, 'onShowTasks' | 'strings'>,
  label: string,
  count: number,
  filters: ITaskFilters,
): IFigureAction | undefined {
  const { onShowTasks } = props;
  if (!onShowTasks || count === 0) return undefined;
  return { label: fill(props.strings.showTasks, { label, count }), onClick: () => onShowTasks(filters, label) };
}

/** Props of {@link KeyFigures}. */
export interface IKeyFiguresProps {
  overview: Pick<IOverview, 'initiativesByStatus' | 'tasksByStatus'>;
  overdueCount: number;
  taskCounts: Record<string, number>;
  locale: Locale;
  strings: IMpkFollowUpOverviewStrings;
  headingLevel: 'h3' | 'h4';
  /** "Enheder uden plan", which filters the matrix (on screen). */
  withoutPlan?: IUnitsWithoutPlan;
  /** Opens the tasks filtered, from a task figure (on screen). */
  onShowTasks?(filters: ITaskFilters, label: string): void;
}

/** "Nøgletal": units without a plan, initiatives and tasks by status, overdue tasks. */
export function KeyFigures(props: IKeyFiguresProps): JSX.Element {
  const mpkStrings = useStrings();
  const app = useAppStyles();
  const { now } = useFollowUp();
  const { overview, strings, withoutPlan } = props;
  const Heading = props.headingLevel;
  const sub = props.headingLevel === 'h3' ? 'h4' : 'h5';
  const id = useId('mpk-keyfigures');
  return (
    <section className={app.section} aria-labelledby={id}>
      <Heading id={id} className={app.sectionHeading}>
        {strings.keyFigures}
      </Heading>
      {withoutPlan && (
        <FigureGroup heading={strings.plansHeading} level={sub}>
          <Counter
            label={strings.withoutPlan}
            value={withoutPlan.count}
            alert
            action={
              withoutPlan.count > 0
                ? {
                    label: fill(strings.showWithoutPlan, { label: strings.withoutPlan, count: withoutPlan.count }),
                    onClick: withoutPlan.toggle,
                    pressed: withoutPlan.only,
                    buttonRef: withoutPlan.figureRef,
                  }
                : undefined
            }
          />
        </FigureGroup>
      )}
      <FigureGroup heading={strings.initiativesByStatus} level={sub}>
        {INITIATIVE_STATUSES.map((status) => (
          <Counter
            key={status}
            label={labelOf(mpkStrings, 'initiativeStatus', status)}
            value={overview.initiativesByStatus[status] || 0}
          />
        ))}
      </FigureGroup>
      <FigureGroup heading={strings.tasksByStatus} level={sub}>
        {TASK_STATUSES.map((status) => {
          const label = labelOf(mpkStrings, 'taskStatus', status);
          const value = props.taskCounts[status] || 0;
          return (
            <Counter key={status} label={label} value={value} action={taskAction(props, label, value, { status })} />
          );
        })}
        <Counter
          label={strings.overdueCount}
          value={props.overdueCount}
          alert
          action={taskAction(props, strings.overdueCount, props.overdueCount, { overdueOn: today(now) })}
        />
      </FigureGroup>
    </section>
  );
}

/** "Hverdagshistorier pr. ambition". */
function StoriesPerAmbition(props: {
  overview: Pick<IOverview, 'storiesByAmbition'>;
  ambitions: readonly IAmbition[];
  strings: IMpkFollowUpOverviewStrings;
}): JSX.Element {
  const app = useAppStyles();
  const styles = useCounterStyles();
  const keys = Object.keys(props.overview.storiesByAmbition);
  const ordered = props.ambitions
    .map((a) => a.key)
    .filter((k) => keys.indexOf(k) >= 0)
    .concat(keys.filter((k) => !props.ambitions.some((a) => a.key === k)));
  const id = useId('mpk-stories');
  return (
    <section className={app.section} aria-labelledby={id}>
      <h3 id={id} className={app.sectionHeading}>
        {props.strings.storiesHeading}
      </h3>
      <dl className={styles.grid}>
        {ordered.map((key) => (
          <Counter
            key={key}
            label={ambitionTitle(props.ambitions, key)}
            value={own(props.overview.storiesByAmbition, key) || 0}
          />
        ))}
      </dl>
    </section>
  );
}

// The lists' items are a chunk: the first view has their counts, and a button that reads them.
function loadListItems(): Promise<typeof import('./FollowUpLists')> {
  return import(/* webpackChunkName: 'mpk-overview-lists' */ './FollowUpLists');
}
const OverdueItems = React.lazy(() => loadListItems().then((m) => ({ default: m.OverdueItems })));
const StoppedItems = React.lazy(() => loadListItems().then((m) => ({ default: m.StoppedItems })));

/** Which of the overview's two lists. */
type ListKind = 'overdue' | 'stopped';

/** A list's texts: heading and "read" templates (with {count}), and what the states say. */
function listTexts(s: IMpkFollowUpOverviewStrings, kind: ListKind): Record<string, string> {
  return kind === 'overdue'
    ? {
        heading: s.overdueHeading,
        loaded: s.overdueLoaded,
        empty: s.overdueNone,
        showLabel: s.showOverdue,
        loadingLabel: s.loadingOverdue,
        failedTitle: s.overdueFailed,
      }
    : {
        heading: s.stoppedHeading,
        loaded: s.stoppedLoaded,
        empty: s.stoppedNone,
        showLabel: s.showStopped,
        loadingLabel: s.loadingStopped,
        failedTitle: s.stoppedFailed,
      };
}

/** Props of {@link ListSection}. */
interface IListSectionProps<T> {
  kind: ListKind;
  headingLevel: 'h3' | 'h4';
  /** How many there are (shown before the list is read; none means no button). */
  count: number;
  list: OnDemand<T>;
  onLoad(): void;
  children(items: readonly T[]): JSX.Element;
}

/**
 * One of the overview's lists: its heading with the count, then the list when it is known, or a
 * button that reads it (a spinner while it is read, the failure with "Prøv igen"). Focus moves to the
 * heading when the button goes, and the result is announced in the live region.
 */
function ListSection<T>(props: IListSectionProps<T>): JSX.Element {
  const app = useAppStyles();
  const { announce, strings } = useFollowUp();
  const texts = listTexts(strings.overview, props.kind);
  const id = useId('mpk-list');
  const headingRef = React.useRef<HTMLHeadingElement>(null);
  const asked = React.useRef(false);
  const { list } = props;
  const loaded = texts.loaded;
  React.useEffect(() => {
    if (!asked.current || list.status === 'loading' || list.status === 'idle') return;
    asked.current = false;
    if (list.status === 'ready') announce(fill(loaded, { count: list.items.length }));
  }, [list, loaded, announce]);
  const load = (): void => {
    asked.current = true;
    void loadListItems().catch(() => undefined);
    props.onLoad();
    // The button is replaced by a spinner, then by the list: focus stays in the section.
    if (headingRef.current) headingRef.current.focus();
  };
  const Heading = props.headingLevel;
  let body: JSX.Element;
  if (list.status === 'ready') {
    body =
      list.items.length === 0 ? (
        <Text as="p" block>
          {texts.empty}
        </Text>
      ) : (
        <React.Suspense fallback={<Spinner size="tiny" label={texts.loadingLabel} />}>
          {props.children(list.items)}
        </React.Suspense>
      );
  } else if (list.status === 'loading') {
    body = <Spinner size="tiny" label={texts.loadingLabel} />;
  } else if (list.status === 'error') {
    body = <DataErrorMessage error={list.error} title={texts.failedTitle} onRetry={load} />;
  } else if (props.count === 0) {
    body = (
      <Text as="p" block>
        {texts.empty}
      </Text>
    );
  } else {
    body = (
      <Button onClick={load} data-mpk-no-print="">
        {texts.showLabel}
      </Button>
    );
  }
  return (
    <section className={app.section} aria-labelledby={id} aria-busy={list.status === 'loading' || undefined}>
      <Heading id={id} ref={headingRef} tabIndex={-1} className={app.sectionHeading}>
        {fill(texts.heading, { count: props.count })}
      </Heading>
      {body}
    </section>
  );
}

/** Props of the overview's two lists. */
export interface IOverviewListProps {
  lists: IOverviewLists;
  headingLevel: 'h3' | 'h4';
  /** Show this many until "Vis alle" (none: all, as in the printed report). */
  limit?: number;
  /** Offer "Send påmindelse" on each overdue task (the overview on screen). */
  nudge?: boolean;
}

/**
 * The units × ambitions matrix and its legend. Interactive on screen (links to the plans, drawn frame
 * by frame); whole and plain in the printed report.
 */
export function MatrixAndLegend(props: {
  since: string;
  interactive?: boolean;
  onlyWithoutPlan?: boolean;
}): JSX.Element {
  const { view, locale, strings, planUrl, host } = useFollowUp();
  return (
    <>
      <OverviewMatrix
        rows={view.overview.rows}
        ambitions={view.ambitions}
        since={props.since}
        locale={locale}
        strings={strings.matrix}
        planUrl={props.interactive ? planUrl : undefined}
        openLinksInNewWindow={props.interactive ? host === 'teams-personal' : undefined}
        progressive={props.interactive}
        onlyWithoutPlan={props.onlyWithoutPlan}
      />
      <MatrixLegend locale={locale} strings={strings.matrix} />
    </>
  );
}

/** "Opgaver over fristen (n)": the overdue tasks, most overdue first. */
export function OverdueSection(props: IOverviewListProps): JSX.Element {
  const { lists } = props;
  return (
    <ListSection<IFollowUpTask>
      kind="overdue"
      count={lists.overdueCount}
      list={lists.overdue}
      headingLevel={props.headingLevel}
      onLoad={lists.loadOverdue}
    >
      {(items) => <OverdueItems items={items} limit={props.limit} nudge={props.nudge} />}
    </ListSection>
  );
}

/** "Stoppede indsatser – og hvorfor (n)": the current plans' stopped initiatives. */
export function StoppedSection(props: IOverviewListProps): JSX.Element {
  const { lists } = props;
  return (
    <ListSection<IInitiative>
      kind="stopped"
      count={lists.stoppedCount}
      list={lists.stopped}
      headingLevel={props.headingLevel}
      onLoad={lists.loadStopped}
    >
      {(items) => <StoppedItems items={items} limit={props.limit} />}
    </ListSection>
  );
}

/** Over the matrix while it shows only the units without a plan: says so, and "Vis alle enheder". */
function WithoutPlanNotice(props: { filter: IUnitsWithoutPlan }): JSX.Element {
  const { strings } = useFollowUp();
  const app = useAppStyles();
  const { filter } = props;
  return (
    <div className={app.row}>
      <Text as="p" block ref={filter.noticeRef} tabIndex={-1}>
        {fill(strings.overview.withoutPlanShown, { count: filter.count })}
      </Text>
      <Button onClick={filter.showAll}>{strings.overview.showAllUnits}</Button>
    </div>
  );
}

/** The chefgruppe's overview: key figures, the matrix, stopped initiatives, stories and what is overdue. */
export function OverviewTab(props: IOverviewTabProps): JSX.Element {
  const { view, locale, strings, now } = useFollowUp();
  const app = useAppStyles();
  const s = strings.overview;
  const [since, setSince] = React.useState<string>(props.since);
  React.useEffect(() => setSince(props.since), [props.since]);
  const sinceValid = isValidIsoDate(since) && since <= today(now);
  const matrixId = useId('mpk-matrix');
  const taskCounts = React.useMemo(
    () => addDelta(view.overview.tasksByStatus, props.taskDelta),
    [view.overview.tasksByStatus, props.taskDelta],
  );
  const withoutPlan = useUnitsWithoutPlan(view.overview.rows);

  return (
    <div className={app.panel}>
      <KeyFigures
        overview={view.overview}
        overdueCount={props.lists.overdueCount}
        taskCounts={taskCounts}
        locale={locale}
        strings={s}
        headingLevel="h3"
        withoutPlan={withoutPlan}
        onShowTasks={props.onShowTasks}
      />

      <section className={app.section} aria-labelledby={matrixId}>
        <h3 id={matrixId} className={app.sectionHeading}>
          {s.matrixHeading}
        </h3>
        <form
          className={app.row}
          onSubmit={(event) => {
            event.preventDefault();
            if (sinceValid) props.onCompare(since);
          }}
        >
          <SinceField
            key={props.since}
            value={since}
            max={today(now)}
            invalid={!!since && !sinceValid}
            onChange={setSince}
            label={s.sinceLabel}
            hint={s.sinceHint}
            error={s.sinceInvalid}
          />
          <Button type="submit" disabled={!sinceValid || since === props.since || props.busy}>
            {s.compare}
          </Button>
        </form>
        {view.overview.rows.length === 0 ? (
          <Text as="p" block>
            {s.noUnits}
          </Text>
        ) : (
          <>
            {withoutPlan.only && <WithoutPlanNotice filter={withoutPlan} />}
            <MatrixAndLegend since={props.since} interactive onlyWithoutPlan={withoutPlan.only} />
          </>
        )}
        {!view.complete && (
          <Notice intent="warning" layout="multiline">
            <NoticeBody>{s.incomplete}</NoticeBody>
          </Notice>
        )}
      </section>

      <OverdueSection lists={props.lists} headingLevel="h3" limit={LIST_LIMIT} nudge />
      <StoppedSection lists={props.lists} headingLevel="h3" limit={LIST_LIMIT} />
      <StoriesPerAmbition overview={view.overview} ambitions={view.ambitions} strings={s} />
      {props.onShowMeasurements && (
        <Text as="p" block>
          {s.measurementsPointer}{' '}
          <Button appearance="secondary" size="small" onClick={props.onShowMeasurements}>
            {s.measurementsLink}
          </Button>
        </Text>
      )}
      <Text as="p" block size={200} className={app.muted}>
        {fill(s.madeAt, { date: formatDate(now, locale) })}
      </Text>
    </div>
  );
}
