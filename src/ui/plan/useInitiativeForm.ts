import * as React from 'react';
import { newClientKey } from '../../domain/clientKey';
import type { IInitiative, InitiativeStatus, IPoliticalPriority } from '../../domain/model';
import { validateMeasure, type MeasureErrorCode, type MeasureField } from '../../domain/measurements';
import {
  initiativeFormValues,
  initiativeFromForm,
  initiativeStatusOptions,
  measureOf,
  type IInitiativeFormValues,
} from '../../domain/planModel';
import {
  EMPTY_MEASURE_VALUES,
  measureColumns,
  measureFormValues,
  measureInput,
  OTHER_UNIT,
  type IMeasureFormValues,
} from '../../domain/measureForm';
import { withInitiative } from '../../domain/planViewPatch';
import { validateInitiative } from '../../domain/validation';
import type { IAmbition } from '../../data/repositories/types';
import { useServices } from '../shell/services';
import { fill, useStrings } from '../shell/strings';
import type { IDraft } from '../shell/useDraft';
import type { ISaveFlow } from '../shell/useSaveFlow';
import { usePlan } from './PlanContext';
import { usePlanForm } from './usePlanForm';

/** Props of `InitiativeForm`. */
export interface IInitiativeFormProps {
  /** The initiative to edit; absent for a new one. */
  initiative?: IInitiative;
  /** The ambition a new initiative is added under. */
  ambitionKey: string;
  /** After a save (with the saved initiative and its confirmation, for the card or section to show) or cancel (without). */
  onDone(saved?: IInitiative, confirmation?: string): void;
}

/** The form's fields: the initiative's and its measure's. */
export type InitiativeFormValues = IInitiativeFormValues & IMeasureFormValues;

interface IInitiativeDraft {
  /** The version the edit started from (undefined for a new initiative). */
  base?: IInitiative;
  /** Kept across retries so a create that landed is never made twice. */
  clientKey: string;
  values: InitiativeFormValues;
}

/** A select's choices: value and label. */
export interface IOption {
  value: string;
  label: string;
}

/** What {@link useInitiativeForm} hands the form's render. */
export interface IInitiativeFormState {
  /** The form: focus moves to its first field (the title) as it opens, and to the first error. */
  formRef: React.RefObject<HTMLFormElement>;
  draft: IDraft<IInitiativeDraft>;
  values: InitiativeFormValues;
  setValue(field: keyof InitiativeFormValues, value: string): void;
  /** Messages per field (see `usePlanForm`). */
  fieldErrors: Record<string, string>;
  flow: ISaveFlow<IInitiative>;
  submit(event: React.FormEvent): void;
  cancel(): void;
  /** The chosen ambition (for its "Vi vil"). */
  ambition: IAmbition | undefined;
  /** Active priorities, and a retired one the initiative already has. */
  priorities: IPoliticalPriority[];
  owners: IOption[];
  statuses: InitiativeStatus[];
  showStopReason: boolean;
}

type MeasureErrors = Partial<Record<MeasureField, MeasureErrorCode>>;

/** Where each part of the measure is typed in the form. */
const MEASURE_FORM_FIELDS: Record<MeasureField, keyof IMeasureFormValues> = {
  what: 'measureWhat',
  unit: 'measureUnit',
  direction: 'measureDirection',
  baselineValue: 'measureBaseline',
  baselineDate: 'measureBaselineDate',
  targetValue: 'measureTarget',
  targetDate: 'measureTargetDate',
};

/** The measure's problems in words, by the form field they are shown at; each names its field by its label. */
function measureMessages(
  errors: MeasureErrors,
  values: IMeasureFormValues,
  strings: IMpkMeasurementStrings,
): Record<string, string> {
  const messages: Record<string, string> = {};
  for (const field of Object.keys(errors) as MeasureField[]) {
    const code = errors[field] as MeasureErrorCode;
    const at = field === 'unit' && values.measureUnit === OTHER_UNIT ? 'measureOtherUnit' : MEASURE_FORM_FIELDS[field];
    messages[at] = fill(strings.errors[code], { field: strings.fields[field] });
  }
  return messages;
}

