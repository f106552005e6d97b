import {
  FILTER_TEXT_MAX,
  validateFilterText,
  MULTI_LINE_MAX,
  normalisePeriod,
  parsePeriod,
  SINGLE_LINE_MAX,
  validateCheckIn,
  validateComment,
  validateInitiative,
  validatePlan,
  validatePlanFocus,
  validatePoliticalPriority,
  validateRecognition,
  validateReflection,
  validateStory,
  validateTask,
  validateUnit,
  type ICheckIn,
  type IFollowUpTask,
  type IInitiative,
  type IStory,
  type IUnit,
  type IValidationError,
} from '../../src/domain';
import { describeError } from '../../src/ui/shell/texts';
import { danish } from '../support/strings';

const codes = (errors: IValidationError[]): string[] => errors.map((e) => `${e.field}:${e.code}`);

const initiative: IInitiative = {
  clientKey: 'k-1',
  planId: 3,
  unitId: 1,
  title: 'Fælles sprog for læringsmiljøer',
  ambitionKey: 'viden-og-faglighed',
  commitmentKey: 'viden-og-faglighed-1',
  status: 'inProgress',
  startDate: '2026-01-15',
  endDate: '2026-12-31',
};

const story: IStory = {
  clientKey: 's-1',
  title: 'Vi fik borgeren med til mødet',
  body: '<p>Det lykkedes at samle alle om bordet.</p>',
  kind: 'success',
  ambitionKey: 'sammenhaeng-og-samarbejde',
  featured: false,
  recognitionCount: 0,
};

const task: IFollowUpTask = {
  clientKey: 't-1',
  title: 'Status på demensindsatsen til næste møde',
  unitId: 4,
  ambitionKey: 'gode-rammer',
  assigneeId: 9,
  dueDate: '2026-03-01',
  status: 'open',
};

describe('a valid item passes', () => {
  it('returns no errors for complete items', () => {
    expect(validateInitiative(initiative)).toEqual([]);
    expect(validateStory(story)).toEqual([]);
    expect(validateTask(task)).toEqual([]);
    expect(validatePlan({ clientKey: 'p', unitId: 1, period: '2026-2027', status: 'draft' })).toEqual([]);
    expect(validatePlanFocus({ clientKey: 'f', planId: 1, ambitionKey: 'gode-rammer', relevance: 'high' })).toEqual([]);
    expect(
      validateCheckIn({ clientKey: 'c', initiativeId: 1, health: 'green', progress: 40, date: '2026-02-02' }),
    ).toEqual([]);
    expect(validateComment({ clientKey: 'd', initiativeId: 1, body: 'Godt arbejde!' })).toEqual([]);
    expect(validateReflection({ clientKey: 'r', meaning: 'At vi tør.' })).toEqual([]);
    expect(validateRecognition({ clientKey: 'story-1-user-2', storyId: 1, userId: 2 })).toEqual([]);
    expect(
      validatePoliticalPriority({ clientKey: 'pp', key: 'x', title: 'Fælles om folkeskolen', order: 1, active: true }),
    ).toEqual([]);
  });
});

describe('required fields', () => {
  it("reports missing and blank fields, with selections as 'choose'", () => {
    expect(codes(validateInitiative({ title: '   ', status: undefined }))).toEqual([
      'planId:selectionRequired',
      'unitId:selectionRequired',
      'title:required',
      'ambitionKey:selectionRequired',
      'status:selectionRequired',
    ]);
  });

  it('treats null from a form like a missing value', () => {
    expect(codes(validateCheckIn({ initiativeId: null, health: null, progress: null, date: null }))).toEqual([
      'initiativeId:selectionRequired',
      'health:selectionRequired',
      'progress:required',
      'date:required',
    ]);
  });

  it('treats a rich-text body with only empty markup as empty', () => {
    expect(codes(validateStory({ ...story, body: '<p><br></p><p>&nbsp;</p>' }))).toEqual(['body:required']);
  });

  it('asks for something in at least one reflection question', () => {
    expect(codes(validateReflection({ clientKey: 'r', contribution: ' ', meaning: '' }))).toEqual([
      'contribution:reflectionEmpty',
    ]);
  });
});

