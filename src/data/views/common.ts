/** What the three first views share: schema status, reference data and permissions read in the same batch. */
import { SPQueryable, type SPFI } from '@pnp/sp';
import { DataError, httpStatus, isListMissingError, isThrottled, isUnknownFieldError, toDataError } from '../errors';
import { fromRow, type ICodec, type Row } from '../mapping/codec';
import {
  ambitionsFromSeed,
  assembleAmbitions,
  AMBITION_SELECT,
  COMMITMENT_SELECT,
  unitCodec,
  type IAmbition,
  type IUnitItem,
} from '../mapping/entities';
import {
  fetchPage,
  itemsQuery,
  listItems,
  readPage,
  settle,
  type IQuerySpec,
  type IRawPage,
  type Settled,
} from '../repositories/query';
import type { IEntity } from '../../domain/model';
import { leadsUnitOrAbove } from '../../domain/unitAccess';
import type { ISchemaStatus } from '../repositories/types';
import { sortUnits } from '../repositories/readHelpers';
import { CHEFGRUPPE_TITLE, SCHEMA_VERSION, SCHEMA_VERSION_SETTING, listTitle } from '../schema/lists';
import type { ListKey } from '../schema/types';

/** SP.BasePermissions as JSON Light sends it (Int64 halves as strings). */
export interface IBasePermissions {
  High: string | number;
  Low: string | number;
}

/** SP.PermissionKind values the views check. */
export const PERMISSION = {
  AddListItems: 2,
  EditListItems: 3,
  ApproveItems: 5,
  ManageLists: 12,
  ManageWeb: 31,
} as const;

/** Whether a permission mask grants a permission kind (as PnPjs's `hasPermissions`). */
export function hasPermission(mask: IBasePermissions | undefined, kind: number): boolean {
  if (!mask) return false;
  const bit = kind - 1;
  const low = Number(mask.Low) >>> 0;
  const high = Number(mask.High) >>> 0;
  return bit < 32 ? ((low >>> bit) & 1) === 1 : ((high >>> (bit - 32)) & 1) === 1;
}

/** A read that may find its list missing: `missing` instead of a failure. */
export type ViewRead<T> = { missing: true } | { missing: false; value: T };

/** Unwraps a settled read of a view: a 404 means "not provisioned", anything else is thrown. */
export function viewValue<T>(settled: Settled<T>): ViewRead<T> {
  if (settled.ok) return { missing: false, value: settled.value };
  if (isListMissingError(settled.error) || httpStatus(settled.error) === 404) return { missing: true };
  throw toDataError(settled.error);
}

/**
 * The parts of a first view that were degraded: a read SharePoint refused (more than 5,000 items
 * matched, or any other failure of that one request) is shown as "… kunne ikke hentes lige nu" in
 * its place while the rest of the view is shown. Throttling is not degraded (the whole view waits
 * and says so), and neither is a missing list (that is "not provisioned").
 */
export class Degraded<P extends string> {
  public readonly parts: P[] = [];
  /** The failures behind the parts, for logs. */
  public readonly errors: unknown[] = [];

  /** A settled read as a ViewRead; a failure marks `part` and reads as no rows. */
  public read(part: P, settled: Settled<IRawPage>): ViewRead<IRawPage> {
    if (
      settled.ok ||
      isListMissingError(settled.error) ||
      httpStatus(settled.error) === 404 ||
      isThrottled(settled.error)
    )
      return viewValue(settled);
    this.mark(part, settled.error);
    return { missing: false, value: { rows: [] } };
  }

  /** `recoverRead`, then `read`. */
  public async finish(sp: SPFI, part: P, read: IPendingRead): Promise<ViewRead<IRawPage>> {
    return this.read(part, await recoverRead(sp, read));
  }

  /** Runs a follow-up step of a part (a windowed walk, a count); a failure marks the part and gives `fallback`. */
  public async step<T>(part: P, run: () => Promise<T>, fallback: T): Promise<T> {
    try {
      return await run();
    } catch (error) {
      if (isThrottled(error) || (error instanceof DataError && error.kind === 'throttled')) throw error;
      this.mark(part, error);
      return fallback;
    }
  }

