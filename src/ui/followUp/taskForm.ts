/**
 * The task form's values (strings, as inputs hold them) and the way to and from a task. Pure, so the
 * mapping is unit-tested apart from the dialog.
 */
import { newClientKey } from '../../domain/clientKey';
import type { IFollowUpTask, TaskStatus } from '../../domain/model';

/** What the form holds; kept as a draft in the browser until saved. */
export interface ITaskFormValues {
  /** Fixed before the first save and kept on retries, so a retried create never makes a duplicate. */
  clientKey: string;
  title: string;
  description: string;
  unitId: string;
  about: 'ambition' | 'initiative';
  ambitionKey: string;
  initiativeId: string;
  assigneeId: string;
  /** The chosen assignee's name and e-mail as the picker showed them (not stored on the task). */
  assigneeName?: string;
  assigneeEmail?: string;
  dueDate: string;
  meeting: string;
  status: TaskStatus;
}

/** The form's values for a task, or an empty form (with a fresh client key) for a new one. */
export function formValuesOf(task?: IFollowUpTask, defaults: Partial<ITaskFormValues> = {}): ITaskFormValues {
  if (!task) {
    return {
      clientKey: newClientKey(),
      title: '',
      description: '',
      unitId: '',
      about: 'ambition',
      ambitionKey: '',
      initiativeId: '',
      assigneeId: '',
      dueDate: '',
      meeting: '',
      status: 'open',
      ...defaults,
    };
  }
  return {
    clientKey: task.clientKey,
    title: task.title || '',
    description: task.description || '',
    unitId: task.unitId !== undefined ? String(task.unitId) : '',
    about: task.initiativeId !== undefined ? 'initiative' : 'ambition',
    ambitionKey: task.ambitionKey || '',
    initiativeId: task.initiativeId !== undefined ? String(task.initiativeId) : '',
    assigneeId: task.assigneeId !== undefined ? String(task.assigneeId) : '',
    dueDate: task.dueDate || '',
    meeting: task.meeting || '',
    status: task.status,
  };
}

function numberOrUndefined(value: string): number | undefined {
  if (value.trim() === '') return undefined;
  const n = Number(value);
  return Number.isFinite(n) ? n : undefined;
}

function textOrUndefined(value: string): string | undefined {
  return value.trim() === '' ? undefined : value.trim();
}

/**
 * The task the form describes, on top of `original` when editing (so id and ETag go with it). Only
 * the chosen one of ambition and initiative is kept.
 */
export function taskOfForm(values: ITaskFormValues, original?: IFollowUpTask): IFollowUpTask {
  const task: IFollowUpTask = {
    ...(original || {}),
    clientKey: original ? original.clientKey : values.clientKey,
    title: values.title.trim(),
    description: textOrUndefined(values.description),
    unitId: numberOrUndefined(values.unitId) as number,
    initiativeId: values.about === 'initiative' ? numberOrUndefined(values.initiativeId) : undefined,
    ambitionKey: values.about === 'ambition' ? textOrUndefined(values.ambitionKey) : undefined,
    assigneeId: numberOrUndefined(values.assigneeId),
    dueDate: values.dueDate,
    status: original ? values.status : 'open',
    meeting: textOrUndefined(values.meeting),
  };
  return task;
}

/** The task with the chosen fields taken from `mine` and the rest from `theirs` (the saved version). */
export function mergeTask(theirs: IFollowUpTask, mine: IFollowUpTask, useMine: readonly string[]): IFollowUpTask {
  const merged = { ...theirs } as unknown as Record<string, unknown>;
  const source = mine as unknown as Record<string, unknown>;
  for (const field of useMine) merged[field] = source[field];
  // About exactly one of ambition and initiative: taking one of mine takes its pair along.
  if (useMine.indexOf('initiativeId') >= 0 || useMine.indexOf('ambitionKey') >= 0) {
    merged.initiativeId = source.initiativeId;
    merged.ambitionKey = source.ambitionKey;
  }
  return merged as unknown as IFollowUpTask;
}
