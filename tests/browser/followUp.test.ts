/** @jest-environment node */
/**
 * "Opfølgning" against the local SharePoint, through the preview page: the chefgruppe's first view
 * costs one request; the chef creates a task for a leader with a due date already passed and sees it
 * overdue with its week number; moves a card with the keyboard; exports the status report (a real
 * .xlsx, read back with read-excel-file) and prints it; the leader finds the task in "Mine opgaver"
 * (SharePoint and the Teams personal app) and closes it; an employee cannot create tasks. Zero axe
 * violations everywhere; screenshots in docs/screenshots.
 */
import * as fs from 'fs';
import type { Browser, Locator, Page } from 'playwright-core';
import readExcelFile from 'read-excel-file/node';
import { addDays, formatDate, today } from '../../src/domain/dates';
import { formatWeek } from '../../src/ui/shell/texts';
import { danish } from '../support/strings';
import type { IMpkServices } from '../../src/data/repositories/types';
import { createLocalServices } from '../../localsp/client';
import type { LocalSharePoint } from '../../localsp/server';
import type { IPreviewState } from '../../preview/previewState';
import { launchChromium, screenshot, saveDocScreenshot, expectNoAxeViolations } from './browser';
import { openPreview, requestsSince, resetRequests, startPreview } from './harness';

jest.setTimeout(300_000);

const CHEF = 'chef@mpk.local';
const LEADER = 'leder@mpk.local';
const EMPLOYEE = 'medarbejder@mpk.local';
const TITLE = 'Drøft trivselsmålingen med skolelederne';
const MEETING = 'Chefgruppemøde november (browsertest)';

/** The web part on the preview page (the preview's own toolbar is outside `main`). */
function part(page: Page): Locator {
  return page.locator('main');
}

/** Opens "Opfølgning" as a user and waits until the view has been read. */
async function open(
  browser: Browser,
  server: LocalSharePoint,
  user: string,
  state: Partial<IPreviewState> & { viewport?: { width: number; height: number } } = {},
): Promise<Page> {
  const page = await openPreview(browser, server, { part: 'followup', user, ...state });
  await part(page)
    .getByRole('heading', { name: /Mine opgaver|Nøgletal/ })
    .first()
    .waitFor({ timeout: 60_000 });
  return page;
}

async function servicesAs(server: LocalSharePoint, email: string): Promise<IMpkServices> {
  return createLocalServices(server.siteUrl, email);
}

