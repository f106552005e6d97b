// The themes a first view seldom needs, in their own chunk (`mpk-themes`, loaded by `theme.ts`).
export { teamsHighContrastTheme, webDarkTheme } from '@fluentui/react-components';
