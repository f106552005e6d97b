/** @jest-environment node */
/**
 * "Ambitioner og hverdagshistorier" against the local SharePoint, through the preview page: an
 * employee posts a story, sees it pending, an administrator approves it (and rejects another with a
 * reason the author reads) in the web part's queue, it appears in the feed, a
 * colleague recognises it and finds it with the filters; a CPR number is refused with nothing lost;
 * "Egne noter" are kept in the writer's OneDrive (in no list of the site, refused to the owner by Graph); the first view costs one request; keyboard only; axe; and
 * the screenshots in docs/screenshots.
 */
import type { Browser, Locator, Page } from 'playwright-core';
import type { IMpkServices } from '../../src/data/repositories/types';
import '@pnp/sp/files';
import { createLocalServices, createLocalSp } from '../../localsp/client';
import type { LocalSharePoint } from '../../localsp/server';
import { axeScan, launchChromium, screenshot, saveDocScreenshot } from './browser';
import { openPreview, requestsSince, resetRequests, startPreview } from './harness';

jest.setTimeout(300_000);

const EMPLOYEE = 'medarbejder@mpk.local';
const ADMIN = 'admin@mpk.local';
const LEADER = 'leder@mpk.local';
const CHEF = 'chef@mpk.local';
const TITLE = 'Vi tog telefonen i stedet for at skrive';
const REJECTED_TITLE = 'Hjælp til fru Hansen samme dag';
const PICTURE_TITLE = 'Rampen ved indgangen';
const REJECT_REASON = 'Skriv den uden borgerens navn og adresse, så udgiver vi den.';
const RESENT_TITLE = 'Hjælp til en borger samme dag';

/** The web part on the preview page (the preview's own toolbar is outside `main`). */
function part(page: Page): Locator {
  return page.locator('main');
}

/** Opens the web part as a user and waits until the stories are there. */
async function open(
  browser: Browser,
  server: LocalSharePoint,
  user: string,
  viewport?: { width: number; height: number },
): Promise<Page> {
  const page = await openPreview(browser, server, { part: 'ambitions', user, viewport });
  await part(page).getByRole('tab', { name: 'Hverdagshistorier', exact: true }).waitFor({ timeout: 60_000 });
  return page;
}

/** The feed list of the page. */
function feed(page: Page): Locator {
  return part(page).getByRole('list', { name: 'Hverdagshistorier, nyeste først' });
}

async function adminServices(server: LocalSharePoint): Promise<IMpkServices> {
  return createLocalServices(server.siteUrl, ADMIN);
}

