/**
 * One-on-one chats (chat-post.md): `POST /chats` (Chat.Create) creates or returns the chat of two people,
 * `POST /chats/{chatId}/messages` (ChatMessage.Send) posts in it. Group chats are not modelled (400).
 */
import type { UserRecord } from '../localsp/model/types';
import type { GraphCtx } from './context';
import { findUser, graphUserId } from './directory';
import { badRequest, forbidden, GraphAnswer, isObj, JsonObj, jsonObject, LOCAL_TENANT_ID, notFound, str } from './http';
import { messageEntity, newMessage, readMessage } from './messages';
import type { ChatRecord } from './state';

const MEMBER_TYPES = ['#microsoft.graph.aaduserconversationmember', 'microsoft.graph.aaduserconversationmember'];

/** A chat by id, or undefined. */
export function findChat(ctx: Pick<GraphCtx, 'store'>, chatId: string): ChatRecord | undefined {
  return ctx.store.data.chats.find((c) => c.id.toLowerCase() === chatId.toLowerCase());
}

/** A chat or Graph's 404 (message UNCONFIRMED). */
export function chatOr404(ctx: GraphCtx, chatId: string): ChatRecord {
  const chat = findChat(ctx, chatId);
  if (!chat) throw notFound(`Chat ${chatId} was not found.`);
  return chat;
}

/** The chat's Teams link (what Graph's `chat.webUrl` looks like). */
export function chatWebUrl(chatId: string): string {
  return `https://teams.microsoft.com/l/chat/${encodeURIComponent(chatId)}/0?tenantId=${LOCAL_TENANT_ID}`;
}

function chatEntity(chat: ChatRecord): JsonObj {
  return {
    '@odata.context': 'https://graph.microsoft.com/v1.0/$metadata#chats/$entity',
    id: chat.id,
    topic: null,
    createdDateTime: chat.createdDateTime,
    lastUpdatedDateTime: chat.createdDateTime,
    chatType: 'oneOnOne',
    webUrl: chatWebUrl(chat.id),
    tenantId: LOCAL_TENANT_ID,
    onlineMeetingInfo: null,
  };
}

/** `POST /chats` → 201 chat; an existing chat of the same two people is returned (same id, 201). */
export function createChat(ctx: GraphCtx): GraphAnswer {
  const input = jsonObject(ctx.body);
  const chatType = str(input, 'chatType');
  if (chatType !== 'oneOnOne') throw badRequest(`chatType '${String(chatType)}' is not supported here: only oneOnOne.`);
  if (!Array.isArray(input.members) || input.members.length !== 2)
    throw badRequest('A oneOnOne chat must have exactly two members.');
  const people = input.members.map(memberUser(ctx));
  if (people[0].email === people[1].email) throw badRequest('The two members of a oneOnOne chat must differ.');
  if (!people.some((p) => p.email === ctx.caller.email))
    throw forbidden('The caller must be one of the members of the chat.');
  const sorted = people
    .map((p) => ({ id: graphUserId(p.email), email: p.email }))
    .sort((a, b) => (a.id < b.id ? -1 : 1));
  const id = `19:${sorted[0].id}_${sorted[1].id}@unq.gbl.spaces`;
  let chat = findChat(ctx, id);
  if (!chat) {
    chat = { id, members: sorted.map((p) => p.email), createdDateTime: ctx.now.toISOString() };
    ctx.store.data.chats.push(chat);
  }
  return { status: 201, body: chatEntity(chat) };
}

/** Reads one `aadUserConversationMember` (`user@odata.bind` = …/users('<id|upn>')). Messages UNCONFIRMED. */
function memberUser(ctx: GraphCtx) {
  return (raw: unknown): UserRecord => {
    const type = isObj(raw) ? (str(raw, '@odata.type') ?? '') : '';
    if (!isObj(raw) || !MEMBER_TYPES.includes(type.toLowerCase()))
      throw badRequest("A member's @odata.type must be #microsoft.graph.aadUserConversationMember.");
    if (!Array.isArray(raw.roles) || !raw.roles.includes('owner'))
      throw badRequest('Members of a oneOnOne chat must have the role "owner".');
    const bind = /\/users\('([^']+)'\)$|\/users\/([^/]+)$/i.exec(str(raw, 'user@odata.bind') ?? '');
    const user = bind ? findUser(ctx.site, decodeURIComponent(bind[1] ?? bind[2])) : undefined;
    if (!user) throw badRequest(`Invalid user@odata.bind '${String(raw['user@odata.bind'])}'.`);
    return { ...user, email: user.email.toLowerCase() };
  };
}

/** `POST /chats/{chatId}/messages` → 201 chatMessage (chatId set, channelIdentity and webUrl null). */
export function postChatMessage(ctx: GraphCtx, chatId: string): GraphAnswer {
  const chat = chatOr404(ctx, chatId);
  // UNCONFIRMED: the 403 text for a caller outside the chat.
  if (!chat.members.includes(ctx.caller.email.toLowerCase())) throw forbidden('The user is not a member of the chat.');
  const input = readMessage(ctx, jsonObject(ctx.body));
  const m = newMessage(ctx, input, { chatId: chat.id });
  ctx.store.data.messages.push(m);
  const odata = `https://graph.microsoft.com/v1.0/$metadata#chats('${encodeURIComponent(chat.id)}')/messages/$entity`;
  return { status: 201, body: messageEntity(ctx, m, odata) };
}
