import * as React from 'react';
import { Button, Input, makeStyles, mergeClasses, Toolbar, ToolbarButton, tokens } from '@fluentui/react-components';
import { useStrings } from './strings';
import { useRichTextEditor } from './useRichTextEditor';

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

/**
 * A small rich-text editor (bold, italic, lists, links) on a contentEditable surface. Whatever is
 * typed or pasted is run through the sanitiser, so only the allowed markup ever leaves it. State in
 * {@link useRichTextEditor}.
 */
export default function RichTextEditor(props: IRichTextEditorProps): JSX.Element {
  const strings = useStrings().editor;
  const styles = useStyles();
  const { surface, linkOpen, setLinkOpen, linkUrl, setLinkUrl, emit, run, openLink, applyLink, onKeyDown } =
    useRichTextEditor(props);

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
