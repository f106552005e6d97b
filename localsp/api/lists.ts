/**
 * `_api/web/lists`: enumerate, add, getByTitle/getById/lists('<guid>'), MERGE (PnPjs `ensure` and
 * `update`), DELETE, and the list's children (items, fields, role assignments, permissions).
 */
import {
  badArgument,
  duplicateListTitle,
  listIdNotFound,
  listNotFound,
  resourceNotFound,
  spException,
  unknownProperty,
} from '../http/errors';
import { is, argString, Segment } from '../http/path';
import { jsonBody } from '../http/request';
import { ApiResponse, created, emptyOk, noContent, ok } from '../http/response';
import { demand, listAssignments, listMask, webMask } from '../model/access';
import { builtInFields, DOCUMENT_LIBRARY } from '../model/fields';
import { entityTypeNameFor, newGuid } from '../model/names';
import { bodyProperties, readPrimitive } from '../model/props';
import { hasPermission, maskJson, PermissionKind } from '../model/permissions';
import type { ListRuntime } from '../model/site';
import type { ItemRecord, JsonObject, JsonValue, ListRecord } from '../model/types';
import { allow, apiBase, collectionResponse, Ctx, Entity, entityResponse } from './context';
import { fieldsRoute } from './fields';
import { libraryFolderRoute, listFolderEntity } from './files';
import { itemsRoute } from './items';
import { permissionRoute, roleAssignmentsRoute } from './security';
import { viewsRoute } from './views';

/** `…/lists` and below; `seg` is the `lists` segment (it may carry `('<guid>')`). */
export function listsRoute(ctx: Ctx, seg: Segment, rest: Segment[]): ApiResponse {
  if (seg.args && seg.args.length > 0) {
    const id = argString(seg, 'id');
    return listRoute(ctx, requireListById(ctx, id), rest);
  }
  const next = rest[0];
  if (!next) return listsCollection(ctx);
  if (is(next, 'getbytitle')) {
    const title = argString(next, 'title') ?? '';
    const rt = ctx.site.listByTitle(title);
    if (!rt || !canSeeList(ctx, rt)) throw listNotFound(title, ctx.siteUrl);
    return listRoute(ctx, rt, rest.slice(1));
  }
  if (is(next, 'getbyid')) return listRoute(ctx, requireListById(ctx, argString(next, 'id')), rest.slice(1));
  throw resourceNotFound(next.raw);
}

function requireListById(ctx: Ctx, id: string | undefined): ListRuntime {
  const rt = id ? ctx.site.listById(id) : undefined;
  if (!rt || !canSeeList(ctx, rt)) throw listIdNotFound();
  return rt;
}

/** Lists are security-trimmed: without View Items the list "does not exist" (UNCONFIRMED: 404 rather than 403). */
function canSeeList(ctx: Ctx, rt: ListRuntime): boolean {
  return hasPermission(listMask(ctx.site, rt.rec, ctx.user), PermissionKind.ViewListItems);
}

function listsCollection(ctx: Ctx): ApiResponse {
  allow(ctx, 'SP.ListCollection', 'GET', 'POST');
  if (ctx.req.method === 'POST') return addList(ctx);
  demand(webMask(ctx.site, ctx.user), PermissionKind.Open);
  const visible = [...ctx.site.lists.values()].filter((rt) => canSeeList(ctx, rt));
  return collectionResponse(
    ctx,
    visible.map((rt) => listEntity(ctx, rt)),
    'SP.ApiData.Lists',
    'SP.List',
  );
}

