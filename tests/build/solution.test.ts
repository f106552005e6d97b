/** @jest-environment node */
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import JSZip from 'jszip';
import * as path from 'path';
import { ACTIVITY_TYPES } from '../../src/domain/activityTypes';
import { GRAPH_SCOPES } from './graphScopes';

// The real Microsoft toolchain, end to end: clean, bundle --ship, Teams package, package-solution --ship.
// Slow (about a minute on two cores), so it runs once and every test reads its output.
const root = path.resolve(__dirname, '../..');
const sppkgPath = path.join(root, 'sharepoint/solution/mod-paa-kerneopgaven.sppkg');

function readManifest(folder: string, file: string): { id: string; supportedHosts: string[] } {
  return JSON.parse(fs.readFileSync(path.join(root, 'src/webparts', folder, file), 'utf8'));
}

const WEB_PARTS = {
  ambitions: readManifest('ambitions', 'AmbitionsWebPart.manifest.json'),
  plan: readManifest('plan', 'PlanWebPart.manifest.json'),
  followUp: readManifest('followUp', 'FollowUpWebPart.manifest.json'),
};

describe('npm run build', () => {
  let zip: JSZip;
  let names: string[];

  beforeAll(
    async () => {
      execFileSync('npm', ['run', 'build'], { cwd: root, stdio: 'pipe', timeout: 8 * 60 * 1000 });
      zip = await JSZip.loadAsync(fs.readFileSync(sppkgPath));
      names = Object.keys(zip.files);
    },
    10 * 60 * 1000,
  );

  it('produces a solution package named "Mod på kerneopgaven", version 1.0.0.0, deployable to all sites', async () => {
    const manifest = await zip.file('AppManifest.xml')!.async('string');
    expect(manifest).toContain('Name="Mod på kerneopgaven"');
    expect(manifest).toContain('ProductID="d669e46e-d523-4ea5-8c6b-01cf0ca157c5"');
    expect(manifest).toContain('Version="1.0.0.0"');
    expect(manifest).toContain('SkipFeatureDeployment="true"');
  });

  it('carries the three web part manifests', () => {
    for (const part of Object.values(WEB_PARTS)) {
      expect(names.some((n) => n.endsWith(`WebPart_${part.id}.xml`))).toBe(true);
    }
  });

  it('carries the Danish and English strings', () => {
    expect(names.some((n) => /ClientSideAssets\/MpkStrings_da-dk_[0-9a-f]+\.js$/.test(n))).toBe(true);
    expect(names.some((n) => /ClientSideAssets\/MpkStrings_en-us_[0-9a-f]+\.js$/.test(n))).toBe(true);
  });

  it('carries the Teams app package, so the app catalog can sync it to Teams', async () => {
    const teamsZipName = names.find((n) => n.endsWith('TeamsSPFxApp.zip'));
    expect(teamsZipName).toBeDefined();
    const teamsZip = await JSZip.loadAsync(await zip.file(teamsZipName!)!.async('uint8array'));
    expect(Object.keys(teamsZip.files)).toEqual(expect.arrayContaining(['manifest.json', 'color.png', 'outline.png']));
    const teamsManifest = JSON.parse(await teamsZip.file('manifest.json')!.async('string')) as {
      activities: { activityTypes: { type: string }[] };
    };
    expect(teamsManifest.activities.activityTypes.map((t) => t.type)).toEqual(ACTIVITY_TYPES.map((t) => t.type));
  });

  it('asks the tenant admin for exactly the delegated Microsoft Graph scopes Teams delivery uses', async () => {
    const manifest = await zip.file('AppManifest.xml')!.async('string');
    const block = /<WebApiPermissionRequests>([\s\S]*?)<\/WebApiPermissionRequests>/.exec(manifest)?.[1] ?? '';
    const requests = Array.from(block.matchAll(/<WebApiPermissionRequest\b([^>]*)\/?>/g), ([, attributes]) =>
      Object.fromEntries(Array.from(attributes.matchAll(/(\w+)="([^"]*)"/g), ([, name, value]) => [name, value])),
    );
    expect(requests).toEqual(GRAPH_SCOPES.map((scope) => ({ ResourceId: 'Microsoft Graph', Scope: scope })));
    // Nothing else in the package asks for more (no second block, no AppId of another application).
    expect(manifest.match(/<WebApiPermissionRequest\b/g)).toHaveLength(GRAPH_SCOPES.length);
  });

  it('declares the hosts each web part supports', () => {
    expect(WEB_PARTS.plan.supportedHosts).toEqual(
      expect.arrayContaining(['SharePointWebPart', 'TeamsTab', 'SharePointFullPage']),
    );
    expect(WEB_PARTS.followUp.supportedHosts).toEqual(
      expect.arrayContaining(['SharePointWebPart', 'TeamsPersonalApp', 'SharePointFullPage']),
    );
  });

  it('ships only the current bundles (gulp clean ran first)', () => {
    const bundles = names.filter((n) => /ClientSideAssets\/[a-z-]+-web-part_[0-9a-f]+\.js$/.test(n));
    expect(bundles).toHaveLength(3);
    expect(names.filter((n) => /ClientSideAssets\/mine-opgaver-card_[0-9a-f]+\.js$/.test(n))).toHaveLength(1);
  });

  it('carries the Viva Connections card "Mine opgaver": its manifest for the dashboard, its bundle and strings', async () => {
    const card = JSON.parse(
      fs.readFileSync(
        path.join(root, 'src/adaptiveCardExtensions/mineOpgaver/MineOpgaverAdaptiveCardExtension.manifest.json'),
        'utf8',
      ),
    ) as { id: string; componentType: string; supportedHosts: string[] };
    expect(card).toMatchObject({ componentType: 'AdaptiveCardExtension', supportedHosts: ['Dashboard'] });
    const feature = names.find((n) => n.endsWith(`AdaptiveCardExtension_${card.id}.xml`));
    expect(feature).toBeDefined();
    const xml = await zip.file(feature!)!.async('string');
    // The component manifest inside the feature: an ACE, loading SharePoint's ACE runtime and its own strings.
    expect(xml).toContain('&quot;componentType&quot;:&quot;AdaptiveCardExtension&quot;');
    expect(xml).toContain('eeec822e-c28a-46b4-affc-7058e4c1aa80');
    expect(xml).toContain('MpkCardStrings');
    expect(names.some((n) => /ClientSideAssets\/MpkCardStrings_da-dk_[0-9a-f]+\.js$/.test(n))).toBe(true);
    expect(names.some((n) => /ClientSideAssets\/MpkCardStrings_en-us_[0-9a-f]+\.js$/.test(n))).toBe(true);
    // No Microsoft Graph from the card (reference teams-graph.md §3.5): it reads SharePoint only.
    const bundle = names.find((n) => /ClientSideAssets\/mine-opgaver-card_[0-9a-f]+\.js$/.test(n))!;
    const code = await zip.file(bundle)!.async('string');
    expect(code).not.toContain('graph.microsoft.com');
    expect(code).toContain('_api/$batch');
  });
});