describe('Opfølgning in the browser', () => {
  let server: LocalSharePoint;
  let browser: Browser;
  const due = addDays(today(new Date()), -3);

  beforeAll(async () => {
    server = await startPreview();
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('shows the chefgruppe the matrix with one request to SharePoint for the first view, without axe violations', async () => {
    const page = await open(browser, server, CHEF);
    const matrix = part(page).getByRole('table', { name: /Hvor hver enhed står på hver ambition/ });
    await matrix.waitFor();
    await resetRequests(server);
    await page.reload();
    await matrix.waitFor({ timeout: 60_000 });
    const requests = (await requestsSince(server)).map((r) => `${r.method} ${r.path.replace(/\?.*$/, '')}`);
    // The request digest: SPFx has it in the page; the preview's PnPjs client reads /_api/contextinfo.
    const data = requests.filter((r) => r !== 'POST /sites/mpk/_api/contextinfo');
    expect(data).toEqual(['POST /sites/mpk/_api/$batch']);

    expect(await matrix.getByRole('rowheader').first().textContent()).toContain('Læring og Trivsel');
    expect(await matrix.getByRole('columnheader').allTextContents()).toEqual([
      'Enhed',
      'Mod og stolthed',
      'Viden og faglighed',
      'Sammenhæng og samarbejde',
      'Tillid og ansvar i ledelse',
      'Gode rammer',
    ]);
    // Click-through to the unit's plan.
    const link = matrix.getByRole('link', { name: /Læring og Trivsel – åbn enhedens ambitionsplan/ });
    expect(await link.getAttribute('href')).toMatch(/part=plan.*unit=1/);
    // The stopped initiatives are counted in the first view and read when asked for.
    const stopped = part(page).getByRole('region', { name: /^Stoppede indsatser/ });
    await stopped.getByRole('button', { name: 'Vis de stoppede indsatser' }).click();
    await stopped.getByText('Lektiecafé på tablets').waitFor();
    await expectNoAxeViolations(page);
    await saveDocScreenshot(part(page), 'followUp-overview');
    await page.close();
  });

  it('lets the chef create a task for a leader — due three days ago, so it shows overdue with its week — and move it by keyboard', async () => {
    const page = await open(browser, server, CHEF);
    await part(page).getByRole('tab', { name: 'Opgaver', exact: true }).click();
    await part(page).getByRole('button', { name: 'Ny opgave' }).click();
    const dialog = page.getByRole('dialog', { name: 'Ny opfølgningsopgave' });
    await dialog.waitFor();
    // Focus in the first field as the dialog opens.
    await page.waitForFunction(() => document.activeElement?.matches('input[maxlength="255"]'));
    // First try with nothing filled in: the domain's rules answer in Danish, nothing is sent, and
    // focus moves to the first field to fix.
    await dialog.getByRole('button', { name: 'Opret opgave' }).click();
    await dialog.getByText('Titlen skal udfyldes.').waitFor();
    expect(await dialog.getByRole('textbox', { name: /^Titel/ }).evaluate((el) => el === document.activeElement)).toBe(
      true,
    );
    await expectNoAxeViolations(page);
    await saveDocScreenshot(dialog, 'followUp-task-form-errors');

    await dialog.getByRole('textbox', { name: /^Titel/ }).fill(TITLE);
    await dialog.getByRole('combobox', { name: /^Enhed/ }).selectOption({ label: 'Læring og Trivsel' });
    await dialog.getByRole('combobox', { name: /^Ambition/ }).selectOption({ label: 'Viden og faglighed' });
    // The assignee by search: the name in lower case (SharePoint Online's siteUsers $filter is
    // case-sensitive, its people picker search is not), then the person SharePoint's picker found,
    // made a site user (ensureUser) when chosen.
    const assignee = dialog.getByRole('combobox', { name: /^Ansvarlig/ });
    await resetRequests(server);
    await assignee.pressSequentially('lene');
    // The search's own listbox, not the hidden native <option>s of the board's "Ansvarlig" filter.
    const found = page.locator('[role="listbox"] [role="option"]', { hasText: 'Lene Madsen' });
    await found.waitFor();
    await expectNoAxeViolations(page);
    await saveDocScreenshot(dialog, 'followUp-assignee-search');
    await found.click();
    expect(await assignee.inputValue()).toBe('Lene Madsen');
    await dialog.getByText('Henter Lene Madsen …').waitFor({ state: 'detached' });
    const searched = (await requestsSince(server)).map((r) => `${r.method} ${r.path.replace(/\?.*$/, '')}`);
    expect(searched).toContain(
      'POST /sites/mpk/_api/sp.ui.applicationpages.clientpeoplepickerwebserviceinterface.clientpeoplepickersearchuser',
    );
    expect(searched).toContain('POST /sites/mpk/_api/web/ensureuser');
    // Typed the Danish way ("24/12-2026"); the field reads it when left.
    const [dueYear, dueMonth, dueDay] = due.split('-').map(Number);
    await dialog.getByRole('combobox', { name: /^Frist/ }).fill(`${dueDay}/${dueMonth}-${dueYear}`);
    await dialog.getByRole('combobox', { name: /^Frist/ }).press('Tab');
    await dialog
      .getByRole('combobox', { name: /^Opfølgningsmøde/ })
      .or(dialog.getByRole('textbox', { name: /^Opfølgningsmøde/ }))
      .fill(MEETING);
    await dialog.getByText(`Fristen ligger i ${formatWeek(danish, due)}.`).waitFor();
    await dialog.getByRole('button', { name: 'Opret opgave' }).click();
    await dialog.waitFor({ state: 'detached' });

    const open_ = part(page).getByRole('region', { name: /^Åben/ });
    const card = open_.getByRole('listitem', { name: TITLE });
    await card.waitFor();
    expect(await card.textContent()).toContain(`Frist ${formatDate(due)} (${formatWeek(danish, due)})`);
    expect(await card.textContent()).toContain(`Over fristen – ${formatWeek(danish, due)}`);
    // Confirmed over the board (and announced once); focus on the new card, in view.
    await part(page)
      .getByRole('note')
      .filter({ hasText: `Opgaven »${TITLE}« er oprettet.` })
      .waitFor();
    await page.waitForFunction(() => document.activeElement?.tagName === 'LI');
    expect(await card.evaluate((el) => el === document.activeElement)).toBe(true);
    expect(await card.isVisible()).toBe(true);
    await expectNoAxeViolations(page);
    await saveDocScreenshot(part(page), 'followUp-board');

    // Moving a card with the keyboard alone: focus "Flyt", open the menu, choose "Flyt til I gang".
    await card.getByRole('button', { name: `Flyt »${TITLE}«` }).focus();
    await page.keyboard.press('Enter');
    await page.getByRole('menuitem', { name: 'Flyt til I gang' }).waitFor();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('Enter');
    await part(page)
      .getByRole('region', { name: /^I gang/ })
      .getByRole('listitem', { name: TITLE })
      .waitFor();
    await part(page).getByText(`»${TITLE}« har nu status I gang.`).waitFor();

    // The overview counts it as overdue at once.
    await part(page).getByRole('tab', { name: 'Overblik', exact: true }).click();
    const overdue = part(page).getByRole('region', { name: /^Opgaver over fristen/ });
    await overdue.getByRole('button', { name: 'Vis opgaverne over fristen' }).click();
    await overdue.getByText(TITLE).waitFor();

    const chef = await servicesAs(server, CHEF);
    const stored = (await chef.tasks.query({ meeting: MEETING })).items;
    expect(stored).toHaveLength(1);
    expect(stored[0]).toMatchObject({
      title: TITLE,
      dueDate: due,
      status: 'inProgress',
      meeting: MEETING,
      ambitionKey: 'viden-og-faglighed',
    });
    await page.close();
  });

  it('reads a deadline typed the Danish way, keeps one that does not exist with a Danish message, and offers a Danish calendar in light and dark', async () => {
    for (const theme of ['light', 'dark'] as const) {
      const page = await open(browser, server, CHEF, { theme });
      await part(page).getByRole('tab', { name: 'Opgaver', exact: true }).click();
      await part(page).getByRole('button', { name: 'Ny opgave' }).click();
      const dialog = page.getByRole('dialog', { name: 'Ny opfølgningsopgave' });
      const deadline = dialog.getByRole('combobox', { name: /^Frist/ });
      await deadline.fill('24/12-2026');
      await deadline.press('Tab');
      expect(await deadline.inputValue()).toBe('24.12.2026');
      await dialog.getByText('Fristen ligger i uge 52.').waitFor();

      await deadline.fill('31.11.2026');
      await deadline.press('Tab');
      await dialog.getByText('Frist: 31.11.2026 findes ikke i kalenderen. Tjek dag og måned.').waitFor();
      expect(await deadline.inputValue()).toBe('31.11.2026');
      expect(await deadline.getAttribute('aria-invalid')).toBe('true');
      await expectNoAxeViolations(page);

      await deadline.fill('24.12.2026');
      await deadline.press('Tab');
      await dialog.getByRole('button', { name: 'Vælg dato i kalenderen' }).click();
      const calendar = page.getByRole('dialog', { name: 'Kalender' });
      await calendar.getByText('december 2026').first().waitFor();
      expect(await calendar.getByRole('columnheader').allTextContents()).toEqual(
        expect.arrayContaining(['ma', 'ti', 'on', 'to', 'fr', 'lø', 'sø']),
      );
      await calendar.getByRole('rowheader', { name: 'uge 52' }).waitFor();
      await expectNoAxeViolations(page);
      await saveDocScreenshot(calendar, theme === 'light' ? 'date-picker' : 'date-picker-dark');
      // Arrow to the next day, Enter picks it; the field shows it the Danish way.
      await page.keyboard.press('ArrowRight');
      await page.keyboard.press('Enter');
      await calendar.waitFor({ state: 'detached' });
      expect(await deadline.inputValue()).toBe('25.12.2026');
      await page.context().close();
    }
  });

  it("exports the meeting's status report as a real workbook and prints only the report", async () => {
    const page = await open(browser, server, CHEF);
    await part(page).getByRole('tab', { name: 'Statusrapport', exact: true }).click();
    await part(page)
      .getByRole('combobox', { name: /^Møde/ })
      .or(part(page).getByRole('textbox', { name: /^Møde/ }))
      .fill(MEETING);
    await part(page).getByRole('button', { name: 'Vis mødets opgaver' }).click();
    const report = part(page).getByRole('article', { name: `Statusrapport – ${MEETING}` });
    await report
      .getByRole('table', { name: 'Opfølgningsopgaver efter frist' })
      .getByRole('rowheader', { name: TITLE })
      .waitFor();
    await expectNoAxeViolations(page);

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      part(page).getByRole('button', { name: 'Hent som Excel' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe(
      `Statusrapport-Chefgruppemøde-november-(browsertest)-${today(new Date())}.xlsx`,
    );
    const file = await download.path();
    const book = await readExcelFile(fs.readFileSync(file as string));
    expect(book.map((s) => s.sheet)).toEqual(['Overblik', 'Opgaver', 'Målinger']);
    // Målinger: each unit's latest result per indicator, the one before it and the development.
    const measurements = book[2].data;
    expect(measurements[0]).toEqual([
      'Enhed',
      'Måling',
      'Periode',
      'Resultat',
      'Måleenhed',
      'Forrige periode',
      'Forrige resultat',
      'Udvikling',
      'Besvarelser',
    ]);
    expect(measurements.slice(1).some((row) => row[0] === 'Læring og Trivsel' && row[1] === 'Trivselsmåling')).toBe(
      true,
    );
    const overview = book[0].data;
    expect(overview[0]).toEqual([
      'Enhed',
      'Ambition',
      'Relevans',
      'Indsatser',
      'Heraf aktive',
      'Stoppede',
      'Nyeste vurdering',
      'Vurderet den',
      'Udvikling',
    ]);
    expect(overview[1].slice(0, 3)).toEqual(['Læring og Trivsel', 'Mod og stolthed', 'Høj']);
    const laesning = overview.find(
      (row) => row[0] === 'Læring og Trivsel' && row[1] === 'Viden og faglighed',
    ) as unknown[];
    expect(laesning[6]).toBe('Grøn');
    expect(laesning[7]).toBeInstanceOf(Date);
    expect((overview.find((row) => row[0] === 'Opgaver over fristen') as unknown[])[1]).toBeGreaterThanOrEqual(1);
    const tasks = book[1].data;
    expect(tasks[0]).toEqual([
      'Opgave',
      'Enhed',
      'Handler om',
      'Ansvarlig',
      'Frist',
      'Uge',
      'Status',
      'Over fristen',
      'Møde',
      'Beskrivelse',
    ]);
    expect(tasks).toHaveLength(2);
    const [y, m, d] = due.split('-').map(Number);
    expect(tasks[1]).toEqual([
      TITLE,
      'Læring og Trivsel',
      'Ambition: Viden og faglighed',
      'Lene Madsen · Leder · Læring og Trivsel',
      new Date(Date.UTC(y, m - 1, d)),
      Number(formatWeek(danish, due).replace(/\D/g, '')),
      'I gang',
      'Ja',
      MEETING,
      null,
    ]);
    await part(page)
      .getByText(/Excel-filen »Statusrapport-.*« er hentet\./)
      .waitFor();

    // Printing: only the report — no preview toolbar, no tabs, no buttons.
    await page.emulateMedia({ media: 'print' });
    const printed = await page.evaluate(() => {
      const style = (el: Element | null | undefined): CSSStyleDeclaration => getComputedStyle(el as Element);
      const excel = Array.from(document.querySelectorAll('button')).find((b) => b.textContent === 'Hent som Excel');
      const report = document.querySelector('[data-mpk-print-report]');
      return {
        toolbar: style(document.querySelector('header')).display,
        tabs: style(document.querySelector('[role="tablist"]')).display,
        excel: style(excel).display,
        report: style(report).display !== 'none' && style(report).visibility === 'visible',
        matrix:
          style(report?.querySelector('table')).display !== 'none' &&
          style(report?.querySelector('table')).visibility === 'visible',
        tasks: (report?.textContent || '').indexOf('Drøft trivselsmålingen med skolelederne') >= 0,
      };
    });
    expect(printed).toEqual({ toolbar: 'none', tabs: 'none', excel: 'none', report: true, matrix: true, tasks: true });
    await saveDocScreenshot(page, 'followUp-report-print');
    await page.emulateMedia({ media: 'screen' });
    await saveDocScreenshot(part(page), 'followUp-report');
    await page.close();
  });

  it('names initiatives by title on the cards and in the report, and the chef plainly — no "(dig)" — where others read it', async () => {
    const VEJFEJL = 'Svartid i vejfejls-appen under to dage';
    const ABOUT = 'Indsats: Borgere melder huller i vejen via app';
    const page = await open(browser, server, CHEF);
    // The board's card: the initiative's title from the first view (one request), not "Indsats nr. …".
    await part(page).getByRole('tab', { name: 'Opgaver', exact: true }).click();
    const card = part(page).getByRole('listitem', { name: VEJFEJL });
    await card.waitFor();
    expect(await card.textContent()).toContain(ABOUT);

    // The report without a meeting: the overdue tasks, the chef's own named as anyone else's.
    await part(page).getByRole('tab', { name: 'Statusrapport', exact: true }).click();
    const report = part(page).getByRole('article', { name: 'Statusrapport – opgaver over fristen' });
    const row = report.getByRole('listitem').filter({ hasText: VEJFEJL });
    await row.waitFor();
    expect(await row.textContent()).toContain(ABOUT);
    expect(await row.textContent()).toContain('Christian Holm');
    const text = (await report.textContent()) || '';
    expect(text).not.toContain('(dig)');
    expect(text).not.toMatch(/Indsats nr\./);
    expect(text).toMatch(/Udarbejdet .* af Christian Holm\./);
    await expectNoAxeViolations(page);
    await page.close();
  });

  it('shows the leader the task in "Mine opgaver" in the Teams personal app, where the leader closes it', async () => {
    const page = await open(browser, server, LEADER, { host: 'teams-personal', theme: 'dark' });
    // Leaders get "Mine opgaver" alone, without the chefgruppe's tabs.
    expect(await part(page).getByRole('tab', { name: 'Mine opgaver', exact: true }).count()).toBe(0);
    const task = part(page).getByRole('listitem', { name: TITLE });
    await task.waitFor();
    expect(await task.textContent()).toContain(`Over fristen – ${formatWeek(danish, due)}`);
    await expectNoAxeViolations(page);
    await saveDocScreenshot(part(page), 'followUp-mine-teams-dark');

    await task.getByRole('button', { name: `Markér som afsluttet: »${TITLE}«` }).click();
    await part(page).getByText(`»${TITLE}« har nu status Afsluttet.`).waitFor();
    await part(page)
      .getByRole('button', { name: /^Afsluttede opgaver/ })
      .click();
    await part(page)
      .getByRole('button', { name: `Genåbn »${TITLE}«` })
      .waitFor();
    await expectNoAxeViolations(page);

    const chef = await servicesAs(server, CHEF);
    const stored = (await chef.tasks.query({ meeting: MEETING })).items;
    expect(stored[0].status).toBe('closed');
    await page.close();
  });

  it('gives an employee only "Mine opgaver" and a note — no way to create tasks — on a phone', async () => {
    const page = await open(browser, server, EMPLOYEE, { viewport: { width: 375, height: 760 } });
    await part(page)
      .getByText(/Overblikket, opgavetavlen og statusrapporten er for chefgruppen/)
      .waitFor();
    expect(await part(page).getByRole('button', { name: 'Ny opgave' }).count()).toBe(0);
    expect(await part(page).getByRole('tablist').count()).toBe(0);
    expect(await part(page).getByRole('table').count()).toBe(0);
    expect(await part(page).getByText(TITLE).count()).toBe(0);
    await expectNoAxeViolations(page);
    await saveDocScreenshot(page, 'followUp-employee-phone');
    await page.close();
  });

  it('lets the chef drag a card with the mouse to another column, and only where the workflow allows', async () => {
    const chef = await servicesAs(server, CHEF);
    const leder = await servicesAs(server, LEADER);
    const units = await chef.units.list();
    const title = 'Træk mig til en anden kolonne';
    const meeting = 'Chefgruppemøde (træk og slip)';
    // Due long ago, so it is first on the board (by due date) among the demo's tasks.
    await chef.tasks.create({
      clientKey: '',
      title,
      unitId: units[0].id as number,
      ambitionKey: 'gode-rammer',
      assigneeId: leder.user.id,
      dueDate: '2020-01-06',
      status: 'open',
      meeting,
    });
    const page = await open(browser, server, CHEF);
    await part(page).getByRole('tab', { name: 'Opgaver', exact: true }).click();
    const column = (name: RegExp): Locator => part(page).getByRole('region', { name });
    const card = (name: RegExp): Locator => column(name).getByRole('listitem', { name: title });
    await card(/^Åben/).waitFor();

    // A real mouse drag (Chromium's native drag and drop): Åben → I gang → Afsluttet.
    await card(/^Åben/).dragTo(column(/^I gang/));
    await card(/^I gang/).waitFor();
    await part(page).getByText(`»${title}« har nu status I gang.`).waitFor();
    await card(/^I gang/).dragTo(column(/^Afsluttet/));
    await card(/^Afsluttet/).waitFor();
    await part(page).getByText(`»${title}« har nu status Afsluttet.`).waitFor();
    expect((await chef.tasks.query({ meeting })).items.map((t) => t.status)).toEqual(['closed']);

    // Afsluttet → I gang is not a step the workflow has: the card stays, nothing is saved.
    await card(/^Afsluttet/).dragTo(column(/^I gang/));
    await page.waitForTimeout(500);
    expect(await card(/^I gang/).count()).toBe(0);
    expect(await card(/^Afsluttet/).count()).toBe(1);
    expect((await chef.tasks.query({ meeting })).items.map((t) => t.status)).toEqual(['closed']);
    await expectNoAxeViolations(page);
    await page.close();
  });

  it('shows the units without a plan from their key figure, grouped and with one cell each, and the tasks over the deadline from theirs — and back — on a desktop and a phone, light and dark', async () => {
    const focused = (page: Page): Promise<string> =>
      page.evaluate(
        () =>
          (document.activeElement as HTMLElement | null)?.getAttribute('aria-label') ||
          document.activeElement?.textContent ||
          '',
      );
    for (const [width, theme] of [
      [1280, 'light'],
      [360, 'dark'],
    ] as const) {
      const page = await open(browser, server, CHEF, { viewport: { width, height: 900 }, theme });
      const matrix = part(page).getByRole('table', { name: /Hvor hver enhed står/ });
      await matrix.waitFor();
      // The sub-units sit under their kerneområde, in its group.
      const names = await matrix.getByRole('rowheader').allTextContents();
      expect(names.indexOf('Dagtilbud Øst')).toBeGreaterThan(names.indexOf('Læring og Trivsel'));
      expect(names.indexOf('Dagtilbud Øst')).toBeLessThan(names.indexOf('Uddannelse til Alle Unge'));
      const group = matrix
        .getByRole('rowgroup')
        .filter({ has: page.getByRole('rowheader', { name: 'Dagtilbud Øst' }) });
      expect(await group.getByRole('rowheader').allTextContents()).toEqual([
        'Læring og Trivsel',
        'Dagtilbud Øst',
        'Stenhus Skole',
      ]);

      // One cell across the ambitions for each unit without a plan, as many as the figure counts.
      const figure = part(page).getByRole('button', { name: /^Enheder uden plan: \d+ – vis kun dem i tabellen$/ });
      const count = Number(/: (\d+)/.exec((await figure.getAttribute('aria-label')) || '')?.[1]);
      expect(count).toBeGreaterThan(0);
      const noPlan = matrix.getByRole('cell', { name: 'Ingen gældende plan' });
      expect(await noPlan.count()).toBe(count);
      expect(await noPlan.first().getAttribute('colspan')).toBe('5');

      await figure.click();
      expect(await figure.getAttribute('aria-pressed')).toBe('true');
      expect(await focused(page)).toBe(`Tabellen viser kun enheder uden gældende plan (${count}).`);
      await expectNoAxeViolations(page);
      if (width === 1280) await saveDocScreenshot(part(page), 'followUp-overview-without-plan');
      else await saveDocScreenshot(page, 'followUp-overview-without-plan-phone-dark');
      // Only they, plus a kerneområde with a plan by name where units under it have none.
      expect(await matrix.getByRole('cell', { name: 'Ingen gældende plan' }).count()).toBe(count);
      expect(await matrix.getByRole('cell').count()).toBe(count);
      await part(page).getByRole('button', { name: 'Vis alle enheder' }).click();
      expect(await focused(page)).toMatch(/^Enheder uden plan/);
      expect(await figure.getAttribute('aria-pressed')).toBe('false');
      expect(await matrix.getByRole('rowheader').count()).toBe(names.length);

      // "Opgaver over fristen: n" opens the tasks over the deadline; "Vis alle opgaver" shows them all again.
      const overdue = part(page).getByRole('button', { name: /^Opgaver over fristen: \d+ – vis opgaverne$/ });
      const overdueCount = Number(/: (\d+)/.exec((await overdue.getAttribute('aria-label')) || '')?.[1]);
      await overdue.click();
      const heading = part(page).getByRole('heading', { name: 'Opfølgningsopgaver' });
      await heading.waitFor();
      await page.waitForFunction(() => document.activeElement?.textContent === 'Opfølgningsopgaver');
      const only = part(page).getByRole('checkbox', { name: 'Kun opgaver over fristen' });
      expect(await only.isChecked()).toBe(true);
      await part(page).getByText(`Opgaver vist: ${overdueCount}.`).waitFor();
      await expectNoAxeViolations(page);
      if (width === 1280) await saveDocScreenshot(part(page), 'followUp-board-overdue');
      await part(page).getByRole('button', { name: 'Vis alle opgaver' }).click();
      await page.waitForFunction(() => document.activeElement?.textContent === 'Opfølgningsopgaver');
      expect(await only.isChecked()).toBe(false);
      await part(page)
        .getByText(/^(Opgaver vist|Viser \d+ opgaver)/)
        .waitFor();
      expect(await part(page).getByText(`Opgaver vist: ${overdueCount}.`).count()).toBe(0);
      await page.close();
    }
  });

  it('reads well in a one-third column and in Teams high contrast, without axe violations', async () => {
    const narrow = await open(browser, server, CHEF, { viewport: { width: 420, height: 900 } });
    await part(narrow)
      .getByRole('table', { name: /Hvor hver enhed står/ })
      .waitFor();
    // The matrix scrolls sideways inside its own region; the web part itself does not (the preview's own toolbar may).
    const overflow = await narrow.evaluate(() => {
      const main = document.querySelector('main') as HTMLElement;
      return main.scrollWidth - main.clientWidth;
    });
    expect(overflow).toBeLessThanOrEqual(0);
    await expectNoAxeViolations(narrow);
    await saveDocScreenshot(narrow, 'followUp-overview-third');
    await narrow.close();

    const contrast = await open(browser, server, CHEF, { host: 'teams-personal', theme: 'contrast' });
    await part(contrast)
      .getByRole('table', { name: /Hvor hver enhed står/ })
      .waitFor();
    await expectNoAxeViolations(contrast);
    await saveDocScreenshot(part(contrast), 'followUp-overview-contrast');
    await screenshot(contrast, 'followUp-overview-contrast-full');
    await contrast.close();
  });
});
