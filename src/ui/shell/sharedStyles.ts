import { makeStyles, tokens, type GriffelStyle } from '@fluentui/react-components';

/**
 * Style objects more than one surface needs, spread into a `makeStyles` call (like `nativeFieldStyles`),
 * so each is written once.
 */

/** Visually hidden, still read by screen readers: the usual clip pattern (live regions, legends). */
export const visuallyHidden: GriffelStyle = {
  position: 'absolute',
  width: '1px',
  height: '1px',
  margin: '-1px',
  padding: 0,
  overflow: 'hidden',
  clip: 'rect(0 0 0 0)',
  whiteSpace: 'nowrap',
  border: 0,
};

/** A list without bullets or indent, its items stacked `gap` apart (a token). */
export function plainList(gap: string): GriffelStyle {
  return {
    listStyleType: 'none',
    margin: 0,
    padding: 0,
    display: 'flex',
    flexDirection: 'column',
    rowGap: gap,
  };
}

/** A framed column (forms and cards): padding inside a thin rounded border, its parts `rowGap` apart. */
export function framedColumn(rowGap: string, stroke: string = tokens.colorNeutralStroke1): GriffelStyle {
  return {
    display: 'flex',
    flexDirection: 'column',
    rowGap,
    padding: tokens.spacingHorizontalM,
    border: `${tokens.strokeWidthThin} solid ${stroke}`,
    borderRadius: tokens.borderRadiusMedium,
  };
}

/** The outer frame of a web part's surface: its parts one under the other, less padding on phones. */
export const surfaceRoot: GriffelStyle = {
  display: 'flex',
  flexDirection: 'column',
  rowGap: tokens.spacingVerticalL,
  padding: tokens.spacingHorizontalL,
  minWidth: 0,
  '@media (max-width: 480px)': { padding: tokens.spacingHorizontalS },
};

/** A plain link in Fluent's link colours (Fluent's Link would be the only user of its package in a first view). */
export const plainLink: GriffelStyle = {
  color: tokens.colorBrandForegroundLink,
  textDecorationLine: 'underline',
  overflowWrap: 'anywhere',
  ':hover': { color: tokens.colorBrandForegroundLinkHover },
  ':focus-visible': {
    outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}`,
    borderRadius: tokens.borderRadiusSmall,
  },
};

/** The ring on what a save gave focus to (an entry with `tabIndex={-1}`): shown also when the save was clicked. */
export const savedFocus: GriffelStyle = {
  ':focus': { outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}`, outlineOffset: '2px' },
};

/** `root` on a surface's outermost element (see {@link surfaceRoot}). */
export const useSurfaceStyles = makeStyles({ root: surfaceRoot });
