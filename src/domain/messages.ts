/**
 * The codes the domain layer hands to the UI instead of text: validation codes with their params and
 * field, the names of the fields, and the groups of stored codes that have labels. The words for all
 * of them are in `src/loc` (`validation`, `labels`), typed by these unions; the UI turns a code into
 * text with `describeError`/`labelOf` in `src/ui/shell/texts.ts`.
 */

// ---------------------------------------------------------------------------------------------
// Validation errors
// ---------------------------------------------------------------------------------------------

export type ValidationCode =
  | 'required'
  | 'selectionRequired'
  | 'tooLong'
  | 'invalidDate'
  | 'endBeforeStart'
  | 'dateInFuture'
  | 'invalidOption'
  | 'containsCpr'
  | 'invalidUrl'
  | 'outOfRange'
  | 'notWholeNumber'
  | 'negativeNumber'
  | 'invalidReference'
  | 'stopReasonRequired'
  | 'invalidPeriod'
  | 'unknownAmbition'
  | 'unknownCommitment'
  | 'commitmentMismatch'
  | 'chooseInitiativeOrAmbition'
  | 'choosePlanOrInitiative'
  | 'parentRequired'
  | 'parentNotAllowed'
  | 'parentCycle'
  | 'invalidTeamsTeamId'
  | 'invalidTeamsChannelId'
  | 'invalidTransition'
  | 'reflectionEmpty'
  | 'pictureTooLarge'
  | 'pictureNotImage'
  | 'pictureBroken'
  | 'pictureAltRequired'
  | 'pictureConsentRequired';

/** One problem with one field. An empty list of these means the item may be saved. */
export interface IValidationError {
  /** The property of the item, e.g. "title", or "leaderIds" for a list. */
  field: string;
  code: ValidationCode;
  /**
   * Values for the message's placeholders. When `enum` names a label group (e.g. "planStatus"), the
   * params `value`, `from` and `to` are shown through that group's labels.
   */
  params?: Record<string, string | number>;
}

// ---------------------------------------------------------------------------------------------
// Field names
// ---------------------------------------------------------------------------------------------

/** The fields that have a name of their own in validation messages (`validation.fields` in `src/loc`). */
export type FieldName =
  | 'name'
  | 'kind'
  | 'parentId'
  | 'teamsTeamId'
  | 'teamsChannelId'
  | 'leaderIds'
  | 'key'
  | 'order'
  | 'unitId'
  | 'period'
  | 'status'
  | 'ownerId'
  | 'planId'
  | 'ambitionKey'
  | 'relevance'
  | 'localMeaning'
  | 'title'
  | 'description'
  | 'commitmentKey'
  | 'politicalPriorityId'
  | 'stopReason'
  | 'startDate'
  | 'endDate'
  | 'successMeasure'
  | 'existingInitiativeUrl'
  | 'measureWhat'
  | 'measureUnit'
  | 'measureDirection'
  | 'measureBaseline'
  | 'measureBaselineDate'
  | 'measureTarget'
  | 'measureTargetDate'
  | 'measuredValue'
  | 'initiativeId'
  | 'health'
  | 'progress'
  | 'comment'
  | 'date'
  | 'dueDate'
  | 'assigneeId'
  | 'meeting'
  | 'body'
  | 'recognitionCount'
  | 'storyId'
  | 'userId'
  | 'contribution'
  | 'meaning'
  | 'rejectionReason'
  | 'picture'
  | 'pictureAlt'
  | 'pictureConsent';

// ---------------------------------------------------------------------------------------------
// Labels for stored codes
// ---------------------------------------------------------------------------------------------

/** The groups of stored codes that have labels (`labels` in `src/loc`). */
export const LABEL_GROUPS = [
  'unitKind',
  'planStatus',
  'relevance',
  'initiativeStatus',
  'health',
  'taskStatus',
  'storyKind',
  'publishingState',
  'trend',
] as const;
export type LabelGroup = (typeof LABEL_GROUPS)[number];

/** Whether a name is one of the label groups (e.g. the `enum` param of a validation error). */
export function isLabelGroup(name: string): name is LabelGroup {
  return (LABEL_GROUPS as readonly string[]).indexOf(name) >= 0;
}

/** Groups errors by field, for showing each next to its input. */
export function errorsByField(errors: readonly IValidationError[]): Record<string, IValidationError[]> {
  const grouped: Record<string, IValidationError[]> = {};
  for (const err of errors) (grouped[err.field] = grouped[err.field] || []).push(err);
  return grouped;
}
