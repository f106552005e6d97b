import * as React from 'react';
import { makeStyles, tokens, useId } from '@fluentui/react-components';
import { plainList } from '../shell/sharedStyles';
import { Notice, NoticeBody } from '../shell/Notice';
import type { Locale } from '../../domain/locale';
import type { IInitiative, IPlan } from '../../domain/model';
import { canEditPlanFocus } from '../../domain/workflow';
import type { IPlanView } from '../../data/repositories/types';
import { ErrorBoundary } from '../shell/ErrorBoundary';
import { useServices } from '../shell/services';
import { fill, useStrings } from '../shell/strings';
import { AmbitionSection } from './AmbitionSection';
import { PERSONAL_TAB_ENTITY_ID, sharePointInitiativeLink, teamsInitiativeLink } from './deepLink';
import { InitiativeCard } from './InitiativeCard';
import type { IPlanTeamsContext } from './PlanApp.types';
import { PlanContext, type IPlanAbilities, type IPlanContext } from './PlanContext';
import { PlanHeader } from './PlanHeader';
import { PlanOverview } from './PlanOverview';
import { focusFor, groupByAmbition } from '../../domain/planModel';
import type { Host } from '../../domain/host';
import { Unavailable } from '../shell/Unavailable';

/** Props of {@link PlanView}. */
export interface IPlanViewProps {
  view: IPlanView;
  plan: IPlan;
  patch(change: (view: IPlanView) => IPlanView): void;
  host: Host;
  locale: Locale;
  now(): Date;
  announce(message: string): void;
  teams?: IPlanTeamsContext;
  linkToInitiative?(initiativeId: number): string;
  linkedInitiativeId?: number;
  onChangeUnit?(): void;
  /** Shows another of the unit's plans (an earlier period). */
  onChoosePlan?(plan: IPlan): void;
  /** Puts focus on the plan picker when the header mounts (after the reader switched plans). */
  focusPlanSwitch?: boolean;
}

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalXL, minWidth: 0 },
  orphans: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalM },
  heading: {
    margin: 0,
    fontSize: tokens.fontSizeBase500,
    lineHeight: tokens.lineHeightBase500,
    fontWeight: tokens.fontWeightSemibold,
  },
  list: plainList(tokens.spacingVerticalM),
});

/** What the user may do, from the view's permissions and the plan's status. */
export function abilitiesFor(view: IPlanView, plan: IPlan): IPlanAbilities {
  const closed = plan.status === 'closed';
  const p = view.permissions;
  return {
    changeStatus: p.canEditPlan,
    editFocus: p.canEditPlan && canEditPlanFocus(plan.status),
    editInitiatives: p.canEditInitiatives && !closed,
    checkIn: p.canCheckIn && !closed,
    comment: p.canComment,
  };
}

/** An open plan: its header, the five ambitions with their initiatives, and anything under an unknown ambition. */
export function PlanView(props: IPlanViewProps): JSX.Element {
  const strings = useStrings().plan;
  const styles = useStyles();
  const { view, plan, linkedInitiativeId } = props;
  const context = usePlanContextValue(props);
  const { byAmbition, orphans } = groupByAmbition(view.initiatives, view.ambitions);
  const linkedMissing = linkedInitiativeId !== undefined && !view.initiatives.some((i) => i.id === linkedInitiativeId);
  return (
    <PlanContext.Provider value={context}>
      <div className={styles.root}>
        <PlanHeader
          plan={plan}
          onChangeUnit={props.onChangeUnit}
          onChoosePlan={props.onChoosePlan}
          focusPlanSwitch={props.focusPlanSwitch}
        />
        <ErrorBoundary compact>
          <PlanOverview />
        </ErrorBoundary>
        <Unavailable parts={view.unavailable} />
        {linkedMissing && (
          <Notice intent="warning" layout="multiline">
            <NoticeBody>{strings.initiative.notFound}</NoticeBody>
          </Notice>
        )}
        {view.ambitions.map((ambition) => (
          // One ambition with bad data must not take the other four with it.
          <ErrorBoundary key={ambition.key} compact>
            <AmbitionSection
              ambition={ambition}
              focus={focusFor(view.focuses, ambition.key)}
              initiatives={byAmbition[ambition.key] ?? []}
            />
          </ErrorBoundary>
        ))}
        {orphans.length > 0 && <OrphanInitiatives orphans={orphans} />}
      </div>
    </PlanContext.Provider>
  );
}

/** Initiatives under an ambition the list does not know (any more): shown, with a warning. */
function OrphanInitiatives(props: { orphans: IInitiative[] }): JSX.Element {
  const strings = useStrings().plan.ambition;
  const styles = useStyles();
  const headingId = useId('mpk-plan-orphans');
  return (
    <section aria-labelledby={headingId} className={styles.orphans}>
      <h3 id={headingId} className={styles.heading}>
        {strings.orphansTitle}
      </h3>
      <Notice intent="warning" layout="multiline">
        <NoticeBody>{strings.orphansNote}</NoticeBody>
      </Notice>
      <ul className={styles.list}>
        {props.orphans.map((initiative) => (
          <li key={initiative.id}>
            <ErrorBoundary compact>
              <InitiativeCard initiative={initiative} />
            </ErrorBoundary>
          </li>
        ))}
      </ul>
    </section>
  );
}

/** What the parts of the open plan share (`usePlan()`), kept the same object while nothing it holds changes. */
function usePlanContextValue(props: IPlanViewProps): IPlanContext {
  const services = useServices();
  const strings = useStrings().plan;
  const { view, plan, patch, host, locale, now, announce, teams, linkToInitiative, linkedInitiativeId } = props;
  return React.useMemo<IPlanContext>(() => {
    const personName = (userId: number | undefined): string => {
      if (userId === undefined || userId === null) return strings.people.unknown;
      if (userId === services.user.id) {
        return services.user.displayName
          ? fill(strings.people.me, { name: services.user.displayName })
          : strings.people.you;
      }
      // The view's names (`view.people`); someone missing there is known by the unit they lead.
      const known = view.people?.[userId]?.displayName;
      if (known) return known;
      const led =
        view.unit && (view.unit.leaderIds || []).indexOf(userId) >= 0
          ? view.unit
          : view.units.find((u) => (u.leaderIds || []).indexOf(userId) >= 0);
      return led ? fill(strings.people.leader, { unit: led.name }) : fill(strings.people.user, { id: userId });
    };
    const linkFor = (initiativeId: number): string => {
      if (host !== 'sharepoint') {
        const entityId = teams?.entityId || PERSONAL_TAB_ENTITY_ID;
        return teamsInitiativeLink({
          entityId,
          initiativeId,
          channelId: teams?.channelId,
          label: strings.webPartTitle,
        });
      }
      return linkToInitiative
        ? linkToInitiative(initiativeId)
        : sharePointInitiativeLink(window.location.href, initiativeId);
    };
    return {
      view,
      patch,
      host,
      locale,
      now,
      announce,
      linkFor,
      shareInTeams: teams?.shareDeepLink ? (id, label) => teams.shareDeepLink?.(String(id), label) : undefined,
      linkedInitiativeId,
      personName,
      can: abilitiesFor(view, plan),
    };
  }, [
    view,
    plan,
    patch,
    host,
    locale,
    now,
    announce,
    teams,
    linkToInitiative,
    linkedInitiativeId,
    services.user,
    strings,
  ]);
}
