import * as React from 'react';
import type { IStory } from '../../domain/model';
import type { IPage, IStoryFilters } from '../../data/repositories/types';
import { useServices } from '../shell/services';
import {
  appendNew,
  changeInFeed,
  featureInFeed,
  inScope,
  keepInFeed,
  keepInPage,
  matchesFilters,
  narrowedFirstPage,
  publishInFeed,
  serverFilters,
  type IFeedLists,
  type IFeedScope,
} from './storyModel';

/** What {@link useStoryFeed} hands back. */
export interface IStoryFeed {
  /** What the reader chose in the filters (empty = everything the web part shows). */
  filters: IStoryFilters;
  /** Featured stories that pass the filters; shown first. */
  featured: IStory[];
  /** The feed, newest first, without the featured ones. */
  items: IStory[];
  hasMore: boolean;
  /** A filter change is being read. */
  loading: boolean;
  /** "Vis flere" is being read. */
  loadingMore: boolean;
  error?: unknown;
  /** Changing a filter reads the first page again: `stories.query(filters, pageSize)`. */
  setFilters(filters: IStoryFilters): void;
  /** Reads the next page (the `IPage.nextPage()` cursor); resolves to the number of stories added. */
  loadMore(): Promise<number>;
  /** Retries what failed last. */
  retry(): void;
  /** Changes one story wherever it is shown (a recognition count, a feature flag). */
  updateStory(id: number, change: (story: IStory) => IStory): void;
  /** Moves a story to the featured ones (after "Fremhæv") or back into the feed. */
  setFeatured(story: IStory): void;
  /** Adds a story that was just approved. */
  addPublished(story: IStory): void;
}

/** Input of {@link useStoryFeed}: the first page and featured stories from the view. */
export interface IStoryFeedInput {
  firstPage: IPage<IStory>;
  featured: readonly IStory[];
  scope: IFeedScope;
  pageSize: number;
}

interface IFeedState extends IFeedLists {
  /** Where "Vis flere" reads on. */
  page: IPage<IStory>;
}

interface IStatus {
  loading: boolean;
  loadingMore: boolean;
  error?: unknown;
  failed?: 'filters' | 'more';
}

const IDLE: IStatus = { loading: false, loadingMore: false };

/** The story feed: filters, paging, and local changes after recognising, featuring and approving. */
export function useStoryFeed(input: IStoryFeedInput): IStoryFeed {
  const services = useServices();
  const { scope, pageSize } = input;
  // `scope` is rebuilt by the caller on each render; its content is what matters.
  const scopeKey = JSON.stringify(scope);
  const [filters, setChosen] = React.useState<IStoryFilters>({});
  // The featured stories as shown now: pages read later leave them out too.
  const featuredIds = React.useRef(new Set<number>());
  const isFeatured = (id: number): boolean => featuredIds.current.has(id);
  const [lists, setLists] = React.useState<IFeedState>(() => {
    const featured = input.featured.filter((s) => inScope(s, scope));
    featuredIds.current = new Set(featured.map((s) => s.id as number));
    const page = narrowedFirstPage(input.firstPage, keepInFeed(scope, {}, isFeatured), pageSize);
    return { featured, items: page.items, page };
  });
  featuredIds.current = new Set(lists.featured.map((s) => s.id as number));
  const [status, setStatus] = React.useState<IStatus>(IDLE);
  const request = React.useRef(0);

  const readFirstPage = React.useCallback(
    async (chosen: IStoryFilters) => {
      const id = ++request.current;
      setStatus({ loading: true, loadingMore: false });
      try {
        // The web part's scope goes to SharePoint (`ambitionKeys` / `unitIds`); the client only keeps
        // the featured stories (shown above the feed) out.
        const keep = keepInFeed(scope, chosen, isFeatured);
        const read = await services.stories.query(serverFilters(chosen, scope), pageSize);
        const page = await keepInPage(read, keep, { pageSize, fill: false });
        if (id !== request.current) return;
        setLists((l) => ({ ...l, items: page.items, page }));
        setStatus(IDLE);
      } catch (error) {
        if (id === request.current) setStatus({ loading: false, loadingMore: false, error, failed: 'filters' });
      }
    },
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [services, pageSize, scopeKey],
  );

  const setFilters = React.useCallback(
    (chosen: IStoryFilters) => {
      setChosen(chosen);
      void readFirstPage(chosen);
    },
    [readFirstPage],
  );

  const loadMore = React.useCallback(async (): Promise<number> => {
    const id = request.current;
    setStatus({ loading: false, loadingMore: true });
    try {
      const next = await lists.page.nextPage();
      if (id !== request.current) return 0;
      const added = appendNew(lists.items, next.items).slice(lists.items.length);
      setLists((l) => ({ ...l, items: l.items.concat(added), page: next }));
      setStatus(IDLE);
      return added.length;
    } catch (error) {
      if (id === request.current) setStatus({ loading: false, loadingMore: false, error, failed: 'more' });
      return 0;
    }
  }, [lists]);

  const retry = React.useCallback(() => {
    if (status.failed === 'more') void loadMore();
    else void readFirstPage(filters);
  }, [status.failed, loadMore, readFirstPage, filters]);

  // Whether a story that leaves the featured ones (or is approved) belongs in the feed as filtered now.
  const showInFeed = (story: IStory): boolean => inScope(story, scope) && matchesFilters(story, filters);

  return {
    filters,
    featured: lists.featured.filter((s) => matchesFilters(s, filters)),
    items: lists.items,
    hasMore: lists.page.hasMore,
    loading: status.loading,
    loadingMore: status.loadingMore,
    error: status.error,
    setFilters,
    loadMore,
    retry,
    updateStory: (id, change) => setLists((l) => changeInFeed(l, id, change)),
    setFeatured: (story) => setLists((l) => featureInFeed(l, story, showInFeed(story))),
    addPublished: (story) => setLists((l) => publishInFeed(l, story, showInFeed(story))),
  };
}
