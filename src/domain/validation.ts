/**
 * Validation for every write. Each `validateX` returns the list of problems (empty = may be saved)
 * as structured errors; `describeError` in `src/ui/shell/texts.ts` words one with the strings of `src/loc`.
 *
 * The validators take drafts (`Partial<…>`, possibly with nulls from a form) so a half-filled form
 * can be checked as well as a finished item. Every free-text field is checked for CPR numbers.
 */
import { commitmentBelongsTo, findAmbition, findCommitment } from './ambitions';
import { isGuid } from './clientKey';
import { findCprNumbers } from './cpr';
import { compareIsoDates, isValidIsoDate, today } from './dates';
import type { IValidationError, LabelGroup } from './messages';
import {
  isHealth,
  isInitiativeStatus,
  isPlanStatus,
  isRelevance,
  isStoryKind,
  isTaskStatus,
  isUnitKind,
  type ICheckIn,
  type IDialogComment,
  type IFollowUpTask,
  type IInitiative,
  type InitiativeStatus,
  type IPlan,
  type IPlanFocus,
  type IPoliticalPriority,
  type IRecognition,
  type IReflection,
  type IStory,
  type IUnit,
  type PlanStatus,
  type TaskStatus,
} from './model';
import { richTextToPlainText } from './plainText';
import { isHttpUrl } from './links';
import { parsePeriod } from './periods';

export { isHttpUrl } from './links';
export { normalisePeriod, parsePeriod, periodIncludesYear } from './periods';
import { canTransition, canTransitionInitiative, canTransitionTask } from './workflow';

/** SharePoint's limit for a single line of text column. */
export const SINGLE_LINE_MAX = 255;
/** SharePoint's limit for a multiple lines of text column. */
export const MULTI_LINE_MAX = 63999;
/** SharePoint's limit for a hyperlink column's URL. */
export const URL_MAX = 255;

/** The longest text a free-text filter (a meeting's name, a search) accepts: a single line of text. */
export const FILTER_TEXT_MAX = SINGLE_LINE_MAX;

/**
 * A free-text filter's value: at most {@link FILTER_TEXT_MAX} characters (UTF-16 code units, as
 * SharePoint counts). Longer text can match nothing stored in a single-line column, and SharePoint's
 * answer to it would read as a failed save; the filter says why instead.
 */
export function validateFilterText(field: string, value: string | undefined): IValidationError[] {
  if (value === undefined || value.length <= FILTER_TEXT_MAX) return [];
  return [{ field, code: 'tooLong', params: { max: FILTER_TEXT_MAX, actual: value.length } }];
}

/** A form's view of an item: any field may be missing or null. */
export type Draft<T> = { readonly [K in keyof T]?: T[K] | null };

type Errors = IValidationError[];

function isBlank(value: unknown): boolean {
  return value === undefined || value === null || (typeof value === 'string' && value.trim() === '');
}

interface ITextRule {
  required?: boolean;
  max: number;
  /** The value is rich text (HTML): "empty" and the CPR guard look at its text content. */
  rich?: boolean;
}

function checkText(errors: Errors, field: string, value: unknown, rule: ITextRule): void {
  if (value === undefined || value === null) {
    if (rule.required) errors.push({ field, code: 'required' });
    return;
  }
  if (typeof value !== 'string') {
    errors.push({ field, code: 'invalidOption', params: { value: String(value) } });
    return;
  }
  const plain = rule.rich ? richTextToPlainText(value) : value;
  if (plain.trim() === '') {
    if (rule.required) errors.push({ field, code: 'required' });
    return;
  }
  // SharePoint counts UTF-16 code units, as String.length does (an emoji counts as 2).
  if (value.length > rule.max) {
    errors.push({ field, code: 'tooLong', params: { max: rule.max, actual: value.length } });
  }
  const cpr = findCprNumbers(plain);
  if (rule.rich) {
    // Also look in the markup itself, e.g. a number in a link's address.
    for (const masked of findCprNumbers(value)) if (cpr.indexOf(masked) < 0) cpr.push(masked);
  }
  if (cpr.length > 0) errors.push({ field, code: 'containsCpr', params: { masked: cpr.join(', ') } });
}

function checkReference(errors: Errors, field: string, value: unknown, required: boolean): void {
  if (isBlank(value)) {
    if (required) errors.push({ field, code: 'selectionRequired' });
    return;
  }
  if (typeof value !== 'number' || !Number.isInteger(value) || value <= 0) {
    errors.push({ field, code: 'invalidReference' });
  }
}

