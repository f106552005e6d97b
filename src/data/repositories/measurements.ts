/**
 * Målinger (schema v8): the indicators ("MPK Indikatorer", reference data) and the units' results
 * ("MPK Maaleresultater", one row per indicator, unit and period under the ClientKey
 * `${indicatorKey}|${unitId}|${period}`).
 *
 * Every read filters on an indexed column first and stays below the 5,000 list view threshold at
 * municipal scale (200 units × 5 indicators × ~10 periods = 10,000 rows): a unit's rows (`UnitId`),
 * one indicator's rows (`IndicatorKey`: ~2,000), one period of one indicator (`Period`, then
 * `IndicatorKey`: at most one row per unit). A part SharePoint refuses anyway (more than 5,000 matches)
 * is read again in id windows (`allRows`).
 */
import type { SPFI } from '@pnp/sp';
import {
  comparePeriods,
  isPublishable,
  parsePeriod,
  periodParts,
  type IIndicatorValue,
} from '../../domain/measurements';
import type { IIndicatorDefinition, IMeasurementRow } from '../../domain/model';
import {
  DataError,
  httpStatus,
  isDuplicateValueError,
  isThresholdError,
  mayRetryThrottled,
  retryThrottled,
  toDataError,
} from '../errors';
import { fromRow, toFields, type Row } from '../mapping/codec';
import { indicatorCodec, measurementCodec, measurementKey } from '../mapping/entities';
import {
  allRows,
  fetchAll,
  fetchPage,
  inBatch,
  itemsQuery,
  listItems,
  MAX_PAGE,
  quote,
  readPage,
  settle,
  type IRawPage,
  type Settled,
} from './query';
import type { IImportProgress, IImportResult, IIndicatorRepository, IMeasurementRepository } from './types';

/** Reads per `$batch` (SharePoint Online's first views keep to 20). */
const READS_PER_BATCH = 20;
/** Writes per `$batch`: an import batch is at most this many rows (`importBatches`), larger ones are cut. */
export const WRITES_PER_BATCH = 100;
/** How often a part that was throttled inside a `$batch` is sent again. */
const THROTTLED_ROUNDS = 3;
/** How many rounds of one batch's writes before results that keep changing under it are a conflict. */
const RACE_ROUNDS = 5;

/** Active indicators in their order (then by title): what the plan, the overview and the import offer. */
export function activeInOrder(indicators: readonly IIndicatorDefinition[]): IIndicatorDefinition[] {
  return indicators
    .filter((indicator) => indicator.isActive)
    .sort((a, b) => a.sortOrder - b.sortOrder || a.title.localeCompare(b.title, 'da'));
}

/** The indicators over "MPK Indikatorer" (a handful of rows: read whole, filtered here). */
export class IndicatorRepository implements IIndicatorRepository {
  public constructor(private readonly sp: SPFI) {}

  public async listActive(): Promise<IIndicatorDefinition[]> {
    try {
      const page = await readPage(this.sp, indicatorCodec, { orderBy: [['Id', true]], top: MAX_PAGE });
      return activeInOrder(page.rows.map((row) => fromRow(indicatorCodec, row)));
    } catch (error) {
      throw toDataError(error);
    }
  }
}

/**
 * Of many results, for each unit and indicator the latest period's row and the one before it (the
 * latest earlier period of the same length, as `latestWithTrend` compares): what an overview needs.
 */
export function latestTwoPerUnit(rows: readonly IMeasurementRow[]): IMeasurementRow[] {
  const groups = new Map<string, IMeasurementRow[]>();
  for (const row of rows) {
    if (!periodParts(row.period)) continue;
    const key = `${row.unitId}\u0000${row.indicatorKey}`;
    const group = groups.get(key);
    if (group) group.push(row);
    else groups.set(key, [row]);
  }
  const kept: IMeasurementRow[] = [];
  groups.forEach((group) => {
    group.sort((a, b) => comparePeriods(a.period, b.period));
    const latest = group[group.length - 1];
    const kind = periodParts(latest.period)?.kind;
    kept.push(latest);
    for (let i = group.length - 2; i >= 0; i--) {
      if (periodParts(group[i].period)?.kind === kind && comparePeriods(group[i].period, latest.period) < 0) {
        kept.push(group[i]);
        break;
      }
    }
  });
  return kept.sort((a, b) => a.unitId - b.unitId || a.indicatorKey.localeCompare(b.indicatorKey));
}

/** Why a row may not be written (the import checks it first; this keeps the list clean whoever calls). */
export function importRefusal(row: IIndicatorValue): string | undefined {
  if (!row.indicatorKey || row.indicatorKey.length > 100) return 'indicatorKey';
  if (!Number.isInteger(row.unitId) || row.unitId <= 0) return 'unitId';
  if (parsePeriod(row.period) !== row.period) return 'period';
  if (typeof row.value !== 'number' || !isFinite(row.value)) return 'value';
  if (!isPublishable(row.respondents)) return 'respondents';
  return undefined;
}

