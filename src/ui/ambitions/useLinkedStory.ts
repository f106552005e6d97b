import * as React from 'react';
import { focusWhenShown } from '../shell/inbox/linkedItem';
import type { IStoriesAreaProps, StoriesTab } from './StoriesArea.types';

/** A story a link or "Nyt til dig" opened: the stories tab shows and the story's card takes focus. */
export function useLinkedStory(linked: IStoriesAreaProps['linkedStory'], selectTab: (tab: StoriesTab) => void): void {
  const id = linked?.id;
  const n = linked?.n;
  React.useEffect(() => {
    if (id === undefined) return undefined;
    selectTab('stories');
    return focusWhenShown('mpk-story', id);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [id, n]);
}
