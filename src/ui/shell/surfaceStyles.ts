import { makeStyles, tokens } from '@fluentui/react-components';

/**
 * The outer frame of a web part's surface (`root` on its outermost element): its parts one under the
 * other, less padding on phones.
 */
export const useSurfaceStyles = makeStyles({
  root: {
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalL,
    padding: tokens.spacingHorizontalL,
    minWidth: 0,
    '@media (max-width: 480px)': { padding: tokens.spacingHorizontalS },
  },
});
