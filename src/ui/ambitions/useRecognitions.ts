import * as React from 'react';
import type { IRecognition } from '../../domain/model';
import { useServices } from '../shell/services';

/** What {@link useRecognitions} hands back. */
export interface IRecognitions {
  /** The reader's own recognition of a story, if any. */
  of(storyId: number): IRecognition | undefined;
  /** Stories whose recognition is being saved. */
  busy: ReadonlySet<number>;
  /** Failures per story id. */
  errors: ReadonlyMap<number, unknown>;
  /**
   * Recognises the story, or takes the recognition back. Resolves to the change in the story's
   * count (+1, -1, or 0 when it failed).
   */
  toggle(storyId: number): Promise<number>;
  dismissError(storyId: number): void;
}

/** The reader's recognitions: once per story (the repository enforces it), withdrawable. */
export function useRecognitions(initial: readonly IRecognition[]): IRecognitions {
  const services = useServices();
  const userId = services.user.id;
  const [mine, setMine] = React.useState<Map<number, IRecognition>>(
    // The view reads only the reader's own recognitions (by author).
    () => new Map(initial.map((r) => [r.storyId, r])),
  );
  const [busy, setBusy] = React.useState<Set<number>>(new Set());
  const [errors, setErrors] = React.useState<Map<number, unknown>>(new Map());

  const mark = (storyId: number, on: boolean): void =>
    setBusy((set) => {
      const next = new Set(set);
      if (on) next.add(storyId);
      else next.delete(storyId);
      return next;
    });
  const fail = (storyId: number, error: unknown): void =>
    setErrors((map) => {
      const next = new Map(map);
      if (error === undefined) next.delete(storyId);
      else next.set(storyId, error);
      return next;
    });

  const toggle = async (storyId: number): Promise<number> => {
    if (busy.has(storyId)) return 0;
    const existing = mine.get(storyId);
    mark(storyId, true);
    fail(storyId, undefined);
    try {
      if (existing) {
        await services.recognitions.withdraw(existing);
        setMine((map) => {
          const next = new Map(map);
          next.delete(storyId);
          return next;
        });
        return -1;
      }
      const recognition = await services.recognitions.recognise(storyId, userId);
      setMine((map) => new Map(map).set(storyId, recognition));
      return 1;
    } catch (error) {
      fail(storyId, error);
      return 0;
    } finally {
      mark(storyId, false);
    }
  };

  return {
    of: (storyId) => mine.get(storyId),
    busy,
    errors,
    toggle,
    dismissError: (storyId) => fail(storyId, undefined),
  };
}
