import { webLightTheme, type Theme } from '@fluentui/react-components';

/** The three looks the product supports: SharePoint/Teams light, dark, and Teams high contrast. */
export type ThemeKind = 'light' | 'dark' | 'contrast';

// Only the light theme is in the entry bundles (it is the look of almost every first view); dark and
// high contrast come in their own chunk when a page or Teams asks for them.
const loaded: Partial<Record<ThemeKind, Theme>> = { light: webLightTheme };
let otherThemes: Promise<void> | undefined;

/** The Fluent v9 theme for a look, if it is loaded (light always is; see {@link loadTheme}). */
export function themeFor(kind: ThemeKind): Theme | undefined {
  return loaded[kind];
}

/** Loads the theme for a look (dark and high contrast live in the chunk `mpk-themes`). */
export function loadTheme(kind: ThemeKind): Promise<Theme> {
  const known = loaded[kind];
  if (known) return Promise.resolve(known);
  if (!otherThemes) {
    otherThemes = import(/* webpackChunkName: 'mpk-themes' */ './otherThemes').then(
      (m) => {
        loaded.dark = m.webDarkTheme;
        loaded.contrast = m.teamsHighContrastTheme;
      },
      (error: unknown) => {
        // A failed chunk load can be tried again at the next theme change.
        otherThemes = undefined;
        throw error;
      },
    );
  }
  return otherThemes.then(() => loaded[kind] as Theme);
}

/** Maps the theme names Teams reports (`default`, `dark`, `contrast`) to ours. */
export function themeKindFromTeams(teamsTheme: string | undefined): ThemeKind {
  if (teamsTheme === 'dark') return 'dark';
  if (teamsTheme === 'contrast') return 'contrast';
  return 'light';
}
