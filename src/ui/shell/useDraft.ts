import * as React from 'react';
import { browserStorage } from './browserStorage';
import { draftStorageKey, removeDraft, useDraftOwner } from './drafts';

/** What {@link useDraft} hands back. */
export interface IDraft<T> {
  value: T;
  /** Changes the draft; it is written to the browser at once, so a reload or crash loses nothing. */
  set(next: T | ((previous: T) => T)): void;
  /** Forgets the draft (after a successful save, or when the user discards it). */
  clear(): void;
  /** Forgets the draft and shows `next` (a new item's fields filled in from the one just saved). */
  reset(next: T): void;
  /** True when the value was restored from an earlier visit. */
  restored: boolean;
  /** Forgets the kept copy in the browser but keeps the value on screen (it has been saved as it is). */
  forget(): void;
}

/**
 * A form's values kept in the browser until they are saved ("kladder gemmes i browseren"), for the
 * signed-in person only (see `drafts.ts`). `key` must identify the form and its subject, e.g.
 * `story:new` or `initiative:42`.
 */
export function useDraft<T>(key: string, initial: T): IDraft<T> {
  const owner = useDraftOwner();
  const storageKey = draftStorageKey(owner, key);
  const [state, setState] = React.useState<{ value: T; restored: boolean }>(() => {
    // Only this person's key is read; drafts from before they were kept per person are removed once
    // per web part by MpkRoot, which every form is rendered inside.
    const saved = browserStorage()?.getItem(storageKey);
    if (saved) {
      try {
        return { value: { ...initial, ...(JSON.parse(saved) as T) }, restored: true };
      } catch {
        // A draft we cannot read is worth less than a form that opens.
      }
    }
    return { value: initial, restored: false };
  });

  const set = React.useCallback(
    (next: T | ((previous: T) => T)) => {
      setState((previous) => {
        const value = typeof next === 'function' ? (next as (p: T) => T)(previous.value) : next;
        try {
          browserStorage()?.setItem(storageKey, JSON.stringify(value));
        } catch {
          // Quota exceeded: the form keeps working, only the safety net is gone.
        }
        return { value, restored: previous.restored };
      });
    },
    [storageKey],
  );

  const reset = React.useCallback(
    (next: T) => {
      removeDraft(owner, key);
      setState({ value: next, restored: false });
    },
    [owner, key],
  );
  // `initial` is the form's empty state; callers pass a fresh literal each render.
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const clear = React.useCallback(() => reset(initial), [reset]);

  const forget = React.useCallback(() => {
    // An updater, so it runs after any `set` queued before it (which writes the browser's copy).
    setState((previous) => {
      removeDraft(owner, key);
      return { value: previous.value, restored: false };
    });
  }, [owner, key]);

  return { value: state.value, set, clear, reset, restored: state.restored, forget };
}
