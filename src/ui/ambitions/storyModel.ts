/**
 * Pure helpers of the story feed, the story form and the ambition cards: what to ask the server for,
 * what to keep on the client, and how to word counts. No React here, so each is unit-tested alone.
 */
import type { Locale } from '../../domain/locale';
import type { IStory } from '../../domain/model';
import type { IAmbitionCounts, IPage, IStoryFilters, IUnitItem } from '../../data/repositories/types';
import { plural } from '../shell/plural';

/** Which ambitions and units a web part instance is set up to show (empty = all). */
export interface IFeedScope {
  ambitionKeys: readonly string[];
  unitIds: readonly number[];
}

/** An empty last page. */
export function emptyPage<T>(): IPage<T> {
  return { items: [], hasMore: false, nextPage: () => Promise.resolve(emptyPage<T>()) };
}

/**
 * The filters sent to SharePoint: what the reader chose, and the ambitions and units the web part is
 * limited to (`ambitionKeys` / `unitIds`: any of them; every filter given applies).
 */
export function serverFilters(chosen: IStoryFilters, scope: IFeedScope): IStoryFilters {
  const filters: IStoryFilters = {};
  if (chosen.ambitionKey) filters.ambitionKey = chosen.ambitionKey;
  if (chosen.unitId !== undefined) filters.unitId = chosen.unitId;
  if (chosen.kind) filters.kind = chosen.kind;
  if (scope.ambitionKeys.length > 0) filters.ambitionKeys = scope.ambitionKeys.slice();
  if (scope.unitIds.length > 0) filters.unitIds = scope.unitIds.slice();
  return filters;
}

/** Whether a story passes filters (as SharePoint would apply them). */
export function matchesFilters(story: IStory, filters: IStoryFilters): boolean {
  if (filters.ambitionKey && story.ambitionKey !== filters.ambitionKey) return false;
  if (filters.unitId !== undefined && story.unitId !== filters.unitId) return false;
  if (filters.kind && story.kind !== filters.kind) return false;
  if (filters.ambitionKeys && filters.ambitionKeys.length > 0 && filters.ambitionKeys.indexOf(story.ambitionKey) < 0)
    return false;
  if (
    filters.unitIds &&
    filters.unitIds.length > 0 &&
    (story.unitId === undefined || filters.unitIds.indexOf(story.unitId) < 0)
  )
    return false;
  return true;
}

/** Whether a story belongs to the ambitions and units the web part shows. */
export function inScope(story: IStory, scope: IFeedScope): boolean {
  if (scope.ambitionKeys.length > 0 && scope.ambitionKeys.indexOf(story.ambitionKey) < 0) return false;
  if (scope.unitIds.length > 0 && (story.unitId === undefined || scope.unitIds.indexOf(story.unitId) < 0)) return false;
  return true;
}

/** How many further server pages one "Vis flere" may read while filling a narrowed page. */
export const MAX_EXTRA_PAGES = 5;

/**
 * A page that keeps only some items. With `fill`, further pages are read (at most
 * {@link MAX_EXTRA_PAGES}) until `pageSize` items are kept; what is read beyond that is kept for
 * the next page, so nothing is skipped or shown twice.
 */
export async function keepInPage<T>(
  page: IPage<T>,
  keep: (item: T) => boolean,
  options: { pageSize: number; fill: boolean },
  carried: readonly T[] = [],
): Promise<IPage<T>> {
  const kept = carried.concat(page.items.filter(keep));
  let current = page;
  let extra = 0;
  while (options.fill && kept.length < options.pageSize && current.hasMore && extra < MAX_EXTRA_PAGES) {
    current = await current.nextPage();
    kept.push(...current.items.filter(keep));
    extra++;
  }
  const size = options.fill ? options.pageSize : kept.length;
  const items = kept.slice(0, size);
  const rest = kept.slice(size);
  const source = current;
  const hasMore = rest.length > 0 || source.hasMore;
  return {
    items,
    hasMore,
    nextPage: async () => {
      if (!hasMore) return emptyPage<T>();
      const next = source.hasMore ? await source.nextPage() : emptyPage<T>();
      return keepInPage(next, keep, options, rest);
    },
  };
}

/** Replaces one story (by id) in a list. */
export function replaceStory(stories: readonly IStory[], id: number, change: (story: IStory) => IStory): IStory[] {
  return stories.map((story) => (story.id === id ? change(story) : story));
}

/** A list without one story (by id). */
export function withoutStory(stories: readonly IStory[], story: IStory): IStory[] {
  return stories.filter((s) => s.id !== story.id);
}

/** A list followed by those of `more` it does not hold yet (by id): a next page never shows a story twice. */
export function appendNew(stories: readonly IStory[], more: readonly IStory[]): IStory[] {
  const known = new Set(stories.map((s) => s.id));
  return stories.concat(more.filter((s) => !known.has(s.id)));
}

/** Whether `a` is older than `b`: by creation time, else by id (SharePoint hands ids out in order). */
function isOlder(a: IStory, b: IStory): boolean {
  if (a.created && b.created && a.created !== b.created) return a.created < b.created;
  return (a.id ?? 0) < (b.id ?? 0);
}

