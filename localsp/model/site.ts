/**
 * The in-memory site: every query runs against this. State changes only through `commit(op)`, which
 * applies the operation and hands it to the journal, so that replaying the journal rebuilds the very
 * same state.
 */
import type {
  FieldRecord,
  GroupRecord,
  ItemRecord,
  ListRecord,
  Op,
  RoleDefRecord,
  SiteState,
  StoredValue,
  UserRecord,
  WebRecord,
} from './types';
import { BlobStore, MemoryBlobStore } from '../store/blobs';

/** A list with its items sorted by id and its unique-value indexes. */
export interface ListRuntime {
  rec: ListRecord;
  /** Items in ascending id order (ids only grow, so appends keep the order). */
  items: ItemRecord[];
  byId: Map<number, ItemRecord>;
  /** Per column that enforces unique values: normalised value → item id. */
  unique: Map<string, Map<string, number>>;
  /** Counts every change to the list's items or columns (query indexes built before are stale). */
  changes: number;
}

/** The key a value has in a unique index; null values are not indexed (UNCONFIRMED: SharePoint allows many blanks). */
export function uniqueKey(value: StoredValue | undefined): string | null {
  if (value === null || value === undefined || value === '') return null;
  if (typeof value === 'string') return value.toLowerCase();
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return JSON.stringify(value);
}

/** The whole site in memory. */
export class Site {
  public web!: WebRecord;
  public users = new Map<number, UserRecord>();
  public groups = new Map<number, GroupRecord>();
  public roleDefs = new Map<number, RoleDefRecord>();
  public lists = new Map<string, ListRuntime>();
  public nextPrincipalId = 1;
  public seeded = false;
  /** File bytes of document libraries (the server sets the data folder's `files/`). */
  public blobs: BlobStore = new MemoryBlobStore();
  private sink: (op: Op) => void = () => undefined;

  public constructor(state: SiteState) {
    this.load(state);
  }

  /** Replaces everything with the given state (used at start and by /_local/reset). */
  public load(state: SiteState): void {
    this.web = state.web;
    this.users = new Map(state.users.map((u) => [u.id, u]));
    this.groups = new Map(state.groups.map((g) => [g.id, g]));
    this.roleDefs = new Map(state.roleDefs.map((r) => [r.id, r]));
    this.lists = new Map();
    for (const l of state.lists) {
      const rt: ListRuntime = {
        rec: l.list,
        items: [...l.items].sort((a, b) => a.id - b.id),
        byId: new Map(),
        unique: new Map(),
        changes: 0,
      };
      for (const it of rt.items) rt.byId.set(it.id, it);
      rebuildUnique(rt);
      this.lists.set(l.list.id, rt);
    }
    this.nextPrincipalId = state.nextPrincipalId;
    this.seeded = state.seeded;
  }

  /** Where committed operations go (the journal). */
  public setSink(sink: (op: Op) => void): void {
    this.sink = sink;
  }

  /** Applies an operation and records it. */
  public commit(op: Op): void {
    this.apply(op);
    this.sink(op);
  }

  /** Applies an operation without recording it (journal replay). */
  public apply(op: Op): void {
    switch (op.t) {
      case 'web':
        this.web = op.web;
        break;
      case 'user':
        this.users.set(op.user.id, op.user);
        this.nextPrincipalId = Math.max(this.nextPrincipalId, op.user.id + 1);
        break;
      case 'group':
        this.groups.set(op.group.id, op.group);
        this.nextPrincipalId = Math.max(this.nextPrincipalId, op.group.id + 1);
        break;
      case 'groupDel':
        this.groups.delete(op.id);
        break;
      case 'roleDef':
        this.roleDefs.set(op.def.id, op.def);
        break;
      case 'roleDefDel':
        this.roleDefs.delete(op.id);
        break;
      case 'list':
        this.applyList(op.list);
        break;
      case 'listDel':
        this.lists.delete(op.id);
        break;
      case 'items':
        this.applyItems(op.list, op.items);
        break;
      case 'itemDel':
        this.applyItemDelete(op.list, op.id, op.at);
        break;
      case 'principalId':
        this.nextPrincipalId = Math.max(this.nextPrincipalId, op.next);
        break;
      case 'seeded':
        this.seeded = true;
        break;
    }
  }

  /** The state to write to a snapshot. */
  public toState(seq: number): SiteState {
    return {
      format: 1,
      seq,
      seeded: this.seeded,
      web: this.web,
      users: [...this.users.values()],
      groups: [...this.groups.values()],
      roleDefs: [...this.roleDefs.values()],
      lists: [...this.lists.values()].map((l) => ({ list: l.rec, items: l.items })),
      nextPrincipalId: this.nextPrincipalId,
    };
  }

