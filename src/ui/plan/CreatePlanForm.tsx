import * as React from 'react';
import type { Locale } from '../../domain/locale';
import { Field, Input, makeStyles, Text, tokens } from '@fluentui/react-components';
import type { IValidationError } from '../../domain/messages';
import type { IPlan } from '../../domain/model';
import { normalisePeriod, validatePlan } from '../../domain/validation';
import type { IUnitItem } from '../../data/repositories/types';
import { useServices } from '../shell/services';
import { fill, useStrings } from '../shell/strings';
import { useDraft } from '../shell/useDraft';
import { planClientKey, suggestedPeriod } from '../../domain/planModel';
import { FormActions } from '../shell/FormActions';
import { useSaveFlow } from '../shell/useSaveFlow';
import { useFormFocus } from '../shell/useFormFocus';
import { messagesByField } from '../shell/texts';

/** Props of {@link CreatePlanForm}. */
export interface ICreatePlanFormProps {
  unit: IUnitItem;
  locale: Locale;
  now(): Date;
  onCreated(plan: IPlan): void;
  announce(message: string): void;
}

const useStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalM, maxWidth: '36em' },
  period: { maxWidth: '14em' },
});

/** Starts the unit's plan for a period ("2026" or "2026-2027"); the leader creating it owns it. */
export function CreatePlanForm(props: ICreatePlanFormProps): JSX.Element {
  const mpkStrings = useStrings();
  const services = useServices();
  const strings = useStrings().plan.create;
  const styles = useStyles();
  const unitId = props.unit.id as number;
  const draft = useDraft<{ period: string }>(`plan:new:${unitId}`, { period: suggestedPeriod(props.now()) });
  const [errors, setErrors] = React.useState<IValidationError[]>([]);

  const focus = useFormFocus<HTMLFormElement>(false);
  const flow = useSaveFlow<IPlan>(
    (_base, mine) => services.plans.create(mine),
    (saved) => {
      draft.clear();
      props.announce(fill(strings.created, { period: saved.period }));
      // The form gives way to the new plan: focus on the surface's title (its h2) above it, not the page.
      const surface = focus.ref.current?.closest('[data-mpk="plan-surface"]');
      props.onCreated(saved);
      window.setTimeout(() => surface?.querySelector<HTMLElement>('h2')?.focus(), 0);
    },
  );

  const submit = (event: React.FormEvent): void => {
    event.preventDefault();
    const period = normalisePeriod(draft.value.period);
    // One plan per unit and period: two leaders creating it at once meet in the same item.
    const candidate: IPlan = {
      clientKey: planClientKey(unitId, period),
      unitId,
      period,
      status: 'draft',
      ownerId: services.user.id,
    };
    const found = validatePlan(candidate);
    setErrors(found);
    if (found.length === 0) void flow.run(undefined, candidate);
    else focus.focusFirstError();
  };
  const fieldErrors = messagesByField(mpkStrings, errors, props.locale);

  return (
    <form ref={focus.ref} className={styles.form} onSubmit={submit} noValidate>
      <Text>{strings.intro}</Text>
      <Field
        label={strings.period}
        required
        hint={draft.restored ? `${strings.periodHint} ${strings.draftRestored}` : strings.periodHint}
        validationMessage={fieldErrors.period}
        className={styles.period}
      >
        <Input value={draft.value.period} onChange={(_, d) => draft.set({ period: d.value })} />
      </Field>
      <FormActions flow={flow} texts={strings} submitLabel={strings.submit} />
    </form>
  );
}
