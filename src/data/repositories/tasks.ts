/** Follow-up tasks over "MPK Opgaver". */
import type { SPFI } from "@pnp/sp";
import type { IFollowUpTask, TaskStatus } from "../../domain/model";
import { validateFilterText, validateTask } from "../../domain/validation";
import { DataError, isThresholdError, toDataError } from "../errors";
import { fromRow } from "../mapping/codec";
import { taskCodec } from "../mapping/entities";
import { ListRepository } from "./listRepository";
import { fetchAll, followedBy, idFilters, MAX_PAGE, pageOf, quote, readPage, settle, windowedPage, type IQuerySpec, type IRawPage, type Settled } from "./query";
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

/** Which of a person's tasks a part of "Mine opgaver" reads. */
export type AssignedPart = "open" | "closed";

function assignedFilter(userId: number, part: AssignedPart): string {
  return `AssigneeId eq ${userId} and TaskStatus ${part === "open" ? "ne" : "eq"} 'closed'`;
}

/**
 * "Mine opgaver", one part: the person's open and in-progress tasks, or their closed ones, by due
 * date, one page (both columns indexed; paged by SharePoint's nextLink). SharePoint refuses it when
 * the part matches more than 5,000 tasks: see `windowedAssigned`.
 */
export function assignedSpec(userId: number, part: AssignedPart, pageSize: number): IQuerySpec {
  return { filter: assignedFilter(userId, part), orderBy: [["DueDate", true], ["Id", true]], top: pageSize };
}

/**
 * One part of "Mine opgaver" for a person with more than 5,000 such tasks: the list walked in windows
 * of 5,000 ids (each request below the threshold) — open ones oldest first (the most overdue), closed
 * ones newest first. By id, not by due date: that order would mean reading all of them first.
 */
export function windowedAssigned(sp: SPFI, userId: number, part: AssignedPart, pageSize: number): Promise<IPage<IFollowUpTask>> {
  return windowedPage(sp, taskCodec, { filter: assignedFilter(userId, part), ascending: part === "open" }, pageSize);
}

/** A part of "Mine opgaver" from its first answer: SharePoint's page, or the id windows if it refused. */
export async function assignedPart(sp: SPFI, userId: number, part: AssignedPart, pageSize: number, first: Settled<IRawPage>): Promise<IPage<IFollowUpTask>> {
  if (first.ok) return pageOf(sp, taskCodec, first.value);
  if (!isThresholdError(first.error)) throw toDataError(first.error);
  try {
    return await windowedAssigned(sp, userId, part, pageSize);
  } catch (error) {
    throw toDataError(error);
  }
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
    // A meeting longer than a single line of text matches nothing: say so instead of asking SharePoint.
    const tooLong = validateFilterText("meeting", filters.meeting);
    if (tooLong.length > 0) throw new DataError("invalid", { reason: "filterTooLong", validationErrors: tooLong });
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

  /**
   * A person's tasks, paged: open and in-progress ones by due date, then closed ones by due date
   * (read once the open ones are all out); threshold-safe for any number of them.
   */
  public async pageAssignedTo(userId: number, pageSize = 50): Promise<IPage<IFollowUpTask>> {
    const part = async (which: AssignedPart): Promise<IPage<IFollowUpTask>> =>
      assignedPart(this.sp, userId, which, pageSize, await settle(readPage(this.sp, taskCodec, assignedSpec(userId, which, pageSize))));
    return followedBy(await part("open"), () => part("closed"));
  }

  /** Whole tasks by id (40 ids a request: an `or` of the always-indexed Id), e.g. the view's overdue ones for the report. */
  public async getMany(ids: readonly number[]): Promise<IFollowUpTask[]> {
    const tasks: IFollowUpTask[] = [];
    try {
      for (const filter of idFilters("Id", ids)) {
        tasks.push(...(await fetchAll(this.sp, await readPage(this.sp, taskCodec, { filter, top: MAX_PAGE }))).map((row) => fromRow(taskCodec, row)));
      }
    } catch (error) {
      throw toDataError(error);
    }
    return tasks;
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
