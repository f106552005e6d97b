import {
  AMBITIONS,
  buildOverview,
  pickCurrentPlan,
  pickPlanToShow,
  type ICheckIn,
  type IFollowUpTask,
  type IInitiative,
  type IOverview,
  type IOverviewCell,
  type IOverviewInput,
  type IPlan,
  type IPlanFocus,
  type IStory,
  type IUnit,
  type Trend,
} from '../../src/domain';

const unit = (id: number, name: string, kind: IUnit['kind']): IUnit => ({
  id,
  clientKey: `u${id}`,
  name,
  kind,
  leaderIds: [],
});
const plan = (id: number, unitId: number, period: string, status: IPlan['status']): IPlan => ({
  id,
  clientKey: `p${id}`,
  unitId,
  period,
  status,
});
const focus = (planId: number, ambitionKey: string, relevance: IPlanFocus['relevance']): IPlanFocus => ({
  clientKey: `f${planId}${ambitionKey}`,
  planId,
  ambitionKey,
  relevance,
});
const initiative = (
  id: number,
  planId: number,
  unitId: number,
  ambitionKey: string,
  status: IInitiative['status'],
): IInitiative => ({
  id,
  clientKey: `i${id}`,
  planId,
  unitId,
  ambitionKey,
  status,
  title: `Indsats ${id}`,
  stopReason: status === 'stopped' ? 'Virkede ikke' : undefined,
});
let checkInId = 0;
const checkIn = (initiativeId: number, date: string, health: ICheckIn['health']): ICheckIn => ({
  id: ++checkInId,
  clientKey: `c${checkInId}`,
  initiativeId,
  date,
  health,
  progress: 50,
});
const task = (id: number, dueDate: string, status: IFollowUpTask['status']): IFollowUpTask => ({
  id,
  clientKey: `t${id}`,
  title: `Opgave ${id}`,
  unitId: 1,
  ambitionKey: 'mod-og-stolthed',
  assigneeId: 3,
  dueDate,
  status,
});
const story = (id: number, ambitionKey: string, moderationStatus: number): IStory => ({
  id,
  clientKey: `s${id}`,
  title: 'x',
  body: '<p>x</p>',
  kind: 'success',
  ambitionKey,
  featured: false,
  recognitionCount: 0,
  moderationStatus,
});

function cell(overview: IOverview, unitId: number, ambitionKey: string): IOverviewCell {
  const row = overview.rows.find((r) => r.unit.id === unitId);
  const found = row && row.cells.find((c) => c.ambitionKey === ambitionKey);
  if (!found) throw new Error(`no cell ${unitId} × ${ambitionKey}`);
  return found;
}

describe("the chefgruppe's overview of units × ambitions", () => {
  const overview = buildOverview(
    {
      units: [unit(1, 'Læring og Trivsel', 'coreArea'), unit(2, 'Økonomi', 'staff')],
      plans: [plan(10, 1, '2025', 'closed'), plan(11, 1, '2026', 'followUp'), plan(20, 2, '2026-2027', 'draft')],
      focuses: [
        focus(10, 'mod-og-stolthed', 'low'),
        focus(11, 'mod-og-stolthed', 'high'),
        focus(11, 'viden-og-faglighed', 'medium'),
        focus(20, 'gode-rammer', 'notRelevant'),
      ],
      initiatives: [
        initiative(1, 11, 1, 'mod-og-stolthed', 'inProgress'),
        initiative(2, 11, 1, 'mod-og-stolthed', 'planned'),
        initiative(3, 11, 1, 'viden-og-faglighed', 'stopped'),
        initiative(4, 10, 1, 'mod-og-stolthed', 'completed'),
        initiative(5, 20, 2, 'gode-rammer', 'planned'),
      ],
      checkIns: [
        checkIn(1, '2026-01-10', 'red'),
        checkIn(1, '2026-03-01', 'green'),
        checkIn(2, '2026-01-20', 'green'),
        checkIn(2, '2026-03-02', 'yellow'),
        checkIn(3, '2026-03-05', 'red'),
        checkIn(5, '2026-03-01', 'yellow'),
        checkIn(99, '2026-03-01', 'red'),
      ],
      tasks: [
        task(1, '2026-03-01', 'open'),
        task(2, '2026-02-15', 'inProgress'),
        task(3, '2026-01-01', 'closed'),
        task(4, '2026-03-10', 'open'),
      ],
      stories: [story(1, 'mod-og-stolthed', 0), story(2, 'mod-og-stolthed', 2), story(3, 'gode-rammer', 0)],
    },
    { now: new Date('2026-03-09T10:00:00Z'), since: '2026-02-01' },
  );

  it("has one row per unit, in order, and one cell per ambition in the strategy's order", () => {
    expect(overview.rows.map((r) => r.unit.name)).toEqual(['Læring og Trivsel', 'Økonomi']);
    for (const row of overview.rows) expect(row.cells.map((c) => c.ambitionKey)).toEqual(AMBITIONS.map((a) => a.key));
  });

  it("uses each unit's current plan for relevance and initiatives", () => {
    const mod = cell(overview, 1, 'mod-og-stolthed');
    expect(mod.planId).toBe(11);
    expect(mod.relevance).toBe('high');
    expect(mod.initiativeCount).toBe(2);
    expect(mod.activeInitiativeCount).toBe(2);
    expect(mod.initiativesByStatus).toEqual({ planned: 1, inProgress: 1, completed: 0, stopped: 0 });
    expect(cell(overview, 2, 'gode-rammer').relevance).toBe('notRelevant');
    expect(cell(overview, 1, 'gode-rammer')).toMatchObject({
      planId: 11,
      relevance: undefined,
      initiativeCount: 0,
      trend: 'unknown',
    });
  });

  it('shows the latest and the worst health, and the trend since the last meeting', () => {
    const mod = cell(overview, 1, 'mod-og-stolthed');
    expect(mod.latestHealth).toBe('yellow');
    expect(mod.latestCheckInDate).toBe('2026-03-02');
    expect(mod.worstHealth).toBe('yellow');
    // red + green on 1 February (mean 1), green + yellow now (mean 1.5).
    expect(mod.trend).toBe('better');
  });

  it('leaves stopped initiatives out of health, and says unknown without an earlier check-in', () => {
    const knowledge = cell(overview, 1, 'viden-og-faglighed');
    expect(knowledge.initiativesByStatus.stopped).toBe(1);
    expect(knowledge.latestHealth).toBeUndefined();
    expect(knowledge.trend).toBe('unknown');
    const frames = cell(overview, 2, 'gode-rammer');
    expect(frames.latestHealth).toBe('yellow');
    expect(frames.trend).toBe('unknown');
  });

  it('counts plans, initiatives and tasks by status over everything given', () => {
    expect(overview.plansByStatus).toEqual({ draft: 1, approved: 0, followUp: 1, closed: 1 });
    expect(overview.initiativesByStatus).toEqual({ planned: 2, inProgress: 1, completed: 1, stopped: 1 });
    expect(overview.tasksByStatus).toEqual({ open: 2, inProgress: 1, closed: 1 });
  });

  it('lists overdue tasks, the most overdue first, and the stopped initiatives', () => {
    expect(overview.overdueTasks.map((t) => t.id)).toEqual([2, 1]);
    expect(overview.stoppedInitiatives.map((i) => i.id)).toEqual([3]);
  });

  it('counts published stories per ambition', () => {
    expect(overview.storiesByAmbition['mod-og-stolthed']).toBe(1);
    expect(overview.storiesByAmbition['gode-rammer']).toBe(1);
    expect(overview.storiesByAmbition['viden-og-faglighed']).toBe(0);
  });
});

