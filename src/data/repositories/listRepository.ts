/**
 * The write path every repository shares: validate, create with a client key (no duplicates on
 * retry), update with ETags and field-level merge, delete with If-Match.
 */
import type { SPFI } from '@pnp/sp';
import { newClientKey } from '../../domain/clientKey';
import { overlappingChanges } from '../../domain/conflict';
import type { IValidationError } from '../../domain/messages';
import type { IEntity } from '../../domain/model';
import {
  ConflictError,
  DataError,
  httpStatus,
  isDuplicateValueError,
  isThrottled,
  isUnknownFieldError,
  mayHaveLanded,
  mayRetryThrottled,
  retryThrottled,
  toDataError,
} from '../errors';
import {
  changedFields,
  expandRoots,
  fromRow,
  propsOf,
  sameValue,
  selectFor,
  toFields,
  withoutEmptyLaterColumns,
  type ICodec,
  type Row,
} from '../mapping/codec';
import { listItems, quote, readPage } from './query';

/** How many times a create is attempted (PnPjs itself also retries 429/503/504 and network errors). */
const CREATE_ATTEMPTS = 5;
/**
 * How many times an update is re-applied on top of newer versions before giving up. Each lost race
 * means someone else's save landed, so with n people saving at once the last one needs n attempts.
 */
const MERGE_ATTEMPTS = 25;

/** A short random pause after a lost race, so editors saving at once do not collide in lockstep. */
function jitter(attempt: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, Math.random() * 20 * Math.min(attempt, 5)));
}

/** Per list: how to check an item before it is written, and how to make it ready to store. */
export interface IWriteRules<T> {
  validate(item: T, previous?: T): readonly IValidationError[];
  /** E.g. sanitise rich text. Runs before validation, so what is validated is what is stored. */
  prepare?(item: T): T;
  /**
   * After a write landed: the item before and after (either may be missing: a create, a delete), e.g.
   * to recompute the unit's summary. It must not throw: the write has landed whatever it does.
   */
  afterWrite?(items: readonly (T | undefined)[]): Promise<void>;
}

/** Runs several `afterWrite`s in turn (each one's failure is its own: the next still runs). */
export function afterEach<T>(
  ...hooks: (((items: readonly (T | undefined)[]) => Promise<void>) | undefined)[]
): (items: readonly (T | undefined)[]) => Promise<void> {
  return async (items) => {
    for (const hook of hooks) {
      if (!hook) continue;
      try {
        await hook(items);
      } catch {
        // The write landed; what follows it is repaired by the next write (see `IWriteRules.afterWrite`).
      }
    }
  };
}

/** Reads and writes the items of one list through its codec. */
export class ListRepository<T extends IEntity> {
  public constructor(
    protected readonly sp: SPFI,
    protected readonly codec: ICodec<T>,
    private readonly rules: IWriteRules<T>,
  ) {}

  /** Reads one item (with its ETag). */
  public async get(id: number): Promise<T> {
    return fromRow(this.codec, await this.getRow(id));
  }

  /** The item with this client key, if it exists. */
  public async findByClientKey(clientKey: string): Promise<T | undefined> {
    const row = await this.rowByClientKey(clientKey);
    return row ? fromRow(this.codec, row) : undefined;
  }

  /** The row with this client key (with its `AuthorId`), if it exists and the caller may read it. */
  private async rowByClientKey(clientKey: string): Promise<Row | undefined> {
    try {
      const filter = `ClientKey eq ${quote(clientKey)}`;
      const select = selectFor(this.codec);
      if (select.indexOf('AuthorId') < 0) select.push('AuthorId');
      let page;
      try {
        page = await readPage(this.sp, this.codec, { filter, top: 1, select });
      } catch (error) {
        if (!isUnknownFieldError(error)) throw error;
        page = await readPage(this.sp, this.codec, {
          filter,
          top: 1,
          select: [...selectFor(this.codec, 1).filter((c) => c !== 'AuthorId'), 'AuthorId'],
        });
      }
      return page.rows.length > 0 ? page.rows[0] : undefined;
    } catch (error) {
      throw toDataError(error);
    }
  }

