import * as React from 'react';
import type { IOverviewRow } from '../../domain/overview';
import { countWithoutPlan } from '../../domain/overviewGroups';
import { fill } from '../shell/strings';
import { useFollowUp } from './FollowUpContext';

/** What {@link useUnitsWithoutPlan} hands back. */
export interface IUnitsWithoutPlan {
  count: number;
  /** The matrix shows only them. */
  only: boolean;
  /** The key figure: pressed, only they are shown (focus then moves to the line saying so). */
  toggle(): void;
  /** "Vis alle enheder": every unit again, focus back on the key figure. */
  showAll(): void;
  figureRef: React.RefObject<HTMLButtonElement>;
  noticeRef: React.RefObject<HTMLParagraphElement>;
}

/**
 * "Enheder uden plan: N" and the matrix's filter: the figure toggles it, the line over the matrix
 * says so and offers the way back, and focus follows (announced when it goes back to the figure).
 */
export function useUnitsWithoutPlan(rows: readonly IOverviewRow[]): IUnitsWithoutPlan {
  const { announce, strings } = useFollowUp();
  const count = React.useMemo(() => countWithoutPlan(rows), [rows]);
  const [only, setOnly] = React.useState(false);
  const figureRef = React.useRef<HTMLButtonElement>(null);
  const noticeRef = React.useRef<HTMLParagraphElement>(null);
  const moved = React.useRef<'notice' | 'figure' | undefined>();
  const shown = only && count > 0;
  // Before paint: the line that says what is shown is where the reader is when it appears.
  React.useLayoutEffect(() => {
    const where = moved.current;
    moved.current = undefined;
    if (where === 'notice') noticeRef.current?.focus();
    else if (where === 'figure') {
      figureRef.current?.focus();
      announce(fill(strings.overview.allUnitsShown, { count: rows.length }));
    }
  }, [shown, announce, strings, rows.length]);
  const toggle = React.useCallback(() => {
    moved.current = shown ? 'figure' : 'notice';
    setOnly(!shown);
  }, [shown]);
  const showAll = React.useCallback(() => {
    moved.current = 'figure';
    setOnly(false);
  }, []);
  return { count, only: shown, toggle, showAll, figureRef, noticeRef };
}
