import type { IAmbition } from '../../data/repositories/types';
import type { IFeedScope } from './storyModel';
import type { IAmbitionsViewModel } from './useAmbitionsView';

/** Props of {@link StoriesArea}. */
export interface IStoriesAreaProps {
  view: IAmbitionsViewModel;
  /** The ambitions this web part shows. */
  ambitions: readonly IAmbition[];
  scope: IFeedScope;
  pageSize: number;
  /** A story a link or "Nyt til dig" opened (`n` counts the times): the stories tab shows and its card takes focus. */
  linkedStory?: { id: number | undefined; n: number };
  /** Counts the taps on the header's "Skriv en hverdagshistorie" (phones): the stories tab shows with the form open. */
  writeRequests?: number;
}

/** The tabs of the stories area. */
export type StoriesTab = 'stories' | 'notes' | 'moderation';
