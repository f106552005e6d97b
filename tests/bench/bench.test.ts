/** @jest-environment node */
/**
 * The benchmark's own pure helpers (scripts/bench): budgets and report, bundle file names, `$batch`
 * parsing, the view selectors built from the strings, and the scale data set against the schema.
 * The benchmark itself runs with `npm run bench`, not here.
 */
import * as path from 'path';
import { entryReferencesChunk, gzipSize, parseChunkFileName } from '../../scripts/bench/bytes';
import {
  batchErrors,
  batchSubRequestMethods,
  batchSubStatuses,
  describeUrl,
  errorType,
  isDigestRequest,
} from '../../scripts/bench/firstView';
import {
  allHold,
  exitCode,
  formatBudget,
  formatValue,
  KB,
  mdCell,
  median,
  renderConsole,
  renderMarkdown,
  summaryLine,
  verdict,
  type Figure,
} from '../../scripts/bench/report';
import { shortRequest } from '../../scripts/bench/roundTrips';
import {
  buildStories,
  buildTasks,
  buildUnits,
  chunked,
  MUNICIPAL_SCALE,
  noonUtc,
  prng,
  spreadAuthors,
  type ScaleContext,
} from '../../scripts/bench/scaleData';
import { cssString, loadStrings, prefixOf, stringAt, viewSpecs } from '../../scripts/bench/views';
import { LISTS, listTitle } from '../../src/data/schema/lists';
import { STORY_KINDS, TASK_STATUSES, UNIT_KINDS } from '../../src/domain/model';

const ROOT = path.resolve(__dirname, '../..');

function fig(value: Figure['value'], budget?: Figure['budget'], unit: Figure['unit'] = 'count'): Figure {
  return { section: 'bytes', id: 'x', label: 'x', value, unit, budget };
}

describe('budgets decide pass, fail and not measured', () => {
  it('checks max, min and equals, and treats a missing budgeted figure as not holding', () => {
    expect(verdict(fig(100 * KB, { max: 100 * KB }, 'bytes'))).toBe('pass');
    expect(verdict(fig(100 * KB + 1, { max: 100 * KB }, 'bytes'))).toBe('fail');
    expect(verdict(fig(2, { min: 3 }))).toBe('fail');
    expect(verdict(fig(false, { equals: false }, 'bool'))).toBe('pass');
    expect(verdict(fig(true, { equals: false }, 'bool'))).toBe('fail');
    expect(verdict(fig(0, { equals: 0 }))).toBe('pass');
    expect(verdict(fig(null, { max: 1 }))).toBe('not measured');
    expect(verdict(fig(null))).toBe('info');
    expect(verdict(fig(12345))).toBe('info');
  });

  it('exits non-zero when any budget fails or is not measured', () => {
    expect(exitCode([fig(1, { max: 1 }), fig(5000)])).toBe(0);
    expect(exitCode([fig(1, { max: 1 }), fig(2, { max: 1 })])).toBe(1);
    expect(exitCode([fig(null, { max: 1 })])).toBe(1);
    expect(allHold([])).toBe(true);
    expect(summaryLine([fig(1, { max: 1 }), fig(2, { max: 1 }), fig(null, { max: 1 }), fig(3)])).toBe(
      '3 budgets: 1 hold, 1 fail, 1 not measured. Some budgets do not hold.',
    );
  });
});

