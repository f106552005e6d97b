import * as React from 'react';
import { Field, Input, makeStyles, Select, Text, Textarea, tokens, useId } from '@fluentui/react-components';
import { framedColumn } from '../shell/sharedStyles';
import type { IInitiativeFormValues } from '../../domain/planModel';
import { FormActions } from '../shell/FormActions';
import { fill, useStrings } from '../shell/strings';
import { ambitionTitle, useInitiativeLabels, usePlanConflictTexts } from './fieldText';
import { usePlan } from './PlanContext';
import {
  useInitiativeForm,
  type IInitiativeFormProps,
  type IInitiativeFormState,
  type IOption,
} from './useInitiativeForm';
import { labelOf } from '../shell/texts';
import { SelectOptions } from '../shell/SelectOptions';
import { MeasureFields, useMeasureLabels } from './MeasureFields';
import { DateField } from '../shell/DateField';

export type { IInitiativeFormProps } from './useInitiativeForm';

const useStyles = makeStyles({
  form: { ...framedColumn(tokens.spacingVerticalM), backgroundColor: tokens.colorNeutralBackground1 },
  title: { margin: 0, fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold },
  row: { display: 'flex', flexWrap: 'wrap', columnGap: tokens.spacingHorizontalM, rowGap: tokens.spacingVerticalM },
  half: { flexGrow: 1, flexBasis: '12em', minWidth: 0 },
  select: { width: '100%', minWidth: 0 },
  // A long "Vi vil" must not widen the form: the closed select cuts it, the open list shows it whole.
  selectInner: { minWidth: 0, width: '100%', textOverflow: 'ellipsis' },
});

export { useInitiativeLabels };

/** Props of {@link HalfField}. */
interface IHalfFieldProps {
  form: IInitiativeFormState;
  field: keyof IInitiativeFormValues;
  required?: boolean;
  /** A select's choices (first an empty one, when `none` is given); without them a date field. */
  options?: IOption[];
  /** The empty choice's label. */
  none?: string;
}

/** One half-width field of the form: a select of `options`, or a date. */
function HalfField(props: IHalfFieldProps): JSX.Element {
  const styles = useStyles();
  const labels = useInitiativeLabels();
  const { form, field } = props;
  if (!props.options) {
    return (
      <DateField
        label={labels[field]}
        required={props.required}
        validationMessage={form.fieldErrors[field]}
        className={styles.half}
        value={form.values[field]}
        onChange={(value) => form.setValue(field, value)}
      />
    );
  }
  return (
    <Field
      label={labels[field]}
      required={props.required}
      validationMessage={form.fieldErrors[field]}
      className={styles.half}
    >
      <Select
        className={styles.select}
        select={{ className: styles.selectInner }}
        value={form.values[field]}
        onChange={(_, d) => form.setValue(field, d.value)}
      >
        <SelectOptions empty={props.none} items={props.options} value={(o) => o.value} label={(o) => o.label} />
      </Select>
    </Field>
  );
}

/** The choices of the form's selects, as options. */
function useChoices(
  form: IInitiativeFormState,
): Record<'ambitions' | 'commitments' | 'priorities' | 'statuses', IOption[]> {
  const mpkStrings = useStrings();
  const plan = usePlan();
  const strings = useStrings().plan.initiative;
  return {
    ambitions: plan.view.ambitions.map((a) => ({ value: a.key, label: a.title })),
    commitments: (form.ambition?.commitments ?? []).map((c) => ({ value: c.key, label: c.text })),
    priorities: form.priorities.map((p) => ({
      value: String(p.id),
      label: p.active ? p.title : fill(strings.retiredPriority, { title: p.title }),
    })),
    statuses: form.statuses.map((s) => ({ value: s, label: labelOf(mpkStrings, 'initiativeStatus', s) })),
  };
}

/** Creates or edits an initiative: every field, validated by the domain, kept as a draft until saved. */
export function InitiativeForm(props: IInitiativeFormProps): JSX.Element {
  const plan = usePlan();
  const strings = useStrings().plan.initiative;
  const labels = useInitiativeLabels();
  const conflictTexts = usePlanConflictTexts({ ...labels, ...useMeasureLabels() });
  const styles = useStyles();
  const headingId = useId('mpk-initiative-form');
  const form = useInitiativeForm(props);
  const choices = useChoices(form);
  const { values, setValue, fieldErrors } = form;
  const existing = props.initiative;

  const text = (field: keyof IInitiativeFormValues): JSX.Element => (
    <Textarea value={values[field]} resize="vertical" onChange={(_, d) => setValue(field, d.value)} />
  );
  return (
    <form ref={form.formRef} className={styles.form} onSubmit={form.submit} noValidate aria-labelledby={headingId}>
      <Text id={headingId} className={styles.title}>
        {existing
          ? fill(strings.editTitle, { title: existing.title })
          : fill(strings.newTitle, { ambition: ambitionTitle(plan.view.ambitions, props.ambitionKey) })}
      </Text>
      {form.draft.restored && <Text size={200}>{strings.draftRestored}</Text>}
      <Field label={labels.title} required validationMessage={fieldErrors.title}>
        <Input value={values.title} onChange={(_, d) => setValue('title', d.value)} />
      </Field>
      <Field label={labels.description} validationMessage={fieldErrors.description}>
        {text('description')}
      </Field>
      <div className={styles.row}>
        <HalfField form={form} field="ambitionKey" required options={choices.ambitions} />
        <HalfField form={form} field="commitmentKey" options={choices.commitments} none={strings.noCommitment} />
      </div>
      <div className={styles.row}>
        <HalfField form={form} field="politicalPriorityId" options={choices.priorities} none={strings.noPriority} />
        <HalfField form={form} field="ownerId" options={form.owners} none={strings.noOwner} />
      </div>
      <div className={styles.row}>
        <HalfField form={form} field="status" required options={choices.statuses} />
        <HalfField form={form} field="startDate" />
        <HalfField form={form} field="endDate" />
      </div>
      {form.showStopReason && (
        <Field
          label={labels.stopReason}
          required={values.status === 'stopped'}
          validationMessage={fieldErrors.stopReason}
        >
          {text('stopReason')}
        </Field>
      )}
      <Field label={labels.successMeasure} validationMessage={fieldErrors.successMeasure}>
        {text('successMeasure')}
      </Field>
      <MeasureFields form={form} />
      <Field
        label={labels.existingInitiativeUrl}
        hint={strings.urlHint}
        validationMessage={fieldErrors.existingInitiativeUrl}
      >
        <Input
          type="url"
          inputMode="url"
          value={values.existingInitiativeUrl}
          onChange={(_, d) => setValue('existingInitiativeUrl', d.value)}
        />
      </Field>
      <FormActions
        flow={form.flow}
        conflict={conflictTexts}
        texts={strings}
        submitLabel={strings.save}
        onCancel={form.cancel}
      />
    </form>
  );
}
