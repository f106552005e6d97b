/**
 * The codec of every list: which column holds which domain property. Column names are the schema's
 * internal names (`src/data/schema/lists.ts`).
 */
import type { IAmbitionSeed, ICommitmentSeed } from '../../domain/ambitions';
import { isGuid } from '../../domain/clientKey';
import type {
  ICheckIn,
  IEntity,
  IDialogComment,
  IFollowUpTask,
  IIndicatorDefinition,
  IInitiative,
  IMeasurementRow,
  IPlan,
  IPlanFocus,
  IPoliticalPriority,
  IRecognition,
  IReflection,
  IStory,
  IUnit,
} from '../../domain/model';
import { personTitle, type ICodec, type Row } from './codec';

/** A unit as the data layer keeps it: the domain's unit plus the Teams channel's display name. */
export interface IUnitItem extends IUnit {
  teamsChannelName?: string;
}

/** Rows that carry the denormalised unit id (so a unit's rows are one indexed query away). */
export interface IWithUnit {
  unitId?: number;
}

/** An ambition as read from the lists, with its commitments. */
export interface IAmbition extends IAmbitionSeed {
  id?: number;
  commitments: ICommitment[];
}

/** A "Vi vil" as read from the lists. */
export interface ICommitment extends ICommitmentSeed {
  id?: number;
  ambitionKey: string;
}

function numberOf(row: Row, name: string): number | undefined {
  const v = row[name];
  return typeof v === 'number' ? v : undefined;
}

export const unitCodec: ICodec<IUnitItem> = {
  list: 'units',
  columns: [
    { prop: 'name', field: 'Title', conv: 'text' },
    { prop: 'kind', field: 'UnitKind', conv: 'text' },
    { prop: 'parentId', field: 'ParentUnitId', conv: 'number' },
    { prop: 'teamsTeamId', field: 'TeamsTeamId', conv: 'text' },
    { prop: 'teamsChannelId', field: 'TeamsChannelId', conv: 'text' },
    { prop: 'teamsChannelName', field: 'TeamsChannelName', conv: 'text' },
    { prop: 'leaderIds', field: 'Leaders', conv: 'users' },
    { prop: 'order', field: 'SortOrder', conv: 'number' },
  ],
  readSystem: (_row, unit) => {
    // Seeded units use their stable key as ClientKey; units added later have a generated GUID.
    if (unit.clientKey && !isGuid(unit.clientKey)) unit.key = unit.clientKey;
  },
};

export const politicalPriorityCodec: ICodec<IPoliticalPriority> = {
  list: 'politicalPriorities',
  columns: [
    { prop: 'title', field: 'Title', conv: 'text' },
    { prop: 'order', field: 'SortOrder', conv: 'number' },
    { prop: 'active', field: 'IsActive', conv: 'bool' },
  ],
  readSystem: (_row, priority) => {
    priority.key = priority.clientKey;
    if (priority.order === undefined) priority.order = 0;
  },
};

export const planCodec: ICodec<IPlan> = {
  list: 'plans',
  columns: [
    { prop: 'unitId', field: 'UnitId', conv: 'number' },
    { prop: 'period', field: 'Period', conv: 'text' },
    { prop: 'status', field: 'PlanStatus', conv: 'text' },
    { prop: 'ownerId', field: 'Owner', conv: 'user' },
  ],
  title: (plan) => `Plan ${plan.period}`,
};

export const planFocusCodec: ICodec<IPlanFocus & IWithUnit> = {
  list: 'planFocuses',
  columns: [
    { prop: 'planId', field: 'PlanId', conv: 'number' },
    { prop: 'unitId', field: 'UnitId', conv: 'number' },
    { prop: 'ambitionKey', field: 'AmbitionKey', conv: 'text' },
    { prop: 'relevance', field: 'Relevance', conv: 'text' },
    { prop: 'localMeaning', field: 'LocalMeaning', conv: 'text' },
  ],
  title: (focus) => focus.ambitionKey,
};

