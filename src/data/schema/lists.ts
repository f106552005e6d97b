/**
 * Every list, column, index, setting and permission of "Mod på kerneopgaven", as data.
 *
 * Design choices (why the schema looks like this):
 * - List titles are ASCII ("MPK …") so SharePoint never turns them into `_x00f8_`-style entity names,
 *   and internal column names are ASCII PascalCase set with AddFieldInternalNameHint.
 * - References between our own lists are indexed Number columns (`UnitId`, `PlanId` …), not lookups:
 *   a query may touch at most 12 lookup/person columns, lookups need the target list's GUID at creation
 *   (so lists could not be created in any order, nor re-created), and an indexed number filters just as
 *   well. The price is no referential integrity in SharePoint; the repositories keep it.
 * - `UnitId` is denormalised onto plan focuses, initiatives, check-ins, tasks and comments, so a unit's
 *   whole plan view is a handful of `UnitId eq n` queries sent together in one `$batch`, each safe on a
 *   list of 100,000 items (one unit's rows stay far below 5,000).
 * - Ambitions and commitments are referenced by their stable key (`AmbitionKey`, `CommitmentKey`), as
 *   in the domain, so a row renders and filters without a lookup.
 * - Every list users write to has a unique, indexed `ClientKey`: a create that lost its response is
 *   retried with the same key and cannot produce a duplicate. Reference data uses its stable key as
 *   `ClientKey`, which is what makes seeding idempotent.
 * - Stories carry no recognition counter and no "published" date: on a list with content approval any
 *   edit sends the story back to "pending" (and an approval may not change other columns in the same
 *   request), so counts are read from "MPK Anerkendelser" and "published" is the approval itself.
 * - Dates are DateTime columns (date only); the data layer writes noon UTC and reads the date in
 *   Copenhagen, which is the same calendar day whatever the site's time zone does to midnight.
 */
import type { MeasureDirection } from '../../domain/measurements';
import {
  HEALTHS,
  INITIATIVE_STATUSES,
  PLAN_STATUSES,
  RELEVANCES,
  STORY_KINDS,
  TASK_STATUSES,
  UNIT_KINDS,
} from '../../domain/model';
import type { IFieldSchema, IListSchema, IListSettings, ISchema, ListKey } from './types';

/**
 * The schema version this build provisions. v2 added `TeamsChannelName` on units and the `Meeting`
 * index on tasks; v3 gives site members Contribute (was Read) on "MPK Enheder", so a leader can map
 * their Teams channel to their unit; v4 adds `StoryFeatured` (indexed) on recognitions: a copy of the
 * story's `Featured`, so the ambitions view counts a featured story's recognitions in its one batch;
 * v5 (issues 13 and 21) hides drafts: stories get `DraftVersionVisibility` 2 and versioning, private
 * notes leave search, and everyone who writes gets "MPK Bidragyder" instead of Edit or Contribute;
 * v6 (issue 15) adds "MPK Overblik": the follow-up overview's counts, kept current by the writes that
 * change them (one row per unit, one for the published stories per ambition), filled on the upgrade;
 * v7 (issue 16) adds "Nyt til dig": "MPK Nyt til dig" (one row per recipient of an event, written by
 * whoever acted), "MPK Personlige indstillinger" (one row per person: what they read and turned off),
 * and the columns the reminders read in a first view's batch (an initiative's owner indexed and its
 * latest check-in date); v8 (issue 19, Målinger) adds an initiative's measurable success criterion and a
 * check-in's measured value, "MPK Indikatorer" (the recurring measurements, reference data seeded by key)
 * and "MPK Maaleresultater" (one row per unit, indicator and period, keyed so a re-import adds nothing);
 * v9 (issue 20) adds pictures in stories: the library "MPK Billeder" (content approval like the stories)
 * and a story's picture columns (its file's URL and item id, alt text, the consent tick).
 */
export const SCHEMA_VERSION = 9;

