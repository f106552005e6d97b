import * as React from 'react';
import { Button, makeStyles, tokens } from '@fluentui/react-components';
import type { Host } from '../../../domain/host';
import type { IInboxSummary, INotification } from '../../../domain/notifications';
import { useLocale } from '../locale';
import { ErrorBoundary } from '../ErrorBoundary';
import { visuallyHidden } from '../sharedStyles';
import { Spinner } from '../Spinner';
import { useStrings } from '../strings';
import { badgeText, unreadWord } from './inboxTexts';

// The list, its settings and their Drawer load when the bell is first pressed: a first view draws the bell only.
const InboxPanel = React.lazy(() =>
  import(/* webpackChunkName: 'mpk-inbox' */ './InboxPanel').then((m) => ({ default: m.InboxPanel })),
);

/** Props of {@link InboxBell}. */
export interface IInboxBellProps {
  /** The first view's count (no request of its own); undefined until the view is read. */
  summary: IInboxSummary | undefined;
  /** Where the web part runs: in Teams an entry opens its Teams deep link, elsewhere its SharePoint page. */
  host?: Host;
  /**
   * Whether an entry belongs to this web part (a task in the follow-up, an initiative or plan in the
   * plan, a story in the ambitions): then {@link onOpenEntry} opens it here instead of following its link.
   */
  opensHere?(entry: INotification): boolean;
  /** Opens an entry that {@link opensHere} inside the web part. */
  onOpenEntry?(entry: INotification): void;
}

const useStyles = makeStyles({
  badge: {
    marginLeft: tokens.spacingHorizontalXS,
    minWidth: '20px',
    height: '20px',
    paddingLeft: tokens.spacingHorizontalXS,
    paddingRight: tokens.spacingHorizontalXS,
    boxSizing: 'border-box',
    borderRadius: tokens.borderRadiusCircular,
    backgroundColor: tokens.colorBrandBackground,
    color: tokens.colorNeutralForegroundOnBrand,
    fontSize: tokens.fontSizeBase200,
    fontWeight: tokens.fontWeightSemibold,
    lineHeight: '20px',
    textAlign: 'center',
  },
  hidden: visuallyHidden,
});

/** Fluent's "Alert" (bell) 20 regular, inline: @fluentui/react-icons is not part of the bundle. */
function BellIcon(): JSX.Element {
  return (
    <svg width="20" height="20" viewBox="0 0 20 20" fill="currentColor" aria-hidden="true" focusable="false">
      <path d="M10 2a5.92 5.92 0 0 1 5.98 5.36l.02.22V11.4l.92 2.22a1 1 0 0 1 .07.38 1 1 0 0 1-1 1H12.5v.17a2.5 2.5 0 0 1-5 0V15H4a1 1 0 0 1-.92-1.4L4 11.4V7.57A5.9 5.9 0 0 1 10 2Zm1.5 13h-3v.15a1.5 1.5 0 0 0 3 0V15ZM10 3a4.9 4.9 0 0 0-4.98 4.38L5 7.6v3.9l-.04.2L4 14h12l-.96-2.3-.04-.2V7.61A4.9 4.9 0 0 0 10 3Z" />
    </svg>
  );
}

/** "Nyt til dig": the bell with the unread count; pressed, the person's list opens beside the web part. */
export function InboxBell(props: IInboxBellProps): JSX.Element {
  const strings = useStrings();
  const locale = useLocale();
  const styles = useStyles();
  const [summary, setSummary] = React.useState<IInboxSummary>(props.summary ?? { unread: 0, complete: true });
  // A newer view (a reload) brings a newer count.
  React.useEffect(() => {
    if (props.summary) setSummary(props.summary);
  }, [props.summary]);
  const [open, setOpen] = React.useState(false);
  const bell = React.useRef<HTMLButtonElement>(null);
  const wasOpen = React.useRef(false);
  // Focus goes back to the bell when the panel closes.
  React.useEffect(() => {
    if (!open && wasOpen.current) bell.current?.focus();
    wasOpen.current = open;
  }, [open]);
  const close = React.useCallback(() => setOpen(false), []);
  const badge = badgeText(strings, summary, locale);
  const unread = unreadWord(strings, summary, locale);
  return (
    <>
      <Button
        ref={bell}
        appearance="subtle"
        icon={<BellIcon />}
        aria-haspopup="dialog"
        aria-expanded={open}
        onClick={() => setOpen(true)}
        data-mpk="inbox-bell"
      >
        {strings.inbox.bell}
        {/* The name is what shows, and the word after it: "Nyt til dig 3 ulæste" (WCAG 2.5.3). */}
        {badge && (
          <>
            {' '}
            <span className={styles.badge}>{badge}</span>
            <span className={styles.hidden}> {unread}</span>
          </>
        )}
      </Button>
      {open && (
        <ErrorBoundary compact onReset={close}>
          <React.Suspense fallback={<Spinner size="tiny" label={strings.inbox.loading} />}>
            <InboxPanel
              host={props.host}
              opensHere={props.opensHere}
              onOpenEntry={props.onOpenEntry}
              onClose={close}
              onSummary={setSummary}
            />
          </React.Suspense>
        </ErrorBoundary>
      )}
    </>
  );
}
