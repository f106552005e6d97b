import type { IAmbitionsView, IStoryFilters } from '../../data/repositories/types';
import { useServices } from '../shell/services';
import { useViewLoader, type IViewLoader } from '../shell/useViewLoader';

/** The view as this surface reads it (`pendingForModeration` is what a site owner must approve). */
export type IAmbitionsViewModel = IAmbitionsView;

/**
 * The first view: exactly one `loadAmbitionsView` call (one `$batch`), again only on `reload()`
 * (the current view stays on screen until the new one arrives).
 */
export function useAmbitionsView(filters: IStoryFilters, pageSize: number): IViewLoader<IAmbitionsViewModel> {
  const services = useServices();
  // Arrays from the property pane arrive as new objects on every render: depend on their content.
  const queryKey = JSON.stringify([filters, pageSize]);
  return useViewLoader(
    () => services.views.loadAmbitionsView({ userId: services.user.id, filters, pageSize }),
    [services, queryKey],
  );
}