describe('values and budgets are written for people', () => {
  it('formats bytes in KB of 1,024, ratios, milliseconds and booleans', () => {
    expect(formatValue(512, 'bytes')).toBe('512 B');
    expect(formatValue(161280, 'bytes')).toBe('157.5 KB');
    expect(formatValue(1.234, 'ratio')).toBe('1.23×');
    expect(formatValue(12345.6, 'ms')).toBe('12,346 ms');
    expect(formatValue(100000, 'count')).toBe('100,000');
    expect(formatValue(false, 'bool')).toBe('no');
    expect(formatValue(null, 'ms')).toBe('—');
    expect(formatBudget({ max: 100 * KB }, 'bytes')).toBe('≤ 100.0 KB');
    expect(formatBudget({ equals: false }, 'bool')).toBe('= no');
    expect(formatBudget(undefined, 'count')).toBe('—');
  });

  it('takes the median of odd and even samples', () => {
    expect(median([5, 1, 3])).toBe(3);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(Number.isNaN(median([]))).toBe(true);
  });

  it('renders the console table and the Markdown page with machine, figures and details', () => {
    const figures: Figure[] = [
      {
        section: 'bytes',
        id: 'a',
        label: 'plan: first-view JS',
        value: 120 * KB,
        unit: 'bytes',
        budget: { max: 100 * KB },
        detail: 'entry | 120 KB',
      },
      { section: 'provisioning', id: 'b', label: 'second run: writes', value: 0, unit: 'count', budget: { equals: 0 } },
    ];
    const text = renderConsole(figures);
    expect(text).toMatch(/plan: first-view JS\s+120\.0 KB\s+≤ 100\.0 KB\s+FAILS/);
    expect(text).toContain('2 budgets: 1 hold, 1 fail.');
    const md = renderMarkdown({
      figures,
      meta: {
        date: '2026-11-27 15:00:00 UTC',
        nproc: 2,
        freeG: 'total 23, used 1, free 22, available 22 (GiB)',
        node: 'v22.23.3',
      },
      details: [
        { section: 'bytes', title: 'Chunks', headers: ['chunk', 'gzip'], rows: [['chunk.mpk-xlsx_abc.js', '18.7 KB']] },
      ],
      notes: { provisioning: ['How it is measured.'] },
    });
    expect(md).toContain('| cores (`nproc`) | 2 |');
    expect(md).toContain('| plan: first-view JS | 120.0 KB | ≤ 100.0 KB | FAILS | entry \\| 120 KB |');
    expect(md).toContain('### Chunks');
    expect(md).toContain('- Bytes shipped — plan: first-view JS: 120.0 KB (budget ≤ 100.0 KB)');
    expect(md).toContain('How it is measured.');
    expect(md.endsWith('\n')).toBe(true);
    expect(mdCell('a|b\nc')).toBe('a\\|b c');
  });
});

describe('the build output is read by file name and chunk map', () => {
  it('parses SPFx chunk file names and finds a chunk in an entry runtime by its hash', () => {
    expect(parseChunkFileName('chunk.mpk-xlsx_f7d780cd25a422eaf11f.js')).toEqual({
      name: 'mpk-xlsx',
      hash: 'f7d780cd25a422eaf11f',
    });
    expect(
      parseChunkFileName('chunk.vendors-node_modules_write-excel-file_browser_js_0123456789abcdef0123.js'),
    ).toEqual({
      name: 'vendors-node_modules_write-excel-file_browser_js',
      hash: '0123456789abcdef0123',
    });
    expect(parseChunkFileName('plan-web-part_4ed0a79056ca40d9c2d7.js')).toBeUndefined();
    const runtime = '_.u=e=>"chunk."+{76:"mpk-chart"}[e]+"_"+{76:"92e81971bac0980c9f0b"}[e]+".js"';
    expect(entryReferencesChunk(runtime, { name: 'mpk-chart', hash: '92e81971bac0980c9f0b' })).toBe(true);
    expect(entryReferencesChunk(runtime, { name: 'mpk-editor', hash: 'b36846735801662341c9' })).toBe(false);
  });

  it('measures gzip -9', () => {
    const text = 'a'.repeat(10000);
    expect(gzipSize(text)).toBeLessThan(100);
    expect(gzipSize(Buffer.from(text))).toBe(gzipSize(text));
  });
});

