import * as React from 'react';
import { Checkbox, Button, Field, makeStyles, Text, Textarea, tokens } from '@fluentui/react-components';
import { Notice, NoticeBody } from '../shell/Notice';
import { Badge } from '../shell/Badge';
import { DataErrorMessage } from '../shell/DataErrorMessage';
import { useLocale } from '../shell/locale';
import { fill, useStrings } from '../shell/strings';
import { useAnnounce } from '../shell/Announcer';
import { CardList } from '../shell/Card';
import { StoryCard } from './StoryCard';
import { plural } from '../shell/plural';
import type { IModerationItemProps, IModerationQueueProps } from './ModerationQueue.types';
import { useFocusNew } from './useFocusNew';
import { useModerationItem, type IModerationItemState } from './useModerationItem';
import { describeError, labelOf } from '../shell/texts';

export type { IModerationQueueProps } from './ModerationQueue.types';

const useStyles = makeStyles({
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
  const { listRef, focusFrom } = useFocusNew();
  const [loadingMore, setLoadingMore] = React.useState(false);
  const [moreError, setMoreError] = React.useState<unknown>();
  const canShowMore = !!props.hasMore && !!props.onShowMore;

  const showMore = async (): Promise<void> => {
    if (!props.onShowMore || loadingMore) return;
    const before = props.stories.length;
    setLoadingMore(true);
    setMoreError(undefined);
    try {
      const added = await props.onShowMore();
      if (added > 0) {
        // After "Vis flere", focus moves to the first new story, as in the feed.
        focusFrom(before);
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
      <CardList ref={listRef} aria-busy={loadingMore}>
        {props.stories.map((story) => (
          <li key={story.id}>
            <ModerationItem {...props} story={story} />
          </li>
        ))}
      </CardList>
      {more}
    </div>
  );
}

function ModerationItem(props: IModerationItemProps): JSX.Element {
  const mpkStrings = useStrings();
  const item = useModerationItem(props);
  return (
    <StoryCard
      story={item.story}
      ambitions={props.ambitions}
      units={props.units}
      currentUserId={props.currentUserId}
      status={
        <Badge appearance="outline" color="warning" shape="rounded">
          {labelOf(mpkStrings, 'publishingState', 'pending')}
        </Badge>
      }
      actions={<ModerationActions item={item} />}
    />
  );
}

/** Under a pending story: what went wrong, the reason to reject with, and the buttons. */
function ModerationActions({ item }: { item: IModerationItemState }): JSX.Element {
  const mpkStrings = useStrings();
  const strings = useStrings().moderation;
  const locale = useLocale();
  const styles = useStyles();
  const { busy, reasonErrors } = item;
  const story = item.story;
  return (
    <div className={styles.reject}>
      {story.pictureUrl && (
        // The approver judges the picture with what its author said of it.
        <Text size={200}>
          {fill(strings.pictureFacts, {
            alt: story.pictureAlt || '–',
            consent: story.pictureConsent === true ? strings.consentGiven : strings.consentMissing,
          })}
        </Text>
      )}
      {item.notice && (
        <Notice intent="warning" role="alert">
          <NoticeBody>{item.notice}</NoticeBody>
        </Notice>
      )}
      {item.error !== undefined && (
        <DataErrorMessage error={item.error} title={strings.failed} onDismiss={item.dismissError} />
      )}
      {item.rejecting && (
        <Field
          label={strings.reasonLabel}
          hint={strings.reasonHint}
          required
          validationMessage={reasonErrors.length > 0 ? describeError(mpkStrings, reasonErrors[0], locale) : undefined}
        >
          <Textarea
            value={item.reason.value.reason}
            onChange={(_, data) => item.reason.set({ reason: data.value })}
            resize="vertical"
            autoFocus
          />
        </Field>
      )}
      <Checkbox
        checked={item.notify}
        onChange={(_, data) => item.setNotify(data.checked === true)}
        label={strings.notifyInTeams}
      />
      <div className={styles.actions}>
        {item.rejecting ? (
          <>
            <Button appearance="primary" disabledFocusable={busy} onClick={() => void item.moderate(false)}>
              {strings.confirmReject}
            </Button>
            <Button disabledFocusable={busy} onClick={item.cancelReject}>
              {strings.cancelReject}
            </Button>
          </>
        ) : (
          <>
            <Checkbox
              checked={item.feature}
              onChange={(_, data) => item.setFeature(data.checked === true)}
              label={strings.featureOnApprove}
            />
            <Button appearance="primary" disabledFocusable={busy} onClick={() => void item.moderate(true)}>
              {strings.approve}
            </Button>
            <Button disabledFocusable={busy} onClick={() => item.setRejecting(true)}>
              {strings.reject}
            </Button>
          </>
        )}
      </div>
    </div>
  );
}
