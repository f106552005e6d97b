/**
 * Demo content for the local SharePoint, loaded over HTTP through the product's own data layer
 * (provisioning + repositories), as each demo account: units and plans in every state, initiatives
 * with months of check-ins, a stopped initiative, follow-up tasks, stories, recognitions, comments and
 * notes. Dates are relative to today, so the demo never shows check-ins from the future.
 *
 * Every item has a stable client key: running the seed twice finds what is there instead of
 * duplicating it.
 */
import * as fs from 'fs';
import * as path from 'path';
import { JSDOM } from 'jsdom';
import type { WindowLike } from 'dompurify';
import { addDays, today } from '../../src/domain/dates';
import type {
  Health,
  IInitiative,
  InitiativeStatus,
  IPlan,
  PlanStatus,
  Relevance,
  StoryKind,
} from '../../src/domain/model';
import { setSanitizerWindow } from '../../src/domain/richText';
import { provision } from '../../src/data/provisioning/provision';
import type { IMpkServices, IUnitItem } from '../../src/data/repositories/types';
import { createLocalServices, createLocalSp } from '../client';
import { ReflectionRepository } from '../../src/data/repositories/comments';
import { importBatches } from '../../src/domain/measurementImport';
import type { IIndicatorValue } from '../../src/domain/measurements';

const ADMIN = 'admin@mpk.local';
const CHEF = 'chef@mpk.local';
const LEDER = 'leder@mpk.local';
const MEDARBEJDER = 'medarbejder@mpk.local';

interface IPlanSeed {
  key: string;
  unit: string;
  period: string;
  status: PlanStatus;
  owner: string;
  focus: [string, Relevance, string][];
  initiatives: IInitiativeSeed[];
}

interface IInitiativeSeed {
  key: string;
  title: string;
  ambition: string;
  commitment?: string;
  priority?: string;
  status: InitiativeStatus;
  stopReason?: string;
  successMeasure?: string;
  /** A measurable success criterion: baseline (days ago) → target (days ahead). */
  measure?: IDemoMeasure;
  /** Check-ins: [days ago, health, progress, comment, measured value]. */
  checkIns: [number, Health, number, string, number?][];
}

interface IDemoMeasure {
  what: string;
  unit: string;
  direction: 'higher' | 'lower';
  baseline: [number, number];
  target: [number, number];
}

