import type { IFollowUpTask } from '../../../src/domain/model';
import {
  addDelta,
  applyEdits,
  byDueDate,
  defaultSince,
  fileNamePart,
  foldEdits,
  groupByStatus,
  knownMeetings,
  matchesFilters,
  NO_EDITS,
  overdueDelta,
  overdueTasks,
  recordSave,
  sinceOrDefault,
} from '../../../src/ui/followUp/followUpModel';
import { buildPeople } from '../../../src/ui/followUp/people';
import { formValuesOf, mergeTask, taskOfForm } from '../../../src/ui/followUp/taskForm';

const NOW = new Date('2026-03-10T10:00:00Z');

function task(id: number, patch: Partial<IFollowUpTask> = {}): IFollowUpTask {
  return {
    id,
    clientKey: `k${id}`,
    title: `Opgave ${id}`,
    unitId: 1,
    ambitionKey: 'gode-rammer',
    assigneeId: 9,
    dueDate: '2026-04-01',
    status: 'open',
    ...patch,
  };
}

describe('followUpModel', () => {
  describe('the trend baseline', () => {
    it('defaults to a quarter before today in Copenhagen', () => {
      expect(defaultSince(NOW)).toBe('2025-12-09');
    });

    it('keeps a stored date unless it is not a date or lies in the future', () => {
      expect(sinceOrDefault('2026-02-01', NOW)).toBe('2026-02-01');
      expect(sinceOrDefault('2026-03-11', NOW)).toBe('2025-12-09');
      expect(sinceOrDefault('1. februar', NOW)).toBe('2025-12-09');
      expect(sinceOrDefault(null, NOW)).toBe('2025-12-09');
    });
  });

  describe('tasks saved in this session', () => {
    it('counts a new task once and a status change as one out of the old and one into the new column', () => {
      const created = recordSave(NO_EDITS, undefined, task(5));
      expect(created.created).toEqual([5]);
      expect(created.statusDelta).toEqual({ open: 1, inProgress: 0, closed: 0 });
      const moved = recordSave(created, task(5), task(5, { status: 'closed' }));
      expect(moved.created).toEqual([5]);
      expect(moved.statusDelta).toEqual({ open: 0, inProgress: 0, closed: 1 });
      const movedAgain = recordSave(moved, task(5, { status: 'closed' }), task(5, { status: 'open' }));
      expect(movedAgain.statusDelta).toEqual({ open: 1, inProgress: 0, closed: 0 });
    });

    it('changes the overdue count the view read by what was saved here, before the list is read', () => {
      const late = { dueDate: '2026-03-01' };
      // A new overdue task, an overdue one closed, one moved into the past, and one saved twice (overdue again).
      let edits = recordSave(NO_EDITS, undefined, task(1, late));
      edits = recordSave(edits, task(2, late), task(2, { ...late, status: 'closed' }));
      edits = recordSave(edits, task(3), task(3, late));
      edits = recordSave(edits, task(4, late), task(4, { ...late, status: 'closed' }));
      edits = recordSave(edits, task(4, { ...late, status: 'closed' }), task(4, { ...late, status: 'inProgress' }));
      expect(overdueDelta(edits, NOW)).toBe(1 - 1 + 1 + 0);
      expect(overdueDelta(NO_EDITS, NOW)).toBe(0);
    });

    it('uses the newest saved version as "before", however stale the caller\'s copy is', () => {
      const once = recordSave(NO_EDITS, task(1), task(1, { status: 'inProgress' }));
      // The list still holds the open version; the change goes from inProgress, not from open.
      const twice = recordSave(once, task(1), task(1, { status: 'closed' }));
      expect(twice.statusDelta).toEqual({ open: -1, inProgress: 0, closed: 1 });
      expect(addDelta({ open: 4, inProgress: 2, closed: 3 }, twice.statusDelta)).toEqual({
        open: 3,
        inProgress: 2,
        closed: 4,
      });
    });

    it('keeps to "over fristen" on a day only tasks not closed whose deadline is before it', () => {
      const filters = { overdueOn: '2026-03-05' };
      expect(matchesFilters(task(1, { dueDate: '2026-03-04' }), filters)).toBe(true);
      expect(matchesFilters(task(2, { dueDate: '2026-03-05' }), filters)).toBe(false);
      expect(matchesFilters(task(3, { dueDate: '2026-03-01', status: 'closed' }), filters)).toBe(false);
      expect(
        matchesFilters(task(4, { dueDate: '2026-03-01', status: 'inProgress' }), { ...filters, status: 'inProgress' }),
      ).toBe(true);
    });

    it('folds saved versions into a page, adds new ones that belong, drops moved-out ones and keeps due-date order', () => {
      const page = [
        task(1, { dueDate: '2026-03-01' }),
        task(2, { dueDate: '2026-03-05' }),
        task(3, { dueDate: '2026-03-09' }),
      ];
      let edits = recordSave(NO_EDITS, undefined, task(9, { dueDate: '2026-03-03' }));
      edits = recordSave(edits, page[1], { ...page[1], unitId: 2 });
      edits = recordSave(edits, page[0], { ...page[0], title: 'Ny titel' });
      const unitOne = foldEdits(page, edits, (t) => matchesFilters(t, { unitId: 1 }));
      expect(unitOne.map((t) => t.id)).toEqual([1, 9, 3]);
      expect(unitOne[0].title).toBe('Ny titel');
      expect(foldEdits(page, edits, () => true).map((t) => t.id)).toEqual([1, 9, 2, 3]);
      expect(foldEdits(page, NO_EDITS, () => true)).toEqual(page);
      expect(applyEdits(page, edits)[1].unitId).toBe(2);
    });

    it('does not add a created task twice once a later page brings it', () => {
      const edits = recordSave(NO_EDITS, undefined, task(9));
      expect(foldEdits([task(1), task(9)], edits, () => true).map((t) => t.id)).toEqual([1, 9]);
    });

    it('keeps the overdue list current: closed ones leave, new overdue ones join, most overdue first', () => {
      const fromView = [task(1, { dueDate: '2026-03-02' }), task(2, { dueDate: '2026-02-01' })];
      let edits = recordSave(NO_EDITS, fromView[0], { ...fromView[0], status: 'closed' });
      edits = recordSave(edits, undefined, task(3, { dueDate: '2026-03-09' }));
      edits = recordSave(edits, undefined, task(4, { dueDate: '2026-03-10' }));
      expect(overdueTasks(fromView, edits, NOW).map((t) => t.id)).toEqual([2, 3]);
    });
  });

  describe('the board', () => {
    it('groups tasks by status, an unknown status under open rather than lost', () => {
      const groups = groupByStatus([task(1), task(2, { status: 'closed' }), task(3, { status: 'waiting' as never })]);
      expect(groups.open.map((t) => t.id)).toEqual([1, 3]);
      expect(groups.closed.map((t) => t.id)).toEqual([2]);
      expect(groups.inProgress).toEqual([]);
    });

    it('suggests the distinct meetings, sorted the Danish way', () => {
      expect(
        knownMeetings(
          [task(1, { meeting: 'Økonomimøde' }), task(2, { meeting: 'Chefgruppemøde' })],
          [task(3, { meeting: 'Chefgruppemøde ' }), task(4)],
        ),
      ).toEqual(['Chefgruppemøde', 'Økonomimøde']);
    });

    it('orders by due date, then id, with bad dates first rather than crashing', () => {
      expect(
        [task(2, { dueDate: '2026-01-01' }), task(1, { dueDate: '2026-01-01' }), task(3, { dueDate: '' })]
          .sort(byDueDate)
          .map((t) => t.id),
      ).toEqual([3, 1, 2]);
    });

    it('makes a meeting name safe for a file name', () => {
      expect(fileNamePart(' Chefgruppemøde: marts/april 2026 ')).toBe('Chefgruppemøde-martsapril-2026');
    });
  });
});

