import * as React from 'react';
import { Field, Input, makeStyles, Select, Text, Textarea, tokens } from '@fluentui/react-components';
import { newClientKey } from '../../domain/clientKey';
import { labelOf, type IValidationError } from '../../domain/messages';
import type { IInitiative } from '../../domain/model';
import { validateInitiative } from '../../domain/validation';
import { useServices } from '../shell/services';
import { fill, useStrings } from '../shell/strings';
import { useDraft } from '../shell/useDraft';
import { messagesByField } from '../shell/validationMessages';
import { ambitionTitle, useInitiativeLabels, usePlanConflictTexts } from './fieldText';
import {
  initiativeFormValues,
  initiativeFromForm,
  initiativeStatusOptions,
  type IInitiativeFormValues,
} from '../../domain/planModel';
import { usePlan } from './PlanContext';
import { FormActions } from '../shell/FormActions';
import { withInitiative } from '../../domain/planViewPatch';
import { useSaveFlow } from '../shell/useSaveFlow';

/** Props of {@link InitiativeForm}. */
export interface IInitiativeFormProps {
  /** The initiative to edit; absent for a new one. */
  initiative?: IInitiative;
  /** The ambition a new initiative is added under. */
  ambitionKey: string;
  /** After a save (with the saved initiative) or cancel (without). */
  onDone(saved?: IInitiative): void;
}

interface IInitiativeDraft {
  /** The version the edit started from (undefined for a new initiative). */
  base?: IInitiative;
  /** Kept across retries so a create that landed is never made twice. */
  clientKey: string;
  values: IInitiativeFormValues;
}

const useStyles = makeStyles({
  form: {
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalM,
    padding: tokens.spacingHorizontalM,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground1,
  },
  title: { margin: 0, fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold },
  row: { display: 'flex', flexWrap: 'wrap', columnGap: tokens.spacingHorizontalM, rowGap: tokens.spacingVerticalM },
  half: { flexGrow: 1, flexBasis: '12em', minWidth: 0 },
  select: { width: '100%', minWidth: 0 },
  // A long "Vi vil" must not widen the form: the closed select cuts it, the open list shows it whole.
  selectInner: { minWidth: 0, width: '100%', textOverflow: 'ellipsis' },
});

export { useInitiativeLabels };

