import * as React from 'react';
import type { ConflictSide } from '../../domain/conflict';
import type { IFollowUpTask, TaskStatus } from '../../domain/model';
import { ConflictError } from '../../data/errors';
import { useServices } from '../shell/services';
import { useStrings, fill } from '../shell/strings';
import { useFollowUp } from './FollowUpContext';
import { describeErrors, labelOf } from '../shell/texts';

/** A status change that collided with someone else's save. */
export interface IStatusConflict {
  error: ConflictError<IFollowUpTask>;
  /** The version the move started from. */
  task: IFollowUpTask;
  status: TaskStatus;
}

/** What {@link useTaskStatus} hands back. */
export interface ITaskStatusChange {
  /** Moves a task to a status (validated with the workflow first). */
  change(task: IFollowUpTask, status: TaskStatus): Promise<void>;
  /** The id of the task being saved. */
  busyId?: number;
  error?: unknown;
  /** A move the workflow does not allow, in words. */
  refused?: string;
  /** The title of the task whose change failed. */
  failedTitle?: string;
  conflict?: IStatusConflict;
  /** Keeps the other person's version, or saves the status on top of it. */
  resolveConflict(side: ConflictSide): Promise<void>;
  dismiss(): void;
}

/**
 * Changing a task's status (board moves, "Mine opgaver"): `tasks.setStatus` — the only write an
 * assignee may make on the chefgruppe's tasks — with the result folded into every list and said aloud.
 */
export function useTaskStatus(): ITaskStatusChange {
  const mpkStrings = useStrings();
  const services = useServices();
  const { saved, announce, strings, locale } = useFollowUp();
  const [busyId, setBusyId] = React.useState<number>();
  const [error, setError] = React.useState<unknown>();
  const [refused, setRefused] = React.useState<string>();
  const [failedTitle, setFailedTitle] = React.useState<string>();
  const [conflict, setConflict] = React.useState<IStatusConflict>();

  const run = React.useCallback(
    async (task: IFollowUpTask, status: TaskStatus): Promise<void> => {
      setBusyId(task.id);
      setError(undefined);
      setRefused(undefined);
      setConflict(undefined);
      setFailedTitle(task.title);
      try {
        const result = await services.tasks.setStatus(task, status);
        saved(task, result);
        announce(
          fill(strings.board.moved, { title: result.title, status: labelOf(mpkStrings, 'taskStatus', result.status) }),
        );
      } catch (e) {
        if (e instanceof ConflictError) setConflict({ error: e as ConflictError<IFollowUpTask>, task, status });
        else setError(e);
      } finally {
        setBusyId(undefined);
      }
    },
    [services, saved, announce, strings, mpkStrings],
  );

  const change = React.useCallback(
    async (task: IFollowUpTask, status: TaskStatus): Promise<void> => {
      // The validation loads with the first change (chunk mpk-validation), not with the first view.
      const { validateTask } = await import(/* webpackChunkName: 'mpk-validation' */ '../../domain/validation');
      const problems = validateTask({ ...task, status }, { previousStatus: task.status });
      if (problems.length > 0) {
        setFailedTitle(task.title);
        setRefused(describeErrors(mpkStrings, problems, locale).join(' '));
        announce(describeErrors(mpkStrings, problems, locale).join(' '));
        return;
      }
      await run(task, status);
    },
    [run, locale, announce, mpkStrings],
  );

  const resolveConflict = React.useCallback(
    async (side: ConflictSide): Promise<void> => {
      if (!conflict) return;
      const theirs = conflict.error.theirs;
      if (side === 'theirs') {
        saved(conflict.task, theirs);
        setConflict(undefined);
        announce(fill(strings.form.keptTheirs, { title: theirs.title }));
        return;
      }
      await run(theirs, conflict.status);
    },
    [conflict, run, saved, announce, strings],
  );

  const dismiss = React.useCallback(() => {
    setError(undefined);
    setRefused(undefined);
    setConflict(undefined);
  }, []);

  return { change, busyId, error, refused, failedTitle, conflict, resolveConflict, dismiss };
}
