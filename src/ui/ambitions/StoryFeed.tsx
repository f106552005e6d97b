import * as React from 'react';
import { Button, makeStyles, tokens } from '@fluentui/react-components';
import { Spinner } from '../shell/Spinner';
import { Notice, NoticeBody } from '../shell/Notice';
import type { IStory } from '../../domain/model';
import type { IAmbition, IUnitItem } from '../../data/repositories/types';
import { DataErrorMessage } from '../shell/DataErrorMessage';
import { ErrorBoundary } from '../shell/ErrorBoundary';
import { useLocale } from '../shell/locale';
import { useStrings } from '../shell/strings';
import { useAnnounce } from '../shell/Announcer';
import { CardList } from '../shell/Card';
import { StoryCard } from './StoryCard';
import { StoryFilters } from './StoryFilters';
import { plural } from '../shell/plural';
import type { IUnitOption } from './storyModel';
import type { IRecognitions } from './useRecognitions';
import type { IStoryFeed } from './useStoryFeed';
import { useFocusNew } from './useFocusNew';

/** Props of {@link StoryFeed}. */
export interface IStoryFeedProps {
  feed: IStoryFeed;
  recognitions: IRecognitions;
  ambitions: readonly IAmbition[];
  /** All units (to name a story's unit). */
  units: readonly IUnitItem[];
  /** The units the filter offers. */
  unitOptions: readonly IUnitOption[];
  currentUserId: number;
  /** Site owners feature stories. */
  canFeature: boolean;
  featureBusy: ReadonlySet<number>;
  onToggleFeatured(story: IStory): void;
  /** A recognition changed a story's count by `delta`. */
  onRecognitionChanged(story: IStory, delta: number): void;
}

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalM, minWidth: 0 },
  more: { alignSelf: 'flex-start' },
});

/** The feed: filters, featured stories first, then the newest, and "Vis flere". */
export function StoryFeed(props: IStoryFeedProps): JSX.Element {
  const strings = useStrings().stories;
  const locale = useLocale();
  const announce = useAnnounce();
  const styles = useStyles();
  const { feed, recognitions } = props;
  const { listRef, focusFrom } = useFocusNew();
  const stories = feed.featured.concat(feed.items);

  // Tell screen-reader users what a filter change found.
  const wasLoading = React.useRef(false);
  React.useEffect(() => {
    if (wasLoading.current && !feed.loading && feed.error === undefined) {
      announce(plural(locale, stories.length, strings.shownCountOne, strings.shownCountOther));
    }
    wasLoading.current = feed.loading;
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [feed.loading]);

  const loadMore = async (): Promise<void> => {
    const before = stories.length;
    const added = await feed.loadMore();
    if (added > 0) {
      // Focus moves to the first new story, so keyboard users carry on reading there.
      focusFrom(before);
      announce(plural(locale, added, strings.moreLoadedOne, strings.moreLoadedOther));
    }
  };

  const toggleRecognition = async (story: IStory): Promise<void> => {
    const delta = await recognitions.toggle(story.id as number);
    if (delta !== 0) {
      props.onRecognitionChanged(story, delta);
      announce(
        (delta > 0 ? strings.recognisedAnnouncement : strings.withdrawnAnnouncement).replace('{title}', story.title),
      );
    }
  };

  return (
    <div className={styles.root}>
      <StoryFilters
        filters={feed.filters}
        ambitions={props.ambitions}
        units={props.unitOptions}
        onChange={feed.setFilters}
      />
      {feed.error !== undefined && (
        <DataErrorMessage error={feed.error} title={strings.loadFailed} onRetry={feed.retry} />
      )}
      {feed.loading ? (
        <Spinner size="small" label={strings.loadingStories} />
      ) : stories.length === 0 ? (
        <Notice intent="info">
          <NoticeBody>
            {feed.filters.ambitionKey || feed.filters.unitId !== undefined || feed.filters.kind
              ? strings.emptyFiltered
              : strings.empty}
          </NoticeBody>
        </Notice>
      ) : (
        <CardList ref={listRef} aria-label={strings.feedLabel} aria-busy={feed.loadingMore}>
          {stories.map((story) => (
            <li key={story.id}>
              <ErrorBoundary compact>
                <StoryCard
                  story={story}
                  ambitions={props.ambitions}
                  units={props.units}
                  currentUserId={props.currentUserId}
                  recognition={{
                    recognised: !!recognitions.of(story.id as number),
                    busy: recognitions.busy.has(story.id as number),
                    error: recognitions.errors.get(story.id as number),
                    onToggle: () => void toggleRecognition(story),
                    onDismissError: () => recognitions.dismissError(story.id as number),
                  }}
                  onToggleFeatured={props.canFeature ? () => props.onToggleFeatured(story) : undefined}
                  featureBusy={props.featureBusy.has(story.id as number)}
                />
              </ErrorBoundary>
            </li>
          ))}
        </CardList>
      )}
      {!feed.loading && feed.hasMore && (
        <Button className={styles.more} onClick={() => void loadMore()} disabledFocusable={feed.loadingMore}>
          {feed.loadingMore ? strings.loadingMore : strings.showMore}
        </Button>
      )}
    </div>
  );
}
