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
import { isThresholdError } from "../errors";
import { followedBy, inBatch, lastPage, pageOf } from "../repositories/query";
import { assignedPart, assignedSpec, taskFilter } from "../repositories/readHelpers";
import type { IFollowUpTask } from "../../domain/model";
import type { FollowUpViewPart, IFollowUpView, IFollowUpViewQuery, IPage, IPeople } from "../repositories/types";
import {
  Degraded,
  finishCommonReads,
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
import { dict } from "../../domain/dict";

const NEWEST: readonly [string, boolean][] = [["Id", false]];

/** The overview reads the newest rows of each list, as many as one threshold-safe page holds. */
const OVERVIEW_ROWS = 5000;

/**
 * What the overview reads of each list: the columns `buildOverview`, its counters and the lists under
 * it (stopped initiatives, overdue tasks) use — no descriptions, comments or client keys. At 5,000 rows
 * a list that is most of the view's bytes (issue #7: 14 MB at municipal scale). These items are never
 * written back, so they are also read without per-row metadata (`noMetadata`: no ETags); the board's
 * and "Mine opgaver"'s tasks, which are edited, are read whole, with their ETags.
 */
export const OVERVIEW_PROPS = {
  plans: ["unitId", "period", "status"],
  focuses: ["planId", "ambitionKey", "relevance"],
  initiatives: ["title", "planId", "unitId", "ambitionKey", "status", "stopReason"],
  checkIns: ["initiativeId", "health", "date"],
  tasks: ["title", "unitId", "initiativeId", "ambitionKey", "assigneeId", "dueDate", "status", "meeting"],
} as const;

/**
 * "Mine opgaver" from the batch: the first page of the open tasks, followed by the first page of the
 * closed ones (both read in the batch). A part SharePoint refused (more than 5,000 such tasks) is
 * walked in id windows instead, in extra requests; a missing list gives nothing.
 */
async function finishMyTasks(sp: SPFI, reads: { open: IPendingRead; closed: IPendingRead }, userId: number, pageSize: number): Promise<ViewRead<IPage<IFollowUpTask>>> {
  const open = await recoverRead(sp, reads.open);
  const closed = await recoverRead(sp, reads.closed);
  // A missing list means "not provisioned"; any failure but the threshold is thrown (by `viewValue`).
  if ([open, closed].some((settled) => !settled.ok && !isThresholdError(settled.error) && viewValue(settled).missing)) return { missing: true };
  const openPage = await assignedPart(sp, userId, "open", pageSize, open);
  const closedPage = await assignedPart(sp, userId, "closed", pageSize, closed);
  return { missing: false, value: await followedBy(openPage, () => Promise.resolve(closedPage)) };
}

/** Loads the follow-up view. */
export async function loadFollowUpView(sp: SPFI, query: IFollowUpViewQuery & { userId: number }): Promise<IFollowUpView> {
  const now = query.now || new Date();
  const pageSize = query.pageSize || 50;
  const boardFilters = { ...(query.filters || {}), ...(query.meeting ? { meeting: query.meeting } : {}) };
  const reads = await inBatch(sp, (b) => ({
    common: startCommonReads(b, { leaderNames: true }),
    plans: startRead(b, planCodec, { props: OVERVIEW_PROPS.plans, orderBy: NEWEST, top: OVERVIEW_ROWS, noMetadata: true }),
    focuses: startRead(b, planFocusCodec, { props: OVERVIEW_PROPS.focuses, orderBy: NEWEST, top: OVERVIEW_ROWS, noMetadata: true }),
    initiatives: startRead(b, initiativeCodec, { props: OVERVIEW_PROPS.initiatives, orderBy: NEWEST, top: OVERVIEW_ROWS, noMetadata: true }),
    checkIns: startRead(b, checkInCodec, { props: OVERVIEW_PROPS.checkIns, orderBy: NEWEST, top: OVERVIEW_ROWS, noMetadata: true }),
    // Tasks read their assignee's name: `Assignee` is each task query's one lookup column.
    tasks: startRead(b, taskCodec, { props: OVERVIEW_PROPS.tasks, orderBy: NEWEST, top: OVERVIEW_ROWS, expand: ["Assignee"], noMetadata: true }),
    board: startRead(b, taskCodec, { filter: taskFilter(boardFilters), orderBy: [["DueDate", true], ["Id", true]], top: pageSize, expand: ["Assignee"] }),
    // "Mine opgaver": a page of open tasks and one of closed ones (edited: whole tasks).
    mine: {
      open: startRead(b, taskCodec, assignedSpec(query.userId, "open", pageSize)),
      closed: startRead(b, taskCodec, assignedSpec(query.userId, "closed", pageSize)),
    },
    stories: startRead(b, storyCodec, { select: ["Id", "AmbitionKey", "OData__ModerationStatus"], orderBy: NEWEST, top: OVERVIEW_ROWS, noMetadata: true }),
    taskPermissions: listPermissions(b, "tasks"),
    myGroups: startMyGroups(b),
  }));
  const degraded = new Degraded<FollowUpViewPart>();
  const plans = await degraded.finish(sp, "overview", reads.plans);
  const focuses = await degraded.finish(sp, "overview", reads.focuses);
  const initiatives = await degraded.finish(sp, "overview", reads.initiatives);
  const checkIns = await degraded.finish(sp, "overview", reads.checkIns);
  const tasks = await degraded.finish(sp, "overview", reads.tasks);
  const board = await degraded.finish(sp, "board", reads.board);
  const noTasks: ViewRead<IPage<IFollowUpTask>> = { missing: false, value: lastPage() };
  const mine = await degraded.step("myTasks", () => finishMyTasks(sp, reads.mine, query.userId, pageSize), noTasks);
  const stories = await degraded.finish(sp, "overview", reads.stories);
  const taskPermissions = viewValue(await reads.taskPermissions);
  const all: ViewRead<unknown>[] = [plans, focuses, initiatives, checkIns, tasks, board, mine, stories];
  const common = await finishCommonReads(sp, reads.common, all.some((r) => r.missing));
  const myGroups = await reads.myGroups;
  const people = dict() as IPeople;
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
    complete: degraded.parts.indexOf("overview") < 0 && [plans, focuses, initiatives, checkIns, tasks, stories].every((r) => r.missing || (r.value.nextLink === undefined && r.value.rows.length < OVERVIEW_ROWS)),
    // Leaders (site members) may write tasks in SharePoint so they can move their own; managing the
    // board is the Chefgruppe's and the site owners'.
    canManageTasks: (common.isSiteOwner || inChefgruppe(myGroups)) && !taskPermissions.missing && hasPermission(taskPermissions.value, PERMISSION.AddListItems),
    isSiteOwner: common.isSiteOwner,
    people,
    unavailable: degraded.list(),
  };
}
