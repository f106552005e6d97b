/** @jest-environment node */
/**
 * Every form the product has, in Chromium, given the same three kinds of hostile input:
 *
 * - text that would run script if it were ever rendered as HTML, with the awkward characters of the
 *   corpus (O'Brien, quotes, right-to-left and zero-width characters, emoji, æøå): saved exactly as
 *   typed, shown as text, and nothing runs;
 * - a CPR number: refused with the Danish CPR message, nothing stored, and what was typed still in
 *   the field (nothing lost);
 * - 100,000 characters: refused with the Danish length message, nothing stored, the text kept.
 *
 * `browser.test.ts` does the same for the story form, the initiative form and the comment box (with
 * the whole corpus pasted into the story editor); this file covers the other forms: "Egne noter",
 * the relevance form, the check-in form, the stop form, the task form, and the editor's rejection
 * reason. A trap (`window.__pwned`, `alert`, dialogs, page errors) catches anything that runs.
 */
import * as fs from 'fs';
import type { Browser, Locator, Page } from 'playwright-core';
import type { LocalSharePoint } from '../../localsp/server';
import type { ListKey } from '../../src/data/schema/types';
import { newClientKey } from '../../src/domain/clientKey';
import { launchChromium } from '../browser/browser';
import { startPreview } from '../browser/harness';
import type { IPreviewState } from '../../preview/previewState';
import { inertProblems, openTrapped, ownerRows, PWN, servicesAs, type IOpened } from './pageTrap';

jest.setTimeout(240_000);

let server: LocalSharePoint;
let browser: Browser;
let unitId: number;

/** Script-shaped and awkward text with a marker that makes it unique. */
function hostile(): string {
  return `${newClientKey().slice(0, 8)} <img src=x onerror="${PWN}"> O'Brien sagde "hej" \u202Eomvendt\u202C nul\u200Bbredde 😀 æøå`;
}
const CPR = 'Borgeren 010190-1234 ringede i morges';
const LONG = 'x'.repeat(100_000);
const CPR_MESSAGE = /ser ud til at indeholde et CPR-nummer \(010190-XXXX\)/;
const LENGTH_MESSAGE = /må højst være [\d.\s\u00a0]+ tegn/;

function rows(list: ListKey, select: string): Promise<Record<string, unknown>[]> {
  return ownerRows(server, list, select);
}

/** The employee's notes file in their OneDrive app folder (the local Graph's drive hook), or undefined. */
async function notesFile(): Promise<{ contribution?: string; meaning?: string } | undefined> {
  const res = await fetch(`${server.url}/_local/graph/drive?user=${encodeURIComponent('medarbejder@mpk.local')}`);
  const files = (await res.json()) as Array<{ name: string; content: string }>;
  const file = files.find((f) => f.name === 'egne-noter.json');
  return file ? (JSON.parse(file.content) as { contribution?: string; meaning?: string }) : undefined;
}

function open(state: Partial<IPreviewState>): Promise<IOpened> {
  return openTrapped(browser, server, state);
}

async function expectInert(opened: IOpened): Promise<void> {
  expect(await inertProblems(opened)).toEqual([]);
}

/**
 * Types a refused value, submits, waits for the Danish message, and checks that nothing reached the
 * list and the text is still in the field.
 */
async function expectRefused(
  page: Page,
  field: Locator,
  submit: Locator,
  value: string,
  message: RegExp,
  stored: () => Promise<number>,
): Promise<void> {
  const before = await stored();
  await field.fill(value);
  await submit.click();
  await page.getByText(message).first().waitFor({ timeout: 15_000 });
  expect(await field.inputValue()).toBe(value);
  expect(await stored()).toBe(before);
}

beforeAll(async () => {
  server = await startPreview();
  browser = await launchChromium();
  const admin = await servicesAs(server, 'admin@mpk.local');
  unitId = (await admin.units.list()).find((u) => u.key === 'laering-og-trivsel')?.id as number;
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  if (server) fs.rmSync(server.dataDir, { recursive: true, force: true });
});