describe('Ambitioner og hverdagshistorier in the browser', () => {
  let server: LocalSharePoint;
  let browser: Browser;

  beforeAll(async () => {
    server = await startPreview();
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('costs one request to SharePoint for its first view', async () => {
    const page = await open(browser, server, EMPLOYEE);
    await feed(page).waitFor();
    await resetRequests(server);
    await page.reload();
    await feed(page).waitFor({ timeout: 60_000 });
    const requests = (await requestsSince(server)).map((r) => `${r.method} ${r.path.replace(/\?.*$/, '')}`);
    // The request digest: SPFx takes it from the page (legacyPageContext.formDigestValue) and sends no
    // request for it; the preview's PnPjs client still reads it from /_api/contextinfo (see the report).
    const data = requests.filter((r) => r !== 'POST /sites/mpk/_api/contextinfo');
    expect(data).toEqual(['POST /sites/mpk/_api/$batch']);
    expect(requests.length - data.length).toBeLessThanOrEqual(1);
    await page.context().close();
  });

  it('has no WCAG 2.1 AA violations (light theme) and looks right wide and narrow', async () => {
    const wide = await open(browser, server, EMPLOYEE);
    await feed(wide).waitFor();
    expect(await axeScan(wide, 'main')).toEqual([]);
    await saveDocScreenshot(part(wide), 'ambitions-wide');

    // The form open, with its lazily loaded editor.
    await part(wide).getByRole('button', { name: 'Skriv en hverdagshistorie' }).click();
    await part(wide).getByRole('textbox', { name: 'Historien' }).waitFor();
    expect(await axeScan(wide, 'main')).toEqual([]);
    await saveDocScreenshot(
      part(wide).getByRole('form', { name: 'Skriv en hverdagshistorie' }),
      'ambitions-story-form',
    );
    await part(wide).getByRole('button', { name: 'Luk (kladden gemmes)' }).click();

    await part(wide).getByRole('tab', { name: 'Egne noter' }).click();
    expect(await axeScan(wide, 'main')).toEqual([]);
    await wide.context().close();

    const narrow = await open(browser, server, EMPLOYEE, { width: 360, height: 800 });
    await feed(narrow).waitFor();
    // Nothing of the web part sticks out of a phone's width.
    const overflow = await part(narrow).evaluate((main) => {
      const limit = main.getBoundingClientRect().right + 1;
      return Array.from(main.querySelectorAll('*')).filter((el) => el.getBoundingClientRect().right > limit).length;
    });
    expect(overflow).toBe(0);
    expect(await axeScan(narrow, 'main')).toEqual([]);
    await saveDocScreenshot(part(narrow), 'ambitions-narrow');
    // The story editor's toolbar on a phone: five icons, named in Danish, in one row (the header's
    // "Skriv en hverdagshistorie" comes first on a phone).
    await part(narrow).getByRole('button', { name: 'Skriv en hverdagshistorie' }).first().click();
    const toolbar = part(narrow).getByRole('toolbar', { name: 'Formatering' });
    await toolbar.waitFor();
    const tops = await toolbar
      .getByRole('button')
      .evaluateAll((buttons) => buttons.map((b) => Math.round(b.getBoundingClientRect().top)));
    expect(tops).toHaveLength(5);
    expect(new Set(tops).size).toBe(1);
    await toolbar.getByRole('button', { name: 'Punktopstilling' }).waitFor();
    expect(await axeScan(narrow, 'main')).toEqual([]);
    await saveDocScreenshot(
      part(narrow).getByRole('form', { name: 'Skriv en hverdagshistorie' }),
      'ambitions-story-form-phone',
    );
    await narrow.context().close();

    const dark = await openPreview(browser, server, { part: 'ambitions', user: EMPLOYEE, theme: 'dark' });
    await feed(dark).waitFor({ timeout: 60_000 });
    await saveDocScreenshot(part(dark), 'ambitions-dark');
    await dark.context().close();
  });

  it('opens an ambition with "Vi vil" first and what the own unit wrote, linking to its plan; on a phone the stories are near the top', async () => {
    for (const viewport of [
      { width: 1280, height: 900 },
      { width: 360, height: 740 },
    ]) {
      for (const theme of ['light', 'dark'] as const) {
        const page = await openPreview(browser, server, { part: 'ambitions', user: EMPLOYEE, theme, viewport });
        await feed(page).waitFor({ timeout: 60_000 });
        const card = part(page).getByRole('article', { name: 'Viden og faglighed' });
        await card.getByRole('button', { name: 'Se »Vi vil« og hele ambitionen' }).click();
        // "Vi vil" before the ambition's paragraphs.
        const order = await card.evaluate((el) => {
          const text = el.textContent || '';
          return [text.indexOf('Vi vil:'), text.indexOf('Vi skal vælge de metoder')];
        });
        expect(order[0]).toBeGreaterThanOrEqual(0);
        expect(order[0]).toBeLessThan(order[1]);
        // The own unit: chosen here once (the employee's newest story may name another), remembered after.
        const change = card.getByRole('button', { name: 'Skift enhed' });
        if (await change.count()) await change.click();
        await card.getByRole('combobox', { name: 'Din enhed' }).selectOption({ label: 'Læring og Trivsel' });
        await card.getByRole('heading', { level: 4, name: 'Hos Læring og Trivsel' }).waitFor();
        await card.getByText('Læsning og trivsel måles hvert halvår, og resultaterne bruges i teamene.').waitFor();
        const link = card.getByRole('link', { name: 'Se planen for Læring og Trivsel' });
        expect(await link.getAttribute('href')).toMatch(/[?&]part=plan&mpkUnit=\d+$/);
        expect(await axeScan(page, 'main')).toEqual([]);
        if (theme === 'light')
          await saveDocScreenshot(card, viewport.width < 400 ? 'ambitions-unit-phone' : 'ambitions-unit');
        await page.context().close();
      }
    }

    // A phone, 360×740: "Skriv en hverdagshistorie" is on the first screen and the stories' tabs follow
    // five compact cards, not five essays.
    const phone = await open(browser, server, EMPLOYEE, { width: 360, height: 740 });
    await feed(phone).waitFor();
    const write = part(phone).getByRole('button', { name: 'Skriv en hverdagshistorie' }).first();
    const writeTop = await write.evaluate((el) => el.getBoundingClientRect().top + window.scrollY);
    const tabsTop = await part(phone)
      .getByRole('tab', { name: 'Hverdagshistorier', exact: true })
      .evaluate((el) => el.getBoundingClientRect().top + window.scrollY);
    expect(writeTop).toBeLessThan(740);
    // Before issue 22 the tabs began after 2,000+ px of ambition text; now about two screens down.
    expect(tabsTop).toBeLessThan(2.2 * 740);
    console.log(
      `phone 360x740: header write button at ${Math.round(writeTop)} px, stories tabs at ${Math.round(tabsTop)} px`,
    );
    await write.click();
    const form = part(phone).getByRole('form', { name: 'Skriv en hverdagshistorie' });
    await form.getByRole('textbox', { name: 'Historien' }).waitFor();
    expect(await form.getByRole('heading', { level: 3 }).evaluate((el) => el === document.activeElement)).toBe(true);
    await phone.context().close();
  });

  it('refuses a CPR number with a clear message and loses nothing, using the keyboard alone', async () => {
    const page = await open(browser, server, EMPLOYEE);
    await feed(page).waitFor();
    // Keyboard only: from the tab list to "Skriv en hverdagshistorie".
    await part(page).getByRole('tab', { name: 'Hverdagshistorier', exact: true }).focus();
    await page.keyboard.press('Tab');
    await expect(part(page).getByRole('button', { name: 'Skriv en hverdagshistorie' })).toBeFocusedIn(page);
    await page.keyboard.press('Enter');
    const form = part(page).getByRole('form', { name: 'Skriv en hverdagshistorie' });
    await form.getByRole('textbox', { name: 'Historien' }).waitFor();
    // Title
    await form.getByRole('textbox', { name: /^Titel/ }).focus();
    await page.keyboard.type('Hjælp til en borger');
    // Toolbar (one tab stop), then the text.
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    await expect(form.getByRole('textbox', { name: 'Historien' })).toBeFocusedIn(page);
    await page.keyboard.type('Borgeren med CPR 010190-1234 fik hjælp samme dag.');
    // Kind: a radio group is one tab stop; Space picks the focused option.
    await page.keyboard.press('Tab');
    await page.keyboard.press('Space');
    await page.keyboard.press('Tab');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Tab');
    await page.keyboard.press('ArrowDown');
    // The optional picture (a file chooser), then the button.
    await page.keyboard.press('Tab');
    await expect(form.getByLabel(/^Billede/)).toBeFocusedIn(page);
    await page.keyboard.press('Tab');
    await expect(form.getByRole('button', { name: 'Send til godkendelse' })).toBeFocusedIn(page);
    await page.keyboard.press('Enter');

    await form.getByText(/ser ud til at indeholde et CPR-nummer \(010190-XXXX\)/).waitFor();
    await expect(form.getByRole('textbox', { name: 'Historien' })).toBeFocusedIn(page);
    await screenshot(page, 'ambitions-cpr-refused');

    // Nothing lost, even across a reload: the form comes back with everything typed.
    await page.reload();
    const again = part(page).getByRole('form', { name: 'Skriv en hverdagshistorie' });
    await again
      .getByText('Vi har hentet din kladde frem igen – den var gemt i browseren.')
      .waitFor({ timeout: 60_000 });
    expect(await again.getByRole('textbox', { name: /^Titel/ }).inputValue()).toBe('Hjælp til en borger');
    expect(await again.getByRole('textbox', { name: 'Historien' }).textContent()).toContain('010190-1234');
    expect(await again.getByRole('radio', { name: 'Det lykkedes' }).isChecked()).toBe(true);
    // Nothing reached SharePoint.
    const admin = await adminServices(server);
    const mine = await admin.stories.query({}, 50);
    expect(mine.items.map((s) => s.title)).not.toContain('Hjælp til en borger');

    await again.getByRole('button', { name: 'Kassér kladden' }).click();
    await again.getByRole('button', { name: 'Ja, kassér' }).click();
    await page.context().close();
  });

  it('lets an employee post a story that is pending until an administrator approves it; then it is in the feed, recognised and found by the filters', async () => {
    // The employee writes and sends.
    const employee = await open(browser, server, EMPLOYEE);
    await part(employee).getByRole('button', { name: 'Skriv en hverdagshistorie' }).click();
    const form = part(employee).getByRole('form', { name: 'Skriv en hverdagshistorie' });
    await form.getByRole('textbox', { name: /^Titel/ }).fill(TITLE);
    await form.getByRole('textbox', { name: 'Historien' }).click();
    await employee.keyboard.type('Borgerens sag blev løst på ti minutter, fordi vi ringede til hinanden.');
    await form.getByRole('radio', { name: 'Det lykkedes' }).check();
    await form.getByRole('combobox', { name: /^Ambition/ }).selectOption({ label: 'Sammenhæng og samarbejde' });
    await form.getByRole('combobox', { name: /^Enhed/ }).selectOption({ label: 'Alle Kan Bidrage' });
    await form.getByRole('button', { name: 'Send til godkendelse' }).click();

    const mine = part(employee).getByRole('region', { name: 'Dine historier, der ikke er offentliggjort' });
    const pending = mine.getByRole('article', { name: TITLE });
    await pending.waitFor();
    await pending.getByText('Afventer godkendelse').waitFor();
    expect(await feed(employee).getByRole('article', { name: TITLE }).count()).toBe(0);
    // Still pending after a reload (from the view's myPendingStories).
    await employee.reload();
    await part(employee)
      .getByRole('region', { name: 'Dine historier, der ikke er offentliggjort' })
      .getByRole('article', { name: TITLE })
      .waitFor({ timeout: 60_000 });
    await screenshot(employee, 'ambitions-pending');

    // Others do not see it yet.
    const leader = await open(browser, server, LEADER);
    await feed(leader).waitFor();
    expect(await feed(leader).getByRole('article', { name: TITLE }).count()).toBe(0);
    await leader.context().close();

    // A second story by the same employee (written through the product's repository: the form was
    // shown above), which the administrator will reject.
    const employeeServices = await createLocalServices(server.siteUrl, EMPLOYEE);
    const units = await employeeServices.units.list();
    await employeeServices.stories.create({
      clientKey: '',
      title: REJECTED_TITLE,
      body: '<p>Fru Hansen på Ahornvej fik hjælp samme dag.</p>',
      kind: 'success',
      ambitionKey: 'gode-rammer',
      unitId: units[0].id,
      featured: false,
      recognitionCount: 0,
    });

    // The administrator (site owner) approves the first and rejects the second in "Til godkendelse".
    const admin = await open(browser, server, ADMIN);
    await part(admin)
      .getByRole('tab', { name: /^Til godkendelse/ })
      .click();
    const queue = part(admin).getByRole('tabpanel', { name: /^Til godkendelse/ });
    const toApprove = queue.getByRole('article', { name: TITLE });
    await toApprove.waitFor();
    await saveDocScreenshot(queue, 'ambitions-moderation-queue');
    await toApprove.getByRole('button', { name: 'Godkend' }).click();
    await toApprove.waitFor({ state: 'detached' });
    await admin
      .getByTestId('mpk-announcer')
      .getByText(`»${TITLE}« er godkendt og vises nu for alle.`)
      .waitFor({ state: 'attached' });

    const toReject = queue.getByRole('article', { name: REJECTED_TITLE });
    await toReject.getByRole('button', { name: 'Afvis …' }).click();
    // No reason: refused with a Danish message, nothing sent.
    await toReject.getByRole('button', { name: 'Afvis historien' }).click();
    await toReject.getByText('Begrundelsen for afvisningen skal udfyldes.').waitFor();
    await toReject.getByRole('textbox', { name: /^Begrundelse for afvisningen/ }).fill(REJECT_REASON);
    await toReject.getByRole('button', { name: 'Afvis historien' }).click();
    await toReject.waitFor({ state: 'detached' });
    // The approved story is in the administrator's feed at once; after a reload neither is in the queue.
    await part(admin).getByRole('tab', { name: 'Hverdagshistorier', exact: true }).click();
    await feed(admin).getByRole('article', { name: TITLE }).waitFor();
    await admin.reload();
    await part(admin)
      .getByRole('tab', { name: /^Til godkendelse/ })
      .click({ timeout: 60_000 });
    expect(
      await part(admin)
        .getByRole('tabpanel', { name: /^Til godkendelse/ })
        .getByRole('article', { name: TITLE })
        .count(),
    ).toBe(0);
    expect(
      await part(admin)
        .getByRole('tabpanel', { name: /^Til godkendelse/ })
        .getByRole('article', { name: REJECTED_TITLE })
        .count(),
    ).toBe(0);
    await admin.context().close();

    // Now in everybody's feed; the author's "pending" list no longer holds it.
    await employee.reload();
    await feed(employee).getByRole('article', { name: TITLE }).waitFor({ timeout: 60_000 });
    expect(
      await part(employee)
        .getByRole('region', { name: 'Dine historier, der ikke er offentliggjort' })
        .getByRole('article', { name: TITLE })
        .count(),
    ).toBe(0);
    // The rejected one stays with its author, marked "Afvist", with the administrator's reason.
    const rejected = part(employee)
      .getByRole('region', { name: 'Dine historier, der ikke er offentliggjort' })
      .getByRole('article', { name: REJECTED_TITLE });
    await rejected.getByText('Afvist', { exact: true }).waitFor();
    await rejected.getByText(`Begrundelse: ${REJECT_REASON}`).waitFor();
    expect(await feed(employee).getByRole('article', { name: REJECTED_TITLE }).count()).toBe(0);
    await employee.context().close();

    // A colleague recognises it once; the button shows it, and it can be withdrawn.
    const colleague = await open(browser, server, LEADER);
    const card = feed(colleague).getByRole('article', { name: TITLE });
    await card.waitFor();
    await card.getByText('0 anerkendelser').waitFor();
    const recognise = card.getByRole('button', { name: 'Anerkend' });
    expect(await recognise.getAttribute('aria-pressed')).toBe('false');
    await recognise.click();
    await card.getByText(/^1 anerkendelse · du har anerkendt den/).waitFor();
    expect(await recognise.getAttribute('aria-pressed')).toBe('true');
    await colleague.reload();
    const reloaded = feed(colleague).getByRole('article', { name: TITLE });
    await reloaded.getByText(/^1 anerkendelse · du har anerkendt den/).waitFor({ timeout: 60_000 });

    // The filters find it: ambition, unit, kind — and "Vi lærte af en fejl" does not.
    await part(colleague)
      .getByRole('combobox', { name: 'Ambition' })
      .selectOption({ label: 'Sammenhæng og samarbejde' });
    await part(colleague).getByRole('combobox', { name: 'Enhed' }).selectOption({ label: 'Alle Kan Bidrage' });
    await feed(colleague).getByRole('article', { name: TITLE }).waitFor();
    await part(colleague).getByRole('combobox', { name: 'Slags' }).selectOption({ label: 'Vi lærte af en fejl' });
    await part(colleague).getByText('Ingen historier passer til filtrene. Prøv at vælge færre.').waitFor();
    await part(colleague).getByRole('combobox', { name: 'Slags' }).selectOption({ label: 'Det lykkedes' });
    await feed(colleague).getByRole('article', { name: TITLE }).waitFor();
    const titles = await feed(colleague).getByRole('heading', { level: 3 }).allTextContents();
    expect(titles).toContain(TITLE);
    await screenshot(colleague, 'ambitions-filtered');

    // Withdrawn again.
    await feed(colleague).getByRole('article', { name: TITLE }).getByRole('button', { name: 'Anerkend' }).click();
    await feed(colleague).getByRole('article', { name: TITLE }).getByText('0 anerkendelser').waitFor();
    await colleague.context().close();
  });

  it('lets the author correct a story sent back ("Ret og send igen"): pre-filled, the reason in view, pending in the queue again', async () => {
    const employee = await open(browser, server, EMPLOYEE, { width: 360, height: 740 });
    const mine = part(employee).getByRole('region', { name: 'Dine historier, der ikke er offentliggjort' });
    const returned = mine.getByRole('article', { name: REJECTED_TITLE });
    await returned.getByRole('button', { name: 'Ret og send igen' }).click();
    const form = part(employee).getByRole('form', { name: `Ret og send »${REJECTED_TITLE}« igen` });
    await form.getByRole('textbox', { name: 'Historien' }).waitFor();
    await form.getByText(REJECT_REASON).waitFor();
    expect(await form.getByRole('textbox', { name: /^Titel/ }).inputValue()).toBe(REJECTED_TITLE);
    expect(await form.getByRole('combobox', { name: /^Ambition/ }).inputValue()).toBe('gode-rammer');
    expect(await form.getByRole('heading', { level: 3 }).evaluate((el) => el === document.activeElement)).toBe(true);
    expect(await axeScan(employee, 'main')).toEqual([]);
    await saveDocScreenshot(form, 'ambitions-resend-form');
    await form.getByRole('textbox', { name: /^Titel/ }).fill(RESENT_TITLE);
    await form.getByRole('button', { name: 'Send igen til godkendelse' }).click();
    const resent = mine.getByRole('article', { name: RESENT_TITLE });
    await resent.getByText('Afventer godkendelse').waitFor();
    await part(employee).getByText(`Tak! »${RESENT_TITLE}« er sendt til godkendelse igen`, { exact: false }).waitFor();
    expect(await resent.evaluate((el) => el === document.activeElement)).toBe(true);
    await employee.context().close();

    // The editor finds it in "Til godkendelse" again, with the new title.
    const admin = await open(browser, server, ADMIN);
    await part(admin)
      .getByRole('tab', { name: /^Til godkendelse/ })
      .click();
    const queue = part(admin).getByRole('tabpanel', { name: /^Til godkendelse/ });
    await queue.getByRole('article', { name: RESENT_TITLE }).waitFor();
    await admin.context().close();
  });

  it('takes a story picture: redrawn ≤ 1600 px as a JPEG without EXIF, a broken file refused with the text kept, hidden from others until approved', async () => {
    const page = await open(browser, server, EMPLOYEE);
    await part(page).getByRole('button', { name: 'Skriv en hverdagshistorie' }).click();
    const form = part(page).getByRole('form', { name: 'Skriv en hverdagshistorie' });
    await form.getByRole('textbox', { name: 'Historien' }).waitFor();
    await form.getByRole('textbox', { name: /^Titel/ }).fill(PICTURE_TITLE);
    await form.getByRole('textbox', { name: 'Historien' }).click();
    await page.keyboard.type('Vi byggede en rampe sammen med borgerne.');
    await form.getByRole('radio', { name: 'Det lykkedes' }).check();
    await form.getByRole('combobox', { name: /^Ambition/ }).selectOption({ label: 'Sammenhæng og samarbejde' });

    // A text file named .jpg: the browser calls it image/jpeg, decoding fails — said at "Billede", nothing lost.
    const input = form.getByLabel(/^Billede/);
    await input.setInputFiles({ name: 'ferie.jpg', mimeType: 'image/jpeg', buffer: Buffer.from('ikke et billede') });
    await form.getByText(/^Billedet kan ikke læses/).waitFor();
    expect(await form.getByRole('textbox', { name: /^Titel/ }).inputValue()).toBe(PICTURE_TITLE);
    expect(await form.getByRole('textbox', { name: 'Historien' }).textContent()).toContain('rampe');

    // A 2400 × 1800 JPEG with an EXIF segment holding GPS data, made in the page and given an APP1 here.
    const made = await page.evaluate(async () => {
      const canvas = document.createElement('canvas');
      canvas.width = 2400;
      canvas.height = 1800;
      const g = canvas.getContext('2d') as CanvasRenderingContext2D;
      g.fillStyle = '#3b7dd8';
      g.fillRect(0, 0, 2400, 1800);
      g.fillStyle = '#f6d365';
      g.fillRect(400, 400, 1600, 1000);
      const blob = await new Promise<Blob>((resolve) => canvas.toBlob((b) => resolve(b as Blob), 'image/jpeg', 0.9));
      return Array.from(new Uint8Array(await blob.arrayBuffer()));
    });
    const withExif = withGpsExif(Buffer.from(made));
    expect(withExif.includes(Buffer.from('Exif\0\0'))).toBe(true);
    await input.setInputFiles({ name: 'rampe.jpg', mimeType: 'image/jpeg', buffer: withExif });
    await form.getByRole('button', { name: 'Fjern billede' }).waitFor();
    await form
      .getByRole('textbox', { name: /^Alternativ tekst/ })
      .fill('En ny rampe foran indgangen, to kolleger tester den.');
    await form.getByRole('checkbox', { name: 'Personer på billedet har givet samtykke' }).check();
    expect(await axeScan(page, 'main')).toEqual([]);
    await saveDocScreenshot(form, 'ambitions-story-picture-form');
    await form.getByRole('button', { name: 'Send til godkendelse' }).click();
    await part(page)
      .getByText(new RegExp(`Tak for »${PICTURE_TITLE}«`))
      .waitFor({ timeout: 30_000 });
    await page.context().close();

    const admin = await adminServices(server);
    const pending = (await admin.stories.listPending?.(50))?.items.find((s) => s.title === PICTURE_TITLE);
    expect(pending?.pictureUrl).toMatch(/^\/sites\/mpk\/MPK Billeder\/.+\.jpg$/);
    const url = pending?.pictureUrl as string;
    const uploaded = Buffer.from(
      await createLocalSp(server.siteUrl, ADMIN).web.getFileByServerRelativePath(url).getBuffer(),
    );
    expect([uploaded[0], uploaded[1]]).toEqual([0xff, 0xd8]);
    expect(jpegSize(uploaded)).toEqual({ width: 1600, height: 1200 });
    expect(uploaded.includes(Buffer.from('Exif'))).toBe(false);

    // Before approval another person gets nothing; after it the picture is in their feed.
    const asLeader = (): Promise<Response> =>
      fetch(`${server.url}${encodeURI(url)}`, { headers: { Cookie: `mpk-user=${LEADER}` } });
    expect((await asLeader()).status).toBe(404);
    await admin.stories.moderate(pending as NonNullable<typeof pending>, true);
    expect((await asLeader()).status).toBe(200);
    const leader = await open(browser, server, LEADER);
    const card = feed(leader).getByRole('article').filter({ hasText: PICTURE_TITLE });
    const img = card.getByRole('img', { name: 'En ny rampe foran indgangen, to kolleger tester den.' });
    await img.scrollIntoViewIfNeeded();
    await leader.waitForFunction(
      (alt) =>
        Array.from(document.querySelectorAll('img')).some((el) => el.alt === alt && el.complete && el.naturalWidth > 0),
      'En ny rampe foran indgangen, to kolleger tester den.',
      { timeout: 30_000 },
    );
    expect(await img.getAttribute('loading')).toBe('lazy');
    await saveDocScreenshot(card, 'ambitions-story-picture');
    await leader.context().close();
    const dark = await openPreview(browser, server, { part: 'ambitions', user: LEADER, theme: 'dark' });
    await feed(dark).waitFor({ timeout: 60_000 });
    expect(await axeScan(dark, 'main')).toEqual([]);
    await dark.context().close();
  });

  it('keeps "Egne noter" in the writer\'s OneDrive: in no list of the site, refused to the site owner by Graph, there in a new browser', async () => {
    const SECRET = 'Privat: at jeg tør sige fejl højt.';
    const writer = await open(browser, server, EMPLOYEE);
    await part(writer).getByRole('tab', { name: 'Egne noter' }).click();
    const notes = part(writer).getByRole('form', { name: 'Egne noter' });
    // The demo's note left in the list is moved into the file on this first open.
    await notes.getByText(/^Dine noter gemmes i din egen OneDrive/).waitFor({ timeout: 60_000 });
    await notes
      .getByRole('textbox', { name: 'Hvordan kan jeg bidrage til at udvikle kerneopgaven?' })
      .fill('Dele det, der virker, på personalemødet.');
    // Autosave: no button pressed, "Gemt" shows once typing stops.
    await notes.getByRole('textbox', { name: 'Hvad betyder ambitionerne for mig?' }).fill(SECRET);
    await notes.getByText(/^Gemt \d{2}\.\d{2}\.\d{4}\.$/).waitFor({ timeout: 30_000 });
    await writer.context().close();

    // As the site owner: no list of the site holds the text (every list, every field, over REST) …
    const lists = (await (
      await fetch(`${server.siteUrl}/_api/web/lists?$select=Title`, {
        headers: { Authorization: `Bearer ${ADMIN}`, Accept: 'application/json;odata=nometadata' },
      })
    ).json()) as { value: Array<{ Title: string }> };
    expect(lists.value.map((l) => l.Title)).toContain('MPK Refleksioner');
    for (const list of lists.value) {
      const res = await fetch(
        `${server.siteUrl}/_api/web/lists/getbytitle('${encodeURIComponent(list.Title.replace(/'/g, "''"))}')/items?$top=5000`,
        { headers: { Authorization: `Bearer ${ADMIN}`, Accept: 'application/json;odata=nometadata' } },
      );
      expect([list.Title, res.status]).toEqual([list.Title, 200]);
      const text = await res.text();
      expect(text).not.toContain('at jeg tør sige fejl højt');
      // The demo's note from before the upgrade has moved out of the list too.
      expect(text).not.toContain('Jeg kan fortælle mine kolleger om det, der lykkes');
    }
    // … and Graph refuses the employee's drive to them.
    const drive = await fetch(
      `${server.url}/graph/v1.0/users/${encodeURIComponent(EMPLOYEE)}/drive/special/approot:/egne-noter.json:/content`,
      { headers: { Authorization: `Bearer ${ADMIN}` } },
    );
    expect(drive.status).toBe(403);
    expect(await drive.text()).not.toContain('fejl højt');

    // Leaders and the chefgruppe see their own (empty) notes.
    for (const other of [LEADER, CHEF]) {
      const page = await open(browser, server, other);
      await part(page).getByRole('tab', { name: 'Egne noter' }).click();
      const field = part(page).getByRole('textbox', { name: 'Hvad betyder ambitionerne for mig?' });
      await field.waitFor({ timeout: 60_000 });
      expect(await field.inputValue()).not.toBe(SECRET);
      expect(await page.content()).not.toContain('fejl højt');
      await page.context().close();
    }

    // The writer in a new browser (no drafts in it): the notes are there, from OneDrive.
    const again = await open(browser, server, EMPLOYEE);
    await part(again).getByRole('tab', { name: 'Egne noter' }).click();
    const meaning = part(again).getByRole('textbox', { name: 'Hvad betyder ambitionerne for mig?' });
    await meaning.waitFor({ timeout: 60_000 });
    expect(await meaning.inputValue()).toBe(SECRET);
    expect(await part(again).getByText('Alt er gemt.').count()).toBe(1);
    await again.context().close();
  });
});

declare global {
  // eslint-disable-next-line @typescript-eslint/no-namespace
  namespace jest {
    interface Matchers<R> {
      toBeFocusedIn(page: Page): Promise<R>;
    }
  }
}

expect.extend({
  /** Whether the located element has focus (polls briefly: focus moves after a render). */
  async toBeFocusedIn(received: Locator, page: Page) {
    let focused = false;
    for (let i = 0; i < 20 && !focused; i++) {
      focused = await received
        .evaluate((el) => el === document.activeElement || el.contains(document.activeElement))
        .catch(() => false);
      if (!focused) await page.waitForTimeout(100);
    }
    const active = await page.evaluate(() => {
      const el = document.activeElement as HTMLElement | null;
      return el ? `${el.tagName} "${(el.getAttribute('aria-label') || el.textContent || '').slice(0, 40)}"` : 'nothing';
    });
    return { pass: focused, message: () => `expected the element to have focus; focus is on ${active}` };
  },
});

/** The JPEG with an APP1 "Exif" segment after SOI: a little-endian TIFF header and one IFD naming a GPS IFD. */
function withGpsExif(jpeg: Buffer): Buffer {
  const tiff = Buffer.from([
    0x49,
    0x49,
    0x2a,
    0x00,
    0x08,
    0x00,
    0x00,
    0x00, // "II", 42, IFD at 8
    0x01,
    0x00, // one entry
    0x25,
    0x88,
    0x04,
    0x00,
    0x01,
    0x00,
    0x00,
    0x00,
    0x1a,
    0x00,
    0x00,
    0x00, // GPSInfo (0x8825) → 26
    0x00,
    0x00,
    0x00,
    0x00, // no next IFD
    0x01,
    0x00, // GPS IFD: one entry
    0x01,
    0x00,
    0x02,
    0x00,
    0x02,
    0x00,
    0x00,
    0x00,
    0x4e,
    0x00,
    0x00,
    0x00, // GPSLatitudeRef "N"
    0x00,
    0x00,
    0x00,
    0x00,
  ]);
  const body = Buffer.concat([Buffer.from('Exif\0\0', 'binary'), tiff]);
  const length = Buffer.alloc(2);
  length.writeUInt16BE(body.length + 2);
  return Buffer.concat([jpeg.subarray(0, 2), Buffer.from([0xff, 0xe1]), length, body, jpeg.subarray(2)]);
}

/** Width and height from a JPEG's first SOF marker. */
function jpegSize(jpeg: Buffer): { width: number; height: number } | undefined {
  let at = 2;
  while (at + 9 < jpeg.length) {
    if (jpeg[at] !== 0xff) return undefined;
    const marker = jpeg[at + 1];
    const length = jpeg.readUInt16BE(at + 2);
    if (marker >= 0xc0 && marker <= 0xc3)
      return { height: jpeg.readUInt16BE(at + 5), width: jpeg.readUInt16BE(at + 7) };
    at += 2 + length;
  }
  return undefined;
}
