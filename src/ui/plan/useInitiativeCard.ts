import * as React from 'react';
import type { ICheckIn, IInitiative } from '../../domain/model';
import { isInitiativeStatus } from '../../domain/model';
import { toIsoDate } from '../../domain/dates';
import type { IMeasure, IMeasuredValue } from '../../domain/measurements';
import { isOnTrack, latestValue, progressOf } from '../../domain/measureProgress';
import { measuredValues, measureOf } from '../../domain/planModel';
import { withInitiative } from '../../domain/planViewPatch';
import { nextInitiativeStatuses } from '../../domain/workflow';
import { draftOwner, hasDraft } from '../shell/drafts';
import { useServices } from '../shell/services';
import { fill, useStrings } from '../shell/strings';
import { useSaveFlow, type ISaveFlow } from '../shell/useSaveFlow';
import { useSavedConfirmation, type ISavedConfirmation } from '../shell/useSavedConfirmation';
import { usePlan } from './PlanContext';

/** What the card's details show below its facts: its buttons, or one of its forms. */
export type InitiativeCardMode = 'view' | 'edit' | 'stop';

/** What {@link useInitiativeCard} hands the card's render. */
export interface IInitiativeCardState {
  /** A deep link opened the plan on this initiative. */
  linked: boolean;
  expanded: boolean;
  toggleExpanded(): void;
  mode: InitiativeCardMode;
  setMode(mode: InitiativeCardMode): void;
  /**
   * Back to the buttons after a form: with focus on the button that opened it, or — after a save — on
   * the card's heading with `confirmation` shown under it.
   */
  closeForm(saved?: IInitiative, confirmation?: string): void;
  /** The card's last save, confirmed under its heading. */
  saved: ISavedConfirmation;
  headingRef: React.RefObject<HTMLHeadingElement>;
  editButton: React.RefObject<HTMLButtonElement>;
  stopButton: React.RefObject<HTMLButtonElement>;
  /** Taking a stopped initiative up again. */
  resume: ISaveFlow<IInitiative>;
  latest: ICheckIn | undefined;
  /** The progress shown: the latest check-in's, or — measured — how far the latest value has come. */
  progress: number | undefined;
  /** The measure and its latest value (on or before today), when the initiative has both. */
  measured?: { measure: IMeasure; latest: IMeasuredValue; onTrack: boolean | undefined };
  comments: number;
  knownStatus: boolean;
  canStop: boolean;
  canResume: boolean;
}

/** A form with a draft from an earlier visit opens again, so the text is in front of its writer. */
function initialMode(owner: string, id: number): InitiativeCardMode {
  if (hasDraft(owner, `plan:initiative:${id}`)) return 'edit';
  if (hasDraft(owner, `plan:initiative:stop:${id}`)) return 'stop';
  return 'view';
}

/** One initiative card's state: opened or not, which form is open, and taking it up again. */
export function useInitiativeCard(initiative: IInitiative): IInitiativeCardState {
  const plan = usePlan();
  const services = useServices();
  const strings = useStrings().plan.initiative;
  const id = initiative.id as number;
  const linked = plan.linkedInitiativeId === id;
  const owner = draftOwner(services.user);
  const [mode, setMode] = React.useState<InitiativeCardMode>(() => initialMode(owner, id));
  // Opened for a link, and for a draft of one of the forms in its details.
  const [expanded, setExpanded] = React.useState(
    () => linked || mode !== 'view' || hasDraft(owner, `plan:checkin:${id}`) || hasDraft(owner, `plan:comment:${id}`),
  );
  const headingRef = React.useRef<HTMLHeadingElement>(null);
  const editButton = React.useRef<HTMLButtonElement>(null);
  const stopButton = React.useRef<HTMLButtonElement>(null);
  const saved = useSavedConfirmation(plan.announce);

  React.useEffect(() => {
    if (!linked || !headingRef.current) return;
    // Linked after the card was drawn ("Nyt til dig"): opened, as a link's card is from the start.
    setExpanded(true);
    if (typeof headingRef.current.scrollIntoView === 'function') headingRef.current.scrollIntoView({ block: 'start' });
    headingRef.current.focus();
  }, [linked]);

  const resume = useSaveFlow(
    (from, mine: IInitiative) => services.initiatives.update(from as IInitiative, mine),
    (item) => {
      plan.patch((view) => withInitiative(view, item));
      saved.confirm(fill(strings.resumed, { title: item.title }), () => headingRef.current);
    },
  );

  const knownStatus = isInitiativeStatus(initiative.status);
  const latest = plan.view.latestCheckIns[id];
  const measure = latest ? measureOf(initiative) : undefined;
  const today = toIsoDate(plan.now());
  const values = measure ? measuredValues(plan.view.checkIns, id) : [];
  const latestMeasured = measure ? latestValue(values, today) : undefined;
  const measured =
    measure && latestMeasured
      ? { measure, latest: latestMeasured, onTrack: isOnTrack(measure, values, today) }
      : undefined;
  const closeForm = (item?: IInitiative, confirmation?: string): void => {
    const opener = mode === 'stop' ? stopButton : editButton;
    setMode('view');
    if (item && confirmation) return saved.confirm(confirmation, () => headingRef.current);
    window.setTimeout(() => (opener.current ?? headingRef.current)?.focus(), 0);
  };
  return {
    linked,
    expanded,
    toggleExpanded: () => setExpanded((e) => !e),
    mode,
    setMode,
    closeForm,
    saved,
    headingRef,
    editButton,
    stopButton,
    resume,
    latest,
    progress: measured ? progressOf(measured.measure, measured.latest) : latest?.progress,
    measured,
    comments: plan.view.commentCounts[id] || 0,
    knownStatus,
    canStop:
      plan.can.editInitiatives && knownStatus && nextInitiativeStatuses(initiative.status).indexOf('stopped') >= 0,
    canResume: plan.can.editInitiatives && initiative.status === 'stopped',
  };
}
