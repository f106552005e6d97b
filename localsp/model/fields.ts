/**
 * List columns: the types the product uses, the built-in columns of a custom list, creation from
 * `fields.add*` bodies, `AddField` parameters and `createFieldAsXml` SchemaXml, MERGE, and the JSON
 * SharePoint returns for a field (reference §1 "Fields").
 */
import { badArgument, SpError, spException, unknownProperty } from '../http/errors';
import { attr, child, escapeXml, parseXml, XmlElement, XmlError } from './fieldxml';
import { internalNameFor, newGuid, odataName } from './names';
import { bodyProperties, readPrimitive, readStringCollection } from './props';
import type { FieldRecord, JsonObject, JsonValue, ListRecord } from './types';

/** SP.FieldType numbers. */
export const FieldKind = {
  Integer: 1,
  Text: 2,
  Note: 3,
  DateTime: 4,
  Counter: 5,
  Choice: 6,
  Lookup: 7,
  Boolean: 8,
  Number: 9,
  Currency: 10,
  URL: 11,
  Computed: 12,
  Guid: 14,
  MultiChoice: 15,
  Calculated: 17,
  Attachments: 19,
  User: 20,
  ModStat: 23,
  ContentTypeId: 25,
  Location: 33,
  Image: 34,
} as const;

interface TypeInfo {
  kind: number;
  odataType: string;
  displayName: string;
}

/** Per TypeAsString: kind, the SP.Field* class and the display name SharePoint shows. */
const TYPES: Record<string, TypeInfo> = {
  Integer: { kind: 1, odataType: 'SP.FieldNumber', displayName: 'Integer' },
  Text: { kind: 2, odataType: 'SP.FieldText', displayName: 'Single line of text' },
  Note: { kind: 3, odataType: 'SP.FieldMultiLineText', displayName: 'Multiple lines of text' },
  DateTime: { kind: 4, odataType: 'SP.FieldDateTime', displayName: 'Date and Time' },
  Counter: { kind: 5, odataType: 'SP.Field', displayName: 'Counter' },
  Choice: { kind: 6, odataType: 'SP.FieldChoice', displayName: 'Choice' },
  Lookup: { kind: 7, odataType: 'SP.FieldLookup', displayName: 'Lookup' },
  LookupMulti: { kind: 7, odataType: 'SP.FieldLookup', displayName: 'Lookup' },
  Boolean: { kind: 8, odataType: 'SP.Field', displayName: 'Yes/No' },
  Number: { kind: 9, odataType: 'SP.FieldNumber', displayName: 'Number' },
  Currency: { kind: 10, odataType: 'SP.FieldCurrency', displayName: 'Currency' },
  URL: { kind: 11, odataType: 'SP.FieldUrl', displayName: 'Hyperlink or Picture' },
  Computed: { kind: 12, odataType: 'SP.FieldComputed', displayName: 'Computed' },
  Guid: { kind: 14, odataType: 'SP.FieldGuid', displayName: 'Guid' },
  MultiChoice: { kind: 15, odataType: 'SP.FieldMultiChoice', displayName: 'Choice' },
  Calculated: { kind: 17, odataType: 'SP.FieldCalculated', displayName: 'Calculated' },
  Attachments: { kind: 19, odataType: 'SP.Field', displayName: 'Attachments' },
  User: { kind: 20, odataType: 'SP.FieldUser', displayName: 'Person or Group' },
  UserMulti: { kind: 20, odataType: 'SP.FieldUser', displayName: 'Person or Group' },
  ModStat: { kind: 23, odataType: 'SP.FieldChoice', displayName: 'Moderation Status' },
  ContentTypeId: { kind: 25, odataType: 'SP.Field', displayName: 'Content Type Id' },
  Location: { kind: 33, odataType: 'SP.FieldLocation', displayName: 'Location' },
  Thumbnail: { kind: 34, odataType: 'SP.FieldMultiLineText', displayName: 'Image' },
};

const KIND_TO_TYPE: Record<number, string> = {
  1: 'Integer',
  2: 'Text',
  3: 'Note',
  4: 'DateTime',
  6: 'Choice',
  7: 'Lookup',
  8: 'Boolean',
  9: 'Number',
  10: 'Currency',
  11: 'URL',
  15: 'MultiChoice',
  17: 'Calculated',
  20: 'User',
  33: 'Location',
  34: 'Thumbnail',
};

/** The SP.Field* class of a column (`odata.type` of its JSON). */
export function fieldODataType(f: FieldRecord): string {
  return (TYPES[f.typeAsString] ?? TYPES.Text).odataType;
}

/** True for Lookup/LookupMulti. */
export function isLookup(f: FieldRecord): boolean {
  return f.typeAsString === 'Lookup' || f.typeAsString === 'LookupMulti';
}

