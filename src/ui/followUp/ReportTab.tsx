import * as React from 'react';
import { Button, Field, Input, Text, Title3, useId } from '@fluentui/react-components';
import { Spinner } from '../shell/Spinner';
import { Notice, NoticeBody } from '../shell/Notice';
import { formatDate, today } from '../../domain/dates';
import { validateFilterText } from '../../domain/validation';
import type { IFollowUpTask, IInitiative } from '../../domain/model';
import type { IPage } from '../../data/repositories/types';
import { DataErrorMessage } from '../shell/DataErrorMessage';
import { useServices } from '../shell/services';
import { useStrings, fill } from '../shell/strings';
import { addDelta, applyEdits, type ITaskEdits } from './followUpModel';
import { taskNaming, useFollowUp } from './FollowUpContext';
import { MatrixLegend, OverviewMatrix } from './OverviewMatrix';
import { KeyFigures, OverdueSection, StoppedSection } from './OverviewTab';
import type { IOverviewLists } from './useOverviewLists';
import { buildStatusWorkbook, exportWorkbook, reportFileName } from './statusReport';
import { TaskTable } from './TaskBoard';
import { useAppStyles, usePrintStyles, useReportStyles } from './useFollowUpStyles.styles';
import { describeError } from '../shell/texts';

/** At most this many of a meeting's tasks go into a report (a meeting has dozens; this guards the page). */
export const REPORT_TASK_LIMIT = 1000;
const REPORT_PAGE_SIZE = 200;

const NO_TASKS: readonly IFollowUpTask[] = [];

/** Props of {@link ReportTab}. */
export interface IReportTabProps {
  since: string;
  /** The overdue tasks and stopped initiatives (read when the report is opened, if not yet). */
  lists: IOverviewLists;
  taskDelta: ITaskEdits['statusDelta'];
  edits: ITaskEdits;
  meetings: readonly string[];
}

type MeetingTasks =
  | { status: 'idle' }
  | { status: 'loading'; meeting: string }
  | { status: 'ready'; meeting: string; tasks: IFollowUpTask[]; truncated: boolean }
  | { status: 'error'; meeting: string; error: unknown };

/** Reads every page of one meeting's tasks (threshold-safe: the repository filters on indexed columns), up to the limit. */
async function readMeetingTasks(first: IPage<IFollowUpTask>): Promise<{ tasks: IFollowUpTask[]; truncated: boolean }> {
  let page = first;
  const tasks = page.items.slice();
  while (page.hasMore && tasks.length < REPORT_TASK_LIMIT) {
    page = await page.nextPage();
    tasks.push(...page.items);
  }
  return { tasks: tasks.slice(0, REPORT_TASK_LIMIT), truncated: page.hasMore || tasks.length > REPORT_TASK_LIMIT };
}

/**
 * "Statusrapport": the overview and one meeting's tasks for the direktion and the Kommunalbestyrelse —
 * as an Excel workbook (the library is fetched only when someone exports) or printed (only the report).
 */
