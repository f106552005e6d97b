/** @jest-environment node */
import { spawnSync } from 'child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'fs';
import { createRequire } from 'module';
import { tmpdir } from 'os';
import { join } from 'path';
import { inflateSync } from 'zlib';
import JSZip from 'jszip';

// The ids CONTRIBUTING.md fixes; the manifest and the web parts must agree with them.
const TEAMS_APP_ID = '82f2fa80-81e3-49bd-bf82-be796e0da454';
const PLAN_WEB_PART_ID = '60810ddd-a36c-4955-8385-8c8fc797de7f';
const FOLLOW_UP_WEB_PART_ID = 'a19d6981-843f-4f38-a283-8386461a3691';

const ROOT = join(__dirname, '..', '..');
const APP_PACKAGE = join(ROOT, 'teamsapp', 'appPackage');
const PACKAGE_SCRIPT = join(ROOT, 'scripts', 'teams-package.mjs');
const DRAW_SCRIPT = join(ROOT, 'scripts', 'draw-icons.mjs');

// The URL forms SharePoint needs to host an SPFx web part in Teams (docs/reference: "Teams tab
// for an SPFx web part"); Teams fills in the {placeholders}.
const channelTabUrl = (webPartId: string): string =>
  'https://{teamSiteDomain}{teamSitePath}/_layouts/15/TeamsLogon.aspx?SPFX=true&dest={teamSitePath}' +
  `/_layouts/15/teamshostedapp.aspx%3FopenPropertyPane=true%26teams%26componentId=${webPartId}%26forceLocale={locale}`;
const personalTabUrl = (webPartId: string): string =>
  'https://{teamSiteDomain}/_layouts/15/TeamsLogon.aspx?SPFX=true&dest=' +
  `/_layouts/15/teamshostedapp.aspx%3Fteams%26personal%26componentId=${webPartId}%26forceLocale={locale}`;

interface Tab {
  entityId?: string;
  name?: string;
  contentUrl?: string;
  configurationUrl?: string;
  canUpdateConfiguration?: boolean;
  scopes: string[];
}
interface Manifest {
  $schema: string;
  manifestVersion: string;
  id: string;
  name: { short: string; full?: string };
  description: { short: string; full: string };
  developer: { name: string; websiteUrl: string; privacyUrl: string; termsOfUseUrl: string };
  icons: { color: string; outline: string };
  accentColor: string;
  localizationInfo: { defaultLanguageTag: string; additionalLanguages: { languageTag: string; file: string }[] };
  configurableTabs: Tab[];
  staticTabs: Tab[];
  permissions: string[];
  validDomains: string[];
  webApplicationInfo: { id: string; resource: string };
}

const readJson = <T>(path: string): T => JSON.parse(readFileSync(path, 'utf8')) as T;
const manifest = readJson<Manifest>(join(APP_PACKAGE, 'manifest.json'));

/** SPFx manifests are JSON with comments: drop // and /* *\/ comments outside strings. */
function stripJsonComments(text: string): string {
  return text.replace(/("(?:\\.|[^"\\])*")|\/\/[^\n]*|\/\*[\s\S]*?\*\//g, (match, str: string | undefined) => str ?? '');
}

interface Rgba {
  width: number;
  height: number;
  pixel: (x: number, y: number) => [number, number, number, number];
}

