import * as React from 'react';
import { Button, Link, makeStyles, Spinner, Text, tokens } from '@fluentui/react-components';

/** One thing that would alert a person in Teams (`GET /_local/graph/inbox?user=<email>`, newest first). */
export interface ITeamsInboxEntry {
  kind: 'channelMention' | 'chatMessage' | 'activity';
  from: string;
  text: string;
  webUrl?: string;
  links?: string[];
  at: string;
}

/** Props of {@link TeamsInbox}. */
export interface ITeamsInboxProps {
  /** The person whose Teams is shown (the preview's chosen user). */
  user: string;
  /** Polling interval while open. @default 3000 */
  pollMs?: number;
  /** The fetch to use (tests stub it). @default window.fetch */
  fetcher?: typeof fetch;
}

const KIND_LABELS: Record<ITeamsInboxEntry['kind'], string> = {
  channelMention: 'Omtale i kanal',
  chatMessage: 'Chatbesked',
  activity: 'Aktivitet',
};

const useStyles = makeStyles({
  root: {
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalS,
    padding: tokens.spacingHorizontalM,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground2,
    minWidth: '280px',
    maxWidth: '360px',
  },
  head: { display: 'flex', justifyContent: 'space-between', alignItems: 'center' },
  list: { listStyleType: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', rowGap: '8px' },
  item: {
    padding: tokens.spacingHorizontalS,
    backgroundColor: tokens.colorNeutralBackground1,
    borderRadius: tokens.borderRadiusMedium,
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalXXS,
    overflowWrap: 'anywhere',
  },
  meta: { color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200 },
});

/** Reads the person's Teams inbox from the local Graph, again every few seconds while shown. */
function useTeamsInbox(
  user: string,
  pollMs: number,
  fetcher: typeof fetch | undefined,
): { entries: ITeamsInboxEntry[] | undefined; error: string | undefined; refresh(): void } {
  const [entries, setEntries] = React.useState<ITeamsInboxEntry[]>();
  const [error, setError] = React.useState<string>();
  const [tick, setTick] = React.useState(0);
  React.useEffect(() => {
    let live = true;
    const get: (url: string) => Promise<Response> = fetcher ?? ((url) => window.fetch(url));
    get(`/_local/graph/inbox?user=${encodeURIComponent(user)}`)
      .then(async (response: Response) => {
        if (!response.ok) throw new Error(`HTTP ${response.status}`);
        return (await response.json()) as ITeamsInboxEntry[];
      })
      .then(
        (read: ITeamsInboxEntry[]) => {
          if (!live) return;
          setEntries(read);
          setError(undefined);
        },
        (e: unknown) => live && setError(e instanceof Error ? e.message : String(e)),
      );
    const timer = window.setTimeout(() => live && setTick((n) => n + 1), pollMs);
    return () => {
      live = false;
      window.clearTimeout(timer);
    };
  }, [user, tick, pollMs, fetcher]);
  return { entries, error, refresh: () => setTick((n) => n + 1) };
}

/** The chosen person's Teams (channel mentions, chats, activity), beside the web part. */
export function TeamsInbox(props: ITeamsInboxProps): JSX.Element {
  const styles = useStyles();
  const { entries, error, refresh } = useTeamsInbox(props.user, props.pollMs ?? 3000, props.fetcher);
  return (
    <aside className={styles.root} aria-label={`Teams for ${props.user}`}>
      <div className={styles.head}>
        <Text weight="semibold">{`Teams – ${props.user}`}</Text>
        <Button size="small" onClick={refresh}>
          Opdatér
        </Button>
      </div>
      {error && <Text role="alert">{`Den lokale Graph svarede ikke: ${error}`}</Text>}
      {!entries && !error && <Spinner size="tiny" label="Henter …" />}
      {entries && entries.length === 0 && <Text>Ingen beskeder i Teams endnu.</Text>}
      {entries && entries.length > 0 && (
        <ul className={styles.list}>
          {entries.map((entry, i) => (
            <TeamsInboxItem key={`${entry.at}-${i}`} entry={entry} />
          ))}
        </ul>
      )}
    </aside>
  );
}

function TeamsInboxItem({ entry }: { entry: ITeamsInboxEntry }): JSX.Element {
  const styles = useStyles();
  const links = [entry.webUrl, ...(entry.links ?? [])].filter(
    (href, i, all): href is string => !!href && all.indexOf(href) === i,
  );
  return (
    <li className={styles.item} data-kind={entry.kind}>
      <Text weight="semibold">{KIND_LABELS[entry.kind] ?? entry.kind}</Text>
      <Text>{entry.text}</Text>
      <Text className={styles.meta}>{`Fra ${entry.from} · ${new Date(entry.at).toLocaleString('da-DK')}`}</Text>
      {links.map((href) => (
        <Link key={href} href={href} target="_blank" rel="noopener noreferrer">
          {href.length > 60 ? `${href.slice(0, 57)}…` : href}
        </Link>
      ))}
    </li>
  );
}
