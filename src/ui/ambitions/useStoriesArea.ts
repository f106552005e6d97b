import * as React from 'react';
import type { IStory } from '../../domain/model';
import { MODERATION_STATUS } from '../../domain/workflow';
import type { IPage } from '../../data/repositories/types';
import { useServices } from '../shell/services';
import { fill, useStrings } from '../shell/strings';
import { useAnnounce } from '../shell/Announcer';
import { useStoryFormOpening, type IStoryFormOpening } from './useStoryFormOpening';
import { focusWhenShown } from '../shell/inbox/linkedItem';
import { appendNew, withoutStory } from './storyModel';
import type { IStoriesAreaProps, StoriesTab } from './StoriesArea.types';
import { useRecognitions, type IRecognitions } from './useRecognitions';
import { useStoryFeed, type IStoryFeed } from './useStoryFeed';

/** Pending stories per "Vis flere" in the approvers' queue. */
const QUEUE_PAGE_SIZE = 20;

/** What {@link useStoriesArea} hands to the render function. */
export interface IStoriesAreaState extends IStoryFormOpening {
  feed: IStoryFeed;
  recognitions: IRecognitions;
  /** The reader's own stories that are not published. */
  myPending: IStory[];
  /** The approvers' queue (site owners only; undefined when the view has none). */
  queue: IStory[] | undefined;
  /** More pending stories can be read ("Vis flere" in the queue). */
  queueHasMore: boolean;
  tab: StoriesTab;
  /** Tabs chosen so far: their panels are filled (and kept). */
  visited: ReadonlySet<StoriesTab>;
  selectTab(value: StoriesTab): void;
  /** The story just sent (a notice says it awaits approval), and whether it was sent again after correcting. */
  justPosted: { story: IStory; resent: boolean } | undefined;
  dismissPosted(): void;
  featureBusy: ReadonlySet<number>;
  featureError: unknown;
  dismissFeatureError(): void;
  onCreated(story: IStory): void;
  onModerated(story: IStory): void;
  /** Reads the next page of the queue; resolves to how many stories were added. */
  showMorePending(): Promise<number>;
  toggleFeatured(story: IStory): Promise<void>;
  onRecognitionChanged(story: IStory, delta: number): void;
}

function without(set: ReadonlySet<number>, id: number): Set<number> {
  const next = new Set(set);
  next.delete(id);
  return next;
}

/** The state of the stories area: feed, own stories, the approvers' queue, tabs and the story form. */
export function useStoriesArea(props: IStoriesAreaProps): IStoriesAreaState {
  const { view, scope, pageSize } = props;
  const strings = useStrings();
  const services = useServices();
  const announce = useAnnounce();

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
  const [tab, setTab] = React.useState<StoriesTab>('stories');
  // A draft of a new story waiting in the browser (this person's) opens the form by itself.
  const [justPosted, setJustPosted] = React.useState<{ story: IStory; resent: boolean }>();
  const [featureBusy, setFeatureBusy] = React.useState<ReadonlySet<number>>(new Set());
  const [featureError, setFeatureError] = React.useState<unknown>();
  // A tab's panel is filled the first time it is chosen (and then kept, with what was typed in it).
  const [visited, setVisited] = React.useState<ReadonlySet<StoriesTab>>(() => new Set<StoriesTab>(['stories']));

  const selectTab = (value: StoriesTab): void => {
    setTab(value);
    setVisited((set) => (set.has(value) ? set : new Set(set).add(value)));
  };

  // The form: opened by "Skriv en hverdagshistorie" (also the header's, on a phone) or "Ret og send igen".
  const opening = useStoryFormOpening(props.writeRequests || 0, () => {
    selectTab('stories');
    setJustPosted(undefined);
  });

  const onCreated = (story: IStory): void => {
    setMyPending((list) => [story].concat(withoutStory(list, story)));
    if (queue && view.isSiteOwner) setQueue((list) => [story].concat(withoutStory(list || [], story)));
    opening.formSaved();
    setJustPosted({ story, resent: !!opening.correcting });
    announce(strings.stories.postedAnnouncement);
    // Focus on what was saved: its card among one's own stories, under the notice.
    if (story.id !== undefined) focusWhenShown('mpk-story', story.id);
  };

  const showMorePending = async (): Promise<number> => {
    if (!queueNext) return 0;
    const page = await queueNext();
    const added = appendNew(queue || [], page.items).slice((queue || []).length);
    setQueue((list) => appendNew(list || [], added));
    setQueueNext(() => (page.hasMore ? page.nextPage : undefined));
    return added.length;
  };

  const onModerated = (story: IStory): void => {
    const approved = story.moderationStatus === MODERATION_STATUS.approved;
    setQueue((list) => withoutStory(list || [], story));
    // The author's own list follows: published stories leave it, rejected ones say so.
    setMyPending((list) => (approved ? withoutStory(list, story) : list.map((s) => (s.id === story.id ? story : s))));
    if (approved) feed.addPublished(story);
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
      const text = next.featured ? strings.stories.featuredAnnouncement : strings.stories.unfeaturedAnnouncement;
      announce(fill(text, { title: story.title }));
    } catch (error) {
      setFeatureError(error);
    } finally {
      setFeatureBusy((set) => without(set, id));
    }
  };

  const onRecognitionChanged = (story: IStory, delta: number): void =>
    feed.updateStory(story.id as number, (s) => ({
      ...s,
      recognitionCount: Math.max(0, (s.recognitionCount || 0) + delta),
    }));

  return {
    feed,
    recognitions,
    myPending,
    queue,
    queueHasMore: queueNext !== undefined,
    tab,
    visited,
    selectTab,
    ...opening,
    justPosted,
    dismissPosted: () => setJustPosted(undefined),
    featureBusy,
    featureError,
    dismissFeatureError: () => setFeatureError(undefined),
    onCreated,
    onModerated,
    showMorePending,
    toggleFeatured,
    onRecognitionChanged,
  };
}
