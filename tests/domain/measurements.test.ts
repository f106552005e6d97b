import {
  comparePeriods,
  type IIndicator,
  type IIndicatorValue,
  type IMeasure,
  type IMeasureInput,
  isOnTrack,
  isPublishable,
  latestWithTrend,
  MIN_RESPONDENTS,
  parseDanishNumber,
  parsePeriod,
  periodLabel,
  progressOf,
  readNumber,
  validateMeasure,
} from '../../src/domain/measurements';

const higher: IMeasure = {
  what: 'Andel tilfredse borgere',
  unit: 'procent',
  direction: 'higher',
  baseline: { value: 60, date: '2026-01-01' },
  target: { value: 80, date: '2026-12-31' },
};
const lower: IMeasure = {
  what: 'Sagsbehandlingstid',
  unit: 'dage',
  direction: 'lower',
  baseline: { value: 40, date: '2026-01-01' },
  target: { value: 20, date: '2027-01-01' },
};

const FORM: IMeasureInput = {
  what: 'Sagsbehandlingstid',
  unit: 'dage',
  direction: 'lower',
  baselineValue: '1.234,5',
  baselineDate: '2026-01-01',
  targetValue: '-3',
  targetDate: '2026-12-31',
};

describe('numbers are read as Danes (and English speakers) write them', () => {
  it.each([
    ['12,5', 12.5],
    ['1.234,5', 1234.5],
    ['-3', -3],
    ['\u22123', -3],
    ['1 234', 1234],
    ['1.234', 1234],
    ['1.234.567', 1234567],
    ['12.5', 12.5],
    ['1,234,567.5', 1234567.5],
    ['75 %', 75],
    ['75%', 75],
    ['+4', 4],
    [',5', 0.5],
    ['1e-7', 1e-7],
    ['0', 0],
  ])('reads %j as %p', (text, value) => {
    expect(parseDanishNumber(text)).toBe(value);
  });

  it.each(['', ' ', 'abc', '12a', '1,2,3.4.5', '1.23.4', '--3', '%', '1..2', '12,5,', 'NaN', 'Infinity'])(
    'refuses %j',
    (text) => {
      expect(parseDanishNumber(text)).toBeUndefined();
    },
  );

  it('calls "1.234" ambiguous outside a Danish form, and reads it as 1234 in one', () => {
    expect(readNumber('1.234', false)).toEqual({ error: 'ambiguous' });
    expect(readNumber('1.234', true)).toEqual({ value: 1234 });
    expect(readNumber('1.5', false)).toEqual({ value: 1.5 });
    expect(readNumber('1,234', false)).toEqual({ value: 1.234 });
  });
});