export function ReportTab(props: IReportTabProps): JSX.Element {
  const mpkStrings = useStrings();
  usePrintStyles();
  const services = useServices();
  const context = useFollowUp();
  const { view, strings, locale, now, announce, initiativeTitles, rememberInitiatives } = context;
  const app = useAppStyles();
  const styles = useReportStyles();
  const s = strings.report;
  const [meetingInput, setMeetingInput] = React.useState('');
  const [meetingTasks, setMeetingTasks] = React.useState<MeetingTasks>({ status: 'idle' });
  const [exporting, setExporting] = React.useState(false);
  const [exportError, setExportError] = React.useState<unknown>();
  const listId = useId('mpk-report-meetings');
  const titleId = useId('mpk-report-title');

  // A meeting's name is one line of text: a longer one is refused here, with the reason, not sent.
  const meetingErrors = validateFilterText('meeting', meetingInput.trim());
  // The report has both lists: read them now if the overview has not.
  const { lists } = props;
  const { loadOverdue, loadStopped } = lists;
  React.useEffect(() => {
    loadOverdue();
    loadStopped();
  }, [loadOverdue, loadStopped]);
  const overdue = lists.overdue.status === 'ready' ? lists.overdue.items : NO_TASKS;
  const listsLoading = lists.overdue.status === 'loading' || lists.stopped.status === 'loading';
  const listsReady = lists.overdue.status === 'ready' && lists.stopped.status === 'ready';
  const show = (event?: React.FormEvent): void => {
    if (event) event.preventDefault();
    const meeting = meetingInput.trim();
    if (meetingErrors.length > 0) return;
    if (!meeting) {
      setMeetingTasks({ status: 'idle' });
      return;
    }
    setMeetingTasks({ status: 'loading', meeting });
    services.tasks
      .query({ meeting }, REPORT_PAGE_SIZE)
      .then(readMeetingTasks)
      .then(
        (result) => setMeetingTasks({ status: 'ready', meeting, ...result }),
        (error: unknown) => setMeetingTasks({ status: 'error', meeting, error }),
      );
  };

  const meeting = meetingTasks.status === 'idle' ? undefined : meetingTasks.meeting;
  const tasks = React.useMemo(
    () =>
      meetingTasks.status === 'ready'
        ? applyEdits(meetingTasks.tasks, props.edits)
        : meetingTasks.status === 'idle'
          ? overdue.slice()
          : [],
    [meetingTasks, props.edits, overdue],
  );
  const taskCounts = React.useMemo(
    () => addDelta(view.overview.tasksByStatus, props.taskDelta),
    [view.overview.tasksByStatus, props.taskDelta],
  );

  /** Titles of the initiatives the tasks are about, read per unit now if not known yet (export only). */
  const titlesFor = async (list: readonly IFollowUpTask[]): Promise<Record<number, string>> => {
    const titles = { ...initiativeTitles };
    const units = new Set<number>();
    for (const task of list) if (task.initiativeId !== undefined && !titles[task.initiativeId]) units.add(task.unitId);
    const read: IInitiative[] = [];
    for (const unitId of Array.from(units)) {
      try {
        read.push(...(await services.initiatives.listForUnit(unitId)));
      } catch {
        // The task then names "indsats nr. 12"; the report is still worth having.
      }
    }
    for (const initiative of read) if (initiative.id !== undefined) titles[initiative.id] = initiative.title;
    if (read.length > 0) rememberInitiatives(read);
    return titles;
  };

  /** The tasks as saved: those saved here as they are, the others read whole (by id). */
  const wholeTasks = async (list: readonly IFollowUpTask[]): Promise<IFollowUpTask[]> => {
    const ids = list
      .filter((task) => task.id !== undefined && !props.edits.known[task.id])
      .map((task) => task.id as number);
    const read = ids.length > 0 ? await services.tasks.getMany(ids) : [];
    const byId = new Map(read.map((task) => [task.id, task]));
    return list.map((task) => (task.id !== undefined && byId.get(task.id)) || task);
  };

  const exportExcel = async (): Promise<void> => {
    setExporting(true);
    setExportError(undefined);
    try {
      // The view's overdue tasks were read without their descriptions: the workbook has them. Those
      // read on demand are whole already.
      const whole = meetingTasks.status === 'idle' && !lists.overdueWhole ? await wholeTasks(tasks) : tasks;
      const titles = await titlesFor(whole);
      const naming = taskNaming({ view, strings, people: context.people, initiativeTitles: titles });
      const stopped = lists.stopped.status === 'ready' ? lists.stopped.items.slice() : [];
      const overview = {
        ...view.overview,
        overdueTasks: overdue.slice(),
        stoppedInitiatives: stopped,
        tasksByStatus: taskCounts,
      };
      const sheets = buildStatusWorkbook({
        overview,
        ambitions: view.ambitions,
        units: view.units,
        tasks: whole,
        personLabel: (id) => (id === undefined ? '' : context.people.labelOf(id)),
        aboutText: naming.about,
        now,
        locale,
        texts: strings.excel,
        labels: mpkStrings.labels,
      });
      const fileName = reportFileName(s.filePrefix, meeting, today(now));
      await exportWorkbook(sheets, fileName);
      announce(fill(s.excelDone, { file: fileName }));
    } catch (error) {
      setExportError(error);
    } finally {
      setExporting(false);
    }
  };

  const reportTitle = meeting ? fill(s.title, { meeting }) : s.titleOverdue;

  return (
    <div className={app.panel}>
      <section className={app.section} data-mpk-no-print="">
        <h3 className={app.sectionHeading}>{s.heading}</h3>
        <Text as="p" block>
          {s.intro}
        </Text>
        <form className={styles.controls} onSubmit={show}>
          <Field
            label={s.meeting}
            hint={s.meetingHint}
            validationMessage={
              meetingErrors.length > 0 ? describeError(mpkStrings, meetingErrors[0], locale) : undefined
            }
          >
            <Input value={meetingInput} list={listId} onChange={(_, d) => setMeetingInput(d.value)} />
          </Field>
          <datalist id={listId}>
            {props.meetings.map((name) => (
              <option key={name} value={name} />
            ))}
          </datalist>
          <Button type="submit">{s.show}</Button>
        </form>
        <div className={styles.controls} role="group" aria-label={s.actionsLabel}>
          <Button
            appearance="primary"
            onClick={() => exportExcel().catch(() => undefined)}
            disabled={exporting || meetingTasks.status === 'loading' || !listsReady}
          >
            {exporting ? s.excelWorking : s.excel}
          </Button>
          <Button onClick={() => window.print()} disabled={!listsReady}>
            {s.print}
          </Button>
        </div>
        {listsLoading && <Spinner size="tiny" label={s.loadingLists} />}
        {exporting && <Spinner size="tiny" label={s.excelWorking} />}
        {exportError !== undefined && (
          <DataErrorMessage error={exportError} title={s.excelFailed} onDismiss={() => setExportError(undefined)} />
        )}
      </section>

      <article className={styles.report} data-mpk-print-report="" aria-labelledby={titleId}>
        <div>
          <Title3 as="h3" block id={titleId} className={styles.title}>
            {reportTitle}
          </Title3>
          <Text as="p" block>
            {fill(s.made, { date: formatDate(now, locale), since: formatDate(props.since, locale) })}
          </Text>
        </div>
        <KeyFigures
          overview={view.overview}
          overdueCount={lists.overdueCount}
          taskCounts={taskCounts}
          locale={locale}
          strings={strings.overview}
          headingLevel="h4"
        />
        <section className={app.section} aria-label={strings.overview.matrixHeading}>
          <h4 className={app.sectionHeading}>{strings.overview.matrixHeading}</h4>
          <OverviewMatrix
            rows={view.overview.rows}
            ambitions={view.ambitions}
            since={props.since}
            locale={locale}
            strings={strings.matrix}
          />
          <MatrixLegend locale={locale} strings={strings.matrix} />
        </section>
        <StoppedSection lists={lists} headingLevel="h4" />
        {meetingTasks.status === 'loading' && <Spinner size="tiny" label={s.loadingTasks} />}
        {meetingTasks.status === 'error' && (
          <DataErrorMessage error={meetingTasks.error} title={s.tasksFailed} onRetry={() => show()} />
        )}
        {meetingTasks.status === 'ready' && (
          <section className={app.section} aria-label={fill(s.tasksHeading, { meeting: meetingTasks.meeting })}>
            <h4 className={app.sectionHeading}>{fill(s.tasksHeading, { meeting: meetingTasks.meeting })}</h4>
            {meetingTasks.truncated && (
              <Notice intent="warning">
                <NoticeBody>{fill(s.truncated, { count: REPORT_TASK_LIMIT })}</NoticeBody>
              </Notice>
            )}
            {tasks.length === 0 ? (
              <Text as="p" block>
                {s.noTasks}
              </Text>
            ) : (
              <TaskTable tasks={tasks} />
            )}
          </section>
        )}
        {meetingTasks.status === 'idle' && <OverdueSection lists={lists} headingLevel="h4" />}
      </article>
    </div>
  );
}
