/**
 * The municipal-scale data set: years of plans, initiatives, check-ins, tasks, stories and recognitions
 * over 200 units, with field values that match the schema (`src/data/schema/lists.ts`) and the domain's
 * codes, spread over units, ambitions, dates, statuses and people. Deterministic (seeded PRNG), pure: it
 * produces the bodies for `POST /_local/lists/<title>/bulk`, grouped by author.
 */
import { AMBITIONS } from '../../src/domain/ambitions';
import { recognitionKey } from '../../src/domain/workflow';

/** How much to generate. The defaults are the municipal scale. */
export interface ScaleSize {
  units: number;
  stories: number;
  initiatives: number;
  tasks: number;
  /** Plan periods per unit (years). */
  periods: readonly string[];
  checkInsPerInitiative: number;
  commentsPerInitiative: number;
  recognitions: number;
  employees: number;
}

export const MUNICIPAL_SCALE: ScaleSize = {
  units: 200,
  stories: 100000,
  initiatives: 20000,
  tasks: 50000,
  periods: ['2023', '2024', '2025', '2026'],
  checkInsPerInitiative: 2,
  commentsPerInitiative: 1,
  recognitions: 60000,
  employees: 400,
};

/** What exists before the bulk load (the demo seed) and who the generated people are. */
export interface ScaleContext {
  /** Existing units: id, title, parent, whether it is a top-level unit. */
  units: { id: number; title: string; parentId?: number; clientKey: string }[];
  /** Existing plans (unit + period), which are not generated again. */
  plans: { unitId: number; period: string }[];
  politicalPriorityIds: number[];
  /** Site user ids of the demo accounts. */
  demo: { admin: number; chef: number; leder: number; medarbejder: number };
  demoEmails: { admin: string; chef: string; leder: string; medarbejder: string };
  /** Generated leaders and employees, already added as site users. */
  leaders: { id: number; email: string }[];
  employees: { id: number; email: string }[];
  /** The demo leader's unit, which keeps the demo leader. */
  leaderUnitId: number;
  /** "Today" for the data set (dates are spread up to here and a little beyond for due dates). */
  now: Date;
}

/** Items for one bulk call. */
export interface BulkBatch {
  list: string;
  author: string;
  items: Record<string, unknown>[];
}

// The same deterministic PRNG (mulberry32) as the reliability tests, so scale data repeats with its seed.
import { prng } from '../../tests/support/prng';
export { prng };

const pick = <T>(rnd: () => number, list: readonly T[]): T => list[Math.floor(rnd() * list.length)];

/** A date-only value as the data layer writes it: noon UTC. */
export function noonUtc(date: Date): string {
  return `${date.toISOString().slice(0, 10)}T12:00:00Z`;
}

function addDays(date: Date, days: number): Date {
  return new Date(date.getTime() + days * 86400000);
}

/** Splits items of one author into bulk calls of at most `size`. */
export function chunked(list: string, author: string, items: Record<string, unknown>[], size = 5000): BulkBatch[] {
  const out: BulkBatch[] = [];
  for (let i = 0; i < items.length; i += size) out.push({ list, author, items: items.slice(i, i + size) });
  return out;
}

