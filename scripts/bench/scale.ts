/**
 * Municipal scale: a second local SharePoint with the demo data plus 100,000 stories, 20,000 initiatives,
 * 50,000 tasks and 200 units (and the plans, focuses, check-ins, comments and recognitions that go with
 * them), bulk-loaded through `POST /_local/lists/<title>/bulk`. Then the same first views: round trips,
 * list-view-threshold errors, the time until each view is usable as a ratio to the demo data (median of
 * `runs`, demo and scale interleaved), "Vis flere" in the story feed and a filter on the task board.
 */
import type { Browser } from 'playwright-core';
import { GROUPS } from '../../localsp/seed';
import { listTitle } from '../../src/data/schema/lists';
import type { ListKey } from '../../src/data/schema/types';
import { PARTS, type PartName } from './bytes';
import {
  openView,
  resetServerRequests,
  serverRequests,
  trackNetwork,
  isDigestRequest,
  type ViewMeasurement,
} from './firstView';
import { describeSpread, KB, median, ratioSpread, type DetailTable, type Figure } from './report';
import {
  measureAccounts,
  previewViewUrl,
  receivedFigures,
  roundTripFigures,
  shortRequest,
  type AccountView,
} from './roundTrips';
import {
  buildInitiativeFollowUp,
  buildPlanContent,
  buildPlans,
  buildRecognitions,
  buildStories,
  buildTasks,
  buildUnits,
  MUNICIPAL_SCALE,
  type BulkBatch,
  type ScaleContext,
  type ScaleSize,
} from './scaleData';
import { timeShowMoreStories, timeTaskFilter, type ActionTiming, type ViewSpec } from './views';

/** Budget: a first view at scale takes at most 1.5 × as long as on the demo data. */
export const SCALE_RATIO_BUDGET = 1.5;

/**
 * Budgets: bytes (uncompressed REST answers) a first view receives at municipal scale, for every account.
 * The follow-up overview needs per unit × ambition counts and the latest health, not every row; the
 * ambitions view shows the ambitions and one page of stories. Web parts not named here are reported
 * without a budget.
 */
export const RECEIVED_AT_SCALE_BUDGET_BYTES: Partial<Record<PartName, number>> = {
  followup: 500 * KB,
  ambitions: 300 * KB,
};

/** Budget: requests per action at scale ("Vis flere" in the story feed, the task board's unit filter). */
export const ACTION_REQUEST_BUDGET = 1;

/** The account that opens each web part in the timing runs (the web part's main user). */
export const MAIN_ACCOUNT: Record<PartName, string> = {
  ambitions: 'medarbejder@mpk.local',
  plan: 'leder@mpk.local',
  followup: 'chef@mpk.local',
};

const DEMO = {
  admin: 'admin@mpk.local',
  chef: 'chef@mpk.local',
  leder: 'leder@mpk.local',
  medarbejder: 'medarbejder@mpk.local',
};

/** A REST GET on the local SharePoint as the site owner. */
async function restGet<T>(siteUrl: string, apiPath: string): Promise<T> {
  const res = await fetch(`${siteUrl}/_api/${apiPath}`, {
    headers: { authorization: `Bearer ${DEMO.admin}`, accept: 'application/json' },
  });
  if (!res.ok) throw new Error(`GET ${apiPath}: ${res.status} ${(await res.text()).slice(0, 200)}`);
  return (await res.json()) as T;
}

/** All items of a list (paged by nextLink, ID order, so any size is safe). */
export async function allItems<T>(siteUrl: string, list: ListKey, select: string[]): Promise<T[]> {
  const out: T[] = [];
  let url: string | undefined =
    `${siteUrl}/_api/web/lists/getByTitle('${encodeURIComponent(listTitle(list))}')/items?$select=${select.join(',')}&$top=5000`;
  while (url) {
    const res: Response = await fetch(url, {
      headers: { authorization: `Bearer ${DEMO.admin}`, accept: 'application/json' },
    });
    if (!res.ok) throw new Error(`GET items of ${listTitle(list)}: ${res.status} ${(await res.text()).slice(0, 200)}`);
    const body = (await res.json()) as { value: T[]; 'odata.nextLink'?: string };
    out.push(...body.value);
    url = body['odata.nextLink'];
  }
  return out;
}

