import { newClientKey } from '../../domain/clientKey';
import { toIsoDate } from '../../domain/dates';
import type { Health, ICheckIn } from '../../domain/model';
import { withCheckIn } from '../../domain/planViewPatch';
import { validateCheckIn } from '../../domain/validation';
import { useServices } from '../shell/services';
import { useStrings } from '../shell/strings';
import { usePlan } from './PlanContext';
import { usePlanForm, type IPlanForm } from './usePlanForm';

/** A check-in form's inputs, as text. */
export interface ICheckInDraft {
  clientKey: string;
  health: string;
  progress: string;
  comment: string;
  date: string;
}

function emptyDraft(now: Date): ICheckInDraft {
  return { clientKey: newClientKey(), health: '', progress: '', comment: '', date: toIsoDate(now) };
}

/** The check-in a form describes (progress stays text when it is not a number, for the validator to name). */
export function checkInFromDraft(draft: ICheckInDraft, initiativeId: number): ICheckIn {
  const trimmed = draft.progress.trim();
  const progress =
    trimmed === ''
      ? (undefined as unknown as number)
      : /^-?\d+(\.\d+)?$/.test(trimmed)
        ? Number(trimmed)
        : (trimmed as unknown as number);
  return {
    clientKey: draft.clientKey,
    initiativeId,
    health: draft.health as Health,
    progress,
    comment: draft.comment.trim() === '' ? undefined : draft.comment,
    date: draft.date,
  };
}

/** A new check-in on an initiative: a draft until saved, validated by the domain, then added to the view. */
export function useCheckInForm(initiativeId: number): IPlanForm<ICheckInDraft, ICheckIn> {
  const plan = usePlan();
  const services = useServices();
  const strings = useStrings().plan.checkIn;
  return usePlanForm<ICheckInDraft, ICheckIn>({
    draftKey: `plan:checkin:${initiativeId}`,
    initialDraft: emptyDraft(plan.now()),
    read: (value) => ({ base: undefined, mine: checkInFromDraft(value, initiativeId) }),
    validate: (mine) => validateCheckIn(mine, { now: plan.now() }),
    save: (_base, mine) => services.checkIns.create(mine, plan.view.unit?.id as number),
    onSaved: (saved) => {
      plan.patch((view) => withCheckIn(view, saved));
      plan.announce(strings.saved);
    },
  });
}
