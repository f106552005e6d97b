import { BaseAdaptiveCardQuickView, type ISPFxAdaptiveCard } from '@microsoft/sp-adaptive-card-extension-base';
import { cardContextOf } from '../cardContext';
import { quickViewData, quickViewTemplate, type IMineOpgaverState, type IQuickViewData } from '../cards';

/** Up to ten items, the most pressing first, each opening the item in Teams or on the intranet. */
export class QuickView extends BaseAdaptiveCardQuickView<object, IMineOpgaverState, IQuickViewData> {
  public get data(): IQuickViewData {
    return quickViewData(this.state, cardContextOf(this.context));
  }

  public get template(): ISPFxAdaptiveCard {
    return quickViewTemplate();
  }
}
