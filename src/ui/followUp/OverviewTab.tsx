import * as React from 'react';
import { Button, mergeClasses, MessageBar, MessageBarBody, Text, useId } from '@fluentui/react-components';
import { formatDate, isValidIsoDate, today } from '../../domain/dates';
import { labelOf, type Locale } from '../../domain/messages';
import { INITIATIVE_STATUSES, TASK_STATUSES, type IFollowUpTask, type IInitiative, type IsoDate } from '../../domain/model';
import type { IOverview } from '../../domain/overview';
import type { IAmbition, IUnitItem } from '../../data/repositories/types';
import { fill } from '../shell/strings';
import { addDelta, ambitionTitle, unitName } from './followUpModel';
import { useFollowUp } from './FollowUpContext';
import { MatrixLegend, OverviewMatrix } from './OverviewMatrix';
import { TaskDue, TaskFacts } from './TaskDetails';
import { useAppStyles, useCounterStyles, useDateFieldStyles, useTaskStyles } from './useFollowUpStyles.styles';
import { own } from '../../domain/dict';

/** Overdue tasks and stopped initiatives shown before "Vis alle". */
export const LIST_LIMIT = 10;

/** Props of {@link OverviewTab}. */
export interface IOverviewTabProps {
  /** The trend's baseline the view was read with. */
  since: IsoDate;
  /** Reads the view again with another baseline. */
  onCompare(since: IsoDate): void;
  /** Overdue tasks, with this session's saves folded in. */
  overdue: readonly IFollowUpTask[];
  /** Task counters per status, with this session's saves. */
  taskDelta: Parameters<typeof addDelta>[1];
  /** The view is being read again. @default false */
  busy?: boolean;
}

/** One key figure: a label and a big number (a description list pair). */
function Counter(props: { label: string; value: number; alert?: boolean }): JSX.Element {
  const styles = useCounterStyles();
  return (
    <div className={mergeClasses(styles.tile, props.alert && props.value > 0 && styles.alert)}>
      <dt className={styles.label}>{props.label}</dt>
      <dd className={styles.value}>{props.value}</dd>
    </div>
  );
}

