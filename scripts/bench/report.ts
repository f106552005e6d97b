/**
 * The benchmark's report: figures and their budgets → a console table, `docs/benchmarks.md` and an exit
 * code. Pure (no I/O): everything it shows is handed in by `main.ts`.
 */

/** The four parts of the benchmark, in the order they are reported. */
export type Section = 'bytes' | 'roundTrips' | 'scale' | 'provisioning';

/** How a value is written. `bytes` are shown in KB of 1,024 bytes. */
export type Unit = 'bytes' | 'requests' | 'ratio' | 'ms' | 'count' | 'bool';

/** A budget: every bound given must hold. */
export interface Budget {
  max?: number;
  min?: number;
  /** For `bool` figures: the value the budget wants. */
  equals?: number | boolean;
}

/** One measured figure. `value: null` means it could not be measured (`error` says why). */
export interface Figure {
  section: Section;
  /** Stable id, e.g. `bytes.firstView.ambitions`. */
  id: string;
  label: string;
  value: number | boolean | null;
  unit: Unit;
  budget?: Budget;
  /** A short explanation shown next to the value (e.g. what the figure is made of). */
  detail?: string;
  /** Why the figure is missing or what went wrong while measuring it. */
  error?: string;
}

/** The verdict on one figure. A budgeted figure that could not be measured does not hold. */
export type Verdict = 'pass' | 'fail' | 'not measured' | 'info';

/** A free-form table that explains figures (chunk lists, bundle composition, samples …). */
export interface DetailTable {
  section: Section;
  title: string;
  /** Text before the table (Markdown). */
  intro?: string;
  headers: string[];
  rows: string[][];
}

/** Where and when the run happened. */
export interface RunMeta {
  /** ISO date-time of the run. */
  date: string;
  nproc: number;
  /** Output of `free -g` (or a stand-in when it is not available). */
  freeG: string;
  node: string;
  chromium?: string;
  os?: string;
  commit?: string;
  /** Total wall time of the run in ms. */
  durationMs?: number;
  /** The command line used. */
  command?: string;
}

export const SECTION_TITLES: Record<Section, string> = {
  bytes: 'Bytes shipped',
  roundTrips: 'Round trips (demo data)',
  scale: 'Municipal scale',
  provisioning: 'Provisioning',
};

const SECTIONS: readonly Section[] = ['bytes', 'roundTrips', 'scale', 'provisioning'];

/** 1 KB = 1,024 bytes. */
export const KB = 1024;

/** The verdict on a figure. */
export function verdict(figure: Figure): Verdict {
  const budget = figure.budget;
  const hasBound = !!budget && (budget.max !== undefined || budget.min !== undefined || budget.equals !== undefined);
  if (
    figure.value === null ||
    figure.value === undefined ||
    (typeof figure.value === 'number' && Number.isNaN(figure.value))
  ) {
    return hasBound ? 'not measured' : 'info';
  }
  if (!hasBound || !budget) return 'info';
  const v = figure.value;
  if (budget.equals !== undefined && v !== budget.equals) return 'fail';
  if (typeof v === 'number') {
    if (budget.max !== undefined && v > budget.max) return 'fail';
    if (budget.min !== undefined && v < budget.min) return 'fail';
  }
  return 'pass';
}

/** Whether every budget holds (figures without a budget do not count). */
export function allHold(figures: readonly Figure[]): boolean {
  return figures.every((f) => {
    const v = verdict(f);
    return v === 'pass' || v === 'info';
  });
}

/** 0 when every budget holds, 1 otherwise. */
export function exitCode(figures: readonly Figure[]): number {
  return allHold(figures) ? 0 : 1;
}