/** The site user ids of the demo accounts. */
export async function demoUserIds(siteUrl: string): Promise<Record<keyof typeof DEMO, number>> {
  const users = await restGet<{ value: { Id: number; Email: string }[] }>(siteUrl, 'web/siteusers?$select=Id,Email');
  const id = (email: string): number => {
    const u = users.value.find((x) => (x.Email || '').toLowerCase() === email);
    if (!u) throw new Error(`demo account ${email} is not a site user`);
    return u.Id;
  };
  return { admin: id(DEMO.admin), chef: id(DEMO.chef), leder: id(DEMO.leder), medarbejder: id(DEMO.medarbejder) };
}

/** The unit the demo leader leads (the plan web part's unit in the bench). */
export async function leaderUnit(siteUrl: string): Promise<{ id: number; title: string; clientKey: string }> {
  const ids = await demoUserIds(siteUrl);
  const units = await allItems<{ Id: number; Title: string; ClientKey: string; LeadersId: number[] | null }>(
    siteUrl,
    'units',
    ['Id', 'Title', 'ClientKey', 'LeadersId'],
  );
  const unit = units.find((u) => (u.LeadersId ?? []).includes(ids.leder));
  if (!unit) throw new Error('no unit has leder@mpk.local among its leaders (demo seed changed?)');
  return { id: unit.Id, title: unit.Title, clientKey: unit.ClientKey };
}

/** Sends one bulk call; returns the ids given to its items, in order. */
async function bulk(origin: string, batch: BulkBatch): Promise<number[]> {
  const res = await fetch(`${origin}/_local/lists/${encodeURIComponent(batch.list)}/bulk`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ items: batch.items, author: batch.author }),
  });
  const text = await res.text();
  if (!res.ok)
    throw new Error(
      `bulk load of ${batch.list} (${batch.items.length} items as ${batch.author}) failed: ${res.status} ${text.slice(0, 400)}`,
    );
  const body = JSON.parse(text) as { count: number; firstId: number | null; lastId: number | null };
  if (body.count !== batch.items.length || body.firstId === null)
    throw new Error(`bulk load of ${batch.list}: ${body.count} of ${batch.items.length} items`);
  return Array.from({ length: body.count }, (_, i) => (body.firstId as number) + i);
}

async function bulkAll(origin: string, batches: readonly BulkBatch[]): Promise<number[][]> {
  const out: number[][] = [];
  for (const b of batches) out.push(await bulk(origin, b));
  return out;
}

/** Adds site users through the hook; returns their ids. */
async function addUsers(
  origin: string,
  users: { email: string; title: string; group: string; jobTitle: string }[],
): Promise<{ id: number; email: string }[]> {
  const res = await fetch(`${origin}/_local/users`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(
      users.map((u) => ({ email: u.email, title: u.title, groups: [u.group], jobTitle: u.jobTitle })),
    ),
  });
  if (!res.ok) throw new Error(`POST /_local/users: ${res.status} ${(await res.text()).slice(0, 300)}`);
  const body = (await res.json()) as { Id: number; Email: string }[];
  return body.map((u) => ({ id: u.Id, email: u.Email }));
}