describe('Egne noter', () => {
  it('refuses a CPR number and 100,000 characters keeping the text, saves hostile text exactly and shows it as text after a reload', async () => {
    const opened = await open({ part: 'ambitions', user: 'medarbejder@mpk.local' });
    const { page } = opened;
    const notesTab = page.getByRole('tab', { name: 'Egne noter' });
    await notesTab.click();
    const form = page.getByRole('form', { name: 'Egne noter' });
    const field = form.getByRole('textbox', { name: 'Hvordan kan jeg bidrage til at udvikle kerneopgaven?' });
    const save = form.getByRole('button', { name: 'Gem noter' });
    // The notes live in the person's OneDrive: nothing refused may reach the file (nor the old list).
    const stored = async (): Promise<number> => {
      const file = await notesFile();
      const inList = (await rows('reflections', 'Contribution')).filter(
        (r) => r.Contribution === CPR || r.Contribution === LONG,
      ).length;
      return inList + (file && (file.contribution === CPR || file.contribution === LONG) ? 1 : 0);
    };
    await expectRefused(page, field, save, CPR, CPR_MESSAGE, stored);
    await expectRefused(page, field, save, LONG, LENGTH_MESSAGE, stored);

    const text = hostile();
    await field.fill(text);
    await form.getByRole('textbox', { name: 'Hvad betyder ambitionerne for mig?' }).fill(`${text} – igen`);
    await save.click();
    await page
      .getByText(/Dine noter er gemt/)
      .first()
      .waitFor({ timeout: 15_000 });
    // Autosave may have written the first field before the second: wait for the file to hold both.
    let saved = await notesFile();
    for (let i = 0; i < 50 && saved?.meaning !== `${text} – igen`; i++) {
      await new Promise((resolve) => setTimeout(resolve, 200));
      saved = await notesFile();
    }
    expect(saved).toMatchObject({ contribution: text, meaning: `${text} – igen` });
    await expectInert(opened);

    await page.reload();
    await page.waitForSelector('main h2', { timeout: 30_000 });
    await page.getByRole('tab', { name: 'Egne noter' }).click();
    await expect(
      page
        .getByRole('form', { name: 'Egne noter' })
        .getByRole('textbox', { name: 'Hvordan kan jeg bidrage til at udvikle kerneopgaven?' })
        .inputValue(),
    ).resolves.toBe(text);
    await expectInert(opened);
    await opened.context.close();
  });
});

describe('Ambitionsplan, as a member of the chefgruppe on a draft plan', () => {
  it('relevance form: refuses CPR and 100,000 characters keeping the text, saves hostile text exactly as text', async () => {
    const chef = await servicesAs(server, 'chef@mpk.local');
    const oekonomi = (await chef.units.list()).find((u) => u.key === 'oekonomi')?.id as number;
    // Relevance is edited while the plan is a draft: a draft plan of a unit without one.
    await chef.plans.create({
      clientKey: '',
      unitId: oekonomi,
      period: '2027',
      status: 'draft',
      ownerId: chef.user.id,
    });
    const opened = await open({ part: 'plan', user: 'chef@mpk.local', unit: String(oekonomi) });
    const { page } = opened;
    await page.getByRole('button', { name: 'Redigér relevans og betydning for »Mod og stolthed«' }).click();
    const section = page.getByRole('form', { name: 'Relevans og betydning: Mod og stolthed' });
    const field = section.getByRole('textbox', { name: 'Hvad betyder ambitionen hos os?' });
    const save = section.getByRole('button', { name: 'Gem', exact: true });
    await section.getByRole('combobox', { name: /Relevans hos os/ }).selectOption({ label: 'Middel' });
    const stored = async (): Promise<number> =>
      (await rows('planFocuses', 'LocalMeaning')).filter((r) => r.LocalMeaning === CPR || r.LocalMeaning === LONG)
        .length;
    await expectRefused(page, field, save, CPR, CPR_MESSAGE, stored);
    await expectRefused(page, field, save, LONG, LENGTH_MESSAGE, stored);
    const text = hostile();
    await field.fill(text);
    await save.click();
    await page
      .getByRole('status')
      .filter({ hasText: 'Relevans og betydning for »Mod og stolthed« er gemt.' })
      .waitFor({ state: 'attached', timeout: 15_000 });
    await page.getByText(text, { exact: true }).waitFor();
    expect(
      (await rows('planFocuses', 'LocalMeaning'))
        .filter((r) => String(r.LocalMeaning).startsWith(text.slice(0, 8)))
        .map((r) => r.LocalMeaning),
    ).toEqual([text]);
    await expectInert(opened);
    await opened.context.close();
  });
});

