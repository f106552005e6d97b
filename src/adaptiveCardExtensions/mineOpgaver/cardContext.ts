import type { AdaptiveCardExtensionContext } from '@microsoft/sp-adaptive-card-extension-base';
import * as strings from 'MpkCardStrings';
import { resolveLocale } from '../../domain/locale';
import { cardHostOf, type ICardContext } from './cards';

/** What the views build from besides the state: the strings, the language and where the card is. */
export function cardContextOf(context: AdaptiveCardExtensionContext): ICardContext {
  return {
    strings,
    locale: resolveLocale(context.pageContext.cultureInfo.currentUICultureName),
    host: cardHostOf(context.deviceContext, !!context.sdks?.microsoftTeams),
  };
}