function groupThousands(n: number): string {
  const [int, frac] = Math.abs(n).toString().split('.');
  const grouped = int.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${n < 0 ? '-' : ''}${grouped}${frac ? `.${frac}` : ''}`;
}

/** A value as shown in tables. */
export function formatValue(value: number | boolean | null, unit: Unit): string {
  if (value === null || value === undefined) return '—';
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  if (Number.isNaN(value)) return '—';
  switch (unit) {
    case 'bytes':
      return value < KB ? `${value} B` : `${(value / KB).toFixed(1)} KB`;
    case 'ratio':
      return `${value.toFixed(2)}×`;
    case 'ms':
      return `${groupThousands(Math.round(value))} ms`;
    case 'requests':
      return `${groupThousands(value)}`;
    case 'count':
      return groupThousands(value);
    case 'bool':
      return value ? 'yes' : 'no';
  }
}

/** A budget as shown in tables (`—` when the figure is informational). */
export function formatBudget(budget: Budget | undefined, unit: Unit): string {
  if (!budget) return '—';
  const parts: string[] = [];
  if (budget.equals !== undefined) parts.push(`= ${formatValue(budget.equals, unit)}`);
  if (budget.max !== undefined) parts.push(`≤ ${formatValue(budget.max, unit)}`);
  if (budget.min !== undefined) parts.push(`≥ ${formatValue(budget.min, unit)}`);
  return parts.length > 0 ? parts.join(', ') : '—';
}

const VERDICT_TEXT: Record<Verdict, string> = {
  pass: 'holds',
  fail: 'FAILS',
  'not measured': 'NOT MEASURED',
  info: '',
};

/** The rows of one section: figure, value, budget, verdict, detail. */
export function sectionRows(figures: readonly Figure[], section: Section): string[][] {
  return figures
    .filter((f) => f.section === section)
    .map((f) => [
      f.label,
      formatValue(f.value, f.unit),
      formatBudget(f.budget, f.unit),
      VERDICT_TEXT[verdict(f)],
      [f.detail, f.error].filter(Boolean).join(' — '),
    ]);
}

/** Pads a plain-text table (first row = header). */
export function textTable(rows: readonly string[][]): string {
  if (rows.length === 0) return '';
  const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => (r[i] ?? '').length)));
  const line = (r: readonly string[]): string =>
    r
      .map((cell, i) => (i === r.length - 1 ? cell : (cell ?? '').padEnd(widths[i])))
      .join('  ')
      .trimEnd();
  return [line(rows[0]), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.slice(1).map(line)].join('\n');
}

/** The console table: one block per section, then a summary line. */
export function renderConsole(figures: readonly Figure[]): string {
  const out: string[] = [];
  for (const section of SECTIONS) {
    const rows = sectionRows(figures, section);
    if (rows.length === 0) continue;
    out.push(`\n${SECTION_TITLES[section]}`);
    out.push(textTable([['figure', 'value', 'budget', 'result', 'detail'], ...rows]));
  }
  out.push('', summaryLine(figures));
  for (const line of missedLines(figures)) out.push(`  ${line}`);
  return out.join('\n');
}

/** One line per budget that does not hold: "Bytes shipped — x: 105.4 KB (budget ≤ 100.0 KB)". */
export function missedLines(figures: readonly Figure[]): string[] {
  return figures
    .filter((f) => verdict(f) === 'fail' || verdict(f) === 'not measured')
    .map(
      (f) =>
        `${SECTION_TITLES[f.section]} — ${f.label}: ${verdict(f) === 'fail' ? `${formatValue(f.value, f.unit)} (budget ${formatBudget(f.budget, f.unit)})` : `not measured (${f.error ?? 'no value'})`}`,
    );
}

/** "12 budgets: 10 hold, 1 fails, 1 not measured." */
export function summaryLine(figures: readonly Figure[]): string {
  const verdicts = figures.map(verdict).filter((v) => v !== 'info');
  const count = (v: Verdict): number => verdicts.filter((x) => x === v).length;
  const parts = [`${count('pass')} hold`, `${count('fail')} fail`];
  if (count('not measured') > 0) parts.push(`${count('not measured')} not measured`);
  return `${verdicts.length} budgets: ${parts.join(', ')}.${allHold(figures) ? ' All budgets hold.' : ' Some budgets do not hold.'}`;
}

/** Escapes a table cell for Markdown. */
export function mdCell(text: string): string {
  return (text ?? '').replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
}

/** A Markdown table. */
export function mdTable(headers: readonly string[], rows: readonly string[][]): string {
  const head = `| ${headers.map(mdCell).join(' | ')} |`;
  const sep = `|${headers.map(() => '---').join('|')}|`;
  return [head, sep, ...rows.map((r) => `| ${r.map(mdCell).join(' | ')} |`)].join('\n');
}

/** Everything `docs/benchmarks.md` is made of. */
export interface ReportInput {
  figures: readonly Figure[];
  meta: RunMeta;
  details?: readonly DetailTable[];
  /** Paragraphs per section, shown under its title (method, data set, caveats). */
  notes?: Partial<Record<Section, readonly string[]>>;
}

/** `docs/benchmarks.md`. */
export function renderMarkdown(input: ReportInput): string {
  const { figures, meta } = input;
  const lines: string[] = [];
  lines.push('# Benchmarks');
  lines.push('');
  lines.push(
    'What the product ships, how often it asks SharePoint, and how that holds up at municipal scale — measured by `npm run bench` ' +
      '(`scripts/bench/main.ts`), which rewrites this page on every run. Every figure below comes from that run; nothing is typed in by hand. ' +
      'The command exits non-zero when a budget does not hold.',
  );
  lines.push('');
  lines.push('## Last run');
  lines.push('');
  const machine: string[][] = [
    ['date', meta.date],
    ['cores (`nproc`)', String(meta.nproc)],
    ['memory (`free -g`)', meta.freeG],
    ['Node', meta.node],
  ];
  if (meta.chromium) machine.push(['Chromium', meta.chromium]);
  if (meta.os) machine.push(['OS', meta.os]);
  if (meta.commit) machine.push(['commit', meta.commit]);
  if (meta.command) machine.push(['command', meta.command]);
  if (meta.durationMs !== undefined) machine.push(['duration', `${(meta.durationMs / 1000).toFixed(0)} s`]);
  lines.push(mdTable(['', ''], machine));
  lines.push('');
  lines.push(`**${summaryLine(figures)}**`);
  lines.push('');
  const missed = missedLines(figures);
  if (missed.length > 0) {
    lines.push('Budgets that do not hold:');
    lines.push('');
    for (const line of missed) lines.push(`- ${line}`);
    lines.push('');
  }
  for (const section of SECTIONS) {
    const rows = sectionRows(figures, section);
    const details = (input.details ?? []).filter((d) => d.section === section);
    const notes = input.notes?.[section] ?? [];
    if (rows.length === 0 && details.length === 0 && notes.length === 0) continue;
    lines.push(`## ${SECTION_TITLES[section]}`);
    lines.push('');
    for (const note of notes) {
      lines.push(note);
      lines.push('');
    }
    if (rows.length > 0) {
      lines.push(mdTable(['figure', 'value', 'budget', 'result', 'detail'], rows));
      lines.push('');
    }
    for (const d of details) {
      lines.push(`### ${d.title}`);
      lines.push('');
      if (d.intro) {
        lines.push(d.intro);
        lines.push('');
      }
      lines.push(d.rows.length > 0 ? mdTable(d.headers, d.rows) : '(none)');
      lines.push('');
    }
  }
  lines.push('## Running it');
  lines.push('');
  lines.push(
    '`npm run bench` (a few minutes on 2 cores; not part of `npm test`). Options after `--`: `--skip-build` measures the `release/assets` already there, ' +
      '`--runs=<n>` sets the timing runs per view (default 5), `--only=bytes,roundTrips,scale,provisioning` runs some parts (and leaves this page alone unless `--out=<file>` is given), ' +
      '`--no-write` prints only, `--small` loads a tenth of the scale data (for working on the bench; the page says so). The pure parts of the bench are tested in `tests/bench`.',
  );
  lines.push('');
  lines.push(
    '`npm run bench -- --ci` is what CI runs (`.ci/run`, after `npm test`): every budget on this page except the time ratios — bytes per first view and per chunk, requests per first view and per action, ' +
      'list-view-threshold errors and bytes received at municipal scale (the full data set; `--small` is refused), provisioning writes on a second run. It makes no timing runs, does not write this page, ' +
      'prints the table and the budgets that do not hold, and exits non-zero when any does (about 4 minutes on 2 cores, half of it the production build). The time ratios are left to the full run because they are noisy on a shared machine; it prints each with its spread over the runs.',
  );
  return `${lines.join('\n').trimEnd()}\n`;
}

