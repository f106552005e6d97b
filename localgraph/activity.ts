/**
 * The Teams activity feed (reference §1.1–§1.4, §5), all TeamsActivity.Send:
 * `POST /users/{id|upn}/teamwork/sendActivityNotification` (204), `POST /teams/{id}/sendActivityNotification`
 * (204), `POST /chats/{id}/sendActivityNotification` (204) and `POST /teamwork/sendActivityNotificationToRecipients`
 * (202). Rules: body per topic.ts; no notification to oneself (400, status assumed); a recipient without the app
 * → 403 with the message quoted in the reference; more than 10 per minute per recipient → 429; `chainId` replaces
 * the recipient's earlier notification of that chain.
 */
import type { UserRecord } from '../localsp/model/types';
import { SPFX_CALLER_APP_ID } from './app';
import { chatOr404 } from './chats';
import type { GraphCtx } from './context';
import { findUser } from './directory';
import { badRequest, forbidden, GraphAnswer, GraphError, isObj, JsonObj, jsonObject, str } from './http';
import { isTeamMember, teamOr404 } from './teams';
import { ActivityInput, readActivity, renderActivity } from './topic';

/** Recipients: named ones must be valid; those of a group (team, channel, chat members) are filtered quietly. */
interface Recipients {
  named: UserRecord[];
  group: string[];
}

/** `POST /users/{id|upn}/teamwork/sendActivityNotification` → 204. */
export function notifyUser(ctx: GraphCtx, idOrUpn: string): GraphAnswer {
  const user = findUser(ctx.site, idOrUpn);
  if (!user) throw userNotFound(idOrUpn);
  const input = readActivity(ctx.app, jsonObject(ctx.body), { kind: 'user', userId: idOrUpn });
  deliver(ctx, input, { named: [user], group: [] }, `users/${idOrUpn}/teamwork`);
  return { status: 204, body: null };
}

/** `POST /teams/{teamId}/sendActivityNotification` → 204 (recipient: aadUser, teamMembers, channelMembers). */
export function notifyTeam(ctx: GraphCtx, teamId: string): GraphAnswer {
  const team = teamOr404(ctx, teamId);
  if (!isTeamMember(team, ctx.caller.email)) throw forbidden('The user is not a member of the team.');
  const body = jsonObject(ctx.body);
  const input = readActivity(ctx.app, body, { kind: 'team', teamId: team.id });
  const r = recipientOf(body.recipient);
  let recipients: Recipients;
  if (r.kind === 'aadUser') recipients = { named: [namedUser(ctx, r.id)], group: [] };
  else if ((r.kind === 'teamMembers' || r.kind === 'channelMembers') && r.id.toLowerCase() === team.id)
    recipients = { named: [], group: team.members };
  else throw badRequest(`Recipient type '${r.kind}' does not fit this team.`);
  deliver(ctx, input, recipients, `teams/${team.id}`);
  return { status: 204, body: null };
}

/** `POST /chats/{chatId}/sendActivityNotification` → 204 (recipient: aadUser, chatMembers). */
export function notifyChat(ctx: GraphCtx, chatId: string): GraphAnswer {
  const chat = chatOr404(ctx, chatId);
  if (!chat.members.includes(ctx.caller.email.toLowerCase())) throw forbidden('The user is not a member of the chat.');
  const body = jsonObject(ctx.body);
  const input = readActivity(ctx.app, body, { kind: 'chat', chatId: chat.id });
  const r = recipientOf(body.recipient);
  let recipients: Recipients;
  if (r.kind === 'aadUser') recipients = { named: [namedUser(ctx, r.id)], group: [] };
  else if (r.kind === 'chatMembers' && r.id.toLowerCase() === chat.id.toLowerCase())
    recipients = { named: [], group: chat.members };
  else throw badRequest(`Recipient type '${r.kind}' does not fit this chat.`);
  deliver(ctx, input, recipients, `chats/${chat.id}`);
  return { status: 204, body: null };
}

