import * as React from 'react';
import { isPlanStatus, type IPlan, type PlanStatus } from '../../domain/model';
import { nextStatuses, planAction, type PlanAction } from '../../domain/workflow';
import { withPlan } from '../../domain/planViewPatch';
import type { IPersonValue } from '../shell/PeoplePicker';
import { useServices } from '../shell/services';
import { fill, useStrings } from '../shell/strings';
import { useDraft } from '../shell/useDraft';
import { useSaveFlow, type ISaveFlow } from '../shell/useSaveFlow';
import { usePlan } from './PlanContext';
import { labelOf } from '../shell/texts';

/** What {@link usePlanHeader} hands the header's render. */
export interface IPlanHeaderState {
  /** Saving a status change. */
  status: ISaveFlow<IPlan>;
  /** Moves the plan to the next status (after the domain's rules). */
  moveTo(next: PlanStatus): Promise<void>;
  /** The status changes offered, named by what they do; closing last (it asks first). */
  actions: { to: PlanStatus; action: PlanAction }[];
  /** "Afslut planen …" was pressed: the confirmation is open. */
  confirmingClose: boolean;
  askToClose(): void;
  cancelClose(): void;
  confirmClose(): void;
  /** The "Afslut planen …" button (focus returns to it when the confirmation is cancelled). */
  closeButton: React.RefObject<HTMLButtonElement>;
  /** The "Genåbn planen" button (focus moves to it once the plan is closed from the confirmation). */
  reopenButton: React.RefObject<HTMLButtonElement>;
  /** Saving another owner. */
  owner: ISaveFlow<IPlan>;
  editingOwner: boolean;
  startOwnerEdit(): void;
  cancelOwnerEdit(): void;
  /** The owner chosen in the form (a draft, kept until saved). */
  ownerValue: IPersonValue | undefined;
  setOwner(person: IPersonValue | undefined): void;
  /** Me and the unit's leaders, before anything is typed. */
  ownerSuggestions: IPersonValue[];
  saveOwner(event: React.FormEvent): void;
}

interface IOwnerDraft {
  base: IPlan;
  ownerId: string;
  ownerName?: string;
  ownerEmail?: string;
}

/** The plan header's saves: the status, and the owner (a draft until saved). */
export function usePlanHeader(plan: IPlan): IPlanHeaderState {
  const mpkStrings = useStrings();
  const context = usePlan();
  const services = useServices();
  const strings = useStrings().plan.header;
  const ownerDraft = useDraft<IOwnerDraft>(`plan:plan:${plan.id}:owner`, {
    base: plan,
    ownerId: plan.ownerId === undefined ? '' : String(plan.ownerId),
  });
  const [editingOwner, setEditingOwner] = React.useState(ownerDraft.restored);
  const update = (from: IPlan | undefined, mine: IPlan): Promise<IPlan> => services.plans.update(from as IPlan, mine);

  const status = useSaveFlow<IPlan>(update, (saved) => {
    context.patch((v) => withPlan(v, saved));
    context.announce(fill(strings.statusChanged, { status: labelOf(mpkStrings, 'planStatus', saved.status) }));
  });
  const owner = useSaveFlow<IPlan>(update, (saved) => {
    // Someone found by search is not among the view's names yet: the picker knows the name.
    const name = ownerDraft.value.ownerName;
    context.patch((v) => {
      const next = withPlan(v, saved);
      return saved.ownerId !== undefined && name && !v.people?.[saved.ownerId]
        ? { ...next, people: { ...v.people, [saved.ownerId]: { displayName: name } } }
        : next;
    });
    ownerDraft.clear();
    setEditingOwner(false);
    context.announce(fill(strings.ownerChanged, { owner: context.personName(saved.ownerId) }));
  });

  const moveTo = async (next: PlanStatus): Promise<void> => {
    const changed = { ...plan, status: next };
    // The validation loads with the first change (chunk mpk-validation), not with the first view.
    const { validatePlan } = await import(/* webpackChunkName: 'mpk-validation' */ '../../domain/validation');
    if (validatePlan(changed, { previousStatus: plan.status }).length > 0) return;
    await status.run(plan, changed);
  };

  const [confirmingClose, setConfirmingClose] = React.useState(false);
  const closeButton = React.useRef<HTMLButtonElement>(null);
  const reopenButton = React.useRef<HTMLButtonElement>(null);
  const focusReopen = React.useRef(false);
  React.useEffect(() => {
    if (plan.status !== 'closed' || !focusReopen.current) return;
    focusReopen.current = false;
    reopenButton.current?.focus();
  }, [plan.status]);
  const cancelClose = (): void => {
    setConfirmingClose(false);
    window.setTimeout(() => closeButton.current?.focus(), 0);
  };
  const confirmClose = (): void => {
    setConfirmingClose(false);
    focusReopen.current = true;
    window.setTimeout(() => closeButton.current?.focus(), 0);
    void moveTo('closed');
  };
  const actions = isPlanStatus(plan.status)
    ? nextStatuses(plan.status)
        .map((to) => ({ to, action: planAction(to, plan.status) }))
        .sort((a, b) => Number(a.action === 'close') - Number(b.action === 'close'))
    : [];

  const saveOwner = (event: React.FormEvent): void => {
    event.preventDefault();
    const base = ownerDraft.value.base;
    const id = ownerDraft.value.ownerId;
    void owner.run(base, { ...base, ownerId: id === '' ? undefined : Number(id) });
  };

  // Before anything is typed the picker suggests me and the unit's leaders; anyone else is a search away.
  const ownerSuggestions: IPersonValue[] = [services.user.id]
    .concat((context.view.unit?.leaderIds ?? []).filter((id) => id !== services.user.id))
    .map((id) => ({
      id,
      title: context.personName(id),
      email: id === services.user.id ? services.user.email || '' : '',
    }));
  const chosen = ownerDraft.value;
  return {
    status,
    moveTo,
    actions,
    confirmingClose,
    askToClose: () => setConfirmingClose(true),
    cancelClose,
    confirmClose,
    closeButton,
    reopenButton,
    owner,
    editingOwner,
    startOwnerEdit: () => setEditingOwner(true),
    cancelOwnerEdit: () => {
      ownerDraft.clear();
      setEditingOwner(false);
    },
    ownerValue:
      chosen.ownerId === ''
        ? undefined
        : {
            id: Number(chosen.ownerId),
            title: chosen.ownerName || context.personName(Number(chosen.ownerId)),
            email: chosen.ownerEmail || '',
          },
    setOwner: (person) =>
      ownerDraft.set((v) => ({
        ...v,
        ownerId: person ? String(person.id) : '',
        ownerName: person ? person.title : undefined,
        ownerEmail: person ? person.email : undefined,
      })),
    ownerSuggestions,
    saveOwner,
  };
}
