/**
 * Files in document libraries (BaseTemplate 101) as PnPjs v4 reaches them:
 * `web/getFolderByServerRelativePath(decodedUrl='…')` (+ `/files`, `/files/AddUsingPath(decodedurl='…',Overwrite=…)`
 * with the file's bytes as the body) and `web/getFileByServerRelativePath(decodedUrl='…')` (GET, DELETE,
 * `/$value`, `/listItemAllFields`, `/recycle`); plus the file's bytes at its own URL and the thumbnail handler
 * (`serveFileUrl`, outside `_api`). A file is its library item: content approval, draft visibility and
 * permissions are the item's (model/access.ts), so a pending picture is only served to its author and approvers.
 */
import type { IncomingMessage } from 'http';
import { resourceNotFound, SpError, spException } from '../http/errors';
import { argBoolean, argOf, argString, is, Segment } from '../http/path';
import { ApiResponse, emptyOk, fileBytes, ok } from '../http/response';
import { demand, demandItemAdd, demandItemWrite, listAccess, ListAccess, visibleVersion } from '../model/access';
import { DOCUMENT_LIBRARY, listServerRelativeUrl } from '../model/fields';
import { compileItemShape, itemJson } from '../model/items';
import { newGuid } from '../model/names';
import { PermissionKind } from '../model/permissions';
import type { ListRuntime, Site } from '../model/site';
import type { ItemRecord, ListRecord, UserRecord } from '../model/types';
import { allow, apiBase, collectionResponse, Ctx, Entity, entityResponse, projectionOf } from './context';
import { buildNewItem } from './items';

/**
 * The largest body one `AddUsingPath` takes; bigger files go through `startUpload`/`continueUpload`
 * (not served here: the product uploads pictures the browser made ≤ 1600 px). UNCONFIRMED: SharePoint
 * Online's exact limit and wording for a single-request upload (250 MB is the documented figure).
 */
export const MAX_SINGLE_UPLOAD_BYTES = 250 * 1024 * 1024;

/** 404 for a file or folder that does not exist or that the caller may not see. */
export function fileNotFound(): SpError {
  return new SpError(404, '-2147024894, System.IO.FileNotFoundException', 'File Not Found.');
}

/**
 * A file of that name is already there (`Overwrite=false`). UNCONFIRMED: status 400 (reports differ
 * between 400 and 409); the code and the wording are SharePoint's SPFileCollection.Add message.
 */
function fileExists(libraryUrl: string, name: string, modifiedBy: string, at: string): SpError {
  const when = new Date(at)
    .toUTCString()
    .replace(/^\w+, /, '')
    .replace(/ GMT$/, ' -0000');
  return new SpError(
    400,
    '-2130575257, Microsoft.SharePoint.SPException',
    `A file with the name ${libraryUrl.replace(/^\/sites\/[^/]+\//, '')}/${name} already exists. It was last modified by ${modifiedBy} on ${when}.`,
  );
}