describe("SharePoint's text limits", () => {
  it('accepts 255 characters on a single line and refuses 256', () => {
    expect(validateStory({ ...story, title: 'a'.repeat(SINGLE_LINE_MAX) })).toEqual([]);
    expect(validateStory({ ...story, title: 'a'.repeat(256) })).toEqual([
      { field: 'title', code: 'tooLong', params: { max: 255, actual: 256 } },
    ]);
  });

  it('counts UTF-16 code units like SharePoint, so an emoji counts twice', () => {
    const title = '😀'.repeat(128); // 128 characters on screen, 256 code units
    expect(codes(validateStory({ ...story, title }))).toEqual(['title:tooLong']);
  });

  it('accepts 63,999 characters in a multi-line field and refuses 64,000', () => {
    expect(validateComment({ planId: 1, body: 'x'.repeat(MULTI_LINE_MAX) })).toEqual([]);
    expect(validateComment({ planId: 1, body: 'x'.repeat(MULTI_LINE_MAX + 1) })).toEqual([
      { field: 'body', code: 'tooLong', params: { max: 63999, actual: 64000 } },
    ]);
  });

  it('measures a story body as stored, markup included', () => {
    const body = `<p>${'x'.repeat(MULTI_LINE_MAX - 6)}</p>`; // 63,993 characters of text, 64,000 stored
    expect(codes(validateStory({ ...story, body }))).toEqual(['body:tooLong']);
  });
});

describe('free-text filters', () => {
  it('accept up to 255 characters and refuse more with a Danish reason that speaks of the filter, not a save', () => {
    expect(FILTER_TEXT_MAX).toBe(255);
    expect(validateFilterText('meeting', undefined)).toEqual([]);
    expect(validateFilterText('meeting', 'm'.repeat(255))).toEqual([]);
    const errors = validateFilterText('meeting', 'm'.repeat(256));
    expect(errors).toEqual([{ field: 'meeting', code: 'tooLong', params: { max: 255, actual: 256 } }]);
    expect(describeError(danish, errors[0], 'da-DK')).toBe('Mødet må højst være 255 tegn – det er nu 256.');
  });
});

describe('dates', () => {
  it('refuses dates that do not exist', () => {
    expect(codes(validateInitiative({ ...initiative, startDate: '2026-02-30' }))).toEqual(['startDate:invalidDate']);
    expect(codes(validateTask({ ...task, dueDate: '1.3.2026' }))).toEqual(['dueDate:invalidDate']);
  });

  it('refuses an end date before the start date, but allows the same day', () => {
    expect(codes(validateInitiative({ ...initiative, startDate: '2026-05-01', endDate: '2026-04-30' }))).toEqual([
      'endDate:endBeforeStart',
    ]);
    expect(validateInitiative({ ...initiative, startDate: '2026-05-01', endDate: '2026-05-01' })).toEqual([]);
  });

  it('refuses a check-in dated in the future, judged in Copenhagen', () => {
    const checkIn: Partial<ICheckIn> = { initiativeId: 1, health: 'yellow', progress: 10, date: '2026-03-02' };
    // 23:30 UTC on 1 March is already 2 March in Copenhagen.
    expect(validateCheckIn(checkIn, { now: new Date('2026-03-01T23:30:00Z') })).toEqual([]);
    expect(codes(validateCheckIn(checkIn, { now: new Date('2026-03-01T22:30:00Z') }))).toEqual(['date:dateInFuture']);
  });
});

