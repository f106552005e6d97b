/**
 * The two lists under the follow-up overview, read when someone asks for them ("Vis opgaverne over
 * fristen", "Vis de stoppede indsatser", the status report) instead of with the first view, which
 * carries only their counts. One query per unit (tasks) or per plan (stopped initiatives), each on an
 * indexed column and so threshold-safe however long the list, sent together in `$batch`es of 20.
 * A chunk of its own in the web parts (`PartViewRepository`).
 */
import type { SPFI } from '@pnp/sp';
import { compareIsoDates } from '../../domain/dates';
import type { IEntity, IInitiative, IsoDate } from '../../domain/model';
import { isThresholdError, toDataError } from '../errors';
import { collectPeople, fromRow, type ICodec, type Row } from '../mapping/codec';
import { initiativeCodec, taskCodec } from '../mapping/entities';
import { fetchAll, inBatch, MAX_PAGE, quote, selectOf, windowedRows, type IQuerySpec } from '../repositories/query';
import type { IOverdueTasks, IPeople } from '../repositories/types';
import { dict } from '../../domain/dict';
import { recoverRead, startRead, type IPendingRead } from './common';

/** Requests in one `$batch` (SharePoint Online's limit). */
export const QUERIES_PER_BATCH = 20;

/**
 * Every row of one filter per key: the first pages in `$batch`es of 20, then each page's nextLinks; a
 * filter SharePoint refuses (more than 5,000 items match, e.g. one unit with that many overdue tasks)
 * is walked in id windows instead (`windowedRows`, every window below the threshold).
 */
async function rowsPerFilter<T extends IEntity>(
  sp: SPFI,
  codec: ICodec<T>,
  filters: readonly string[],
  spec: Omit<IQuerySpec, 'filter' | 'top'>,
): Promise<Row[]> {
  const rows: Row[] = [];
  const windowed = {
    select: spec.select || (spec.props ? selectOf(codec, { props: spec.props }) : undefined),
    expand: spec.expand,
  };
  for (let start = 0; start < filters.length; start += QUERIES_PER_BATCH) {
    const chunk = filters.slice(start, start + QUERIES_PER_BATCH);
    const reads: IPendingRead[] = await inBatch(sp, (b) =>
      chunk.map((filter) => startRead(b, codec, { ...spec, filter, top: MAX_PAGE })),
    );
    for (let i = 0; i < reads.length; i++) {
      try {
        const settled = await recoverRead(sp, reads[i]);
        if (settled.ok) rows.push(...(await fetchAll(sp, settled.value)));
        else if (isThresholdError(settled.error))
          rows.push(...(await windowedRows(sp, codec, { ...windowed, filter: chunk[i] })));
        else throw settled.error;
      } catch (error) {
        throw toDataError(error);
      }
    }
  }
  return rows;
}

/** Distinct ids (a unit or plan named twice is read once). */
function distinct(ids: readonly number[]): number[] {
  return Array.from(new Set(ids.filter((id) => Number.isInteger(id) && id > 0)));
}

/** The start of a calendar day as SharePoint compares it (a plain quoted ISO instant, as PnPjs writes dates). */
function dayStart(day: IsoDate): string {
  return quote(`${day}T00:00:00Z`);
}

/** The items of rows read by several queries, each once (a row two queries returned counts once). */
function itemsOnce<T extends IEntity>(codec: ICodec<T>, rows: readonly Row[]): T[] {
  const seen = new Set<number>();
  const items: T[] = [];
  for (const row of rows) {
    const item = fromRow(codec, row);
    if (item.id !== undefined) {
      if (seen.has(item.id)) continue;
      seen.add(item.id);
    }
    items.push(item);
  }
  return items;
}

/**
 * The overdue tasks of these units: per unit `UnitId eq n and DueDate lt '<today>' and TaskStatus ne
 * 'closed'`, by due date, whole tasks (they are edited from the lists) with `Assignee` expanded.
 * Merged, and sorted most overdue first (then by id).
 */
export async function loadOverdueTasks(sp: SPFI, unitIds: readonly number[], today: IsoDate): Promise<IOverdueTasks> {
  const filters = distinct(unitIds).map(
    (id) => `UnitId eq ${id} and DueDate lt ${dayStart(today)} and TaskStatus ne 'closed'`,
  );
  const rows = await rowsPerFilter(sp, taskCodec, filters, {
    orderBy: [
      ['DueDate', true],
      ['Id', true],
    ],
    expand: ['Assignee'],
  });
  // A site that keeps a date-only column at its own midnight stores today's tasks on the evening
  // before in UTC: the day as read decides, as in `isOverdue`.
  const tasks = itemsOnce(taskCodec, rows).filter(
    (task) => task.status !== 'closed' && !!task.dueDate && compareIsoDates(task.dueDate, today) < 0,
  );
  tasks.sort((a, b) => compareIsoDates(a.dueDate, b.dueDate) || (a.id || 0) - (b.id || 0));
  return { tasks, people: collectPeople(dict() as IPeople, rows, ['Assignee']) };
}

/** What the list of stopped initiatives shows of each. */
const STOPPED_PROPS = ['title', 'planId', 'unitId', 'ambitionKey', 'status', 'stopReason'] as const;

/**
 * The stopped initiatives of these plans (the units' current plans): per plan `PlanId eq n and
 * InitiativeStatus eq 'stopped'`, newest first.
 */
export async function loadStoppedInitiatives(sp: SPFI, planIds: readonly number[]): Promise<IInitiative[]> {
  const filters = distinct(planIds).map((id) => `PlanId eq ${id} and InitiativeStatus eq 'stopped'`);
  const rows = await rowsPerFilter(sp, initiativeCodec, filters, { props: STOPPED_PROPS, orderBy: [['Id', false]] });
  const initiatives = itemsOnce(initiativeCodec, rows).filter((initiative) => initiative.status === 'stopped');
  return initiatives.sort((a, b) => (b.id || 0) - (a.id || 0));
}
