/** Units (kerneområder, stabe, afdelinger, institutioner) and political priorities: reference data. */
import type { SPFI } from "@pnp/sp";
import type { IPoliticalPriority } from "../../domain/model";
import { validatePoliticalPriority, validateUnit } from "../../domain/validation";
import { politicalPriorityCodec, unitCodec, type IUnitItem } from "../mapping/entities";
import { ListRepository } from "./listRepository";
import { quote } from "./query";
import type { IPoliticalPriorityRepository, IUnitRepository } from "./types";

/** Units in their display order: by order, then name. */
export function sortUnits<T extends { order?: number; name: string }>(units: T[]): T[] {
  return units.sort((a, b) => (a.order ?? 1e9) - (b.order ?? 1e9) || a.name.localeCompare(b.name, "da"));
}

/** Units over "MPK Enheder". */
export class UnitRepository extends ListRepository<IUnitItem> implements IUnitRepository {
  private cache: IUnitItem[] | undefined;

  public constructor(sp: SPFI) {
    super(sp, unitCodec, { validate: (unit) => validateUnit(unit, { units: this.cache }) });
  }

  /** All units (a municipality has tens, not thousands), in order. */
  public async list(): Promise<IUnitItem[]> {
    this.cache = sortUnits(await this.queryAll(undefined));
    return this.cache.slice();
  }

  /** The unit a Teams channel is mapped to (TeamsChannelId is indexed). */
  public async findByChannel(channelId: string): Promise<IUnitItem | undefined> {
    const found = await this.queryAll(`TeamsChannelId eq ${quote(channelId)}`, [["Id", true]], 1);
    return found[0];
  }
}

/** Political priorities over "MPK Politiske prioriteter". */
export class PoliticalPriorityRepository extends ListRepository<IPoliticalPriority> implements IPoliticalPriorityRepository {
  public constructor(sp: SPFI) {
    super(sp, politicalPriorityCodec, { validate: (priority) => validatePoliticalPriority(priority) });
  }

  /** All priorities in order, retired ones included (old initiatives keep their link). */
  public async list(): Promise<IPoliticalPriority[]> {
    return (await this.queryAll(undefined)).sort((a, b) => a.order - b.order);
  }
}
