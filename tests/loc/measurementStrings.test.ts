import { FILE_PROBLEMS, IMPORT_PROBLEM_CODES } from '../../src/domain/measurementImport';
import { MEASURE_ERROR_CODES } from '../../src/domain/measurements';
import { danish, english } from '../support/strings';

/** Every text in a strings group (values only, not keys). */
const texts = (group: object): string[] =>
  Object.values(group).flatMap((value) => (typeof value === 'string' ? [value] : texts(value as object)));

const placeholders = (text: string): string[] => (text.match(/\{[a-zA-Z]+\}/g) || []).sort();

describe('the import problems in words', () => {
  it.each([
    ['Danish', danish],
    ['English', english],
  ])('%s: every row problem names its row, and the column or field, as the person sees it', (_, strings) => {
    for (const code of IMPORT_PROBLEM_CODES) {
      const text = strings.import.problems[code];
      if (FILE_PROBLEMS.indexOf(code) < 0) expect(text).toMatch(/\{row\}/);
      if (code === 'duplicateRow') expect(text).toMatch(/\{otherRow\}/);
      else if (!['emptySheet', 'noDataRows', 'tooManyRows'].includes(code))
        expect(text).toMatch(/\{column\}|\{field\}/);
    }
    expect(strings.import.didYouMean).toMatch(/\{suggestion\}/);
  });

  it('uses the same placeholders in Danish and English', () => {
    for (const code of IMPORT_PROBLEM_CODES) {
      expect(placeholders(english.import.problems[code])).toEqual(placeholders(danish.import.problems[code]));
    }
    for (const code of MEASURE_ERROR_CODES) {
      expect(placeholders(english.measurements.errors[code])).toEqual(placeholders(danish.measurements.errors[code]));
    }
  });

  it('speaks plain Danish: no IT words, and "over fristen" is never "forfalden"', () => {
    const all = texts([danish.import, danish.measurements]).join('\n').toLowerCase();
    expect(all).toContain('kolonnen');
    for (const word of ['import', 'csv', 'parse', 'upload', 'error', 'fejlkode', 'kolonneindeks', 'forfalden']) {
      expect(all).not.toContain(word);
    }
  });

  it('says why results for fewer than 5 respondents are refused', () => {
    expect(danish.import.problems.tooFewRespondents).toMatch(/enkelte personer/);
    expect(danish.measurements.hiddenFewRespondents).toMatch(/færre end 5/);
  });
});
