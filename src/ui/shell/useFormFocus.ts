import * as React from 'react';

// What a person types into: the first of these takes focus when a form opens.
const FIELDS =
  'input:not([type="hidden"]):not([disabled]),select:not([disabled]),textarea:not([disabled]),[contenteditable="true"]';

/** What {@link useFormFocus} hands back. */
export interface IFormFocus<T extends HTMLElement> {
  /** The form (or the dialog's surface). */
  ref: React.RefObject<T>;
  /** After a refused submit: focus moves to the first field that shows an error (`aria-invalid`), once drawn. */
  focusFirstError(): void;
}

/**
 * Focus for a form that opens and closes: into its first field (its heading, given `tabIndex={-1}`, when
 * it has none) as it opens unless `opened` is false (a form that is always shown); back to the control
 * that had focus before it opened when it closes and focus would otherwise fall to the page — unless
 * something else took it (a save's `useSavedConfirmation`). `focusFirstError` after a refused submit.
 */
export function useFormFocus<T extends HTMLElement>(opened = true): IFormFocus<T> {
  const ref = React.useRef<T>(null);
  const [errorTurn, setErrorTurn] = React.useState(0);
  // Layout effects: focus moves before the form is painted, so nothing typed goes elsewhere.
  React.useLayoutEffect(() => {
    const doc = ref.current?.ownerDocument;
    const opener = doc?.activeElement as HTMLElement | null | undefined;
    const form = ref.current;
    const first = (): void =>
      (
        form?.querySelector<HTMLElement>(FIELDS) ?? form?.querySelector<HTMLElement>('h2,h3,h4,h5,h6,[tabindex="-1"]')
      )?.focus();
    let settle: number | undefined;
    if (opened) {
      first();
      // A dialog puts focus on its surface when it finds nothing it counts as focusable: into the field after all.
      settle = window.setTimeout(() => {
        const now = doc?.activeElement;
        if (!now || now === doc?.body || (now !== form && now.contains(form))) first();
      }, 0);
    }
    return () => {
      window.clearTimeout(settle);
      // Unmounted: wait for what the closing click or save does with focus, then pick it up if it fell.
      window.setTimeout(() => {
        const now = doc?.activeElement;
        if (opened && opener?.isConnected && (!now || now === doc?.body)) opener.focus();
      }, 0);
    };
    // Once per opening: the form's first render.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);
  React.useLayoutEffect(() => {
    if (errorTurn > 0) ref.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [errorTurn]);
  return { ref, focusFirstError: () => setErrorTurn((n) => n + 1) };
}