describe('the measure form', () => {
  it('accepts a complete form and returns the measure with Danish numbers read', () => {
    const { measure, errors } = validateMeasure(FORM);
    expect(errors).toEqual({});
    expect(measure).toEqual({
      what: 'Sagsbehandlingstid',
      unit: 'dage',
      direction: 'lower',
      baseline: { value: 1234.5, date: '2026-01-01' },
      target: { value: -3, date: '2026-12-31' },
    });
  });

  it('names every empty field', () => {
    const empty = {
      what: '',
      unit: ' ',
      direction: '',
      baselineValue: '',
      baselineDate: '',
      targetValue: '',
      targetDate: '',
    };
    const { measure, errors } = validateMeasure(empty);
    expect(measure).toBeUndefined();
    expect(errors).toEqual({
      what: 'required',
      unit: 'required',
      direction: 'required',
      baselineValue: 'required',
      baselineDate: 'required',
      targetValue: 'required',
      targetDate: 'required',
    });
  });

  it('refuses what is not a number, not a date, an unknown direction, a CPR number and over-long text', () => {
    const { errors } = validateMeasure({
      ...FORM,
      what: 'Borger 010190-1234',
      unit: 'x'.repeat(41),
      direction: 'sideways',
      baselineValue: 'tolv',
      baselineDate: '2026-02-30',
      targetValue: '12a',
      targetDate: '31.12.2026',
    });
    expect(errors).toEqual({
      what: 'containsCpr',
      unit: 'tooLong',
      direction: 'unknownDirection',
      baselineValue: 'notANumber',
      baselineDate: 'notADate',
      targetValue: 'notANumber',
      targetDate: 'notADate',
    });
    expect(validateMeasure({ ...FORM, what: 'x'.repeat(256) }).errors.what).toBe('tooLong');
  });

  it('wants a target different from the baseline and later than it', () => {
    expect(validateMeasure({ ...FORM, baselineValue: '5', targetValue: '5,0' }).errors).toEqual({
      targetValue: 'targetEqualsBaseline',
    });
    expect(validateMeasure({ ...FORM, targetDate: '2026-01-01' }).errors).toEqual({
      targetDate: 'targetDateNotAfterBaseline',
    });
    expect(validateMeasure({ ...FORM, targetDate: '2025-06-01' }).errors.targetDate).toBe('targetDateNotAfterBaseline');
  });

  it('wants the direction to agree with baseline → target, both ways', () => {
    expect(validateMeasure({ ...FORM, direction: 'higher' }).errors).toEqual({ targetValue: 'directionMismatch' });
    expect(validateMeasure({ ...FORM, direction: 'lower', baselineValue: '3', targetValue: '7' }).errors).toEqual({
      targetValue: 'directionMismatch',
    });
    expect(validateMeasure({ ...FORM, direction: 'higher', baselineValue: '3', targetValue: '7' }).errors).toEqual({});
  });
});

describe('progress follows the measurement', () => {
  it('is 0 at the baseline, 100 at the target and in between on the way (higher is better)', () => {
    expect(progressOf(higher, { value: 60, date: '2026-02-01' })).toBe(0);
    expect(progressOf(higher, { value: 70, date: '2026-06-01' })).toBe(50);
    expect(progressOf(higher, { value: 65.1, date: '2026-06-01' })).toBe(26);
    expect(progressOf(higher, { value: 80, date: '2026-12-01' })).toBe(100);
  });

  it('works when lower is better', () => {
    expect(progressOf(lower, { value: 40, date: '2026-02-01' })).toBe(0);
    expect(progressOf(lower, { value: 35, date: '2026-02-01' })).toBe(25);
    expect(progressOf(lower, { value: 20, date: '2026-02-01' })).toBe(100);
  });

  it('clamps: beyond the target is 100, worse than the baseline is 0, no value is 0', () => {
    expect(progressOf(higher, { value: 95, date: '2026-06-01' })).toBe(100);
    expect(progressOf(higher, { value: 10, date: '2026-06-01' })).toBe(0);
    expect(progressOf(lower, { value: 5, date: '2026-06-01' })).toBe(100);
    expect(progressOf(lower, { value: 55, date: '2026-06-01' })).toBe(0);
    expect(progressOf(higher, undefined)).toBe(0);
    expect(progressOf(higher, { value: NaN, date: '2026-06-01' })).toBe(0);
  });
});

