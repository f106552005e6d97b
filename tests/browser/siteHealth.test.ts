/** @jest-environment node */
/**
 * The site health check in the browser: after someone with Manage Lists loosened the lists' security
 * (read access on "MPK Refleksioner", content approval on "MPK Historier", own permissions on "MPK
 * Planer"), the site owner sees a notice with one extra request, opens the panel (no axe violation,
 * dark theme screenshot in docs/screenshots), chooses "Ret indstillingerne" and sees the result; the
 * site follows the schema again. A leader sees nothing and sends one request.
 */
import type { Browser, Locator, Page } from 'playwright-core';
import type { LocalSharePoint } from '../../localsp/server';
import { axeScan, launchChromium, saveDocScreenshot } from './browser';
import { openPreview, requestsSince, resetRequests, startPreview } from './harness';

jest.setTimeout(300_000);

const ADMIN = 'admin@mpk.local';
const LEADER = 'leder@mpk.local';
const NOTICE = 'Sikkerhedsindstillinger afviger fra planen';

function part(page: Page): Locator {
  return page.locator('main');
}

async function rest(
  server: LocalSharePoint,
  path: string,
  init: { method?: string; headers?: Record<string, string>; body?: string } = {},
): Promise<Response> {
  return fetch(`${server.siteUrl}/${path}`, {
    method: init.method ?? 'GET',
    headers: { Authorization: `Bearer ${ADMIN}`, Accept: 'application/json', ...(init.headers ?? {}) },
    body: init.body,
  });
}

async function mergeList(server: LocalSharePoint, title: string, body: Record<string, unknown>): Promise<void> {
  const response = await rest(server, `_api/web/lists/getByTitle('${encodeURIComponent(title)}')`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json;odata=nometadata', 'X-HTTP-Method': 'MERGE', 'IF-MATCH': '*' },
    body: JSON.stringify(body),
  });
  expect(response.status).toBe(204);
}

async function listSettings(
  server: LocalSharePoint,
): Promise<Map<string, { ReadSecurity: number; EnableModeration: boolean; HasUniqueRoleAssignments: boolean }>> {
  const response = await rest(
    server,
    '_api/web/lists?$select=Title,ReadSecurity,EnableModeration,HasUniqueRoleAssignments',
  );
  const json = (await response.json()) as {
    value: { Title: string; ReadSecurity: number; EnableModeration: boolean; HasUniqueRoleAssignments: boolean }[];
  };
  return new Map(json.value.map((l) => [l.Title, l]));
}

describe('the site health check in the browser', () => {
  let server: LocalSharePoint;
  let browser: Browser;

  beforeAll(async () => {
    server = await startPreview();
    browser = await launchChromium();
    await mergeList(server, 'MPK Refleksioner', { ReadSecurity: 1 });
    await mergeList(server, 'MPK Historier', { EnableModeration: false });
    const broken = await rest(
      server,
      `_api/web/lists/getByTitle('MPK%20Planer')/breakroleinheritance(copyRoleAssignments=true,clearSubscopes=false)`,
      { method: 'POST' },
    );
    expect(broken.status).toBe(200);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('shows a leader nothing, for one request', async () => {
    await resetRequests(server);
    const page = await openPreview(browser, server, { part: 'ambitions', user: LEADER });
    await part(page).getByRole('tab', { name: 'Hverdagshistorier', exact: true }).waitFor({ timeout: 60_000 });
    await page.waitForTimeout(1000);
    expect(await part(page).getByText(NOTICE).count()).toBe(0);
    const data = (await requestsSince(server))
      .map((r) => `${r.method} ${r.path.replace(/\?.*$/, '')}`)
      .filter((r) => r.indexOf('/_api/') >= 0 && !/contextinfo/.test(r));
    expect(data).toEqual(['POST /sites/mpk/_api/$batch']);
    await page.context().close();
  });

  it('shows the owner what differs (one extra request, no axe violation, dark theme) and repairs it', async () => {
    await resetRequests(server);
    const page = await openPreview(browser, server, { part: 'ambitions', user: ADMIN, theme: 'dark' });
    const notice = part(page).getByText(NOTICE);
    await notice.waitFor({ timeout: 60_000 });
    expect(
      await part(page)
        .getByText(/3 indstillinger på listerne er ændret/)
        .count(),
    ).toBe(1);
    const data = (await requestsSince(server))
      .map((r) => `${r.method} ${r.path.replace(/\?.*$/, '')}`)
      .filter((r) => r.indexOf('/_api/') >= 0 && !/contextinfo/.test(r));
    expect(data).toEqual(['POST /sites/mpk/_api/$batch', 'POST /sites/mpk/_api/$batch']);

    await part(page).getByRole('button', { name: 'Vis hvad der afviger' }).click();
    const panel = part(page).getByRole('region', { name: 'Det afviger fra planen' });
    await panel.waitFor();
    expect(await panel.getByRole('listitem').count()).toBe(3);
    expect(await panel.getByText('Alle kan se andres egne noter.').count()).toBe(1);
    expect(await axeScan(page, 'main')).toEqual([]);
    // The notice and its panel (the section's parent).
    const region = panel.locator('xpath=..');
    await saveDocScreenshot(region, 'siteHealth-owner-dark');

    await part(page).getByRole('button', { name: 'Ret indstillingerne' }).click();
    await part(page).getByText('Indstillingerne er rettet').waitFor({ timeout: 60_000 });
    expect(await axeScan(page, 'main')).toEqual([]);
    await saveDocScreenshot(
      part(page).getByRole('status').filter({ hasText: 'Indstillingerne er rettet' }),
      'siteHealth-repaired-dark',
    );

    const lists = await listSettings(server);
    expect(lists.get('MPK Refleksioner')?.ReadSecurity).toBe(2);
    expect(lists.get('MPK Historier')?.EnableModeration).toBe(true);
    expect(lists.get('MPK Planer')?.HasUniqueRoleAssignments).toBe(false);

    // A new page: nothing to report any more.
    await page.reload();
    await part(page).getByRole('tab', { name: 'Hverdagshistorier', exact: true }).waitFor({ timeout: 60_000 });
    await page.waitForTimeout(1000);
    expect(await part(page).getByText(NOTICE).count()).toBe(0);
    await page.context().close();
  });
});
