import * as React from 'react';
import type { IFollowUpTask, IsoDate } from '../../domain/model';
import type { IFollowUpView, IPage, ITaskFilters } from '../../data/repositories/types';
import { useServices } from '../shell/services';
import { useViewLoader, type IViewLoader } from '../shell/useViewLoader';
import { foldEdits, matchesFilters, NO_EDITS, recordSave, sinceOrDefault, type ITaskEdits } from './followUpModel';

/** Where the chosen trend baseline is remembered between visits. */
const SINCE_KEY = 'mpk:followUp:since';

function readSince(): string | null {
  try {
    return typeof window !== 'undefined' && window.localStorage ? window.localStorage.getItem(SINCE_KEY) : null;
  } catch {
    return null;
  }
}

function writeSince(value: IsoDate): void {
  try {
    window.localStorage.setItem(SINCE_KEY, value);
  } catch {
    // Private mode: the choice lasts for this visit only.
  }
}

/** What {@link useFollowUpData} hands back: the shell's view loader plus the baseline and this session's saves. */
export interface IFollowUpData extends Omit<IViewLoader<IFollowUpView>, 'reload'> {
  /** The trend's baseline the view was read with. */
  since: IsoDate;
  /** Reads the view again (one `$batch`), e.g. with another baseline or after "Klargør site". */
  reload(since?: IsoDate): void;
  /** Tasks saved in this session (folded into every list). */
  edits: ITaskEdits;
  /** Records a task just saved; `previous` is the version it replaced (none when created). */
  saved(previous: IFollowUpTask | undefined, task: IFollowUpTask): void;
}

/**
 * The first view of "Opfølgning": exactly one `loadFollowUpView` call (one `$batch`), then only the
 * writes and pages the user asks for. Saved tasks are folded in locally instead of reading it all again;
 * a fresh view holds them, so it drops the session's edits.
 */
export function useFollowUpData(options: { now: Date; pageSize: number }): IFollowUpData {
  const services = useServices();
  const [since, setSince] = React.useState<IsoDate>(() => sinceOrDefault(readSince(), options.now));
  const [edits, setEdits] = React.useState<ITaskEdits>(NO_EDITS);
  const loader = useViewLoader(
    () =>
      services.views.loadFollowUpView({
        userId: services.user.id,
        since,
        now: options.now,
        pageSize: options.pageSize,
      }),
    // `now` and the page size are fixed for the life of the surface.
    [services, since],
    { onLoaded: () => setEdits(NO_EDITS) },
  );
  const reloadView = loader.reload;

  const reload = React.useCallback(
    (next?: IsoDate) => {
      if (next && next !== since) {
        writeSince(next);
        setSince(next);
      } else {
        reloadView();
      }
    },
    [since, reloadView],
  );

  const saved = React.useCallback((previous: IFollowUpTask | undefined, task: IFollowUpTask) => {
    setEdits((current) => recordSave(current, previous, task));
  }, []);

  return { ...loader, since, reload, edits, saved };
}

/** What {@link useTaskBoard} hands back. */
export interface ITaskBoard {
  filters: ITaskFilters;
  setFilters(filters: ITaskFilters): void;
  /** The tasks read so far, with this session's saves folded in. */
  tasks: IFollowUpTask[];
  hasMore: boolean;
  /** A page is being read (after a filter change or "Vis flere"). */
  busy: boolean;
  error?: unknown;
  loadMore(): void;
  retry(): void;
}

/**
 * One page read at a time, the latest winning: a read started later makes an earlier one's answer
 * (or failure) count for nothing. `busy` and `error` describe the latest read; `reset` forgets it.
 */
function useLatestRead(): {
  busy: boolean;
  error: unknown;
  read<P>(load: () => Promise<P>, apply: (value: P) => void): void;
  reset(): void;
} {
  const [busy, setBusy] = React.useState(false);
  const [error, setError] = React.useState<unknown>();
  const request = React.useRef(0);
  const read = React.useCallback(<P>(load: () => Promise<P>, apply: (value: P) => void): void => {
    const id = ++request.current;
    setBusy(true);
    setError(undefined);
    load().then(
      (value) => {
        if (id !== request.current) return;
        apply(value);
        setBusy(false);
      },
      (e: unknown) => {
        if (id !== request.current) return;
        setError(e);
        setBusy(false);
      },
    );
  }, []);
  const reset = React.useCallback((): void => {
    request.current++;
    setBusy(false);
    setError(undefined);
  }, []);
  return { busy, error, read, reset };
}

