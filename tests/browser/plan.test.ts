/** @jest-environment node */
/**
 * "Ambitionsplan" against the local SharePoint, through the preview page in the Teams-tab mode: a
 * leader sets the channel up for a unit, creates its plan, sets an ambition's relevance, adds an
 * initiative, posts a check-in, comments, shares and opens the deep link, and stops an initiative
 * with a reason; reloading the tab costs one request, and so does a tab configured for a unit opened
 * in a fresh browser; the theme follows Teams live (light, dark,
 * high contrast) with zero axe violations; an employee only reads (and comments); two leaders editing
 * at once lose nothing; and the whole thing works from the keyboard. Screenshots in docs/screenshots.
 */
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import type { IMpkServices } from '../../src/data/repositories/types';
import { createLocalServices } from '../../localsp/client';
import type { LocalSharePoint } from '../../localsp/server';
import { today } from '../../src/domain/dates';
import { initiativeIdFromTeamsLink } from '../../src/ui/plan/deepLink';
import { launchChromium, saveDocScreenshot, expectNoAxeViolations } from './browser';
import { openPreview, previewUrl, requestsSince, resetRequests, startPreview } from './harness';

jest.setTimeout(300_000);

const ADMIN = 'admin@mpk.local';
const CHEF = 'chef@mpk.local';
const LEADER = 'leder@mpk.local';
const EMPLOYEE = 'medarbejder@mpk.local';
const UNIT = 'Stenhus Skole';
const NEW_INITIATIVE = 'Læsevenner på tværs af årgange';
const SEEDED = 'Læsebånd hver morgen i indskolingen';

/** The web part on the preview page (the preview's own toolbar is outside `main`). */
function part(page: Page): Locator {
  return page.locator('main');
}

async function servicesAs(server: LocalSharePoint, email: string): Promise<IMpkServices> {
  return createLocalServices(server.siteUrl, email);
}

/** The first view's requests to SharePoint after a reload (the preview's digest request left out). */
async function firstViewRequests(page: Page, server: LocalSharePoint, ready: Locator): Promise<string[]> {
  await resetRequests(server);
  await page.reload();
  await ready.waitFor({ timeout: 60_000 });
  await page.waitForTimeout(500);
  return (await requestsSince(server))
    .map((r) => `${r.method} ${r.path.replace(/\?.*$/, '')}`)
    .filter((r) => r !== 'POST /sites/mpk/_api/contextinfo');
}

/** The accessible name of the focused element (what a keyboard user is on). */
/** Waits until focus lands where `pattern` says (a form loaded on first use takes focus once it has arrived). */
async function focusArrives(page: Page, pattern: RegExp): Promise<string> {
  const deadline = Date.now() + 10_000;
  let now = await focused(page);
  while (!pattern.test(now) && Date.now() < deadline) {
    await page.waitForTimeout(50);
    now = await focused(page);
  }
  return now;
}

/** What has focus once it reaches `expected`, or after 5 s whatever has it then (for the failure message). */
async function focusSettled(page: Page, expected: string): Promise<string> {
  const until = Date.now() + 5000;
  let now = await focused(page);
  while (now !== expected && Date.now() < until) {
    await page.waitForTimeout(50);
    now = await focused(page);
  }
  return now;
}

async function focused(page: Page): Promise<string> {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    if (!el) return '';
    const labelled =
      el.getAttribute('aria-label') ||
      (el.getAttribute('aria-labelledby') || '')
        .split(' ')
        .map((id) => document.getElementById(id)?.textContent || '')
        .join(' ')
        .trim();
    const label = (el as HTMLInputElement).labels?.[0]?.textContent || '';
    return `${el.tagName.toLowerCase()}:${(labelled || label || el.textContent || '').trim()}`;
  });
}

