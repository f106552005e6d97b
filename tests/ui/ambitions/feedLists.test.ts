import type { IPage } from '../../../src/data/repositories/types';
import {
  appendNew,
  changeInFeed,
  featureInFeed,
  keepInFeed,
  narrowedFirstPage,
  publishInFeed,
  withoutStory,
  type IFeedLists,
} from '../../../src/ui/ambitions/storyModel';
import { story } from './support';

describe('the feed lists (storyModel)', () => {
  const older = story({ id: 201, title: 'Ældre', created: '2026-11-01T09:00:00Z' });
  const middle = story({ id: 202, title: 'Midt', created: '2026-11-05T09:00:00Z' });
  const newer = story({ id: 203, title: 'Nyere', created: '2026-11-09T09:00:00Z' });

  describe('appendNew and withoutStory', () => {
    it('appends only stories not listed yet, and removes one by id', () => {
      expect(appendNew([newer, middle], [middle, older]).map((s) => s.id)).toEqual([203, 202, 201]);
      expect(appendNew([], [older]).map((s) => s.id)).toEqual([201]);
      expect(withoutStory([newer, middle, older], { ...middle, title: 'changed' }).map((s) => s.id)).toEqual([
        203, 201,
      ]);
    });
  });

  describe('keepInFeed', () => {
    it('keeps stories in scope that pass the filters and asks at each story whether it is featured now', () => {
      const featured = new Set<number>();
      const keep = keepInFeed({ ambitionKeys: ['mod-og-stolthed'], unitIds: [] }, { kind: 'success' }, (id) =>
        featured.has(id),
      );
      expect(keep(newer)).toBe(true);
      expect(keep({ ...newer, kind: 'lesson' })).toBe(false);
      expect(keep({ ...newer, ambitionKey: 'gode-rammer' })).toBe(false);
      featured.add(203);
      expect(keep(newer)).toBe(false);
    });
  });

  describe('narrowedFirstPage', () => {
    it('narrows the first page and the pages read after it, without filling them up', async () => {
      const second: IPage<typeof older> = {
        items: [older, { ...middle, id: 204, kind: 'lesson' }],
        hasMore: false,
        nextPage: jest.fn(),
      };
      const first: IPage<typeof older> = {
        items: [newer, { ...middle, kind: 'lesson' }],
        hasMore: true,
        nextPage: () => Promise.resolve(second),
      };
      const page = narrowedFirstPage(first, (s) => s.kind === 'success', 10);
      expect(page.items.map((s) => s.id)).toEqual([203]);
      expect(page.hasMore).toBe(true);
      const next = await page.nextPage();
      expect(next.items.map((s) => s.id)).toEqual([201]);
      expect(next.hasMore).toBe(false);
    });
  });

  describe('changeInFeed', () => {
    it('changes a story among the featured ones and in the feed', () => {
      const lists = { featured: [newer], items: [middle, older] };
      const twice = (s: typeof older): typeof older => ({ ...s, recognitionCount: 2 });
      expect(changeInFeed(lists, 203, twice).featured[0].recognitionCount).toBe(2);
      expect(changeInFeed(lists, 201, twice).items[1].recognitionCount).toBe(2);
      expect(lists.items[1].recognitionCount).toBe(0);
    });
  });

  describe('featureInFeed and publishInFeed', () => {
    it('moves a featured story first and out of the feed; unfeatured, it returns to its place if shown', () => {
      const lists: IFeedLists = { featured: [], items: [newer, middle, older] };
      const featured = featureInFeed(lists, { ...middle, featured: true }, true);
      expect(featured.featured.map((s) => s.id)).toEqual([202]);
      expect(featured.items.map((s) => s.id)).toEqual([203, 201]);
      const back = featureInFeed(featured, middle, true);
      expect(back.featured).toEqual([]);
      expect(back.items.map((s) => s.id)).toEqual([203, 202, 201]);
      expect(featureInFeed(featured, middle, false).items.map((s) => s.id)).toEqual([203, 201]);
    });

    it('adds an approved story at its place, first if featured, and not at all when the filters hide it', () => {
      const lists: IFeedLists = { featured: [], items: [newer, older] };
      expect(publishInFeed(lists, middle, true).items.map((s) => s.id)).toEqual([203, 202, 201]);
      expect(publishInFeed(lists, middle, false)).toBe(lists);
      const first = publishInFeed(lists, { ...middle, featured: true }, true);
      expect(first.featured.map((s) => s.id)).toEqual([202]);
      expect(first.items.map((s) => s.id)).toEqual([203, 201]);
    });
  });
});
