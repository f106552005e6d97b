/** The languages the product speaks: Danish (first) and English. */
export type Locale = 'da-DK' | 'en-US';
export const DEFAULT_LOCALE: Locale = 'da-DK';

/** Maps a culture name from SharePoint or Teams ("da-dk", "da", "en-GB") to a supported locale; Danish otherwise. */
export function resolveLocale(cultureName: string | undefined | null): Locale {
  const tag = (cultureName || '').toLowerCase();
  if (tag === 'en' || tag.indexOf('en-') === 0) return 'en-US';
  return 'da-DK';
}
