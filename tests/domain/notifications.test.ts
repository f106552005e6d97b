import {
  assembleInbox,
  checkInReminder,
  eventKey,
  gatherRecognitions,
  inboxSummary,
  isRead,
  pageLinkOf,
  parsePages,
  parsePersonalSettings,
  planApproved,
  recipientsOf,
  taskAssignee,
  taskReminder,
  teamsLinkOf,
  withAllRead,
  withOff,
  withRead,
  type INotification,
} from '../../src/domain/notifications';

const entry = (id: string, at: string, extra: Partial<INotification> = {}): INotification => ({
  id,
  kind: 'taskAssigned',
  at,
  target: { type: 'task', id: 1 },
  subject: 'Opgave',
  read: false,
  ...extra,
});

describe('who hears of an event', () => {
  it('never the person who acted, each person once, nobody unknown', () => {
    expect(recipientsOf(7, [8, 7, 8, undefined, 9, 0, -1, 1.5])).toEqual([8, 9]);
  });

  it('a task: its new assignee when the save assigned or reassigned it, not when it kept or cleared the assignee', () => {
    expect(taskAssignee(7, undefined, { assigneeId: 8 })).toBe(8);
    expect(taskAssignee(7, { assigneeId: 8 }, { assigneeId: 9 })).toBe(9);
    expect(taskAssignee(7, { assigneeId: 8 }, { assigneeId: 8 })).toBeUndefined();
    expect(taskAssignee(7, { assigneeId: 8 }, {})).toBeUndefined();
    expect(taskAssignee(7, undefined, { assigneeId: 7 })).toBeUndefined();
  });

  it('a plan: only the step into "approved"', () => {
    expect(planApproved({ status: 'draft' }, { status: 'approved' })).toBe(true);
    expect(planApproved(undefined, { status: 'approved' })).toBe(true);
    expect(planApproved({ status: 'approved' }, { status: 'approved' })).toBe(false);
    expect(planApproved({ status: 'approved' }, { status: 'followUp' })).toBe(false);
  });

  it('an event key is the same for a retried save and different for another event, and fits the 64-character ClientKey', () => {
    const target = { type: 'initiative' as const, id: 123456 };
    expect(eventKey('dialogReply', target, 'c99', 12)).toBe(eventKey('dialogReply', target, 'c99', 12));
    expect(eventKey('dialogReply', target, 'c99', 12)).not.toBe(eventKey('dialogReply', target, 'c100', 12));
    expect(eventKey('dialogReply', target, 'c99', 12)).not.toBe(eventKey('dialogReply', target, 'c99', 13));
    expect(
      eventKey('storyReturned', { type: 'initiative', id: 2 ** 31 }, 'v123456789', 2 ** 31).length,
    ).toBeLessThanOrEqual(64);
  });
});

describe('reminders computed when the list is read', () => {
  const task = { id: 5, title: 'Svar chefgruppen', unitId: 2, status: 'open' };

  it('a task due within three days, then overdue from the day after its deadline (a new, unread entry)', () => {
    expect(taskReminder({ ...task, dueDate: '2026-12-10' }, '2026-12-03')).toBeUndefined();
    expect(taskReminder({ ...task, dueDate: '2026-12-06' }, '2026-12-03')).toMatchObject({
      kind: 'taskDueSoon',
      id: 'r:taskDueSoon:5:2026-12-03',
      subject: 'Svar chefgruppen',
      target: { type: 'task', id: 5, unitId: 2 },
    });
    const overdue = taskReminder({ ...task, dueDate: '2026-12-02' }, '2026-12-03');
    expect(overdue).toMatchObject({ kind: 'taskOverdue', id: 'r:taskOverdue:5:2026-12-03' });
    // The same reminder on a later day keeps its id, so reading it once is remembered.
    expect(taskReminder({ ...task, dueDate: '2026-12-02' }, '2026-12-20')?.id).toBe(overdue?.id);
    expect(taskReminder({ ...task, dueDate: '2026-12-02', status: 'closed' }, '2026-12-03')).toBeUndefined();
  });

  it('an initiative without a check-in for 14 days (from its last check-in, or its creation), not when finished or stopped', () => {
    const initiative = { id: 3, title: 'Læsebånd', unitId: 2, planId: 4, status: 'inProgress', created: '2026-10-01' };
    expect(checkInReminder({ ...initiative, lastCheckIn: '2026-11-25' }, '2026-12-03')).toBeUndefined();
    expect(checkInReminder({ ...initiative, lastCheckIn: '2026-11-19' }, '2026-12-03')).toMatchObject({
      kind: 'checkInDue',
      id: 'r:checkInDue:3:2026-12-03',
      target: { type: 'initiative', id: 3, unitId: 2, planId: 4 },
    });
    expect(checkInReminder(initiative, '2026-12-03')?.id).toBe('r:checkInDue:3:2026-10-15');
    expect(checkInReminder({ ...initiative, status: 'stopped' }, '2026-12-03')).toBeUndefined();
    expect(checkInReminder({ ...initiative, status: 'completed' }, '2026-12-03')).toBeUndefined();
  });

  it('recognitions are gathered per story, dated by the newest, unread again when one more comes', () => {
    const r = (id: string, storyId: number, at: string): INotification =>
      entry(id, at, { kind: 'recognised', target: { type: 'story', id: storyId }, subject: '' });
    const gathered = gatherRecognitions([
      r('n1', 9, '2026-12-01T10:00:00Z'),
      r('n2', 9, '2026-12-02T10:00:00Z'),
      r('n3', 10, '2026-12-01T09:00:00Z'),
      entry('n4', '2026-12-01T08:00:00Z'),
    ]);
    expect(gathered.map((n) => [n.id, n.count, n.at])).toEqual([
      ['n4', undefined, '2026-12-01T08:00:00Z'],
      ['r:recognised:9:2', 2, '2026-12-02T10:00:00Z'],
      ['r:recognised:10:1', 1, '2026-12-01T09:00:00Z'],
    ]);
  });
});

