/**
 * The overview from per-unit summaries equals the overview from every row (`buildOverview`), on
 * random municipalities: many units, several plans each, duplicate focus rows, check-ins on the same
 * day, healths and statuses the product does not know, invalid dates — for many baselines, on the
 * day the summaries were made and later.
 */
import { AMBITIONS } from '../../src/domain/ambitions';
import { addDays, toIsoDate } from '../../src/domain/dates';
import { buildOverview, type IOverviewInput } from '../../src/domain/overview';
import type { ICheckIn, IFollowUpTask, IInitiative, IPlan, IPlanFocus, IStory, IUnit } from '../../src/domain/model';
import {
  encodeUnitSummary,
  overviewFromSummaries,
  parseUnitSummary,
  type IUnitSummary,
} from '../../src/domain/unitSummary';
import { SUMMARY_TITLES_PER_UNIT, summarizeUnit } from '../../src/domain/summarizeUnit';
import { prng } from '../support/prng';

const pick = <T>(rnd: () => number, list: readonly T[]): T => list[Math.floor(rnd() * list.length)];

function municipality(seed: number, now: Date): IOverviewInput {
  const rnd = prng(seed);
  const year = now.getUTCFullYear();
  const day = (from: number, to: number): string => addDays(toIsoDate(now), Math.floor(from + rnd() * (to - from)));
  const units: IUnit[] = [];
  const plans: IPlan[] = [];
  const focuses: (IPlanFocus & { unitId: number })[] = [];
  const initiatives: IInitiative[] = [];
  const checkIns: (ICheckIn & { unitId: number })[] = [];
  const tasks: IFollowUpTask[] = [];
  const stories: IStory[] = [];
  let id = 1;
  const unitCount = 12 + Math.floor(rnd() * 10);
  for (let u = 0; u < unitCount; u++) {
    const unitId = id++;
    units.push({ id: unitId, clientKey: `u${unitId}`, name: `Enhed ${u}`, kind: 'institution', leaderIds: [] });
    const planCount = Math.floor(rnd() * 4);
    for (let p = 0; p < planCount; p++) {
      const from = year - 3 + Math.floor(rnd() * 5);
      const plan: IPlan = {
        id: id++,
        clientKey: `p${id}`,
        unitId,
        period: rnd() < 0.1 ? 'ukendt' : `${from}-${from + Math.floor(rnd() * 3)}`,
        status: pick(rnd, ['draft', 'approved', 'followUp', 'closed', 'closed', 'archived'] as IPlan['status'][]),
      };
      plans.push(plan);
      for (const ambition of AMBITIONS) {
        const copies = rnd() < 0.2 ? 0 : rnd() < 0.1 ? 2 : 1;
        for (let c = 0; c < copies; c++)
          focuses.push({
            id: id++,
            clientKey: `f${id}`,
            planId: plan.id as number,
            unitId,
            ambitionKey: ambition.key,
            relevance: pick(rnd, ['high', 'medium', 'low', 'notRelevant'] as const),
          });
      }
      const initiativeCount = Math.floor(rnd() * 12);
      for (let i = 0; i < initiativeCount; i++) {
        const initiative: IInitiative = {
          id: id++,
          clientKey: `i${id}`,
          planId: plan.id as number,
          unitId,
          title: `Indsats ${i}`,
          ambitionKey: rnd() < 0.05 ? 'ukendt-ambition' : pick(rnd, AMBITIONS).key,
          status: pick(rnd, [
            'planned',
            'inProgress',
            'inProgress',
            'completed',
            'stopped',
            'paused',
          ] as IInitiative['status'][]),
        };
        initiatives.push(initiative);
        const checkInCount = Math.floor(rnd() * 6);
        for (let c = 0; c < checkInCount; c++) {
          checkIns.push({
            id: id++,
            clientKey: `c${id}`,
            initiativeId: initiative.id as number,
            unitId,
            health: pick(rnd, ['green', 'yellow', 'red', 'red', 'blue'] as ICheckIn['health'][]),
            progress: 0,
            date: rnd() < 0.03 ? 'ikke en dato' : day(-400, 0),
          });
        }
      }
    }
    const taskCount = Math.floor(rnd() * 15);
    for (let t = 0; t < taskCount; t++) {
      tasks.push({
        id: id++,
        unitId,
        title: `Opgave ${t}`,
        status: pick(rnd, ['open', 'inProgress', 'closed', 'closed', 'waiting'] as IFollowUpTask['status'][]),
        dueDate: rnd() < 0.05 ? '' : day(-200, 200),
      } as IFollowUpTask);
    }
  }
  for (let s = 0; s < 40; s++)
    stories.push({
      id: id++,
      ambitionKey: pick(rnd, AMBITIONS).key,
      moderationStatus: pick(rnd, [0, 0, 1, 2]),
    } as IStory);
  // SharePoint's order of the view's reads: newest first.
  const newestFirst = <T extends { id?: number }>(rows: T[]): T[] =>
    rows.slice().sort((a, b) => (b.id as number) - (a.id as number));
  return {
    units,
    plans: newestFirst(plans),
    focuses: newestFirst(focuses),
    initiatives: newestFirst(initiatives),
    checkIns: newestFirst(checkIns),
    tasks: newestFirst(tasks),
    stories,
  };
}

