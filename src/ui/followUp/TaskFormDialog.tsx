import * as React from 'react';
import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Field,
  Input,
  Radio,
  RadioGroup,
  Select,
  Text,
  Textarea,
} from '@fluentui/react-components';
import { Spinner } from '../shell/Spinner';
import { Notice, NoticeActions, NoticeBody } from '../shell/Notice';
import { formatDate, isValidIsoDate } from '../../domain/dates';
import { type IValidationError } from '../../domain/messages';
import type { IFollowUpTask, IInitiative } from '../../domain/model';
import { validateTask } from '../../domain/validation';
import { nextTaskStatuses } from '../../domain/workflow';
import { ConflictError, isDataError } from '../../data/errors';
import { ConflictResolver, type ConflictChoice, type IConflictField } from '../shell/ConflictResolver';
import { DataErrorMessage } from '../shell/DataErrorMessage';
import { ThrottleNotice } from '../shell/ThrottleNotice';
import { PeoplePicker, type IPersonValue } from '../shell/PeoplePicker';
import { useServices } from '../shell/services';
import { useDraft } from '../shell/useDraft';
import { useStrings, fill } from '../shell/strings';
import { ambitionTitle, unitName } from './followUpModel';
import { useFollowUp } from './FollowUpContext';
import { formValuesOf, mergeTask, taskOfForm, type ITaskFormValues } from './taskForm';
import { useFormStyles } from './useFollowUpStyles.styles';
import { formatWeek, labelOf, messagesByField } from '../shell/texts';

/** Props of {@link TaskFormDialog}. */
export interface ITaskFormDialogProps {
  /** The task to edit; none for a new task. */
  task?: IFollowUpTask;
  /** Meetings to suggest. */
  meetings: readonly string[];
  /** Values a new task starts with (e.g. the unit the board is filtered on). */
  defaults?: Partial<ITaskFormValues>;
  onClose(): void;
}

type InitiativeLoad =
  { status: 'loading' } | { status: 'ready'; items: IInitiative[] } | { status: 'error'; error: unknown };

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
        (error: unknown) => setLoads((current) => ({ ...current, [id]: { status: 'error', error } })),
      );
    },
    [services, rememberInitiatives],
  );
  React.useEffect(() => {
    if (wanted && unitId !== undefined && !loads[unitId]) load(unitId);
  }, [wanted, unitId, loads, load]);
  return [unitId === undefined ? undefined : loads[unitId], () => unitId !== undefined && load(unitId)];
}

/**
 * Create or edit a follow-up task. What is typed is kept in the browser until it is saved; it is
 * validated with the domain's rules before anything is sent; a save that collides with someone
 * else's shows both versions and lets the reader choose.
 */
