import * as React from 'react';
import type { IStory } from '../../domain/model';
import type { IPage, IStoryFilters } from '../../data/repositories/types';
import { useServices } from '../shell/services';
import {
  insertNewestFirst,
  inScope,
  keepInPage,
  matchesFilters,
  replaceStory,
  serverFilters,
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

/** The story feed: filters, paging, and local changes after recognising, featuring and approving. */
export function useStoryFeed(input: IStoryFeedInput): IStoryFeed {
  const services = useServices();
  const { scope, pageSize } = input;
  const [filters, setChosen] = React.useState<IStoryFilters>({});
  const [allFeatured, setAllFeatured] = React.useState<IStory[]>(() => input.featured.filter((s) => inScope(s, scope)));
  const featuredIds = React.useRef(new Set<number>());
  featuredIds.current = new Set(allFeatured.map((s) => s.id as number));

  const keepFor = React.useCallback(
    (chosen: IStoryFilters) => (story: IStory) =>
      inScope(story, scope) && matchesFilters(story, chosen) && !featuredIds.current.has(story.id as number),
    // `scope` is rebuilt by the caller on each render; its content is what matters.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [JSON.stringify(scope)],
  );

  const [feed, setFeed] = React.useState<{ items: IStory[]; page: IPage<IStory> }>(() => {
    const keep = keepFor({});
    const first = input.firstPage;
    const page: IPage<IStory> = {
      items: first.items.filter(keep),
      hasMore: first.hasMore,
      nextPage: async () => keepInPage(await first.nextPage(), keep, { pageSize, fill: false }),
    };
    return { items: page.items, page };
  });
  const [status, setStatus] = React.useState<{
    loading: boolean;
    loadingMore: boolean;
    error?: unknown;
    failed?: 'filters' | 'more';
  }>({
    loading: false,
    loadingMore: false,
  });
  const request = React.useRef(0);

  const readFirstPage = React.useCallback(
    async (chosen: IStoryFilters) => {
      const id = ++request.current;
      setStatus({ loading: true, loadingMore: false });
      try {
        // The web part's scope goes to SharePoint (`ambitionKeys` / `unitIds`); the client only keeps
        // the featured stories (shown above the feed) out.
        const page = await keepInPage(
          await services.stories.query(serverFilters(chosen, scope), pageSize),
          keepFor(chosen),
          {
            pageSize,
            fill: false,
          },
        );
        if (id !== request.current) return;
        setFeed({ items: page.items, page });
        setStatus({ loading: false, loadingMore: false });
      } catch (error) {
        if (id === request.current) setStatus({ loading: false, loadingMore: false, error, failed: 'filters' });
      }
    },
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [services, pageSize, keepFor],
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
      const next = await feed.page.nextPage();
      if (id !== request.current) return 0;
      const known = new Set(feed.items.map((s) => s.id));
      const added = next.items.filter((s) => !known.has(s.id));
      setFeed((f) => ({ items: f.items.concat(added), page: next }));
      setStatus({ loading: false, loadingMore: false });
      return added.length;
    } catch (error) {
      if (id === request.current) setStatus({ loading: false, loadingMore: false, error, failed: 'more' });
      return 0;
    }
  }, [feed]);

  const retry = React.useCallback(() => {
    if (status.failed === 'more') void loadMore();
    else void readFirstPage(filters);
  }, [status.failed, loadMore, readFirstPage, filters]);

  const updateStory = React.useCallback((id: number, change: (story: IStory) => IStory) => {
    setAllFeatured((list) => replaceStory(list, id, change));
    setFeed((f) => ({ ...f, items: replaceStory(f.items, id, change) }));
  }, []);

  const setFeatured = React.useCallback(
    (story: IStory) => {
      if (story.featured) {
        setAllFeatured((list) => [story].concat(list.filter((s) => s.id !== story.id)));
        setFeed((f) => ({ ...f, items: f.items.filter((s) => s.id !== story.id) }));
      } else {
        setAllFeatured((list) => list.filter((s) => s.id !== story.id));
        if (inScope(story, scope) && matchesFilters(story, filters))
          setFeed((f) => ({ ...f, items: insertNewestFirst(f.items, story) }));
      }
    },
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [filters, JSON.stringify(scope)],
  );

  const addPublished = React.useCallback(
    (story: IStory) => {
      if (story.featured) setFeatured(story);
      else if (inScope(story, scope) && matchesFilters(story, filters))
        setFeed((f) => ({ ...f, items: insertNewestFirst(f.items, story) }));
    },
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [filters, setFeatured, JSON.stringify(scope)],
  );

  return {
    filters,
    featured: allFeatured.filter((s) => matchesFilters(s, filters)),
    items: feed.items,
    hasMore: feed.page.hasMore,
    loading: status.loading,
    loadingMore: status.loadingMore,
    error: status.error,
    setFilters,
    loadMore,
    retry,
    updateStory,
    setFeatured,
    addPublished,
  };
}
