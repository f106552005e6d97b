import * as React from 'react';
import type { IPersonMatch } from '../../data/repositories/types';
import { useServices } from './services';

/** The fewest characters a search is sent for (as `people.search`). */
export const MIN_SEARCH_LENGTH = 2;

/** Where a people search stands. */
export interface IPeopleSearch {
  /** `idle`: nothing to search; `short`: fewer than two characters; `searching`; `ready`; `error`. */
  status: 'idle' | 'short' | 'searching' | 'ready' | 'error';
  results: IPersonMatch[];
  error?: unknown;
  /** Sends the same search again (after an error). */
  retry(): void;
}

/**
 * Searches the organisation's people for `text`, `debounceMs` after the last change; an answer to an older
 * text is dropped. `enabled: false` (e.g. the text is the chosen person's name) searches nothing.
 */
export function usePeopleSearch(text: string, enabled: boolean, debounceMs: number): IPeopleSearch {
  const services = useServices();
  const [state, setState] = React.useState<Omit<IPeopleSearch, 'retry'>>({ status: 'idle', results: [] });
  const [attempt, setAttempt] = React.useState(0);
  const term = text.trim();

  React.useEffect(() => {
    if (!enabled || term === '') {
      setState({ status: 'idle', results: [] });
      return undefined;
    }
    if (term.length < MIN_SEARCH_LENGTH) {
      setState({ status: 'short', results: [] });
      return undefined;
    }
    let active = true;
    setState((previous) => ({ status: 'searching', results: previous.results }));
    const timer = window.setTimeout(() => {
      services.people.search(term).then(
        (results) => active && setState({ status: 'ready', results }),
        (error: unknown) => active && setState({ status: 'error', results: [], error }),
      );
    }, debounceMs);
    return () => {
      active = false;
      window.clearTimeout(timer);
    };
  }, [services, term, enabled, debounceMs, attempt]);

  const retry = React.useCallback(() => setAttempt((n) => n + 1), []);
  return { ...state, retry };
}
