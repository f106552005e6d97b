import * as React from 'react';
import { Button, mergeClasses, Text, useId } from '@fluentui/react-components';
import { Spinner } from '../shell/Spinner';
import type { IFollowUpTask, TaskStatus } from '../../domain/model';
import { canTransitionTask, isOverdue } from '../../domain/workflow';
import { DataErrorMessage } from '../shell/DataErrorMessage';
import { fill } from '../shell/strings';
import { useFollowUp } from './FollowUpContext';
import { StatusFeedback } from './StatusFeedback';
import { TaskDue, TaskFacts } from './TaskDetails';
import { useAppStyles, useTaskStyles } from './useFollowUpStyles.styles';
import type { IMyTaskPages } from './useFollowUpData';
import { useTaskStatus } from './useTaskStatus';

/** Props of {@link MyTasks}. */
export interface IMyTasksProps {
  /** The reader's tasks, this session's saves folded in, open ones first. */
  tasks: readonly IFollowUpTask[];
  /** Paging ("Vis flere") when the reader has more tasks than the first page; none: `tasks` is all. */
  pages?: Pick<IMyTaskPages, 'hasMore' | 'busy' | 'error' | 'loadMore'>;
  /** The heading level: h3 under the surface's title, h2 when it stands alone. @default 'h3' */
  headingLevel?: 'h2' | 'h3';
}

/** One of the reader's tasks with the status actions an assignee has. */
const MyTask = React.memo(function MyTask(props: {
  task: IFollowUpTask;
  busy: boolean;
  onChange(task: IFollowUpTask, status: TaskStatus): void;
  titleLevel: 'h4' | 'h5';
}): JSX.Element {
  const { strings, now } = useFollowUp();
  const styles = useTaskStyles();
  const s = strings.mine;
  const { task } = props;
  const Title = props.titleLevel;
  const titleId = useId('mpk-mytask');
  const can = (status: TaskStatus): boolean => canTransitionTask(task.status, status);
  // Done from any status that allows it; start an open task; reopen a closed one.
  const actions = [
    { to: 'closed' as const, show: can('closed'), primary: true, text: s.markDone, label: s.markDoneLabel },
    {
      to: 'inProgress' as const,
      show: task.status === 'open' && can('inProgress'),
      text: s.start,
      label: s.startLabel,
    },
    { to: 'open' as const, show: task.status === 'closed' && can('open'), text: s.reopen, label: s.reopenLabel },
  ];
  return (
    <li
      className={mergeClasses(styles.card, isOverdue(task, now) && styles.overdueCard)}
      aria-labelledby={titleId}
      aria-busy={props.busy || undefined}
      tabIndex={-1}
      data-mpk-task={task.id}
    >
      <Title id={titleId} className={styles.title}>
        {task.title}
      </Title>
      <TaskDue task={task} />
      <TaskFacts task={task} hideAssignee />
      {task.description && <p className={styles.description}>{task.description}</p>}
      <div className={styles.actions}>
        {actions
          .filter((action) => action.show)
          .map((action) => (
            <Button
              key={action.to}
              appearance={action.primary ? 'primary' : undefined}
              size="small"
              disabled={props.busy}
              onClick={() => props.onChange(task, action.to)}
              aria-label={fill(action.label, { title: task.title })}
            >
              {action.text}
            </Button>
          ))}
      </div>
    </li>
  );
});

/** The disclosure's chevron (inline: @fluentui/react-icons is not part of the bundle). */
function Chevron(props: { open: boolean }): JSX.Element {
  return (
    <svg width="16" height="16" viewBox="0 0 16 16" aria-hidden="true" focusable="false">
      <path
        d={
          props.open ? 'M3.2 5.7 8 10.5l4.8-4.8.7.7L8 11.9 2.5 6.4z' : 'M5.7 12.8 10.5 8 5.7 3.2l.7-.7L11.9 8l-5.5 5.5z'
        }
        fill="currentColor"
      />
    </svg>
  );
}

/**
 * "Mine opgaver": the signed-in person's tasks across units, as a Teams personal app and on
 * SharePoint. An assignee changes only the status (`tasks.setStatus`).
 */
export function MyTasks(props: IMyTasksProps): JSX.Element {
  const { strings } = useFollowUp();
  const app = useAppStyles();
  const s = strings.mine;
  const status = useTaskStatus();
  const change = status.change;
  const onChange = React.useCallback(
    (task: IFollowUpTask, next: TaskStatus) => {
      change(task, next).catch(() => undefined);
    },
    [change],
  );
  const open = props.tasks.filter((t) => t.status !== 'closed');
  const closed = props.tasks.filter((t) => t.status === 'closed');
  const Heading = props.headingLevel || 'h3';
  const titleLevel = Heading === 'h2' ? 'h4' : 'h5';
  const SubHeading = Heading === 'h2' ? 'h3' : 'h4';
  const headingId = useId('mpk-mine');
  // The closed tasks fold away under a disclosure button (WAI-ARIA disclosure pattern; Fluent's
  // Accordion would bring its focus machinery into the first view's bundle).
  const closedPanelId = useId('mpk-mine-closed');
  const [closedOpen, setClosedOpen] = React.useState(false);
  const taskStyles = useTaskStyles();
  const pages = props.pages;
  const hasMore = !!pages && pages.hasMore;
  // Open tasks come first: once a closed one has been read, every open one has.
  const openHeading = hasMore && closed.length === 0 ? s.openHeadingMore : s.openHeading;
  const closedHeading = hasMore ? s.closedHeadingMore : s.closedHeading;

  const taskItem = (task: IFollowUpTask): JSX.Element => (
    <MyTask
      key={task.id ?? task.clientKey}
      task={task}
      busy={status.busyId === task.id}
      onChange={onChange}
      titleLevel={titleLevel}
    />
  );

  return (
    <section className={app.panel} aria-labelledby={headingId}>
      <Heading id={headingId} className={app.sectionHeading}>
        {s.heading}
      </Heading>
      <StatusFeedback change={status} />
      {props.tasks.length === 0 ? (
        <Text as="p" block>
          {s.empty}
        </Text>
      ) : (
        <>
          <SubHeading className={app.sectionHeading}>{fill(openHeading, { count: open.length })}</SubHeading>
          {open.length === 0 ? (
            <Text as="p" block>
              {s.noOpen}
            </Text>
          ) : (
            <ul className={app.list}>{open.map(taskItem)}</ul>
          )}
          {closed.length > 0 && (
            <>
              <SubHeading className={app.sectionHeading}>
                <Button
                  appearance="subtle"
                  icon={<Chevron open={closedOpen} />}
                  aria-expanded={closedOpen}
                  aria-controls={closedPanelId}
                  onClick={() => setClosedOpen((value) => !value)}
                  className={app.disclosure}
                >
                  {fill(closedHeading, { count: closed.length })}
                </Button>
              </SubHeading>
              <div id={closedPanelId} hidden={!closedOpen}>
                {closedOpen && <ul className={app.list}>{closed.map(taskItem)}</ul>}
              </div>
            </>
          )}
        </>
      )}
      {pages && pages.error !== undefined && (
        <DataErrorMessage error={pages.error} title={s.loadFailed} onRetry={pages.loadMore} />
      )}
      {pages && (hasMore || pages.busy) && (
        <div className={taskStyles.more}>
          <Text>{fill(s.shownMore, { count: props.tasks.length })}</Text>
          <Button onClick={pages.loadMore} disabled={pages.busy}>
            {s.showMore}
          </Button>
          {pages.busy && <Spinner size="tiny" label={s.loading} />}
        </div>
      )}
    </section>
  );
}
