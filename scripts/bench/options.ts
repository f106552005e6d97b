/**
 * The command line of `npm run bench` (pure, tested in tests/bench).
 *
 * `--ci` is the mode `.ci/run` uses: only the deterministic budgets (bytes per first view and per chunk,
 * requests per first view and per action, list-view-threshold errors and bytes received at municipal
 * scale, provisioning writes on a second run). No timing runs, no `docs/benchmarks.md` (`--no-write` is
 * implied), and never `--small` — the budgets are for municipal scale.
 */
import type { Section } from './report';

export const SECTIONS: readonly Section[] = ['bytes', 'roundTrips', 'scale', 'provisioning'];

export interface Options {
  /** Where the Markdown goes (default docs/benchmarks.md). */
  out?: string;
  skipBuild: boolean;
  /** Timing runs per view (full mode only). */
  runs: number;
  only: Set<Section>;
  write: boolean;
  small: boolean;
  /** CI mode: deterministic budgets only, no timing, no docs. */
  ci: boolean;
}

/** Parses the arguments after `npm run bench --`; throws on a mistake. */
export function parseArgs(argv: readonly string[]): Options {
  const get = (name: string): string | undefined => argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1];
  const known = ['--skip-build', '--no-write', '--small', '--ci'];
  for (const a of argv) {
    if (!known.includes(a) && !/^--(only|runs|out)=/.test(a))
      throw new Error(`unknown option "${a}" (use ${[...known, '--only=…', '--runs=<n>', '--out=<file>'].join(', ')})`);
  }
  const ci = argv.includes('--ci');
  const only = get('only');
  const runs = Number(get('runs') ?? 5);
  if (!Number.isInteger(runs) || runs < 1) throw new Error('--runs must be a positive integer');
  const sections = only ? only.split(',').map((s) => s.trim()) : [...SECTIONS];
  for (const s of sections)
    if (!SECTIONS.includes(s as Section)) throw new Error(`--only: unknown part "${s}" (use ${SECTIONS.join(', ')})`);
  const small = argv.includes('--small');
  if (ci && small) throw new Error('--small cannot be used with --ci: the CI budgets are for municipal scale');
  if (ci && get('runs') !== undefined) throw new Error('--runs has no effect with --ci: CI mode makes no timing runs');
  if (ci && get('out') !== undefined) throw new Error('--out cannot be used with --ci: CI mode writes no report');
  return {
    out: get('out'),
    skipBuild: argv.includes('--skip-build'),
    runs,
    only: new Set(sections as Section[]),
    write: !ci && !argv.includes('--no-write'),
    small,
    ci,
  };
}
