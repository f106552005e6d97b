/**
 * Chromium with a script trap, on the preview page (the real web parts against a local SharePoint):
 * `window.__pwned` counts any payload that runs, `alert`/`confirm`/`prompt` and dialogs are caught,
 * uncaught page errors are collected. Also plants hostile items straight into the lists, past the
 * data layer's validation and sanitiser, as someone with the REST API could. Used by
 * `browser.test.ts` and the soak.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { createLocalServices } from '../../localsp/client';
import type { LocalSharePoint } from '../../localsp/server';
import type { IMpkServices } from '../../src/data/repositories/types';
import { listTitle } from '../../src/data/schema/lists';
import type { ListKey } from '../../src/data/schema/types';
import { newClientKey } from '../../src/domain/clientKey';
import { toIsoDate } from '../../src/domain/dates';
import { previewUrl } from '../browser/harness';
import type { IPreviewState } from '../../preview/previewState';
import { corpusOf } from './corpus';

/** What a payload does when it runs. */
export const PWN = 'window.__pwned=(window.__pwned||0)+1';
/** Every corpus payload that would run script, as one HTML string. */
export const ALL_PAYLOADS = corpusOf('script')
  .map((e) => e.value)
  .join('\n');
/** A title that runs script if it is ever rendered as HTML (and has a quote in it). */
export const HOSTILE_TITLE = `<img src=x onerror="${PWN}"> O'Brien`;

/** An open page and what the trap caught. */
export interface IOpened {
  page: Page;
  context: BrowserContext;
  dialogs: string[];
  pageErrors: string[];
}

/** The services of an account on the preview's site. */
export async function servicesAs(server: LocalSharePoint, email: string): Promise<IMpkServices> {
  return createLocalServices(server.siteUrl, email);
}

/** Writes items through `/_local/lists/<title>/bulk` (validated like REST adds, nothing more). */
export async function bulk(
  server: LocalSharePoint,
  list: ListKey,
  author: string,
  items: Record<string, unknown>[],
): Promise<void> {
  const response = await fetch(`${server.url}/_local/lists/${encodeURIComponent(listTitle(list))}/bulk`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ items: items.map((i) => ({ ClientKey: newClientKey(), ...i })), author }),
  });
  if (!response.ok) throw new Error(`bulk ${list}: ${response.status} ${await response.text()}`);
}

/** Rows of a list as the site owner reads them. */
export async function ownerRows(
  server: LocalSharePoint,
  list: ListKey,
  select: string,
): Promise<Record<string, unknown>[]> {
  const response = await fetch(
    `${server.siteUrl}/_api/web/lists/getByTitle('${encodeURIComponent(listTitle(list))}')/items?$select=${select}&$top=5000`,
    {
      headers: { Accept: 'application/json', Authorization: 'Bearer admin@mpk.local' },
    },
  );
  return ((await response.json()) as { value: Record<string, unknown>[] }).value;
}

/**
 * Plants a hostile story, initiative (with a script link), check-in, comment and task in the unit
 * "Læring og Trivsel" of the demo, and returns that unit's id.
 */
