/**
 * The initiative form's measurable success criterion (Målinger): its fields as typed, and the seven
 * stored fields they become. Kept apart from `planModel` so that it loads with the forms, not with the
 * plan's first view.
 */
import type { IInitiative } from './model';
import { MEASURE_UNITS, validateMeasure, type IMeasure, type IMeasureInput } from './measurements';

/** The measure's fields as typed in the initiative form. */
export interface IMeasureFormValues {
  /** 'yes' when the success criterion can be measured (the measure's fields are shown and saved). */
  measured: string;
  measureWhat: string;
  /** One of `MEASURE_UNITS`, `OTHER_UNIT` (then `measureOtherUnit`), or ''. */
  measureUnit: string;
  measureOtherUnit: string;
  measureDirection: string;
  /** Numbers as typed (Danish: "12,5"). */
  measureBaseline: string;
  measureBaselineDate: string;
  measureTarget: string;
  measureTargetDate: string;
}

/** The unit select's choice for a unit of one's own. */
export const OTHER_UNIT = 'other';

/** The measure's form fields, empty (also for a draft kept before they existed). */
export const EMPTY_MEASURE_VALUES: IMeasureFormValues = {
  measured: '',
  measureWhat: '',
  measureUnit: '',
  measureOtherUnit: '',
  measureDirection: '',
  measureBaseline: '',
  measureBaselineDate: '',
  measureTarget: '',
  measureTargetDate: '',
};

/** The stored fields of a measure on an initiative. */
export type MeasureColumns = Pick<
  IInitiative,
  | 'measureWhat'
  | 'measureUnit'
  | 'measureDirection'
  | 'measureBaseline'
  | 'measureBaselineDate'
  | 'measureTarget'
  | 'measureTargetDate'
>;

/** A number as a Dane types it ("12,5"), for a form. */
function danishNumber(value: number): string {
  return String(value).replace('.', ',');
}

/** The form's fields for a stored measure (all empty without one). */
export function measureFormValues(measure: IMeasure | undefined): IMeasureFormValues {
  if (!measure) return EMPTY_MEASURE_VALUES;
  const known = (MEASURE_UNITS as readonly string[]).indexOf(measure.unit) >= 0;
  return {
    measured: 'yes',
    measureWhat: measure.what,
    measureUnit: known ? measure.unit : OTHER_UNIT,
    measureOtherUnit: known ? '' : measure.unit,
    measureDirection: measure.direction,
    measureBaseline: danishNumber(measure.baseline.value),
    measureBaselineDate: measure.baseline.date,
    measureTarget: danishNumber(measure.target.value),
    measureTargetDate: measure.target.date,
  };
}

/** The measure part of the form as `validateMeasure` reads it. */
export function measureInput(values: IMeasureFormValues): IMeasureInput {
  return {
    what: values.measureWhat,
    unit: values.measureUnit === OTHER_UNIT ? values.measureOtherUnit : values.measureUnit,
    direction: values.measureDirection,
    baselineValue: values.measureBaseline,
    baselineDate: values.measureBaselineDate,
    targetValue: values.measureTarget,
    targetDate: values.measureTargetDate,
  };
}

/**
 * The seven stored fields as the form saves them: the checked measure when the switch is on, all
 * empty when it is off. While the measure is not valid (the form does not save then), the base's.
 */
export function measureColumns(values: IMeasureFormValues, base: Partial<IInitiative>): MeasureColumns {
  const measure = values.measured === 'yes' ? validateMeasure(measureInput(values)).measure : undefined;
  if (values.measured === 'yes' && !measure) {
    return {
      measureWhat: base.measureWhat,
      measureUnit: base.measureUnit,
      measureDirection: base.measureDirection,
      measureBaseline: base.measureBaseline,
      measureBaselineDate: base.measureBaselineDate,
      measureTarget: base.measureTarget,
      measureTargetDate: base.measureTargetDate,
    };
  }
  return {
    measureWhat: measure?.what,
    measureUnit: measure?.unit,
    measureDirection: measure?.direction,
    measureBaseline: measure?.baseline.value,
    measureBaselineDate: measure?.baseline.date,
    measureTarget: measure?.target.value,
    measureTargetDate: measure?.target.date,
  };
}
