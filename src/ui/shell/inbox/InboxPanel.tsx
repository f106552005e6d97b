import * as React from 'react';
import {
  Button,
  DrawerBody,
  DrawerHeader,
  DrawerHeaderTitle,
  OverlayDrawer,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import type { Host } from '../../../domain/host';
import type { IInboxSummary, INotification } from '../../../domain/notifications';
import { DataErrorMessage } from '../DataErrorMessage';
import { plainList } from '../sharedStyles';
import { Spinner } from '../Spinner';
import { useStrings } from '../strings';
import { InboxEntry } from './InboxEntry';
import { InboxSettings } from './InboxSettings';
import { useInboxPanel, type IInboxPanelState } from './useInboxPanel';

/** Props of {@link InboxPanel}. */
export interface IInboxPanelProps {
  host?: Host;
  opensHere?(entry: INotification): boolean;
  onOpenEntry?(entry: INotification): void;
  onClose(): void;
  /** Tells the bell its count after reading. */
  onSummary(update: (summary: IInboxSummary) => IInboxSummary): void;
}

const useStyles = makeStyles({
  body: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalM },
  list: plainList(tokens.spacingVerticalXS),
  actions: { display: 'flex', columnGap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
});

/** "Nyt til dig": the person's entries, newest first, and their settings, in a panel at the side. */
export function InboxPanel(props: IInboxPanelProps): JSX.Element {
  const strings = useStrings().inbox;
  const styles = useStyles();
  const state = useInboxPanel(props.onSummary);
  const [now] = React.useState(() => new Date());
  const opensHere = (entry: INotification): boolean => !!props.onOpenEntry && !!props.opensHere?.(entry);
  const openEntry = (entry: INotification): Promise<void> => {
    const read = state.markRead(entry);
    if (!opensHere(entry)) return read;
    props.onOpenEntry?.(entry);
    props.onClose();
    return Promise.resolve();
  };
  return (
    <OverlayDrawer
      open
      position="end"
      size="medium"
      onOpenChange={(_, data) => !data.open && props.onClose()}
      aria-label={strings.panelTitle}
    >
      <DrawerHeader>
        <DrawerHeaderTitle
          action={
            <Button appearance="subtle" aria-label={strings.close} onClick={props.onClose}>
              ✕
            </Button>
          }
        >
          {strings.panelTitle}
        </DrawerHeaderTitle>
      </DrawerHeader>
      <DrawerBody className={styles.body}>
        <InboxList state={state} host={props.host} now={now} opensHere={opensHere} onOpen={openEntry} />
        <InboxSettings onSaved={state.reload} />
      </DrawerBody>
    </OverlayDrawer>
  );
}

/** The entries with "Markér alle som læst" and "Vis flere". */
function InboxList(props: {
  state: IInboxPanelState;
  host?: Host;
  now: Date;
  opensHere(entry: INotification): boolean;
  onOpen(entry: INotification): Promise<void>;
}): JSX.Element {
  const strings = useStrings().inbox;
  const styles = useStyles();
  const { state } = props;
  if (state.status === 'loading') return <Spinner size="small" label={strings.loading} />;
  if (state.status === 'failed') {
    return <DataErrorMessage error={state.error} title={strings.loadFailed} onRetry={state.reload} />;
  }
  const unread = state.entries.some((n) => !n.read);
  return (
    <>
      {state.actionError !== undefined && (
        <DataErrorMessage error={state.actionError} title={strings.markFailed} onDismiss={state.dismissActionError} />
      )}
      {state.entries.length === 0 ? (
        <p>{strings.empty}</p>
      ) : (
        <ul className={styles.list} aria-label={strings.listLabel}>
          {state.entries.map((entry) => (
            <InboxEntry
              key={entry.id}
              entry={entry}
              host={props.host}
              now={props.now}
              opensHere={props.opensHere}
              onOpen={props.onOpen}
            />
          ))}
        </ul>
      )}
      <div className={styles.actions}>
        {unread && (
          <Button disabledFocusable={state.busy} onClick={() => void state.markAllRead()}>
            {strings.markAllRead}
          </Button>
        )}
        {state.hasMore && (
          <Button disabledFocusable={state.loadingMore} onClick={state.more}>
            {strings.showMore}
          </Button>
        )}
      </div>
    </>
  );
}
