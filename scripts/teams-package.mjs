#!/usr/bin/env node
// Validates the Teams app package of "Mod på kerneopgaven" offline and zips it.
//
//   node scripts/teams-package.mjs [--app-package DIR] [--out ZIP] [--webparts DIR] [--check]
//
//   --app-package  folder with manifest.json, its icons and localisation files
//                  (default teamsapp/appPackage)
//   --out          zip to write (default teams/TeamsSPFxApp.zip, where `gulp package-solution`
//                  picks it up and ships it inside the .sppkg)
//   --webparts     folder searched for SPFx web part manifests (*.manifest.json) that the tab URLs
//                  must point at (default src/webparts; skipped when the folder does not exist)
//   --check        validate only, write nothing
//
// Checks, each failure printed and the exit code 1 on any:
//   - manifest.json against the official Teams schema named by its $schema, loaded from the copy
//     bundled in @microsoft/app-manifest (no network), and manifestVersion matching that schema;
//   - every localisation file: present, same schema version as the manifest (a Teams rule),
//     valid against the bundled localisation schema, one file per language;
//   - icons: colour 192×192, outline 32×32 with only white and transparent pixels;
//   - every componentId in a tab URL names a web part in --webparts that supports that host;
//   - static tab entityIds unique;
//   - activity types declared once, and each translated templateText with the same {placeholders}.
// The zip holds manifest.json, the icons and the localisation files at the paths the manifest
// uses (root level here), in a fixed order with fixed dates, so an unchanged package rebuilds to
// the same bytes.

import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { crc32, inflateSync } from 'node:zlib';

const require = createRequire(import.meta.url);
const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** The date stamped on every zip entry: the strategy's publication month, so rebuilds never churn. */
const ZIP_DATE = new Date(Date.UTC(2019, 0, 1, 0, 0, 0));

const ICON_SIZES = { color: 192, outline: 32 };

/** Which SPFx `supportedHosts` value a tab kind needs. */
const HOST_FOR_TAB = { configurableTabs: 'TeamsTab', staticTabs: 'TeamsPersonalApp' };

// ---------------------------------------------------------------------------------------------
// Command line
// ---------------------------------------------------------------------------------------------
function parseArgs(argv) {
  const options = {
    appPackage: join(ROOT, 'teamsapp', 'appPackage'),
    out: join(ROOT, 'teams', 'TeamsSPFxApp.zip'),
    webparts: join(ROOT, 'src', 'webparts'),
    check: false,
  };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const value = () => {
      const next = argv[++i];
      if (next === undefined) throw new Error(`${arg} needs a value`);
      return resolve(next);
    };
    if (arg === '--app-package') options.appPackage = value();
    else if (arg === '--out') options.out = value();
    else if (arg === '--webparts') options.webparts = value();
    else if (arg === '--check') options.check = true;
    else if (arg === '--help' || arg === '-h') options.help = true;
    else throw new Error(`unknown argument ${arg}`);
  }
  return options;
}

// ---------------------------------------------------------------------------------------------
// Schemas, from the copies bundled with @microsoft/app-manifest
// ---------------------------------------------------------------------------------------------
const APP_MANIFEST_DIR = dirname(require.resolve('@microsoft/app-manifest/package.json'));
const appManifestRequire = createRequire(join(APP_MANIFEST_DIR, 'package.json'));

/** `{ version: '1.24', kind: 'MicrosoftTeams' }` from a developer.microsoft.com schema URL, or undefined. */
function parseSchemaUrl(url) {
  const match =
    /^https:\/\/developer\.microsoft\.com\/(?:[a-z]{2}-[a-z]{2}\/)?json-schemas\/teams\/v([0-9.]+|DevPreview)\/(MicrosoftTeams(?:\.Localization)?)\.schema\.json$/i.exec(
      String(url ?? ''),
    );
  return match ? { version: match[1], kind: match[2] } : undefined;
}

