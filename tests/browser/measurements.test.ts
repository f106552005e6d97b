/** @jest-environment node */
/**
 * Målinger, the chefgruppe's journey in the preview: Opfølgning → "Målinger" shows every unit's latest results →
 * "Indlæs målinger fra Excel" with a real .xlsx (one good row, a misspelt unit, a result only 3 answered) → the
 * mapping guessed from the header → the check in Danish ("Mente du …", the 5-respondent rule) with nothing written
 * → confirm → the tab and the leader's plan show the new result; the same file again writes nothing. axe-clean.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import type { Browser, Page } from 'playwright-core';
import writeExcelFile from 'write-excel-file/node';
import type { LocalSharePoint } from '../../localsp/server';
import { axeScan, launchChromium, saveDocScreenshot, settleAnimations } from './browser';
import { previewUrl, requestsSince, resetRequests, startPreview } from './harness';

jest.setTimeout(300_000);

const CHEF = 'chef@mpk.local';
const LEADER = 'leder@mpk.local';

async function surveyFile(): Promise<string> {
  const rows = [
    ['Enhed', 'Periode', 'Måling', 'Værdi', 'Antal besvarelser'],
    ['Læring og Trivsel', '2027', 'Trivselsmåling', '4,4', 50],
    ['Læring og Trival', '2027', 'APV', '4,0', 40],
    ['Stenhus Skole', '2027', 'Trivselsmåling', '4,2', 3],
  ];
  const buffer = await writeExcelFile(rows.map((row) => row.map((value) => ({ value }))) as never).toBuffer();
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'mpk-import-')), 'trivselsmaaling-2027.xlsx');
  fs.writeFileSync(file, buffer);
  return file;
}

async function openMeasurements(browser: Browser, server: LocalSharePoint): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'da-DK' });
  const page = await context.newPage();
  await page.goto(previewUrl(server, { part: 'followup', user: CHEF }));
  await page.getByRole('tab', { name: 'Målinger' }).click();
  await page.getByRole('table', { name: 'Målinger pr. enhed' }).waitFor({ timeout: 60_000 });
  return page;
}

/** The cell of a unit's row under an indicator's column. */
async function cellText(page: Page, unit: string, indicator: string): Promise<string> {
  const table = page.getByRole('table', { name: 'Målinger pr. enhed' });
  const headers = await table.getByRole('columnheader').allInnerTexts();
  const column = headers.findIndex((h) => h.trim() === indicator);
  const row = table.getByRole('row').filter({ has: page.getByRole('rowheader', { name: unit }) });
  return (
    await row
      .getByRole('cell')
      .nth(column - 1)
      .innerText()
  ).replace(/\s+/g, ' ');
}

async function importFile(page: Page, file: string): Promise<ReturnType<Page['getByRole']>> {
  await page.getByRole('button', { name: 'Indlæs målinger fra Excel' }).click();
  const dialog = page.getByRole('dialog', { name: 'Indlæs målinger fra Excel' });
  await dialog.getByLabel(/Excel-fil/).setInputFiles(file);
  await dialog.getByRole('heading', { name: 'Ark og kolonner' }).waitFor();
  await dialog.getByRole('button', { name: 'Næste' }).click();
  await dialog.getByRole('heading', { name: 'Tjek af filen' }).waitFor();
  return dialog;
}

describe('Målinger: import from Excel in the preview, then the tab and the plan', () => {
  let server: LocalSharePoint;
  let browser: Browser;
  let file: string;

  beforeAll(async () => {
    server = await startPreview();
    browser = await launchChromium();
    file = await surveyFile();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it("the chefgruppe sees every unit's latest results and the trend, axe-clean", async () => {
    const page = await openMeasurements(browser, server);
    expect(await cellText(page, 'Læring og Trivsel', 'Trivselsmåling')).toContain('4,1 point · 2026');
    expect(await axeScan(page, '[role="tabpanel"]')).toEqual([]);
    await saveDocScreenshot(page, 'measurements-tab');
    await page.context().close();
  });

  it('checks the file in Danish and writes nothing until confirmed; then the tab shows the new result', async () => {
    const page = await openMeasurements(browser, server);
    await resetRequests(server);
    const dialog = await importFile(page, file);
    await dialog.getByText(/1 resultat er klar til at blive indlæst/).waitFor();
    await dialog.getByText(/Mente du »Læring og Trivsel«\?/).waitFor();
    await dialog.getByText(/kun 3 har svaret/).waitFor();
    await settleAnimations(page);
    expect(await axeScan(page, '[role="dialog"]')).toEqual([]);
    await saveDocScreenshot(page, 'measurements-import-check');
    // Reading and checking the file wrote nothing.
    expect((await requestsSince(server)).filter((r) => r.method !== 'GET' && !/\$batch/.test(r.path))).toEqual([]);
    await dialog.getByRole('button', { name: 'Indlæs 1 resultat' }).click();
    await dialog.getByText('1 resultat er indlæst').waitFor({ timeout: 60_000 });
    await dialog.getByRole('button', { name: 'Luk' }).click();
    await page
      .getByText(/1 resultater er indlæst|1 resultat/)
      .first()
      .waitFor();
    await page.waitForFunction(() => document.body.innerText.includes('4,4 point · 2027'), undefined, {
      timeout: 60_000,
    });
    const cell = await cellText(page, 'Læring og Trivsel', 'Trivselsmåling');
    expect(cell).toContain('4,4 point · 2027');
    expect(cell).toContain('+0,3 siden 2026');
    await page.context().close();
  });

  it('the same file again writes nothing', async () => {
    const page = await openMeasurements(browser, server);
    const dialog = await importFile(page, file);
    await dialog.getByText(/0 resultater er klar til at blive indlæst · 1 er allerede indlæst/).waitFor();
    expect(await dialog.getByRole('button', { name: 'Indlæs 0 resultater' }).isDisabled()).toBe(true);
    await page.context().close();
  });

  it("the leader's plan shows the unit's new result under the ambition it informs", async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'da-DK' });
    const page = await context.newPage();
    await page.goto(previewUrl(server, { part: 'plan', user: LEADER, unit: '1' }));
    await page.getByRole('button', { name: 'Vis enhedens målinger for Mod og stolthed' }).click();
    const toggle = page.getByRole('button', { name: 'Skjul enhedens målinger for Mod og stolthed' });
    expect(await toggle.getAttribute('aria-expanded')).toBe('true');
    await page.getByText('4,4 point · 2027').waitFor({ timeout: 60_000 });
    expect(await axeScan(page, 'main')).toEqual([]);
    await saveDocScreenshot(page, 'measurements-plan');
    await context.close();
  });
});