/** Each unit's summary, from that unit's rows only, stored and read back as JSON. */
function summaries(input: IOverviewInput, now: Date): Map<number, IUnitSummary> {
  const out = new Map<number, IUnitSummary>();
  for (const unit of input.units) {
    const unitId = unit.id as number;
    const of = <T extends { unitId?: number }>(rows: readonly T[]): T[] => rows.filter((row) => row.unitId === unitId);
    const summary = summarizeUnit(
      {
        unit,
        plans: of(input.plans),
        focuses: of(input.focuses as (IPlanFocus & { unitId: number })[]),
        initiatives: of(input.initiatives),
        checkIns: of(input.checkIns as (ICheckIn & { unitId: number })[]),
        tasks: of(input.tasks),
      },
      now,
    );
    const parsed = parseUnitSummary(encodeUnitSummary(summary), unitId);
    if (!parsed) throw new Error(`the summary of unit ${unitId} did not read back`);
    out.set(unitId, parsed);
  }
  return out;
}

function baselines(input: IOverviewInput, now: Date): (string | undefined)[] {
  const dates = input.checkIns.map((c) => c.date).filter((d) => /^\d{4}-/.test(d));
  const some = dates.slice(0, 6);
  return [
    undefined,
    'ugyldig',
    addDays(toIsoDate(now), -91),
    addDays(toIsoDate(now), -1000),
    toIsoDate(now),
    ...some,
    ...some.map((d) => addDays(d, -1)),
  ];
}

describe('overview from unit summaries', () => {
  const made = new Date('2026-12-03T10:00:00Z');

  it.each([1, 2, 3, 4, 5, 6, 7, 8])('equals the row-by-row overview (municipality %i)', (seed) => {
    const input = municipality(seed, made);
    const stored = summaries(input, made);
    for (const since of baselines(input, made)) {
      const rows = buildOverview(input, { now: made, since });
      const summed = overviewFromSummaries(input.units, stored, rows.storiesByAmbition, { now: made, since });
      expect(summed.rows).toEqual(rows.rows);
      expect(summed.plansByStatus).toEqual(rows.plansByStatus);
      expect(summed.initiativesByStatus).toEqual(rows.initiativesByStatus);
      expect(summed.tasksByStatus).toEqual(rows.tasksByStatus);
      expect(summed.storiesByAmbition).toEqual(rows.storiesByAmbition);
      expect(summed.overdueCount).toBe(rows.overdueTasks.length);
      expect(summed.stoppedCount).toBe(rows.stoppedInitiatives.length);
      expect(summed.stoppedPlanIds.sort()).toEqual(
        Array.from(new Set(rows.stoppedInitiatives.map((i) => i.planId))).sort(),
      );
      expect(summed.missingUnits).toEqual([]);
    }
  });

  it('counts what is overdue on the day the overview is read, not the day the summary was made', () => {
    const input = municipality(11, made);
    const stored = summaries(input, made);
    for (const days of [1, 30, 120]) {
      const later = new Date(made.getTime() + days * 86400000);
      const rows = buildOverview(input, { now: later });
      const summed = overviewFromSummaries(input.units, stored, {}, { now: later });
      expect(summed.overdueCount).toBe(rows.overdueTasks.length);
      const perUnit: Record<number, number> = {};
      for (const task of rows.overdueTasks) perUnit[task.unitId] = (perUnit[task.unitId] || 0) + 1;
      expect({ ...summed.overdueByUnit }).toEqual(perUnit);
    }
  });

  it('in a new year: the plan that becomes current is answered exactly when it was kept, else the unit is named as missing', () => {
    const input = municipality(12, made);
    const stored = summaries(input, made);
    const nextYear = new Date('2027-02-01T10:00:00Z');
    const rows = buildOverview(input, { now: nextYear, since: '2026-11-01' });
    const summed = overviewFromSummaries(input.units, stored, rows.storiesByAmbition, {
      now: nextYear,
      since: '2026-11-01',
    });
    summed.rows.forEach((row, index) => {
      if (summed.missingUnits.indexOf(row.unit.id as number) >= 0) return;
      expect(row).toEqual(rows.rows[index]);
    });
    // Only a closed plan that was not current when the summary was made can be missing.
    for (const unitId of summed.missingUnits) {
      const current = rows.rows.find((r) => r.unit.id === unitId)?.cells[0].planId;
      expect(input.plans.find((p) => p.id === current)?.status).toBe('closed');
    }
  });

  it('names units without a summary and shows them empty', () => {
    const input = municipality(3, made);
    const stored = summaries(input, made);
    const first = input.units[0].id as number;
    stored.delete(first);
    const summed = overviewFromSummaries(input.units, stored, {}, { now: made });
    expect(summed.missingUnits).toEqual([first]);
    expect(summed.rows[0].cells.every((cell) => cell.initiativeCount === 0 && cell.planId === undefined)).toBe(true);
  });
});