/** The people an initiative may be given to: me, the unit's other leaders, and whoever has it now. */
function useOwnerOptions(ownerId: string): IOption[] {
  const plan = usePlan();
  const services = useServices();
  const strings = useStrings().plan.initiative;
  const me = plan.personName(services.user.id);
  const leaderIds = (plan.view.unit?.leaderIds ?? []).filter((id) => id !== services.user.id);
  const owners: IOption[] = [{ value: String(services.user.id), label: fill(strings.ownerMe, { name: me }) }].concat(
    leaderIds.map((id) => ({ value: String(id), label: plan.personName(id) })),
  );
  if (ownerId && !owners.some((o) => o.value === ownerId)) {
    owners.push({ value: ownerId, label: plan.personName(Number(ownerId)) });
  }
  return owners;
}

/** An initiative form's state: the draft, the domain's validation, the save, and the choices it offers. */
export function useInitiativeForm(props: IInitiativeFormProps): IInitiativeFormState {
  const plan = usePlan();
  const services = useServices();
  const mpkStrings = useStrings();
  const strings = mpkStrings.plan.initiative;
  const { view } = plan;
  const existing = props.initiative;
  const [measureErrors, setMeasureErrors] = React.useState<MeasureErrors>({});
  const form = usePlanForm<IInitiativeDraft, IInitiative>({
    opens: true,
    draftKey: existing ? `plan:initiative:${existing.id}` : `plan:initiative:new:${view.plan?.id}:${props.ambitionKey}`,
    initialDraft: {
      base: existing,
      clientKey: existing ? existing.clientKey : newClientKey(),
      values: { ...initiativeFormValues(existing, props.ambitionKey), ...measureFormValues(measureOf(existing)) },
    },
    read: (d) => {
      const base = d.base ?? {
        planId: view.plan?.id as number,
        unitId: view.unit?.id as number,
        clientKey: d.clientKey,
      };
      const mine = initiativeFromForm(d.values, base);
      return { base: d.base, mine: { ...mine, ...measureColumns({ ...EMPTY_MEASURE_VALUES, ...d.values }, base) } };
    },
    validate: (mine, base) => validateInitiative(mine, { previousStatus: base?.status }),
    // The measure is checked as typed (its numbers are Danish text): the item only holds a valid one.
    check: (d) => {
      const all = { ...EMPTY_MEASURE_VALUES, ...d.values };
      const found = all.measured === 'yes' ? validateMeasure(measureInput(all)).errors : {};
      setMeasureErrors(found);
      return Object.keys(found).length === 0;
    },
    save: (from, mine) =>
      from && from.id !== undefined ? services.initiatives.update(from, mine) : services.initiatives.create(mine),
    onSaved: (saved) => {
      plan.patch((v) => withInitiative(v, saved));
      props.onDone(saved, fill(existing ? strings.saved : strings.created, { title: saved.title }));
    },
  });
  const { draft, flow } = form;
  // A draft kept before the measure's fields existed has none of them.
  const values = { ...EMPTY_MEASURE_VALUES, ...draft.value.values };

  const setValue = (field: keyof InitiativeFormValues, value: string): void =>
    draft.set((d) => {
      const next = { ...d.values, [field]: value };
      // A "Vi vil" belongs to one ambition: changing the ambition clears one that no longer fits.
      if (field === 'ambitionKey') {
        const ambition = view.ambitions.find((a) => a.key === value);
        if (!ambition || !ambition.commitments.some((c) => c.key === next.commitmentKey)) next.commitmentKey = '';
      }
      return { ...d, values: next };
    });

  const owners = useOwnerOptions(values.ownerId);
  return {
    formRef: form.formRef,
    draft,
    values,
    setValue,
    fieldErrors: { ...form.fieldErrors, ...measureMessages(measureErrors, values, mpkStrings.measurements) },
    flow,
    submit: form.submit,
    cancel: () => form.discard(() => props.onDone()),
    ambition: view.ambitions.find((a) => a.key === values.ambitionKey),
    priorities: view.politicalPriorities.filter((p) => p.active || String(p.id) === values.politicalPriorityId),
    owners,
    statuses: initiativeStatusOptions(draft.value.base?.status),
    showStopReason: values.status === 'stopped' || values.stopReason !== '',
  };
}
