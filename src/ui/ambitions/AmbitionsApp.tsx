import * as React from 'react';
import { makeStyles, Text, tokens, Title2 } from '@fluentui/react-components';
import { AMBITIONS } from '../../domain/ambitions';
import { useStrings } from '../shell/strings';
import { AmbitionList } from './AmbitionList';

/** Props of {@link AmbitionsApp}. */
export interface IAmbitionsAppProps {
  /** Show the block of five ambitions. @default true */
  showAmbitions?: boolean;
}

const useStyles = makeStyles({
  root: {
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalM,
    padding: tokens.spacingHorizontalL,
  },
  heading: { margin: 0 },
});

/** The intranet web part "Ambitioner og hverdagshistorier". */
export function AmbitionsApp(props: IAmbitionsAppProps): JSX.Element {
  const strings = useStrings();
  const styles = useStyles();
  return (
    <div className={styles.root}>
      <Title2 as="h2" className={styles.heading}>
        {strings.ambitions.webPartTitle}
      </Title2>
      <Text as="p">{strings.ambitions.lead}</Text>
      {props.showAmbitions !== false && <AmbitionList ambitions={AMBITIONS} />}
    </div>
  );
}