const PLANS: IPlanSeed[] = [
  {
    key: 'laering-2026',
    unit: 'laering-og-trivsel',
    period: '2026',
    status: 'followUp',
    owner: LEDER,
    focus: [
      ['mod-og-stolthed', 'high', 'Vi deler det, der lykkes i klasserne og på legepladsen – også på forældremøderne.'],
      ['viden-og-faglighed', 'high', 'Læsning og trivsel måles hvert halvår, og resultaterne bruges i teamene.'],
      ['sammenhaeng-og-samarbejde', 'medium', 'Overgangen fra dagtilbud til skole planlægges sammen med familierne.'],
      ['tillid-og-ansvar-i-ledelse', 'medium', 'Teamene får selv ansvaret for skemaet i indskolingen.'],
      ['gode-rammer', 'low', 'Legepladserne er fornyet; nu handler det om indeklimaet.'],
    ],
    initiatives: [
      {
        key: 'laesebaand',
        title: 'Læsebånd hver morgen i indskolingen',
        ambition: 'viden-og-faglighed',
        commitment: 'viden-og-faglighed-1',
        priority: 'faelles-om-folkeskolen',
        status: 'inProgress',
        successMeasure: '80 % af eleverne i 2. klasse læser alderssvarende ved skoleårets slutning.',
        // Målinger (issue 19): 64 % at the start, 80 % at the end of the school year; two check-ins measured.
        measure: {
          what: 'Andel elever i 2. klasse der læser alderssvarende',
          unit: 'procent',
          direction: 'higher',
          baseline: [64, 260],
          target: [80, 120],
        },
        checkIns: [
          [240, 'yellow', 10, 'Godt i gang på to af tre skoler.'],
          [180, 'yellow', 30, 'Vikardækning gør det svært at holde båndet.'],
          [120, 'green', 55, 'Alle tre skoler er med, forældrene læser med hjemme.', 72.5],
          [40, 'green', 75, 'De første målinger viser fremgang.', 76.2],
        ],
      },
      {
        key: 'overgange',
        title: 'Fælles overgangssamtaler fra børnehave til skole',
        ambition: 'sammenhaeng-og-samarbejde',
        commitment: 'sammenhaeng-og-samarbejde-2',
        status: 'inProgress',
        checkIns: [
          [200, 'green', 20, 'Aftaler på plads med fem børnehaver.'],
          [90, 'red', 35, 'Samtalerne ligger oven i forældremøderne – for mange aftaler på én uge.'],
          [20, 'yellow', 50, 'Nyt format med færre, længere samtaler afprøves.'],
        ],
      },
      {
        key: 'tablet-lektier',
        title: 'Lektiecafé på tablets',
        ambition: 'gode-rammer',
        status: 'stopped',
        stopReason:
          'Eleverne kom ikke – de ville hellere lave lektier sammen med en voksen. Vi bruger timerne på lektiecafé med lærere i stedet.',
        checkIns: [
          [220, 'yellow', 20, 'Få elever bruger tilbuddet.'],
          [150, 'red', 25, 'Under fem elever om ugen.'],
        ],
      },
      {
        key: 'stolthed-fortaelling',
        title: 'Månedens gode historie på personalemødet',
        ambition: 'mod-og-stolthed',
        commitment: 'mod-og-stolthed-5',
        status: 'planned',
        checkIns: [],
      },
    ],
  },
  {
    key: 'bidrage-2026',
    unit: 'alle-kan-bidrage',
    period: '2026',
    status: 'approved',
    owner: CHEF,
    focus: [
      ['sammenhaeng-og-samarbejde', 'high', 'Én plan for borgeren på tværs af jobcenter og socialområdet.'],
      ['viden-og-faglighed', 'medium', 'Vi følger op på, hvilke forløb der fører til job.'],
      ['gode-rammer', 'notRelevant', ''],
    ],
    initiatives: [
      {
        key: 'en-plan',
        title: 'Én plan – ét forløb for borgere på kanten af arbejdsmarkedet',
        ambition: 'sammenhaeng-og-samarbejde',
        commitment: 'sammenhaeng-og-samarbejde-4',
        priority: 'borgere-paa-kanten-af-arbejdsmarkedet',
        status: 'inProgress',
        checkIns: [
          [150, 'yellow', 15, 'Fælles skabelon aftalt med socialområdet.'],
          [60, 'green', 40, '20 borgere har nu én samlet plan.'],
        ],
      },
      {
        key: 'virksomhedspraktik',
        title: 'Flere virksomhedspraktikker i lokale virksomheder',
        ambition: 'viden-og-faglighed',
        commitment: 'viden-og-faglighed-2',
        status: 'planned',
        checkIns: [],
      },
    ],
  },
  {
    key: 'aktiv-2026',
    unit: 'aktiv-hele-livet',
    period: '2026',
    status: 'draft',
    owner: CHEF,
    focus: [
      ['sammenhaeng-og-samarbejde', 'high', 'Pårørende inddrages, før hjælpen ændres.'],
      ['mod-og-stolthed', 'medium', ''],
    ],
    initiatives: [
      {
        key: 'demensvenlig',
        title: 'Demensvenlige plejecentre',
        ambition: 'sammenhaeng-og-samarbejde',
        priority: 'aeldre-demens-og-plejeboliger',
        status: 'planned',
        checkIns: [],
      },
    ],
  },
  {
    key: 'fremtiden-2025',
    unit: 'ansvar-for-fremtiden',
    period: '2025',
    status: 'closed',
    owner: CHEF,
    focus: [['gode-rammer', 'high', 'Vej og Park arbejder med grønne løsninger.']],
    initiatives: [
      {
        key: 'groenne-rabatter',
        title: 'Vilde blomster i rabatterne',
        ambition: 'gode-rammer',
        priority: 'groen-og-baeredygtig-kommune',
        status: 'completed',
        checkIns: [[330, 'green', 100, 'Gennemført på 12 km vej.']],
      },
    ],
  },
  {
    key: 'fremtiden-2026',
    unit: 'ansvar-for-fremtiden',
    period: '2026',
    status: 'followUp',
    owner: CHEF,
    focus: [
      ['gode-rammer', 'high', 'Bedre værktøjer til medarbejderne i marken.'],
      ['tillid-og-ansvar-i-ledelse', 'medium', 'Formændene planlægger selv ugens ruter.'],
    ],
    initiatives: [
      {
        key: 'app-til-vejfejl',
        title: 'Borgere melder huller i vejen via app',
        ambition: 'gode-rammer',
        commitment: 'gode-rammer-2',
        priority: 'groen-og-baeredygtig-kommune',
        status: 'inProgress',
        checkIns: [
          [100, 'red', 10, 'Appen og driftssystemet taler ikke sammen endnu.'],
          [30, 'yellow', 45, 'Integrationen virker; svartiden er for lang.'],
        ],
      },
    ],
  },
];

