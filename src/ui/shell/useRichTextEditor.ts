import * as React from 'react';
import { sanitizeRichText } from '../../domain/richText';

type Command = 'bold' | 'italic' | 'insertUnorderedList' | 'insertOrderedList';

/** What {@link useRichTextEditor} hands to the editor's render function. */
export interface IRichTextEditorState {
  surface: React.RefObject<HTMLDivElement>;
  linkOpen: boolean;
  setLinkOpen(open: boolean): void;
  linkUrl: string;
  setLinkUrl(url: string): void;
  /** Sends the surface's sanitised HTML to `onChange`. */
  emit(): void;
  run(command: Command): void;
  openLink(): void;
  applyLink(): void;
  onKeyDown(event: React.KeyboardEvent): void;
}

/**
 * The editor's state: the contentEditable surface (written only when the value changes from outside),
 * the formatting commands with their shortcuts, and the link row.
 */
export function useRichTextEditor(props: { value: string; onChange(html: string): void }): IRichTextEditorState {
  const surface = React.useRef<HTMLDivElement>(null);
  const lastEmitted = React.useRef<string | undefined>(undefined);
  const savedRange = React.useRef<Range | undefined>(undefined);
  const [linkOpen, setLinkOpen] = React.useState(false);
  const [linkUrl, setLinkUrl] = React.useState('https://');

  // Only write the DOM when the value changed from outside (a restored draft, a reset); writing it
  // on every keystroke would move the caret.
  React.useEffect(() => {
    if (surface.current && props.value !== lastEmitted.current) {
      surface.current.innerHTML = sanitizeRichText(props.value);
      lastEmitted.current = props.value;
    }
  }, [props.value]);

  const emit = (): void => {
    if (!surface.current) return;
    const html = sanitizeRichText(surface.current.innerHTML);
    lastEmitted.current = html;
    props.onChange(html);
  };

  const run = (command: Command): void => {
    surface.current?.focus();
    document.execCommand(command);
    emit();
  };

  const openLink = (): void => {
    const selection = window.getSelection();
    savedRange.current = selection && selection.rangeCount > 0 ? selection.getRangeAt(0) : undefined;
    setLinkOpen(true);
  };

  const applyLink = (): void => {
    surface.current?.focus();
    const selection = window.getSelection();
    if (savedRange.current && selection) {
      selection.removeAllRanges();
      selection.addRange(savedRange.current);
    }
    if (/^(https?:\/\/|mailto:)\S+$/i.test(linkUrl.trim())) {
      document.execCommand('createLink', false, linkUrl.trim());
      emit();
    }
    setLinkOpen(false);
    setLinkUrl('https://');
  };

  const onKeyDown = (event: React.KeyboardEvent): void => {
    if (!(event.ctrlKey || event.metaKey)) return;
    const key = event.key.toLowerCase();
    if (key === 'b' || key === 'i') {
      event.preventDefault();
      run(key === 'b' ? 'bold' : 'italic');
    }
  };

  return { surface, linkOpen, setLinkOpen, linkUrl, setLinkUrl, emit, run, openLink, applyLink, onKeyDown };
}
