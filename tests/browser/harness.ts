import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import type { Browser, Page } from 'playwright-core';
import type { LocalSharePoint } from '../../localsp/server';
import { startPreviewServer } from '../../preview/server';
import { toSearch, type IPreviewState } from '../../preview/previewState';

/** A fresh local SharePoint with demo data and the preview page, on a free port and a temporary folder. */
export async function startPreview(options: { seed?: 'demo' | 'empty' } = {}): Promise<LocalSharePoint> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'mpk-preview-'));
  return startPreviewServer({ port: 0, dataDir, seed: options.seed ?? 'demo', quiet: true });
}

/** The REST requests the server saw since the last reset (a `$batch` counts as one). */
export async function requestsSince(
  server: LocalSharePoint,
): Promise<Array<{ method: string; path: string; status: number }>> {
  const res = await fetch(`${server.url}/_local/requests`);
  return (await res.json()) as Array<{ method: string; path: string; status: number }>;
}

/** Forgets the requests seen so far. */
export async function resetRequests(server: LocalSharePoint): Promise<void> {
  await fetch(`${server.url}/_local/requests/reset`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: '{}',
  });
}

/**
 * Opens the preview with the given state (`part`, `user`, `host`, `theme`, `locale`, `unit`, plus
 * any extra query parameters such as `subEntityId` or `mpkInitiative`) and waits until the part has
 * rendered its first heading.
 */
export async function openPreview(
  browser: Browser,
  server: LocalSharePoint,
  state: Partial<IPreviewState> & { extra?: Record<string, string>; viewport?: { width: number; height: number } } = {},
): Promise<Page> {
  const context = await browser.newContext({
    viewport: state.viewport ?? { width: 1280, height: 900 },
    locale: 'da-DK',
  });
  const page = await context.newPage();
  await page.goto(previewUrl(server, state));
  await page.waitForSelector('main h2', { timeout: 30000 });
  return page;
}

/** The URL of a preview state. */
export function previewUrl(
  server: LocalSharePoint,
  state: Partial<IPreviewState> & { extra?: Record<string, string> } = {},
): string {
  const search = toSearch({
    part: state.part ?? 'ambitions',
    user: state.user ?? 'medarbejder@mpk.local',
    host: state.host ?? 'sharepoint',
    theme: state.theme ?? 'light',
    locale: state.locale ?? 'da-DK',
    unit: state.unit,
  });
  const extra = new URLSearchParams(state.extra ?? {}).toString();
  return `${server.url}/${search}${extra ? `&${extra}` : ''}`;
}
