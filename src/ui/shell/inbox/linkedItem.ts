/**
 * Opening the item a "Nyt til dig" entry or a deep link names: the id from the address (`?mpkTask=`,
 * `?mpkStory=` …) or the Teams sub-entity (`task-<id>`, `plan-<id>`), and focusing its card once it is drawn.
 */
import { TARGET_QUERY_PARAMS, type NotificationTargetType } from '../../../domain/notifications';

function positiveId(value: string | null | undefined): number | undefined {
  if (!value || !/^\s*\d+\s*$/.test(value)) return undefined;
  const id = Number(value);
  return id > 0 ? id : undefined;
}

/**
 * The item of a type a page or tab was opened on: the Teams sub-entity `<type>-<id>` first, else the
 * SharePoint address's parameter (`mpkTask`, `mpkStory`, `mpkPlan`, `mpkInitiative`).
 */
export function linkedItemId(
  type: NotificationTargetType,
  search: string | undefined,
  subPageId?: string,
): number | undefined {
  const prefix = `${type}-`;
  if (subPageId && subPageId.startsWith(prefix)) return positiveId(subPageId.slice(prefix.length));
  return search ? positiveId(new URLSearchParams(search).get(TARGET_QUERY_PARAMS[type])) : undefined;
}

/** The current page's address (none outside a browser). */
export function pageSearch(): string | undefined {
  return typeof window === 'undefined' ? undefined : window.location.search;
}

/**
 * Scrolls to and focuses the element marked `data-<attribute>="<id>"` once it is on screen (its list may
 * still be loading: tried for a few seconds). Returns a function that stops trying.
 */
export function focusWhenShown(attribute: string, id: number, tries = 40): () => void {
  let timer: number | undefined;
  let left = tries;
  const attempt = (): void => {
    const element = document.querySelector<HTMLElement>(`[data-${attribute}="${id}"]`);
    if (element) {
      if (typeof element.scrollIntoView === 'function') element.scrollIntoView({ block: 'center' });
      element.focus();
      return;
    }
    if (--left > 0) timer = window.setTimeout(attempt, 100);
  };
  timer = window.setTimeout(attempt, 0);
  return () => window.clearTimeout(timer);
}
