import * as React from 'react';
import { makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import type { Host } from '../../../domain/host';
import type { INotification } from '../../../domain/notifications';
import { useLocale } from '../locale';
import { visuallyHidden } from '../sharedStyles';
import { useStrings } from '../strings';
import { sentenceOf, whenOf } from './inboxTexts';

/** Props of {@link InboxEntry}. */
export interface IInboxEntryProps {
  entry: INotification;
  host?: Host;
  /** The web part opens the entry itself when it belongs there (true), else the link is followed. */
  opensHere(entry: INotification): boolean;
  /** Opens it: marks it read, and opens it inside the web part when it belongs there. */
  onOpen(entry: INotification): Promise<void>;
  /** "now" for "I dag"/"I går". */
  now: Date;
}

const useStyles = makeStyles({
  item: {
    display: 'flex',
    columnGap: tokens.spacingHorizontalS,
    padding: tokens.spacingHorizontalS,
    borderRadius: tokens.borderRadiusMedium,
  },
  unreadItem: { backgroundColor: tokens.colorBrandBackground2 },
  dot: {
    flexShrink: 0,
    width: '8px',
    height: '8px',
    marginTop: '6px',
    borderRadius: tokens.borderRadiusCircular,
  },
  unreadDot: { backgroundColor: tokens.colorBrandForeground1 },
  text: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalXXS, minWidth: 0 },
  sentence: { color: tokens.colorNeutralForeground1, fontWeight: tokens.fontWeightRegular },
  unreadSentence: { fontWeight: tokens.fontWeightSemibold },
  opener: {
    textAlign: 'start',
    padding: 0,
    border: 'none',
    backgroundColor: 'transparent',
    fontFamily: 'inherit',
    fontSize: 'inherit',
    cursor: 'pointer',
    color: tokens.colorBrandForegroundLink,
    textDecorationLine: 'underline',
  },
  when: { color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200 },
  hidden: visuallyHidden,
});

/** The link an entry follows when the web part does not open it: Teams in Teams, else the SharePoint page. */
export function linkOf(entry: INotification, host: Host | undefined): string | undefined {
  const inTeams = host === 'teams-channel' || host === 'teams-personal';
  return inTeams ? (entry.links?.teams ?? entry.links?.page) : entry.links?.page;
}

/** One entry: unread marked (a dot, bold, and "Ulæst" for screen readers), its sentence and when. */
export function InboxEntry(props: IInboxEntryProps): JSX.Element {
  const allStrings = useStrings();
  const strings = allStrings.inbox;
  const locale = useLocale();
  const styles = useStyles();
  const { entry } = props;
  const sentence = sentenceOf(allStrings, entry, locale);
  const unread = !entry.read;
  const textClass = mergeClasses(styles.sentence, unread && styles.unreadSentence);
  return (
    <li className={mergeClasses(styles.item, unread && styles.unreadItem)} data-mpk-entry={entry.id}>
      <span className={mergeClasses(styles.dot, unread && styles.unreadDot)} aria-hidden="true" />
      <span className={styles.text}>
        <EntryText {...props} className={textClass} openerClass={styles.opener}>
          {unread && <span className={styles.hidden}>{strings.unread}: </span>}
          {sentence}
        </EntryText>
        <span className={styles.when}>{whenOf(allStrings, entry.at, props.now, locale)}</span>
      </span>
    </li>
  );
}

/** The sentence as a button (opens here), a link (Teams or the page), or plain text (nowhere to go). */
function EntryText(
  props: IInboxEntryProps & { className: string; openerClass: string; children: React.ReactNode },
): JSX.Element {
  const { entry } = props;
  const className = mergeClasses(props.className, props.openerClass);
  if (props.opensHere(entry)) {
    return (
      <button type="button" className={className} onClick={() => void props.onOpen(entry)}>
        {props.children}
      </button>
    );
  }
  const href = linkOf(entry, props.host);
  if (!href) return <span className={props.className}>{props.children}</span>;
  const newWindow = href !== entry.links?.page;
  const onClick = (e: React.MouseEvent<HTMLAnchorElement>): void => {
    if (newWindow || entry.read || e.ctrlKey || e.metaKey || e.shiftKey || e.button !== 0) {
      void props.onOpen(entry);
      return;
    }
    // The page replaces this one: remember the entry as read first.
    e.preventDefault();
    void props.onOpen(entry).then(() => window.location.assign(href));
  };
  return (
    <a
      className={className}
      href={href}
      target={newWindow ? '_blank' : undefined}
      rel={newWindow ? 'noopener noreferrer' : undefined}
      onClick={onClick}
    >
      {props.children}
    </a>
  );
}
