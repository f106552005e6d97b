/**
 * "MPK Indsatser"/`LastCheckIn` (v7): the date of an initiative's latest check-in, so "no check-in for 14
 * days" is read with the owner's initiatives in one indexed query (`inbox.ts`). Kept by every check-in
 * save, and filled on the upgrade to v7 from the check-ins already there.
 */
import type { SPFI } from '@pnp/sp';
import { toIsoDate } from '../../domain/dates';
import type { ICheckIn } from '../../domain/model';
import { retryThrottled, toDataError } from '../errors';
import type { Row } from '../mapping/codec';
import { checkInCodec, initiativeCodec } from '../mapping/entities';
import { allRows, inBatch, listItems, settle } from '../repositories/query';

/** The stored form of a check-in date on the initiative (noon UTC: the same calendar day in Copenhagen). */
function stored(date: string): string {
  return `${date}T12:00:00Z`;
}

function dateOf(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? toIsoDate(new Date(value)) : undefined;
}

/** A check-in's `afterWrite`: the initiative's `LastCheckIn` moves forward (never back) to the check-in's date. */
export function keepLastCheckIn(sp: SPFI) {
  return async ([, after]: readonly (ICheckIn | undefined)[]): Promise<void> => {
    if (!after || !after.initiativeId || !after.date) return;
    const id = after.initiativeId;
    const date = after.date;
    try {
      const row = await retryThrottled(() =>
        listItems(sp, 'initiatives').getById(id).select('Id', 'LastCheckIn')<Row>(),
      );
      const current = dateOf(row.LastCheckIn);
      if (current && current >= date) return;
      await retryThrottled(() =>
        listItems(sp, 'initiatives')
          .getById(id)
          .update({ LastCheckIn: stored(date) }),
      );
    } catch {
      // A site before v7 (no column) or an initiative gone: the reminder then counts from its creation.
    }
  };
}

/**
 * The upgrade step: every initiative's `LastCheckIn` from its check-ins (read whole, threshold-safe), written
 * where it differs, 20 writes per `$batch`. Returns whether it wrote.
 */
export async function fillLastCheckIns(sp: SPFI): Promise<boolean> {
  try {
    const latest = new Map<number, string>();
    for (const row of await allRows(sp, checkInCodec, {
      filter: 'Id gt 0',
      select: ['Id', 'InitiativeId', 'CheckInDate'],
    })) {
      const id = Number(row.InitiativeId);
      const date = dateOf(row.CheckInDate);
      if (!id || !date) continue;
      if (!latest.has(id) || (latest.get(id) as string) < date) latest.set(id, date);
    }
    const initiatives = await allRows(sp, initiativeCodec, { filter: 'Id gt 0', select: ['Id', 'LastCheckIn'] });
    const stale = initiatives
      .map((row) => ({ id: Number(row.Id), want: latest.get(Number(row.Id)), have: dateOf(row.LastCheckIn) }))
      .filter((i) => i.want !== undefined && i.want !== i.have);
    for (let i = 0; i < stale.length; i += 20) {
      const chunk = stale.slice(i, i + 20);
      const results = await inBatch(sp, (b) =>
        chunk.map((s) =>
          settle(
            listItems(b, 'initiatives')
              .getById(s.id)
              .update({ LastCheckIn: stored(s.want as string) }),
          ),
        ),
      );
      for (const result of results) {
        const settled = await result;
        if (!settled.ok) throw settled.error;
      }
    }
    return stale.length > 0;
  } catch (error) {
    throw toDataError(error);
  }
}
