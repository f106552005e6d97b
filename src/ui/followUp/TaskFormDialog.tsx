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
  useId,
} from '@fluentui/react-components';
import { Spinner } from '../shell/Spinner';
import { Notice, NoticeActions, NoticeBody } from '../shell/Notice';
import { isValidIsoDate } from '../../domain/dates';
import { ConflictResolver } from '../shell/ConflictResolver';
import { DataErrorMessage } from '../shell/DataErrorMessage';
import { ThrottleNotice } from '../shell/ThrottleNotice';
import { PeoplePicker } from '../shell/PeoplePicker';
import { DateField } from '../shell/DateField';
import { useStrings, fill } from '../shell/strings';
import { ambitionTitle } from './followUpModel';
import { useFollowUp } from './FollowUpContext';
import { taskOfForm, type ITaskFormValues } from './taskForm';
import { SelectOptions } from '../shell/SelectOptions';
import { isValidationFailure, useTaskForm, type ITaskFormProps, type ITaskFormState } from './useTaskForm';
import { useFormStyles } from './useFollowUpStyles.styles';
import { formatWeek, labelOf } from '../shell/texts';

/** Props of {@link TaskFormDialog}. */
export type ITaskFormDialogProps = ITaskFormProps;

/** What the form says above its fields: a restored draft, a collision, a failure, messages to fix. */
function FormNotices(props: { form: ITaskFormState }): JSX.Element {
  const { form } = props;
  const s = useFollowUp().strings.form;
  const { flow } = form;
  return (
    <>
      {form.draft.restored && (
        <Notice intent="info" layout="multiline">
          <NoticeBody>{s.draftRestored}</NoticeBody>
          <NoticeActions>
            <Button size="small" onClick={form.discardDraft}>
              {s.discard}
            </Button>
          </NoticeActions>
        </Notice>
      )}
      {flow.conflict && <ConflictResolver fields={form.conflictFields} onResolve={form.resolve} busy={flow.busy} />}
      <ThrottleNotice scope="save" active={flow.busy} />
      {flow.error !== undefined && !isValidationFailure(flow.error) && (
        <DataErrorMessage error={flow.error} title={s.saveFailed} onDismiss={flow.dismissError} />
      )}
      {form.hasErrors && (
        <Notice intent="error" layout="multiline">
          <NoticeBody>{s.fixErrors}</NoticeBody>
        </Notice>
      )}
    </>
  );
}

/** What the task is about: an ambition, or one of the unit's initiatives (read when first chosen). */
function AboutFields(props: { form: ITaskFormState }): JSX.Element {
  const { form } = props;
  const { view, strings } = useFollowUp();
  const s = strings.form;
  const { values, messages, initiatives, unitId } = form;
  return (
    <>
      <Field label={s.aboutLabel} required>
        <RadioGroup
          layout="horizontal"
          value={values.about}
          onChange={(_, data) => form.set('about', data.value as ITaskFormValues['about'])}
        >
          <Radio value="ambition" label={s.aboutAmbition} />
          <Radio value="initiative" label={s.aboutInitiative} />
        </RadioGroup>
      </Field>
      {values.about === 'ambition' ? (
        <Field label={s.ambition} required validationMessage={messages.ambitionKey || messages.initiativeId}>
          <Select value={values.ambitionKey} onChange={(_, data) => form.set('ambitionKey', data.value)}>
            <SelectOptions empty={s.choose} items={view.ambitions} value={(a) => a.key} label={(a) => a.title} />
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
            onChange={(_, data) => form.set('initiativeId', data.value)}
            disabled={unitId === undefined || !initiatives || initiatives.status !== 'ready'}
          >
            {initiatives && initiatives.status === 'ready' ? (
              <SelectOptions
                empty={s.choose}
                items={initiatives.items}
                value={(initiative) => String(initiative.id)}
                label={(initiative) => `${initiative.title} (${ambitionTitle(view.ambitions, initiative.ambitionKey)})`}
              />
            ) : (
              <>
                <option value="">{s.choose}</option>
                {values.initiativeId && (
                  <option value={values.initiativeId}>
                    {form.display(taskOfForm(values, form.original), 'initiativeId')}
                  </option>
                )}
              </>
            )}
          </Select>
        </Field>
      )}
      {values.about === 'initiative' && initiatives && initiatives.status === 'loading' && (
        <Spinner size="tiny" label={s.initiativesLoading} />
      )}
      {values.about === 'initiative' && initiatives && initiatives.status === 'failed' && (
        <DataErrorMessage error={initiatives.error} title={s.initiativesFailed} onRetry={form.retryInitiatives} />
      )}
    </>
  );
}

