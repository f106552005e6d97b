/**
 * What the local Graph knows about the product's Teams app and its admin consent, read once at start:
 * the activity types from `teamsapp/appPackage/manifest.json` (`activities.activityTypes`; none while the
 * manifest declares none) and the approved Graph scopes from `config/package-solution.json`
 * (`webApiPermissionRequests` for "Microsoft Graph").
 */
import * as fs from 'fs';
import * as path from 'path';
import { createHash } from 'crypto';

const ROOT = path.resolve(__dirname, '..');

/** Default paths in the repository. */
export const DEFAULT_MANIFEST_PATH = path.join(ROOT, 'teamsapp/appPackage/manifest.json');
const PACKAGE_SOLUTION_PATH = path.join(ROOT, 'config/package-solution.json');

/**
 * The caller's Entra app id as Graph sees SPFx code: "SharePoint Online Web Client Extensibility"
 * (reference §1.5), named in the 403 for a recipient without the app.
 */
export const SPFX_CALLER_APP_ID = '08e18876-6177-487e-b8b5-cf950c1e598c';

/** An activity type declared in the manifest. */
export interface ActivityType {
  type: string;
  description: string;
  templateText: string;
}

/** The Teams app as the local Graph uses it. */
export interface AppInfo {
  /** Manifest `id` (the installed app's `teamsApp.externalId`). */
  externalId: string;
  /** The org catalog id (differs from the manifest id, as for org apps; deterministic here). */
  catalogId: string;
  displayName: string;
  version: string;
  /** `webApplicationInfo.id`. */
  azureADAppId: string | null;
  activityTypes: ActivityType[];
}

interface ManifestLike {
  id?: string;
  version?: string;
  name?: { short?: string };
  webApplicationInfo?: { id?: string };
  activities?: { activityTypes?: ActivityType[] };
}

/** Reads the app from a manifest file (a missing file or `activities` means no declared types). */
export function readApp(manifestPath: string = DEFAULT_MANIFEST_PATH): AppInfo {
  const m: ManifestLike = fs.existsSync(manifestPath)
    ? (JSON.parse(fs.readFileSync(manifestPath, 'utf8')) as ManifestLike)
    : {};
  return appFrom(m.id ?? '82f2fa80-81e3-49bd-bf82-be796e0da454', m.activities?.activityTypes ?? [], m);
}

/** The app with the given activity types (tests that need no manifest file). */
export function appFrom(externalId: string, activityTypes: readonly ActivityType[], m: ManifestLike = {}): AppInfo {
  const h = createHash('sha1').update(`mpk-local-app:${externalId}`).digest('hex');
  return {
    externalId,
    catalogId: `${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`,
    displayName: m.name?.short ?? 'Mod på kerneopgaven',
    version: m.version ?? '1.0.0',
    azureADAppId: m.webApplicationInfo?.id ?? null,
    activityTypes: activityTypes.map((t) => ({ ...t })),
  };
}

/** The Graph scopes the solution requests: what the tenant administrator approves (none when it requests none). */
export function defaultConsent(packageSolutionPath: string = PACKAGE_SOLUTION_PATH): string[] {
  if (!fs.existsSync(packageSolutionPath)) return [];
  const ps = JSON.parse(fs.readFileSync(packageSolutionPath, 'utf8')) as {
    solution?: { webApiPermissionRequests?: { resource?: string; scope?: string }[] };
  };
  const scopes = (ps.solution?.webApiPermissionRequests ?? [])
    .filter((r) => r.resource === 'Microsoft Graph' && typeof r.scope === 'string')
    .map((r) => r.scope as string);
  return scopes;
}