export const initiativeCodec: ICodec<IInitiative> = {
  list: 'initiatives',
  columns: [
    { prop: 'title', field: 'Title', conv: 'text' },
    { prop: 'planId', field: 'PlanId', conv: 'number' },
    { prop: 'unitId', field: 'UnitId', conv: 'number' },
    { prop: 'ambitionKey', field: 'AmbitionKey', conv: 'text' },
    { prop: 'commitmentKey', field: 'CommitmentKey', conv: 'text' },
    { prop: 'politicalPriorityId', field: 'PoliticalPriorityId', conv: 'number' },
    { prop: 'description', field: 'Description', conv: 'text' },
    { prop: 'ownerId', field: 'Owner', conv: 'user' },
    { prop: 'status', field: 'InitiativeStatus', conv: 'text' },
    { prop: 'stopReason', field: 'StopReason', conv: 'text' },
    { prop: 'successMeasure', field: 'SuccessMeasure', conv: 'text' },
    { prop: 'startDate', field: 'StartDate', conv: 'date' },
    { prop: 'endDate', field: 'EndDate', conv: 'date' },
    { prop: 'existingInitiativeUrl', field: 'LinkUrl', conv: 'text' },
    // v8: the measurable success criterion (numbers: an empty column reads as undefined, decimals as stored).
    { prop: 'measureWhat', field: 'MeasureWhat', conv: 'text' },
    { prop: 'measureUnit', field: 'MeasureUnit', conv: 'text' },
    { prop: 'measureDirection', field: 'MeasureDirection', conv: 'text' },
    { prop: 'measureBaseline', field: 'MeasureBaseline', conv: 'number' },
    { prop: 'measureBaselineDate', field: 'MeasureBaselineDate', conv: 'date' },
    { prop: 'measureTarget', field: 'MeasureTarget', conv: 'number' },
    { prop: 'measureTargetDate', field: 'MeasureTargetDate', conv: 'date' },
  ],
};

export const checkInCodec: ICodec<ICheckIn & IWithUnit> = {
  list: 'checkIns',
  columns: [
    { prop: 'initiativeId', field: 'InitiativeId', conv: 'number' },
    { prop: 'unitId', field: 'UnitId', conv: 'number' },
    { prop: 'health', field: 'Health', conv: 'text' },
    { prop: 'progress', field: 'Progress', conv: 'number' },
    { prop: 'comment', field: 'CheckInComment', conv: 'text' },
    { prop: 'date', field: 'CheckInDate', conv: 'date' },
    { prop: 'measuredValue', field: 'MeasuredValue', conv: 'number' },
  ],
  title: (checkIn) => `Status ${checkIn.date}`,
  readSystem: (_row, checkIn) => {
    if (checkIn.progress === undefined) checkIn.progress = 0;
  },
};

export const taskCodec: ICodec<IFollowUpTask> = {
  list: 'tasks',
  columns: [
    { prop: 'title', field: 'Title', conv: 'text' },
    { prop: 'description', field: 'Description', conv: 'text' },
    { prop: 'unitId', field: 'UnitId', conv: 'number' },
    { prop: 'initiativeId', field: 'InitiativeId', conv: 'number' },
    { prop: 'ambitionKey', field: 'AmbitionKey', conv: 'text' },
    { prop: 'assigneeId', field: 'Assignee', conv: 'user' },
    { prop: 'dueDate', field: 'DueDate', conv: 'date' },
    { prop: 'status', field: 'TaskStatus', conv: 'text' },
    { prop: 'meeting', field: 'Meeting', conv: 'text' },
  ],
};

