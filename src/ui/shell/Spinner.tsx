import * as React from 'react';
import { makeStyles, mergeClasses, tokens, useId, type GriffelStyle } from '@fluentui/react-components';

/** Props of {@link Spinner}: the sizes the web parts show, and a label after the ring. */
export interface ISpinnerProps {
  /** @default 'medium' */
  size?: 'extra-tiny' | 'tiny' | 'small' | 'medium';
  /** Shown after the ring; it names the progress bar. */
  label?: React.ReactNode;
  className?: string;
}

const STROKE = '--fui-Spinner--strokeWidth';

// Fluent's Spinner (primary appearance, label after), drawn the same way with only `makeStyles`: its
// style tables for every size and appearance, and Fluent's Label (whose only user it is in a first
// view), are about 1–2 KB gzip of every first view. A ring masked out of a disc, spinning, with a
// tail of two arcs that grow and shrink; a slower, still ring when the system asks for less motion.
/** One half of the tail: a quarter-and-a-bit arc that swings out to `degrees` and back. */
function arc(degrees: number): GriffelStyle {
  return {
    content: '""',
    position: 'absolute',
    display: 'block',
    width: '100%',
    height: '100%',
    animationDuration: 'inherit',
    animationIterationCount: 'inherit',
    animationTimingFunction: 'inherit',
    backgroundImage: 'conic-gradient(currentcolor 135deg, transparent 135deg)',
    animationName: {
      '0%': { transform: 'rotate(0deg)' },
      '50%': { transform: `rotate(${degrees}deg)` },
      '100%': { transform: 'rotate(0deg)' },
    },
  };
}

const useStyles = makeStyles({
  root: {
    display: 'flex',
    alignItems: 'center',
    justifyContent: 'center',
    lineHeight: '0',
    gap: '8px',
    overflowX: 'hidden',
    overflowY: 'hidden',
    minWidth: 'min-content',
  },
  spinner: {
    position: 'relative',
    flexShrink: 0,
    maskImage: `radial-gradient(closest-side, transparent calc(100% - var(${STROKE}) - 1px), white calc(100% - var(${STROKE})) calc(100% - 1px), transparent 100%)`,
    backgroundColor: tokens.colorBrandStroke2Contrast,
    color: tokens.colorBrandStroke1,
    '@media screen and (forced-colors: active)': {
      backgroundColor: 'HighlightText',
      color: 'Highlight',
      forcedColorAdjust: 'none',
    },
    animationDuration: '1.5s',
    animationIterationCount: 'infinite',
    animationTimingFunction: 'linear',
    animationName: { '0%': { transform: 'rotate(0deg)' }, '100%': { transform: 'rotate(360deg)' } },
    '@media screen and (prefers-reduced-motion: reduce)': { animationDuration: '1.8s' },
  },
  tail: {
    position: 'absolute',
    display: 'block',
    width: '100%',
    height: '100%',
    maskImage: 'conic-gradient(transparent 105deg, white 105deg)',
    '::before': arc(105),
    '::after': arc(225),
    animationDuration: '1.5s',
    animationIterationCount: 'infinite',
    animationTimingFunction: tokens.curveEasyEase,
    animationName: {
      '0%': { transform: 'rotate(-135deg)' },
      '50%': { transform: 'rotate(0deg)' },
      '100%': { transform: 'rotate(225deg)' },
    },
    '@media screen and (prefers-reduced-motion: reduce)': {
      animationIterationCount: '0',
      backgroundImage: 'conic-gradient(transparent 120deg, currentcolor 360deg)',
      '::before': { content: 'none' },
      '::after': { content: 'none' },
    },
  },
  'extra-tiny': { height: '16px', width: '16px', [STROKE]: tokens.strokeWidthThick },
  tiny: { height: '20px', width: '20px', [STROKE]: tokens.strokeWidthThick },
  small: { height: '28px', width: '28px', [STROKE]: tokens.strokeWidthThick },
  medium: { height: '32px', width: '32px', [STROKE]: tokens.strokeWidthThicker },
  label: {
    fontFamily: tokens.fontFamilyBase,
    color: tokens.colorNeutralForeground1,
    fontSize: tokens.fontSizeBase300,
    fontWeight: tokens.fontWeightRegular,
    lineHeight: tokens.lineHeightBase300,
  },
  labelMedium: {
    fontSize: tokens.fontSizeBase400,
    fontWeight: tokens.fontWeightSemibold,
    lineHeight: tokens.lineHeightBase400,
  },
});

/** A busy indicator (Fluent's Spinner look): role progressbar, named by its label. */
export function Spinner(props: ISpinnerProps): JSX.Element {
  const size = props.size ?? 'medium';
  const styles = useStyles();
  const labelId = useId('spinner');
  const hasLabel = props.label !== undefined && props.label !== null && props.label !== false;
  return (
    <div
      role="progressbar"
      aria-labelledby={hasLabel ? labelId : undefined}
      className={mergeClasses('mpk-Spinner', styles.root, props.className)}
    >
      <span className={mergeClasses(styles.spinner, styles[size])}>
        <span className={styles.tail} />
      </span>
      {hasLabel && (
        <label id={labelId} className={mergeClasses(styles.label, size === 'medium' && styles.labelMedium)}>
          {props.label}
        </label>
      )}
    </div>
  );
}