/** True for User/UserMulti. */
export function isUser(f: FieldRecord): boolean {
  return f.typeAsString === 'User' || f.typeAsString === 'UserMulti';
}

/** True for columns holding several values (LookupMulti, UserMulti, MultiChoice). */
export function isMulti(f: FieldRecord): boolean {
  return f.typeAsString === 'LookupMulti' || f.typeAsString === 'UserMulti' || f.typeAsString === 'MultiChoice';
}

/** Where a column's value is stored: its own name, or the primary lookup's for a dependent lookup. */
export function valueKey(list: ListRecord, f: FieldRecord): string {
  const primary = f.props.PrimaryFieldId;
  if (typeof primary !== 'string' || primary === '') return f.internalName;
  return list.fields.find((x) => x.id === primary)?.internalName ?? f.internalName;
}

/** Built-in column internal names whose values live on the item record itself. */
export const SYSTEM_FIELDS = [
  'ContentTypeId',
  'ID',
  'Modified',
  'Created',
  'Author',
  'Editor',
  '_UIVersionString',
  'Attachments',
  'GUID',
  '_ModerationStatus',
  '_ModerationComments',
  'ContentType',
] as const;

const WELL_KNOWN_IDS: Record<string, string> = {
  ContentTypeId: '03e45e84-1992-4d42-9116-26f756012634',
  Title: 'fa564e0f-0c70-4ab9-b863-0177e6ddd247',
  ContentType: 'c042a256-787d-4a6f-8a8a-cf6ab767f12d',
  _ModerationComments: '34ad21eb-75bd-4544-8c73-0e08330291fe',
  ID: '1d22ea11-1e32-424e-89ab-9fedbadb6ce1',
  Modified: '28cf69c5-fa48-462a-b5cd-27b6f9d2bd5f',
  Created: '8c06beca-0777-48f7-91c7-6da68bc07b69',
  Author: '1df5e554-ec7e-46a6-901d-d85a3881cb18',
  Editor: 'd31655d1-1d5b-4511-95a1-7a09e9b75bf2',
  _UIVersionString: 'dce8262a-3ae9-45aa-aab4-83bd75fb738a',
  Attachments: '67df98f4-9dec-48ff-a553-29bece9c5bf4',
  GUID: 'ae069f25-3ac2-4256-b9c3-15dbc15da0e0',
  _ModerationStatus: 'fdc3b2ed-5bf2-4835-a4bc-b885f3396a61',
};

function builtIn(
  internalName: string,
  title: string,
  typeAsString: string,
  extra: Partial<FieldRecord> = {},
): FieldRecord {
  return {
    id: WELL_KNOWN_IDS[internalName] ?? newGuid(),
    internalName,
    staticName: internalName,
    title,
    kind: TYPES[typeAsString].kind,
    typeAsString,
    required: false,
    indexed: false,
    enforceUnique: false,
    hidden: false,
    readOnly: true,
    builtIn: true,
    description: '',
    group: '_Hidden',
    defaultValue: null,
    props: {},
    ...extra,
  };
}

/** The columns every new custom list (BaseTemplate 100) has. */
export function builtInFields(): FieldRecord[] {
  return [
    builtIn('ContentTypeId', 'Content Type ID', 'ContentTypeId', { hidden: true }),
    builtIn('Title', 'Title', 'Text', {
      readOnly: false,
      required: true,
      builtIn: false,
      group: 'Custom Columns',
      props: { MaxLength: 255 },
    }),
    builtIn('_ModerationComments', 'Approver Comments', 'Note', {
      hidden: true,
      props: { NumberOfLines: 6, RichText: false },
    }),
    builtIn('ContentType', 'Content Type', 'Computed', { hidden: false }),
    builtIn('ID', 'ID', 'Counter', { indexed: true }),
    builtIn('Modified', 'Modified', 'DateTime', { props: { DisplayFormat: 1 } }),
    builtIn('Created', 'Created', 'DateTime', { props: { DisplayFormat: 1 } }),
    builtIn('Author', 'Created By', 'User', { props: { LookupField: 'Title', SelectionMode: 1 } }),
    builtIn('Editor', 'Modified By', 'User', { props: { LookupField: 'Title', SelectionMode: 1 } }),
    builtIn('_UIVersionString', 'Version', 'Text', {}),
    builtIn('Attachments', 'Attachments', 'Attachments', {}),
    builtIn('GUID', 'GUID', 'Guid', { hidden: true }),
    builtIn('_ModerationStatus', 'Approval Status', 'ModStat', {
      hidden: true,
      props: { Choices: ['0;#Approved', '1;#Rejected', '2;#Pending', '3;#Draft', '4;#Scheduled'] },
    }),
  ];
}