export const storyCodec: ICodec<IStory> = {
  list: 'stories',
  columns: [
    { prop: 'title', field: 'Title', conv: 'text' },
    { prop: 'body', field: 'Body', conv: 'text' },
    { prop: 'kind', field: 'StoryKind', conv: 'text' },
    { prop: 'ambitionKey', field: 'AmbitionKey', conv: 'text' },
    { prop: 'unitId', field: 'UnitId', conv: 'number' },
    { prop: 'featured', field: 'Featured', conv: 'bool' },
    { prop: 'pictureUrl', field: 'PictureUrl', conv: 'text' },
    { prop: 'pictureId', field: 'PictureId', conv: 'number' },
    { prop: 'pictureAlt', field: 'PictureAlt', conv: 'text' },
    { prop: 'pictureConsent', field: 'PictureConsent', conv: 'bool' },
  ],
  // `_ModerationComments` is the approver's comment: the author reads why a story was rejected.
  system: ['Created', 'AuthorId', 'OData__ModerationStatus', 'OData__ModerationComments'],
  // The author's name: the same lookup as AuthorId, so still one lookup column per story query.
  expand: ['Author'],
  readSystem: (row, story) => {
    story.recognitionCount = 0;
    story.moderationStatus = numberOf(row, 'OData__ModerationStatus');
    if (typeof row.Created === 'string') story.created = row.Created;
    story.authorId = numberOf(row, 'AuthorId');
    const authorName = personTitle(row, 'Author');
    if (authorName) story.authorName = authorName;
    const comment = row.OData__ModerationComments;
    if (typeof comment === 'string' && comment.trim() !== '') story.moderationComment = comment;
    if (story.body === undefined) story.body = '';
  },
};

export const recognitionCodec: ICodec<IRecognition> = {
  list: 'recognitions',
  columns: [{ prop: 'storyId', field: 'StoryId', conv: 'number' }],
  system: ['AuthorId'],
  title: (recognition) => recognition.clientKey,
  readSystem: (row, recognition) => {
    // The person who recognised is the item's author: nobody can recognise on someone else's behalf.
    recognition.userId = numberOf(row, 'AuthorId') || 0;
  },
};

export const commentCodec: ICodec<IDialogComment & IWithUnit> = {
  list: 'comments',
  columns: [
    { prop: 'initiativeId', field: 'InitiativeId', conv: 'number' },
    { prop: 'planId', field: 'PlanId', conv: 'number' },
    { prop: 'unitId', field: 'UnitId', conv: 'number' },
    { prop: 'body', field: 'Body', conv: 'text' },
  ],
  system: ['Created', 'AuthorId'],
  expand: ['Author'],
  title: () => 'Kommentar',
  readSystem: (row, comment) => {
    if (typeof row.Created === 'string') comment.created = row.Created;
    comment.authorId = numberOf(row, 'AuthorId');
    const authorName = personTitle(row, 'Author');
    if (authorName) comment.authorName = authorName;
    if (comment.body === undefined) comment.body = '';
  },
};

export const reflectionCodec: ICodec<IReflection> = {
  list: 'reflections',
  columns: [
    { prop: 'contribution', field: 'Contribution', conv: 'text' },
    { prop: 'meaning', field: 'Meaning', conv: 'text' },
    { prop: 'ambitionKey', field: 'AmbitionKey', conv: 'text' },
  ],
  title: () => 'Egne noter',
};

/** `$select` of the ambitions list. */
export const AMBITION_SELECT = ['Id', 'ClientKey', 'Title', 'SortOrder', 'Introduction', 'Quote'];
/** `$select` of the commitments list. */
export const COMMITMENT_SELECT = ['Id', 'ClientKey', 'Title', 'AmbitionKey', 'SortOrder', 'CommitmentText'];

/** Paragraphs are kept in one multi-line column, separated by a blank line. */
const PARAGRAPH_BREAK = '\n\n';

/** An ambition row (without commitments yet). */
export function ambitionFromRow(row: Row): IAmbition {
  const introduction =
    typeof row.Introduction === 'string' && row.Introduction !== '' ? row.Introduction.split(/\r?\n\r?\n/) : [];
  return {
    id: numberOf(row, 'Id'),
    key: String(row.ClientKey || ''),
    order: numberOf(row, 'SortOrder') || 0,
    title: String(row.Title || ''),
    introduction,
    quote: typeof row.Quote === 'string' ? row.Quote : '',
    commitments: [],
  };
}

