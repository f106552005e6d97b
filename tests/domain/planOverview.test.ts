import type { ICheckIn, IInitiative, IPlanFocus } from '../../src/domain/model';
import { CHECK_IN_SILENCE_DAYS } from '../../src/domain/notifications';
import { isSilentInitiative, planOverview } from '../../src/domain/planOverview';
import { initialsOf } from '../../src/domain/people';

const NOW = new Date('2026-11-20T09:00:00Z');
const ambitions = [{ key: 'mod' }, { key: 'viden' }, { key: 'tillid' }];

function initiative(id: number, ambitionKey: string, extra: Partial<IInitiative> = {}): IInitiative {
  return {
    id,
    clientKey: `i${id}`,
    planId: 1,
    unitId: 1,
    title: `Indsats ${id}`,
    ambitionKey,
    status: 'inProgress',
    startDate: '2026-01-01',
    ...extra,
  };
}

function checkIn(initiativeId: number, date: string, health: string): ICheckIn {
  return { clientKey: `c${initiativeId}`, initiativeId, date, health: health as ICheckIn['health'], progress: 40 };
}

const focus = (ambitionKey: string, relevance: string): IPlanFocus =>
  ({ clientKey: ambitionKey, planId: 1, ambitionKey, relevance }) as IPlanFocus;

describe('the plan at a glance', () => {
  describe('one row per ambition', () => {
    it('keeps the ambitions order and gives an ambition without initiatives empty counts', () => {
      const rows = planOverview({ ambitions, focuses: [], initiatives: [], latestCheckIns: {} }, NOW);
      expect(rows.map((r) => r.ambitionKey)).toEqual(['mod', 'viden', 'tillid']);
      expect(rows[2]).toEqual({
        ambitionKey: 'tillid',
        relevance: undefined,
        initiatives: 0,
        ended: 0,
        health: { green: 0, yellow: 0, red: 0, none: 0 },
        silent: 0,
      });
    });

    it('carries the relevance the leader group set for the ambition', () => {
      const rows = planOverview(
        { ambitions, focuses: [focus('viden', 'high'), focus('mod', 'low')], initiatives: [], latestCheckIns: {} },
        NOW,
      );
      expect(rows.map((r) => r.relevance)).toEqual(['low', 'high', undefined]);
    });
  });

  describe('counting initiatives and their health', () => {
    const initiatives = [
      initiative(1, 'mod'),
      initiative(2, 'mod'),
      initiative(3, 'mod'),
      initiative(4, 'mod', { status: 'planned', startDate: '2026-12-01' }),
      initiative(5, 'mod', { status: 'stopped' }),
      initiative(6, 'mod', { status: 'completed' }),
      initiative(7, 'viden'),
    ];
    const latestCheckIns = {
      1: checkIn(1, '2026-11-18', 'green'),
      2: checkIn(2, '2026-11-15', 'yellow'),
      3: checkIn(3, '2026-11-10', 'red'),
      5: checkIn(5, '2026-11-19', 'red'),
      7: checkIn(7, '2026-10-01', 'purple'),
    };
    const [mod, viden] = planOverview({ ambitions, focuses: [], initiatives, latestCheckIns }, NOW);

    it('counts every initiative under the ambition and how many have ended', () => {
      expect(mod.initiatives).toBe(6);
      expect(mod.ended).toBe(2);
      expect(viden.initiatives).toBe(1);
    });

    it('counts the latest health of those still under way; none for no check-in or an unknown value', () => {
      expect(mod.health).toEqual({ green: 1, yellow: 1, red: 1, none: 1 });
      expect(viden.health).toEqual({ green: 0, yellow: 0, red: 0, none: 1 });
    });

    it('dates the row by the newest check-in under the ambition, an ended initiative included', () => {
      expect(mod.latestCheckIn).toBe('2026-11-19');
      expect(viden.latestCheckIn).toBe('2026-10-01');
    });
  });

  describe('what needs attention: silent initiatives by the reminders rule', () => {
    it(`counts an initiative under way as silent after ${CHECK_IN_SILENCE_DAYS} days without a check-in`, () => {
      const initiatives = [
        initiative(1, 'mod'),
        initiative(2, 'mod'),
        initiative(3, 'mod', { status: 'stopped' }),
        initiative(4, 'mod', { status: 'planned', startDate: '2026-11-10' }),
      ];
      const latestCheckIns = {
        1: checkIn(1, '2026-11-06', 'green'), // exactly 14 days ago: silent
        2: checkIn(2, '2026-11-07', 'green'), // 13 days ago: not yet
        3: checkIn(3, '2026-01-01', 'red'), // stopped: never silent
      };
      const [mod] = planOverview({ ambitions, focuses: [], initiatives, latestCheckIns }, NOW);
      expect(mod.silent).toBe(1);
    });

    it('counts silence from the start when there is no check-in, and an initiative with neither as silent', () => {
      const today = '2026-11-20';
      expect(isSilentInitiative(initiative(1, 'mod', { startDate: '2026-11-06' }), undefined, today)).toBe(true);
      expect(isSilentInitiative(initiative(1, 'mod', { startDate: '2026-11-07' }), undefined, today)).toBe(false);
      expect(isSilentInitiative(initiative(1, 'mod', { startDate: undefined }), undefined, today)).toBe(true);
      expect(isSilentInitiative(initiative(1, 'mod', { status: 'completed' }), undefined, today)).toBe(false);
    });
  });
});

describe('initials for an owner', () => {
  it('takes the first letters of the first and last names, in capitals', () => {
    expect(initialsOf('Mette Holm Jensen')).toBe('MJ');
    expect(initialsOf('øjvind ærø')).toBe('ØÆ');
    expect(initialsOf('Leder')).toBe('L');
  });

  it('leaves out what is in parentheses and what is not a letter', () => {
    expect(initialsOf('Anne Berg (Leder)')).toBe('AB');
    expect(initialsOf('Bruger 12')).toBe('B');
    expect(initialsOf('  ')).toBe('');
    expect(initialsOf('42')).toBe('');
  });
});
