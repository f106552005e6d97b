/**
 * Every text the domain layer hands to a user: validation messages, field names, labels for the
 * stored codes, and the two reflection questions — in Danish (first) and English.
 *
 * Messages use `{name}` placeholders. Besides the error's own params, `describeError` fills
 * `{field}` (the field's name in the definite form, lower case: "titlen"), `{Field}` (the same,
 * capitalised for the start of a sentence) and `{it}` (the pronoun for the field: "den"/"det").
 */
import type {
  Health,
  InitiativeStatus,
  PlanStatus,
  PublishingState,
  Relevance,
  StoryKind,
  TaskStatus,
  Trend,
  UnitKind,
} from './model';

import { DEFAULT_LOCALE, type Locale } from './locale';

// Transition only (issue 14): the locale lives in ./locale; import it from there.
export { DEFAULT_LOCALE, resolveLocale, type Locale } from './locale';

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
  | 'reflectionEmpty';

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

export const DOMAIN_MESSAGES: Record<Locale, Record<ValidationCode, string>> = {
  'da-DK': {
    required: '{Field} skal udfyldes.',
    selectionRequired: 'Vælg {field}.',
    tooLong: '{Field} må højst være {max} tegn – {it} er nu {actual}.',
    invalidDate: '{Field} er ikke en gyldig dato.',
    endBeforeStart: 'Slutdatoen kan ikke ligge før startdatoen.',
    dateInFuture: '{Field} kan ikke ligge i fremtiden.',
    invalidOption: '»{value}« er ikke en gyldig værdi for {field}.',
    containsCpr:
      '{Field} ser ud til at indeholde et CPR-nummer ({masked}). Personnumre må ikke skrives her – fjern det, før du gemmer.',
    invalidUrl: '{Field} skal være en webadresse, der begynder med http:// eller https://.',
    outOfRange: '{Field} skal være mellem {min} og {max}.',
    notWholeNumber: '{Field} skal være et helt tal.',
    negativeNumber: '{Field} skal være 0 eller derover.',
    invalidReference: '{Field} henviser ikke til noget, der findes. Vælg igen.',
    stopReasonRequired: 'Skriv, hvorfor indsatsen stoppes – det er også værdifuld viden for andre.',
    invalidPeriod: 'Perioden skal være et år (fx 2026) eller et spænd af år (fx 2026-2027).',
    unknownAmbition: 'Vælg en af de fem ambitioner.',
    unknownCommitment: 'Det valgte »Vi vil«-punkt findes ikke. Vælg et fra listen.',
    commitmentMismatch: 'Det valgte »Vi vil«-punkt hører ikke til ambitionen »{ambition}«.',
    chooseInitiativeOrAmbition: 'Opgaven skal handle om enten en indsats eller en ambition – vælg én af dem.',
    choosePlanOrInitiative: 'En kommentar hører til enten en plan eller en indsats – vælg én af dem.',
    parentRequired: 'Vælg den enhed, som afdelingen eller institutionen hører under.',
    parentNotAllowed: 'Kerneområder og stabe ligger øverst i organisationen og kan ikke have en overordnet enhed.',
    parentCycle: 'En enhed kan ikke ligge under sig selv eller under en af sine egne underenheder.',
    invalidTeamsTeamId: "Id'et for Teams-teamet skal være et GUID, fx 3f2504e0-4f89-11d3-9a0c-0305e82c3301.",
    invalidTeamsChannelId: "Id'et for Teams-kanalen skal have formen 19:…@thread.tacv2.",
    invalidTransition: 'Status kan ikke skifte fra »{from}« til »{to}«.',
    reflectionEmpty: 'Skriv noget i mindst ét af felterne, før du gemmer.',
  },
  'en-US': {
    required: '{Field} is required.',
    selectionRequired: 'Choose {field}.',
    tooLong: '{Field} can be at most {max} characters – {it} is now {actual}.',
    invalidDate: '{Field} is not a valid date.',
    endBeforeStart: 'The end date cannot be before the start date.',
    dateInFuture: '{Field} cannot be in the future.',
    invalidOption: '“{value}” is not a valid value for {field}.',
    containsCpr:
      '{Field} seems to contain a CPR number ({masked}). Personal identification numbers must not be written here – remove it before you save.',
    invalidUrl: '{Field} must be a web address starting with http:// or https://.',
    outOfRange: '{Field} must be between {min} and {max}.',
    notWholeNumber: '{Field} must be a whole number.',
    negativeNumber: '{Field} must be 0 or more.',
    invalidReference: '{Field} refers to something that does not exist. Choose again.',
    stopReasonRequired: 'Write why the initiative is being stopped – that is valuable knowledge for others, too.',
    invalidPeriod: 'The period must be a year (e.g. 2026) or a span of years (e.g. 2026-2027).',
    unknownAmbition: 'Choose one of the five ambitions.',
    unknownCommitment: 'The chosen “Vi vil” commitment does not exist. Choose one from the list.',
    commitmentMismatch: 'The chosen “Vi vil” commitment does not belong to the ambition “{ambition}”.',
    chooseInitiativeOrAmbition: 'The task must be about either an initiative or an ambition – choose one of them.',
    choosePlanOrInitiative: 'A comment belongs to either a plan or an initiative – choose one of them.',
    parentRequired: 'Choose the unit that the department or institution belongs to.',
    parentNotAllowed: 'Core areas and staff units are at the top of the organisation and cannot have a parent unit.',
    parentCycle: 'A unit cannot be placed under itself or under one of its own sub-units.',
    invalidTeamsTeamId: 'The Teams team id must be a GUID, e.g. 3f2504e0-4f89-11d3-9a0c-0305e82c3301.',
    invalidTeamsChannelId: 'The Teams channel id must look like 19:…@thread.tacv2.',
    invalidTransition: 'The status cannot change from “{from}” to “{to}”.',
    reflectionEmpty: 'Write something in at least one of the fields before you save.',
  },
};