export async function plantHostileItems(server: LocalSharePoint): Promise<number> {
  const admin = await servicesAs(server, 'admin@mpk.local');
  const unitId = (await admin.units.list()).find((u) => u.key === 'laering-og-trivsel')?.id as number;
  const leder = await servicesAs(server, 'leder@mpk.local');
  const view = await leder.views.loadPlanView({ unitId, userId: leder.user.id });
  const planId = view.plan?.id as number;
  const initiativeId = view.initiatives[0].id as number;
  await bulk(server, 'stories', 'medarbejder@mpk.local', [
    {
      OData__ModerationStatus: 0,
      Title: HOSTILE_TITLE,
      Body: ALL_PAYLOADS,
      StoryKind: 'success',
      AmbitionKey: 'mod-og-stolthed',
      UnitId: unitId,
    },
  ]);
  await bulk(server, 'initiatives', 'leder@mpk.local', [
    {
      PlanId: planId,
      UnitId: unitId,
      Title: HOSTILE_TITLE,
      Description: ALL_PAYLOADS,
      SuccessMeasure: `<script>${PWN}</script>`,
      AmbitionKey: 'mod-og-stolthed',
      InitiativeStatus: 'inProgress',
      LinkUrl: `JaVaScRiPt:${PWN}`,
    },
  ]);
  await bulk(server, 'checkIns', 'leder@mpk.local', [
    {
      InitiativeId: initiativeId,
      UnitId: unitId,
      Title: 'Status',
      Health: 'yellow',
      Progress: 50,
      CheckInDate: `${toIsoDate(new Date())}T12:00:00Z`,
      CheckInComment: ALL_PAYLOADS,
    },
  ]);
  await bulk(server, 'comments', 'medarbejder@mpk.local', [
    { InitiativeId: initiativeId, UnitId: unitId, Title: 'Kommentar', Body: ALL_PAYLOADS },
  ]);
  await bulk(server, 'tasks', 'chef@mpk.local', [
    {
      Title: HOSTILE_TITLE,
      Description: ALL_PAYLOADS,
      Meeting: `<svg onload="${PWN}">`,
      UnitId: unitId,
      AmbitionKey: 'mod-og-stolthed',
      AssigneeId: leder.user.id,
      TaskStatus: 'open',
      DueDate: '2026-01-05T12:00:00Z',
    },
  ]);
  return unitId;
}

/** Opens the preview with the trap installed before any of the page's own code runs. */
export async function openTrapped(
  browser: Browser,
  server: LocalSharePoint,
  state: Partial<IPreviewState>,
): Promise<IOpened> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'da-DK' });
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.url });
  await context.addInitScript(() => {
    const w = window as unknown as { __pwned: number; alert: () => void; confirm: () => boolean; prompt: () => null };
    w.__pwned = 0;
    w.alert = () => void (w.__pwned += 1);
    w.confirm = () => ((w.__pwned += 1), false);
    w.prompt = () => ((w.__pwned += 1), null);
  });
  const page = await context.newPage();
  const opened: IOpened = { page, context, dialogs: [], pageErrors: [] };
  page.on('dialog', (dialog) => {
    opened.dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  page.on('pageerror', (error) => opened.pageErrors.push(error.message));
  await page.goto(previewUrl(server, state));
  await page.waitForSelector('main h2', { timeout: 30_000 });
  return opened;
}

/** How often the trap went off on a page. */
export function pwned(page: Page): Promise<number> {
  return page.evaluate(() => (window as unknown as { __pwned: number }).__pwned);
}

/** What ran, broke or is active in the page: empty when the page is inert. */
export async function inertProblems(opened: IOpened): Promise<string[]> {
  const { page } = opened;
  await page.waitForTimeout(300);
  const problems: string[] = [];
  const count = await pwned(page);
  if (count !== 0) problems.push(`script ran ${count} time(s)`);
  for (const message of opened.dialogs) problems.push(`dialog: ${message}`);
  for (const message of opened.pageErrors) problems.push(`page error: ${message}`);
  const active = await page.evaluate(() => {
    const found: string[] = [];
    for (const element of Array.from(document.querySelectorAll('main *'))) {
      const tag = element.tagName.toLowerCase();
      if (['script', 'iframe', 'object', 'embed', 'base', 'meta'].indexOf(tag) >= 0) found.push(`<${tag}>`);
      for (const attribute of Array.from(element.attributes)) {
        if (/^on/i.test(attribute.name)) found.push(`${tag}[${attribute.name}]`);
        if (
          /^(href|src|action|formaction|data|srcdoc)$/i.test(attribute.name) &&
          /^\s*(javascript|data|vbscript):/i.test(attribute.value)
        )
          found.push(`${tag}[${attribute.name}=${attribute.value.slice(0, 30)}]`);
      }
    }
    return found;
  });
  for (const item of active) problems.push(`active content in the page: ${item}`);
  return problems;
}
