/**
 * The import's problems and counts in words (the `import` strings group). Pure: no React.
 */
import type { Locale } from '../../domain/locale';
import type { IImportProblem } from '../../domain/measurementImport';
import { fill } from '../shell/strings';
import { plural } from '../shell/plural';

/** The spreadsheet's letter for a 0-based column: 0 → "A", 25 → "Z", 26 → "AA". */
export function columnLetter(index: number): string {
  let letters = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) {
    letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  }
  return letters;
}

/** One problem in words, with "Mente du …?" when there is a close match. */
export function describeImportProblem(
  strings: Pick<IMpkStrings, 'import'>,
  problem: IImportProblem,
  locale: Locale,
): string {
  const s = strings.import;
  const numbers = new Intl.NumberFormat(locale, { useGrouping: false });
  const text = fill(s.problems[problem.code], {
    row: numbers.format(problem.row),
    column: problem.column || s.unnamedColumn,
    field: problem.field ? s.fields[problem.field] : '',
    value: problem.value ?? '',
    suggestion: problem.suggestion ?? '',
    otherRow: problem.otherRow === undefined ? '' : numbers.format(problem.otherRow),
  });
  const guessable = problem.code === 'unknownUnit' || problem.code === 'unknownIndicator';
  return guessable && problem.suggestion ? `${text} ${fill(s.didYouMean, { suggestion: problem.suggestion })}` : text;
}

/** "N resultater er klar til at blive indlæst · M er allerede indlæst · K rækker har problemer". */
export function checkSummary(
  strings: Pick<IMpkStrings, 'import'>,
  counts: { ready: number; unchanged: number; problemRows: number },
  locale: Locale,
): string {
  const w = strings.import.wizard;
  return [
    plural(locale, counts.ready, w.readyOne, w.readyOther),
    plural(locale, counts.unchanged, w.unchangedOne, w.unchangedOther),
    plural(locale, counts.problemRows, w.problemRowsOne, w.problemRowsOther),
  ].join(' · ');
}
