import * as React from 'react';
import { Button, makeStyles, Subtitle2, Text, tokens, useId } from '@fluentui/react-components';
import { Badge } from '../shell/Badge';
import { publishingState } from '../../domain/workflow';
import type { IStory } from '../../domain/model';
import type { IAmbition, IUnitItem } from '../../data/repositories/types';
import { fill, useStrings } from '../shell/strings';
import { CardList } from '../shell/Card';
import { StoryCard } from './StoryCard';
import { labelOf } from '../shell/texts';

/** Props of {@link MyStories}. */
export interface IMyStoriesProps {
  /** The reader's stories that are not published: waiting for approval, or rejected. */
  stories: readonly IStory[];
  ambitions: readonly IAmbition[];
  units: readonly IUnitItem[];
  currentUserId: number;
  /** "Ret og send igen" on a story sent back (left out: no button, e.g. for someone who may not post). */
  onCorrect?(story: IStory): void;
}

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalS },
  heading: { margin: 0 },
  reason: { color: tokens.colorNeutralForeground2 },
  returned: { display: 'flex', flexDirection: 'column', alignItems: 'flex-start', rowGap: tokens.spacingVerticalXS },
});

/** "Dine historier": what the reader sent and an editor has not yet published (or rejected, and why). */
export function MyStories(props: IMyStoriesProps): JSX.Element | null {
  const mpkStrings = useStrings();
  const strings = useStrings().stories;
  const styles = useStyles();
  const headingId = useId('mpk-my-stories');
  if (props.stories.length === 0) return null;
  return (
    <section className={styles.root} aria-labelledby={headingId}>
      <Subtitle2 as="h3" id={headingId} className={styles.heading}>
        {strings.myStoriesHeading}
      </Subtitle2>
      <Text>{strings.myStoriesIntro}</Text>
      <CardList gap="small">
        {props.stories.map((story) => {
          const state = publishingState(story.moderationStatus);
          // The approver's comment (`_ModerationComments`): why the story was rejected.
          const reason = story.moderationComment?.trim();
          return (
            <li key={story.id ?? story.clientKey}>
              <StoryCard
                story={story}
                ambitions={props.ambitions}
                units={props.units}
                currentUserId={props.currentUserId}
                status={
                  <Badge appearance="outline" color={state === 'rejected' ? 'danger' : 'warning'} shape="rounded">
                    {labelOf(mpkStrings, 'publishingState', state)}
                  </Badge>
                }
                actions={
                  state === 'rejected' ? (
                    <div className={styles.returned}>
                      {reason && <Text className={styles.reason}>{fill(strings.rejectedReason, { reason })}</Text>}
                      {props.onCorrect && (
                        <Button data-mpk-correct={story.id} onClick={() => props.onCorrect?.(story)}>
                          {strings.correct}
                        </Button>
                      )}
                    </div>
                  ) : undefined
                }
              />
            </li>
          );
        })}
      </CardList>
    </section>
  );
}