/** A column by internal name, OData name or (as fallback) title — case-insensitively like getByInternalNameOrTitle. */
export function findField(list: ListRecord, name: string): FieldRecord | undefined {
  const exact = list.fields.find((f) => f.internalName === name || odataName(f.internalName) === name);
  if (exact) return exact;
  const n = name.toLowerCase();
  return (
    list.fields.find((f) => f.internalName.toLowerCase() === n || odataName(f.internalName).toLowerCase() === n) ??
    list.fields.find((f) => f.title.toLowerCase() === n)
  );
}

/** 404 for a column name that matches nothing. UNCONFIRMED: status. */
export function fieldNotFound(name: string): SpError {
  return new SpError(
    404,
    '-2147024809, System.ArgumentException',
    `Column '${name}' does not exist. It may have been deleted by another user.`,
  );
}

// ---------------------------------------------------------------------------------------------
// Properties clients may set

type PropType = 'bool' | 'int' | 'double' | 'string' | 'strings';

const COMMON_PROPS: Record<string, PropType> = {
  Title: 'string',
  Description: 'string',
  Required: 'bool',
  Indexed: 'bool',
  EnforceUniqueValues: 'bool',
  Hidden: 'bool',
  Group: 'string',
  DefaultValue: 'string',
  DefaultFormula: 'string',
  ValidationFormula: 'string',
  ValidationMessage: 'string',
  StaticName: 'string',
  FieldTypeKind: 'int',
  ReadOnlyField: 'bool',
  Direction: 'string',
  JSLink: 'string',
  CustomFormatter: 'string',
  ShowInFiltersPane: 'int',
  ClientSideComponentId: 'string',
  ClientSideComponentProperties: 'string',
  ClientValidationFormula: 'string',
  ClientValidationMessage: 'string',
};

const NUMBER_PROPS: Record<string, PropType> = {
  MinimumValue: 'double',
  MaximumValue: 'double',
  DisplayFormat: 'int',
  ShowAsPercentage: 'bool',
  CommaSeparator: 'bool',
  CustomUnitName: 'string',
  CustomUnitOnRight: 'bool',
  Unit: 'int',
};

const LOOKUP_PROPS: Record<string, PropType> = {
  LookupList: 'string',
  LookupField: 'string',
  LookupWebId: 'string',
  AllowMultipleValues: 'bool',
  RelationshipDeleteBehavior: 'int',
  IsRelationship: 'bool',
  PrimaryFieldId: 'string',
};

const TYPE_PROPS: Record<string, Record<string, PropType>> = {
  Text: { MaxLength: 'int' },
  Note: {
    AllowHyperlink: 'bool',
    AppendOnly: 'bool',
    NumberOfLines: 'int',
    RestrictedMode: 'bool',
    RichText: 'bool',
    UnlimitedLengthInDocumentLibrary: 'bool',
    WikiLinking: 'bool',
    IsLongHyperlink: 'bool',
  },
  DateTime: { DateTimeCalendarType: 'int', DisplayFormat: 'int', FriendlyDisplayFormat: 'int', DateFormat: 'int' },
  Choice: { Choices: 'strings', EditFormat: 'int', FillInChoice: 'bool', Mappings: 'string' },
  MultiChoice: { Choices: 'strings', FillInChoice: 'bool', Mappings: 'string' },
  Number: NUMBER_PROPS,
  Integer: NUMBER_PROPS,
  Currency: { ...NUMBER_PROPS, CurrencyLocaleId: 'int' },
  URL: { DisplayFormat: 'int' },
  Calculated: { Formula: 'string', OutputType: 'int', DateFormat: 'int', DisplayFormat: 'int' },
  Boolean: {},
  Lookup: LOOKUP_PROPS,
  LookupMulti: LOOKUP_PROPS,
  User: { ...LOOKUP_PROPS, SelectionMode: 'int', SelectionGroup: 'int', AllowDisplay: 'bool', Presence: 'bool' },
  UserMulti: { ...LOOKUP_PROPS, SelectionMode: 'int', SelectionGroup: 'int', AllowDisplay: 'bool', Presence: 'bool' },
  Location: {},
  Thumbnail: {},
};

const EDM: Record<PropType, 'Edm.Boolean' | 'Edm.Int32' | 'Edm.Double' | 'Edm.String'> = {
  bool: 'Edm.Boolean',
  int: 'Edm.Int32',
  double: 'Edm.Double',
  string: 'Edm.String',
  strings: 'Edm.String',
};

function readProp(name: string, type: PropType, value: JsonValue, verbose: boolean): JsonValue {
  if (type === 'strings') return readStringCollection(value, verbose) ?? [];
  return readPrimitive(value, EDM[type]);
}

