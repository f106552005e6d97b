/**
 * Item ↔ domain mapping: a codec names, per domain property, the column that holds it and how the
 * value is converted. Reads and writes go through the same table, so they cannot drift apart, and
 * `tests/data/mapping.test.ts` checks every column against the schema.
 */
import { toIsoDate } from '../../domain/dates';
import type { IEntity, IsoDate } from '../../domain/model';
import { LISTS } from '../schema/lists';
import type { ListKey } from '../schema/types';

/** A row as SharePoint returns it (JSON Light). */
export type Row = Record<string, unknown>;

/** How a value is stored. */
export type Conversion = 'text' | 'number' | 'bool' | 'date' | 'user' | 'users';

/** One domain property in one column. */
export interface IColumn<T> {
  prop: keyof T & string;
  /** Internal name of the column. */
  field: string;
  conv: Conversion;
}

/** The mapping of one list. */
export interface ICodec<T extends IEntity> {
  list: ListKey;
  columns: readonly IColumn<T>[];
  /** Read-only system columns the domain type shows (Created, AuthorId, _ModerationStatus). */
  system?: readonly string[];
  /**
   * Person columns read with `$expand` on every read of the list, e.g. `Author` for the author's name
   * (`Author/Id`, `Author/Title`). An expansion of a column already selected as `AuthorId` is the same
   * lookup: it does not count again towards the 12 lookup columns of one query.
   */
  expand?: readonly string[];
  /** The item's `Title` when no domain property maps to it (Title is required in a custom list). */
  title?: (item: T) => string;
  /** Properties set from system columns after the table is applied. */
  readSystem?: (row: Row, item: T) => void;
}

/** The OData name of a column in a row or a body: `Owner` → `OwnerId`, `_X` → `OData__X`. */
export function odataName(field: string, conv: Conversion): string {
  const name = field.charAt(0) === '_' ? `OData_${field}` : field;
  return conv === 'user' || conv === 'users' ? `${name}Id` : name;
}

/** The schema version that added a list. */
function listSince(list: ListKey): number {
  return LISTS.find((l) => l.key === list)?.since ?? 1;
}

/** The schema version that added a column (1 for Title and unknown names). */
export function columnSince(list: ListKey, field: string): number {
  const schema = LISTS.find((l) => l.key === list);
  const column = schema && schema.fields.find((f) => f.name === field);
  return column ? column.since : 1;
}

/**
 * `$select` for a codec: Id, ClientKey, the columns and the system columns — only the columns that
 * exist at `version` (a site not yet upgraded is read with the columns it has).
 */
export function selectFor<T extends IEntity>(codec: ICodec<T>, version = Infinity): string[] {
  const names = ['Id', 'ClientKey'];
  for (const column of codec.columns) {
    if (columnSince(codec.list, column.field) > version) continue;
    const name = odataName(column.field, column.conv);
    if (names.indexOf(name) < 0) names.push(name);
  }
  for (const name of codec.system || []) if (names.indexOf(name) < 0) names.push(name);
  for (const name of personProjections(codec.expand || [])) if (names.indexOf(name) < 0) names.push(name);
  return names;
}

/**
 * `$select` for some of a codec's properties only: Id and their columns (those that exist at
 * `version`). For reads that count or list and never write back, e.g. the follow-up overview.
 */
export function selectProps<T extends IEntity>(
  codec: ICodec<T>,
  props: readonly (keyof T & string)[],
  version = Infinity,
): string[] {
  const names = ['Id'];
  for (const prop of props) {
    const column = codec.columns.find((c) => c.prop === prop);
    if (!column) throw new Error(`${codec.list} has no column for '${prop}'`);
    if (columnSince(codec.list, column.field) > version) continue;
    const name = odataName(column.field, column.conv);
    if (names.indexOf(name) < 0) names.push(name);
  }
  return names;
}

/** The sub-properties read of an expanded person column. */
export const PERSON_PROPS: readonly string[] = ['Id', 'Title'];

/** `$select` entries that read people's ids and names: `Owner` → `Owner/Id`, `Owner/Title`. */
export function personProjections(columns: readonly string[]): string[] {
  const names: string[] = [];
  for (const column of columns) for (const prop of PERSON_PROPS) names.push(`${column}/${prop}`);
  return names;
}

