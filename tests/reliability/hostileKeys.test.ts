/** @jest-environment node */
/**
 * Keys from data (issue 21, point 3): `__proto__`, `constructor`, `toString` and `hasOwnProperty`
 * written into every key-like column — ambition and unit keys (their ClientKey), every list's
 * ClientKey, ambition and commitment references, the choice columns the product reads as codes
 * (statuses, health, relevance, story kind; the values added to the columns first, as an
 * administrator could), the meeting, the period and a Teams channel id. Every first view still
 * loads for every account, every web part renders in Chromium without an error, and
 * Object.prototype stays clean — in Node and in the page.
 */
import type { Browser, Page } from 'playwright-core';
import * as fs from 'fs';
import { createLocalSp } from '../../localsp/client';
import type { LocalSharePoint } from '../../localsp/server';
import type { IMpkServices } from '../../src/data/repositories/types';
import { listTitle } from '../../src/data/schema/lists';
import type { ListKey } from '../../src/data/schema/types';
import { toIsoDate } from '../../src/domain/dates';
import { launchChromium } from '../browser/browser';
import { startPreview } from '../browser/harness';
import type { IPreviewState } from '../../preview/previewState';
import { bulk, openTrapped, servicesAs } from './pageTrap';

jest.setTimeout(600_000);

const KEYS = ['__proto__', 'constructor', 'toString', 'hasOwnProperty'] as const;
const EMAILS = {
  admin: 'admin@mpk.local',
  chef: 'chef@mpk.local',
  leder: 'leder@mpk.local',
  medarbejder: 'medarbejder@mpk.local',
} as const;
type Account = keyof typeof EMAILS;
const ACCOUNTS = Object.keys(EMAILS) as Account[];

/** Choice columns the product reads as codes. */
const CHOICES: Array<{ list: ListKey; field: string }> = [
  { list: 'plans', field: 'PlanStatus' },
  { list: 'initiatives', field: 'InitiativeStatus' },
  { list: 'checkIns', field: 'Health' },
  { list: 'tasks', field: 'TaskStatus' },
  { list: 'stories', field: 'StoryKind' },
  { list: 'planFocuses', field: 'Relevance' },
  { list: 'units', field: 'UnitKind' },
];

/** What Object.prototype holds in a fresh realm, by name. */
const PROTOTYPE_NAMES = Object.getOwnPropertyNames(Object.prototype).sort();

let server: LocalSharePoint;
let browser: Browser;
let services: Record<Account, IMpkServices>;
let unitId: number;
const hostileUnits: number[] = [];

/** Bulk-writes items (a Title where the item has none: SharePoint requires one). */
function put(list: ListKey, author: string, items: Record<string, unknown>[]): Promise<void> {
  return bulk(
    server,
    list,
    author,
    items.map((item) => ({ Title: 'Fjendtlig nøgle', ...item })),
  );
}

function prototypeIsClean(): string[] {
  const problems: string[] = [];
  const names = Object.getOwnPropertyNames(Object.prototype).sort();
  if (JSON.stringify(names) !== JSON.stringify(PROTOTYPE_NAMES))
    problems.push(`Object.prototype has ${names.join(', ')}`);
  const probe = {} as Record<string, unknown>;
  for (const name of ['initiatives', 'plans', 'stories', 'push', 'length'])
    if (probe[name] !== undefined) problems.push(`({}).${name} is ${String(probe[name])}`);
  if (Object.getPrototypeOf(probe) !== Object.prototype) problems.push("a new object's prototype changed");
  return problems;
}

