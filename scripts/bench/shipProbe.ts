/**
 * Loads each web part's real `--ship` entry bundle in Chromium, the way SharePoint does (AMD, with React,
 * react-dom and the strings as shared modules and small stand-ins for the SPFx runtime modules), renders
 * it against the local SharePoint and records which chunk files it fetches for its first view — those
 * are the eagerly loaded chunks of the bytes figure — and how many REST requests the production bundle
 * sends (PnPjs's SPFx behaviour with the page's form digest, as on a SharePoint page).
 *
 * The page and the build's files are served by Playwright routes on the local SharePoint's origin (same
 * origin, so PnPjs's requests are ordinary same-origin fetches); the bearer the local SharePoint needs
 * is added to `/_api/` requests by a route, as SharePoint's cookie would be.
 */
import * as fs from 'fs';
import * as path from 'path';
import type { Browser, BrowserContext } from 'playwright-core';
import type { BuildAssets, PartName, ProbeResult } from './bytes';
import { PARTS } from './bytes';
import {
  firstHeading,
  pageState,
  resetServerRequests,
  serverRequests,
  trackNetwork,
  usableProbeScript,
} from './firstView';

/** Who opens each web part in the probe, and what the web part needs to know. */
export interface ProbeTarget {
  part: PartName;
  user: { email: string; id: number; title: string };
  /** The usable selector (same components as the preview). */
  usable: string;
  /** Web part properties (the plan's unit). */
  properties?: Record<string, unknown>;
}

const BASE = '/_bench/ship';

/** A form digest as SharePoint renders it into the page: `0x…,<date>`. */
function formDigest(now: Date): string {
  const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
  const pad = (n: number): string => String(n).padStart(2, '0');
  const date = `${pad(now.getUTCDate())} ${months[now.getUTCMonth()]} ${now.getUTCFullYear()} ${pad(now.getUTCHours())}:${pad(now.getUTCMinutes())}:${pad(now.getUTCSeconds())} -0000`;
  return `0x${'AB'.repeat(64)},${date}`;
}

