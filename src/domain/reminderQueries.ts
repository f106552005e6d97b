/**
 * The SharePoint queries of the Monday reminder: the Power Automate flow in
 * `flows/mandagspaamindelse/definition.json` posts, per unit with a leader-group channel, the initiatives
 * without a check-in for {@link SILENCE_DAYS} days and the tasks due this week. Its `$filter`s are built
 * here, once, so the flow, the product and the tests ask SharePoint the same question:
 * `tests/domain/reminderQueries.test.ts` checks the flow's JSON holds exactly these strings (built with
 * {@link FLOW_DAYS} and {@link FLOW_UNIT_ID}) and `tests/data/reminderQueries.test.ts` runs them through
 * PnPjs against the local SharePoint.
 *
 * Every filter starts with an indexed column that narrows to one unit (`UnitId eq n`) and touches only
 * indexed columns (`src/data/schema/lists.ts`), so each stays below the 5,000-item list view threshold
 * however long the lists grow. What no index can answer — an initiative's creation date — the flow
 * checks on the rows it got ({@link silentInitiatives}, its "Filter array" step).
 *
 * The rules are those of "Nyt til dig": an initiative is silent when it is planned or in progress and
 * neither checked in nor created within the last 14 days (14 days after the day of the last check-in it
 * is due); "this week" is the run's day and the six after it (the flow runs on Mondays).
 */
import { addDays, compareIsoDates } from './dates';
import type { IsoDate } from './model';

/** Days without a check-in before an initiative is silent (as `CHECK_IN_SILENCE_DAYS` of "Nyt til dig"). */
export const SILENCE_DAYS = 14;
/** Days the reminder looks ahead for tasks: the run's day and the next six. */
export const WEEK_DAYS = 7;
/** The time zone the flow runs in and reads "today" in (Windows name of Europe/Copenhagen). */
export const FLOW_TIME_ZONE = 'Romance Standard Time';

/** Where a query's days come from: fixed dates (the product, the tests) or Power Automate expressions (the flow). */
export interface IQueryDays {
  /** The `yyyy-MM-dd` text of the day `offset` days after today (before, when negative). */
  day(offset: number): string;
}

/** The days around a fixed `today`. */
export function onDay(today: IsoDate): IQueryDays {
  return { day: (offset) => addDays(today, offset) };
}

/**
 * The Power Automate expression (without `@{…}`) for the Copenhagen date `offset` days after the run's:
 * `addDays(convertFromUtc(utcNow(),'Romance Standard Time'),-13,'yyyy-MM-dd')`.
 */
export function flowDayExpression(offset: number): string {
  return `addDays(convertFromUtc(utcNow(),'${FLOW_TIME_ZONE}'),${offset},'yyyy-MM-dd')`;
}

/** The days as the flow computes them: each an `@{…}` expression inside the filter text. */
export const FLOW_DAYS: IQueryDays = { day: (offset) => `@{${flowDayExpression(offset)}}` };

/** The unit's id inside the flow's loop over units (`For_each_unit`). */
export const FLOW_UNIT_ID = "@{items('For_each_unit')?['ID']}";

/** A unit id as a filter needs it: a number, or the flow's expression for it. */
export type QueryUnit = number | string;

function daysOf(today: IsoDate | IQueryDays): IQueryDays {
  return typeof today === 'string' ? onDay(today) : today;
}

/** The start of a day as SharePoint compares a date column (the product writes dates at noon UTC). */
function dayStart(day: string): string {
  return `'${day}T00:00:00Z'`;
}

/** "MPK Enheder": the units that have a leader-group channel (`TeamsChannelId`, indexed). */
export function unitsWithChannelFilter(): string {
  return 'TeamsChannelId ne null';
}

/** "MPK Indsatser": a unit's initiatives that are planned or in progress (`UnitId`, `InitiativeStatus`, indexed). */
export function activeInitiativesFilter(unitId: QueryUnit): string {
  return `UnitId eq ${unitId} and (InitiativeStatus eq 'planned' or InitiativeStatus eq 'inProgress')`;
}

/**
 * "MPK Statusmeldinger": a unit's check-ins of the last {@link SILENCE_DAYS} − 1 days and today — a
 * check-in on one of those days keeps its initiative off the list (`UnitId`, `CheckInDate`, indexed).
 */
export function recentCheckInsFilter(unitId: QueryUnit, today: IsoDate | IQueryDays): string {
  const days = daysOf(today);
  return `UnitId eq ${unitId} and CheckInDate ge ${dayStart(days.day(1 - SILENCE_DAYS))}`;
}

/**
 * "MPK Opgaver": a unit's open tasks due today or in the next six days (`UnitId`, `DueDate`, `TaskStatus`,
 * indexed). Overdue tasks are not repeated here: "Nyt til dig" and the overview show them.
 */
export function dueThisWeekFilter(unitId: QueryUnit, today: IsoDate | IQueryDays): string {
  const days = daysOf(today);
  return (
    `UnitId eq ${unitId} and DueDate ge ${dayStart(days.day(0))} and DueDate lt ${dayStart(days.day(WEEK_DAYS))}` +
    ` and TaskStatus ne 'closed'`
  );
}

/** An initiative as the reminder reads it. */
export interface IReminderInitiativeRow {
  id: number;
  /** The Copenhagen date it was created (SharePoint's `Created`); unknown: treated as old. */
  created?: IsoDate;
}

/**
 * The initiatives (from {@link activeInitiativesFilter}) that are silent on `today`: no check-in among
 * `recentCheckIns` (from {@link recentCheckInsFilter}) and created {@link SILENCE_DAYS} days ago or earlier.
 * Order kept. The flow's "Filter array" step is this rule written as a Power Automate expression.
 */
export function silentInitiatives<T extends IReminderInitiativeRow>(
  initiatives: readonly T[],
  recentCheckIns: readonly { initiativeId: number }[],
  today: IsoDate,
): T[] {
  const checkedIn = new Set(recentCheckIns.map((c) => c.initiativeId));
  const createdBy = addDays(today, -SILENCE_DAYS);
  return initiatives.filter(
    (initiative) =>
      !checkedIn.has(initiative.id) && (!initiative.created || compareIsoDates(initiative.created, createdBy) <= 0),
  );
}