/** Decodes an 8-bit RGBA, non-interlaced PNG (what scripts/draw-icons.mjs writes). */
function decodeRgbaPng(bytes: Buffer): Rgba {
  expect(bytes.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  const width = bytes.readUInt32BE(16);
  const height = bytes.readUInt32BE(20);
  expect({ bitDepth: bytes[24], colorType: bytes[25], interlace: bytes[28] }).toEqual({ bitDepth: 8, colorType: 6, interlace: 0 });
  const idat: Buffer[] = [];
  for (let offset = 8; offset < bytes.length; ) {
    const length = bytes.readUInt32BE(offset);
    if (bytes.toString('ascii', offset + 4, offset + 8) === 'IDAT') idat.push(bytes.subarray(offset + 8, offset + 8 + length));
    offset += 12 + length;
  }
  const raw = inflateSync(Buffer.concat(idat));
  const stride = width * 4;
  const rows = Buffer.alloc(stride * height);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)];
    for (let x = 0; x < stride; x++) {
      const a = x >= 4 ? rows[y * stride + x - 4] : 0;
      const b = y > 0 ? rows[(y - 1) * stride + x] : 0;
      const c = x >= 4 && y > 0 ? rows[(y - 1) * stride + x - 4] : 0;
      const p = a + b - c;
      const paeth = Math.abs(p - a) <= Math.abs(p - b) && Math.abs(p - a) <= Math.abs(p - c) ? a : Math.abs(p - b) <= Math.abs(p - c) ? b : c;
      const predictor = [0, a, b, (a + b) >> 1, paeth][filter];
      rows[y * stride + x] = (raw[y * (stride + 1) + 1 + x] + predictor) & 0xff;
    }
  }
  return {
    width,
    height,
    pixel: (x, y) => {
      const i = (y * width + x) * 4;
      return [rows[i], rows[i + 1], rows[i + 2], rows[i + 3]];
    },
  };
}

function runNode(args: string[]): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, args, { cwd: ROOT, encoding: 'utf8' });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/**
 * The failures `AppManifestUtils.validateAgainstSchema` reports for a manifest file. It runs in a
 * plain Node process: @microsoft/app-manifest requires an ESM-only dependency (strip-bom), which
 * Node loads and jest's module system does not.
 */
function appManifestFailures(file: string): string[] {
  const script = `
    const { AppManifestUtils } = require('@microsoft/app-manifest');
    const manifest = JSON.parse(require('fs').readFileSync(process.argv[1], 'utf8'));
    AppManifestUtils.validateAgainstSchema(manifest).then((failures) => console.log(JSON.stringify(failures)));`;
  const result = runNode(['-e', script, file]);
  expect(result.stderr).toBe('');
  return JSON.parse(result.stdout) as string[];
}

describe('the Teams app manifest', () => {
  it('validates against the official Teams schema it names, with no errors', () => {
    const version = /\/teams\/v([0-9.]+)\/MicrosoftTeams\.schema\.json$/.exec(manifest.$schema)?.[1];
    expect(version).toBe(manifest.manifestVersion);
    // The schema is bundled with @microsoft/app-manifest, so validation never goes to the network.
    const bundled = join(ROOT, 'node_modules', '@microsoft', 'app-manifest', 'build', 'json-schemas', 'teams', `v${version}`, 'MicrosoftTeams.schema.json');
    expect(existsSync(bundled)).toBe(true);
    expect(appManifestFailures(join(APP_PACKAGE, 'manifest.json'))).toEqual([]);
  });

  it('is the Mod på kerneopgaven app from Holbæk Kommune, in Danish first', () => {
    expect(manifest.id).toBe(TEAMS_APP_ID);
    expect(manifest.name.short).toBe('Mod på kerneopgaven');
    expect(manifest.developer.name).toBe('Holbæk Kommune');
    for (const url of [manifest.developer.websiteUrl, manifest.developer.privacyUrl, manifest.developer.termsOfUseUrl]) {
      expect(new URL(url).hostname).toMatch(/^(www\.)?holbaek\.dk$/);
    }
    expect(manifest.localizationInfo.defaultLanguageTag).toBe('da-dk');
    expect(manifest.description.full).toMatch(/ledergruppe/);
    expect(manifest.description.full).toMatch(/[Cc]hefgruppe/);
  });

  it('ships an English translation of the names and tab titles, valid against the localisation schema of the same version', () => {
    expect(manifest.localizationInfo.additionalLanguages).toEqual([{ languageTag: 'en-us', file: 'en-us.json' }]);
    const english = readJson<Record<string, string>>(join(APP_PACKAGE, 'en-us.json'));
    expect(english.$schema).toBe(manifest.$schema.replace('MicrosoftTeams.schema.json', 'MicrosoftTeams.Localization.schema.json'));
    expect(english['name.short']).toBe('Mod på kerneopgaven');
    expect(english['description.full']).toMatch(/leader group/);
    expect(manifest.staticTabs.map((_, i) => english[`staticTabs[${i}].name`])).toEqual(['Follow-up', 'Ambition plan']);

    // AppManifestUtils cannot compile the localisation schemas (their patterns are not valid
    // Unicode regular expressions), so use the same Ajv it uses with non-Unicode patterns.
    const fromAppManifest = createRequire(require.resolve('@microsoft/app-manifest'));
    const AjvDraft04 = fromAppManifest('ajv-draft-04');
    const Ajv = AjvDraft04.default ?? AjvDraft04;
    const ajv = new Ajv({ allErrors: true, strictTypes: false, unicodeRegExp: false });
    const addFormats = fromAppManifest('ajv-formats');
    (addFormats.default ?? addFormats)(ajv, ['uri', 'email', 'regex']);
    const version = manifest.manifestVersion;
    const validate = ajv.compile(
      readJson(join(ROOT, 'node_modules', '@microsoft', 'app-manifest', 'build', 'json-schemas', 'teams', `v${version}`, 'MicrosoftTeams.Localization.schema.json')),
    );
    expect(validate(english)).toBe(true);
    expect(validate({ ...english, 'staticTabs[0].title': 'Follow-up' })).toBe(false);
  });
});

