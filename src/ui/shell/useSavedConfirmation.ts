import * as React from 'react';
import type { Announce } from './Announcer';

/** What {@link useSavedConfirmation} hands back. */
export interface ISavedConfirmation {
  /** The confirmation shown (with `SavedNotice`), until the next action or a few seconds. */
  text: string | undefined;
  /** After a save: shows `text`, says it once to screen readers, and moves focus to `target()` in view. */
  confirm(text: string, target?: () => HTMLElement | null | undefined): void;
  /** Hides the confirmation (the person went on: typed, opened another form). */
  dismiss(): void;
}

/** How long a confirmation stays when nothing else happens. */
export const CONFIRMATION_MS = 8000;

/**
 * A save made visible: a confirmation near what was saved, focus on what was saved (scrolled to the
 * middle of the view, so the confirmation beside it shows too, and keyboard users carry on from there),
 * and one announcement. The target is found after the save's patch has been drawn; give it
 * `tabIndex={-1}` when it is not a control.
 */
export function useSavedConfirmation(announce: Announce): ISavedConfirmation {
  const [shown, setShown] = React.useState<{ text: string; target?: () => HTMLElement | null | undefined }>();
  const timer = React.useRef<number>();
  React.useEffect(() => () => window.clearTimeout(timer.current), []);
  React.useEffect(() => {
    const el = shown?.target?.();
    if (!el) return;
    if (typeof el.scrollIntoView === 'function') el.scrollIntoView({ block: 'center' });
    el.focus({ preventScroll: true });
  }, [shown]);
  const confirm = React.useCallback(
    (text: string, target?: () => HTMLElement | null | undefined) => {
      setShown({ text, target });
      announce(text);
      window.clearTimeout(timer.current);
      timer.current = window.setTimeout(() => setShown(undefined), CONFIRMATION_MS);
    },
    [announce],
  );
  const dismiss = React.useCallback(() => setShown(undefined), []);
  return { text: shown?.text, confirm, dismiss };
}
