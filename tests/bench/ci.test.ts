/** @jest-environment node */
/**
 * The pure parts of the CI budgets (`npm run bench -- --ci`): the command line, the per-chunk budget,
 * bytes received at scale, the time ratio's spread and the console list of budgets that do not hold.
 */
import { CHUNK_BUDGET_BYTES, chunkFigure, FIRST_VIEW_BUDGET_BYTES } from '../../scripts/bench/bytes';
import type { ViewMeasurement } from '../../scripts/bench/firstView';
import { parseArgs } from '../../scripts/bench/options';
import {
  describeSpread,
  exitCode,
  KB,
  missedLines,
  ratioSpread,
  renderConsole,
  verdict,
  type Figure,
} from '../../scripts/bench/report';
import { receivedFigures, type AccountView } from '../../scripts/bench/roundTrips';
import { ACTION_REQUEST_BUDGET, RECEIVED_AT_SCALE_BUDGET_BYTES } from '../../scripts/bench/scale';

describe('the CI mode is chosen on the command line', () => {
  it('runs every part, writes the page and times 5 runs by default', () => {
    const o = parseArgs([]);
    expect([...o.only]).toEqual(['bytes', 'roundTrips', 'scale', 'provisioning']);
    expect(o).toMatchObject({ ci: false, write: true, runs: 5, small: false, skipBuild: false });
  });

  it('--ci never writes the page, even without --no-write', () => {
    const o = parseArgs(['--ci']);
    expect(o.ci).toBe(true);
    expect(o.write).toBe(false);
    expect(o.only.size).toBe(4);
    expect(parseArgs(['--ci', '--skip-build', '--only=bytes']).only).toEqual(new Set(['bytes']));
  });

  it('--ci refuses --small (the budgets are for municipal scale), --runs and --out', () => {
    expect(() => parseArgs(['--ci', '--small'])).toThrow(/--small cannot be used with --ci/);
    expect(() => parseArgs(['--ci', '--runs=3'])).toThrow(/no timing runs/);
    expect(() => parseArgs(['--ci', '--out=x.md'])).toThrow(/writes no report/);
    expect(parseArgs(['--small', '--runs=3', '--no-write'])).toMatchObject({
      small: true,
      runs: 3,
      write: false,
      ci: false,
    });
  });

  it('refuses unknown options and parts instead of running something else', () => {
    expect(() => parseArgs(['--CI'])).toThrow(/unknown option "--CI"/);
    expect(() => parseArgs(['--only=bytes,timing'])).toThrow(/unknown part "timing"/);
    expect(() => parseArgs(['--runs=0'])).toThrow(/positive integer/);
  });
});

describe('every chunk loaded on demand has a budget', () => {
  const chunk = (name: string, kb: number): { name: string; file: string; gzipBytes: number; rawBytes: number } => ({
    name,
    file: `chunk.${name}_0123456789abcdef.js`,
    gzipBytes: Math.round(kb * KB),
    rawBytes: Math.round(kb * 3 * KB),
  });

  it('is 30 KB gzip, under a third of a first view', () => {
    expect(CHUNK_BUDGET_BYTES).toBe(30 * KB);
    expect(CHUNK_BUDGET_BYTES).toBeLessThan(FIRST_VIEW_BUDGET_BYTES / 3);
  });

  it('holds when the largest chunk is within it, and names that chunk', () => {
    const f = chunkFigure([chunk('mpk-chart', 1.5), chunk('mpk-xlsx', 18.7), chunk('418', 11.9)]);
    expect(f.value).toBe(Math.round(18.7 * KB));
    expect(verdict(f)).toBe('pass');
    expect(f.detail).toBe('mpk-xlsx (chunk.mpk-xlsx_0123456789abcdef.js); all 3 chunks within 30 KB');
  });

  it('fails when any chunk is over it, naming every chunk over it, largest first', () => {
    const f = chunkFigure([chunk('small', 2), chunk('a', 31), chunk('b', 45), chunk('edge', 30)]);
    expect(verdict(f)).toBe('fail');
    expect(f.value).toBe(45 * KB);
    expect(f.detail).toBe('2 of 4 chunks over 30 KB: b 45.0 KB, a 31.0 KB');
    expect(exitCode([f])).toBe(1);
  });

  it('is not measured (and so does not hold) when the build has no chunk', () => {
    const f = chunkFigure([]);
    expect(verdict(f)).toBe('not measured');
    expect(f.error).toMatch(/no chunk file/);
  });
});