  public mark(part: P, error: unknown): void {
    if (this.parts.indexOf(part) < 0) this.parts.push(part);
    this.errors.push(error);
  }

  /** The parts, or undefined when none was degraded (the views' `unavailable`). */
  public list(): P[] | undefined {
    return this.parts.length > 0 ? this.parts.slice() : undefined;
  }
}

/** Rows of a read, or [] when the list is missing. */
export function rowsOf(read: ViewRead<IRawPage>): Row[] {
  return read.missing ? [] : read.value.rows;
}

/** A read started in a batch, with what is needed to send it again on its own. */
export interface IPendingRead {
  codec: ICodec<IEntity>;
  spec: IQuerySpec;
  settled: Promise<Settled<IRawPage>>;
}

/** Starts a codec's query on a batched SPFI. */
export function startRead<T extends IEntity>(b: SPFI, codec: ICodec<T>, spec: IQuerySpec): IPendingRead {
  const general = codec as unknown as ICodec<IEntity>;
  return { codec: general, spec, settled: settle(fetchPage(itemsQuery(b, general, spec))) };
}

/**
 * The outcome of a batched read. On a site whose schema is older than this build (a selected column
 * is missing) the read is sent again with the first version's columns: one extra round trip until an
 * administrator runs "Klargør site", instead of a view that does not load.
 */
export async function recoverRead(sp: SPFI, read: IPendingRead): Promise<Settled<IRawPage>> {
  const settled = await read.settled;
  if (settled.ok || read.spec.select || read.spec.version !== undefined || !isUnknownFieldError(settled.error))
    return settled;
  return settle(readPage(sp, read.codec, { ...read.spec, version: 1 }));
}

/** `recoverRead`, then `viewValue`. */
export async function finishRead(sp: SPFI, read: IPendingRead): Promise<ViewRead<IRawPage>> {
  return viewValue(await recoverRead(sp, read));
}

/** The reads every view starts with. */
export interface ICommonReads {
  version: Promise<Settled<IRawPage>>;
  ambitions: Promise<Settled<IRawPage>>;
  commitments: Promise<Settled<IRawPage>>;
  units: IPendingRead;
  webPermissions: Promise<Settled<IBasePermissions>>;
}

/** Options of the common reads. */
export interface ICommonReadOptions {
  /** Read the names of every unit's leaders too (`Leaders/Title`: the units query's one lookup column). */
  leaderNames?: boolean;
  /**
   * Read the units for their names and place in the tree only (no leaders, Teams channels or
   * per-row metadata): a view that never edits a unit nor maps a channel (the ambitions view).
   */
  unitNamesOnly?: boolean;
}

/** What `unitNamesOnly` reads of a unit (its key, name, kind, parent and order). */
const UNIT_NAME_SELECT: readonly string[] = ['Id', 'ClientKey', 'Title', 'UnitKind', 'ParentUnitId', 'SortOrder'];

/** Starts the common reads on a batched SPFI (5 of the batch's at most 20 requests). */
export function startCommonReads(b: SPFI, options: ICommonReadOptions = {}): ICommonReads {
  return {
    version: settle(
      fetchPage(
        listItems(b, 'settings').select('Id', 'SettingValue').filter(`ClientKey eq '${SCHEMA_VERSION_SETTING}'`).top(1),
      ),
    ),
    ambitions: settle(
      fetchPage(
        listItems(b, 'ambitions')
          .select(...AMBITION_SELECT)
          .top(100),
      ),
    ),
    commitments: settle(
      fetchPage(
        listItems(b, 'commitments')
          .select(...COMMITMENT_SELECT)
          .top(500),
      ),
    ),
    // A municipality has tens of units, never near 5,000.
    units: options.unitNamesOnly
      ? startRead(b, unitCodec, { top: 5000, select: UNIT_NAME_SELECT, noMetadata: true })
      : startRead(b, unitCodec, { top: 5000, expand: options.leaderNames ? ['Leaders'] : undefined }),
    webPermissions: listPermissions(b, undefined),
  };
}

