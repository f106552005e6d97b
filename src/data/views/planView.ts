/**
 * The first view of "Ambitionsplan" for one unit in one `$batch`. Every query filters on the
 * denormalised, indexed `UnitId`, so it does not matter which plan is current or how large the
 * lists are: one unit's rows stay far below the 5,000-item threshold.
 *
 * A Teams channel tab knows its channel, and its configuration (the web part's property pane, which
 * SPFx keeps per tab) names its unit: the tab passes that unit, so the batch reads the unit's rows
 * at once — one `$batch` in any browser, with or without local storage. A tab configured without a
 * unit (its unit was picked later in the tab itself) passes the channel id and the unit this browser
 * remembered for it; the Units list is in the batch anyway (units are few), and the view checks the
 * one against the other, the Units list winning. Only such a tab on a first visit without memory
 * (or after the channel was mapped to another unit) costs a second `$batch`, with just the unit's
 * rows: a `$batch` is built before any answer arrives.
 * Rejected: filtering the rows by the channel through a lookup (`Unit/TeamsChannelId eq '…'`) —
 * references between our lists are indexed numbers, and a filter on a lookup's projected column is
 * a join that is not safe past the 5,000-item threshold; and storing the channel id on every row —
 * remapping a channel would mean rewriting a unit's whole history, and a half-finished rewrite would
 * hide rows.
 */
import type { SPFI } from '@pnp/sp';
import { inboxSummaryOf, startInboxReads } from '../notifications/inbox';
import type { ICheckIn } from '../../domain/model';
import { pickCurrentPlan, pickPlanToShow } from '../../domain/overview';
import { resolvePlanUnit } from '../../domain/planUnits';
import { collectPeople, fromRow } from '../mapping/codec';
import {
  checkInCodec,
  commentCodec,
  initiativeCodec,
  planCodec,
  planFocusCodec,
  politicalPriorityCodec,
} from '../mapping/entities';
import { isThresholdError } from '../errors';
import { inBatch, windowedRows, type IRawPage } from '../repositories/query';
import { newestCheckInFirst } from '../repositories/readHelpers';
import type { IPeople, IPlanView, IPlanViewQuery, PlanViewPart } from '../repositories/types';
import {
  Degraded,
  finishCommonReads,
  recoverRead,
  hasPermission,
  inChefgruppe,
  leadsUnitOrAbove,
  listPermissions,
  PERMISSION,
  rowsOf,
  startCommonReads,
  startMyGroups,
  startRead,
  viewValue,
  type IPendingRead,
  type ViewRead,
} from './common';
import { dict } from '../../domain/dict';

/** The reads of one unit's rows (5 of a batch's at most 20 requests). */
interface IUnitReads {
  plans: IPendingRead;
  focuses: IPendingRead;
  initiatives: IPendingRead;
  checkIns: IPendingRead;
  comments: IPendingRead;
}

/** The unit's rows once read. */
interface IUnitRows {
  plans: ViewRead<IRawPage>;
  focuses: ViewRead<IRawPage>;
  initiatives: ViewRead<IRawPage>;
  checkIns: ViewRead<IRawPage>;
  comments: ViewRead<IRawPage>;
}

/**
 * Starts the reads of one unit's rows. Lookup columns per query: plans and initiatives 1 (`Owner`,
 * with the owner's name), comments 1 (`Author`), focuses and check-ins none.
 */
function startUnitReads(b: SPFI, unitId: number): IUnitReads {
  const unit = `UnitId eq ${unitId}`;
  return {
    plans: startRead(b, planCodec, { filter: unit, top: 5000, expand: ['Owner'] }),
    focuses: startRead(b, planFocusCodec, { filter: unit, top: 5000 }),
    initiatives: startRead(b, initiativeCodec, { filter: unit, top: 5000, expand: ['Owner'] }),
    checkIns: startRead(b, checkInCodec, { filter: unit, orderBy: [['Id', false]], top: 5000 }),
    comments: startRead(b, commentCodec, { select: COMMENT_COUNT_SELECT, filter: unit, top: 5000, expand: ['Author'] }),
  };
}

