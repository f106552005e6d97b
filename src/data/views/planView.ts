/**
 * The first view of "Ambitionsplan" for one unit in one `$batch`. Every query filters on the
 * denormalised, indexed `UnitId`, so it does not matter which plan is current or how large the
 * lists are: one unit's rows stay far below the 5,000-item threshold.
 */
import type { SPFI } from "@pnp/sp";
import type { ICheckIn } from "../../domain/model";
import { pickCurrentPlan } from "../../domain/overview";
import { fromRow } from "../mapping/codec";
import { checkInCodec, commentCodec, initiativeCodec, planCodec, planFocusCodec, politicalPriorityCodec } from "../mapping/entities";
import { inBatch } from "../repositories/query";
import { newestCheckInFirst } from "../repositories/plans";
import type { IPlanView, IPlanViewQuery } from "../repositories/types";
import { finishCommonReads, finishRead, startRead, hasPermission, listPermissions, PERMISSION, rowsOf, startCommonReads, viewValue } from "./common";

/** Loads the plan view of a unit. */
export async function loadPlanView(sp: SPFI, query: IPlanViewQuery): Promise<IPlanView> {
  const unit = `UnitId eq ${query.unitId}`;
  const reads = await inBatch(sp, (b) => ({
    common: startCommonReads(b),
    plans: startRead(b, planCodec, { filter: unit, top: 5000 }),
    focuses: startRead(b, planFocusCodec, { filter: unit, top: 5000 }),
    initiatives: startRead(b, initiativeCodec, { filter: unit, top: 5000 }),
    checkIns: startRead(b, checkInCodec, { filter: unit, orderBy: [["Id", false]], top: 5000 }),
    comments: startRead(b, commentCodec, { select: ["Id", "InitiativeId", "PlanId"], filter: unit, top: 5000 }),
    priorities: startRead(b, politicalPriorityCodec, { top: 500 }),
    planPermissions: listPermissions(b, "plans"),
    initiativePermissions: listPermissions(b, "initiatives"),
    checkInPermissions: listPermissions(b, "checkIns"),
    commentPermissions: listPermissions(b, "comments"),
  }));
  const plans = await finishRead(sp, reads.plans);
  const focuses = await finishRead(sp, reads.focuses);
  const initiatives = await finishRead(sp, reads.initiatives);
  const checkIns = await finishRead(sp, reads.checkIns);
  const comments = await finishRead(sp, reads.comments);
  const priorities = await finishRead(sp, reads.priorities);
  const planPermissions = viewValue(await reads.planPermissions);
  const initiativePermissions = viewValue(await reads.initiativePermissions);
  const checkInPermissions = viewValue(await reads.checkInPermissions);
  const commentPermissions = viewValue(await reads.commentPermissions);
  const anyMissing = [plans, focuses, initiatives, checkIns, comments, priorities].some((r) => r.missing);
  const common = await finishCommonReads(sp, reads.common, anyMissing);

  const allPlans = rowsOf(plans).map((row) => fromRow(planCodec, row));
  const plan = pickCurrentPlan(allPlans, query.now || new Date());
  const planId = plan ? plan.id : undefined;
  const planInitiatives = rowsOf(initiatives)
    .map((row) => fromRow(initiativeCodec, row))
    .filter((i) => i.planId === planId);
  const initiativeIds = new Set(planInitiatives.map((i) => i.id as number));
  const planCheckIns = rowsOf(checkIns)
    .map((row) => fromRow(checkInCodec, row))
    .filter((c) => initiativeIds.has(c.initiativeId))
    .sort(newestCheckInFirst);
  const latestCheckIns: Record<number, ICheckIn> = {};
  for (const checkIn of planCheckIns) if (!latestCheckIns[checkIn.initiativeId]) latestCheckIns[checkIn.initiativeId] = checkIn;
  const commentCounts: Record<number, number> = {};
  for (const row of rowsOf(comments)) {
    const initiativeId = typeof row.InitiativeId === "number" ? row.InitiativeId : undefined;
    const key = initiativeId !== undefined && initiativeIds.has(initiativeId) ? initiativeId : row.PlanId === planId && planId !== undefined ? 0 : undefined;
    if (key !== undefined) commentCounts[key] = (commentCounts[key] || 0) + 1;
  }
  const can = (read: typeof planPermissions, kind: number): boolean => !read.missing && hasPermission(read.value, kind);

  return {
    schema: common.schema,
    unit: common.units.find((u) => u.id === query.unitId),
    units: common.units,
    plans: allPlans,
    plan,
    focuses: rowsOf(focuses)
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
      canEditPlan: can(planPermissions, PERMISSION.EditListItems),
      canEditInitiatives: can(initiativePermissions, PERMISSION.EditListItems),
      canCheckIn: can(checkInPermissions, PERMISSION.AddListItems),
      canComment: can(commentPermissions, PERMISSION.AddListItems),
      isSiteOwner: common.isSiteOwner,
    },
  };
}
