/**
 * List item values: reading a write body against the list's columns (reference §1 add/update, §3
 * errors), defaults, required and unique checks, and the item JSON of reference §2 (field order,
 * `XxxId`/`XxxStringId`, nulls, dates, metadata).
 */
import { createHash } from 'crypto';
import {
  duplicateValues,
  fieldValidation,
  invalidValue,
  lookupThresholdExceeded,
  projectionNeedsExpand,
  unknownProperty,
  unknownSelectField,
} from '../http/errors';
import type { Projection } from '../odata/select';
import { isLookup, isMulti, isUser, listServerRelativeUrl, valueKey } from './fields';
import { odataName, spDate } from './names';
import {
  bodyProperties,
  cannotConvert,
  notPrimitive,
  readIntCollection,
  readPrimitive,
  readStringCollection,
} from './props';
import { ListRuntime, Site, uniqueKey } from './site';
import type {
  FieldRecord,
  GroupRecord,
  ItemRecord,
  JsonObject,
  JsonValue,
  ListRecord,
  StoredValue,
  UrlValue,
  UserRecord,
} from './types';

/** Max characters of a multiple-lines-of-text value (reference "limits": about 63,999). */
export const NOTE_MAX_LENGTH = 63999;

/** The SP.Data type of a list's items (`SP.Data.StoriesListItem`). */
export function itemTypeName(list: ListRecord): string {
  return `SP.Data.${list.entityTypeName}Item`;
}

/** Property names of a list's item entity type that are built in and may not be written. */
const READ_ONLY_PROPS = new Set(
  [
    'Id',
    'ID',
    'FileSystemObjectType',
    'ServerRedirectedEmbedUri',
    'ServerRedirectedEmbedUrl',
    'ContentTypeId',
    'ComplianceAssetId',
    'Modified',
    'Created',
    'AuthorId',
    'EditorId',
    'AuthorStringId',
    'EditorStringId',
    'OData__UIVersionString',
    'Attachments',
    'GUID',
    'owshiddenversion',
    'FileRef',
    'FileLeafRef',
    'FileDirRef',
  ].map((s) => s.toLowerCase()),
);

/** Parsed changes of a write body. */
export interface ItemChanges {
  values: Record<string, StoredValue>;
  moderationStatus?: number;
  moderationComments?: string | null;
}

/** What reading a body needs to know. */
export interface WriteContext {
  site: Site;
  list: ListRuntime;
  verbose: boolean;
}

/**
 * Reads a JSON body of an add or MERGE into column values. Unknown properties and read-only built-ins
 * are 400s naming `SP.Data.<Entity>Item`; wrong JSON types are the OData reader's 400.
 */
export function readItemBody(body: JsonObject, ctx: WriteContext): ItemChanges {
  const rec = ctx.list.rec;
  const typeName = itemTypeName(rec);
  const declared =
    body.__metadata && typeof body.__metadata === 'object' ? (body.__metadata as JsonObject).type : body['odata.type'];
  if (typeof declared === 'string' && declared !== typeName) {
    // UNCONFIRMED wording; SharePoint refuses a body typed for another list.
    throw invalidValue(
      `A type named '${declared}' could not be resolved by the model. When a model is available, each type name must resolve to a valid type.`,
    );
  }
  const changes: ItemChanges = { values: {} };
  for (const [key, raw] of bodyProperties(body)) {
    if (key === 'OData__ModerationStatus' || key === 'OData__ModerationComments') {
      readModeration(key, raw, changes, rec);
      continue;
    }
    const target = resolveWritable(rec, key);
    if (!target) {
      if (READ_ONLY_PROPS.has(key.toLowerCase())) {
        // UNCONFIRMED: SharePoint's answer for writing a read-only built-in column over REST.
        throw invalidValue(`The property '${key}' is read-only and cannot be set.`);
      }
      throw unknownProperty(key, typeName);
    }
    changes.values[target.internalName] = convertValue(target, raw, ctx);
  }
  return changes;
}