const UNIT_NAMES: Record<string, readonly string[]> = {
  department: [
    'Dagtilbud',
    'Familieafdelingen',
    'Jobcenter',
    'Hjemmeplejen',
    'Sundhed og Forebyggelse',
    'Vej og Park',
    'Borgerservice',
    'Byggeri og Miljø',
    'Løn og Personale',
    'Digitalisering',
    'Ungdomsskolen',
    'PPR',
    'Rehabilitering',
    'Handicap og Psykiatri',
    'Natur og Klima',
  ],
  institution: [
    'Skole',
    'Børnehus',
    'Plejecenter',
    'Bibliotek',
    'Botilbud',
    'Fritidscenter',
    'Musikskole',
    'Sundhedshus',
    'Aktivitetscenter',
    'Vuggestue',
  ],
};
const PLACES = [
  'Nord',
  'Syd',
  'Øst',
  'Vest',
  'Tuse',
  'Tølløse',
  'Jyderup',
  'Svinninge',
  'Vipperød',
  'Mørkøv',
  'Orø',
  'Ugerløse',
  'Knabstrup',
  'Regstrup',
  'Kvanløse',
  'Hagested',
  'Gislinge',
  'Store Merløse',
];
const STORY_OPENINGS = [
  'Vi prøvede noget nyt i morges',
  'En borger ringede tilbage for at takke',
  'Teamet satte sig sammen en fredag',
  'Det gik ikke, som vi havde planlagt',
  'En kollega foreslog at vende rækkefølgen om',
  'Vi spurgte børnene selv',
  'Efter tre måneder kunne vi se forskellen',
  'Vi glemte at tale med hinanden på tværs',
];
const STORY_BODIES = [
  'Vi flyttede mødet ud hvor borgeren er, og samtalen blev kortere og bedre. Næste gang inviterer vi også netværket med.',
  'Ventetiden faldt fra tre uger til fem dage, fordi vi fik én indgang i stedet for tre. Det krævede mod at lukke de gamle skemaer.',
  'Vi troede, det handlede om ressourcer, men det handlede om, hvem der tog telefonen. Nu har vi en fast vagt hver morgen.',
  'Forældrene fik besked samme dag i stedet for ugen efter. Det har givet færre misforståelser og flere gode samtaler.',
  'Vi stoppede en indsats, der ikke virkede, og brugte timerne på det, borgerne faktisk efterspurgte.',
  'Vores første udgave var for kompliceret. Vi lærte, at én side er nok, og at borgeren skal skrive med.',
];
const INITIATIVE_TITLES = [
  'Fælles morgenmøde på tværs af teams',
  'Én plan for borgerens forløb',
  'Læsebånd i indskolingen',
  'Digital selvbetjening med telefonisk hjælp',
  'Faste overgangssamtaler',
  'Målrettet kompetenceudvikling for nye medarbejdere',
  'Trivselsmåling med opfølgning i teamet',
  'Kortere sagsbehandlingstid på byggesager',
  'Grønne indkøb i institutionerne',
  'Mentorordning for nye ledere',
  'Hverdagsrehabilitering i hjemmeplejen',
  'Åben dialog om fejl på personalemødet',
];
const TASK_TITLES = [
  'Beskriv status og næste skridt',
  'Fremlæg måltal på næste møde',
  'Afklar ressourcer med økonomi',
  'Del erfaringerne med de andre enheder',
  'Følg op på trivselsmålingen',
  'Lav en plan for vikardækning',
  'Tal med borgerrepræsentanterne',
];
const MONTHS = [
  'januar',
  'februar',
  'marts',
  'april',
  'maj',
  'juni',
  'august',
  'september',
  'oktober',
  'november',
  'december',
];

/** The units to add so the site has `size.units` in all, each with a generated leader. */
export function buildUnits(ctx: ScaleContext, size: ScaleSize, unitList: string, rnd = prng(1)): BulkBatch[] {
  const topLevel = ctx.units.filter((u) => u.parentId === undefined);
  const missing = Math.max(0, size.units - ctx.units.length);
  const items: Record<string, unknown>[] = [];
  for (let i = 0; i < missing; i++) {
    const parent = topLevel[i % topLevel.length];
    const kind = rnd() < 0.55 ? 'institution' : 'department';
    const leader = ctx.leaders[i % ctx.leaders.length];
    items.push({
      ClientKey: `bench-unit-${i + 1}`,
      Title: `${pick(rnd, UNIT_NAMES[kind])} ${pick(rnd, PLACES)} ${i + 1}`,
      UnitKind: kind,
      ParentUnitId: parent.id,
      LeadersId: [leader.id],
      SortOrder: 100 + i,
    });
  }
  return chunked(unitList, ctx.demoEmails.admin, items);
}

/** Plans and plan focuses for every unit and period not already there. */
export function buildPlans(
  ctx: ScaleContext,
  size: ScaleSize,
  unitIds: readonly number[],
  unitLeader: ReadonlyMap<number, number>,
  lists: { plans: string },
  rnd = prng(2),
): BulkBatch[] {
  const existing = new Set(ctx.plans.map((p) => `${p.unitId}|${p.period}`));
  const items: Record<string, unknown>[] = [];
  const current = size.periods[size.periods.length - 1];
  for (const unitId of unitIds) {
    for (const period of size.periods) {
      if (existing.has(`${unitId}|${period}`)) continue;
      const status = period === current ? pick(rnd, ['draft', 'approved', 'followUp', 'followUp'] as const) : 'closed';
      items.push({
        ClientKey: `bench-plan-${unitId}-${period}`,
        Title: `Plan ${period}`,
        UnitId: unitId,
        Period: period,
        PlanStatus: status,
        OwnerId: unitLeader.get(unitId) ?? ctx.demo.chef,
      });
    }
  }
  return chunked(lists.plans, ctx.demoEmails.chef, items);
}

