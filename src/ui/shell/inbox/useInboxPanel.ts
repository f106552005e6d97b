import * as React from 'react';
import type { IPage } from '../../../data/repositories/types';
import type { IInboxSummary, INotification } from '../../../domain/notifications';
import { useAnnounce } from '../Announcer';
import { useServices } from '../services';
import { useStrings } from '../strings';

/** What {@link useInboxPanel} hands to the panel. */
export interface IInboxPanelState {
  status: 'loading' | 'ready' | 'failed';
  entries: INotification[];
  error: unknown;
  reload(): void;
  hasMore: boolean;
  loadingMore: boolean;
  /** "Vis flere": the next page. */
  more(): void;
  /** An entry was opened: it is read from now on. */
  markRead(entry: INotification): Promise<void>;
  /** "Markér alle som læst". */
  markAllRead(): Promise<void>;
  busy: boolean;
  /** A failed "Markér alle som læst" or "Vis flere". */
  actionError: unknown;
  dismissActionError(): void;
}

type SummaryUpdate = (update: (summary: IInboxSummary) => IInboxSummary) => void;

/** The count the bell shows once the list is read: all of it when there is no more to read. */
function summaryAfterLoad(entries: INotification[], hasMore: boolean, before: IInboxSummary): IInboxSummary {
  const unread = entries.filter((n) => !n.read).length;
  return hasMore ? { unread: Math.max(unread, before.unread), complete: before.complete } : { unread, complete: true };
}

/** The person's list: its pages, reading entries and "Markér alle som læst"; the bell's count follows. */
export function useInboxPanel(onSummary: SummaryUpdate): IInboxPanelState {
  const services = useServices();
  const strings = useStrings().inbox;
  const announce = useAnnounce();
  const [status, setStatus] = React.useState<IInboxPanelState['status']>('loading');
  const [entries, setEntries] = React.useState<INotification[]>([]);
  const [error, setError] = React.useState<unknown>();
  const [actionError, setActionError] = React.useState<unknown>();
  const [busy, setBusy] = React.useState(false);
  const [loadingMore, setLoadingMore] = React.useState(false);
  const page = React.useRef<IPage<INotification> | undefined>(undefined);
  const [attempt, setAttempt] = React.useState(0);

  React.useEffect(() => {
    let live = true;
    setStatus('loading');
    services.notifications.page().then(
      (first) => {
        if (!live) return;
        page.current = first;
        setEntries(first.items);
        setStatus('ready');
        onSummary((before) => summaryAfterLoad(first.items, first.hasMore, before));
      },
      (e: unknown) => {
        if (!live) return;
        setError(e);
        setStatus('failed');
      },
    );
    return () => {
      live = false;
    };
  }, [services, attempt, onSummary]);

  const more = (): void => {
    const current = page.current;
    if (!current || !current.hasMore) return;
    setLoadingMore(true);
    setActionError(undefined);
    current
      .nextPage()
      .then((next) => {
        page.current = next;
        setEntries((shown) => [...shown, ...next.items.filter((n) => !shown.some((s) => s.id === n.id))]);
      }, setActionError)
      .finally(() => setLoadingMore(false));
  };

  const markRead = async (entry: INotification): Promise<void> => {
    if (entry.read) return;
    setEntries((shown) => shown.map((n) => (n.id === entry.id ? { ...n, read: true } : n)));
    onSummary((s) => ({ ...s, unread: Math.max(0, s.unread - 1) }));
    // Reading is remembered quietly: a failure leaves the entry unread next time, nothing more.
    await services.notifications.markRead([entry.id]).catch(() => undefined);
  };

  const markAllRead = async (): Promise<void> => {
    setBusy(true);
    setActionError(undefined);
    try {
      await services.notifications.markAllRead();
      setEntries((shown) => shown.map((n) => ({ ...n, read: true })));
      onSummary(() => ({ unread: 0, complete: true }));
      announce(strings.allMarkedRead);
    } catch (e) {
      setActionError(e);
    } finally {
      setBusy(false);
    }
  };

  return {
    status,
    entries,
    error,
    reload: () => setAttempt((n) => n + 1),
    hasMore: page.current?.hasMore ?? false,
    loadingMore,
    more,
    markRead,
    markAllRead,
    busy,
    actionError,
    dismissActionError: () => setActionError(undefined),
  };
}
