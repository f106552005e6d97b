import * as React from 'react';
import { Button, makeStyles, tokens, useId } from '@fluentui/react-components';
import { Spinner } from '../shell/Spinner';
import { Notice, NoticeActions, NoticeBody } from '../shell/Notice';
import type { IStory } from '../../domain/model';
import { MODERATION_STATUS } from '../../domain/workflow';
import type { IAmbition, IPage } from '../../data/repositories/types';
import { DataErrorMessage } from '../shell/DataErrorMessage';
import { ErrorBoundary } from '../shell/ErrorBoundary';
import { draftOwner, hasDraft } from '../shell/drafts';
import { useServices } from '../shell/services';
import { TabStrip } from '../shell/TabStrip';
import { fill, useStrings } from '../shell/strings';
import { useAnnounce } from '../shell/Announcer';
import { MyStories } from './MyStories';
import { StoryFeed } from './StoryFeed';
import { STORY_DRAFT_KEY, unitOptions, type IFeedScope } from './storyModel';
import type { IAmbitionsViewModel } from './useAmbitionsView';
import { useRecognitions } from './useRecognitions';
import { useStoryFeed } from './useStoryFeed';

// What the first view does not show loads on first use, each in its own chunk.
const StoryForm = React.lazy(() =>
  import(/* webpackChunkName: 'mpk-story-form' */ './StoryForm').then((m) => ({ default: m.StoryForm })),
);
const ReflectionNotes = React.lazy(() =>
  import(/* webpackChunkName: 'mpk-reflections' */ './ReflectionNotes').then((m) => ({ default: m.ReflectionNotes })),
);
const ModerationQueue = React.lazy(() =>
  import(/* webpackChunkName: 'mpk-moderation' */ './ModerationQueue').then((m) => ({ default: m.ModerationQueue })),
);

/** Props of {@link StoriesArea}. */
export interface IStoriesAreaProps {
  view: IAmbitionsViewModel;
  /** The ambitions this web part shows. */
  ambitions: readonly IAmbition[];
  scope: IFeedScope;
  pageSize: number;
}

type TabValue = 'stories' | 'notes' | 'moderation';

/** Pending stories per "Vis flere" in the approvers' queue. */
const QUEUE_PAGE_SIZE = 20;

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalM, minWidth: 0 },
  tabs: { flexWrap: 'wrap' },
  panel: {
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalL,
    minWidth: 0,
    // `display: flex` would beat the hidden attribute's own `display: none`.
    '&[hidden]': { display: 'none' },
  },
  write: { alignSelf: 'flex-start' },
});