function checkChoice(
  errors: Errors,
  field: string,
  value: unknown,
  isValid: (value: unknown) => boolean,
  group: LabelGroup,
): void {
  if (isBlank(value)) errors.push({ field, code: 'selectionRequired' });
  else if (!isValid(value))
    errors.push({ field, code: 'invalidOption', params: { value: String(value), enum: group } });
}

function checkDate(errors: Errors, field: string, value: unknown, required: boolean): void {
  if (isBlank(value)) {
    if (required) errors.push({ field, code: 'required' });
    return;
  }
  if (!isValidIsoDate(value)) errors.push({ field, code: 'invalidDate' });
}

function checkAmbition(errors: Errors, field: string, value: unknown, required: boolean): void {
  if (isBlank(value)) {
    if (required) errors.push({ field, code: 'selectionRequired' });
    return;
  }
  if (typeof value !== 'string' || !findAmbition(value)) errors.push({ field, code: 'unknownAmbition' });
}

function checkWholeNumber(errors: Errors, field: string, value: unknown, min: number, max?: number): void {
  if (typeof value !== 'number' || !Number.isInteger(value)) {
    errors.push({ field, code: 'notWholeNumber' });
  } else if (max !== undefined && (value < min || value > max)) {
    errors.push({ field, code: 'outOfRange', params: { min, max } });
  } else if (value < min) {
    errors.push({ field, code: 'negativeNumber' });
  }
}

function checkTransition<S extends string>(
  errors: Errors,
  previous: S | undefined,
  next: unknown,
  allowed: (from: S, to: S) => boolean,
  isValid: (value: unknown) => value is S,
  group: LabelGroup,
): void {
  if (previous === undefined || !isValid(next) || previous === next) return;
  if (!allowed(previous, next)) {
    errors.push({ field: 'status', code: 'invalidTransition', params: { from: previous, to: next, enum: group } });
  }
}

// ---------------------------------------------------------------------------------------------
// Periods
// ---------------------------------------------------------------------------------------------

// ---------------------------------------------------------------------------------------------
// Validators
// ---------------------------------------------------------------------------------------------

const TEAMS_CHANNEL_ID = /^19:[^\s@]+@thread\.[a-z0-9]+$/i;

/** Validates a unit; pass all `units` to also catch a parent chain that loops back to the unit. */
export function validateUnit(unit: Draft<IUnit>, options: { units?: readonly IUnit[] } = {}): IValidationError[] {
  const errors: Errors = [];
  checkText(errors, 'name', unit.name, { required: true, max: SINGLE_LINE_MAX });
  checkChoice(errors, 'kind', unit.kind, isUnitKind, 'unitKind');
  checkReference(errors, 'parentId', unit.parentId, false);

  const hasParent = !isBlank(unit.parentId);
  if ((unit.kind === 'coreArea' || unit.kind === 'staff') && hasParent) {
    errors.push({ field: 'parentId', code: 'parentNotAllowed' });
  } else if ((unit.kind === 'department' || unit.kind === 'institution') && !hasParent) {
    errors.push({ field: 'parentId', code: 'parentRequired' });
  } else if (
    hasParent &&
    unit.id !== undefined &&
    unit.id !== null &&
    createsCycle(unit.id, unit.parentId as number, options.units)
  ) {
    errors.push({ field: 'parentId', code: 'parentCycle' });
  }

  if (!isBlank(unit.teamsTeamId) && !isGuid(unit.teamsTeamId))
    errors.push({ field: 'teamsTeamId', code: 'invalidTeamsTeamId' });
  if (
    !isBlank(unit.teamsChannelId) &&
    !(typeof unit.teamsChannelId === 'string' && TEAMS_CHANNEL_ID.test(unit.teamsChannelId))
  ) {
    errors.push({ field: 'teamsChannelId', code: 'invalidTeamsChannelId' });
  }
  if (unit.leaderIds) {
    unit.leaderIds.forEach((leaderId, index) => checkReference(errors, `leaderIds[${index}]`, leaderId, true));
  }
  if (!isBlank(unit.order)) checkWholeNumber(errors, 'order', unit.order, 0);
  return errors;
}