/** Who, when and at which meeting (and, when editing, the status). */
function AssignmentFields(props: { form: ITaskFormState; meetings: readonly string[] }): JSX.Element {
  const mpkStrings = useStrings();
  const { form } = props;
  const { strings, locale } = useFollowUp();
  const styles = useFormStyles();
  const s = strings.form;
  const { values, messages } = form;
  const meetingListId = useId('mpk-task-meetings');
  return (
    <>
      <div className={styles.twoColumns}>
        <PeoplePicker
          label={s.assignee}
          required
          hint={s.assigneeHint}
          validationMessage={messages.assigneeId}
          value={form.assignee}
          suggestions={form.suggestions}
          onChange={(person) =>
            form.change('assigneeId', {
              assigneeId: person ? String(person.id) : '',
              assigneeName: person ? person.title : '',
              assigneeEmail: person ? person.email : '',
            })
          }
        />
        <DateField
          label={s.dueDate}
          required
          validationMessage={messages.dueDate}
          hint={
            isValidIsoDate(values.dueDate)
              ? fill(s.dueWeek, { week: formatWeek(mpkStrings, values.dueDate, locale) })
              : undefined
          }
          value={values.dueDate}
          onChange={(value) => form.set('dueDate', value)}
        />
      </div>
      <Field label={s.meeting} hint={s.meetingHint} validationMessage={messages.meeting}>
        <Input
          value={values.meeting}
          onChange={(_, data) => form.set('meeting', data.value)}
          list={meetingListId}
          maxLength={255}
        />
      </Field>
      <datalist id={meetingListId}>
        {props.meetings.map((meeting) => (
          <option key={meeting} value={meeting} />
        ))}
      </datalist>
      {form.original && (
        <Field label={s.status} validationMessage={messages.status}>
          <Select
            value={values.status}
            onChange={(_, data) => form.set('status', data.value as ITaskFormValues['status'])}
          >
            {form.statusOptions.map((status) => (
              <option key={status} value={status}>
                {labelOf(mpkStrings, 'taskStatus', status)}
              </option>
            ))}
          </Select>
        </Field>
      )}
    </>
  );
}

/**
 * Create or edit a follow-up task. What is typed is kept in the browser until it is saved; it is
 * validated with the domain's rules before anything is sent; a save that collides with someone
 * else's shows both versions and lets the reader choose (state in {@link useTaskForm}).
 */
export function TaskFormDialog(props: ITaskFormDialogProps): JSX.Element {
  const { view, strings } = useFollowUp();
  const styles = useFormStyles();
  const s = strings.form;
  const form = useTaskForm(props);
  const { values, messages, original, flow } = form;

  return (
    <Dialog open modalType="modal" onOpenChange={(_, data) => !data.open && props.onClose()}>
      <DialogSurface className={styles.surface} aria-describedby={undefined}>
        <form ref={form.formRef} onSubmit={form.submit} noValidate>
          <DialogBody>
            <DialogTitle as="h2">{original ? s.editTitle : s.createTitle}</DialogTitle>
            <DialogContent className={styles.form}>
              <FormNotices form={form} />
              <Field label={s.title} required validationMessage={messages.title}>
                <Input value={values.title} onChange={(_, data) => form.set('title', data.value)} maxLength={255} />
              </Field>
              <Field label={s.description} validationMessage={messages.description}>
                <Textarea
                  value={values.description}
                  onChange={(_, data) => form.set('description', data.value)}
                  resize="vertical"
                />
              </Field>
              <Field label={s.unit} required validationMessage={messages.unitId}>
                <Select
                  value={values.unitId}
                  onChange={(_, data) => form.change('unitId', { unitId: data.value, initiativeId: '' })}
                >
                  <SelectOptions
                    empty={s.choose}
                    items={view.units}
                    value={(u) => String(u.id)}
                    label={(u) => u.name}
                  />
                </Select>
              </Field>
              <AboutFields form={form} />
              <AssignmentFields form={form} meetings={props.meetings} />
              <Text size={200}>{s.draftNote}</Text>
            </DialogContent>
            <DialogActions className={styles.actions}>
              <Button type="submit" appearance="primary" disabled={flow.busy || !!flow.conflict}>
                {flow.busy ? s.saving : original ? s.save : s.create}
              </Button>
              <Button onClick={() => props.onClose()}>{s.close}</Button>
            </DialogActions>
          </DialogBody>
        </form>
      </DialogSurface>
    </Dialog>
  );
}
