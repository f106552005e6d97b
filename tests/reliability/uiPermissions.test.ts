/** @jest-environment node */
/**
 * Permissions through the UI: every account opens every web part in Chromium (the preview mounts
 * the real components against the demo site), and for every action that writes to a list the test
 * records whether the page offers it. The result is printed as a table and must equal the intended
 * table below, which follows the REST matrix of `permissions.ts` narrowed by the product's rules
 * (a leader edits only their own unit's plan; only the chefgruppe hands out tasks; only the site
 * owner approves and features stories). `permissions.test.ts` proves the same over the REST API, so
 * a control hidden here is also refused there.
 */
import * as fs from 'fs';
import type { Browser, Page } from 'playwright-core';
import type { LocalSharePoint } from '../../localsp/server';
import { launchChromium } from '../browser/browser';
import { startPreview } from '../browser/harness';
import type { IPreviewState } from '../../preview/previewState';
import { openTrapped, servicesAs, type IOpened } from './pageTrap';
import type { Account } from './support';

jest.setTimeout(300_000);

const ACCOUNTS: readonly Account[] = ['admin', 'chef', 'leder', 'medarbejder'];

type Row = Record<Account, boolean>;
const row = (admin: boolean, chef: boolean, leder: boolean, medarbejder: boolean): Row => ({
  admin,
  chef,
  leder,
  medarbejder,
});
const ALL = row(true, true, true, true);
const OWNER = row(true, false, false, false);
const PLANNERS = row(true, true, true, false);
const CHEFGRUPPE = row(true, true, false, false);
const NONE = row(false, false, false, false);
/** The demo assigns follow-up tasks to the leader and to the chef, none to the owner or the employee. */
const ASSIGNEES = row(false, true, true, false);

/** One action a page may offer, the list operation behind it, and how to find it. */
interface IAction {
  part: 'ambitions' | 'plan (own unit)' | 'plan (other unit)' | 'followup';
  action: string;
  operation: string;
  intended: Row;
  offered(page: Page): Promise<boolean>;
}

const visible = async (
  page: Page,
  role: 'button' | 'tab' | 'textbox' | 'radiogroup',
  name?: string | RegExp,
): Promise<boolean> => (await page.getByRole(role, name === undefined ? {} : { name }).count()) > 0;

/** Opens every initiative's details so its actions and forms can be looked for. */
async function openDialogs(page: Page): Promise<void> {
  const show = page.getByRole('button', { name: 'Vis detaljer' });
  const count = await show.count();
  for (let i = 0; i < count; i++) await show.first().click();
  if (count > 0)
    await page
      .getByRole('button', { name: 'Skjul detaljer' })
      .nth(count - 1)
      .waitFor();
}

const ACTIONS: IAction[] = [
  {
    part: 'ambitions',
    action: 'Skriv en hverdagshistorie',
    operation: 'stories: create',
    intended: ALL,
    offered: (p) => visible(p, 'button', 'Skriv en hverdagshistorie'),
  },
  {
    part: 'ambitions',
    action: 'Anerkend',
    operation: 'recognitions: create',
    intended: ALL,
    offered: (p) => visible(p, 'button', /^Anerkend/),
  },
  {
    part: 'ambitions',
    action: 'Fremhæv',
    operation: "stories: update other's",
    intended: OWNER,
    offered: (p) => visible(p, 'button', /^(Fremhæv|Fjern fremhævning)/),
  },
  {
    part: 'ambitions',
    action: 'Til godkendelse (Godkend/Afvis)',
    operation: 'stories: approve',
    intended: OWNER,
    offered: (p) => visible(p, 'tab', /^Til godkendelse/),
  },
  {
    part: 'ambitions',
    action: 'Egne noter',
    operation: 'reflections: create own',
    intended: ALL,
    offered: (p) => visible(p, 'tab', 'Egne noter'),
  },
  {
    part: 'plan (own unit)',
    action: 'Godkend planen / Start opfølgningen / Afslut planen …',
    operation: 'plans: update',
    intended: PLANNERS,
    offered: (p) => visible(p, 'button', /^(Godkend planen|Start opfølgningen|Afslut planen|Genåbn planen)/),
  },
  {
    part: 'plan (own unit)',
    action: 'Tilføj indsats',
    operation: 'initiatives: create',
    intended: PLANNERS,
    offered: (p) => visible(p, 'button', /^Tilføj indsats/),
  },
  {
    part: 'plan (own unit)',
    action: 'Redigér (indsats)',
    operation: 'initiatives: update',
    intended: PLANNERS,
    offered: (p) => visible(p, 'button', /^Redigér/),
  },
  {
    part: 'plan (own unit)',
    action: 'Stop indsats',
    operation: 'initiatives: update',
    intended: PLANNERS,
    offered: (p) => visible(p, 'button', 'Stop indsats'),
  },
  {
    part: 'plan (own unit)',
    action: 'Gem statusmelding',
    operation: 'checkIns: create',
    intended: PLANNERS,
    offered: (p) => visible(p, 'button', 'Gem statusmelding'),
  },
  {
    part: 'plan (own unit)',
    action: 'Send kommentar',
    operation: 'comments: create',
    intended: ALL,
    offered: (p) => visible(p, 'button', 'Send kommentar'),
  },
  {
    part: 'plan (other unit)',
    action: 'Godkend planen / Start opfølgningen / Afslut planen …',
    operation: 'plans: update',
    intended: CHEFGRUPPE,
    offered: (p) => visible(p, 'button', /^(Godkend planen|Start opfølgningen|Afslut planen|Genåbn planen)/),
  },
  {
    part: 'plan (other unit)',
    action: 'Tilføj indsats',
    operation: 'initiatives: create',
    intended: CHEFGRUPPE,
    offered: (p) => visible(p, 'button', /^Tilføj indsats/),
  },
  {
    part: 'plan (other unit)',
    action: 'Gem statusmelding',
    operation: 'checkIns: create',
    intended: CHEFGRUPPE,
    offered: (p) => visible(p, 'button', 'Gem statusmelding'),
  },
  {
    part: 'plan (other unit)',
    action: 'Send kommentar',
    operation: 'comments: create',
    intended: ALL,
    offered: (p) => visible(p, 'button', 'Send kommentar'),
  },
  {
    part: 'followup',
    action: 'Overblik (alle enheder)',
    operation: "read all units' follow-up",
    intended: CHEFGRUPPE,
    offered: (p) => visible(p, 'tab', 'Overblik'),
  },
  {
    part: 'followup',
    action: 'Ny opgave',
    operation: 'tasks: create',
    intended: CHEFGRUPPE,
    offered: async (p) =>
      (await visible(p, 'tab', 'Opgaver')) && (await openTab(p, 'Opgaver'), visible(p, 'button', 'Ny opgave')),
  },
  {
    part: 'followup',
    action: 'Indlæs målinger fra Excel',
    operation: 'measurements: create',
    intended: CHEFGRUPPE,
    offered: async (p) =>
      (await visible(p, 'tab', 'Målinger')) &&
      (await openTab(p, 'Målinger'),
      await p.getByRole('heading', { name: 'Målinger pr. enhed' }).waitFor({ timeout: 30_000 }),
      visible(p, 'button', 'Indlæs målinger fra Excel')),
  },
  {
    part: 'followup',
    action: 'Markér som afsluttet (egen opgave)',
    operation: 'tasks: update own',
    intended: ASSIGNEES,
    offered: async (p) => (await openTab(p, 'Mine opgaver'), visible(p, 'button', /^Markér som afsluttet/)),
  },
  {
    part: 'followup',
    action: 'Slet opgave',
    operation: 'tasks: delete',
    intended: NONE,
    offered: (p) => visible(p, 'button', /^Slet/),
  },
];