/** The columns a `$select` projects from (`Author/Title` → `Author`): what `$expand` must name. */
export function expandRoots(select: readonly string[]): string[] {
  const roots: string[] = [];
  for (const name of select) {
    const slash = name.indexOf('/');
    if (slash > 0 && roots.indexOf(name.slice(0, slash)) < 0) roots.push(name.slice(0, slash));
  }
  return roots;
}

/** SharePoint refuses a query that touches more lookup, person and managed-metadata columns. */
export const MAX_LOOKUP_COLUMNS = 12;

/**
 * The lookup and person columns a `$select` of a codec touches: its user columns (`OwnerId`), the
 * built-in `AuthorId`/`EditorId`, and every expanded column — each column once.
 */
export function lookupColumns<T extends IEntity>(codec: ICodec<T>, select: readonly string[]): string[] {
  const columns = new Set<string>();
  for (const name of select) {
    const slash = name.indexOf('/');
    if (slash > 0) {
      columns.add(name.slice(0, slash));
    } else if (name === 'AuthorId' || name === 'EditorId') {
      columns.add(name.slice(0, -2));
    } else {
      const column = codec.columns.find(
        (c) => (c.conv === 'user' || c.conv === 'users') && odataName(c.field, c.conv) === name,
      );
      if (column) columns.add(column.field);
    }
  }
  return Array.from(columns);
}

/** Dates already converted by `fromSpDate` (cleared when full). */
const SP_DATE_CACHE = 10000;
const spDates = new Map<string, IsoDate | undefined>();

/** A stored date-only value as the calendar day in Copenhagen. */
export function fromSpDate(value: unknown): IsoDate | undefined {
  if (typeof value !== 'string' || value === '') return undefined;
  // Thousands of rows share a few hundred dates: each text is converted once (Intl is slow).
  if (spDates.has(value)) return spDates.get(value);
  const instant = new Date(value);
  const date = isNaN(instant.getTime()) ? undefined : toIsoDate(instant);
  if (spDates.size >= SP_DATE_CACHE) spDates.clear();
  spDates.set(value, date);
  return date;
}

/**
 * A calendar day as the value to store: noon UTC, which is the same day in Copenhagen whether the
 * site keeps it as is or moves it to its own midnight.
 */
export function toSpDate(value: IsoDate | undefined | null): string | null {
  return value ? `${value}T12:00:00Z` : null;
}

function readValue(raw: unknown, conv: Conversion): unknown {
  if (raw === null || raw === undefined) return conv === 'users' ? [] : conv === 'bool' ? false : undefined;
  switch (conv) {
    case 'text':
      return raw === '' ? undefined : String(raw);
    case 'number':
    case 'user': {
      const n = typeof raw === 'number' ? raw : Number(raw);
      return Number.isFinite(n) ? n : undefined;
    }
    case 'bool':
      return raw === true || raw === 1 || raw === '1' || raw === 'true';
    case 'date':
      return fromSpDate(raw);
    case 'users': {
      // Multi-user ids come as an array (JSON Light) or as {results: []} (verbose).
      const list = Array.isArray(raw) ? raw : (raw as { results?: unknown[] }).results || [];
      return list.map((v) => Number(v)).filter((n) => Number.isFinite(n));
    }
    default:
      return raw;
  }
}

function writeValue(value: unknown, conv: Conversion): unknown {
  if (value === undefined || value === null || value === '')
    return conv === 'users' ? [] : conv === 'bool' ? false : null;
  switch (conv) {
    case 'date':
      return toSpDate(String(value));
    case 'users':
      return (value as number[]).slice();
    case 'bool':
      return value === true;
    default:
      return value;
  }
}

/** The domain item of a row. */
export function fromRow<T extends IEntity>(codec: ICodec<T>, row: Row): T {
  const item = {} as Record<string, unknown>;
  const id = row.Id !== undefined ? row.Id : row.ID;
  if (typeof id === 'number') item.id = id;
  item.clientKey = typeof row.ClientKey === 'string' ? row.ClientKey : '';
  const etag = row['odata.etag'];
  if (typeof etag === 'string') item.etag = etag;
  for (const column of codec.columns) {
    const value = readValue(row[odataName(column.field, column.conv)], column.conv);
    if (value !== undefined) item[column.prop] = value;
  }
  const typed = item as unknown as T;
  if (codec.readSystem) codec.readSystem(row, typed);
  return typed;
}

