import * as React from 'react';
import { mergeClasses } from '@fluentui/react-components';
import { formatDate, isValidIsoDate } from '../../domain/dates';
import type { IFollowUpTask } from '../../domain/model';
import { isOverdue } from '../../domain/workflow';
import { useStrings, fill } from '../shell/strings';
import { useFollowUp, useTaskNaming } from './FollowUpContext';
import { useTaskStyles } from './useFollowUpStyles.styles';
import { formatWeek, labelOf } from '../shell/texts';

/** A warning sign drawn inline (no icon package): the overdue cue besides colour and words. */
function WarningShape(): JSX.Element {
  return (
    <svg viewBox="0 0 16 16" width="14" height="14" aria-hidden="true" focusable="false" fill="currentColor">
      <path d="M8 1 15 14H1Z M7.25 6v4h1.5V6Z M7.25 11v1.5h1.5V11Z" fillRule="evenodd" />
    </svg>
  );
}

/** Props of {@link TaskDue}. */
export interface ITaskDueProps {
  task: IFollowUpTask;
}

/** "Frist 03.03.2026 (uge 10)" and, when it has passed, "⚠ Over fristen – uge 10". */
export function TaskDue(props: ITaskDueProps): JSX.Element {
  const mpkStrings = useStrings();
  const { now, locale, strings } = useFollowUp();
  const styles = useTaskStyles();
  const { task } = props;
  if (!isValidIsoDate(task.dueDate)) return <span>{strings.task.noDueDate}</span>;
  const week = formatWeek(mpkStrings, task.dueDate, locale);
  return (
    <span className={styles.due}>
      <span>{fill(strings.task.due, { date: formatDate(task.dueDate, locale), week })}</span>
      {isOverdue(task, now) && (
        <span className={styles.overdue}>
          <WarningShape />
          {fill(strings.task.overdue, { week })}
        </span>
      )}
    </span>
  );
}

/** Props of {@link TaskFacts}. */
export interface ITaskFactsProps {
  task: IFollowUpTask;
  /** Leave out the assignee ("Mine opgaver" is all the reader's own). @default false */
  hideAssignee?: boolean;
  className?: string;
}

/** Unit, what it is about, who has it, status and meeting, in one wrapping line. */
export function TaskFacts(props: ITaskFactsProps): JSX.Element {
  const mpkStrings = useStrings();
  const { strings } = useFollowUp();
  const naming = useTaskNaming();
  const styles = useTaskStyles();
  const { task } = props;
  const about = naming.about(task);
  return (
    <span className={mergeClasses(styles.meta, props.className)}>
      <span>{naming.unit(task)}</span>
      {about && <span>{about}</span>}
      {!props.hideAssignee && <span>{fill(strings.task.assignee, { name: naming.assignee(task) })}</span>}
      <span>{fill(strings.task.status, { status: statusLabel(mpkStrings, task) })}</span>
      {task.meeting && <span>{fill(strings.task.meeting, { meeting: task.meeting })}</span>}
    </span>
  );
}

/** A task's status label; an unknown value from SharePoint is shown as it is. */
export function statusLabel(strings: Pick<IMpkStrings, 'labels'>, task: IFollowUpTask): string {
  return labelOf(strings, 'taskStatus', task.status);
}
