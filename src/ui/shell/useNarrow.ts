import * as React from 'react';

/** The widths treated as a phone (the header's shortcuts show there only). */
export const NARROW_QUERY = '(max-width: 640px)';

function matches(query: string): boolean {
  return typeof window !== 'undefined' && typeof window.matchMedia === 'function' && window.matchMedia(query).matches;
}

/** True while the window is phone-narrow; follows rotation and resizing. */
export function useNarrow(query: string = NARROW_QUERY): boolean {
  const [narrow, setNarrow] = React.useState(() => matches(query));
  React.useEffect(() => {
    if (typeof window === 'undefined' || typeof window.matchMedia !== 'function') return undefined;
    const list = window.matchMedia(query);
    const onChange = (): void => setNarrow(list.matches);
    onChange();
    list.addEventListener('change', onChange);
    return () => list.removeEventListener('change', onChange);
  }, [query]);
  return narrow;
}
