import * as React from 'react';

/**
 * After "Vis flere": focus moves to the first new card (`article`) of a list, so keyboard users
 * carry on reading there. Returns the list's ref and `focusFrom(index)`, called with the count before.
 */
export function useFocusNew(): { listRef: React.RefObject<HTMLUListElement>; focusFrom(index: number): void } {
  const listRef = React.useRef<HTMLUListElement>(null);
  const [focusIndex, setFocusIndex] = React.useState<number>();
  React.useEffect(() => {
    if (focusIndex === undefined) return;
    listRef.current?.children[focusIndex]?.querySelector<HTMLElement>('article')?.focus();
    setFocusIndex(undefined);
  }, [focusIndex]);
  return { listRef, focusFrom: setFocusIndex };
}
