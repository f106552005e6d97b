import {
  BaseComponentsCardView,
  PrimaryTextCardView,
  type IQuickViewCardAction,
  type ITextCardViewParameters,
} from '@microsoft/sp-adaptive-card-extension-base';
import { cardContextOf } from '../cardContext';
import { cardViewConfiguration, QUICK_VIEW_ID, type IMineOpgaverState } from '../cards';

/** The medium card: header, one line, one button; selecting the card opens the quick view too. */
export class CardView extends BaseComponentsCardView<object, IMineOpgaverState, ITextCardViewParameters> {
  public get cardViewParameters(): ITextCardViewParameters {
    return PrimaryTextCardView(cardViewConfiguration(this.state, cardContextOf(this.context)));
  }

  public get onCardSelection(): IQuickViewCardAction | undefined {
    return this.state.work ? { type: 'QuickView', parameters: { view: QUICK_VIEW_ID } } : undefined;
  }
}
