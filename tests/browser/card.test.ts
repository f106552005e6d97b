/** @jest-environment node */
/**
 * The Viva Connections card "Mine opgaver" in the preview (`?part=card`): the real read (one `$batch`) and the real
 * builders, drawn with the Adaptive Cards renderer. For the leader the card's figures are what the local SharePoint
 * holds (read here by REST, independently of the card's code); its button opens the quick view with at most ten
 * lines, the most pressing first; a line opens the follow-up part on that task (SharePoint) or shows its Teams deep
 * link (Teams). The employee gets the empty state. axe-clean in light and dark, card and quick view; screenshots in
 * docs/screenshots (card-*.png).
 */
import type { Browser, Locator, Page } from 'playwright-core';
import { createLocalSp } from '../../localsp/client';
import type { LocalSharePoint } from '../../localsp/server';
import { daysBetween, toIsoDate, today } from '../../src/domain/dates';
import { CHECK_IN_SILENCE_DAYS } from '../../src/domain/notifications';
import type { IPreviewState } from '../../preview/previewState';
import { axeScan, launchChromium, saveDocScreenshot, screenshot } from './browser';
import { previewUrl, requestsSince, resetRequests, startPreview } from './harness';

jest.setTimeout(300_000);

const ADMIN = 'admin@mpk.local';
const LEADER = 'leder@mpk.local';
const EMPLOYEE = 'medarbejder@mpk.local';

/** What the card should say, read by REST from the lists themselves. */
interface IExpected {
  openTasks: Array<{ id: number; title: string; due?: string }>;
  overdue: number;
  silent: Array<{ id: number; title: string; unitId: number }>;
}

async function expectedFor(server: LocalSharePoint, email: string): Promise<IExpected> {
  const sp = createLocalSp(server.siteUrl, ADMIN);
  const users = await sp.web.siteUsers.select('Id', 'Email')();
  const user = users.find((u: { Email?: string }) => (u.Email ?? '').toLowerCase() === email);
  if (!user) throw new Error(`no site user ${email}`);
  const now = today(new Date());
  const tasks: Array<{ Id: number; Title: string; DueDate?: string | null; TaskStatus: string }> = await sp.web.lists
    .getByTitle('MPK Opgaver')
    .items.select('Id', 'Title', 'DueDate', 'TaskStatus')
    .filter(`AssigneeId eq ${user.Id}`)
    .top(500)();
  const open = tasks.filter((t) => t.TaskStatus !== 'closed');
  const initiatives: Array<{
    Id: number;
    Title: string;
    InitiativeStatus: string;
    UnitId: number;
    LastCheckIn?: string | null;
    Created: string;
  }> = await sp.web.lists
    .getByTitle('MPK Indsatser')
    .items.select('Id', 'Title', 'InitiativeStatus', 'UnitId', 'LastCheckIn', 'Created')
    .filter(`OwnerId eq ${user.Id}`)
    .top(500)();
  const silent = initiatives.filter(
    (i) =>
      (i.InitiativeStatus === 'planned' || i.InitiativeStatus === 'inProgress') &&
      daysBetween(toIsoDate(new Date(i.LastCheckIn ?? i.Created)), now) >= CHECK_IN_SILENCE_DAYS,
  );
  const dueOf = (t: { DueDate?: string | null }): string | undefined =>
    t.DueDate ? toIsoDate(new Date(t.DueDate)) : undefined;
  return {
    openTasks: open.map((t) => ({ id: t.Id, title: t.Title, due: dueOf(t) })),
    overdue: open.filter((t) => {
      const due = dueOf(t);
      return due !== undefined && due < now;
    }).length,
    silent: silent.map((i) => ({ id: i.Id, title: i.Title, unitId: i.UnitId })),
  };
}

/** The card on the dashboard (ready: the read has answered). */
function card(page: Page): Locator {
  return page.locator('[data-mpk="card"]');
}

function dashboard(page: Page): Locator {
  return page.locator('[data-mpk="card-dashboard"]');
}

async function openCard(
  browser: Browser,
  server: LocalSharePoint,
  state: Partial<IPreviewState>,
  viewport = { width: 1280, height: 900 },
): Promise<Page> {
  const context = await browser.newContext({ viewport, locale: 'da-DK' });
  const page = await context.newPage();
  await page.goto(previewUrl(server, { part: 'card', ...state }));
  await page.locator('[data-mpk="card"][data-status="ready"]').waitFor({ timeout: 60_000 });
  return page;
}

/** Opens the quick view with the card's button; returns the dialog. */
async function openQuickView(page: Page): Promise<Locator> {
  await card(page).getByRole('button', { name: 'Se hvad der venter' }).click();
  const dialog = page.getByRole('dialog', { name: 'Mine opgaver' });
  await dialog.getByRole('heading', { name: 'Det venter på dig' }).waitFor();
  return dialog;
}

/** "dd.mm.yyyy" in a line's detail → ISO date. */
function isoOf(detail: string): string {
  const match = /(\d{2})\.(\d{2})\.(\d{4})/.exec(detail);
  if (!match) throw new Error(`no date in "${detail}"`);
  return `${match[3]}-${match[2]}-${match[1]}`;
}