  /** The signed-in person's id (read once, only on the rare path that needs it). */
  private async currentUserId(): Promise<number> {
    if (this.userId === undefined) {
      const me = await retryThrottled(() => this.sp.web.currentUser.select('Id')<{ Id: number }>());
      this.userId = Number(me.Id);
    }
    return this.userId;
  }

  private userId?: number;

  /**
   * After a unique-value violation or a lost response: the item an earlier attempt of ours created
   * under this key. An item with the key written by someone else is never taken for ours (a key
   * someone guessed and wrote first must not hand their item to us): that is `keyTaken`.
   */
  private async ownItemByClientKey(clientKey: string, cause: unknown): Promise<T | undefined> {
    const row = await this.rowByClientKey(clientKey).catch(() => undefined);
    if (!row) return undefined;
    if (Number(row.AuthorId) !== (await this.currentUserId()))
      throw new DataError('invalid', { reason: 'keyTaken', status: httpStatus(cause), cause });
    return fromRow(this.codec, row);
  }

  /**
   * Creates an item. The client key is fixed before the first attempt; after a lost response or a
   * server error the item is looked up by that key before trying again, and a unique-value violation
   * on it means an earlier attempt landed: that item is returned.
   */
  public create(item: T): Promise<T> {
    return this.createItem(item);
  }

  /** `create` with columns the domain type does not show (e.g. a denormalised unit id). */
  protected async createItem(item: T, extra: Record<string, unknown> = {}): Promise<T> {
    const prepared = this.check(item);
    if (!prepared.clientKey) prepared.clientKey = newClientKey();
    const body = withoutEmptyLaterColumns(this.codec, { ...toFields(this.codec, prepared), ...extra });
    let lastError: unknown;
    for (let attempt = 1; attempt <= CREATE_ATTEMPTS; attempt++) {
      try {
        const row = (await listItems(this.sp, this.codec.list).add(body)) as Row;
        return await this.written(this.afterCreate(fromRow(this.codec, row)));
      } catch (error) {
        lastError = error;
        if (isDuplicateValueError(error) || mayHaveLanded(error)) {
          const existing = await this.ownItemByClientKey(prepared.clientKey, error);
          if (existing) return await this.written(this.afterCreate(existing));
          // A duplicate on another unique column is the caller's problem, not a retry.
          if (isDuplicateValueError(error)) break;
          // A 503 after minutes of Retry-After: the person is told instead of waiting another round.
          if (isThrottled(error) && !mayRetryThrottled(error)) break;
          continue;
        }
        // Throttled even after PnPjs's retries: nothing landed; back off and try again (not after minutes).
        if (isThrottled(error)) {
          if (!mayRetryThrottled(error)) break;
          await new Promise((resolve) => setTimeout(resolve, 250 * Math.pow(2, attempt - 1)));
          continue;
        }
        break;
      }
    }
    throw toDataError(lastError);
  }

  /** Runs the list's `afterWrite` (never throws) and gives back what was written. */
  private async written<W extends T | undefined>(item: W, before?: T): Promise<W> {
    if (this.rules.afterWrite) {
      try {
        await this.rules.afterWrite([before, item]);
      } catch {
        // The write landed; what follows it (a summary) is repaired by the next write or a rebuild.
      }
    }
    return item;
  }

  /** Hook for codecs whose create response lacks columns (none today). */
  protected afterCreate(item: T): T {
    return item;
  }

  /**
   * Saves the columns that differ between `original` and `changed` with If-Match. On 412 the item
   * is re-read: if the other person changed other columns only, ours are re-applied on top of theirs;
   * if they changed one of ours to something else, a ConflictError carries both versions.
   */
  public update(original: T, changed: T): Promise<T> {
    return this.updateItem(original, changed);
  }

