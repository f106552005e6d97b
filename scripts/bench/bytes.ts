/**
 * Bytes shipped: the JavaScript each web part loads for its first view, from the real `--ship` build in
 * `release/assets` (gzip -9 with node:zlib), the lazily loaded chunks and which web part can load them,
 * and a check that editor, chart and spreadsheet export are not in any entry bundle.
 *
 * Which chunks a first view loads is a runtime fact: `shipProbe.ts` loads each real entry bundle in
 * Chromium and records the chunk files it fetches; those count as eager. Without the probe every chunk
 * counts as lazy and the figure says so.
 */
import * as fs from 'fs';
import * as path from 'path';
import * as zlib from 'zlib';
import { KB, type DetailTable, type Figure } from './report';

/** Budget: at most 100 KB gzip for a web part's first view. */
export const FIRST_VIEW_BUDGET_BYTES = 100 * KB;

/**
 * Budget: at most 30 KB gzip for any chunk loaded on demand. A chunk is fetched after a click (a dialog, a
 * tab, the editor, the export), so its bytes are waited for while the person waits: 30 KB is under a third
 * of a first view, about 0.15 s on a 1.6 Mbit/s phone connection. The largest chunk in December 2026 is the
 * spreadsheet export (`mpk-xlsx`, about 19 KB), so the budget leaves room to grow while catching a library
 * or a whole feature area landing in one chunk (Fluent's date picker or a charting package alone is more).
 */
export const CHUNK_BUDGET_BYTES = 30 * KB;

/** The web parts as the preview names them, and their bundles in `config/config.json`. */
export const PARTS = [
  { part: 'ambitions', bundle: 'ambitions-web-part', title: 'Ambitioner og hverdagshistorier' },
  { part: 'plan', bundle: 'plan-web-part', title: 'Ambitionsplan' },
  { part: 'followup', bundle: 'follow-up-web-part', title: 'Opfølgning' },
] as const;
export type PartName = (typeof PARTS)[number]['part'];

/**
 * Features that must load only when used, each with strings that occur in its code and nowhere else.
 * A marker must be found in some file of the build; otherwise it is stale and the check cannot be made.
 */
export const LAZY_FEATURES = [
  {
    key: 'xlsx',
    label: 'spreadsheet export (write-excel-file)',
    chunkName: 'mpk-xlsx',
    markers: ['<worksheet xmlns=', 'sharedStrings'],
  },
  {
    key: 'xlsxRead',
    label: 'spreadsheet reader for the measurement import (read-excel-file)',
    chunkName: 'mpk-xlsx-read',
    // The reader parses inline strings; the writer never writes them.
    markers: ['inlineStr'],
  },
  {
    key: 'chart',
    label: 'check-in chart (CheckInChart)',
    chunkName: 'mpk-chart',
    markers: ['mpk-chart-title', 'mpk-chart-desc'],
  },
  {
    key: 'editor',
    label: 'rich-text editor (RichTextEditor)',
    chunkName: 'mpk-editor',
    markers: ['insertUnorderedList', 'insertOrderedList'],
  },
  {
    key: 'siteHealth',
    label: 'site health check (SiteHealthNotice, schema/health)',
    chunkName: 'mpk-site-health',
    // Codes only the health check's rules use (its words are in the loc file since issue 14).
    markers: ['readOthersNotes', 'draftsVisible'],
  },
  // Fluent's focus machinery comes with dialogs, menus and pickers; the first views use TabStrip and a disclosure.
  {
    key: 'tabster',
    label: 'focus management (tabster, with dialogs, menus, pickers)',
    chunkName: 'tabster',
    markers: ['data-tabster'],
  },
  // The feed shows bodies with richTextForDisplay; DOMPurify loads to store a story and with the editor.
  {
    key: 'dompurify',
    label: 'sanitiser for storing stories (DOMPurify)',
    chunkName: 'mpk-richtext',
    markers: ['uponSanitizeElement'],
  },
] as const;

