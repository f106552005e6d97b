import * as React from 'react';
import type { INotification } from '../../domain/notifications';
import { focusWhenShown, linkedItemId, pageSearch } from '../shell/inbox/linkedItem';
import type { IFollowUpAppProps } from './FollowUpApp.types';
import type { FollowUpTab } from './followUpModel';

/** The task to open (a deep link, or an entry of "Nyt til dig"); `n` counts the times it was asked for. */
export interface ILinkedTask {
  id: number | undefined;
  n: number;
}

/** The task a link named, and opening another from "Nyt til dig". */
export function useLinkedTask(props: IFollowUpAppProps): {
  linked: ILinkedTask;
  opensHere(entry: INotification): boolean;
  open(entry: INotification): void;
} {
  const [linked, setLinked] = React.useState<ILinkedTask>(() => ({
    id:
      props.taskId ??
      linkedItemId('task', (props.host ?? 'sharepoint') === 'sharepoint' ? pageSearch() : undefined, props.subPageId),
    n: 0,
  }));
  return {
    linked,
    opensHere: (entry) => entry.target.type === 'task',
    open: (entry) => setLinked((before) => ({ id: entry.target.id, n: before.n + 1 })),
  };
}

/** Shows "Mine opgaver" (the chefgruppe's tab) and focuses the linked task's card once it is drawn. */
export function useOpenLinkedTask(
  linked: ILinkedTask | undefined,
  tabs: readonly FollowUpTab[],
  setTab: (tab: FollowUpTab) => void,
): void {
  const id = linked?.id;
  const n = linked?.n;
  React.useEffect(() => {
    if (id === undefined) return undefined;
    if (tabs.indexOf('mine') >= 0) setTab('mine');
    return focusWhenShown('mpk-task', id);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [id, n]);
}
