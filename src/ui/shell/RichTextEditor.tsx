import * as React from 'react';
import { Button, Input, makeStyles, mergeClasses, Toolbar, ToolbarButton, tokens } from '@fluentui/react-components';
import { Link20Regular } from '@fluentui/react-icons/lib/atoms/svg/link';
import { TextBold20Regular } from '@fluentui/react-icons/lib/atoms/svg/text-bold';
import { TextBulletListLtr20Regular } from '@fluentui/react-icons/lib/atoms/svg/text-bullet-list-ltr';
import { TextItalic20Regular } from '@fluentui/react-icons/lib/atoms/svg/text-italic';
import { TextNumberListLtr20Regular } from '@fluentui/react-icons/lib/atoms/svg/text-number-list-ltr';
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
  // Icon buttons of at least 32 px (a thumb's target on a phone): five fit one row at 360 px.
  tool: { minWidth: '32px', minHeight: '32px' },
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

/** One icon button of the toolbar: its Danish name for screen readers, and as a tooltip (with its shortcut). */
function Tool(props: {
  name: string;
  title?: string;
  shortcut?: string;
  onClick(): void;
  children: JSX.Element;
}): JSX.Element {
  const styles = useStyles();
  return (
    <ToolbarButton
      className={styles.tool}
      aria-label={props.name}
      title={props.title || props.name}
      aria-keyshortcuts={props.shortcut}
      icon={props.children}
      onClick={props.onClick}
    />
  );
}

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
        <Tool name={strings.bold} title={strings.boldTitle} shortcut="Control+B" onClick={() => run('bold')}>
          <TextBold20Regular />
        </Tool>
        <Tool name={strings.italic} title={strings.italicTitle} shortcut="Control+I" onClick={() => run('italic')}>
          <TextItalic20Regular />
        </Tool>
        <Tool name={strings.bulletList} onClick={() => run('insertUnorderedList')}>
          <TextBulletListLtr20Regular />
        </Tool>
        <Tool name={strings.numberedList} onClick={() => run('insertOrderedList')}>
          <TextNumberListLtr20Regular />
        </Tool>
        <Tool name={strings.link} onClick={openLink}>
          <Link20Regular />
        </Tool>
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