interface IStorySeed {
  key: string;
  author: string;
  title: string;
  body: string;
  kind: StoryKind;
  ambition: string;
  unit?: string;
  approved: boolean;
  /** Rejected by the site owner with this reason (the author reads it under "Mine historier"). */
  rejectedBecause?: string;
  featured?: boolean;
  /** A picture from `localsp/demo/` with its alternative text (consent given). */
  picture?: { file: string; alt: string };
  recognisedBy: string[];
}

const STORIES: IStorySeed[] = [
  {
    key: 'morgenmad',
    author: MEDARBEJDER,
    title: "Morgenmad i SFO'en gav ro i klassen",
    body: '<p>Vi begyndte at spise morgenmad sammen med de børn, der kommer tidligt. Efter tre uger fortalte lærerne, at <strong>første time er blevet roligere</strong>.</p><p>Det kostede ingenting – vi flyttede bare en halv time.</p>',
    kind: 'success',
    ambition: 'mod-og-stolthed',
    unit: 'laering-og-trivsel',
    approved: true,
    featured: true,
    picture: {
      file: 'morgenmad.jpg',
      alt: 'Et langt bord med tallerkener, hvor børn og voksne spiser morgenmad sammen.',
    },
    recognisedBy: [LEDER, CHEF, ADMIN],
  },
  {
    key: 'hjemmepleje-noegle',
    author: LEDER,
    title: 'Vi glemte at aflevere nøglen – og lærte noget',
    body: '<p>En borger i hjemmeplejen stod uden nøgleboks en hel weekend, fordi vi ikke havde aftalt, hvem der hentede den. Nu har vi <em>én tjekliste</em> ved vagtskiftet, og den bliver brugt.</p>',
    kind: 'lesson',
    ambition: 'sammenhaeng-og-samarbejde',
    unit: 'aktiv-hele-livet',
    approved: true,
    recognisedBy: [MEDARBEJDER],
  },
  {
    key: 'jobcenter-samtale',
    author: MEDARBEJDER,
    title: 'Samtalen flyttede ud på cafeen',
    body: '<p>En ung borger ville ikke komme på jobcentret. Vi mødtes på biblioteket i stedet, og efter to samtaler var hun i praktik i en lokal butik.</p>',
    kind: 'success',
    ambition: 'sammenhaeng-og-samarbejde',
    unit: 'alle-kan-bidrage',
    approved: true,
    recognisedBy: [LEDER],
  },
  {
    key: 'vej-og-park-app',
    author: LEDER,
    title: 'Hullet blev lappet, før borgeren var hjemme',
    body: '<p>En borger meldte et hul i vejen via appen kl. 8.10. Vejholdet var i nærheden og havde lappet det kl. 9.30. Borgeren skrev bagefter: <em>»Tak – det havde jeg ikke troet.«</em></p>',
    kind: 'success',
    ambition: 'gode-rammer',
    unit: 'ansvar-for-fremtiden',
    approved: true,
    recognisedBy: [MEDARBEJDER, CHEF],
  },
  {
    key: 'data-fravaer',
    author: LEDER,
    title: 'Fraværstallene viste noget andet, end vi troede',
    body: '<p>Vi troede, fraværet i 8. klasse skyldtes sygdom. Da vi så på tallene, lå det meste fravær om mandagen i første time. Nu starter mandagen med fællessamling – fraværet er faldet.</p>',
    kind: 'lesson',
    ambition: 'viden-og-faglighed',
    unit: 'laering-og-trivsel',
    approved: true,
    recognisedBy: [],
  },
  {
    key: 'ledermoede',
    author: CHEF,
    title: 'Ledermødet uden dagsorden',
    body: '<p>Vi prøvede et ledermøde, hvor hver leder tog én udfordring med. Det blev det mest nyttige møde i år.</p>',
    kind: 'success',
    ambition: 'tillid-og-ansvar-i-ledelse',
    approved: true,
    recognisedBy: [LEDER],
  },
  {
    key: 'kladde-bibliotek',
    author: MEDARBEJDER,
    title: 'Lektiehjælp på biblioteket om lørdagen',
    body: '<p>Frivillige fra gymnasiet hjælper med lektier på biblioteket hver lørdag. Vi er ved at finde ud af, om det kan fortsætte efter sommerferien.</p>',
    kind: 'success',
    ambition: 'gode-rammer',
    unit: 'kultur-fritid-og-borgerservice',
    approved: false,
    recognisedBy: [],
  },
  {
    key: 'afvist-navn',
    author: MEDARBEJDER,
    title: 'Fru Jensen fik sin rollator tilbage',
    body: '<p>Fru Jensen på Ahornvej havde ventet tre uger på sin rollator. Vi ringede direkte til hjælpemiddeldepotet, og dagen efter stod den i hendes entré.</p>',
    kind: 'success',
    ambition: 'sammenhaeng-og-samarbejde',
    unit: 'aktiv-hele-livet',
    approved: false,
    rejectedBecause:
      'Historien nævner en borger ved navn og adresse. Skriv den gerne igen uden navn og adresse, så udgiver vi den.',
    recognisedBy: [],
  },
  {
    key: 'kladde-fejl',
    author: LEDER,
    title: 'For mange skemaer til forældrene',
    body: '<p>Vi sendte tre forskellige skemaer ud til de samme forældre på én måned. Næste gang samler vi dem i ét.</p>',
    kind: 'lesson',
    ambition: 'sammenhaeng-og-samarbejde',
    unit: 'laering-og-trivsel',
    approved: false,
    recognisedBy: [],
  },
];