describe('the tabs host the SPFx web parts through SharePoint', () => {
  it('offers the Ambitionsplan web part as the configurable channel tab', () => {
    expect(manifest.configurableTabs).toEqual([
      { configurationUrl: channelTabUrl(PLAN_WEB_PART_ID), canUpdateConfiguration: true, scopes: ['team'] },
    ]);
  });

  it('opens Opfølgning first and Ambitionsplan second in the personal app', () => {
    expect(manifest.staticTabs).toEqual([
      { entityId: 'opfoelgning', name: 'Opfølgning', contentUrl: personalTabUrl(FOLLOW_UP_WEB_PART_ID), scopes: ['personal'] },
      { entityId: 'ambitionsplan', name: 'Ambitionsplan', contentUrl: personalTabUrl(PLAN_WEB_PART_ID), scopes: ['personal'] },
    ]);
  });

  it('asks SharePoint for the signed-in user and allows the SharePoint and sign-in domains', () => {
    expect(manifest.webApplicationInfo).toEqual({ id: '00000003-0000-0ff1-ce00-000000000000', resource: 'https://{teamSiteDomain}' });
    expect(manifest.permissions).toEqual(['identity']);
    expect(manifest.validDomains).toEqual(
      expect.arrayContaining(['{teamSiteDomain}', '*.login.microsoftonline.com', '*.sharepoint.com', 'spoprod-a.akamaihd.net']),
    );
  });

  const webParts = [
    { file: 'src/webparts/plan/PlanWebPart.manifest.json', id: PLAN_WEB_PART_ID, hosts: ['TeamsTab', 'TeamsPersonalApp'] },
    { file: 'src/webparts/followUp/FollowUpWebPart.manifest.json', id: FOLLOW_UP_WEB_PART_ID, hosts: ['TeamsPersonalApp'] },
  ];
  it.each(webParts)('points at $file, which supports the Teams hosts it is used in', ({ file, id, hosts }) => {
    const path = join(ROOT, file);
    expect(existsSync(path)).toBe(true);
    const webPart = JSON.parse(stripJsonComments(readFileSync(path, 'utf8'))) as { id: string; supportedHosts: string[] };
    expect(webPart.id).toBe(id);
    expect(webPart.supportedHosts).toEqual(expect.arrayContaining(hosts));
  });
});