/** The body that stores an item (every mapped column, plus ClientKey and Title). */
export function toFields<T extends IEntity>(codec: ICodec<T>, item: T): Record<string, unknown> {
  const body: Record<string, unknown> = { ClientKey: item.clientKey };
  for (const column of codec.columns) {
    body[odataName(column.field, column.conv)] = writeValue(
      (item as unknown as Record<string, unknown>)[column.prop],
      column.conv,
    );
  }
  if (codec.title && body.Title === undefined) body.Title = truncate(codec.title(item), 255);
  return body;
}

/**
 * Leaves out empty values of columns added after v1, so creating an item on a site that has not been
 * upgraded yet works as long as nothing is put in a column the site lacks.
 */
export function withoutEmptyLaterColumns<T extends IEntity>(
  codec: ICodec<T>,
  body: Record<string, unknown>,
): Record<string, unknown> {
  const result = { ...body };
  for (const column of codec.columns) {
    const name = odataName(column.field, column.conv);
    const value = result[name];
    // An unticked Boolean is stored as no value too (it reads back as false), so `false` in a column the
    // list got later is left out like an empty one (e.g. a story's PictureConsent on a site before v9).
    const since = columnSince(codec.list, column.field);
    const unticked = column.conv === 'bool' && value === false && since > listSince(codec.list);
    const empty = value === null || value === undefined || (Array.isArray(value) && value.length === 0);
    if ((empty && since > 1) || unticked) delete result[name];
  }
  return result;
}

/** Whether two stored values are the same (arrays by content). */
export function sameValue(a: unknown, b: unknown): boolean {
  if (Array.isArray(a) || Array.isArray(b)) {
    const x = Array.isArray(a) ? a : [];
    const y = Array.isArray(b) ? b : [];
    return x.length === y.length && x.every((v, i) => v === y[i]);
  }
  return (a === undefined ? null : a) === (b === undefined ? null : b);
}

/** The columns (OData names) whose stored values differ between two bodies. */
export function changedFields(before: Record<string, unknown>, after: Record<string, unknown>): string[] {
  const names: string[] = [];
  for (const name of Object.keys(after)) if (!sameValue(before[name], after[name])) names.push(name);
  return names;
}

/** The domain properties stored in the given columns (for telling a person what collided). */
export function propsOf<T extends IEntity>(codec: ICodec<T>, fields: readonly string[]): string[] {
  const props: string[] = [];
  for (const field of fields) {
    const column = codec.columns.find((c) => odataName(c.field, c.conv) === field);
    const prop = column ? column.prop : field === 'Title' ? 'title' : field;
    if (props.indexOf(prop) < 0) props.push(prop);
  }
  return props;
}

function truncate(text: string, max: number): string {
  return text.length <= max ? text : text.slice(0, max - 1) + '…';
}

/** The people of an expanded person column in a row: `{Id, Title}`, an array of them, or verbose `{results}`. */
function expandedPeople(row: Row, column: string): Row[] {
  const value = row[column] as unknown;
  if (Array.isArray(value)) return value as Row[];
  if (value && typeof value === 'object') {
    const results = (value as { results?: unknown }).results;
    return Array.isArray(results) ? (results as Row[]) : [value as Row];
  }
  return [];
}

/** The display name in an expanded single person column (`row.Author.Title`), if it was read. */
export function personTitle(row: Row, column: string): string | undefined {
  const person = expandedPeople(row, column)[0];
  const title = person ? person.Title : undefined;
  return typeof title === 'string' && title !== '' ? title : undefined;
}

/** A person as the views name them. */
export interface IPersonName {
  displayName: string;
}

/** Adds the people of expanded person columns (read with `Id` and `Title`) to a map by user id. */
export function collectPeople(
  into: Record<number, IPersonName>,
  rows: readonly Row[],
  columns: readonly string[],
): Record<number, IPersonName> {
  for (const row of rows) {
    for (const column of columns) {
      for (const person of expandedPeople(row, column)) {
        const id = typeof person.Id === 'number' ? person.Id : Number(person.Id);
        const title = person.Title;
        if (Number.isFinite(id) && id > 0 && typeof title === 'string' && title !== '')
          into[id] = { displayName: title };
      }
    }
  }
  return into;
}
