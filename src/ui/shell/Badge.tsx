import * as React from 'react';
import { makeStyles, mergeClasses, tokens } from '@fluentui/react-components';

/** The colours of the tinted badges (kinds, statuses, relevance, risks). */
export type BadgeColor = 'brand' | 'danger' | 'informative' | 'subtle' | 'success' | 'warning';

/**
 * Props of {@link Badge}: the appearances and colours the web parts show — tinted in any of the
 * colours, filled in brand ("Fremhævet"), outlined in warning or danger (publishing state). Only
 * these are drawn, so a first view carries no styles it never shows.
 */
export type IBadgeProps = {
  /** @default 'circular' */
  shape?: 'circular' | 'rounded';
  className?: string;
  children?: React.ReactNode;
} & (
  | { appearance: 'tint'; color: BadgeColor }
  | { appearance: 'filled'; color: 'brand' }
  | { appearance: 'outline'; color: 'warning' | 'danger' }
);

/** The four border colours (longhands: Griffel's `shorthands` would be the only user of its module). */
function borderColour(
  colour: string,
): Record<'borderTopColor' | 'borderRightColor' | 'borderBottomColor' | 'borderLeftColor', string> {
  return { borderTopColor: colour, borderRightColor: colour, borderBottomColor: colour, borderLeftColor: colour };
}

// Fluent's Badge, medium size, drawn the same way: its style table (every size, shape, appearance
// and colour) is a few KB of a first view that shows three kinds of badge. The border is drawn by
// `::after` in a transparent colour (so it shows in high contrast) without changing the layout.
const useStyles = makeStyles({
  root: {
    display: 'inline-flex',
    boxSizing: 'border-box',
    alignItems: 'center',
    justifyContent: 'center',
    position: 'relative',
    fontFamily: tokens.fontFamilyBase,
    fontSize: tokens.fontSizeBase200,
    fontWeight: tokens.fontWeightSemibold,
    lineHeight: tokens.lineHeightBase200,
    height: '20px',
    minWidth: '20px',
    paddingTop: 0,
    paddingBottom: 0,
    paddingLeft: `calc(${tokens.spacingHorizontalXS} + ${tokens.spacingHorizontalXXS})`,
    paddingRight: `calc(${tokens.spacingHorizontalXS} + ${tokens.spacingHorizontalXXS})`,
    borderRadius: tokens.borderRadiusCircular,
    ...borderColour(tokens.colorTransparentStroke),
    '::after': {
      content: '""',
      position: 'absolute',
      top: 0,
      left: 0,
      bottom: 0,
      right: 0,
      borderTopStyle: 'solid',
      borderRightStyle: 'solid',
      borderBottomStyle: 'solid',
      borderLeftStyle: 'solid',
      ...borderColour('inherit'),
      borderTopWidth: tokens.strokeWidthThin,
      borderRightWidth: tokens.strokeWidthThin,
      borderBottomWidth: tokens.strokeWidthThin,
      borderLeftWidth: tokens.strokeWidthThin,
      borderRadius: 'inherit',
    },
  },
  rounded: { borderRadius: tokens.borderRadiusMedium },
  'filled-brand': { backgroundColor: tokens.colorBrandBackground, color: tokens.colorNeutralForegroundOnBrand },
  'tint-brand': {
    backgroundColor: tokens.colorBrandBackground2,
    color: tokens.colorBrandForeground2,
    ...borderColour(tokens.colorBrandStroke2),
  },
  'tint-danger': {
    backgroundColor: tokens.colorPaletteRedBackground1,
    color: tokens.colorPaletteRedForeground1,
    ...borderColour(tokens.colorPaletteRedBorder1),
  },
  'tint-informative': {
    backgroundColor: tokens.colorNeutralBackground4,
    color: tokens.colorNeutralForeground3,
    ...borderColour(tokens.colorNeutralStroke2),
  },
  'tint-subtle': {
    backgroundColor: tokens.colorNeutralBackground1,
    color: tokens.colorNeutralForeground3,
    ...borderColour(tokens.colorNeutralStroke2),
  },
  'tint-success': {
    backgroundColor: tokens.colorPaletteGreenBackground1,
    color: tokens.colorPaletteGreenForeground1,
    ...borderColour(tokens.colorPaletteGreenBorder1),
  },
  'tint-warning': {
    backgroundColor: tokens.colorPaletteYellowBackground1,
    color: tokens.colorPaletteYellowForeground1,
    ...borderColour(tokens.colorPaletteYellowBorder1),
  },
  outline: { ...borderColour('currentColor') },
  'outline-danger': { color: tokens.colorPaletteRedForeground3, ...borderColour(tokens.colorPaletteRedBorder2) },
  'outline-warning': { color: tokens.colorPaletteYellowForeground2 },
});

/** A status or kind shown as a small label (Fluent's Badge look, medium size, no icon). */
export function Badge(props: IBadgeProps): JSX.Element {
  const styles = useStyles();
  return (
    <span
      className={mergeClasses(
        styles.root,
        props.shape === 'rounded' && styles.rounded,
        props.appearance === 'outline' && styles.outline,
        styles[
          `${props.appearance}-${props.color}` as `${typeof props.appearance}-${typeof props.color}` &
            keyof typeof styles
        ],
        props.className,
      )}
    >
      {props.children}
    </span>
  );
}