describe('the stored form', () => {
  const unit: IUnit = { id: 7, clientKey: 'u7', name: 'Enhed', kind: 'institution', leaderIds: [] };
  const summary = summarizeUnit(
    {
      unit,
      plans: [{ id: 1, clientKey: 'p1', unitId: 7, period: '2025-2028', status: 'followUp' }],
      focuses: [{ id: 2, clientKey: 'f2', planId: 1, ambitionKey: AMBITIONS[0].key, relevance: 'high' }],
      initiatives: [
        {
          id: 3,
          clientKey: 'i3',
          planId: 1,
          unitId: 7,
          title: 'A',
          ambitionKey: AMBITIONS[0].key,
          status: 'inProgress',
        },
      ],
      checkIns: [
        { id: 4, clientKey: 'c4', initiativeId: 3, health: 'red', progress: 0, date: '2026-09-01' },
        { id: 6, clientKey: 'c6', initiativeId: 3, health: 'green', progress: 0, date: '2026-10-01' },
      ],
      tasks: [{ id: 5, unitId: 7, title: 'T', status: 'open', dueDate: '2026-11-01' } as IFollowUpTask],
    },
    new Date('2026-12-03T10:00:00Z'),
  );
  const good = encodeUnitSummary(summary);

  it('is short: numbers in arrays, no keys, no quotes but the periods', () => {
    expect(good).toBe(
      '[2,7,[1,"2025-2028",2],[[1,[0,0,1,0,0,-1,9770,0,0,9740,0,30,1],[-1,0,0,0,0,-1,0,-1,-1],[-1,0,0,0,0,-1,0,-1,-1],[-1,0,0,0,0,-1,0,-1,-1],[-1,0,0,0,0,-1,0,-1,-1]]],[0,1,0,0],[1,0],[1,0,0],[9801]]',
    );
  });

  it('reads back what was stored', () => {
    const parsed = parseUnitSummary(good, 7) as IUnitSummary;
    expect(parsed.cells.get(1)?.[0]).toEqual({
      relevance: 'high',
      byStatus: [0, 1, 0, 0],
      latest: ['2026-10-01', 'green'],
      worst: 'green',
      trend: [
        ['2026-09-01', 'better'],
        ['2026-10-01', 'same'],
      ],
    });
    expect(parsed).toEqual(summary);
  });

  it('keeps the titles of at most a few initiatives, those of open tasks with the earliest deadline', () => {
    const initiatives = Array.from({ length: 8 }, (_, i) => ({
      id: i + 1,
      clientKey: `i${i + 1}`,
      planId: 1,
      unitId: 7,
      title: `Indsats ${i + 1}`,
      ambitionKey: 'a',
      status: 'planned' as const,
    }));
    const tasks = initiatives.map(
      (initiative, i) =>
        ({
          id: 100 + i,
          unitId: 7,
          title: 'T',
          status: i === 0 ? 'closed' : 'open',
          initiativeId: initiative.id,
          dueDate: `2026-12-${String(20 - i).padStart(2, '0')}`,
        }) as IFollowUpTask,
    );
    const summary = summarizeUnit(
      { unit, plans: [], focuses: [], initiatives, checkIns: [], tasks },
      new Date('2026-12-03T10:00:00Z'),
    );
    expect(Array.from(summary.titles.keys())).toEqual([8, 7, 6, 5, 4]);
    expect(summary.titles.size).toBe(SUMMARY_TITLES_PER_UNIT);
  });

  it("keeps the titles of the initiatives the unit's tasks are about, and reads a row kept without them", () => {
    const withTask = summarizeUnit(
      {
        unit,
        plans: [{ id: 1, clientKey: 'p1', unitId: 7, period: '2026', status: 'approved' }],
        focuses: [],
        initiatives: [
          {
            id: 3,
            clientKey: 'i3',
            planId: 1,
            unitId: 7,
            title: 'Ny budgetmodel',
            ambitionKey: 'a',
            status: 'planned',
          },
          { id: 4, clientKey: 'i4', planId: 1, unitId: 7, title: 'Uden opgaver', ambitionKey: 'a', status: 'planned' },
        ],
        checkIns: [],
        tasks: [{ id: 5, unitId: 7, title: 'T', status: 'open', initiativeId: 3 } as IFollowUpTask],
      },
      new Date('2026-12-03T10:00:00Z'),
    );
    expect(Array.from(withTask.titles)).toEqual([[3, 'Ny budgetmodel']]);
    const stored = encodeUnitSummary(withTask);
    expect(stored.endsWith(',[3,"Ny budgetmodel"]]')).toBe(true);
    expect(parseUnitSummary(stored, 7)).toEqual(withTask);
    expect(parseUnitSummary(good, 7)?.titles.size).toBe(0);
    expect(parseUnitSummary(stored.replace('"Ny budgetmodel"', '42'), 7)).toBeUndefined();
    const overview = overviewFromSummaries([unit], new Map([[7, withTask]]), {}, { now: new Date('2026-12-03') });
    expect(overview.initiativeTitles).toEqual({ 3: 'Ny budgetmodel' });
  });

  it('keeps values the product does not know as they are', () => {
    const odd = summarizeUnit(
      {
        unit,
        plans: [{ id: 1, clientKey: 'p1', unitId: 7, period: '2026', status: 'paused' as never }],
        focuses: [{ id: 2, clientKey: 'f2', planId: 1, ambitionKey: AMBITIONS[1].key, relevance: 'enorm' as never }],
        initiatives: [
          {
            id: 3,
            clientKey: 'i3',
            planId: 1,
            unitId: 7,
            title: 'A',
            ambitionKey: AMBITIONS[1].key,
            status: 'sleeping' as never,
          },
        ],
        checkIns: [
          { id: 4, clientKey: 'c4', initiativeId: 3, health: 'blue' as never, progress: 0, date: '1999-12-24' },
        ],
        tasks: [],
      },
      new Date('2026-12-03T10:00:00Z'),
    );
    expect(parseUnitSummary(encodeUnitSummary(odd), 7)).toEqual(odd);
    expect(odd.cells.get(1)?.[1]).toMatchObject({ relevance: 'enorm', count: 1, latest: ['1999-12-24', 'blue'] });
  });

  it.each([
    ['not JSON', '['],
    ['another unit', good.replace('[2,7,', '[2,8,')],
    ['another version', good.replace('[2,7,', '[1,7,')],
    ['a negative count', good.replace('[0,1,0,0]', '[0,-1,0,0]')],
    ['a relevance code out of range', good.replace('[[1,[0,', '[[1,[9,')],
    ['a fraction', good.replace('[1,0,0]', '[1.5,0,0]')],
    ['trend dates out of order', good.replace('9740,0,30,1', '9740,0,-30,1')],
    ['an ambition missing', good.replace(',[-1,0,0,0,0,-1,0,-1,-1]]]', ']]')],
    ['an object', '{"v":2}'],
    ['a prototype key', '{"__proto__":{"x":1}}'],
  ])('refuses %s (the unit counts as missing)', (_name, text) => {
    expect(parseUnitSummary(text, 7)).toBeUndefined();
    expect(({} as Record<string, unknown>).x).toBeUndefined();
  });
});
