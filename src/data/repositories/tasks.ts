/** Follow-up tasks over "MPK Opgaver". */
import type { SPFI } from "@pnp/sp";
import { compareIsoDates } from "../../domain/dates";
import type { IFollowUpTask, TaskStatus } from "../../domain/model";
import { validateTask } from "../../domain/validation";
import { isThresholdError, toDataError } from "../errors";
import { fromRow } from "../mapping/codec";
import { taskCodec } from "../mapping/entities";
import { ListRepository } from "./listRepository";
import { followedBy, localPage, MAX_PAGE, pageOf, quote, readPage, windowedPage, type IQuerySpec, type IRawPage } from "./query";
import type { IPage, ITaskFilters, ITaskRepository } from "./types";

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
  return parts.length > 0 ? parts.join(" and ") : undefined;
}

/** Open before closed, then by due date. */
export function taskOrder(a: IFollowUpTask, b: IFollowUpTask): number {
  const closedA = a.status === "closed" ? 1 : 0;
  const closedB = b.status === "closed" ? 1 : 0;
  return closedA - closedB || compareIsoDates(a.dueDate, b.dueDate) || (a.id || 0) - (b.id || 0);
}

/**
 * "Mine opgaver" on normal data: every task of the person in one request (sorted here, since open-first
 * is no column to sort by). SharePoint refuses it when the person has more than 5,000 tasks (the
 * threshold applies to an indexed filter's matches): see `windowedAssignedTo`.
 */
export function assignedToSpec(userId: number): IQuerySpec {
  return { filter: `AssigneeId eq ${userId}`, top: MAX_PAGE };
}

/** The tasks `assignedToSpec` read, open ones first by due date, handed out a page at a time. */
export function assignedPage(raw: IRawPage, pageSize: number): IPage<IFollowUpTask> {
  return localPage(raw.rows.map((row) => fromRow(taskCodec, row)).sort(taskOrder), pageSize);
}

/**
 * A person's tasks when they have more than 5,000: the list walked in windows of 5,000 ids (each
 * request below the threshold) — first the open and in-progress ones, oldest first (those are the most
 * overdue), then the closed ones, newest first. Within a status group the order is by id, not by
 * due date: sorting by due date would mean reading every one of the person's tasks first.
 */
export function windowedAssignedTo(sp: SPFI, userId: number, pageSize: number): Promise<IPage<IFollowUpTask>> {
  const mine = `AssigneeId eq ${userId}`;
  return windowedPage(sp, taskCodec, { filter: `${mine} and TaskStatus ne 'closed'`, ascending: true }, pageSize).then((open) =>
    followedBy(open, () => windowedPage(sp, taskCodec, { filter: `${mine} and TaskStatus eq 'closed'` }, pageSize)),
  );
}

export class TaskRepository extends ListRepository<IFollowUpTask> implements ITaskRepository {
  public constructor(sp: SPFI) {
    super(sp, taskCodec, { validate: (task, previous) => validateTask(task, { previousStatus: previous && previous.status }) });
  }

  /**
   * Tasks by due date (DueDate is indexed), paged by SharePoint's nextLink. When a filter matches more
   * than 5,000 tasks (one person's, one unit's) SharePoint refuses it: then the list is walked newest
   * first in windows of 5,000 ids instead (the due-date order is lost, nothing else).
   */
  public async query(filters: ITaskFilters, pageSize = 50): Promise<IPage<IFollowUpTask>> {
    try {
      const raw = await readPage(this.sp, taskCodec, { filter: taskFilter(filters), orderBy: [["DueDate", true], ["Id", true]], top: pageSize });
      return pageOf(this.sp, taskCodec, raw);
    } catch (error) {
      if (!isThresholdError(error)) throw toDataError(error);
    }
    try {
      return await windowedPage(this.sp, taskCodec, { filter: taskFilter(filters), expand: ["Assignee"] }, pageSize);
    } catch (error) {
      throw toDataError(error);
    }
  }

  /** A person's tasks, open ones first, paged; threshold-safe for any number of them. */
  public async pageAssignedTo(userId: number, pageSize = 50): Promise<IPage<IFollowUpTask>> {
    try {
      return assignedPage(await readPage(this.sp, taskCodec, assignedToSpec(userId)), pageSize);
    } catch (error) {
      if (!isThresholdError(error)) throw toDataError(error);
    }
    try {
      return await windowedAssignedTo(this.sp, userId, pageSize);
    } catch (error) {
      throw toDataError(error);
    }
  }

  /** All of a person's tasks, open ones first (every page of `pageAssignedTo`). */
  public async listAssignedTo(userId: number): Promise<IFollowUpTask[]> {
    let page = await this.pageAssignedTo(userId, MAX_PAGE);
    const all = page.items.slice();
    while (page.hasMore) {
      page = await page.nextPage();
      all.push(...page.items);
    }
    return all;
  }

  public setStatus(task: IFollowUpTask, status: TaskStatus): Promise<IFollowUpTask> {
    return this.update(task, { ...task, status });
  }
}
