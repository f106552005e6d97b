import * as React from 'react';
import { makeStyles, Text, tokens } from '@fluentui/react-components';
import { Spinner } from '../shell/Spinner';
import type { IPlan } from '../../domain/model';
import type { IPlanView, IUnitItem } from '../../data/repositories/types';
import { DataErrorMessage } from '../shell/DataErrorMessage';
import { ThrottleNotice } from '../shell/ThrottleNotice';
import { ErrorBoundary } from '../shell/ErrorBoundary';
import { useLocale } from '../shell/locale';
import { ProvisionSitePanel } from '../shell/SetupPanel';
import { SiteHealth } from '../shell/SiteHealth';
import { useServices } from '../shell/services';
import { fill, useStrings } from '../shell/strings';
import { initiativeIdFromSearch, parseInitiativeId, planIdFromSearch, sharePointPlanLink } from './deepLink';
import type { IPlanAppProps } from './PlanApp.types';
import { PlanView } from './PlanView';
import { mayActForUnit, unitsActedFor } from '../../domain/unitAccess';
import { DataError } from '../../data/errors';
import { rememberedUnitId, rememberUnitId, type PlanHost } from './unitChoice';
import { unitForChannel } from '../../domain/planUnits';
import { UnitPicker } from './UnitPicker';
import { usePlanView } from './usePlanView';
import { withPlan, withUnit } from '../../domain/planViewPatch';
import { Unavailable } from '../shell/Unavailable';

export type { IPlanAppProps, IPlanTeamsContext } from './PlanApp.types';

// Only a unit without a plan shows it, and only to its leaders.
const CreatePlanForm = React.lazy(() =>
  import(/* webpackChunkName: 'mpk-plan-forms' */ './CreatePlanForm').then((m) => ({ default: m.CreatePlanForm })),
);

const useStyles = makeStyles({
  root: {
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalL,
    padding: tokens.spacingHorizontalL,
    minWidth: 0,
    '@media (max-width: 480px)': { padding: tokens.spacingHorizontalS },
  },
  title: {
    margin: 0,
    fontSize: tokens.fontSizeBase600,
    lineHeight: tokens.lineHeightBase600,
    fontWeight: tokens.fontWeightSemibold,
    overflowWrap: 'anywhere',
  },
  subtitle: { color: tokens.colorNeutralForeground2 },
  panel: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalM },
  panelHeading: {
    margin: 0,
    fontSize: tokens.fontSizeBase500,
    lineHeight: tokens.lineHeightBase500,
    fontWeight: tokens.fontWeightSemibold,
  },
  // Visually hidden but read by screen readers.
  live: {
    position: 'absolute',
    width: '1px',
    height: '1px',
    margin: '-1px',
    padding: 0,
    overflow: 'hidden',
    clip: 'rect(0, 0, 0, 0)',
    whiteSpace: 'nowrap',
    border: 0,
  },
});

/**
 * "Ambitionsplan" — the unit's plan as a SharePoint web part, a Teams channel tab and the Teams
 * personal app. The first view is one call (`loadPlanView`, one `$batch`).
 */
export function PlanApp(props: IPlanAppProps): JSX.Element {
  return (
    <ErrorBoundary>
      <PlanSurface {...props} />
    </ErrorBoundary>
  );
}

function initialUnitId(host: PlanHost, props: IPlanAppProps): number | undefined {
  if (props.unitId !== undefined) return props.unitId;
  return rememberedUnitId(host, props.teams?.channelId);
}

function initialPlanId(host: PlanHost, props: IPlanAppProps): number | undefined {
  if (props.planId !== undefined) return props.planId;
  return host === 'sharepoint' && typeof window !== 'undefined' ? planIdFromSearch(window.location.search) : undefined;
}