const COMMENT_COUNT_SELECT = ['Id', 'InitiativeId', 'PlanId', 'AuthorId'];

async function finishUnitReads(
  sp: SPFI,
  reads: IUnitReads,
  unitId: number,
  degraded: Degraded<PlanViewPart>,
): Promise<IUnitRows> {
  const rows: IUnitRows = {
    plans: await degraded.finish(sp, 'plans', reads.plans),
    focuses: await degraded.finish(sp, 'focuses', reads.focuses),
    initiatives: await degraded.finish(sp, 'initiatives', reads.initiatives),
    checkIns: await degraded.finish(sp, 'checkIns', reads.checkIns),
    comments: NO_ROWS,
  };
  const comments = await recoverRead(sp, reads.comments);
  if (!comments.ok && isThresholdError(comments.error)) {
    // More than 5,000 comments on the unit (anyone may comment): counted through id windows.
    const all = await degraded.step(
      'comments',
      () =>
        windowedRows(sp, commentCodec, {
          filter: `UnitId eq ${unitId}`,
          select: COMMENT_COUNT_SELECT,
          expand: ['Author'],
        }),
      [],
    );
    rows.comments = { missing: false, value: { rows: all } };
  } else rows.comments = degraded.read('comments', comments);
  return rows;
}

const NO_ROWS: ViewRead<IRawPage> = { missing: false, value: { rows: [] } };
const NO_UNIT_ROWS: IUnitRows = {
  plans: NO_ROWS,
  focuses: NO_ROWS,
  initiatives: NO_ROWS,
  checkIns: NO_ROWS,
  comments: NO_ROWS,
};

/** A unit id the caller really gave (the UI passes 0 before a unit is chosen). */
function givenUnitId(unitId: number | undefined): number | undefined {
  return unitId !== undefined && Number.isInteger(unitId) && unitId > 0 ? unitId : undefined;
}