/** Defaults SharePoint gives each type when a property is not sent. */
function typeDefaults(typeAsString: string): JsonObject {
  switch (typeAsString) {
    case 'Text':
      return { MaxLength: 255 };
    case 'Note':
      return {
        AllowHyperlink: false,
        AppendOnly: false,
        NumberOfLines: 6,
        RestrictedMode: false,
        RichText: false,
        UnlimitedLengthInDocumentLibrary: false,
        WikiLinking: false,
        IsLongHyperlink: false,
      };
    case 'DateTime':
      return { DateTimeCalendarType: 0, DisplayFormat: 0, FriendlyDisplayFormat: 0, DateFormat: null };
    case 'Choice':
      return { Choices: [], EditFormat: 0, FillInChoice: false, Mappings: null };
    case 'MultiChoice':
      return { Choices: [], FillInChoice: false, Mappings: null };
    case 'Number':
    case 'Integer':
      return {
        MinimumValue: -1.7976931348623157e308,
        MaximumValue: 1.7976931348623157e308,
        DisplayFormat: -1,
        ShowAsPercentage: false,
        CommaSeparator: true,
        CustomUnitName: null,
        CustomUnitOnRight: true,
        Unit: 0,
      };
    case 'Currency':
      return {
        MinimumValue: -1.7976931348623157e308,
        MaximumValue: 1.7976931348623157e308,
        DisplayFormat: 2,
        ShowAsPercentage: false,
        CommaSeparator: true,
        CustomUnitName: null,
        CustomUnitOnRight: true,
        Unit: 0,
        CurrencyLocaleId: 1033,
      };
    case 'URL':
      return { DisplayFormat: 0 };
    case 'Calculated':
      return { Formula: '', OutputType: 2, DateFormat: null, DisplayFormat: 0 };
    case 'Lookup':
    case 'LookupMulti':
      return {
        LookupList: '',
        LookupField: 'Title',
        LookupWebId: '',
        AllowMultipleValues: typeAsString === 'LookupMulti',
        RelationshipDeleteBehavior: 0,
        IsRelationship: true,
        PrimaryFieldId: null,
      };
    case 'User':
    case 'UserMulti':
      return {
        LookupList: '{user-info}',
        LookupField: 'ImnName',
        LookupWebId: '',
        AllowMultipleValues: typeAsString === 'UserMulti',
        RelationshipDeleteBehavior: 0,
        IsRelationship: true,
        PrimaryFieldId: null,
        SelectionMode: 1,
        SelectionGroup: 0,
        AllowDisplay: true,
        Presence: true,
      };
    default:
      return {};
  }
}

// ---------------------------------------------------------------------------------------------
// Creating columns

/** A column about to be created, however the client described it. */
export interface FieldSpec {
  title: string;
  typeAsString: string;
  /** Internal name to use as is (createFieldAsXml with AddFieldInternalNameHint). */
  internalName?: string;
  id?: string;
  /** Properties in REST form (Required, Indexed, MaxLength, Choices, LookupList …). */
  props: JsonObject;
}

/** What a new column must be checked against. */
export interface FieldContext {
  list: ListRecord;
  /** The id of an existing list for a lookup target given as GUID or "Lists/<name>" URL; undefined when none. */
  resolveList: (ref: string) => string | undefined;
  /** Web id (LookupWebId). */
  webId: string;
  verbose: boolean;
}

/** Spec from a `POST …/fields` body (fields.add*, verbose or JSON Light). */
export function specFromRestBody(body: JsonObject, verbose: boolean): FieldSpec {
  const kind = readPrimitive(body.FieldTypeKind, 'Edm.Int32');
  const title = readPrimitive(body.Title, 'Edm.String');
  if (typeof title !== 'string' || title.trim() === '') throw badArgument('The parameter Title cannot be empty.');
  const typeAsString = typeForKind(kind as number | null, body);
  const props: JsonObject = {};
  for (const [k, v] of bodyProperties(body)) props[k] = v;
  return { title, typeAsString, props: normalizeVerbose(props, verbose) };
}

const CREATION_INFO_PROPS = [
  'Title',
  'FieldTypeKind',
  'Required',
  'Choices',
  'LookupListId',
  'LookupFieldName',
  'LookupWebId',
  'IsCompactName',
];

/** Spec from `POST …/fields/AddField` `{parameters: SP.FieldCreationInformation}` (PnPjs addLookup). */
export function specFromCreationInfo(parameters: JsonObject, verbose: boolean): FieldSpec {
  for (const [k] of bodyProperties(parameters)) {
    if (!CREATION_INFO_PROPS.includes(k)) throw unknownProperty(k, 'SP.FieldCreationInformation');
  }
  const title = readPrimitive(parameters.Title, 'Edm.String');
  if (typeof title !== 'string' || title.trim() === '') throw badArgument('The parameter Title cannot be empty.');
  const kind = readPrimitive(parameters.FieldTypeKind, 'Edm.Int32') as number | null;
  const typeAsString = typeForKind(kind, parameters);
  const props: JsonObject = {};
  if (parameters.Required !== undefined) props.Required = parameters.Required;
  if (parameters.Choices !== undefined) props.Choices = readStringCollection(parameters.Choices, verbose);
  if (parameters.LookupListId !== undefined) props.LookupList = parameters.LookupListId;
  if (parameters.LookupFieldName !== undefined) props.LookupField = parameters.LookupFieldName;
  if (parameters.LookupWebId !== undefined) props.LookupWebId = parameters.LookupWebId;
  return { title, typeAsString, props };
}

