/**
 * Read helpers the view loaders share with the repositories, in a module of their own so that a web
 * part's entry bundle (which reads only through its view loader) does not carry the repository classes
 * and the validation they run before a write. The repositories re-export them.
 */
import type { SPFI } from '@pnp/sp';
import { compareIsoDates, isValidIsoDate } from '../../domain/dates';
import type { ICheckIn, IFollowUpTask } from '../../domain/model';
import { isThresholdError, toDataError } from '../errors';
import { taskCodec } from '../mapping/entities';
import { pageOf, quote, windowedPage, type IQuerySpec, type IRawPage, type Settled } from './query';
import type { IPage, ITaskFilters } from './types';

/** Units in their display order: by order, then name. */
export function sortUnits<T extends { order?: number; name: string }>(units: T[]): T[] {
  return units.sort((a, b) => (a.order ?? 1e9) - (b.order ?? 1e9) || a.name.localeCompare(b.name, 'da'));
}

/** Newest first: by date, then by id. */
export function newestCheckInFirst(a: ICheckIn, b: ICheckIn): number {
  return compareIsoDates(b.date, a.date) || (b.id || 0) - (a.id || 0);
}

/**
 * The `$filter` of the task board. Every column in it is indexed; the most selective comes first,
 * since SharePoint narrows by the first indexed column it meets.
 */
export function taskFilter(filters: ITaskFilters): string | undefined {
  const parts: string[] = [];
  if (filters.assigneeId !== undefined) parts.push(`AssigneeId eq ${filters.assigneeId}`);
  if (filters.unitId !== undefined) parts.push(`UnitId eq ${filters.unitId}`);
  if (filters.meeting) parts.push(`Meeting eq ${quote(filters.meeting)}`);
  if (filters.status) parts.push(`TaskStatus eq ${quote(filters.status)}`);
  if (filters.overdueOn && isValidIsoDate(filters.overdueOn))
    parts.push(`DueDate lt ${quote(`${filters.overdueOn}T00:00:00Z`)} and TaskStatus ne 'closed'`);
  return parts.length > 0 ? parts.join(' and ') : undefined;
}

/** Which of a person's tasks a part of "Mine opgaver" reads. */
export type AssignedPart = 'open' | 'closed';

function assignedFilter(userId: number, part: AssignedPart): string {
  return `AssigneeId eq ${userId} and TaskStatus ${part === 'open' ? 'ne' : 'eq'} 'closed'`;
}

/**
 * "Mine opgaver", one part: the person's open and in-progress tasks, or their closed ones, by due
 * date, one page (both columns indexed; paged by SharePoint's nextLink). SharePoint refuses it when
 * the part matches more than 5,000 tasks: see `windowedAssigned`.
 */
export function assignedSpec(userId: number, part: AssignedPart, pageSize: number): IQuerySpec {
  return {
    filter: assignedFilter(userId, part),
    orderBy: [
      ['DueDate', true],
      ['Id', true],
    ],
    top: pageSize,
  };
}

/**
 * One part of "Mine opgaver" for a person with more than 5,000 such tasks: the list walked in windows
 * of 5,000 ids (each request below the threshold) — open ones oldest first (the most overdue), closed
 * ones newest first. By id, not by due date: that order would mean reading all of them first.
 */
export function windowedAssigned(
  sp: SPFI,
  userId: number,
  part: AssignedPart,
  pageSize: number,
): Promise<IPage<IFollowUpTask>> {
  return windowedPage(sp, taskCodec, { filter: assignedFilter(userId, part), ascending: part === 'open' }, pageSize);
}

/** A part of "Mine opgaver" from its first answer: SharePoint's page, or the id windows if it refused. */
export async function assignedPart(
  sp: SPFI,
  userId: number,
  part: AssignedPart,
  pageSize: number,
  first: Settled<IRawPage>,
): Promise<IPage<IFollowUpTask>> {
  if (first.ok) return pageOf(sp, taskCodec, first.value);
  if (!isThresholdError(first.error)) throw toDataError(first.error);
  try {
    return await windowedAssigned(sp, userId, part, pageSize);
  } catch (error) {
    throw toDataError(error);
  }
}