describe('$batch bodies are read for sub-requests and sub-statuses', () => {
  const request = [
    '--batch_1',
    'Content-Type: application/http',
    'Content-Transfer-Encoding: binary',
    '',
    "GET http://127.0.0.1:1/sites/mpk/_api/web/lists/getByTitle('MPK%20Historier')/items?%24top=10 HTTP/1.1",
    'accept: application/json',
    '',
    '--batch_1',
    'Content-Type: multipart/mixed; boundary=changeset_2',
    '',
    '--changeset_2',
    'Content-Type: application/http',
    '',
    "MERGE http://127.0.0.1:1/sites/mpk/_api/web/lists/getByTitle('MPK%20Opgaver')/items(3) HTTP/1.1",
    'if-match: *',
    '',
    '{"TaskStatus":"closed"}',
    '--changeset_2--',
    '--batch_1--',
    '',
  ].join('\n');

  it('counts the methods of the parts, changesets included', () => {
    expect(batchSubRequestMethods(request)).toEqual(['GET', 'MERGE']);
  });

  it('finds the status of every part of a response', () => {
    const response = [
      '--batchresponse_1',
      'Content-Type: application/http',
      '',
      'HTTP/1.1 200 OK',
      '',
      '{}',
      '--batchresponse_1',
      'Content-Type: application/http',
      '',
      'HTTP/1.1 500 Internal Server Error',
      '',
      '{"odata.error":{"code":"-2147024860, Microsoft.SharePoint.SPQueryThrottledException"}}',
      '--batchresponse_1--',
      '',
    ].join('\r\n');
    expect(batchSubStatuses(response)).toEqual([200, 500]);
  });

  it('pairs failed response parts with their requests', () => {
    const req = [
      "GET http://h/sites/mpk/_api/web/lists/getByTitle('MPK%20Opgaver')/items?%24filter=AssigneeId+eq+8&%24top=5000 HTTP/1.1",
      "GET http://h/sites/mpk/_api/web/lists/getByTitle('MPK%20Enheder')/items?%24top=5000 HTTP/1.1",
    ].join('\n\n');
    const res = [
      '--batchresponse_9',
      'HTTP/1.1 500 Internal Server Error',
      '',
      '{"odata.error":{"code":"-2147024860, Microsoft.SharePoint.SPQueryThrottledException","message":{"lang":"en-US","value":"x"}}}',
      '--batchresponse_9',
      'HTTP/1.1 200 OK',
      '',
      '{"value":[]}',
      '--batchresponse_9--',
      '',
    ].join('\r\n');
    expect(batchErrors(req, res)).toEqual([
      { method: 'GET', url: expect.stringContaining('MPK%20Opgaver'), status: 500, type: 'SPQueryThrottledException' },
    ]);
    expect(errorType('{"odata.error":{"code":"-1, System.ArgumentException"}}')).toBe('ArgumentException');
    expect(
      describeUrl("http://h/sites/mpk/_api/web/lists/getByTitle('MPK%20Opgaver')/items?%24filter=AssigneeId+eq+8"),
    ).toBe('MPK Opgaver items [AssigneeId eq 8]');
  });

  it('tells the digest request and describes logged requests briefly', () => {
    expect(isDigestRequest('/sites/mpk/_api/contextinfo')).toBe(true);
    expect(isDigestRequest('/sites/mpk/_api/$batch')).toBe(false);
    expect(shortRequest({ method: 'POST', path: '/sites/mpk/_api/$batch', batchParts: 15 })).toBe('$batch (15 parts)');
    expect(
      shortRequest({
        method: 'GET',
        path: "/sites/mpk/_api/web/lists/getByTitle('MPK%20Anerkendelser')/items?%24select=Id%2CStoryId&%24filter=StoryId+eq+5&%24top=5000",
      }),
    ).toBe('GET MPK Anerkendelser items [StoryId eq 5]');
  });
});

describe('views are recognised by selectors built from the Danish strings', () => {
  it('finds every string the selectors and interactions need', () => {
    const strings = loadStrings(ROOT);
    for (const key of [
      'stories.feedLabel',
      'stories.showMore',
      'plan.ambition.listLabel',
      'followUp.matrix.regionLabel',
      'followUp.tabs.tasks',
      'followUp.board.unitFilter',
      'followUp.board.filtersLabel',
    ]) {
      expect(typeof stringAt(strings, key)).toBe('string');
    }
    const specs = viewSpecs(strings);
    expect(specs.ambitions.usable).toContain(cssString(stringAt(strings, 'stories.feedLabel')));
    expect(specs.plan.usable).toContain('aria-label^=');
    expect(() => stringAt(strings, 'no.such.string')).toThrow('no.such.string');
  });

  it('quotes CSS strings and cuts templates at their first placeholder', () => {
    expect(cssString('a "b" \\ c')).toBe('"a \\"b\\" \\\\ c"');
    expect(prefixOf('Indsatser under »{ambition}«')).toBe('Indsatser under »');
    expect(prefixOf('no placeholder')).toBe('no placeholder');
  });
});

