/**
 * Channel and chat messages: the request body as Graph validates it (`body`, `mentions` and their `<at id>`
 * tags), the `chatMessage` entity it answers (reference §2.1, chat-post-messages.md) and the plain text and
 * links an alert shows.
 */
import type { UserRecord } from '../localsp/model/types';
import type { GraphCtx } from './context';
import { graphUserId, findUser } from './directory';
import { badRequest, isObj, Json, JsonObj, str } from './http';
import type { MentionRecord, MessageRecord } from './state';

/** The message part of a POST body. */
export interface MessageInput {
  contentType: 'html' | 'text';
  content: string;
  mentions: MentionRecord[];
}

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Reads `{ body: { contentType, content }, mentions? }`. Every `<at id="n">` needs a mentions entry with that id
 * and every entry an `<at id>` in the body; a mentioned user must exist. The 400 messages are UNCONFIRMED.
 */
export function readMessage(ctx: GraphCtx, input: JsonObj): MessageInput {
  const body = input.body;
  if (!isObj(body) || typeof body.content !== 'string') throw badRequest('Missing required property: body.content.');
  const type = (str(body, 'contentType') ?? 'text').toLowerCase();
  if (type !== 'html' && type !== 'text')
    throw badRequest(`Invalid value '${String(body.contentType)}' for contentType.`);
  const tags = atIds(body.content);
  const mentions = readMentions(ctx, input.mentions);
  for (const id of tags) {
    if (!mentions.some((m) => m.id === id)) throw badRequest(`Mention with id '${id}' is missing in mentions.`);
  }
  for (const m of mentions) {
    if (!tags.includes(m.id)) throw badRequest(`Mention with id '${m.id}' is not found in the message body.`);
  }
  return { contentType: type, content: body.content, mentions };
}

function atIds(content: string): number[] {
  const out: number[] = [];
  for (const m of content.matchAll(/<at\b[^>]*\bid\s*=\s*["']?(\d+)["']?[^>]*>/gi)) out.push(Number(m[1]));
  return out;
}

function readMentions(ctx: GraphCtx, raw: Json | undefined): MentionRecord[] {
  if (raw === undefined || raw === null) return [];
  if (!Array.isArray(raw)) throw badRequest('Invalid value for mentions: an array is expected.');
  return raw.map((entry) => {
    const mentioned = isObj(entry) && isObj(entry.mentioned) ? entry.mentioned : undefined;
    const user = mentioned && isObj(mentioned.user) ? mentioned.user : undefined;
    const id = isObj(entry) ? Number(entry.id) : NaN;
    if (!isObj(entry) || !Number.isInteger(id) || !user)
      throw badRequest('Invalid mention: id and mentioned.user are required.');
    const userId = str(user, 'id') ?? '';
    const found = GUID.test(userId) ? findUser(ctx.site, userId) : undefined;
    if (!found) throw badRequest(`Invalid mention: user '${userId}' was not found.`);
    return { id, mentionText: str(entry, 'mentionText') ?? found.title, email: found.email };
  });
}

/** A stored message from the request (id = the millisecond timestamp, unique per server). */
export function newMessage(ctx: GraphCtx, input: MessageInput, where: Partial<MessageRecord>): MessageRecord {
  const last = ctx.store.data.messages[ctx.store.data.messages.length - 1];
  const id = Math.max(ctx.now.getTime(), last ? Number(last.id) + 1 : 0);
  return {
    seq: ctx.store.nextSeq(),
    id: String(id),
    from: ctx.caller.email.toLowerCase(),
    at: new Date(id).toISOString(),
    contentType: input.contentType,
    content: input.content,
    mentions: input.mentions,
    webUrl: null,
    ...where,
  };
}

function identity(user: Pick<UserRecord, 'email' | 'title'>): JsonObj {
  return { id: graphUserId(user.email), displayName: user.title, userIdentityType: 'aadUser' };
}

/** The `chatMessage` entity as Graph answers a POST (201), with its `@odata.context`. */
export function messageEntity(ctx: GraphCtx, m: MessageRecord, odataContext: string): JsonObj {
  const from = findUser(ctx.site, m.from) ?? ctx.caller;
  return {
    '@odata.context': odataContext,
    id: m.id,
    replyToId: null,
    etag: m.id,
    messageType: 'message',
    createdDateTime: m.at,
    lastModifiedDateTime: m.at,
    lastEditedDateTime: null,
    deletedDateTime: null,
    subject: null,
    summary: null,
    chatId: m.chatId ?? null,
    importance: 'normal',
    locale: 'en-us',
    webUrl: m.webUrl,
    channelIdentity: m.teamId ? { teamId: m.teamId, channelId: m.channelId ?? null } : null,
    policyViolation: null,
    eventDetail: null,
    from: { application: null, device: null, user: identity(from) },
    body: { contentType: m.contentType, content: m.content },
    attachments: [],
    mentions: m.mentions.map((x) => mentionEntity(ctx, x)),
    reactions: [],
  };
}

function mentionEntity(ctx: GraphCtx, x: MentionRecord): JsonObj {
  const user = findUser(ctx.site, x.email);
  return {
    id: x.id,
    mentionText: x.mentionText,
    mentioned: {
      application: null,
      device: null,
      conversation: null,
      user: identity(user ?? { email: x.email, title: x.mentionText }),
    },
  };
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

function decode(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (all, e: string) => {
    if (e[0] === '#')
      return String.fromCodePoint(e[1].toLowerCase() === 'x' ? parseInt(e.slice(2), 16) : Number(e.slice(1)));
    return ENTITIES[e.toLowerCase()] ?? all;
  });
}

/** The text a person sees in an alert: tags removed, entities decoded, white space collapsed. */
export function plainText(m: Pick<MessageRecord, 'content' | 'contentType'>): string {
  if (m.contentType === 'text') return m.content.replace(/\s+/g, ' ').trim();
  const text = m.content.replace(/<br\s*\/?>|<\/(p|div|li|h\d)>/gi, ' ').replace(/<[^>]*>/g, '');
  return decode(text).replace(/\s+/g, ' ').trim();
}

/** Every `href` in an HTML body, decoded. */
export function linksOf(m: Pick<MessageRecord, 'content' | 'contentType'>): string[] {
  if (m.contentType !== 'html') return [];
  return [...m.content.matchAll(/\bhref\s*=\s*("([^"]*)"|'([^']*)')/gi)].map((x) => decode(x[2] ?? x[3] ?? ''));
}
