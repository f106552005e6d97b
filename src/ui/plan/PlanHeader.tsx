import * as React from 'react';
import { Button, makeStyles, Text, tokens } from '@fluentui/react-components';
import { Spinner } from '../shell/Spinner';
import { Notice, NoticeBody } from '../shell/Notice';
import { Badge, type BadgeColor } from '../shell/Badge';
import { isPlanStatus, type IPlan } from '../../domain/model';
import { DataErrorMessage } from '../shell/DataErrorMessage';
import { SelectField } from '../shell/SelectField';
import { fill, useStrings } from '../shell/strings';
import { SaveConflict } from '../shell/SaveConflict';
import { usePlan } from './PlanContext';
import { own } from '../../domain/dict';
import { usePlanConflictTexts } from './fieldText';
import { usePlanHeader, type IPlanHeaderState } from './usePlanHeader';
import { labelOf } from '../shell/texts';

// The people picker (a Fluent Combobox) loads when "Skift ansvarlig" is first pressed.
const PeoplePicker = React.lazy(() =>
  import(/* webpackChunkName: 'mpk-people-picker' */ '../shell/PeoplePicker').then((m) => ({
    default: m.PeoplePicker,
  })),
);

// The confirmation before a plan is closed (a Fluent Dialog, with tabster) loads when it is first asked for.
const ClosePlanDialog = React.lazy(() =>
  import(/* webpackChunkName: 'mpk-close-plan' */ './ClosePlanDialog').then((m) => ({ default: m.ClosePlanDialog })),
);

/** Props of {@link PlanHeader}. */
export interface IPlanHeaderProps {
  plan: IPlan;
  /** Offered where the unit is the reader's own choice (personal app, channel set-up). */
  onChangeUnit?(): void;
  /** Shows another of the unit's plans; without it (or with one plan) no picker is offered. */
  onChoosePlan?(plan: IPlan): void;
  /** Puts focus on the plan picker on mount (the reader just switched plans with it). */
  focusPlanSwitch?: boolean;
}

const STATUS_COLOURS: Record<string, BadgeColor> = {
  draft: 'informative',
  approved: 'brand',
  followUp: 'success',
  closed: 'subtle',
};

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalM },
  facts: {
    display: 'flex',
    flexWrap: 'wrap',
    columnGap: tokens.spacingHorizontalXL,
    rowGap: tokens.spacingVerticalS,
    margin: 0,
  },
  fact: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalXXS, minWidth: 0 },
  term: { color: tokens.colorNeutralForeground2, fontSize: tokens.fontSizeBase200 },
  definition: { margin: 0, overflowWrap: 'anywhere' },
  actions: { display: 'flex', flexWrap: 'wrap', alignItems: 'flex-end', gap: tokens.spacingHorizontalS },
  owner: { display: 'flex', flexWrap: 'wrap', alignItems: 'flex-end', gap: tokens.spacingHorizontalS },
  select: { minWidth: '12em' },
  planSwitch: { maxWidth: '28em' },
});

/** The unit's plans for the picker: latest period first. */
function plansNewestFirst(plans: readonly IPlan[]): IPlan[] {
  // A plan written past the app may have no period: it sorts last instead of breaking the header.
  return plans.slice().sort((a, b) => (b.period ?? '').localeCompare(a.period ?? '') || (b.id ?? 0) - (a.id ?? 0));
}

/** The plan's period, status (with the allowed next steps), owner and channel. */
export function PlanHeader(props: IPlanHeaderProps): JSX.Element {
  const context = usePlan();
  const strings = useStrings().plan.header;
  const styles = useStyles();
  const { plan } = props;
  const { view } = context;
  const conflictTexts = usePlanConflictTexts({ status: strings.status, ownerId: strings.owner }, true);
  const header = usePlanHeader(plan);
  const { status, owner } = header;
  const current = view.plans.find((p) => p.id === view.currentPlanId);
  const known = isPlanStatus(plan.status);
  return (
    <div className={styles.root}>
      <PlanFacts plan={plan} />
      {props.onChoosePlan !== undefined && view.plans.length > 1 && (
        <PlanSwitch plan={plan} onChoosePlan={props.onChoosePlan} focus={props.focusPlanSwitch} />
      )}
      {current && current.id !== plan.id && <Text>{fill(strings.otherPlanNote, { period: plan.period })}</Text>}
      {!known && (
        <Notice intent="warning">
          <NoticeBody>{fill(strings.unknownStatus, { value: plan.status })}</NoticeBody>
        </Notice>
      )}
      {(context.can.changeStatus || props.onChangeUnit) && (
        <PlanActions header={header} plan={plan} onChangeUnit={props.onChangeUnit} />
      )}
      <SaveConflict flow={status} {...conflictTexts} />
      {status.error !== undefined && (
        <DataErrorMessage error={status.error} title={strings.statusFailed} onDismiss={status.dismissError} />
      )}
      {context.can.changeStatus && header.editingOwner && <OwnerForm header={header} />}
      <SaveConflict flow={owner} {...conflictTexts} />
      {owner.error !== undefined && (
        <DataErrorMessage error={owner.error} title={strings.ownerFailed} onDismiss={owner.dismissError} />
      )}
      {!context.can.changeStatus && !context.can.editInitiatives && <Text>{strings.readOnlyNote}</Text>}
      {plan.status === 'closed' && (
        <Text>{context.can.changeStatus ? strings.closedNote : strings.closedNoteReader}</Text>
      )}
      {view.permissions.canEditPlan && plan.status !== 'draft' && plan.status !== 'closed' && (
        <Text>{strings.focusLockedNote}</Text>
      )}
    </div>
  );
}