describe('Ambitionsplan of a unit without a plan, as a member of the chefgruppe', () => {
  it('create-plan form: refuses a period with script, a quote or a CPR number keeping the text, then creates the plan', async () => {
    const chef = await servicesAs(server, 'chef@mpk.local');
    const unit = (await chef.units.list()).find((u) => u.key === 'organisationsservice')?.id as number;
    const opened = await open({ part: 'plan', user: 'chef@mpk.local', unit: String(unit) });
    const { page } = opened;
    await page.getByRole('heading', { name: 'Enheden har endnu ingen ambitionsplan' }).waitFor({ timeout: 15_000 });
    const field = page.getByRole('textbox', { name: /Periode/ });
    const save = page.getByRole('button', { name: 'Opret plan' });
    const plans = async (): Promise<number> => (await rows('plans', 'UnitId')).filter((r) => r.UnitId === unit).length;
    const period = /Perioden skal være et år \(fx 2026\) eller et spænd af år/;
    await expectRefused(page, field, save, `2027') or (1 eq 1 <img src=x onerror="${PWN}">`, period, plans);
    await expectRefused(page, field, save, '010190-1234', period, plans);
    await expectRefused(page, field, save, LONG, period, plans);
    await field.fill('2027');
    await save.click();
    await page.getByRole('heading', { level: 3, name: 'Mod og stolthed' }).waitFor({ timeout: 15_000 });
    expect(await plans()).toBe(1);
    await expectInert(opened);
    await opened.context.close();
  });
});