describe('people', () => {
  const units = [
    { id: 1, clientKey: 'a', name: 'Læring og Trivsel', kind: 'coreArea' as const, leaderIds: [9] },
    { id: 2, clientKey: 'b', name: 'Økonomi', kind: 'staff' as const, leaderIds: [11, 9] },
  ];
  const texts = { leaderOf: 'Leder · {units}', me: '{name} (dig)', unknown: 'Bruger nr. {id}' };

  it('names leaders by the units they lead and the signed-in user by name', () => {
    const people = buildPeople(units, { id: 8, displayName: 'Christian Holm' }, texts);
    expect(people.options.map((p) => p.label)).toEqual([
      'Christian Holm (dig)',
      'Leder · Læring og Trivsel, Økonomi',
      'Leder · Økonomi',
    ]);
    expect(people.labelOf(11)).toBe('Leder · Økonomi');
    expect(people.labelOf(42)).toBe('Bruger nr. 42');
    expect(people.labelOf(undefined)).toBe('');
  });

  it("lists a unit's leaders first", () => {
    const people = buildPeople(units, { id: 8, displayName: 'Christian Holm' }, texts);
    expect(people.optionsFor(2).map((p) => p.id)).toEqual([9, 11, 8]);
  });

  it('says so when the signed-in user is also a leader', () => {
    const people = buildPeople(units, { id: 9, displayName: 'Lene Madsen' }, texts);
    expect(people.labelOf(9)).toBe('Lene Madsen, Leder · Læring og Trivsel, Økonomi (dig)');
  });

  it('names the signed-in user plainly for a report others read, and everyone else as usual', () => {
    const people = buildPeople(units, { id: 9, displayName: 'Lene Madsen' }, texts);
    expect(people.plainLabelOf(9)).toBe('Lene Madsen · Leder · Læring og Trivsel, Økonomi');
    expect(people.plainLabelOf(11)).toBe(people.labelOf(11));
    const chef = buildPeople(units, { id: 8, displayName: 'Christian Holm' }, texts);
    expect(chef.plainLabelOf(8)).toBe('Christian Holm');
  });

  it('names leaders and other assignees from the view when it has their names', () => {
    const people = buildPeople(units, { id: 8, displayName: 'Christian Holm' }, texts, {
      11: { displayName: 'Sanne Skov' },
      77: { displayName: 'Bo Berg' },
    });
    expect(people.labelOf(11)).toBe('Sanne Skov · Leder · Økonomi');
    expect(people.labelOf(9)).toBe('Leder · Læring og Trivsel, Økonomi');
    expect(people.labelOf(77)).toBe('Bo Berg');
    expect(people.labelOf(78)).toBe('Bruger nr. 78');
  });
});