/** The lower half of the web part: hverdagshistorier, "Egne noter" and, for editors, approval. */
export function StoriesArea(props: IStoriesAreaProps): JSX.Element {
  const { view, scope, pageSize } = props;
  const strings = useStrings();
  const services = useServices();
  const announce = useAnnounce();
  const styles = useStyles();
  const baseId = useId('mpk-stories-tabs');
  const userId = services.user.id;

  const feed = useStoryFeed({ firstPage: view.stories, featured: view.featuredStories, scope, pageSize });
  const recognitions = useRecognitions(view.myRecognitions);
  const [myPending, setMyPending] = React.useState<IStory[]>(view.myPendingStories);
  const [queue, setQueue] = React.useState<IStory[] | undefined>(view.pendingForModeration);
  // "Vis flere" in the queue: the next page of `stories.listPending`, from where the view stopped.
  const [queueNext, setQueueNext] = React.useState<(() => Promise<IPage<IStory>>) | undefined>(() => {
    const stories = services.stories;
    if (!view.morePendingForModeration || !stories.listPending) return undefined;
    return () =>
      stories.listPending
        ? stories.listPending(QUEUE_PAGE_SIZE, view.pendingBelow)
        : Promise.reject(new Error('listPending'));
  });
  const [tab, setTab] = React.useState<TabValue>('stories');
  // A draft of a new story waiting in the browser (this person's) opens the form by itself.
  const [formOpen, setFormOpen] = React.useState(() => hasDraft(draftOwner(services.user), STORY_DRAFT_KEY));
  const [justPosted, setJustPosted] = React.useState<IStory>();
  const [featureBusy, setFeatureBusy] = React.useState<Set<number>>(new Set());
  const [featureError, setFeatureError] = React.useState<unknown>();
  const writeButton = React.useRef<HTMLButtonElement>(null);
  // A tab's panel is filled the first time it is chosen (and then kept, with what was typed in it).
  const [visited, setVisited] = React.useState<ReadonlySet<TabValue>>(() => new Set<TabValue>(['stories']));
  const selectTab = (value: TabValue): void => {
    setTab(value);
    setVisited((set) => (set.has(value) ? set : new Set(set).add(value)));
  };
  const loading = <Spinner size="tiny" label={strings.common.loading} />;

  const units = unitOptions(view.units, scope.unitIds);
  const storyUnits = unitOptions(view.units);

  const onCreated = (story: IStory): void => {
    setMyPending((list) => [story].concat(list.filter((s) => s.id !== story.id)));
    if (queue && view.isSiteOwner) setQueue((list) => [story].concat((list || []).filter((s) => s.id !== story.id)));
    setFormOpen(false);
    setJustPosted(story);
    announce(strings.stories.postedAnnouncement);
  };

  const showMorePending = async (): Promise<number> => {
    if (!queueNext) return 0;
    const page = await queueNext();
    const shown = new Set((queue || []).map((s) => s.id));
    const added = page.items.filter((s) => !shown.has(s.id));
    setQueue((list) => (list || []).concat(added.filter((s) => !(list || []).some((x) => x.id === s.id))));
    setQueueNext(() => (page.hasMore ? page.nextPage : undefined));
    return added.length;
  };

  const onModerated = (story: IStory): void => {
    setQueue((list) => (list || []).filter((s) => s.id !== story.id));
    // The author's own list follows: published stories leave it, rejected ones say so.
    setMyPending((list) =>
      story.moderationStatus === MODERATION_STATUS.approved
        ? list.filter((s) => s.id !== story.id)
        : list.map((s) => (s.id === story.id ? story : s)),
    );
    if (story.moderationStatus === MODERATION_STATUS.approved) feed.addPublished(story);
  };

  const toggleFeatured = async (story: IStory): Promise<void> => {
    const id = story.id as number;
    setFeatureBusy((set) => new Set(set).add(id));
    setFeatureError(undefined);
    try {
      const updated = await services.stories.setFeatured(story, !story.featured);
      // The repository reads the item back without its recognitions: keep the count we know.
      const next = { ...updated, recognitionCount: story.recognitionCount };
      feed.updateStory(id, () => next);
      feed.setFeatured(next);
      announce(
        fill(next.featured ? strings.stories.featuredAnnouncement : strings.stories.unfeaturedAnnouncement, {
          title: story.title,
        }),
      );
    } catch (error) {
      setFeatureError(error);
    } finally {
      setFeatureBusy((set) => {
        const next = new Set(set);
        next.delete(id);
        return next;
      });
    }
  };

  const tabs: Array<{ value: TabValue; label: string }> = [
    { value: 'stories', label: strings.stories.tab },
    { value: 'notes', label: strings.reflections.tab },
  ];
  if (view.isSiteOwner && queue) {
    tabs.push({
      value: 'moderation',
      label: fill(strings.moderation.tab, { count: queueNext ? `${queue.length}+` : queue.length }),
    });
  }
  const tabId = (value: TabValue): string => `${baseId}-${value}-tab`;
  const panelId = (value: TabValue): string => `${baseId}-${value}-panel`;

  return (
    <div className={styles.root}>
      <TabStrip<TabValue>
        className={styles.tabs}
        selected={tab}
        onSelect={selectTab}
        label={strings.stories.tabsLabel}
        tabs={tabs.map((t) => ({ value: t.value, label: t.label, id: tabId(t.value), controls: panelId(t.value) }))}
      />

      <div
        role="tabpanel"
        id={panelId('stories')}
        aria-labelledby={tabId('stories')}
        hidden={tab !== 'stories'}
        className={styles.panel}
      >
        {justPosted && (
          <Notice intent="success" layout="multiline">
            <NoticeBody>{fill(strings.stories.postedMessage, { title: justPosted.title })}</NoticeBody>
            <NoticeActions>
              <Button size="small" onClick={() => setJustPosted(undefined)}>
                {strings.errorNotice.dismiss}
              </Button>
            </NoticeActions>
          </Notice>
        )}
        {view.canPostStory &&
          (formOpen ? (
            <ErrorBoundary>
              <React.Suspense fallback={loading}>
                <StoryForm
                  ambitions={props.ambitions}
                  units={storyUnits.filter((u) => scope.unitIds.length === 0 || scope.unitIds.indexOf(u.id) >= 0)}
                  scope={scope}
                  onCreated={onCreated}
                  onClose={() => {
                    setFormOpen(false);
                    window.setTimeout(() => writeButton.current?.focus(), 0);
                  }}
                />
              </React.Suspense>
            </ErrorBoundary>
          ) : (
            <Button ref={writeButton} appearance="primary" className={styles.write} onClick={() => setFormOpen(true)}>
              {strings.stories.write}
            </Button>
          ))}
        <MyStories stories={myPending} ambitions={view.ambitions} units={view.units} currentUserId={userId} />
        {featureError !== undefined && (
          <DataErrorMessage
            error={featureError}
            title={strings.stories.featureFailed}
            onDismiss={() => setFeatureError(undefined)}
          />
        )}
        <StoryFeed
          feed={feed}
          recognitions={recognitions}
          ambitions={props.ambitions}
          units={view.units}
          unitOptions={units}
          currentUserId={userId}
          canFeature={view.isSiteOwner}
          featureBusy={featureBusy}
          onToggleFeatured={(story) => void toggleFeatured(story)}
          onRecognitionChanged={(story, delta) =>
            feed.updateStory(story.id as number, (s) => ({
              ...s,
              recognitionCount: Math.max(0, (s.recognitionCount || 0) + delta),
            }))
          }
        />
      </div>

      <div
        role="tabpanel"
        id={panelId('notes')}
        aria-labelledby={tabId('notes')}
        hidden={tab !== 'notes'}
        className={styles.panel}
      >
        {visited.has('notes') && (
          <ErrorBoundary>
            <React.Suspense fallback={loading}>
              <ReflectionNotes reflections={view.myReflections} ambitions={view.ambitions} />
            </React.Suspense>
          </ErrorBoundary>
        )}
      </div>

      {view.isSiteOwner && queue && (
        <div
          role="tabpanel"
          id={panelId('moderation')}
          aria-labelledby={tabId('moderation')}
          hidden={tab !== 'moderation'}
          className={styles.panel}
        >
          {visited.has('moderation') && (
            <ErrorBoundary>
              <React.Suspense fallback={loading}>
                <ModerationQueue
                  stories={queue}
                  ambitions={view.ambitions}
                  units={view.units}
                  currentUserId={userId}
                  onModerated={onModerated}
                  hasMore={queueNext !== undefined}
                  onShowMore={showMorePending}
                />
              </React.Suspense>
            </ErrorBoundary>
          )}
        </div>
      )}
    </div>
  );
}