// ---------------------------------------------------------------------------------------------
// Field names
// ---------------------------------------------------------------------------------------------

/** A field's name as used inside a sentence. */
export interface IFieldName {
  /** Definite form, lower case: "titlen", "the title". */
  definite: string;
  /** The pronoun that refers back to it: "den", "det", "de"; "it", "they". */
  pronoun: string;
}

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
  | 'rejectionReason';

function f(definite: string, pronoun: string): IFieldName {
  return { definite, pronoun };
}

export const FIELD_NAMES: Record<Locale, Record<FieldName, IFieldName>> = {
  'da-DK': {
    name: f('navnet', 'det'),
    kind: f('typen', 'den'),
    parentId: f('den overordnede enhed', 'den'),
    teamsTeamId: f("id'et for Teams-teamet", 'det'),
    teamsChannelId: f("id'et for Teams-kanalen", 'det'),
    leaderIds: f('lederne', 'de'),
    key: f('nøglen', 'den'),
    order: f('rækkefølgen', 'den'),
    unitId: f('enheden', 'den'),
    period: f('perioden', 'den'),
    status: f('status', 'den'),
    ownerId: f('den ansvarlige', 'den'),
    planId: f('planen', 'den'),
    ambitionKey: f('ambitionen', 'den'),
    relevance: f('relevansen', 'den'),
    localMeaning: f('beskrivelsen af, hvad ambitionen betyder hos jer', 'den'),
    title: f('titlen', 'den'),
    description: f('beskrivelsen', 'den'),
    commitmentKey: f('»Vi vil«-punktet', 'det'),
    politicalPriorityId: f('den politiske prioritering', 'den'),
    stopReason: f('begrundelsen for at stoppe', 'den'),
    startDate: f('startdatoen', 'den'),
    endDate: f('slutdatoen', 'den'),
    successMeasure: f('succeskriteriet', 'det'),
    existingInitiativeUrl: f('linket til den eksisterende indsats', 'det'),
    initiativeId: f('indsatsen', 'den'),
    health: f('vurderingen', 'den'),
    progress: f('fremdriften', 'den'),
    comment: f('kommentaren', 'den'),
    date: f('datoen', 'den'),
    dueDate: f('fristen', 'den'),
    assigneeId: f('den ansvarlige', 'den'),
    meeting: f('mødet', 'det'),
    body: f('teksten', 'den'),
    recognitionCount: f('antallet af anerkendelser', 'det'),
    storyId: f('historien', 'den'),
    userId: f('personen', 'den'),
    contribution: f('svaret på »Hvordan kan jeg bidrage til at udvikle kerneopgaven?«', 'det'),
    meaning: f('svaret på »Hvad betyder ambitionerne for mig?«', 'det'),
    rejectionReason: f('begrundelsen for afvisningen', 'den'),
  },
  'en-US': {
    name: f('the name', 'it'),
    kind: f('the type', 'it'),
    parentId: f('the parent unit', 'it'),
    teamsTeamId: f('the Teams team id', 'it'),
    teamsChannelId: f('the Teams channel id', 'it'),
    leaderIds: f('the leaders', 'they'),
    key: f('the key', 'it'),
    order: f('the order', 'it'),
    unitId: f('the unit', 'it'),
    period: f('the period', 'it'),
    status: f('the status', 'it'),
    ownerId: f('the person responsible', 'it'),
    planId: f('the plan', 'it'),
    ambitionKey: f('the ambition', 'it'),
    relevance: f('the relevance', 'it'),
    localMeaning: f('the description of what the ambition means for you', 'it'),
    title: f('the title', 'it'),
    description: f('the description', 'it'),
    commitmentKey: f('the “Vi vil” commitment', 'it'),
    politicalPriorityId: f('the political priority', 'it'),
    stopReason: f('the reason for stopping', 'it'),
    startDate: f('the start date', 'it'),
    endDate: f('the end date', 'it'),
    successMeasure: f('the success measure', 'it'),
    existingInitiativeUrl: f('the link to the existing initiative', 'it'),
    initiativeId: f('the initiative', 'it'),
    health: f('the health', 'it'),
    progress: f('the progress', 'it'),
    comment: f('the comment', 'it'),
    date: f('the date', 'it'),
    dueDate: f('the due date', 'it'),
    assigneeId: f('the assignee', 'it'),
    meeting: f('the meeting', 'it'),
    body: f('the text', 'it'),
    recognitionCount: f('the number of recognitions', 'it'),
    storyId: f('the story', 'it'),
    userId: f('the person', 'it'),
    contribution: f('the answer to “How can I contribute to developing the core task?”', 'it'),
    meaning: f('the answer to “What do the ambitions mean to me?”', 'it'),
    rejectionReason: f('the reason for the rejection', 'it'),
  },
};