/** Loads the municipal-scale data into a demo-seeded local SharePoint. */
export async function loadScaleData(
  origin: string,
  siteUrl: string,
  size: ScaleSize = MUNICIPAL_SCALE,
  log: (line: string) => void = () => undefined,
): Promise<{ leaderUnitId: number; counts: Record<string, number>; ms: number }> {
  const t0 = Date.now();
  const demo = await demoUserIds(siteUrl);
  const existingUnits = await allItems<{
    Id: number;
    Title: string;
    ClientKey: string;
    ParentUnitId: number | null;
    LeadersId: number[] | null;
  }>(siteUrl, 'units', ['Id', 'Title', 'ClientKey', 'ParentUnitId', 'LeadersId']);
  const existingPlans = await allItems<{ UnitId: number; Period: string }>(siteUrl, 'plans', ['UnitId', 'Period']);
  const priorities = await allItems<{ Id: number }>(siteUrl, 'politicalPriorities', ['Id']);
  const newUnits = Math.max(0, size.units - existingUnits.length);
  const leaders = await addUsers(
    origin,
    Array.from({ length: Math.max(1, newUnits) }, (_, i) => ({
      email: `leder.${i + 1}@mpk.local`,
      title: `Leder ${i + 1}`,
      group: GROUPS.members,
      jobTitle: 'Leder',
    })),
  );
  const employees = await addUsers(
    origin,
    Array.from({ length: size.employees }, (_, i) => ({
      email: `ansat.${i + 1}@mpk.local`,
      title: `Medarbejder ${i + 1}`,
      group: GROUPS.visitors,
      jobTitle: 'Medarbejder',
    })),
  );
  const leaderUnitId = existingUnits.find((u) => (u.LeadersId ?? []).includes(demo.leder))?.Id;
  if (leaderUnitId === undefined) throw new Error('no unit has leder@mpk.local among its leaders (demo seed changed?)');
  const ctx: ScaleContext = {
    units: existingUnits.map((u) => ({
      id: u.Id,
      title: u.Title,
      clientKey: u.ClientKey,
      parentId: u.ParentUnitId ?? undefined,
    })),
    plans: existingPlans.map((p) => ({ unitId: p.UnitId, period: p.Period })),
    politicalPriorityIds: priorities.map((p) => p.Id),
    demo,
    demoEmails: DEMO,
    leaders,
    employees,
    leaderUnitId,
    now: new Date(),
  };
  const counts: Record<string, number> = {};
  const count = (key: string, ids: number[][]): void => {
    counts[key] = (counts[key] ?? 0) + ids.reduce((s, l) => s + l.length, 0);
  };

  log(`  units: ${newUnits} new`);
  const unitBatches = buildUnits(ctx, size, listTitle('units'));
  const unitIdLists = await bulkAll(origin, unitBatches);
  count('units', unitIdLists);
  const unitLeader = new Map<number, number>();
  for (const u of existingUnits) if (u.LeadersId && u.LeadersId.length > 0) unitLeader.set(u.Id, u.LeadersId[0]);
  unitBatches.forEach((b, bi) =>
    b.items.forEach((item, ii) => unitLeader.set(unitIdLists[bi][ii], (item.LeadersId as number[])[0])),
  );
  const unitIds = [...existingUnits.map((u) => u.Id), ...unitIdLists.flat()];

  log('  plans and focuses');
  const planBatches = buildPlans(ctx, size, unitIds, unitLeader, { plans: listTitle('plans') });
  const planIdLists = await bulkAll(origin, planBatches);
  count('plans', planIdLists);
  const plans = planBatches.flatMap((b, bi) =>
    b.items.map((item, ii) => ({
      id: planIdLists[bi][ii],
      unitId: item.UnitId as number,
      period: item.Period as string,
    })),
  );
  const content = buildPlanContent(ctx, size, plans, unitLeader, {
    planFocuses: listTitle('planFocuses'),
    initiatives: listTitle('initiatives'),
  });
  count('planFocuses', await bulkAll(origin, content.focuses));

  log(`  ${size.initiatives} initiatives`);
  const initiativeIdLists = await bulkAll(origin, content.initiatives);
  count('initiatives', initiativeIdLists);
  const initiatives = content.initiatives.flatMap((b, bi) =>
    b.items.map((item, ii) => ({
      id: initiativeIdLists[bi][ii],
      unitId: item.UnitId as number,
      planId: item.PlanId as number,
      startDate: item.StartDate as string,
    })),
  );
  log('  check-ins and comments');
  const followUp = buildInitiativeFollowUp(ctx, size, initiatives, {
    checkIns: listTitle('checkIns'),
    comments: listTitle('comments'),
  });
  for (const b of followUp) count(b.list === listTitle('checkIns') ? 'checkIns' : 'comments', [await bulk(origin, b)]);

  log(`  ${size.tasks} tasks`);
  const initiativesByUnit = new Map<number, number[]>();
  for (const i of initiatives) {
    const l = initiativesByUnit.get(i.unitId) ?? [];
    l.push(i.id);
    initiativesByUnit.set(i.unitId, l);
  }
  count(
    'tasks',
    await bulkAll(origin, buildTasks(ctx, size, unitIds, unitLeader, initiativesByUnit, listTitle('tasks'))),
  );

  log(`  ${size.stories} stories`);
  const storyBatches = buildStories(ctx, size, unitIds, listTitle('stories'));
  const storyIdLists = await bulkAll(origin, storyBatches);
  count('stories', storyIdLists);
  const approvedStoryIds = storyBatches
    .flatMap((b, bi) => b.items.map((item, ii) => (item.OData__ModerationStatus === 0 ? storyIdLists[bi][ii] : -1)))
    .filter((id) => id > 0);
  log(`  ${size.recognitions} recognitions`);
  // The app keeps StoryFeatured on a featured story's recognitions (schema v4): the bulk load does too.
  const featuredStoryIds = new Set(
    storyBatches
      .flatMap((b, bi) => b.items.map((item, ii) => (item.Featured === true ? storyIdLists[bi][ii] : -1)))
      .filter((id) => id > 0),
  );
  count(
    'recognitions',
    await bulkAll(
      origin,
      buildRecognitions(ctx, size, approvedStoryIds, listTitle('recognitions'), undefined, featuredStoryIds),
    ),
  );
  await fetch(`${origin}/_local/compact`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: '{}',
  });
  return { leaderUnitId, counts, ms: Date.now() - t0 };
}

