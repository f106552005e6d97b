/**
 * A unit's row in "MPK Overblik": its part of the chefgruppe's overview (`summarizeUnit`), recomputed
 * from the unit's own rows after every write that can change it — a plan, a focus, an initiative, a
 * check-in or a task of that unit — and when the site is set up or repaired. The reads are the indexed
 * `UnitId eq <id>` of the plan view: threshold-safe for any size of municipality, one `$batch`.
 */
import type { SPFI } from '@pnp/sp';
import { summarizeUnit, type IUnitRows } from '../../domain/summarizeUnit';
import { encodeUnitSummary } from '../../domain/unitSummary';
import { unitTotals } from '../../domain/ambitionTotals';
import { isThresholdError } from '../errors';
import { fromRow, type ICodec, type Row } from '../mapping/codec';
import { checkInCodec, initiativeCodec, planCodec, planFocusCodec, taskCodec, unitCodec } from '../mapping/entities';
import type { IEntity } from '../../domain/model';
import { allRows, fetchPage, inBatch, itemsQuery, MAX_PAGE, settle, type IRawPage, type Settled } from './query';
import { unitSummaryKey, updateSummary } from './summaries';

/** The columns each list gives a summary (no descriptions or people; initiatives' titles for the tasks about them). */
export const UNIT_SUMMARY_SELECT = {
  plans: ['Id', 'UnitId', 'Period', 'PlanStatus'],
  focuses: ['Id', 'PlanId', 'UnitId', 'AmbitionKey', 'Relevance'],
  initiatives: ['Id', 'PlanId', 'UnitId', 'AmbitionKey', 'InitiativeStatus', 'Title'],
  checkIns: ['Id', 'InitiativeId', 'UnitId', 'Health', 'CheckInDate'],
  tasks: ['Id', 'UnitId', 'DueDate', 'TaskStatus', 'InitiativeId'],
} as const;

type Part = keyof typeof UNIT_SUMMARY_SELECT;

const CODECS: Record<Part, ICodec<IEntity>> = {
  plans: planCodec as unknown as ICodec<IEntity>,
  focuses: planFocusCodec as unknown as ICodec<IEntity>,
  initiatives: initiativeCodec as unknown as ICodec<IEntity>,
  checkIns: checkInCodec as unknown as ICodec<IEntity>,
  tasks: taskCodec as unknown as ICodec<IEntity>,
};

const PARTS = Object.keys(UNIT_SUMMARY_SELECT) as Part[];

/**
 * Every row of one part: the batched page, or — when the unit has 5,000 rows or more in that list
 * (a page that full may go on) or SharePoint refused the query — all of them through `allRows`.
 */
async function rowsOfPart(sp: SPFI, part: Part, filter: string, settled: Settled<IRawPage>): Promise<Row[]> {
  if (settled.ok && settled.value.rows.length < MAX_PAGE) return settled.value.rows;
  if (!settled.ok && !isThresholdError(settled.error)) throw settled.error;
  return allRows(sp, CODECS[part], { filter, select: UNIT_SUMMARY_SELECT[part] });
}

/** One unit's rows of the five lists a summary counts, in one `$batch` (more only for a very large unit). */
export async function readUnitRows(sp: SPFI, unitId: number): Promise<IUnitRows> {
  const filter = `UnitId eq ${unitId}`;
  const reads = await inBatch(sp, (b) => {
    const started = {} as Record<Part, Promise<Settled<IRawPage>>>;
    for (const part of PARTS) {
      started[part] = settle(
        fetchPage(
          itemsQuery(b, CODECS[part], { filter, select: UNIT_SUMMARY_SELECT[part], top: MAX_PAGE, noMetadata: true }),
        ),
      );
    }
    return started;
  });
  const rows = {} as Record<Part, Row[]>;
  for (const part of PARTS) rows[part] = await rowsOfPart(sp, part, filter, await reads[part]);
  return {
    unit: fromRow(unitCodec, { Id: unitId }),
    plans: rows.plans.map((row) => fromRow(planCodec, row)),
    focuses: rows.focuses.map((row) => fromRow(planFocusCodec, row)),
    initiatives: rows.initiatives.map((row) => fromRow(initiativeCodec, row)),
    checkIns: rows.checkIns.map((row) => fromRow(checkInCodec, row)),
    tasks: rows.tasks.map((row) => fromRow(taskCodec, row)),
  };
}

/**
 * Recomputes a unit's summary from its rows and writes it when it changed (see `updateSummary`: the
 * rows are read after the row's ETag, so the last writer's summary holds every write before it).
 * Returns whether it wrote.
 */
export function refreshUnitSummary(sp: SPFI, unitId: number, now: () => Date = () => new Date()): Promise<boolean> {
  return updateSummary(sp, unitSummaryKey(unitId), unitId, async () => {
    const rows = await readUnitRows(sp, unitId);
    return {
      summary: encodeUnitSummary(summarizeUnit(rows, now())),
      totals: JSON.stringify(unitTotals(rows.focuses, rows.initiatives)),
    };
  });
}

/**
 * The `afterWrite` of the lists a unit's summary counts (plans, focuses, initiatives, check-ins,
 * tasks): the summary of the unit the row belongs to — and of the one it belonged to before, when a
 * save moved it.
 */
export function refreshUnitsOf<T>(sp: SPFI): (items: readonly (T | undefined)[]) => Promise<void> {
  return async (items) => {
    const units = new Set<number>();
    for (const item of items) {
      const unitId = item ? (item as { unitId?: unknown }).unitId : undefined;
      if (typeof unitId === 'number') units.add(unitId);
    }
    for (const unitId of Array.from(units)) await refreshUnitSummary(sp, unitId);
  };
}

/** Units refreshed at once by `rebuildUnitSummaries` (each is one `$batch` read and one write). */
const REBUILD_CONCURRENCY = 4;

/**
 * Recomputes every unit's summary (and removes nothing): after "MPK Overblik" is created on a site
 * with data, after an import that bypassed the product (a bulk load), or as a repair. Returns the
 * number of rows written.
 */
export async function rebuildUnitSummaries(sp: SPFI, now: () => Date = () => new Date()): Promise<number> {
  const units = await allRows(sp, unitCodec, { filter: 'Id gt 0', select: ['Id'] });
  const ids = units.map((row) => Number(row.Id));
  let written = 0;
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < ids.length) {
      const unitId = ids[next++];
      if (await refreshUnitSummary(sp, unitId, now)) written++;
    }
  };
  await Promise.all(Array.from({ length: Math.min(REBUILD_CONCURRENCY, ids.length) }, worker));
  return written;
}