function loadBundledSchema({ version, kind }) {
  const file = join(APP_MANIFEST_DIR, 'build', 'json-schemas', 'teams', `v${version}`, `${kind}.schema.json`);
  if (!existsSync(file)) return undefined;
  // Same clean-up as @microsoft/app-manifest: a few schemas carry \a and \v escapes JSON lacks.
  return JSON.parse(readFileSync(file, 'utf8').replace(/\\a/g, '\\u0007').replace(/\\v/g, '\\u000b'));
}

let localizationValidator;
/**
 * Validates a localisation file. AppManifestUtils cannot: the localisation schemas hold patterns
 * (`...\b]\.description$`) that are invalid as Unicode regular expressions, which Ajv uses by
 * default. The same Ajv (draft-04, the schemas' dialect) with non-Unicode patterns compiles them.
 */
function validateLocalization(json, schema) {
  if (!localizationValidator || localizationValidator.schema !== schema) {
    const Ajv = appManifestRequire('ajv-draft-04');
    const addFormats = appManifestRequire('ajv-formats');
    const ajv = new (Ajv.default ?? Ajv)({ allErrors: true, strictTypes: false, unicodeRegExp: false });
    (addFormats.default ?? addFormats)(ajv, ['uri', 'email', 'regex']);
    localizationValidator = { schema, validate: ajv.compile(schema) };
  }
  const { validate } = localizationValidator;
  if (validate(json)) return [];
  return validate.errors.map((e) => `${e.instancePath || '(root)'} ${e.message}. Details: ${JSON.stringify(e.params)}`);
}

