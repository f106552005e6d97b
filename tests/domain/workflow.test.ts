import {
  canEditPlanFocus,
  canTransition,
  canTransitionInitiative,
  canTransitionTask,
  daysOverdue,
  isOverdue,
  isPlanReadOnly,
  nextInitiativeStatuses,
  nextStatuses,
  nextTaskStatuses,
  PLAN_STATUSES,
  publishingState,
  recognisedStoryIds,
  recognitionKey,
  type IFollowUpTask,
  type PlanStatus,
} from '../../src/domain';

describe('a plan moves kladde → godkendt → opfølgning → afsluttet', () => {
  const allowed: Array<[PlanStatus, PlanStatus]> = [
    ['draft', 'approved'],
    ['approved', 'followUp'],
    ['approved', 'draft'],
    ['followUp', 'closed'],
    ['closed', 'followUp'],
  ];

  it('allows exactly the documented transitions', () => {
    for (const from of PLAN_STATUSES) {
      for (const to of PLAN_STATUSES) {
        const expected = allowed.some(([a, b]) => a === from && b === to);
        expect([from, to, canTransition(from, to)]).toEqual([from, to, expected]);
      }
    }
  });

  it('does not skip approval or go back once follow-up has started', () => {
    expect(canTransition('draft', 'followUp')).toBe(false);
    expect(canTransition('draft', 'closed')).toBe(false);
    expect(canTransition('followUp', 'approved')).toBe(false);
    expect(canTransition('followUp', 'draft')).toBe(false);
  });

  it('lists the next statuses with the usual next step first', () => {
    expect(nextStatuses('draft')).toEqual(['approved']);
    expect(nextStatuses('approved')).toEqual(['followUp', 'draft']);
    expect(nextStatuses('followUp')).toEqual(['closed']);
    expect(nextStatuses('closed')).toEqual(['followUp']);
  });

  it('decides relevance while a draft and freezes a closed plan', () => {
    expect(canEditPlanFocus('draft')).toBe(true);
    expect(canEditPlanFocus('approved')).toBe(false);
    expect(isPlanReadOnly('closed')).toBe(true);
    expect(isPlanReadOnly('followUp')).toBe(false);
  });
});

describe('an initiative can be stopped and taken up again', () => {
  it('may be stopped from planned or in progress', () => {
    expect(canTransitionInitiative('planned', 'stopped')).toBe(true);
    expect(canTransitionInitiative('inProgress', 'stopped')).toBe(true);
    expect(nextInitiativeStatuses('stopped')).toEqual(['inProgress', 'planned']);
  });

  it('cannot go from completed straight to stopped', () => {
    expect(canTransitionInitiative('completed', 'stopped')).toBe(false);
    expect(canTransitionInitiative('completed', 'inProgress')).toBe(true);
  });
});

describe('a follow-up task can be closed and reopened', () => {
  it('follows the task transitions', () => {
    expect(canTransitionTask('open', 'closed')).toBe(true);
    expect(canTransitionTask('closed', 'open')).toBe(true);
    expect(canTransitionTask('closed', 'inProgress')).toBe(false);
    expect(nextTaskStatuses('inProgress')).toEqual(['closed', 'open']);
  });
});

describe('a task is overdue when the due date has passed in Copenhagen', () => {
  const task = (
    dueDate: string,
    status: IFollowUpTask['status'] = 'open',
  ): Pick<IFollowUpTask, 'dueDate' | 'status'> => ({ dueDate, status });

  it('is not overdue on its due day, up to the last second of the day in Copenhagen (winter time)', () => {
    // 22:59:59 UTC on 1 March is 23:59:59 in Copenhagen (UTC+1).
    expect(isOverdue(task('2026-03-01'), new Date('2026-03-01T22:59:59Z'))).toBe(false);
  });

  it('is overdue from midnight in Copenhagen, even while it is still the due day in UTC', () => {
    expect(isOverdue(task('2026-03-01'), new Date('2026-03-01T23:00:00Z'))).toBe(true);
  });

  it('uses summer time in summer', () => {
    // Copenhagen is UTC+2 in July.
    expect(isOverdue(task('2026-07-01'), new Date('2026-07-01T21:59:59Z'))).toBe(false);
    expect(isOverdue(task('2026-07-01'), new Date('2026-07-01T22:00:00Z'))).toBe(true);
  });

  it('counts in progress as not closed', () => {
    expect(isOverdue(task('2026-03-01', 'inProgress'), new Date('2026-03-05T12:00:00Z'))).toBe(true);
  });

  it('is never overdue once closed, nor with a due date in the future', () => {
    expect(isOverdue(task('2020-01-01', 'closed'), new Date('2026-03-05T12:00:00Z'))).toBe(false);
    expect(isOverdue(task('2026-03-06'), new Date('2026-03-05T12:00:00Z'))).toBe(false);
  });

  it('tells how many days overdue', () => {
    expect(daysOverdue(task('2026-03-01'), new Date('2026-03-01T23:30:00Z'))).toBe(1);
    expect(daysOverdue(task('2026-02-20'), new Date('2026-03-02T10:00:00Z'))).toBe(10);
    expect(daysOverdue(task('2026-03-02'), new Date('2026-03-02T10:00:00Z'))).toBe(0);
  });
});

describe("a story's publishing state follows SharePoint's content approval", () => {
  it('maps approved, denied and the rest', () => {
    expect(publishingState(0)).toBe('approved');
    expect(publishingState(1)).toBe('rejected');
    expect(publishingState(2)).toBe('pending');
    expect(publishingState(3)).toBe('pending');
    expect(publishingState(4)).toBe('pending');
    expect(publishingState(undefined)).toBe('pending');
  });
});

describe('one recognition per person per story', () => {
  it('names the story and the person, with a random part nobody else can guess', () => {
    expect(recognitionKey(12, 7)).toMatch(/^story-12-user-7-[0-9a-f]{24}$/);
    expect(recognitionKey(12, 7)).not.toBe(recognitionKey(12, 7));
    expect(recognitionKey(12, 7, 'abc')).toBe(recognitionKey(12, 7, 'abc'));
    expect(recognitionKey(12, 7, 'abc')).not.toBe(recognitionKey(7, 12, 'abc'));
    expect(recognitionKey(1, 23, 'abc')).not.toBe(recognitionKey(12, 3, 'abc'));
    // Fits the list's 64-character ClientKey column even with seven-digit ids.
    expect(recognitionKey(9999999, 9999999).length).toBeLessThanOrEqual(64);
  });

  it('finds the stories a person has recognised', () => {
    const recognitions = [
      { clientKey: recognitionKey(1, 5), storyId: 1, userId: 5 },
      { clientKey: recognitionKey(2, 6), storyId: 2, userId: 6 },
      { clientKey: recognitionKey(3, 5), storyId: 3, userId: 5 },
    ];
    expect(Array.from(recognisedStoryIds(recognitions, 5)).sort()).toEqual([1, 3]);
  });
});
