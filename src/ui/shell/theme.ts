import { teamsHighContrastTheme, webDarkTheme, webLightTheme, type Theme } from '@fluentui/react-components';

/** The three looks the product supports: SharePoint/Teams light, dark, and Teams high contrast. */
export type ThemeKind = 'light' | 'dark' | 'contrast';

/** The Fluent v9 theme for a look. */
export function themeFor(kind: ThemeKind): Theme {
  switch (kind) {
    case 'dark':
      return webDarkTheme;
    case 'contrast':
      return teamsHighContrastTheme;
    default:
      return webLightTheme;
  }
}

/** Maps the theme names Teams reports (`default`, `dark`, `contrast`) to ours. */
export function themeKindFromTeams(teamsTheme: string | undefined): ThemeKind {
  if (teamsTheme === 'dark') return 'dark';
  if (teamsTheme === 'contrast') return 'contrast';
  return 'light';
}
