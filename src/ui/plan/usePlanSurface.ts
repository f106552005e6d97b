import * as React from 'react';
import type { IPlan } from '../../domain/model';
import type { Locale } from '../../domain/locale';
import type { IPlanView, IUnitItem } from '../../data/repositories/types';
import { DataError } from '../../data/errors';
import { mayActForUnit } from '../../domain/unitAccess';
import { unitForChannel } from '../../domain/planUnits';
import { withUnit } from '../../domain/planViewPatch';
import { useAnnounce, type Announce } from '../shell/Announcer';
import { useLocale } from '../shell/locale';
import { useServices } from '../shell/services';
import { fill, useStrings } from '../shell/strings';
import type { IViewLoader } from '../shell/useViewLoader';
import { initiativeIdFromSearch, parseInitiativeId, planIdFromSearch, sharePointPlanLink } from './deepLink';
import type { IPlanAppProps } from './PlanApp.types';
import { rememberedUnitId, rememberUnitId } from './unitChoice';
import type { Host } from '../../domain/host';
import type { INotification } from '../../domain/notifications';
import { linkedItemId } from '../shell/inbox/linkedItem';
import { usePlanView } from './usePlanView';

/** A channel being mapped to a unit: busy while it is saved, and why it failed. */
export interface IChannelMapping {
  busy: boolean;
  error?: unknown;
}

/** What {@link usePlanSurface} hands the plan surface's render. */
export interface IPlanSurfaceState {
  host: Host;
  /** The channel of a channel tab. */
  channelId: string | undefined;
  locale: Locale;
  now(): Date;
  announce: Announce;
  unitId: number | undefined;
  /** The plan view, as every surface loads it. */
  loader: IViewLoader<IPlanView>;
  /** The view when it is ready (not while a read runs, nor after one failed). */
  view: IPlanView | undefined;
  /** The channel's unit is known but not yet adopted: the surface waits for it. */
  adoptingChannelUnit: boolean;
  /** The reader asked to pick another unit. */
  choosing: boolean;
  setChoosing(choosing: boolean): void;
  mapping: IChannelMapping;
  dismissMappingError(): void;
  linkedInitiativeId: number | undefined;
  /** The reader picked another plan (focus then stays on the picker). */
  planSwitched: boolean;
  /** The site was just set up: say so and read again. */
  provisioned(): void;
  choosePlan(plan: IPlan): void;
  chooseUnit(unit: IUnitItem): void;
  /** Maps the channel to a unit; `takeOver`: the person confirmed moving it from another channel. */
  mapChannel(unit: IUnitItem, view: IPlanView, takeOver: boolean): Promise<void>;
  /** Whether a "Nyt til dig" entry opens here (an initiative or plan this tab can show). */
  opensHere(entry: INotification): boolean;
  /** Opens a "Nyt til dig" entry's initiative or plan. */
  openEntry(entry: INotification): void;
}

function initialUnitId(host: Host, props: IPlanAppProps): number | undefined {
  if (props.unitId !== undefined) return props.unitId;
  return rememberedUnitId(host, props.teams?.channelId);
}

function initialPlanId(host: Host, props: IPlanAppProps): number | undefined {
  if (props.planId !== undefined) return props.planId;
  // A Teams deep link to a plan ("Nyt til dig": `plan-<id>`).
  const tabPlan = linkedItemId('plan', undefined, props.teams?.subPageId);
  if (tabPlan !== undefined) return tabPlan;
  return host === 'sharepoint' && typeof window !== 'undefined' ? planIdFromSearch(window.location.search) : undefined;
}

function pageInitiativeId(host: Host, props: IPlanAppProps): number | undefined {
  return (
    parseInitiativeId(props.teams?.subPageId) ??
    props.initiativeId ??
    (host === 'sharepoint' && typeof window !== 'undefined'
      ? initiativeIdFromSearch(window.location.search)
      : undefined)
  );
}

/** Why the person may not map the channel to `unit`, if they may not (the data layer checks the same rule). */
function mappingRefusal(view: IPlanView, unit: IUnitItem, channelId: string): DataError | undefined {
  const mapped = unitForChannel(view.units, channelId);
  const mayActHere = mayActForUnit(view.actor, unit.id, view.units);
  if (mayActHere && !(mapped && mapped.id !== unit.id && !mayActForUnit(view.actor, mapped.id, view.units))) {
    return undefined;
  }
  return new DataError('forbidden', { reason: mayActHere ? 'channelOfOtherUnit' : 'unitNotYours' });
}

/** The plan's choices: the unit, the plan picked in the header, and the initiative a link opened. */
interface IPlanChoices {
  unitId: number | undefined;
  setUnitId(unitId: number | undefined): void;
  planId: number | undefined;
  setPlanId(planId: number | undefined): void;
  setFollowLink(follow: boolean): void;
  linkedInitiativeId: number | undefined;
  /** Opens an initiative named by "Nyt til dig" (as a link to it would). */
  openInitiative(initiativeId: number): void;
}

/** The plan's choices (unit, plan, linked initiative) and where they start from. */
function usePlanChoices(host: Host, props: IPlanAppProps): IPlanChoices {
  const [unitId, setUnitId] = React.useState<number | undefined>(() => initialUnitId(host, props));
  // The plan chosen in the header (an earlier period); undefined: the current one, or a link's.
  const [planId, setPlanId] = React.useState<number | undefined>(() => initialPlanId(host, props));
  // A link to an initiative opens its plan; once the reader picks another plan the link is done with.
  const [followLink, setFollowLink] = React.useState(true);
  // An initiative opened from "Nyt til dig" wins over the page's link.
  const [opened, setOpened] = React.useState<number>();
  // The property pane's unit wins whenever it changes.
  React.useEffect(() => {
    if (props.unitId !== undefined) setUnitId(props.unitId);
  }, [props.unitId]);
  const pageLinkedInitiativeId = React.useMemo(
    () => pageInitiativeId(host, props),
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [props.teams?.subPageId, props.initiativeId, host],
  );
  return {
    unitId,
    setUnitId,
    planId,
    setPlanId,
    setFollowLink,
    linkedInitiativeId: followLink ? (opened ?? pageLinkedInitiativeId) : undefined,
    openInitiative: (initiativeId) => {
      setPlanId(undefined);
      setOpened(initiativeId);
      setFollowLink(true);
    },
  };
}

