/** @jest-environment node */
/**
 * "Nyt til dig" and Teams delivery through the UI, against the local SharePoint and the local Graph of the
 * preview page: the chef assigns a task to a leader → the leader's Teams has a channel @mention with the
 * task's title and a Teams deep link, and the leader's "Nyt til dig" shows it once (and opens it); the
 * approver approves one story and sends another back → the author's Teams chat and "Nyt til dig" have
 * both; a failing Graph (403, a 429 storm) leaves the task saved, "Nyt til dig" right and says so in one
 * calm line. Screenshots of the bell and the panel (light, and dark in Teams) in docs/screenshots.
 */
import type { Browser, Locator, Page } from 'playwright-core';
import { addDays, formatDate, today } from '../../src/domain/dates';
import { createLocalServices } from '../../localsp/client';
import type { LocalSharePoint } from '../../localsp/server';
import { graphInbox } from '../../localgraph/client';
import type { IPreviewState } from '../../preview/previewState';
import { axeScan, launchChromium, saveDocScreenshot } from './browser';
import { openPreview, startPreview } from './harness';

jest.setTimeout(300_000);

const CHEF = 'chef@mpk.local';
const LEADER = 'leder@mpk.local';
const ADMIN = 'admin@mpk.local';
const EMPLOYEE = 'medarbejder@mpk.local';
const SENT_ONE = 'Modtageren har fået besked i Teams.';

function part(page: Page): Locator {
  return page.locator('main');
}

/** The calm line after an action. */
function deliveryLine(page: Page): Locator {
  return page.locator('[data-mpk="delivery-line"]');
}

async function open(
  browser: Browser,
  server: LocalSharePoint,
  user: string,
  state: Partial<IPreviewState> = {},
): Promise<Page> {
  const page = await openPreview(browser, server, { part: 'followup', user, ...state });
  await part(page)
    .getByRole('button', { name: /^Nyt til dig/ })
    .waitFor({ timeout: 60_000 });
  return page;
}

async function setGraphFaults(server: LocalSharePoint, graph: Record<string, number> | undefined): Promise<void> {
  const res = await fetch(`${server.url}/_local/faults`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(graph ? { graph } : {}),
  });
  expect(res.ok).toBe(true);
}

/** The chef creates a task for Lene Madsen through the form on "Opgaver". */
async function assignTask(page: Page, title: string, due: string): Promise<void> {
  await part(page).getByRole('tab', { name: 'Opgaver', exact: true }).click();
  await part(page).getByRole('button', { name: 'Ny opgave' }).click();
  const dialog = page.getByRole('dialog', { name: 'Ny opfølgningsopgave' });
  await dialog.waitFor();
  await dialog.getByRole('textbox', { name: /^Titel/ }).fill(title);
  await dialog.getByRole('combobox', { name: /^Enhed/ }).selectOption({ label: 'Læring og Trivsel' });
  await dialog.getByRole('combobox', { name: /^Ambition/ }).selectOption({ label: 'Viden og faglighed' });
  const assignee = dialog.getByRole('combobox', { name: /^Ansvarlig/ });
  await assignee.pressSequentially('lene');
  await page.locator('[role="listbox"] [role="option"]', { hasText: 'Lene Madsen' }).click();
  await dialog.getByText('Henter Lene Madsen …').waitFor({ state: 'detached' });
  // Typed the Danish way (24.12.2026); the date field reads it when it is left.
  await dialog.getByRole('combobox', { name: /^Frist/ }).fill(formatDate(due));
  await dialog.getByRole('combobox', { name: /^Frist/ }).press('Tab');
  await dialog
    .getByRole('combobox', { name: /^Opfølgningsmøde/ })
    .or(dialog.getByRole('textbox', { name: /^Opfølgningsmøde/ }))
    .fill('Chefgruppemøde (Nyt til dig)');
  await dialog.getByRole('button', { name: 'Opret opgave' }).click();
  await dialog.waitFor({ state: 'detached' });
  await part(page).getByRole('listitem', { name: title }).first().waitFor();
}

/** Asks again (every half second, at most 30 s) until the answer satisfies `done`; returns the last answer. */
async function eventually<T>(read: () => Promise<T>, done: (value: T) => boolean): Promise<T> {
  let value = await read();
  for (let i = 0; i < 60 && !done(value); i++) {
    await new Promise((resolve) => setTimeout(resolve, 500));
    value = await read();
  }
  return value;
}