describe('on track: the latest value against the straight line from baseline to target', () => {
  it('is undefined without a value (or with only values after today)', () => {
    expect(isOnTrack(higher, [], '2026-06-01')).toBeUndefined();
    expect(isOnTrack(higher, [{ value: 90, date: '2026-07-01' }], '2026-06-01')).toBeUndefined();
  });

  it('judges the latest value on the date it was measured (higher is better)', () => {
    // Half way through the year the line expects about 70.
    expect(isOnTrack(higher, [{ value: 71, date: '2026-07-02' }], '2026-08-01')).toBe(true);
    expect(isOnTrack(higher, [{ value: 66, date: '2026-07-02' }], '2026-08-01')).toBe(false);
    // The latest counts, not the best.
    const values = [
      { value: 79, date: '2026-03-01' },
      { value: 61, date: '2026-09-01' },
    ];
    expect(isOnTrack(higher, values, '2026-10-01')).toBe(false);
    expect(isOnTrack(higher, values.slice().reverse(), '2026-10-01')).toBe(false);
  });

  it('works when lower is better, and wants the target itself after the target date', () => {
    expect(isOnTrack(lower, [{ value: 29, date: '2026-07-02' }], '2026-08-01')).toBe(true);
    expect(isOnTrack(lower, [{ value: 33, date: '2026-07-02' }], '2026-08-01')).toBe(false);
    expect(isOnTrack(lower, [{ value: 21, date: '2027-03-01' }], '2027-04-01')).toBe(false);
    expect(isOnTrack(lower, [{ value: 20, date: '2027-03-01' }], '2027-04-01')).toBe(true);
    expect(isOnTrack(lower, [{ value: 40, date: '2026-01-01' }], '2026-01-01')).toBe(true);
  });
});

describe('the 5-respondent rule', () => {
  it('refuses fewer than 5 respondents, since they could identify people', () => {
    expect(MIN_RESPONDENTS).toBe(5);
    expect(isPublishable(0)).toBe(false);
    expect(isPublishable(4)).toBe(false);
    expect(isPublishable(5)).toBe(true);
    expect(isPublishable(120)).toBe(true);
  });

  it('accepts a result without respondents (sygefravær) and refuses a count that is not whole', () => {
    expect(isPublishable(undefined)).toBe(true);
    expect(isPublishable(5.5)).toBe(false);
    expect(isPublishable(NaN)).toBe(false);
  });
});

describe('periods', () => {
  it.each([
    ['2026', '2026'],
    [' 2026 ', '2026'],
    ['2. halvår 2026', '2026-H2'],
    ['1. halvår 2026', '2026-H1'],
    ['2 halvaar 2026', '2026-H2'],
    ['Andet halvår 2026', '2026-H2'],
    ['H2 2026', '2026-H2'],
    ['h1-2026', '2026-H1'],
    ['2026H2', '2026-H2'],
    ['2026-H1', '2026-H1'],
    ['Q3 2026', '2026-Q3'],
    ['2026Q3', '2026-Q3'],
    ['2026-Q4', '2026-Q4'],
    ['K2 2026', '2026-Q2'],
    ['3. kvartal 2026', '2026-Q3'],
    ['1. kvt. 2026', '2026-Q1'],
    ['november 2026', '2026-11'],
    ['November 2026', '2026-11'],
    ['nov 2026', '2026-11'],
    ['nov. 2026', '2026-11'],
    ['maj 2026', '2026-05'],
    ['okt 2026', '2026-10'],
    ['October 2026', '2026-10'],
    ['11-2026', '2026-11'],
    ['2026-11', '2026-11'],
    ['11/2026', '2026-11'],
    ['3/2026', '2026-03'],
    ['2026 - 11', '2026-11'],
    ['2026-11-01', '2026-11'],
  ])('reads %j as %j', (text, period) => {
    expect(parsePeriod(text)).toBe(period);
  });

  it.each([
    '',
    'snart',
    '26',
    '1850',
    '2026-13',
    '13/2026',
    '0/2026',
    'H3 2026',
    'Q5 2026',
    '5. kvartal 2026',
    '3. halvår 2026',
    'novembr 2026',
    '2026-02-30',
    '2026-2027',
    'x'.repeat(100),
  ])('does not understand %j', (text) => {
    expect(parsePeriod(text)).toBeUndefined();
  });

  it('orders periods by when they start, the longer first', () => {
    const periods = ['2026-11', '2025', '2026-Q3', '2026-H2', '2026', '2026-H1', '2026-01', '2026-Q1'];
    expect(periods.slice().sort(comparePeriods)).toEqual([
      '2025',
      '2026',
      '2026-H1',
      '2026-Q1',
      '2026-01',
      '2026-H2',
      '2026-Q3',
      '2026-11',
    ]);
  });

  it('names periods in Danish and English', () => {
    expect(periodLabel('2026', 'da-DK')).toBe('2026');
    expect(periodLabel('2026-H2', 'da-DK')).toBe('2. halvår 2026');
    expect(periodLabel('2026-Q3', 'da-DK')).toBe('3. kvartal 2026');
    expect(periodLabel('2026-11', 'da-DK')).toBe('november 2026');
    expect(periodLabel('2026-H1', 'en-US')).toBe('H1 2026');
    expect(periodLabel('2026-Q3', 'en-US')).toBe('Q3 2026');
    expect(periodLabel('2026-11', 'en-US')).toBe('November 2026');
    expect(periodLabel('whatever', 'da-DK')).toBe('whatever');
  });

  it('reads back every label it writes', () => {
    for (const period of ['2026', '2026-H2', '2026-Q3', '2026-11', '2026-05']) {
      expect(parsePeriod(periodLabel(period, 'da-DK'))).toBe(period);
      expect(parsePeriod(periodLabel(period, 'en-US'))).toBe(period);
    }
  });
});