/** Focuses and initiatives for the generated plans (initiatives grouped by their owner, who writes them). */
export function buildPlanContent(
  ctx: ScaleContext,
  size: ScaleSize,
  plans: readonly { id: number; unitId: number; period: string }[],
  unitLeader: ReadonlyMap<number, number>,
  lists: { planFocuses: string; initiatives: string },
  rnd = prng(3),
): { focuses: BulkBatch[]; initiatives: BulkBatch[] } {
  const focuses: Record<string, unknown>[] = [];
  for (const plan of plans) {
    for (const ambition of AMBITIONS) {
      const relevance = pick(rnd, ['high', 'high', 'medium', 'medium', 'low', 'notRelevant'] as const);
      focuses.push({
        ClientKey: `bench-focus-${plan.id}-${ambition.key}`,
        Title: ambition.key,
        PlanId: plan.id,
        UnitId: plan.unitId,
        AmbitionKey: ambition.key,
        Relevance: relevance,
        LocalMeaning:
          relevance === 'notRelevant'
            ? null
            : `Hos os betyder ${ambition.title.toLowerCase()}, at vi ${pick(rnd, ['deler det, der lykkes', 'måler og følger op', 'arbejder på tværs', 'giver teamene ansvar', 'forbedrer rammerne'])}.`,
      });
    }
  }
  const perPlan = Math.floor(size.initiatives / Math.max(1, plans.length));
  const extra = size.initiatives - perPlan * plans.length;
  const owners = new Map<string, Record<string, unknown>[]>();
  const slots: { planId: number; unitId: number; period: string }[] = [];
  plans.forEach((plan, p) => {
    const count = perPlan + (p < extra ? 1 : 0);
    for (let k = 0; k < count; k++) slots.push({ planId: plan.id, unitId: plan.unitId, period: plan.period });
  });
  slots.forEach((plan, i) => {
    const ambition = pick(rnd, AMBITIONS);
    const commitment = rnd() < 0.8 ? pick(rnd, ambition.commitments).key : null;
    const closedPlan = plan.period !== size.periods[size.periods.length - 1];
    const status = closedPlan
      ? pick(rnd, ['completed', 'completed', 'completed', 'stopped'] as const)
      : pick(rnd, ['planned', 'inProgress', 'inProgress', 'inProgress', 'completed', 'stopped'] as const);
    const year = Number(plan.period.slice(0, 4));
    const start = new Date(Date.UTC(year, Math.floor(rnd() * 6), 1 + Math.floor(rnd() * 27)));
    const item = {
      ClientKey: `bench-initiative-${i + 1}`,
      Title: `${pick(rnd, INITIATIVE_TITLES)} (${i + 1})`,
      PlanId: plan.planId,
      UnitId: plan.unitId,
      AmbitionKey: ambition.key,
      CommitmentKey: commitment,
      PoliticalPriorityId:
        rnd() < 0.3 && ctx.politicalPriorityIds.length > 0 ? pick(rnd, ctx.politicalPriorityIds) : null,
      Description:
        'Indsatsen skal gøre en mærkbar forskel for borgerne. Vi følger op hvert kvartal og justerer undervejs.',
      OwnerId: unitLeader.get(plan.unitId) ?? ctx.demo.chef,
      InitiativeStatus: status,
      StopReason:
        status === 'stopped' ? 'Det virkede ikke efter hensigten – vi bruger kræfterne bedre andre steder.' : null,
      SuccessMeasure: rnd() < 0.7 ? 'Målt ved halvårlig opfølgning med borgere og medarbejdere.' : null,
      StartDate: noonUtc(start),
      EndDate: noonUtc(addDays(start, 180 + Math.floor(rnd() * 365))),
      LinkUrl: rnd() < 0.1 ? `https://intranet.holbaek.dk/indsatser/${i + 1}` : null,
    };
    const ownerKey = String(item.OwnerId);
    const list = owners.get(ownerKey) ?? [];
    list.push(item);
    owners.set(ownerKey, list);
  });
  // Initiatives are written by their unit's leader (the author shows in version history).
  const emailOf = new Map<number, string>([
    ...ctx.leaders.map((l) => [l.id, l.email] as [number, string]),
    [ctx.demo.leder, ctx.demoEmails.leder],
    [ctx.demo.chef, ctx.demoEmails.chef],
  ]);
  const initiativeBatches: BulkBatch[] = [];
  for (const [owner, items] of owners)
    initiativeBatches.push(...chunked(lists.initiatives, emailOf.get(Number(owner)) ?? ctx.demoEmails.chef, items));
  return {
    focuses: chunked(lists.planFocuses, ctx.demoEmails.chef, focuses),
    initiatives: initiativeBatches,
  };
}

