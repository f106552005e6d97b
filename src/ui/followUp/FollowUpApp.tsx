import * as React from 'react';
import { Text, Title2, useId } from '@fluentui/react-components';
import { Spinner } from '../shell/Spinner';
import { Notice, NoticeBody } from '../shell/Notice';
import type { IFollowUpTask, IInitiative } from '../../domain/model';
import type { IFollowUpView, IPeople, IPersonValue } from '../../data/repositories/types';
import { DataErrorMessage } from '../shell/DataErrorMessage';
import { ThrottleNotice } from '../shell/ThrottleNotice';
import { ErrorBoundary } from '../shell/ErrorBoundary';
import { useLocale } from '../shell/locale';
import { ProvisionSitePanel } from '../shell/SetupPanel';
import { SiteHealth } from '../shell/SiteHealth';
import { useServices } from '../shell/services';
import { useStrings } from '../shell/strings';
import { TabStrip } from '../shell/TabStrip';
import type { IFollowUpAppProps } from './FollowUpApp.types';
import { FollowUpContext, type IFollowUpContext } from './FollowUpContext';
import { knownMeetings, openFirst, type FollowUpTab } from './followUpModel';
import { MyTasks } from './MyTasks';
import { OverviewTab } from './OverviewTab';
import { buildPeople } from './people';
import { useFollowUpData, useMyTasks, useTaskBoard, type IFollowUpData } from './useFollowUpData';
import { useAppStyles } from './useFollowUpStyles.styles';
import { useOverviewLists, type IViewList } from './useOverviewLists';
import { Unavailable } from '../shell/Unavailable';

// The first view is the overview (or, for everyone else, their own tasks): the task board and the
// report load when their tab is first chosen.
const TasksTab = React.lazy(() =>
  import(/* webpackChunkName: 'mpk-tasks' */ './TasksTab').then((m) => ({ default: m.TasksTab })),
);
const ReportTab = React.lazy(() =>
  import(/* webpackChunkName: 'mpk-report' */ './ReportTab').then((m) => ({ default: m.ReportTab })),
);

export type { IFollowUpAppProps, FollowUpTab } from './FollowUpApp.types';

const MANAGER_TABS: readonly FollowUpTab[] = ['overview', 'tasks', 'mine', 'report'];

/** A polite live region: save and move results are read out without moving focus. */
function useAnnouncer(): [string, (message: string) => void] {
  const [message, setMessage] = React.useState('');
  const timer = React.useRef<number>();
  React.useEffect(() => () => window.clearTimeout(timer.current), []);
  const announce = React.useCallback((next: string) => {
    // Clearing first makes a repeated message be read again.
    setMessage('');
    window.clearTimeout(timer.current);
    timer.current = window.setTimeout(() => setMessage(next), 50);
  }, []);
  return [message, announce];
}

const NONE: readonly IFollowUpTask[] = [];

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