/** Whether making `parentId` the parent of `unitId` would put the unit under itself. */
function createsCycle(unitId: number, parentId: number, units: readonly IUnit[] | undefined): boolean {
  if (parentId === unitId) return true;
  if (!units) return false;
  const parentOf = new Map<number, number | undefined>();
  for (const u of units) if (u.id !== undefined) parentOf.set(u.id, u.parentId);
  const seen = new Set<number>();
  let current: number | undefined = parentId;
  while (current !== undefined && !seen.has(current)) {
    if (current === unitId) return true;
    seen.add(current);
    current = parentOf.get(current);
  }
  return false;
}

/** Validates a political priority. */
export function validatePoliticalPriority(priority: Draft<IPoliticalPriority>): IValidationError[] {
  const errors: Errors = [];
  checkText(errors, 'title', priority.title, { required: true, max: SINGLE_LINE_MAX });
  if (!isBlank(priority.order)) checkWholeNumber(errors, 'order', priority.order, 0);
  return errors;
}

/** Validates a plan; with `previousStatus`, also that the status change is allowed. */
export function validatePlan(plan: Draft<IPlan>, options: { previousStatus?: PlanStatus } = {}): IValidationError[] {
  const errors: Errors = [];
  checkReference(errors, 'unitId', plan.unitId, true);
  if (isBlank(plan.period)) errors.push({ field: 'period', code: 'required' });
  else if (typeof plan.period !== 'string' || !parsePeriod(plan.period))
    errors.push({ field: 'period', code: 'invalidPeriod' });
  checkChoice(errors, 'status', plan.status, isPlanStatus, 'planStatus');
  checkTransition(errors, options.previousStatus, plan.status, canTransition, isPlanStatus, 'planStatus');
  checkReference(errors, 'ownerId', plan.ownerId, false);
  return errors;
}

/** Validates one ambition's relevance and local meaning in a plan. */
export function validatePlanFocus(focus: Draft<IPlanFocus>): IValidationError[] {
  const errors: Errors = [];
  checkReference(errors, 'planId', focus.planId, true);
  checkAmbition(errors, 'ambitionKey', focus.ambitionKey, true);
  checkChoice(errors, 'relevance', focus.relevance, isRelevance, 'relevance');
  checkText(errors, 'localMeaning', focus.localMeaning, { max: MULTI_LINE_MAX });
  return errors;
}

/** Validates an initiative; a stopped one needs a reason. With `previousStatus`, checks the change. */
export function validateInitiative(
  initiative: Draft<IInitiative>,
  options: { previousStatus?: InitiativeStatus } = {},
): IValidationError[] {
  const errors: Errors = [];
  checkReference(errors, 'planId', initiative.planId, true);
  checkReference(errors, 'unitId', initiative.unitId, true);
  checkText(errors, 'title', initiative.title, { required: true, max: SINGLE_LINE_MAX });
  checkText(errors, 'description', initiative.description, { max: MULTI_LINE_MAX });
  checkAmbition(errors, 'ambitionKey', initiative.ambitionKey, true);

  if (!isBlank(initiative.commitmentKey)) {
    const key = String(initiative.commitmentKey);
    if (!findCommitment(key)) {
      errors.push({ field: 'commitmentKey', code: 'unknownCommitment' });
    } else if (
      typeof initiative.ambitionKey === 'string' &&
      findAmbition(initiative.ambitionKey) &&
      !commitmentBelongsTo(key, initiative.ambitionKey)
    ) {
      const ambition = findAmbition(initiative.ambitionKey);
      errors.push({
        field: 'commitmentKey',
        code: 'commitmentMismatch',
        params: { ambition: ambition ? ambition.title : '' },
      });
    }
  }

  checkReference(errors, 'politicalPriorityId', initiative.politicalPriorityId, false);
  checkReference(errors, 'ownerId', initiative.ownerId, false);
  checkChoice(errors, 'status', initiative.status, isInitiativeStatus, 'initiativeStatus');
  checkTransition(
    errors,
    options.previousStatus,
    initiative.status,
    canTransitionInitiative,
    isInitiativeStatus,
    'initiativeStatus',
  );

  if (initiative.status === 'stopped' && isBlank(initiative.stopReason)) {
    errors.push({ field: 'stopReason', code: 'stopReasonRequired' });
  } else {
    checkText(errors, 'stopReason', initiative.stopReason, { max: MULTI_LINE_MAX });
  }

  checkDate(errors, 'startDate', initiative.startDate, false);
  checkDate(errors, 'endDate', initiative.endDate, false);
  if (
    isValidIsoDate(initiative.startDate) &&
    isValidIsoDate(initiative.endDate) &&
    compareIsoDates(initiative.endDate, initiative.startDate) < 0
  ) {
    errors.push({ field: 'endDate', code: 'endBeforeStart' });
  }

  checkText(errors, 'successMeasure', initiative.successMeasure, { max: MULTI_LINE_MAX });
  checkText(errors, 'existingInitiativeUrl', initiative.existingInitiativeUrl, { max: URL_MAX });
  checkMeasure(errors, initiative);
  if (!isBlank(initiative.existingInitiativeUrl) && !isHttpUrl(initiative.existingInitiativeUrl)) {
    errors.push({ field: 'existingInitiativeUrl', code: 'invalidUrl' });
  }
  return errors;
}