describe('the task form', () => {
  it('starts a new task with a client key that is kept, so a retried create never duplicates', () => {
    const values = formValuesOf();
    expect(values.clientKey).toMatch(/^[0-9a-f-]{36}$/);
    expect(
      taskOfForm({
        ...values,
        title: ' Titel ',
        unitId: '1',
        ambitionKey: 'gode-rammer',
        assigneeId: '9',
        dueDate: '2026-03-03',
      }),
    ).toEqual({
      clientKey: values.clientKey,
      title: 'Titel',
      description: undefined,
      unitId: 1,
      initiativeId: undefined,
      ambitionKey: 'gode-rammer',
      assigneeId: 9,
      dueDate: '2026-03-03',
      status: 'open',
      meeting: undefined,
    });
  });

  it("keeps only the chosen one of ambition and initiative, and the original's id and ETag", () => {
    const original = { ...task(4), etag: '"3"' };
    const values = { ...formValuesOf(original), about: 'initiative' as const, initiativeId: '12' };
    const changed = taskOfForm(values, original);
    expect(changed).toMatchObject({ id: 4, etag: '"3"', clientKey: 'k4', initiativeId: 12, ambitionKey: undefined });
  });

  it('merges field by field, moving ambition and initiative together', () => {
    const theirs = task(1, { title: 'Deres', dueDate: '2026-05-01', ambitionKey: 'gode-rammer' });
    const mine = task(1, { title: 'Min', dueDate: '2026-06-01', ambitionKey: undefined, initiativeId: 3 });
    expect(mergeTask(theirs, mine, ['title'])).toMatchObject({
      title: 'Min',
      dueDate: '2026-05-01',
      ambitionKey: 'gode-rammer',
    });
    expect(mergeTask(theirs, mine, ['initiativeId'])).toMatchObject({
      title: 'Deres',
      initiativeId: 3,
      ambitionKey: undefined,
    });
  });
});
