import { changedProps, overlappingChanges, sameValue } from '../../src/domain/conflict';

describe("a stale save's merge rule", () => {
  const read = { id: 1, etag: '"1"', title: 'Læsebånd', status: 'planned', successMeasure: '' };

  it('merges when the other person changed other fields', () => {
    const saved = { ...read, etag: '"2"', status: 'inProgress' };
    expect(overlappingChanges({ title: 'Læsebånd hver dag' }, changedProps(read, saved), saved)).toEqual([]);
  });

  it('is a conflict when both changed the same field to different values', () => {
    const saved = { ...read, etag: '"2"', title: 'Læsebånd med forældre', status: 'inProgress' };
    expect(
      overlappingChanges({ title: 'Læsebånd hver dag', status: 'inProgress' }, changedProps(read, saved), saved),
    ).toEqual(['title']);
  });

  it('is no conflict when both saved the same value (empty, null and missing are the same)', () => {
    const saved = { ...read, etag: '"2"', title: 'Samme', successMeasure: null };
    expect(
      overlappingChanges({ title: 'Samme', successMeasure: undefined }, ['title', 'successMeasure'], saved),
    ).toEqual([]);
  });

  it("compares with the caller's notion of the same value", () => {
    const strict = (a: unknown, b: unknown): boolean => a === b;
    expect(overlappingChanges({ note: '' }, ['note'], { note: null }, strict)).toEqual(['note']);
    expect(overlappingChanges({ note: '' }, ['note'], { note: null }, sameValue)).toEqual([]);
  });
});
