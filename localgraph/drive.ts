/**
 * Each person's OneDrive, modelled only as far as its app folder (issue 17; drive-get-specialfolder.md,
 * driveitem-put-content.md, driveitem-get-content.md, driveitem-delete.md, onedrive-sharepoint-appfolder.md):
 * `GET /me/drive/special/approot` (created on first access), its `children`, a file by name
 * (`approot:/{name}`), its content (302 to a pre-authenticated download URL) and `PUT` of its content
 * (201 created / 200 replaced, at most 4 MB), `GET|DELETE /me/drive/items/{id}`. Every write gives the item a
 * new `eTag` and `cTag`; `If-Match` (eTag or cTag, or `*`) and `If-None-Match: *` are honoured with 412.
 * A delegated token reaches only the caller's own drive: `/users/{someone else}/drive/…` → 403 `accessDenied`.
 * The app folder is flat here (no subfolders).
 */
import { randomBytes, randomUUID } from 'crypto';
import type { UserRecord } from '../localsp/model/types';
import type { GraphCtx } from './context';
import { findUser, graphUserId } from './directory';
import { badRequest, GraphAnswer, GraphError, JsonObj } from './http';
import type { DriveFileRecord, DriveRecord, GraphStore } from './state';

/** The app folder's name: `Apps/{Entra application name}` (contract; see README UNCONFIRMED). */
export const APP_FOLDER_NAME = 'Mod på kerneopgaven';

/** Largest body a simple upload takes here (contract: 4 MB; see README UNCONFIRMED). */
export const MAX_SIMPLE_UPLOAD_BYTES = 4 * 1024 * 1024;

/** How long a download URL works (Graph: "only valid for a short period of time", about an hour). */
export const DOWNLOAD_URL_TTL_MS = 60 * 60 * 1000;

/** The path under which the local server answers download URLs (no sign-in). */
export const DOWNLOAD_PATH = '/_local/graph/download/';

const DRIVE_ITEM_CONTEXT = 'https://graph.microsoft.com/v1.0/$metadata#driveItem';

/** A live download URL: whose file, until when. Kept in memory (a restart forgets them, as they are short-lived). */
export interface DownloadGrant {
  email: string;
  itemId: string;
  expires: number;
}

// ---------------------------------------------------------------------------------------------- handlers

/** `GET /users/{me}/drive/special/approot`. */
export function getAppRoot(ctx: GraphCtx, user: string): GraphAnswer {
  const drive = ensureDrive(ctx, ownUser(ctx, user));
  return { status: 200, body: folderEntity(ctx, drive) };
}

/** `GET /users/{me}/drive/special/approot/children`. */
export function listAppRoot(ctx: GraphCtx, user: string): GraphAnswer {
  const drive = ensureDrive(ctx, ownUser(ctx, user));
  const value = [...drive.files]
    .sort((a, b) => a.name.localeCompare(b.name))
    .map((f) => fileEntity(ctx, drive, f, false));
  return {
    status: 200,
    body: { '@odata.context': 'https://graph.microsoft.com/v1.0/$metadata#Collection(driveItem)', value },
  };
}

/** `GET /users/{me}/drive/special/approot:/{name}`. */
export function getByName(ctx: GraphCtx, user: string, name: string): GraphAnswer {
  const drive = ensureDrive(ctx, ownUser(ctx, user));
  return { status: 200, body: fileEntity(ctx, drive, fileOr404(drive, checkName(name)), true) };
}

/** `GET /users/{me}/drive/special/approot:/{name}:/content` → 302 to the download URL. */
export function downloadByName(ctx: GraphCtx, user: string, name: string): GraphAnswer {
  const drive = ensureDrive(ctx, ownUser(ctx, user));
  return redirectTo(ctx, drive, fileOr404(drive, checkName(name)));
}

/** `PUT /users/{me}/drive/special/approot:/{name}:/content` → 201 created / 200 replaced. */
export function uploadByName(ctx: GraphCtx, user: string, name: string): GraphAnswer {
  const drive = ensureDrive(ctx, ownUser(ctx, user));
  const checked = checkName(name);
  checkSize(ctx);
  const existing = findFile(drive, checked);
  preconditions(ctx, existing);
  return write(ctx, drive, existing, checked);
}

/** `GET /users/{me}/drive/items/{id}` (the app folder or one of its files). */
export function getItem(ctx: GraphCtx, user: string, id: string): GraphAnswer {
  const drive = ensureDrive(ctx, ownUser(ctx, user));
  if (drive.folderId === id) return { status: 200, body: folderEntity(ctx, drive) };
  return { status: 200, body: fileEntity(ctx, drive, itemOr404(drive, id), true) };
}

