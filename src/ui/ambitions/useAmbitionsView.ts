import * as React from 'react';
import type { IAmbitionsView, IStoryFilters } from '../../data/repositories/types';
import { useServices } from '../shell/services';

/** The view as this surface reads it (`pendingForModeration` is what a site owner must approve). */
export type IAmbitionsViewModel = IAmbitionsView;

/** What {@link useAmbitionsView} hands back. */
export interface IAmbitionsViewState {
  view?: IAmbitionsViewModel;
  loading: boolean;
  error?: unknown;
  /** Reads the view again; the current one stays on screen until the new one arrives. */
  refresh(): void;
}

/** The first view: exactly one `loadAmbitionsView` call (one `$batch`), again only on `refresh()`. */
export function useAmbitionsView(filters: IStoryFilters, pageSize: number): IAmbitionsViewState {
  const services = useServices();
  const [state, setState] = React.useState<{ view?: IAmbitionsViewModel; loading: boolean; error?: unknown }>({
    loading: true,
  });
  const [revision, setRevision] = React.useState(0);
  // Arrays from the property pane arrive as new objects on every render: depend on their content.
  const queryKey = JSON.stringify([filters, pageSize]);

  React.useEffect(() => {
    let active = true;
    setState((s) => ({ view: s.view, loading: true }));
    services.views
      .loadAmbitionsView({ userId: services.user.id, filters, pageSize })
      .then((view) => active && setState({ view, loading: false }))
      .catch((error: unknown) => active && setState((s) => ({ view: s.view, loading: false, error })));
    return () => {
      active = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [services, queryKey, revision]);

  const refresh = React.useCallback(() => setRevision((r) => r + 1), []);
  return { ...state, refresh };
}
