/**
 * What the card "Mine opgaver" shows, as pure functions of its state: the card view's configuration (a
 * primary-text card: header, body, one button) and the quick view's Adaptive Card template and data. The ACE's
 * views only hand these to SPFx; the preview renders the same output with the Adaptive Cards renderer, and the
 * tests expand and check it. Only types come from SPFx.
 */
import type { IPrimaryTextCardViewConfiguration, ISPFxAdaptiveCard } from '@microsoft/sp-adaptive-card-extension-base';
import { formatDate, formatDay } from '../../domain/dates';
import { FOLLOW_UP_TAB_ENTITY_ID, PERSONAL_TAB_ENTITY_ID, teamsTabLink } from '../../domain/links';
import type { Locale } from '../../domain/locale';
import type { IMyWork, IMyWorkItem } from '../../domain/myWork';
import { pageLinkOf, teamsLinkOf, type INotificationPages, type INotificationTarget } from '../../domain/notifications';

/** The id the quick view is registered under. */
export const QUICK_VIEW_ID = 'MineOpgaver_QUICK_VIEW';
/** The id the card view is registered under. */
export const CARD_VIEW_ID = 'MineOpgaver_CARD_VIEW';

/** The Adaptive Cards version the quick view declares (what Viva Connections renders; checked in the tests). */
export const ADAPTIVE_CARD_VERSION = '1.5';

/** Where the card runs: inside Teams (the app's tabs open in place) or a browser (the SharePoint pages first). */
export type CardHost = 'teams' | 'browser';

/** Where the card is, from SPFx's device context and whether SPFx handed it the Teams SDK. */
export function cardHostOf(deviceContext: string | undefined, inTeams: boolean): CardHost {
  return inTeams || deviceContext === 'Mobile' || deviceContext === 'TeamsDesktop' ? 'teams' : 'browser';
}

/** The card's state (kept in the client cache between visits, so plain JSON). */
export interface IMineOpgaverState {
  status: 'loading' | 'ready' | 'failed';
  work?: IMyWork;
  pages?: INotificationPages;
}

/** Everything a builder needs besides the state. */
export interface ICardContext {
  strings: IMpkCardStrings;
  locale: Locale;
  host: CardHost;
}

function fill(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (match, key: string) => (key in values ? String(values[key]) : match));
}

function plural(count: number, one: string, other: string): string {
  return fill(count === 1 ? one : other, { count });
}

/** The card's header (10–12 characters fit a medium card) and its line below. */
export function cardTexts(state: IMineOpgaverState, context: ICardContext): { header: string; body: string } {
  const { strings, locale } = context;
  const work = state.work;
  if (!work) {
    return state.status === 'failed'
      ? { header: strings.failedHeader, body: strings.failedBody }
      : { header: '…', body: strings.loading };
  }
  const header =
    work.openTasks === 0
      ? strings.tasksNone
      : plural(work.openTasks, strings.tasksOne, strings.tasksOther) + (work.complete ? '' : '+');
  const parts: string[] = [];
  if (work.overdueTasks > 0) parts.push(fill(strings.overdue, { count: work.overdueTasks }));
  else if (work.openTasks > 0) parts.push(strings.noneOverdue);
  if (work.silentInitiatives > 0)
    parts.push(
      (work.complete ? '' : strings.atLeast) + plural(work.silentInitiatives, strings.silentOne, strings.silentOther),
    );
  else if (work.nextCheckIn) parts.push(fill(strings.nextCheckIn, { date: formatDay(work.nextCheckIn, locale) }));
  if (work.unread) parts.push(plural(work.unread, strings.unreadOne, strings.unreadOther));
  const body = parts.join(' · ');
  return { header, body: body ? body.charAt(0).toLocaleUpperCase(locale) + body.slice(1) : strings.clearBody };
}

/** The card view: a primary-text card with one button that opens the quick view (none while loading or failed). */
export function cardViewConfiguration(
  state: IMineOpgaverState,
  context: ICardContext,
): IPrimaryTextCardViewConfiguration {
  const { header, body } = cardTexts(state, context);
  return {
    cardBar: { componentName: 'cardBar', title: context.strings.title },
    header: { componentName: 'text', text: header },
    body: { componentName: 'text', text: body },
    footer: state.work
      ? {
          componentName: 'cardButton',
          title: context.strings.showButton,
          action: { type: 'QuickView', parameters: { view: QUICK_VIEW_ID } },
        }
      : undefined,
  };
}