beforeAll(async () => {
  server = await startPreview();
  services = {} as Record<Account, IMpkServices>;
  for (const account of ACCOUNTS) services[account] = await servicesAs(server, EMAILS[account]);
  const { admin, leder } = services;
  unitId = (await admin.units.list()).find((u) => u.key === 'laering-og-trivsel')?.id as number;
  const plan = await leder.views.loadPlanView({ unitId, userId: leder.user.id });
  const planId = plan.plan?.id as number;
  const initiativeId = plan.initiatives[0].id as number;
  const storyId = (await leder.views.loadAmbitionsView({ userId: leder.user.id })).stories.items[0].id as number;

  const sp = createLocalSp(server.siteUrl, EMAILS.admin);
  for (const { list, field } of CHOICES) {
    const column = sp.web.lists.getByTitle(listTitle(list)).fields.getByInternalNameOrTitle(field);
    const { Choices } = (await column.select('Choices')()) as { Choices: string[] };
    await column.update({ Choices: [...Choices, ...KEYS.filter((k) => Choices.indexOf(k) < 0)] }, 'SP.FieldChoice');
  }

  const year = toIsoDate(new Date()).slice(0, 4);
  for (const key of KEYS) {
    const approved = { OData__ModerationStatus: 0 };
    await put('ambitions', EMAILS.admin, [{ ClientKey: key, Title: `Ambition ${key}`, SortOrder: 99 }]);
    await put('commitments', EMAILS.admin, [
      { ClientKey: key, Title: `Vi vil ${key}`, AmbitionKey: key, SortOrder: 1, CommitmentText: key },
    ]);
    await put('units', EMAILS.admin, [
      {
        ClientKey: key,
        Title: `Enhed ${key}`,
        UnitKind: key,
        ParentUnitId: unitId,
        SortOrder: 999,
        TeamsChannelId: key,
      },
    ]);
    await put('politicalPriorities', EMAILS.admin, [
      { ClientKey: key, Title: `Prioritet ${key}`, SortOrder: 1, IsActive: true },
    ]);
    await put('plans', EMAILS.leder, [{ ClientKey: key, UnitId: unitId, Period: key, PlanStatus: key }]);
    await put('planFocuses', EMAILS.leder, [
      { ClientKey: key, PlanId: planId, UnitId: unitId, AmbitionKey: key, Relevance: key },
    ]);
    await put('initiatives', EMAILS.leder, [
      {
        ClientKey: key,
        PlanId: planId,
        UnitId: unitId,
        Title: `Indsats ${key}`,
        AmbitionKey: key,
        CommitmentKey: key,
        InitiativeStatus: key,
      },
    ]);
    await put('checkIns', EMAILS.leder, [
      {
        ClientKey: key,
        InitiativeId: initiativeId,
        UnitId: unitId,
        Title: 'Status',
        Health: key,
        Progress: 10,
        CheckInDate: `${year}-01-02T12:00:00Z`,
      },
    ]);
    await put('tasks', EMAILS.chef, [
      {
        ClientKey: key,
        Title: `Opgave ${key}`,
        UnitId: unitId,
        AmbitionKey: key,
        AssigneeId: leder.user.id,
        TaskStatus: key,
        Meeting: key,
        DueDate: `${year}-02-01T12:00:00Z`,
      },
    ]);
    await put('stories', EMAILS.medarbejder, [
      {
        ...approved,
        ClientKey: key,
        Title: `Historie ${key}`,
        Body: `<p>${key}</p>`,
        StoryKind: key,
        AmbitionKey: key,
        UnitId: unitId,
      },
    ]);
    await put('recognitions', EMAILS.medarbejder, [{ ClientKey: key, Title: key, StoryId: storyId }]);
    await put('comments', EMAILS.medarbejder, [
      { ClientKey: key, Title: key, Body: key, UnitId: unitId, InitiativeId: initiativeId },
    ]);
    await put('reflections', EMAILS.medarbejder, [{ ClientKey: key, Title: key, Contribution: key, AmbitionKey: key }]);
  }
  const units = await admin.units.list();
  for (const key of KEYS) hostileUnits.push(units.find((u) => u.name === `Enhed ${key}`)?.id as number);
  // A plan in a hostile unit too, so its own plan view has rows with hostile keys.
  for (const id of hostileUnits) {
    await put('plans', EMAILS.admin, [{ UnitId: id, Period: year, PlanStatus: 'approved' }]);
  }
  browser = await launchChromium();
}, 300_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
  if (server) fs.rmSync(server.dataDir, { recursive: true, force: true });
});

describe("first views over keys named like Object.prototype's members", () => {
  it.each(ACCOUNTS)('load for %s, keep the hostile rows, and leave Object.prototype clean', async (account) => {
    const s = services[account];
    const ambitions = await s.views.loadAmbitionsView({ userId: s.user.id });
    expect(ambitions.ambitions.map((a) => a.key)).toEqual(expect.arrayContaining([...KEYS]));
    // Counts only for the ambitions there are; no inherited member reads as a count.
    for (const key of KEYS)
      expect(
        Object.prototype.hasOwnProperty.call(ambitions.counts, key) ? typeof ambitions.counts[key] : 'object',
      ).toBe('object');
    expect(ambitions.stories.items.length).toBeGreaterThan(0);

    const plan = await s.views.loadPlanView({ unitId, userId: s.user.id });
    expect(plan.units.map((u) => u.key)).toEqual(expect.arrayContaining([...KEYS]));
    for (const id of hostileUnits) {
      const other = await s.views.loadPlanView({ unitId: id, userId: s.user.id });
      expect(other.unit?.id).toBe(id);
    }
    // A Teams tab whose channel id is "__proto__" finds that unit, not an inherited member.
    const tab = await s.views.loadPlanView({ channelId: '__proto__', userId: s.user.id });
    expect(tab.unit?.key).toBe('__proto__');

    const followUp = await s.views.loadFollowUpView({ userId: s.user.id, meeting: 'constructor' });
    expect(followUp.overview.rows.length).toBeGreaterThan(0);
    for (const key of KEYS) {
      expect(typeof followUp.overview.tasksByStatus.open).toBe('number');
      expect(
        Object.prototype.hasOwnProperty.call(followUp.overview.storiesByAmbition, key)
          ? typeof followUp.overview.storiesByAmbition[key]
          : 'number',
      ).toBe('number');
    }
    expect(prototypeIsClean()).toEqual([]);
  });
});