/**
 * The header's buttons: the status changes named for what they do, "Skift ansvarlig", "Skift enhed",
 * and "Afslut planen …" last — it asks first (the dialog is a chunk of its own), and it is not the
 * first thing Tab reaches.
 */
function PlanActions(props: { header: IPlanHeaderState; plan: IPlan; onChangeUnit?(): void }): JSX.Element {
  const context = usePlan();
  const strings = useStrings().plan.header;
  const styles = useStyles();
  const { header } = props;
  const busy = header.status.busy;
  const canChange = context.can.changeStatus;
  const steps = canChange ? header.actions.filter((a) => a.action !== 'close') : [];
  const canClose = canChange && header.actions.some((a) => a.action === 'close');
  return (
    <div className={styles.actions}>
      {steps.map(({ to, action }) => (
        <Button
          key={to}
          ref={action === 'reopen' ? header.reopenButton : undefined}
          disabled={busy}
          onClick={() => void header.moveTo(to)}
        >
          {strings.actions[action]}
        </Button>
      ))}
      {canChange && !header.editingOwner && <Button onClick={header.startOwnerEdit}>{strings.changeOwner}</Button>}
      {props.onChangeUnit && <Button onClick={props.onChangeUnit}>{strings.changeUnit}</Button>}
      {canClose && (
        <Button ref={header.closeButton} disabled={busy} onClick={header.askToClose}>
          {strings.actions.close}
        </Button>
      )}
      {header.confirmingClose && (
        <React.Suspense fallback={null}>
          <ClosePlanDialog
            period={props.plan.period || ''}
            onConfirm={header.confirmClose}
            onCancel={header.cancelClose}
          />
        </React.Suspense>
      )}
    </div>
  );
}

/** One term of the plan's facts. */
function Fact(props: { term: string; children?: React.ReactNode }): JSX.Element {
  const styles = useStyles();
  return (
    <div className={styles.fact}>
      <dt className={styles.term}>{props.term}</dt>
      <dd className={styles.definition}>{props.children}</dd>
    </div>
  );
}

/** Period, status, owner and channel. */
function PlanFacts(props: { plan: IPlan }): JSX.Element {
  const mpkStrings = useStrings();
  const context = usePlan();
  const strings = useStrings().plan.header;
  const styles = useStyles();
  const { plan } = props;
  const channel = context.view.unit?.teamsChannelName;
  return (
    <dl className={styles.facts}>
      <Fact term={strings.period}>
        <Text weight="semibold">{plan.period}</Text>
      </Fact>
      <Fact term={strings.status}>
        <Badge appearance="tint" shape="rounded" color={own(STATUS_COLOURS, plan.status) ?? 'subtle'}>
          {labelOf(mpkStrings, 'planStatus', plan.status)}
        </Badge>
      </Fact>
      <Fact term={strings.owner}>
        {plan.ownerId === undefined ? strings.noOwner : context.personName(plan.ownerId)}
      </Fact>
      {channel && <Fact term={strings.channel}>{channel}</Fact>}
    </dl>
  );
}

/** The picker of the unit's plans (latest first); focused on mount after the reader switched with it. */
function PlanSwitch(props: { plan: IPlan; onChoosePlan(plan: IPlan): void; focus?: boolean }): JSX.Element {
  const mpkStrings = useStrings();
  const context = usePlan();
  const strings = useStrings().plan.header;
  const styles = useStyles();
  const { view } = context;
  const ref = React.useRef<HTMLSelectElement>(null);
  React.useEffect(() => {
    if (props.focus) ref.current?.focus();
    // Only when the header mounts: after the switch, the new plan's header is a new mount.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);
  const planLabel = (p: IPlan): string =>
    fill(p.id === view.currentPlanId ? strings.planOptionCurrent : strings.planOption, {
      period: p.period || strings.planNoPeriod,
      status: labelOf(mpkStrings, 'planStatus', p.status),
    });
  return (
    <SelectField
      ref={ref}
      label={strings.planSwitch}
      className={styles.planSwitch}
      value={String(props.plan.id)}
      onChange={(value) => {
        const chosen = view.plans.find((p) => String(p.id) === value);
        if (chosen && chosen.id !== props.plan.id) props.onChoosePlan(chosen);
      }}
    >
      {plansNewestFirst(view.plans).map((p) => (
        <option key={p.id} value={String(p.id)}>
          {planLabel(p)}
        </option>
      ))}
    </SelectField>
  );
}

/** "Skift ansvarlig": the people picker with save and cancel (the picker loads on first use). */
function OwnerForm(props: { header: IPlanHeaderState }): JSX.Element {
  const allStrings = useStrings();
  const strings = allStrings.plan.header;
  const styles = useStyles();
  const { header } = props;
  return (
    <form className={styles.owner} onSubmit={header.saveOwner}>
      <React.Suspense fallback={<Spinner size="tiny" label={allStrings.common.loading} />}>
        <PeoplePicker
          className={styles.select}
          label={strings.ownerField}
          hint={strings.ownerHint}
          value={header.ownerValue}
          suggestions={header.ownerSuggestions}
          onChange={header.setOwner}
        />
      </React.Suspense>
      {!header.owner.conflict && (
        <>
          <Button type="submit" appearance="primary" disabled={header.owner.busy}>
            {strings.saveOwner}
          </Button>
          <Button onClick={header.cancelOwnerEdit}>{strings.cancel}</Button>
        </>
      )}
    </form>
  );
}
