/**
 * "Planen på et øjeblik": one row per ambition with what a leader group asks first — how relevant it is here,
 * how many initiatives it has, how they are doing, when someone last reported, and what needs attention.
 * Pure: counts and dates only (the UI words them); "silent" is the reminders' rule (`checkInReminder`).
 */
import { compareIsoDates, toIsoDate } from './dates';
import type { ICheckIn, IInitiative, IPlanFocus, IsoDate } from './model';
import { isHealth } from './model';
import { checkInReminder } from './notifications';

/** How many running (or planned) initiatives have each latest health; `none` has no (known) assessment yet. */
export interface IHealthCounts {
  green: number;
  yellow: number;
  red: number;
  none: number;
}

/** One ambition's row in the overview. */
export interface IAmbitionOverview {
  ambitionKey: string;
  /** The stored relevance code (absent until the leader group has set it). */
  relevance?: string;
  /** All initiatives under the ambition, ended ones included. */
  initiatives: number;
  /** Completed or stopped. */
  ended: number;
  /** The health of the latest check-in of each initiative that is still planned or in progress. */
  health: IHealthCounts;
  /** The newest check-in under the ambition (any initiative). */
  latestCheckIn?: IsoDate;
  /** Planned or in progress, and silent by the reminders' rule ({@link isSilentInitiative}). */
  silent: number;
}

/** What the overview reads from the plan view. */
export interface IPlanOverviewInput {
  ambitions: readonly { key: string }[];
  focuses: readonly IPlanFocus[];
  initiatives: readonly IInitiative[];
  /** Each initiative's latest check-in, by initiative id. */
  latestCheckIns: Readonly<Record<number, ICheckIn>>;
}

/** Whether an initiative is still under way (planned or in progress). */
export function isActiveInitiative(initiative: Pick<IInitiative, 'status'>): boolean {
  return initiative.status !== 'completed' && initiative.status !== 'stopped';
}

/**
 * Whether an initiative gets a check-in reminder today: planned or in progress, and no check-in for
 * `CHECK_IN_SILENCE_DAYS` days — counted from its start when it has none (neither: silent).
 */
export function isSilentInitiative(initiative: IInitiative, lastCheckIn: IsoDate | undefined, today: IsoDate): boolean {
  if (initiative.id === undefined) return false;
  const reminder = checkInReminder(
    {
      id: initiative.id,
      title: initiative.title,
      unitId: initiative.unitId,
      planId: initiative.planId,
      status: initiative.status,
      lastCheckIn,
      created: initiative.startDate ?? '1970-01-01',
    },
    today,
  );
  return reminder !== undefined;
}

/** The overview's rows, one per ambition in the ambitions' order. */
export function planOverview(input: IPlanOverviewInput, now: Date): IAmbitionOverview[] {
  const today = toIsoDate(now);
  return input.ambitions.map((ambition) => {
    const row: IAmbitionOverview = {
      ambitionKey: ambition.key,
      relevance: input.focuses.find((f) => f.ambitionKey === ambition.key)?.relevance || undefined,
      initiatives: 0,
      ended: 0,
      health: { green: 0, yellow: 0, red: 0, none: 0 },
      silent: 0,
    };
    for (const initiative of input.initiatives) {
      if (initiative.ambitionKey !== ambition.key) continue;
      row.initiatives += 1;
      const latest = initiative.id === undefined ? undefined : input.latestCheckIns[initiative.id];
      if (latest?.date && (!row.latestCheckIn || compareIsoDates(latest.date, row.latestCheckIn) > 0)) {
        row.latestCheckIn = latest.date;
      }
      if (!isActiveInitiative(initiative)) {
        row.ended += 1;
        continue;
      }
      row.health[latest && isHealth(latest.health) ? latest.health : 'none'] += 1;
      if (isSilentInitiative(initiative, latest?.date, today)) row.silent += 1;
    }
    return row;
  });
}
