import * as React from 'react';
import { DEFAULT_LOCALE, resolveLocale, type Locale } from '../../domain/locale';

/**
 * The locale of the running web part, for numbers and dates (`describeError`'s numbers, `formatDate`).
 * `MpkRoot` provides it from its `locale` prop; outside one, Danish.
 */
export const LocaleContext = React.createContext<Locale | undefined>(undefined);

/** Provides the locale for a culture name from SharePoint or Teams ("da-dk", "en-GB" …). */
export function LocaleProvider(props: { locale: string | undefined; children?: React.ReactNode }): JSX.Element {
  return React.createElement(LocaleContext.Provider, { value: resolveLocale(props.locale) }, props.children);
}

/** The domain locale of the current web part (`da-DK` unless told otherwise). */
export function useLocale(): Locale {
  return React.useContext(LocaleContext) ?? DEFAULT_LOCALE;
}