function readModeration(key: string, raw: JsonValue, changes: ItemChanges, rec: ListRecord): void {
  if (!rec.enableModeration) {
    // UNCONFIRMED wording: the column exists but content approval is off.
    throw invalidValue(`The property '${key}' can only be set when content approval is enabled on the list.`);
  }
  if (key === 'OData__ModerationStatus') {
    const v = readPrimitive(raw, 'Edm.Int32');
    if (v === null || (v as number) < 0 || (v as number) > 4) throw cannotConvert('Edm.Int32');
    changes.moderationStatus = v as number;
  } else {
    const v = readPrimitive(raw, 'Edm.String');
    changes.moderationComments = v === null || v === '' ? null : String(v);
  }
}

/** The column a body property writes: `Title`, `Amount`, `OwnerId` (user/lookup ids) … */
function resolveWritable(rec: ListRecord, key: string): FieldRecord | undefined {
  for (const f of rec.fields) {
    if (f.builtIn || f.readOnly) continue;
    const name = odataName(f.internalName);
    if (isLookup(f) || isUser(f)) {
      if (key === `${name}Id`) return f;
    } else if (key === name) {
      return f;
    }
  }
  return undefined;
}

/** Converts one JSON value to what the column stores, validating it. */
export function convertValue(f: FieldRecord, raw: JsonValue, ctx: WriteContext): StoredValue {
  switch (f.typeAsString) {
    case 'Text':
      return textValue(f, raw, Number(f.props.MaxLength ?? 255));
    case 'Note':
    case 'Location':
    case 'Thumbnail':
      return textValue(f, raw, NOTE_MAX_LENGTH);
    case 'Choice':
      return choiceValue(f, raw);
    case 'MultiChoice': {
      const values = readStringCollection(raw, ctx.verbose);
      if (!values || values.length === 0) return null;
      for (const v of values) checkChoice(f, v);
      return values;
    }
    case 'DateTime': {
      const v = readPrimitive(raw, 'Edm.DateTime');
      return v === null ? null : spDate(String(v));
    }
    case 'Number':
    case 'Currency':
      return numberValue(f, readPrimitive(raw, 'Edm.Double') as number | null);
    case 'Integer':
      return numberValue(f, readPrimitive(raw, 'Edm.Int32') as number | null);
    case 'Boolean':
      return readPrimitive(raw, 'Edm.Boolean') as boolean | null;
    case 'URL':
      return urlValue(raw);
    case 'Lookup':
      return idValue(readPrimitive(raw, 'Edm.Int32') as number | null);
    case 'LookupMulti':
      return (readIntCollection(raw, ctx.verbose) ?? []).filter((n) => n > 0);
    case 'User':
      return userValue(f, idValue(readPrimitive(raw, 'Edm.Int32') as number | null), ctx.site);
    case 'UserMulti': {
      const ids = (readIntCollection(raw, ctx.verbose) ?? []).filter((n) => n > 0);
      for (const id of ids) userValue(f, id, ctx.site);
      return ids;
    }
    case 'Calculated':
      throw invalidValue(`The property '${odataName(f.internalName)}' is read-only and cannot be set.`);
    default:
      throw cannotConvert('Edm.String');
  }
}

function textValue(f: FieldRecord, raw: JsonValue, max: number): string | null {
  const v = readPrimitive(raw, 'Edm.String');
  if (v === null || v === '') return null;
  const s = String(v);
  if (s.length > max) {
    // UNCONFIRMED wording.
    throw fieldValidation(`The value of the field '${f.title}' is longer than the maximum of ${max} characters.`);
  }
  return s;
}

function choiceValue(f: FieldRecord, raw: JsonValue): string | null {
  const v = readPrimitive(raw, 'Edm.String');
  if (v === null || v === '') return null;
  checkChoice(f, String(v));
  return String(v);
}

/**
 * A value outside Choices is refused unless FillInChoice. UNCONFIRMED: SharePoint's REST layer may store
 * any text in a choice column; this server is stricter so the product never relies on that.
 */
function checkChoice(f: FieldRecord, v: string): void {
  const choices = Array.isArray(f.props.Choices) ? (f.props.Choices as string[]) : [];
  if (f.props.FillInChoice === true || choices.includes(v)) return;
  throw fieldValidation(`The value '${v}' is not one of the choices of the field '${f.title}'.`);
}

