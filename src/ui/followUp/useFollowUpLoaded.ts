import * as React from 'react';
import type { IFollowUpTask, IInitiative } from '../../domain/model';
import type { IFollowUpView, IPeople, IPersonValue } from '../../data/repositories/types';
import { useAnnounce } from '../shell/Announcer';
import { useLocale } from '../shell/locale';
import { useServices } from '../shell/services';
import { useStrings } from '../shell/strings';
import type { IFollowUpAppProps } from './FollowUpApp.types';
import type { IFollowUpContext } from './FollowUpContext';
import { knownMeetings, openFirst, type FollowUpTab } from './followUpModel';
import { buildPeople } from './people';
import { useMyTasks, useTaskBoard, type IFollowUpData, type IMyTaskPages, type ITaskBoard } from './useFollowUpData';
import { useOpenLinkedTask, type ILinkedTask } from './useLinkedTask';
import { useOverviewLists, type IOverviewLists, type IViewList } from './useOverviewLists';

const MANAGER_TABS: readonly FollowUpTab[] = ['overview', 'tasks', 'mine', 'report', 'measurements'];
const NONE: readonly IFollowUpTask[] = [];

/** Props of the surface once the view has been read. */
export interface IFollowUpLoadedProps extends IFollowUpAppProps {
  data: IFollowUpData;
  view: IFollowUpView;
  now: Date;
  pageSize: number;
  /** The task a link or "Nyt til dig" opened. */
  linked?: ILinkedTask;
}

/** What {@link useFollowUpLoaded} hands to the render function. */
export interface IFollowUpLoadedState {
  context: IFollowUpContext;
  board: ITaskBoard;
  myTasks: IMyTaskPages;
  lists: IOverviewLists;
  meetings: readonly string[];
  /** The chefgruppe's tabs (none for everyone else). */
  tabs: readonly FollowUpTab[];
  tab: FollowUpTab;
  setTab(tab: FollowUpTab): void;
}

/**
 * What the view says of the overview's two lists: their counts, and the lists when the first view
 * carries them (then nothing is read on demand). A view of counts only (`overdueCount`,
 * `stoppedCount`, no lists) makes both lists load when asked for.
 */
function overviewLists(view: IFollowUpView): { overdue: IViewList<IFollowUpTask>; stopped: IViewList<IInitiative> } {
  const overview = view.overview;
  const overdue = overview.overdueTasks;
  const stopped = overview.stoppedInitiatives;
  return {
    overdue: { count: overview.overdueCount ?? (overdue ? overdue.length : 0), items: overdue },
    stopped: { count: overview.stoppedCount ?? (stopped ? stopped.length : 0), items: stopped },
  };
}

/** Names learnt on the way (initiatives read for a form, people found by search), on top of the view's. */
function useLearntNames(view: IFollowUpView): {
  initiativeTitles: Record<number, string>;
  rememberInitiatives(initiatives: readonly IInitiative[]): void;
  pickedPeople: IPeople;
  rememberPeople(chosen: readonly IPersonValue[]): void;
} {
  const [extraTitles, setExtraTitles] = React.useState<Record<number, string>>({});
  const initiativeTitles = React.useMemo(() => {
    const titles: Record<number, string> = { ...(view.overview.initiativeTitles || {}) };
    for (const initiative of view.overview.stoppedInitiatives || [])
      if (initiative.id !== undefined) titles[initiative.id] = initiative.title;
    return { ...titles, ...extraTitles };
  }, [view, extraTitles]);
  const rememberInitiatives = React.useCallback((initiatives: readonly IInitiative[]) => {
    setExtraTitles((current) => {
      const next = { ...current };
      for (const initiative of initiatives) if (initiative.id !== undefined) next[initiative.id] = initiative.title;
      return next;
    });
  }, []);
  const [pickedPeople, setPickedPeople] = React.useState<IPeople>({});
  const rememberPeople = React.useCallback((chosen: readonly IPersonValue[]) => {
    setPickedPeople((current) => {
      const next = { ...current };
      for (const person of chosen) next[person.id] = { displayName: person.title };
      return next;
    });
  }, []);
  return { initiativeTitles, rememberInitiatives, pickedPeople, rememberPeople };
}

/** The surface's shared state for a read view: its context, the board's and lists' pages, and the tab. */
export function useFollowUpLoaded(props: IFollowUpLoadedProps): IFollowUpLoadedState {
  const services = useServices();
  const s = useStrings().followUp;
  const locale = useLocale();
  const announce = useAnnounce();
  const { view, data, now } = props;
  const { initiativeTitles, rememberInitiatives, pickedPeople, rememberPeople } = useLearntNames(view);
  const people = React.useMemo(
    () => buildPeople(view.units, services.user, s.people, { ...pickedPeople, ...(view.people || {}) }),
    [view.units, services.user, s.people, view.people, pickedPeople],
  );
  const context: IFollowUpContext = React.useMemo(
    () => ({
      view,
      now,
      locale,
      strings: s,
      people,
      host: props.host || 'sharepoint',
      planUrl: props.planUrl,
      initiativeTitles,
      rememberInitiatives,
      rememberPeople,
      saved: data.saved,
      announce,
    }),
    [
      view,
      now,
      locale,
      s,
      people,
      props.host,
      props.planUrl,
      initiativeTitles,
      rememberInitiatives,
      rememberPeople,
      data.saved,
      announce,
    ],
  );

  const board = useTaskBoard(view.tasks, data.edits, props.pageSize);
  const isMine = React.useCallback((task: IFollowUpTask) => task.assigneeId === services.user.id, [services.user.id]);
  const myTasks = useMyTasks(view.myTasks, data.edits, isMine, openFirst);
  const lists = useOverviewLists({
    view,
    views: services.views,
    ...overviewLists(view),
    edits: data.edits,
    now,
    rememberPeople,
    rememberInitiatives,
  });
  const overdueKnown = lists.overdue.status === 'ready' ? lists.overdue.items : NONE;
  const meetings = React.useMemo(
    () =>
      knownMeetings(
        board.tasks,
        myTasks.tasks,
        overdueKnown,
        Object.keys(data.edits.known).map((id) => data.edits.known[Number(id)]),
      ),
    [board.tasks, myTasks.tasks, overdueKnown, data.edits],
  );

  const tabs = view.canManageTasks ? MANAGER_TABS : [];
  const [tab, setTab] = React.useState<FollowUpTab>(() =>
    props.initialTab && tabs.indexOf(props.initialTab) >= 0 ? props.initialTab : 'overview',
  );
  useOpenLinkedTask(props.linked, tabs, setTab);
  return { context, board, myTasks, lists, meetings, tabs, tab, setTab };
}