/** `POST /teamwork/sendActivityNotificationToRecipients` → 202 (1–100 aadUser recipients). */
export function notifyRecipients(ctx: GraphCtx): GraphAnswer {
  const body = jsonObject(ctx.body);
  const input = readActivity(ctx.app, body, { kind: 'recipients' });
  const list = body.recipients;
  if (!Array.isArray(list) || list.length < 1 || list.length > 100)
    throw badRequest('recipients must hold 1 to 100 aadUserNotificationRecipient entries.');
  const named = list.map((raw) => {
    const r = recipientOf(raw);
    if (r.kind !== 'aadUser') throw badRequest('Only aadUserNotificationRecipient is supported in recipients.');
    return namedUser(ctx, r.id);
  });
  deliver(ctx, input, { named, group: [] }, 'teamwork');
  return { status: 202, body: null };
}

function userNotFound(idOrUpn: string): GraphError {
  return new GraphError(
    404,
    'Request_ResourceNotFound',
    `Resource '${idOrUpn}' does not exist or one of its queried reference-property objects are not present.`,
  );
}

function namedUser(ctx: GraphCtx, idOrUpn: string): UserRecord {
  const user = findUser(ctx.site, idOrUpn);
  if (!user) throw badRequest(`Recipient '${idOrUpn}' was not found.`);
  return user;
}

/** `@odata.type` in any of the three documented spellings (reference §1.3) and the id it carries. */
function recipientOf(raw: unknown): { kind: string; id: string } {
  if (!isObj(raw)) throw badRequest('Missing required property: recipient.');
  const type = (str(raw, '@odata.type') ?? '')
    .replace(/^#/, '')
    .replace(/^(microsoft\.graph|Microsoft\.Teams\.GraphSvc)\./i, '');
  const kind = type.replace(/NotificationRecipient$/i, '');
  const key: Record<string, string> = {
    aadUser: 'userId',
    teamMembers: 'teamId',
    channelMembers: 'teamId',
    chatMembers: 'chatId',
  };
  const idKey = Object.keys(key).find((k) => k.toLowerCase() === kind.toLowerCase());
  const id = idKey ? str(raw as JsonObj, key[idKey]) : undefined;
  if (!idKey || !id) throw badRequest(`Invalid recipient '${str(raw, '@odata.type') ?? ''}'.`);
  return { kind: idKey, id };
}

function hasApp(ctx: GraphCtx, email: string): boolean {
  return !ctx.store.data.notInstalled.includes(email.toLowerCase());
}

/** Checks the recipients, the per-recipient limit, and stores one activity per recipient. */
function deliver(ctx: GraphCtx, input: ActivityInput, r: Recipients, resource: string): void {
  const me = ctx.caller.email.toLowerCase();
  for (const user of r.named) {
    if (user.email.toLowerCase() === me) throw badRequest('A user cannot send a notification to themselves.');
    if (!hasApp(ctx, user.email)) throw notAuthorized(resource);
  }
  const emails = [...new Set([...r.named.map((u) => u.email.toLowerCase()), ...r.group])].filter(
    (e) => e !== me && hasApp(ctx, e),
  );
  ctx.limits.recipient.check(emails, ctx.now.getTime());
  ctx.limits.recipient.record(emails, ctx.now.getTime());
  const text = renderActivity(input, ctx.caller.title);
  const list = ctx.store.data.activities;
  for (const recipient of emails) {
    if (input.chainId) {
      const earlier = list.findIndex((a) => a.recipient === recipient && a.chainId === input.chainId);
      if (earlier >= 0) list.splice(earlier, 1);
    }
    list.push({
      seq: ctx.store.nextSeq(),
      recipient,
      from: me,
      activityType: input.activityType,
      text,
      webUrl: input.webUrl,
      ...(input.chainId ? { chainId: input.chainId } : {}),
      at: ctx.now.toISOString(),
    });
  }
}

/** The 403 for a recipient without the app (message from the reference §1.4; status assumed there). */
function notAuthorized(resource: string): GraphError {
  return forbidden(
    `Application with AAD App Id '${SPFX_CALLER_APP_ID}' is not authorized to generate custom text notifications ` +
      `about '/v1.0/${resource}/Microsoft.Teams.GraphSvc.sendActivityNotification' to the recipient. ` +
      'Ensure that the expected Teams app is installed in the target scope (user, team, or chat).',
  );
}