/** The surface once the view has been read. */
function FollowUpLoaded(
  props: IFollowUpAppProps & { data: IFollowUpData; view: IFollowUpView; now: Date; pageSize: number },
): JSX.Element {
  const services = useServices();
  const strings = useStrings();
  const locale = useLocale();
  const styles = useAppStyles();
  const s = strings.followUp;
  const { view, data, now } = props;
  const [message, announce] = useAnnouncer();
  const [extraTitles, setExtraTitles] = React.useState<Record<number, string>>({});
  const initiativeTitles = React.useMemo(() => {
    const titles: Record<number, string> = {};
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
  const tabBase = useId('mpk-followup-tab');

  let panel: JSX.Element;
  switch (tab) {
    case 'tasks':
      panel = <TasksTab board={board} meetings={meetings} />;
      break;
    case 'mine':
      panel = <MyTasks tasks={myTasks.tasks} pages={myTasks} />;
      break;
    case 'report':
      panel = (
        <ReportTab
          since={data.since}
          lists={lists}
          taskDelta={data.edits.statusDelta}
          edits={data.edits}
          meetings={meetings}
        />
      );
      break;
    default:
      panel = (
        <OverviewTab
          since={data.since}
          onCompare={(since) => data.reload(since)}
          lists={lists}
          taskDelta={data.edits.statusDelta}
          busy={data.status === 'loading'}
        />
      );
  }

  return (
    <FollowUpContext.Provider value={context}>
      {view.schema.needsUpgrade && view.isSiteOwner && (
        <ProvisionSitePanel
          schema={view.schema}
          isSiteOwner={view.isSiteOwner}
          note={s.notProvisionedNote}
          onProvisioned={() => data.reload()}
        />
      )}
      <SiteHealth isSiteOwner={view.isSiteOwner && !view.schema.needsUpgrade} />
      {data.status === 'error' && (
        <DataErrorMessage error={data.error} title={s.loadFailedTitle} onRetry={() => data.reload()} />
      )}
      <Unavailable parts={view.unavailable} only={view.canManageTasks ? undefined : ['myTasks']} />
      {view.canManageTasks ? (
        <>
          <TabStrip<FollowUpTab>
            selected={tab}
            onSelect={setTab}
            label={s.tabs.label}
            className={styles.tabs}
            tabs={tabs.map((value) => ({
              value,
              label: s.tabs[value],
              id: `${tabBase}-${value}`,
              controls: `${tabBase}-${value}-panel`,
            }))}
          />
          {data.status === 'loading' && <Spinner size="tiny" label={s.loading} />}
          <div
            role="tabpanel"
            id={`${tabBase}-${tab}-panel`}
            aria-labelledby={`${tabBase}-${tab}`}
            className={styles.panel}
          >
            <React.Suspense fallback={<Spinner size="tiny" label={strings.common.loading} />}>{panel}</React.Suspense>
          </div>
        </>
      ) : (
        <>
          <Notice intent="info" layout="multiline">
            <NoticeBody>{s.employeeNote}</NoticeBody>
          </Notice>
          <MyTasks tasks={myTasks.tasks} pages={myTasks} />
        </>
      )}
      <div role="status" aria-live="polite" className={styles.visuallyHidden}>
        {message}
      </div>
    </FollowUpContext.Provider>
  );
}

/** Loads the view (one call) and shows loading, failure, "Klargør site" or the surface. */
function FollowUpSurface(props: IFollowUpAppProps): JSX.Element {
  const strings = useStrings();
  const styles = useAppStyles();
  const s = strings.followUp;
  const [now] = React.useState(() => props.now || new Date());
  const pageSize = props.pageSize || 50;
  const data = useFollowUpData({ now, pageSize });
  const titleId = useId('mpk-followup-title');

  let body: JSX.Element;
  if (!data.view) {
    body =
      data.status === 'error' ? (
        <DataErrorMessage error={data.error} title={s.loadFailedTitle} onRetry={() => data.reload()} />
      ) : (
        <Spinner label={s.loading} />
      );
  } else if (!data.view.schema.provisioned) {
    body = (
      <>
        <Text as="p" block>
          {s.explanation}
        </Text>
        <ProvisionSitePanel
          schema={data.view.schema}
          isSiteOwner={data.view.isSiteOwner}
          note={s.notProvisionedNote}
          onProvisioned={() => data.reload()}
        />
      </>
    );
  } else {
    body = <FollowUpLoaded {...props} data={data} view={data.view} now={now} pageSize={pageSize} />;
  }

  return (
    <section className={styles.root} aria-labelledby={titleId}>
      <Title2 as="h2" id={titleId} className={styles.heading}>
        {s.webPartTitle}
      </Title2>
      <ThrottleNotice />
      <ErrorBoundary>{body}</ErrorBoundary>
    </section>
  );
}

/**
 * "Opfølgning" — the chefgruppe's overview (units × ambitions), follow-up tasks, "Mine opgaver" and
 * the status report; everyone else sees their own tasks. SharePoint web part and Teams personal app.
 */
export function FollowUpApp(props: IFollowUpAppProps): JSX.Element {
  return <FollowUpSurface {...props} />;
}