/** A commitment row. */
export function commitmentFromRow(row: Row): ICommitment {
  const text =
    typeof row.CommitmentText === 'string' && row.CommitmentText !== '' ? row.CommitmentText : String(row.Title || '');
  return {
    id: numberOf(row, 'Id'),
    key: String(row.ClientKey || ''),
    ambitionKey: String(row.AmbitionKey || ''),
    order: numberOf(row, 'SortOrder') || 0,
    text,
  };
}

/** Ambitions with their commitments, both in the strategy's order. */
export function assembleAmbitions(ambitionRows: readonly Row[], commitmentRows: readonly Row[]): IAmbition[] {
  const ambitions = ambitionRows.map(ambitionFromRow).sort((a, b) => a.order - b.order);
  const byKey = new Map(ambitions.map((a) => [a.key, a]));
  for (const commitment of commitmentRows.map(commitmentFromRow)) {
    const ambition = byKey.get(commitment.ambitionKey);
    if (ambition) ambition.commitments.push(commitment);
  }
  for (const ambition of ambitions) ambition.commitments.sort((a, b) => a.order - b.order);
  return ambitions;
}

/** The ambitions straight from the domain's seed (shown before the lists exist). */
export function ambitionsFromSeed(seeds: readonly IAmbitionSeed[]): IAmbition[] {
  return seeds.map((seed) => ({
    ...seed,
    introduction: seed.introduction.slice(),
    commitments: seed.commitments.map((c) => ({ ...c, ambitionKey: seed.key })),
  }));
}

/**
 * A row of "MPK Overblik" (schema v6): numbers the overview reads, kept current by the writes that
 * change them. `clientKey` is the row's key (`unit-<id>`, `stories`); `summary` is JSON, written only
 * by `src/data/repositories/summaries.ts`.
 */
export interface ISummaryRow {
  id?: number;
  clientKey: string;
  etag?: string;
  unitId?: number;
  summary?: string;
  /** The ambitions view's numbers per ambition (JSON array, `src/domain/ambitionTotals.ts`). */
  totals?: string;
}

export const summaryCodec: ICodec<ISummaryRow> = {
  list: 'summaries',
  columns: [
    { prop: 'unitId', field: 'UnitId', conv: 'number' },
    { prop: 'summary', field: 'Summary', conv: 'text' },
    { prop: 'totals', field: 'Totals', conv: 'text' },
  ],
  title: (row) => row.clientKey,
};

/** The body that seeds an ambition. */
export function ambitionFields(seed: IAmbitionSeed): Record<string, unknown> {
  return {
    ClientKey: seed.key,
    Title: seed.title,
    SortOrder: seed.order,
    Introduction: seed.introduction.join(PARAGRAPH_BREAK),
    Quote: seed.quote,
  };
}

/** The body that seeds a commitment (Title holds the text too, cut to 255 for the list's own views). */
export function commitmentFields(ambitionKey: string, seed: ICommitmentSeed): Record<string, unknown> {
  const title = seed.text.length <= 255 ? seed.text : seed.text.slice(0, 254) + '…';
  return {
    ClientKey: seed.key,
    Title: title,
    AmbitionKey: ambitionKey,
    SortOrder: seed.order,
    CommitmentText: seed.text,
  };
}

/** A row of "MPK Nyt til dig" (v7): one recipient's copy of an event, written by whoever acted. */
export interface INotificationRow extends IEntity {
  recipientId: number;
  kind: string;
  targetType: string;
  targetId: number;
  unitId?: number;
  subject?: string;
  /** JSON of the Teams delivery state (`src/data/notifications/delivery.ts`). */
  delivery?: string;
  /** When it was written (read only). */
  created?: string;
  /** Who acted: the row's author (read only). */
  actorId?: number;
  actorName?: string;
}