function typeForKind(kind: number | null, body: JsonObject): string {
  if (kind === null) throw badArgument('The parameter FieldTypeKind cannot be empty.');
  const t = KIND_TO_TYPE[kind];
  if (!t) throw spException(`The field type ${kind} is not supported by the local SharePoint.`);
  const multi = body.AllowMultipleValues === true;
  if (t === 'Lookup' && multi) return 'LookupMulti';
  if (t === 'User' && multi) return 'UserMulti';
  return t;
}

function normalizeVerbose(props: JsonObject, verbose: boolean): JsonObject {
  if (!verbose) return props;
  const out: JsonObject = {};
  for (const [k, v] of Object.entries(props)) {
    out[k] =
      v && typeof v === 'object' && !Array.isArray(v) && Array.isArray((v as JsonObject).results)
        ? (v as JsonObject).results
        : v;
  }
  return out;
}

const XML_TYPES: Record<string, string> = {
  text: 'Text',
  note: 'Note',
  datetime: 'DateTime',
  choice: 'Choice',
  multichoice: 'MultiChoice',
  lookup: 'Lookup',
  lookupmulti: 'LookupMulti',
  boolean: 'Boolean',
  number: 'Number',
  integer: 'Integer',
  currency: 'Currency',
  url: 'URL',
  calculated: 'Calculated',
  user: 'User',
  usermulti: 'UserMulti',
  location: 'Location',
  thumbnail: 'Thumbnail',
};

const ADD_FIELD_INTERNAL_NAME_HINT = 8;

/**
 * Spec from `createFieldAsXml` SchemaXml. UNCONFIRMED (SharePoint's documented gotcha, kept on purpose):
 * without Options & AddFieldInternalNameHint (8) the internal name comes from DisplayName, not Name.
 */
export function specFromSchemaXml(xml: string, options: number): FieldSpec {
  let el: XmlElement;
  try {
    el = parseXml(xml);
  } catch (e) {
    throw badArgument(`The provided schema XML is not valid: ${(e as XmlError).message}`);
  }
  if (el.name !== 'Field') throw badArgument("The provided schema XML must have the root element 'Field'.");
  const rawType = attr(el, 'Type') ?? '';
  let typeAsString = XML_TYPES[rawType.toLowerCase()];
  if (!typeAsString)
    throw spException(
      `Field type ${rawType} is not installed properly. Go to the list settings page to delete this field.`,
    );
  const mult = isTrue(attr(el, 'Mult'));
  if (typeAsString === 'Lookup' && mult) typeAsString = 'LookupMulti';
  if (typeAsString === 'User' && mult) typeAsString = 'UserMulti';
  const displayName = attr(el, 'DisplayName');
  const name = attr(el, 'Name') ?? attr(el, 'StaticName');
  const title = displayName ?? name;
  if (!title) throw badArgument('The provided schema XML must have a DisplayName or Name attribute.');
  const hint = (options & ADD_FIELD_INTERNAL_NAME_HINT) !== 0;
  const spec: FieldSpec = { title, typeAsString, props: xmlProps(el, typeAsString) };
  if (hint && name) spec.internalName = name;
  const id = attr(el, 'ID');
  if (id) spec.id = id.replace(/^\{|\}$/g, '').toLowerCase();
  return spec;
}

function isTrue(v: string | undefined): boolean {
  return v !== undefined && /^(true|1)$/i.test(v.trim());
}

