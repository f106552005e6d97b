import * as fs from 'fs';
import type { IncomingMessage, ServerResponse } from 'http';
import * as path from 'path';
import { createLocalServices, createLocalSp } from '../localsp/client';
import { seedDemo } from '../localsp/demo/seedDemo';
import { startLocalSharePoint, type LocalSharePoint, type SiteHandle } from '../localsp/server';
import { buildPreview } from './build';
import { registerTeams, type GraphTeamInput } from '../localgraph/client';
import type { IUnitItem } from '../src/data/repositories/types';
import { previewChannelId, previewTeamId, type IPreviewPageContext, type IPreviewUser } from './pageContext';

const root = path.resolve(__dirname, '..');
const ADMIN = 'admin@mpk.local';
const CHEF = 'chef@mpk.local';

/** Options of {@link startPreviewServer}. */
export interface IPreviewServerOptions {
  /** 0 picks a free port. @default 4321 */
  port?: number;
  dataDir?: string;
  /** @default 'demo' */
  seed?: 'demo' | 'empty';
  quiet?: boolean;
  /** Skip bundling when a test run already did it. @default false */
  skipBuild?: boolean;
  /** Bundle React and Fluent in production mode (the benchmark's timings). @default false */
  production?: boolean;
}

/**
 * The demo content for the preview: the product's own demo seed (through provisioning and the
 * repositories), every unit mapped to a Teams channel the preview can pretend to be
 * (`&unit=<id>&host=teams-channel`) and to a demo team, and those teams registered in the local Graph
 * (members: the unit's leaders, the chef and the admin).
 */
async function seedPreview(site: SiteHandle): Promise<void> {
  await seedDemo(site.siteUrl);
  await mapPreviewTeams(site);
}

/**
 * Maps every unit to a channel and its demo team and registers the teams in the local Graph (idempotent; also
 * run at start when a data folder seeded before the local Graph existed has no teams there).
 */
async function mapPreviewTeams(site: Pick<SiteHandle, 'url' | 'siteUrl'>): Promise<void> {
  const admin = await createLocalServices(site.siteUrl, ADMIN);
  const units: IUnitItem[] = [];
  for (const unit of await admin.units.list()) {
    if (unit.id === undefined) continue;
    const mapped = {
      ...unit,
      teamsChannelId: unit.teamsChannelId || previewChannelId(unit.id),
      teamsChannelName: unit.teamsChannelName || `Ledergruppen – ${unit.name}`,
      // Always the preview's id, so the fake Teams context of `&unit=<id>` names the team the Graph knows.
      teamsTeamId: previewTeamId(unit.id),
    };
    const changed = ['teamsChannelId', 'teamsChannelName', 'teamsTeamId'].some(
      (k) => mapped[k as keyof IUnitItem] !== unit[k as keyof IUnitItem],
    );
    units.push(changed ? await admin.units.update(unit, mapped) : unit);
  }
  await registerTeams(site.url, await demoTeams(site, units));
}

/** One team per unit: "Ledergruppen – <unit>", its channel, the unit's leaders plus the chef and the admin. */
async function demoTeams(site: Pick<SiteHandle, 'siteUrl'>, units: readonly IUnitItem[]): Promise<GraphTeamInput[]> {
  const people = await createLocalSp(site.siteUrl, ADMIN).web.siteUsers.select('Id', 'Email')();
  const emailOf = new Map(people.map((u: { Id: number; Email?: string }) => [u.Id, (u.Email ?? '').toLowerCase()]));
  return units.map((unit) => ({
    id: unit.teamsTeamId as string,
    displayName: `Ledergruppen – ${unit.name}`,
    members: [...new Set([...unit.leaderIds.map((id) => emailOf.get(id) ?? ''), CHEF, ADMIN])].filter((e) => e !== ''),
    channels: [
      { id: unit.teamsChannelId as string, displayName: unit.teamsChannelName ?? `Ledergruppen – ${unit.name}` },
    ],
  }));
}

async function graphTeamCount(origin: string): Promise<number> {
  const res = await fetch(`${origin}/_local/graph/teams`);
  return ((await res.json()) as { teams: unknown[] }).teams.length;
}

/**
 * Where "Nyt til dig" and the Teams messages link to on "SharePoint": the preview's own page per web part
 * (setting `pageUrls`, as a site owner sets it to the intranet pages), written at every start because the
 * port may differ from the last run. Skipped on a site not provisioned yet.
 */
async function setPreviewPages(server: LocalSharePoint): Promise<void> {
  const value = JSON.stringify({
    ambitions: `${server.url}/?part=ambitions`,
    plan: `${server.url}/?part=plan`,
    followUp: `${server.url}/?part=followup`,
  });
  const settings = createLocalSp(server.siteUrl, ADMIN).web.lists.getByTitle('MPK Indstillinger');
  try {
    const [row] = await settings.items.filter("ClientKey eq 'pageUrls'").select('Id', 'SettingValue').top(1)();
    if (!row) await settings.items.add({ Title: 'pageUrls', ClientKey: 'pageUrls', SettingValue: value });
    else if (row.SettingValue !== value) await settings.items.getById(row.Id).update({ SettingValue: value });
  } catch {
    // An empty site (MPK_SEED=empty) has no settings list until "Klargør site".
  }
}