function numberValue(f: FieldRecord, v: number | null): number | null {
  if (v === null) return null;
  const min = Number(f.props.MinimumValue ?? -Number.MAX_VALUE);
  const max = Number(f.props.MaximumValue ?? Number.MAX_VALUE);
  if (v < min || v > max) {
    // UNCONFIRMED wording.
    throw fieldValidation(`The value of the field '${f.title}' must be between ${min} and ${max}.`);
  }
  return v;
}

function urlValue(raw: JsonValue): UrlValue | null {
  if (raw === null) return null;
  if (Array.isArray(raw)) throw notPrimitive('StartArray');
  if (typeof raw !== 'object')
    throw invalidValue(
      "A node of type 'PrimitiveValue' was read from the JSON reader when trying to read the contents of the property of type 'SP.FieldUrlValue'; however, a 'StartObject' node was expected.",
    );
  const url = readPrimitive(raw.Url, 'Edm.String');
  const description = readPrimitive(raw.Description, 'Edm.String');
  if (url === null || url === '') return null;
  if (String(url).length > 255)
    throw fieldValidation('The URL of a hyperlink field cannot be longer than 255 characters.');
  return { Description: description === null ? String(url) : String(description), Url: String(url) };
}

function idValue(v: number | null): number | null {
  return v === null || v <= 0 ? null : v;
}

/** A person column accepts site users, and groups when SelectionMode is 1 (people and groups). */
function userValue(f: FieldRecord, id: number | null, site: Site): number | null {
  if (id === null) return null;
  const user = site.users.get(id);
  if (user && user.inSite) return id;
  if (site.groups.has(id) && Number(f.props.SelectionMode ?? 1) === 1) return id;
  // UNCONFIRMED status/code; the message is SharePoint's for an unknown principal.
  throw fieldValidation('The user does not exist or is not unique.');
}

/** Values of columns not sent on an add: DefaultValue per type (Choice, Text, Number, Boolean, `[today]`). */
export function applyDefaults(rec: ListRecord, values: Record<string, StoredValue>, now: string): void {
  for (const f of rec.fields) {
    if (f.builtIn || f.readOnly || f.internalName in values) continue;
    values[f.internalName] = defaultFor(f, now);
  }
}

function defaultFor(f: FieldRecord, now: string): StoredValue {
  const d = f.defaultValue;
  if (d === null || d === '') return f.typeAsString === 'LookupMulti' || f.typeAsString === 'UserMulti' ? [] : null;
  switch (f.typeAsString) {
    case 'Boolean':
      return d === '1' || d.toLowerCase() === 'true';
    case 'Number':
    case 'Currency':
    case 'Integer':
      return Number.isFinite(Number(d)) ? Number(d) : null;
    case 'DateTime':
      return /^\[today\]$/i.test(d) ? now : Number.isNaN(Date.parse(d)) ? null : spDate(d);
    case 'MultiChoice':
      return d.split(';#').filter((s) => s !== '');
    case 'Text':
    case 'Note':
    case 'Choice':
      return d;
    default:
      return null;
  }
}

/** 400 when a required column is empty (UNCONFIRMED: SharePoint's REST layer may not enforce Required; this server does). */
export function checkRequired(rec: ListRecord, values: Record<string, StoredValue>, only?: Iterable<string>): void {
  const names = only ? new Set(only) : null;
  for (const f of rec.fields) {
    if (!f.required || f.builtIn || f.readOnly) continue;
    if (names && !names.has(f.internalName)) continue;
    const v = values[f.internalName];
    if (v === null || v === undefined || v === '' || (Array.isArray(v) && v.length === 0)) {
      throw fieldValidation(`You must specify a value for this required field. Field: '${f.title}'.`);
    }
  }
}

/** 400 SPDuplicateValuesFoundException when a unique column's value is used by another item. */
export function checkUnique(
  rt: ListRuntime,
  values: Record<string, StoredValue>,
  selfId: number | null,
  pending?: Map<string, Set<string>>,
): void {
  for (const [name, index] of rt.unique) {
    const key = uniqueKey(values[name]);
    if (key === null) continue;
    const owner = index.get(key);
    if (owner !== undefined && owner !== selfId) throw duplicateValues([displayName(rt, name)]);
    if (pending) {
      const seen = pending.get(name) ?? new Set<string>();
      if (seen.has(key)) throw duplicateValues([displayName(rt, name)]);
      seen.add(key);
      pending.set(name, seen);
    }
  }
}

