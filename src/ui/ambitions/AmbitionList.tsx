import * as React from 'react';
import { makeStyles, tokens } from '@fluentui/react-components';
import type { IAmbitionSeed } from '../../domain/ambitions';
import type { IAmbitionCounts } from '../../data/repositories/types';
import { useStrings } from '../shell/strings';
import { AmbitionCard, type IOwnUnit } from './AmbitionCard';
import { own } from '../../domain/dict';

/** Props of {@link AmbitionList}. */
export interface IAmbitionListProps {
  ambitions: readonly IAmbitionSeed[];
  /** Plans, initiatives and stories per ambition key (`view.counts`). */
  counts?: Record<string, IAmbitionCounts>;
  /** False when the counts are lower bounds. @default true */
  countsComplete?: boolean;
  /** The reader's unit, for "Hos <enhed>" in an opened card. */
  ownUnit?: IOwnUnit;
}

const useStyles = makeStyles({
  list: {
    listStyleType: 'none',
    margin: 0,
    padding: 0,
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fill, minmax(min(100%, 320px), 1fr))',
    gap: tokens.spacingHorizontalM,
    alignItems: 'start',
  },
});

/** The ambitions as a responsive grid of cards (one column in narrow sections and on phones). */
export function AmbitionList(props: IAmbitionListProps): JSX.Element {
  const strings = useStrings();
  const styles = useStyles();
  return (
    <ul className={styles.list} aria-label={strings.ambitions.ambitionsListLabel}>
      {props.ambitions.map((ambition) => (
        <li key={ambition.key}>
          <AmbitionCard
            ambition={ambition}
            counts={props.counts ? own(props.counts, ambition.key) : undefined}
            countsComplete={props.countsComplete}
            ownUnit={props.ownUnit}
          />
        </li>
      ))}
    </ul>
  );
}
