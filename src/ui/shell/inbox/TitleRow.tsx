import * as React from 'react';
import { makeStyles, tokens } from '@fluentui/react-components';

const useStyles = makeStyles({
  row: {
    display: 'flex',
    alignItems: 'center',
    justifyContent: 'space-between',
    flexWrap: 'wrap',
    columnGap: tokens.spacingHorizontalM,
    rowGap: tokens.spacingVerticalXS,
  },
});

/** A surface's title with "Nyt til dig" at its end. */
export function TitleRow(props: { bell: React.ReactNode; children: React.ReactNode }): JSX.Element {
  const styles = useStyles();
  return (
    <div className={styles.row}>
      {props.children}
      {props.bell}
    </div>
  );
}
