import type { Host } from '../src/domain/host';
import type { Locale } from '../src/domain/locale';
import type { ThemeKind } from '../src/ui/shell/theme';

/** Which web part the preview mounts ('card': the Viva Connections card "Mine opgaver" and its quick view). */
export type PreviewPart = 'ambitions' | 'plan' | 'followup' | 'card';

/** Everything the preview shows, kept in its URL so any view can be linked, tested and screenshotted. */
export interface IPreviewState {
  part: PreviewPart;
  user: string;
  /** Where the web part pretends to run. */
  host: Host;
  theme: ThemeKind;
  locale: Locale;
  /**
   * The unit of the property pane: on SharePoint the page's, in a Teams channel tab the tab's
   * configuration (the channel is then the one the Units list maps to that unit, see
   * `previewChannelId`); without it a channel tab is new and not set up.
   */
  unit?: string;
}

/** The four demo accounts of the local SharePoint. */
export const DEMO_ACCOUNTS: ReadonlyArray<{ email: string; role: string }> = [
  { email: 'medarbejder@mpk.local', role: 'Medarbejder' },
  { email: 'leder@mpk.local', role: 'Leder' },
  { email: 'chef@mpk.local', role: 'Chefgruppe' },
  { email: 'admin@mpk.local', role: 'Administrator' },
];

const PARTS: readonly PreviewPart[] = ['ambitions', 'plan', 'followup', 'card'];
const HOSTS: readonly Host[] = ['sharepoint', 'teams-channel', 'teams-personal'];
const THEMES: readonly ThemeKind[] = ['light', 'dark', 'contrast'];
const LOCALES: readonly Locale[] = ['da-DK', 'en-US'];

function oneOf<T extends string>(value: string | null, allowed: readonly T[], fallback: T): T {
  return value !== null && (allowed as readonly string[]).includes(value) ? (value as T) : fallback;
}

/** Reads the preview state from a query string; anything unknown falls back to the default. */
export function parsePreviewState(search: string): IPreviewState {
  const params = new URLSearchParams(search);
  const user = params.get('user');
  const unit = params.get('unit');
  const host = oneOf(params.get('host'), HOSTS, 'sharepoint');
  return {
    part: oneOf(params.get('part'), PARTS, 'ambitions'),
    user: user && DEMO_ACCOUNTS.some((a) => a.email === user) ? user : DEMO_ACCOUNTS[0].email,
    host,
    // SharePoint sections have no high-contrast variant of their own; Teams has.
    theme: oneOf(params.get('theme'), host === 'sharepoint' ? THEMES.slice(0, 2) : THEMES, 'light'),
    locale: oneOf(params.get('locale'), LOCALES, 'da-DK'),
    unit: unit ? unit : undefined,
  };
}

/** Writes the preview state back into a query string (defaults left out). */
export function toSearch(state: IPreviewState): string {
  const params = new URLSearchParams();
  params.set('part', state.part);
  params.set('user', state.user);
  if (state.host !== 'sharepoint') params.set('host', state.host);
  if (state.theme !== 'light') params.set('theme', state.theme);
  if (state.locale !== 'da-DK') params.set('locale', state.locale);
  if (state.unit) params.set('unit', state.unit);
  return `?${params.toString()}`;
}
