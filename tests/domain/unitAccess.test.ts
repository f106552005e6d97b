import {
  actsForAllUnits,
  leadsUnitOrAbove,
  mayActForUnit,
  unitsActedFor,
  type IUnitActor,
  type UnitLink,
} from '../../src/domain/unitAccess';

// Læring og Trivsel (1, led by 7) ⊃ Skoler (3) ⊃ Holbæk Skole (4); Økonomi (2, led by 9); a loop 5 ⇄ 6.
const units: UnitLink[] = [
  { id: 1, leaderIds: [7] },
  { id: 2, leaderIds: [9] },
  { id: 3, parentId: 1, leaderIds: [] },
  { id: 4, parentId: 3, leaderIds: [11] },
  { id: 5, parentId: 6, leaderIds: [] },
  { id: 6, parentId: 5, leaderIds: [] },
];
const leader: IUnitActor = { userId: 7, isSiteOwner: false, inChefgruppe: false };
const schoolLeader: IUnitActor = { userId: 11, isSiteOwner: false, inChefgruppe: false };
const employee: IUnitActor = { userId: 20, isSiteOwner: false, inChefgruppe: false };
const chef: IUnitActor = { userId: 8, isSiteOwner: false, inChefgruppe: true };
const owner: IUnitActor = { userId: 1, isSiteOwner: true, inChefgruppe: false };

describe('who acts for which unit', () => {
  it('a leader: the units they lead and every unit below them, nothing else', () => {
    expect(unitsActedFor(leader, units).map((u) => u.id)).toEqual([1, 3, 4]);
    expect(mayActForUnit(leader, 4, units)).toBe(true);
    expect(mayActForUnit(leader, 2, units)).toBe(false);
  });

  it('a leader of a unit below: that unit only, not the one above it', () => {
    expect(unitsActedFor(schoolLeader, units).map((u) => u.id)).toEqual([4]);
    expect(mayActForUnit(schoolLeader, 3, units)).toBe(false);
    expect(mayActForUnit(schoolLeader, 1, units)).toBe(false);
  });

  it('the chefgruppe and site owners: every unit', () => {
    expect(actsForAllUnits(chef)).toBe(true);
    expect(actsForAllUnits(owner)).toBe(true);
    expect(unitsActedFor(chef, units)).toHaveLength(units.length);
    expect(unitsActedFor(owner, units)).toHaveLength(units.length);
    expect(mayActForUnit(chef, 2, units)).toBe(true);
  });

  it('an employee: none', () => {
    expect(unitsActedFor(employee, units)).toEqual([]);
    expect(mayActForUnit(employee, 1, units)).toBe(false);
  });

  it('never a unit that does not exist (not even for owners), and a loop in the parent column ends', () => {
    expect(mayActForUnit(owner, 99, units)).toBe(false);
    expect(mayActForUnit(owner, undefined, units)).toBe(false);
    expect(leadsUnitOrAbove(7, 5, units)).toBe(false);
    expect(mayActForUnit(leader, 6, units)).toBe(false);
  });
});
