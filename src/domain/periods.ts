// Plan periods ("2026" or "2026-2027"), apart from `validation.ts` (which re-exports them) so that the
// overview and the first views do not carry the validation.

const PERIOD = /^(\d{4})(?:-(\d{4}))?$/;

/** The first and last year of a period ("2026" or "2026-2027"), or undefined if it is not one. */
export function parsePeriod(period: string): { from: number; to: number } | undefined {
  const match = PERIOD.exec(period);
  if (!match) return undefined;
  const from = Number(match[1]);
  const to = match[2] ? Number(match[2]) : from;
  if (from < 2000 || to > 2100 || (match[2] !== undefined && to <= from)) return undefined;
  return { from, to };
}

/**
 * What a person typed as a period, in the stored form: "2026 – 2027" → "2026-2027". Validation
 * accepts only the stored form, so forms normalise before they validate.
 */
export function normalisePeriod(input: string): string {
  return input.trim().replace(/\s*[-\u2010-\u2015\u2212]\s*/, '-');
}

/** Whether a period covers a year. */
export function periodIncludesYear(period: string, year: number): boolean {
  const parsed = parsePeriod(period);
  return parsed !== undefined && parsed.from <= year && year <= parsed.to;
}
