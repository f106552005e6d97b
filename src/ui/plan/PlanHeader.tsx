import * as React from 'react';
import { Button, makeStyles, Text, tokens } from '@fluentui/react-components';
import { Spinner } from '../shell/Spinner';
import { Notice, NoticeBody } from '../shell/Notice';
import { Badge, type BadgeColor } from '../shell/Badge';
import { labelOf } from '../../domain/messages';
import { isPlanStatus, type IPlan, type PlanStatus } from '../../domain/model';
import { nextStatuses } from '../../domain/workflow';
import { DataErrorMessage } from '../shell/DataErrorMessage';
import { SelectField } from '../shell/SelectField';
import type { IPersonValue } from '../shell/PeoplePicker';
import { useServices } from '../shell/services';
import { fill, useStrings } from '../shell/strings';
import { useDraft } from '../shell/useDraft';
import { SaveConflict } from '../shell/SaveConflict';
import { usePlan } from './PlanContext';
import { withPlan } from '../../domain/planViewPatch';
import { useSaveFlow } from '../shell/useSaveFlow';
import { own } from '../../domain/dict';
import { usePlanConflictTexts } from './fieldText';

// The people picker (a Fluent Combobox) loads when "Skift ansvarlig" is first pressed.
const PeoplePicker = React.lazy(() =>
  import(/* webpackChunkName: 'mpk-people-picker' */ '../shell/PeoplePicker').then((m) => ({
    default: m.PeoplePicker,
  })),
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
  const services = useServices();
  const allStrings = useStrings();
  const strings = allStrings.plan.header;
  const commonStrings = allStrings.common;
  const styles = useStyles();
  const { plan } = props;
  const { view } = context;
  const conflictTexts = usePlanConflictTexts({ status: strings.status, ownerId: strings.owner }, true);
  const ownerDraft = useDraft<{ base: IPlan; ownerId: string; ownerName?: string; ownerEmail?: string }>(
    `plan:plan:${plan.id}:owner`,
    {
      base: plan,
      ownerId: plan.ownerId === undefined ? '' : String(plan.ownerId),
    },
  );
  const [editingOwner, setEditingOwner] = React.useState(ownerDraft.restored);

  const status = useSaveFlow<IPlan>(
    (from, mine) => services.plans.update(from as IPlan, mine),
    (saved) => {
      context.patch((v) => withPlan(v, saved));
      context.announce(fill(strings.statusChanged, { status: labelOf('planStatus', saved.status, context.locale) }));
    },
  );
  const owner = useSaveFlow<IPlan>(
    (from, mine) => services.plans.update(from as IPlan, mine),
    (saved) => {
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
    },
  );

  const moveTo = async (next: PlanStatus): Promise<void> => {
    const changed = { ...plan, status: next };
    // The validation loads with the first change (chunk mpk-validation), not with the first view.
    const { validatePlan } = await import(/* webpackChunkName: 'mpk-validation' */ '../../domain/validation');
    if (validatePlan(changed, { previousStatus: plan.status }).length > 0) return;
    await status.run(plan, changed);
  };

  const saveOwner = (event: React.FormEvent): void => {
    event.preventDefault();
    const base = ownerDraft.value.base;
    const id = ownerDraft.value.ownerId;
    void owner.run(base, { ...base, ownerId: id === '' ? undefined : Number(id) });
  };

  // Before anything is typed the picker suggests me and the unit's leaders; anyone else is a search away.
  const ownerSuggestions: IPersonValue[] = [services.user.id]
    .concat((view.unit?.leaderIds ?? []).filter((id) => id !== services.user.id))
    .map((id) => ({
      id,
      title: context.personName(id),
      email: id === services.user.id ? services.user.email || '' : '',
    }));
  const ownerValue: IPersonValue | undefined =
    ownerDraft.value.ownerId === ''
      ? undefined
      : {
          id: Number(ownerDraft.value.ownerId),
          title: ownerDraft.value.ownerName || context.personName(Number(ownerDraft.value.ownerId)),
          email: ownerDraft.value.ownerEmail || '',
        };
  const channel = view.unit?.teamsChannelName;
  const known = isPlanStatus(plan.status);
  const planSwitchRef = React.useRef<HTMLSelectElement>(null);
  const canSwitch = props.onChoosePlan !== undefined && view.plans.length > 1;
  const current = view.plans.find((p) => p.id === view.currentPlanId);
  React.useEffect(() => {
    if (props.focusPlanSwitch) planSwitchRef.current?.focus();
    // Only when the header mounts: after the switch, the new plan's header is a new mount.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);
  const planLabel = (p: IPlan): string =>
    fill(p.id === view.currentPlanId ? strings.planOptionCurrent : strings.planOption, {
      period: p.period || strings.planNoPeriod,
      status: labelOf('planStatus', p.status, context.locale),
    });

  return (
    <div className={styles.root}>
      <dl className={styles.facts}>
        <div className={styles.fact}>
          <dt className={styles.term}>{strings.period}</dt>
          <dd className={styles.definition}>
            <Text weight="semibold">{plan.period}</Text>
          </dd>
        </div>
        <div className={styles.fact}>
          <dt className={styles.term}>{strings.status}</dt>
          <dd className={styles.definition}>
            <Badge appearance="tint" shape="rounded" color={own(STATUS_COLOURS, plan.status) ?? 'subtle'}>
              {labelOf('planStatus', plan.status, context.locale)}
            </Badge>
          </dd>
        </div>
        <div className={styles.fact}>
          <dt className={styles.term}>{strings.owner}</dt>
          <dd className={styles.definition}>
            {plan.ownerId === undefined ? strings.noOwner : context.personName(plan.ownerId)}
          </dd>
        </div>
        {channel && (
          <div className={styles.fact}>
            <dt className={styles.term}>{strings.channel}</dt>
            <dd className={styles.definition}>{channel}</dd>
          </div>
        )}
      </dl>

      {canSwitch && (
        <SelectField
          ref={planSwitchRef}
          label={strings.planSwitch}
          className={styles.planSwitch}
          value={String(plan.id)}
          onChange={(value) => {
            const chosen = view.plans.find((p) => String(p.id) === value);
            if (chosen && chosen.id !== plan.id) props.onChoosePlan?.(chosen);
          }}
        >
          {plansNewestFirst(view.plans).map((p) => (
            <option key={p.id} value={String(p.id)}>
              {planLabel(p)}
            </option>
          ))}
        </SelectField>
      )}
      {current && current.id !== plan.id && <Text>{fill(strings.otherPlanNote, { period: plan.period })}</Text>}

      {!known && (
        <Notice intent="warning">
          <NoticeBody>{fill(strings.unknownStatus, { value: plan.status })}</NoticeBody>
        </Notice>
      )}

      {(context.can.changeStatus || props.onChangeUnit) && (
        <div className={styles.actions}>
          {context.can.changeStatus &&
            known &&
            nextStatuses(plan.status).map((next) => (
              <Button key={next} disabled={status.busy} onClick={() => void moveTo(next)}>
                {fill(strings.moveTo, { status: labelOf('planStatus', next, context.locale) })}
              </Button>
            ))}
          {context.can.changeStatus && !editingOwner && (
            <Button onClick={() => setEditingOwner(true)}>{strings.changeOwner}</Button>
          )}
          {props.onChangeUnit && <Button onClick={props.onChangeUnit}>{strings.changeUnit}</Button>}
        </div>
      )}
      <SaveConflict flow={status} {...conflictTexts} />
      {status.error !== undefined && (
        <DataErrorMessage error={status.error} title={strings.statusFailed} onDismiss={status.dismissError} />
      )}

      {context.can.changeStatus && editingOwner && (
        <form className={styles.owner} onSubmit={saveOwner}>
          <React.Suspense fallback={<Spinner size="tiny" label={commonStrings.loading} />}>
            <PeoplePicker
              className={styles.select}
              label={strings.ownerField}
              hint={strings.ownerHint}
              value={ownerValue}
              suggestions={ownerSuggestions}
              onChange={(person) =>
                ownerDraft.set((v) => ({
                  ...v,
                  ownerId: person ? String(person.id) : '',
                  ownerName: person ? person.title : undefined,
                  ownerEmail: person ? person.email : undefined,
                }))
              }
            />
          </React.Suspense>
          {!owner.conflict && (
            <>
              <Button type="submit" appearance="primary" disabled={owner.busy}>
                {strings.saveOwner}
              </Button>
              <Button
                onClick={() => {
                  ownerDraft.clear();
                  setEditingOwner(false);
                }}
              >
                {strings.cancel}
              </Button>
            </>
          )}
        </form>
      )}
      <SaveConflict flow={owner} {...conflictTexts} />
      {owner.error !== undefined && (
        <DataErrorMessage error={owner.error} title={strings.ownerFailed} onDismiss={owner.dismissError} />
      )}

      {!context.can.changeStatus && !context.can.editInitiatives && <Text>{strings.readOnlyNote}</Text>}
      {plan.status === 'closed' && <Text>{strings.closedNote}</Text>}
      {view.permissions.canEditPlan && plan.status !== 'draft' && plan.status !== 'closed' && (
        <Text>{strings.focusLockedNote}</Text>
      )}
    </div>
  );
}