/** The columns of an initiative's measurable success criterion (schema v8). */
const MEASURE_FIELDS = [
  'measureWhat',
  'measureUnit',
  'measureDirection',
  'measureBaseline',
  'measureBaselineDate',
  'measureTarget',
  'measureTargetDate',
] as const;

/** `MEASURE_UNIT_MAX` of `measurements.ts` (the form's rules; here the columns are kept whole). */
const MEASURE_UNIT_MAX = 40;

/** A number that may be stored: finite (SharePoint cannot hold NaN or Infinity). */
function checkNumber(errors: Errors, field: string, value: unknown, required: boolean): void {
  if (isBlank(value)) {
    if (required) errors.push({ field, code: 'required' });
  } else if (typeof value !== 'number' || !isFinite(value)) {
    errors.push({ field, code: 'invalidOption', params: { value: String(value) } });
  }
}

/**
 * An initiative's measurable success criterion is optional, but all or nothing: what is measured, its
 * unit, the direction, and baseline and target with their dates, the target not before the baseline. The
 * measure form checks more (`validateMeasure`: the target lies in the better direction); this keeps
 * what is stored whole, whoever saves it.
 */
function checkMeasure(errors: Errors, initiative: Draft<IInitiative>): void {
  if (MEASURE_FIELDS.every((field) => isBlank(initiative[field]))) return;
  checkText(errors, 'measureWhat', initiative.measureWhat, { required: true, max: SINGLE_LINE_MAX });
  checkText(errors, 'measureUnit', initiative.measureUnit, { required: true, max: MEASURE_UNIT_MAX });
  const direction = initiative.measureDirection;
  if (isBlank(direction)) errors.push({ field: 'measureDirection', code: 'selectionRequired' });
  else if (direction !== 'higher' && direction !== 'lower')
    errors.push({ field: 'measureDirection', code: 'invalidOption', params: { value: String(direction) } });
  checkNumber(errors, 'measureBaseline', initiative.measureBaseline, true);
  checkNumber(errors, 'measureTarget', initiative.measureTarget, true);
  checkDate(errors, 'measureBaselineDate', initiative.measureBaselineDate, true);
  checkDate(errors, 'measureTargetDate', initiative.measureTargetDate, true);
  if (
    isValidIsoDate(initiative.measureBaselineDate) &&
    isValidIsoDate(initiative.measureTargetDate) &&
    compareIsoDates(initiative.measureTargetDate, initiative.measureBaselineDate) < 0
  ) {
    errors.push({ field: 'measureTargetDate', code: 'endBeforeStart' });
  }
}

/** Validates a check-in; with `now`, also that its date is not in the future (Copenhagen time). */
export function validateCheckIn(checkIn: Draft<ICheckIn>, options: { now?: Date } = {}): IValidationError[] {
  const errors: Errors = [];
  checkReference(errors, 'initiativeId', checkIn.initiativeId, true);
  checkChoice(errors, 'health', checkIn.health, isHealth, 'health');
  if (isBlank(checkIn.progress)) errors.push({ field: 'progress', code: 'required' });
  else checkWholeNumber(errors, 'progress', checkIn.progress, 0, 100);
  checkText(errors, 'comment', checkIn.comment, { max: MULTI_LINE_MAX });
  checkDate(errors, 'date', checkIn.date, true);
  checkNumber(errors, 'measuredValue', checkIn.measuredValue, false);
  if (options.now && isValidIsoDate(checkIn.date) && compareIsoDates(checkIn.date, today(options.now)) > 0) {
    errors.push({ field: 'date', code: 'dateInFuture' });
  }
  return errors;
}

