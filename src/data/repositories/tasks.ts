/** Follow-up tasks over "MPK Opgaver". */
import type { SPFI } from "@pnp/sp";
import { compareIsoDates } from "../../domain/dates";
import type { IFollowUpTask, TaskStatus } from "../../domain/model";
import { validateTask } from "../../domain/validation";
import { toDataError } from "../errors";
import { taskCodec } from "../mapping/entities";
import { ListRepository } from "./listRepository";
import { pageOf, quote, readPage } from "./query";
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

export class TaskRepository extends ListRepository<IFollowUpTask> implements ITaskRepository {
  public constructor(sp: SPFI) {
    super(sp, taskCodec, { validate: (task, previous) => validateTask(task, { previousStatus: previous && previous.status }) });
  }

  /** Tasks by due date (DueDate is indexed), paged by SharePoint's nextLink. */
  public async query(filters: ITaskFilters, pageSize = 50): Promise<IPage<IFollowUpTask>> {
    try {
      const raw = await readPage(this.sp, taskCodec, { filter: taskFilter(filters), orderBy: [["DueDate", true], ["Id", true]], top: pageSize });
      return pageOf(this.sp, taskCodec, raw);
    } catch (error) {
      throw toDataError(error);
    }
  }

  public async listAssignedTo(userId: number): Promise<IFollowUpTask[]> {
    return (await this.queryAll(`AssigneeId eq ${userId}`)).sort(taskOrder);
  }

  public setStatus(task: IFollowUpTask, status: TaskStatus): Promise<IFollowUpTask> {
    return this.update(task, { ...task, status });
  }
}