/**
 * The units' indicator results: trivselsmåling 2025 and 2026, APV 2024 and 2026, sygefravær by quarter,
 * lederevaluering 2025 and borgeroplevet kvalitet where citizens are met; each survey answered by at
 * least 5 (sygefravær is counted, not answered). [unit key, trivsel, APV, sygefravær, respondents, ledelse, borger].
 */
const RESULTS: [
  string,
  [number, number],
  [number, number],
  [number, number, number],
  number,
  number?,
  [number, number]?,
][] = [
  ['laering-og-trivsel', [3.9, 4.1], [3.7, 3.9], [3.4, 2.9, 2.6], 48, 4.2],
  ['demo-unit-dagtilbud-oest', [4.0, 3.8], [3.6, 3.5], [3.9, 4.4, 4.1], 22, undefined, [82, 85]],
  ['demo-unit-stenhus-skole', [3.6, 4.0], [3.4, 3.8], [2.8, 2.5, 2.7], 35, 3.9],
  ['alle-kan-bidrage', [3.8, 3.9], [3.9, 4.0], [2.9, 3.1, 2.8], 61, 4.4, [71, 76]],
  ['demo-unit-jobcenter', [3.5, 3.7], [3.5, 3.6], [3.6, 3.2, 3.0], 27, undefined, [68, 74]],
];