const FALLBACK_FIELD: Record<Locale, IFieldName> = {
  'da-DK': f('feltet', 'det'),
  'en-US': f('the field', 'it'),
};

// ---------------------------------------------------------------------------------------------
// Labels for stored codes
// ---------------------------------------------------------------------------------------------

/** Labels for each group of stored codes. */
export interface ILabels {
  unitKind: Record<UnitKind, string>;
  planStatus: Record<PlanStatus, string>;
  relevance: Record<Relevance, string>;
  initiativeStatus: Record<InitiativeStatus, string>;
  health: Record<Health, string>;
  taskStatus: Record<TaskStatus, string>;
  storyKind: Record<StoryKind, string>;
  publishingState: Record<PublishingState, string>;
  trend: Record<Trend, string>;
}
export type LabelGroup = keyof ILabels;

export const LABELS: Record<Locale, ILabels> = {
  'da-DK': {
    unitKind: { coreArea: 'Kerneområde', staff: 'Stab', department: 'Afdeling', institution: 'Institution' },
    planStatus: { draft: 'Kladde', approved: 'Godkendt', followUp: 'Opfølgning', closed: 'Afsluttet' },
    relevance: { high: 'Høj', medium: 'Middel', low: 'Lav', notRelevant: 'Ikke relevant' },
    initiativeStatus: { planned: 'Planlagt', inProgress: 'I gang', completed: 'Gennemført', stopped: 'Stoppet' },
    health: { green: 'Grøn', yellow: 'Gul', red: 'Rød' },
    taskStatus: { open: 'Åben', inProgress: 'I gang', closed: 'Afsluttet' },
    storyKind: { success: 'Det lykkedes', lesson: 'Vi lærte af en fejl' },
    publishingState: { pending: 'Afventer godkendelse', approved: 'Godkendt', rejected: 'Afvist' },
    trend: { better: 'Bedre', same: 'Uændret', worse: 'Dårligere', unknown: 'Ukendt' },
  },
  'en-US': {
    unitKind: { coreArea: 'Core area', staff: 'Staff unit', department: 'Department', institution: 'Institution' },
    planStatus: { draft: 'Draft', approved: 'Approved', followUp: 'Follow-up', closed: 'Closed' },
    relevance: { high: 'High', medium: 'Medium', low: 'Low', notRelevant: 'Not relevant' },
    initiativeStatus: { planned: 'Planned', inProgress: 'In progress', completed: 'Completed', stopped: 'Stopped' },
    health: { green: 'Green', yellow: 'Yellow', red: 'Red' },
    taskStatus: { open: 'Open', inProgress: 'In progress', closed: 'Closed' },
    storyKind: { success: 'It worked', lesson: 'We learned from a mistake' },
    publishingState: { pending: 'Awaiting approval', approved: 'Approved', rejected: 'Rejected' },
    trend: { better: 'Better', same: 'Unchanged', worse: 'Worse', unknown: 'Unknown' },
  },
};