/** Opens "Nyt til dig" and returns the panel. */
async function openInbox(page: Page): Promise<Locator> {
  await part(page)
    .getByRole('button', { name: /^Nyt til dig/ })
    .click();
  const panel = page.getByRole('dialog', { name: 'Nyt til dig' });
  await panel.getByRole('list', { name: 'Dine beskeder, nyeste først' }).waitFor({ timeout: 30_000 });
  return panel;
}

async function entries(panel: Locator, text: string | RegExp): Promise<number> {
  return panel.getByRole('listitem').filter({ hasText: text }).count();
}

describe('"Nyt til dig" and Teams in the browser', () => {
  let server: LocalSharePoint;
  let browser: Browser;
  const due = addDays(today(new Date()), 10);

  beforeAll(async () => {
    server = await startPreview();
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  afterEach(async () => setGraphFaults(server, undefined));

  it('tells the leader of a task the chef assigned: a channel @mention in Teams and one entry in "Nyt til dig" that opens it', async () => {
    const title = 'Saml op på forældremøderne';
    const chef = await open(browser, server, CHEF);
    await assignTask(chef, title, due);
    await deliveryLine(chef).getByText(SENT_ONE).waitFor({ timeout: 60_000 });
    await chef.context().close();

    const teams = await graphInbox(server.url, LEADER);
    const mentions = teams.filter((m) => m.kind === 'channelMention' && m.text.includes(title));
    expect(mentions).toHaveLength(1);
    expect(mentions[0].from).toBe(CHEF);
    expect(
      [mentions[0].webUrl, ...(mentions[0].links ?? [])].some((u) => u.startsWith('https://teams.microsoft.com/')),
    ).toBe(true);

    const leader = await open(browser, server, LEADER);
    const bell = part(leader).getByRole('button', { name: /^Nyt til dig \d+ ulæst/ });
    await bell.waitFor();
    await saveDocScreenshot(part(leader).locator('section').first(), 'inbox-bell');
    const panel = await openInbox(leader);
    const sentence = `Christian Holm har givet dig en opfølgningsopgave: ${title}`;
    expect(await entries(panel, sentence)).toBe(1);
    expect(await panel.getByRole('listitem').filter({ hasText: sentence }).textContent()).toMatch(/^Ulæst: /);
    expect(await axeScan(leader, '[role="dialog"]')).toEqual([]);
    await saveDocScreenshot(leader, 'inbox-panel');
    // Opened here: read, the panel closes, and the task's card in "Mine opgaver" has focus.
    await panel.getByRole('button', { name: new RegExp(sentence) }).click();
    await panel.waitFor({ state: 'detached' });
    await leader.waitForFunction(() => document.activeElement?.hasAttribute('data-mpk-task') ?? false);
    expect(await leader.evaluate(() => document.activeElement?.textContent ?? '')).toContain(title);

    // The preview's "Teams" shows the leader's Teams beside the web part: the chef's @mention arrived.
    await leader.getByRole('button', { name: 'Teams', exact: true }).click();
    const teamsPane = leader.getByRole('complementary', { name: `Teams for ${LEADER}` });
    await teamsPane.getByRole('listitem').filter({ hasText: title }).getByText('Omtale i kanal').waitFor();
    await saveDocScreenshot(leader, 'preview-teams-inbox');
    await leader.context().close();
  });

  it('tells the author of stories the approver approved and sent back: Teams chats and both in "Nyt til dig"', async () => {
    const returned = 'Vi lånte hinandens lokaler';
    const reason = 'Fortæl gerne, hvad det betød for borgerne.';
    const author = await createLocalServices(server.siteUrl, EMPLOYEE);
    const units = await author.units.list();
    await author.stories.create({
      clientKey: '',
      title: returned,
      body: '<p>Skolen og klubben deler nu lokaler om eftermiddagen.</p>',
      kind: 'success',
      ambitionKey: 'gode-rammer',
      unitId: units[0].id,
      featured: false,
      recognitionCount: 0,
    });
    const approved = 'Lektiehjælp på biblioteket om lørdagen';

    const admin = await openPreview(browser, server, { part: 'ambitions', user: ADMIN });
    await part(admin)
      .getByRole('tab', { name: /^Til godkendelse/ })
      .click({ timeout: 60_000 });
    const queue = part(admin).getByRole('tabpanel', { name: /^Til godkendelse/ });
    const toApprove = queue.getByRole('article', { name: approved });
    await toApprove.waitFor();
    expect(await toApprove.getByRole('checkbox', { name: 'Send besked til forfatteren i Teams' }).isChecked()).toBe(
      true,
    );
    await toApprove.getByRole('button', { name: 'Godkend' }).click();
    await toApprove.waitFor({ state: 'detached' });
    await deliveryLine(admin).getByText(SENT_ONE).waitFor({ timeout: 60_000 });
    await deliveryLine(admin).getByRole('button', { name: 'Luk' }).click();
    await deliveryLine(admin).getByText(SENT_ONE).waitFor({ state: 'detached' });
    const toReturn = queue.getByRole('article', { name: returned });
    await toReturn.getByRole('button', { name: 'Afvis …' }).click();
    await toReturn.getByRole('textbox', { name: /^Begrundelse for afvisningen/ }).fill(reason);
    await toReturn.getByRole('button', { name: 'Afvis historien' }).click();
    await toReturn.waitFor({ state: 'detached' });
    // Delivery runs after the save: the page stays until the line says it went.
    await deliveryLine(admin).getByText(SENT_ONE).waitFor({ timeout: 60_000 });
    await admin.context().close();

    const chatsAbout = async (): Promise<number[]> => {
      const chats = (await graphInbox(server.url, EMPLOYEE)).filter(
        (m) => m.kind === 'chatMessage' && m.from === ADMIN,
      );
      return [approved, returned].map((t) => chats.filter((m) => m.text.includes(t)).length);
    };
    expect(await eventually(chatsAbout, (counts) => counts.every((n) => n > 0))).toEqual([1, 1]);

    const employee = await openPreview(browser, server, { part: 'ambitions', user: EMPLOYEE });
    const panel = await openInbox(employee);
    const texts = await panel.getByRole('listitem').allTextContents();
    expect(texts.filter((t) => t.includes(`Din historie "${approved}" er godkendt`))).toHaveLength(1);
    // With the approver's reason, read from the story (the row holds neither title nor reason).
    expect(texts.filter((t) => t.includes(returned))).toEqual([
      expect.stringContaining(`Din historie "${returned}" er sendt retur: ${reason}`),
    ]);
    await employee.context().close();
  });

  it('keeps the task and "Nyt til dig" when Graph refuses (403) or throttles (429 storm), and says so in one calm line', async () => {
    const refused = 'Tjek skolevejene før vinter';
    const throttled = 'Saml ideer til personaledagen';
    const chef = await open(browser, server, CHEF);
    await setGraphFaults(server, { failNext: 10, failStatus: 403 });
    await assignTask(chef, refused, due);
    await deliveryLine(chef)
      .getByText(
        /^Opgaven er gemt, men beskeden i Teams kunne ikke sendes \(.+\)\. Modtageren kan se den under Nyt til dig\.$/,
      )
      .waitFor({ timeout: 60_000 });
    await setGraphFaults(server, { throttleRate: 1, retryAfter: 1 });
    await assignTask(chef, throttled, due);
    await deliveryLine(chef)
      .getByText(
        'Opgaven er gemt, men beskeden i Teams kunne ikke sendes (Teams har for travlt lige nu). Modtageren kan se den under Nyt til dig.',
      )
      .waitFor({ timeout: 120_000 });
    await setGraphFaults(server, undefined);
    await chef.context().close();

    const chefServices = await createLocalServices(server.siteUrl, CHEF);
    const saved = (await chefServices.tasks.query({ meeting: 'Chefgruppemøde (Nyt til dig)' })).items.map(
      (t) => t.title,
    );
    expect(saved).toEqual(expect.arrayContaining([refused, throttled]));
    const teams = await graphInbox(server.url, LEADER);
    expect(teams.filter((m) => m.text.includes(refused) || m.text.includes(throttled))).toEqual([]);

    const leader = await open(browser, server, LEADER, { host: 'teams-personal', theme: 'dark' });
    const panel = await openInbox(leader);
    expect(await entries(panel, `opfølgningsopgave: ${refused}`)).toBe(1);
    expect(await entries(panel, `opfølgningsopgave: ${throttled}`)).toBe(1);
    await saveDocScreenshot(leader, 'inbox-panel-teams-dark');
    await leader.context().close();
  });
});