describe("a person's list: turned off, read, newest first", () => {
  it('reads settings defensively (anyone may write the list)', () => {
    expect(parsePersonalSettings('not json')).toEqual({ off: [], read: [] });
    expect(parsePersonalSettings({ off: ['nudge', 'bogus', 'nudge'], read: ['n1', 7], readBefore: 'x' })).toEqual({
      off: ['nudge'],
      read: ['n1'],
    });
  });

  it('drops turned-off kinds, marks read ones and sorts newest first', () => {
    const settings = withOff(withRead(parsePersonalSettings({}), [{ id: 'n2', at: '2026-12-02T00:00:00Z' }]), [
      'nudge',
    ]);
    const list = assembleInbox(
      [
        entry('n1', '2026-12-01T00:00:00Z'),
        entry('n2', '2026-12-02T00:00:00Z'),
        entry('n3', '2026-12-03T00:00:00Z', { kind: 'nudge' }),
      ],
      settings,
    );
    expect(list.map((n) => [n.id, n.read])).toEqual([
      ['n2', true],
      ['n1', false],
    ]);
    expect(inboxSummary(list, true)).toEqual({ unread: 1, complete: true });
  });

  it('"Markér alle som læst" reads everything up to now and forgets the single ids', () => {
    const all = withAllRead(
      withRead(parsePersonalSettings({}), [{ id: 'n1', at: '2026-12-01T00:00:00Z' }]),
      new Date('2026-12-03T12:00:00Z'),
    );
    expect(all.read).toEqual([]);
    expect(isRead(all, 'n9', '2026-12-03T11:00:00Z')).toBe(true);
    expect(isRead(all, 'n10', '2026-12-03T13:00:00Z')).toBe(false);
  });
});

describe('deep links', () => {
  it('a task opens the Opfølgning tab, an initiative the Ambitionsplan tab, a story only the intranet page', () => {
    const task = new URL(teamsLinkOf({ type: 'task', id: 12 }) as string);
    expect(task.origin).toBe('https://teams.microsoft.com');
    expect(task.pathname).toMatch(/\/l\/entity\/[0-9a-f-]+\/opfoelgning$/);
    expect(JSON.parse(task.searchParams.get('context') as string)).toEqual({ subEntityId: 'task-12' });
    const initiative = new URL(teamsLinkOf({ type: 'initiative', id: 4 }) as string);
    expect(JSON.parse(initiative.searchParams.get('context') as string)).toEqual({ subEntityId: '4' });
    expect(teamsLinkOf({ type: 'story', id: 1 })).toBeUndefined();
  });

  it('the SharePoint page with the item in the address, from the pages a site owner set (only http(s))', () => {
    const pages = parsePages(
      JSON.stringify({
        followUp: 'https://holbaek.sharepoint.com/sites/mpk/SitePages/Opf.aspx#x',
        ambitions: 'javascript:alert(1)',
      }),
    );
    expect(pages).toEqual({ followUp: 'https://holbaek.sharepoint.com/sites/mpk/SitePages/Opf.aspx#x' });
    expect(pageLinkOf({ type: 'task', id: 3 }, pages)).toBe(
      'https://holbaek.sharepoint.com/sites/mpk/SitePages/Opf.aspx?mpkTask=3',
    );
    expect(pageLinkOf({ type: 'story', id: 3 }, pages)).toBeUndefined();
  });

  it('an initiative or a plan opens the plan page on its own unit (the page shows one unit)', () => {
    const pages = { plan: 'https://holbaek.sharepoint.com/sites/mpk/SitePages/Plan.aspx' };
    expect(pageLinkOf({ type: 'initiative', id: 5, unitId: 4, planId: 2 }, pages)).toBe(
      'https://holbaek.sharepoint.com/sites/mpk/SitePages/Plan.aspx?mpkInitiative=5&mpkUnit=4',
    );
    expect(pageLinkOf({ type: 'plan', id: 2, unitId: 4 }, pages)).toBe(
      'https://holbaek.sharepoint.com/sites/mpk/SitePages/Plan.aspx?mpkPlan=2&mpkUnit=4',
    );
  });
});
