/**
 * "Egne noter" in the person's own OneDrive: one file, `egne-noter.json`, in the app folder the
 * delegated permission `Files.ReadWrite.AppFolder` reaches (`/me/drive/special/approot`). Nobody on the
 * site — leader, chefgruppe, site owner — can open it; Graph gives a delegated token only the caller's
 * own app folder. Its own chunk (`mpk-notes`), loaded when the notes are first shown.
 *
 * The file's eTag is the note's `etag`: every write sends `If-Match` (or `If-None-Match: *` for the
 * first), so two tabs never silently overwrite each other — a 412 becomes the `ConflictError` the
 * notes form settles field by field.
 *
 * The move from "MPK Refleksioner" (the notes' home before): on the first read, the person's own list
 * items are merged into the file, the file is read back and compared, and only then are the items
 * deleted (If-Match). The file records which items it holds (`moved`, their client keys), so a move cut
 * off at any step is finished at the next open without writing anything twice; the form edits only the
 * file.
 */
import { GraphQueryable, graphDelete, graphGet, graphPut, type IGraphQueryable } from '@pnp/graph';
import { TextParse } from '@pnp/queryable';
import type { IReflection } from '../../domain/model';
import { sameValue } from '../../domain/conflict';
import { validateReflection } from '../../domain/validation';
import { ConflictError, DataError, httpStatus, toDataError } from '../errors';
import type { GraphSource } from '../notifications/delivery';
import type { ICurrentUser, IReflectionRepository } from '../repositories/types';

/** The file's name in the app folder. */
export const NOTES_FILE = 'egne-noter.json';
/** The one note's id (the file is the only one a person has). */
export const NOTES_ID = 1;
const NOTES_KEY = 'egne-noter';

/** What the file holds. */
export interface INotesFile {
  version: 1;
  contribution: string;
  meaning: string;
  ambitionKey: string | null;
  /** When it was last written (ISO). */
  updated: string;
  /** Client keys of the list items ("MPK Refleksioner") already merged in by the move. */
  moved?: string[];
}

/** The list of the notes before: one's own items, and deleting one as read (If-Match). */
export interface ILegacyNotes {
  listMine(userId: number): Promise<IReflection[]>;
  remove(item: IReflection): Promise<void>;
}

const FIELDS = ['contribution', 'meaning', 'ambitionKey'] as const;

interface IFileState {
  etag: string;
  id: string;
  file: INotesFile;
}

function fileOf(note: IReflection, moved: readonly string[] | undefined, now: Date): INotesFile {
  const file: INotesFile = {
    version: 1,
    contribution: note.contribution ?? '',
    meaning: note.meaning ?? '',
    ambitionKey: note.ambitionKey || null,
    updated: now.toISOString(),
  };
  if (moved && moved.length > 0) file.moved = moved.slice();
  return file;
}

function noteOf(state: IFileState): IReflection {
  const f = state.file;
  return {
    id: NOTES_ID,
    clientKey: NOTES_KEY,
    etag: state.etag,
    contribution: typeof f.contribution === 'string' && f.contribution !== '' ? f.contribution : undefined,
    meaning: typeof f.meaning === 'string' && f.meaning !== '' ? f.meaning : undefined,
    ambitionKey: typeof f.ambitionKey === 'string' && f.ambitionKey !== '' ? f.ambitionKey : undefined,
  };
}

/** A text with `more` appended on a new paragraph, unless it already holds it. */
function appended(text: string | undefined, more: string | undefined): string | undefined {
  if (!more || more.trim() === '') return text;
  if (!text || text.trim() === '') return more;
  return text.indexOf(more) >= 0 ? text : `${text}\n\n${more}`;
}

/**
 * The file's note with the list's notes merged in (oldest first, so the text reads in the order it was
 * written); an ambition kept from the file, else the newest list note's.
 */
export function mergeLegacy(file: IReflection | undefined, legacy: readonly IReflection[]): IReflection {
  let merged: IReflection = file ? { ...file } : { clientKey: NOTES_KEY };
  const oldestFirst = legacy.slice().sort((a, b) => (a.id ?? 0) - (b.id ?? 0));
  for (const note of oldestFirst) {
    merged = {
      ...merged,
      contribution: appended(merged.contribution, note.contribution),
      meaning: appended(merged.meaning, note.meaning),
    };
  }
  const newestAmbition = oldestFirst
    .map((n) => n.ambitionKey)
    .filter((k): k is string => !!k)
    .pop();
  if (!merged.ambitionKey && newestAmbition) merged.ambitionKey = newestAmbition;
  return merged;
}

function sameFile(a: INotesFile, b: INotesFile): boolean {
  return (
    a.contribution === b.contribution &&
    a.meaning === b.meaning &&
    (a.ambitionKey ?? null) === (b.ambitionKey ?? null) &&
    (a.moved ?? []).join('\n') === (b.moved ?? []).join('\n')
  );
}