/** A column's display name (what SharePoint names in its duplicate-value message; UNCONFIRMED: not the internal name). */
function displayName(rt: ListRuntime, internalName: string): string {
  return rt.rec.fields.find((f) => f.internalName === internalName)?.title ?? internalName;
}

// ---------------------------------------------------------------------------------------------
// JSON out

/** What serialising items needs. */
export interface ItemJsonContext {
  site: Site;
  siteUrl: string;
  sitePath: string;
}

/** Writes some properties of an item onto the output object. */
type Emitter = (item: ItemRecord, out: JsonObject) => void;

/** A validated $select/$expand for one list, ready to write many items. */
export interface ItemShape {
  nav: Emitter[];
  props: Emitter[];
}

/** A stable GUID-shaped id derived from text (odata.id of users, which have no item GUID here). */
export function stableGuid(text: string): string {
  const h = createHash('md5').update(text).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

/** The list's ContentTypeId of its item content type. */
export function contentTypeId(rec: ListRecord): string {
  return `0x0100${rec.id.replace(/-/g, '').toUpperCase()}`;
}

function editLink(rec: ListRecord, id: number): string {
  return `Web/Lists(guid'${rec.id}')/Items(${id})`;
}

/** The item's ETag as the write answers send it: `"<guid>,<version>"` (reference §2). */
export function itemEtagHeader(item: ItemRecord): string {
  return `"${item.guid},${item.version}"`;
}

/** The `OData__UIVersionString`: "1.0" without versioning, "<major>.0" with it. */
export function uiVersionString(rec: ListRecord, item: ItemRecord): string {
  return rec.enableVersioning ? `${item.uiMajor}.0` : '1.0';
}

/** Writes the built-in and column properties in SharePoint's order; `pick` limits them to $select. */
function propertyEmitters(rec: ListRecord, ctx: ItemJsonContext): Map<string, Emitter> {
  const m = new Map<string, Emitter>();
  const ctid = contentTypeId(rec);
  m.set('FileSystemObjectType', (_i, o) => (o.FileSystemObjectType = 0));
  m.set('Id', (i, o) => (o.Id = i.id));
  m.set('ServerRedirectedEmbedUri', (_i, o) => (o.ServerRedirectedEmbedUri = null));
  m.set('ServerRedirectedEmbedUrl', (_i, o) => (o.ServerRedirectedEmbedUrl = ''));
  m.set('ContentTypeId', (_i, o) => (o.ContentTypeId = ctid));
  const title = rec.fields.find((f) => f.internalName === 'Title');
  if (title) m.set('Title', (i, o) => (o.Title = (i.values.Title as string | undefined) ?? null));
  m.set('ComplianceAssetId', (_i, o) => (o.ComplianceAssetId = null));
  for (const f of rec.fields) {
    if (f.builtIn || f.internalName === 'Title') continue;
    for (const [name, emit] of fieldEmitters(f, valueKey(rec, f))) m.set(name, emit);
  }
  m.set('OData__ModerationComments', (i, o) => (o.OData__ModerationComments = i.moderationComments));
  m.set('OData__ModerationStatus', (i, o) => (o.OData__ModerationStatus = i.moderationStatus));
  m.set('ID', (i, o) => (o.ID = i.id));
  m.set('Modified', (i, o) => (o.Modified = i.modified));
  m.set('Created', (i, o) => (o.Created = i.created));
  m.set('AuthorId', (i, o) => (o.AuthorId = i.author));
  m.set('AuthorStringId', (i, o) => (o.AuthorStringId = String(i.author)));
  m.set('EditorId', (i, o) => (o.EditorId = i.editor));
  m.set('EditorStringId', (i, o) => (o.EditorStringId = String(i.editor)));
  m.set('OData__UIVersionString', (i, o) => (o.OData__UIVersionString = uiVersionString(rec, i)));
  m.set('Attachments', (_i, o) => (o.Attachments = false));
  m.set('GUID', (i, o) => (o.GUID = i.guid));
  m.set('owshiddenversion', (i, o) => (o.owshiddenversion = i.version));
  const dir = listServerRelativeUrl(ctx.sitePath, rec);
  // A library item is its file (`FileLeafRef` the file's name); a list item has the `<id>_.000` stub.
  const leaf = (i: ItemRecord): string => i.file?.name ?? `${i.id}_.000`;
  m.set('FileRef', (i, o) => (o.FileRef = `${dir}/${leaf(i)}`));
  m.set('FileLeafRef', (i, o) => (o.FileLeafRef = leaf(i)));
  m.set('FileDirRef', (_i, o) => (o.FileDirRef = dir));
  return m;
}

/** Emitters of one custom column: `Name`, or `NameId`/`NameStringId` for people and lookups (reference §2). */
function fieldEmitters(f: FieldRecord, key: string): [string, Emitter][] {
  const name = odataName(f.internalName);
  switch (f.typeAsString) {
    case 'Lookup':
      return [[`${name}Id`, (i, o) => (o[`${name}Id`] = (i.values[key] as number | null | undefined) ?? null)]];
    case 'LookupMulti':
      return [
        [`${name}Id`, (i, o) => (o[`${name}Id`] = ((i.values[key] as number[] | null | undefined) ?? []).slice())],
      ];
    case 'User':
      return [
        [`${name}Id`, (i, o) => (o[`${name}Id`] = (i.values[key] as number | null | undefined) ?? null)],
        [
          `${name}StringId`,
          (i, o) => {
            const v = i.values[key] as number | null | undefined;
            o[`${name}StringId`] = v === null || v === undefined ? null : String(v);
          },
        ],
      ];
    case 'UserMulti':
      return [
        [
          `${name}Id`,
          (i, o) => {
            const v = i.values[key] as number[] | null | undefined;
            o[`${name}Id`] = v && v.length > 0 ? v.slice() : null;
          },
        ],
        [
          `${name}StringId`,
          (i, o) => {
            const v = i.values[key] as number[] | null | undefined;
            o[`${name}StringId`] = v && v.length > 0 ? v.map(String) : null;
          },
        ],
      ];
    case 'MultiChoice':
      return [
        [
          name,
          (i, o) => {
            const v = i.values[key] as string[] | null | undefined;
            o[name] = v && v.length > 0 ? v.slice() : null;
          },
        ],
      ];
    case 'URL':
      return [
        [
          name,
          (i, o) => {
            const v = i.values[key] as UrlValue | null | undefined;
            o[name] = v ? { Description: v.Description, Url: v.Url } : null;
          },
        ],
      ];
    case 'Calculated':
      // UNCONFIRMED: formulas are stored, not evaluated; the value is always null.
      return [[name, (_i, o) => (o[name] = null)]];
    default:
      return [[name, (i, o) => (o[name] = (i.values[key] as JsonValue | undefined) ?? null)]];
  }
}

const DEFAULT_TAIL = [
  'ID',
  'Modified',
  'Created',
  'AuthorId',
  'EditorId',
  'OData__UIVersionString',
  'Attachments',
  'GUID',
];
const DEFAULT_HEAD = [
  'FileSystemObjectType',
  'Id',
  'ServerRedirectedEmbedUri',
  'ServerRedirectedEmbedUrl',
  'ContentTypeId',
  'Title',
  'ComplianceAssetId',
];
const EXTRA_ONLY = new Set([
  'OData__ModerationComments',
  'OData__ModerationStatus',
  'AuthorStringId',
  'EditorStringId',
  'owshiddenversion',
  'FileRef',
  'FileLeafRef',
  'FileDirRef',
  'ID',
  ...DEFAULT_TAIL,
  ...DEFAULT_HEAD,
]);

/** User properties a `$select=Author/…` may name. */
const USER_PROPS: Record<string, (u: UserRecord | GroupRecord) => JsonValue> = {
  Id: (u) => u.id,
  ID: (u) => u.id,
  Title: (u) => u.title,
  Name: (u) => ('loginName' in u ? u.loginName : u.title),
  EMail: (u) => ('email' in u ? u.email : null),
  UserName: (u) => ('email' in u ? u.email : null),
  SipAddress: (u) => ('email' in u ? u.email : null),
  FirstName: (u) => ('email' in u ? u.title.split(' ')[0] : null),
  LastName: (u) => ('email' in u ? u.title.split(' ').slice(1).join(' ') || null : null),
  JobTitle: (u) => ('jobTitle' in u ? u.jobTitle || null : null),
  Department: (u) => ('department' in u ? u.department || null : null),
  Office: () => null,
  WorkPhone: () => null,
  MobilePhone: () => null,
};

/**
 * Validates `$select`/`$expand` against the list and returns the writers for its items. Projections
 * (`Author/Title`) need their lookup in `$expand` (reference §5); expanded objects come first, then the
 * columns in SharePoint's order (as recorded SharePoint Online answers show).
 */
export function compileItemShape(rt: ListRuntime, proj: Projection, ctx: ItemJsonContext): ItemShape {
  const rec = rt.rec;
  const all = propertyEmitters(rec, ctx);
  const expandable = new Map<string, FieldRecord>();
  for (const f of rec.fields) if (isLookup(f) || isUser(f)) expandable.set(odataName(f.internalName).toLowerCase(), f);
  const expanded = new Map<string, FieldRecord>();
  for (const e of proj.expand) {
    const f = expandable.get(e[0].toLowerCase());
    if (!f || e.length > 1) throw unknownSelectField(e.join('/'));
    expanded.set(odataName(f.internalName), f);
  }
  const subSelects = new Map<string, string[]>();
  const picked = new Set<string>();
  if (proj.select) {
    for (const path of proj.select) {
      if (path.length > 1) {
        const f = expandable.get(path[0].toLowerCase());
        if (!f) throw unknownSelectField(path.join('/'));
        const name = odataName(f.internalName);
        if (!expanded.has(name)) throw projectionNeedsExpand(path.join('/'), path[0]);
        subSelects.set(name, [...(subSelects.get(name) ?? []), path.slice(1).join('/')]);
        continue;
      }
      const match = matchProperty(all, path[0]);
      if (match) {
        picked.add(match);
        if (match === 'Id') picked.add('ID');
        continue;
      }
      const nav = expandable.get(path[0].toLowerCase());
      // UNCONFIRMED: selecting a lookup without $expand writes nothing for it.
      if (nav) {
        subSelects.set(odataName(nav.internalName), subSelects.get(odataName(nav.internalName)) ?? []);
        continue;
      }
      throw unknownSelectField(path[0]);
    }
  }
  const nav: Emitter[] = [];
  for (const [name, f] of expanded) {
    if (proj.select && !subSelects.has(name)) continue;
    nav.push(expandEmitter(rec, f, subSelects.get(name) ?? [], ctx));
  }
  const props: Emitter[] = [];
  const names = proj.select ? [...all.keys()].filter((n) => picked.has(n)) : defaultNames(rec, all);
  for (const n of names) props.push(all.get(n) as Emitter);
  return { nav, props };
}

/** SharePoint's lookup column threshold: lookup and person columns one query may touch. */
export const LOOKUP_COLUMN_THRESHOLD = 12;

/**
 * Refuses a query that touches more than 12 lookup/person columns with SharePoint's 500 (fidelity
 * reference M5). Counted like the product's `lookupColumns` (each column once, whether read as `XId`,
 * `XStringId`, `X/…` or expanded; `Author` and `Editor` are person columns too); without `$select` every
 * lookup/person column of the list counts (UNCONFIRMED: SharePoint's default view fields).
 * Not counted: columns used only in `$filter`/`$orderby` (UNCONFIRMED).
 */
export function checkLookupThreshold(rt: ListRuntime, proj: Projection): void {
  const byName = new Map<string, string>();
  for (const f of rt.rec.fields) {
    if (!isLookup(f) && !isUser(f)) continue;
    const name = odataName(f.internalName).toLowerCase();
    for (const alias of [name, `${name}id`, `${name}stringid`]) byName.set(alias, f.internalName);
  }
  const touched = new Set<string>();
  if (proj.select === null) {
    for (const internal of byName.values()) touched.add(internal);
  } else {
    for (const path of proj.select) {
      const hit = byName.get(path[0].toLowerCase());
      if (hit) touched.add(hit);
    }
  }
  for (const path of proj.expand) {
    const hit = byName.get(path[0].toLowerCase());
    if (hit) touched.add(hit);
  }
  if (touched.size > LOOKUP_COLUMN_THRESHOLD) throw lookupThresholdExceeded();
}

function matchProperty(all: Map<string, Emitter>, name: string): string | undefined {
  if (all.has(name)) return name;
  const lower = name.toLowerCase();
  for (const k of all.keys()) if (k.toLowerCase() === lower && k !== 'ID' && k !== 'Id') return k;
  if (lower === 'id') return name === 'ID' ? 'ID' : 'Id';
  return undefined;
}

function defaultNames(rec: ListRecord, all: Map<string, Emitter>): string[] {
  const middle = [...all.keys()].filter((k) => !EXTRA_ONLY.has(k));
  // UNCONFIRMED: position of OData__ModerationStatus (before ID, as on moderated Site Pages answers).
  const moderation = rec.enableModeration ? ['OData__ModerationStatus'] : [];
  const head = DEFAULT_HEAD.filter((k) => all.has(k));
  // Moderated lists also carry OData__ModerationComments (null until someone comments) right after
  // ContentTypeId, as recorded (fidelity reference M12: pnpcore TestQuerySystemListWithExpandableProperty,
  // cli-microsoft365#1043 — both Site Pages answers; the position on custom lists is UNCONFIRMED).
  if (rec.enableModeration) head.splice(head.indexOf('ContentTypeId') + 1, 0, 'OData__ModerationComments');
  return [...head, ...middle, ...moderation, ...DEFAULT_TAIL];
}

function expandEmitter(rec: ListRecord, f: FieldRecord, subs: string[], ctx: ItemJsonContext): Emitter {
  const name = odataName(f.internalName);
  const key = valueKey(rec, f);
  const multi = isMulti(f);
  const one = isUser(f) ? userProjector(f, subs, ctx) : lookupProjector(f, subs, ctx);
  return (item, out) => {
    out[`${name}@odata.navigationLinkUrl`] = `${editLink(rec, item.id)}/${name}`;
    const raw = key === 'Author' ? item.author : key === 'Editor' ? item.editor : item.values[key];
    if (multi) {
      const ids = Array.isArray(raw) ? (raw as number[]) : [];
      out[name] = ids.map(one).filter((v): v is JsonObject => v !== null);
    } else {
      // UNCONFIRMED: an empty single lookup expands to null.
      out[name] = typeof raw === 'number' ? one(raw) : null;
    }
  };
}

function userProjector(f: FieldRecord, subs: string[], ctx: ItemJsonContext): (id: number) => JsonObject | null {
  // UNCONFIRMED: an expansion without sub-selects returns Id and Title.
  const props = subs.length > 0 ? subs : ['Id', 'Title'];
  const getters = props.map((p) => {
    const key = Object.keys(USER_PROPS).find((k) => k.toLowerCase() === p.toLowerCase());
    if (!key) throw unknownSelectField(`${odataName(f.internalName)}/${p}`);
    return [key, USER_PROPS[key]] as const;
  });
  return (id) => {
    const principal = ctx.site.users.get(id) ?? ctx.site.groups.get(id);
    if (!principal) return null;
    const o: JsonObject = { 'odata.type': 'SP.Data.UserInfoItem', 'odata.id': stableGuid(`user:${id}`) };
    for (const [k, get] of getters) o[k] = get(principal);
    return o;
  };
}

function lookupProjector(f: FieldRecord, subs: string[], ctx: ItemJsonContext): (id: number) => JsonObject | null {
  const listRef = String(f.props.LookupList ?? '');
  const target = ctx.site.listById(listRef);
  const props = subs.length > 0 ? subs : ['Id', String(f.props.LookupField ?? 'Title')];
  if (!target) return () => null;
  const shape = compileItemShape(target, { select: props.map((p) => [p]), expand: [] }, ctx);
  const type = itemTypeName(target.rec);
  return (id) => {
    const item = target.byId.get(id);
    if (!item) return null;
    const o: JsonObject = { 'odata.type': type, 'odata.id': item.oid };
    for (const emit of shape.props) emit(item, o);
    return o;
  };
}

/** One item as JSON Light with its metadata first (reference §2). */
export function itemJson(rec: ListRecord, item: ItemRecord, shape: ItemShape): JsonObject {
  const out: JsonObject = {
    'odata.type': itemTypeName(rec),
    'odata.id': item.oid,
    'odata.etag': `"${item.version}"`,
    'odata.editLink': editLink(rec, item.id),
  };
  for (const emit of shape.nav) emit(item, out);
  for (const emit of shape.props) emit(item, out);
  return out;
}
