import type { GriffelStyle } from '@fluentui/react-components';

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