/** `GET /users/{me}/drive/items/{id}/content` → 302 to the download URL. */
export function downloadItem(ctx: GraphCtx, user: string, id: string): GraphAnswer {
  const drive = ensureDrive(ctx, ownUser(ctx, user));
  return redirectTo(ctx, drive, itemOr404(drive, id));
}

/** `PUT /users/{me}/drive/items/{id}/content` → 200 replaced (the item must exist). */
export function uploadItem(ctx: GraphCtx, user: string, id: string): GraphAnswer {
  const drive = ensureDrive(ctx, ownUser(ctx, user));
  checkSize(ctx);
  const existing = itemOr404(drive, id);
  preconditions(ctx, existing);
  return write(ctx, drive, existing, existing.name);
}

/**
 * `DELETE /users/{me}/drive/items/{id}` → 204 (honours If-Match). Deleting the app folder empties it; the next
 * access creates a new one (special folders are "recreated when written to again").
 */
export function deleteItem(ctx: GraphCtx, user: string, id: string): GraphAnswer {
  const drive = ensureDrive(ctx, ownUser(ctx, user));
  if (drive.folderId === id) {
    matchIfMatch(ctx, folderTags(drive));
    ctx.store.data.drives = ctx.store.data.drives.filter((d) => d !== drive);
    return { status: 204, body: null };
  }
  const file = itemOr404(drive, id);
  preconditions(ctx, file);
  drive.files = drive.files.filter((f) => f !== file);
  touchFolder(ctx, drive);
  return { status: 204, body: null };
}

// ---------------------------------------------------------------------------------------------- for the hooks

/** The files of a person's app folder as an administrator would read them (hook `GET /_local/graph/drive`). */
export function driveFiles(
  store: GraphStore,
  email: string,
): { name: string; size: number; eTag: string; content: string }[] {
  const drive = store.data.drives.find((d) => d.email === email.toLowerCase());
  if (!drive) return [];
  return [...drive.files]
    .sort((a, b) => a.name.localeCompare(b.name))
    .map((f) => {
      const bytes = Buffer.from(f.content, 'base64');
      return { name: f.name, size: bytes.length, eTag: tags(f).eTag, content: bytes.toString('utf8') };
    });
}

/** The bytes behind a download token, or null when the token is unknown, expired or its file is gone. */
export function download(store: GraphStore, token: string, now: number): { bytes: Buffer; mimeType: string } | null {
  const grant = store.downloads.get(token);
  if (!grant || grant.expires <= now) return null;
  const drive = store.data.drives.find((d) => d.email === grant.email);
  const file = drive?.files.find((f) => f.id === grant.itemId);
  return file ? { bytes: Buffer.from(file.content, 'base64'), mimeType: file.mimeType } : null;
}

// ---------------------------------------------------------------------------------------------- rules

/**
 * The drive's owner, who must be the caller. UNCONFIRMED: the exact 403 text for another person's drive and the
 * 404 for an unknown user (Graph's OneDrive errors come from SharePoint; these are chosen here).
 */
function ownUser(ctx: GraphCtx, idOrUpn: string): UserRecord {
  const user = findUser(ctx.site, idOrUpn);
  if (!user) throw new GraphError(404, 'itemNotFound', 'The resource could not be found.');
  if (user.email.toLowerCase() !== ctx.caller.email.toLowerCase())
    throw new GraphError(403, 'accessDenied', 'Access denied');
  return user;
}

/** The person's drive with its app folder, created (and saved) on first access. */
function ensureDrive(ctx: GraphCtx, user: UserRecord): DriveRecord {
  const email = user.email.toLowerCase();
  let drive = ctx.store.data.drives.find((d) => d.email === email);
  if (!drive) {
    const at = ctx.now.toISOString();
    drive = {
      email,
      folderId: newItemId(),
      folderGuid: newGuid(),
      folderVersion: 1,
      createdDateTime: at,
      lastModifiedDateTime: at,
      files: [],
    };
    ctx.store.data.drives.push(drive);
    ctx.store.save();
  }
  return drive;
}

