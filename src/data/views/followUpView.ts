/**
 * The first view of "Opfølgning" in one `$batch`: the matrix of every unit × ambition and the counters
 * from the rows of "MPK Overblik" (one per unit, kept current by the writes: `overviewFromSummaries`),
 * the first page of the task board and "Mine opgaver". The overview's lists (overdue tasks, stopped
 * initiatives) are counted here and read when someone opens them.
 */
import type { SPFI } from '@pnp/sp';
import { inboxSummaryOf, startInboxReads } from '../notifications/inbox';
import { overviewFromSummaries, parseUnitSummary, type IUnitSummary } from '../../domain/unitSummary';
import { sumStoryWindows } from '../../domain/storyCounts';
import { collectPeople, type Row } from '../mapping/codec';
import { summaryCodec, taskCodec } from '../mapping/entities';
import { isThresholdError } from '../errors';
import { followedBy, inBatch, lastPage, pageOf } from '../repositories/query';
import { assignedPart, assignedSpec, taskFilter } from '../repositories/readHelpers';
import { STORIES_SUMMARY_KEY, summaryReadSpec, unitSummaryKey } from '../repositories/summaryKeys';
import type { IFollowUpTask } from '../../domain/model';
import type { FollowUpViewPart, IFollowUpView, IFollowUpViewQuery, IPage, IPeople } from '../repositories/types';
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
} from './common';
import { dict } from '../../domain/dict';

/**
 * The units' summaries and the story counts from the rows of "MPK Overblik". A row counts only under
 * its own key (`unit-<UnitId>`), and a row that is not a summary of this version counts as missing
 * (anyone who may write the list could store anything there).
 */
export function summariesOf(rows: readonly Row[]): {
  units: Map<number, IUnitSummary>;
  stories: Record<string, number> | undefined;
} {
  const units = new Map<number, IUnitSummary>();
  let stories: Record<string, number> | undefined;
  for (const row of rows) {
    const key = row.ClientKey;
    if (key === STORIES_SUMMARY_KEY && stories === undefined) {
      stories = sumStoryWindows(typeof row.Summary === 'string' ? row.Summary : undefined);
      continue;
    }
    const unitId = row.UnitId;
    if (typeof unitId !== 'number' || key !== unitSummaryKey(unitId) || units.has(unitId)) continue;
    const summary = parseUnitSummary(row.Summary, unitId);
    if (summary) units.set(unitId, summary);
  }
  return { units, stories };
}

/**
 * "Mine opgaver" from the batch: the first page of the open tasks, followed by the first page of the
 * closed ones (both read in the batch). A part SharePoint refused (more than 5,000 such tasks) is
 * walked in id windows instead, in extra requests; a missing list gives nothing.
 */
async function finishMyTasks(
  sp: SPFI,
  reads: { open: IPendingRead; closed: IPendingRead },
  userId: number,
  pageSize: number,
): Promise<ViewRead<IPage<IFollowUpTask>>> {
  const open = await recoverRead(sp, reads.open);
  const closed = await recoverRead(sp, reads.closed);
  // A missing list means "not provisioned"; any failure but the threshold is thrown (by `viewValue`).
  if ([open, closed].some((settled) => !settled.ok && !isThresholdError(settled.error) && viewValue(settled).missing))
    return { missing: true };
  const openPage = await assignedPart(sp, userId, 'open', pageSize, open);
  const closedPage = await assignedPart(sp, userId, 'closed', pageSize, closed);
  return { missing: false, value: await followedBy(openPage, () => Promise.resolve(closedPage)) };
}

/** Loads the follow-up view. */
export async function loadFollowUpView(
  sp: SPFI,
  query: IFollowUpViewQuery & { userId: number },
): Promise<IFollowUpView> {
  const now = query.now || new Date();
  const pageSize = query.pageSize || 50;
  const boardFilters = { ...(query.filters || {}), ...(query.meeting ? { meeting: query.meeting } : {}) };
  const reads = await inBatch(sp, (b) => ({
    common: startCommonReads(b, { leaderNames: true }),
    inbox: startInboxReads(b, query.userId, now),
    summaries: startRead(b, summaryCodec, summaryReadSpec()),
    board: startRead(b, taskCodec, {
      filter: taskFilter(boardFilters),
      orderBy: [
        ['DueDate', true],
        ['Id', true],
      ],
      top: pageSize,
      expand: ['Assignee'],
    }),
    // "Mine opgaver": a page of open tasks and one of closed ones (edited: whole tasks).
    mine: {
      open: startRead(b, taskCodec, assignedSpec(query.userId, 'open', pageSize)),
      closed: startRead(b, taskCodec, assignedSpec(query.userId, 'closed', pageSize)),
    },
    taskPermissions: listPermissions(b, 'tasks'),
    myGroups: startMyGroups(b),
  }));
  const degraded = new Degraded<FollowUpViewPart>();
  const summaryRows = await degraded.finish(sp, 'overview', reads.summaries);
  const board = await degraded.finish(sp, 'board', reads.board);
  const noTasks: ViewRead<IPage<IFollowUpTask>> = { missing: false, value: lastPage() };
  const mine = await degraded.step('myTasks', () => finishMyTasks(sp, reads.mine, query.userId, pageSize), noTasks);
  const taskPermissions = viewValue(await reads.taskPermissions);
  // A site before schema v6 has no "MPK Overblik": every unit is then missing from the overview
  // (`complete` false, and "Klargør site" offered to its owners); the view itself is not missing.
  const all: ViewRead<unknown>[] = [board, mine];
  const common = await finishCommonReads(
    sp,
    reads.common,
    all.some((r) => r.missing),
  );
  const myGroups = await reads.myGroups;
  const people = dict() as IPeople;
  collectPeople(people, common.unitRows, ['Leaders']);
  collectPeople(people, rowsOf(board), ['Assignee']);

  const summaries = summariesOf(rowsOf(summaryRows));
  const overview = overviewFromSummaries(common.units, summaries.units, summaries.stories || {}, {
    now,
    since: query.since,
  });
  return {
    schema: common.schema,
    inbox: await inboxSummaryOf(reads.inbox),
    ambitions: common.ambitions,
    units: common.units,
    overview,
    tasks: pageOf(sp, taskCodec, board.missing ? { rows: [] } : board.value),
    myTasks: mine.missing ? lastPage() : mine.value,
    complete:
      degraded.parts.indexOf('overview') < 0 && overview.missingUnits.length === 0 && summaries.stories !== undefined,
    // Leaders (site members) may write tasks in SharePoint so they can move their own; managing the
    // board is the Chefgruppe's and the site owners'.
    canManageTasks:
      (common.isSiteOwner || inChefgruppe(myGroups)) &&
      !taskPermissions.missing &&
      hasPermission(taskPermissions.value, PERMISSION.AddListItems),
    isSiteOwner: common.isSiteOwner,
    people,
    unavailable: degraded.list(),
  };
}