/**
 * `MEASURE_DIRECTIONS` of `domain/measurements.ts`, written out so that the schema (in every entry
 * bundle) does not carry the measurement rules (`tests/data/schema.test.ts` keeps the two equal).
 */
export const DIRECTION_CHOICES: readonly MeasureDirection[] = ['higher', 'lower'];

/** The key under which the installed schema version is kept in the settings list. */
export const SCHEMA_VERSION_SETTING = 'schemaVersion';

/** The product's own SharePoint group (the chefgruppe). */
export const CHEFGRUPPE_TITLE = 'Chefgruppe';

const PLAIN: IListSettings = {
  EnableVersioning: false,
  EnableModeration: false,
  ReadSecurity: 1,
  WriteSecurity: 1,
  DraftVersionVisibility: 0,
  NoCrawl: false,
};
const VERSIONED: IListSettings = { ...PLAIN, EnableVersioning: true };
/** Everyone may add; each person edits and deletes only their own items (owners and Edit bypass it). */
const OWN_WRITES: IListSettings = { ...PLAIN, WriteSecurity: 2 };

const clientKey: IFieldSchema = {
  name: 'ClientKey',
  title: 'Klientnøgle',
  type: 'Text',
  maxLength: 64,
  indexed: true,
  unique: true,
  required: true,
  since: 1,
};

function text(name: string, title: string, extra: Partial<IFieldSchema> = {}): IFieldSchema {
  return { name, title, type: 'Text', maxLength: 255, since: 1, ...extra };
}
function note(name: string, title: string, extra: Partial<IFieldSchema> = {}): IFieldSchema {
  return { name, title, type: 'Note', since: 1, ...extra };
}
function num(name: string, title: string, extra: Partial<IFieldSchema> = {}): IFieldSchema {
  return { name, title, type: 'Number', since: 1, ...extra };
}
function choice(
  name: string,
  title: string,
  choices: readonly string[],
  extra: Partial<IFieldSchema> = {},
): IFieldSchema {
  return { name, title, type: 'Choice', choices, since: 1, ...extra };
}
function date(name: string, title: string, extra: Partial<IFieldSchema> = {}): IFieldSchema {
  return { name, title, type: 'DateTime', since: 1, ...extra };
}
function user(name: string, title: string, extra: Partial<IFieldSchema> = {}): IFieldSchema {
  return { name, title, type: 'User', since: 1, ...extra };
}

/**
 * "MPK Bidragyder" (v5): SharePoint's Contribute without Delete Versions. It is what every account
 * that writes gets, instead of Edit (which adds Manage Lists: a member could switch off content
 * approval, set ReadSecurity 1 on private notes, change columns or delete a list — issue 21) and
 * instead of Contribute (whose Delete Versions lets a person erase the history of a plan, an
 * initiative or a story that versioning keeps). Kept: view, add, edit and delete items (WriteSecurity
 * narrows that to own items where the schema says so), open items and see versions, personal views
 * and web parts, browse user information (the people pickers), and the remote APIs the web parts use.
 * Without: Approve Items, Override List Behaviors, Manage Lists, Manage Permissions, Add and
 * Customize Pages. Low half: Contribute's 1011028719 minus bit 7 (Delete Versions, kind 8).
 */
export const CONTRIBUTOR_ROLE = {
  key: 'contributor',
  name: 'MPK Bidragyder',
  description:
    'Mod på kerneopgaven: kan se, tilføje, redigere og slette elementer, men ikke ændre lister eller slette versioner.',
  order: 65,
  basePermissions: { High: 432, Low: 1011028591 },
  since: 5,
} as const;