/** Validates a follow-up task: about exactly one initiative or ambition, with an assignee and a due date. */
export function validateTask(
  task: Draft<IFollowUpTask>,
  options: { previousStatus?: TaskStatus } = {},
): IValidationError[] {
  const errors: Errors = [];
  checkText(errors, 'title', task.title, { required: true, max: SINGLE_LINE_MAX });
  checkText(errors, 'description', task.description, { max: MULTI_LINE_MAX });
  checkReference(errors, 'unitId', task.unitId, true);

  const hasInitiative = !isBlank(task.initiativeId);
  const hasAmbition = !isBlank(task.ambitionKey);
  if (hasInitiative === hasAmbition) {
    errors.push({ field: 'initiativeId', code: 'chooseInitiativeOrAmbition' });
  } else if (hasInitiative) {
    checkReference(errors, 'initiativeId', task.initiativeId, true);
  } else {
    checkAmbition(errors, 'ambitionKey', task.ambitionKey, true);
  }

  checkReference(errors, 'assigneeId', task.assigneeId, true);
  checkDate(errors, 'dueDate', task.dueDate, true);
  checkChoice(errors, 'status', task.status, isTaskStatus, 'taskStatus');
  checkTransition(errors, options.previousStatus, task.status, canTransitionTask, isTaskStatus, 'taskStatus');
  checkText(errors, 'meeting', task.meeting, { max: SINGLE_LINE_MAX });
  return errors;
}

/** Validates a story. `body` is checked as it will be stored, i.e. after `sanitizeRichText`. */
export function validateStory(story: Draft<IStory>): IValidationError[] {
  const errors: Errors = [];
  checkText(errors, 'title', story.title, { required: true, max: SINGLE_LINE_MAX });
  checkText(errors, 'body', story.body, { required: true, max: MULTI_LINE_MAX, rich: true });
  checkChoice(errors, 'kind', story.kind, isStoryKind, 'storyKind');
  checkAmbition(errors, 'ambitionKey', story.ambitionKey, true);
  checkReference(errors, 'unitId', story.unitId, false);
  if (!isBlank(story.recognitionCount)) checkWholeNumber(errors, 'recognitionCount', story.recognitionCount, 0);
  return errors;
}

/**
 * Validates an editor's decision on a pending story: a rejection needs a reason the author can read
 * (plain text, no CPR number, within SharePoint's limit); an approval may carry a comment.
 */
export function validateModeration(approve: boolean, reason: string | undefined): IValidationError[] {
  const errors: Errors = [];
  checkText(errors, 'rejectionReason', reason, { required: !approve, max: MULTI_LINE_MAX });
  return errors;
}

/** Validates a recognition. */
export function validateRecognition(recognition: Draft<IRecognition>): IValidationError[] {
  const errors: Errors = [];
  checkReference(errors, 'storyId', recognition.storyId, true);
  checkReference(errors, 'userId', recognition.userId, true);
  return errors;
}

/** Validates a dialog comment: on exactly one plan or initiative, with a body. */
export function validateComment(comment: Draft<IDialogComment>): IValidationError[] {
  const errors: Errors = [];
  const hasInitiative = !isBlank(comment.initiativeId);
  const hasPlan = !isBlank(comment.planId);
  if (hasInitiative === hasPlan) errors.push({ field: 'initiativeId', code: 'choosePlanOrInitiative' });
  else if (hasInitiative) checkReference(errors, 'initiativeId', comment.initiativeId, true);
  else checkReference(errors, 'planId', comment.planId, true);
  checkText(errors, 'body', comment.body, { required: true, max: MULTI_LINE_MAX });
  return errors;
}

/** Validates a private reflection: at least one of the two questions answered. */
export function validateReflection(reflection: Draft<IReflection>): IValidationError[] {
  const errors: Errors = [];
  if (isBlank(reflection.contribution) && isBlank(reflection.meaning)) {
    errors.push({ field: 'contribution', code: 'reflectionEmpty' });
  }
  checkText(errors, 'contribution', reflection.contribution, { max: MULTI_LINE_MAX });
  checkText(errors, 'meaning', reflection.meaning, { max: MULTI_LINE_MAX });
  checkAmbition(errors, 'ambitionKey', reflection.ambitionKey, false);
  return errors;
}
