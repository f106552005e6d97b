import * as React from 'react';
import type { IInitiative } from '../../domain/model';
import { checkInReminder } from '../../domain/notifications';
import { toIsoDate } from '../../domain/dates';
import { NudgeButton } from '../shell/inbox/NudgeButton';
import { usePlan } from './PlanContext';

/** Whether an initiative in progress or planned has had no check-in (or start) for 14 days or more. */
export function isSilent(initiative: IInitiative, lastCheckIn: string | undefined, now: Date): boolean {
  if (initiative.id === undefined) return false;
  const reminder = checkInReminder(
    {
      id: initiative.id,
      title: initiative.title,
      unitId: initiative.unitId,
      planId: initiative.planId,
      status: initiative.status,
      lastCheckIn,
      // Without a check-in the silence counts from its start (an initiative with neither is silent).
      created: initiative.startDate ?? '1970-01-01',
    },
    toIsoDate(now),
  );
  return reminder !== undefined;
}

/** "Send påmindelse" on a silent initiative, for the chefgruppe and site owners. */
export function PlanNudge(props: { initiative: IInitiative }): JSX.Element | null {
  const plan = usePlan();
  const { initiative } = props;
  const { actor, latestCheckIns } = plan.view;
  if (!actor.inChefgruppe && !actor.isSiteOwner) return null;
  if (initiative.id === undefined) return null;
  if (!isSilent(initiative, latestCheckIns[initiative.id]?.date, plan.now())) return null;
  return <NudgeButton target={{ type: 'initiative', id: initiative.id }} title={initiative.title} />;
}