describe('the latest value of an indicator and the direction since the previous period', () => {
  const trivsel: IIndicator = {
    key: 'trivsel',
    title: 'Trivsel',
    unit: 'point',
    direction: 'higher',
    ambitionKey: 'a1',
  };
  const sygefravaer: IIndicator = { ...trivsel, key: 'sygefravaer', title: 'Sygefravær', direction: 'lower' };
  const value = (indicatorKey: string, period: string, v: number): IIndicatorValue => ({
    indicatorKey,
    unitId: 1,
    period,
    value: v,
  });

  it('says "none" without values or with one value', () => {
    expect(latestWithTrend([], trivsel)).toEqual({ trend: 'none' });
    const only = value('trivsel', '2026', 4);
    expect(latestWithTrend([only, value('apv', '2027', 1)], trivsel)).toEqual({ latest: only, trend: 'none' });
  });

  it('compares the latest with the previous period, whatever the order given', () => {
    const values = [
      value('trivsel', '2026-H2', 4.1),
      value('trivsel', '2025-H2', 3.5),
      value('trivsel', '2026-H1', 3.9),
    ];
    const result = latestWithTrend(values, trivsel);
    expect(result.latest?.period).toBe('2026-H2');
    expect(result.previous?.period).toBe('2026-H1');
    expect(result.change).toBe(0.2);
    expect(result.trend).toBe('better');
  });

  it('knows that lower is better for sygefravær, and reports no change as "same"', () => {
    const down = [value('sygefravaer', '2026-Q1', 6), value('sygefravaer', '2026-Q2', 5.2)];
    expect(latestWithTrend(down, sygefravaer)).toMatchObject({ trend: 'better', change: -0.8 });
    const up = [value('sygefravaer', '2026-Q1', 5), value('sygefravaer', '2026-Q2', 5.5)];
    expect(latestWithTrend(up, sygefravaer).trend).toBe('worse');
    expect(latestWithTrend(up, { ...sygefravaer, direction: 'higher' }).trend).toBe('better');
    const flat = [value('sygefravaer', '2026-Q1', 5), value('sygefravaer', '2026-Q2', 5)];
    expect(latestWithTrend(flat, sygefravaer)).toMatchObject({ trend: 'same', change: 0 });
  });

  it('compares a period only with one of the same length', () => {
    const values = [value('trivsel', '2025', 3), value('trivsel', '2026-Q1', 4)];
    const result = latestWithTrend(values, trivsel);
    expect(result.trend).toBe('none');
    expect(result.latest?.period).toBe('2026-Q1');
    expect(result.previous).toBeUndefined();
  });
});