/** Check-ins and comments for loaded initiatives. */
export function buildInitiativeFollowUp(
  ctx: ScaleContext,
  size: ScaleSize,
  initiatives: readonly { id: number; unitId: number; planId: number; startDate: string }[],
  lists: { checkIns: string; comments: string },
  rnd = prng(4),
): BulkBatch[] {
  const checkIns: Record<string, unknown>[] = [];
  const comments: Record<string, unknown>[] = [];
  for (const initiative of initiatives) {
    let date = new Date(initiative.startDate);
    for (let k = 0; k < size.checkInsPerInitiative; k++) {
      date = addDays(date, 60 + Math.floor(rnd() * 60));
      if (date > ctx.now) break;
      checkIns.push({
        ClientKey: `bench-checkin-${initiative.id}-${k}`,
        Title: `Status ${noonUtc(date).slice(0, 10)}`,
        InitiativeId: initiative.id,
        UnitId: initiative.unitId,
        Health: pick(rnd, ['green', 'green', 'yellow', 'red'] as const),
        Progress: Math.min(100, 20 * (k + 1) + Math.floor(rnd() * 20)),
        CheckInComment: 'Vi er godt i gang; næste skridt er aftalt i ledergruppen.',
        CheckInDate: noonUtc(date),
      });
    }
    for (let k = 0; k < size.commentsPerInitiative; k++) {
      comments.push({
        ClientKey: `bench-comment-${initiative.id}-${k}`,
        Title: 'Kommentar',
        InitiativeId: initiative.id,
        PlanId: initiative.planId,
        UnitId: initiative.unitId,
        Body: 'Kan vi dele erfaringerne med de andre enheder på næste ledermøde?',
      });
    }
  }
  return [
    ...chunked(lists.checkIns, ctx.demoEmails.leder, checkIns),
    ...spreadAuthors(lists.comments, comments, [ctx.demoEmails.leder, ...ctx.leaders.map((l) => l.email)]),
  ];
}

/** Items spread over authors round-robin, one bulk call (or more) per author. */
export function spreadAuthors(
  list: string,
  items: Record<string, unknown>[],
  authors: readonly string[],
  size = 5000,
): BulkBatch[] {
  const byAuthor = new Map<string, Record<string, unknown>[]>();
  items.forEach((item, i) => {
    const author = authors[i % authors.length];
    const l = byAuthor.get(author) ?? [];
    l.push(item);
    byAuthor.set(author, l);
  });
  const out: BulkBatch[] = [];
  for (const [author, l] of byAuthor) out.push(...chunked(list, author, l, size));
  return out;
}

/** Follow-up tasks: spread over units, initiatives or ambitions, assignees, due dates and statuses. */
export function buildTasks(
  ctx: ScaleContext,
  size: ScaleSize,
  unitIds: readonly number[],
  unitLeader: ReadonlyMap<number, number>,
  initiativesByUnit: ReadonlyMap<number, number[]>,
  list: string,
  rnd = prng(5),
): BulkBatch[] {
  const items: Record<string, unknown>[] = [];
  const start = new Date(Date.UTC(2023, 0, 15));
  const span = (ctx.now.getTime() - start.getTime()) / 86400000 + 180;
  for (let i = 0; i < size.tasks; i++) {
    const unitId = unitIds[i % unitIds.length];
    const due = addDays(start, Math.floor(rnd() * span));
    const past = due < ctx.now;
    const status = past
      ? pick(rnd, ['closed', 'closed', 'closed', 'closed', 'open', 'inProgress'] as const)
      : pick(rnd, ['open', 'open', 'inProgress', 'closed'] as const);
    const initiatives = initiativesByUnit.get(unitId) ?? [];
    const aboutInitiative = initiatives.length > 0 && rnd() < 0.7;
    const month = due.getUTCMonth();
    items.push({
      ClientKey: `bench-task-${i + 1}`,
      Title: `${pick(rnd, TASK_TITLES)} (${i + 1})`,
      Description: 'Aftalt på chefgruppemødet. Svar i kanalen, når opgaven er løst.',
      UnitId: unitId,
      InitiativeId: aboutInitiative ? pick(rnd, initiatives) : null,
      AmbitionKey: aboutInitiative ? null : pick(rnd, AMBITIONS).key,
      // The unit's leader (a generated leader for units without one); a few go to the demo chef.
      AssigneeId:
        rnd() < 0.02 ? ctx.demo.chef : (unitLeader.get(unitId) ?? ctx.leaders[unitId % ctx.leaders.length].id),
      DueDate: noonUtc(due),
      TaskStatus: status,
      Meeting: `Chefgruppemøde ${MONTHS[Math.min(MONTHS.length - 1, month === 6 ? 6 : month > 6 ? month - 1 : month)]} ${due.getUTCFullYear()}`,
    });
  }
  return chunked(list, ctx.demoEmails.chef, items);
}