describe('Ambitionsplan in the browser', () => {
  let server: LocalSharePoint;
  let browser: Browser;
  let laeringId: number;
  let stenhusId: number;
  let fremtidenId: number;

  beforeAll(async () => {
    server = await startPreview();
    browser = await launchChromium();
    const admin = await servicesAs(server, ADMIN);
    const units = await admin.units.list();
    laeringId = units.find((u) => u.name === 'Læring og Trivsel')?.id as number;
    stenhusId = units.find((u) => u.name === UNIT)?.id as number;
    fremtidenId = units.find((u) => u.name === 'Ansvar for Fremtiden')?.id as number;
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  describe('a leader in a Teams channel tab', () => {
    let page: Page;
    let context: BrowserContext;
    let sharedLink = '';

    beforeAll(async () => {
      page = await openPreview(browser, server, { part: 'plan', user: LEADER, host: 'teams-channel' });
      context = page.context();
      await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.url });
    });

    afterAll(async () => {
      await context?.close();
    });

    it('sets the channel up for a unit and creates its plan', async () => {
      const setup = part(page).getByRole('heading', { name: 'Vælg enhed for kanalen' });
      await setup.waitFor({ timeout: 60_000 });
      await expectNoAxeViolations(page);
      await saveDocScreenshot(part(page), 'plan-channel-setup');

      await part(page)
        .getByRole('combobox', { name: /Enhed/ })
        .selectOption({ label: `${UNIT} (Læring og Trivsel)` });
      await part(page).getByRole('button', { name: 'Knyt kanalen til enheden' }).click();
      // The preview maps every unit to a channel of its own: moving it here is asked first.
      await part(page).getByText(`Vil du flytte ${UNIT} fra kanalen`).waitFor();
      await part(page).getByRole('button', { name: 'Ja, flyt enheden hertil' }).click();
      await part(page)
        .getByRole('heading', { level: 2, name: `Ambitionsplan – ${UNIT}` })
        .waitFor();

      // The channel → unit mapping goes to the Units list when this person may change it; otherwise
      // the tab keeps it in the browser and says that the list was not updated.
      const admin = await servicesAs(server, ADMIN);
      const stenhus = (await admin.units.list()).find((u) => u.id === stenhusId);
      if (stenhus?.teamsChannelId !== '19:mpk-preview-new-channel@thread.tacv2') {
        await part(page)
          .getByText('Kanalen viser enhedens plan i din browser, men valget blev ikke gemt, så andre ser det ikke')
          .waitFor();
        await part(page).getByRole('button', { name: 'Luk' }).click();
      }

      await part(page).getByRole('heading', { name: 'Enheden har endnu ingen ambitionsplan' }).waitFor();
      const period = part(page).getByRole('textbox', { name: /Periode/ });
      expect(await period.inputValue()).toBe(today(new Date()).slice(0, 4));
      await part(page).getByRole('button', { name: 'Opret plan' }).click();
      await part(page).getByRole('heading', { level: 3, name: 'Mod og stolthed' }).waitFor();
      expect(await part(page).getByRole('heading', { level: 3 }).allTextContents()).toEqual([
        'Planen på et øjeblik',
        'Mod og stolthed',
        'Viden og faglighed',
        'Sammenhæng og samarbejde',
        'Tillid og ansvar i ledelse',
        'Gode rammer',
      ]);
      await part(page).getByText('Kladde', { exact: true }).waitFor();
    });

    it('sets how strongly an ambition applies here and what it means locally', async () => {
      const section = part(page).getByRole('region', { name: 'Mod og stolthed' });
      await section.getByRole('button', { name: 'Redigér relevans og betydning for »Mod og stolthed«' }).click();
      await section.getByRole('combobox', { name: /Relevans hos os/ }).selectOption({ label: 'Høj' });
      await section
        .getByRole('textbox', { name: 'Hvad betyder ambitionen hos os?' })
        .fill('Vi fortæller forældrene om det, der lykkes i klasserne.');
      await section.getByRole('button', { name: 'Gem', exact: true }).click();
      await section.getByText('Vi fortæller forældrene om det, der lykkes i klasserne.').waitFor();
      expect(await section.getByText('Høj', { exact: true }).count()).toBe(1);
      await part(page)
        .getByRole('status')
        .filter({ hasText: 'Relevans og betydning for »Mod og stolthed« er gemt.' })
        .waitFor({ state: 'attached' });
    });

    it('adds an initiative — the domain refuses a CPR number first — under an ambition', async () => {
      const section = part(page).getByRole('region', { name: 'Viden og faglighed' });
      await section.getByRole('button', { name: 'Tilføj indsats under »Viden og faglighed«' }).click();
      const form = section.getByRole('form', { name: 'Ny indsats under »Viden og faglighed«' });
      await form.getByRole('textbox', { name: /Titel/ }).fill(NEW_INITIATIVE);
      await form.getByRole('textbox', { name: 'Beskrivelse' }).fill('Eleven med CPR 010190-1234 læser højt.');
      await form.getByRole('button', { name: 'Gem indsats' }).click();
      await form.getByText(/CPR-nummer/).waitFor();
      await expectNoAxeViolations(page);

      await form
        .getByRole('textbox', { name: 'Beskrivelse' })
        .fill('Ældre elever læser med de yngste to gange om ugen.');
      await form.getByRole('combobox', { name: '»Vi vil« under ambitionen' }).selectOption({ index: 1 });
      await form.getByRole('combobox', { name: 'Politisk prioritet' }).selectOption({ label: 'Fælles om folkeskolen' });
      await form
        .getByRole('textbox', { name: /Succeskriterium/ })
        .fill('Flere elever læser alderssvarende i 2. klasse.');
      await form.getByRole('button', { name: 'Gem indsats' }).click();
      const card = section.getByRole('article', { name: NEW_INITIATIVE });
      await card.waitFor();
      // A compact row: status, no check-in yet, and the owner; the facts are in its details.
      await card.getByText('Planlagt', { exact: true }).waitFor();
      await card.getByText('Ingen statusmelding endnu').waitFor();
      expect(await card.getByText('Fælles om folkeskolen').count()).toBe(0);
    });

    it('posts a check-in and sees it in the chart, then comments on the initiative', async () => {
      const card = part(page).getByRole('article', { name: NEW_INITIATIVE });
      await card.getByRole('button', { name: 'Vis detaljer' }).click();
      await card.getByText('Fælles om folkeskolen').waitFor();
      await card.getByRole('radio', { name: 'Gul' }).check();
      await card.getByRole('spinbutton', { name: /Fremdrift/ }).fill('30');
      await card.getByRole('textbox', { name: 'Kommentar', exact: true }).fill('To klasser er i gang.');
      await card.getByRole('button', { name: 'Gem statusmelding' }).click();
      const chart = card.getByRole('img', { name: /Fremdrift over tid/ });
      await chart.waitFor();
      expect(await card.getByText(/seneste status .* 30 % gennemført/).count()).toBe(1);
      await card
        .getByRole('list', { name: 'Statusmeldinger, nyeste først' })
        .getByText('To klasser er i gang.')
        .waitFor();

      await card.getByRole('textbox', { name: 'Din kommentar' }).fill('Skal 4. klasse også være læsevenner?');
      await card.getByRole('button', { name: 'Send kommentar' }).click();
      await card
        .getByRole('list', { name: `Kommentarer til »${NEW_INITIATIVE}«` })
        .getByText('Skal 4. klasse også være læsevenner?')
        .waitFor();
      await card.getByText('1 kommentar').waitFor();
      await expectNoAxeViolations(page);
      await saveDocScreenshot(card, 'plan-initiative-checkins');
    });

    it('shares a deep link to the initiative ("Del i kanal") and opens the tab on it', async () => {
      const card = part(page).getByRole('article', { name: NEW_INITIATIVE });
      await card.getByRole('button', { name: 'Del i kanal' }).click();
      const dialog = page.getByRole('dialog', { name: `Del »${NEW_INITIATIVE}«` });
      await dialog.waitFor();
      sharedLink = await dialog.getByRole('textbox', { name: 'Link til indsatsen' }).inputValue();
      expect(sharedLink).toMatch(/^https:\/\/teams\.microsoft\.com\/l\/entity\/82f2fa80-81e3-49bd-bf82-be796e0da454\//);
      await dialog.getByRole('button', { name: 'Kopiér link' }).click();
      await dialog.getByText('Linket er kopieret.').waitFor();
      expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(sharedLink);
      await expectNoAxeViolations(page, '[role="dialog"]');
      await saveDocScreenshot(dialog, 'plan-share-dialog');
      await page.keyboard.press('Escape');
      await dialog.waitFor({ state: 'detached' });
      // Focus goes back to the button once the dialog has gone (a task after the close, not in the same one).
      expect(await focusSettled(page, 'button:Del i kanal')).toBe('button:Del i kanal');

      // Teams hands the sub-entity to the tab as page.subPageId; the preview reads ?subEntityId=.
      const id = initiativeIdFromTeamsLink(sharedLink);
      expect(id).toBeGreaterThan(0);
      await page.goto(
        previewUrl(server, { part: 'plan', user: LEADER, host: 'teams-channel', extra: { subEntityId: String(id) } }),
      );
      const linked = part(page).getByRole('article', { name: NEW_INITIATIVE });
      await linked.getByText('Åbnet fra et link').waitFor({ timeout: 60_000 });
      await linked.getByRole('img', { name: /Fremdrift over tid/ }).waitFor();
      expect(await focused(page)).toBe(`h4:${NEW_INITIATIVE}`);
    });

    it('stops an initiative, with the reason kept on it', async () => {
      const card = part(page).getByRole('article', { name: NEW_INITIATIVE });
      await card.getByRole('button', { name: 'Stop indsats' }).click();
      await card.getByRole('button', { name: 'Stop indsatsen' }).click();
      await card.getByText('Skriv, hvorfor indsatsen stoppes – det er også værdifuld viden for andre.').waitFor();
      await card
        .getByRole('textbox', { name: /Hvorfor stoppes indsatsen/ })
        .fill('Lærerne havde ikke tid til at følge op – vi prøver igen efter sommerferien.');
      await card.getByRole('button', { name: 'Stop indsatsen' }).click();
      await card.getByText('Stoppet', { exact: true }).waitFor();
      await card.getByText('Lærerne havde ikke tid til at følge op – vi prøver igen efter sommerferien.').waitFor();
      await card.getByRole('button', { name: 'Genoptag' }).waitFor();

      const leader = await servicesAs(server, LEADER);
      const saved = (await leader.initiatives.listForUnit(stenhusId)).find((i) => i.title === NEW_INITIATIVE);
      expect(saved).toMatchObject({
        status: 'stopped',
        stopReason: 'Lærerne havde ikke tid til at følge op – vi prøver igen efter sommerferien.',
      });
    });

    it('costs one request to SharePoint when the tab is opened again', async () => {
      await page.goto(previewUrl(server, { part: 'plan', user: LEADER, host: 'teams-channel' }));
      const ready = part(page).getByRole('article', { name: NEW_INITIATIVE });
      await ready.waitFor({ timeout: 60_000 });
      expect(await firstViewRequests(page, server, ready)).toEqual(['POST /sites/mpk/_api/$batch']);
    });

    it('follows the Teams theme live — light, dark, high contrast — without reloading, with zero axe violations', async () => {
      const heading = part(page).getByRole('heading', { level: 2, name: `Ambitionsplan – ${UNIT}` });
      await heading.waitFor();
      await page.evaluate(() => ((window as unknown as { __mpkNoReload: boolean }).__mpkNoReload = true));
      await resetRequests(server);
      const background = (): Promise<string> =>
        heading.evaluate((el) => getComputedStyle(el.closest('.fui-FluentProvider') as Element).backgroundColor);
      const colours: string[] = [];

      await expectNoAxeViolations(page);
      colours.push(await background());
      await saveDocScreenshot(part(page), 'plan-teams-light');

      for (const [label, name] of [
        ['Mørkt', 'plan-teams-dark'],
        ['Høj kontrast', 'plan-teams-contrast'],
      ] as const) {
        await page.getByRole('combobox', { name: 'Tema' }).selectOption({ label });
        await page.waitForFunction(
          (before) =>
            getComputedStyle(document.querySelector('main h2')?.closest('.fui-FluentProvider') as Element)
              .backgroundColor !== before,
          colours[colours.length - 1],
        );
        colours.push(await background());
        await part(page).getByRole('button', { name: 'Vis detaljer' }).first().click();
        await part(page)
          .getByRole('img', { name: /Fremdrift over tid/ })
          .first()
          .waitFor();
        await expectNoAxeViolations(page);
        await saveDocScreenshot(part(page), name);
        await part(page).getByRole('button', { name: 'Skjul detaljer' }).first().click();
      }
      expect(new Set(colours).size).toBe(3);
      expect(await page.evaluate(() => (window as unknown as { __mpkNoReload?: boolean }).__mpkNoReload)).toBe(true);
      // Switching theme read nothing from SharePoint.
      expect((await requestsSince(server)).filter((r) => r.path.indexOf('/_api/$batch') >= 0)).toEqual([]);
      await page.getByRole('combobox', { name: 'Tema' }).selectOption({ label: 'Lyst' });
    });
  });

  describe('a channel tab configured for a unit, opened in a fresh browser', () => {
    it('costs one request to SharePoint: the tab configuration names the unit before anything is read', async () => {
      // A new browser context: no local storage, so nothing remembered. The channel is mapped to the
      // unit in the Units list (the preview seed) and the tab's configuration holds the same unit.
      const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'da-DK' });
      const page = await context.newPage();
      await resetRequests(server);
      await page.goto(
        previewUrl(server, { part: 'plan', user: EMPLOYEE, host: 'teams-channel', unit: String(fremtidenId) }),
      );
      await part(page)
        .getByRole('article', { name: 'Borgere melder huller i vejen via app' })
        .waitFor({ timeout: 60_000 });
      await page.waitForTimeout(500);
      const requests = (await requestsSince(server)).map((r) => `${r.method} ${r.path.replace(/\?.*$/, '')}`);
      expect(requests).toEqual(['POST /sites/mpk/_api/$batch']);
      await part(page).getByRole('heading', { level: 2, name: 'Ambitionsplan – Ansvar for Fremtiden' }).waitFor();
      await context.close();
    });
  });

  describe('a measured initiative (Målinger)', () => {
    it('shows the latest value against the target on the card, and the values against the line to the target — axe clean in light, dark and high contrast', async () => {
      // A channel tab configured for the unit: Teams switches theme live, high contrast included.
      const page = await openPreview(browser, server, {
        part: 'plan',
        user: EMPLOYEE,
        host: 'teams-channel',
        unit: String(laeringId),
      });
      const card = part(page).getByRole('article', { name: SEEDED });
      await card.waitFor({ timeout: 60_000 });
      // 76,2 of 64 → 80 is 76 % of the way (the check-in itself said 75 %).
      expect(await card.getByRole('progressbar').getAttribute('aria-valuenow')).toBe('76');
      await card.getByRole('button', { name: 'Vis detaljer' }).click();
      await card.getByText(/seneste status .*, 76 % gennemført/).waitFor();
      await card.getByText(/^Seneste måling: 76,2 procent \(\d\d\.\d\d\.\d{4}\) · mål 80 procent · /).waitFor();
      const chart = card.getByRole('img', { name: /Målinger over tid/ });
      await chart.waitFor();
      expect(await chart.getAttribute('aria-labelledby')).toBeTruthy();
      const table = card.getByRole('table', { name: 'Målte værdier og vejen til målet' });
      expect(await table.getByRole('row').count()).toBe(3);
      await expectNoAxeViolations(page);
      await saveDocScreenshot(card, 'plan-measure-light');
      for (const [label, name] of [
        ['Mørkt', 'plan-measure-dark'],
        ['Høj kontrast', 'plan-measure-contrast'],
      ] as const) {
        await page.getByRole('combobox', { name: 'Tema' }).selectOption({ label });
        await chart.waitFor();
        await page.waitForTimeout(300);
        await expectNoAxeViolations(page);
        await saveDocScreenshot(card, name);
      }
      await page.context().close();
    });
  });

  describe('an employee', () => {
    it('reads the plan on SharePoint with no edit controls rendered, and takes part in the dialog', async () => {
      const page = await openPreview(browser, server, { part: 'plan', user: EMPLOYEE, unit: String(laeringId) });
      const card = part(page).getByRole('article', { name: SEEDED });
      await card.waitFor({ timeout: 60_000 });
      await part(page)
        .getByText(/Du kan læse planen og deltage i dialogen/)
        .waitFor();
      for (const name of [
        /Redigér/,
        /Tilføj indsats/,
        /Godkend planen|Start opfølgningen|Afslut planen|Genåbn planen/,
        /Stop indsats/,
        /Skift ansvarlig/,
        /Genoptag/,
      ]) {
        expect(await part(page).getByRole('button', { name }).count()).toBe(0);
      }
      await card.getByRole('button', { name: 'Vis detaljer' }).click();
      await card.getByRole('img', { name: /Fremdrift over tid/ }).waitFor();
      expect(await card.getByRole('radiogroup').count()).toBe(0);
      expect(await card.getByRole('button', { name: 'Gem statusmelding' }).count()).toBe(0);
      await card.getByRole('textbox', { name: 'Din kommentar' }).waitFor();
      await expectNoAxeViolations(page);
      await saveDocScreenshot(part(page), 'plan-employee-sharepoint');
      await page.context().close();
    });

    it('is told to ask a leader when the channel tab was set up for a unit that no longer exists', async () => {
      // `unit=999`: the tab's configuration names a unit the Units list does not have.
      const page = await openPreview(browser, server, {
        part: 'plan',
        user: EMPLOYEE,
        host: 'teams-channel',
        unit: '999',
      });
      await part(page)
        .getByText(/Bed en leder i enheden om at åbne fanen/)
        .waitFor({ timeout: 60_000 });
      expect(await part(page).getByRole('combobox').count()).toBe(0);
      await expectNoAxeViolations(page);
      await page.context().close();
    });
  });

  describe("the unit's earlier plans", () => {
    it('are picked by period, shown read-only when closed, and kept in the address for a reload of one request', async () => {
      const page = await openPreview(browser, server, { part: 'plan', user: LEADER, unit: String(fremtidenId) });
      await part(page)
        .getByRole('article', { name: 'Borgere melder huller i vejen via app' })
        .waitFor({ timeout: 60_000 });
      const picker = part(page).getByRole('combobox', { name: 'Vis planen for perioden' });
      expect(await picker.locator('option').allTextContents()).toEqual([
        '2026 – Følges op (aktuel plan)',
        '2025 – Afsluttet',
      ]);
      await picker.selectOption({ label: '2025 – Afsluttet' });
      const older = part(page).getByRole('article', { name: 'Vilde blomster i rabatterne' });
      await older.waitFor();
      await part(page).getByText('Du ser planen for 2025, ikke den aktuelle plan.').waitFor();
      // The leader does not lead this unit, so cannot reopen its plan: told what is true for her.
      await part(page).getByText('Planen er afsluttet. Den kan læses, men ikke ændres.').waitFor();
      expect(
        await part(page)
          .getByRole('button', { name: /Tilføj indsats|^Redigér|Stop indsats/ })
          .count(),
      ).toBe(0);
      expect(await focused(page)).toMatch(/^select:Vis planen for perioden/);
      expect(new URL(page.url()).searchParams.get('mpkPlan')).toMatch(/^\d+$/);
      await expectNoAxeViolations(page);
      await saveDocScreenshot(part(page), 'plan-earlier-period');

      expect(await firstViewRequests(page, server, older)).toEqual(['POST /sites/mpk/_api/$batch']);
      expect(await part(page).getByRole('combobox', { name: 'Vis planen for perioden' }).inputValue()).toBe(
        new URL(page.url()).searchParams.get('mpkPlan'),
      );

      await part(page)
        .getByRole('combobox', { name: 'Vis planen for perioden' })
        .selectOption({ label: '2026 – Følges op (aktuel plan)' });
      await part(page).getByRole('article', { name: 'Borgere melder huller i vejen via app' }).waitFor();
      expect(new URL(page.url()).searchParams.get('mpkPlan')).toBeNull();
      await page.context().close();
    });
  });

  describe("the plan's owner", () => {
    it('is found by typing the name in capitals or the surname in lower case, through SharePoint’s people picker', async () => {
      const page = await openPreview(browser, server, { part: 'plan', user: LEADER, unit: String(laeringId) });
      await part(page).getByRole('button', { name: 'Skift ansvarlig' }).waitFor({ timeout: 60_000 });
      await part(page).getByRole('button', { name: 'Skift ansvarlig' }).click();
      const box = part(page).getByRole('combobox', { name: /^Ansvarlig for planen/ });
      await box.waitFor();
      await resetRequests(server);
      for (const typed of ['LENE', 'madsen']) {
        await box.fill('');
        await box.pressSequentially(typed);
        await page.getByRole('option', { name: /Lene Madsen/ }).waitFor();
      }
      await page.getByRole('option', { name: /Lene Madsen/ }).click();
      expect(await box.inputValue()).toBe('Lene Madsen');
      await part(page).getByText('Henter Lene Madsen …').waitFor({ state: 'detached' });
      await part(page).getByRole('button', { name: 'Gem ansvarlig' }).click();
      await box.waitFor({ state: 'detached' });
      // She is the one reading, so the plan names her "Lene Madsen (dig)".
      expect(
        (
          await part(page)
            .getByText(/^Lene Madsen/)
            .first()
            .textContent()
        )?.trim(),
      ).toBe('Lene Madsen (dig)');
      const requests = (await requestsSince(server)).map((r) => `${r.method} ${r.path.replace(/\?.*$/, '')}`);
      expect(requests.filter((r) => /clientpeoplepickersearchuser/.test(r)).length).toBeGreaterThanOrEqual(2);
      expect(requests).toContain('POST /sites/mpk/_api/web/ensureuser');
      // No case-sensitive siteUsers $filter any more: that is what found nobody on SharePoint Online.
      expect(requests.filter((r) => /siteusers/i.test(r))).toEqual([]);
      await page.context().close();
    });
  });

  describe('two leaders editing the same initiative at once', () => {
    it('merges different fields silently, and on the same field lets the second choose — no change is lost', async () => {
      const first = await openPreview(browser, server, { part: 'plan', user: LEADER, unit: String(laeringId) });
      const second = await openPreview(browser, server, { part: 'plan', user: CHEF, unit: String(laeringId) });
      const cardOf = (page: Page): Locator => part(page).getByRole('article', { name: SEEDED });
      for (const page of [first, second]) {
        await cardOf(page).waitFor({ timeout: 60_000 });
        await cardOf(page).getByRole('button', { name: 'Vis detaljer' }).click();
        await cardOf(page).getByRole('button', { name: 'Redigér' }).click();
      }
      // Different fields: both saves land, nothing is asked.
      await cardOf(first)
        .getByRole('textbox', { name: /Succeskriterium/ })
        .fill('85 % læser alderssvarende.');
      await cardOf(first).getByRole('button', { name: 'Gem indsats' }).click();
      await part(first).getByRole('status').filter({ hasText: 'er gemt' }).waitFor({ state: 'attached' });
      await cardOf(second)
        .getByRole('textbox', { name: 'Beskrivelse' })
        .fill('Tyve minutter hver morgen, også i 3. klasse.');
      await cardOf(second).getByRole('button', { name: 'Gem indsats' }).click();
      await part(second).getByRole('status').filter({ hasText: 'er gemt' }).waitFor({ state: 'attached' });

      // The same field: the second sees both versions and chooses.
      const leader = await servicesAs(server, LEADER);
      for (const page of [first, second]) {
        await page.reload();
        await cardOf(page).waitFor({ timeout: 60_000 });
        await cardOf(page).getByRole('button', { name: 'Vis detaljer' }).click();
        await cardOf(page).getByRole('button', { name: 'Redigér' }).click();
      }
      await cardOf(first).getByRole('textbox', { name: /Titel/ }).fill('Læsebånd hver morgen i hele skolen');
      await cardOf(first).getByRole('button', { name: 'Gem indsats' }).click();
      await part(first).getByRole('article', { name: 'Læsebånd hver morgen i hele skolen' }).waitFor();

      await cardOf(second).getByRole('textbox', { name: /Titel/ }).fill('Læsebånd i indskolingen og på mellemtrinnet');
      // Typed the Danish way; the field reads it when left.
      const start = cardOf(second).getByRole('combobox', { name: /Startdato/ });
      await start.fill('10/8-2026');
      await start.press('Tab');
      await cardOf(second).getByRole('button', { name: 'Gem indsats' }).click();
      const conflict = cardOf(second).getByRole('region', { name: 'En anden har gemt ændringer i mellemtiden' });
      await conflict.waitFor();
      await conflict.getByText('Læsebånd hver morgen i hele skolen').waitFor();
      await conflict.getByText('Læsebånd i indskolingen og på mellemtrinnet').waitFor();
      await expectNoAxeViolations(second);
      await saveDocScreenshot(cardOf(second), 'plan-conflict');
      // Keep their title; my start date goes in with it.
      await conflict
        .getByRole('radiogroup', { name: '»Titel«' })
        .getByRole('radio', { name: /Den gemte udgave/ })
        .check();
      await conflict.getByRole('button', { name: 'Gem det valgte' }).click();
      await conflict.waitFor({ state: 'detached' });

      const saved = (await leader.initiatives.listForUnit(laeringId)).find(
        (i) => i.title === 'Læsebånd hver morgen i hele skolen',
      );
      expect(saved).toMatchObject({
        successMeasure: '85 % læser alderssvarende.',
        description: 'Tyve minutter hver morgen, også i 3. klasse.',
        startDate: '2026-08-10',
      });
      await first.context().close();
      await second.context().close();
    });
  });

  describe('keyboard only', () => {
    it('adds an initiative, posts a check-in and shares it without a mouse', async () => {
      const page = await openPreview(browser, server, { part: 'plan', user: LEADER, unit: String(laeringId) });
      const section = part(page).getByRole('region', { name: 'Tillid og ansvar i ledelse' });
      await section.getByRole('heading', { name: 'Tillid og ansvar i ledelse' }).waitFor({ timeout: 60_000 });

      // Tab from the section's heading to its "Tilføj indsats" button.
      await section.getByRole('button', { name: /Tilføj indsats/ }).focus();
      expect(await focused(page)).toBe('button:Tilføj indsats under »Tillid og ansvar i ledelse«');
      await page.keyboard.press('Enter');
      expect(await focusArrives(page, /^input:Titel/)).toMatch(/^input:Titel/);
      await page.keyboard.type('Teamene lægger selv skemaet');
      await page.keyboard.press('Enter'); // submits the form
      const card = section.getByRole('article', { name: 'Teamene lægger selv skemaet' });
      await card.waitFor();
      // Focus on the new card's heading, with the confirmation in the ambition.
      expect(await focusArrives(page, /^h4:/)).toBe('h4:Teamene lægger selv skemaet');
      await section
        .getByRole('note')
        .filter({ hasText: 'Indsatsen »Teamene lægger selv skemaet« er oprettet.' })
        .waitFor();

      // On into the new card, a compact row: its one button opens it.
      await page.keyboard.press('Tab');
      expect(await focused(page)).toBe('button:Vis detaljer');
      await page.keyboard.press('Enter');
      await card.getByRole('radiogroup').waitFor();
      expect(await focused(page)).toBe('button:Skjul detaljer');
      // Its actions come first in the details, then the check-in form.
      for (const expected of ['button:Redigér', 'button:Stop indsats', 'button:Del i kanal']) {
        await page.keyboard.press('Tab');
        expect(await focused(page)).toBe(expected);
      }
      // Walk on past the card's other buttons to the health radios.
      let steps = 0;
      while (!/^input:/.test(await focused(page)) && steps++ < 20) await page.keyboard.press('Tab');
      expect(await focused(page)).toMatch(/^input:.*Grøn/);
      await page.keyboard.press('ArrowRight');
      expect(await focused(page)).toMatch(/^input:.*Gul/);
      await page.keyboard.press('Tab');
      expect(await focused(page)).toMatch(/^input:Fremdrift/);
      await page.keyboard.type('10');
      await page.keyboard.press('Enter'); // submits the check-in
      await card.getByRole('img', { name: /Fremdrift over tid/ }).waitFor();
      expect(await focusArrives(page, /^li:/)).toMatch(/^li:.*Gul, 10 %/);
      expect(await card.getByText(/seneste status .* 10 % gennemført/).count()).toBe(1);

      // Share, then close the dialog with Escape: focus returns to the button.
      await card.getByRole('button', { name: 'Del i kanal' }).focus();
      await page.keyboard.press('Enter');
      await page.getByRole('dialog').waitFor();
      await page.keyboard.press('Escape');
      await page.getByRole('dialog').waitFor({ state: 'detached' });
      // Fluent's dialog gives focus back a frame after it goes; on a busy machine that frame comes late.
      expect(await focusSettled(page, 'button:Del i kanal')).toBe('button:Del i kanal');
      await page.context().close();
    });
  });

  describe('on a site without the lists', () => {
    let empty: LocalSharePoint;

    beforeAll(async () => {
      empty = await startPreview({ seed: 'empty' });
    });

    afterAll(async () => {
      await empty?.close();
    });

    it('tells an employee in Danish, and lets a site owner prepare the site ("Klargør site") and pick the unit', async () => {
      const reader = await openPreview(browser, empty, { part: 'plan', user: EMPLOYEE });
      await part(reader)
        .getByText('Ambitionsplanen kan tages i brug, når en administrator har sat Mod på kerneopgaven op.')
        .waitFor({ timeout: 60_000 });
      expect(await part(reader).getByRole('button', { name: 'Klargør site' }).count()).toBe(0);
      await expectNoAxeViolations(reader);
      await reader.context().close();

      const owner = await openPreview(browser, empty, { part: 'plan', user: ADMIN });
      await part(owner).getByRole('button', { name: 'Klargør site' }).click();
      await part(owner)
        .getByRole('heading', { name: 'Vælg en enhed i webdelens indstillinger' })
        .waitFor({ timeout: 120_000 });
      await part(owner).getByRole('combobox', { name: /Enhed/ }).selectOption({ label: 'Læring og Trivsel' });
      await part(owner).getByRole('button', { name: 'Vis planen' }).click();
      await part(owner).getByRole('heading', { level: 2, name: 'Ambitionsplan – Læring og Trivsel' }).waitFor();
      await part(owner).getByRole('heading', { name: 'Enheden har endnu ingen ambitionsplan' }).waitFor();
      await expectNoAxeViolations(owner);
      await owner.context().close();
    });
  });

  describe('the plan at a glance on a phone in the Teams app', () => {
    it('fits 360 px without sideways scrolling and is axe clean in light, dark and high contrast; a row jumps to its ambition', async () => {
      for (const theme of ['light', 'dark', 'contrast'] as const) {
        const page = await openPreview(browser, server, {
          part: 'plan',
          user: LEADER,
          host: 'teams-channel',
          unit: String(laeringId),
          theme,
          viewport: { width: 360, height: 900 },
        });
        const overview = part(page).getByRole('region', { name: 'Planen på et øjeblik' });
        await overview.waitFor({ timeout: 60_000 });
        expect(await overview.getByRole('listitem').count()).toBe(5);
        const overflow = await page.evaluate(() => {
          const main = document.querySelector('main') as HTMLElement;
          return Math.max(
            main.scrollWidth - main.clientWidth,
            document.documentElement.scrollWidth - document.documentElement.clientWidth,
          );
        });
        expect(overflow).toBeLessThanOrEqual(1);
        await expectNoAxeViolations(page);
        // The whole plan on a phone: the header, the plan at a glance, the compact rows.
        if (theme === 'light') await saveDocScreenshot(part(page), 'plan-phone');
        if (theme === 'light') {
          await overview.getByRole('link', { name: 'Gode rammer' }).click();
          expect(await focused(page)).toBe('h3:Gode rammer');
          const top = await part(page)
            .getByRole('heading', { level: 3, name: 'Gode rammer' })
            .evaluate((el) => el.getBoundingClientRect().top);
          expect(top).toBeGreaterThanOrEqual(0);
          expect(top).toBeLessThan(900);
          // By keyboard: the row's link, Enter, and focus is on the ambition.
          await overview.getByRole('link', { name: 'Viden og faglighed' }).focus();
          await page.keyboard.press('Enter');
          expect(await focused(page)).toBe('h3:Viden og faglighed');
        }
        await page.context().close();
      }
    });
  });

  describe("the plan header's status changes", () => {
    it('are named for what they do; closing comes after the other buttons and asks first — phone and desktop, axe clean', async () => {
      for (const [width, shot] of [
        [360, 'plan-close-confirm'],
        [1280, undefined],
      ] as const) {
        const page = await openPreview(browser, server, {
          part: 'plan',
          user: LEADER,
          unit: String(laeringId),
          viewport: { width, height: 900 },
        });
        await part(page).getByRole('article').first().waitFor({ timeout: 60_000 });
        const owner = part(page).getByRole('button', { name: 'Skift ansvarlig' });
        const close = part(page).getByRole('button', { name: 'Afslut planen …' });
        // The plan is being followed up: no "Sæt status til …", and Tab reaches "Skift ansvarlig" first.
        expect(
          await part(page)
            .getByRole('button', { name: /Sæt status til/ })
            .count(),
        ).toBe(0);
        await owner.focus();
        await page.keyboard.press('Tab');
        expect(await focused(page)).toBe('button:Afslut planen …');

        await close.click();
        const dialog = page.getByRole('alertdialog', { name: 'Afslut planen for 2026?' });
        await dialog.waitFor();
        expect(await focusSettled(page, 'button:Annuller')).toBe('button:Annuller');
        await expectNoAxeViolations(page, '[role="alertdialog"]');
        if (shot) await saveDocScreenshot(page, shot);
        await page.keyboard.press('Escape');
        await dialog.waitFor({ state: 'detached' });
        expect(await focusSettled(page, 'button:Afslut planen …')).toBe('button:Afslut planen …');

        if (width === 1280) {
          await close.click();
          await dialog.getByRole('button', { name: 'Afslut planen' }).click();
          await part(page).getByText('Planen er afsluttet. Genåbn den for at ændre den.').waitFor();
          expect(
            await part(page)
              .getByText(/kan ikke længere ændres/)
              .count(),
          ).toBe(0);
          expect(await focusSettled(page, 'button:Genåbn planen')).toBe('button:Genåbn planen');
          await expectNoAxeViolations(page);
          await saveDocScreenshot(part(page), 'plan-closed');
          await page.keyboard.press('Enter');
          await part(page).getByRole('button', { name: 'Afslut planen …' }).waitFor();
          const leader = await servicesAs(server, LEADER);
          const plans = await leader.plans.listForUnit(laeringId);
          expect(plans.find((p) => p.period === '2026')?.status).toBe('followUp');
        }
        await page.context().close();
      }
    });
  });

  describe('in a one-third column and on a phone', () => {
    it('fits without sideways scrolling', async () => {
      for (const width of [360, 320]) {
        const page = await openPreview(browser, server, {
          part: 'plan',
          user: LEADER,
          unit: String(laeringId),
          viewport: { width, height: 900 },
        });
        await part(page).getByRole('article').first().waitFor({ timeout: 60_000 });
        const overflow = (): Promise<number> =>
          page.evaluate(() => {
            const main = document.querySelector('main') as HTMLElement;
            return main.scrollWidth - main.clientWidth;
          });
        expect(await overflow()).toBeLessThanOrEqual(1);
        // The edit form, with a long "Vi vil" chosen, and the check-in chart fit as well.
        const card = part(page).getByRole('article', { name: /Læsebånd/ });
        await card.getByRole('button', { name: 'Vis detaljer' }).click();
        await card.getByRole('img', { name: /Fremdrift over tid/ }).waitFor();
        await card.getByRole('button', { name: 'Redigér' }).click();
        await card.getByRole('textbox', { name: /Titel/ }).waitFor();
        expect(await overflow()).toBeLessThanOrEqual(1);
        await card.getByRole('button', { name: 'Annuller' }).click();
        await page.context().close();
      }
    });
  });

  describe('focus and confirmation in the forms, on a phone in Teams and on a desktop', () => {
    it('moves into a form and back to its opener, starts a check-in from the last one, and shows the saved one in view with focus on it — axe clean', async () => {
      for (const width of [360, 1280]) {
        const page = await openPreview(browser, server, {
          part: 'plan',
          user: LEADER,
          host: width === 360 ? 'teams-channel' : undefined,
          unit: String(laeringId),
          viewport: { width, height: 800 },
        });
        const card = part(page).getByRole('article', { name: /Læsebånd/ });
        await card.waitFor({ timeout: 60_000 });
        await card.getByRole('button', { name: 'Vis detaljer' }).click();
        await card.getByRole('img', { name: /Fremdrift over tid/ }).waitFor();

        // The edit form takes focus in its first field and gives it back to "Redigér" on cancel.
        await card.getByRole('button', { name: 'Redigér' }).click();
        expect(await focusArrives(page, /^input:Titel/)).toMatch(/^input:Titel/);
        await card.getByRole('button', { name: 'Annuller' }).click();
        expect(await focusSettled(page, 'button:Redigér')).toBe('button:Redigér');

        // Pre-filled from the last check-in: health and progress, never its comment.
        const history = card.getByRole('list', { name: 'Statusmeldinger, nyeste først' });
        const lastProgress = ((await history.getByRole('listitem').first().textContent()) ?? '').match(/(\d+) %/)?.[1];
        await card.getByText(/^Udfyldt fra sidste statusmelding den /).waitFor();
        expect(await card.getByRole('spinbutton', { name: /Fremdrift/ }).inputValue()).toBe(lastProgress);
        expect(await card.getByRole('textbox', { name: 'Kommentar', exact: true }).inputValue()).toBe('');

        // Saved: the confirmation by the list, focus on the new entry, in view.
        const comment = `Alle klasser læser nu (${width} px).`;
        await card.getByRole('textbox', { name: 'Kommentar', exact: true }).fill(comment);
        await card.getByRole('button', { name: 'Gem statusmelding' }).click();
        await card
          .getByRole('note')
          .filter({ hasText: /^Statusmeldingen for .* er gemt\.$/ })
          .waitFor();
        expect(await focusArrives(page, /^li:/)).toContain(comment);
        // The entry and the confirmation above the list are both in view.
        for (const shown of [history.getByRole('listitem').filter({ hasText: comment }), card.getByRole('note')]) {
          const box = await shown.evaluate((el) => {
            const r = el.getBoundingClientRect();
            return { top: r.top, bottom: r.bottom, height: window.innerHeight };
          });
          expect(box.top).toBeGreaterThanOrEqual(-1);
          expect(box.bottom).toBeLessThanOrEqual(box.height + 1);
        }
        expect(await card.getByRole('textbox', { name: 'Kommentar', exact: true }).inputValue()).toBe('');
        await expectNoAxeViolations(page);
        if (width === 360) await saveDocScreenshot(card, 'plan-checkin-saved');
        await page.context().close();
      }
    });
  });
});
