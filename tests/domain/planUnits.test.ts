import type { IUnitItem } from '../../src/data/repositories/types';
import { resolvePlanUnit, unitForChannel, unitLabel } from '../../src/domain/planUnits';

const units: IUnitItem[] = [
  {
    id: 1,
    clientKey: 'a',
    name: 'Læring og Trivsel',
    kind: 'coreArea',
    leaderIds: [7],
    teamsChannelId: '19:a@thread.tacv2',
  },
  { id: 3, clientKey: 'c', name: 'Skoler', kind: 'department', parentId: 1, leaderIds: [] },
];

describe('the unit of a plan', () => {
  it('finds the unit mapped to a channel, and names sub-units with their parent', () => {
    expect(unitForChannel(units, '19:a@thread.tacv2')?.id).toBe(1);
    expect(unitForChannel(units, undefined)).toBeUndefined();
    expect(unitLabel(units[1], units)).toBe('Skoler (Læring og Trivsel)');
  });

  it('shows the unit the channel is mapped to, over the remembered one', () => {
    expect(resolvePlanUnit(units, '19:a@thread.tacv2', 3)).toBe(1);
    expect(resolvePlanUnit(units, '19:b@thread.tacv2', 3)).toBe(3);
    expect(resolvePlanUnit(units, undefined, 3)).toBe(3);
    expect(resolvePlanUnit(units, '19:b@thread.tacv2', undefined)).toBeUndefined();
    // A mapped row without an id (not saved yet) does not count.
    expect(resolvePlanUnit([{ ...units[0], id: undefined }], '19:a@thread.tacv2', 3)).toBe(3);
  });
});