/** One JavaScript file of the build. */
export interface AssetFile {
  file: string;
  rawBytes: number;
  gzipBytes: number;
}

/** A chunk file (`chunk.<name>_<hash>.js`) and the entry bundles whose chunk map names it. */
export interface ChunkFile extends AssetFile {
  name: string;
  hash: string;
  loadableBy: string[];
}

/** What `release/assets` holds, read once. */
export interface BuildAssets {
  dir: string;
  entries: Map<string, AssetFile & { text: string }>;
  chunks: ChunkFile[];
  locales: AssetFile[];
  /** Problems finding files (stale or missing bundles). */
  problems: string[];
}

/** gzip -9 size of a buffer. */
export function gzipSize(content: Buffer | string): number {
  return zlib.gzipSync(typeof content === 'string' ? Buffer.from(content, 'utf8') : content, { level: 9 }).length;
}

/** Parses `chunk.<name>_<hash>.js` (webpack's chunkFilename in SPFx: `chunk.[name]_[contenthash].js`). */
export function parseChunkFileName(file: string): { name: string; hash: string } | undefined {
  const m = /^chunk\.(.+)_([0-9a-f]{8,40})\.js$/.exec(file);
  return m ? { name: m[1], hash: m[2] } : undefined;
}

/** Whether an entry bundle's runtime can load a chunk: its chunk map names the chunk's content hash. */
export function entryReferencesChunk(entryText: string, chunk: { hash: string; name: string }): boolean {
  return entryText.includes(chunk.hash);
}

/** Reads the entry bundles, chunks and string files of a `--ship` build. */
export function readBuildAssets(root: string, bundles: readonly string[]): BuildAssets {
  const dir = path.join(root, 'release', 'assets');
  const problems: string[] = [];
  const files = fs.existsSync(dir) ? fs.readdirSync(dir).filter((f) => f.endsWith('.js')) : [];
  if (files.length === 0) problems.push(`no JavaScript in ${path.relative(root, dir)} (did the build run?)`);
  const read = (file: string): AssetFile & { text: string } => {
    const buf = fs.readFileSync(path.join(dir, file));
    return { file, rawBytes: buf.length, gzipBytes: gzipSize(buf), text: buf.toString('utf8') };
  };
  const entries = new Map<string, AssetFile & { text: string }>();
  for (const bundle of bundles) {
    const escaped = bundle.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    const matches = files.filter((f) => new RegExp(`^${escaped}_[0-9a-f]+\\.js$`).test(f));
    if (matches.length === 0) problems.push(`entry bundle of ${bundle} not found in release/assets`);
    else if (matches.length > 1)
      problems.push(`${matches.length} entry bundles of ${bundle} in release/assets (stale build? run gulp clean)`);
    else entries.set(bundle, read(matches[0]));
  }
  const chunks: ChunkFile[] = [];
  for (const file of files) {
    const parsed = parseChunkFileName(file);
    if (!parsed) continue;
    const { text, ...size } = read(file);
    void text;
    const loadableBy = [...entries.entries()].filter(([, e]) => entryReferencesChunk(e.text, parsed)).map(([b]) => b);
    chunks.push({ ...size, ...parsed, loadableBy });
  }
  const locales = files
    .filter((f) => /^MpkStrings_/.test(f))
    .map((f) => {
      const { text, ...size } = read(f);
      void text;
      return size;
    });
  return { dir, entries, chunks, locales, problems };
}

/** Where each lazy feature's markers were found. */
export interface MarkerHit {
  feature: (typeof LAZY_FEATURES)[number];
  /** Entry bundles containing a marker (must be empty). */
  inEntries: string[];
  /** Chunk files containing a marker (where the feature should live). */
  inChunks: string[];
}