/** Whether a stored result already holds what an import would write (then nothing is written). */
export function sameResult(stored: IMeasurementRow, row: IIndicatorValue): boolean {
  return stored.value === row.value && (stored.respondents ?? undefined) === (row.respondents ?? undefined);
}

/** One write of an import: a new row, or a changed value of a stored one (If-Match its ETag). */
type Write =
  { kind: 'create'; row: IIndicatorValue } | { kind: 'update'; row: IIndicatorValue; stored: IMeasurementRow };

/** The results over "MPK Maaleresultater". */
export class MeasurementRepository implements IMeasurementRepository {
  public constructor(private readonly sp: SPFI) {}

  /** A unit's results, every indicator and period (tens of rows; `UnitId` is indexed). */
  public async forUnit(unitId: number): Promise<IMeasurementRow[]> {
    try {
      const rows = await allRows(this.sp, measurementCodec, { filter: `UnitId eq ${unitId}` });
      return rows.map((row) => fromRow(measurementCodec, row)).sort(byUnitIndicatorPeriod);
    } catch (error) {
      throw toDataError(error);
    }
  }

  /**
   * For every unit and indicator the latest result and the one before it (`latestTwoPerUnit`; pass
   * them to `latestWithTrend`). One query per indicator (`IndicatorKey eq …`, indexed), 20 to a `$batch`;
   * without `indicatorKeys` the active indicators are read first (one request more).
   */
  public async latestPerUnit(indicatorKeys?: readonly string[]): Promise<IMeasurementRow[]> {
    try {
      const keys = indicatorKeys ?? (await new IndicatorRepository(this.sp).listActive()).map((i) => i.key);
      const filters = keys.map((key) => `IndicatorKey eq ${quote(key)}`);
      const rows = await this.readFilters(filters);
      return latestTwoPerUnit(rows.map((row) => fromRow(measurementCodec, row)));
    } catch (error) {
      throw toDataError(error);
    }
  }

  /**
   * Writes an import, batch by batch (`importBatches`: no unit's period is split between two). First
   * the stored results of the import's periods are read (`Period eq … and IndicatorKey eq …`, 20 to a
   * `$batch`); then each batch is one `$batch` of creates and If-Match updates, only of rows that are
   * new or whose value or respondents changed: a re-import, or a batch sent again, writes nothing twice
   * (the ClientKey is unique). `signal` stops before the next batch (the result says `aborted`); what
   * was written stays whole. A row the import check should have refused (a period not canonical, a value
   * that is no number, fewer than 5 respondents) refuses the whole import before anything is written.
   */
  public async importRows(
    batches: readonly (readonly IIndicatorValue[])[],
    importKey: string,
    onProgress?: (progress: IImportProgress) => void,
    signal?: AbortSignal,
  ): Promise<IImportResult> {
    const rows = batches.reduce((n, batch) => n + batch.length, 0);
    for (const batch of batches) {
      for (const row of batch) {
        const why = importRefusal(row);
        if (why) throw new DataError('invalid', { detail: `${why} of ${measurementKey(row)}` });
      }
    }
    const result: IImportResult = { created: 0, updated: 0, unchanged: 0, batchesWritten: 0, aborted: false };
    const progress = (rowsDone: number): void => {
      if (onProgress) onProgress({ rowsDone, rows, batchesDone: result.batchesWritten, batches: batches.length });
    };
    if (signal?.aborted) return { ...result, aborted: true };
    const stored = await this.storedFor(batches);
    progress(0);
    let rowsDone = 0;
    for (const batch of batches) {
      if (signal?.aborted) return { ...result, aborted: true };
      const writes: Write[] = [];
      const seen = new Set<string>();
      for (const row of batch) {
        const key = measurementKey(row);
        if (seen.has(key)) continue;
        seen.add(key);
        const before = stored.get(key);
        if (!before) writes.push({ kind: 'create', row });
        else if (sameResult(before, row)) result.unchanged++;
        else writes.push({ kind: 'update', row, stored: before });
      }
      for (let i = 0; i < writes.length; i += WRITES_PER_BATCH) {
        await this.write(writes.slice(i, i + WRITES_PER_BATCH), importKey, result);
      }
      result.batchesWritten++;
      rowsDone += batch.length;
      progress(rowsDone);
    }
    return result;
  }

  /** The stored rows of the import's (period, indicator) pairs, by ClientKey. */
  private async storedFor(batches: readonly (readonly IIndicatorValue[])[]): Promise<Map<string, IMeasurementRow>> {
    const pairs = new Set<string>();
    const filters: string[] = [];
    for (const batch of batches) {
      for (const row of batch) {
        const pair = `${row.period}\u0000${row.indicatorKey}`;
        if (pairs.has(pair)) continue;
        pairs.add(pair);
        filters.push(`Period eq ${quote(row.period)} and IndicatorKey eq ${quote(row.indicatorKey)}`);
      }
    }
    const stored = new Map<string, IMeasurementRow>();
    for (const row of await this.readFilters(filters)) {
      const item = fromRow(measurementCodec, row);
      stored.set(item.clientKey, item);
    }
    return stored;
  }

