import * as React from 'react';
import { Button, Field, Input, Text, Title3, useId } from '@fluentui/react-components';
import { Spinner } from '../shell/Spinner';
import { Notice, NoticeBody } from '../shell/Notice';
import { formatDate } from '../../domain/dates';
import { DataErrorMessage } from '../shell/DataErrorMessage';
import { useStrings, fill } from '../shell/strings';
import { FollowUpContext, useFollowUp } from './FollowUpContext';
import { useServices } from '../shell/services';
import { ResultsTable, useMeasurements } from './measurementResults';
import { KeyFigures, MatrixAndLegend, OverdueSection, StoppedSection } from './OverviewTab';
import { TaskTable } from './TaskBoard';
import { useAppStyles, usePrintStyles, useReportStyles } from './useFollowUpStyles.styles';
import { REPORT_TASK_LIMIT, useReport, type IReportState, type IReportTabProps } from './useReport';
import { describeError } from '../shell/texts';

export { REPORT_TASK_LIMIT, type IReportTabProps } from './useReport';

/** What is not printed: the meeting to report on, Excel, print, and how the export went. */
function ReportControls(props: { report: IReportState; meetings: readonly string[] }): JSX.Element {
  const mpkStrings = useStrings();
  const { report } = props;
  const { strings, locale } = useFollowUp();
  const app = useAppStyles();
  const styles = useReportStyles();
  const s = strings.report;
  const listId = useId('mpk-report-meetings');
  const { meetingErrors } = report;
  return (
    <section className={app.section} data-mpk-no-print="">
      <h3 className={app.sectionHeading}>{s.heading}</h3>
      <Text as="p" block>
        {s.intro}
      </Text>
      <form className={styles.controls} onSubmit={report.show}>
        <Field
          label={s.meeting}
          hint={s.meetingHint}
          validationMessage={meetingErrors.length > 0 ? describeError(mpkStrings, meetingErrors[0], locale) : undefined}
        >
          <Input value={report.meetingInput} list={listId} onChange={(_, d) => report.setMeetingInput(d.value)} />
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
          onClick={() => report.exportExcel().catch(() => undefined)}
          disabled={report.exporting || report.meetingTasks.status === 'loading' || !report.listsReady}
        >
          {report.exporting ? s.excelWorking : s.excel}
        </Button>
        <Button onClick={() => window.print()} disabled={!report.listsReady}>
          {s.print}
        </Button>
      </div>
      {report.listsLoading && <Spinner size="tiny" label={s.loadingLists} />}
      {report.exporting && <Spinner size="tiny" label={s.excelWorking} />}
      {report.exportError !== undefined && (
        <DataErrorMessage error={report.exportError} title={s.excelFailed} onDismiss={report.dismissExportError} />
      )}
    </section>
  );
}

/** The meeting's tasks in the report (or why they are not there yet). */
function MeetingSection(props: { report: IReportState }): JSX.Element | null {
  const { report } = props;
  const { meetingTasks, tasks } = report;
  const app = useAppStyles();
  const s = useFollowUp().strings.report;
  switch (meetingTasks.status) {
    case 'loading':
      return <Spinner size="tiny" label={s.loadingTasks} />;
    case 'failed':
      return <DataErrorMessage error={meetingTasks.error} title={s.tasksFailed} onRetry={() => report.show()} />;
    case 'ready':
      return (
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
      );
    default:
      return null;
  }
}

/**
 * "Statusrapport": the overview and one meeting's tasks for the direktion and the Kommunalbestyrelse —
 * as an Excel workbook (the library is fetched only when someone exports) or printed (only the report).
 * State in {@link useReport}.
 */
export function ReportTab(props: IReportTabProps): JSX.Element {
  usePrintStyles();
  const context = useFollowUp();
  const { view, strings, locale, now, people } = context;
  const { user } = useServices();
  // The printed report is read by others: everyone in it is named plainly, the reader too (no "(dig)").
  const printed = React.useMemo(
    () => ({ ...context, people: { ...people, labelOf: people.plainLabelOf } }),
    [context, people],
  );
  const mpkStrings = useStrings();
  const app = useAppStyles();
  const styles = useReportStyles();
  const s = strings.report;
  const measurements = useMeasurements().loader;
  const report = useReport(props, measurements.view);
  const { lists } = props;
  const titleId = useId('mpk-report-title');

  return (
    <div className={app.panel}>
      <ReportControls report={report} meetings={props.meetings} />
      <FollowUpContext.Provider value={printed}>
        <article className={styles.report} data-mpk-print-report="" aria-labelledby={titleId}>
          <div>
            <Title3 as="h3" block id={titleId} className={styles.title}>
              {report.meeting ? fill(s.title, { meeting: report.meeting }) : s.titleOverdue}
            </Title3>
            <Text as="p" block>
              {fill(s.made, {
                date: formatDate(now, locale),
                since: formatDate(props.since, locale),
                name: user.displayName || user.email || '',
              })}
            </Text>
          </div>
          <KeyFigures
            overview={view.overview}
            overdueCount={lists.overdueCount}
            taskCounts={report.taskCounts}
            locale={locale}
            strings={strings.overview}
            headingLevel="h4"
          />
          <section className={app.section} aria-label={strings.overview.matrixHeading}>
            <h4 className={app.sectionHeading}>{strings.overview.matrixHeading}</h4>
            <MatrixAndLegend since={props.since} />
          </section>
          <StoppedSection lists={lists} headingLevel="h4" />
          {measurements.view && measurements.view.results.length > 0 && (
            <section className={app.section} aria-labelledby="mpk-report-measurements">
              <h4 id="mpk-report-measurements" className={app.sectionHeading}>
                {mpkStrings.measurements.tab.heading}
              </h4>
              <ResultsTable data={measurements.view} labelledBy="mpk-report-measurements" />
            </section>
          )}
          <MeetingSection report={report} />
          {report.meetingTasks.status === 'idle' && <OverdueSection lists={lists} headingLevel="h4" />}
        </article>
      </FollowUpContext.Provider>
    </div>
  );
}
