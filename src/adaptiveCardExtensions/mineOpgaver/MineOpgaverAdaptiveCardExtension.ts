import { BaseAdaptiveCardExtension } from '@microsoft/sp-adaptive-card-extension-base';
import { loadMyWork } from '../../data/notifications/myWork';
import { createSpfxSp } from '../../data/spfx';
import { CARD_VIEW_ID, QUICK_VIEW_ID, type IMineOpgaverState } from './cards';
import { CardView } from './cardView/CardView';
import { QuickView } from './quickView/QuickView';

/** The card's client cache (SPFx 1.14+; `@beta` in the 1.23 typings, so declared here). */
interface ICacheSettings {
  isEnabled: boolean;
  expiryTimeInSeconds: number;
}

/** What SPFx hands `onInit` when the card was cached (`@beta` in the 1.23 typings). */
interface ICachedLoadParameters {
  state: IMineOpgaverState;
}

/** How long the last card shows while the new one loads: long enough for a workday, short enough to be current. */
const CACHE_SECONDS = 8 * 60 * 60;

/**
 * "Mine opgaver" on the Viva Connections dashboard: the person's open and overdue follow-up tasks, their initiatives
 * waiting for a statusmelding, and their unread "Nyt til dig", read in one `$batch` with the SharePoint token (no
 * Graph). What the card shows is built by `cards.ts`; this class only loads, caches and registers the views.
 */
export default class MineOpgaverAdaptiveCardExtension extends BaseAdaptiveCardExtension<object, IMineOpgaverState> {
  public async onInit(cached?: ICachedLoadParameters): Promise<void> {
    this.state = cached?.state?.work ? { ...cached.state, status: 'ready' } : { status: 'loading' };
    this.cardNavigator.register(CARD_VIEW_ID, () => new CardView());
    this.quickViewNavigator.register(QUICK_VIEW_ID, () => new QuickView());
    // A cached card shows at once and is brought up to date behind it; a first visit waits for the read.
    const refreshed = this.refresh();
    if (!cached?.state?.work) await refreshed;
  }

  /** Reads the person's work; a failure keeps what the card showed (the cached card) or says it could not load. */
  public async refresh(): Promise<void> {
    try {
      const userId = this.context.pageContext.legacyPageContext.userId as number;
      const { work, pages } = await loadMyWork(createSpfxSp(this.context), userId, new Date());
      this.setState({ status: 'ready', work, pages });
    } catch {
      this.setState({ status: this.state.work ? 'ready' : 'failed' });
    }
  }

  protected renderCard(): string | undefined {
    return CARD_VIEW_ID;
  }

  protected getCacheSettings(): Partial<ICacheSettings> {
    return { isEnabled: true, expiryTimeInSeconds: CACHE_SECONDS };
  }

  protected getCachedState(state: IMineOpgaverState): Partial<IMineOpgaverState> {
    return state.work ? { status: 'ready', work: state.work, pages: state.pages } : {};
  }
}
