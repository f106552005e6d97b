/** @jest-environment node */
/**
 * What Teams delivery needs from the packages (issue 16), checked offline with the schemas Microsoft
 * ships in node_modules: the Teams manifest's activity types and their English translation against the
 * v1.24 schemas of @microsoft/app-manifest, the Teams zip the package script writes, and the Graph
 * permissions `config/package-solution.json` asks the tenant admin for, against SPFx's own
 * package-solution schema. (tests/build/solution.test.ts checks the same in the built .sppkg.)
 */
import { spawnSync } from 'child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import Ajv from 'ajv';
import AjvDraft04 from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import JSZip from 'jszip';
import { ACTIVITY_TYPES } from '../../src/domain/activityTypes';
import { GRAPH_SCOPES } from './graphScopes';

const ROOT = join(__dirname, '..', '..');
const APP_PACKAGE = join(ROOT, 'teamsapp', 'appPackage');
const TEAMS_SCHEMAS = join(ROOT, 'node_modules', '@microsoft', 'app-manifest', 'build', 'json-schemas', 'teams');
const PACKAGE_SOLUTION_SCHEMA = join(
  ROOT,
  'node_modules/@microsoft/spfx-heft-plugins/lib-commonjs/plugins/packageSolutionPlugin/package-solution.schema.json',
);

interface IActivityType {
  type: string;
  description: string;
  templateText: string;
}
interface IManifest {
  manifestVersion: string;
  activities: { activityTypes: IActivityType[] };
  webApplicationInfo: { id: string; resource: string };
}

const readJson = <T>(path: string): T => JSON.parse(readFileSync(path, 'utf8')) as T;
const manifest = readJson<IManifest>(join(APP_PACKAGE, 'manifest.json'));
const english = readJson<Record<string, string>>(join(APP_PACKAGE, 'en-us.json'));

/**
 * A bundled Teams schema. They are draft-04 (Ajv 8 needs ajv-draft-04 for that dialect); a few carry
 * `\a` and `\v` escapes JSON lacks (the same clean-up @microsoft/app-manifest makes), and the
 * localisation schema's patterns (`\b]`) are not valid Unicode regular expressions, hence `unicodeRegExp: false`.
 */
function teamsValidator(file: string): ReturnType<Ajv['compile']> {
  const text = readFileSync(join(TEAMS_SCHEMAS, `v${manifest.manifestVersion}`, file), 'utf8');
  const schema = JSON.parse(text.replace(/\\a/g, '\\u0007').replace(/\\v/g, '\\u000b')) as object;
  expect((schema as { $schema?: string }).$schema).toBe('http://json-schema.org/draft-04/schema#');
  const ajv = new AjvDraft04({ allErrors: true, strict: false, unicodeRegExp: false });
  addFormats(ajv, ['uri', 'email', 'regex']);
  return ajv.compile(schema);
}