function xmlProps(el: XmlElement, typeAsString: string): JsonObject {
  const p: JsonObject = {};
  const bool = (xmlName: string, prop: string): void => {
    const v = attr(el, xmlName);
    if (v !== undefined) p[prop] = isTrue(v);
  };
  const num = (xmlName: string, prop: string): void => {
    const v = attr(el, xmlName);
    if (v !== undefined && v.trim() !== '' && Number.isFinite(Number(v))) p[prop] = Number(v);
  };
  const str = (xmlName: string, prop: string): void => {
    const v = attr(el, xmlName);
    if (v !== undefined) p[prop] = v;
  };
  bool('Required', 'Required');
  bool('Indexed', 'Indexed');
  bool('EnforceUniqueValues', 'EnforceUniqueValues');
  bool('Hidden', 'Hidden');
  bool('ReadOnly', 'ReadOnlyField');
  str('Description', 'Description');
  str('Group', 'Group');
  str('StaticName', 'StaticName');
  const def = child(el, 'Default');
  if (def) p.DefaultValue = def.text;
  const validation = child(el, 'Validation');
  if (validation) {
    p.ValidationFormula = validation.text;
    const msg = attr(validation, 'Message');
    if (msg !== undefined) p.ValidationMessage = msg;
  }
  switch (typeAsString) {
    case 'Text':
      num('MaxLength', 'MaxLength');
      break;
    case 'Note':
      num('NumLines', 'NumberOfLines');
      bool('RichText', 'RichText');
      bool('AppendOnly', 'AppendOnly');
      bool('RestrictedMode', 'RestrictedMode');
      break;
    case 'DateTime': {
      const f = attr(el, 'Format');
      if (f !== undefined) p.DisplayFormat = /^datetime$/i.test(f) ? 1 : 0;
      break;
    }
    case 'Choice':
    case 'MultiChoice': {
      const choices = child(el, 'CHOICES');
      p.Choices = choices ? choices.children.filter((c) => c.name.toUpperCase() === 'CHOICE').map((c) => c.text) : [];
      bool('FillInChoice', 'FillInChoice');
      const f = attr(el, 'Format');
      if (f !== undefined && typeAsString === 'Choice') p.EditFormat = /^radiobuttons$/i.test(f) ? 1 : 0;
      break;
    }
    case 'Number':
    case 'Integer':
    case 'Currency':
      num('Min', 'MinimumValue');
      num('Max', 'MaximumValue');
      num('Decimals', 'DisplayFormat');
      bool('Percentage', 'ShowAsPercentage');
      if (typeAsString === 'Currency') num('LCID', 'CurrencyLocaleId');
      break;
    case 'URL': {
      const f = attr(el, 'Format');
      if (f !== undefined) p.DisplayFormat = /^image$/i.test(f) ? 1 : 0;
      break;
    }
    case 'Calculated': {
      const formula = child(el, 'Formula');
      p.Formula = formula ? formula.text : '';
      const rt = (attr(el, 'ResultType') ?? 'Text').toLowerCase();
      p.OutputType = ({ text: 2, number: 9, currency: 10, datetime: 4, boolean: 8 } as Record<string, number>)[rt] ?? 2;
      break;
    }
    case 'Lookup':
    case 'LookupMulti':
      str('List', 'LookupList');
      p.LookupField = attr(el, 'ShowField') ?? 'Title';
      str('WebId', 'LookupWebId');
      p.AllowMultipleValues = typeAsString === 'LookupMulti';
      break;
    case 'User':
    case 'UserMulti': {
      const mode = attr(el, 'UserSelectionMode');
      if (mode !== undefined) p.SelectionMode = /^(0|peopleonly)$/i.test(mode) ? 0 : 1;
      const g = attr(el, 'UserSelectionScope');
      if (g !== undefined && Number.isFinite(Number(g))) p.SelectionGroup = Number(g);
      p.AllowMultipleValues = typeAsString === 'UserMulti';
      const show = attr(el, 'ShowField');
      if (show) p.LookupField = show;
      break;
    }
    default:
      break;
  }
  return p;
}

/** Builds the record of a new column, validating every property. */
export function createField(spec: FieldSpec, ctx: FieldContext): FieldRecord {
  const list = ctx.list;
  if (list.fields.some((f) => f.title.toLowerCase() === spec.title.toLowerCase())) {
    // UNCONFIRMED status/code; the message is SharePoint's.
    throw spException(`A duplicate field name "${spec.title}" was found.`, '-2130575245');
  }
  const taken = (n: string): boolean => list.fields.some((f) => f.internalName.toLowerCase() === n.toLowerCase());
  let internalName: string;
  if (spec.internalName) {
    if (taken(spec.internalName))
      throw spException(`A duplicate field name "${spec.internalName}" was found.`, '-2130575245');
    internalName = spec.internalName;
  } else {
    internalName = internalNameFor(spec.title, taken);
  }
  const base: FieldRecord = {
    id: spec.id ?? newGuid(),
    internalName,
    staticName: internalName,
    title: spec.title,
    kind: TYPES[spec.typeAsString].kind,
    typeAsString: spec.typeAsString,
    required: false,
    indexed: false,
    enforceUnique: false,
    hidden: false,
    readOnly: false,
    builtIn: false,
    description: '',
    group: 'Custom Columns',
    defaultValue: null,
    props: typeDefaults(spec.typeAsString),
  };
  if (list.fields.some((f) => f.id === base.id))
    throw spException(`A field with id "${base.id}" already exists in this list.`, '-2130575245');
  const props = { ...spec.props };
  delete props.FieldTypeKind;
  const f = applyFieldProps(base, props, ctx, true);
  if (isLookup(f)) checkLookupTarget(f, ctx);
  return f;
}

function checkLookupTarget(f: FieldRecord, ctx: FieldContext): void {
  const ref = String(f.props.LookupList ?? '');
  const id = ref ? ctx.resolveList(ref) : undefined;
  if (!id) throw badArgument(`The lookup list '${ref}' does not exist.`);
  f.props.LookupList = `{${id}}`;
  if (!f.props.LookupWebId) f.props.LookupWebId = ctx.webId;
}

