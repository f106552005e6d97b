import { MY_WORK_ITEMS, myWorkOf, type IMyTask } from '../../src/domain/myWork';
import type { IReminderInitiative } from '../../src/domain/notifications';

const today = '2026-12-03';
const task = (id: number, dueDate: string | undefined, status = 'open'): IMyTask => ({
  id,
  title: `Opgave ${id}`,
  unitId: 4,
  dueDate,
  status,
});
const initiative = (id: number, lastCheckIn: string | undefined, status = 'inProgress'): IReminderInitiative => ({
  id,
  title: `Indsats ${id}`,
  unitId: 4,
  planId: 2,
  status,
  lastCheckIn,
  created: '2026-09-01',
});

describe('"Mine opgaver": what needs a person this week', () => {
  it("counts open tasks and those over the deadline with the reminders' rule (the day after the deadline)", () => {
    const work = myWorkOf(
      [
        task(1, '2026-12-02'),
        task(2, '2026-12-03'),
        task(3, '2026-12-20'),
        task(4, '2026-11-01', 'closed'),
        task(5, undefined),
      ],
      [],
      today,
    );
    expect(work.openTasks).toBe(4);
    expect(work.overdueTasks).toBe(1);
    expect(work.items.map((i) => [i.kind, i.target.id])).toEqual([
      ['taskOverdue', 1],
      ['task', 2],
      ['task', 3],
      ['task', 5],
    ]);
  });

  it('counts initiatives without a statusmelding for 14 days, and names the next one due among the rest', () => {
    const work = myWorkOf(
      [],
      [
        initiative(1, '2026-11-19'), // 14 days: silent
        initiative(2, '2026-11-20'), // 13 days: due tomorrow
        initiative(3, '2026-11-30'),
        initiative(4, '2026-01-01', 'completed'),
        initiative(5, '2026-01-01', 'stopped'),
        initiative(6, undefined), // never: silent since its creation + 14 days
      ],
      today,
    );
    expect(work.silentInitiatives).toBe(2);
    expect(work.nextCheckIn).toBe('2026-12-04');
    expect(work.items.map((i) => [i.kind, i.target.id, i.due])).toEqual([
      ['checkInDue', 6, '2026-09-15'],
      ['checkInDue', 1, '2026-12-03'],
    ]);
    expect(work.items[0].target).toEqual({ type: 'initiative', id: 6, unitId: 4, planId: 2 });
  });

  it(`lists at most ${MY_WORK_ITEMS} items, the most pressing first, and says how many there are in all`, () => {
    const tasks = Array.from({ length: 14 }, (_, i) => task(i + 1, `2026-12-${String(20 - i).padStart(2, '0')}`));
    const work = myWorkOf(tasks, [initiative(99, '2026-10-01')], today, { unread: 3, complete: false });
    expect(work.items).toHaveLength(MY_WORK_ITEMS);
    expect(work.total).toBe(15);
    expect(work.items[0].target.id).toBe(99); // due 2026-10-15: the oldest date leads
    expect(work.items[1].due).toBe('2026-12-07');
    expect(work.unread).toBe(3);
    expect(work.complete).toBe(false);
  });

  it('orders undated tasks last and ties by title, so every device shows the same order', () => {
    const work = myWorkOf(
      [
        { ...task(1, undefined), title: 'Bølle' },
        { ...task(2, undefined), title: 'Æble' },
        { ...task(3, '2026-12-05'), title: 'Å' },
        { ...task(4, '2026-12-05'), title: 'A' },
      ],
      [],
      today,
    );
    expect(work.items.map((i) => i.title)).toEqual(['A', 'Å', 'Bølle', 'Æble']);
  });

  it('has nothing for a person with no tasks and no initiatives', () => {
    expect(myWorkOf([], [], today)).toEqual({
      openTasks: 0,
      overdueTasks: 0,
      silentInitiatives: 0,
      nextCheckIn: undefined,
      unread: undefined,
      items: [],
      total: 0,
      complete: true,
    });
  });
});