/** Searches every entry bundle and chunk for the lazy features' markers. */
export function findMarkers(root: string, assets: BuildAssets): MarkerHit[] {
  const chunkTexts = assets.chunks.map((c) => ({
    file: c.file,
    text: fs.readFileSync(path.join(assets.dir, c.file), 'utf8'),
  }));
  return LAZY_FEATURES.map((feature) => ({
    feature,
    inEntries: [...assets.entries.entries()]
      .filter(([, e]) => feature.markers.some((m) => e.text.includes(m)))
      .map(([b]) => b),
    inChunks: chunkTexts.filter((c) => feature.markers.some((m) => c.text.includes(m))).map((c) => c.file),
  }));
}

/** Result of loading a real entry bundle in Chromium (see shipProbe.ts). */
export interface ProbeResult {
  part: PartName;
  user: string;
  /** Chunk files fetched from the page's load until the view was usable and the network settled. */
  chunkFiles: string[];
  /** Every JavaScript file of the build that was fetched (entry, strings, chunks). */
  jsFiles: string[];
  /** REST requests the production bundle sent for its first view (as logged by the local SharePoint). */
  restRequests?: number;
  /** What the page showed (first heading), to tell a real view from an error or a picker. */
  heading?: string;
  usable: boolean;
  error?: string;
}