/** Picking one of the unit's plans in the header: the address follows, and the plan shown is announced. */
function usePlanSwitch(
  host: Host,
  view: IPlanView | undefined,
  choices: IPlanChoices,
): { planSwitched: boolean; choosePlan(plan: IPlan): void } {
  const announce = useAnnounce();
  const strings = useStrings().plan;
  // After the reader picked a plan: say which one is shown, and keep focus on the picker.
  const [planSwitched, setPlanSwitched] = React.useState(false);
  const announcedPlan = React.useRef<number | undefined>(undefined);
  const chosenPlan = React.useRef<number | undefined>(undefined);
  React.useEffect(() => {
    const shown = view?.plan;
    // Not the plan still on screen while the chosen one is read.
    if (!planSwitched || !shown || shown.id !== chosenPlan.current || announcedPlan.current === shown.id) return;
    announcedPlan.current = shown.id;
    announce(fill(strings.header.planShown, { period: shown.period }));
  }, [view, planSwitched, announce, strings]);

  const choosePlan = (plan: IPlan): void => {
    choices.setFollowLink(false);
    setPlanSwitched(true);
    chosenPlan.current = plan.id;
    choices.setPlanId(plan.id);
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

  return { planSwitched, choosePlan };
}

/**
 * The plan surface's state: which unit and plan to show, the one-call view of them, and the reader's
 * ways to change them (pick a unit, map the channel, pick an earlier plan).
 */
export function usePlanSurface(props: IPlanAppProps): IPlanSurfaceState {
  const services = useServices();
  const allStrings = useStrings();
  const strings = allStrings.plan;
  const locale = useLocale();
  const announce = useAnnounce();
  const host: Host = props.host ?? 'sharepoint';
  const channelId = host === 'teams-channel' ? props.teams?.channelId : undefined;
  const now = React.useMemo(() => props.now ?? (() => new Date()), [props.now]);
  const choices = usePlanChoices(host, props);
  const { unitId, setUnitId, planId, setPlanId, linkedInitiativeId } = choices;
  const [choosing, setChoosing] = React.useState(false);
  const [mapping, setMapping] = React.useState<IChannelMapping>({ busy: false });
  const loader = usePlanView(unitId, props.unitId === undefined ? channelId : undefined, {
    planId,
    initiativeId: linkedInitiativeId,
  });
  // While a read runs or after it failed, the surface shows the spinner or the error, not the last view.
  const view = loader.status === 'ready' ? loader.view : undefined;

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
  }, [channelUnit, unitId, channelId, setUnitId]);

  const { planSwitched, choosePlan } = usePlanSwitch(host, view, choices);

  const chooseUnit = (unit: IUnitItem): void => {
    setPlanId(undefined);
    rememberUnitId(host, channelId, unit.id);
    if (host === 'sharepoint') props.onUnitChange?.(unit.id as number);
    setChoosing(false);
    setUnitId(unit.id);
    announce(fill(strings.unit.chosen, { unit: unit.name }));
  };

  const mapChannel = async (unit: IUnitItem, current: IPlanView, takeOver: boolean): Promise<void> => {
    if (!channelId) return;
    const refusal = mappingRefusal(current, unit, channelId);
    if (refusal) {
      setMapping({ busy: false, error: refusal });
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
      loader.patch((v) => saved.reduce((acc, u) => withUnit(acc, u), v));
      announce(fill(strings.unit.channelSaved, { unit: unit.name }));
    } catch (e) {
      error = e;
    }
    setMapping({ busy: false, error });
    setChoosing(false);
    setUnitId(unit.id);
  };

  const opener = useEntryOpener(host, choices);

  const provisioned = (): void => {
    // The panel's own report unmounts with the reload: say it in the status line as well.
    announce(allStrings.siteSetup.doneTitle);
    loader.reload();
  };

  return {
    host,
    channelId,
    locale,
    now,
    announce,
    unitId,
    loader,
    view,
    adoptingChannelUnit: !!channelUnit && channelUnit.id !== unitId,
    choosing,
    setChoosing,
    mapping,
    dismissMappingError: () => setMapping({ busy: false }),
    linkedInitiativeId,
    planSwitched,
    provisioned,
    choosePlan,
    chooseUnit,
    mapChannel,
    ...opener,
  };
}

/** "Nyt til dig" in the plan: an initiative or a plan opens here (a channel tab: only its own unit's). */
function useEntryOpener(host: Host, choices: IPlanChoices): Pick<IPlanSurfaceState, 'opensHere' | 'openEntry'> {
  const opensHere = (entry: INotification): boolean => {
    const { type, unitId } = entry.target;
    if (type !== 'initiative' && type !== 'plan') return false;
    return host !== 'teams-channel' || unitId === undefined || unitId === choices.unitId;
  };
  const openEntry = (entry: INotification): void => {
    const { type, id, unitId } = entry.target;
    if (unitId !== undefined && unitId !== choices.unitId && host !== 'teams-channel') choices.setUnitId(unitId);
    if (type === 'initiative') choices.openInitiative(id);
    else {
      choices.setFollowLink(false);
      choices.setPlanId(id);
    }
  };
  return { opensHere, openEntry };
}
