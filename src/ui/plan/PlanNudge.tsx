import * as React from 'react';
import type { IInitiative } from '../../domain/model';
import { isSilentInitiative } from '../../domain/planOverview';
import { toIsoDate } from '../../domain/dates';
import { NudgeButton } from '../shell/inbox/NudgeButton';
import { usePlan } from './PlanContext';

/** "Send påmindelse" on a silent initiative, for the chefgruppe and site owners. */
export function PlanNudge(props: { initiative: IInitiative }): JSX.Element | null {
  const plan = usePlan();
  const { initiative } = props;
  const { actor, latestCheckIns } = plan.view;
  if (!actor.inChefgruppe && !actor.isSiteOwner) return null;
  if (initiative.id === undefined) return null;
  if (!isSilentInitiative(initiative, latestCheckIns[initiative.id]?.date, toIsoDate(plan.now()))) return null;
  return <NudgeButton target={{ type: 'initiative', id: initiative.id }} title={initiative.title} />;
}