  /** A list by title, case-insensitively (reference §0). */
  public listByTitle(title: string): ListRuntime | undefined {
    const t = title.toLowerCase();
    for (const l of this.lists.values()) if (l.rec.title.toLowerCase() === t) return l;
    return undefined;
  }

  /** A list by id (GUID, braces and case ignored). */
  public listById(id: string): ListRuntime | undefined {
    return this.lists.get(normalizeGuid(id));
  }

  /** A site or directory user by e-mail. */
  public userByEmail(email: string): UserRecord | undefined {
    const e = email.trim().toLowerCase();
    for (const u of this.users.values()) if (u.email.toLowerCase() === e) return u;
    return undefined;
  }

  /** Allocates the next user/group id (shared id space, as SharePoint principals). */
  public takePrincipalId(): number {
    const id = this.nextPrincipalId;
    this.commit({ t: 'principalId', next: id + 1 });
    return id;
  }

  /** Ids of the principals a user acts as: the user and every group containing them. */
  public principalsOf(userId: number): Set<number> {
    const ids = new Set<number>([userId]);
    for (const g of this.groups.values()) if (g.memberIds.includes(userId)) ids.add(g.id);
    return ids;
  }

  private applyList(rec: ListRecord): void {
    const existing = this.lists.get(rec.id);
    if (!existing) {
      const rt: ListRuntime = { rec, items: [], byId: new Map(), unique: new Map(), changes: 0 };
      this.lists.set(rec.id, rt);
      return;
    }
    const removed = existing.rec.fields.filter((f) => !rec.fields.some((n) => n.internalName === f.internalName));
    existing.rec = rec;
    existing.changes++;
    if (removed.length > 0) {
      // A deleted column takes its values with it, so a later column of the same name starts empty.
      for (const it of existing.items) {
        for (const f of removed) {
          delete it.values[f.internalName];
          if (it.published) delete it.published.values[f.internalName];
        }
      }
    }
    rebuildUnique(existing);
  }

  private applyItems(listId: string, items: ItemRecord[]): void {
    const rt = this.lists.get(listId);
    if (!rt) return;
    rt.changes++;
    let nextId = rt.rec.nextItemId;
    let lastModified = rt.rec.lastItemModified;
    for (const item of items) {
      const old = rt.byId.get(item.id);
      if (old) {
        unindexUnique(rt, old);
        rt.items[indexOfId(rt.items, item.id)] = item;
      } else if (rt.items.length === 0 || rt.items[rt.items.length - 1].id < item.id) {
        rt.items.push(item);
      } else {
        rt.items.splice(insertionIndex(rt.items, item.id), 0, item);
      }
      rt.byId.set(item.id, item);
      indexUnique(rt, item);
      if (item.id >= nextId) nextId = item.id + 1;
      if (item.modified > lastModified) lastModified = item.modified;
    }
    if (nextId !== rt.rec.nextItemId || lastModified !== rt.rec.lastItemModified) {
      rt.rec = { ...rt.rec, nextItemId: nextId, lastItemModified: lastModified };
    }
  }

  private applyItemDelete(listId: string, id: number, at: string): void {
    const rt = this.lists.get(listId);
    const old = rt?.byId.get(id);
    if (!rt || !old) return;
    rt.changes++;
    unindexUnique(rt, old);
    rt.items.splice(indexOfId(rt.items, id), 1);
    rt.byId.delete(id);
    rt.rec = { ...rt.rec, lastItemDeleted: at };
  }
}

/** Lower-case GUID without braces. */
export function normalizeGuid(id: string): string {
  return id
    .trim()
    .replace(/^\{|\}$/g, '')
    .toLowerCase();
}

/** Index of the item with this id in an id-sorted array (binary search), or -1. */
export function indexOfId(items: readonly ItemRecord[], id: number): number {
  let lo = 0;
  let hi = items.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const v = items[mid].id;
    if (v === id) return mid;
    if (v < id) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
}

/** First index whose id is greater than or equal to `id`. */
export function insertionIndex(items: readonly ItemRecord[], id: number): number {
  let lo = 0;
  let hi = items.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (items[mid].id < id) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function uniqueFields(rec: ListRecord): FieldRecord[] {
  return rec.fields.filter((f) => f.enforceUnique);
}

function rebuildUnique(rt: ListRuntime): void {
  rt.unique = new Map();
  for (const f of uniqueFields(rt.rec)) rt.unique.set(f.internalName, new Map());
  for (const it of rt.items) indexUnique(rt, it);
}

function indexUnique(rt: ListRuntime, item: ItemRecord): void {
  for (const [name, index] of rt.unique) {
    const key = uniqueKey(item.values[name]);
    if (key !== null) index.set(key, item.id);
  }
}

function unindexUnique(rt: ListRuntime, item: ItemRecord): void {
  for (const [name, index] of rt.unique) {
    const key = uniqueKey(item.values[name]);
    if (key !== null && index.get(key) === item.id) index.delete(key);
  }
}
