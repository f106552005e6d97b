import * as React from 'react';
import { Text, useId } from '@fluentui/react-components';
import type { IPlanView } from '../../data/repositories/types';
import { mayActForUnit, unitsActedFor } from '../../domain/unitAccess';
import { fill, useStrings } from '../shell/strings';
import type { IPlanTeamsContext } from './PlanApp.types';
import { UnitPicker } from './UnitPicker';
import type { IPlanSurfaceState } from './usePlanSurface';
import { usePlanSurfaceStyles } from './usePlanSurfaceStyles.styles';

/** A panel with its own heading, standing in for the plan (choosing a unit, no plan yet). */
export function PlanPanel(props: { title: string; children?: React.ReactNode }): JSX.Element {
  const styles = usePlanSurfaceStyles();
  const headingId = useId('mpk-plan-panel');
  return (
    <section className={styles.panel} aria-labelledby={headingId}>
      <h3 id={headingId} className={styles.panelHeading}>
        {props.title}
      </h3>
      {props.children}
    </section>
  );
}

/** Props of {@link PlanUnitSetup}. */
export interface IPlanUnitSetupProps {
  surface: IPlanSurfaceState;
  view: IPlanView;
  teams?: IPlanTeamsContext;
}

/** Which units a channel may be mapped to: a leader the units they act for; the chefgruppe and site owners any. */
interface IChannelChoice {
  units: IPlanView['units'];
  canConfigure: boolean;
  /** Said to a leader, who sees only their own units. */
  note: string | undefined;
}

function useChannelChoice(view: IPlanView): IChannelChoice {
  const strings = useStrings().plan.unit;
  const units = unitsActedFor(view.actor, view.units);
  const note = view.actor.isSiteOwner || view.actor.inChefgruppe ? undefined : strings.onlyOwnUnits;
  return { units, canConfigure: units.length > 0, note };
}

/** The unit the surface should show is not settled: the host's way of choosing it, or null when it is. */
export function PlanUnitSetup(props: IPlanUnitSetupProps): JSX.Element | null {
  const strings = useStrings().plan.unit;
  const { surface: s, view: v } = props;
  const { host, unitId, choosing } = s;
  // A leader maps the channel to the units they lead (or below them); the chefgruppe and site owners to any.
  const choice = useChannelChoice(v);
  const { units: channelUnits, canConfigure, note: ownUnitsNote } = choice;
  const cancel = choosing ? () => s.setChoosing(false) : undefined;
  if (host === 'teams-channel' && (choosing || unitId === undefined)) {
    return (
      <PlanPanel title={strings.channelSetupTitle}>
        {canConfigure ? (
          <>
            <Text>
              {fill(strings.channelSetupExplanation, { channel: props.teams?.channelName || strings.thisChannel })}
            </Text>
            <UnitPicker
              units={channelUnits}
              channelId={s.channelId}
              note={ownUnitsNote}
              selectedId={choosing && channelUnits.some((u) => u.id === unitId) ? unitId : undefined}
              submitLabel={strings.channelSetupSave}
              busy={s.mapping.busy}
              onPick={(unit, takeOver) => void s.mapChannel(unit, v, takeOver)}
              onCancel={cancel}
            />
          </>
        ) : (
          <Text>{strings.channelNotMappedNote}</Text>
        )}
      </PlanPanel>
    );
  }
  if (host === 'teams-personal' && (choosing || unitId === undefined)) {
    return (
      <PlanPanel title={strings.personalTitle}>
        <Text>{strings.personalExplanation}</Text>
        <UnitPicker
          units={v.units}
          selectedId={choosing ? unitId : undefined}
          submitLabel={strings.show}
          onPick={s.chooseUnit}
          onCancel={cancel}
        />
      </PlanPanel>
    );
  }
  if (host === 'sharepoint' && (unitId === undefined || (choosing && v.permissions.isSiteOwner))) {
    return (
      <PlanPanel title={strings.sharePointMissingTitle}>
        <Text>{strings.sharePointMissingNote}</Text>
        {v.permissions.isSiteOwner && (
          <>
            <Text>{strings.sharePointOwnerPick}</Text>
            <UnitPicker units={v.units} submitLabel={strings.show} onPick={s.chooseUnit} />
          </>
        )}
      </PlanPanel>
    );
  }
  return v.unit ? null : <UnknownUnit {...props} choice={choice} />;
}

/** The unit asked for is not in the Units list (removed, or a stale memory). */
function UnknownUnit(props: IPlanUnitSetupProps & { choice: IChannelChoice }): JSX.Element {
  const strings = useStrings().plan.unit;
  const { surface: s, view: v } = props;
  const { units: channelUnits, canConfigure, note: ownUnitsNote } = props.choice;
  const inChannel = s.host === 'teams-channel';
  const mayPick = s.host !== 'sharepoint' ? s.host === 'teams-personal' || canConfigure : v.permissions.isSiteOwner;
  return (
    <PlanPanel title={strings.unknownUnitTitle}>
      <Text>{inChannel && !canConfigure ? strings.unknownUnitReader : strings.unknownUnit}</Text>
      {mayPick && (
        <UnitPicker
          units={inChannel ? channelUnits : v.units}
          channelId={s.channelId}
          note={inChannel ? ownUnitsNote : undefined}
          submitLabel={inChannel ? strings.channelSetupSave : strings.show}
          busy={s.mapping.busy}
          onPick={(unit, takeOver) => (inChannel ? void s.mapChannel(unit, v, takeOver) : s.chooseUnit(unit))}
        />
      )}
    </PlanPanel>
  );
}

/** Whether the reader may move this surface to another unit ("Skift enhed"). */
export function mayChangeUnit(s: IPlanSurfaceState, view: IPlanView, configuredUnitId: number | undefined): boolean {
  // Moving the channel away from its unit is acting for that unit as well.
  return (
    s.host === 'teams-personal' ||
    (s.host === 'teams-channel' &&
      configuredUnitId === undefined &&
      unitsActedFor(view.actor, view.units).length > 0 &&
      !!view.unit &&
      mayActForUnit(view.actor, view.unit.id, view.units))
  );
}
