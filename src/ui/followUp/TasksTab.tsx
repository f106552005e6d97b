import * as React from 'react';
import { Button, Checkbox, Field, Input, Select, Text, ToggleButton, Toolbar, useId } from '@fluentui/react-components';
import { today } from '../../domain/dates';
import { Spinner } from '../shell/Spinner';
import { validateFilterText } from '../../domain/validation';
import { TASK_STATUSES, type IFollowUpTask, type TaskStatus } from '../../domain/model';
import type { ITaskFilters } from '../../data/repositories/types';
import { DataErrorMessage } from '../shell/DataErrorMessage';
import { SelectOptions } from '../shell/SelectOptions';
import { useStrings, fill } from '../shell/strings';
import { useFollowUp } from './FollowUpContext';
import { StatusFeedback } from './StatusFeedback';
import { TaskBoard, TaskTable } from './TaskBoard';
import { TaskFormDialog } from './TaskFormDialog';
import { useAppStyles, useTaskStyles } from './useFollowUpStyles.styles';
import type { ITaskBoard } from './useFollowUpData';
import { useTaskStatus } from './useTaskStatus';
import { describeError, labelOf } from '../shell/texts';
import { SavedNotice } from '../shell/SavedNotice';
import { useSavedConfirmation } from '../shell/useSavedConfirmation';

/** Props of {@link TasksTab}. */
export interface ITasksTabProps {
  board: ITaskBoard;
  /** Meetings to suggest in the filter and the form. */
  meetings: readonly string[];
  /** A key figure opened the tab filtered: its name, announced, and focus starts on the heading. */
  filteredBy?: string;
  /** The tab has taken `filteredBy` in (the next opening is an ordinary one). */
  onArrived?(): void;
}

/** The board's filters: unit, assignee and status apply at once; the meeting on Enter or when leaving the field. */
function TaskFilters(props: {
  filters: ITaskFilters;
  onChange(filters: ITaskFilters): void;
  meetings: readonly string[];
  /** "Vis alle opgaver" was pressed (the button goes: focus must go somewhere). */
  onCleared(): void;
}): JSX.Element {
  const mpkStrings = useStrings();
  const { view, strings, locale, people, now } = useFollowUp();
  const styles = useTaskStyles();
  const app = useAppStyles();
  const s = strings.board;
  const [meeting, setMeeting] = React.useState(props.filters.meeting || '');
  React.useEffect(() => setMeeting(props.filters.meeting || ''), [props.filters.meeting]);
  const listId = useId('mpk-meetings');
  const { filters, onChange } = props;
  // A meeting's name is one line of text: a longer filter is refused here, with the reason, not sent.
  const meetingErrors = validateFilterText('meeting', meeting.trim());
  const applyMeeting = (): void => {
    const value = meeting.trim();
    if (meetingErrors.length > 0) return;
    if (value !== (filters.meeting || '')) onChange({ ...filters, meeting: value || undefined });
  };
  const numberOrUndefined = (value: string): number | undefined => (value === '' ? undefined : Number(value));
  const active =
    filters.unitId !== undefined ||
    filters.assigneeId !== undefined ||
    filters.status !== undefined ||
    !!filters.meeting ||
    !!filters.overdueOn;

  return (
    <fieldset className={styles.filters}>
      <legend className={app.visuallyHidden}>{s.filtersLabel}</legend>
      <Field label={s.unitFilter} className={styles.filterField}>
        <Select
          value={filters.unitId === undefined ? '' : String(filters.unitId)}
          onChange={(_, d) => onChange({ ...filters, unitId: numberOrUndefined(d.value) })}
        >
          <SelectOptions empty={s.all} items={view.units} value={(u) => String(u.id)} label={(u) => u.name} />
        </Select>
      </Field>
      <Field label={s.assigneeFilter} className={styles.filterField}>
        <Select
          value={filters.assigneeId === undefined ? '' : String(filters.assigneeId)}
          onChange={(_, d) => onChange({ ...filters, assigneeId: numberOrUndefined(d.value) })}
        >
          <SelectOptions empty={s.all} items={people.options} value={(p) => String(p.id)} label={(p) => p.label} />
        </Select>
      </Field>
      <Field label={s.statusFilter} className={styles.filterField}>
        <Select
          value={filters.status || ''}
          onChange={(_, d) => onChange({ ...filters, status: (d.value || undefined) as TaskStatus | undefined })}
        >
          <SelectOptions
            empty={s.all}
            items={TASK_STATUSES}
            value={(status) => status}
            label={(status) => labelOf(mpkStrings, 'taskStatus', status)}
          />
        </Select>
      </Field>
      <Field
        label={s.meetingFilter}
        hint={s.meetingFilterHint}
        className={styles.filterField}
        validationMessage={meetingErrors.length > 0 ? describeError(mpkStrings, meetingErrors[0], locale) : undefined}
      >
        <Input
          value={meeting}
          list={listId}
          onChange={(_, d) => setMeeting(d.value)}
          onBlur={applyMeeting}
          onKeyDown={(event) => {
            if (event.key === 'Enter') {
              event.preventDefault();
              applyMeeting();
            }
          }}
        />
      </Field>
      <datalist id={listId}>
        {props.meetings.map((name) => (
          <option key={name} value={name} />
        ))}
      </datalist>
      <Checkbox
        className={styles.filterField}
        checked={!!filters.overdueOn}
        label={s.overdueFilter}
        onChange={(_, d) => onChange({ ...filters, overdueOn: d.checked ? today(now) : undefined })}
      />
      {active && (
        <Button
          onClick={() => {
            onChange({});
            props.onCleared();
          }}
        >
          {s.clearFilters}
        </Button>
      )}
    </fieldset>
  );
}

