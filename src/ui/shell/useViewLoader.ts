import * as React from 'react';

/** Where reading a surface's view stands. */
export type ViewStatus = 'loading' | 'ready' | 'failed';

/** What {@link useViewLoader} hands back: the same shape on every surface. */
export interface IViewLoader<V> {
  status: ViewStatus;
  /** The view last read (kept on screen while a reload runs, and after a reload failed); none before the first. */
  view: V | undefined;
  /** Why the last read failed (shown with `DataErrorMessage`); undefined unless `status` is 'failed'. */
  error: unknown;
  /** Reads the view again (after "Klargør site", "Prøv igen", or another choice that `deps` do not carry). */
  reload(): void;
  /** Applies a saved change to the view in place: no second round trip after a save. */
  patch(change: (view: V) => V): void;
}

/** Optional parts of {@link useViewLoader}. */
export interface IViewLoaderOptions<V> {
  /** Runs with each view read (not with patches), e.g. to drop edits the fresh view already holds. */
  onLoaded?(view: V): void;
}

interface IState<V> {
  status: ViewStatus;
  view: V | undefined;
  error: unknown;
}

/**
 * A surface's first view in one call, read again when `deps` change or on `reload()`. `load` may
 * return `undefined` to keep what is shown (the view already holds what the new deps ask for). A
 * read that a newer one overtook is dropped, so a slow answer never replaces a newer choice.
 */
export function useViewLoader<V>(
  load: () => Promise<V> | undefined,
  deps: React.DependencyList,
  options: IViewLoaderOptions<V> = {},
): IViewLoader<V> {
  const [state, setState] = React.useState<IState<V>>({ status: 'loading', view: undefined, error: undefined });
  const [generation, setGeneration] = React.useState(0);
  const onLoaded = React.useRef(options.onLoaded);
  onLoaded.current = options.onLoaded;

  React.useEffect(
    () => {
      const reading = load();
      if (!reading) return undefined;
      let active = true;
      setState((s) => ({ status: 'loading', view: s.view, error: undefined }));
      reading.then(
        (view) => {
          if (!active) return;
          onLoaded.current?.(view);
          setState({ status: 'ready', view, error: undefined });
        },
        (error: unknown) => {
          if (active) setState((s) => ({ status: 'failed', view: s.view, error }));
        },
      );
      return () => {
        active = false;
      };
    },
    // The caller names what the read depends on; `load` is a new closure on every render.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    deps.concat([generation]),
  );

  const reload = React.useCallback(() => setGeneration((g) => g + 1), []);
  const patch = React.useCallback((change: (view: V) => V) => {
    setState((s) => (s.view === undefined ? s : { ...s, view: change(s.view) }));
  }, []);
  return { ...state, reload, patch };
}