describe('the icons', () => {
  const color = decodeRgbaPng(readFileSync(join(APP_PACKAGE, manifest.icons.color)));
  const outline = decodeRgbaPng(readFileSync(join(APP_PACKAGE, manifest.icons.outline)));

  it('has a 192×192 colour icon: opaque, the accent colour edge to edge, with a white mark', () => {
    expect([color.width, color.height]).toEqual([192, 192]);
    const accent = [1, 3, 5].map((i) => parseInt(manifest.accentColor.slice(i, i + 2), 16));
    for (const [x, y] of [[0, 0], [191, 0], [0, 191], [191, 191], [96, 4]]) {
      expect(color.pixel(x, y)).toEqual([...accent, 255]);
    }
    let white = 0;
    let notOpaque = 0;
    for (let y = 0; y < 192; y++) {
      for (let x = 0; x < 192; x++) {
        const [r, g, b, a] = color.pixel(x, y);
        if (a !== 255) notOpaque++;
        if (r === 255 && g === 255 && b === 255) white++;
      }
    }
    expect(notOpaque).toBe(0);
    expect(white).toBeGreaterThan(192 * 192 * 0.1);
  });

  it('has a 32×32 outline icon that is only white on a transparent background', () => {
    expect([outline.width, outline.height]).toEqual([32, 32]);
    let transparent = 0;
    let visible = 0;
    let notWhite = 0;
    for (let y = 0; y < 32; y++) {
      for (let x = 0; x < 32; x++) {
        const [r, g, b, a] = outline.pixel(x, y);
        if (a === 0) transparent++;
        else {
          visible++;
          if (r !== 255 || g !== 255 || b !== 255) notWhite++;
        }
      }
    }
    expect(notWhite).toBe(0);
    expect([outline.pixel(0, 0)[3], outline.pixel(31, 31)[3]]).toEqual([0, 0]);
    expect(transparent).toBeGreaterThan(32 * 32 * 0.3);
    expect(visible).toBeGreaterThan(32 * 32 * 0.2);
  });

  it('are exactly what scripts/draw-icons.mjs draws, so they can be regenerated', () => {
    const folder = mkdtempSync(join(tmpdir(), 'mpk-icons-'));
    try {
      const result = runNode([DRAW_SCRIPT, folder]);
      expect(result.status).toBe(0);
      expect(readFileSync(join(folder, 'color.png')).equals(readFileSync(join(APP_PACKAGE, 'color.png')))).toBe(true);
      expect(readFileSync(join(folder, 'outline.png')).equals(readFileSync(join(APP_PACKAGE, 'outline.png')))).toBe(true);
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });
});

describe('scripts/teams-package.mjs', () => {
  let folder: string;
  beforeEach(() => {
    folder = mkdtempSync(join(tmpdir(), 'mpk-teams-'));
  });
  afterEach(() => {
    rmSync(folder, { recursive: true, force: true });
  });

  it('zips manifest, icons and translation at the root of the package, the same bytes every time', async () => {
    const out = join(folder, 'TeamsSPFxApp.zip');
    const first = runNode([PACKAGE_SCRIPT, '--out', out]);
    expect(first.stderr).toBe('');
    expect(first.status).toBe(0);
    const bytes = readFileSync(out);

    const zip = await JSZip.loadAsync(bytes);
    expect(Object.keys(zip.files)).toEqual(['manifest.json', 'color.png', 'outline.png', 'en-us.json']);
    for (const name of Object.keys(zip.files)) {
      const entry = await zip.file(name)!.async('nodebuffer');
      expect(entry.equals(readFileSync(join(APP_PACKAGE, name)))).toBe(true);
    }

    expect(runNode([PACKAGE_SCRIPT, '--out', out]).status).toBe(0);
    expect(readFileSync(out).equals(bytes)).toBe(true);
  });

  it('refuses a package that breaks the schema, the icon rules or the web part references, and writes nothing', () => {
    const broken = join(folder, 'appPackage');
    cpSync(APP_PACKAGE, broken, { recursive: true });
    const changed = readJson<Manifest>(join(broken, 'manifest.json'));
    changed.name.short = 'Mod på kerneopgaven i Holbæk Kommune';
    changed.staticTabs[0].contentUrl = personalTabUrl('00000000-0000-0000-0000-000000000000');
    writeFileSync(join(broken, 'manifest.json'), JSON.stringify(changed, null, 2));
    cpSync(join(APP_PACKAGE, 'color.png'), join(broken, 'outline.png'));

    const out = join(folder, 'out.zip');
    const result = runNode([PACKAGE_SCRIPT, '--app-package', broken, '--out', out]);
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/\/name\/short must NOT have more than 30 characters/);
    expect(result.stderr).toMatch(/icons\.outline \(outline\.png\): is 192×192, Teams wants 32×32/);
    expect(result.stderr).toMatch(/icons\.outline \(outline\.png\): \d+ visible pixel\(s\) are not white/);
    expect(result.stderr).toMatch(/staticTabs\[0\]\.contentUrl: componentId 00000000-0000-0000-0000-000000000000 is not a web part/);
    expect(existsSync(out)).toBe(false);
  });
});