/** Reference data: everyone reads, only owners write. */
const REFERENCE = { members: 'read', visitors: 'read' } as const;
/**
 * Units (v3): members — the leaders and the chefgruppe — may edit items, because a leader maps their
 * unit's Teams channel (`TeamsChannelId`, `TeamsChannelName`, `TeamsTeamId`) from the channel tab.
 * Contribute, not Edit: items only, never the list's columns or settings. SharePoint cannot limit a
 * member to one row's channel columns without per-item permissions on every unit (kept in step with
 * `Leaders` by hand); the app does: it offers a leader only their own unit's channel mapping, and saves
 * only the columns that changed. Names, kinds, parents and leaders are the chefgruppe's and the site
 * owners' to edit. Visitors read.
 */
const UNITS_V3 = { members: 'contribute', visitors: 'read' } as const;
const UNITS = { members: 'contributor', visitors: 'read' } as const;
/** Employees write (stories, notes, comments): before v5 visitors got Contribute and members kept the site's Edit. */
const EMPLOYEES_WRITE_V1 = { visitors: 'contribute' } as const;
/** v5: employees (visitors) and members write with "MPK Bidragyder"; neither may manage the list. */
const EMPLOYEES_WRITE = { members: 'contributor', visitors: 'contributor' } as const;

/** The lists as defined across versions (see `schemaAt`), in the order they are created. */
export const LISTS: readonly IListSchema[] = [
  {
    key: 'settings',
    title: 'MPK Indstillinger',
    description: 'Mod på kerneopgaven: indstillinger (fx den installerede skemaversion). Title = nøgle.',
    template: 100,
    settings: PLAIN,
    fields: [clientKey, note('SettingValue', 'Værdi')],
    permissions: REFERENCE,
    since: 1,
  },
  {
    key: 'ambitions',
    title: 'MPK Ambitioner',
    description: 'Mod på kerneopgaven: de fem ambitioner med introduktion og citat.',
    template: 100,
    settings: PLAIN,
    fields: [clientKey, num('SortOrder', 'Rækkefølge'), note('Introduction', 'Introduktion'), note('Quote', 'Citat')],
    permissions: REFERENCE,
    since: 1,
  },
  {
    key: 'commitments',
    title: 'MPK Forpligtelser',
    description: 'Mod på kerneopgaven: ambitionernes "Vi vil".',
    template: 100,
    settings: PLAIN,
    fields: [
      clientKey,
      text('AmbitionKey', 'Ambition', { indexed: true }),
      num('SortOrder', 'Rækkefølge'),
      note('CommitmentText', 'Tekst'),
    ],
    permissions: REFERENCE,
    since: 1,
  },
  {
    key: 'units',
    title: 'MPK Enheder',
    description: 'Mod på kerneopgaven: kerneområder, stabe, afdelinger og institutioner.',
    template: 100,
    settings: PLAIN,
    fields: [
      clientKey,
      choice('UnitKind', 'Type', UNIT_KINDS),
      num('ParentUnitId', 'Overordnet enhed (id)', { indexed: true }),
      text('TeamsTeamId', 'Teams-team (id)'),
      text('TeamsChannelId', 'Teams-kanal (id)', { indexed: true }),
      text('TeamsChannelName', 'Teams-kanal (navn)', { since: 2 }),
      { name: 'Leaders', title: 'Ledere', type: 'UserMulti', since: 1 },
      num('SortOrder', 'Rækkefølge'),
    ],
    permissions: UNITS,
    earlierPermissions: [
      { until: 3, permissions: REFERENCE },
      { until: 5, permissions: UNITS_V3 },
    ],
    since: 1,
  },
  {
    key: 'politicalPriorities',
    title: 'MPK Politiske prioriteter',
    description: 'Mod på kerneopgaven: overskrifterne i Kommunalbestyrelsens arbejdsprogram.',
    template: 100,
    settings: PLAIN,
    fields: [
      clientKey,
      num('SortOrder', 'Rækkefølge'),
      { name: 'IsActive', title: 'Aktiv', type: 'Boolean', since: 1 },
    ],
    permissions: REFERENCE,
    since: 1,
  },
  {
    key: 'plans',
    title: 'MPK Planer',
    description: 'Mod på kerneopgaven: enhedernes ambitionsplaner.',
    template: 100,
    settings: VERSIONED,
    fields: [
      clientKey,
      num('UnitId', 'Enhed (id)', { indexed: true }),
      text('Period', 'Periode', { indexed: true }),
      choice('PlanStatus', 'Status', PLAN_STATUSES, { indexed: true }),
      user('Owner', 'Ansvarlig'),
    ],
    // Inherits the site: members (leaders) Edit, visitors Read.
    permissions: undefined,
    since: 1,
  },
  {
    key: 'planFocuses',
    title: 'MPK Planfokus',
    description: 'Mod på kerneopgaven: hvor stærkt hver ambition gælder i en plan, og hvad den betyder lokalt.',
    template: 100,
    settings: VERSIONED,
    fields: [
      clientKey,
      num('PlanId', 'Plan (id)', { indexed: true }),
      num('UnitId', 'Enhed (id)', { indexed: true }),
      text('AmbitionKey', 'Ambition', { indexed: true }),
      choice('Relevance', 'Relevans', RELEVANCES),
      note('LocalMeaning', 'Betydning lokalt'),
    ],
    permissions: undefined,
    since: 1,
  },
  {
    key: 'initiatives',
    title: 'MPK Indsatser',
    description: 'Mod på kerneopgaven: indsatser i planerne.',
    template: 100,
    settings: VERSIONED,
    fields: [
      clientKey,
      num('PlanId', 'Plan (id)', { indexed: true }),
      num('UnitId', 'Enhed (id)', { indexed: true }),
      text('AmbitionKey', 'Ambition', { indexed: true }),
      text('CommitmentKey', 'Vi vil', { indexed: true }),
      num('PoliticalPriorityId', 'Politisk prioritet (id)', { indexed: true }),
      note('Description', 'Beskrivelse'),
      user('Owner', 'Ansvarlig', { indexedSince: 7 }),
      choice('InitiativeStatus', 'Status', INITIATIVE_STATUSES, { indexed: true }),
      note('StopReason', 'Begrundelse for stop'),
      note('SuccessMeasure', 'Succeskriterium'),
      date('StartDate', 'Start'),
      date('EndDate', 'Slut'),
      // A plain text URL: validation limits it to 255 characters of http(s), and a Text column needs
      // none of the SP.FieldUrlValue body shapes that differ between metadata levels.
      text('LinkUrl', 'Link til eksisterende indsats'),
      // v7: kept by every check-in save (and filled on the upgrade), so "no check-in for 14 days" is read
      // with the owner's initiatives in one indexed query.
      date('LastCheckIn', 'Seneste statusmelding', { since: 7 }),
      // v8: the measurable success criterion (optional; all or none, `validateMeasure`).
      text('MeasureWhat', 'Hvad måles', { since: 8 }),
      text('MeasureUnit', 'Enhed for målingen', { maxLength: 40, since: 8 }),
      choice('MeasureDirection', 'Retning', DIRECTION_CHOICES, { since: 8 }),
      num('MeasureBaseline', 'Udgangspunkt', { since: 8 }),
      date('MeasureBaselineDate', 'Udgangspunkt (dato)', { since: 8 }),
      num('MeasureTarget', 'Mål', { since: 8 }),
      date('MeasureTargetDate', 'Mål (dato)', { since: 8 }),
    ],
    permissions: undefined,
    since: 1,
  },
  {
    key: 'checkIns',
    title: 'MPK Statusmeldinger',
    description: 'Mod på kerneopgaven: statusmeldinger på indsatser.',
    template: 100,
    settings: PLAIN,
    fields: [
      clientKey,
      num('InitiativeId', 'Indsats (id)', { indexed: true }),
      num('UnitId', 'Enhed (id)', { indexed: true }),
      choice('Health', 'Sundhed', HEALTHS),
      num('Progress', 'Fremdrift (%)'),
      note('CheckInComment', 'Kommentar'),
      date('CheckInDate', 'Dato', { indexed: true }),
      // v8: the value measured, when the initiative has a measurable success criterion.
      num('MeasuredValue', 'Målt værdi', { since: 8 }),
    ],
    permissions: undefined,
    since: 1,
  },
  {
    key: 'tasks',
    title: 'MPK Opgaver',
    description: 'Mod på kerneopgaven: opfølgningsopgaver fra chefgruppen.',
    template: 100,
    settings: PLAIN,
    fields: [
      clientKey,
      num('UnitId', 'Enhed (id)', { indexed: true }),
      num('InitiativeId', 'Indsats (id)', { indexed: true }),
      text('AmbitionKey', 'Ambition', { indexed: true }),
      note('Description', 'Beskrivelse'),
      user('Assignee', 'Ansvarlig', { indexed: true }),
      date('DueDate', 'Frist', { indexed: true }),
      choice('TaskStatus', 'Status', TASK_STATUSES, { indexed: true }),
      text('Meeting', 'Møde', { indexedSince: 2 }),
    ],
    // Decision: the chefgruppe creates and edits tasks. Leaders (members) may edit items too, so an
    // assignee can move their own task; the app offers members only the status of their own tasks.
    // Both with "MPK Bidragyder" (v5; before: Contribute and Edit). Visitors read.
    permissions: { chefgruppe: 'contributor', members: 'contributor', visitors: 'read' },
    earlierPermissions: [{ until: 5, permissions: { chefgruppe: 'contribute', members: 'edit', visitors: 'read' } }],
    since: 1,
  },
  {
    key: 'stories',
    title: 'MPK Historier',
    description: 'Mod på kerneopgaven: hverdagshistorier (med godkendelse før de vises).',
    template: 100,
    // v5: only approvers and the author see a pending or rejected story or a pending edit (SharePoint
    // leaves DraftVersionVisibility at 0, "every reader", when approval is switched on by API), and
    // versioning keeps the approved version that readers go on seeing while an edit waits.
    settings: { ...OWN_WRITES, EnableModeration: true, EnableVersioning: true, DraftVersionVisibility: 2 },
    earlierSettings: [{ until: 5, settings: { ...OWN_WRITES, EnableModeration: true } }],
    fields: [
      clientKey,
      note('Body', 'Tekst', { richText: true }),
      choice('StoryKind', 'Slags', STORY_KINDS, { indexed: true }),
      text('AmbitionKey', 'Ambition', { indexed: true }),
      num('UnitId', 'Enhed (id)', { indexed: true }),
      { name: 'Featured', title: 'Fremhævet', type: 'Boolean', indexed: true, since: 1 },
      // v9: the story's picture in "MPK Billeder" (server-relative URL and item id), described for people
      // who cannot see it, and the author's word that the people in it agreed.
      text('PictureUrl', 'Billede', { since: 9 }),
      num('PictureId', 'Billede (id)', { since: 9 }),
      text('PictureAlt', 'Alternativ tekst', { since: 9 }),
      { name: 'PictureConsent', title: 'Samtykke til billedet', type: 'Boolean', since: 9 },
    ],
    builtInFields: [{ name: 'Author', indexed: true, since: 1 }],
    permissions: EMPLOYEES_WRITE,
    earlierPermissions: [{ until: 5, permissions: EMPLOYEES_WRITE_V1 }],
    since: 1,
  },
  {
    key: 'recognitions',
    title: 'MPK Anerkendelser',
    description: 'Mod på kerneopgaven: anerkendelser af historier (én pr. person pr. historie).',
    template: 100,
    settings: OWN_WRITES,
    fields: [
      clientKey,
      num('StoryId', 'Historie (id)', { indexed: true }),
      // Kept equal to the story's Featured by "Fremhæv" (site owners) and by the person recognising.
      { name: 'StoryFeatured', title: 'Historien er fremhævet', type: 'Boolean', indexed: true, since: 4 },
    ],
    builtInFields: [{ name: 'Author', indexed: true, since: 1 }],
    permissions: EMPLOYEES_WRITE,
    earlierPermissions: [{ until: 5, permissions: EMPLOYEES_WRITE_V1 }],
    since: 1,
  },
  {
    key: 'comments',
    title: 'MPK Kommentarer',
    description: 'Mod på kerneopgaven: dialog om planer og indsatser.',
    template: 100,
    settings: OWN_WRITES,
    fields: [
      clientKey,
      num('InitiativeId', 'Indsats (id)', { indexed: true }),
      num('PlanId', 'Plan (id)', { indexed: true }),
      num('UnitId', 'Enhed (id)', { indexed: true }),
      note('Body', 'Tekst'),
    ],
    permissions: EMPLOYEES_WRITE,
    earlierPermissions: [{ until: 5, permissions: EMPLOYEES_WRITE_V1 }],
    since: 1,
  },
  {
    key: 'reflections',
    title: 'MPK Refleksioner',
    description: 'Mod på kerneopgaven: egne noter. Hver person ser og retter kun sine egne.',
    template: 100,
    // v5: private notes are kept out of search (the product never searches them; ReadSecurity is a list
    // setting, not a permission on the item, and whether search trims by it is UNCONFIRMED).
    settings: { ...PLAIN, ReadSecurity: 2, WriteSecurity: 2, NoCrawl: true },
    earlierSettings: [{ until: 5, settings: { ...PLAIN, ReadSecurity: 2, WriteSecurity: 2 } }],
    fields: [
      clientKey,
      note('Contribution', 'Hvordan kan jeg bidrage?'),
      note('Meaning', 'Hvad betyder ambitionerne for mig?'),
      text('AmbitionKey', 'Ambition'),
    ],
    builtInFields: [{ name: 'Author', indexed: true, since: 1 }],
    permissions: EMPLOYEES_WRITE,
    earlierPermissions: [{ until: 5, permissions: EMPLOYEES_WRITE_V1 }],
    since: 1,
  },
  {
    key: 'summaries',
    title: 'MPK Overblik',
    description:
      'Mod på kerneopgaven: tal til overblikket, holdt ajour af de skrivninger der ændrer dem. Rettes ikke i hånden.',
    template: 100,
    // No versioning: a row is rewritten after every counted write, and its history is the lists it counts.
    settings: PLAIN,
    fields: [
      // The row's key: `unit-<id>` for a unit's summary, `stories` for the published stories per ambition.
      { ...clientKey, since: 6 },
      num('UnitId', 'Enhed (id)', { indexed: true, since: 6 }),
      // Plain text: JSON written by the data layer (`src/data/repositories/summaries.ts`).
      note('Summary', 'Opsummering (JSON)', { since: 6 }),
      // The ambitions view's numbers per ambition, read without the rest (`src/domain/ambitionTotals.ts`).
      note('Totals', 'Tal pr. ambition (JSON)', { since: 6 }),
    ],
    // Written by whoever makes a counted write: the chefgruppe and the leaders (members); visitors
    // (employees) read. The same as the tasks list.
    permissions: { chefgruppe: 'contributor', members: 'contributor', visitors: 'read' },
    since: 6,
  },
  {
    key: 'notifications',
    title: 'MPK Nyt til dig',
    description:
      'Mod på kerneopgaven: "Nyt til dig" – én række pr. modtager af en hændelse, skrevet af den der handlede. Rettes ikke i hånden.',
    template: 100,
    // Everyone writes (whoever acts: employees reply in a dialog, leaders assign, approvers approve) and
    // edits only their own rows (the Teams delivery state). Each person reads their own with the indexed
    // Recipient filter; the rows name only an item id, its title where the item is readable by every site
    // user (tasks, initiatives, plans) and who acted — a story's title and reason stay in the story, which
    // only its author and the approvers can read. SharePoint cannot let one person write a row only
    // another person reads without Manage Permissions (README, "Nyt til dig").
    settings: OWN_WRITES,
    fields: [
      { ...clientKey, since: 7 },
      user('Recipient', 'Modtager', { indexed: true, since: 7 }),
      text('NotificationKind', 'Slags', { indexed: true, since: 7 }),
      text('TargetType', 'Element (type)', { since: 7 }),
      num('TargetId', 'Element (id)', { indexed: true, since: 7 }),
      num('UnitId', 'Enhed (id)', { indexed: true, since: 7 }),
      text('Subject', 'Emne', { since: 7 }),
      note('Delivery', 'Levering i Teams (JSON)', { since: 7 }),
    ],
    permissions: EMPLOYEES_WRITE,
    since: 7,
  },
  {
    key: 'personalSettings',
    title: 'MPK Personlige indstillinger',
    description:
      'Mod på kerneopgaven: hver persons valg for "Nyt til dig" (hvad de har læst og slået fra). Kun personen selv kan ændre sin række.',
    template: 100,
    // Read by everyone (whoever acts checks that the recipient has not turned a kind of message off),
    // changed only by the person (WriteSecurity 2).
    settings: OWN_WRITES,
    fields: [{ ...clientKey, since: 7 }, note('Settings', 'Indstillinger (JSON)', { since: 7 })],
    builtInFields: [{ name: 'Author', indexed: true, since: 7 }],
    permissions: EMPLOYEES_WRITE,
    since: 7,
  },
  {
    key: 'indicators',
    title: 'MPK Indikatorer',
    description:
      'Mod på kerneopgaven: kommunens tilbagevendende målinger (trivselsmåling, APV, sygefravær …) og den ambition, hver af dem belyser. ClientKey = indikatorens nøgle.',
    template: 100,
    settings: PLAIN,
    // Reference data: seeded by key (`INDICATOR_SEEDS`); the site owner renames, re-ties, orders, retires
    // or adds indicators here, and a later "Klargør site" never overwrites those edits.
    fields: [
      { ...clientKey, since: 8 },
      text('IndicatorUnit', 'Enhed', { since: 8 }),
      choice('Direction', 'Retning', DIRECTION_CHOICES, { since: 8 }),
      text('AmbitionKey', 'Ambition', { indexed: true, since: 8 }),
      num('SortOrder', 'Rækkefølge', { since: 8 }),
      { name: 'IsActive', title: 'Aktiv', type: 'Boolean', since: 8 },
    ],
    permissions: REFERENCE,
    since: 8,
  },
  {
    key: 'measurements',
    title: 'MPK Maaleresultater',
    description:
      'Mod på kerneopgaven: enhedernes resultater pr. indikator og periode, importeret fra Excel. ClientKey = indikator|enhed|periode.',
    template: 100,
    // No versioning: a row is the imported number; the import file is its history.
    settings: PLAIN,
    fields: [
      // `${indicatorKey}|${unitId}|${period}`: one row per unit, indicator and period, whoever imports.
      { ...clientKey, maxLength: 255, since: 8 },
      text('IndicatorKey', 'Indikator', { indexed: true, since: 8 }),
      num('UnitId', 'Enhed (id)', { indexed: true, since: 8 }),
      // Canonical: '2026', '2026-H1', '2026-Q3', '2026-11' (`parsePeriod`).
      text('Period', 'Periode', { indexed: true, since: 8 }),
      num('MeasureValue', 'Værdi', { since: 8 }),
      num('Respondents', 'Antal besvarelser', { since: 8 }),
      text('ImportKey', 'Import', { since: 8 }),
    ],
    // Results come from the survey provider through the chefgruppe's (or a site owner's) import; leaders
    // and employees read them and may not change them.
    permissions: { chefgruppe: 'contributor', members: 'read', visitors: 'read' },
    since: 8,
  },
  {
    key: 'pictures',
    title: 'MPK Billeder',
    description: 'Mod på kerneopgaven: billeder i hverdagshistorier (godkendes sammen med historien).',
    // A document library (101), not a picture library (109): the product needs files with columns and
    // content approval, which both give; 109 adds its own views and renditions that nothing here uses.
    template: 101,
    // As the stories: approval, versioning, drafts only for approvers and the author. Libraries have no
    // item-level write security (WriteSecurity is a list setting), so it stays 1 (docs/reliability.md).
    settings: { ...PLAIN, EnableModeration: true, EnableVersioning: true, DraftVersionVisibility: 2 },
    fields: [
      // The story's ClientKey: the file is named after it (`<key>.jpg`), before the story has an id.
      text('StoryKey', 'Historie (nøgle)', { maxLength: 64, indexed: true, since: 9 }),
      text('AltText', 'Alternativ tekst', { since: 9 }),
      { name: 'Consent', title: 'Samtykke', type: 'Boolean', since: 9 },
    ],
    permissions: EMPLOYEES_WRITE,
    since: 9,
  },
];

