/**
 * Pure rules of the plan view: grouping, client keys that make concurrent creates meet, form values
 * and their items (the conflict rules are in `src/domain/conflict.ts`).
 */
import { compareIsoDates, toIsoDate } from './dates';
import type { ICheckIn, IInitiative, InitiativeStatus, IPlanFocus, Relevance } from './model';
import { nextInitiativeStatuses } from './workflow';
import { dict, own } from './dict';
import type { IMeasure, IMeasuredValue } from './measurements';

// ---------------------------------------------------------------------------------------------
// Grouping
// ---------------------------------------------------------------------------------------------

const STATUS_ORDER: Record<string, number> = { inProgress: 0, planned: 1, completed: 2, stopped: 3 };

/** Running initiatives first, then planned, completed and stopped; within each by start date and title. */
export function compareInitiatives(a: IInitiative, b: IInitiative): number {
  const byStatus = (own(STATUS_ORDER, a.status) ?? 9) - (own(STATUS_ORDER, b.status) ?? 9);
  if (byStatus !== 0) return byStatus;
  const byStart = compareIsoDates(a.startDate || '9999-12-31', b.startDate || '9999-12-31');
  if (byStart !== 0) return byStart;
  return (a.title || '').localeCompare(b.title || '', 'da');
}

/** The plan's initiatives under each ambition (in order); those under an unknown ambition go to `orphans`. */
export function groupByAmbition(
  initiatives: readonly IInitiative[],
  ambitions: readonly { key: string }[],
): { byAmbition: Record<string, IInitiative[]>; orphans: IInitiative[] } {
  const byAmbition = dict<IInitiative[]>();
  for (const ambition of ambitions) byAmbition[ambition.key] = [];
  const orphans: IInitiative[] = [];
  for (const initiative of initiatives) {
    const group = own(byAmbition, initiative.ambitionKey);
    if (group) group.push(initiative);
    else orphans.push(initiative);
  }
  for (const key of Object.keys(byAmbition)) byAmbition[key].sort(compareInitiatives);
  orphans.sort(compareInitiatives);
  return { byAmbition, orphans };
}

/** The focus row of one ambition in the plan. */
export function focusFor(focuses: readonly IPlanFocus[], ambitionKey: string): IPlanFocus | undefined {
  return focuses.find((focus) => focus.ambitionKey === ambitionKey);
}

/** One initiative's check-ins, oldest first (for a chart that reads left to right). */
export function checkInSeries(checkIns: readonly ICheckIn[], initiativeId: number): ICheckIn[] {
  return checkIns
    .filter((checkIn) => checkIn.initiativeId === initiativeId)
    .sort((a, b) => compareIsoDates(a.date, b.date) || (a.id || 0) - (b.id || 0));
}

// ---------------------------------------------------------------------------------------------
// Client keys: two leaders creating "the same" row meet in one item instead of two
// ---------------------------------------------------------------------------------------------

/** A plan is unique per unit and period. */
export function planClientKey(unitId: number, period: string): string {
  return `unit-${unitId}-plan-${period}`;
}

/** A focus row is unique per plan and ambition. */
export function focusClientKey(planId: number, ambitionKey: string): string {
  return `plan-${planId}-focus-${ambitionKey}`;
}

/** The period a new plan is suggested for: this year in Copenhagen. */
export function suggestedPeriod(now: Date): string {
  return toIsoDate(now).slice(0, 4);
}

// ---------------------------------------------------------------------------------------------
// Initiative form
// ---------------------------------------------------------------------------------------------

/** An initiative form's inputs, all text as inputs hold them. */
export interface IInitiativeFormValues {
  title: string;
  description: string;
  ambitionKey: string;
  commitmentKey: string;
  politicalPriorityId: string;
  ownerId: string;
  status: string;
  stopReason: string;
  startDate: string;
  endDate: string;
  successMeasure: string;
  existingInitiativeUrl: string;
}