/** The label of a stored code, or the code itself if it is unknown (e.g. a value added in SharePoint). */
export function labelOf<G extends LabelGroup>(group: G, code: string, locale: Locale = DEFAULT_LOCALE): string {
  const labels = LABELS[locale][group] as Record<string, string>;
  return Object.prototype.hasOwnProperty.call(labels, code) ? labels[code] : code;
}

/** The two questions of "Egne noter" from the strategy's last page. */
export const REFLECTION_QUESTIONS: Record<Locale, { contribution: string; meaning: string }> = {
  'da-DK': {
    contribution: 'Hvordan kan jeg bidrage til at udvikle kerneopgaven?',
    meaning: 'Hvad betyder ambitionerne for mig?',
  },
  'en-US': {
    contribution: 'How can I contribute to developing the core task?',
    meaning: 'What do the ambitions mean to me?',
  },
};

/** Short date-related phrases. */
export const DATE_TEXTS: Record<Locale, { week: string }> = {
  'da-DK': { week: 'uge {week}' },
  'en-US': { week: 'week {week}' },
};

// ---------------------------------------------------------------------------------------------
// Rendering
// ---------------------------------------------------------------------------------------------

/** Replaces `{name}` placeholders; unknown placeholders are left as they are. */
export function fillTemplate(template: string, values: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    Object.prototype.hasOwnProperty.call(values, name) ? values[name] : whole,
  );
}

function capitalise(text: string): string {
  // "»Vi vil«-punktet" starts with a quote mark: capitalise the first letter, not the first character.
  for (let i = 0; i < text.length; i++) {
    const upper = text[i].toUpperCase();
    if (upper !== text[i].toLowerCase()) return text.slice(0, i) + upper + text.slice(i + 1);
  }
  return text;
}

function isLabelGroup(name: string): name is LabelGroup {
  return Object.prototype.hasOwnProperty.call(LABELS[DEFAULT_LOCALE], name);
}

/** The message for one validation error, in the given locale. */
export function describeError(err: IValidationError, locale: Locale = DEFAULT_LOCALE): string {
  const fieldNames = FIELD_NAMES[locale] as Record<string, IFieldName>;
  // "leaderIds[2]" and "leaderIds" share a name.
  const baseField = err.field.replace(/\[.*$/, '');
  const field = Object.prototype.hasOwnProperty.call(fieldNames, baseField)
    ? fieldNames[baseField]
    : FALLBACK_FIELD[locale];
  const numbers = new Intl.NumberFormat(locale);
  const params = err.params || {};
  const group = typeof params.enum === 'string' && isLabelGroup(params.enum) ? params.enum : undefined;

  const values: Record<string, string> = {};
  for (const name of Object.keys(params)) {
    const value = params[name];
    if (typeof value === 'number') values[name] = numbers.format(value);
    else if (group && (name === 'value' || name === 'from' || name === 'to'))
      values[name] = labelOf(group, value, locale);
    else values[name] = value;
  }
  values.field = field.definite;
  values.Field = capitalise(field.definite);
  values.it = field.pronoun;
  return fillTemplate(DOMAIN_MESSAGES[locale][err.code], values);
}

/** All messages for a list of errors, in order. */
export function describeErrors(errors: readonly IValidationError[], locale: Locale = DEFAULT_LOCALE): string[] {
  return errors.map((err) => describeError(err, locale));
}
