/**
 * `GET /_local/graph/inbox?user=<email>`: everything that would alert that person in Teams, newest first —
 * a channel message that @mentions them (as a member of the team, not the sender), a chat message from the other
 * member, and their activity notifications (kept 30 days, as the feed keeps them).
 */
import type { GraphStore } from './state';
import { chatWebUrl } from './chats';
import { linksOf, plainText } from './messages';

/** One alert. */
export interface GraphInboxEntry {
  kind: 'channelMention' | 'chatMessage' | 'activity';
  /** The sender's e-mail. */
  from: string;
  /** Plain text: the message without markup, or the rendered activity (`{actor}` = sender) + ": " + preview. */
  text: string;
  /** The message's webUrl (a chat's link for chat messages, whose webUrl Graph leaves null), or the topic's. */
  webUrl: string;
  /** Every href in the message body. */
  links: string[];
  /** ISO time. */
  at: string;
}

const FEED_DAYS = 30;

/** The person's alerts, newest first. */
export function inboxOf(store: GraphStore, email: string, now: Date = new Date()): GraphInboxEntry[] {
  const me = email.toLowerCase();
  const out: Array<GraphInboxEntry & { seq: number }> = [];
  const d = store.data;
  for (const m of d.messages) {
    if (m.from === me) continue;
    const base = { from: m.from, text: plainText(m), links: linksOf(m), at: m.at, seq: m.seq };
    if (m.teamId) {
      const team = d.teams.find((t) => t.id === m.teamId);
      if (team?.members.includes(me) && m.mentions.some((x) => x.email === me))
        out.push({ kind: 'channelMention', webUrl: m.webUrl ?? '', ...base });
    } else if (m.chatId) {
      const chat = d.chats.find((c) => c.id === m.chatId);
      if (chat?.members.includes(me))
        out.push({ kind: 'chatMessage', webUrl: m.webUrl ?? chatWebUrl(m.chatId), ...base });
    }
  }
  const since = now.getTime() - FEED_DAYS * 24 * 3600 * 1000;
  for (const a of d.activities) {
    if (a.recipient !== me || Date.parse(a.at) < since) continue;
    out.push({ kind: 'activity', from: a.from, text: a.text, webUrl: a.webUrl, links: [], at: a.at, seq: a.seq });
  }
  out.sort((a, b) => b.at.localeCompare(a.at) || b.seq - a.seq);
  return out.map((e) => ({ kind: e.kind, from: e.from, text: e.text, webUrl: e.webUrl, links: e.links, at: e.at }));
}