/** One list and its children. */
export function listRoute(ctx: Ctx, rt: ListRuntime, rest: Segment[]): ApiResponse {
  const next = rest[0];
  if (!next) return listEntityRoute(ctx, rt);
  if (is(next, 'items')) return itemsRoute(ctx, rt, next, rest.slice(1));
  if (is(next, 'fields')) return fieldsRoute(ctx, rt, next, rest.slice(1));
  if (is(next, 'views')) return viewsRoute(ctx, rt, next, rest.slice(1));
  if (is(next, 'roleassignments')) return roleAssignmentsRoute(ctx, { kind: 'list', rt }, next, rest.slice(1));
  const perm = permissionRoute(ctx, { kind: 'list', rt }, next, rest.slice(1));
  if (perm) return perm;
  if (is(next, 'rootfolder') && rest.length > 1) return libraryFolderRoute(ctx, rt, rest.slice(1));
  if (is(next, 'rootfolder') && rest.length === 1) {
    allow(ctx, 'SP.Folder', 'GET');
    return entityResponse(ctx, rootFolderEntity(ctx, rt.rec), 'SP.ApiData.Folders');
  }
  if (rest.length === 1) return listProperty(ctx, rt, next);
  throw resourceNotFound(next.raw);
}

function listProperty(ctx: Ctx, rt: ListRuntime, seg: Segment): ApiResponse {
  allow(ctx, seg.name, 'GET');
  const entity = listEntity(ctx, rt);
  const key = Object.keys({ ...entity.json, ...entity.extra }).find(
    (k) => !k.startsWith('odata.') && k.toLowerCase() === seg.name.toLowerCase(),
  );
  if (!key) throw resourceNotFound(seg.raw);
  const value = key in entity.json ? entity.json[key] : (entity.extra as Record<string, JsonValue>)[key];
  return ok({
    'odata.metadata': `${apiBase(ctx)}/$metadata#Edm.${typeof value === 'boolean' ? 'Boolean' : typeof value === 'number' ? 'Int32' : 'String'}`,
    value,
  });
}

function listEntityRoute(ctx: Ctx, rt: ListRuntime): ApiResponse {
  allow(ctx, 'SP.List', 'GET', 'MERGE', 'PATCH', 'DELETE');
  if (ctx.req.method === 'GET') return entityResponse(ctx, listEntity(ctx, rt), 'SP.ApiData.Lists');
  demand(listMask(ctx.site, rt.rec, ctx.user), PermissionKind.ManageLists);
  if (ctx.req.method === 'DELETE') {
    ctx.site.commit({ t: 'listDel', id: rt.rec.id });
    return emptyOk();
  }
  updateList(ctx, rt, jsonBody(ctx.req));
  return noContent();
}

// ---------------------------------------------------------------------------------------------
// Writing lists

type ListProp = 'string' | 'bool' | 'int';

const SETTABLE: Record<string, ListProp> = {
  Title: 'string',
  Description: 'string',
  EnableModeration: 'bool',
  EnableVersioning: 'bool',
  ReadSecurity: 'int',
  WriteSecurity: 'int',
  ContentTypesEnabled: 'bool',
  AllowContentTypes: 'bool',
  Hidden: 'bool',
  EnableAttachments: 'bool',
  EnableFolderCreation: 'bool',
  NoCrawl: 'bool',
  OnQuickLaunch: 'bool',
  MajorVersionLimit: 'int',
  DraftVersionVisibility: 'int',
  EnableMinorVersions: 'bool',
  ForceCheckout: 'bool',
  BaseTemplate: 'int',
};

/** SP.List properties that exist but that this server does not model: refused instead of ignored. */
const UNMODELLED = [
  'Direction',
  'DisableGridEditing',
  'DisableCommenting',
  'EnableRequestSignOff',
  'ValidationFormula',
  'ValidationMessage',
  'DefaultContentApprovalWorkflowId',
  'DocumentTemplateUrl',
  'IrmEnabled',
  'IrmExpire',
  'IrmReject',
  'ImageUrl',
  'ListExperienceOptions',
  'MajorWithMinorVersionsLimit',
  'ExcludeFromOfflineClient',
  'DefaultDisplayFormUrl',
  'DefaultEditFormUrl',
  'DefaultNewFormUrl',
];

const EDM = { string: 'Edm.String', bool: 'Edm.Boolean', int: 'Edm.Int32' } as const;