// ---------------------------------------------------------------------------------------------
// PNG reading: enough of the format to check sizes and pixels of 8-bit images
// ---------------------------------------------------------------------------------------------
const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** Width and height from the IHDR chunk; throws when the bytes are not a PNG. */
export function readPngSize(bytes) {
  if (bytes.length < 24 || !bytes.subarray(0, 8).equals(PNG_SIGNATURE) || bytes.toString('ascii', 12, 16) !== 'IHDR') {
    throw new Error('not a PNG file');
  }
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

/** Decodes an 8-bit, non-interlaced PNG to RGBA. */
export function decodePng(bytes) {
  readPngSize(bytes);
  let offset = 8;
  let header;
  let palette;
  let transparency;
  const data = [];
  while (offset < bytes.length) {
    if (offset + 12 > bytes.length) throw new Error('truncated chunk');
    const length = bytes.readUInt32BE(offset);
    const type = bytes.toString('ascii', offset + 4, offset + 8);
    const body = bytes.subarray(offset + 8, offset + 8 + length);
    if (body.length !== length) throw new Error(`truncated ${type} chunk`);
    if (crc32(bytes.subarray(offset + 4, offset + 8 + length)) !== bytes.readUInt32BE(offset + 8 + length)) {
      throw new Error(`bad CRC in ${type} chunk`);
    }
    if (type === 'IHDR') {
      header = {
        width: body.readUInt32BE(0),
        height: body.readUInt32BE(4),
        bitDepth: body[8],
        colorType: body[9],
        interlace: body[12],
      };
    } else if (type === 'PLTE') palette = body;
    else if (type === 'tRNS') transparency = body;
    else if (type === 'IDAT') data.push(body);
    else if (type === 'IEND') break;
    offset += 12 + length;
  }
  const { width, height, bitDepth, colorType, interlace } = header;
  const channels = { 0: 1, 2: 3, 3: 1, 4: 2, 6: 4 }[colorType];
  if (!channels) throw new Error(`unknown PNG colour type ${colorType}`);
  if (bitDepth !== 8)
    throw new Error(`only 8-bit PNGs are checked (this one is ${bitDepth}-bit); save it as 8-bit RGBA`);
  if (interlace !== 0) throw new Error('interlaced PNGs are not checked; save it without interlacing');
  if (colorType === 3 && !palette) throw new Error('palette PNG without PLTE chunk');

  const raw = inflateSync(Buffer.concat(data));
  const stride = width * channels;
  if (raw.length < (stride + 1) * height) throw new Error('image data too short');
  const pixels = Buffer.alloc(stride * height);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)];
    const line = raw.subarray(y * (stride + 1) + 1, (y + 1) * (stride + 1));
    const out = pixels.subarray(y * stride, (y + 1) * stride);
    const previous = y > 0 ? pixels.subarray((y - 1) * stride, y * stride) : Buffer.alloc(stride);
    for (let x = 0; x < stride; x++) {
      const a = x >= channels ? out[x - channels] : 0;
      const b = previous[x];
      const c = x >= channels ? previous[x - channels] : 0;
      let predictor;
      switch (filter) {
        case 0:
          predictor = 0;
          break;
        case 1:
          predictor = a;
          break;
        case 2:
          predictor = b;
          break;
        case 3:
          predictor = (a + b) >> 1;
          break;
        case 4: {
          const p = a + b - c;
          const pa = Math.abs(p - a);
          const pb = Math.abs(p - b);
          const pc = Math.abs(p - c);
          predictor = pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
          break;
        }
        default:
          throw new Error(`unknown PNG filter ${filter} on row ${y}`);
      }
      out[x] = (line[x] + predictor) & 0xff;
    }
  }

  const rgba = Buffer.alloc(width * height * 4);
  for (let i = 0; i < width * height; i++) {
    const p = pixels.subarray(i * channels, (i + 1) * channels);
    let r, g, b, alpha;
    switch (colorType) {
      case 0:
        r = g = b = p[0];
        alpha = transparency && transparency.readUInt16BE(0) === p[0] ? 0 : 255;
        break;
      case 2:
        [r, g, b] = p;
        alpha =
          transparency &&
          transparency.readUInt16BE(0) === r &&
          transparency.readUInt16BE(2) === g &&
          transparency.readUInt16BE(4) === b
            ? 0
            : 255;
        break;
      case 3:
        r = palette[p[0] * 3];
        g = palette[p[0] * 3 + 1];
        b = palette[p[0] * 3 + 2];
        alpha = transparency && p[0] < transparency.length ? transparency[p[0]] : 255;
        break;
      case 4:
        r = g = b = p[0];
        alpha = p[1];
        break;
      default:
        [r, g, b, alpha] = p;
    }
    rgba[i * 4] = r;
    rgba[i * 4 + 1] = g;
    rgba[i * 4 + 2] = b;
    rgba[i * 4 + 3] = alpha;
  }
  return { width, height, rgba };
}

/** Problems with an outline icon: Teams wants white on a transparent background, nothing else. */
export function outlineProblems({ width, height, rgba }) {
  let coloured = 0;
  let transparent = 0;
  let visible = 0;
  for (let i = 0; i < width * height; i++) {
    const alpha = rgba[i * 4 + 3];
    if (alpha === 0) transparent++;
    else {
      visible++;
      if (rgba[i * 4] !== 255 || rgba[i * 4 + 1] !== 255 || rgba[i * 4 + 2] !== 255) coloured++;
    }
  }
  const problems = [];
  if (coloured > 0) problems.push(`${coloured} visible pixel(s) are not white`);
  if (transparent === 0) problems.push('has no transparent pixels (the background must be transparent)');
  if (visible === 0) problems.push('is fully transparent (nothing would show)');
  return problems;
}

// ---------------------------------------------------------------------------------------------
// SPFx web part manifests
// ---------------------------------------------------------------------------------------------
/** Removes // and /* *\/ comments outside strings; SPFx manifests are JSON with comments. */
export function stripJsonComments(text) {
  let out = '';
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (inString) {
      out += ch;
      if (ch === '\\') out += text[++i] ?? '';
      else if (ch === '"') inString = false;
    } else if (ch === '"') {
      inString = true;
      out += ch;
    } else if (ch === '/' && text[i + 1] === '/') {
      while (i < text.length && text[i] !== '\n') i++;
      out += '\n';
    } else if (ch === '/' && text[i + 1] === '*') {
      i += 2;
      while (i < text.length && !(text[i] === '*' && text[i + 1] === '/')) i++;
      i++;
    } else out += ch;
  }
  return out;
}