/** A note's fields as the form writes them (empty = absent). */
function fieldValue(note: IReflection, field: (typeof FIELDS)[number]): string | undefined {
  const value = note[field];
  return value === '' ? undefined : value;
}

/** A Graph failure as a `DataError` (throttling worded as OneDrive's); the list's own DataErrors pass. */
function graphError(error: unknown): DataError {
  if (error instanceof DataError) return error;
  const e = toDataError(error);
  return e.kind === 'throttled'
    ? new DataError('throttled', { reason: 'notesThrottled', status: e.status, detail: e.detail, cause: error })
    : e;
}

export class OneDriveNotesRepository implements IReflectionRepository {
  /** The `moved` list of each version of the file read or written here (by eTag), kept by every save. */
  private readonly movedByEtag = new Map<string, string[]>();

  public constructor(
    private readonly graph: GraphSource,
    private readonly user: ICurrentUser,
    private readonly legacy?: ILegacyNotes,
    private readonly now: () => Date = () => new Date(),
  ) {}

  private async at(path: string): Promise<IGraphQueryable> {
    return GraphQueryable(await this.graph(), path);
  }

  /** The file as it is now, or undefined when there is none. */
  private async read(): Promise<IFileState | undefined> {
    let item: { id: string; eTag: string; '@microsoft.graph.downloadUrl'?: string };
    try {
      item = await graphGet(await this.at(`me/drive/special/approot:/${NOTES_FILE}`));
    } catch (error) {
      if (httpStatus(error) === 404) return undefined;
      throw error;
    }
    const text = await this.content(item['@microsoft.graph.downloadUrl']);
    let file: INotesFile;
    try {
      file = JSON.parse(text) as INotesFile;
    } catch {
      // A file this product did not write (or a cut-off one): its text is kept as the first answer.
      file = { version: 1, contribution: text, meaning: '', ambitionKey: null, updated: '' };
    }
    this.remember(item.eTag, file);
    return { id: item.id, etag: item.eTag, file };
  }

  private remember(etag: string, file: INotesFile): void {
    if (file.moved && file.moved.length > 0) this.movedByEtag.set(etag, file.moved.slice());
  }

  /**
   * The file's bytes. A browser reads them from the item's pre-authenticated `downloadUrl` (no
   * Authorization header: Graph's `/content` answers with a 302 to another host, which a browser's CORS
   * rules make awkward); `/content` is the fallback.
   */
  private async content(downloadUrl: string | undefined): Promise<string> {
    if (downloadUrl) {
      const res = await fetch(downloadUrl);
      if (res.ok) return res.text();
      throw new DataError(res.status === 404 ? 'notFound' : 'network', {
        reason: res.status === 404 ? 'notFound' : 'server',
        status: res.status,
      });
    }
    return graphGet((await this.at(`me/drive/special/approot:/${NOTES_FILE}:/content`)).using(TextParse()));
  }

  /**
   * Writes the file: If-Match `etag`, or only if there is none yet (`undefined`: `If-None-Match: *`, which
   * the local Graph honours; that OneDrive answers it with 412 on an existing file is UNCONFIRMED).
   */
  private async write(file: INotesFile, etag: string | undefined): Promise<IFileState> {
    const headers: Record<string, string> = { 'Content-Type': 'application/json' };
    if (etag === undefined) headers['If-None-Match'] = '*';
    else headers['If-Match'] = etag;
    const item: { id: string; eTag: string } = await graphPut(
      await this.at(`me/drive/special/approot:/${NOTES_FILE}:/content`),
      { body: JSON.stringify(file, null, 2), headers },
    );
    this.remember(item.eTag, file);
    return { id: item.id, etag: item.eTag, file };
  }

  private async current(): Promise<IFileState> {
    const state = await this.read();
    if (!state) throw new DataError('notFound', { status: 404 });
    return state;
  }

  public async get(id: number): Promise<IReflection> {
    try {
      if (id !== NOTES_ID) throw new DataError('notFound', { status: 404 });
      return noteOf(await this.current());
    } catch (error) {
      throw graphError(error);
    }
  }

  /** One's own notes: the file (after the move from the list); nobody else's, ever. */
  public async listMine(userId: number): Promise<IReflection[]> {
    if (userId !== this.user.id) return [];
    try {
      const state = await this.moveFromList(await this.read());
      return state ? [noteOf(state)] : [];
    } catch (error) {
      // Graph refusing one's own app folder: the permission is not approved (or the host has no Graph).
      if (httpStatus(error) === 403 || httpStatus(error) === 401)
        throw new DataError('forbidden', { reason: 'notesUnavailable', status: httpStatus(error), cause: error });
      throw graphError(error);
    }
  }

