/**
 * The first view of "Opfølgning" in one `$batch`: the matrix of every unit × ambition (built by the
 * domain's `buildOverview`), counters, the first page of the task board and "Mine opgaver".
 * The whole-municipality reads take the newest 5,000 rows of each list (threshold-safe: no filter,
 * Id order); `complete` says whether any list was larger.
 */
import type { SPFI } from "@pnp/sp";
import { buildOverview } from "../../domain/overview";
import { collectPeople, fromRow } from "../mapping/codec";
import { checkInCodec, initiativeCodec, planCodec, planFocusCodec, storyCodec, taskCodec } from "../mapping/entities";
import { isThresholdError, toDataError } from "../errors";
import { inBatch, lastPage, pageOf } from "../repositories/query";
import { assignedPage, assignedToSpec, taskFilter, windowedAssignedTo } from "../repositories/tasks";
import type { IFollowUpTask } from "../../domain/model";
import type { IFollowUpView, IFollowUpViewQuery, IPage, IPeople } from "../repositories/types";
import {
  finishCommonReads,
  finishRead,
  hasPermission,
  inChefgruppe,
  listPermissions,
  PERMISSION,
  recoverRead,
  rowsOf,
  startCommonReads,
  startMyGroups,
  startRead,
  viewValue,
  type IPendingRead,
  type ViewRead,
} from "./common";

const NEWEST: readonly [string, boolean][] = [["Id", false]];

/**
 * "Mine opgaver" from the batch: a page of what it read; for a person with more than 5,000 tasks
 * (SharePoint refused the filter) the first page of the id-window walk, in extra requests.
 */
async function finishMyTasks(sp: SPFI, read: IPendingRead, userId: number, pageSize: number): Promise<ViewRead<IPage<IFollowUpTask>>> {
  const settled = await recoverRead(sp, read);
  if (!settled.ok && isThresholdError(settled.error)) {
    const windowed = await windowedAssignedTo(sp, userId, pageSize).catch((error: unknown) => {
      throw toDataError(error);
    });
    return { missing: false, value: windowed };
  }
  const value = viewValue(settled);
  return value.missing ? value : { missing: false, value: assignedPage(value.value, pageSize) };
}

/** Loads the follow-up view. */
export async function loadFollowUpView(sp: SPFI, query: IFollowUpViewQuery & { userId: number }): Promise<IFollowUpView> {
  const now = query.now || new Date();
  const boardFilters = { ...(query.filters || {}), ...(query.meeting ? { meeting: query.meeting } : {}) };
  const reads = await inBatch(sp, (b) => ({
    common: startCommonReads(b, { leaderNames: true }),
    plans: startRead(b, planCodec, { orderBy: NEWEST, top: 5000 }),
    focuses: startRead(b, planFocusCodec, { orderBy: NEWEST, top: 5000 }),
    initiatives: startRead(b, initiativeCodec, { orderBy: NEWEST, top: 5000 }),
    checkIns: startRead(b, checkInCodec, { orderBy: NEWEST, top: 5000 }),
    // Tasks read their assignee's name: `Assignee` is each task query's one lookup column.
    tasks: startRead(b, taskCodec, { orderBy: NEWEST, top: 5000, expand: ["Assignee"] }),
    board: startRead(b, taskCodec, { filter: taskFilter(boardFilters), orderBy: [["DueDate", true], ["Id", true]], top: query.pageSize || 50, expand: ["Assignee"] }),
    mine: startRead(b, taskCodec, assignedToSpec(query.userId)),
    stories: startRead(b, storyCodec, { select: ["Id", "AmbitionKey", "OData__ModerationStatus"], orderBy: NEWEST, top: 5000 }),
    taskPermissions: listPermissions(b, "tasks"),
    myGroups: startMyGroups(b),
  }));
  const plans = await finishRead(sp, reads.plans);
  const focuses = await finishRead(sp, reads.focuses);
  const initiatives = await finishRead(sp, reads.initiatives);
  const checkIns = await finishRead(sp, reads.checkIns);
  const tasks = await finishRead(sp, reads.tasks);
  const board = await finishRead(sp, reads.board);
  const mine = await finishMyTasks(sp, reads.mine, query.userId, query.pageSize || 50);
  const stories = await finishRead(sp, reads.stories);
  const taskPermissions = viewValue(await reads.taskPermissions);
  const all: ViewRead<unknown>[] = [plans, focuses, initiatives, checkIns, tasks, board, mine, stories];
  const common = await finishCommonReads(sp, reads.common, all.some((r) => r.missing));
  const myGroups = await reads.myGroups;
  const people: IPeople = {};
  collectPeople(people, common.unitRows, ["Leaders"]);
  collectPeople(people, [...rowsOf(tasks), ...rowsOf(board)], ["Assignee"]);

  const overview = buildOverview(
    {
      units: common.units,
      plans: rowsOf(plans).map((row) => fromRow(planCodec, row)),
      focuses: rowsOf(focuses).map((row) => fromRow(planFocusCodec, row)),
      initiatives: rowsOf(initiatives).map((row) => fromRow(initiativeCodec, row)),
      checkIns: rowsOf(checkIns).map((row) => fromRow(checkInCodec, row)),
      tasks: rowsOf(tasks).map((row) => fromRow(taskCodec, row)),
      stories: rowsOf(stories).map((row) => fromRow(storyCodec, row)),
    },
    { now, since: query.since },
  );
  return {
    schema: common.schema,
    ambitions: common.ambitions,
    units: common.units,
    overview,
    tasks: pageOf(sp, taskCodec, board.missing ? { rows: [] } : board.value),
    myTasks: mine.missing ? lastPage() : mine.value,
    complete: [plans, focuses, initiatives, checkIns, tasks, stories].every((r) => r.missing || r.value.nextLink === undefined),
    // Leaders (site members) may write tasks in SharePoint so they can move their own; managing the
    // board is the Chefgruppe's and the site owners'.
    canManageTasks: (common.isSiteOwner || inChefgruppe(myGroups)) && !taskPermissions.missing && hasPermission(taskPermissions.value, PERMISSION.AddListItems),
    isSiteOwner: common.isSiteOwner,
    people,
  };
}