function demoResults(unit: (key: string) => IUnitItem): IIndicatorValue[] {
  const rows: IIndicatorValue[] = [];
  for (const [key, trivsel, apv, sygefravaer, respondents, ledelse, borger] of RESULTS) {
    const unitId = unit(key).id as number;
    const add = (indicatorKey: string, period: string, value: number, answered: number | undefined): void => {
      rows.push({ indicatorKey, unitId, period, value, ...(answered !== undefined && { respondents: answered }) });
    };
    add('trivsel', '2025', trivsel[0], respondents - 3);
    add('trivsel', '2026', trivsel[1], respondents);
    add('apv', '2024', apv[0], respondents - 5);
    add('apv', '2026', apv[1], respondents - 1);
    ['2026-Q1', '2026-Q2', '2026-Q3'].forEach((period, i) => add('sygefravaer', period, sygefravaer[i], undefined));
    if (ledelse !== undefined) add('ledelse', '2025', ledelse, respondents - 2);
    if (borger) {
      add('borgeroplevet', '2025', borger[0], respondents * 3);
      add('borgeroplevet', '2026', borger[1], respondents * 3);
    }
  }
  return rows;
}

/** Loads the demo content into the site at `siteUrl` (a fresh or already seeded site). */
export async function seedDemo(siteUrl: string): Promise<void> {
  // Story bodies are sanitised before they are stored; in node that needs a DOM.
  setSanitizerWindow(new JSDOM('').window as unknown as WindowLike);
  const adminSp = createLocalSp(siteUrl, ADMIN);
  await provision(adminSp);

  const [admin, chef, leder, medarbejder] = await Promise.all(
    [ADMIN, CHEF, LEDER, MEDARBEJDER].map((email) => createLocalServices(siteUrl, email)),
  );
  const people: Record<string, IMpkServices> = {
    [ADMIN]: admin,
    [CHEF]: chef,
    [LEDER]: leder,
    [MEDARBEJDER]: medarbejder,
  };
  const now = new Date();
  const daysAgo = (days: number): string => addDays(today(now), -days);

  // The chefgruppe.
  const chefgruppe = adminSp.web.siteGroups.getByName('Chefgruppe');
  const members = (await chefgruppe.users.select('Email')()) as { Email: string }[];
  if (!members.some((m) => m.Email.toLowerCase() === CHEF)) await chefgruppe.users.add(`i:0#.f|membership|${CHEF}`);

  // Units: the demo leader leads Læring og Trivsel; a few sub-units.
  const units = await admin.units.list();
  const unit = (key: string): IUnitItem => {
    const found = units.find((u) => u.key === key || u.clientKey === key);
    if (!found) throw new Error(`demo: unit ${key} missing`);
    return found;
  };
  const laering = unit('laering-og-trivsel');
  if (laering.leaderIds.indexOf(leder.user.id) < 0) {
    units[units.indexOf(laering)] = await admin.units.update(laering, {
      ...laering,
      leaderIds: [leder.user.id],
      teamsTeamId: '6f1c2b4e-3a5d-4e8f-9b1a-2c3d4e5f6a7b',
      teamsChannelId: '19:laering-ledergruppe@thread.tacv2',
      teamsChannelName: 'Ledergruppen Læring og Trivsel',
    });
  }
  const subUnits: [string, string, 'department' | 'institution', string][] = [
    ['demo-unit-dagtilbud-oest', 'Dagtilbud Øst', 'department', 'laering-og-trivsel'],
    ['demo-unit-stenhus-skole', 'Stenhus Skole', 'institution', 'laering-og-trivsel'],
    ['demo-unit-jobcenter', 'Holbæk Jobcenter', 'department', 'alle-kan-bidrage'],
    ['demo-unit-hjemmeplejen', 'Hjemmeplejen Nord', 'department', 'aktiv-hele-livet'],
    ['demo-unit-vej-og-park', 'Vej og Park', 'department', 'ansvar-for-fremtiden'],
  ];
  for (const [key, name, kind, parent] of subUnits) {
    await admin.units.create({ clientKey: key, name, kind, parentId: unit(parent).id, leaderIds: [] });
  }
  const priorities = await admin.politicalPriorities.list();
  const priorityId = (key: string | undefined): number | undefined =>
    key ? priorities.find((p) => p.key === key)?.id : undefined;

  // Plans with focus, initiatives, check-ins and dialog.
  const initiativesByKey = new Map<string, IInitiative>();
  for (const seed of PLANS) {
    const owner = people[seed.owner];
    const unitId = unit(seed.unit).id as number;
    const writer = seed.unit === 'laering-og-trivsel' ? leder : chef;
    // Plans are created as drafts and moved through the workflow, as people would.
    let plan: IPlan = await writer.plans.create({
      clientKey: `demo-plan-${seed.key}`,
      unitId,
      period: seed.period,
      status: 'draft',
      ownerId: owner.user.id,
    });
    for (const [ambitionKey, relevance, localMeaning] of seed.focus) {
      await writer.planFocuses.create(
        {
          clientKey: `demo-focus-${seed.key}-${ambitionKey}`,
          planId: plan.id as number,
          ambitionKey,
          relevance,
          localMeaning: localMeaning || undefined,
        },
        unitId,
      );
    }
    for (const item of seed.initiatives) {
      const initiative = await writer.initiatives.create({
        clientKey: `demo-initiative-${item.key}`,
        planId: plan.id as number,
        unitId,
        title: item.title,
        ambitionKey: item.ambition,
        commitmentKey: item.commitment,
        politicalPriorityId: priorityId(item.priority),
        ownerId: owner.user.id,
        status: item.status,
        stopReason: item.stopReason,
        successMeasure: item.successMeasure,
        ...(item.measure && {
          measureWhat: item.measure.what,
          measureUnit: item.measure.unit,
          measureDirection: item.measure.direction,
          measureBaseline: item.measure.baseline[0],
          measureBaselineDate: daysAgo(item.measure.baseline[1]),
          measureTarget: item.measure.target[0],
          measureTargetDate: addDays(today(now), item.measure.target[1]),
        }),
        startDate: daysAgo(260),
        endDate: addDays(today(now), 120),
      });
      initiativesByKey.set(item.key, initiative);
      for (const [days, health, progress, comment, measuredValue] of item.checkIns) {
        await writer.checkIns.create(
          {
            clientKey: `demo-checkin-${item.key}-${days}`,
            initiativeId: initiative.id as number,
            health,
            progress,
            comment,
            date: daysAgo(days),
            measuredValue,
          },
          unitId,
        );
      }
    }
    const path: PlanStatus[] =
      seed.status === 'draft'
        ? []
        : seed.status === 'approved'
          ? ['approved']
          : seed.status === 'followUp'
            ? ['approved', 'followUp']
            : ['approved', 'followUp', 'closed'];
    // Walk on from where the plan is (a second run finds it further along already).
    for (const status of path.slice(path.indexOf(plan.status) + 1)) {
      plan = await writer.plans.update(plan, { ...plan, status });
    }
  }

  const laesebaand = initiativesByKey.get('laesebaand') as IInitiative;
  const overgange = initiativesByKey.get('overgange') as IInitiative;
  const laeringId = laering.id as number;
  await medarbejder.comments.create(
    {
      clientKey: 'demo-comment-1',
      initiativeId: laesebaand.id,
      body: 'Kan vi låne bøger fra biblioteket til læsebåndet? Klassebibliotekerne er slidte.',
    },
    laeringId,
  );
  await leder.comments.create(
    {
      clientKey: 'demo-comment-2',
      initiativeId: laesebaand.id,
      body: 'Ja – jeg har aftalt med biblioteket, at de leverer 40 nye bøger i næste uge.',
    },
    laeringId,
  );
  await chef.comments.create(
    {
      clientKey: 'demo-comment-3',
      initiativeId: overgange.id,
      body: 'Hvordan kan vi hjælpe med at få samtalerne spredt over flere uger?',
    },
    laeringId,
  );

  // Follow-up tasks: overdue, done and upcoming; some for the demo leader.
  const tasks: [
    string,
    string,
    number,
    Partial<{ initiativeId: number; ambitionKey: string }>,
    string,
    number,
    'open' | 'inProgress' | 'closed',
    string,
  ][] = [
    [
      'demo-task-1',
      'Læg en plan for vikardækning af læsebåndet',
      laeringId,
      { initiativeId: laesebaand.id },
      LEDER,
      -21,
      'open',
      'Chefgruppemøde september',
    ],
    [
      'demo-task-2',
      'Beskriv det nye format for overgangssamtaler',
      laeringId,
      { initiativeId: overgange.id },
      LEDER,
      -3,
      'inProgress',
      'Chefgruppemøde oktober',
    ],
    [
      'demo-task-3',
      'Del erfaringerne fra den stoppede lektiecafé med de andre skoler',
      laeringId,
      { ambitionKey: 'viden-og-faglighed' },
      LEDER,
      -40,
      'closed',
      'Chefgruppemøde september',
    ],
    [
      'demo-task-4',
      'Fælles målepunkter for én plan – ét forløb',
      unit('alle-kan-bidrage').id as number,
      { ambitionKey: 'sammenhaeng-og-samarbejde' },
      CHEF,
      14,
      'open',
      'Chefgruppemøde december',
    ],
    [
      'demo-task-5',
      'Svartid i vejfejls-appen under to dage',
      unit('ansvar-for-fremtiden').id as number,
      { initiativeId: initiativesByKey.get('app-til-vejfejl')?.id },
      CHEF,
      -7,
      'open',
      'Chefgruppemøde oktober',
    ],
  ];
  for (const [clientKey, title, unitId, about, assignee, dueIn, status, meeting] of tasks) {
    const task = await chef.tasks.create({
      clientKey,
      title,
      unitId,
      ...about,
      assigneeId: people[assignee].user.id,
      dueDate: addDays(today(now), dueIn),
      status: 'open',
      meeting,
    });
    if (status !== 'open' && task.status !== status) await people[assignee].tasks.setStatus(task, status);
  }

  // Stories: written by their authors, approved by the site owner, recognised by colleagues.
  for (const seed of STORIES) {
    const author = people[seed.author];
    const picture = seed.picture
      ? new Blob([fs.readFileSync(path.join(__dirname, seed.picture.file))], { type: 'image/jpeg' })
      : undefined;
    let story = await author.stories.create(
      {
        clientKey: `demo-story-${seed.key}`,
        title: seed.title,
        body: seed.body,
        kind: seed.kind,
        ambitionKey: seed.ambition,
        unitId: seed.unit ? unit(seed.unit).id : undefined,
        featured: false,
        recognitionCount: 0,
        pictureAlt: seed.picture?.alt,
        pictureConsent: seed.picture ? true : undefined,
      },
      picture,
    );
    if (seed.approved && story.moderationStatus !== 0) story = await admin.stories.moderate(story, true);
    if (seed.rejectedBecause && story.moderationStatus !== 1)
      story = await admin.stories.moderate(story, false, seed.rejectedBecause);
    if (seed.featured && !story.featured) await admin.stories.setFeatured(story, true);
    for (const email of seed.recognisedBy)
      await people[email].recognitions.recognise(story.id as number, people[email].user.id);
  }

  // Målinger (issue 19): the units' results as the chefgruppe imports them from the survey provider's files.
  const allUnits = await admin.units.list();
  const anyUnit = (key: string): IUnitItem => {
    const found = allUnits.find((u) => u.key === key || u.clientKey === key);
    if (!found) throw new Error(`demo: unit ${key} missing`);
    return found;
  };
  await chef.measurements.importRows(importBatches(demoResults(anyUnit)), 'demo');

  // Notes left in the list "MPK Refleksioner" as before the upgrade: the first open moves them to the
  // person's OneDrive (the local Graph), so the demo shows the move.
  await new ReflectionRepository(createLocalSp(siteUrl, MEDARBEJDER)).create({
    clientKey: 'demo-reflection-1',
    contribution: "Jeg kan fortælle mine kolleger om det, der lykkes i SFO'en – også de små ting.",
    meaning: 'At vi må prøve noget nyt uden at være bange for at fejle.',
    ambitionKey: 'mod-og-stolthed',
  });
  await new ReflectionRepository(createLocalSp(siteUrl, LEDER)).create({
    clientKey: 'demo-reflection-2',
    contribution: 'Give teamene mere ansvar for deres egen planlægning.',
  });
}