/** The `{placeholders}` of an activity template, sorted, as one string (`{actor} {taskTitle}`). */
function placeholdersOf(template) {
  return (String(template ?? '').match(/\{[^{}]+\}/g) ?? []).sort().join(' ');
}

function findWebPartManifests(folder) {
  const found = [];
  const walk = (dir) => {
    for (const name of readdirSync(dir).sort()) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (name.endsWith('.manifest.json')) found.push(path);
    }
  };
  walk(folder);
  return found.map((path) => ({ path, manifest: JSON.parse(stripJsonComments(readFileSync(path, 'utf8'))) }));
}

/** The componentId a SharePoint-hosted tab URL loads, or undefined. */
export function componentIdOf(url) {
  const match = /componentId=([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})/i.exec(url ?? '');
  return match ? match[1].toLowerCase() : undefined;
}

// ---------------------------------------------------------------------------------------------
// The checks
// ---------------------------------------------------------------------------------------------
function readJson(path, errors, label) {
  try {
    return JSON.parse(readFileSync(path, 'utf8').replace(/^\uFEFF/, ''));
  } catch (error) {
    errors.push(`${label}: ${error.code === 'ENOENT' ? 'file not found' : error.message}`);
    return undefined;
  }
}

/** A path the manifest references, resolved inside the package folder; an error when it leaves it. */
function packageFile(appPackage, relativePath, label, errors) {
  const path = resolve(appPackage, relativePath);
  const inside = relative(appPackage, path);
  if (isAbsolute(relativePath) || inside.startsWith('..') || inside === '') {
    errors.push(`${label}: "${relativePath}" must be a file inside the app package folder`);
    return undefined;
  }
  if (!existsSync(path)) {
    errors.push(`${label}: "${relativePath}" not found in ${appPackage}`);
    return undefined;
  }
  return { path, entry: inside.split(sep).join('/') };
}

/**
 * Validates the package folder. Returns `{ errors, files }`; `files` are the zip entries
 * (`{ entry, path }`) in package order when there are no errors.
 */
