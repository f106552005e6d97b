import * as React from 'react';
import {
  Checkbox,
  Field,
  Input,
  makeStyles,
  Radio,
  RadioGroup,
  Select,
  Text,
  tokens,
} from '@fluentui/react-components';
import { MEASURE_DIRECTIONS, MEASURE_UNITS, type MeasureUnit } from '../../domain/measurements';
import { OTHER_UNIT, type IMeasureFormValues } from '../../domain/measureForm';
import { useStrings } from '../shell/strings';
import { SelectOptions } from '../shell/SelectOptions';
import { DateField } from '../shell/DateField';
import type { IInitiativeFormState } from './useInitiativeForm';

const useStyles = makeStyles({
  section: {
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalM,
    margin: 0,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    minWidth: 0,
  },
  legend: { fontWeight: tokens.fontWeightSemibold, padding: `0 ${tokens.spacingHorizontalXS}` },
  row: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'flex-start',
    columnGap: tokens.spacingHorizontalM,
    rowGap: tokens.spacingVerticalM,
  },
  half: { flexGrow: 1, flexBasis: '12em', minWidth: 0 },
  input: { width: '100%', minWidth: 0 },
  inputInner: { minWidth: 0, width: '100%' },
});

type MeasureFormField = keyof IMeasureFormValues;

/** The labels of the measure's stored fields, for a conflict in the initiative form. */
export function useMeasureLabels(): Record<string, string> {
  const fields = useStrings().measurements.fields;
  return {
    measureWhat: fields.what,
    measureUnit: fields.unit,
    measureDirection: fields.direction,
    measureBaseline: fields.baselineValue,
    measureBaselineDate: fields.baselineDate,
    measureTarget: fields.targetValue,
    measureTargetDate: fields.targetDate,
  };
}

/**
 * The initiative form's "Målbart succeskriterium": a switch that shows what is measured, its unit,
 * which way is better, and the baseline and target (value and date). Typed values live in the form's
 * draft like every other field; turning the switch off saves the initiative without a measure.
 */
export function MeasureFields(props: { form: IInitiativeFormState }): JSX.Element {
  const strings = useStrings().measurements;
  const styles = useStyles();
  const { values, setValue, fieldErrors } = props.form;
  const on = values.measured === 'yes';
  const change =
    (field: MeasureFormField) =>
    (_: unknown, d: { value: string }): void =>
      setValue(field, d.value);
  const half = (field: MeasureFormField, label: string, kind: 'number' | 'date'): JSX.Element =>
    kind === 'date' ? (
      <DateField
        label={label}
        required
        validationMessage={fieldErrors[field]}
        className={styles.half}
        value={values[field]}
        onChange={(value) => setValue(field, value)}
      />
    ) : (
      <Field
        label={label}
        required
        hint={strings.numberHint}
        validationMessage={fieldErrors[field]}
        className={styles.half}
      >
        <Input
          className={styles.input}
          input={{ className: styles.inputInner }}
          inputMode="decimal"
          value={values[field]}
          onChange={change(field)}
        />
      </Field>
    );
  return (
    <fieldset className={styles.section}>
      <legend className={styles.legend}>{strings.heading}</legend>
      <Checkbox
        checked={on}
        label={strings.enable}
        onChange={(_, d) => setValue('measured', d.checked === true ? 'yes' : '')}
      />
      {on && (
        <>
          <Text size={200}>{strings.intro}</Text>
          <Field label={strings.fields.what} required validationMessage={fieldErrors.measureWhat}>
            <Input value={values.measureWhat} onChange={change('measureWhat')} />
          </Field>
          <div className={styles.row}>
            <Field
              label={strings.fields.unit}
              required
              validationMessage={fieldErrors.measureUnit}
              className={styles.half}
            >
              <Select className={styles.input} value={values.measureUnit} onChange={change('measureUnit')}>
                <SelectOptions
                  empty={strings.chooseUnit}
                  items={(MEASURE_UNITS as readonly string[]).concat([OTHER_UNIT])}
                  value={(unit) => unit}
                  label={(unit) => (unit === OTHER_UNIT ? strings.otherUnit : strings.units[unit as MeasureUnit])}
                />
              </Select>
            </Field>
            {values.measureUnit === OTHER_UNIT && (
              <Field
                label={strings.otherUnitText}
                required
                validationMessage={fieldErrors.measureOtherUnit}
                className={styles.half}
              >
                <Input
                  className={styles.input}
                  input={{ className: styles.inputInner }}
                  value={values.measureOtherUnit}
                  onChange={change('measureOtherUnit')}
                />
              </Field>
            )}
          </div>
          <Field label={strings.fields.direction} required validationMessage={fieldErrors.measureDirection}>
            <RadioGroup layout="horizontal" value={values.measureDirection} onChange={change('measureDirection')}>
              {MEASURE_DIRECTIONS.map((direction) => (
                <Radio key={direction} value={direction} label={strings.directions[direction]} />
              ))}
            </RadioGroup>
          </Field>
          <div className={styles.row}>
            {half('measureBaseline', strings.fields.baselineValue, 'number')}
            {half('measureBaselineDate', strings.fields.baselineDate, 'date')}
          </div>
          <div className={styles.row}>
            {half('measureTarget', strings.fields.targetValue, 'number')}
            {half('measureTargetDate', strings.fields.targetDate, 'date')}
          </div>
        </>
      )}
    </fieldset>
  );
}
