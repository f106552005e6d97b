import type { IStory } from '../../domain/model';
import type { IAmbition } from '../../data/repositories/types';
import type { IFeedScope, IUnitOption } from './storyModel';

/** Props of {@link StoryForm}. */
export interface IStoryFormProps {
  ambitions: readonly IAmbition[];
  units: readonly IUnitOption[];
  scope: IFeedScope;
  /** After the story was saved (it now awaits approval). */
  onCreated(story: IStory): void;
  /** "Luk": the form closes, the draft stays in the browser. */
  onClose(): void;
}