export async function validatePackage({ appPackage, webparts }) {
  const errors = [];
  const files = [];
  const manifestPath = join(appPackage, 'manifest.json');
  const manifest = readJson(manifestPath, errors, 'manifest.json');
  if (!manifest) return { errors, files };
  files.push({ entry: 'manifest.json', path: manifestPath });

  // Schema
  const schemaRef = parseSchemaUrl(manifest.$schema);
  if (!schemaRef || schemaRef.kind !== 'MicrosoftTeams') {
    errors.push(
      `manifest.json: $schema "${manifest.$schema}" is not a Teams manifest schema URL (https://developer.microsoft.com/json-schemas/teams/vX.Y/MicrosoftTeams.schema.json)`,
    );
    return { errors, files };
  }
  const schema = loadBundledSchema(schemaRef);
  if (!schema) {
    errors.push(
      `manifest.json: schema v${schemaRef.version} is not bundled with @microsoft/app-manifest; pick a version it ships`,
    );
    return { errors, files };
  }
  if (manifest.manifestVersion !== schemaRef.version) {
    errors.push(
      `manifest.json: manifestVersion "${manifest.manifestVersion}" does not match the $schema version ${schemaRef.version}`,
    );
  }
  const { AppManifestUtils } = require('@microsoft/app-manifest');
  for (const failure of await AppManifestUtils.validateAgainstSchema(manifest, schema)) {
    errors.push(`manifest.json schema v${schemaRef.version}: ${failure.trim()}`);
  }

  // Icons
  for (const kind of ['color', 'outline']) {
    const reference = manifest.icons?.[kind];
    if (typeof reference !== 'string') continue; // the schema already reported it
    const file = packageFile(appPackage, reference, `icons.${kind}`, errors);
    if (!file) continue;
    files.push(file);
    const label = `icons.${kind} (${reference})`;
    try {
      const bytes = readFileSync(file.path);
      const { width, height } = readPngSize(bytes);
      const size = ICON_SIZES[kind];
      if (width !== size || height !== size)
        errors.push(`${label}: is ${width}×${height}, Teams wants ${size}×${size}`);
      if (kind === 'outline') {
        for (const problem of outlineProblems(decodePng(bytes))) errors.push(`${label}: ${problem}`);
      }
    } catch (error) {
      errors.push(`${label}: ${error.message}`);
    }
  }

  // Localisation files
  const localization = manifest.localizationInfo;
  const languageFiles = [];
  if (localization?.defaultLanguageFile) {
    languageFiles.push({ tag: localization.defaultLanguageTag, file: localization.defaultLanguageFile });
  }
  for (const language of localization?.additionalLanguages ?? []) {
    languageFiles.push({ tag: language.languageTag, file: language.file });
  }
  const seenTags = new Set([String(localization?.defaultLanguageTag ?? '').toLowerCase()]);
  for (const [index, { tag, file: reference }] of languageFiles.entries()) {
    const label = `localization ${tag} (${reference})`;
    if (index >= (localization.defaultLanguageFile ? 1 : 0)) {
      if (seenTags.has(String(tag).toLowerCase()))
        errors.push(`${label}: language ${tag} is listed twice or is the default language`);
      seenTags.add(String(tag).toLowerCase());
    }
    const file = packageFile(appPackage, reference, label, errors);
    if (!file) continue;
    files.push(file);
    const strings = readJson(file.path, errors, label);
    if (!strings) continue;
    const locRef = parseSchemaUrl(strings.$schema);
    if (!locRef || locRef.kind !== 'MicrosoftTeams.Localization') {
      errors.push(`${label}: $schema "${strings.$schema}" is not a Teams localisation schema URL`);
      continue;
    }
    if (locRef.version !== schemaRef.version) {
      errors.push(
        `${label}: uses localisation schema v${locRef.version}, the manifest v${schemaRef.version}; Teams wants the same version`,
      );
    }
    const locSchema = loadBundledSchema(locRef);
    if (!locSchema) {
      errors.push(`${label}: localisation schema v${locRef.version} is not bundled with @microsoft/app-manifest`);
      continue;
    }
    for (const failure of validateLocalization(strings, locSchema)) errors.push(`${label}: ${failure}`);
    for (const key of Object.keys(strings)) {
      const tab = /^staticTabs\[(\d+)\]\.name$/.exec(key);
      if (tab && !manifest.staticTabs?.[Number(tab[1])])
        errors.push(`${label}: ${key} names a static tab the manifest does not have`);
      const activity = /^activities\.activityTypes\[(\d+)\]\.(description|templateText)$/.exec(key);
      const declared = activity ? manifest.activities?.activityTypes?.[Number(activity[1])] : undefined;
      if (activity && !declared) errors.push(`${label}: ${key} names an activity type the manifest does not have`);
      else if (
        activity?.[2] === 'templateText' &&
        placeholdersOf(strings[key]) !== placeholdersOf(declared.templateText)
      )
        errors.push(
          `${label}: ${key} uses the placeholders ${placeholdersOf(strings[key]) || '(none)'}, the manifest's template ${placeholdersOf(declared.templateText) || '(none)'}`,
        );
    }
  }

  // Activity types: Graph finds a notification's type by name, so each is declared once
  const activityTypes = (manifest.activities?.activityTypes ?? []).map((entry) => entry.type);
  for (const type of new Set(activityTypes.filter((type, i) => activityTypes.indexOf(type) !== i))) {
    errors.push(`activities.activityTypes: type "${type}" is declared more than once`);
  }

  // Static tabs: Teams refuses duplicate entity ids
  const entityIds = (manifest.staticTabs ?? []).map((tab) => tab.entityId);
  for (const id of new Set(entityIds.filter((id, i) => entityIds.indexOf(id) !== i))) {
    errors.push(`staticTabs: entityId "${id}" is used more than once`);
  }

  // Tabs point at web parts that exist and support the host
  if (existsSync(webparts)) {
    let webPartManifests = [];
    try {
      webPartManifests = findWebPartManifests(webparts);
    } catch (error) {
      errors.push(`web part manifests in ${webparts}: ${error.message}`);
    }
    for (const [kind, urlField] of [
      ['configurableTabs', 'configurationUrl'],
      ['staticTabs', 'contentUrl'],
    ]) {
      for (const [index, tab] of (manifest[kind] ?? []).entries()) {
        const url = tab[urlField];
        if (typeof url !== 'string' || !/\/_layouts\/15\/TeamsLogon\.aspx\?SPFX=true/i.test(url)) continue; // not a SharePoint-hosted tab
        const label = `${kind}[${index}].${urlField}`;
        const id = componentIdOf(url);
        if (!id) {
          errors.push(`${label}: has no componentId=<web part id>`);
          continue;
        }
        const webPart = webPartManifests.find((w) => String(w.manifest.id).toLowerCase() === id);
        if (!webPart) {
          errors.push(`${label}: componentId ${id} is not a web part in ${relative(ROOT, webparts) || webparts}`);
          continue;
        }
        const host = HOST_FOR_TAB[kind];
        if (!(webPart.manifest.supportedHosts ?? []).includes(host)) {
          errors.push(
            `${label}: web part ${webPart.manifest.alias ?? id} does not list "${host}" in supportedHosts (${relative(ROOT, webPart.path)})`,
          );
        }
      }
    }
  }

  return { errors, files };
}