/** An initiative's measurable success criterion, when all its parts are stored. */
export function measureOf(initiative: IInitiative | undefined): IMeasure | undefined {
  if (!initiative) return undefined;
  const { measureWhat, measureUnit, measureDirection, measureBaseline, measureBaselineDate } = initiative;
  const { measureTarget, measureTargetDate } = initiative;
  if (!measureWhat || !measureUnit || !measureDirection || !measureBaselineDate || !measureTargetDate) return undefined;
  if (typeof measureBaseline !== 'number' || typeof measureTarget !== 'number') return undefined;
  return {
    what: measureWhat,
    unit: measureUnit,
    direction: measureDirection,
    baseline: { value: measureBaseline, date: measureBaselineDate },
    target: { value: measureTarget, date: measureTargetDate },
  };
}

/** The values measured on an initiative's check-ins (any order). */
export function measuredValues(checkIns: readonly ICheckIn[], initiativeId: number): IMeasuredValue[] {
  const values: IMeasuredValue[] = [];
  for (const checkIn of checkIns) {
    if (checkIn.initiativeId === initiativeId && typeof checkIn.measuredValue === 'number') {
      values.push({ value: checkIn.measuredValue, date: checkIn.date });
    }
  }
  return values;
}

function text(value: string | number | undefined): string {
  return value === undefined || value === null ? '' : String(value);
}

function optionalText(value: string): string | undefined {
  return value.trim() === '' ? undefined : value;
}

function optionalId(value: string): number | undefined {
  if (value.trim() === '') return undefined;
  const id = Number(value);
  // A value that is not a number is passed on as is, so the validator can name the problem.
  return Number.isFinite(id) ? id : (value as unknown as number);
}

/** The form's values for an initiative (or an empty form under an ambition). */
export function initiativeFormValues(initiative: IInitiative | undefined, ambitionKey: string): IInitiativeFormValues {
  return {
    title: text(initiative?.title),
    description: text(initiative?.description),
    ambitionKey: initiative?.ambitionKey ?? ambitionKey,
    commitmentKey: text(initiative?.commitmentKey),
    politicalPriorityId: text(initiative?.politicalPriorityId),
    ownerId: text(initiative?.ownerId),
    status: initiative?.status ?? 'planned',
    stopReason: text(initiative?.stopReason),
    startDate: text(initiative?.startDate),
    endDate: text(initiative?.endDate),
    successMeasure: text(initiative?.successMeasure),
    existingInitiativeUrl: text(initiative?.existingInitiativeUrl),
  };
}

/** The initiative a form describes, on top of the version it was opened from. */
export function initiativeFromForm(
  values: IInitiativeFormValues,
  base: Pick<IInitiative, 'planId' | 'unitId' | 'clientKey'> & Partial<IInitiative>,
): IInitiative {
  const stopped = values.status === 'stopped';
  return {
    ...base,
    title: values.title.trim(),
    description: optionalText(values.description),
    ambitionKey: values.ambitionKey,
    commitmentKey: optionalText(values.commitmentKey),
    politicalPriorityId: optionalId(values.politicalPriorityId),
    ownerId: optionalId(values.ownerId),
    status: values.status as InitiativeStatus,
    // A reason belongs to a stop; taking an initiative up again keeps the old reason as history.
    stopReason: stopped || base.stopReason ? optionalText(values.stopReason) : undefined,
    startDate: optionalText(values.startDate),
    endDate: optionalText(values.endDate),
    successMeasure: optionalText(values.successMeasure),
    existingInitiativeUrl: optionalText(values.existingInitiativeUrl.trim()),
  };
}

/** The statuses an initiative form offers: a new one starts planned or running; an existing one may stay or move on. */
export function initiativeStatusOptions(current: InitiativeStatus | undefined): InitiativeStatus[] {
  if (current === undefined) return ['planned', 'inProgress'];
  return [current].concat(nextInitiativeStatuses(current).filter((status) => status !== current));
}

// ---------------------------------------------------------------------------------------------
// Focus form
// ---------------------------------------------------------------------------------------------

/** A focus form's inputs. */
export interface IFocusFormValues {
  relevance: string;
  localMeaning: string;
}

/** The focus row a form describes. */
export function focusFromForm(values: IFocusFormValues, base: IPlanFocus): IPlanFocus {
  return {
    ...base,
    relevance: values.relevance as Relevance,
    localMeaning: optionalText(values.localMeaning),
  };
}
