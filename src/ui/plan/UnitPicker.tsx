import * as React from 'react';
import { Button, makeStyles, Text, tokens, useId } from '@fluentui/react-components';
import { SelectField } from '../shell/SelectField';
import type { IUnitItem } from '../../data/repositories/types';
import { fill, useStrings } from '../shell/strings';
import { unitLabel } from '../../domain/planUnits';
import { SelectOptions } from '../shell/SelectOptions';

/** Props of {@link UnitPicker}. */
export interface IUnitPickerProps {
  units: readonly IUnitItem[];
  /** The button's text, e.g. "Knyt kanalen til enheden". */
  submitLabel: string;
  /** `takeOver`: the person confirmed moving a unit mapped to another channel to this one. */
  onPick(unit: IUnitItem, takeOver: boolean): void;
  /** Preselected unit. */
  selectedId?: number;
  /** Warn when the chosen unit is already mapped to another channel than this one, and ask before moving it. */
  channelId?: string;
  /** A line under the picker, e.g. why only some units are offered. */
  note?: string;
  busy?: boolean;
  onCancel?(): void;
}

const useStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalS, maxWidth: '36em' },
  select: { maxWidth: '100%' },
  actions: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
});

/** Chooses one unit from the Units list (sub-units shown with their parent). */
export function UnitPicker(props: IUnitPickerProps): JSX.Element {
  const strings = useStrings().plan.unit;
  const styles = useStyles();
  const takeoverId = useId('mpk-unit-takeover');
  const [selected, setSelected] = React.useState(props.selectedId === undefined ? '' : String(props.selectedId));
  const [missing, setMissing] = React.useState(false);
  // The unit whose move from another channel waits for a "yes".
  const [confirming, setConfirming] = React.useState<IUnitItem | undefined>(undefined);
  const unit = props.units.find((u) => String(u.id) === selected);
  const elsewhere = unit && props.channelId && unit.teamsChannelId && unit.teamsChannelId !== props.channelId;
  const channelOf = (u: IUnitItem): string => u.teamsChannelName || u.teamsChannelId || '';

  if (props.units.length === 0) return <Text>{strings.noUnits}</Text>;

  const submit = (event: React.FormEvent): void => {
    event.preventDefault();
    if (!unit) {
      setMissing(true);
      return;
    }
    // Another channel would lose the unit: only after a "yes".
    if (elsewhere) {
      setConfirming(unit);
      return;
    }
    props.onPick(unit, false);
  };

  if (confirming) {
    return (
      <div className={styles.form} role="group" aria-labelledby={takeoverId}>
        <Text id={takeoverId} role="alert">
          {fill(strings.takeOverQuestion, { unit: confirming.name, channel: channelOf(confirming) })}
        </Text>
        <div className={styles.actions}>
          <Button
            appearance="primary"
            disabled={props.busy}
            onClick={() => {
              setConfirming(undefined);
              props.onPick(confirming, true);
            }}
          >
            {strings.takeOverConfirm}
          </Button>
          <Button onClick={() => setConfirming(undefined)} disabled={props.busy}>
            {strings.cancel}
          </Button>
        </div>
      </div>
    );
  }

  return (
    <form className={styles.form} onSubmit={submit} noValidate>
      <SelectField
        label={strings.pickerLabel}
        required
        validationMessage={missing && !unit ? strings.pickerRequired : undefined}
        hint={
          elsewhere ? fill(strings.channelAlreadyMapped, { unit: unit.name, channel: channelOf(unit) }) : props.note
        }
        selectClassName={styles.select}
        value={selected}
        onChange={(value) => {
          setSelected(value);
          setMissing(false);
        }}
      >
        <SelectOptions
          empty={strings.pickerPlaceholder}
          items={props.units}
          value={(u) => String(u.id)}
          label={(u) => unitLabel(u, props.units)}
        />
      </SelectField>
      <div className={styles.actions}>
        <Button type="submit" appearance="primary" disabled={props.busy}>
          {props.submitLabel}
        </Button>
        {props.onCancel && (
          <Button onClick={props.onCancel} disabled={props.busy}>
            {strings.cancel}
          </Button>
        )}
      </div>
    </form>
  );
}