function readListProps(body: JsonObject, creating: boolean): Record<string, string | number | boolean | null> {
  const out: Record<string, string | number | boolean | null> = {};
  for (const [k, v] of bodyProperties(body)) {
    const type = SETTABLE[k];
    if (!type) {
      if (UNMODELLED.includes(k))
        throw spException(`The list property '${k}' is not supported by the local SharePoint.`);
      throw unknownProperty(k, 'SP.List');
    }
    if (k === 'BaseTemplate' && !creating)
      throw badArgument("The property 'BaseTemplate' can only be set when the list is created.");
    out[k] = readPrimitive(v, EDM[type]);
  }
  return out;
}

function applyListProps(rec: ListRecord, props: Record<string, string | number | boolean | null>): ListRecord {
  const next: ListRecord = { ...rec };
  for (const [k, v] of Object.entries(props)) {
    switch (k) {
      case 'Title':
        if (typeof v !== 'string' || v.trim() === '') throw badArgument('The list title cannot be empty.');
        next.title = v;
        break;
      case 'Description':
        next.description = v === null ? '' : String(v);
        break;
      case 'ReadSecurity':
        if (v !== 1 && v !== 2) throw badArgument('ReadSecurity must be 1 (all items) or 2 (own items).');
        next.readSecurity = v;
        break;
      case 'WriteSecurity':
        if (v !== 1 && v !== 2 && v !== 4)
          throw badArgument('WriteSecurity must be 1 (all items), 2 (own items) or 4 (none).');
        next.writeSecurity = v;
        break;
      case 'DraftVersionVisibility':
        // SP.DraftVisibilityType: 0 Reader, 1 Author, 2 Approver.
        if (v !== 0 && v !== 1 && v !== 2)
          throw badArgument('DraftVersionVisibility must be 0 (Reader), 1 (Author) or 2 (Approver).');
        next.draftVersionVisibility = v;
        break;
      case 'EnableMinorVersions':
      case 'ForceCheckout':
        // Lists (not libraries) have no minor versions or check-out.
        if (v === true)
          throw spException(`The property '${k}' cannot be enabled on a list, only on a document library.`);
        break;
      case 'BaseTemplate':
        if (v !== 100 && v !== DOCUMENT_LIBRARY)
          throw spException(
            `The list template ${String(v)} is not supported by the local SharePoint (only 100, custom list, and 101, document library).`,
          );
        next.baseTemplate = v;
        // A library keeps no attachments (its items are files). UNCONFIRMED: SharePoint's other library defaults.
        if (v === DOCUMENT_LIBRARY) next.enableAttachments = false;
        break;
      default:
        setFlag(next, k, v);
    }
  }
  return next;
}

function setFlag(rec: ListRecord, key: string, v: string | number | boolean | null): void {
  const map: Record<string, keyof ListRecord> = {
    EnableModeration: 'enableModeration',
    EnableVersioning: 'enableVersioning',
    ContentTypesEnabled: 'contentTypesEnabled',
    AllowContentTypes: 'allowContentTypes',
    Hidden: 'hidden',
    EnableAttachments: 'enableAttachments',
    EnableFolderCreation: 'enableFolderCreation',
    NoCrawl: 'noCrawl',
    OnQuickLaunch: 'onQuickLaunch',
    MajorVersionLimit: 'majorVersionLimit',
    DraftVersionVisibility: 'draftVersionVisibility',
  };
  const field = map[key];
  if (!field) return;
  (rec as unknown as Record<string, unknown>)[field] = typeof v === 'number' ? v : v === true;
}

