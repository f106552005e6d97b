import * as React from 'react';
import { makeStyles, mergeClasses, tokens, useId } from '@fluentui/react-components';

/** The four kinds of notice, as Fluent's MessageBar names them. */
export type NoticeIntent = 'info' | 'warning' | 'error' | 'success';

/** Props of {@link Notice}: a `div`'s, plus Fluent MessageBar's intent and layout. */
export interface INoticeProps extends React.HTMLAttributes<HTMLDivElement> {
  /** @default 'info' */
  intent?: NoticeIntent;
  /** `auto` is one line until the text does not fit, then `multiline`. @default 'auto' */
  layout?: 'auto' | 'singleline' | 'multiline';
  /** Data attributes pass through to the `div`. */
  [data: `data-${string}`]: string | undefined;
}

type Border = Record<'borderTopColor' | 'borderRightColor' | 'borderBottomColor' | 'borderLeftColor', string>;
function borderColour(colour: string): Border {
  return { borderTopColor: colour, borderRightColor: colour, borderBottomColor: colour, borderLeftColor: colour };
}

// Fluent's MessageBar (with MessageBarBody, -Title and -Actions), drawn the same way with only
// `makeStyles` and longhands: Fluent's brings its own style tables, its reflow, the motion wrapper, the
// announcer hook and the four icons from the icon package — about 5 KB gzip of every first view, which
// draws a notice only when something goes wrong. Ours is the same DOM, classes aside: role `group`
// labelled by the title unless the caller gives a role, the icon hidden from assistive technology.
const useStyles = makeStyles({
  root: {
    whiteSpace: 'nowrap',
    display: 'grid',
    gridTemplateColumns: 'auto 1fr auto auto',
    gridTemplateRows: '1fr',
    gridTemplateAreas: '"icon body secondaryActions actions"',
    paddingLeft: tokens.spacingHorizontalM,
    borderTopStyle: 'solid',
    borderRightStyle: 'solid',
    borderBottomStyle: 'solid',
    borderLeftStyle: 'solid',
    borderTopWidth: tokens.strokeWidthThin,
    borderRightWidth: tokens.strokeWidthThin,
    borderBottomWidth: tokens.strokeWidthThin,
    borderLeftWidth: tokens.strokeWidthThin,
    ...borderColour(tokens.colorNeutralStroke1),
    borderRadius: tokens.borderRadiusMedium,
    alignItems: 'center',
    minHeight: '36px',
    boxSizing: 'border-box',
    backgroundColor: tokens.colorNeutralBackground3,
  },
  multiline: {
    whiteSpace: 'normal',
    alignItems: 'start',
    paddingTop: tokens.spacingVerticalMNudge,
    gridTemplateColumns: 'auto 1fr auto',
    gridTemplateAreas: `
      "icon body actions"
      "secondaryActions secondaryActions secondaryActions"
    `,
  },
  error: { backgroundColor: tokens.colorStatusDangerBackground1, ...borderColour(tokens.colorStatusDangerBorder1) },
  warning: { backgroundColor: tokens.colorStatusWarningBackground1, ...borderColour(tokens.colorStatusWarningBorder1) },
  success: { backgroundColor: tokens.colorStatusSuccessBackground1, ...borderColour(tokens.colorStatusSuccessBorder1) },
  icon: {
    gridArea: 'icon',
    fontSize: tokens.fontSizeBase500,
    marginRight: tokens.spacingHorizontalS,
    color: tokens.colorNeutralForeground3,
    display: 'flex',
    alignItems: 'center',
  },
  iconError: { color: tokens.colorStatusDangerForeground1 },
  iconWarning: { color: tokens.colorStatusWarningForeground3 },
  iconSuccess: { color: tokens.colorStatusSuccessForeground1 },
  svg: {
    display: 'inline',
    lineHeight: 0,
    '@media (forced-colors: active)': { forcedColorAdjust: 'auto' },
  },
  spacer: { marginBottom: tokens.spacingVerticalS, gridArea: 'secondaryActions' },
  body: {
    fontFamily: tokens.fontFamilyBase,
    fontSize: tokens.fontSizeBase300,
    fontWeight: tokens.fontWeightRegular,
    lineHeight: tokens.lineHeightBase300,
    gridArea: 'body',
    paddingRight: tokens.spacingHorizontalM,
  },
  title: {
    fontFamily: tokens.fontFamilyBase,
    fontSize: tokens.fontSizeBase300,
    fontWeight: tokens.fontWeightSemibold,
    lineHeight: tokens.lineHeightBase300,
    '::after': { content: '" "' },
  },
  actions: {
    gridArea: 'secondaryActions',
    display: 'flex',
    columnGap: tokens.spacingHorizontalM,
    paddingRight: tokens.spacingHorizontalM,
  },
  actionsMultiline: {
    justifyContent: 'end',
    marginTop: tokens.spacingVerticalMNudge,
    marginBottom: tokens.spacingVerticalS,
    marginRight: '0px',
    paddingRight: tokens.spacingVerticalM,
  },
});