/** Inserts a story into a newest-first list at its place. */
export function insertNewestFirst(stories: readonly IStory[], story: IStory): IStory[] {
  const rest = stories.filter((s) => s.id !== story.id);
  const at = rest.findIndex((s) => isOlder(s, story));
  return at < 0 ? rest.concat(story) : rest.slice(0, at).concat(story, rest.slice(at));
}

/** What the feed shows: the featured stories (first) and the feed without them. */
export interface IFeedLists {
  featured: IStory[];
  items: IStory[];
}

/**
 * The feed's keep rule: stories of the web part's scope that pass the chosen filters and are not
 * among the featured ones (shown above the feed). `isFeatured` is asked at each story, so later
 * pages also leave out stories featured since.
 */
export function keepInFeed(
  scope: IFeedScope,
  chosen: IStoryFilters,
  isFeatured: (id: number) => boolean,
): (story: IStory) => boolean {
  return (story) => inScope(story, scope) && matchesFilters(story, chosen) && !isFeatured(story.id as number);
}

/** The view's first page, narrowed on the client; its next pages are narrowed alike (not filled up). */
export function narrowedFirstPage(
  first: IPage<IStory>,
  keep: (story: IStory) => boolean,
  pageSize: number,
): IPage<IStory> {
  return {
    items: first.items.filter(keep),
    hasMore: first.hasMore,
    nextPage: async () => keepInPage(await first.nextPage(), keep, { pageSize, fill: false }),
  };
}

/** Changes one story wherever the feed shows it. */
export function changeInFeed<L extends IFeedLists>(lists: L, id: number, change: (story: IStory) => IStory): L {
  return { ...lists, featured: replaceStory(lists.featured, id, change), items: replaceStory(lists.items, id, change) };
}

/**
 * After "Fremhæv" / "Fjern fremhævning": a featured story moves first; one no longer featured goes
 * back into the feed at its place when `showInFeed` (it is in scope and passes the filters).
 */
export function featureInFeed<L extends IFeedLists>(lists: L, story: IStory, showInFeed: boolean): L {
  if (story.featured) {
    return {
      ...lists,
      featured: [story].concat(withoutStory(lists.featured, story)),
      items: withoutStory(lists.items, story),
    };
  }
  const featured = withoutStory(lists.featured, story);
  return { ...lists, featured, items: showInFeed ? insertNewestFirst(lists.items, story) : lists.items };
}

/** A story just approved: featured ones move first; others join the feed at their place when `showInFeed`. */
export function publishInFeed<L extends IFeedLists>(lists: L, story: IStory, showInFeed: boolean): L {
  if (story.featured) return featureInFeed(lists, story, showInFeed);
  return showInFeed ? { ...lists, items: insertNewestFirst(lists.items, story) } : lists;
}

/** The texts of one ambition's counts, e.g. ["2 planer", "1 indsats", "4 historier"]. */
export function countTexts(counts: IAmbitionCounts, locale: Locale, strings: IMpkAmbitionsStrings): string[] {
  return [
    plural(locale, counts.plans, strings.planCountOne, strings.planCountOther),
    plural(locale, counts.initiatives, strings.initiativeCountOne, strings.initiativeCountOther),
    plural(locale, counts.stories, strings.storyCountOne, strings.storyCountOther),
  ];
}

/** A unit option for a picker: the name, with sub-units indented under their parent. */
export interface IUnitOption {
  id: number;
  label: string;
  depth: number;
}

/**
 * Units as a picker shows them: top-level units in order, each followed by its sub-units. With
 * `onlyIds`, only those units (and no others) are offered.
 */
export function unitOptions(units: readonly IUnitItem[], onlyIds: readonly number[] = []): IUnitOption[] {
  const byOrder = (a: IUnitItem, b: IUnitItem): number =>
    (a.order ?? 0) - (b.order ?? 0) || a.name.localeCompare(b.name, 'da');
  const known = new Set(units.map((u) => u.id));
  const children = new Map<number | undefined, IUnitItem[]>();
  for (const unit of units) {
    if (unit.id === undefined) continue;
    const parent = unit.parentId !== undefined && known.has(unit.parentId) ? unit.parentId : undefined;
    children.set(parent, (children.get(parent) || []).concat(unit));
  }
  const result: IUnitOption[] = [];
  const seen = new Set<number>();
  const walk = (parent: number | undefined, depth: number): void => {
    for (const unit of (children.get(parent) || []).slice().sort(byOrder)) {
      const id = unit.id as number;
      if (seen.has(id)) continue;
      seen.add(id);
      if (onlyIds.length === 0 || onlyIds.indexOf(id) >= 0) result.push({ id, label: unit.name || String(id), depth });
      walk(id, depth + 1);
    }
  };
  walk(undefined, 0);
  return result;
}

/** The name of a unit, or undefined if it is not (or no longer) among the units. */
export function unitName(units: readonly IUnitItem[], id: number | undefined): string | undefined {
  if (id === undefined) return undefined;
  const unit = units.find((u) => u.id === id);
  return unit ? unit.name : undefined;
}

/** Where the story form keeps its draft (the key the whole product uses for a new story). */
export const STORY_DRAFT_KEY = 'story:new';
