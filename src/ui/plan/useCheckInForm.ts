import * as React from 'react';
import { newClientKey } from '../../domain/clientKey';
import { toIsoDate } from '../../domain/dates';
import { progressOf, readNumber, type IMeasure } from '../../domain/measurements';
import type { Health, ICheckIn } from '../../domain/model';
import { withCheckIn } from '../../domain/planViewPatch';
import { validateCheckIn } from '../../domain/validation';
import { useServices } from '../shell/services';
import { fill, useStrings } from '../shell/strings';
import { usePlan } from './PlanContext';
import { usePlanForm, type IPlanForm } from './usePlanForm';

/** A check-in form's inputs, as text. */
export interface ICheckInDraft {
  clientKey: string;
  health: string;
  progress: string;
  comment: string;
  date: string;
  /** The value measured (Danish number), when the initiative has a measure. */
  measuredValue?: string;
}

/**
 * A new check-in's fields: health and progress as the last check-in left them (the person changes what
 * changed), never its comment, measured value or date.
 */
export function newCheckInDraft(now: Date, last?: ICheckIn): ICheckInDraft {
  return {
    clientKey: newClientKey(),
    health: last?.health ?? '',
    progress: last && typeof last.progress === 'number' ? String(last.progress) : '',
    comment: '',
    date: toIsoDate(now),
    measuredValue: '',
  };
}

/** A measured value as typed: empty, a number, or not a number. */
function measuredNumber(text: string | undefined): number | undefined | 'notANumber' {
  if (!(text ?? '').trim()) return undefined;
  const reading = readNumber(text, true);
  return 'value' in reading ? reading.value : 'notANumber';
}

/** The check-in a form describes (progress stays text when it is not a number, for the validator to name). */
export function checkInFromDraft(draft: ICheckInDraft, initiativeId: number, measured = false): ICheckIn {
  const trimmed = draft.progress.trim();
  const progress =
    trimmed === ''
      ? (undefined as unknown as number)
      : /^-?\d+(\.\d+)?$/.test(trimmed)
        ? Number(trimmed)
        : (trimmed as unknown as number);
  const value = measured ? measuredNumber(draft.measuredValue) : undefined;
  return {
    clientKey: draft.clientKey,
    initiativeId,
    health: draft.health as Health,
    progress,
    comment: draft.comment.trim() === '' ? undefined : draft.comment,
    date: draft.date,
    ...(typeof value === 'number' ? { measuredValue: value } : {}),
  };
}

/** What {@link useCheckInForm} hands the form. */
export interface ICheckInForm extends IPlanForm<ICheckInDraft, ICheckIn> {
  /** The check-in the form was filled in from (not when it shows a restored draft). */
  prefilledFrom: ICheckIn | undefined;
  /** Sets a field; a measured value that reads as a number fills in the progress it means. */
  setField(field: keyof ICheckInDraft, value: string): void;
}

/**
 * A new check-in on an initiative: a draft until saved, validated by the domain, then added to the view.
 * With a `measure`, the check-in may record the value measured, and the progress follows it. A new
 * check-in starts from the last one's health and progress; `onSaved` confirms the save (default: announced).
 */
export function useCheckInForm(
  initiativeId: number,
  measure?: IMeasure,
  onSaved?: (saved: ICheckIn) => void,
): ICheckInForm {
  const plan = usePlan();
  const services = useServices();
  const mpkStrings = useStrings();
  const strings = mpkStrings.plan.checkIn;
  const [valueError, setValueError] = React.useState(false);
  const last = plan.view.latestCheckIns[initiativeId];
  const form = usePlanForm<ICheckInDraft, ICheckIn>({
    draftKey: `plan:checkin:${initiativeId}`,
    initialDraft: newCheckInDraft(plan.now(), last),
    read: (value) => ({ base: undefined, mine: checkInFromDraft(value, initiativeId, !!measure) }),
    validate: (mine) => validateCheckIn(mine, { now: plan.now() }),
    check: (value) => {
      const bad = !!measure && measuredNumber(value.measuredValue) === 'notANumber';
      setValueError(bad);
      return !bad;
    },
    save: (_base, mine) => services.checkIns.create(mine, plan.view.unit?.id as number),
    onSaved: (saved) => {
      plan.patch((view) => withCheckIn(view, saved));
      // The next check-in starts from this one.
      form.draft.reset(newCheckInDraft(plan.now(), last && last.date > saved.date ? last : saved));
      if (onSaved) onSaved(saved);
      else plan.announce(strings.saved);
    },
  });
  const setField = (field: keyof ICheckInDraft, text: string): void =>
    form.draft.set((d) => {
      const next = { ...d, [field]: text };
      const value = field === 'measuredValue' && measure ? measuredNumber(text) : undefined;
      if (measure && typeof value === 'number') {
        next.progress = String(progressOf(measure, { value, date: next.date }));
      }
      return next;
    });
  const fieldErrors = valueError
    ? {
        ...form.fieldErrors,
        measuredValue: fill(mpkStrings.measurements.errors.notANumber, {
          field: mpkStrings.measurements.measuredValue,
        }),
      }
    : form.fieldErrors;
  const prefilledFrom = form.draft.restored ? undefined : last;
  return { ...form, fieldErrors, setField, prefilledFrom };
}
