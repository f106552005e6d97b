import * as React from 'react';
import { Button, makeStyles, tokens, useId } from '@fluentui/react-components';
import { Spinner } from '../shell/Spinner';
import { Notice, NoticeActions, NoticeBody } from '../shell/Notice';
import { DataErrorMessage } from '../shell/DataErrorMessage';
import { ErrorBoundary } from '../shell/ErrorBoundary';
import { useServices } from '../shell/services';
import { TabStrip } from '../shell/TabStrip';
import { fill, useStrings } from '../shell/strings';
import { MyStories } from './MyStories';
import { useLinkedStory } from './useLinkedStory';
import { StoryFeed } from './StoryFeed';
import type { IUnitItem } from '../../data/repositories/types';
import { unitOptions } from './storyModel';
import type { IStoriesAreaProps, StoriesTab } from './StoriesArea.types';
import { useStoriesArea, type IStoriesAreaState } from './useStoriesArea';

export type { IStoriesAreaProps } from './StoriesArea.types';

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

/** What every list of story cards needs besides the stories: the units to name, the reader ("dig"). */
function cardContext(view: IStoriesAreaProps['view'], userId: number): { units: IUnitItem[]; currentUserId: number } {
  return { units: view.units, currentUserId: userId };
}

/** The lower half of the web part: hverdagshistorier, "Egne noter" and, for editors, approval. */
export function StoriesArea(props: IStoriesAreaProps): JSX.Element {
  const { view } = props;
  const strings = useStrings();
  const styles = useStyles();
  const baseId = useId('mpk-stories-tabs');
  const state = useStoriesArea(props);
  useLinkedStory(props.linkedStory, state.selectTab);
  const { queue, tab, visited } = state;
  const userId = useServices().user.id;
  const moderating = view.isSiteOwner && !!queue;

  const tabs: Array<{ value: StoriesTab; label: string }> = [
    { value: 'stories', label: strings.stories.tab },
    { value: 'notes', label: strings.reflections.tab },
  ];
  if (moderating && queue) {
    const count = state.queueHasMore ? `${queue.length}+` : queue.length;
    tabs.push({ value: 'moderation', label: fill(strings.moderation.tab, { count }) });
  }
  const tabId = (value: StoriesTab): string => `${baseId}-${value}-tab`;
  const panelId = (value: StoriesTab): string => `${baseId}-${value}-panel`;
  const panel = (value: StoriesTab, children: React.ReactNode): JSX.Element => (
    <div
      role="tabpanel"
      id={panelId(value)}
      aria-labelledby={tabId(value)}
      hidden={tab !== value}
      className={styles.panel}
    >
      {children}
    </div>
  );
  // A chunk's panel, once chosen.
  const lazyPanel = (value: StoriesTab, children: React.ReactNode): JSX.Element =>
    panel(
      value,
      visited.has(value) && (
        <ErrorBoundary>
          <React.Suspense fallback={<Spinner size="tiny" label={strings.common.loading} />}>{children}</React.Suspense>
        </ErrorBoundary>
      ),
    );

  return (
    <div className={styles.root}>
      <TabStrip<StoriesTab>
        className={styles.tabs}
        selected={tab}
        onSelect={state.selectTab}
        label={strings.stories.tabsLabel}
        tabs={tabs.map((t) => ({ value: t.value, label: t.label, id: tabId(t.value), controls: panelId(t.value) }))}
      />
      {panel('stories', <StoriesPanel {...props} state={state} userId={userId} />)}
      {lazyPanel('notes', <ReflectionNotes ambitions={view.ambitions} />)}
      {moderating &&
        queue &&
        lazyPanel(
          'moderation',
          <ModerationQueue
            stories={queue}
            ambitions={view.ambitions}
            {...cardContext(view, userId)}
            onModerated={state.onModerated}
            hasMore={state.queueHasMore}
            onShowMore={state.showMorePending}
          />,
        )}
    </div>
  );
}

/** The "Hverdagshistorier" tab: the story form (or its button), one's own stories and the feed. */
function StoriesPanel(props: IStoriesAreaProps & { state: IStoriesAreaState; userId: number }): JSX.Element {
  const { view, scope, state } = props;
  const strings = useStrings();
  const styles = useStyles();
  const units = unitOptions(view.units, scope.unitIds);
  const storyUnits = unitOptions(view.units);
  return (
    <>
      {state.justPosted && (
        <Notice intent="success" layout="multiline">
          <NoticeBody>
            {fill(state.justPosted.resent ? strings.stories.resentMessage : strings.stories.postedMessage, {
              title: state.justPosted.story.title,
            })}
          </NoticeBody>
          <NoticeActions>
            <Button size="small" onClick={state.dismissPosted}>
              {strings.errorNotice.dismiss}
            </Button>
          </NoticeActions>
        </Notice>
      )}
      {view.canPostStory &&
        (state.formOpen ? (
          <ErrorBoundary>
            <React.Suspense fallback={<Spinner size="tiny" label={strings.common.loading} />}>
              <StoryForm
                key={state.correcting?.id ?? 'new'}
                correcting={state.correcting}
                takeFocus={state.formTakesFocus}
                ambitions={props.ambitions}
                units={storyUnits.filter((u) => scope.unitIds.length === 0 || scope.unitIds.indexOf(u.id) >= 0)}
                scope={scope}
                onCreated={state.onCreated}
                onClose={state.closeForm}
              />
            </React.Suspense>
          </ErrorBoundary>
        ) : (
          <Button ref={state.writeButton} appearance="primary" className={styles.write} onClick={state.openForm}>
            {strings.stories.write}
          </Button>
        ))}
      <MyStories
        stories={state.myPending}
        ambitions={view.ambitions}
        {...cardContext(view, props.userId)}
        onCorrect={view.canPostStory ? state.correct : undefined}
      />
      {state.featureError !== undefined && (
        <DataErrorMessage
          error={state.featureError}
          title={strings.stories.featureFailed}
          onDismiss={state.dismissFeatureError}
        />
      )}
      <StoryFeed
        feed={state.feed}
        recognitions={state.recognitions}
        ambitions={props.ambitions}
        {...cardContext(view, props.userId)}
        unitOptions={units}
        canFeature={view.isSiteOwner}
        featureBusy={state.featureBusy}
        onToggleFeatured={(story) => void state.toggleFeatured(story)}
        onRecognitionChanged={state.onRecognitionChanged}
      />
    </>
  );
}