/** A file name of the flat app folder (OneDrive compares names without case). */
function checkName(name: string): string {
  const trimmed = name.trim();
  // UNCONFIRMED: the local Graph keeps the app folder flat; Graph itself would create the subfolders.
  if (trimmed === '' || trimmed.includes('/') || trimmed.includes('\\'))
    throw badRequest(`The local Graph models only files directly in the app folder, not '${name}'.`);
  if (/["*:<>?|]/.test(trimmed)) throw new GraphError(400, 'invalidRequest', 'The provided name is not valid.');
  return trimmed;
}

function checkSize(ctx: GraphCtx): void {
  // UNCONFIRMED: status and message (the contract's 4 MB; current Learn pages say 250 MB).
  if (ctx.bytes.length > MAX_SIMPLE_UPLOAD_BYTES)
    throw new GraphError(
      413,
      'requestEntityTooLarge',
      'The request is larger than a simple upload accepts (4 MB). Use an upload session for larger files.',
    );
}

/**
 * `If-Match` (the current eTag or cTag, or `*`: the item must exist) and `If-None-Match: *` (it must not).
 * UNCONFIRMED for this endpoint: the 412 body `resourceModified` "ETag does not match current item's value"
 * (recorded from OneDrive in skilion/onedrive#366, not from a Graph page), and its use for the other failures.
 */
function preconditions(ctx: GraphCtx, existing: DriveFileRecord | undefined): void {
  matchIfMatch(ctx, existing ? tags(existing) : null);
  const none = ctx.header('if-none-match');
  if (none !== undefined && existing) {
    const t = tags(existing);
    if (none.trim() === '*' || sameTag(none, t.eTag) || sameTag(none, t.cTag)) throw preconditionFailed();
  }
}

function matchIfMatch(ctx: GraphCtx, current: { eTag: string; cTag: string } | null): void {
  const ifMatch = ctx.header('if-match');
  if (ifMatch === undefined) return;
  if (!current) throw preconditionFailed();
  if (ifMatch.trim() === '*') return;
  if (!sameTag(ifMatch, current.eTag) && !sameTag(ifMatch, current.cTag)) throw preconditionFailed();
}

function preconditionFailed(): GraphError {
  return new GraphError(412, 'resourceModified', "ETag does not match current item's value");
}

/** Tags compare as sent (quotes included), a weak `W/` prefix ignored. */
function sameTag(sent: string, tag: string): boolean {
  return sent.trim().replace(/^W\//, '') === tag;
}

function write(ctx: GraphCtx, drive: DriveRecord, existing: DriveFileRecord | undefined, name: string): GraphAnswer {
  const at = ctx.now.toISOString();
  const content = ctx.bytes.toString('base64');
  let file = existing;
  if (file) {
    file.content = content;
    file.version += 1;
    file.lastModifiedDateTime = at;
    file.lastModifiedBy = ctx.caller.email.toLowerCase();
  } else {
    file = {
      id: newItemId(),
      guid: newGuid(),
      version: 1,
      name,
      mimeType: mimeTypeOf(name),
      content,
      createdDateTime: at,
      lastModifiedDateTime: at,
      createdBy: ctx.caller.email.toLowerCase(),
      lastModifiedBy: ctx.caller.email.toLowerCase(),
    };
    drive.files.push(file);
  }
  touchFolder(ctx, drive);
  return {
    status: existing ? 200 : 201,
    body: { '@odata.context': DRIVE_ITEM_CONTEXT, ...fileEntity(ctx, drive, file, true) },
  };
}

/** A change inside the folder changes the folder's eTag, cTag and lastModifiedDateTime too. */
function touchFolder(ctx: GraphCtx, drive: DriveRecord): void {
  drive.folderVersion += 1;
  drive.lastModifiedDateTime = ctx.now.toISOString();
}

function redirectTo(ctx: GraphCtx, drive: DriveRecord, file: DriveFileRecord): GraphAnswer {
  return { status: 302, body: null, headers: { Location: downloadUrl(ctx, drive, file) } };
}

/** A new unguessable download URL for a file (expired ones are forgotten on the way). */
function downloadUrl(ctx: GraphCtx, drive: DriveRecord, file: DriveFileRecord): string {
  const now = ctx.now.getTime();
  for (const [token, grant] of ctx.store.downloads) if (grant.expires <= now) ctx.store.downloads.delete(token);
  const token = randomBytes(32).toString('base64url');
  ctx.store.downloads.set(token, { email: drive.email, itemId: file.id, expires: now + DOWNLOAD_URL_TTL_MS });
  return `${ctx.origin}${DOWNLOAD_PATH}${token}`;
}

function findFile(drive: DriveRecord, name: string): DriveFileRecord | undefined {
  return drive.files.find((f) => f.name.toLowerCase() === name.toLowerCase());
}

function fileOr404(drive: DriveRecord, name: string): DriveFileRecord {
  const file = findFile(drive, name);
  if (!file) throw itemNotFound();
  return file;
}

function itemOr404(drive: DriveRecord, id: string): DriveFileRecord {
  const file = drive.files.find((f) => f.id === id);
  if (!file) throw itemNotFound();
  return file;
}

function itemNotFound(): GraphError {
  return new GraphError(404, 'itemNotFound', 'The resource could not be found.');
}

// ---------------------------------------------------------------------------------------------- entities

function tags(f: DriveFileRecord): { eTag: string; cTag: string } {
  return { eTag: `"{${f.guid}},${f.version}"`, cTag: `"c:{${f.guid}},${f.version}"` };
}

function folderTags(d: DriveRecord): { eTag: string; cTag: string } {
  return { eTag: `"{${d.folderGuid}},${d.folderVersion}"`, cTag: `"c:{${d.folderGuid}},${d.folderVersion}"` };
}

/** The drive's id (`b!` + 64 characters, as OneDrive for Business ids look), stable per person. */
export function driveIdOf(email: string): string {
  const id = graphUserId(email).replace(/-/g, '');
  return `b!${Buffer.from(`mpk-local-drive:${id}`).toString('base64url')}`.slice(0, 66);
}

function personalUrl(ctx: GraphCtx, email: string): string {
  return `${ctx.origin}/personal/${email.toLowerCase().replace(/[@.]/g, '_')}/Documents`;
}

function identity(ctx: GraphCtx, email: string): JsonObj {
  const user = ctx.site.userByEmail(email);
  return { user: { email, id: graphUserId(email), displayName: user?.title ?? email } };
}

function folderEntity(ctx: GraphCtx, drive: DriveRecord): JsonObj {
  const t = folderTags(drive);
  return {
    '@odata.context': DRIVE_ITEM_CONTEXT,
    id: drive.folderId,
    name: APP_FOLDER_NAME,
    createdDateTime: drive.createdDateTime,
    lastModifiedDateTime: drive.lastModifiedDateTime,
    eTag: t.eTag,
    cTag: t.cTag,
    size: drive.files.reduce((n, f) => n + Buffer.from(f.content, 'base64').length, 0),
    webUrl: `${personalUrl(ctx, drive.email)}/Apps/${encodeURIComponent(APP_FOLDER_NAME)}`,
    createdBy: identity(ctx, drive.email),
    lastModifiedBy: identity(ctx, drive.email),
    parentReference: {
      driveId: driveIdOf(drive.email),
      driveType: 'business',
      id: rootIdOf(drive.email),
      path: '/drive/root:/Apps',
    },
    fileSystemInfo: { createdDateTime: drive.createdDateTime, lastModifiedDateTime: drive.lastModifiedDateTime },
    folder: { childCount: drive.files.length },
    specialFolder: { name: 'approot' },
  };
}

function fileEntity(ctx: GraphCtx, drive: DriveRecord, f: DriveFileRecord, withContext: boolean): JsonObj {
  const t = tags(f);
  const out: JsonObj = withContext ? { '@odata.context': DRIVE_ITEM_CONTEXT } : {};
  return {
    ...out,
    '@microsoft.graph.downloadUrl': downloadUrl(ctx, drive, f),
    id: f.id,
    name: f.name,
    createdDateTime: f.createdDateTime,
    lastModifiedDateTime: f.lastModifiedDateTime,
    eTag: t.eTag,
    cTag: t.cTag,
    size: Buffer.from(f.content, 'base64').length,
    webUrl: `${personalUrl(ctx, drive.email)}/Apps/${encodeURIComponent(APP_FOLDER_NAME)}/${encodeURIComponent(f.name)}`,
    createdBy: identity(ctx, f.createdBy),
    lastModifiedBy: identity(ctx, f.lastModifiedBy),
    parentReference: {
      driveId: driveIdOf(drive.email),
      driveType: 'business',
      id: drive.folderId,
      name: APP_FOLDER_NAME,
      path: `/drive/root:/Apps/${APP_FOLDER_NAME}`,
    },
    file: { mimeType: f.mimeType },
    fileSystemInfo: { createdDateTime: f.createdDateTime, lastModifiedDateTime: f.lastModifiedDateTime },
  };
}

function rootIdOf(email: string): string {
  return `01${Buffer.from(`root:${email.toLowerCase()}`).toString('hex').toUpperCase().slice(0, 32).padEnd(32, '0')}`;
}

/** OneDrive for Business item ids: `01` + 32 upper-case base32 characters. */
function newItemId(): string {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
  return `01${Array.from(randomBytes(32), (b) => alphabet[b % 32]).join('')}`;
}

function newGuid(): string {
  return randomUUID().toUpperCase();
}

/** The file's mimeType from its extension (UNCONFIRMED: OneDrive's own table is larger). */
function mimeTypeOf(name: string): string {
  const ext = /\.([^.]+)$/.exec(name)?.[1]?.toLowerCase() ?? '';
  const types: Record<string, string> = {
    json: 'application/json',
    txt: 'text/plain',
    md: 'text/markdown',
    html: 'text/html',
    csv: 'text/csv',
  };
  return types[ext] ?? 'application/octet-stream';
}
