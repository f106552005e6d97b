/** Stored values as people read them: labels for codes, Danish dates, titles for references. */
import { formatDate } from '../../domain/dates';
import { type LabelGroup } from '../../domain/messages';
import { type Locale } from '../../domain/locale';
import type { IPoliticalPriority } from '../../domain/model';
import type { IAmbition } from '../../data/repositories/types';
import { useStrings } from '../shell/strings';
import type { IConflictTexts } from '../shell/SaveConflict';
import { usePlan } from './PlanContext';
import { labelOf } from '../shell/texts';

/** The labels of the initiative's fields, for the form and for conflicts. */
export function useInitiativeLabels(): Record<string, string> {
  return useStrings().plan.initiative.fields as unknown as Record<string, string>;
}

/** What turning a value into text needs. */
export interface IFieldTextContext {
  locale: Locale;
  /** The labels of the stored codes (`labels` in `src/loc`). */
  labels: IMpkLabelStrings;
  ambitions: readonly IAmbition[];
  priorities: readonly IPoliticalPriority[];
  personName(userId: number | undefined): string;
}

const CODE_GROUPS: Record<string, LabelGroup> = {
  status: 'initiativeStatus',
  relevance: 'relevance',
  health: 'health',
};

/** The title of an ambition, or its key when the list does not know it. */
export function ambitionTitle(ambitions: readonly IAmbition[], key: string | undefined): string {
  const ambition = ambitions.find((a) => a.key === key);
  return ambition ? ambition.title : key || '';
}

/** The text of a "Vi vil", or its key when the list does not know it. */
export function commitmentText(ambitions: readonly IAmbition[], key: string | undefined): string {
  if (!key) return '';
  for (const ambition of ambitions) {
    const commitment = ambition.commitments.find((c) => c.key === key);
    if (commitment) return commitment.text;
  }
  return key;
}

/** A stored field's value as text; `planStatus` when the item is a plan. */
export function fieldText(field: string, value: unknown, context: IFieldTextContext, planStatus = false): string {
  if (value === undefined || value === null || value === '') return '';
  if (field === 'status' && planStatus) return labelOf(context, 'planStatus', String(value));
  if (CODE_GROUPS[field]) return labelOf(context, CODE_GROUPS[field], String(value));
  switch (field) {
    case 'startDate':
    case 'endDate':
    case 'date':
    case 'measureBaselineDate':
    case 'measureTargetDate':
      return formatDate(String(value), context.locale) || String(value);
    case 'ambitionKey':
      return ambitionTitle(context.ambitions, String(value));
    case 'commitmentKey':
      return commitmentText(context.ambitions, String(value));
    case 'politicalPriorityId': {
      const priority = context.priorities.find((p) => p.id === value);
      return priority ? priority.title : String(value);
    }
    case 'ownerId':
      return context.personName(typeof value === 'number' ? value : undefined);
    default:
      return typeof value === 'string' ? value : JSON.stringify(value);
  }
}

/**
 * The plan's way of naming a form's fields in a conflict (`FormActions`' `conflict`, `SaveConflict`):
 * the labels given, and stored values read with the open plan's ambitions, priorities and people.
 * `planStatus` when the item is a plan.
 */
export function usePlanConflictTexts(labels: Record<string, string>, planStatus = false): IConflictTexts {
  const plan = usePlan();
  const mpkStrings = useStrings();
  const context: IFieldTextContext = {
    locale: plan.locale,
    labels: mpkStrings.labels,
    ambitions: plan.view.ambitions,
    priorities: plan.view.politicalPriorities,
    personName: plan.personName,
  };
  return { labels, describe: (field, value) => fieldText(field, value, context, planStatus) };
}
