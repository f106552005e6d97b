import * as React from 'react';
import { ConflictError } from '../../data/errors';
import { changedProps, resolveConflict, type ConflictSide } from '../../domain/conflict';

/** A save that lost a race: what I started from, what I wrote, what is saved now, and where we clash. */
export interface ISaveConflict<T> {
  base: T | undefined;
  mine: T;
  theirs: T;
  fields: readonly string[];
}

/** What {@link useSaveFlow} hands back. */
export interface ISaveFlow<T> {
  busy: boolean;
  /** The last failure other than a conflict (shown with `DataErrorMessage`); the draft stays. */
  error: unknown;
  conflict: ISaveConflict<T> | undefined;
  /** Saves `mine`, read as `base` (undefined: a create). Resolves with the saved item, or undefined. */
  run(base: T | undefined, mine: T): Promise<T | undefined>;
  /**
   * Saves the reader's choice per conflicting field on top of the version saved now; resolves with
   * the item written, or undefined when nothing was written (the choice kept the saved version as it
   * is: `onKeptTheirs`, else `onSaved` with it; or the write failed).
   */
  resolve(choice: Record<string, ConflictSide>): Promise<T | undefined>;
  dismissError(): void;
}

/** Optional parts of {@link useSaveFlow}. */
export interface ISaveFlowOptions<T> {
  /**
   * The item to write after a conflict, from the reader's choice per field. Default: the saved version
   * plus my changes they did not touch plus, per conflicting field, the side chosen (`resolveConflict`).
   * A form whose fields belong together (a task's ambition and initiative) merges its own way.
   */
  merge?(conflict: ISaveConflict<T>, choice: Record<string, ConflictSide>): T;
  /** Runs, instead of `onSaved`, when the choice keeps the saved version as it is (nothing is written). */
  onKeptTheirs?(theirs: T, mine: T): void;
}

/**
 * Saving with the repositories' rules made visible: busy while it runs, a `ConflictError` turned
 * into a choice (keep theirs / overwrite / field by field), any other failure kept for display —
 * and the caller's draft untouched until `onSaved` runs.
 */
export function useSaveFlow<T extends object>(
  save: (base: T | undefined, mine: T) => Promise<T>,
  onSaved: (saved: T, mine: T) => void,
  options: ISaveFlowOptions<T> = {},
): ISaveFlow<T> {
  const [busy, setBusy] = React.useState(false);
  const [error, setError] = React.useState<unknown>(undefined);
  const [conflict, setConflict] = React.useState<ISaveConflict<T> | undefined>(undefined);
  const mounted = React.useRef(true);
  React.useEffect(
    () => () => {
      mounted.current = false;
    },
    [],
  );

  const run = async (base: T | undefined, mine: T): Promise<T | undefined> => {
    setBusy(true);
    setError(undefined);
    try {
      const saved = await save(base, mine);
      if (mounted.current) {
        setConflict(undefined);
        setBusy(false);
      }
      onSaved(saved, mine);
      return saved;
    } catch (e) {
      if (!mounted.current) return undefined;
      if (e instanceof ConflictError) {
        setConflict({ base, mine, theirs: e.theirs as T, fields: e.fields });
      } else {
        setError(e);
      }
      setBusy(false);
      return undefined;
    }
  };

  const resolve = (choice: Record<string, ConflictSide>): Promise<T | undefined> => {
    if (!conflict) return Promise.resolve(undefined);
    const resolved = options.merge
      ? options.merge(conflict, choice)
      : resolveConflict(conflict.base ?? ({} as T), conflict.mine, conflict.theirs, conflict.fields, choice);
    if (changedProps(conflict.theirs, resolved).length === 0) {
      // Keeping what is saved writes nothing: the saved version (with its ETag) is the result.
      setConflict(undefined);
      (options.onKeptTheirs ?? onSaved)(conflict.theirs, conflict.mine);
      return Promise.resolve(undefined);
    }
    return run(conflict.theirs, resolved);
  };

  return { busy, error, conflict, run, resolve, dismissError: () => setError(undefined) };
}
