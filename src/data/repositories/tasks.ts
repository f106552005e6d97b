/** Follow-up tasks over "MPK Opgaver". */
import type { SPFI } from '@pnp/sp';
import type { IFollowUpTask, TaskStatus } from '../../domain/model';
import { validateFilterText, validateTask } from '../../domain/validation';
import { DataError, isThresholdError, toDataError } from '../errors';
import { fromRow } from '../mapping/codec';
import { taskCodec } from '../mapping/entities';
import { ListRepository } from './listRepository';
import { fetchAll, followedBy, idFilters, MAX_PAGE, pageOf, readPage, settle, windowedPage } from './query';
import type { IPage, ITaskFilters, ITaskRepository } from './types';
import { assignedPart, assignedSpec, taskFilter, type AssignedPart } from './readHelpers';
import { refreshUnitsOf } from './unitSummaries';
import { afterEach } from './listRepository';
import type { Notifier } from '../notifications/events';

export { taskFilter, assignedSpec, windowedAssigned, assignedPart, type AssignedPart } from './readHelpers';

export class TaskRepository extends ListRepository<IFollowUpTask> implements ITaskRepository {
  public constructor(sp: SPFI, notifier?: Notifier) {
    super(sp, taskCodec, {
      validate: (task, previous) => validateTask(task, { previousStatus: previous && previous.status }),
      afterWrite: afterEach(refreshUnitsOf(sp), notifier && ((items) => notifier.taskWritten(items))),
    });
  }

  /**
   * Tasks by due date (DueDate is indexed), paged by SharePoint's nextLink. When a filter matches more
   * than 5,000 tasks (one person's, one unit's) SharePoint refuses it: then the list is walked newest
   * first in windows of 5,000 ids instead (the due-date order is lost, nothing else).
   */
  public async query(filters: ITaskFilters, pageSize = 50): Promise<IPage<IFollowUpTask>> {
    // A meeting longer than a single line of text matches nothing: say so instead of asking SharePoint.
    const tooLong = validateFilterText('meeting', filters.meeting);
    if (tooLong.length > 0) throw new DataError('invalid', { reason: 'filterTooLong', validationErrors: tooLong });
    try {
      const raw = await readPage(this.sp, taskCodec, {
        filter: taskFilter(filters),
        orderBy: [
          ['DueDate', true],
          ['Id', true],
        ],
        top: pageSize,
      });
      return pageOf(this.sp, taskCodec, raw);
    } catch (error) {
      if (!isThresholdError(error)) throw toDataError(error);
    }
    try {
      return await windowedPage(this.sp, taskCodec, { filter: taskFilter(filters), expand: ['Assignee'] }, pageSize);
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
      assignedPart(
        this.sp,
        userId,
        which,
        pageSize,
        await settle(readPage(this.sp, taskCodec, assignedSpec(userId, which, pageSize))),
      );
    return followedBy(await part('open'), () => part('closed'));
  }

  /** Whole tasks by id (40 ids a request: an `or` of the always-indexed Id), e.g. the view's overdue ones for the report. */
  public async getMany(ids: readonly number[]): Promise<IFollowUpTask[]> {
    const tasks: IFollowUpTask[] = [];
    try {
      for (const filter of idFilters('Id', ids)) {
        tasks.push(
          ...(await fetchAll(this.sp, await readPage(this.sp, taskCodec, { filter, top: MAX_PAGE }))).map((row) =>
            fromRow(taskCodec, row),
          ),
        );
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
