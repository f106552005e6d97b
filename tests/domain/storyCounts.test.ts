import {
  parseStoryWindows,
  STORY_WINDOW,
  storyWindow,
  storyWindowsJson,
  storyWindowsUpTo,
  sumStoryWindows,
  withStoryWindow,
} from '../../src/domain/storyCounts';

describe('story id windows', () => {
  it('puts ids 0–4999 in window 0, 5000–9999 in window 5000, and so on', () => {
    expect(STORY_WINDOW).toBe(5000);
    expect([1, 4999, 5000, 9999, 10000, 123456].map(storyWindow)).toEqual([0, 0, 5000, 5000, 10000, 120000]);
  });

  it('lists every window up to the one holding the newest id, and none for an empty list', () => {
    expect(storyWindowsUpTo(0)).toEqual([]);
    expect(storyWindowsUpTo(1)).toEqual([0]);
    expect(storyWindowsUpTo(5000)).toEqual([0, 5000]);
    expect(storyWindowsUpTo(12001)).toEqual([0, 5000, 10000]);
  });
});

describe('summing the stored windows', () => {
  it("adds each ambition's counts over all windows", () => {
    const json = JSON.stringify({ '0': { 'gode-rammer': 3, faellesskab: 1 }, '5000': { 'gode-rammer': 2 } });
    expect({ ...sumStoryWindows(json) }).toEqual({ 'gode-rammer': 5, faellesskab: 1 });
  });

  it.each([
    ['not JSON', '{nope'],
    ['an array', '[1,2,3]'],
    ['a number', '42'],
    ['null', 'null'],
    ['empty', ''],
    ['undefined', undefined],
  ])('counts nothing for a row that is %s, and never throws', (_what, json) => {
    expect(Object.keys(sumStoryWindows(json as string | undefined))).toEqual([]);
  });

  it('skips garbled windows and counts, and keeps hostile keys as ordinary entries', () => {
    const json =
      '{"0":{"a":2,"b":-1,"c":1.5,"d":"7","e":null,"":4,"__proto__":3,"constructor":1},' +
      '"abc":{"a":100},"123":{"a":100},"-5000":{"a":100},"5000":[1],"10000":null,"15000":{"a":1e400}}';
    const sums = sumStoryWindows(json);
    expect(Object.getPrototypeOf(sums)).toBeNull();
    expect(Object.keys(sums).sort()).toEqual(['__proto__', 'a', 'constructor']);
    expect(sums.a).toBe(2);
    expect(sums.__proto__).toBe(3);
    expect(sums.constructor).toBe(1);
    // Nothing leaked onto Object.prototype.
    expect(({} as Record<string, unknown>).a).toBeUndefined();
  });
});

describe('writing one window', () => {
  it('replaces one window and keeps the others, as canonical JSON', () => {
    const before = JSON.stringify({ '5000': { b: 1 }, '0': { a: 2 } });
    expect(withStoryWindow(before, 0, { z: 1, a: 3 })).toBe('{"0":{"a":3,"z":1},"5000":{"b":1}}');
    expect(withStoryWindow(before, 7321, {})).toBe('{"0":{"a":2}}');
  });

  it('gives the same string when nothing changed, so nothing is written', () => {
    const stored = withStoryWindow(undefined, 0, { a: 2, b: 1 });
    expect(withStoryWindow(stored, 10, { b: 1, a: 2 })).toBe(stored);
  });

  it('drops garbled parts of a hostile row instead of carrying them on', () => {
    expect(withStoryWindow('{nope', 0, { a: 1 })).toBe('{"0":{"a":1}}');
    expect(withStoryWindow('{"0":{"a":1},"x":{"a":9},"5000":{"a":-3}}', 10000, { a: 1 })).toBe(
      '{"0":{"a":1},"10000":{"a":1}}',
    );
    expect(parseStoryWindows('{"0":{"a":1}}')['0'].a).toBe(1);
  });

  it('leaves empty windows out of the whole recount', () => {
    expect(storyWindowsJson({ '0': {}, '5000': { a: 0, b: 2 } })).toBe('{"5000":{"b":2}}');
  });
});