function addList(ctx: Ctx): ApiResponse {
  demand(webMask(ctx.site, ctx.user), PermissionKind.ManageLists);
  const props = readListProps(jsonBody(ctx.req), true);
  const title = props.Title;
  if (typeof title !== 'string' || title.trim() === '') throw badArgument('The list title cannot be empty.');
  if (ctx.site.listByTitle(title)) throw duplicateListTitle();
  const id = newGuid();
  const base: ListRecord = {
    id,
    title,
    description: '',
    baseTemplate: 100,
    entityTypeName: uniqueEntityName(ctx, entityTypeNameFor(title)),
    urlName: uniqueUrlName(ctx, title),
    created: ctx.now,
    enableModeration: false,
    enableVersioning: false,
    readSecurity: 1,
    writeSecurity: 1,
    contentTypesEnabled: false,
    allowContentTypes: true,
    hidden: false,
    enableAttachments: true,
    enableFolderCreation: false,
    noCrawl: false,
    onQuickLaunch: false,
    majorVersionLimit: 50,
    draftVersionVisibility: 0,
    fields: builtInFields(),
    nextItemId: 1,
    roleAssignments: null,
    lastItemModified: ctx.now,
    lastItemDeleted: ctx.now,
  };
  const applied = withModerationColumn(applyListProps(base, props));
  // A library's entity type has no "List" suffix (`MPK_x0020_BillederItem`). UNCONFIRMED against a recording.
  const rec =
    applied.baseTemplate === DOCUMENT_LIBRARY
      ? {
          ...applied,
          entityTypeName: uniqueEntityName(ctx, applied.entityTypeName.replace(/List$/, '')),
          // A file's Title is optional in a library.
          fields: applied.fields.map((f) => (f.internalName === 'Title' ? { ...f, required: false } : f)),
        }
      : applied;
  ctx.site.commit({ t: 'list', list: rec });
  const rt = ctx.site.listById(id) as ListRuntime;
  return created({
    'odata.metadata': `${apiBase(ctx)}/$metadata#SP.ApiData.Lists/@Element`,
    ...listEntity(ctx, rt).json,
  });
}

function uniqueEntityName(ctx: Ctx, name: string): string {
  const taken = new Set([...ctx.site.lists.values()].map((l) => l.rec.entityTypeName.toLowerCase()));
  if (!taken.has(name.toLowerCase())) return name;
  for (let i = 1; ; i++) {
    const candidate = name.replace(/List$/, `${i}List`);
    if (!taken.has(candidate.toLowerCase())) return candidate;
  }
}