/** Characters SharePoint Online refuses in a file name (UNCONFIRMED wording of the answer). */
const BAD_NAME = /["*:<>?/\\|#%]|^\s|\s$|^\.|\.\.|^$/;

const CONTENT_TYPES: Record<string, string> = {
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  png: 'image/png',
  gif: 'image/gif',
  webp: 'image/webp',
  txt: 'text/plain',
};

/** The Content-Type a file is served with, from its extension (as IIS's MIME map does). */
export function contentTypeOf(name: string): string {
  const ext = /\.([A-Za-z0-9]+)$/.exec(name)?.[1].toLowerCase() ?? '';
  return CONTENT_TYPES[ext] ?? 'application/octet-stream';
}

/** A library, and the file name below it when the path names a file. */
interface Located {
  rt: ListRuntime;
  name: string | null;
}

/** Resolves a server-relative path to a library (and file name), case-insensitively as SharePoint does. */
export function locate(site: Site, sitePath: string, serverRelative: string): Located | null {
  const path = serverRelative.replace(/\/+$/, '');
  const lower = path.toLowerCase();
  for (const rt of site.lists.values()) {
    if (rt.rec.baseTemplate !== DOCUMENT_LIBRARY) continue;
    const root = listServerRelativeUrl(sitePath, rt.rec).toLowerCase();
    if (lower === root) return { rt, name: null };
    if (lower.startsWith(`${root}/`)) {
      const name = path.slice(root.length + 1);
      if (name.includes('/')) return null; // no folders in the product's libraries
      return { rt, name };
    }
  }
  return null;
}

/** The item holding a file of this name (whatever the caller may see). */
function itemByName(rt: ListRuntime, name: string): ItemRecord | undefined {
  const n = name.toLowerCase();
  return rt.items.find((it) => it.file?.name.toLowerCase() === n);
}

/** The path argument of `getFolderByServerRelativePath(decodedUrl='…')` or `…Url('…')`. */
function pathArg(seg: Segment): string {
  const value = argString(seg, 'decodedUrl') ?? argString(seg, 'decodedurl') ?? argString(seg, 'serverRelativeUrl');
  if (value === undefined) throw resourceNotFound(seg.raw);
  return value;
}

/** `web/getFolderByServerRelativePath(…)` and `web/getFolderByServerRelativeUrl(…)` and below. */
export function folderRoute(ctx: Ctx, seg: Segment, rest: Segment[]): ApiResponse {
  const located = locate(ctx.site, ctx.sitePath, pathArg(seg));
  if (!located || located.name !== null) throw fileNotFound();
  const access = listAccess(ctx.site, located.rt, ctx.user);
  if (!canView(access)) throw fileNotFound();
  const next = rest[0];
  if (!next) {
    allow(ctx, 'SP.Folder', 'GET');
    return entityResponse(ctx, folderEntity(ctx, located.rt), 'SP.ApiData.Folders');
  }
  return folderChildren(ctx, located.rt, access, rest);
}

/** `lists/getByTitle('…')/rootFolder/files…` of a library (the same folder as its server-relative path). */
export function libraryFolderRoute(ctx: Ctx, rt: ListRuntime, rest: Segment[]): ApiResponse {
  if (rt.rec.baseTemplate !== DOCUMENT_LIBRARY) throw resourceNotFound(rest[0].raw);
  return folderChildren(ctx, rt, listAccess(ctx.site, rt, ctx.user), rest);
}

function folderChildren(ctx: Ctx, rt: ListRuntime, access: ListAccess, rest: Segment[]): ApiResponse {
  const located = { rt };
  const next = rest[0];
  if (!is(next, 'files')) throw resourceNotFound(next.raw);
  const op = rest[1];
  if (!op) {
    allow(ctx, 'SP.FileCollection', 'GET');
    const files = located.rt.items
      .map((it) => visibleVersion(it, access))
      .filter((it): it is ItemRecord => !!it?.file)
      .map((it) => fileEntity(ctx, located.rt, it));
    return collectionResponse(ctx, files, 'SP.ApiData.Files12', 'SP.File');
  }
  if (is(op, 'addusingpath') && rest.length === 2) return addUsingPath(ctx, located.rt, access, op);
  throw resourceNotFound(op.raw);
}

function canView(access: ListAccess): boolean {
  try {
    demand(access.mask, PermissionKind.ViewListItems);
    return true;
  } catch {
    return false;
  }
}

function addUsingPath(ctx: Ctx, rt: ListRuntime, access: ListAccess, op: Segment): ApiResponse {
  allow(ctx, 'AddUsingPath', 'POST');
  const name = argString(op, 'decodedurl') ?? argString(op, 'DecodedUrl') ?? '';
  const overwrite = argBoolean(op, 'Overwrite') ?? argBoolean(op, 'overwrite') ?? false;
  if (argOf(op, 'EnsureUniqueFileName') !== undefined || argOf(op, 'AutoCheckoutOnInvalidData') !== undefined)
    throw spException('AddUsingPath: EnsureUniqueFileName and AutoCheckoutOnInvalidData are not modelled here.');
  demandItemAdd(access);
  if (BAD_NAME.test(name))
    throw new SpError(
      400,
      '-2130575245, Microsoft.SharePoint.SPException',
      `The file name '${name}' is not valid. A file name cannot contain any of the following characters: " * : < > ? / \\ |`,
    );
  const bytes = ctx.req.raw;
  if (bytes.length > MAX_SINGLE_UPLOAD_BYTES)
    throw new SpError(
      413,
      '-2130575135, Microsoft.SharePoint.SPException',
      `The request message is too big. The server does not allow messages larger than ${MAX_SINGLE_UPLOAD_BYTES} bytes.`,
    );
  const existing = itemByName(rt, name);
  const libraryUrl = listServerRelativeUrl(ctx.sitePath, rt.rec);
  if (existing) {
    if (!overwrite) {
      const editor = ctx.site.users.get(existing.editor);
      throw fileExists(
        libraryUrl,
        existing.file?.name ?? name,
        editor?.loginName ?? 'SHAREPOINT\\system',
        existing.modified,
      );
    }
    // The product never replaces a file; a replaced file's older bytes would need versions of the file too.
    throw spException('AddUsingPath with Overwrite=true on an existing file is not modelled by the local SharePoint.');
  }
  // The bytes are on disk before the item that names them is journalled (store/blobs.ts).
  const hash = ctx.site.blobs.put(bytes);
  const base = buildNewItem(ctx, rt, access, { values: {} }, ctx.user.id);
  const item: ItemRecord = {
    ...base,
    file: {
      name,
      hash,
      length: bytes.length,
      contentType: contentTypeOf(name),
      uniqueId: newGuid(),
      timeCreated: ctx.now,
      timeLastModified: ctx.now,
    },
  };
  ctx.site.commit({ t: 'items', list: rt.rec.id, items: [item] });
  return ok({
    'odata.metadata': `${apiBase(ctx)}/$metadata#SP.ApiData.Files12/@Element`,
    ...fileEntity(ctx, rt, item).json,
  });
}

/** `web/getFileByServerRelativePath(…)` / `getFileByServerRelativeUrl(…)` and below. */
export function fileRoute(ctx: Ctx, seg: Segment, rest: Segment[]): ApiResponse {
  const located = locate(ctx.site, ctx.sitePath, pathArg(seg));
  if (!located || located.name === null) throw fileNotFound();
  const { rt } = located;
  const access = listAccess(ctx.site, rt, ctx.user);
  if (!canView(access)) throw fileNotFound();
  const current = itemByName(rt, located.name);
  const visible = current ? visibleVersion(current, access) : null;
  if (!current || !visible?.file) throw fileNotFound();
  const next = rest[0];
  if (!next) {
    allow(ctx, 'SP.File', 'GET', 'DELETE');
    if (ctx.req.method === 'DELETE') {
      removeFile(ctx, rt, access, current);
      return emptyOk();
    }
    return entityResponse(ctx, fileEntity(ctx, rt, visible), 'SP.ApiData.Files12');
  }
  if (rest.length !== 1) throw resourceNotFound(rest[1].raw);
  if (is(next, '$value')) {
    allow(ctx, '$value', 'GET');
    return fileBytes(readBlob(ctx.site, visible), visible.file.contentType);
  }
  if (is(next, 'listitemallfields')) {
    allow(ctx, 'SP.ListItem', 'GET');
    const shape = compileItemShape(rt, projectionOf(ctx), ctx);
    return ok({
      'odata.metadata': `${apiBase(ctx)}/$metadata#SP.ListData.${rt.rec.entityTypeName}Items/@Element`,
      ...itemJson(rt.rec, visible, shape),
    });
  }
  if (is(next, 'recycle')) {
    allow(ctx, 'Recycle', 'POST');
    removeFile(ctx, rt, access, current);
    return ok({ 'odata.metadata': `${apiBase(ctx)}/$metadata#Edm.Guid`, value: newGuid() });
  }
  throw resourceNotFound(next.raw);
}

function removeFile(ctx: Ctx, rt: ListRuntime, access: ListAccess, item: ItemRecord): void {
  demandItemWrite(item, access, PermissionKind.DeleteListItems);
  ctx.site.commit({ t: 'itemDel', list: rt.rec.id, id: item.id, at: ctx.now });
}

function readBlob(site: Site, item: ItemRecord): Buffer {
  const bytes = item.file ? site.blobs.get(item.file.hash) : null;
  if (!bytes) throw spException('The file is listed but its bytes are missing from the data folder.');
  return bytes;
}

/** SP.File as SharePoint Online returns it by default (minimal metadata). */
function fileEntity(ctx: Ctx, rt: ListRuntime, item: ItemRecord): Entity {
  const file = item.file as NonNullable<ItemRecord['file']>;
  const url = `${listServerRelativeUrl(ctx.sitePath, rt.rec)}/${file.name}`;
  const edit = `Web/GetFileByServerRelativePath(decodedurl='${url.replace(/'/g, "''")}')`;
  return {
    json: {
      'odata.type': 'SP.File',
      'odata.id': `${apiBase(ctx)}/${edit}`,
      'odata.editLink': edit,
      CheckInComment: '',
      CheckOutType: 2,
      ContentTag: `{${file.uniqueId.toUpperCase()}},${item.version},${item.version}`,
      CustomizedPageStatus: 0,
      ETag: `"{${file.uniqueId.toUpperCase()}},${item.version}"`,
      Exists: true,
      ExistsAllowThrowForPolicyFailures: true,
      ExistsWithException: true,
      IrmEnabled: false,
      Length: String(file.length),
      // 1 published, 2 draft (a version waiting for approval). UNCONFIRMED: Level of a pending file.
      Level: item.moderationStatus === 0 || item.moderationStatus === null ? 1 : 2,
      LinkingUri: null,
      LinkingUrl: '',
      MajorVersion: rt.rec.enableVersioning ? item.uiMajor : 1,
      MinorVersion: 0,
      Name: file.name,
      ServerRelativeUrl: url,
      TimeCreated: file.timeCreated,
      TimeLastModified: file.timeLastModified,
      Title: null,
      UIVersion: (rt.rec.enableVersioning ? item.uiMajor : 1) * 512,
      UIVersionLabel: `${rt.rec.enableVersioning ? item.uiMajor : 1}.0`,
      UniqueId: file.uniqueId,
    },
    extra: { ServerRelativePath: { DecodedUrl: url } },
  };
}

function folderEntity(ctx: Ctx, rt: ListRuntime): Entity {
  const url = listServerRelativeUrl(ctx.sitePath, rt.rec);
  return listFolderEntity(
    ctx,
    rt.rec,
    `Web/GetFolderByServerRelativePath(decodedurl='${url.replace(/'/g, "''")}')`,
    rt.items.length,
  );
}

/** A list's root folder as `SP.Folder`, addressed by `edit` (by path, or as the list's `RootFolder`). */
export function listFolderEntity(ctx: Ctx, rec: ListRecord, edit: string, itemCount: number): Entity {
  const url = listServerRelativeUrl(ctx.sitePath, rec);
  return {
    json: {
      'odata.type': 'SP.Folder',
      'odata.id': `${apiBase(ctx)}/${edit}`,
      'odata.editLink': edit,
      Exists: true,
      IsWOPIEnabled: false,
      ItemCount: itemCount,
      Name: rec.urlName,
      ProgID: null,
      ServerRelativeUrl: url,
      TimeCreated: rec.created,
      TimeLastModified: rec.lastItemModified,
      UniqueId: rec.id,
      WelcomePage: '',
    },
    extra: { ServerRelativePath: { DecodedUrl: url } },
  };
}

// ---------------------------------------------------------------------------------------------
// The file's own URL and the thumbnail handler (outside `_api`)

/** What the server writes for a file URL. */
export interface FileAnswer {
  status: number;
  headers: Record<string, string>;
  body: Buffer;
}

/**
 * The caller of a plain GET (an `<img>` sends no Authorization header): the bearer e-mail, else the
 * `mpk-user` cookie, which stands for SharePoint's sign-in cookie (the preview sets it for the person shown).
 */
export function fileCaller(site: Site, req: IncomingMessage): UserRecord | undefined {
  const bearer = /^Bearer\s+(.+)$/i.exec(req.headers.authorization ?? '');
  if (bearer) return site.userByEmail(bearer[1].trim());
  const cookie = /(?:^|;\s*)mpk-user=([^;]+)/.exec(req.headers.cookie ?? '');
  return cookie ? site.userByEmail(decodeURIComponent(cookie[1])) : undefined;
}

const NOT_FOUND_PAGE = Buffer.from('404 FILE NOT FOUND', 'utf8');

/**
 * `GET /sites/mpk/<library>/<name>` and `GET /sites/mpk/_layouts/15/getpreview.ashx?path=<url>&resolution=<0..6>`,
 * or null when the path is neither. The same read rules as `getFileByServerRelativePath`: a file the caller
 * may not see (a pending picture of someone else, for a reader) is a plain 404. The thumbnail handler
 * serves the original bytes: this server cannot scale images (docs/fidelity.md says so).
 */
export function serveFileUrl(site: Site, sitePath: string, req: IncomingMessage, url: URL): FileAnswer | null {
  let path: string;
  try {
    path = decodeURIComponent(url.pathname);
  } catch {
    return null;
  }
  const preview = path.toLowerCase() === `${sitePath}/_layouts/15/getpreview.ashx`.toLowerCase();
  const target = preview ? (url.searchParams.get('path') ?? '') : path;
  const located = locate(site, sitePath, target);
  if (!located || located.name === null) return null;
  const user = fileCaller(site, req);
  if (!user)
    return {
      status: 401,
      headers: { 'Content-Type': 'text/plain; charset=utf-8' },
      body: Buffer.from('401 UNAUTHORIZED'),
    };
  const access = listAccess(site, located.rt, user);
  const item = itemByName(located.rt, located.name);
  const visible = item && canView(access) ? visibleVersion(item, access) : null;
  if (!visible?.file)
    return { status: 404, headers: { 'Content-Type': 'text/plain; charset=utf-8' }, body: NOT_FOUND_PAGE };
  const bytes = site.blobs.get(visible.file.hash);
  if (!bytes) return { status: 404, headers: { 'Content-Type': 'text/plain; charset=utf-8' }, body: NOT_FOUND_PAGE };
  return {
    status: 200,
    headers: {
      'Content-Type': visible.file.contentType,
      ETag: `"{${visible.file.uniqueId.toUpperCase()}},${visible.version}"`,
      'Cache-Control': 'private, max-age=0',
      'Last-Modified': new Date(visible.file.timeLastModified).toUTCString(),
    },
    body: bytes,
  };
}

/** Items cannot be added to a library over `items` (SharePoint wants the file). UNCONFIRMED wording. */
export function refuseLibraryItemAdd(rt: ListRuntime): void {
  if (rt.rec.baseTemplate === DOCUMENT_LIBRARY)
    throw spException('To add an item to a document library, use SPFileCollection.Add()', '-2147024809');
}