describe("Ambitionsplan, as the unit's leader", () => {
  let opened: IOpened;
  let initiativeTitle: string;
  beforeAll(async () => {
    // An initiative of its own, so stopping it does not change what other tests see.
    const leder = await servicesAs(server, 'leder@mpk.local');
    const view = await leder.views.loadPlanView({ unitId, userId: leder.user.id });
    initiativeTitle = `Formtest ${newClientKey().slice(0, 8)}`;
    await leder.initiatives.create({
      clientKey: '',
      planId: view.plan?.id as number,
      unitId,
      title: initiativeTitle,
      ambitionKey: 'gode-rammer',
      status: 'inProgress',
    } as Parameters<typeof leder.initiatives.create>[0]);
    opened = await open({ part: 'plan', user: 'leder@mpk.local', unit: String(unitId) });
    await opened.page.getByRole('article', { name: initiativeTitle }).waitFor({ timeout: 15_000 });
  });
  afterAll(async () => {
    await opened?.context.close();
  });

  it('check-in form: refuses CPR and 100,000 characters in the comment keeping the text, saves hostile text exactly as text', async () => {
    const { page } = opened;
    const card = page.getByRole('article', { name: initiativeTitle });
    await card.getByRole('button', { name: 'Vis detaljer' }).click();
    await card.getByRole('radio', { name: 'Gul' }).check();
    await card.getByRole('spinbutton', { name: /Fremdrift/ }).fill('40');
    const field = card.getByRole('textbox', { name: 'Kommentar', exact: true });
    const save = card.getByRole('button', { name: 'Gem statusmelding' });
    const stored = async (): Promise<number> =>
      (await rows('checkIns', 'CheckInComment')).filter((r) => r.CheckInComment === CPR || r.CheckInComment === LONG)
        .length;
    await expectRefused(page, field, save, CPR, CPR_MESSAGE, stored);
    await expectRefused(page, field, save, LONG, LENGTH_MESSAGE, stored);
    const text = hostile();
    await field.fill(text);
    await save.click();
    await card
      .getByRole('list', { name: 'Statusmeldinger, nyeste først' })
      .getByText(text, { exact: true })
      .waitFor({ timeout: 15_000 });
    expect((await rows('checkIns', 'CheckInComment')).some((r) => r.CheckInComment === text)).toBe(true);
    await expectInert(opened);
    await card.getByRole('button', { name: 'Skjul detaljer' }).click();
  });

  it('stop form: refuses CPR and 100,000 characters in the reason keeping the text, saves hostile text exactly as text', async () => {
    const { page } = opened;
    const card = page.getByRole('article', { name: initiativeTitle });
    await card.getByRole('button', { name: 'Vis detaljer' }).click();
    await card.getByRole('button', { name: 'Stop indsats' }).click();
    const field = card.getByRole('textbox', { name: /Hvorfor stoppes indsatsen/ });
    const save = card.getByRole('button', { name: 'Stop indsatsen' });
    const stored = async (): Promise<number> =>
      (await rows('initiatives', 'StopReason')).filter((r) => r.StopReason === CPR || r.StopReason === LONG).length;
    await expectRefused(page, field, save, CPR, CPR_MESSAGE, stored);
    await expectRefused(page, field, save, LONG, LENGTH_MESSAGE, stored);
    const text = hostile();
    await field.fill(text);
    await save.click();
    await card.getByText('Stoppet', { exact: true }).waitFor({ timeout: 15_000 });
    await card.getByText(text, { exact: true }).waitFor();
    expect((await rows('initiatives', 'Title,StopReason')).find((r) => r.Title === initiativeTitle)?.StopReason).toBe(
      text,
    );
    await expectInert(opened);
  });
});

describe('Opfølgning, as the chefgruppe', () => {
  it('task form: refuses CPR and 100,000 characters keeping the text, saves hostile title, description and meeting exactly as text', async () => {
    const opened = await open({ part: 'followup', user: 'chef@mpk.local' });
    const { page } = opened;
    await page.getByRole('tab', { name: 'Opgaver', exact: true }).click();
    await page.getByRole('button', { name: 'Ny opgave' }).click();
    const dialog = page.getByRole('dialog', { name: 'Ny opfølgningsopgave' });
    const title = dialog.getByRole('textbox', { name: /^Titel/ });
    const description = dialog.getByRole('textbox', { name: /^Beskrivelse/ });
    const save = dialog.getByRole('button', { name: 'Opret opgave' });
    const text = hostile();
    await title.fill(`Opgave ${text}`);
    await dialog.getByRole('combobox', { name: /^Enhed/ }).selectOption({ label: 'Læring og Trivsel' });
    await dialog.getByRole('combobox', { name: /^Ambition/ }).selectOption({ label: 'Gode rammer' });
    await chooseAssignee(dialog, 'Lene Madsen');
    // Typed the Danish way; the date field reads it when it is left.
    await dialog.getByRole('combobox', { name: /^Frist/ }).fill('14.06.2030');
    await dialog.getByRole('combobox', { name: /^Frist/ }).press('Tab');
    const meeting = dialog
      .getByRole('combobox', { name: /^Opfølgningsmøde/ })
      .or(dialog.getByRole('textbox', { name: /^Opfølgningsmøde/ }));
    await meeting.fill(`Møde ${text}`);
    const stored = async (): Promise<number> =>
      (await rows('tasks', 'Description')).filter((r) => r.Description === CPR || r.Description === LONG).length;
    await expectRefused(page, description, save, CPR, CPR_MESSAGE, stored);
    await expectRefused(page, description, save, LONG, LENGTH_MESSAGE, stored);
    // Everything else typed is still there after the refusals.
    expect(await title.inputValue()).toBe(`Opgave ${text}`);
    expect(await meeting.inputValue()).toBe(`Møde ${text}`);
    await description.fill(text);
    await save.click();
    await page.getByText(`Opgaven »Opgave ${text}« er oprettet.`).waitFor({ timeout: 15_000 });
    await page
      .getByRole('listitem', { name: `Opgave ${text}` })
      .first()
      .waitFor();
    const saved = (await rows('tasks', 'Title,Description,Meeting')).find((r) => r.Title === `Opgave ${text}`);
    expect(saved).toEqual(expect.objectContaining({ Description: text, Meeting: `Møde ${text}` }));
    await expectInert(opened);
    await opened.context.close();
  });
});