  /** `update` with extra columns to set. */
  protected async updateItem(original: T, changed: T, extra: Record<string, unknown> = {}): Promise<T> {
    if (original.id === undefined)
      throw new DataError('invalid', { detail: 'update needs an item that has been read' });
    const id = original.id;
    const prepared = this.check(changed, original);
    let base = toFields(this.codec, original);
    const mine = { ...toFields(this.codec, prepared), ...extra };
    const fields = changedFields(base, mine).filter((f) => f !== 'ClientKey');
    if (fields.length === 0) return original;
    const patch: Record<string, unknown> = {};
    for (const field of fields) patch[field] = mine[field];

    let etag = original.etag;
    for (let attempt = 1; attempt <= MERGE_ATTEMPTS; attempt++) {
      if (etag === undefined) {
        // Nothing to compare with: treat the current version as "someone saved in between".
        const current = await this.get(id);
        this.assertNoOverlap(prepared, current, base, patch);
        base = toFields(this.codec, current);
        etag = current.etag;
        continue;
      }
      try {
        const ifMatch = etag;
        await retryThrottled(() => listItems(this.sp, this.codec.list).getById(id).update(patch, ifMatch));
      } catch (error) {
        if (httpStatus(error) !== 412) throw toDataError(error);
        await jitter(attempt);
        const current = await this.get(id);
        this.assertNoOverlap(prepared, current, base, patch, error);
        base = toFields(this.codec, current);
        etag = current.etag;
        continue;
      }
      return this.written(await this.get(id), original);
    }
    throw new DataError('conflict', { status: 412, detail: 'the item kept changing while it was saved' });
  }

  /** Throws a ConflictError if the server changed one of the columns we change, to another value. */
  private assertNoOverlap(
    mine: T,
    current: T,
    base: Record<string, unknown>,
    patch: Record<string, unknown>,
    cause?: unknown,
  ): void {
    const server = toFields(this.codec, current);
    const theirs = changedFields(base, server);
    const overlap = overlappingChanges(patch, theirs, server, sameValue);
    if (overlap.length > 0)
      throw new ConflictError<T>({ ...mine, etag: current.etag }, current, propsOf(this.codec, overlap), cause);
  }

  /** Deletes the item as read; a newer version is a ConflictError, an item already gone is fine. */
  public async remove(item: T): Promise<void> {
    if (item.id === undefined) return;
    try {
      const id = item.id;
      await retryThrottled(() =>
        listItems(this.sp, this.codec.list)
          .getById(id)
          .delete(item.etag || '*'),
      );
      await this.written(undefined, item);
    } catch (error) {
      const status = httpStatus(error);
      if (status === 404) return;
      if (status === 412) {
        const current = await this.get(item.id);
        throw new ConflictError<T>(item, current, [], error);
      }
      throw toDataError(error);
    }
  }

  /** Reads every item matching a filter (for one unit's or one plan's rows: far below 5,000). */
  protected async queryAll(
    filter: string | undefined,
    orderBy: readonly [string, boolean][] = [['Id', true]],
    top = 5000,
  ): Promise<T[]> {
    try {
      const page = await readPage(this.sp, this.codec, { filter, orderBy, top });
      return page.rows.map((row) => fromRow(this.codec, row));
    } catch (error) {
      throw toDataError(error);
    }
  }

  protected async getRow(id: number): Promise<Row> {
    try {
      const read = (select: string[]): Promise<Row> =>
        retryThrottled(() => {
          const item = listItems(this.sp, this.codec.list)
            .getById(id)
            .select(...select);
          const roots = expandRoots(select);
          return (roots.length > 0 ? item.expand(...roots) : item)<Row>();
        });
      try {
        return await read(selectFor(this.codec));
      } catch (error) {
        if (!isUnknownFieldError(error)) throw error;
        return await read(selectFor(this.codec, 1));
      }
    } catch (error) {
      throw toDataError(error);
    }
  }

  /** Prepares and validates; throws `invalid` with the domain's errors. */
  protected check(item: T, previous?: T): T {
    const prepared = this.rules.prepare ? this.rules.prepare({ ...item }) : { ...item };
    const errors = this.rules.validate(prepared, previous);
    if (errors.length > 0) throw new DataError('invalid', { validationErrors: errors });
    return prepared;
  }
}