/** Zips the files (manifest first, then as listed) with fixed dates and compression. */
export async function zipPackage(files) {
  const JSZip = require('jszip');
  const zip = new JSZip();
  for (const { entry, path } of files) {
    zip.file(entry, readFileSync(path), {
      date: ZIP_DATE,
      createFolders: false,
      unixPermissions: null,
      dosPermissions: null,
    });
  }
  return zip.generateAsync({
    type: 'nodebuffer',
    compression: 'DEFLATE',
    compressionOptions: { level: 9 },
    platform: 'DOS',
  });
}

async function main() {
  let options;
  try {
    options = parseArgs(process.argv.slice(2));
  } catch (error) {
    console.error(`teams-package: ${error.message}`);
    process.exit(2);
  }
  if (options.help) {
    console.log('usage: node scripts/teams-package.mjs [--app-package DIR] [--out ZIP] [--webparts DIR] [--check]');
    return;
  }
  const { errors, files } = await validatePackage(options);
  if (errors.length > 0) {
    console.error(`Teams app package in ${relative(process.cwd(), options.appPackage) || '.'} is not valid:`);
    for (const error of errors) console.error(`  ✖ ${error}`);
    process.exit(1);
  }
  const manifest = JSON.parse(readFileSync(files[0].path, 'utf8'));
  console.log(
    `✔ ${manifest.name.short} ${manifest.version} (Teams app ${manifest.id}, manifest v${manifest.manifestVersion}) is valid`,
  );
  if (options.check) return;
  const bytes = await zipPackage(files);
  mkdirSync(dirname(options.out), { recursive: true });
  writeFileSync(options.out, bytes);
  console.log(
    `✔ wrote ${relative(process.cwd(), options.out)} (${bytes.length} bytes): ${files.map((f) => f.entry).join(', ')}`,
  );
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().catch((error) => {
    console.error(`teams-package: ${error.stack ?? error}`);
    process.exit(1);
  });
}
