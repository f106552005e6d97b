import * as React from 'react';
import type { IValidationError } from '../../domain/messages';
import { validateModeration } from '../../domain/validation';
import { MODERATION_STATUS, publishingState } from '../../domain/workflow';
import type { IStory } from '../../domain/model';
import { ConflictError } from '../../data/errors';
import { useServices } from '../shell/services';
import { fill, useStrings } from '../shell/strings';
import { useDraft, type IDraft } from '../shell/useDraft';
import { useAnnounce } from '../shell/Announcer';
import type { IModerationItemProps } from './ModerationQueue.types';
import { labelOf } from '../shell/texts';

/** What {@link useModerationItem} hands to the render function. */
export interface IModerationItemState {
  /** The story as last read (another editor may have changed it). */
  story: IStory;
  rejecting: boolean;
  setRejecting(value: boolean): void;
  busy: boolean;
  error: unknown;
  dismissError(): void;
  /** Why nothing was done (the story changed meanwhile). */
  notice: string | undefined;
  /** "Fremhæv historien, når den godkendes". */
  feature: boolean;
  setFeature(value: boolean): void;
  /** "Send besked til forfatteren i Teams" (ticked until the approver unticks it). */
  notify: boolean;
  setNotify(value: boolean): void;
  reason: IDraft<{ reason: string }>;
  reasonErrors: IValidationError[];
  moderate(approve: boolean): Promise<void>;
  /** "Annuller": no longer rejecting; the reason is forgotten. */
  cancelReject(): void;
}

/** One pending story's approval: approve (maybe featured), or reject with a reason kept as a draft. */
export function useModerationItem(props: IModerationItemProps): IModerationItemState {
  const mpkStrings = useStrings();
  const strings = useStrings().moderation;
  const services = useServices();
  const announce = useAnnounce();
  const [story, setStory] = React.useState(props.story);
  const [rejecting, setRejecting] = React.useState(false);
  const [busy, setBusy] = React.useState(false);
  const [error, setError] = React.useState<unknown>();
  const [notice, setNotice] = React.useState<string>();
  const [attempted, setAttempted] = React.useState(false);
  // "Fremhæv historien, når den godkendes": the approver's choice, never the author's column.
  const [feature, setFeature] = React.useState(false);
  const [notify, setNotify] = React.useState(true);
  const reason = useDraft(`moderation:${story.id}`, { reason: '' });

  // Another editor got there first: nothing to choose, the story leaves the queue.
  const handledElsewhere = (theirs: IStory): boolean => {
    if (theirs.moderationStatus === MODERATION_STATUS.pending || theirs.moderationStatus === undefined) return false;
    const state = labelOf(mpkStrings, 'publishingState', publishingState(theirs.moderationStatus));
    announce(fill(strings.alreadyHandled, { state }));
    props.onModerated(theirs);
    return true;
  };

  // A decided story leaves the queue (this item unmounts) before the save's `finally` runs.
  const mounted = React.useRef(true);
  React.useEffect(
    () => () => {
      mounted.current = false;
    },
    [],
  );

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
        ? await services.stories.moderate(story, true, undefined, { featured: feature, notifyInTeams: notify })
        : await services.stories.moderate(story, false, reason.value.reason.trim(), { notifyInTeams: notify });
      reason.clear();
      announce(fill(approve ? strings.approvedAnnouncement : strings.rejectedAnnouncement, { title: story.title }));
      props.onModerated(result);
    } catch (e) {
      if (!(e instanceof ConflictError)) setError(e);
      else if (!handledElsewhere(e.theirs as IStory)) {
        setStory(e.theirs as IStory);
        setNotice(strings.changedMeanwhile);
      }
    } finally {
      if (mounted.current) setBusy(false);
    }
  };

  return {
    story,
    rejecting,
    setRejecting,
    busy,
    error,
    dismissError: () => setError(undefined),
    notice,
    feature,
    setFeature,
    notify,
    setNotify,
    reason,
    reasonErrors: attempted ? validateModeration(false, reason.value.reason) : [],
    moderate,
    cancelReject: () => {
      setRejecting(false);
      setAttempted(false);
      // A discarded reason is not kept in the browser.
      reason.clear();
    },
  };
}