function PlanSurface(props: IPlanAppProps): JSX.Element {
  const services = useServices();
  const allStrings = useStrings();
  const strings = allStrings.plan;
  const locale = useLocale();
  const styles = useStyles();
  const host: PlanHost = props.host ?? 'sharepoint';
  const channelId = host === 'teams-channel' ? props.teams?.channelId : undefined;
  const now = React.useMemo(() => props.now ?? (() => new Date()), [props.now]);
  const [unitId, setUnitId] = React.useState<number | undefined>(() => initialUnitId(host, props));
  const [choosing, setChoosing] = React.useState(false);
  const [mapping, setMapping] = React.useState<{ busy: boolean; error?: unknown }>({ busy: false });
  const [announcement, setAnnouncement] = React.useState('');
  // The plan chosen in the header (an earlier period); undefined: the current one, or a link's.
  const [planId, setPlanId] = React.useState<number | undefined>(() => initialPlanId(host, props));
  // A link to an initiative opens its plan; once the reader picks another plan the link is done with.
  const [followLink, setFollowLink] = React.useState(true);

  // The property pane's unit wins whenever it changes.
  React.useEffect(() => {
    if (props.unitId !== undefined) setUnitId(props.unitId);
  }, [props.unitId]);

  const announce = React.useCallback((message: string) => setAnnouncement(message), []);
  const provisioned = (): void => {
    // The panel's own report unmounts with the reload: say it in the status line as well.
    announce(allStrings.siteSetup.doneTitle);
    reload();
  };

  const pageLinkedInitiativeId = React.useMemo(
    () =>
      parseInitiativeId(props.teams?.subPageId) ??
      props.initiativeId ??
      (host === 'sharepoint' && typeof window !== 'undefined'
        ? initiativeIdFromSearch(window.location.search)
        : undefined),
    [props.teams?.subPageId, props.initiativeId, host],
  );
  const linkedInitiativeId = followLink ? pageLinkedInitiativeId : undefined;
  const {
    status,
    view: shown,
    error,
    reload,
    patch,
  } = usePlanView(unitId, props.unitId === undefined ? channelId : undefined, {
    planId,
    initiativeId: linkedInitiativeId,
  });

  // While a read runs or after it failed, the surface shows the spinner or the error, not the last view.
  const view = status === 'ready' ? shown : undefined;

  // A channel tab follows the Units list: a channel mapped there wins over this browser's memory
  // (which only stands in when the list could not be changed by the person who set the tab up).
  // The data layer resolves the channel (`view.unit`); the Units list's mapping stays the fallback.
  const channelUnit =
    view && channelId && props.unitId === undefined
      ? view.unit && view.unit.id !== undefined
        ? view.unit
        : unitForChannel(view.units, channelId)
      : undefined;
  React.useEffect(() => {
    if (channelUnit && channelUnit.id !== unitId) {
      rememberUnitId('teams-channel', channelId, channelUnit.id);
      setUnitId(channelUnit.id);
    }
  }, [channelUnit, unitId, channelId]);

  // After the reader picked a plan: say which one is shown, and keep focus on the picker.
  const [planSwitched, setPlanSwitched] = React.useState(false);
  const announcedPlan = React.useRef<number | undefined>(undefined);
  React.useEffect(() => {
    const shown = view?.plan;
    if (!planSwitched || !shown || announcedPlan.current === shown.id) return;
    announcedPlan.current = shown.id;
    announce(fill(strings.header.planShown, { period: shown.period }));
  }, [view, planSwitched, announce, strings]);

  const choosePlan = (plan: IPlan): void => {
    setFollowLink(false);
    setPlanSwitched(true);
    setPlanId(plan.id);
    // The page's address follows, so a reload or a copied link shows the same plan.
    if (host === 'sharepoint' && typeof window !== 'undefined' && window.history) {
      const current = plan.id === view?.currentPlanId;
      window.history.replaceState(
        window.history.state,
        '',
        sharePointPlanLink(window.location.href, current ? undefined : plan.id),
      );
    }
  };

  const chooseUnit = (unit: IUnitItem): void => {
    setPlanId(undefined);
    rememberUnitId(host, channelId, unit.id);
    if (host === 'sharepoint') props.onUnitChange?.(unit.id as number);
    setChoosing(false);
    setUnitId(unit.id);
    announce(fill(strings.unit.chosen, { unit: unit.name }));
  };

  /**
   * Maps the channel to a unit the person acts for (the data layer checks the same rule, with the
   * leaders as they are now); `takeOver`: they confirmed moving it from another channel.
   */
  const mapChannel = async (unit: IUnitItem, view: IPlanView, takeOver: boolean): Promise<void> => {
    if (!channelId) return;
    const mapped = unitForChannel(view.units, channelId);
    if (
      !mayActForUnit(view.actor, unit.id, view.units) ||
      (mapped && mapped.id !== unit.id && !mayActForUnit(view.actor, mapped.id, view.units))
    ) {
      setMapping({
        busy: false,
        error: new DataError('forbidden', {
          reason: mayActForUnit(view.actor, unit.id, view.units) ? 'channelOfOtherUnit' : 'unitNotYours',
        }),
      });
      return;
    }
    setPlanId(undefined);
    setMapping({ busy: true });
    // Remembered here at once, so the tab works even if the Units list may not be changed by this person.
    rememberUnitId('teams-channel', channelId, unit.id);
    // On the tab's configuration page the web part keeps it as the tab's own: one request in any browser.
    props.onUnitChange?.(unit.id as number);
    let error: unknown;
    try {
      const saved = await services.units.mapChannel(
        unit.id as number,
        { channelId, channelName: props.teams?.channelName, teamId: props.teams?.teamId },
        { takeOver },
      );
      patch((v) => saved.reduce(withUnit, v));
      announce(fill(strings.unit.channelSaved, { unit: unit.name }));
    } catch (e) {
      error = e;
    }
    setMapping({ busy: false, error });
    setChoosing(false);
    setUnitId(unit.id);
  };

  const heading = (unitName?: string): JSX.Element => (
    <h2 id="mpk-plan-title" className={styles.title}>
      {unitName ? fill(strings.titleWithUnit, { unit: unitName }) : strings.webPartTitle}
    </h2>
  );

  let body: JSX.Element;
  let unitName: string | undefined;
  if (status === 'loading' || (channelUnit && channelUnit.id !== unitId)) {
    body = <Spinner label={strings.loading} />;
  } else if (status === 'failed' || !view) {
    body = <DataErrorMessage error={error} title={strings.loadFailedTitle} onRetry={reload} />;
  } else {
    const v = view;
    // A leader maps the channel to the units they lead (or below them); the chefgruppe and site owners to any.
    const channelUnits = unitsActedFor(v.actor, v.units);
    const canConfigure = channelUnits.length > 0;
    const ownUnitsNote = v.actor.isSiteOwner || v.actor.inChefgruppe ? undefined : strings.unit.onlyOwnUnits;
    if (!v.schema.provisioned) {
      body = (
        <div className={styles.panel}>
          <Text>{strings.explanation}</Text>
          <ProvisionSitePanel
            schema={v.schema}
            isSiteOwner={v.permissions.isSiteOwner}
            note={strings.notProvisionedNote}
            onProvisioned={provisioned}
          />
        </div>
      );
    } else if (host === 'teams-channel' && (choosing || unitId === undefined)) {
      body = (
        <section className={styles.panel} aria-labelledby="mpk-plan-setup">
          <h3 id="mpk-plan-setup" className={styles.panelHeading}>
            {strings.unit.channelSetupTitle}
          </h3>
          {canConfigure ? (
            <>
              <Text>
                {fill(strings.unit.channelSetupExplanation, {
                  channel: props.teams?.channelName || strings.unit.thisChannel,
                })}
              </Text>
              <UnitPicker
                units={channelUnits}
                channelId={channelId}
                note={ownUnitsNote}
                selectedId={choosing && channelUnits.some((u) => u.id === unitId) ? unitId : undefined}
                submitLabel={strings.unit.channelSetupSave}
                busy={mapping.busy}
                onPick={(unit, takeOver) => void mapChannel(unit, v, takeOver)}
                onCancel={choosing ? () => setChoosing(false) : undefined}
              />
            </>
          ) : (
            <Text>{strings.unit.channelNotMappedNote}</Text>
          )}
        </section>
      );
    } else if (host === 'teams-personal' && (choosing || unitId === undefined)) {
      body = (
        <section className={styles.panel} aria-labelledby="mpk-plan-setup">
          <h3 id="mpk-plan-setup" className={styles.panelHeading}>
            {strings.unit.personalTitle}
          </h3>
          <Text>{strings.unit.personalExplanation}</Text>
          <UnitPicker
            units={v.units}
            selectedId={choosing ? unitId : undefined}
            submitLabel={strings.unit.show}
            onPick={chooseUnit}
            onCancel={choosing ? () => setChoosing(false) : undefined}
          />
        </section>
      );
    } else if (host === 'sharepoint' && (unitId === undefined || (choosing && v.permissions.isSiteOwner))) {
      body = (
        <section className={styles.panel} aria-labelledby="mpk-plan-setup">
          <h3 id="mpk-plan-setup" className={styles.panelHeading}>
            {strings.unit.sharePointMissingTitle}
          </h3>
          <Text>{strings.unit.sharePointMissingNote}</Text>
          {v.permissions.isSiteOwner && (
            <>
              <Text>{strings.unit.sharePointOwnerPick}</Text>
              <UnitPicker units={v.units} submitLabel={strings.unit.show} onPick={chooseUnit} />
            </>
          )}
        </section>
      );
    } else if (!v.unit) {
      body = (
        <section className={styles.panel} aria-labelledby="mpk-plan-setup">
          <h3 id="mpk-plan-setup" className={styles.panelHeading}>
            {strings.unit.unknownUnitTitle}
          </h3>
          <Text>
            {host === 'teams-channel' && !canConfigure ? strings.unit.unknownUnitReader : strings.unit.unknownUnit}
          </Text>
          {(host !== 'sharepoint' ? host === 'teams-personal' || canConfigure : v.permissions.isSiteOwner) && (
            <UnitPicker
              units={host === 'teams-channel' ? channelUnits : v.units}
              channelId={channelId}
              note={host === 'teams-channel' ? ownUnitsNote : undefined}
              submitLabel={host === 'teams-channel' ? strings.unit.channelSetupSave : strings.unit.show}
              busy={mapping.busy}
              onPick={(unit, takeOver) =>
                host === 'teams-channel' ? void mapChannel(unit, v, takeOver) : chooseUnit(unit)
              }
            />
          )}
        </section>
      );
    } else {
      unitName = v.unit.name;
      // Moving the channel away from its unit is acting for that unit as well.
      const canChangeUnit =
        host === 'teams-personal' ||
        (host === 'teams-channel' &&
          props.unitId === undefined &&
          canConfigure &&
          mayActForUnit(v.actor, v.unit.id, v.units));
      body = (
        <>
          {v.schema.needsUpgrade && v.permissions.isSiteOwner && (
            <ProvisionSitePanel
              schema={v.schema}
              isSiteOwner
              note={strings.notProvisionedNote}
              onProvisioned={provisioned}
            />
          )}
          {v.plan ? (
            <PlanView
              view={v}
              plan={v.plan}
              patch={patch}
              host={host}
              locale={locale}
              now={now}
              announce={announce}
              teams={props.teams}
              linkToInitiative={props.linkToInitiative}
              linkedInitiativeId={linkedInitiativeId}
              onChoosePlan={choosePlan}
              focusPlanSwitch={planSwitched}
              onChangeUnit={canChangeUnit ? () => setChoosing(true) : undefined}
            />
          ) : (v.unavailable || []).indexOf('plans') >= 0 ? (
            // The plans could not be read: say so, and do not offer to create one.
            <Unavailable parts={v.unavailable} />
          ) : (
            <NoPlan view={v} unit={v.unit} patch={patch} locale={locale} now={now} announce={announce} />
          )}
        </>
      );
    }
  }

  return (
    <section className={styles.root} aria-labelledby="mpk-plan-title">
      {heading(unitName)}
      <ThrottleNotice />
      {mapping.error !== undefined && (
        <DataErrorMessage
          error={mapping.error}
          title={strings.unit.channelMappingNotSaved}
          onDismiss={() => setMapping({ busy: false })}
        />
      )}
      {view && (
        <SiteHealth
          isSiteOwner={view.permissions.isSiteOwner && view.schema.provisioned && !view.schema.needsUpgrade}
        />
      )}
      {body}
      <div role="status" aria-live="polite" aria-atomic="true" className={styles.live}>
        {announcement}
      </div>
    </section>
  );
}

/** Props of {@link NoPlan}. */
interface INoPlanProps {
  view: IPlanView;
  unit: IUnitItem;
  patch(change: (view: IPlanView) => IPlanView): void;
  locale: 'da-DK' | 'en-US';
  now(): Date;
  announce(message: string): void;
}

/** The unit has no plan yet: leaders create it; everybody else is told it will come. */
function NoPlan(props: INoPlanProps): JSX.Element {
  const allStrings = useStrings();
  const strings = allStrings.plan.create;
  const styles = useStyles();
  return (
    <section className={styles.panel} aria-labelledby="mpk-plan-create">
      <h3 id="mpk-plan-create" className={styles.panelHeading}>
        {strings.noPlanTitle}
      </h3>
      {props.view.permissions.canEditPlan ? (
        <React.Suspense fallback={<Spinner size="tiny" label={allStrings.common.loading} />}>
          <CreatePlanForm
            unit={props.unit}
            locale={props.locale}
            now={props.now}
            announce={props.announce}
            onCreated={(plan: IPlan) => props.patch((v) => withPlan(v, plan))}
          />
        </React.Suspense>
      ) : (
        <Text>{strings.noPlanReader}</Text>
      )}
    </section>
  );
}