/** The page context for every site user, read once at start (SharePoint renders it into each page). */
async function readPageContext(server: LocalSharePoint): Promise<IPreviewPageContext> {
  const sp = createLocalSp(server.siteUrl, ADMIN);
  const users = await sp.web.siteUsers.select('Id', 'Email', 'Title')();
  const list: IPreviewUser[] = users
    .filter((u: { Email?: string }) => !!u.Email)
    .map((u: { Id: number; Email: string; Title: string }) => ({
      id: u.Id,
      email: u.Email.toLowerCase(),
      title: u.Title,
    }));
  const info = await fetch(`${server.siteUrl}/_api/contextinfo`, {
    method: 'POST',
    headers: { Accept: 'application/json', Authorization: `Bearer ${ADMIN}` },
  });
  const { FormDigestValue } = (await info.json()) as { FormDigestValue: string };
  return { siteUrl: server.siteUrl, formDigestValue: FormDigestValue, users: list };
}

/** What the preview page answers until the demo data is in place (a few seconds after `npm start`). */
const STARTING_PAGE = `<!doctype html>
<html lang="da"><head><meta charset="utf-8"><meta http-equiv="refresh" content="2"><title>Mod på kerneopgaven – starter …</title>
<style>body{font-family:"Segoe UI",system-ui,sans-serif;margin:3rem;color:#242424;background:#fff}@media (prefers-color-scheme:dark){body{color:#fff;background:#1f1f1f}}</style>
</head><body><h1>Mod på kerneopgaven starter …</h1><p role="status">Den lokale SharePoint lægger demodata ind. Siden opdaterer sig selv om et øjeblik.</p></body></html>`;

/** Serves the preview page (with the page context SharePoint would render in) and its bundle; "starter …" until seeded. */
export function previewHandler(getContext: () => IPreviewPageContext | undefined) {
  return (req: IncomingMessage, res: ServerResponse): boolean => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return false;
    const pathname = new URL(req.url ?? '/', 'http://localhost').pathname;
    let body: Buffer;
    let type: string;
    if (pathname === '/' || pathname === '/index.html') {
      const context = getContext();
      if (!context) {
        // The local SharePoint answers while the demo data is still being seeded: say so, and look again shortly.
        const starting = Buffer.from(STARTING_PAGE, 'utf8');
        res.writeHead(503, {
          'Content-Type': 'text/html; charset=utf-8',
          'Content-Length': starting.length,
          'Cache-Control': 'no-store',
          'Retry-After': '2',
        });
        res.end(req.method === 'HEAD' ? undefined : starting);
        return true;
      }
      const html = fs
        .readFileSync(path.join(root, 'preview/index.html'), 'utf8')
        .replace(
          '<!--MPK_CONTEXT-->',
          `<script>window.__MPK_CONTEXT__ = ${JSON.stringify(context).replace(/</g, '\\u003c')};</script>`,
        );
      body = Buffer.from(html, 'utf8');
      type = 'text/html; charset=utf-8';
    } else if (pathname === '/preview/preview.js' || pathname === '/preview/preview.js.map') {
      body = fs.readFileSync(path.join(root, 'preview/dist', path.basename(pathname)));
      type = pathname.endsWith('.js') ? 'text/javascript; charset=utf-8' : 'application/json';
    } else if (pathname === '/favicon.ico') {
      body = fs.readFileSync(path.join(root, 'teamsapp/appPackage/color.png'));
      type = 'image/png';
    } else {
      return false;
    }
    res.writeHead(200, { 'Content-Type': type, 'Content-Length': body.length, 'Cache-Control': 'no-store' });
    res.end(req.method === 'HEAD' ? undefined : body);
    return true;
  };
}

/** The local SharePoint plus the preview page on one port: what `npm start` and the browser tests run. */
export async function startPreviewServer(options: IPreviewServerOptions = {}): Promise<LocalSharePoint> {
  if (!options.skipBuild) await buildPreview({ production: options.production });
  // Filled in once the server answers; until then the page is not served.
  const page: { context?: IPreviewPageContext } = {};
  const server = await startLocalSharePoint({
    port: options.port ?? 4321,
    dataDir: options.dataDir,
    seed: options.seed === 'empty' ? 'empty' : seedPreview,
    quiet: options.quiet,
    staticHandler: previewHandler(() => page.context),
  });
  if (options.seed !== 'empty' && (await graphTeamCount(server.url)) === 0) await mapPreviewTeams(server);
  page.context = await readPageContext(server);
  await setPreviewPages(server);
  // Reading the page context is the preview's business, not a web part's first view.
  await fetch(`${server.url}/_local/requests/reset`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: '{}',
  });
  return server;
}