/** Where an item opens: in Teams the app's tab; in a browser the SharePoint page when the site names it. */
export function linkOf(target: INotificationTarget, context: ICardContext, pages: INotificationPages = {}): string {
  const teams = teamsLinkOf(target);
  const page = pageLinkOf(target, pages);
  const fallback = teamsTabLink(FOLLOW_UP_TAB_ENTITY_ID, context.strings.followUpTab);
  return (context.host === 'teams' ? (teams ?? page) : (page ?? teams)) ?? fallback;
}

/** A tab of the app, or its SharePoint page in a browser when the site names it. */
function tabLink(tab: 'plan' | 'followUp', context: ICardContext, pages: INotificationPages = {}): string {
  const page = tab === 'plan' ? pages.plan : pages.followUp;
  if (context.host === 'browser' && page) return page;
  return tab === 'plan'
    ? teamsTabLink(PERSONAL_TAB_ENTITY_ID, context.strings.planTab)
    : teamsTabLink(FOLLOW_UP_TAB_ENTITY_ID, context.strings.followUpTab);
}

/** One line of the quick view as its template binds it. */
export interface IQuickViewItem {
  title: string;
  detail: string;
  /** 'Attention' for what is over the deadline, else 'Default' (Adaptive Cards text colours). */
  color: 'Attention' | 'Default';
  url: string;
}

/** The quick view's data (the template binds `${…}` to it; a title is never read as a binding or markdown). */
export interface IQuickViewData {
  title: string;
  lead: string;
  items: IQuickViewItem[];
  hasItems: boolean;
  emptyText: string;
  more: string;
  moreLabel: string;
  moreUrl: string;
  planLabel: string;
  planUrl: string;
}

function detailOf(item: IMyWorkItem, context: ICardContext): string {
  const { strings, locale } = context;
  const date = formatDate(item.due, locale);
  if (item.kind === 'checkInDue') return fill(strings.checkInDue, { date });
  if (item.kind === 'taskOverdue') return fill(strings.taskOverdue, { date });
  return item.due ? fill(strings.taskDue, { date }) : strings.taskNoDeadline;
}

/** The quick view's data: up to ten items, the most pressing first, and what to say when there are none or more. */
export function quickViewData(state: IMineOpgaverState, context: ICardContext): IQuickViewData {
  const { strings } = context;
  const work = state.work;
  const items = (work?.items ?? []).map((item): IQuickViewItem => ({
    title: item.title,
    detail: detailOf(item, context),
    color: item.kind === 'taskOverdue' || item.kind === 'checkInDue' ? 'Attention' : 'Default',
    url: linkOf(item.target, context, state.pages),
  }));
  const more = work ? work.total - items.length : 0;
  return {
    title: strings.quickViewTitle,
    lead: strings.quickViewLead,
    items,
    hasItems: items.length > 0,
    emptyText: strings.emptyText,
    more: more > 0 ? fill(more === 1 ? strings.moreOne : strings.moreOther, { count: more }) : '',
    moreLabel: strings.openFollowUp,
    moreUrl: tabLink('followUp', context, state.pages),
    planLabel: strings.openPlan,
    planUrl: tabLink('plan', context, state.pages),
  };
}

/**
 * The quick view's template (Adaptive Cards {@link ADAPTIVE_CARD_VERSION}). Titles are people's words: they go in
 * `TextRun`s, which no host reads as markdown, so "[link](…)" or "**" in a title stays text.
 */
export function quickViewTemplate(): ISPFxAdaptiveCard {
  return {
    type: 'AdaptiveCard',
    $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
    version: ADAPTIVE_CARD_VERSION,
    body: [
      { type: 'TextBlock', text: '${title}', weight: 'Bolder', size: 'Medium', wrap: true, style: 'heading' },
      { type: 'TextBlock', text: '${lead}', wrap: true, isSubtle: true, $when: '${hasItems}' },
      {
        type: 'Container',
        $data: '${items}',
        separator: true,
        spacing: 'Medium',
        selectAction: { type: 'Action.OpenUrl', url: '${url}' },
        items: [
          { type: 'RichTextBlock', inlines: [{ type: 'TextRun', text: '${title}', weight: 'Bolder' }] },
          { type: 'TextBlock', text: '${detail}', wrap: true, spacing: 'None', color: '${color}', size: 'Small' },
        ],
      },
      { type: 'TextBlock', text: '${more}', wrap: true, spacing: 'Medium', $when: "${more != ''}" },
      { type: 'TextBlock', text: '${emptyText}', wrap: true, $when: '${!hasItems}' },
    ],
    actions: [
      { type: 'Action.OpenUrl', title: '${moreLabel}', url: '${moreUrl}', $when: '${hasItems}' },
      { type: 'Action.OpenUrl', title: '${planLabel}', url: '${planUrl}', $when: '${!hasItems}' },
    ],
  } as unknown as ISPFxAdaptiveCard;
}