/** Item counts of every list of the schema, as the server reports them. */
export async function listCounts(siteUrl: string): Promise<{ title: string; count: number }[]> {
  const lists = await restGet<{ value: { Title: string; ItemCount: number }[] }>(
    siteUrl,
    'web/lists?$select=Title,ItemCount',
  );
  return lists.value.filter((l) => /^MPK /.test(l.Title)).map((l) => ({ title: l.Title, count: l.ItemCount }));
}

/** One timed first view, with the interactions done on the same page. */
interface TimedRun {
  usableMs: number | null;
  error?: string;
  thresholdErrors: number;
  more?: ActionResult;
  filter?: ActionResult;
}

/** A timed interaction and the requests it sent. */
type ActionResult = ActionTiming & { requests: number; paths: string[] };

/** Counts the REST requests an interaction sends (the page is settled before and after). */
async function countRequests<T>(
  origin: string,
  page: import('playwright-core').Page,
  action: () => Promise<T>,
): Promise<{ result: T; requests: number; paths: string[]; thresholdErrors: number }> {
  const network = trackNetwork(page);
  let thresholdErrors = 0;
  const onResponse = (res: import('playwright-core').Response): void => {
    if (!res.url().includes('/_api/')) return;
    res
      .text()
      .then((t) => {
        thresholdErrors += (t.match(/SPQueryThrottledException/g) ?? []).length;
      })
      .catch(() => undefined);
  };
  page.on('response', onResponse);
  await resetServerRequests(origin);
  const result = await action();
  await network.quiet(1500, 30000);
  network.stop();
  page.off('response', onResponse);
  const logged = (await serverRequests(origin)).filter((r) => !isDigestRequest(r.path));
  return {
    result,
    requests: logged.length,
    paths: logged.map(shortRequest),
    thresholdErrors: thresholdErrors + logged.filter((r) => r.status === 500).length,
  };
}