/** Figures and details of the bytes part. */
export function bytesFigures(
  assets: BuildAssets,
  markers: MarkerHit[],
  probes: ReadonlyMap<PartName, ProbeResult> | undefined,
  probeError?: string,
): { figures: Figure[]; details: DetailTable[] } {
  const figures: Figure[] = [];
  const details: DetailTable[] = [];
  const byFile = new Map(assets.chunks.map((c) => [c.file, c]));
  for (const p of PARTS) {
    const entry = assets.entries.get(p.bundle);
    const id = `bytes.firstView.${p.part}`;
    const label = `${p.part}: first-view JS (gzip -9)`;
    if (!entry) {
      figures.push({
        section: 'bytes',
        id,
        label,
        value: null,
        unit: 'bytes',
        budget: { max: FIRST_VIEW_BUDGET_BYTES },
        error: assets.problems.join('; ') || 'entry bundle missing',
      });
      continue;
    }
    const probe = probes?.get(p.part);
    const eager =
      probe && !probe.error ? probe.chunkFiles.map((f) => byFile.get(f)).filter((c): c is ChunkFile => !!c) : [];
    const total = entry.gzipBytes + eager.reduce((s, c) => s + c.gzipBytes, 0);
    const parts = [`entry ${entry.file} ${(entry.gzipBytes / KB).toFixed(1)} KB`];
    if (eager.length > 0)
      parts.push(`+ eager ${eager.map((c) => `${c.name} ${(c.gzipBytes / KB).toFixed(1)} KB`).join(', ')}`);
    else if (probe && !probe.error)
      parts.push(`no chunk fetched during the first view (checked in Chromium as ${probe.user})`);
    else parts.push(`eager chunks not verified: ${probe?.error ?? probeError ?? 'probe not run'}`);
    const strings = assets.locales.find((l) => /da-dk/i.test(l.file));
    if (strings)
      parts.push(`(not counted: the shared strings file, ${(strings.gzipBytes / KB).toFixed(1)} KB for da-DK)`);
    figures.push({
      section: 'bytes',
      id,
      label,
      value: total,
      unit: 'bytes',
      budget: { max: FIRST_VIEW_BUDGET_BYTES },
      detail: parts.join(' '),
    });
    figures.push({
      section: 'bytes',
      id: `bytes.entryRaw.${p.part}`,
      label: `${p.part}: entry bundle minified (uncompressed)`,
      value: entry.rawBytes,
      unit: 'bytes',
    });
  }
  for (const hit of markers) {
    const id = `bytes.lazy.${hit.feature.key}`;
    const label = `${hit.feature.label} in an entry bundle`;
    if (hit.inEntries.length === 0 && hit.inChunks.length === 0) {
      figures.push({
        section: 'bytes',
        id,
        label,
        value: null,
        unit: 'bool',
        budget: { equals: false },
        error: `marker strings ${hit.feature.markers.map((m) => `"${m}"`).join(', ')} found in no file of the build: update LAZY_FEATURES in scripts/bench/bytes.ts`,
      });
      continue;
    }
    figures.push({
      section: 'bytes',
      id,
      label,
      value: hit.inEntries.length > 0,
      unit: 'bool',
      budget: { equals: false },
      detail: [
        hit.inEntries.length > 0 ? `found in ${hit.inEntries.join(', ')}` : '',
        hit.inChunks.length > 0 ? `lives in ${hit.inChunks.join(', ')}` : '',
      ]
        .filter(Boolean)
        .join('; '),
    });
  }
  if (probes) {
    for (const p of PARTS) {
      const probe = probes.get(p.part);
      if (!probe) continue;
      figures.push({
        section: 'bytes',
        id: `bytes.probeRequests.${p.part}`,
        label: `${p.part}: REST requests of the --ship bundle's first view`,
        value: probe.error || probe.restRequests === undefined ? null : probe.restRequests,
        unit: 'requests',
        budget: { max: 1 },
        detail: probe.error ? undefined : `as ${probe.user}; showed "${probe.heading ?? '?'}"`,
        error: probe.error,
      });
    }
  }
  figures.push(chunkFigure(assets.chunks));
  const partOf = (bundle: string): string => PARTS.find((p) => p.bundle === bundle)?.part ?? bundle;
  details.push({
    section: 'bytes',
    title: 'Chunks loaded on demand',
    intro:
      'Every `chunk.*.js` of the build, and the web parts whose entry bundle can load it (its runtime chunk map names the chunk). ' +
      `"first view" says whether the chunk was fetched while that web part opened in Chromium. Budget: ${CHUNK_BUDGET_BYTES / KB} KB gzip per chunk (a chunk over it is marked).`,
    headers: ['chunk', 'gzip -9', 'minified', 'loadable by', 'fetched in first view'],
    rows: assets.chunks.map((c) => [
      c.file,
      `${(c.gzipBytes / KB).toFixed(1)} KB${c.gzipBytes > CHUNK_BUDGET_BYTES ? ' (over budget)' : ''}`,
      `${(c.rawBytes / KB).toFixed(1)} KB`,
      c.loadableBy.map(partOf).join(', ') || '(no entry bundle)',
      probes
        ? PARTS.filter((p) => probes.get(p.part)?.chunkFiles.includes(c.file))
            .map((p) => p.part)
            .join(', ') || 'no'
        : 'not checked',
    ]),
  });
  details.push({
    section: 'bytes',
    title: 'Other files',
    intro:
      'Loaded by SharePoint for every web part of the solution (one locale per page): the strings module. React and react-dom come from SharePoint and are not in the bundles.',
    headers: ['file', 'gzip -9', 'minified'],
    rows: assets.locales.map((l) => [
      l.file,
      `${(l.gzipBytes / KB).toFixed(1)} KB`,
      `${(l.rawBytes / KB).toFixed(1)} KB`,
    ]),
  });
  return { figures, details };
}

/**
 * The per-chunk budget as one figure: the largest chunk (gzip -9) against `CHUNK_BUDGET_BYTES`, naming
 * every chunk over it. No chunk at all means the build was not read: not measured.
 */
