import type { IStory } from '../../domain/model';
import type { IAmbition } from '../../data/repositories/types';
import type { IFeedScope, IUnitOption } from './storyModel';

/** Props of {@link StoryForm}. */
export interface IStoryFormProps {
  ambitions: readonly IAmbition[];
  units: readonly IUnitOption[];
  scope: IFeedScope;
  /**
   * A story an editor sent back, to correct and send again ("Ret og send igen"): the form starts from it,
   * keeps its picture and shows the editor's reason; saving updates it, so it awaits approval again.
   */
  correcting?: IStory;
  /** Take focus when shown (opened by a button; not when a kept draft opens it with the page). */
  takeFocus?: boolean;
  /** After the story was saved (it now awaits approval). */
  onCreated(story: IStory): void;
  /** "Luk": the form closes, the draft stays in the browser. */
  onClose(): void;
}