describe('choices and numbers', () => {
  it('refuses codes that are not in the list', () => {
    expect(validatePlan({ unitId: 1, period: '2026', status: 'done' as never })).toEqual([
      { field: 'status', code: 'invalidOption', params: { value: 'done', enum: 'planStatus' } },
    ]);
    expect(codes(validatePlanFocus({ planId: 1, ambitionKey: 'gode-rammer', relevance: 'very' as never }))).toEqual([
      'relevance:invalidOption',
    ]);
  });

  it('keeps progress a whole percent from 0 to 100', () => {
    const base = { initiativeId: 1, health: 'red' as const, date: '2026-01-05' };
    expect(validateCheckIn({ ...base, progress: 0 })).toEqual([]);
    expect(validateCheckIn({ ...base, progress: 100 })).toEqual([]);
    expect(codes(validateCheckIn({ ...base, progress: 101 }))).toEqual(['progress:outOfRange']);
    expect(codes(validateCheckIn({ ...base, progress: -1 }))).toEqual(['progress:outOfRange']);
    expect(codes(validateCheckIn({ ...base, progress: 12.5 }))).toEqual(['progress:notWholeNumber']);
  });

  it('refuses references that are not item ids', () => {
    expect(codes(validateInitiative({ ...initiative, planId: 0, ownerId: 1.5 }))).toEqual([
      'planId:invalidReference',
      'ownerId:invalidReference',
    ]);
  });

  it("knows the ambitions and which 'Vi vil' belongs to which", () => {
    expect(codes(validateInitiative({ ...initiative, ambitionKey: 'mod', commitmentKey: undefined }))).toEqual([
      'ambitionKey:unknownAmbition',
    ]);
    expect(codes(validateInitiative({ ...initiative, commitmentKey: 'viden-og-faglighed-99' }))).toEqual([
      'commitmentKey:unknownCommitment',
    ]);
    expect(validateInitiative({ ...initiative, commitmentKey: 'gode-rammer-1' })).toEqual([
      { field: 'commitmentKey', code: 'commitmentMismatch', params: { ambition: 'Viden og faglighed' } },
    ]);
  });
});

describe('plans', () => {
  it('take a year or a span of years as the period', () => {
    expect(parsePeriod('2026')).toEqual({ from: 2026, to: 2026 });
    expect(parsePeriod('2026-2027')).toEqual({ from: 2026, to: 2027 });
    expect(parsePeriod('2027-2026')).toBeUndefined();
    expect(parsePeriod('2026-2026')).toBeUndefined();
    expect(parsePeriod('26')).toBeUndefined();
    expect(normalisePeriod(' 2026 – 2027 ')).toBe('2026-2027');
    expect(codes(validatePlan({ unitId: 1, period: 'næste år', status: 'draft' }))).toEqual(['period:invalidPeriod']);
  });

  it('refuse a status change the workflow does not allow', () => {
    expect(validatePlan({ unitId: 1, period: '2026', status: 'closed' }, { previousStatus: 'draft' })).toEqual([
      { field: 'status', code: 'invalidTransition', params: { from: 'draft', to: 'closed', enum: 'planStatus' } },
    ]);
    expect(validatePlan({ unitId: 1, period: '2026', status: 'approved' }, { previousStatus: 'draft' })).toEqual([]);
    expect(validatePlan({ unitId: 1, period: '2026', status: 'draft' }, { previousStatus: 'draft' })).toEqual([]);
  });
});

describe('initiatives', () => {
  it('need a reason to be stopped — the courage to stop what does not work is written down', () => {
    expect(codes(validateInitiative({ ...initiative, status: 'stopped' }))).toEqual(['stopReason:stopReasonRequired']);
    expect(codes(validateInitiative({ ...initiative, status: 'stopped', stopReason: '  ' }))).toEqual([
      'stopReason:stopReasonRequired',
    ]);
    expect(validateInitiative({ ...initiative, status: 'stopped', stopReason: 'Borgerne brugte det ikke.' })).toEqual(
      [],
    );
  });

  it('check the status change when the previous status is known', () => {
    expect(
      codes(validateInitiative({ ...initiative, status: 'stopped', stopReason: 'x' }, { previousStatus: 'completed' })),
    ).toEqual(['status:invalidTransition']);
  });

  it('link to an existing initiative only over http or https', () => {
    for (const url of ['https://holbaek.dk/indsats', 'http://intra.holbaek.dk/x?y=1']) {
      expect(validateInitiative({ ...initiative, existingInitiativeUrl: url })).toEqual([]);
    }
    for (const url of [
      'javascript:alert(1)',
      'ftp://holbaek.dk',
      'holbaek.dk/indsats',
      'https://',
      'https://holbaek.dk/a b',
      'mailto:a@b.dk',
    ]) {
      expect([url, codes(validateInitiative({ ...initiative, existingInitiativeUrl: url }))]).toEqual([
        url,
        ['existingInitiativeUrl:invalidUrl'],
      ]);
    }
    expect(
      codes(validateInitiative({ ...initiative, existingInitiativeUrl: `https://holbaek.dk/${'a'.repeat(240)}` })),
    ).toEqual(['existingInitiativeUrl:tooLong']);
  });
});

