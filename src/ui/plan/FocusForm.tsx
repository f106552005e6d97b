import * as React from 'react';
import { Button, Field, makeStyles, Select, Text, Textarea, tokens } from '@fluentui/react-components';
import { ConflictError } from '../../data/errors';
import { labelOf, type IValidationError } from '../../domain/messages';
import { RELEVANCES, type IPlanFocus } from '../../domain/model';
import { validatePlanFocus } from '../../domain/validation';
import { DataErrorMessage } from '../shell/DataErrorMessage';
import { useServices } from '../shell/services';
import { fill, useStrings } from '../shell/strings';
import { useDraft } from '../shell/useDraft';
import { messagesByField } from '../shell/validationMessages';
import { createCollisions, focusClientKey, focusFromForm, type IFocusFormValues } from './planModel';
import { PlanConflict } from './PlanConflict';
import { usePlan } from './PlanContext';
import { withFocus } from './usePlanView';
import { useSaveFlow } from './useSaveFlow';

/** Props of {@link FocusForm}. */
export interface IFocusFormProps {
  ambitionKey: string;
  ambitionTitle: string;
  /** The saved focus row, if the ambition has one yet. */
  focus?: IPlanFocus;
  onDone(saved?: IPlanFocus): void;
}

interface IFocusDraft {
  base?: IPlanFocus;
  values: IFocusFormValues;
}

const useStyles = makeStyles({
  form: {
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalS,
    padding: tokens.spacingHorizontalM,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusMedium,
  },
  select: { maxWidth: '20em' },
  actions: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
});

/** How strongly an ambition applies here ("varierende styrke") and what it means locally. */
export function FocusForm(props: IFocusFormProps): JSX.Element {
  const plan = usePlan();
  const services = useServices();
  const strings = useStrings().plan.focus;
  const styles = useStyles();
  const planId = plan.view.plan?.id as number;
  const unitId = plan.view.unit?.id as number;
  const draft = useDraft<IFocusDraft>(`plan:focus:${planId}:${props.ambitionKey}`, {
    base: props.focus,
    values: { relevance: props.focus?.relevance ?? '', localMeaning: props.focus?.localMeaning ?? '' },
  });
  const [errors, setErrors] = React.useState<IValidationError[]>([]);
  const selectRef = React.useRef<HTMLSelectElement>(null);
  const labels: Record<string, string> = { relevance: strings.relevance, localMeaning: strings.localMeaning };

  React.useEffect(() => {
    selectRef.current?.focus();
  }, []);

  const flow = useSaveFlow<IPlanFocus>(
    async (from, mine) => {
      if (from && from.id !== undefined) return services.planFocuses.update(from, mine);
      // The client key is the same for everyone: if another leader created this row first, we meet
      // their row instead of making a second one — and show the difference rather than overwrite it.
      const saved = await services.planFocuses.create(mine, unitId);
      const clashes = createCollisions(mine, saved, ['relevance', 'localMeaning']);
      if (clashes.length > 0) throw new ConflictError<IPlanFocus>(mine, saved, clashes);
      return saved;
    },
    (saved) => {
      plan.patch((view) => withFocus(view, saved));
      draft.clear();
      setErrors([]);
      plan.announce(fill(strings.saved, { ambition: props.ambitionTitle }));
      props.onDone(saved);
    }
  );

  const submit = (event: React.FormEvent): void => {
    event.preventDefault();
    const base: IPlanFocus = draft.value.base ?? {
      clientKey: focusClientKey(planId, props.ambitionKey),
      planId,
      ambitionKey: props.ambitionKey,
      relevance: undefined as unknown as IPlanFocus['relevance'],
    };
    const candidate = focusFromForm(draft.value.values, base);
    const found = validatePlanFocus(candidate);
    setErrors(found);
    if (found.length === 0) void flow.run(draft.value.base, candidate);
  };
  const fieldErrors = messagesByField(errors, plan.locale);
  const formId = `focus-form-${props.ambitionKey}`;

  return (
    <form className={styles.form} onSubmit={submit} noValidate aria-labelledby={formId}>
      <Text id={formId} weight="semibold">
        {fill(strings.formTitle, { ambition: props.ambitionTitle })}
      </Text>
      {draft.restored && <Text size={200}>{strings.draftRestored}</Text>}
      <Field label={strings.relevance} required validationMessage={fieldErrors.relevance}>
        <Select
          ref={selectRef}
          className={styles.select}
          value={draft.value.values.relevance}
          onChange={(_, d) => draft.set((v) => ({ ...v, values: { ...v.values, relevance: d.value } }))}
        >
          <option value="">{strings.chooseRelevance}</option>
          {RELEVANCES.map((relevance) => (
            <option key={relevance} value={relevance}>
              {labelOf('relevance', relevance, plan.locale)}
            </option>
          ))}
        </Select>
      </Field>
      <Field label={strings.localMeaning} hint={strings.localMeaningHint} validationMessage={fieldErrors.localMeaning}>
        <Textarea
          value={draft.value.values.localMeaning}
          resize="vertical"
          rows={4}
          onChange={(_, d) => draft.set((v) => ({ ...v, values: { ...v.values, localMeaning: d.value } }))}
        />
      </Field>
      <PlanConflict flow={flow} labels={labels} />
      {flow.error !== undefined && <DataErrorMessage error={flow.error} title={strings.failed} onDismiss={flow.dismissError} />}
      {!flow.conflict && (
        <div className={styles.actions}>
          <Button type="submit" appearance="primary" disabled={flow.busy}>
            {flow.busy ? strings.saving : strings.save}
          </Button>
          <Button
            disabled={flow.busy}
            onClick={() => {
              draft.clear();
              props.onDone();
            }}
          >
            {strings.cancel}
          </Button>
        </div>
      )}
    </form>
  );
}
