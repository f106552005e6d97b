import * as React from 'react';
import { formatDate } from '../../domain/dates';
import { type IValidationError } from '../../domain/messages';
import type { IFollowUpTask, IInitiative, TaskStatus } from '../../domain/model';
import { validateTask } from '../../domain/validation';
import { nextTaskStatuses } from '../../domain/workflow';
import { isDataError, type DataError } from '../../data/errors';
import type { ConflictChoice, IConflictField } from '../shell/ConflictResolver';
import type { IPersonValue } from '../shell/PeoplePicker';
import { useServices } from '../shell/services';
import { useStrings, fill } from '../shell/strings';
import { useDraft, type IDraft } from '../shell/useDraft';
import { useSaveFlow, type ISaveConflict, type ISaveFlow } from '../shell/useSaveFlow';
import { ambitionTitle, unitName } from './followUpModel';
import { useFollowUp, type IFollowUpContext } from './FollowUpContext';
import { formValuesOf, mergeTask, taskOfForm, type ITaskFormValues } from './taskForm';
import { useFormFocus } from '../shell/useFormFocus';
import { labelOf, messagesByField } from '../shell/texts';

/** Props of the task form (the dialog's). */
export interface ITaskFormProps {
  /** The task to edit; none for a new task. */
  task?: IFollowUpTask;
  /** Meetings to suggest. */
  meetings: readonly string[];
  /** Values a new task starts with (e.g. the unit the board is filtered on). */
  defaults?: Partial<ITaskFormValues>;
  /** Closes the dialog: after a save with the task and its confirmation (for the board to show), else without. */
  onClose(saved?: IFollowUpTask, confirmation?: string): void;
}

type InitiativeLoad =
  { status: 'loading' } | { status: 'ready'; items: IInitiative[] } | { status: 'failed'; error: unknown };

/** A unit's initiatives for the "Indsats" choice, read when first needed. */
function useUnitInitiatives(unitId: number | undefined, wanted: boolean): [InitiativeLoad | undefined, () => void] {
  const services = useServices();
  const { rememberInitiatives } = useFollowUp();
  const [loads, setLoads] = React.useState<Record<number, InitiativeLoad>>({});
  const load = React.useCallback(
    (id: number) => {
      setLoads((current) => ({ ...current, [id]: { status: 'loading' } }));
      services.initiatives.listForUnit(id).then(
        (items) => {
          rememberInitiatives(items);
          setLoads((current) => ({ ...current, [id]: { status: 'ready', items } }));
        },
        (error: unknown) => setLoads((current) => ({ ...current, [id]: { status: 'failed', error } })),
      );
    },
    [services, rememberInitiatives],
  );
  React.useEffect(() => {
    if (wanted && unitId !== undefined && !loads[unitId]) load(unitId);
  }, [wanted, unitId, loads, load]);
  return [unitId === undefined ? undefined : loads[unitId], () => unitId !== undefined && load(unitId)];
}

/** A saved task's field as text a reader can compare (the conflict view, the initiative option). */
function displayOf(
  context: IFollowUpContext,
  labels: IMpkStrings['labels'],
): (task: IFollowUpTask, field: string) => string {
  const { view, people, locale, initiativeTitles, strings } = context;
  return (task, field) => {
    switch (field) {
      case 'unitId':
        return unitName(view.units, task.unitId, '');
      case 'assigneeId':
        return people.labelOf(task.assigneeId);
      case 'dueDate':
        return formatDate(task.dueDate, locale);
      case 'status':
        return labelOf({ labels }, 'taskStatus', task.status);
      case 'ambitionKey':
        return ambitionTitle(view.ambitions, task.ambitionKey);
      case 'initiativeId':
        return task.initiativeId === undefined
          ? ''
          : initiativeTitles[task.initiativeId] || fill(strings.task.initiativeNumber, { id: task.initiativeId });
      default: {
        const value = (task as unknown as Record<string, unknown>)[field];
        return value === undefined || value === null ? '' : String(value);
      }
    }
  };
}

/** The fields both people changed, labelled as the form labels them, with both values as text. */
function conflictFieldsOf(
  conflict: ISaveConflict<IFollowUpTask>,
  s: IFollowUpContext['strings']['form'],
  display: (task: IFollowUpTask, field: string) => string,
): IConflictField[] {
  const fieldLabels: Record<string, string> = {
    title: s.title,
    description: s.description,
    unitId: s.unit,
    ambitionKey: s.ambition,
    initiativeId: s.initiative,
    assigneeId: s.assignee,
    dueDate: s.dueDate,
    meeting: s.meeting,
    status: s.status,
  };
  return conflict.fields.map((field) => ({
    name: field,
    label: fieldLabels[field] || field,
    theirs: display(conflict.theirs, field),
    mine: display(conflict.mine, field),
  }));
}

/** A failure that carries the server's validation messages (shown at the fields, not as an error). */
export function isValidationFailure(error: unknown): error is DataError {
  return isDataError(error) && error.validationErrors.length > 0;
}