describe('a measurable success criterion (schema v8)', () => {
  const measure = {
    measureWhat: 'Sygedage pr. medarbejder',
    measureUnit: 'dage',
    measureDirection: 'lower' as const,
    measureBaseline: 12.5,
    measureBaselineDate: '2026-01-15',
    measureTarget: 9.75,
    measureTargetDate: '2026-12-15',
  };

  it('is optional, and whole when given', () => {
    expect(validateInitiative(initiative)).toEqual([]);
    expect(validateInitiative({ ...initiative, ...measure })).toEqual([]);
  });

  it('is all or nothing: one field alone asks for the rest', () => {
    expect(codes(validateInitiative({ ...initiative, measureWhat: 'Sygedage' }))).toEqual([
      'measureUnit:required',
      'measureDirection:selectionRequired',
      'measureBaseline:required',
      'measureTarget:required',
      'measureBaselineDate:required',
      'measureTargetDate:required',
    ]);
  });

  it('refuses a direction it does not know, numbers SharePoint cannot store, a target dated before its baseline, a long unit and a CPR number', () => {
    expect(
      codes(
        validateInitiative({
          ...initiative,
          ...measure,
          measureDirection: 'sideways' as never,
          measureBaseline: NaN,
          measureTarget: Infinity,
          measureTargetDate: '2025-12-31',
          measureUnit: 'x'.repeat(41),
          measureWhat: 'Borger 010203-1234',
        }),
      ),
    ).toEqual([
      'measureWhat:containsCpr',
      'measureUnit:tooLong',
      'measureDirection:invalidOption',
      'measureBaseline:invalidOption',
      'measureTarget:invalidOption',
      'measureTargetDate:endBeforeStart',
    ]);
  });

  it('lets a check-in carry a measured value, any finite number', () => {
    const checkIn = { clientKey: 'c', initiativeId: 4, health: 'green' as const, progress: 40, date: '2026-03-01' };
    expect(validateCheckIn({ ...checkIn, measuredValue: -3.25 })).toEqual([]);
    expect(codes(validateCheckIn({ ...checkIn, measuredValue: NaN }))).toEqual(['measuredValue:invalidOption']);
  });

  it('names the measure fields in Danish', () => {
    expect(describeError(danish, { field: 'measureBaseline', code: 'required' }, 'da-DK')).toMatch(/^Udgangspunktet/);
  });
});

describe('follow-up tasks', () => {
  it('are about exactly one initiative or ambition', () => {
    expect(codes(validateTask({ ...task, ambitionKey: undefined }))).toEqual([
      'initiativeId:chooseInitiativeOrAmbition',
    ]);
    expect(codes(validateTask({ ...task, initiativeId: 5 }))).toEqual(['initiativeId:chooseInitiativeOrAmbition']);
    expect(validateTask({ ...task, ambitionKey: undefined, initiativeId: 5 })).toEqual([]);
  });

  it('need an assignee and a due date', () => {
    expect(codes(validateTask({ ...task, assigneeId: undefined, dueDate: '' }))).toEqual([
      'assigneeId:selectionRequired',
      'dueDate:required',
    ]);
  });
});

describe('dialog comments', () => {
  it('belong to exactly one plan or initiative', () => {
    expect(codes(validateComment({ body: 'Hej' }))).toEqual(['initiativeId:choosePlanOrInitiative']);
    expect(codes(validateComment({ planId: 1, initiativeId: 2, body: 'Hej' }))).toEqual([
      'initiativeId:choosePlanOrInitiative',
    ]);
  });
});

