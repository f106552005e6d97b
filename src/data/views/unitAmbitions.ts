/**
 * What one unit has written about the ambitions, for the ambitions view's "Hos <enhed>" (read when a
 * reader opens an ambition, not with the first view): the unit's plans and its plans' focus rows
 * (both filtered on the indexed `UnitId`) and where the plan page lives (`pageUrls`), in one `$batch`.
 * The current plan is picked as the plan view picks it (`pickCurrentPlan`). A chunk of its own.
 */
import type { SPFI } from '@pnp/sp';
import { pickCurrentPlan } from '../../domain/currentPlan';
import type { IPlan, IPlanFocus } from '../../domain/model';
import { parsePages } from '../../domain/notifications';
import { toDataError } from '../errors';
import { fromRow, type Row } from '../mapping/codec';
import { planCodec, planFocusCodec } from '../mapping/entities';
import { fetchAll, inBatch, listItems, MAX_PAGE, settle } from '../repositories/query';
import type { IUnitAmbitions } from '../repositories/types';
import { recoverRead, startRead } from './common';

/** Reads a unit's current plan and what it says per ambition; no plan: `plan` undefined, no focuses. */
export async function loadUnitAmbitions(sp: SPFI, unitId: number, now: Date = new Date()): Promise<IUnitAmbitions> {
  const filter = `UnitId eq ${Math.floor(unitId)}`;
  const reads = await inBatch(sp, (b) => ({
    plans: startRead(b, planCodec, { filter, top: MAX_PAGE }),
    focuses: startRead(b, planFocusCodec, { filter, top: MAX_PAGE }),
    pages: settle(
      listItems(b, 'settings').select('ClientKey', 'SettingValue').filter(`ClientKey eq 'pageUrls'`).top(1)<Row[]>(),
    ),
  }));
  try {
    const rows = async (read: typeof reads.plans): Promise<Row[]> => {
      const settled = await recoverRead(sp, read);
      if (!settled.ok) throw settled.error;
      return fetchAll(sp, settled.value);
    };
    const plans = (await rows(reads.plans)).map((row) => fromRow(planCodec, row)) as IPlan[];
    const plan = pickCurrentPlan(plans, now);
    const focuses = plan
      ? ((await rows(reads.focuses)).map((row) => fromRow(planFocusCodec, row)) as IPlanFocus[]).filter(
          (focus) => focus.planId === plan.id,
        )
      : [];
    const pages = await reads.pages;
    return { unitId, plan, focuses, pages: pages.ok ? parsePages(pages.value[0]?.SettingValue) : {} };
  } catch (error) {
    throw toDataError(error);
  }
}