/** The value of something that changed over versions (`earlier` entries hold below their `until`). */
function valueAt<T, E extends { until: number }>(
  current: T,
  earlier: readonly E[] | undefined,
  pick: (e: E) => T,
  version: number,
): T {
  let value = current;
  let until = Infinity;
  for (const e of earlier || []) {
    if (version < e.until && e.until < until) {
      value = pick(e);
      until = e.until;
    }
  }
  return value;
}

/** A list's permissions as of a version. */
function permissionsAt(list: IListSchema, version: number): IListSchema['permissions'] {
  return valueAt(list.permissions, list.earlierPermissions, (e) => e.permissions, version);
}

/** A list's settings as of a version. */
function settingsAt(list: IListSchema, version: number): IListSettings {
  return valueAt(list.settings, list.earlierSettings, (e) => e.settings, version);
}

/** The schema as it was (or is) at a version: lists and columns added later left out, indexes as of then. */
export function schemaAt(version: number): ISchema {
  return {
    version,
    lists: LISTS.filter((list) => list.since <= version).map((list) => ({
      ...list,
      permissions: permissionsAt(list, version),
      earlierPermissions: undefined,
      settings: settingsAt(list, version),
      earlierSettings: undefined,
      fields: list.fields
        .filter((f) => f.since <= version)
        .map((f) => {
          const indexed = f.indexed === true || (f.indexedSince !== undefined && f.indexedSince <= version);
          const normalised: IFieldSchema = { ...f, indexed, unique: f.unique === true && indexed };
          delete normalised.indexedSince;
          return normalised;
        }),
      builtInFields: (list.builtInFields || []).filter((f) => f.since <= version),
    })),
    groups: [
      {
        key: 'chefgruppe',
        title: CHEFGRUPPE_TITLE,
        description: 'Mod på kerneopgaven: chefgruppen, der følger op på planerne.',
      },
    ],
    // Members of the chefgruppe may not be in any of the site's groups; Read on the site lets them in.
    // v5: the site's members (leaders, the chefgruppe) get "MPK Bidragyder" instead of the site's Edit,
    // on the site and so on every list that inherits it; the owners keep Full Control.
    webPermissions: version >= 5 ? { chefgruppe: 'read', members: 'contributor' } : { chefgruppe: 'read' },
    roleDefinitions: [CONTRIBUTOR_ROLE].filter((def) => def.since <= version),
  };
}

/** The schema as data, at its current version. */
export const SCHEMA: ISchema = schemaAt(SCHEMA_VERSION);

const BY_KEY = new Map<ListKey, IListSchema>(SCHEMA.lists.map((l) => [l.key, l]));

/** The schema of one list (current version). */
export function listSchema(key: ListKey): IListSchema {
  const list = BY_KEY.get(key);
  if (!list) throw new Error(`Unknown list key: ${key}`);
  return list;
}

/** The SharePoint title of one list. */
export function listTitle(key: ListKey): string {
  return listSchema(key).title;
}
