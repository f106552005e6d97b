import * as React from 'react';
import { Button, Input, makeStyles, mergeClasses, Toolbar, ToolbarButton, tokens } from '@fluentui/react-components';
import { sanitizeRichText } from '../../domain/richText';
import { useStrings } from './strings';

/** Props of {@link RichTextEditor}. */
export interface IRichTextEditorProps {
  /** Sanitised HTML. */
  value: string;
  /** Called with sanitised HTML after every change. */
  onChange(html: string): void;
  /** id of the element that labels the editor (Fluent `<Field>` passes it). */
  'aria-labelledby'?: string;
  'aria-describedby'?: string;
  'aria-invalid'?: boolean;
  id?: string;
  className?: string;
}

const useStyles = makeStyles({
  root: {
    display: 'flex',
    flexDirection: 'column',
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground1,
  },
  invalid: {
    borderTopColor: tokens.colorPaletteRedBorder2,
    borderRightColor: tokens.colorPaletteRedBorder2,
    borderBottomColor: tokens.colorPaletteRedBorder2,
    borderLeftColor: tokens.colorPaletteRedBorder2,
  },
  toolbar: { borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`, flexWrap: 'wrap' },
  surface: {
    minHeight: '8em',
    padding: tokens.spacingHorizontalM,
    color: tokens.colorNeutralForeground1,
    outlineStyle: 'none',
    ':focus-visible': { outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}` },
    '& p': { margin: `0 0 ${tokens.spacingVerticalS} 0` },
  },
  linkRow: { display: 'flex', gap: tokens.spacingHorizontalS, padding: tokens.spacingHorizontalS },
});

type Command = 'bold' | 'italic' | 'insertUnorderedList' | 'insertOrderedList';

/**
 * A small rich-text editor (bold, italic, lists, links) on a contentEditable surface. Whatever is
 * typed or pasted is run through the sanitiser, so only the allowed markup ever leaves it.
 */
export default function RichTextEditor(props: IRichTextEditorProps): JSX.Element {
  const strings = useStrings().editor;
  const styles = useStyles();
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

  return (
    <div className={mergeClasses(styles.root, props['aria-invalid'] && styles.invalid, props.className)}>
      <Toolbar aria-label={strings.toolbarLabel} size="small" className={styles.toolbar}>
        <ToolbarButton onClick={() => run('bold')} aria-label={strings.bold}>
          <strong>F</strong>
        </ToolbarButton>
        <ToolbarButton onClick={() => run('italic')} aria-label={strings.italic}>
          <em>K</em>
        </ToolbarButton>
        <ToolbarButton onClick={() => run('insertUnorderedList')}>{strings.bulletList}</ToolbarButton>
        <ToolbarButton onClick={() => run('insertOrderedList')}>{strings.numberedList}</ToolbarButton>
        <ToolbarButton onClick={openLink}>{strings.link}</ToolbarButton>
      </Toolbar>
      {linkOpen && (
        <div className={styles.linkRow}>
          <Input
            aria-label={strings.linkAddress}
            value={linkUrl}
            onChange={(_, data) => setLinkUrl(data.value)}
            onKeyDown={(e) => {
              if (e.key === 'Enter') {
                e.preventDefault();
                applyLink();
              } else if (e.key === 'Escape') {
                setLinkOpen(false);
              }
            }}
            autoFocus
          />
          <Button appearance="primary" onClick={applyLink}>
            {strings.insertLink}
          </Button>
          <Button onClick={() => setLinkOpen(false)}>{strings.cancel}</Button>
        </div>
      )}
      <div
        ref={surface}
        id={props.id}
        className={styles.surface}
        contentEditable
        suppressContentEditableWarning
        role="textbox"
        aria-multiline="true"
        aria-labelledby={props['aria-labelledby']}
        aria-describedby={props['aria-describedby']}
        aria-invalid={props['aria-invalid'] || undefined}
        tabIndex={0}
        onInput={emit}
        onBlur={emit}
        onKeyDown={onKeyDown}
      />
    </div>
  );
}