/** What {@link useTaskForm} hands to the dialog's render function. */
export interface ITaskFormState {
  original: IFollowUpTask | undefined;
  draft: IDraft<ITaskFormValues>;
  values: ITaskFormValues;
  /** Validation messages by field. */
  messages: Record<string, string | undefined>;
  hasErrors: boolean;
  set<K extends keyof ITaskFormValues>(name: K, value: ITaskFormValues[K]): void;
  /** Changes several values at once and clears the messages of `field`. */
  change(field: string, next: Partial<ITaskFormValues>): void;
  discardDraft(): void;
  unitId: number | undefined;
  initiatives: InitiativeLoad | undefined;
  retryInitiatives(): void;
  flow: ISaveFlow<IFollowUpTask>;
  conflictFields: IConflictField[];
  resolve(choice: ConflictChoice): void;
  submit(event: React.FormEvent): void;
  /** The `form`: focus moves into it as the dialog opens, back to the opener as it closes, and to its first error on a refused submit. */
  formRef: React.RefObject<HTMLFormElement>;
  display(task: IFollowUpTask, field: string): string;
  suggestions: IPersonValue[];
  assignee: IPersonValue | undefined;
  statusOptions: TaskStatus[];
}

/**
 * The task form's state: the draft (kept in the browser until saved), the domain's validation before
 * anything is sent, and the shell's save flow — a collision shows both versions and lets the reader choose.
 */
export function useTaskForm(props: ITaskFormProps): ITaskFormState {
  const mpkStrings = useStrings();
  const services = useServices();
  const context = useFollowUp();
  const { strings, locale, people, saved, announce, rememberPeople } = context;
  const s = strings.form;
  const original = props.task;
  const draftKey = original && original.id !== undefined ? `followUp:task:${original.id}` : 'followUp:task:new';
  const draft = useDraft<ITaskFormValues>(draftKey, formValuesOf(original, props.defaults));
  const values = draft.value;
  const [errors, setErrors] = React.useState<readonly IValidationError[]>([]);
  const focus = useFormFocus<HTMLFormElement>();
  const unitId = values.unitId ? Number(values.unitId) : undefined;
  const [initiatives, retryInitiatives] = useUnitInitiatives(unitId, values.about === 'initiative');

  const change = (field: string, next: Partial<ITaskFormValues>): void => {
    draft.set((previous) => ({ ...previous, ...next }));
    if (errors.length > 0) setErrors((current) => current.filter((e) => e.field !== field));
  };

  const finish = (task: IFollowUpTask, message: string): void => {
    // Someone found by search is not among the view's people: keep their name for the cards.
    if (task.assigneeId !== undefined && values.assigneeName && String(task.assigneeId) === values.assigneeId) {
      rememberPeople([{ id: task.assigneeId, title: values.assigneeName, email: values.assigneeEmail || '' }]);
    }
    saved(original, task);
    draft.clear();
    props.onClose(task, message);
  };

  // The server's validation messages go to the fields; the flow keeps any other failure for display.
  const flow = useSaveFlow<IFollowUpTask>(
    async (base, task) => {
      try {
        return base ? await services.tasks.update(base, task) : await services.tasks.create(task);
      } catch (error) {
        if (isValidationFailure(error)) {
          setErrors(error.validationErrors);
          announce(s.fixErrors);
        }
        throw error;
      }
    },
    () => undefined,
    {
      // Only the fields chosen as mine go on top of the saved version (`mergeTask` keeps ambition and
      // initiative together, which the shell's field-by-field rule cannot); keeping theirs writes nothing.
      merge: (conflict, choice) =>
        mergeTask(
          conflict.theirs,
          conflict.mine,
          Object.keys(choice).filter((field) => choice[field] === 'mine'),
        ),
      onKeptTheirs: (theirs) => finish(theirs, fill(s.keptTheirs, { title: theirs.title })),
    },
  );

  const save = async (task: IFollowUpTask, base: IFollowUpTask | undefined): Promise<void> => {
    const result = await flow.run(base, task);
    // Saved: the dialog closes (and unmounts).
    if (result) finish(result, fill(base ? s.saved : s.created, { title: result.title }));
  };

  const submit = (event: React.FormEvent): void => {
    event.preventDefault();
    const task = taskOfForm(values, original);
    const problems = validateTask(task, { previousStatus: original ? original.status : undefined });
    setErrors(problems);
    if (problems.length > 0) {
      announce(s.fixErrors);
      focus.focusFirstError();
      return;
    }
    save(task, original).catch(() => undefined);
  };

  const { conflict } = flow;
  const resolve = (choice: ConflictChoice): void => {
    flow
      .resolve(choice)
      .then((result) => result && finish(result, fill(s.saved, { title: result.title })))
      .catch(() => undefined);
  };

  const display = displayOf(context, mpkStrings.labels);
  const conflictFields = conflict ? conflictFieldsOf(conflict, s, display) : [];

  // Before anything is typed the picker suggests the unit's leaders (then other leaders and the reader).
  const suggestions: IPersonValue[] = people
    .optionsFor(unitId)
    .map((option) => ({ id: option.id, title: option.label, email: '' }));
  const assignee: IPersonValue | undefined = values.assigneeId
    ? {
        id: Number(values.assigneeId),
        title: values.assigneeName || people.labelOf(Number(values.assigneeId)),
        email: values.assigneeEmail || '',
      }
    : undefined;

  return {
    original,
    draft,
    values,
    messages: messagesByField(mpkStrings, errors, locale),
    hasErrors: errors.length > 0,
    set: (name, value) => change(name, { [name]: value }),
    change,
    discardDraft: () => {
      draft.clear();
      setErrors([]);
    },
    unitId,
    initiatives,
    retryInitiatives,
    flow,
    conflictFields,
    resolve,
    submit,
    formRef: focus.ref,
    display,
    suggestions,
    assignee,
    statusOptions: original ? [original.status].concat(nextTaskStatuses(original.status)) : [],
  };
}
