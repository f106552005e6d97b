import * as React from 'react';
import {
  Button,
  Menu,
  MenuButton,
  MenuItem,
  MenuList,
  MenuPopover,
  MenuTrigger,
  mergeClasses,
  Text,
  useId,
} from '@fluentui/react-components';
import { TASK_STATUSES, type IFollowUpTask, type TaskStatus } from '../../domain/model';
import { canTransitionTask, isOverdue, nextTaskStatuses } from '../../domain/workflow';
import { useStrings, fill } from '../shell/strings';
import { groupByStatus } from './followUpModel';
import { useFollowUp, useTaskNaming } from './FollowUpContext';
import { statusLabel, TaskDue, TaskFacts } from './TaskDetails';
import { useTaskStyles } from './useFollowUpStyles.styles';
import { labelOf } from '../shell/texts';

/** Props shared by the board and the list. */
export interface ITaskViewProps {
  tasks: readonly IFollowUpTask[];
  /** Moves a task to another status. */
  onMove(task: IFollowUpTask, status: TaskStatus): void;
  /** Opens the task for editing (the chefgruppe only). */
  onEdit?(task: IFollowUpTask): void;
  /** The id of the task being saved. */
  busyId?: number;
}

/** Props of {@link TaskTable}. */
export interface ITaskTableProps extends Omit<ITaskViewProps, 'onMove'> {
  /** Without it the table has no actions (the printed report). */
  onMove?: ITaskViewProps['onMove'];
}

/** "Flyt" with the statuses the workflow allows next — the keyboard's (and touch's) way to move a card. */
export function MoveMenu(props: {
  task: IFollowUpTask;
  onMove(task: IFollowUpTask, status: TaskStatus): void;
  disabled?: boolean;
}): JSX.Element | null {
  const mpkStrings = useStrings();
  const { strings } = useFollowUp();
  const targets = nextTaskStatuses(props.task.status);
  if (targets.length === 0) return null;
  return (
    <Menu>
      <MenuTrigger disableButtonEnhancement>
        <MenuButton
          size="small"
          disabled={props.disabled}
          aria-label={fill(strings.board.moveLabel, { title: props.task.title })}
        >
          {strings.board.move}
        </MenuButton>
      </MenuTrigger>
      <MenuPopover>
        <MenuList>
          {targets.map((status) => (
            <MenuItem key={status} onClick={() => props.onMove(props.task, status)}>
              {fill(strings.board.moveTo, { status: labelOf(mpkStrings, 'taskStatus', status) })}
            </MenuItem>
          ))}
        </MenuList>
      </MenuPopover>
    </Menu>
  );
}

/** One task on the board: draggable with a mouse, movable with "Flyt" from the keyboard. */
const TaskCard = React.memo(function TaskCard(props: {
  task: IFollowUpTask;
  onMove: ITaskViewProps['onMove'];
  onEdit?: ITaskViewProps['onEdit'];
  busy: boolean;
  onDragStart(task: IFollowUpTask): void;
  onDragEnd(): void;
}): JSX.Element {
  const { strings, now } = useFollowUp();
  const styles = useTaskStyles();
  const { task } = props;
  const titleId = useId('mpk-task');
  return (
    <li
      className={mergeClasses(styles.card, isOverdue(task, now) && styles.overdueCard)}
      aria-labelledby={titleId}
      aria-busy={props.busy || undefined}
      data-task={task.id}
      tabIndex={-1}
      draggable
      onDragStart={(event) => {
        event.dataTransfer.setData('text/plain', String(task.id));
        event.dataTransfer.effectAllowed = 'move';
        props.onDragStart(task);
      }}
      onDragEnd={props.onDragEnd}
    >
      <h5 id={titleId} className={styles.title}>
        {task.title}
      </h5>
      <TaskDue task={task} />
      <TaskFacts task={task} />
      <div className={styles.actions}>
        <MoveMenu task={task} onMove={props.onMove} disabled={props.busy} />
        {props.onEdit && (
          <Button
            size="small"
            onClick={() => props.onEdit && props.onEdit(task)}
            aria-label={fill(strings.board.editLabel, { title: task.title })}
          >
            {strings.board.edit}
          </Button>
        )}
      </div>
    </li>
  );
});