  public async create(item: IReflection): Promise<IReflection> {
    this.validate(item);
    try {
      return noteOf(await this.write(fileOf(item, undefined, this.now()), undefined));
    } catch (error) {
      if (httpStatus(error) !== 412) throw graphError(error);
      // Another tab wrote the file first: both versions go to the form.
      const theirs = await this.current().catch((e: unknown) => Promise.reject(graphError(e)));
      throw new ConflictError(
        item,
        noteOf(theirs),
        this.changed({ clientKey: NOTES_KEY }, item, noteOf(theirs)),
        error,
      );
    }
  }

  /**
   * Saves `changed` over `original` (If-Match its eTag). Written in between elsewhere: their changes
   * to other fields are kept and mine re-applied; both changed the same field: a `ConflictError`.
   */
  public async update(original: IReflection, changed: IReflection): Promise<IReflection> {
    this.validate(changed);
    let base = original;
    let moved = original.etag !== undefined ? this.movedByEtag.get(original.etag) : undefined;
    for (let attempt = 0; ; attempt++) {
      try {
        return noteOf(await this.write(fileOf(changed, moved, this.now()), base.etag ?? '*'));
      } catch (error) {
        const status = httpStatus(error);
        if ((status !== 412 && status !== 404) || attempt >= 2) throw graphError(error);
        const now = await this.read().catch((e: unknown) => Promise.reject(graphError(e)));
        if (!now) {
          // Deleted elsewhere: written anew.
          return noteOf(
            await this.write(fileOf(changed, undefined, this.now()), undefined).catch((e: unknown) =>
              Promise.reject(graphError(e)),
            ),
          );
        }
        const theirs = noteOf(now);
        const both = this.changed(original, changed, theirs);
        if (both.length > 0) throw new ConflictError(changed, theirs, both, error);
        const merged: IReflection = { ...theirs };
        for (const f of FIELDS) if (!sameValue(fieldValue(changed, f), fieldValue(original, f))) merged[f] = changed[f];
        changed = merged;
        base = theirs;
        moved = now.file.moved;
      }
    }
  }

  public async remove(item: IReflection): Promise<void> {
    try {
      const state = await this.read();
      if (!state) return;
      if (item.etag !== undefined && item.etag !== state.etag) {
        throw new ConflictError(item, noteOf(state), [], undefined);
      }
      await graphDelete(await this.at(`me/drive/items/${encodeURIComponent(state.id)}`), {
        headers: { 'If-Match': state.etag },
      });
    } catch (error) {
      if (httpStatus(error) === 404) return;
      throw graphError(error);
    }
  }

  /** The fields both `mine` and `theirs` changed from `base`, to different values. */
  private changed(base: IReflection, mine: IReflection, theirs: IReflection): string[] {
    return FIELDS.filter(
      (f) =>
        !sameValue(fieldValue(mine, f), fieldValue(base, f)) &&
        !sameValue(fieldValue(theirs, f), fieldValue(base, f)) &&
        !sameValue(fieldValue(mine, f), fieldValue(theirs, f)),
    );
  }

  private validate(note: IReflection): void {
    const errors = validateReflection(note);
    if (errors.length > 0) throw new DataError('invalid', { validationErrors: errors });
  }

  /**
   * The move from the list: own items not yet in the file are merged in and written (If-Match), the
   * file is read back and compared, then every item it holds is deleted from the list (If-Match). Any
   * failure stops the move with the list untouched or the file already holding the items; the next
   * open goes on from there.
   */
  private async moveFromList(state: IFileState | undefined): Promise<IFileState | undefined> {
    if (!this.legacy) return state;
    let items: IReflection[];
    try {
      items = await this.legacy.listMine(this.user.id);
    } catch (error) {
      // A site without the list (or never provisioned) has nothing to move.
      const e = graphError(error);
      if (e.kind === 'notProvisioned') return state;
      throw e;
    }
    if (items.length === 0) return state;
    const held = new Set(state?.file.moved ?? []);
    const fresh = items.filter((item) => !held.has(item.clientKey));
    if (fresh.length > 0) {
      const merged = mergeLegacy(state ? noteOf(state) : undefined, fresh);
      const moved = [...(state?.file.moved ?? []), ...fresh.map((item) => item.clientKey)];
      const file = fileOf(merged, moved, this.now());
      await this.write(file, state?.etag);
      const back = await this.read();
      if (!back || !sameFile(back.file, file))
        throw new DataError('conflict', { status: 412, detail: 'read back differs' });
      state = back;
    }
    const inFile = new Set(state?.file.moved ?? []);
    for (const item of items) if (inFile.has(item.clientKey)) await this.legacy.remove(item);
    return state;
  }
}

/**
 * Where there is no Microsoft Graph (a host without it, a test without `wiring.graph`): every call
 * says the notes cannot be opened (`DataError` "notesUnavailable"), nothing crashes.
 */
export function unavailableNotes(): IReflectionRepository {
  const refuse = (): Promise<never> => Promise.reject(new DataError('forbidden', { reason: 'notesUnavailable' }));
  return { get: refuse, listMine: refuse, create: refuse, update: refuse, remove: refuse };
}