describe('the trend of a cell', () => {
  const input = (checkIns: ICheckIn[]): IOverviewInput => ({
    units: [unit(1, 'A', 'coreArea')],
    plans: [plan(1, 1, '2026', 'followUp')],
    focuses: [],
    initiatives: [initiative(1, 1, 1, 'gode-rammer', 'inProgress')],
    checkIns,
    tasks: [],
  });
  const now = new Date('2026-06-01T10:00:00Z');
  const trendOf = (checkIns: ICheckIn[], since?: string): Trend =>
    cell(buildOverview(input(checkIns), { now, since }), 1, 'gode-rammer').trend;

  it('is worse when health has dropped since the date', () => {
    expect(trendOf([checkIn(1, '2026-04-01', 'green'), checkIn(1, '2026-05-01', 'red')], '2026-04-15')).toBe('worse');
  });

  it('is the same with no newer check-in, counting a check-in on the date itself as before', () => {
    expect(trendOf([checkIn(1, '2026-04-15', 'yellow')], '2026-04-15')).toBe('same');
  });

  it('is unknown without a date to compare with', () => {
    expect(trendOf([checkIn(1, '2026-04-01', 'green'), checkIn(1, '2026-05-01', 'red')])).toBe('unknown');
  });
});

describe('the current plan of a unit', () => {
  it('prefers the plan whose period covers this year, even over one further along', () => {
    const plans = [plan(1, 1, '2025', 'followUp'), plan(2, 1, '2026', 'draft')];
    expect(pickCurrentPlan(plans, new Date('2026-05-01T10:00:00Z'))?.id).toBe(2);
  });

  it('prefers follow-up over approved over draft among plans for the same year', () => {
    const plans = [
      plan(1, 1, '2026', 'draft'),
      plan(2, 1, '2025-2026', 'followUp'),
      plan(3, 1, '2026-2027', 'approved'),
    ];
    expect(pickCurrentPlan(plans, new Date('2026-05-01T10:00:00Z'))?.id).toBe(2);
  });

  it('decides the year in Copenhagen', () => {
    const plans = [plan(1, 1, '2025', 'followUp'), plan(2, 1, '2026', 'draft')];
    expect(pickCurrentPlan(plans, new Date('2025-12-31T22:59:00Z'))?.id).toBe(1);
    expect(pickCurrentPlan(plans, new Date('2025-12-31T23:01:00Z'))?.id).toBe(2);
  });

  it('returns nothing for a unit without plans', () => {
    expect(pickCurrentPlan([], new Date())).toBeUndefined();
  });
});

describe('the plan to show', () => {
  const plans = [plan(1, 1, '2025', 'closed'), plan(2, 1, '2026', 'followUp')];
  const now = new Date('2026-05-01T10:00:00Z');

  it("is the first preferred plan that is one of the unit's, else the current one", () => {
    expect(pickPlanToShow(plans, now, [1, 2])?.id).toBe(1);
    expect(pickPlanToShow(plans, now, [99, 1])?.id).toBe(1);
    expect(pickPlanToShow(plans, now, [undefined, 99])?.id).toBe(2);
    expect(pickPlanToShow(plans, now, [])?.id).toBe(2);
    expect(pickPlanToShow([], now, [1])).toBeUndefined();
  });
});
