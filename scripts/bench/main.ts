/**
 * `npm run bench`: builds the production bundles, starts the local SharePoint, measures bytes shipped,
 * round trips, behaviour at municipal scale and provisioning, prints a table, writes
 * `docs/benchmarks.md` and exits non-zero when a budget does not hold.
 *
 * Options (`options.ts`): `--ci` (what `.ci/run` runs: only the deterministic budgets — no timing runs,
 * no docs write, never `--small`), `--skip-build` (measure the `release/assets` already there),
 * `--runs=<n>` (timing runs per view, default 5), `--only=bytes,roundTrips,scale,provisioning` (a partial
 * run does not write docs/benchmarks.md), `--no-write` (never write it), `--out=<file>` (write the report
 * there instead), `--small` (a tenth of the scale data set, for developing the bench itself; the report
 * says so).
 */
import { execFileSync, spawn } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import type { Browser } from 'playwright-core';
import type { LocalSharePoint } from '../../localsp/server';
import { startPreviewServer } from '../../preview/server';
import { CHROMIUM_PATH, launchChromium } from '../../tests/browser/browser';
import {
  bytesFigures,
  composition,
  configBundles,
  findMarkers,
  PARTS,
  readBuildAssets,
  type BuildAssets,
  type PartName,
  type ProbeResult,
} from './bytes';
import { CARD_BUNDLE, cardBytesFigure, cardRequestFigures } from './card';
import { measureProvisioning } from './provisioning';
import {
  exitCode,
  renderConsole,
  renderMarkdown,
  type DetailTable,
  type Figure,
  type RunMeta,
  type Section,
} from './report';
import { measureAccounts, roundTripFigures } from './roundTrips';
import { demoUserIds, leaderUnit, listCounts, loadScaleData, measureScale, MAIN_ACCOUNT } from './scale';
import { checkAmbitionCountsAtScale, checkOverviewAtScale, rebuildSummaries } from './overviewCheck';
import { MUNICIPAL_SCALE, type ScaleSize } from './scaleData';
import { parseArgs } from './options';
import { probeShipBundles } from './shipProbe';
import { loadStrings, viewSpecs } from './views';

const ROOT = path.resolve(__dirname, '..', '..');

const log = (line: string): void => console.log(line);

