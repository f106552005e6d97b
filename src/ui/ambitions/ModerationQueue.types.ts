import type { IStory } from '../../domain/model';
import type { IAmbition, IUnitItem } from '../../data/repositories/types';

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

/** Props of one story in the queue. */
export type IModerationItemProps = IModerationQueueProps & { story: IStory };