async function timedRun(input: {
  browser: Browser;
  origin: string;
  part: PartName;
  spec: ViewSpec;
  strings: Record<string, unknown>;
  leaderUnitId: number;
  interactions: boolean;
  /** Demo or scale data ("Vis flere" needs more than one page of stories: scale only). */
  which: 'demo' | 'scale';
}): Promise<TimedRun> {
  const m: ViewMeasurement & {
    page?: import('playwright-core').Page;
    context?: import('playwright-core').BrowserContext;
  } = await openView(input.browser, {
    url: previewViewUrl(input.origin, input.part, MAIN_ACCOUNT[input.part], input.leaderUnitId),
    origin: input.origin,
    usableSelector: input.spec.usable,
    keepOpen: true,
    timeoutMs: 60000,
  });
  const run: TimedRun = {
    usableMs: m.usableMs,
    error: m.error,
    thresholdErrors: m.traffic.thresholdErrors + m.requests.filter((r) => r.status === 500).length,
  };
  try {
    if (input.interactions && m.page && m.usableMs !== null) {
      if (input.part === 'ambitions' && input.which === 'scale') {
        const c = await countRequests(input.origin, m.page, () => timeShowMoreStories(m.page as never, input.strings));
        run.more = { ...c.result, requests: c.requests, paths: c.paths };
        run.thresholdErrors += c.thresholdErrors;
      }
      if (input.part === 'followup') {
        const c = await countRequests(input.origin, m.page, () =>
          timeTaskFilter(m.page as never, input.strings, input.leaderUnitId),
        );
        run.filter = { ...c.result, requests: c.requests, paths: c.paths };
        run.thresholdErrors += c.thresholdErrors;
      }
    }
  } finally {
    await m.context?.close();
  }
  return run;
}

/**
 * Runs the scale measurements against a demo server and a scale server. With `timing: false` (the CI
 * mode) it makes no timing runs: the first views of every account, then each action once at scale.
 */