/** The probe page: an AMD `define`, the SPFx stand-ins, then the entry bundle, then `onInit()` and `render()`. */
export function probePage(input: {
  entryFile: string;
  stringsFile: string;
  componentId: string;
  siteUrl: string;
  target: ProbeTarget;
  digest: string;
}): string {
  const context = {
    siteUrl: input.siteUrl,
    user: input.target.user,
    digest: input.digest,
    properties: input.target.properties ?? {},
    componentId: input.componentId,
    entry: `${BASE}/assets/${input.entryFile}`,
    strings: `${BASE}/assets/${input.stringsFile}`,
  };
  return `<!doctype html>
<html lang="da"><head><meta charset="utf-8"><title>ship probe</title></head>
<body><main><div id="wp" style="max-width:1200px;margin:0 auto"></div></main>
<script src="${BASE}/vendor/react.js"></script>
<script src="${BASE}/vendor/react-dom.js"></script>
<script>
(function () {
  var cfg = ${JSON.stringify(context).replace(/</g, '\\u003c')};
  var defs = {};
  var pending = null;
  window.__probe = { error: null, done: false };
  window.define = function (name, deps, factory) {
    if (typeof name !== 'string') { factory = deps; deps = name; name = pending; }
    if (typeof deps === 'function') { factory = deps; deps = []; }
    defs[name] = { deps: deps, factory: factory };
  };
  function load(src, name) {
    return new Promise(function (resolve, reject) {
      pending = name;
      var s = document.createElement('script');
      s.src = src;
      s.onload = function () { resolve(); };
      s.onerror = function () { reject(new Error('could not load ' + src)); };
      document.head.appendChild(s);
    });
  }
  function pane(type) { return function (targetProperty, properties) { return { type: type, targetProperty: targetProperty, properties: properties }; }; }
  function BaseClientSideWebPart() { this.properties = {}; }
  BaseClientSideWebPart.prototype.onInit = function () { return Promise.resolve(); };
  var themeProvider = { tryGetTheme: function () { return undefined; }, themeChangedEvent: { add: function () {} } };
  var shared = {
    'react': window.React,
    'react-dom': window.ReactDOM,
    '@microsoft/sp-core-library': {
      Version: { parse: function (v) { return { toString: function () { return v; } }; } },
      DisplayMode: { Read: 1, Edit: 2 },
      Environment: { type: 3 },
      EnvironmentType: { Local: 1, SharePoint: 3, ClassicSharePoint: 4, Test: 0 },
      Log: { info: function () {}, warn: function () {}, error: function () {}, verbose: function () {} },
    },
    '@microsoft/sp-webpart-base': { BaseClientSideWebPart: BaseClientSideWebPart },
    '@microsoft/sp-component-base': { ThemeProvider: { serviceKey: 'ThemeProvider' }, ThemeChangedEventArgs: function () {} },
    '@microsoft/sp-property-pane': {
      PropertyPaneTextField: pane(1), PropertyPaneSlider: pane(2), PropertyPaneToggle: pane(3), PropertyPaneDropdown: pane(4),
      PropertyPaneCheckbox: pane(5), PropertyPaneLabel: pane(6), PropertyPaneChoiceGroup: pane(7), PropertyPaneButton: pane(8),
      PropertyPaneLink: pane(9), PropertyPaneHorizontalRule: pane(10), PropertyPaneDynamicField: pane(11)
    }
  };
  async function boot() {
    await load(cfg.strings, 'MpkStrings');
    shared['MpkStrings'] = defs['MpkStrings'].factory();
    await load(cfg.entry, cfg.componentId);
    var name = Object.keys(defs).filter(function (n) { return n.indexOf(cfg.componentId) === 0; })[0];
    if (!name) throw new Error('the entry bundle did not define ' + cfg.componentId);
    var def = defs[name];
    var missing = def.deps.filter(function (d) { return !(d in shared); });
    if (missing.length) throw new Error('no stand-in for ' + missing.join(', '));
    var exported = def.factory.apply(null, def.deps.map(function (d) { return shared[d]; }));
    var WebPart = exported && exported.default ? exported.default : exported;
    var wp = new WebPart();
    var el = document.getElementById('wp');
    wp.properties = cfg.properties;
    wp.domElement = el;
    wp.context = {
      domElement: el,
      instanceId: 'bench-probe',
      manifest: { id: cfg.componentId },
      sdks: {},
      serviceScope: { consume: function () { return themeProvider; } },
      pageContext: {
        web: { absoluteUrl: cfg.siteUrl, serverRelativeUrl: new URL(cfg.siteUrl).pathname, title: 'Mod på kerneopgaven' },
        site: { absoluteUrl: cfg.siteUrl, serverRelativeUrl: new URL(cfg.siteUrl).pathname },
        user: { email: cfg.user.email, displayName: cfg.user.title, loginName: 'i:0#.f|membership|' + cfg.user.email },
        legacyPageContext: { userId: cfg.user.id, formDigestValue: cfg.digest, formDigestTimeoutSeconds: 1800, webAbsoluteUrl: cfg.siteUrl },
        cultureInfo: { currentUICultureName: 'da-DK', currentCultureName: 'da-DK' }
      }
    };
    await wp.onInit();
    wp.render();
    window.__probe.done = true;
  }
  boot().catch(function (e) { window.__probe.error = String(e && e.stack || e); });
})();
</script>
</body></html>`;
}

/** Serves the probe page, React and the build's files on the local SharePoint's origin; signs REST calls in. */
async function routeProbe(
  context: BrowserContext,
  root: string,
  assets: BuildAssets,
  html: string,
  email: string,
  jsFiles: string[],
): Promise<void> {
  const vendor: Record<string, string> = {
    'react.js': path.join(root, 'node_modules/react/umd/react.production.min.js'),
    'react-dom.js': path.join(root, 'node_modules/react-dom/umd/react-dom.production.min.js'),
  };
  await context.route(`**${BASE}/**`, async (route) => {
    const url = new URL(route.request().url());
    const rel = url.pathname.slice(BASE.length + 1);
    if (rel === 'page.html') return route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html });
    if (rel.startsWith('vendor/') && vendor[rel.slice(7)])
      return route.fulfill({
        status: 200,
        contentType: 'text/javascript',
        body: fs.readFileSync(vendor[rel.slice(7)]),
      });
    if (rel.startsWith('assets/')) {
      const file = path.basename(rel);
      const full = path.join(assets.dir, file);
      if (fs.existsSync(full)) {
        jsFiles.push(file);
        return route.fulfill({ status: 200, contentType: 'text/javascript', body: fs.readFileSync(full) });
      }
    }
    return route.fulfill({ status: 404, body: 'not found' });
  });
  await context.route('**/_api/**', (route) =>
    route.continue({ headers: { ...route.request().headers(), authorization: `Bearer ${email}` } }),
  );
}

