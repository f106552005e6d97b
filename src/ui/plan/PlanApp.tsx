import * as React from 'react';
import { Text, useId } from '@fluentui/react-components';
import { Spinner } from '../shell/Spinner';
import type { IPlan } from '../../domain/model';
import type { IPlanView, IUnitItem } from '../../data/repositories/types';
import { AnnouncerProvider } from '../shell/Announcer';
import { DataErrorMessage } from '../shell/DataErrorMessage';
import { ThrottleNotice } from '../shell/ThrottleNotice';
import { ErrorBoundary } from '../shell/ErrorBoundary';
import { ProvisionSitePanel } from '../shell/SetupPanel';
import { SiteHealth } from '../shell/SiteHealth';
import { fill, useStrings } from '../shell/strings';
import type { IPlanAppProps } from './PlanApp.types';
import { PlanView } from './PlanView';
import { withPlan } from '../../domain/planViewPatch';
import { mayChangeUnit, PlanPanel, PlanUnitSetup } from './PlanUnitSetup';
import { usePlanSurface, type IPlanSurfaceState } from './usePlanSurface';
import { usePlanSurfaceStyles } from './usePlanSurfaceStyles.styles';
import { Unavailable } from '../shell/Unavailable';
import { DeliveryLine } from '../shell/inbox/DeliveryLine';
import { InboxBell } from '../shell/inbox/InboxBell';
import { TitleRow } from '../shell/inbox/TitleRow';

export type { IPlanAppProps, IPlanTeamsContext } from './PlanApp.types';

// Only a unit without a plan shows it, and only to its leaders.
const CreatePlanForm = React.lazy(() =>
  import(/* webpackChunkName: 'mpk-plan-forms' */ './CreatePlanForm').then((m) => ({ default: m.CreatePlanForm })),
);

/**
 * "Ambitionsplan" — the unit's plan as a SharePoint web part, a Teams channel tab and the Teams
 * personal app. The first view is one call (`loadPlanView`, one `$batch`).
 */
export function PlanApp(props: IPlanAppProps): JSX.Element {
  return (
    <ErrorBoundary>
      <AnnouncerProvider>
        <PlanSurface {...props} />
      </AnnouncerProvider>
    </ErrorBoundary>
  );
}

/** The surface's frame: its title, the notices every state shares, and the body for the state it is in. */
function PlanSurface(props: IPlanAppProps): JSX.Element {
  const strings = useStrings().plan;
  const styles = usePlanSurfaceStyles();
  const titleId = useId('mpk-plan-title');
  const s = usePlanSurface(props);
  const { view } = s;
  const unitName = view?.schema.provisioned && !s.adoptingChannelUnit ? shownUnitName(s, view) : undefined;
  return (
    <section className={styles.root} aria-labelledby={titleId} data-mpk="plan-surface">
      <TitleRow
        bell={
          <InboxBell summary={s.loader.view?.inbox} host={s.host} opensHere={s.opensHere} onOpenEntry={s.openEntry} />
        }
      >
        <h2 id={titleId} className={styles.title} tabIndex={-1}>
          {unitName ? fill(strings.titleWithUnit, { unit: unitName }) : strings.webPartTitle}
        </h2>
      </TitleRow>
      <ThrottleNotice />
      <DeliveryLine />
      {s.mapping.error !== undefined && (
        <DataErrorMessage
          error={s.mapping.error}
          title={strings.unit.channelMappingNotSaved}
          onDismiss={s.dismissMappingError}
        />
      )}
      {view && (
        <SiteHealth
          isSiteOwner={view.permissions.isSiteOwner && view.schema.provisioned && !view.schema.needsUpgrade}
        />
      )}
      <PlanBody surface={s} props={props} />
    </section>
  );
}

/** The unit is still to be chosen (or is unknown): the host's way of choosing it is shown. */
function choosingUnit(s: IPlanSurfaceState, view: IPlanView): boolean {
  const { host, unitId, choosing } = s;
  if (host !== 'sharepoint') return choosing || unitId === undefined || !view.unit;
  return unitId === undefined || (choosing && view.permissions.isSiteOwner) || !view.unit;
}

/** The unit named in the title: only once its plan (or lack of one) is shown. */
function shownUnitName(s: IPlanSurfaceState, view: IPlanView): string | undefined {
  return choosingUnit(s, view) ? undefined : view.unit?.name;
}

/** What the surface shows below its title, from loading to the open plan. */
function PlanBody(p: { surface: IPlanSurfaceState; props: IPlanAppProps }): JSX.Element {
  const strings = useStrings().plan;
  const styles = usePlanSurfaceStyles();
  const { surface: s, props } = p;
  const { view, loader } = s;
  if (loader.status === 'loading' || s.adoptingChannelUnit) return <Spinner label={strings.loading} />;
  if (!view) return <DataErrorMessage error={loader.error} title={strings.loadFailedTitle} onRetry={loader.reload} />;
  if (!view.schema.provisioned) {
    return (
      <div className={styles.panel}>
        <Text>{strings.explanation}</Text>
        <ProvisionSitePanel
          schema={view.schema}
          isSiteOwner={view.permissions.isSiteOwner}
          note={strings.notProvisionedNote}
          onProvisioned={s.provisioned}
        />
      </div>
    );
  }
  if (!view.unit || choosingUnit(s, view)) return <PlanUnitSetup surface={s} view={view} teams={props.teams} />;
  const unit = view.unit;
  return (
    <>
      {view.schema.needsUpgrade && view.permissions.isSiteOwner && (
        <ProvisionSitePanel
          schema={view.schema}
          isSiteOwner
          note={strings.notProvisionedNote}
          onProvisioned={s.provisioned}
        />
      )}
      {view.plan ? (
        <PlanView
          view={view}
          plan={view.plan}
          patch={loader.patch}
          host={s.host}
          locale={s.locale}
          now={s.now}
          announce={s.announce}
          teams={props.teams}
          linkToInitiative={props.linkToInitiative}
          linkedInitiativeId={s.linkedInitiativeId}
          onChoosePlan={s.choosePlan}
          focusPlanSwitch={s.planSwitched}
          onChangeUnit={mayChangeUnit(s, view, props.unitId) ? () => s.setChoosing(true) : undefined}
        />
      ) : (view.unavailable || []).indexOf('plans') >= 0 ? (
        // The plans could not be read: say so, and do not offer to create one.
        <Unavailable parts={view.unavailable} />
      ) : (
        <NoPlan view={view} unit={unit} surface={s} />
      )}
    </>
  );
}

/** The unit has no plan yet: leaders create it; everybody else is told it will come. */
function NoPlan(props: { view: IPlanView; unit: IUnitItem; surface: IPlanSurfaceState }): JSX.Element {
  const allStrings = useStrings();
  const strings = allStrings.plan.create;
  const s = props.surface;
  return (
    <PlanPanel title={strings.noPlanTitle}>
      {props.view.permissions.canEditPlan ? (
        <React.Suspense fallback={<Spinner size="tiny" label={allStrings.common.loading} />}>
          <CreatePlanForm
            unit={props.unit}
            locale={s.locale}
            now={s.now}
            announce={s.announce}
            onCreated={(plan: IPlan) => s.loader.patch((v) => withPlan(v, plan))}
          />
        </React.Suspense>
      ) : (
        <Text>{strings.noPlanReader}</Text>
      )}
    </PlanPanel>
  );
}