async function openTab(page: Page, name: string): Promise<void> {
  const tab = page.getByRole('tab', { name, exact: true });
  if ((await tab.count()) > 0) await tab.click();
}

let server: LocalSharePoint;
let browser: Browser;
let ownUnit: number;
let otherUnit: number;

beforeAll(async () => {
  server = await startPreview();
  browser = await launchChromium();
  const admin = await servicesAs(server, 'admin@mpk.local');
  const units = await admin.units.list();
  ownUnit = units.find((u) => u.key === 'laering-og-trivsel')?.id as number;
  otherUnit = units.find((u) => u.key === 'alle-kan-bidrage')?.id as number;
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  if (server) fs.rmSync(server.dataDir, { recursive: true, force: true });
});

function stateFor(part: IAction['part'], account: Account): Partial<IPreviewState> {
  const user = `${account}@mpk.local`;
  if (part === 'plan (own unit)') return { part: 'plan', user, unit: String(ownUnit) };
  if (part === 'plan (other unit)') return { part: 'plan', user, unit: String(otherUnit) };
  return { part, user };
}

/** What the page shows once loaded, before the actions are looked for. */
async function ready(opened: IOpened, part: IAction['part']): Promise<void> {
  const { page } = opened;
  if (part === 'ambitions')
    await page
      .getByRole('list', { name: 'Hverdagshistorier, nyeste først' })
      .getByRole('article')
      .first()
      .waitFor({ timeout: 30_000 });
  else if (part.startsWith('plan')) {
    await page.getByRole('heading', { level: 2, name: /^Ambitionsplan – / }).waitFor({ timeout: 30_000 });
    await openDialogs(page);
  } else
    await page
      .getByRole('heading', { name: /Mine opgaver|Nøgletal|Enheder og ambitioner/ })
      .first()
      .waitFor({ timeout: 30_000 });
}

it('offers each account exactly the actions the permission table gives it, in every web part', async () => {
  const offered = new Map<IAction, Row>(ACTIONS.map((a) => [a, { ...NONE }]));
  const parts = Array.from(new Set(ACTIONS.map((a) => a.part)));
  for (const part of parts) {
    for (const account of ACCOUNTS) {
      const opened = await openTrapped(browser, server, stateFor(part, account));
      await ready(opened, part);
      for (const action of ACTIONS.filter((a) => a.part === part))
        (offered.get(action) as Row)[account] = await action.offered(opened.page);
      expect(opened.pageErrors).toEqual([]);
      await opened.context.close();
    }
  }
  const mark = (r: Row, a: Account): string => (r[a] ? 'offered' : '—');
  const table = ACTIONS.map((a) => {
    const got = offered.get(a) as Row;
    const cells: Record<string, string> = { 'web part': a.part, action: a.action, 'list operation': a.operation };
    for (const account of ACCOUNTS)
      cells[account] =
        got[account] === a.intended[account]
          ? mark(got, account)
          : `${mark(got, account)} (intended ${mark(a.intended, account)})`;
    return cells;
  });
  console.table(table);
  const wrong = ACTIONS.flatMap((a) =>
    ACCOUNTS.filter((account) => (offered.get(a) as Row)[account] !== a.intended[account]).map(
      (account) =>
        `${a.part} · ${a.action} · ${account}: ${(offered.get(a) as Row)[account] ? 'offered' : 'not offered'}`,
    ),
  );
  expect(wrong).toEqual([]);
});