function uniqueUrlName(ctx: Ctx, title: string): string {
  const base = title.replace(/[~#%&*{}\\:<>?/+|"]/g, '').trim() || 'List';
  const taken = new Set([...ctx.site.lists.values()].map((l) => l.rec.urlName.toLowerCase()));
  if (!taken.has(base.toLowerCase())) return base;
  for (let i = 1; ; i++) if (!taken.has(`${base}${i}`.toLowerCase())) return `${base}${i}`;
}

/** The approval columns are shown only while content approval is on. */
function withModerationColumn(rec: ListRecord): ListRecord {
  return {
    ...rec,
    fields: rec.fields.map((f) =>
      f.internalName === '_ModerationStatus' || f.internalName === '_ModerationComments'
        ? { ...f, hidden: !rec.enableModeration }
        : f,
    ),
  };
}

function updateList(ctx: Ctx, rt: ListRuntime, body: JsonObject): void {
  const props = readListProps(body, false);
  if (typeof props.Title === 'string') {
    const other = ctx.site.listByTitle(props.Title);
    if (other && other.rec.id !== rt.rec.id) throw duplicateListTitle();
  }
  const before = rt.rec;
  const next = withModerationColumn(applyListProps(before, props));
  ctx.site.commit({ t: 'list', list: next });
  if (before.enableModeration !== next.enableModeration) moderationSwitched(ctx, rt, next.enableModeration);
}

/** Turning approval on approves existing items; turning it off drops statuses (as SharePoint does). */
function moderationSwitched(ctx: Ctx, rt: ListRuntime, on: boolean): void {
  if (rt.items.length === 0) return;
  const items: ItemRecord[] = rt.items.map((it) => ({
    ...it,
    moderationStatus: on ? 0 : null,
    moderationComments: on ? it.moderationComments : null,
    published: null,
  }));
  ctx.site.commit({ t: 'items', list: rt.rec.id, items });
}

// ---------------------------------------------------------------------------------------------
// JSON

/** The SP.List entity (default properties as SharePoint Online returns them). */
export function listEntity(ctx: Ctx, rt: ListRuntime): Entity {
  const rec = rt.rec;
  const edit = `Web/Lists(guid'${rec.id}')`;
  const mask = listMask(ctx.site, rec, ctx.user);
  const json: JsonObject = {
    'odata.type': 'SP.List',
    'odata.id': `${apiBase(ctx)}/${edit}`,
    'odata.editLink': edit,
    AllowContentTypes: rec.allowContentTypes,
    BaseTemplate: rec.baseTemplate,
    BaseType: rec.baseTemplate === DOCUMENT_LIBRARY ? 1 : 0,
    ContentTypesEnabled: rec.contentTypesEnabled,
    CrawlNonDefaultViews: false,
    Created: rec.created,
    CurrentChangeToken: { StringValue: `1;3;${rec.id};${Date.parse(rec.lastItemModified) * 10000};-1` },
    DefaultContentApprovalWorkflowId: '00000000-0000-0000-0000-000000000000',
    DefaultItemOpenUseListSetting: false,
    Description: rec.description,
    Direction: 'none',
    DisableCommenting: false,
    DisableGridEditing: false,
    DocumentTemplateUrl: null,
    DraftVersionVisibility: rec.draftVersionVisibility,
    EnableAttachments: rec.enableAttachments,
    EnableFolderCreation: rec.enableFolderCreation,
    EnableMinorVersions: false,
    EnableModeration: rec.enableModeration,
    EnableRequestSignOff: true,
    EnableVersioning: rec.enableVersioning,
    EntityTypeName: rec.entityTypeName,
    ExemptFromBlockDownloadOfNonViewableFiles: false,
    FileSavePostProcessingEnabled: false,
    ForceCheckout: false,
    HasExternalDataSource: false,
    Hidden: rec.hidden,
    Id: rec.id,
    ImagePath: { DecodedUrl: '/_layouts/15/images/itgen.png?rev=47' },
    ImageUrl: '/_layouts/15/images/itgen.png?rev=47',
    DefaultSensitivityLabelForLibrary: '',
    IrmEnabled: false,
    IrmExpire: false,
    IrmReject: false,
    IsApplicationList: false,
    IsCatalog: false,
    IsPrivate: false,
    ItemCount: rt.items.length,
    LastItemDeletedDate: rec.lastItemDeleted,
    LastItemModifiedDate: rec.lastItemModified,
    LastItemUserModifiedDate: rec.lastItemModified,
    ListExperienceOptions: 0,
    ListItemEntityTypeFullName: `SP.Data.${rec.entityTypeName}Item`,
    MajorVersionLimit: rec.majorVersionLimit,
    MajorWithMinorVersionsLimit: 0,
    MultipleDataList: false,
    NoCrawl: rec.noCrawl,
    ParentWebPath: { DecodedUrl: ctx.sitePath },
    ParentWebUrl: ctx.sitePath,
    ParserDisabled: false,
    ServerTemplateCanCreateFolders: true,
    TemplateFeatureId:
      rec.baseTemplate === DOCUMENT_LIBRARY
        ? '00bfea71-e717-4e80-aa17-d0c71b360101'
        : '00bfea71-de22-43b2-a848-c05709900100',
    Title: rec.title,
  };
  return {
    json,
    extra: {
      ReadSecurity: rec.readSecurity,
      WriteSecurity: rec.writeSecurity,
      HasUniqueRoleAssignments: rec.roleAssignments !== null,
      OnQuickLaunch: rec.onQuickLaunch,
      EffectiveBasePermissions: maskJson(mask),
      EffectiveBasePermissionsForUI: maskJson(mask),
      ValidationFormula: '',
      ValidationMessage: '',
    },
    navs: {
      RootFolder: () => rootFolderEntity(ctx, rec),
      RoleAssignments: () =>
        listAssignments(ctx.site, rec).map((a) => ({
          json: { 'odata.type': 'SP.RoleAssignment', PrincipalId: a.principalId },
        })),
    },
  };
}

function rootFolderEntity(ctx: Ctx, rec: ListRecord): Entity {
  return listFolderEntity(ctx, rec, `Web/Lists(guid'${rec.id}')/RootFolder`, 0);
}
