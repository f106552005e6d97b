import * as React from 'react';
import { Text, Title2, useId } from '@fluentui/react-components';
import { Spinner } from '../shell/Spinner';
import { Notice, NoticeBody } from '../shell/Notice';
import { AnnouncerProvider } from '../shell/Announcer';
import { DataErrorMessage } from '../shell/DataErrorMessage';
import { ThrottleNotice } from '../shell/ThrottleNotice';
import { ErrorBoundary } from '../shell/ErrorBoundary';
import { ProvisionSitePanel } from '../shell/SetupPanel';
import { SiteHealth } from '../shell/SiteHealth';
import { useStrings } from '../shell/strings';
import { TabStrip } from '../shell/TabStrip';
import type { IFollowUpAppProps } from './FollowUpApp.types';
import { FollowUpContext } from './FollowUpContext';
import type { FollowUpTab } from './followUpModel';
import { MyTasks } from './MyTasks';
import { OverviewTab } from './OverviewTab';
import { useFollowUpData, type IFollowUpData } from './useFollowUpData';
import { useFollowUpLoaded, type IFollowUpLoadedProps, type IFollowUpLoadedState } from './useFollowUpLoaded';
import { useAppStyles } from './useFollowUpStyles.styles';
import { Unavailable } from '../shell/Unavailable';
import { DeliveryLine } from '../shell/inbox/DeliveryLine';
import { InboxBell } from '../shell/inbox/InboxBell';
import { TitleRow } from '../shell/inbox/TitleRow';
import { useLinkedTask } from './useLinkedTask';

// The first view is the overview (or, for everyone else, their own tasks): the task board and the
// report load when their tab is first chosen.
const TasksTab = React.lazy(() =>
  import(/* webpackChunkName: 'mpk-tasks' */ './TasksTab').then((m) => ({ default: m.TasksTab })),
);
const ReportTab = React.lazy(() =>
  import(/* webpackChunkName: 'mpk-report' */ './ReportTab').then((m) => ({ default: m.ReportTab })),
);
const MeasurementsTab = React.lazy(() =>
  import(/* webpackChunkName: 'mpk-measurements-tab' */ './MeasurementsTab').then((m) => ({
    default: m.MeasurementsTab,
  })),
);

export type { IFollowUpAppProps, FollowUpTab } from './FollowUpApp.types';

/** The chosen tab's panel; a key figure opens "Opgaver" filtered, saying by what (`filteredBy`). */
function TabPanel(props: { state: IFollowUpLoadedState; data: IFollowUpData }): JSX.Element {
  const { state, data } = props;
  const [filteredBy, setFilteredBy] = React.useState<string>();
  switch (state.tab) {
    case 'tasks':
      return (
        <TasksTab
          board={state.board}
          meetings={state.meetings}
          filteredBy={filteredBy}
          onArrived={() => setFilteredBy(undefined)}
        />
      );
    case 'mine':
      return <MyTasks tasks={state.myTasks.tasks} pages={state.myTasks} />;
    case 'measurements':
      return <MeasurementsTab />;
    case 'report':
      return (
        <ReportTab
          since={data.since}
          lists={state.lists}
          taskDelta={data.edits.statusDelta}
          edits={data.edits}
          meetings={state.meetings}
        />
      );
    default:
      return (
        <OverviewTab
          since={data.since}
          onCompare={(since) => data.reload(since)}
          lists={state.lists}
          taskDelta={data.edits.statusDelta}
          busy={data.status === 'loading'}
          onShowMeasurements={state.tabs.includes('measurements') ? () => state.setTab('measurements') : undefined}
          onShowTasks={(filters, label) => {
            setFilteredBy(label);
            state.board.setFilters(filters);
            state.setTab('tasks');
          }}
        />
      );
  }
}

/** The surface once the view has been read. */
function FollowUpLoaded(props: IFollowUpLoadedProps): JSX.Element {
  const strings = useStrings();
  const styles = useAppStyles();
  const s = strings.followUp;
  const { view, data } = props;
  const state = useFollowUpLoaded(props);
  const { tab, tabs, myTasks } = state;
  const tabBase = useId('mpk-followup-tab');

  return (
    <FollowUpContext.Provider value={state.context}>
      {view.schema.needsUpgrade && view.isSiteOwner && (
        <ProvisionSitePanel
          schema={view.schema}
          isSiteOwner={view.isSiteOwner}
          note={s.notProvisionedNote}
          onProvisioned={() => data.reload()}
        />
      )}
      <SiteHealth isSiteOwner={view.isSiteOwner && !view.schema.needsUpgrade} />
      {data.status === 'failed' && (
        <DataErrorMessage error={data.error} title={s.loadFailedTitle} onRetry={() => data.reload()} />
      )}
      <Unavailable parts={view.unavailable} only={view.canManageTasks ? undefined : ['myTasks']} />
      {view.canManageTasks ? (
        <>
          <TabStrip<FollowUpTab>
            selected={tab}
            onSelect={state.setTab}
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
            <React.Suspense fallback={<Spinner size="tiny" label={strings.common.loading} />}>
              <TabPanel state={state} data={data} />
            </React.Suspense>
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
  const link = useLinkedTask(props);

  let body: JSX.Element;
  if (!data.view) {
    body =
      data.status === 'failed' ? (
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
    body = (
      <FollowUpLoaded {...props} data={data} view={data.view} now={now} pageSize={pageSize} linked={link.linked} />
    );
  }

  return (
    <section className={styles.root} aria-labelledby={titleId}>
      <TitleRow
        bell={
          <InboxBell summary={data.view?.inbox} host={props.host} opensHere={link.opensHere} onOpenEntry={link.open} />
        }
      >
        <Title2 as="h2" id={titleId} className={styles.heading}>
          {s.webPartTitle}
        </Title2>
      </TitleRow>
      <ThrottleNotice />
      <DeliveryLine />
      <ErrorBoundary>{body}</ErrorBoundary>
    </section>
  );
}

/**
 * "Opfølgning" — the chefgruppe's overview (units × ambitions), follow-up tasks, "Mine opgaver" and
 * the status report; everyone else sees their own tasks. SharePoint web part and Teams personal app.
 */
export function FollowUpApp(props: IFollowUpAppProps): JSX.Element {
  return (
    <AnnouncerProvider>
      <FollowUpSurface {...props} />
    </AnnouncerProvider>
  );
}