/** What each web part shows once loaded. */
async function ready(opened: Awaited<ReturnType<typeof openTrapped>>, part: IPreviewState['part']): Promise<void> {
  const { page } = opened;
  if (part === 'ambitions')
    await page
      .getByRole('list', { name: 'Hverdagshistorier, nyeste først' })
      .getByRole('article')
      .first()
      .waitFor({ timeout: 60_000 });
  else if (part === 'plan')
    await page.getByRole('heading', { level: 2, name: /^Ambitionsplan – / }).waitFor({ timeout: 60_000 });
  else
    await page
      .getByRole('heading', { name: /Mine opgaver|Nøgletal|Enheder og ambitioner/ })
      .first()
      .waitFor({ timeout: 60_000 });
}

/** Opens what a first view keeps closed: every initiative's details; every follow-up tab. */
async function showMore(page: Page, part: IPreviewState['part']): Promise<string> {
  let seen = '';
  if (part === 'plan') {
    const show = page.getByRole('button', { name: 'Vis detaljer' });
    const count = await show.count();
    for (let i = 0; i < count; i++) await show.first().click();
  } else if (part === 'followup') {
    for (const name of ['Opgaver', 'Mine opgaver', 'Rapport', 'Overblik']) {
      const tab = page.getByRole('tab', { name, exact: true });
      if ((await tab.count()) > 0) {
        await tab.click();
        await page.waitForTimeout(300);
        seen += await page.locator('main').innerText();
      }
    }
  }
  return seen;
}

describe("the web parts in Chromium over keys named like Object.prototype's members", () => {
  it("render for every account without an error, and leave the page's Object.prototype clean", async () => {
    const problems: string[] = [];
    const states: Array<{ part: IPreviewState['part']; unit?: number }> = [
      { part: 'ambitions' },
      { part: 'plan', unit: unitId },
      ...hostileUnits.map((unit) => ({ part: 'plan' as const, unit })),
      { part: 'followup' },
    ];
    for (const { part, unit } of states) {
      for (const account of ACCOUNTS) {
        const state: Partial<IPreviewState> =
          unit !== undefined ? { part, user: EMAILS[account], unit: String(unit) } : { part, user: EMAILS[account] };
        const where = `${part}${unit !== undefined ? ` ${unit}` : ''} · ${account}`;
        const opened = await openTrapped(browser, server, state);
        try {
          await ready(opened, part);
          const tabs = await showMore(opened.page, part);
          await opened.page.waitForTimeout(200);
          const text = tabs + (await opened.page.locator('main').innerText());
          for (const failed of [
            'Indholdet kunne ikke hentes.',
            'Ambitionsplanen kunne ikke hentes',
            'Opfølgningen kunne ikke hentes',
            'Historierne kunne ikke hentes.',
            'Noget gik galt i visningen',
            'Dette indhold kan ikke vises',
          ]) {
            if (text.indexOf(failed) >= 0) problems.push(`${where}: "${failed}"`);
          }
          for (const error of opened.pageErrors) problems.push(`${where}: page error ${error}`);
          const inPage = await opened.page.evaluate((expected) => {
            const found: string[] = [];
            const names = Object.getOwnPropertyNames(Object.prototype).sort();
            if (JSON.stringify(names) !== JSON.stringify(expected))
              found.push(`Object.prototype has ${names.join(', ')}`);
            const probe = {} as Record<string, unknown>;
            for (const name of ['initiatives', 'plans', 'stories', 'push', 'length'])
              if (probe[name] !== undefined) found.push(`({}).${name} is ${String(probe[name])}`);
            return found;
          }, PROTOTYPE_NAMES);
          for (const problem of inPage) problems.push(`${where}: ${problem}`);
        } catch (error) {
          const shown = await opened.page
            .locator('main')
            .innerText()
            .catch(() => '');
          problems.push(
            `${where}: ${String((error as Error).message).split('\n')[0]} (page errors: ${opened.pageErrors.join('; ')}; shown: ${shown.slice(0, 400)})`,
          );
        } finally {
          await opened.context.close();
        }
      }
    }
    expect(problems).toEqual([]);
  });
});
