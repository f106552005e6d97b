import {
  EMPTY_MEASURE_VALUES,
  measureColumns,
  measureFormValues,
  measureInput,
  OTHER_UNIT,
} from '../../src/domain/measureForm';
import type { IMeasure } from '../../src/domain/measurements';

const STORED = {
  measureWhat: 'Ventetid',
  measureUnit: 'timer',
  measureDirection: 'lower' as const,
  measureBaseline: 12.5,
  measureBaselineDate: '2026-01-01',
  measureTarget: 8,
  measureTargetDate: '2026-12-31',
};

describe('the initiative form’s measure', () => {
  it('shows a stored measure with Danish numbers, and a unit of its own as "other" plus the text', () => {
    const measure: IMeasure = {
      what: 'Ventetid',
      unit: 'timer',
      direction: 'lower',
      baseline: { value: 12.5, date: '2026-01-01' },
      target: { value: 8, date: '2026-12-31' },
    };
    const values = measureFormValues(measure);
    expect(values).toMatchObject({
      measured: 'yes',
      measureUnit: OTHER_UNIT,
      measureOtherUnit: 'timer',
      measureBaseline: '12,5',
      measureTarget: '8',
    });
    expect(measureInput(values).unit).toBe('timer');
    expect(measureFormValues({ ...measure, unit: 'point' })).toMatchObject({
      measureUnit: 'point',
      measureOtherUnit: '',
    });
    expect(measureFormValues(undefined)).toEqual(EMPTY_MEASURE_VALUES);
  });

  it('saves the checked measure, all seven fields empty when switched off, and the stored one while invalid', () => {
    const on = { ...measureFormValues(undefined), measured: 'yes', measureWhat: 'Fremmøde', measureUnit: 'procent' };
    const valid = {
      ...on,
      measureDirection: 'higher',
      measureBaseline: '1.234,5',
      measureBaselineDate: '2026-02-01',
      measureTarget: '2000',
      measureTargetDate: '2026-11-01',
    };
    expect(measureColumns(valid, {})).toEqual({
      measureWhat: 'Fremmøde',
      measureUnit: 'procent',
      measureDirection: 'higher',
      measureBaseline: 1234.5,
      measureBaselineDate: '2026-02-01',
      measureTarget: 2000,
      measureTargetDate: '2026-11-01',
    });
    const off = measureColumns({ ...valid, measured: '' }, STORED);
    expect(Object.keys(off)).toHaveLength(7);
    expect(Object.values(off).every((value) => value === undefined)).toBe(true);
    expect(measureColumns({ ...valid, measureTarget: 'mange' }, STORED)).toEqual(STORED);
  });
});