/**
 * The SharePoint groups the current user is a member of (`currentUser/groups`: any signed-in user may
 * read their own, unlike a group's member list, which SharePoint may hide from non-members). Direct
 * membership only: someone in the Chefgruppe through an Entra ID security group is not listed.
 */
export function startMyGroups(b: SPFI): Promise<Settled<Row[]>> {
  return settle(b.web.currentUser.groups.select('Id', 'Title')<Row[]>());
}

/** Whether the groups read by `startMyGroups` include the Chefgruppe (a failed read counts as no). */
export function inChefgruppe(groups: Settled<Row[]>): boolean {
  if (!groups.ok || !Array.isArray(groups.value)) return false;
  return groups.value.some((g) => String(g.Title || '').toLowerCase() === CHEFGRUPPE_TITLE.toLowerCase());
}

/** Whether a person leads a unit or one of the units above it (the domain's rule, `unitAccess.ts`). */
export { leadsUnitOrAbove };

/** The current user's permissions on a list (or on the site). */
export function listPermissions(b: SPFI, list: ListKey | undefined): Promise<Settled<IBasePermissions>> {
  const base = list ? b.web.lists.getByTitle(listTitle(list)) : b.web;
  return settle(SPQueryable(base, 'EffectiveBasePermissions')<IBasePermissions>());
}

/** The common part of a view, once the batch has run. */
export interface ICommonView {
  schema: ISchemaStatus;
  ambitions: IAmbition[];
  units: IUnitItem[];
  /** The units' rows as read (with the leaders' names when asked for). */
  unitRows: Row[];
  isSiteOwner: boolean;
  webPermissions?: IBasePermissions;
}

/** The strategy's ambitions as the lists would hold them, for a site whose lists are not there yet. */
async function ambitionsFromStrategy(): Promise<IAmbition[]> {
  const { AMBITIONS } = await import(/* webpackChunkName: 'mpk-strategy-text' */ '../../domain/ambitions');
  return ambitionsFromSeed(AMBITIONS);
}

/** Reads the common part; `otherMissing` says whether one of the view's other lists was missing. */
export async function finishCommonReads(sp: SPFI, reads: ICommonReads, otherMissing: boolean): Promise<ICommonView> {
  const version = viewValue(await reads.version);
  const ambitionRows = viewValue(await reads.ambitions);
  const commitmentRows = viewValue(await reads.commitments);
  const units = await finishRead(sp, reads.units);
  const web = viewValue(await reads.webPermissions);
  const missing = otherMissing || version.missing || ambitionRows.missing || commitmentRows.missing || units.missing;
  const installed =
    !version.missing && version.value.rows.length > 0 ? Number(version.value.rows[0].SettingValue) : undefined;
  const installedVersion = installed !== undefined && Number.isFinite(installed) ? installed : undefined;
  const provisioned = !missing && installedVersion !== undefined;
  const fromLists = assembleAmbitions(rowsOf(ambitionRows), rowsOf(commitmentRows));
  const webPermissions = web.missing ? undefined : web.value;
  return {
    schema: {
      provisioned,
      installedVersion,
      currentVersion: SCHEMA_VERSION,
      needsUpgrade: !provisioned || (installedVersion !== undefined && installedVersion < SCHEMA_VERSION),
    },
    // Before the lists exist (or are seeded) the strategy's text comes from the domain, loaded only then.
    ambitions: fromLists.length > 0 ? fromLists : await ambitionsFromStrategy(),
    units: sortUnits(rowsOf(units).map((row) => fromRow(unitCodec, row))),
    unitRows: rowsOf(units),
    isSiteOwner: hasPermission(webPermissions, PERMISSION.ManageWeb),
    webPermissions,
  };
}