export function TaskFormDialog(props: ITaskFormDialogProps): JSX.Element {
  const mpkStrings = useStrings();
  const services = useServices();
  const { view, strings, locale, people, initiativeTitles, saved, announce, rememberPeople } = useFollowUp();
  const styles = useFormStyles();
  const s = strings.form;
  const original = props.task;
  const draftKey = original && original.id !== undefined ? `followUp:task:${original.id}` : 'followUp:task:new';
  const draft = useDraft<ITaskFormValues>(draftKey, formValuesOf(original, props.defaults));
  const values = draft.value;
  const [errors, setErrors] = React.useState<readonly IValidationError[]>([]);
  const [saving, setSaving] = React.useState(false);
  const [saveError, setSaveError] = React.useState<unknown>();
  const [conflict, setConflict] = React.useState<ConflictError<IFollowUpTask>>();
  const messages = messagesByField(mpkStrings, errors, locale);
  const unitId = values.unitId ? Number(values.unitId) : undefined;
  const [initiatives, retryInitiatives] = useUnitInitiatives(unitId, values.about === 'initiative');

  const set = <K extends keyof ITaskFormValues>(name: K, value: ITaskFormValues[K]): void => {
    draft.set((previous) => ({ ...previous, [name]: value }));
    if (errors.length > 0) setErrors((current) => current.filter((e) => e.field !== name));
  };

  const finish = (previous: IFollowUpTask | undefined, task: IFollowUpTask, message: string): void => {
    // Someone found by search is not among the view's people: keep their name for the cards.
    if (task.assigneeId !== undefined && values.assigneeName && String(task.assigneeId) === values.assigneeId) {
      rememberPeople([{ id: task.assigneeId, title: values.assigneeName, email: values.assigneeEmail || '' }]);
    }
    saved(previous, task);
    draft.clear();
    announce(message);
    props.onClose();
  };

  const save = async (task: IFollowUpTask, base: IFollowUpTask | undefined): Promise<void> => {
    setSaving(true);
    setSaveError(undefined);
    let result: IFollowUpTask;
    try {
      result = base ? await services.tasks.update(base, task) : await services.tasks.create(task);
    } catch (error) {
      setSaving(false);
      if (error instanceof ConflictError) {
        setConflict(error as ConflictError<IFollowUpTask>);
      } else if (isDataError(error) && error.validationErrors.length > 0) {
        setErrors(error.validationErrors);
        announce(s.fixErrors);
      } else {
        setSaveError(error);
      }
      return;
    }
    // Saved: the dialog closes (and unmounts), so no more state is set here.
    finish(original, result, fill(base ? s.saved : s.created, { title: result.title }));
  };

  const submit = (event: React.FormEvent): void => {
    event.preventDefault();
    const task = taskOfForm(values, original);
    const problems = validateTask(task, { previousStatus: original ? original.status : undefined });
    setErrors(problems);
    if (problems.length > 0) {
      announce(s.fixErrors);
      return;
    }
    save(task, original).catch(() => undefined);
  };

  const resolve = (choice: ConflictChoice): void => {
    if (!conflict) return;
    const useMine = Object.keys(choice).filter((field) => choice[field] === 'mine');
    if (useMine.length === 0) {
      finish(original, conflict.theirs, fill(s.keptTheirs, { title: conflict.theirs.title }));
      return;
    }
    save(mergeTask(conflict.theirs, conflict.mine, useMine), conflict.theirs).catch(() => undefined);
  };

  const display = (task: IFollowUpTask, field: string): string => {
    switch (field) {
      case 'unitId':
        return unitName(view.units, task.unitId, '');
      case 'assigneeId':
        return people.labelOf(task.assigneeId);
      case 'dueDate':
        return formatDate(task.dueDate, locale);
      case 'status':
        return labelOf(mpkStrings, 'taskStatus', task.status);
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
  const conflictFields: IConflictField[] = conflict
    ? conflict.fields.map((field) => ({
        name: field,
        label: fieldLabels[field] || field,
        theirs: display(conflict.theirs, field),
        mine: display(conflict.mine, field),
      }))
    : [];

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
  const statusOptions = original ? [original.status].concat(nextTaskStatuses(original.status)) : [];
  const meetingListId = `${draftKey.replace(/[^a-z0-9]/gi, '-')}-meetings`;

  return (
    <Dialog open modalType="modal" onOpenChange={(_, data) => !data.open && props.onClose()}>
      <DialogSurface className={styles.surface} aria-describedby={undefined}>
        <form onSubmit={submit} noValidate>
          <DialogBody>
            <DialogTitle as="h2">{original ? s.editTitle : s.createTitle}</DialogTitle>
            <DialogContent className={styles.form}>
              {draft.restored && (
                <Notice intent="info" layout="multiline">
                  <NoticeBody>{s.draftRestored}</NoticeBody>
                  <NoticeActions>
                    <Button
                      size="small"
                      onClick={() => {
                        draft.clear();
                        setErrors([]);
                      }}
                    >
                      {s.discard}
                    </Button>
                  </NoticeActions>
                </Notice>
              )}
              {conflict && <ConflictResolver fields={conflictFields} onResolve={resolve} busy={saving} />}
              <ThrottleNotice scope="save" active={saving} />
              {saveError !== undefined && (
                <DataErrorMessage error={saveError} title={s.saveFailed} onDismiss={() => setSaveError(undefined)} />
              )}
              {errors.length > 0 && (
                <Notice intent="error" layout="multiline">
                  <NoticeBody>{s.fixErrors}</NoticeBody>
                </Notice>
              )}

              <Field label={s.title} required validationMessage={messages.title}>
                <Input value={values.title} onChange={(_, data) => set('title', data.value)} maxLength={255} />
              </Field>
              <Field label={s.description} validationMessage={messages.description}>
                <Textarea
                  value={values.description}
                  onChange={(_, data) => set('description', data.value)}
                  resize="vertical"
                />
              </Field>
              <Field label={s.unit} required validationMessage={messages.unitId}>
                <Select
                  value={values.unitId}
                  onChange={(_, data) => {
                    draft.set((previous) => ({ ...previous, unitId: data.value, initiativeId: '' }));
                    setErrors((current) => current.filter((e) => e.field !== 'unitId'));
                  }}
                >
                  <option value="">{s.choose}</option>
                  {view.units.map((unit) => (
                    <option key={unit.id} value={String(unit.id)}>
                      {unit.name}
                    </option>
                  ))}
                </Select>
              </Field>
              <Field label={s.aboutLabel} required>
                <RadioGroup
                  layout="horizontal"
                  value={values.about}
                  onChange={(_, data) => set('about', data.value as ITaskFormValues['about'])}
                >
                  <Radio value="ambition" label={s.aboutAmbition} />
                  <Radio value="initiative" label={s.aboutInitiative} />
                </RadioGroup>
              </Field>
              {values.about === 'ambition' ? (
                <Field label={s.ambition} required validationMessage={messages.ambitionKey || messages.initiativeId}>
                  <Select value={values.ambitionKey} onChange={(_, data) => set('ambitionKey', data.value)}>
                    <option value="">{s.choose}</option>
                    {view.ambitions.map((ambition) => (
                      <option key={ambition.key} value={ambition.key}>
                        {ambition.title}
                      </option>
                    ))}
                  </Select>
                </Field>
              ) : (
                <Field
                  label={s.initiative}
                  required
                  validationMessage={messages.initiativeId}
                  hint={
                    unitId === undefined
                      ? s.chooseUnitFirst
                      : initiatives && initiatives.status === 'ready' && initiatives.items.length === 0
                        ? s.noInitiatives
                        : undefined
                  }
                >
                  <Select
                    value={values.initiativeId}
                    onChange={(_, data) => set('initiativeId', data.value)}
                    disabled={unitId === undefined || !initiatives || initiatives.status !== 'ready'}
                  >
                    <option value="">{s.choose}</option>
                    {initiatives && initiatives.status === 'ready'
                      ? initiatives.items.map((initiative) => (
                          <option key={initiative.id} value={String(initiative.id)}>
                            {`${initiative.title} (${ambitionTitle(view.ambitions, initiative.ambitionKey)})`}
                          </option>
                        ))
                      : values.initiativeId && (
                          <option value={values.initiativeId}>
                            {display(taskOfForm(values, original), 'initiativeId')}
                          </option>
                        )}
                  </Select>
                </Field>
              )}
              {values.about === 'initiative' && initiatives && initiatives.status === 'loading' && (
                <Spinner size="tiny" label={s.initiativesLoading} />
              )}
              {values.about === 'initiative' && initiatives && initiatives.status === 'error' && (
                <DataErrorMessage error={initiatives.error} title={s.initiativesFailed} onRetry={retryInitiatives} />
              )}
              <div className={styles.twoColumns}>
                <PeoplePicker
                  label={s.assignee}
                  required
                  hint={s.assigneeHint}
                  validationMessage={messages.assigneeId}
                  value={assignee}
                  suggestions={suggestions}
                  onChange={(person) => {
                    draft.set((previous) => ({
                      ...previous,
                      assigneeId: person ? String(person.id) : '',
                      assigneeName: person ? person.title : '',
                      assigneeEmail: person ? person.email : '',
                    }));
                    if (errors.length > 0) setErrors((current) => current.filter((e) => e.field !== 'assigneeId'));
                  }}
                />
                <Field
                  label={s.dueDate}
                  required
                  validationMessage={messages.dueDate}
                  hint={
                    isValidIsoDate(values.dueDate)
                      ? fill(s.dueWeek, { week: formatWeek(mpkStrings, values.dueDate, locale) })
                      : undefined
                  }
                >
                  <Input type="date" value={values.dueDate} onChange={(_, data) => set('dueDate', data.value)} />
                </Field>
              </div>
              <Field label={s.meeting} hint={s.meetingHint} validationMessage={messages.meeting}>
                <Input
                  value={values.meeting}
                  onChange={(_, data) => set('meeting', data.value)}
                  list={meetingListId}
                  maxLength={255}
                />
              </Field>
              <datalist id={meetingListId}>
                {props.meetings.map((meeting) => (
                  <option key={meeting} value={meeting} />
                ))}
              </datalist>
              {original && (
                <Field label={s.status} validationMessage={messages.status}>
                  <Select
                    value={values.status}
                    onChange={(_, data) => set('status', data.value as ITaskFormValues['status'])}
                  >
                    {statusOptions.map((status) => (
                      <option key={status} value={status}>
                        {labelOf(mpkStrings, 'taskStatus', status)}
                      </option>
                    ))}
                  </Select>
                </Field>
              )}
              <Text size={200}>{s.draftNote}</Text>
            </DialogContent>
            <DialogActions className={styles.actions}>
              <Button type="submit" appearance="primary" disabled={saving || !!conflict}>
                {saving ? s.saving : original ? s.save : s.create}
              </Button>
              <Button onClick={props.onClose}>{s.close}</Button>
            </DialogActions>
          </DialogBody>
        </form>
      </DialogSurface>
    </Dialog>
  );
}