describe('bytes received by a first view at scale have budgets for every account', () => {
  const view = (part: AccountView['part'], account: string, bytes: number, usable = true): AccountView => ({
    part,
    account,
    email: `${account}@mpk.local`,
    m: {
      url: 'http://x/',
      usableMs: usable ? 800 : null,
      requests: [],
      digestRequests: 0,
      traffic: {
        responseBytes: bytes,
        responses: 1,
        digestBytes: 0,
        subRequests: {},
        errorStatuses: [],
        errors: [],
        thresholdErrors: 0,
        parts: [],
      },
      error: usable ? undefined : 'timed out waiting for the view',
    } as ViewMeasurement,
  });

  it('are 500 KB for follow-up and 300 KB for ambitions, and one request per action', () => {
    expect(RECEIVED_AT_SCALE_BUDGET_BYTES).toEqual({ followup: 500 * KB, ambitions: 300 * KB });
    expect(ACTION_REQUEST_BUDGET).toBe(1);
  });

  it('fail for the account over budget, hold for the others, and only inform for web parts without one', () => {
    const figures = receivedFigures(
      'scale',
      [
        view('followup', 'chef', 3967 * KB),
        view('followup', 'leder', 480 * KB),
        view('ambitions', 'admin', 300 * KB),
        view('plan', 'leder', 358 * KB),
      ],
      RECEIVED_AT_SCALE_BUDGET_BYTES,
      'at scale: ',
    );
    expect(figures.map((f) => [f.id, verdict(f)])).toEqual([
      ['scale.received.followup.chef', 'fail'],
      ['scale.received.followup.leder', 'pass'],
      ['scale.received.ambitions.admin', 'pass'],
      ['scale.received.plan.leder', 'info'],
    ]);
    expect(figures[0].label).toBe('at scale: followup × chef: bytes received');
    expect(figures[0].budget).toEqual({ max: 500 * KB });
  });

  it('are not measured when the view never became usable', () => {
    const [f] = receivedFigures(
      'scale',
      [view('ambitions', 'medarbejder', 10 * KB, false)],
      RECEIVED_AT_SCALE_BUDGET_BYTES,
    );
    expect(f.value).toBeNull();
    expect(verdict(f)).toBe('not measured');
    expect(f.error).toBe('timed out waiting for the view');
  });
});

describe('a time ratio is shown with its spread over the runs', () => {
  it('divides the medians and pairs run i at scale with run i on demo data', () => {
    const s = ratioSpread([1000, 800, 900], [1500, 1400, 1800]);
    expect(s?.ratio).toBeCloseTo(1500 / 900);
    expect(s?.demo).toEqual({ median: 900, min: 800, max: 1000 });
    expect(s?.scale).toEqual({ median: 1500, min: 1400, max: 1800 });
    expect(s?.runRatios).toEqual([1.5, 1.75, 2]);
    expect(describeSpread(s as NonNullable<typeof s>, 3)).toBe(
      'median 1,500 ms at scale (1,400–1,800) vs 900 ms on demo data (800–1,000); per-run ratio 1.50–2.00× over 3 paired runs; 3 runs each',
    );
  });

  it('leaves out runs that did not become usable, and has no ratio without samples', () => {
    const s = ratioSpread([1000, null, 500], [2000, 900, null]);
    expect(s?.runRatios).toEqual([2]);
    expect(s?.ratio).toBeCloseTo(1450 / 750);
    expect(ratioSpread([], [1000])).toBeUndefined();
    expect(ratioSpread([null], [1000])).toBeUndefined();
  });
});

describe('the console says which budgets do not hold', () => {
  it('lists failing and unmeasured budgets under the summary, and nothing when all hold', () => {
    const figures: Figure[] = [
      {
        section: 'scale',
        id: 'r',
        label: 'at scale: followup × chef: bytes received',
        value: 3967 * KB,
        unit: 'bytes',
        budget: { max: 500 * KB },
      },
      {
        section: 'scale',
        id: 't',
        label: 'list-view-threshold errors',
        value: 0,
        unit: 'count',
        budget: { equals: 0 },
      },
      {
        section: 'provisioning',
        id: 'p',
        label: 'second run: writes',
        value: null,
        unit: 'count',
        budget: { equals: 0 },
        error: 'server did not start',
      },
    ];
    expect(missedLines(figures)).toEqual([
      'Municipal scale — at scale: followup × chef: bytes received: 3967.0 KB (budget ≤ 500.0 KB)',
      'Provisioning — second run: writes: not measured (server did not start)',
    ]);
    const text = renderConsole(figures);
    expect(text).toContain(
      '3 budgets: 1 hold, 1 fail, 1 not measured. Some budgets do not hold.\n  Municipal scale — at scale: followup × chef: bytes received: 3967.0 KB (budget ≤ 500.0 KB)',
    );
    expect(missedLines([figures[1]])).toEqual([]);
    expect(renderConsole([figures[1]]).trimEnd().endsWith('All budgets hold.')).toBe(true);
  });
});