  /** Every row of some selective filters: 20 first pages to a `$batch`, then their next pages. */
  private async readFilters(filters: readonly string[]): Promise<Row[]> {
    const rows: Row[] = [];
    for (let i = 0; i < filters.length; i += READS_PER_BATCH) {
      const chunk = filters.slice(i, i + READS_PER_BATCH);
      const pages = await inBatch(this.sp, (b) =>
        chunk.map((filter) =>
          settle(fetchPage(itemsQuery(b, measurementCodec, { filter, orderBy: [['Id', true]], top: MAX_PAGE }))),
        ),
      );
      for (let j = 0; j < chunk.length; j++) {
        const page: Settled<IRawPage> = await pages[j];
        if (page.ok) rows.push(...(await fetchAll(this.sp, page.value)));
        else if (isThresholdError(page.error))
          rows.push(...(await allRows(this.sp, measurementCodec, { filter: chunk[j] })));
        else throw page.error;
      }
    }
    return rows;
  }

  /**
   * Sends one `$batch` of writes. Parts SharePoint throttled are sent again; parts that lost a race — a
   * create whose key exists (another import, or this batch landed once already and PnPjs sent it again
   * after a lost answer) or an update whose ETag moved on — are settled by reading their periods again
   * (one request for all of them) and writing only what still differs.
   */
  private async write(writes: readonly Write[], importKey: string, result: IImportResult): Promise<void> {
    let pending = writes.slice();
    for (let round = 0; pending.length > 0; round++) {
      if (round > RACE_ROUNDS) throw new DataError('conflict', { detail: 'results kept changing during the import' });
      const outcomes = await this.inWriteBatch((b) => pending.map((w) => settle(this.send(b, w, importKey))));
      const again: Write[] = [];
      const raced: IIndicatorValue[] = [];
      let throttled = false;
      for (let i = 0; i < pending.length; i++) {
        const write = pending[i];
        const outcome: Settled<unknown> = await outcomes[i];
        if (outcome.ok) {
          if (write.kind === 'create') result.created++;
          else result.updated++;
          continue;
        }
        const error = outcome.error;
        if (mayRetryThrottled(error) && round < THROTTLED_ROUNDS) {
          throttled = true;
          again.push(write);
        } else if ((write.kind === 'create' && isDuplicateValueError(error)) || httpStatus(error) === 412) {
          raced.push(write.row);
        } else throw toDataError(error);
      }
      if (raced.length > 0) {
        const current = await this.storedFor([raced]);
        for (const row of raced) {
          const now = current.get(measurementKey(row));
          if (!now) again.push({ kind: 'create', row });
          else if (sameResult(now, row)) result.unchanged++;
          else again.push({ kind: 'update', row, stored: now });
        }
      }
      // PnPjs already honoured Retry-After for the `$batch`; a part throttled inside it backs off here.
      if (throttled) await new Promise((resolve) => setTimeout(resolve, 250 * Math.pow(2, round)));
      pending = again;
    }
  }

  /**
   * One `$batch` POST of up to `WRITES_PER_BATCH` writes (PnPjs would cut it into POSTs of 20). A
   * throttled `$batch` applied none of its parts, so it is built and sent again.
   */
  private async inWriteBatch<R>(build: (batched: SPFI) => R): Promise<R> {
    try {
      return await retryThrottled(async () => {
        const [batched, execute] = this.sp.batched({ maxRequests: WRITES_PER_BATCH });
        const result = build(batched);
        await execute();
        return result;
      });
    } catch (error) {
      throw toDataError(error);
    }
  }

  /** Starts one write on a batched SPFI. */
  private send(b: SPFI, write: Write, importKey: string): Promise<unknown> {
    const body = this.fields(write.row, importKey);
    if (write.kind === 'create') return listItems(b, 'measurements').add(body);
    const { MeasureValue, Respondents, ImportKey } = body;
    const id = write.stored.id as number;
    return listItems(b, 'measurements')
      .getById(id)
      .update({ MeasureValue, Respondents, ImportKey }, write.stored.etag || '*');
  }

  private fields(row: IIndicatorValue, importKey: string): Record<string, unknown> {
    const item: IMeasurementRow = {
      clientKey: measurementKey(row),
      indicatorKey: row.indicatorKey,
      unitId: row.unitId,
      period: row.period,
      value: row.value,
      respondents: row.respondents,
      importKey,
    };
    return toFields(measurementCodec, item);
  }
}

function byUnitIndicatorPeriod(a: IMeasurementRow, b: IMeasurementRow): number {
  return a.unitId - b.unitId || a.indicatorKey.localeCompare(b.indicatorKey) || comparePeriods(a.period, b.period);
}