/** Stories over the years: mostly approved, a few pending or rejected, a handful featured. */
export function buildStories(
  ctx: ScaleContext,
  size: ScaleSize,
  unitIds: readonly number[],
  list: string,
  rnd = prng(6),
): BulkBatch[] {
  const authors = [...ctx.employees.map((e) => e.email), ...ctx.leaders.map((l) => l.email)];
  const start = new Date(Date.UTC(2019, 1, 1));
  const span = ctx.now.getTime() - start.getTime();
  const perAuthor = new Map<string, Record<string, unknown>[]>();
  const own: Record<string, unknown>[] = [];
  const ownCount = 25;
  for (let i = 0; i < size.stories; i++) {
    const created = new Date(start.getTime() + (span * i) / size.stories);
    const roll = rnd();
    const mine = i >= size.stories - ownCount * 40 && i % 40 === 0;
    const item = {
      ClientKey: `bench-story-${i + 1}`,
      Title: `${pick(rnd, STORY_OPENINGS)} (${i + 1})`,
      Body: `<p>${pick(rnd, STORY_BODIES)}</p><p>${pick(rnd, STORY_BODIES)}</p>`,
      StoryKind: rnd() < 0.75 ? 'success' : 'lesson',
      AmbitionKey: pick(rnd, AMBITIONS).key,
      UnitId: rnd() < 0.9 ? pick(rnd, unitIds) : null,
      Featured: i % 2000 === 1999,
      OData__ModerationStatus: roll < 0.97 ? 0 : roll < 0.99 ? 2 : 1,
      Created: created.toISOString(),
    };
    if (mine) {
      own.push(item);
      continue;
    }
    const author = authors[Math.floor(i / Math.ceil(size.stories / authors.length)) % authors.length];
    const l = perAuthor.get(author) ?? [];
    l.push(item);
    perAuthor.set(author, l);
  }
  const out: BulkBatch[] = [];
  for (const [author, items] of perAuthor) out.push(...chunked(list, author, items));
  // The demo employee's own stories, the newest still pending.
  own.forEach((item, k) => {
    if (k >= own.length - 2) item.OData__ModerationStatus = 2;
  });
  out.push(...chunked(list, ctx.demoEmails.medarbejder, own));
  return out;
}

/** Recognitions of loaded stories: one per person per story, newer stories recognised more. */
export function buildRecognitions(
  ctx: ScaleContext,
  size: ScaleSize,
  storyIds: readonly number[],
  list: string,
  rnd = prng(7),
  featuredStoryIds: ReadonlySet<number> = new Set(),
): BulkBatch[] {
  const people = [...ctx.employees, ...ctx.leaders, { id: ctx.demo.medarbejder, email: ctx.demoEmails.medarbejder }];
  const seen = new Set<string>();
  const byAuthor = new Map<string, Record<string, unknown>[]>();
  let made = 0;
  let guard = 0;
  while (made < size.recognitions && guard < size.recognitions * 5) {
    guard++;
    // Skewed towards recent stories: sqrt of a uniform number.
    const storyId = storyIds[Math.floor(Math.sqrt(rnd()) * storyIds.length) % storyIds.length];
    const person = people[Math.floor(rnd() * people.length)];
    const pair = `${storyId}-${person.id}`;
    if (seen.has(pair)) continue;
    seen.add(pair);
    // The key's random part from the bench's own sequence, so a seed gives the same data.
    const key = recognitionKey(
      storyId,
      person.id,
      Math.floor(rnd() * 2 ** 48)
        .toString(16)
        .padStart(12, '0'),
    );
    const l = byAuthor.get(person.email) ?? [];
    l.push({ ClientKey: key, Title: key, StoryId: storyId, StoryFeatured: featuredStoryIds.has(storyId) });
    byAuthor.set(person.email, l);
    made++;
  }
  const out: BulkBatch[] = [];
  for (const [author, items] of byAuthor) out.push(...chunked(list, author, items));
  return out;
}