describe('the Teams manifest declares the activity feed types', () => {
  const validateManifest = teamsValidator('MicrosoftTeams.schema.json');
  const validateLocalization = teamsValidator('MicrosoftTeams.Localization.schema.json');

  it('validates against the v1.24 Teams schema shipped in @microsoft/app-manifest', () => {
    expect(manifest.manifestVersion).toBe('1.24');
    expect(validateManifest(manifest)).toBe(true);
    expect(validateManifest.errors ?? []).toEqual([]);
  });

  it('and the schema would catch a type, description or template over its limit', () => {
    const tooLong = structuredClone(manifest);
    tooLong.activities.activityTypes[0] = {
      type: 't'.repeat(65),
      description: 'd'.repeat(129),
      templateText: '{actor} ' + 'x'.repeat(121),
    };
    expect(validateManifest(tooLong)).toBe(false);
    expect((validateManifest.errors ?? []).map((e) => `${e.instancePath} ${e.message}`).sort()).toEqual([
      '/activities/activityTypes/0/description must NOT have more than 128 characters',
      '/activities/activityTypes/0/templateText must NOT have more than 128 characters',
      '/activities/activityTypes/0/type must NOT have more than 64 characters',
    ]);
  });

  it('keeps every type unique and within the limits, in Danish, with {actor} and one parameter', () => {
    const types = manifest.activities.activityTypes;
    expect(new Set(types.map((t) => t.type)).size).toBe(types.length);
    expect(types.length).toBeLessThanOrEqual(128);
    for (const entry of types) {
      expect(entry.type.length).toBeLessThanOrEqual(64);
      expect(entry.description.length).toBeLessThanOrEqual(128);
      expect(entry.templateText.length).toBeLessThanOrEqual(128);
      expect(entry.templateText).toMatch(/^\{actor\} [^{}]*\{[a-zA-Z]+\}[^{}]*$/);
      // Teams' best practices: short, no trailing period.
      expect(entry.description).not.toMatch(/\.$/);
      expect(entry.templateText).not.toMatch(/\.$/);
    }
    expect(types.map((t) => t.type)).toEqual(ACTIVITY_TYPES.map((t) => t.type));
    expect(types.find((t) => t.type === 'storyReturned')?.templateText).toBe(
      '{actor} har sendt din historie {storyTitle} retur',
    );
  });

  it('translates each description and template into English, valid against the v1.24 localisation schema', () => {
    expect(validateLocalization(english)).toBe(true);
    manifest.activities.activityTypes.forEach((entry, index) => {
      const description = english[`activities.activityTypes[${index}].description`];
      const template = english[`activities.activityTypes[${index}].templateText`];
      expect(description).toMatch(/^[A-Z]/);
      expect(description.length).toBeLessThanOrEqual(128);
      expect(template.length).toBeLessThanOrEqual(128);
      expect(template.match(/\{[^{}]+\}/g)).toEqual(entry.templateText.match(/\{[^{}]+\}/g));
    });
    expect(english['activities.activityTypes[0].templateText']).toBe(
      '{actor} assigned you the follow-up task {taskTitle}',
    );
    // The schema allows exactly these keys: a misspelt one fails.
    expect(validateLocalization({ ...english, 'activities.activityTypes[0].title': 'x' })).toBe(false);
    expect(
      validateLocalization({ ...english, 'activities.activityTypes[0].templateText': `{actor} ${'x'.repeat(121)}` }),
    ).toBe(false);
  });

  it('leaves webApplicationInfo as SPFx needs it (SharePoint, not an app of ours: see docs/teams-delivery.md)', () => {
    expect(manifest.webApplicationInfo).toEqual({
      id: '00000003-0000-0ff1-ce00-000000000000',
      resource: 'https://{teamSiteDomain}',
    });
  });

  it('is what scripts/teams-package.mjs puts in the Teams app zip', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'mpk-teams-activities-'));
    try {
      const out = join(folder, 'TeamsSPFxApp.zip');
      const result = spawnSync(process.execPath, [join(ROOT, 'scripts', 'teams-package.mjs'), '--out', out], {
        cwd: ROOT,
        encoding: 'utf8',
      });
      expect(result.stderr).toBe('');
      expect(result.status).toBe(0);
      const zip = await JSZip.loadAsync(readFileSync(out));
      const zipped = JSON.parse(await zip.file('manifest.json')!.async('string')) as IManifest;
      expect(zipped.activities).toEqual(manifest.activities);
      const zippedEnglish = JSON.parse(await zip.file('en-us.json')!.async('string')) as Record<string, string>;
      expect(zippedEnglish['activities.activityTypes[8].templateText']).toBe(
        english['activities.activityTypes[8].templateText'],
      );
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });

  it('is refused by scripts/teams-package.mjs when a type is declared twice or a translation loses a placeholder', () => {
    const folder = mkdtempSync(join(tmpdir(), 'mpk-teams-activities-'));
    try {
      const broken = join(folder, 'appPackage');
      cpSync(APP_PACKAGE, broken, { recursive: true });
      const changed = structuredClone(manifest);
      changed.activities.activityTypes.push({ ...changed.activities.activityTypes[0] });
      writeFileSync(join(broken, 'manifest.json'), JSON.stringify(changed, null, 2));
      writeFileSync(
        join(broken, 'en-us.json'),
        JSON.stringify({
          ...english,
          'activities.activityTypes[1].templateText': '{actor} approved your story',
          'activities.activityTypes[40].description': 'Nothing',
        }),
      );
      const out = join(folder, 'out.zip');
      const result = spawnSync(
        process.execPath,
        [join(ROOT, 'scripts', 'teams-package.mjs'), '--app-package', broken, '--out', out],
        { cwd: ROOT, encoding: 'utf8' },
      );
      expect(result.status).toBe(1);
      expect(result.stderr).toMatch(/activities\.activityTypes: type "taskAssigned" is declared more than once/);
      expect(result.stderr).toMatch(
        /activities\.activityTypes\[1\]\.templateText uses the placeholders \{actor\}, the manifest's template \{actor\} \{storyTitle\}/,
      );
      expect(result.stderr).toMatch(
        /activities\.activityTypes\[40\]\.description names an activity type the manifest does not have/,
      );
      expect(existsSync(out)).toBe(false);
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });
});

describe('the SharePoint solution asks for the delegated Graph permissions Teams delivery uses, and no more', () => {
  interface IPermissionRequest {
    resource: string;
    scope: string;
    appId?: string;
    replyUrl?: string;
  }
  const config = readJson<{ solution: { webApiPermissionRequests: IPermissionRequest[] } }>(
    join(ROOT, 'config', 'package-solution.json'),
  );
  const requests = config.solution.webApiPermissionRequests;

  it('validates against the package-solution schema of the SPFx toolchain', () => {
    const schema = readJson<object>(PACKAGE_SOLUTION_SCHEMA);
    // No $schema in that file: Ajv's default dialect (draft-07) reads it.
    const ajv = new Ajv({ allErrors: true, strict: false });
    addFormats(ajv);
    const validate = ajv.compile(schema);
    expect(validate(config)).toBe(true);
    expect(validate({ solution: { ...config.solution, webApiPermissionRequests: [{ scope: 'x' }] } })).toBe(false);
  });

  it('requests exactly the seven Microsoft Graph scopes, each once', () => {
    expect(requests).toEqual(GRAPH_SCOPES.map((scope) => ({ resource: 'Microsoft Graph', scope })));
  });

  it('has no write-everything scope and names no other application', () => {
    // webApiPermissionRequests are always delegated (the signed-in user's rights, through SharePoint's
    // shared principal); an appId would ask for another Entra application's API.
    for (const request of requests) {
      expect(request.appId).toBeUndefined();
      expect(request.replyUrl).toBeUndefined();
      // The one write scope is the app folder's: it reaches only the signed-in person's own OneDrive app folder.
      if (request.scope === 'Files.ReadWrite.AppFolder') continue;
      expect(request.scope).not.toMatch(/Write|ReadWrite|Manage|FullControl|AppOnly/i);
      if (request.scope.endsWith('.All')) expect(request.scope).toBe('User.ReadBasic.All');
    }
  });
});
