import * as React from 'react';
import { Checkbox, Button, Field, makeStyles, Text, Textarea, tokens } from '@fluentui/react-components';
import { Notice, NoticeBody } from '../shell/Notice';
import { Badge } from '../shell/Badge';
import { MODERATION_STATUS, publishingState, validateModeration } from '../../domain';
import type { IStory } from '../../domain/model';
import { ConflictError } from '../../data/errors';
import type { IAmbition, IUnitItem } from '../../data/repositories/types';
import { DataErrorMessage } from '../shell/DataErrorMessage';
import { useLocale } from '../shell/locale';
import { useServices } from '../shell/services';
import { fill, useStrings } from '../shell/strings';
import { useDraft } from '../shell/useDraft';
import { useAnnounce } from '../shell/Announcer';
import { StoryCard } from './StoryCard';
import { plural } from '../shell/plural';
import { describeError, labelOf } from '../shell/texts';

/** Props of {@link ModerationQueue}. */
export interface IModerationQueueProps {
  /** Stories waiting for approval (site owners only). */
  stories: readonly IStory[];
  ambitions: readonly IAmbition[];
  units: readonly IUnitItem[];
  currentUserId: number;
  /** After a story was approved or rejected (or found already handled by someone else). */
  onModerated(story: IStory): void;
  /** More pending stories may exist than are listed ("Vis flere" is shown). @default false */
  hasMore?: boolean;
  /** Reads the next page of pending stories; resolves to how many were added to `stories`. */
  onShowMore?(): Promise<number>;
}

const useStyles = makeStyles({
  list: {
    listStyleType: 'none',
    margin: 0,
    padding: 0,
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalM,
  },
  reject: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalS, width: '100%' },
  actions: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
  root: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalM },
  more: { alignSelf: 'flex-start' },
});

/** Editors approve pending stories, or reject them with a reason the author sees; "Vis flere" pages on. */
export function ModerationQueue(props: IModerationQueueProps): JSX.Element {
  const strings = useStrings().moderation;
  const styles = useStyles();
  const announce = useAnnounce();
  const locale = useLocale();
  const listRef = React.useRef<HTMLUListElement>(null);
  const [loadingMore, setLoadingMore] = React.useState(false);
  const [moreError, setMoreError] = React.useState<unknown>();
  const [focusIndex, setFocusIndex] = React.useState<number>();
  const canShowMore = !!props.hasMore && !!props.onShowMore;

  // After "Vis flere", focus moves to the first new story, as in the feed.
  React.useEffect(() => {
    if (focusIndex === undefined) return;
    listRef.current?.children[focusIndex]?.querySelector<HTMLElement>('article')?.focus();
    setFocusIndex(undefined);
  }, [focusIndex]);

  const showMore = async (): Promise<void> => {
    if (!props.onShowMore || loadingMore) return;
    const before = props.stories.length;
    setLoadingMore(true);
    setMoreError(undefined);
    try {
      const added = await props.onShowMore();
      if (added > 0) {
        setFocusIndex(before);
        announce(plural(locale, added, strings.moreLoadedOne, strings.moreLoadedOther));
      } else {
        announce(strings.noMore);
      }
    } catch (error) {
      setMoreError(error);
    } finally {
      setLoadingMore(false);
    }
  };

  const more = (
    <>
      {moreError !== undefined && (
        <DataErrorMessage error={moreError} title={strings.moreFailed} onRetry={() => void showMore()} />
      )}
      {canShowMore && (
        <Button className={styles.more} onClick={() => void showMore()} disabledFocusable={loadingMore}>
          {loadingMore ? strings.loadingMore : strings.showMore}
        </Button>
      )}
    </>
  );
  if (props.stories.length === 0) {
    return (
      <div className={styles.root}>
        <Notice intent="success">
          <NoticeBody>{canShowMore ? fill(strings.introMore, { count: 0 }) : strings.empty}</NoticeBody>
        </Notice>
        {more}
      </div>
    );
  }
  return (
    <div className={styles.root}>
      <Text as="p">{fill(canShowMore ? strings.introMore : strings.intro, { count: props.stories.length })}</Text>
      <ul className={styles.list} ref={listRef} aria-busy={loadingMore}>
        {props.stories.map((story) => (
          <li key={story.id}>
            <ModerationItem {...props} story={story} />
          </li>
        ))}
      </ul>
      {more}
    </div>
  );
}

