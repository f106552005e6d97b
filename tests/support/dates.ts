import { fireEvent } from '@testing-library/react';

/** Types a date into a date field at once (as pasting it would) and leaves the field, which reads the text then. */
export function typeDate(field: HTMLElement, text: string): void {
  fireEvent.change(field, { target: { value: text } });
  fireEvent.blur(field);
}
