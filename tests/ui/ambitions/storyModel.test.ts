import type { IPage } from '../../../src/data/repositories/types';
import {
  countTexts,
  inScope,
  insertNewestFirst,
  keepInPage,
  matchesFilters,
  MAX_EXTRA_PAGES,
  serverFilters,
  unitOptions,
} from '../../../src/ui/ambitions/storyModel';
import { emptyStoryDraft, storyFromDraft } from '../../../src/ui/ambitions/storyDraft';
import { plural } from '../../../src/ui/shell/plural';
import * as strings from 'MpkStrings';
import { story, UNITS } from './support';

/** A cursor over numbers, pages of `size`, counting the pages read. */
function numbers(count: number, size: number): { first: IPage<number>; reads: () => number } {
  let reads = 0;
  const page = (offset: number): IPage<number> => {
    const items = Array.from({ length: Math.max(0, Math.min(size, count - offset)) }, (_, i) => offset + i + 1);
    const hasMore = offset + size < count;
    return {
      items,
      hasMore,
      nextPage: async () => {
        reads++;
        return page(offset + size);
      },
    };
  };
  return { first: page(0), reads: () => reads };
}

describe('storyModel', () => {
  describe('serverFilters', () => {
    it('sends what the reader chose together with the configured ambitions and units', () => {
      expect(serverFilters({}, { ambitionKeys: [], unitIds: [] })).toEqual({});
      expect(serverFilters({}, { ambitionKeys: ['gode-rammer'], unitIds: [3] })).toEqual({
        ambitionKeys: ['gode-rammer'],
        unitIds: [3],
      });
      expect(serverFilters({ kind: 'lesson', unitId: 4 }, { ambitionKeys: ['a', 'b'], unitIds: [3, 4] })).toEqual({
        kind: 'lesson',
        unitId: 4,
        ambitionKeys: ['a', 'b'],
        unitIds: [3, 4],
      });
    });

    it('matches stories against filters and the configured scope', () => {
      const s = story({ title: 'x', ambitionKey: 'gode-rammer', unitId: 2, kind: 'lesson' });
      expect(matchesFilters(s, { ambitionKey: 'gode-rammer', kind: 'lesson' })).toBe(true);
      expect(matchesFilters(s, { unitId: 1 })).toBe(false);
      expect(matchesFilters(s, { ambitionKeys: ['mod-og-stolthed', 'gode-rammer'], unitIds: [1, 2] })).toBe(true);
      expect(matchesFilters(s, { ambitionKeys: ['mod-og-stolthed'] })).toBe(false);
      expect(matchesFilters(s, { unitIds: [1] })).toBe(false);
      expect(inScope(s, { ambitionKeys: [], unitIds: [] })).toBe(true);
      expect(inScope(s, { ambitionKeys: ['mod-og-stolthed'], unitIds: [] })).toBe(false);
      expect(inScope({ ...s, unitId: undefined }, { ambitionKeys: [], unitIds: [2] })).toBe(false);
    });
  });

  describe('keepInPage', () => {
    it('without fill keeps what passes on each page and follows the cursor', async () => {
      const { first } = numbers(6, 3);
      const page = await keepInPage(first, (n) => n % 2 === 0, { pageSize: 3, fill: false });
      expect(page.items).toEqual([2]);
      expect(page.hasMore).toBe(true);
      const next = await page.nextPage();
      expect(next.items).toEqual([4, 6]);
      expect(next.hasMore).toBe(false);
    });

    it('with fill reads on until a page is full, carrying the rest over: nothing skipped, nothing twice', async () => {
      const { first, reads } = numbers(20, 4);
      const even = (n: number): boolean => n % 2 === 0;
      const seen: number[] = [];
      let page = await keepInPage(first, even, { pageSize: 3, fill: true });
      seen.push(...page.items);
      expect(page.items).toEqual([2, 4, 6]);
      while (page.hasMore) {
        page = await page.nextPage();
        seen.push(...page.items);
      }
      expect(seen).toEqual([2, 4, 6, 8, 10, 12, 14, 16, 18, 20]);
      expect(reads()).toBe(4);
    });

    it('stops filling after a bounded number of extra reads (and says there is more)', async () => {
      const { first, reads } = numbers(1000, 10);
      const page = await keepInPage(first, () => false, { pageSize: 10, fill: true });
      expect(page.items).toEqual([]);
      expect(page.hasMore).toBe(true);
      expect(reads()).toBe(MAX_EXTRA_PAGES);
    });
  });

  describe('insertNewestFirst', () => {
    it('puts a story at its place by creation time and never twice', () => {
      const a = story({ id: 1, title: 'a', created: '2026-11-03T00:00:00Z' });
      const b = story({ id: 2, title: 'b', created: '2026-11-01T00:00:00Z' });
      const c = story({ id: 3, title: 'c', created: '2026-11-02T00:00:00Z' });
      expect(insertNewestFirst([a, b], c).map((s) => s.title)).toEqual(['a', 'c', 'b']);
      expect(insertNewestFirst([a, c, b], c).map((s) => s.title)).toEqual(['a', 'c', 'b']);
      expect(insertNewestFirst([], c).map((s) => s.title)).toEqual(['c']);
    });
  });

  describe('words', () => {
    it('uses Danish and English plural forms through Intl', () => {
      expect(plural('da-DK', 1, '{count} historie', '{count} historier')).toBe('1 historie');
      expect(plural('da-DK', 0, '{count} historie', '{count} historier')).toBe('0 historier');
      expect(plural('da-DK', 1200, '{count} historie', '{count} historier')).toBe('1.200 historier');
      expect(countTexts({ plans: 1, initiatives: 3, stories: 0 }, 'da-DK', strings.ambitions)).toEqual([
        '1 plan',
        '3 indsatser',
        '0 historier',
      ]);
    });
  });

  describe('unitOptions', () => {
    it('lists top-level units in order with their sub-units indented beneath, optionally only some', () => {
      expect(unitOptions(UNITS).map((u) => [u.label, u.depth])).toEqual([
        ['Læring og Trivsel', 0],
        ['Holbæk Skole', 1],
        ['Aktiv Hele Livet', 0],
      ]);
      expect(unitOptions(UNITS, [2]).map((u) => u.label)).toEqual(['Aktiv Hele Livet']);
    });

    it('shows a unit whose parent is unknown at the top level', () => {
      expect(
        unitOptions([
          { id: 9, clientKey: 'x', name: 'Forældreløs', kind: 'department', parentId: 99, leaderIds: [] },
        ]).map((u) => u.label),
      ).toEqual(['Forældreløs']);
    });
  });

  describe('the story draft', () => {
    it('starts with the only configured ambition and unit, and turns the form into a story', () => {
      const draft = emptyStoryDraft({ ambitionKeys: ['gode-rammer'], unitIds: [5] });
      expect(draft).toMatchObject({ ambitionKey: 'gode-rammer', unitId: '5', kind: '', title: '' });
      expect(storyFromDraft({ ...draft, title: '  Titel  ', kind: 'success', clientKey: 'k' })).toEqual({
        title: 'Titel',
        body: '',
        kind: 'success',
        ambitionKey: 'gode-rammer',
        unitId: 5,
        featured: false,
        recognitionCount: 0,
        clientKey: 'k',
        pictureAlt: undefined,
        pictureConsent: false,
      });
      // The picture's text and tick are kept in the draft (the bytes are not) and trimmed.
      expect(storyFromDraft({ ...draft, pictureAlt: '  En rampe  ', pictureConsent: true })).toMatchObject({
        pictureAlt: 'En rampe',
        pictureConsent: true,
      });
      expect(storyFromDraft(emptyStoryDraft({ ambitionKeys: [], unitIds: [] }))).toMatchObject({
        kind: null,
        ambitionKey: null,
        unitId: null,
      });
    });
  });
});