/** Picks the task's assignee with the people search: part of the name typed, then the person found. */
async function chooseAssignee(dialog: Locator, name: string): Promise<void> {
  const field = dialog.getByRole('combobox', { name: /^Ansvarlig/ });
  await field.pressSequentially(name.toLowerCase().slice(0, 6));
  // The people search's own listbox: the task board's "Ansvarlig" filter is a native <select> whose
  // hidden <option>s carry the same names, so a page-wide getByRole('option') may pick one of those.
  await dialog.page().locator('[role="listbox"] [role="option"]', { hasText: name }).first().click();
  expect(await field.inputValue()).toBe(name);
}

describe('Ambitioner og hverdagshistorier, as the editor', () => {
  it('rejection reason: refuses CPR and 100,000 characters keeping the text, saves a hostile reason the author reads as text', async () => {
    const medarbejder = await servicesAs(server, 'medarbejder@mpk.local');
    const storyTitle = `Til afvisning ${newClientKey().slice(0, 8)}`;
    await medarbejder.stories.create({
      clientKey: '',
      title: storyTitle,
      body: '<p>En historie, der skal afvises.</p>',
      kind: 'success',
      ambitionKey: 'mod-og-stolthed',
      unitId,
    } as Parameters<typeof medarbejder.stories.create>[0]);
    const opened = await open({ part: 'ambitions', user: 'admin@mpk.local' });
    const { page } = opened;
    await page.getByRole('tab', { name: /^Til godkendelse/ }).click();
    const story = page.getByRole('article', { name: storyTitle });
    await story.waitFor({ timeout: 15_000 });
    await story.getByRole('button', { name: 'Afvis …' }).click();
    const field = story.getByRole('textbox', { name: /Begrundelse for afvisningen/ });
    const confirm = story.getByRole('button', { name: 'Afvis historien' });
    const rejected = async (): Promise<number> =>
      (await rows('stories', 'Title,OData__ModerationStatus')).filter(
        (r) => r.Title === storyTitle && r.OData__ModerationStatus === 1,
      ).length;
    await expectRefused(page, field, confirm, CPR, CPR_MESSAGE, rejected);
    await expectRefused(page, field, confirm, LONG, LENGTH_MESSAGE, rejected);
    const text = hostile();
    await field.fill(text);
    await confirm.click();
    await page
      .getByText(new RegExp(`»${storyTitle}« er afvist`))
      .first()
      .waitFor({ timeout: 15_000 });
    expect(await rejected()).toBe(1);
    await expectInert(opened);
    await opened.context.close();

    // The author reads the reason as text.
    const author = await open({ part: 'ambitions', user: 'medarbejder@mpk.local' });
    await author.page.getByText(text).first().waitFor({ timeout: 15_000 });
    await expectInert(author);
    await author.context.close();
  });
});