// Fluent's filled icons of the four intents (20 × 20, `@fluentui/react-icons`).
const ICONS: Record<NoticeIntent, string> = {
  info: 'M18 10a8 8 0 1 0-16 0 8 8 0 0 0 16 0M9.5 8.91a.5.5 0 0 1 1 0v4.69a.5.5 0 0 1-1 0V8.9m-.25-2.16a.75.75 0 1 1 1.5 0 .75.75 0 0 1-1.5 0',
  warning:
    'M7.37 3.56a3 3 0 0 1 5.26 0l5.5 10A3 3 0 0 1 15.5 18h-11a3 3 0 0 1-2.63-4.44zM10 12.75a.75.75 0 1 0 0 1.5.75.75 0 0 0 0-1.5m0-6.25a.5.5 0 0 0-.5.5v4a.5.5 0 0 0 1 0V7a.5.5 0 0 0-.5-.5',
  error:
    'M7.88 1.88a3 3 0 0 1 4.24 0l6 6a3 3 0 0 1 0 4.24l-6 6a3 3 0 0 1-4.24 0l-6-6a3 3 0 0 1 0-4.24zM13.1 6.9a.5.5 0 0 0-.7 0L10 9.3 7.6 6.9a.5.5 0 0 0-.7.7L9.3 10l-2.4 2.4a.5.5 0 0 0 .7.7l2.4-2.4 2.4 2.4a.5.5 0 0 0 .7-.7L10.7 10l2.4-2.4a.5.5 0 0 0 0-.7',
  success:
    'M10 2a8 8 0 1 1 0 16 8 8 0 0 1 0-16m3.36 5.65a.5.5 0 0 0-.64-.06l-.07.06L9 11.3 7.35 9.65l-.07-.06a.5.5 0 0 0-.7.7l.07.07 2 2 .07.06c.17.11.4.11.56 0l.07-.06 4-4 .07-.08a.5.5 0 0 0-.06-.63',
};

interface INoticeContext {
  titleId: string;
  multiline: boolean;
}
const NoticeContext = React.createContext<INoticeContext>({ titleId: '', multiline: false });

/**
 * `auto` layout: one line while the content fits, multiline from the width at which it did not
 * (Fluent's reflow: back to one line only when the notice is again as wide as the line needed).
 */
function useReflow(enabled: boolean): [React.RefCallback<HTMLDivElement>, boolean] {
  const [reflowing, setReflowing] = React.useState(false);
  const observer = React.useRef<ResizeObserver | null>(null);
  const state = React.useRef({ reflowing: false, singleLineWidth: Number.POSITIVE_INFINITY });
  const ref = React.useCallback(
    (el: HTMLDivElement | null) => {
      observer.current?.disconnect();
      observer.current = null;
      const win = el?.ownerDocument.defaultView;
      if (!enabled || !el || !win || typeof win.ResizeObserver !== 'function') return;
      observer.current = new win.ResizeObserver((entries) => {
        const entry = entries[0];
        if (!entry) return;
        const width = entry.borderBoxSize?.[0]?.inlineSize ?? entry.target.getBoundingClientRect().width;
        const s = state.current;
        let next = s.reflowing;
        if (s.reflowing) {
          if (width >= s.singleLineWidth) next = false;
        } else if (width < entry.target.scrollWidth) {
          next = true;
          s.singleLineWidth = entry.target.scrollWidth;
        }
        if (next !== s.reflowing) {
          s.reflowing = next;
          setReflowing(next);
        }
      });
      observer.current.observe(el, { box: 'border-box' });
    },
    [enabled],
  );
  React.useEffect(() => () => observer.current?.disconnect(), []);
  return [ref, reflowing];
}

/** A notice: Fluent's MessageBar look (icon, body, actions), roles and layout. */
export function Notice(props: INoticeProps): JSX.Element {
  const { intent = 'info', layout = 'auto', className, children, ...rest } = props;
  const styles = useStyles();
  const titleId = useId();
  const [ref, reflowing] = useReflow(layout === 'auto');
  const multiline = layout === 'multiline' || (layout === 'auto' && reflowing);
  const context = React.useMemo(() => ({ titleId, multiline }), [titleId, multiline]);
  return (
    <NoticeContext.Provider value={context}>
      <div
        ref={ref}
        role="group"
        aria-labelledby={titleId}
        {...rest}
        className={mergeClasses(
          'mpk-Notice',
          styles.root,
          multiline && styles.multiline,
          intent !== 'info' && styles[intent],
          className,
        )}
      >
        <div
          className={mergeClasses(
            styles.icon,
            intent === 'error'
              ? styles.iconError
              : intent === 'warning'
                ? styles.iconWarning
                : intent === 'success'
                  ? styles.iconSuccess
                  : undefined,
          )}
        >
          <svg
            className={styles.svg}
            fill="currentColor"
            aria-hidden="true"
            width="1em"
            height="1em"
            viewBox="0 0 20 20"
            xmlns="http://www.w3.org/2000/svg"
          >
            <path d={ICONS[intent]} />
          </svg>
        </div>
        {children}
        {multiline && <div className={styles.spacer} />}
      </div>
    </NoticeContext.Provider>
  );
}

/** The text of a {@link Notice} (Fluent's MessageBarBody). */
export function NoticeBody(props: React.HTMLAttributes<HTMLDivElement>): JSX.Element {
  const styles = useStyles();
  return <div {...props} className={mergeClasses('mpk-Notice__body', styles.body, props.className)} />;
}

/** The bold start of a {@link Notice}'s text, which labels the notice (Fluent's MessageBarTitle). */
export function NoticeTitle(props: React.HTMLAttributes<HTMLSpanElement>): JSX.Element {
  const styles = useStyles();
  const { titleId } = React.useContext(NoticeContext);
  return <span id={titleId} {...props} className={mergeClasses('mpk-Notice__title', styles.title, props.className)} />;
}

/**
 * The buttons of a {@link Notice} (Fluent's MessageBarActions): at the end of the line, or under the
 * text when multiline. Give them `size="small"` (Fluent's MessageBarActions makes its buttons small).
 */
export function NoticeActions(props: React.HTMLAttributes<HTMLDivElement>): JSX.Element {
  const styles = useStyles();
  const { multiline } = React.useContext(NoticeContext);
  return (
    <div
      {...props}
      className={mergeClasses(
        'mpk-Notice__actions',
        styles.actions,
        multiline && styles.actionsMultiline,
        props.className,
      )}
    />
  );
}
