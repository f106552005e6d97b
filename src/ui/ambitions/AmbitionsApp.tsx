import * as React from 'react';
import { Button, makeStyles, Text, tokens, Title2 } from '@fluentui/react-components';
import { Spinner } from '../shell/Spinner';
import { AMBITIONS } from '../../domain/ambitions';
import { DataErrorMessage } from '../shell/DataErrorMessage';
import { ThrottleNotice } from '../shell/ThrottleNotice';
import { ErrorBoundary } from '../shell/ErrorBoundary';
import { ProvisionSitePanel } from '../shell/SetupPanel';
import { SiteHealth } from '../shell/SiteHealth';
import { useStrings } from '../shell/strings';
import { AmbitionList } from './AmbitionList';
import { AnnouncerProvider } from '../shell/Announcer';
import { StoriesArea } from './StoriesArea';
import { serverFilters, type IFeedScope } from './storyModel';
import { useAmbitionsView } from './useAmbitionsView';
import { Unavailable, type UnavailablePart } from '../shell/Unavailable';
import { useSurfaceStyles } from '../shell/sharedStyles';
import { useNarrow } from '../shell/useNarrow';
import { chooseUnitId, chosenUnitId, ownUnitId } from './ownUnit';
import { DeliveryLine } from '../shell/inbox/DeliveryLine';
import { InboxBell } from '../shell/inbox/InboxBell';
import { linkedItemId, pageSearch } from '../shell/inbox/linkedItem';
import { TitleRow } from '../shell/inbox/TitleRow';

/** The parts of the view shown in the stories area. */
const STORY_PARTS: readonly UnavailablePart[] = ['featured', 'feed', 'myStories', 'moderation', 'recognitions'];

/** Props of {@link AmbitionsApp} (the web part's property pane sets them). */
export interface IAmbitionsAppProps {
  /** Show the block of five ambitions. @default true */
  showAmbitions?: boolean;
  /** Stories per page in the feed. @default 10 */
  pageSize?: number;
  /** Which ambitions to show (their keys), in the cards, the feed and the filters; empty = all. @default [] */
  ambitionKeys?: string[];
  /** Which units' stories to show; empty = all. @default [] */
  unitIds?: number[];
  /** The story to open (`?mpkStory=<id>`). When absent, the page's own address is read. */
  storyId?: number;
}

const useStyles = makeStyles({
  header: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalXS },
  heading: { margin: 0 },
  write: { alignSelf: 'flex-start' },
});

/** The intranet web part "Ambitioner og hverdagshistorier". */
export function AmbitionsApp(props: IAmbitionsAppProps): JSX.Element {
  return (
    <ErrorBoundary>
      <AnnouncerProvider>
        <AmbitionsSurface {...props} />
      </AnnouncerProvider>
    </ErrorBoundary>
  );
}

function AmbitionsSurface(props: IAmbitionsAppProps): JSX.Element {
  const strings = useStrings();
  const styles = useStyles();
  const surface = useSurfaceStyles();
  const pageSize = props.pageSize && props.pageSize > 0 ? Math.floor(props.pageSize) : 10;
  const scope: IFeedScope = { ambitionKeys: props.ambitionKeys || [], unitIds: props.unitIds || [] };
  const { view, status, error, reload } = useAmbitionsView(serverFilters({}, scope), pageSize);
  const [setupOpen, setSetupOpen] = React.useState(false);
  const [writeRequests, setWriteRequests] = React.useState(0);
  // On a phone the five ambitions come before the stories: "Skriv en hverdagshistorie" is one tap from the top.
  const narrow = useNarrow();
  const [chosenUnit, setChosenUnit] = React.useState(chosenUnitId);
  const [linkedStory, setLinkedStory] = React.useState(() => ({
    id: props.storyId ?? linkedItemId('story', pageSearch()),
    n: 0,
  }));
  // A new view (after "Klargør site") starts the stories afresh.
  const viewRevision = React.useRef(0);
  const shownView = React.useRef(view);
  if (shownView.current !== view) {
    shownView.current = view;
    viewRevision.current++;
  }

  const inScope = <T extends { key: string }>(ambitions: readonly T[]): T[] =>
    scope.ambitionKeys.length === 0
      ? ambitions.slice()
      : ambitions.filter((a) => scope.ambitionKeys.indexOf(a.key) >= 0);
  const ambitions = view ? inScope(view.ambitions) : inScope(AMBITIONS);
  const needsSetup = !!view && (!view.schema.provisioned || view.schema.needsUpgrade);

  return (
    <div className={surface.root}>
      <header className={styles.header}>
        <TitleRow
          bell={
            <InboxBell
              summary={view?.inbox}
              opensHere={(entry) => entry.target.type === 'story'}
              onOpenEntry={(entry) => setLinkedStory((before) => ({ id: entry.target.id, n: before.n + 1 }))}
            />
          }
        >
          <Title2 as="h2" className={styles.heading}>
            {strings.ambitions.webPartTitle}
          </Title2>
        </TitleRow>
        <Text as="p">{strings.ambitions.lead}</Text>
        {narrow && view && view.schema.provisioned && view.canPostStory && props.showAmbitions !== false && (
          <Button appearance="primary" className={styles.write} onClick={() => setWriteRequests((n) => n + 1)}>
            {strings.stories.write}
          </Button>
        )}
      </header>
      <ThrottleNotice />
      <DeliveryLine />
      {!view && status === 'loading' && <Spinner size="small" label={strings.common.loading} />}
      {error !== undefined && <DataErrorMessage error={error} title={strings.common.loadFailed} onRetry={reload} />}
      {view && (needsSetup || setupOpen) && (
        <ProvisionSitePanel
          schema={view.schema}
          isSiteOwner={view.isSiteOwner}
          note={strings.ambitions.notProvisionedNote}
          onProvisioned={() => {
            setSetupOpen(true);
            reload();
          }}
          onDismiss={() => setSetupOpen(false)}
        />
      )}
      {view && <SiteHealth isSiteOwner={view.isSiteOwner && !needsSetup} />}
      {props.showAmbitions !== false && view && <Unavailable parts={view.unavailable} only={['counts']} />}
      {props.showAmbitions !== false && (view || error !== undefined) && (
        <AmbitionList
          ambitions={ambitions}
          counts={view?.schema.provisioned ? view.counts : undefined}
          countsComplete={view?.countsComplete}
          ownUnit={
            view?.schema.provisioned
              ? {
                  unitId: ownUnitId(view.units, scope.unitIds, chosenUnit, view.myUnitId),
                  units: view.units,
                  onChoose: (id) => {
                    chooseUnitId(id);
                    setChosenUnit(id);
                  },
                }
              : undefined
          }
        />
      )}
      {view && view.schema.provisioned && <Unavailable parts={view.unavailable} only={STORY_PARTS} />}
      {view && view.schema.provisioned && (
        <ErrorBoundary>
          <StoriesArea
            key={viewRevision.current}
            view={view}
            ambitions={inScope(view.ambitions)}
            scope={scope}
            pageSize={pageSize}
            linkedStory={linkedStory}
            writeRequests={writeRequests}
          />
        </ErrorBoundary>
      )}
    </div>
  );
}