/** The median of a list of numbers (mean of the two middle values for an even count). */
export function median(values: readonly number[]): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** Smallest and largest of a list of numbers. */
export function range(values: readonly number[]): { min: number; max: number } {
  return values.length === 0 ? { min: NaN, max: NaN } : { min: Math.min(...values), max: Math.max(...values) };
}

/** A time ratio (scale ÷ demo) with its spread over the runs. */
export interface RatioSpread {
  /** median(scale) ÷ median(demo): the figure the budget is about. */
  ratio: number;
  demo: { median: number; min: number; max: number };
  scale: { median: number; min: number; max: number };
  /** scale ÷ demo of each run (run i's scale time ÷ run i's demo time; the two alternate, so they are paired). */
  runRatios: number[];
}

/**
 * The ratio and its spread from the paired samples (`null` in a sample = that run did not become usable;
 * such pairs are left out of the per-run ratios). `undefined` when either side has no sample.
 */
export function ratioSpread(
  demo: readonly (number | null)[],
  scale: readonly (number | null)[],
): RatioSpread | undefined {
  const d = demo.filter((v): v is number => v !== null);
  const s = scale.filter((v): v is number => v !== null);
  if (d.length === 0 || s.length === 0) return undefined;
  const side = (v: number[]): RatioSpread['demo'] => ({ median: median(v), ...range(v) });
  const runRatios: number[] = [];
  for (let i = 0; i < Math.min(demo.length, scale.length); i++) {
    const a = demo[i];
    const b = scale[i];
    if (a !== null && b !== null && a > 0) runRatios.push(b / a);
  }
  return { ratio: median(s) / median(d), demo: side(d), scale: side(s), runRatios };
}

/** "median 1,200 ms at scale (1,100–1,400) vs 800 ms on demo data (700–900); per-run ratio 1.38–1.62× over 5 runs". */
export function describeSpread(spread: RatioSpread, runs: number): string {
  const ms = (v: number): string => formatValue(v, 'ms').replace(' ms', '');
  const r = range(spread.runRatios);
  const perRun =
    spread.runRatios.length > 0
      ? `; per-run ratio ${r.min.toFixed(2)}–${r.max.toFixed(2)}× over ${spread.runRatios.length} paired runs`
      : '';
  return (
    `median ${ms(spread.scale.median)} ms at scale (${ms(spread.scale.min)}–${ms(spread.scale.max)}) vs ${ms(spread.demo.median)} ms on demo data (${ms(spread.demo.min)}–${ms(spread.demo.max)})` +
    `${perRun}; ${runs} runs each`
  );
}
