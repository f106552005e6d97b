import * as React from 'react';
import type { IPlanView, IPlanViewQuery } from '../../data/repositories/types';
import { useServices } from '../shell/services';
import { useViewLoader, type IViewLoader } from '../shell/useViewLoader';

/** Which of the unit's plans to show (see `IPlanViewQuery`); neither means the current plan. */
export interface IPlanChoice {
  /** A plan the reader chose (an earlier period). */
  planId?: number;
  /** The initiative a link points to: its plan is shown. */
  initiativeId?: number;
}

/** The query for a unit's plan view. Unit 0 matches no rows: the view then carries only what every unit shares. */
function planViewQuery(unitId: number | undefined, channelId: string | undefined, which: IPlanChoice): IPlanViewQuery {
  const query: IPlanViewQuery = channelId
    ? unitId !== undefined
      ? { channelId, unitId }
      : { channelId }
    : { unitId: unitId ?? 0 };
  if (which.planId !== undefined) query.planId = which.planId;
  if (which.initiativeId !== undefined) query.initiativeId = which.initiativeId;
  return query;
}

/**
 * The plan view of a unit in ONE call (`loadPlanView`, one `$batch`), on the shell's view loader. Without
 * a unit (`undefined`), the call still brings the units, the schema status and the permissions the
 * pickers need. In a Teams channel tab, `channelId` goes along with the remembered unit: the data layer
 * then finds the channel's unit itself (`view.unit`), and adopting that unit afterwards reads nothing again.
 * The patchers (`withPlan`, `withInitiative`, …) are in `src/domain/planViewPatch.ts`.
 */
export function usePlanView(
  unitId: number | undefined,
  channelId?: string,
  which: IPlanChoice = {},
): IViewLoader<IPlanView> {
  const services = useServices();
  const [generation, setGeneration] = React.useState(0);
  // What the view on screen was read for: a channel's unit found by the data layer needs no second read.
  const loaded = React.useRef<{ channelId?: string; unitId?: number; planId?: number; generation: number }>();
  const requested = React.useRef<{ channelId?: string; planId?: number; generation: number }>({ generation: 0 });
  const { planId } = which;
  const loader = useViewLoader<IPlanView>(
    () => {
      const last = loaded.current;
      if (
        last &&
        channelId &&
        last.channelId === channelId &&
        last.unitId === unitId &&
        last.planId === planId &&
        last.generation === generation
      )
        return undefined;
      requested.current = { channelId, planId, generation };
      return services.views.loadPlanView(planViewQuery(unitId, channelId, which));
    },
    // The linked initiative only picks the first plan shown; following it later reads nothing again.
    [services, unitId, channelId, planId, generation],
    // Only the read that was not overtaken: a slow answer never marks a newer choice as read.
    {
      onLoaded: (view) => {
        loaded.current = { ...requested.current, unitId: view.unit?.id };
      },
    },
  );
  // "Prøv igen" and "Klargør site" read again even when the channel's unit is already shown.
  const reload = React.useCallback(() => setGeneration((g) => g + 1), []);
  return { ...loader, reload };
}