/** "Opgaver": the follow-up tasks as a board or a list, filtered and paged; the chefgruppe creates and edits. */
export function TasksTab(props: ITasksTabProps): JSX.Element {
  const { view, strings, announce } = useFollowUp();
  const app = useAppStyles();
  const styles = useTaskStyles();
  const s = strings.board;
  const { board, filteredBy, onArrived } = props;
  const sectionRef = React.useRef<HTMLElement>(null);
  const savedTask = useSavedConfirmation(announce);
  const headingRef = React.useRef<HTMLHeadingElement>(null);
  const focusHeading = React.useCallback(() => headingRef.current?.focus(), []);
  // Opened from a key figure: focus on the heading (the filters follow it), the filter announced.
  React.useEffect(() => {
    if (!filteredBy) return;
    focusHeading();
    announce(fill(s.filteredBy, { label: filteredBy }));
    if (onArrived) onArrived();
  }, [filteredBy, onArrived, announce, focusHeading, s.filteredBy]);
  const [mode, setMode] = React.useState<'board' | 'list'>('board');
  const [editing, setEditing] = React.useState<{ task?: IFollowUpTask } | undefined>();
  const status = useTaskStatus();
  const headingId = useId('mpk-tasks');
  const change = status.change;
  const onMove = React.useCallback(
    (task: IFollowUpTask, next: TaskStatus) => {
      change(task, next).catch(() => undefined);
    },
    [change],
  );
  const onEdit = React.useMemo(
    () => (view.canManageTasks ? (task: IFollowUpTask) => setEditing({ task }) : undefined),
    [view.canManageTasks],
  );
  const View = mode === 'board' ? TaskBoard : TaskTable;

  return (
    <section ref={sectionRef} className={app.panel} aria-labelledby={headingId}>
      <div className={styles.toolbar}>
        <h3 id={headingId} ref={headingRef} tabIndex={-1} className={app.sectionHeading}>
          {s.heading}
        </h3>
        <Toolbar aria-label={s.toolbarLabel} className={app.row}>
          {view.canManageTasks && (
            <Button appearance="primary" onClick={() => setEditing({})}>
              {s.newTask}
            </Button>
          )}
          <ToggleButton checked={mode === 'board'} onClick={() => setMode('board')}>
            {s.boardView}
          </ToggleButton>
          <ToggleButton checked={mode === 'list'} onClick={() => setMode('list')}>
            {s.listView}
          </ToggleButton>
        </Toolbar>
      </div>
      <TaskFilters
        filters={board.filters}
        onChange={board.setFilters}
        meetings={props.meetings}
        onCleared={focusHeading}
      />
      <SavedNotice text={savedTask.text} />
      <StatusFeedback change={status} />
      {board.error !== undefined && <DataErrorMessage error={board.error} title={s.loadFailed} onRetry={board.retry} />}
      {board.tasks.length === 0 && !board.busy ? (
        <Text as="p" block>
          {s.empty}
        </Text>
      ) : (
        <>
          {mode === 'board' && (
            <Text size={200} className={app.muted}>
              {s.dragHint}
            </Text>
          )}
          <View tasks={board.tasks} onMove={onMove} onEdit={onEdit} busyId={status.busyId} />
        </>
      )}
      <div className={styles.more}>
        <Text>{fill(board.hasMore ? s.shownMore : s.shown, { count: board.tasks.length })}</Text>
        {board.hasMore && (
          <Button onClick={board.loadMore} disabled={board.busy}>
            {s.showMore}
          </Button>
        )}
        {board.busy && <Spinner size="tiny" label={s.loading} />}
      </div>
      {editing && (
        <TaskFormDialog
          key={editing.task ? `task-${editing.task.id}` : 'task-new'}
          task={editing.task}
          meetings={props.meetings}
          defaults={board.filters.unitId !== undefined ? { unitId: String(board.filters.unitId) } : undefined}
          onClose={(task, confirmation) => {
            setEditing(undefined);
            // Saved: focus on the task's card (or row), in view, with the confirmation over the board.
            if (task && confirmation)
              savedTask.confirm(confirmation, () =>
                sectionRef.current?.querySelector<HTMLElement>(`[data-task="${task.id}"]`),
              );
          }}
        />
      )}
    </section>
  );
}