/** Loads the plan view of a unit (or of the unit a Teams channel is mapped to). */
export async function loadPlanView(sp: SPFI, query: IPlanViewQuery & { userId: number }): Promise<IPlanView> {
  const hinted = givenUnitId(query.unitId);
  const reads = await inBatch(sp, (b) => ({
    common: startCommonReads(b, { leaderNames: true }),
    inbox: startInboxReads(b, query.userId, query.now || new Date()),
    unit: hinted !== undefined ? startUnitReads(b, hinted) : undefined,
    priorities: startRead(b, politicalPriorityCodec, { top: 500 }),
    myGroups: startMyGroups(b),
    planPermissions: listPermissions(b, 'plans'),
    initiativePermissions: listPermissions(b, 'initiatives'),
    checkInPermissions: listPermissions(b, 'checkIns'),
    commentPermissions: listPermissions(b, 'comments'),
  }));
  let degraded = new Degraded<PlanViewPart>();
  let rows =
    reads.unit && hinted !== undefined ? await finishUnitReads(sp, reads.unit, hinted, degraded) : NO_UNIT_ROWS;
  const priorities = await degraded.finish(sp, 'priorities', reads.priorities);
  const planPermissions = viewValue(await reads.planPermissions);
  const initiativePermissions = viewValue(await reads.initiativePermissions);
  const checkInPermissions = viewValue(await reads.checkInPermissions);
  const commentPermissions = viewValue(await reads.commentPermissions);
  const myGroups = await reads.myGroups;
  const unitMissing = [rows.plans, rows.focuses, rows.initiatives, rows.checkIns, rows.comments].some((r) => r.missing);
  const common = await finishCommonReads(sp, reads.common, unitMissing || priorities.missing);

  const unitId = resolvePlanUnit(common.units, query.channelId, hinted);
  if (unitId !== undefined && unitId !== hinted) {
    // The channel's unit was not the one remembered (or none was): its rows, in a second batch.
    const second = await inBatch(sp, (b) => startUnitReads(b, unitId));
    // The first batch's unit rows are not shown: only the priorities' outcome is kept.
    const kept = degraded.parts.filter((part) => part === 'priorities');
    degraded = new Degraded<PlanViewPart>();
    for (const part of kept) degraded.mark(part, undefined);
    rows = await finishUnitReads(sp, second, unitId, degraded);
  }

  const allPlans = rowsOf(rows.plans).map((row) => fromRow(planCodec, row));
  const allInitiatives = rowsOf(rows.initiatives).map((row) => fromRow(initiativeCodec, row));
  // Every plan's rows of the unit are in the batch: an earlier period costs no extra read.
  const now = query.now || new Date();
  const linked = query.initiativeId !== undefined ? allInitiatives.find((i) => i.id === query.initiativeId) : undefined;
  const plan = pickPlanToShow(allPlans, now, [query.planId, linked?.planId]);
  const current = pickCurrentPlan(allPlans, now);
  const planId = plan ? plan.id : undefined;
  const planInitiatives = allInitiatives.filter((i) => i.planId === planId);
  const initiativeIds = new Set(planInitiatives.map((i) => i.id as number));
  const planCheckIns = rowsOf(rows.checkIns)
    .map((row) => fromRow(checkInCodec, row))
    .filter((c) => initiativeIds.has(c.initiativeId))
    .sort(newestCheckInFirst);
  const latestCheckIns = dict<ICheckIn>() as Record<number, ICheckIn>;
  for (const checkIn of planCheckIns)
    if (!latestCheckIns[checkIn.initiativeId]) latestCheckIns[checkIn.initiativeId] = checkIn;
  const commentCounts = dict<number>() as Record<number, number>;
  for (const row of rowsOf(rows.comments)) {
    const initiativeId = typeof row.InitiativeId === 'number' ? row.InitiativeId : undefined;
    const key =
      initiativeId !== undefined && initiativeIds.has(initiativeId)
        ? initiativeId
        : row.PlanId === planId && planId !== undefined
          ? 0
          : undefined;
    if (key !== undefined) commentCounts[key] = (commentCounts[key] || 0) + 1;
  }

  const people = dict() as IPeople;
  collectPeople(people, common.unitRows, ['Leaders']);
  collectPeople(people, rowsOf(rows.plans), ['Owner']);
  collectPeople(people, rowsOf(rows.initiatives), ['Owner']);
  collectPeople(people, rowsOf(rows.comments), ['Author']);

  // Writing a plan is for the unit's leaders (or those of a unit above it), the Chefgruppe and site
  // owners; SharePoint lets every site member write the lists, so the view narrows it per unit.
  const actor = { userId: query.userId, isSiteOwner: common.isSiteOwner, inChefgruppe: inChefgruppe(myGroups) };
  const entitled = actor.isSiteOwner || actor.inChefgruppe || leadsUnitOrAbove(query.userId, unitId, common.units);
  const can = (read: typeof planPermissions, kind: number): boolean => !read.missing && hasPermission(read.value, kind);

  return {
    schema: common.schema,
    inbox: await inboxSummaryOf(reads.inbox),
    unit: unitId !== undefined ? common.units.find((u) => u.id === unitId) : undefined,
    units: common.units,
    plans: allPlans,
    plan,
    currentPlanId: current ? current.id : undefined,
    focuses: rowsOf(rows.focuses)
      .map((row) => fromRow(planFocusCodec, row))
      .filter((f) => f.planId === planId),
    initiatives: planInitiatives,
    latestCheckIns,
    checkIns: planCheckIns,
    commentCounts,
    ambitions: common.ambitions,
    politicalPriorities: rowsOf(priorities)
      .map((row) => fromRow(politicalPriorityCodec, row))
      .sort((a, b) => a.order - b.order),
    permissions: {
      canEditPlan: entitled && can(planPermissions, PERMISSION.EditListItems),
      canEditInitiatives: entitled && can(initiativePermissions, PERMISSION.EditListItems),
      canCheckIn: entitled && can(checkInPermissions, PERMISSION.AddListItems),
      canComment: can(commentPermissions, PERMISSION.AddListItems),
      isSiteOwner: common.isSiteOwner,
    },
    actor,
    people,
    unavailable: degraded.list(),
  };
}