export function chunkFigure(chunks: readonly (AssetFile & { name?: string })[]): Figure {
  const id = 'bytes.chunk.largest';
  const label = 'largest chunk loaded on demand (gzip -9)';
  if (chunks.length === 0)
    return {
      section: 'bytes',
      id,
      label,
      value: null,
      unit: 'bytes',
      budget: { max: CHUNK_BUDGET_BYTES },
      error: 'no chunk file found in release/assets',
    };
  const sorted = [...chunks].sort((a, b) => b.gzipBytes - a.gzipBytes);
  const over = sorted.filter((c) => c.gzipBytes > CHUNK_BUDGET_BYTES);
  const name = (c: { name?: string; file: string }): string => c.name ?? c.file;
  const largest = sorted[0];
  const detail =
    over.length > 0
      ? `${over.length} of ${chunks.length} chunks over ${CHUNK_BUDGET_BYTES / KB} KB: ${over.map((c) => `${name(c)} ${(c.gzipBytes / KB).toFixed(1)} KB`).join(', ')}`
      : `${name(largest)} (${largest.file}); all ${chunks.length} chunks within ${CHUNK_BUDGET_BYTES / KB} KB`;
  return {
    section: 'bytes',
    id,
    label,
    value: largest.gzipBytes,
    unit: 'bytes',
    budget: { max: CHUNK_BUDGET_BYTES },
    detail,
  };
}

/**
 * Largest contributors to an entry bundle: esbuild's metafile over the same `lib/` output (an
 * approximation of webpack's bundle). With code splitting on, modules behind `import()` go to their own
 * chunks, as in the SPFx build, and are not counted in the entry.
 */
export async function composition(
  root: string,
  entrypoint: string,
  top = 12,
): Promise<{ rows: [string, string, string][]; total: number; gzip: number }> {
  const esbuild = await import('esbuild');
  const externals = ['react', 'react-dom', '@microsoft/sp-*', 'MpkStrings'];
  const entry = path.join(root, entrypoint);
  const result = await esbuild.build({
    entryPoints: [entry],
    bundle: true,
    minify: true,
    write: false,
    metafile: true,
    format: 'esm',
    splitting: true,
    target: 'es2017',
    external: externals,
    define: { 'process.env.NODE_ENV': '"production"' },
    outdir: path.join(root, 'temp', 'bench-composition'),
    logLevel: 'silent',
  });
  const outputs = Object.entries(result.metafile.outputs);
  const found = outputs.find(([, o]) => o.entryPoint && path.resolve(root, o.entryPoint) === entry);
  if (!found) throw new Error(`esbuild produced no output for ${entrypoint}`);
  const [outPath] = found;
  // Shared chunks the entry imports statically are part of its first view too.
  const eager = new Set<string>([outPath]);
  const queue = [outPath];
  while (queue.length > 0) {
    const current = result.metafile.outputs[queue.pop() as string];
    for (const imp of current.imports) {
      if (imp.kind === 'import-statement' && !imp.external && !eager.has(imp.path)) {
        eager.add(imp.path);
        queue.push(imp.path);
      }
    }
  }
  const groups = new Map<string, number>();
  let total = 0;
  const contents: Uint8Array[] = [];
  for (const file of eager) {
    const o = result.metafile.outputs[file];
    total += o.bytes;
    const written = result.outputFiles.find((f) => path.relative(root, f.path) === file || f.path.endsWith(file));
    if (written) contents.push(written.contents);
    for (const [input, info] of Object.entries(o.inputs)) {
      const m = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(input);
      const key = m ? m[1] : input.replace(/^(lib\/[^/]+\/[^/]+).*$/, '$1');
      groups.set(key, (groups.get(key) ?? 0) + info.bytesInOutput);
    }
  }
  const rows = [...groups.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, top)
    .map(([k, v]): [string, string, string] => [k, `${(v / KB).toFixed(1)} KB`, `${((100 * v) / total).toFixed(0)} %`]);
  return { rows, total, gzip: gzipSize(Buffer.concat(contents.map((c) => Buffer.from(c)))) };
}

/** The bundles and entry points of `config/config.json`. */
export function configBundles(root: string): { bundle: string; entrypoint: string }[] {
  const config = JSON.parse(fs.readFileSync(path.join(root, 'config', 'config.json'), 'utf8')) as {
    bundles: Record<string, { components: { entrypoint: string }[] }>;
  };
  return Object.entries(config.bundles).map(([bundle, b]) => ({ bundle, entrypoint: b.components[0].entrypoint }));
}