function sh(cmd: string, args: string[]): string {
  try {
    return execFileSync(cmd, args, { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    return '';
  }
}

/** Date, machine and versions for the report. */
function runMeta(start: number, argv: readonly string[]): RunMeta {
  const free = sh('free', ['-g']);
  const mem = free.split('\n').find((l) => /^Mem:/.test(l));
  const cols = mem ? mem.trim().split(/\s+/) : [];
  const freeG =
    cols.length >= 7
      ? `total ${cols[1]}, used ${cols[2]}, free ${cols[3]}, available ${cols[6]} (GiB)`
      : free || `${Math.round(os.totalmem() / 2 ** 30)} GiB total (free -g not available)`;
  const commit = sh('git', ['rev-parse', '--short', 'HEAD']);
  const dirty = sh('git', ['status', '--porcelain']).split('\n').filter(Boolean).length;
  const osName =
    sh('sh', ['-c', '. /etc/os-release 2>/dev/null && echo "$PRETTY_NAME"']) || `${os.type()} ${os.release()}`;
  return {
    date: new Date(start)
      .toISOString()
      .replace('T', ' ')
      .replace(/\.\d+Z$/, ' UTC'),
    nproc: Number(sh('nproc', [])) || os.cpus().length,
    freeG,
    node: process.version,
    chromium: sh(CHROMIUM_PATH, ['--version']).split('\n')[0] || undefined,
    os: osName,
    commit: commit ? `${commit}${dirty > 0 ? ` + ${dirty} uncommitted changes` : ''}` : undefined,
    command: `npm run bench${argv.length > 0 ? ` -- ${argv.join(' ')}` : ''}`,
  };
}

/** Waits while another gulp build runs on this machine (builds must not run in parallel). */
async function waitForOtherBuilds(maxMs = 15 * 60 * 1000): Promise<void> {
  const t0 = Date.now();
  let told = false;
  for (;;) {
    const others = sh('pgrep', ['-f', 'gulp'])
      .split('\n')
      .filter((pid) => pid && Number(pid) !== process.pid);
    if (others.length === 0) return;
    if (Date.now() - t0 > maxMs)
      throw new Error(`another gulp build is still running after ${maxMs / 60000} minutes (pids ${others.join(', ')})`);
    if (!told) log(`  another gulp build is running (pids ${others.join(', ')}); waiting for it to finish …`);
    told = true;
    await new Promise((r) => setTimeout(r, 10000));
  }
}

/** `npm run build`; its output goes to a log file outside the project (gulp clean empties temp/). */
async function build(): Promise<{ ok: boolean; ms: number; logFile: string; tail: string }> {
  await waitForOtherBuilds();
  const logFile = path.join(os.tmpdir(), 'mpk-bench-build.log');
  const out = fs.openSync(logFile, 'w');
  const t0 = Date.now();
  const code = await new Promise<number>((resolve) => {
    const child = spawn('npm', ['run', 'build'], { cwd: ROOT, stdio: ['ignore', out, out], env: process.env });
    child.on('exit', (c) => resolve(c ?? 1));
    child.on('error', () => resolve(1));
  });
  fs.closeSync(out);
  const text = fs.existsSync(logFile) ? fs.readFileSync(logFile, 'utf8') : '';
  // eslint-disable-next-line no-control-regex
  const plain = text.replace(/\x1b\[[0-9;]*m/g, '');
  const errors = plain.split('\n').filter((l) => /Error -|error TS|Warning - |failed|errored/i.test(l));
  return {
    ok: code === 0,
    ms: Date.now() - t0,
    logFile,
    tail: (errors.length > 0 ? errors : plain.split('\n')).slice(-8).join('\n'),
  };
}

function sectionError(section: Section, what: string, e: unknown): Figure {
  const message = e instanceof Error ? e.message.split('\n')[0] : String(e);
  return {
    section,
    id: `${section}.error.${what}`,
    label: `${what} could not run`,
    value: null,
    unit: 'count',
    budget: { equals: 0 },
    error: message,
  };
}

/** Which packages and folders the entry bundles are made of (esbuild's metafile; for the report only). */
async function compositionDetail(): Promise<DetailTable> {
  try {
    const perPart = new Map<string, Map<string, string>>();
    const totals: string[] = [];
    const order: string[] = [];
    for (const { bundle, entrypoint } of configBundles(ROOT)) {
      const part = PARTS.find((p) => p.bundle === bundle)?.part ?? bundle;
      const c = await composition(ROOT, entrypoint, 10);
      totals.push(`${part} ${(c.total / 1024).toFixed(0)} KB minified / ${(c.gzip / 1024).toFixed(0)} KB gzip`);
      for (const [pkg, kb] of c.rows) {
        if (!perPart.has(pkg)) {
          perPart.set(pkg, new Map());
          order.push(pkg);
        }
        perPart.get(pkg)?.set(part, kb);
      }
    }
    return {
      section: 'bytes',
      title: 'What the entry bundles are made of (approximation)',
      intro:
        "The largest contributors (minified bytes) to each entry, by package or `lib/` folder, from esbuild's metafile over the same `lib/` output with the same externals — webpack's bundle is close but not identical " +
        `(esbuild: ${totals.join('; ')}). The ten largest of each web part.`,
      headers: ['package / folder', ...PARTS.map((p) => p.part)],
      rows: order.map((pkg) => [pkg, ...PARTS.map((p) => perPart.get(pkg)?.get(p.part) ?? '')]),
    };
  } catch (e) {
    return {
      section: 'bytes',
      title: 'What the entry bundles are made of (approximation)',
      intro: `Not available: ${e instanceof Error ? e.message.split('\n')[0] : String(e)}`,
      headers: [],
      rows: [],
    };
  }
}

const NOTES: Partial<Record<Section, string[]>> = {
  bytes: [
    "From the real `npm run build` (`gulp bundle --ship`): each web part's entry bundle `release/assets/<bundle>_<hash>.js`, gzip -9 with node:zlib, plus the chunks it fetched while its first view opened. " +
      "Which chunks a first view fetches is checked by loading the real entry bundle in Chromium the way SharePoint does (AMD, React and the strings shared, small stand-ins for the SPFx runtime modules, PnPjs with the page's form digest) against the local SharePoint with the demo data. " +
      "Budget: 100 KB (102,400 bytes) gzip per first view, and 30 KB gzip per chunk loaded on demand (a chunk is waited for after a click: under a third of a first view, about 0.15 s on a 1.6 Mbit/s phone connection; the largest, the spreadsheet export, is about 19 KB). Editors, charts, the spreadsheet export, the site health check, Fluent's focus machinery (tabster) and DOMPurify must not be in any entry bundle: each is searched for by strings that occur only in its code (the check fails if a marker is found nowhere, so stale markers are noticed).",
    'What loads on demand rather than with a first view: the dark and high-contrast themes (`mpk-themes`, loaded before the first render when the page or Teams asks for them), every form, dialog and picker, the tabs not open (task board, report, "Egne noter", approval), the editor and DOMPurify (storing a story), the chart, the spreadsheet export, the site set-up panel ("Klargør site", `mpk-setup`), provisioning and the site health check with the PnPjs parts only they use (fields, site groups, role assignments), and the two views a web part does not show (`views/partViews.ts`). ' +
      "What is left in each entry bundle, and why: (1) Fluent UI v9's base — FluentProvider, the Griffel style runtime, the light theme's tokens, Button and Text — which every first view draws (the buttons of the error notices that must show even when nothing else can load); about 35 KB gzip of every entry. " +
      "(2) The small Fluent component on screen: Link (the overview matrix). Tabs, the closed-task disclosure, the selects (story filters, plan switch, unit picker), the overview's compare date and the initiative card's link are our own (`TabStrip`; a button with aria-expanded; `SelectField`, a labelled native select; a labelled text input that reads dates typed the Danish way, whose calendar button loads Fluent's date picker, chunk `mpk-datepicker`, only when pressed; a plain `<a>`) because Fluent's TabList and Accordion would bring tabster, and Field/Select/Input/Link would be the only users of their packages in an entry. " +
      "The badges (story kinds, publishing state, plan and initiative status, relevance) are our own too (`ui/shell/Badge.tsx`, Fluent's medium Badge look): Fluent's Badge brings its style table for every size, shape, appearance and colour (about 3 KB gzip of an entry), and ours uses only `makeStyles` — with Griffel's `shorthands` and `makeResetStyles` (whose only users it would be) the Griffel runtime no longer fits in one module and every entry grew by about 1 KB, those with badges by 3 KB. " +
      "The notices (throttling, errors, \"kunne ikke hentes lige nu\", the follow-up's explanations, the conflict and site notices) are our own as well (`ui/shell/Notice.tsx`: Fluent's MessageBar look, roles and layout — role `group` labelled by its title unless given `alert` or `status`, the intent icon hidden, one line until the text does not fit): Fluent's MessageBar brings its style tables, its motion wrapper and the icon package's factory, about 2–3 KB gzip of every entry (ambitions 97.8 → 95.6 KB, plan 96.9 → 94.1 KB, follow-up 100.5 → 97.5 KB); The loading indicator likewise (`ui/shell/Spinner.tsx`: Fluent's Spinner look and keyframes in the four sizes used, role `progressbar` named by its label): Fluent's brings its style table for every size and appearance and Fluent's Label, about 1.9 KB gzip of every entry (ambitions 93.8 KB, plan 92.3 KB, follow-up 95.6 KB with both). Both are drawn pixel for pixel as Fluent's in Chromium in the light, dark and high-contrast themes (the spinner at its first frame and with reduced motion). " +
      '(3) PnPjs core, queryable and the fluent parts the single `$batch` reads with (webs, lists, items, site-users, batching). ' +
      "(4) The data layer the view needs: its view loader, the common reads (schema version, user, groups), the list schema (titles and fields the reads select), the codecs and the throttle handling (the words for its error codes are in the strings file, `src/loc`, which SharePoint loads for the page's language and the budget does not count: 13.4 KB gzip for da-DK since issue 14 moved the domain's and the data layer's Danish/English tables there — every entry's JS fell by 2.9–3.7 KB, the strings file grew by 3.1 KB). The repositories load on their first call (`lazyRepository`, chunk `mpk-repositories`); the reads the view loaders share with them are in modules of their own — `repositories/readHelpers.ts` (units, check-ins, tasks) and `repositories/storyReads.ts` (the feed's filter and pages and the recognition counts, which the ambitions view loader uses) — so no entry carries a repository class or the domain validation (`tests/data/viewImports.test.ts` walks each view loader's static imports; the plan header and the task status buttons import the validation on the first change). " +
      '(5) The surface itself: for ambitions the ambition cards, the story feed with its filters and `richTextForDisplay`; for the plan the header, unit picker and the initiative cards; for follow-up the overview matrix and its key figures with the summary reader they are read from (`domain/unitSummary.ts`, `currentPlan.ts`, `storyCounts.ts`, used by `views/followUpView.ts`), the headings and buttons of the overview\'s two lists (`useOverviewLists`; their items are chunk `mpk-overview-lists`) and "Mine opgaver". ' +
      "The next cuts, not yet made, should an entry come near the budget again: of Fluent's components only Button, Text and Link are left in a first view (Button with its style table for every size and appearance, not measured on its own); the strategy's ambition texts (`domain/ambitions.ts`) are now only in the ambitions entry, which shows them: the plan and the follow-up count and label by the keys and titles of `domain/ambitionTitles.ts` and load the texts (chunk `mpk-strategy-text`) only on a site whose lists are not there yet — about 3.3 KB gzip of each of those two entries (issue 20: the date picker's typed-date field, the story pictures' columns and the plan at a glance had brought the follow-up to 100.6 KB).",
  ],
  roundTrips: [
    "Each web part opened in the preview (`/?part=…&user=…`, the plan with the demo leader's unit) in a fresh Chromium context; requests counted from the local SharePoint's log (`GET /_local/requests` after a reset; a `$batch` counts as one). " +
      'The view counts as loaded when its first real content is visible (see the selectors in the bytes-received table), and requests are counted until the network has been quiet for 1.5 s. Budget: 1 request per first view.',
    'The Viva Connections card "Mine opgaver" (issue 18): its read (`loadMyWork`, what the ACE calls in `onInit`) for each demo account on the same demo data, through PnPjs against the local SharePoint; budget one request. Its bytes are under "Bytes shipped": entry bundle + any chunk it can load + its own Danish strings file, budget 40 KB gzip (SharePoint\'s ACE runtime is a library component it loads, not ours).',
  ],
  scale: [
    'The demo data plus municipal scale, bulk-loaded into a second local SharePoint (which enforces the 5,000-item list view threshold as SharePoint Online does). ' +
      'Budgets: still 1 request per first view and 1 per action ("Vis flere", the task board\'s unit filter), no SPQueryThrottledException anywhere, a first view receives at most 500 KB (follow-up) and 300 KB (ambitions) for every account (`RECEIVED_AT_SCALE_BUDGET_BYTES` in `scripts/bench/scale.ts`), and each main view usable within 1.5 × its time on the demo data (median of the runs; the ratio compares the same page, machine and moment, so the absolute times matter less than the ratio; its spread over the runs is shown next to it). The preview page is bundled with React and Fluent in production mode for these timings, as SharePoint runs the web parts (the development build\'s checks grow with what is drawn). The follow-up overview reads one row per unit from "MPK Overblik" and draws the first 25 units of its matrix at once and the rest frame by frame; the figures below "differences" compare what it and the ambitions view show with every row of every list. ' +
      'The time ratios are not checked in CI (`npm run bench -- --ci`): they are noisy on shared machines; every other budget of this page is.',
  ],
  provisioning: [
    "`provision(sp)` from `src/data/provisioning` as the site owner against a fresh, empty local SharePoint, then once more. Requests from the server's log (a `$batch` is one); sub-requests and their methods from the `$batch` bodies. Budget: the second run writes nothing.",
  ],
};

async function main(): Promise<number> {
  const argv = process.argv.slice(2);
  const options = parseArgs(argv);
  const start = Date.now();
  const meta = runMeta(start, argv);
  const figures: Figure[] = [];
  const details: DetailTable[] = [];
  const notes: Partial<Record<Section, string[]>> = {};
  for (const section of options.only) notes[section] = [...(NOTES[section] ?? [])];
  process.env.MPK_FSYNC = process.env.MPK_FSYNC ?? '0';
  const tempDirs: string[] = [];
  const servers: LocalSharePoint[] = [];
  let browser: Browser | undefined;

  /** A part begins: its name and the seconds since the start (where a slow CI run spends its time). */
  const phase = (name: string): void => log(`${name} (at ${((Date.now() - start) / 1000).toFixed(0)} s)`);
  log(
    `Mod på kerneopgaven — benchmark${options.ci ? ', CI mode (deterministic budgets only: no timing runs, no docs write)' : ''} (${meta.date}, ${meta.nproc} cores, Node ${meta.node})`,
  );
  try {
    // 1. The production build.
    let assets: BuildAssets | undefined;
    if (options.only.has('bytes')) {
      if (!options.skipBuild) {
        phase('Building the production bundles (npm run build) …');
        const result = await build();
        log(
          `  build ${result.ok ? 'succeeded' : 'FAILED'} in ${(result.ms / 1000).toFixed(0)} s (log: ${result.logFile})`,
        );
        if (!result.ok) {
          log(result.tail);
          figures.push(
            sectionError(
              'bytes',
              'npm run build',
              new Error(`the build failed: ${result.tail.split('\n').slice(-3).join(' | ')}`),
            ),
          );
        }
        notes.bytes?.push(
          `Build: \`npm run build\` ${result.ok ? 'succeeded' : '**failed**'} in ${(result.ms / 1000).toFixed(0)} s.`,
        );
      } else {
        notes.bytes?.push('Build: skipped (`--skip-build`); the files already in `release/assets` were measured.');
      }
      assets = readBuildAssets(ROOT, [...PARTS.map((p) => p.bundle), CARD_BUNDLE]);
      for (const problem of assets.problems) log(`  ${problem}`);
    }

    // 2. The local SharePoint with the demo data and the preview page, and Chromium.
    const needsBrowser = options.only.has('bytes') || options.only.has('roundTrips') || options.only.has('scale');
    let demo: LocalSharePoint | undefined;
    let strings: Record<string, unknown> | undefined;
    let leader: { id: number; title: string; clientKey: string } | undefined;
    if (needsBrowser) {
      phase('Starting the local SharePoint with the demo data …');
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mpk-bench-demo-'));
      tempDirs.push(dir);
      // React and Fluent in production mode, as SharePoint runs the web parts: the development build's
      // checks cost time in proportion to what is rendered (the overview's 200 units) and no user runs it.
      demo = await startPreviewServer({ port: 0, dataDir: dir, seed: 'demo', quiet: true, production: true });
      servers.push(demo);
      browser = await launchChromium();
      strings = loadStrings(ROOT);
      leader = await leaderUnit(demo.siteUrl);
      log(`  ${demo.url} — the demo leader's unit: ${leader.title} (id ${leader.id})`);
    }
    const specs = strings ? viewSpecs(strings) : undefined;

    // 3. Bytes (with the --ship probe against the demo data).
    if (assets && options.only.has('bytes')) {
      phase('Bytes shipped …');
      let probes: Map<PartName, ProbeResult> | undefined;
      let probeError: string | undefined;
      if (browser && demo && specs && leader && assets.entries.size > 0) {
        try {
          const ids = await demoUserIds(demo.siteUrl);
          const user = (email: string): { email: string; id: number; title: string } => ({
            email,
            id: ids[email.split('@')[0] as keyof typeof ids],
            title: email,
          });
          probes = await probeShipBundles({
            browser,
            root: ROOT,
            assets,
            origin: demo.url,
            siteUrl: demo.siteUrl,
            timeoutMs: 30000,
            targets: PARTS.map((p) => ({
              part: p.part,
              user: user(MAIN_ACCOUNT[p.part]),
              usable: specs[p.part].usable,
              properties: p.part === 'plan' ? { unitKey: leader?.clientKey, unitId: leader?.id } : {},
            })),
          });
          for (const [part, probe] of probes)
            log(
              `  --ship probe ${part}: ${probe.error ?? `usable, ${probe.restRequests} request(s), chunks fetched: ${probe.chunkFiles.join(', ') || 'none'}`}`,
            );
        } catch (e) {
          probeError = e instanceof Error ? e.message.split('\n')[0] : String(e);
          log(`  --ship probe failed: ${probeError}`);
        }
      }
      const markers = findMarkers(ROOT, assets);
      const b = bytesFigures(assets, markers, probes, probeError);
      figures.push(...b.figures, cardBytesFigure(assets));
      details.push(...b.details);
      // The composition table is for the report only (CI writes none).
      if (!options.ci) details.push(await compositionDetail());
    }

    // 4. Round trips on the demo data.
    if (options.only.has('roundTrips') && browser && demo && specs && leader) {
      phase('Round trips (demo data) …');
      try {
        const views = await measureAccounts({ browser, origin: demo.url, specs, leaderUnitId: leader.id, log });
        const rt = roundTripFigures('roundTrips', views, specs);
        figures.push(...rt.figures, ...(await cardRequestFigures(demo.url, demo.siteUrl)));
        details.push(...rt.details);
        if (views.some((v) => v.m.digestRequests > 0)) {
          notes.roundTrips?.push(
            'This preview signed PnPjs in without a page digest, so it sent a `contextinfo` before the `$batch`. On a SharePoint page (and in Teams) SPFx hands PnPjs the page\'s digest and that request is not made — the `--ship` probe under "Bytes shipped" runs the production bundle that way. The `contextinfo` is listed in each row but not counted.',
          );
        }
      } catch (e) {
        figures.push(sectionError('roundTrips', 'round trips', e));
      }
    }

    // 5. Scale.
    if (options.only.has('scale') && browser && demo && specs && strings && leader) {
      phase(`Municipal scale${options.small ? ' (--small: a tenth of the data set)' : ''} …`);
      try {
        const size: ScaleSize = options.small
          ? { ...MUNICIPAL_SCALE, stories: 10000, initiatives: 2000, tasks: 5000, recognitions: 6000, employees: 100 }
          : MUNICIPAL_SCALE;
        const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mpk-bench-scale-'));
        tempDirs.push(dir);
        const scaleServer = await startPreviewServer({
          port: 0,
          dataDir: dir,
          seed: 'demo',
          quiet: true,
          skipBuild: true,
        });
        servers.push(scaleServer);
        const loaded = await loadScaleData(scaleServer.url, scaleServer.siteUrl, size, log);
        if (loaded.leaderUnitId !== leader.id)
          throw new Error(
            `the demo leader's unit differs between the two sites (${loaded.leaderUnitId} vs ${leader.id})`,
          );
        const counts = await listCounts(scaleServer.siteUrl);
        log(
          `  loaded in ${(loaded.ms / 1000).toFixed(0)} s: ${counts.map((c) => `${c.title.replace(/^MPK /, '')} ${c.count}`).join(', ')}`,
        );
        // The bulk load bypasses the product's writes: "MPK Overblik" is rebuilt from the rows, as after an import.
        const rebuilt = await rebuildSummaries(scaleServer.siteUrl);
        log(
          `  "MPK Overblik" rebuilt from the rows in ${(rebuilt.ms / 1000).toFixed(0)} s (${rebuilt.units} unit rows written, story counts recounted)`,
        );
        notes.scale?.push(
          `The bulk load bypasses the product's writes, so "MPK Overblik" (the overview's per-unit summaries and story counts, schema v6) is rebuilt from the rows afterwards, as after an import: ${rebuilt.units} unit rows in ${(rebuilt.ms / 1000).toFixed(0)} s. The overview read from it is then compared with the overview built from every row of every list (read in id windows).`,
        );
        if (options.small)
          notes.scale?.push(
            '**This run used `--small` (a tenth of the data set): its figures are not the municipal-scale figures.**',
          );
        const s = await measureScale({
          browser,
          demo: { origin: demo.url },
          scale: { origin: scaleServer.url, siteUrl: scaleServer.siteUrl },
          specs,
          strings,
          leaderUnitId: leader.id,
          runs: options.runs,
          timing: !options.ci,
          dataset: { counts, loadMs: loaded.ms },
          log,
        });
        figures.push(...s.figures);
        details.push(...s.details);
        figures.push(await checkOverviewAtScale(scaleServer.siteUrl));
        figures.push(await checkAmbitionCountsAtScale(scaleServer.siteUrl));
      } catch (e) {
        figures.push(sectionError('scale', 'scale measurement', e));
        log(`  scale failed: ${e instanceof Error ? e.stack : String(e)}`);
      }
    }

    // 6. Provisioning.
    if (options.only.has('provisioning')) {
      phase('Provisioning …');
      try {
        const p = await measureProvisioning();
        figures.push(...p.figures);
        details.push(...p.details);
      } catch (e) {
        figures.push(sectionError('provisioning', 'provisioning', e));
      }
    }
  } finally {
    if (browser) await browser.close().catch(() => undefined);
    for (const s of servers) await s.close().catch(() => undefined);
    for (const d of tempDirs) fs.rmSync(d, { recursive: true, force: true });
  }

  meta.durationMs = Date.now() - start;
  console.log(renderConsole(figures));
  log(`\n${options.ci ? 'CI mode' : 'Benchmark'} took ${(meta.durationMs / 1000).toFixed(0)} s.`);
  if (options.write && options.only.size < 4 && !options.out) {
    log(
      '\nPartial run (--only): docs/benchmarks.md left as it was (--out=<file> writes the partial report elsewhere).',
    );
  } else if (options.write) {
    const file = options.out ? path.resolve(options.out) : path.join(ROOT, 'docs', 'benchmarks.md');
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, renderMarkdown({ figures, meta, details, notes }));
    log(`\nWrote ${path.relative(ROOT, file)}.`);
  }
  return exitCode(figures);
}

main().then(
  (code) => process.exit(code),
  (e: unknown) => {
    console.error(e);
    process.exit(2);
  },
);