/**
 * Applies MERGE/create properties to a column and returns the new record. Unknown properties are a 400
 * naming the column's SP.Field* type, as SharePoint does.
 */
export function applyFieldProps(
  field: FieldRecord,
  body: JsonObject,
  ctx: FieldContext,
  creating: boolean,
): FieldRecord {
  const f: FieldRecord = { ...field, props: { ...field.props } };
  const typeName = fieldODataType(field);
  const allowed: Record<string, PropType> = { ...COMMON_PROPS, ...(TYPE_PROPS[field.typeAsString] ?? {}) };
  let multiChange: boolean | undefined;
  for (const [key, raw] of Object.entries(body)) {
    if (key === '__metadata' || key.startsWith('odata.')) continue;
    const type = allowed[key];
    if (!type) throw unknownProperty(key, typeName);
    const value = readProp(key, type, raw, ctx.verbose);
    switch (key) {
      case 'Title':
        if (typeof value !== 'string' || value.trim() === '') throw badArgument('The parameter Title cannot be empty.');
        f.title = value;
        break;
      case 'Description':
        f.description = value === null ? '' : String(value);
        break;
      case 'Required':
        f.required = value === true;
        break;
      case 'Indexed':
        f.indexed = value === true;
        break;
      case 'EnforceUniqueValues':
        f.enforceUnique = value === true;
        break;
      case 'Hidden':
        f.hidden = value === true;
        break;
      case 'ReadOnlyField':
        f.readOnly = value === true;
        break;
      case 'Group':
        f.group = value === null ? '' : String(value);
        break;
      case 'DefaultValue':
        f.defaultValue = value === null ? null : String(value);
        break;
      case 'StaticName':
        if (typeof value === 'string' && value) f.staticName = value;
        break;
      case 'FieldTypeKind':
        if (!creating && value !== field.kind)
          throw spException('The field type cannot be changed by the local SharePoint.');
        break;
      case 'AllowMultipleValues':
        multiChange = value === true;
        f.props.AllowMultipleValues = value;
        break;
      default:
        f.props[key] = value;
    }
  }
  if (multiChange !== undefined) f.typeAsString = multiTypeName(f.typeAsString, multiChange);
  validateFieldRules(f);
  return f;
}

function multiTypeName(typeAsString: string, multi: boolean): string {
  if (typeAsString === 'Lookup' || typeAsString === 'LookupMulti') return multi ? 'LookupMulti' : 'Lookup';
  if (typeAsString === 'User' || typeAsString === 'UserMulti') return multi ? 'UserMulti' : 'User';
  return typeAsString;
}

const NOT_INDEXABLE = ['Note', 'MultiChoice', 'LookupMulti', 'UserMulti', 'Calculated', 'URL', 'Thumbnail', 'Location'];
const UNIQUE_TYPES = ['Text', 'Number', 'Integer', 'Currency', 'DateTime', 'Choice', 'Lookup', 'User'];

function validateFieldRules(f: FieldRecord): void {
  if (f.typeAsString === 'Text') {
    const max = Number(f.props.MaxLength);
    if (!Number.isInteger(max) || max < 1 || max > 255)
      throw badArgument('The value of MaxLength must be between 1 and 255.');
  }
  if ((f.typeAsString === 'Choice' || f.typeAsString === 'MultiChoice') && !Array.isArray(f.props.Choices))
    f.props.Choices = [];
  // UNCONFIRMED wording for the three rules below; SharePoint refuses these combinations.
  if (f.indexed && NOT_INDEXABLE.includes(f.typeAsString)) {
    throw spException(`The field '${f.title}' of type '${f.typeAsString}' cannot be indexed.`);
  }
  if (f.enforceUnique && !UNIQUE_TYPES.includes(f.typeAsString)) {
    throw spException(`The field '${f.title}' of type '${f.typeAsString}' cannot enforce unique values.`);
  }
  if (f.enforceUnique && !f.indexed) {
    throw spException('The field must be indexed to enforce unique values. Set Indexed to true as well.');
  }
  if (
    f.typeAsString === 'Calculated' &&
    typeof f.props.Formula === 'string' &&
    f.props.Formula !== '' &&
    !f.props.Formula.startsWith('=')
  ) {
    throw spException('The formula contains a syntax error or is not supported.');
  }
}

// ---------------------------------------------------------------------------------------------
// JSON

/** The URL path of a list's folder (`/sites/mpk/Lists/<name>`). */
export function listServerRelativeUrl(sitePath: string, list: ListRecord): string {
  // Document libraries (101) live at the site's root (`/sites/mpk/MPK Billeder`), lists under `Lists/`.
  return list.baseTemplate === DOCUMENT_LIBRARY ? `${sitePath}/${list.urlName}` : `${sitePath}/Lists/${list.urlName}`;
}

