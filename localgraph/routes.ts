/**
 * The endpoints of the local Graph and the scopes each needs (any one of them; the first is the least privileged
 * one the product requests). A path that matches no route is Graph's 400 "Resource not found for the segment",
 * a known path with another verb 405.
 */
import { notifyChat, notifyRecipients, notifyTeam, notifyUser } from './activity';
import { createChat, postChatMessage } from './chats';
import type { GraphCtx } from './context';
import { findUser, userAnswer } from './directory';
import {
  deleteItem,
  downloadByName,
  downloadItem,
  getAppRoot,
  getByName,
  getItem,
  listAppRoot,
  uploadByName,
  uploadItem,
} from './drive';
import { GraphAnswer, GraphError } from './http';
import { listInstalledApps } from './installs';
import { postChannelMessage } from './teams';

/** One endpoint. */
export interface Route {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  /** Segments; `*` matches one. */
  path: string;
  /** Scopes any one of which allows the call; empty: always allowed (User.Read is implied). */
  scopes: string[];
  run: (ctx: GraphCtx, args: string[]) => GraphAnswer;
}

const USERS = ['User.ReadBasic.All', 'User.Read.All', 'User.ReadWrite.All', 'Directory.Read.All'];
const ACTIVITY = ['TeamsActivity.Send'];
/** OneDrive (driveitem-get.md, driveitem-put-content.md; the app folder's own scope first). */
const FILES_READ = [
  'Files.ReadWrite.AppFolder',
  'Files.Read',
  'Files.ReadWrite',
  'Files.Read.All',
  'Files.ReadWrite.All',
];
const FILES_WRITE = ['Files.ReadWrite.AppFolder', 'Files.ReadWrite', 'Files.ReadWrite.All'];
const APPROOT = 'users/*/drive/special/approot';

const ROUTES: Route[] = [
  {
    method: 'GET',
    path: 'me',
    scopes: [],
    run: (c) => ({ status: 200, body: userAnswer(c.caller, c.query.get('$select')) }),
  },
  { method: 'GET', path: 'users/*', scopes: USERS, run: (c, [id]) => getUser(c, id) },
  {
    method: 'POST',
    path: 'users/*/teamwork/sendActivityNotification',
    scopes: ACTIVITY,
    run: (c, [id]) => notifyUser(c, id),
  },
  {
    method: 'GET',
    path: 'users/*/teamwork/installedApps',
    scopes: ['TeamsAppInstallation.ReadForUser', 'TeamsAppInstallation.ReadWriteForUser'],
    run: (c, [id]) => listInstalledApps(c, id),
  },
  {
    method: 'POST',
    path: 'teams/*/channels/*/messages',
    scopes: ['ChannelMessage.Send', 'Group.ReadWrite.All'],
    run: (c, [team, channel]) => postChannelMessage(c, team, channel),
  },
  { method: 'POST', path: 'teams/*/sendActivityNotification', scopes: ACTIVITY, run: (c, [id]) => notifyTeam(c, id) },
  { method: 'POST', path: 'chats', scopes: ['Chat.Create', 'Chat.ReadWrite'], run: (c) => createChat(c) },
  {
    method: 'POST',
    path: 'chats/*/messages',
    scopes: ['ChatMessage.Send', 'Chat.ReadWrite'],
    run: (c, [id]) => postChatMessage(c, id),
  },
  { method: 'POST', path: 'chats/*/sendActivityNotification', scopes: ACTIVITY, run: (c, [id]) => notifyChat(c, id) },
  {
    method: 'POST',
    path: 'teamwork/sendActivityNotificationToRecipients',
    scopes: ACTIVITY,
    run: (c) => notifyRecipients(c),
  },
  { method: 'GET', path: APPROOT, scopes: FILES_READ, run: (c, [u]) => getAppRoot(c, u) },
  { method: 'GET', path: `${APPROOT}/children`, scopes: FILES_READ, run: (c, [u]) => listAppRoot(c, u) },
  { method: 'GET', path: `${APPROOT}:/*`, scopes: FILES_READ, run: (c, [u, name]) => getByName(c, u, name) },
  {
    method: 'GET',
    path: `${APPROOT}:/*/content`,
    scopes: FILES_READ,
    run: (c, [u, name]) => downloadByName(c, u, name),
  },
  {
    method: 'PUT',
    path: `${APPROOT}:/*/content`,
    scopes: FILES_WRITE,
    run: (c, [u, name]) => uploadByName(c, u, name),
  },
  { method: 'GET', path: 'users/*/drive/items/*', scopes: FILES_READ, run: (c, [u, id]) => getItem(c, u, id) },
  { method: 'DELETE', path: 'users/*/drive/items/*', scopes: FILES_WRITE, run: (c, [u, id]) => deleteItem(c, u, id) },
  {
    method: 'GET',
    path: 'users/*/drive/items/*/content',
    scopes: FILES_READ,
    run: (c, [u, id]) => downloadItem(c, u, id),
  },
  {
    method: 'PUT',
    path: 'users/*/drive/items/*/content',
    scopes: FILES_WRITE,
    run: (c, [u, id]) => uploadItem(c, u, id),
  },
];

function getUser(ctx: GraphCtx, idOrUpn: string): GraphAnswer {
  const user = findUser(ctx.site, idOrUpn);
  if (!user)
    throw new GraphError(
      404,
      'Request_ResourceNotFound',
      `Resource '${idOrUpn}' does not exist or one of its queried reference-property objects are not present.`,
    );
  return { status: 200, body: userAnswer(user, ctx.query.get('$select')) };
}

/** The route and its `*` values, or a 400/405 as Graph answers an unknown segment or verb. */
export function match(method: string, segments: string[]): { route: Route; args: string[] } {
  let pathOnly = false;
  for (const route of ROUTES) {
    const parts = route.path.split('/');
    if (parts.length !== segments.length) continue;
    const args: string[] = [];
    const fits = parts.every((p, i) =>
      p === '*' ? args.push(segments[i]) > 0 : p.toLowerCase() === segments[i].toLowerCase(),
    );
    if (!fits) continue;
    if (route.method === method) return { route, args };
    pathOnly = true;
  }
  if (pathOnly) throw new GraphError(405, 'Request_BadRequest', `The HTTP method '${method}' is not allowed here.`);
  throw new GraphError(400, 'BadRequest', `Resource not found for the segment '${segments[0] ?? ''}'.`);
}