describe('units', () => {
  const units: IUnit[] = [
    { id: 1, clientKey: 'u1', name: 'Læring og Trivsel', kind: 'coreArea', leaderIds: [] },
    { id: 2, clientKey: 'u2', name: 'Skoler', kind: 'department', parentId: 1, leaderIds: [] },
    { id: 3, clientKey: 'u3', name: 'Holbæk Skole', kind: 'institution', parentId: 2, leaderIds: [] },
  ];

  it('put kerneområder and stabe at the top and everything else under a parent', () => {
    expect(validateUnit(units[0])).toEqual([]);
    expect(codes(validateUnit({ ...units[0], parentId: 2 }))).toEqual(['parentId:parentNotAllowed']);
    expect(codes(validateUnit({ ...units[2], parentId: undefined }))).toEqual(['parentId:parentRequired']);
  });

  it('refuse a parent chain that comes back to the unit', () => {
    expect(codes(validateUnit({ ...units[1], parentId: 2 }))).toEqual(['parentId:parentCycle']);
    expect(codes(validateUnit({ ...units[1], parentId: 3 }, { units }))).toEqual(['parentId:parentCycle']);
    expect(validateUnit(units[2], { units })).toEqual([]);
  });

  it('check Teams ids and leaders', () => {
    const unit = {
      ...units[0],
      teamsTeamId: '3f2504e0-4f89-11d3-9a0c-0305e82c3301',
      teamsChannelId: '19:a1b2c3d4e5f6@thread.tacv2',
      leaderIds: [5, 6],
    };
    expect(validateUnit(unit)).toEqual([]);
    expect(
      codes(validateUnit({ ...unit, teamsTeamId: 'not-a-guid', teamsChannelId: 'General', leaderIds: [5, -1] })),
    ).toEqual([
      'teamsTeamId:invalidTeamsTeamId',
      'teamsChannelId:invalidTeamsChannelId',
      'leaderIds[1]:invalidReference',
    ]);
  });
});

describe('the CPR guard covers every free-text field', () => {
  const cpr = 'Borgeren (010190-1234) var glad.';

  it.each([
    ['initiative title', () => validateInitiative({ ...initiative, title: cpr }), 'title'],
    ['initiative description', () => validateInitiative({ ...initiative, description: cpr }), 'description'],
    ['stop reason', () => validateInitiative({ ...initiative, status: 'stopped', stopReason: cpr }), 'stopReason'],
    ['success measure', () => validateInitiative({ ...initiative, successMeasure: cpr }), 'successMeasure'],
    [
      'check-in comment',
      () => validateCheckIn({ initiativeId: 1, health: 'green', progress: 1, date: '2026-01-01', comment: cpr }),
      'comment',
    ],
    ['task title', () => validateTask({ ...task, title: cpr }), 'title'],
    ['task description', () => validateTask({ ...task, description: cpr }), 'description'],
    ['task meeting', () => validateTask({ ...task, meeting: cpr }), 'meeting'],
    ['story title', () => validateStory({ ...story, title: cpr }), 'title'],
    ['story body', () => validateStory({ ...story, body: `<p>${cpr}</p>` }), 'body'],
    ['comment', () => validateComment({ planId: 1, body: cpr }), 'body'],
    ['reflection 1', () => validateReflection({ contribution: cpr }), 'contribution'],
    ['reflection 2', () => validateReflection({ meaning: cpr }), 'meaning'],
    [
      'local meaning',
      () => validatePlanFocus({ planId: 1, ambitionKey: 'gode-rammer', relevance: 'low', localMeaning: cpr }),
      'localMeaning',
    ],
    ['unit name', () => validateUnit({ name: cpr, kind: 'coreArea', leaderIds: [] }), 'name'],
    ['political priority', () => validatePoliticalPriority({ title: cpr }), 'title'],
  ])('refuses a CPR number in the %s', (_name, validate, field) => {
    expect(validate()).toEqual([{ field, code: 'containsCpr', params: { masked: '010190-XXXX' } }]);
  });

  it('finds a CPR number split by inline markup in rich text', () => {
    for (const body of [
      '<p>CPR 01<b>0190</b>-1234</p>',
      '<p>CPR <strong>010190</strong>-<em>1234</em></p>',
      '<p>CPR 010190&nbsp;1234</p>',
      '<p>CPR 010190&ndash;1234</p>',
      '<p>CPR 010190&#8209;1234</p>',
      '<p><a href="https://x.dk/?cpr=0101901234">sagen</a></p>',
    ]) {
      expect([body, codes(validateStory({ ...story, body }))]).toEqual([body, ['body:containsCpr']]);
    }
  });

  it('does not join numbers across paragraphs', () => {
    expect(validateStory({ ...story, body: '<p>Tal: 010190</p><p>1234 deltagere</p>' })).toEqual([]);
  });

  it('names the field in a clear Danish message', () => {
    const [error] = validateStory({ ...story, body: '<p>Hun har cpr 010190-1234</p>' });
    expect(describeError(danish, error)).toBe(
      'Historien ser ud til at indeholde et CPR-nummer (010190-XXXX). Personnumre må ikke skrives her – fjern det, før du gemmer.',
    );
  });
});