/** BaseTemplate of a document library (the only kind of library this server models). */
export const DOCUMENT_LIBRARY = 101;

/** The field as SharePoint returns it (JSON Light, minimal metadata). */
export function fieldJson(f: FieldRecord, list: ListRecord, siteUrl: string, sitePath: string): JsonObject {
  const info = TYPES[f.typeAsString] ?? TYPES.Text;
  const edit = `Web/Lists(guid'${list.id}')/Fields(guid'${f.id}')`;
  const json: JsonObject = {
    'odata.type': info.odataType,
    'odata.id': `${siteUrl}/_api/${edit}`,
    'odata.editLink': edit,
    AutoIndexed: false,
    CanBeDeleted: !f.builtIn,
    ClientSideComponentId: '00000000-0000-0000-0000-000000000000',
    ClientSideComponentProperties: null,
    ClientValidationFormula: null,
    ClientValidationMessage: null,
    CustomFormatter: null,
    DefaultFormula: null,
    DefaultValue: f.defaultValue,
    Description: f.description,
    Direction: 'none',
    EnforceUniqueValues: f.enforceUnique,
    EntityPropertyName: odataName(f.internalName),
    Filterable: f.typeAsString !== 'Note',
    FromBaseType: f.builtIn || f.internalName === 'Title',
    Group: f.group,
    Hidden: f.hidden,
    Id: f.id,
    Indexed: f.indexed,
    IndexStatus: 0,
    InternalName: f.internalName,
    IsModern: false,
    JSLink: 'clienttemplates.js',
    PinnedToFiltersPane: false,
    ReadOnlyField: f.readOnly,
    Required: f.required,
    SchemaXml: schemaXml(f, list),
    Scope: listServerRelativeUrl(sitePath, list),
    Sealed: f.builtIn,
    ShowInFiltersPane: 0,
    Sortable: !['Note', 'MultiChoice', 'LookupMulti', 'UserMulti'].includes(f.typeAsString),
    StaticName: f.staticName,
    Title: f.title,
    FieldTypeKind: f.kind,
    TypeAsString: f.typeAsString,
    TypeDisplayName: info.displayName,
    TypeShortDescription: info.displayName,
    ValidationFormula: (f.props.ValidationFormula as string | undefined) ?? null,
    ValidationMessage: (f.props.ValidationMessage as string | undefined) ?? null,
  };
  for (const [k, v] of Object.entries(f.props)) {
    if (k === 'ValidationFormula' || k === 'ValidationMessage') continue;
    if (k in COMMON_PROPS) continue;
    json[k] = v;
  }
  if (isLookup(f) || isUser(f)) {
    json.DependentLookupInternalNames = [];
    json.IsDependentLookup = false;
    json.UnlimitedLengthInDocumentLibrary = false;
  }
  return json;
}

/** SchemaXml generated from the record (attributes as SharePoint writes them; not byte-identical). */
export function schemaXml(f: FieldRecord, list: ListRecord): string {
  const a: string[] = [
    `Type="${f.typeAsString}"`,
    `DisplayName="${escapeXml(f.title)}"`,
    `Required="${f.required ? 'TRUE' : 'FALSE'}"`,
    `EnforceUniqueValues="${f.enforceUnique ? 'TRUE' : 'FALSE'}"`,
    `Indexed="${f.indexed ? 'TRUE' : 'FALSE'}"`,
  ];
  if (f.typeAsString === 'Text') a.push(`MaxLength="${String(f.props.MaxLength)}"`);
  if (isLookup(f))
    a.push(`List="${String(f.props.LookupList)}"`, `ShowField="${escapeXml(String(f.props.LookupField))}"`);
  if (isMulti(f) && f.typeAsString !== 'MultiChoice') a.push('Mult="TRUE"');
  if (f.hidden) a.push('Hidden="TRUE"');
  a.push(
    `ID="{${f.id}}"`,
    `SourceID="{${list.id}}"`,
    `StaticName="${escapeXml(f.staticName)}"`,
    `Name="${escapeXml(f.internalName)}"`,
  );
  let inner = '';
  if (Array.isArray(f.props.Choices) && (f.typeAsString === 'Choice' || f.typeAsString === 'MultiChoice')) {
    inner = `<CHOICES>${(f.props.Choices as string[]).map((c) => `<CHOICE>${escapeXml(c)}</CHOICE>`).join('')}</CHOICES>`;
  }
  if (f.defaultValue !== null) inner += `<Default>${escapeXml(f.defaultValue)}</Default>`;
  if (f.typeAsString === 'Calculated') inner += `<Formula>${escapeXml(String(f.props.Formula ?? ''))}</Formula>`;
  return inner ? `<Field ${a.join(' ')}>${inner}</Field>` : `<Field ${a.join(' ')} />`;
}