export const notificationCodec: ICodec<INotificationRow> = {
  list: 'notifications',
  columns: [
    { prop: 'recipientId', field: 'Recipient', conv: 'user' },
    { prop: 'kind', field: 'NotificationKind', conv: 'text' },
    { prop: 'targetType', field: 'TargetType', conv: 'text' },
    { prop: 'targetId', field: 'TargetId', conv: 'number' },
    { prop: 'unitId', field: 'UnitId', conv: 'number' },
    { prop: 'subject', field: 'Subject', conv: 'text' },
    { prop: 'delivery', field: 'Delivery', conv: 'text' },
  ],
  system: ['Created', 'AuthorId'],
  expand: ['Author'],
  title: (row) => row.kind,
  readSystem: (row, notification) => {
    if (typeof row.Created === 'string') notification.created = row.Created;
    notification.actorId = numberOf(row, 'AuthorId');
    const actorName = personTitle(row, 'Author');
    if (actorName) notification.actorName = actorName;
  },
};

/** A person's row of "MPK Personlige indstillinger" (v7); its author is the person. */
export interface IPersonalSettingsRow extends IEntity {
  settings?: string;
  authorId?: number;
}

export const personalSettingsCodec: ICodec<IPersonalSettingsRow> = {
  list: 'personalSettings',
  columns: [{ prop: 'settings', field: 'Settings', conv: 'text' }],
  system: ['AuthorId'],
  title: () => 'Indstillinger',
  readSystem: (row, settings) => {
    settings.authorId = numberOf(row, 'AuthorId');
  },
};

/** "MPK Indikatorer" (v8): the key is the row's ClientKey (reference data, seeded by key). */
export const indicatorCodec: ICodec<IIndicatorDefinition> = {
  list: 'indicators',
  columns: [
    { prop: 'title', field: 'Title', conv: 'text' },
    { prop: 'unit', field: 'IndicatorUnit', conv: 'text' },
    { prop: 'direction', field: 'Direction', conv: 'text' },
    { prop: 'ambitionKey', field: 'AmbitionKey', conv: 'text' },
    { prop: 'sortOrder', field: 'SortOrder', conv: 'number' },
    { prop: 'isActive', field: 'IsActive', conv: 'bool' },
  ],
  readSystem: (_row, indicator) => {
    indicator.key = indicator.clientKey;
    if (indicator.title === undefined) indicator.title = indicator.key;
    if (indicator.unit === undefined) indicator.unit = '';
    // A row the site owner added without a direction: higher is better (what most surveys mean).
    if (indicator.direction !== 'lower') indicator.direction = 'higher';
    if (indicator.ambitionKey === undefined) indicator.ambitionKey = '';
    if (indicator.sortOrder === undefined) indicator.sortOrder = 0;
  },
};

/** The ClientKey of a measurement row: one row per indicator, unit and period, whoever imports it. */
export function measurementKey(value: { indicatorKey: string; unitId: number; period: string }): string {
  return `${value.indicatorKey}|${value.unitId}|${value.period}`;
}

/** "MPK Maaleresultater" (v8): one unit's result for one indicator in one period. */
export const measurementCodec: ICodec<IMeasurementRow> = {
  list: 'measurements',
  columns: [
    { prop: 'indicatorKey', field: 'IndicatorKey', conv: 'text' },
    { prop: 'unitId', field: 'UnitId', conv: 'number' },
    { prop: 'period', field: 'Period', conv: 'text' },
    { prop: 'value', field: 'MeasureValue', conv: 'number' },
    { prop: 'respondents', field: 'Respondents', conv: 'number' },
    { prop: 'importKey', field: 'ImportKey', conv: 'text' },
  ],
  title: (row) => measurementKey(row),
  readSystem: (_row, row) => {
    if (row.indicatorKey === undefined) row.indicatorKey = '';
    if (row.period === undefined) row.period = '';
  },
};
