import * as React from 'react';
import { makeStyles, mergeClasses, tokens } from '@fluentui/react-components';

/** Props of {@link SurfaceRoot}: any attribute of the element it renders. */
export interface ISurfaceRootProps extends React.HTMLAttributes<HTMLElement> {
  /** A `section` when the surface has a title to be labelled by. @default 'div' */
  as?: 'div' | 'section';
}

const useStyles = makeStyles({
  root: {
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalL,
    padding: tokens.spacingHorizontalL,
    minWidth: 0,
    '@media (max-width: 480px)': { padding: tokens.spacingHorizontalS },
  },
});

/** The outer frame of a web part's surface: its parts one under the other, less padding on phones. */
export function SurfaceRoot(props: ISurfaceRootProps): JSX.Element {
  const { as, className, ...rest } = props;
  const styles = useStyles();
  const Element = as || 'div';
  return <Element {...rest} className={mergeClasses(styles.root, className)} />;
}