describe('the scale data set fits the schema', () => {
  const ctx: ScaleContext = {
    units: [
      { id: 1, title: 'Læring og Trivsel', clientKey: 'laering-og-trivsel' },
      { id: 2, title: 'Økonomi', clientKey: 'oekonomi' },
      { id: 3, title: 'Dagtilbud Øst', clientKey: 'demo-unit', parentId: 1 },
    ],
    plans: [{ unitId: 1, period: '2026' }],
    politicalPriorityIds: [1, 2],
    demo: { admin: 7, chef: 8, leder: 9, medarbejder: 10 },
    demoEmails: {
      admin: 'admin@mpk.local',
      chef: 'chef@mpk.local',
      leder: 'leder@mpk.local',
      medarbejder: 'medarbejder@mpk.local',
    },
    leaders: [
      { id: 20, email: 'leder.1@mpk.local' },
      { id: 21, email: 'leder.2@mpk.local' },
    ],
    employees: [
      { id: 30, email: 'ansat.1@mpk.local' },
      { id: 31, email: 'ansat.2@mpk.local' },
    ],
    leaderUnitId: 1,
    now: new Date(Date.UTC(2026, 10, 27)),
  };
  const size = { ...MUNICIPAL_SCALE, units: 10, stories: 3000, tasks: 1200 };
  const columns = (key: Parameters<typeof listTitle>[0]): Set<string> => {
    const list = LISTS.find((l) => l.key === key);
    const names = (list?.fields ?? []).map((f) =>
      f.type === 'User' || f.type === 'UserMulti' ? `${f.name}Id` : f.name,
    );
    return new Set(['Title', ...names]);
  };

  it('adds units up to the size, each under a top-level unit with a leader', () => {
    const items = buildUnits(ctx, size, listTitle('units')).flatMap((b) => b.items);
    expect(items).toHaveLength(7);
    for (const item of items) {
      expect(Object.keys(item).every((k) => columns('units').has(k))).toBe(true);
      expect(UNIT_KINDS).toContain(item.UnitKind);
      expect([1, 2]).toContain(item.ParentUnitId);
      expect((item.LeadersId as number[]).length).toBe(1);
    }
  });

  it('makes tasks about exactly one initiative or ambition, with schema columns and codes', () => {
    const unitLeader = new Map([[1, 9]]);
    const tasks = buildTasks(
      ctx,
      size,
      [1, 2, 3],
      unitLeader,
      new Map([[1, [100, 101]]]),
      listTitle('tasks'),
      prng(9),
    ).flatMap((b) => b.items);
    expect(tasks).toHaveLength(1200);
    for (const t of tasks) {
      expect(Object.keys(t).every((k) => columns('tasks').has(k))).toBe(true);
      expect(TASK_STATUSES).toContain(t.TaskStatus);
      expect((t.InitiativeId === null) !== (t.AmbitionKey === null)).toBe(true);
      expect(t.DueDate).toMatch(/^\d{4}-\d{2}-\d{2}T12:00:00Z$/);
    }
    // The demo leader's unit keeps its share of tasks, far below the 5,000-item threshold.
    expect(tasks.filter((t) => t.UnitId === 1).length).toBe(400);
  });

  it("spreads stories over authors and years, mostly approved, with the demo employee's own", () => {
    const batches = buildStories(ctx, size, [1, 2, 3], listTitle('stories'), prng(6));
    const items = batches.flatMap((b) => b.items);
    expect(items).toHaveLength(3000);
    const allowed = new Set([...columns('stories'), 'OData__ModerationStatus', 'Created']);
    for (const s of items) {
      expect(Object.keys(s).every((k) => allowed.has(k))).toBe(true);
      expect(STORY_KINDS).toContain(s.StoryKind);
    }
    expect(batches.some((b) => b.author === 'medarbejder@mpk.local')).toBe(true);
    expect(items.filter((s) => s.OData__ModerationStatus === 0).length / items.length).toBeGreaterThan(0.9);
    expect(new Set(batches.map((b) => b.author)).size).toBeGreaterThan(2);
  });

  it('chunks bulk calls at 5,000 and spreads items over authors', () => {
    const items = Array.from({ length: 12001 }, (_, i) => ({ i }));
    expect(chunked('L', 'a', items).map((b) => b.items.length)).toEqual([5000, 5000, 2001]);
    expect(spreadAuthors('L', items.slice(0, 10), ['a', 'b', 'c']).map((b) => [b.author, b.items.length])).toEqual([
      ['a', 4],
      ['b', 3],
      ['c', 3],
    ]);
    expect(noonUtc(new Date(Date.UTC(2024, 1, 29, 23, 0)))).toBe('2024-02-29T12:00:00Z');
    const a = prng(1);
    const b = prng(1);
    expect([a(), a()]).toEqual([b(), b()]);
  });
});