export async function measureScale(input: {
  browser: Browser;
  demo: { origin: string };
  scale: { origin: string; siteUrl: string };
  specs: Record<PartName, ViewSpec>;
  strings: Record<string, unknown>;
  leaderUnitId: number;
  runs: number;
  /** false: no time ratios, no action times (CI). */
  timing: boolean;
  dataset: { counts: { title: string; count: number }[]; loadMs: number };
  log?: (line: string) => void;
}): Promise<{ figures: Figure[]; details: DetailTable[] }> {
  const log = input.log ?? (() => undefined);
  const figures: Figure[] = [];
  const details: DetailTable[] = [];

  log('  first views of every account at scale');
  const views: AccountView[] = await measureAccounts({
    browser: input.browser,
    origin: input.scale.origin,
    specs: input.specs,
    leaderUnitId: input.leaderUnitId,
    timeoutMs: 120000,
    log,
  });
  const rt = roundTripFigures('scale', views, input.specs, 'at scale: ');
  figures.push(...rt.figures);
  figures.push(...receivedFigures('scale', views, RECEIVED_AT_SCALE_BUDGET_BYTES, 'at scale: '));
  details.push(...rt.details);
  let thresholdErrors = views.reduce(
    (s, v) => s + v.m.traffic.thresholdErrors + v.m.requests.filter((r) => r.status === 500).length,
    0,
  );

  // Timing: one warm-up each (discarded), then `runs` rounds with demo and scale interleaved.
  // Without timing: each action once at scale (its requests and threshold errors only).
  const samples: Record<PartName, { demo: TimedRun[]; scale: TimedRun[] }> = {
    ambitions: { demo: [], scale: [] },
    plan: { demo: [], scale: [] },
    followup: { demo: [], scale: [] },
  };
  if (!input.timing) {
    for (const part of ['ambitions', 'followup'] as const) {
      const run = await timedRun({
        browser: input.browser,
        origin: input.scale.origin,
        part,
        spec: input.specs[part],
        strings: input.strings,
        leaderUnitId: input.leaderUnitId,
        interactions: true,
        which: 'scale',
      });
      thresholdErrors += run.thresholdErrors;
      samples[part].scale.push(run);
      const action = run.more ?? run.filter;
      log(
        `  ${part} at scale, action once: ${run.usableMs === null ? run.error : action ? `${action.requests} request(s)${action.error ? ` — ${action.error}` : ''}` : 'no action'}`,
      );
    }
  }
  for (let round = 0; input.timing && round <= input.runs; round++) {
    for (const p of PARTS) {
      for (const which of ['demo', 'scale'] as const) {
        const origin = which === 'demo' ? input.demo.origin : input.scale.origin;
        const run = await timedRun({
          browser: input.browser,
          origin,
          part: p.part,
          spec: input.specs[p.part],
          strings: input.strings,
          leaderUnitId: input.leaderUnitId,
          interactions: round > 0,
          which,
        });
        if (which === 'scale') thresholdErrors += run.thresholdErrors;
        if (round > 0) samples[p.part][which].push(run);
        log(
          `  ${round === 0 ? 'warm-up' : `run ${round}`} ${p.part} ${which}: ${run.usableMs === null ? run.error : `${Math.round(run.usableMs)} ms`}${run.more ? `; Vis flere ${run.more.ms === null ? run.more.error : `${Math.round(run.more.ms)} ms`}` : ''}${run.filter ? `; filter ${run.filter.ms === null ? run.filter.error : `${Math.round(run.filter.ms)} ms`}` : ''}`,
        );
      }
    }
  }

  figures.push({
    section: 'scale',
    id: 'scale.thresholdErrors',
    label: 'list-view-threshold errors (SPQueryThrottledException) at scale',
    value: thresholdErrors,
    unit: 'count',
    budget: { equals: 0 },
    detail: `in every response of every first view, "Vis flere" and task filter at scale (500s and $batch parts)${input.timing ? '' : '; each action once (no timing runs)'}`,
  });

  const ms = (runs: readonly TimedRun[]): number[] =>
    runs.map((r) => r.usableMs).filter((v): v is number => v !== null);
  const sampleRows: string[][] = [];
  for (const p of input.timing ? PARTS : []) {
    const demo = ms(samples[p.part].demo);
    const scale = ms(samples[p.part].scale);
    const complete = demo.length === input.runs && scale.length === input.runs;
    const spread = ratioSpread(
      samples[p.part].demo.map((r) => r.usableMs),
      samples[p.part].scale.map((r) => r.usableMs),
    );
    const ratio = complete && spread ? spread.ratio : null;
    if (spread) log(`  ${p.part}: scale ÷ demo ${spread.ratio.toFixed(2)}× — ${describeSpread(spread, input.runs)}`);
    const errors = [...samples[p.part].demo, ...samples[p.part].scale].map((r) => r.error).filter(Boolean);
    figures.push({
      section: 'scale',
      id: `scale.ratio.${p.part}`,
      label: `${p.part}: time to usable, scale ÷ demo`,
      value: ratio,
      unit: 'ratio',
      budget: { max: SCALE_RATIO_BUDGET },
      detail:
        complete && spread
          ? `${describeSpread(spread, input.runs)}, as ${MAIN_ACCOUNT[p.part].split('@')[0]}`
          : undefined,
      error: complete
        ? undefined
        : `only ${demo.length} demo and ${scale.length} scale runs became usable: ${[...new Set(errors)].join('; ')}`,
    });
    sampleRows.push([
      p.part,
      'demo',
      ...samples[p.part].demo.map((r) => (r.usableMs === null ? '—' : String(Math.round(r.usableMs)))),
    ]);
    sampleRows.push([
      p.part,
      'scale',
      ...samples[p.part].scale.map((r) => (r.usableMs === null ? '—' : String(Math.round(r.usableMs)))),
    ]);
    sampleRows.push([
      p.part,
      'scale ÷ demo',
      ...samples[p.part].scale.map((r, i) => {
        const d = samples[p.part].demo[i]?.usableMs ?? null;
        return r.usableMs === null || d === null || d <= 0 ? '—' : `${(r.usableMs / d).toFixed(2)}×`;
      }),
    ]);
  }

  const actionFigure = (
    id: string,
    label: string,
    runs: readonly ActionResult[],
    what: string,
    budget?: number,
  ): void => {
    const okRuns = runs.filter((r) => r.ms !== null);
    const errors = [...new Set(runs.map((r) => r.error).filter(Boolean))];
    if (input.timing)
      figures.push({
        section: 'scale',
        id: `${id}.ms`,
        label: `${label}: time`,
        value: okRuns.length > 0 ? median(okRuns.map((r) => r.ms as number)) : null,
        unit: 'ms',
        detail:
          okRuns.length > 0
            ? `median of ${okRuns.length} runs (${okRuns.map((r) => Math.round(r.ms as number)).join(', ')} ms); ${what}`
            : undefined,
        error: errors.length > 0 ? errors.join('; ') : okRuns.length === 0 ? 'not measured' : undefined,
      });
    figures.push({
      section: 'scale',
      id: `${id}.requests`,
      label: `${label}: requests`,
      // An action that failed (no "Vis flere", no board) has sent no meaningful count: not measured.
      value: runs.length > 0 && okRuns.length === runs.length ? Math.max(...runs.map((r) => r.requests)) : null,
      unit: 'requests',
      budget: budget === undefined ? undefined : { max: budget },
      detail:
        runs.length > 0
          ? `most in any run (${runs.map((r) => r.requests).join(', ')}): ${[...new Set(runs.flatMap((r) => r.paths))].join('; ')}`
          : undefined,
      error:
        errors.length > 0
          ? errors.join('; ')
          : runs.length === 0
            ? 'the action did not run (its view did not become usable)'
            : undefined,
    });
  };
  actionFigure(
    'scale.showMore',
    'at scale: "Vis flere" (next page of stories)',
    samples.ambitions.scale.map((r) => r.more).filter((x): x is ActionResult => !!x),
    'from the click until more stories are shown',
    ACTION_REQUEST_BUDGET,
  );
  actionFigure(
    'scale.taskFilter',
    'at scale: task board filtered by unit',
    samples.followup.scale.map((r) => r.filter).filter((x): x is ActionResult => !!x),
    'from picking the leader\'s unit in "Enhed" until the board shows it',
    ACTION_REQUEST_BUDGET,
  );
  if (input.timing)
    actionFigure(
      'demo.taskFilter',
      'demo data: task board filtered by unit',
      samples.followup.demo.map((r) => r.filter).filter((x): x is ActionResult => !!x),
      'for comparison',
    );

  if (input.timing)
    details.push({
      section: 'scale',
      title: 'Time to usable, every run (ms from navigation start)',
      intro:
        'Each run opens the preview in a fresh browser context (empty cache); one warm-up per view is not counted. Demo and scale runs alternate, so a busy machine slows both alike; the "scale ÷ demo" row is each run\'s ratio (its spread is how noisy the machine was). The budget is on the ratio of the medians.',
      headers: ['web part', 'data', ...Array.from({ length: input.runs }, (_, i) => `run ${i + 1}`)],
      rows: sampleRows,
    });
  details.push({
    section: 'scale',
    title: 'Data set at scale',
    intro: `The demo data plus a bulk load through \`/_local/lists/<title>/bulk\` (${(input.dataset.loadMs / 1000).toFixed(0)} s): item counts as the server reports them.`,
    headers: ['list', 'items'],
    rows: input.dataset.counts.map((c) => [c.title, c.count.toLocaleString('en-US')]),
  });
  return { figures, details };
}