/**
 * The task board's pages: the first comes with the view; filters ask `tasks.query` (threshold-safe,
 * paged by due date) for a new first page, and "Vis flere" follows the cursor. Never everything at once.
 */
export function useTaskBoard(first: IPage<IFollowUpTask> | undefined, edits: ITaskEdits, pageSize: number): ITaskBoard {
  const services = useServices();
  const [filters, setFiltersState] = React.useState<ITaskFilters>({});
  const [pages, setPages] = React.useState<{ items: IFollowUpTask[]; page?: IPage<IFollowUpTask> }>({
    items: first ? first.items : [],
    page: first,
  });
  const { busy, error, read, reset } = useLatestRead();
  const lastAction = React.useRef<() => void>(() => undefined);

  // A new view (another baseline, a reload) brings a new first page without filters.
  React.useEffect(() => {
    reset();
    setFiltersState({});
    setPages({ items: first ? first.items : [], page: first });
  }, [first, reset]);

  const query = React.useCallback(
    (next: ITaskFilters) => {
      lastAction.current = () => query(next);
      read(
        () => services.tasks.query(next, pageSize),
        (page) => setPages({ items: page.items, page }),
      );
    },
    [services, pageSize, read],
  );

  const setFilters = React.useCallback(
    (next: ITaskFilters) => {
      setFiltersState(next);
      query(next);
    },
    [query],
  );

  const loadMore = React.useCallback(() => {
    const page = pages.page;
    if (!page || !page.hasMore || busy) return;
    lastAction.current = loadMore;
    read(
      () => page.nextPage(),
      (next) => setPages((current) => ({ items: current.items.concat(next.items), page: next })),
    );
  }, [pages.page, busy, read]);

  const tasks = React.useMemo(() => {
    const folded = foldEdits(pages.items, edits, (task) => matchesFilters(task, filters));
    // A site that keeps the date-only deadline at its own midnight answers "before today" with today's
    // tasks too (stored on the evening before in UTC): the day as read decides, as in `isOverdue`.
    return filters.overdueOn ? folded.filter((task) => matchesFilters(task, filters)) : folded;
  }, [pages.items, edits, filters]);

  return {
    filters,
    setFilters,
    tasks,
    hasMore: !!pages.page && pages.page.hasMore,
    busy,
    error,
    loadMore,
    retry: () => lastAction.current(),
  };
}

/** What {@link useMyTasks} hands back. */
export interface IMyTaskPages {
  /** The reader's tasks read so far, with this session's saves folded in, open ones first. */
  tasks: IFollowUpTask[];
  hasMore: boolean;
  busy: boolean;
  error?: unknown;
  /** "Vis flere": the next page (read already with the view on normal data; id windows beyond 5,000). */
  loadMore(): void;
}

/**
 * "Mine opgaver" a page at a time: the first comes with the view, "Vis flere" follows the cursor.
 * `belongs` keeps the reader's own tasks among those saved here; `order` sorts once anything was saved.
 */
export function useMyTasks(
  first: IPage<IFollowUpTask>,
  edits: ITaskEdits,
  belongs: (task: IFollowUpTask) => boolean,
  order: (a: IFollowUpTask, b: IFollowUpTask) => number,
): IMyTaskPages {
  const [pages, setPages] = React.useState<{ items: IFollowUpTask[]; page: IPage<IFollowUpTask> }>({
    items: first.items,
    page: first,
  });
  const { busy, error, read, reset } = useLatestRead();

  // A new view (another baseline, a reload) starts again from its first page.
  React.useEffect(() => {
    reset();
    setPages({ items: first.items, page: first });
  }, [first, reset]);

  const loadMore = React.useCallback(() => {
    const page = pages.page;
    if (!page.hasMore || busy) return;
    read(
      () => page.nextPage(),
      (next) => setPages((current) => ({ items: current.items.concat(next.items), page: next })),
    );
  }, [pages.page, busy, read]);

  const tasks = React.useMemo(
    () => foldEdits(pages.items, edits, belongs, order),
    [pages.items, edits, belongs, order],
  );
  return { tasks, hasMore: pages.page.hasMore, busy, error, loadMore };
}