/** The board: a column per status; cards move by drag and drop or by the "Flyt" menu. */
export function TaskBoard(props: ITaskViewProps): JSX.Element {
  const mpkStrings = useStrings();
  const { strings } = useFollowUp();
  const styles = useTaskStyles();
  const columns = React.useMemo(() => groupByStatus(props.tasks), [props.tasks]);
  const [dragging, setDragging] = React.useState<IFollowUpTask>();
  const [over, setOver] = React.useState<TaskStatus>();
  const headingBase = useId('mpk-column');
  const onDragEnd = React.useCallback(() => {
    setDragging(undefined);
    setOver(undefined);
  }, []);

  return (
    <div className={styles.board}>
      {TASK_STATUSES.map((status) => {
        const canDrop = !!dragging && canTransitionTask(dragging.status, status);
        return (
          <section
            key={status}
            className={mergeClasses(styles.column, over === status && canDrop && styles.dropTarget)}
            aria-labelledby={`${headingBase}-${status}`}
            onDragOver={(event) => {
              if (!canDrop) return;
              event.preventDefault();
              event.dataTransfer.dropEffect = 'move';
              if (over !== status) setOver(status);
            }}
            onDragLeave={() => over === status && setOver(undefined)}
            onDrop={(event) => {
              event.preventDefault();
              const task = dragging;
              onDragEnd();
              if (task && canTransitionTask(task.status, status)) props.onMove(task, status);
            }}
          >
            <h4 id={`${headingBase}-${status}`} className={styles.columnHeading}>
              {fill(strings.board.column, {
                status: labelOf(mpkStrings, 'taskStatus', status),
                count: columns[status].length,
              })}
            </h4>
            {columns[status].length === 0 ? (
              <Text size={200}>{strings.board.columnEmpty}</Text>
            ) : (
              <ul className={styles.cardList}>
                {columns[status].map((task) => (
                  <TaskCard
                    key={task.id ?? task.clientKey}
                    task={task}
                    onMove={props.onMove}
                    onEdit={props.onEdit}
                    busy={props.busyId !== undefined && props.busyId === task.id}
                    onDragStart={setDragging}
                    onDragEnd={onDragEnd}
                  />
                ))}
              </ul>
            )}
          </section>
        );
      })}
    </div>
  );
}

/** The same tasks as a table: one row each, sortable by reading order (due date). */
export function TaskTable(props: ITaskTableProps): JSX.Element {
  const mpkStrings = useStrings();
  const { strings, now } = useFollowUp();
  const naming = useTaskNaming();
  const styles = useTaskStyles();
  const s = strings.board;
  const onMove = props.onMove;
  const headers = [s.colTitle, s.colDue, s.colStatus, s.colUnit, s.colAbout, s.colAssignee, s.colMeeting].concat(
    onMove ? [s.colActions] : [],
  );
  return (
    <div className={styles.tableScroller} role="region" aria-label={s.tableCaption} tabIndex={0}>
      <table className={styles.table}>
        <caption className={styles.caption}>{s.tableCaption}</caption>
        <thead>
          <tr>
            {headers.map((label) => (
              <th key={label} scope="col" className={styles.th}>
                {label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {props.tasks.map((task) => (
            <tr
              key={task.id ?? task.clientKey}
              className={mergeClasses(styles.row, isOverdue(task, now) && styles.overdueRow)}
              data-task={task.id}
              tabIndex={-1}
            >
              <th scope="row" className={mergeClasses(styles.td, styles.rowHeader)}>
                {task.title}
              </th>
              <td className={styles.td}>
                <TaskDue task={task} />
              </td>
              <td className={styles.td}>{statusLabel(mpkStrings, task)}</td>
              <td className={styles.td}>{naming.unit(task)}</td>
              <td className={styles.td}>{naming.about(task)}</td>
              <td className={styles.td}>{naming.assignee(task)}</td>
              <td className={styles.td}>{task.meeting || ''}</td>
              {onMove && (
                <td className={styles.td}>
                  <div className={styles.actions}>
                    <MoveMenu task={task} onMove={onMove} disabled={props.busyId === task.id} />
                    {props.onEdit && (
                      <Button
                        size="small"
                        onClick={() => props.onEdit && props.onEdit(task)}
                        aria-label={fill(s.editLabel, { title: task.title })}
                      >
                        {s.edit}
                      </Button>
                    )}
                  </div>
                </td>
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