/** The first `limit` items of a long list, all of them on request (so thousands never render at once). */
function useLimited<T>(items: readonly T[], limit: number | undefined): { shown: readonly T[]; toggle?: JSX.Element } {
  const [all, setAll] = React.useState(false);
  const { strings } = useFollowUp();
  if (limit === undefined || items.length <= limit) return { shown: items };
  return {
    shown: all ? items : items.slice(0, limit),
    toggle: (
      <Button appearance="subtle" onClick={() => setAll(!all)} aria-expanded={all} data-mpk-no-print="">
        {all ? strings.overview.showFewer : fill(strings.overview.showAll, { count: items.length })}
      </Button>
    ),
  };
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

/** "Nøgletal": initiatives and tasks by status, overdue tasks. */
export function KeyFigures(props: { overview: IOverview; overdueCount: number; taskCounts: Record<string, number>; locale: Locale; strings: IMpkFollowUpOverviewStrings; headingLevel: 'h3' | 'h4' }): JSX.Element {
  const app = useAppStyles();
  const { overview, locale, strings } = props;
  const Heading = props.headingLevel;
  const sub = props.headingLevel === 'h3' ? 'h4' : 'h5';
  const id = useId('mpk-keyfigures');
  return (
    <section className={app.section} aria-labelledby={id}>
      <Heading id={id} className={app.sectionHeading}>
        {strings.keyFigures}
      </Heading>
      <FigureGroup heading={strings.initiativesByStatus} level={sub}>
        {INITIATIVE_STATUSES.map((status) => (
          <Counter key={status} label={labelOf('initiativeStatus', status, locale)} value={overview.initiativesByStatus[status] || 0} />
        ))}
      </FigureGroup>
      <FigureGroup heading={strings.tasksByStatus} level={sub}>
        {TASK_STATUSES.map((status) => (
          <Counter key={status} label={labelOf('taskStatus', status, locale)} value={props.taskCounts[status] || 0} />
        ))}
        <Counter label={strings.overdueCount} value={props.overdueCount} alert />
      </FigureGroup>
    </section>
  );
}

/** "Stoppede indsatser – og hvorfor". */
export function StoppedInitiatives(props: {
  initiatives: readonly IInitiative[];
  units: readonly IUnitItem[];
  ambitions: readonly IAmbition[];
  strings: IMpkFollowUpOverviewStrings;
  unknownUnit: string;
  headingLevel: 'h3' | 'h4';
  /** Show this many until "Vis alle" (none: all, as in the printed report). */
  limit?: number;
}): JSX.Element {
  const app = useAppStyles();
  const tasks = useTaskStyles();
  const { strings } = props;
  const { shown, toggle } = useLimited(props.initiatives, props.limit);
  const Heading = props.headingLevel;
  const id = useId('mpk-stopped');
  return (
    <section className={app.section} aria-labelledby={id}>
      <Heading id={id} className={app.sectionHeading}>
        {fill(strings.stoppedHeading, { count: props.initiatives.length })}
      </Heading>
      {props.initiatives.length === 0 ? (
        <Text as="p" block>{strings.stoppedNone}</Text>
      ) : (
        <ul className={app.list}>
          {shown.map((initiative) => (
            <li key={initiative.id ?? initiative.clientKey} className={tasks.card}>
              <Text weight="semibold">{initiative.title}</Text>
              <span className={tasks.meta}>
                <span>{unitName(props.units, initiative.unitId, props.unknownUnit)}</span>
                <span>{ambitionTitle(props.ambitions, initiative.ambitionKey)}</span>
              </span>
              <p className={tasks.description}>
                <Text weight="semibold">{strings.stopReason} </Text>
                {initiative.stopReason && initiative.stopReason.trim() ? initiative.stopReason : strings.noReason}
              </p>
            </li>
          ))}
        </ul>
      )}
      {toggle}
    </section>
  );
}

/** "Hverdagshistorier pr. ambition". */
function StoriesPerAmbition(props: { overview: IOverview; ambitions: readonly IAmbition[]; strings: IMpkFollowUpOverviewStrings }): JSX.Element {
  const app = useAppStyles();
  const styles = useCounterStyles();
  const keys = Object.keys(props.overview.storiesByAmbition);
  const ordered = props.ambitions.map((a) => a.key).filter((k) => keys.indexOf(k) >= 0).concat(keys.filter((k) => !props.ambitions.some((a) => a.key === k)));
  const id = useId('mpk-stories');
  return (
    <section className={app.section} aria-labelledby={id}>
      <h3 id={id} className={app.sectionHeading}>
        {props.strings.storiesHeading}
      </h3>
      <dl className={styles.grid}>
        {ordered.map((key) => (
          <Counter key={key} label={ambitionTitle(props.ambitions, key)} value={own(props.overview.storiesByAmbition, key) || 0} />
        ))}
      </dl>
    </section>
  );
}

/** The overdue tasks, most overdue first. */
export function OverdueList(props: { tasks: readonly IFollowUpTask[]; heading: string; empty: string; headingLevel: 'h3' | 'h4'; limit?: number }): JSX.Element {
  const app = useAppStyles();
  const styles = useTaskStyles();
  const { shown, toggle } = useLimited(props.tasks, props.limit);
  const Heading = props.headingLevel;
  const id = useId('mpk-overdue');
  return (
    <section className={app.section} aria-labelledby={id}>
      <Heading id={id} className={app.sectionHeading}>
        {props.heading}
      </Heading>
      {props.tasks.length === 0 ? (
        <Text as="p" block>{props.empty}</Text>
      ) : (
        <ul className={app.list}>
          {shown.map((task) => (
            <li key={task.id ?? task.clientKey} className={mergeClasses(styles.card, styles.overdueCard)}>
              <Text weight="semibold">{task.title}</Text>
              <TaskDue task={task} />
              <TaskFacts task={task} />
            </li>
          ))}
        </ul>
      )}
      {toggle}
    </section>
  );
}


/**
 * The date to compare with: a labelled native date input with its hint and, when invalid, its message
 * (described by both, aria-invalid; the message is an alert). Fluent's Field and Input would be the
 * only users of their packages in the first view.
 */
function SinceField(props: { value: string; max: string; invalid: boolean; onChange(value: string): void; label: string; hint: string; error: string }): JSX.Element {
  const app = useAppStyles();
  const styles = useDateFieldStyles();
  const inputId = useId('mpk-since');
  const hintId = `${inputId}-hint`;
  const errorId = `${inputId}-error`;
  return (
    <div className={mergeClasses(styles.field, app.narrowField)}>
      <label htmlFor={inputId} className={styles.label}>
        {props.label}
      </label>
      <input
        id={inputId}
        type="date"
        className={mergeClasses(styles.input, props.invalid && styles.invalid)}
        value={props.value}
        max={props.max}
        onChange={(event) => props.onChange(event.target.value)}
        aria-invalid={props.invalid || undefined}
        aria-describedby={props.invalid ? `${errorId} ${hintId}` : hintId}
      />
      {props.invalid && (
        <span id={errorId} role="alert" className={styles.error}>
          {props.error}
        </span>
      )}
      <span id={hintId} className={styles.hint}>
        {props.hint}
      </span>
    </div>
  );
}

/** The chefgruppe's overview: key figures, the matrix, stopped initiatives, stories and what is overdue. */
export function OverviewTab(props: IOverviewTabProps): JSX.Element {
  const { view, locale, strings, now, planUrl, host } = useFollowUp();
  const app = useAppStyles();
  const s = strings.overview;
  const [since, setSince] = React.useState<string>(props.since);
  React.useEffect(() => setSince(props.since), [props.since]);
  const sinceValid = isValidIsoDate(since) && since <= today(now);
  const matrixId = useId('mpk-matrix');
  const taskCounts = React.useMemo(() => addDelta(view.overview.tasksByStatus, props.taskDelta), [view.overview.tasksByStatus, props.taskDelta]);

  return (
    <div className={app.panel}>
      <KeyFigures overview={view.overview} overdueCount={props.overdue.length} taskCounts={taskCounts} locale={locale} strings={s} headingLevel="h3" />

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
          <SinceField value={since} max={today(now)} invalid={!!since && !sinceValid} onChange={setSince} label={s.sinceLabel} hint={s.sinceHint} error={s.sinceInvalid} />
          <Button type="submit" disabled={!sinceValid || since === props.since || props.busy}>
            {s.compare}
          </Button>
        </form>
        {view.overview.rows.length === 0 ? (
          <Text as="p" block>{s.noUnits}</Text>
        ) : (
          <>
            <OverviewMatrix rows={view.overview.rows} ambitions={view.ambitions} since={props.since} locale={locale} strings={strings.matrix} planUrl={planUrl} openLinksInNewWindow={host === 'teams-personal'} />
            <MatrixLegend locale={locale} strings={strings.matrix} />
          </>
        )}
        {!view.complete && (
          <MessageBar intent="warning" layout="multiline">
            <MessageBarBody>{s.incomplete}</MessageBarBody>
          </MessageBar>
        )}
      </section>

      <OverdueList tasks={props.overdue} heading={fill(s.overdueHeading, { count: props.overdue.length })} empty={s.overdueNone} headingLevel="h3" limit={LIST_LIMIT} />
      <StoppedInitiatives initiatives={view.overview.stoppedInitiatives} units={view.units} ambitions={view.ambitions} strings={s} unknownUnit={strings.task.unknownUnit} headingLevel="h3" limit={LIST_LIMIT} />
      <StoriesPerAmbition overview={view.overview} ambitions={view.ambitions} strings={s} />
      <Text as="p" block size={200} className={app.muted}>
        {fill(s.madeAt, { date: formatDate(now, locale) })}
      </Text>
    </div>
  );
}