/** Creates or edits an initiative: every field, validated by the domain, kept as a draft until saved. */
export function InitiativeForm(props: IInitiativeFormProps): JSX.Element {
  const plan = usePlan();
  const services = useServices();
  const strings = useStrings().plan.initiative;
  const labels = useInitiativeLabels();
  const conflictTexts = usePlanConflictTexts(labels);
  const styles = useStyles();
  const { view } = plan;
  const existing = props.initiative;
  const draftKey = existing
    ? `plan:initiative:${existing.id}`
    : `plan:initiative:new:${view.plan?.id}:${props.ambitionKey}`;
  const draft = useDraft<IInitiativeDraft>(draftKey, {
    base: existing,
    clientKey: existing ? existing.clientKey : newClientKey(),
    values: initiativeFormValues(existing, props.ambitionKey),
  });
  const [errors, setErrors] = React.useState<IValidationError[]>([]);
  const titleRef = React.useRef<HTMLInputElement>(null);
  const headingId = `initiative-form-${existing ? existing.id : `new-${props.ambitionKey}`}`;

  React.useEffect(() => {
    titleRef.current?.focus();
  }, []);

  const values = draft.value.values;
  const base = draft.value.base;
  const setValue = (field: keyof IInitiativeFormValues, value: string): void =>
    draft.set((d) => {
      const next = { ...d.values, [field]: value };
      // A "Vi vil" belongs to one ambition: changing the ambition clears one that no longer fits.
      if (field === 'ambitionKey') {
        const ambition = view.ambitions.find((a) => a.key === value);
        if (!ambition || !ambition.commitments.some((c) => c.key === next.commitmentKey)) next.commitmentKey = '';
      }
      return { ...d, values: next };
    });

  const flow = useSaveFlow<IInitiative>(
    (from, mine) =>
      from && from.id !== undefined ? services.initiatives.update(from, mine) : services.initiatives.create(mine),
    (saved) => {
      plan.patch((v) => withInitiative(v, saved));
      draft.clear();
      setErrors([]);
      plan.announce(fill(existing ? strings.saved : strings.created, { title: saved.title }));
      props.onDone(saved);
    },
  );

  const submit = (event: React.FormEvent): void => {
    event.preventDefault();
    const candidate = initiativeFromForm(
      values,
      base ?? { planId: view.plan?.id as number, unitId: view.unit?.id as number, clientKey: draft.value.clientKey },
    );
    const found = validateInitiative(candidate, { previousStatus: base?.status });
    setErrors(found);
    if (found.length > 0) return;
    void flow.run(base, candidate);
  };

  const cancel = (): void => {
    draft.clear();
    props.onDone();
  };

  const serverErrors = (flow.error as { validationErrors?: IValidationError[] } | undefined)?.validationErrors ?? [];
  const fieldErrors = messagesByField(errors.length > 0 ? errors : serverErrors, plan.locale);
  const ambition = view.ambitions.find((a) => a.key === values.ambitionKey);
  const priorities = view.politicalPriorities.filter((p) => p.active || String(p.id) === values.politicalPriorityId);
  const me = plan.personName(services.user.id);
  const leaderIds = (view.unit?.leaderIds ?? []).filter((id) => id !== services.user.id);
  const ownerOptions: Array<{ value: string; label: string }> = [
    { value: String(services.user.id), label: fill(strings.ownerMe, { name: me }) },
  ].concat(leaderIds.map((id) => ({ value: String(id), label: plan.personName(id) })));
  if (values.ownerId && !ownerOptions.some((o) => o.value === values.ownerId)) {
    ownerOptions.push({ value: values.ownerId, label: plan.personName(Number(values.ownerId)) });
  }
  const statuses = initiativeStatusOptions(base?.status);
  const showStopReason = values.status === 'stopped' || values.stopReason !== '';

  return (
    <form className={styles.form} onSubmit={submit} noValidate aria-labelledby={headingId}>
      <Text id={headingId} className={styles.title}>
        {existing
          ? fill(strings.editTitle, { title: existing.title })
          : fill(strings.newTitle, { ambition: ambitionTitle(view.ambitions, props.ambitionKey) })}
      </Text>
      {draft.restored && <Text size={200}>{strings.draftRestored}</Text>}
      <Field label={labels.title} required validationMessage={fieldErrors.title}>
        <Input ref={titleRef} value={values.title} onChange={(_, d) => setValue('title', d.value)} />
      </Field>
      <Field label={labels.description} validationMessage={fieldErrors.description}>
        <Textarea value={values.description} resize="vertical" onChange={(_, d) => setValue('description', d.value)} />
      </Field>
      <div className={styles.row}>
        <Field label={labels.ambitionKey} required validationMessage={fieldErrors.ambitionKey} className={styles.half}>
          <Select
            className={styles.select}
            select={{ className: styles.selectInner }}
            value={values.ambitionKey}
            onChange={(_, d) => setValue('ambitionKey', d.value)}
          >
            {view.ambitions.map((a) => (
              <option key={a.key} value={a.key}>
                {a.title}
              </option>
            ))}
          </Select>
        </Field>
        <Field label={labels.commitmentKey} validationMessage={fieldErrors.commitmentKey} className={styles.half}>
          <Select
            className={styles.select}
            select={{ className: styles.selectInner }}
            value={values.commitmentKey}
            onChange={(_, d) => setValue('commitmentKey', d.value)}
          >
            <option value="">{strings.noCommitment}</option>
            {(ambition?.commitments ?? []).map((c) => (
              <option key={c.key} value={c.key}>
                {c.text}
              </option>
            ))}
          </Select>
        </Field>
      </div>
      <div className={styles.row}>
        <Field
          label={labels.politicalPriorityId}
          validationMessage={fieldErrors.politicalPriorityId}
          className={styles.half}
        >
          <Select
            className={styles.select}
            select={{ className: styles.selectInner }}
            value={values.politicalPriorityId}
            onChange={(_, d) => setValue('politicalPriorityId', d.value)}
          >
            <option value="">{strings.noPriority}</option>
            {priorities.map((p) => (
              <option key={p.id} value={String(p.id)}>
                {p.active ? p.title : fill(strings.retiredPriority, { title: p.title })}
              </option>
            ))}
          </Select>
        </Field>
        <Field label={labels.ownerId} validationMessage={fieldErrors.ownerId} className={styles.half}>
          <Select
            className={styles.select}
            select={{ className: styles.selectInner }}
            value={values.ownerId}
            onChange={(_, d) => setValue('ownerId', d.value)}
          >
            <option value="">{strings.noOwner}</option>
            {ownerOptions.map((o) => (
              <option key={o.value} value={o.value}>
                {o.label}
              </option>
            ))}
          </Select>
        </Field>
      </div>
      <div className={styles.row}>
        <Field label={labels.status} required validationMessage={fieldErrors.status} className={styles.half}>
          <Select
            className={styles.select}
            select={{ className: styles.selectInner }}
            value={values.status}
            onChange={(_, d) => setValue('status', d.value)}
          >
            {statuses.map((s) => (
              <option key={s} value={s}>
                {labelOf('initiativeStatus', s, plan.locale)}
              </option>
            ))}
          </Select>
        </Field>
        <Field label={labels.startDate} validationMessage={fieldErrors.startDate} className={styles.half}>
          <Input
            className={styles.select}
            input={{ className: styles.selectInner }}
            type="date"
            value={values.startDate}
            onChange={(_, d) => setValue('startDate', d.value)}
          />
        </Field>
        <Field label={labels.endDate} validationMessage={fieldErrors.endDate} className={styles.half}>
          <Input
            className={styles.select}
            input={{ className: styles.selectInner }}
            type="date"
            value={values.endDate}
            onChange={(_, d) => setValue('endDate', d.value)}
          />
        </Field>
      </div>
      {showStopReason && (
        <Field
          label={labels.stopReason}
          required={values.status === 'stopped'}
          validationMessage={fieldErrors.stopReason}
        >
          <Textarea value={values.stopReason} resize="vertical" onChange={(_, d) => setValue('stopReason', d.value)} />
        </Field>
      )}
      <Field label={labels.successMeasure} validationMessage={fieldErrors.successMeasure}>
        <Textarea
          value={values.successMeasure}
          resize="vertical"
          onChange={(_, d) => setValue('successMeasure', d.value)}
        />
      </Field>
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
      <FormActions flow={flow} conflict={conflictTexts} texts={strings} submitLabel={strings.save} onCancel={cancel} />
    </form>
  );
}
