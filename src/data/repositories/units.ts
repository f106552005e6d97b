/** Units (kerneområder, stabe, afdelinger, institutioner) and political priorities: reference data. */
import type { SPFI } from '@pnp/sp';
import { isGuid } from '../../domain/clientKey';
import type { IPoliticalPriority } from '../../domain/model';
import { mayActForUnit, type IUnitActor } from '../../domain/unitAccess';
import { validatePoliticalPriority, validateUnit } from '../../domain/validation';
import { DataError, toDataError } from '../errors';
import { fromRow } from '../mapping/codec';
import { politicalPriorityCodec, unitCodec, type IUnitItem } from '../mapping/entities';
import { hasPermission, inChefgruppe, listPermissions, PERMISSION, startMyGroups } from '../views/common';
import { ListRepository } from './listRepository';
import { fetchPage, inBatch, itemsQuery, quote } from './query';
import { sortUnits } from './readHelpers';
import type { ICurrentUser, IChannelMapping, IPoliticalPriorityRepository, IUnitRepository } from './types';
import { refreshUnitsOf } from './unitSummaries';

/**
 * The unit with the channel mapped to it. The team id is only stored when it is the Microsoft 365
 * group id (a GUID) the Units list expects; the channel name is kept so the chefgruppe can read it.
 */
export function withChannel(unit: IUnitItem, mapping: IChannelMapping): IUnitItem {
  return {
    ...unit,
    teamsChannelId: mapping.channelId,
    teamsChannelName: mapping.channelName || unit.teamsChannelName,
    teamsTeamId: isGuid(mapping.teamId) ? mapping.teamId : unit.teamsTeamId,
  };
}

/** A unit without a channel. */
function withoutChannel(unit: IUnitItem): IUnitItem {
  return { ...unit, teamsChannelId: undefined, teamsChannelName: undefined, teamsTeamId: undefined };
}

export { sortUnits } from './readHelpers';

/** Units over "MPK Enheder". */
export class UnitRepository extends ListRepository<IUnitItem> implements IUnitRepository {
  private cache: IUnitItem[] | undefined;

  /** `user`: the signed-in person, whose channel mappings `mapChannel` checks. */
  public constructor(
    sp: SPFI,
    private readonly user?: ICurrentUser,
  ) {
    super(sp, unitCodec, {
      validate: (unit) => validateUnit(unit, { units: this.cache }),
      // A new unit gets its row in "MPK Overblik" at once (empty until it has a plan or tasks), so the
      // overview does not count it as a unit whose figures are missing.
      afterWrite: async ([before, after]) => {
        if (!before && after && after.id !== undefined) await refreshUnitsOf(sp)([{ unitId: after.id }]);
      },
    });
  }

  /** All units (a municipality has tens, not thousands), in order. */
  public async list(): Promise<IUnitItem[]> {
    this.cache = sortUnits(await this.queryAll(undefined));
    return this.cache.slice();
  }

  /** The unit a Teams channel is mapped to (TeamsChannelId is indexed). */
  public async findByChannel(channelId: string): Promise<IUnitItem | undefined> {
    const found = await this.queryAll(`TeamsChannelId eq ${quote(channelId)}`, [['Id', true]], 1);
    return found[0];
  }

  /**
   * Maps a Teams channel to a unit, so the chefgruppe sees which channel discusses which plan; a unit
   * mapped to this channel before loses it. Read fresh in one `$batch` — the units (leaders as they
   * are now), the person's groups and site permissions — and refused (`forbidden`, reason
   * `unitNotYours` / `channelOfOtherUnit`) unless the person may act for the unit and for the unit
   * that loses the channel (`mayActForUnit`: its leaders and those of units above it, the chefgruppe, site owners).
   * A unit already mapped to another channel is taken over only with `takeOver` (the person
   * confirmed that the other channel loses it); otherwise `conflict`, reason `channelTaken`.
   * Returns the saved units.
   */
  public async mapChannel(
    unitId: number,
    mapping: IChannelMapping,
    options: { takeOver?: boolean } = {},
  ): Promise<IUnitItem[]> {
    const { units, actor } = await this.readForMapping();
    const unit = units.find((u) => u.id === unitId);
    if (!unit) throw new DataError('notFound');
    const previous = units.filter((u) => u.id !== unitId && u.teamsChannelId === mapping.channelId);
    if (!mayActForUnit(actor, unit.id, units)) throw new DataError('forbidden', { reason: 'unitNotYours' });
    // Taking the channel from another unit is acting for that unit too.
    if (previous.some((other) => !mayActForUnit(actor, other.id, units)))
      throw new DataError('forbidden', { reason: 'channelOfOtherUnit' });
    if (unit.teamsChannelId && unit.teamsChannelId !== mapping.channelId && !options.takeOver) {
      throw new DataError('conflict', { reason: 'channelTaken' });
    }
    const saved: IUnitItem[] = [];
    for (const other of previous) saved.push(await this.update(other, withoutChannel(other)));
    saved.push(await this.update(unit, withChannel(unit, mapping)));
    this.cache = undefined;
    return saved;
  }

  /** The units and the person's standing, read together (one request). */
  private async readForMapping(): Promise<{ units: IUnitItem[]; actor: IUnitActor }> {
    if (!this.user) throw new DataError('forbidden', { reason: 'unitNotYours' });
    const userId = this.user.id;
    try {
      const reads = await inBatch(this.sp, (b) => ({
        // A municipality has tens of units, never near 5,000.
        units: fetchPage(itemsQuery(b, unitCodec, { top: 5000 })),
        groups: startMyGroups(b),
        web: listPermissions(b, undefined),
      }));
      const raw = await reads.units;
      const web = await reads.web;
      const units = sortUnits(raw.rows.map((row) => fromRow(unitCodec, row)));
      const actor: IUnitActor = {
        userId,
        isSiteOwner: web.ok && hasPermission(web.value, PERMISSION.ManageWeb),
        inChefgruppe: inChefgruppe(await reads.groups),
      };
      return { units, actor };
    } catch (error) {
      throw toDataError(error);
    }
  }
}

/** Political priorities over "MPK Politiske prioriteter". */
export class PoliticalPriorityRepository
  extends ListRepository<IPoliticalPriority>
  implements IPoliticalPriorityRepository
{
  public constructor(sp: SPFI) {
    super(sp, politicalPriorityCodec, { validate: (priority) => validatePoliticalPriority(priority) });
  }

  /** All priorities in order, retired ones included (old initiatives keep their link). */
  public async list(): Promise<IPoliticalPriority[]> {
    return (await this.queryAll(undefined)).sort((a, b) => a.order - b.order);
  }
}
