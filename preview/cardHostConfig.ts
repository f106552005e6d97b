/**
 * The look of Viva Connections cards in the preview: Adaptive Cards host configs for the dashboard's light and dark
 * themes (Segoe UI, Fluent's neutral colours) and Teams' high contrast. Not Microsoft's own host config (that ships
 * inside Viva); a small one with the same fonts and colours, so what a newcomer sees is close to the real card.
 * Attention (what is over the deadline) is #C4314B on light and #F9526B on dark; the dark card background is
 * #1F1F1F, on which #F9526B keeps 4.5:1 for small text (on #292929 it would not).
 */
import type { ThemeKind } from '../src/ui/shell/theme';

/** The colours a card uses, per theme (also used for the preview's own CSS around the rendered card). */
export interface ICardPalette {
  /** The dashboard behind the card. */
  page: string;
  /** The card's (and quick view's) background. */
  background: string;
  border: string;
  foreground: string;
  subtle: string;
  accent: string;
  attention: string;
  good: string;
  warning: string;
  separator: string;
  /** The card's button. */
  buttonBackground: string;
  buttonForeground: string;
  buttonBorder: string;
  buttonHover: string;
  focus: string;
}

/** Fluent's neutral palette (web light / web dark) and the Teams high-contrast colours. */
export const CARD_PALETTES: Record<ThemeKind, ICardPalette> = {
  light: {
    page: '#F5F5F5',
    background: '#FFFFFF',
    border: '#E0E0E0',
    foreground: '#242424',
    subtle: '#616161',
    accent: '#0F6CBD',
    attention: '#C4314B',
    good: '#107C10',
    warning: '#8A3707',
    separator: '#E0E0E0',
    buttonBackground: '#FFFFFF',
    buttonForeground: '#242424',
    buttonBorder: '#D1D1D1',
    buttonHover: '#F5F5F5',
    focus: '#000000',
  },
  dark: {
    page: '#141414',
    background: '#1F1F1F',
    border: '#3D3D3D',
    foreground: '#FFFFFF',
    subtle: '#D6D6D6',
    accent: '#479EF5',
    attention: '#F9526B',
    good: '#54B054',
    warning: '#FAA06B',
    separator: '#3D3D3D',
    buttonBackground: '#292929',
    buttonForeground: '#FFFFFF',
    buttonBorder: '#666666',
    buttonHover: '#3D3D3D',
    focus: '#FFFFFF',
  },
  contrast: {
    page: '#000000',
    background: '#000000',
    border: '#FFFFFF',
    foreground: '#FFFFFF',
    subtle: '#FFFFFF',
    accent: '#1AEBFF',
    attention: '#FFFF01',
    good: '#3FF23F',
    warning: '#FFFF01',
    separator: '#FFFFFF',
    buttonBackground: '#000000',
    buttonForeground: '#FFFFFF',
    buttonBorder: '#FFFFFF',
    buttonHover: '#1AEBFF',
    focus: '#1AEBFF',
  },
};

/** The font of Viva Connections and Teams. */
export const CARD_FONT_FAMILY =
  "'Segoe UI', 'Segoe UI Web (West European)', -apple-system, system-ui, Roboto, sans-serif";

function colour(value: string, subtle: string = value): { default: string; subtle: string } {
  return { default: value, subtle };
}

/** The Adaptive Cards host config (adaptivecards 2.x) for a theme. */
export function cardHostConfig(theme: ThemeKind): object {
  const p = CARD_PALETTES[theme];
  const foregroundColors = {
    default: colour(p.foreground, p.subtle),
    dark: colour(p.foreground, p.subtle),
    light: colour(p.subtle),
    accent: colour(p.accent),
    good: colour(p.good),
    warning: colour(p.warning),
    attention: colour(p.attention),
  };
  return {
    fontFamily: CARD_FONT_FAMILY,
    supportsInteractivity: true,
    spacing: { small: 4, default: 8, medium: 12, large: 16, extraLarge: 24, padding: 16 },
    separator: { lineThickness: 1, lineColor: p.separator },
    fontTypes: {
      default: {
        fontFamily: CARD_FONT_FAMILY,
        fontSizes: { small: 12, default: 14, medium: 16, large: 20, extraLarge: 28 },
        fontWeights: { lighter: 300, default: 400, bolder: 600 },
      },
      // The renderer reads both font types (a missing one throws).
      monospace: {
        fontFamily: "Consolas, 'Courier New', monospace",
        fontSizes: { small: 12, default: 14, medium: 16, large: 20, extraLarge: 28 },
        fontWeights: { lighter: 300, default: 400, bolder: 600 },
      },
    },
    containerStyles: {
      default: { backgroundColor: p.background, foregroundColors },
      emphasis: { backgroundColor: p.background, foregroundColors },
    },
    actions: {
      maxActions: 2,
      spacing: 'medium',
      buttonSpacing: 8,
      actionsOrientation: 'horizontal',
      actionAlignment: 'stretch',
      showCard: { actionMode: 'inline', inlineTopMargin: 8 },
    },
    textBlock: { headingLevel: 2 },
    imageSizes: { small: 40, medium: 80, large: 160 },
  };
}
