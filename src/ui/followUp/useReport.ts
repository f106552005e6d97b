import * as React from 'react';
import { measureUnitText } from '../measurements/measureText';
import type { IMeasurementsData } from './measurementResults';
import { today } from '../../domain/dates';
import { validateFilterText } from '../../domain/validation';
import type { IValidationError } from '../../domain/messages';
import type { IFollowUpTask, IInitiative, TaskStatus } from '../../domain/model';
import type { IPage } from '../../data/repositories/types';
import { useServices } from '../shell/services';
import { fill, useStrings } from '../shell/strings';
import { addDelta, applyEdits, type ITaskEdits } from './followUpModel';
import { taskNaming, useFollowUp } from './FollowUpContext';
import type { IOverviewLists } from './useOverviewLists';
import { buildStatusWorkbook, exportWorkbook, reportFileName } from './statusReport';

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

export type MeetingTasks =
  | { status: 'idle' }
  | { status: 'loading'; meeting: string }
  | { status: 'ready'; meeting: string; tasks: IFollowUpTask[]; truncated: boolean }
  | { status: 'failed'; meeting: string; error: unknown };

/** What {@link useReport} hands to the render function. */
export interface IReportState {
  meetingInput: string;
  setMeetingInput(value: string): void;
  /** Why the typed meeting cannot be asked for (none: it can). */
  meetingErrors: readonly IValidationError[];
  meetingTasks: MeetingTasks;
  /** The meeting shown (none: the overdue tasks). */
  meeting: string | undefined;
  /** Shows the typed meeting's tasks (or, with nothing typed, the overdue tasks). */
  show(event?: React.FormEvent): void;
  tasks: IFollowUpTask[];
  taskCounts: Record<TaskStatus, number>;
  listsLoading: boolean;
  listsReady: boolean;
  exporting: boolean;
  exportError: unknown;
  dismissExportError(): void;
  exportExcel(): Promise<void>;
}

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

type Services = ReturnType<typeof useServices>;

/** Titles of the initiatives the tasks are about, read per unit now if not known yet (export only). */
async function titlesFor(
  services: Services,
  known: Record<number, string>,
  list: readonly IFollowUpTask[],
): Promise<{ titles: Record<number, string>; read: IInitiative[] }> {
  const titles = { ...known };
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
  return { titles, read };
}

/** The tasks as saved: those saved here as they are, the others read whole (by id). */
async function wholeTasks(
  services: Services,
  edits: ITaskEdits,
  list: readonly IFollowUpTask[],
): Promise<IFollowUpTask[]> {
  const ids = list.filter((task) => task.id !== undefined && !edits.known[task.id]).map((task) => task.id as number);
  const read = ids.length > 0 ? await services.tasks.getMany(ids) : [];
  const byId = new Map(read.map((task) => [task.id, task]));
  return list.map((task) => (task.id !== undefined && byId.get(task.id)) || task);
}

/** The status report's state: the meeting asked for, its tasks, both overview lists and the Excel export. */
export function useReport(props: IReportTabProps, measurements?: IMeasurementsData): IReportState {
  const services = useServices();
  const mpkStrings = useStrings();
  const context = useFollowUp();
  const { view, strings, locale, now, announce, initiativeTitles, rememberInitiatives } = context;
  const s = strings.report;
  const [meetingInput, setMeetingInput] = React.useState('');
  const [meetingTasks, setMeetingTasks] = React.useState<MeetingTasks>({ status: 'idle' });
  const [exporting, setExporting] = React.useState(false);
  const [exportError, setExportError] = React.useState<unknown>();

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
        (error: unknown) => setMeetingTasks({ status: 'failed', meeting, error }),
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

  const exportExcel = async (): Promise<void> => {
    setExporting(true);
    setExportError(undefined);
    try {
      // The view's overdue tasks were read without their descriptions: the workbook has them. Those
      // read on demand are whole already.
      const whole =
        meetingTasks.status === 'idle' && !lists.overdueWhole ? await wholeTasks(services, props.edits, tasks) : tasks;
      const { titles, read } = await titlesFor(services, initiativeTitles, whole);
      if (read.length > 0) rememberInitiatives(read);
      const people = { ...context.people, labelOf: context.people.plainLabelOf };
      const naming = taskNaming({ view, strings, people, initiativeTitles: titles });
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
        // The workbook is read by others: the exporter is named as anyone else, not "(dig)".
        personLabel: (id) => (id === undefined ? '' : context.people.plainLabelOf(id)),
        aboutText: naming.about,
        now,
        locale,
        texts: strings.excel,
        labels: mpkStrings.labels,
        measurements: measurements && {
          ...measurements,
          trendText: (trend) => mpkStrings.measurements.trends[trend],
          unitText: (unit) => measureUnitText(mpkStrings.measurements, unit),
        },
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

  return {
    meetingInput,
    setMeetingInput,
    meetingErrors,
    meetingTasks,
    meeting,
    show,
    tasks,
    taskCounts,
    listsLoading,
    listsReady,
    exporting,
    exportError,
    dismissExportError: () => setExportError(undefined),
    exportExcel,
  };
}