/** Probes the three web parts. The component ids come from the manifests in `src/webparts`. */
export async function probeShipBundles(input: {
  browser: Browser;
  root: string;
  assets: BuildAssets;
  origin: string;
  siteUrl: string;
  targets: ProbeTarget[];
  timeoutMs?: number;
}): Promise<Map<PartName, ProbeResult>> {
  const results = new Map<PartName, ProbeResult>();
  const stringsFile = input.assets.locales.find((l) => /da-dk/i.test(l.file))?.file;
  for (const target of input.targets) {
    const part = PARTS.find((p) => p.part === target.part);
    const entry = part ? input.assets.entries.get(part.bundle) : undefined;
    const base: ProbeResult = {
      part: target.part,
      user: target.user.email,
      chunkFiles: [],
      jsFiles: [],
      usable: false,
    };
    if (!part || !entry || !stringsFile) {
      results.set(target.part, {
        ...base,
        error: !stringsFile ? 'no MpkStrings_da-dk file in release/assets' : 'entry bundle missing',
      });
      continue;
    }
    const componentId = componentIdOf(input.root, part.bundle);
    const html = probePage({
      entryFile: entry.file,
      stringsFile,
      componentId,
      siteUrl: input.siteUrl,
      target,
      digest: formDigest(new Date()),
    });
    const context = await input.browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'da-DK' });
    const jsFiles: string[] = [];
    try {
      await routeProbe(context, input.root, input.assets, html, target.user.email, jsFiles);
      const page = await context.newPage();
      const network = trackNetwork(page);
      await page.addInitScript({ content: usableProbeScript(target.usable) });
      await resetServerRequests(input.origin);
      await page.goto(`${input.origin}${BASE}/page.html`, { waitUntil: 'commit' });
      let error: string | undefined;
      let usable = false;
      try {
        await page.waitForFunction(
          () => {
            const w = window as unknown as { __mpkUsableAt?: number; __probe?: { error: string | null } };
            return w.__mpkUsableAt !== undefined || !!(w.__probe && w.__probe.error);
          },
          undefined,
          { timeout: input.timeoutMs ?? 60000, polling: 50 },
        );
        const probeError = await page.evaluate(
          () => (window as unknown as { __probe: { error: string | null } }).__probe.error,
        );
        if (probeError) error = `the bundle did not start: ${probeError.split('\n')[0]}`;
        else usable = true;
      } catch {
        error = `view not usable within ${((input.timeoutMs ?? 60000) / 1000).toFixed(0)} s (${await pageState(page)})`;
      }
      await network.quiet(1500, 30000);
      network.stop();
      const heading = await firstHeading(page);
      const logged = await serverRequests(input.origin);
      const chunkFiles = [...new Set(jsFiles.filter((f) => f.startsWith('chunk.')))];
      results.set(target.part, {
        ...base,
        chunkFiles,
        jsFiles: [...new Set(jsFiles)],
        restRequests: logged.length,
        heading,
        usable,
        error,
      });
    } catch (e) {
      results.set(target.part, { ...base, error: e instanceof Error ? e.message.split('\n')[0] : String(e) });
    } finally {
      await context.close();
    }
  }
  return results;
}

/** The web part id of a bundle (its manifest's `id`), which is the AMD module name's prefix. */
export function componentIdOf(root: string, bundle: string): string {
  const config = JSON.parse(fs.readFileSync(path.join(root, 'config', 'config.json'), 'utf8')) as {
    bundles: Record<string, { components: { manifest: string }[] }>;
  };
  const manifestPath = config.bundles[bundle]?.components[0]?.manifest;
  if (!manifestPath) throw new Error(`bundle ${bundle} not in config/config.json`);
  const text = fs.readFileSync(path.join(root, manifestPath), 'utf8').replace(/^\s*\/\/.*$/gm, '');
  const m = /"id"\s*:\s*"([0-9a-f-]{36})"/i.exec(text);
  if (!m) throw new Error(`no id in ${manifestPath}`);
  return m[1];
}
