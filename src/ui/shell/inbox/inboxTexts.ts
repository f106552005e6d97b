/**
 * "Nyt til dig" in words: the bell's name and badge, one sentence per entry, its date, and the calm line
 * after an action's Teams delivery. Pure (strings, locale and the clock passed in).
 */
import type { Locale } from '../../../domain/locale';
import type { IDeliveryReport, IInboxSummary, INotification } from '../../../domain/notifications';
import { plural } from '../plural';
import { fill } from '../strings';

type Texts = Pick<IMpkStrings, 'inbox' | 'delivery'>;

/** The badge on the bell: nothing at 0, the count, or "9+" when more may be unread than counted. */
export function badgeText(strings: Texts, summary: IInboxSummary, locale: Locale): string | undefined {
  if (summary.unread <= 0 && summary.complete) return undefined;
  const count = new Intl.NumberFormat(locale).format(summary.unread);
  return summary.complete ? count : fill(strings.inbox.badgeMore, { count });
}

/** The word after the badge, for screen readers ("ulæst"/"ulæste"), or undefined without a badge. */
export function unreadWord(strings: Texts, summary: IInboxSummary, locale: Locale): string | undefined {
  if (summary.unread <= 0 && summary.complete) return undefined;
  const s = strings.inbox;
  return summary.complete ? plural(locale, summary.unread, s.unreadOne, s.unreadOther) : s.unreadOther;
}

/** One entry in a Danish (or English) sentence. */
export function sentenceOf(strings: Texts, n: INotification, locale: Locale): string {
  const s = strings.inbox;
  const values = { actor: n.actorName || s.someone, title: n.subject || s.untitled, reason: n.detail ?? '' };
  if (n.kind === 'storyReturned' && !n.detail) return fill(s.storyReturnedNoReason, values);
  if (n.kind === 'recognised') {
    const count = n.count ?? 1;
    return fill(plural(locale, count, s.recognisedOne, s.sentences.recognised), values);
  }
  return fill(s.sentences[n.kind], values);
}

function sameDay(a: Date, b: Date): boolean {
  return a.getFullYear() === b.getFullYear() && a.getMonth() === b.getMonth() && a.getDate() === b.getDate();
}

/** When: "I dag kl. 09.15", "I går kl. 16.02", else the date ("2. december 2026"). */
export function whenOf(strings: Texts, at: string, now: Date, locale: Locale): string {
  const date = new Date(at);
  if (Number.isNaN(date.getTime())) return '';
  const time = new Intl.DateTimeFormat(locale, { hour: '2-digit', minute: '2-digit' }).format(date);
  if (sameDay(date, now)) return fill(strings.inbox.today, { time });
  const yesterday = new Date(now.getTime());
  yesterday.setDate(yesterday.getDate() - 1);
  if (sameDay(date, yesterday)) return fill(strings.inbox.yesterday, { time });
  return new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'long', year: 'numeric' }).format(date);
}

/** The one line after an action's delivery, or undefined when there is nothing worth saying. */
export function deliveryLine(strings: Texts, report: IDeliveryReport, locale: Locale): string | undefined {
  const s = strings.delivery;
  if (report.recipients <= 0 || report.teams === 'skipped') return undefined;
  if (report.teams === 'sent') return plural(locale, report.recipients, s.sentOne, s.sentOther);
  return fill(s.failed, {
    done: s.done[report.kind],
    reason: s.reasons[report.reason ?? 'other'],
    where: report.recipients === 1 ? s.whereOne : s.whereOther,
  });
}
