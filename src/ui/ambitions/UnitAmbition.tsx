import * as React from 'react';
import { Button, Link, makeStyles, Text, tokens } from '@fluentui/react-components';
import type { IUnitItem } from '../../data/repositories/types';
import { DataErrorMessage } from '../shell/DataErrorMessage';
import { SelectField } from '../shell/SelectField';
import { Spinner } from '../shell/Spinner';
import { fill, useStrings } from '../shell/strings';
import { labelOf } from '../shell/texts';
import { unitOptions } from './storyModel';
import { planPageOf, useUnitAmbition } from './useUnitAmbition';

/** Props of {@link UnitAmbition}. */
export interface IUnitAmbitionProps {
  ambitionKey: string;
  /** The reader's unit (`ownUnitId`); undefined: they are asked to choose it. */
  unitId: number | undefined;
  units: readonly IUnitItem[];
  /** Chooses (and remembers) the reader's unit for every card. */
  onChoose(unitId: number | undefined): void;
}

const useStyles = makeStyles({
  root: {
    display: 'flex',
    flexDirection: 'column',
    alignItems: 'flex-start',
    rowGap: tokens.spacingVerticalXS,
    paddingTop: tokens.spacingVerticalS,
    borderTop: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  heading: { margin: 0 },
  meaning: { margin: 0, whiteSpace: 'pre-line' },
  muted: { color: tokens.colorNeutralForeground2 },
});

/**
 * "Hos <enhed>" on an opened ambition: what the reader's unit wrote the ambition means in its current
 * plan, and a link to that plan. Its own chunk, read when an ambition is first opened; a reader whose
 * unit is not known chooses it here (remembered in the browser).
 */
export function UnitAmbition(props: IUnitAmbitionProps): JSX.Element {
  const strings = useStrings();
  const s = strings.ambitions;
  const styles = useStyles();
  const [choosing, setChoosing] = React.useState(false);
  const { value, error, retry } = useUnitAmbition(props.unitId);
  const unit = props.units.find((u) => u.id === props.unitId);

  if (!unit || choosing) {
    return (
      <div className={styles.root}>
        {!unit && <Text className={styles.muted}>{s.unitChooseIntro}</Text>}
        <SelectField
          label={s.unitChooseLabel}
          value={unit ? String(unit.id) : ''}
          onChange={(id) => {
            setChoosing(false);
            props.onChoose(id === '' ? undefined : Number(id));
          }}
        >
          <option value="">{s.unitChooseEmpty}</option>
          {unitOptions(props.units).map((u) => (
            <option key={u.id} value={String(u.id)}>
              {'\u00A0\u00A0'.repeat(u.depth) + u.label}
            </option>
          ))}
        </SelectField>
      </div>
    );
  }

  const name = unit.name;
  const focus = value?.focuses.find((f) => f.ambitionKey === props.ambitionKey);
  const link = value?.plan ? planPageOf(value.pages, unit.id as number) : undefined;
  return (
    <div className={styles.root}>
      <Text as="h4" weight="semibold" className={styles.heading}>
        {fill(s.unitHeading, { unit: name })}
      </Text>
      {error !== undefined && (
        <DataErrorMessage error={error} title={fill(s.unitLoadFailed, { unit: name })} onRetry={retry} />
      )}
      {!value && error === undefined && <Spinner size="tiny" label={fill(s.unitLoading, { unit: name })} />}
      {value && !value.plan && <Text className={styles.muted}>{fill(s.unitNoPlan, { unit: name })}</Text>}
      {value?.plan && focus && (
        <Text className={styles.muted}>
          {fill(s.unitRelevance, { relevance: labelOf(strings, 'relevance', focus.relevance) })}
        </Text>
      )}
      {value?.plan &&
        (focus?.localMeaning?.trim() ? (
          <Text as="p" className={styles.meaning}>
            {focus.localMeaning.trim()}
          </Text>
        ) : (
          <Text className={styles.muted}>{fill(s.unitMeaningMissing, { unit: name })}</Text>
        ))}
      {link && <Link href={link}>{fill(s.unitPlanLink, { unit: name })}</Link>}
      <Button size="small" appearance="subtle" onClick={() => setChoosing(true)}>
        {s.unitChange}
      </Button>
    </div>
  );
}
