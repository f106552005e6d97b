import * as React from 'react';
import { Field, makeStyles, Select, Text, Textarea, tokens } from '@fluentui/react-components';
import { framedColumn } from '../shell/sharedStyles';
import { ConflictError } from '../../data/errors';
import { RELEVANCES, type IPlanFocus } from '../../domain/model';
import { validatePlanFocus } from '../../domain/validation';
import { useServices } from '../shell/services';
import { fill, useStrings } from '../shell/strings';
import { createCollisions } from '../../domain/conflict';
import { focusClientKey, focusFromForm, type IFocusFormValues } from '../../domain/planModel';
import { usePlan } from './PlanContext';
import { FormActions } from '../shell/FormActions';
import { usePlanForm } from './usePlanForm';
import { withFocus } from '../../domain/planViewPatch';
import { usePlanConflictTexts } from './fieldText';
import { labelOf, messagesByField } from '../shell/texts';
import { SelectOptions } from '../shell/SelectOptions';

/** Props of {@link FocusForm}. */
export interface IFocusFormProps {
  ambitionKey: string;
  ambitionTitle: string;
  /** The saved focus row, if the ambition has one yet. */
  focus?: IPlanFocus;
  /** After a save (with what was saved and its confirmation, for the section to show) or cancel (without). */
  onDone(saved?: IPlanFocus, confirmation?: string): void;
}

interface IFocusDraft {
  base?: IPlanFocus;
  values: IFocusFormValues;
}

const useStyles = makeStyles({
  form: framedColumn(tokens.spacingVerticalS),
  select: { maxWidth: '20em' },
});

/** How strongly an ambition applies here ("varierende styrke") and what it means locally. */
export function FocusForm(props: IFocusFormProps): JSX.Element {
  const mpkStrings = useStrings();
  const plan = usePlan();
  const services = useServices();
  const strings = useStrings().plan.focus;
  const styles = useStyles();
  const planId = plan.view.plan?.id as number;
  const unitId = plan.view.unit?.id as number;
  const selectRef = React.useRef<HTMLSelectElement>(null);
  const conflictTexts = usePlanConflictTexts({ relevance: strings.relevance, localMeaning: strings.localMeaning });

  React.useEffect(() => {
    selectRef.current?.focus();
  }, []);

  const { formRef, draft, errors, flow, submit, discard } = usePlanForm<IFocusDraft, IPlanFocus>({
    opens: true,
    draftKey: `plan:focus:${planId}:${props.ambitionKey}`,
    initialDraft: {
      base: props.focus,
      values: { relevance: props.focus?.relevance ?? '', localMeaning: props.focus?.localMeaning ?? '' },
    },
    read: (value) => {
      const base: IPlanFocus = value.base ?? {
        clientKey: focusClientKey(planId, props.ambitionKey),
        planId,
        ambitionKey: props.ambitionKey,
        relevance: undefined as unknown as IPlanFocus['relevance'],
      };
      return { base: value.base, mine: focusFromForm(value.values, base) };
    },
    validate: (mine) => validatePlanFocus(mine),
    save: async (from, mine) => {
      if (from && from.id !== undefined) return services.planFocuses.update(from, mine);
      // The client key is the same for everyone: if another leader created this row first, we meet
      // their row instead of making a second one — and show the difference rather than overwrite it.
      const saved = await services.planFocuses.create(mine, unitId);
      const clashes = createCollisions(mine, saved, ['relevance', 'localMeaning']);
      if (clashes.length > 0) throw new ConflictError<IPlanFocus>(mine, saved, clashes);
      return saved;
    },
    onSaved: (saved) => {
      plan.patch((view) => withFocus(view, saved));
      props.onDone(saved, fill(strings.saved, { ambition: props.ambitionTitle }));
    },
  });

  const fieldErrors = messagesByField(mpkStrings, errors, plan.locale);
  const formId = `focus-form-${props.ambitionKey}`;

  return (
    <form ref={formRef} className={styles.form} onSubmit={submit} noValidate aria-labelledby={formId}>
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
          <SelectOptions
            empty={strings.chooseRelevance}
            items={RELEVANCES}
            value={(relevance) => relevance}
            label={(relevance) => labelOf(mpkStrings, 'relevance', relevance)}
          />
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
      <FormActions
        flow={flow}
        conflict={conflictTexts}
        texts={strings}
        submitLabel={strings.save}
        onCancel={() => discard(() => props.onDone())}
      />
    </form>
  );
}