function ModerationItem(props: IModerationQueueProps & { story: IStory }): JSX.Element {
  const mpkStrings = useStrings();
  const strings = useStrings().moderation;
  const locale = useLocale();
  const services = useServices();
  const announce = useAnnounce();
  const styles = useStyles();
  const [story, setStory] = React.useState(props.story);
  const [rejecting, setRejecting] = React.useState(false);
  const [busy, setBusy] = React.useState(false);
  const [error, setError] = React.useState<unknown>();
  const [notice, setNotice] = React.useState<string>();
  const [attempted, setAttempted] = React.useState(false);
  // "Fremhæv historien, når den godkendes": the approver's choice, never the author's column.
  const [feature, setFeature] = React.useState(false);
  const reason = useDraft(`moderation:${story.id}`, { reason: '' });
  const reasonErrors = attempted ? validateModeration(false, reason.value.reason) : [];

  const moderate = async (approve: boolean): Promise<void> => {
    if (!approve) {
      setAttempted(true);
      if (validateModeration(false, reason.value.reason).length > 0) return;
    }
    setBusy(true);
    setError(undefined);
    setNotice(undefined);
    try {
      const result = approve
        ? await services.stories.moderate(story, true, undefined, { featured: feature })
        : await services.stories.moderate(story, false, reason.value.reason.trim());
      reason.clear();
      announce(fill(approve ? strings.approvedAnnouncement : strings.rejectedAnnouncement, { title: story.title }));
      props.onModerated(result);
    } catch (e) {
      if (e instanceof ConflictError) {
        const theirs = e.theirs as IStory;
        if (theirs.moderationStatus !== MODERATION_STATUS.pending && theirs.moderationStatus !== undefined) {
          // Another editor got there first: nothing to choose, the story leaves the queue.
          announce(
            fill(strings.alreadyHandled, {
              state: labelOf(mpkStrings, 'publishingState', publishingState(theirs.moderationStatus)),
            }),
          );
          props.onModerated(theirs);
          return;
        }
        setStory(theirs);
        setNotice(strings.changedMeanwhile);
      } else {
        setError(e);
      }
    } finally {
      setBusy(false);
    }
  };

  return (
    <StoryCard
      story={story}
      ambitions={props.ambitions}
      units={props.units}
      currentUserId={props.currentUserId}
      status={
        <Badge appearance="outline" color="warning" shape="rounded">
          {labelOf(mpkStrings, 'publishingState', 'pending')}
        </Badge>
      }
      actions={
        <div className={styles.reject}>
          {notice && (
            <Notice intent="warning" role="alert">
              <NoticeBody>{notice}</NoticeBody>
            </Notice>
          )}
          {error !== undefined && (
            <DataErrorMessage error={error} title={strings.failed} onDismiss={() => setError(undefined)} />
          )}
          {rejecting && (
            <Field
              label={strings.reasonLabel}
              hint={strings.reasonHint}
              required
              validationMessage={
                reasonErrors.length > 0 ? describeError(mpkStrings, reasonErrors[0], locale) : undefined
              }
            >
              <Textarea
                value={reason.value.reason}
                onChange={(_, data) => reason.set({ reason: data.value })}
                resize="vertical"
                autoFocus
              />
            </Field>
          )}
          <div className={styles.actions}>
            {rejecting ? (
              <>
                <Button appearance="primary" disabledFocusable={busy} onClick={() => void moderate(false)}>
                  {strings.confirmReject}
                </Button>
                <Button
                  disabledFocusable={busy}
                  onClick={() => {
                    setRejecting(false);
                    setAttempted(false);
                    // A discarded reason is not kept in the browser.
                    reason.clear();
                  }}
                >
                  {strings.cancelReject}
                </Button>
              </>
            ) : (
              <>
                <Checkbox
                  checked={feature}
                  onChange={(_, data) => setFeature(data.checked === true)}
                  label={strings.featureOnApprove}
                />
                <Button appearance="primary" disabledFocusable={busy} onClick={() => void moderate(true)}>
                  {strings.approve}
                </Button>
                <Button disabledFocusable={busy} onClick={() => setRejecting(true)}>
                  {strings.reject}
                </Button>
              </>
            )}
          </div>
        </div>
      }
    />
  );
}