describe('the Viva Connections card "Mine opgaver" in the preview', () => {
  let server: LocalSharePoint;
  let browser: Browser;
  let leader: IExpected;

  beforeAll(async () => {
    server = await startPreview();
    browser = await launchChromium();
    leader = await expectedFor(server, LEADER);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('the demo leader has open tasks, one over the deadline, and an initiative without a statusmelding for 14 days', () => {
    expect(leader.openTasks.length).toBeGreaterThan(0);
    expect(leader.overdue).toBeGreaterThan(0);
    expect(leader.silent.length).toBeGreaterThan(0);
  });

  it('shows the leader the figures the local SharePoint holds, read in ONE request, axe-clean', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'da-DK' });
    const page = await context.newPage();
    await resetRequests(server);
    await page.goto(previewUrl(server, { part: 'card', user: LEADER }));
    await page.locator('[data-mpk="card"][data-status="ready"]').waitFor({ timeout: 60_000 });
    await page.waitForTimeout(500);
    const requests = (await requestsSince(server)).map((r) => `${r.method} ${r.path.replace(/\?.*$/, '')}`);
    expect(requests).toEqual(['POST /sites/mpk/_api/$batch']);

    const n = leader.openTasks.length;
    await card(page)
      .getByText(n === 1 ? '1 opgave' : `${n} opgaver`, { exact: true })
      .waitFor();
    const text = (await card(page).textContent()) ?? '';
    expect(text).toContain(`${leader.overdue} over fristen`);
    expect(text).toContain(
      leader.silent.length === 1
        ? '1 indsats mangler statusmelding'
        : `${leader.silent.length} indsatser mangler statusmelding`,
    );
    expect(text).toMatch(/\d+ nye? i Nyt til dig/);
    expect(await page.locator('[data-mpk="card-problems"]').count()).toBe(0);
    // A dashboard card: about 300 px wide.
    const box = await card(page).locator('.ac-adaptiveCard').boundingBox();
    expect(box?.width).toBeGreaterThan(280);
    expect(box?.width).toBeLessThan(320);
    expect(await axeScan(page, 'main')).toEqual([]);
    await saveDocScreenshot(dashboard(page), 'card-light');
    await context.close();
  });

  it('opens the quick view: at most ten lines, the most pressing first; closing gives focus back to the button', async () => {
    const page = await openCard(browser, server, { user: LEADER });
    const button = card(page).getByRole('button', { name: 'Se hvad der venter' });
    await resetRequests(server);
    const dialog = await openQuickView(page);
    // Focus moved into the quick view.
    expect(await dialog.evaluate((el) => el.contains(document.activeElement))).toBe(true);

    // The lines: links named by their whole text (title and the line under it), not by the title alone.
    const lines = dialog.locator('.ac-container.ac-selectable[role="link"]');
    const expectedTitles = [...leader.openTasks.map((t) => t.title), ...leader.silent.map((i) => i.title)];
    const shown = await lines.evaluateAll((els) =>
      els.map((el) => el.querySelector('.ac-richTextBlock')?.textContent?.trim() ?? ''),
    );
    expect(shown.length).toBe(Math.min(10, expectedTitles.length));
    expect(expectedTitles).toEqual(expect.arrayContaining(shown));
    const details = await lines.evaluateAll((els) => els.map((el) => el.textContent ?? ''));
    const dated = details.filter((d) => /\d{2}\.\d{2}\.\d{4}/.test(d)).map(isoOf);
    expect(dated).toEqual([...dated].sort());
    // Every overdue task is marked as such.
    expect(details.filter((d) => d.includes('over fristen siden')).length).toBe(Math.min(10, leader.overdue));
    expect(await page.locator('[data-mpk="card-problems"]').count()).toBe(0);

    // The quick view shows what the card read: no request of its own.
    expect(await requestsSince(server)).toEqual([]);
    expect(await axeScan(page, '[role="dialog"]')).toEqual([]);
    await saveDocScreenshot(page, 'card-quickview');

    await dialog.getByRole('button', { name: 'Luk' }).click();
    await dialog.waitFor({ state: 'detached' });
    await page.waitForFunction(() => document.activeElement?.classList.contains('ac-pushButton') ?? false);
    expect(await button.evaluate((el) => el === document.activeElement)).toBe(true);
    // Escape closes it too, and the keyboard is back on the button.
    await page.keyboard.press('Enter');
    await dialog.waitFor();
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    await page.waitForFunction(() => document.activeElement?.classList.contains('ac-pushButton') ?? false);
    await page.context().close();
  });

  it('a task opens the follow-up part on that task (SharePoint), as the same person', async () => {
    const page = await openCard(browser, server, { user: LEADER });
    const dialog = await openQuickView(page);
    const task = leader.openTasks.find((t) => t.due !== undefined) ?? leader.openTasks[0];
    await dialog.getByRole('link', { name: task.title }).click();
    await page.waitForURL(/part=followup/);
    const url = new URL(page.url());
    expect(url.searchParams.get('mpkTask')).toBe(String(task.id));
    expect(url.searchParams.get('user')).toBe(LEADER);
    await page.waitForFunction((id) => document.activeElement?.getAttribute('data-mpk-task') === String(id), task.id, {
      timeout: 60_000,
    });
    await page.context().close();
  });

  it('an initiative waiting for its statusmelding opens the plan part on it', async () => {
    const page = await openCard(browser, server, { user: LEADER });
    const dialog = await openQuickView(page);
    const initiative = leader.silent[0];
    await dialog.getByRole('link', { name: initiative.title }).click();
    await page.waitForURL(/part=plan/);
    const url = new URL(page.url());
    expect(url.searchParams.get('mpkInitiative')).toBe(String(initiative.id));
    expect(url.searchParams.get('user')).toBe(LEADER);
    expect(url.searchParams.get('mpkUnit')).toBe(String(initiative.unitId));
    await page.getByText(initiative.title).first().waitFor({ timeout: 60_000 });
    await screenshot(page, 'card-opened-initiative');
    await page.context().close();
  });

  it('in Teams a line shows the Teams deep link it opens instead of leaving the preview', async () => {
    const page = await openCard(browser, server, { user: LEADER, host: 'teams-personal' });
    const before = page.url();
    const dialog = await openQuickView(page);
    await dialog.getByRole('link', { name: leader.openTasks[0].title }).click();
    const note = dialog.locator('[data-mpk="teams-link"]');
    await note.waitFor();
    expect(await note.textContent()).toMatch(/Åbner i Teams.*https:\/\/teams\.microsoft\.com\/l\/entity\//);
    expect(page.url()).toBe(before);
    expect(await axeScan(page, '[role="dialog"]')).toEqual([]);
    await page.context().close();
  });

  it('dark: card and quick view axe-clean, the overdue lines in the dark attention colour', async () => {
    const page = await openCard(browser, server, { user: LEADER, theme: 'dark' });
    expect(await axeScan(page, 'main')).toEqual([]);
    await saveDocScreenshot(dashboard(page), 'card-dark');
    const dialog = await openQuickView(page);
    const colour = await dialog
      .getByText(/over fristen siden/)
      .first()
      .evaluate((el) => getComputedStyle(el).color);
    expect(colour).toBe('rgb(249, 82, 107)');
    expect(await axeScan(page, '[role="dialog"]')).toEqual([]);
    await saveDocScreenshot(page, 'card-quickview-dark');
    await page.context().close();
  });

  it('Teams high contrast: card and quick view axe-clean', async () => {
    const page = await openCard(browser, server, { user: LEADER, host: 'teams-personal', theme: 'contrast' });
    expect(await axeScan(page, 'main')).toEqual([]);
    await openQuickView(page);
    expect(await axeScan(page, '[role="dialog"]')).toEqual([]);
    await page.context().close();
  });

  it('tells the employee with nothing waiting something useful, and where to go', async () => {
    const employee = await expectedFor(server, EMPLOYEE);
    expect(employee.openTasks).toEqual([]);
    expect(employee.silent).toEqual([]);
    const page = await openCard(browser, server, { user: EMPLOYEE });
    await card(page).getByText('Ingen opgaver', { exact: true }).waitFor();
    const dialog = await openQuickView(page);
    await dialog
      .getByText(
        'Du har ingen åbne opgaver, og dine indsatser har fået statusmelding inden for 14 dage. Se hvordan det går med planen.',
      )
      .waitFor();
    expect(await dialog.locator('.ac-container.ac-selectable').count()).toBe(0);
    // Action.OpenUrl: a link in the renderer's terms.
    await dialog.getByRole('link', { name: 'Åbn Ambitionsplan' }).waitFor();
    expect(await axeScan(page, '[role="dialog"]')).toEqual([]);
    await page.context().close();
  });

  it('takes the full width on a phone', async () => {
    const page = await openCard(browser, server, { user: LEADER }, { width: 390, height: 800 });
    const box = await card(page).locator('.ac-adaptiveCard').boundingBox();
    expect(box?.width).toBeGreaterThan(330);
    expect(await axeScan(page, 'main')).toEqual([]);
    await saveDocScreenshot(dashboard(page), 'card-phone');
    const dialog = await openQuickView(page);
    const surface = await dialog.boundingBox();
    expect(surface?.width).toBeLessThanOrEqual(390);
    expect(await axeScan(page, '[role="dialog"]')).toEqual([]);
    await saveDocScreenshot(page, 'card-phone-quickview');
    await page.context().close();
  });

  it("speaks English with locale=en-US (the card's own strings)", async () => {
    const page = await openCard(browser, server, { user: LEADER, locale: 'en-US' });
    const n = leader.openTasks.length;
    await card(page)
      .getByText(n === 1 ? '1 task' : `${n} tasks`, { exact: true })
      .waitFor();
    await card(page).getByRole('button', { name: 'See what is waiting' }).click();
    const dialog = page.getByRole('dialog', { name: 'My tasks' });
    await dialog.getByRole('heading', { name: 'Waiting for you' }).waitFor();
    await dialog.getByRole('button', { name: 'Close' }).waitFor();
    await page.context().close();
  });
});
