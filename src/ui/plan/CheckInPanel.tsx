import * as React from 'react';
import { Field, Input, makeStyles, Radio, RadioGroup, Text, Textarea, tokens } from '@fluentui/react-components';
import { Spinner } from '../shell/Spinner';
import { newClientKey } from '../../domain/clientKey';
import { formatDate, toIsoDate } from '../../domain/dates';
import { labelOf } from '../../domain/messages';
import { HEALTHS, type Health, type ICheckIn, type IInitiative } from '../../domain/model';
import { validateCheckIn } from '../../domain/validation';
import type { IValidationError } from '../../domain/messages';
import { useServices } from '../shell/services';
import { fill, useStrings } from '../shell/strings';
import { messagesByField } from '../shell/validationMessages';
import { HealthBadge, HealthShape } from './HealthBadge';
import { checkInSeries } from '../../domain/planModel';
import { usePlan } from './PlanContext';
import { FormActions } from '../shell/FormActions';
import { usePlanForm } from './usePlanForm';
import { withCheckIn } from '../../domain/planViewPatch';

const CheckInChart = React.lazy(() => import(/* webpackChunkName: 'mpk-chart' */ './CheckInChart'));

/** Props of {@link CheckInPanel}. */
export interface ICheckInPanelProps {
  initiative: IInitiative;
  /** Heading level of the panel's heading. @default 5 */
  headingLevel?: 4 | 5 | 6;
}

interface ICheckInDraft {
  clientKey: string;
  health: string;
  progress: string;
  comment: string;
  date: string;
}

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalM },
  heading: { margin: 0, fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold },
  history: {
    margin: 0,
    paddingLeft: tokens.spacingHorizontalL,
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalXS,
  },
  entry: { overflowWrap: 'anywhere' },
  entryComment: { margin: `${tokens.spacingVerticalXXS} 0 0 0`, whiteSpace: 'pre-wrap' },
  form: {
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalS,
    padding: tokens.spacingHorizontalM,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
  },
  row: { display: 'flex', flexWrap: 'wrap', columnGap: tokens.spacingHorizontalM, rowGap: tokens.spacingVerticalS },
  narrow: { minWidth: 0, flexGrow: 1, flexBasis: '9em' },
  input: { width: '100%', minWidth: 0 },
  inputInner: { minWidth: 0, width: '100%' },
  healthLabel: { display: 'inline-flex', alignItems: 'center', columnGap: tokens.spacingHorizontalXS },
});

function emptyDraft(now: Date): ICheckInDraft {
  return { clientKey: newClientKey(), health: '', progress: '', comment: '', date: toIsoDate(now) };
}

/** The check-in a form describes (progress stays text when it is not a number, for the validator to name). */
function checkInFromDraft(draft: ICheckInDraft, initiativeId: number): ICheckIn {
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

/** An initiative's status over time — the chart, the list, and (for leaders) a new check-in. */
export function CheckInPanel(props: ICheckInPanelProps): JSX.Element {
  const plan = usePlan();
  const services = useServices();
  const strings = useStrings().plan.checkIn;
  const styles = useStyles();
  const initiativeId = props.initiative.id as number;
  const series = checkInSeries(plan.view.checkIns, initiativeId);
  const newestFirst = series.slice().reverse();
  const Heading = `h${props.headingLevel ?? 5}` as 'h5';

  const { draft, errors, flow, submit } = usePlanForm<ICheckInDraft, ICheckIn>({
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

  const fieldErrors = messagesByField(
    errors.length > 0
      ? errors
      : ((flow.error as { validationErrors?: IValidationError[] } | undefined)?.validationErrors ?? []),
    plan.locale,
  );

  return (
    <section className={styles.root} aria-labelledby={`checkins-${initiativeId}`}>
      <Heading id={`checkins-${initiativeId}`} className={styles.heading}>
        {strings.heading}
      </Heading>
      {series.length > 0 ? (
        <>
          <React.Suspense fallback={<Spinner size="tiny" label={strings.chartLoading} />}>
            <CheckInChart checkIns={series} locale={plan.locale} />
          </React.Suspense>
          <ol className={styles.history} aria-label={strings.history} reversed>
            {newestFirst.map((checkIn) => (
              <li key={checkIn.id ?? checkIn.clientKey} className={styles.entry}>
                <Text>{`${formatDate(checkIn.date, plan.locale)}: `}</Text>
                <HealthBadge health={checkIn.health} locale={plan.locale} />
                <Text>{`, ${fill(strings.progressValue, { progress: checkIn.progress })}`}</Text>
                {checkIn.comment && <p className={styles.entryComment}>{checkIn.comment}</p>}
              </li>
            ))}
          </ol>
        </>
      ) : (
        <Text>{strings.none}</Text>
      )}

      {plan.can.checkIn && (
        <form className={styles.form} onSubmit={submit} noValidate aria-labelledby={`checkin-form-${initiativeId}`}>
          <Text id={`checkin-form-${initiativeId}`} weight="semibold">
            {strings.formTitle}
          </Text>
          {draft.restored && <Text size={200}>{strings.draftRestored}</Text>}
          <Field label={strings.health} required validationMessage={fieldErrors.health}>
            <RadioGroup
              value={draft.value.health}
              layout="horizontal"
              onChange={(_, data) => draft.set((d) => ({ ...d, health: data.value }))}
            >
              {HEALTHS.map((health) => (
                <Radio
                  key={health}
                  value={health}
                  label={
                    <span className={styles.healthLabel}>
                      <svg width="14" height="14" viewBox="0 0 14 14" aria-hidden="true" focusable="false">
                        <HealthShape health={health} cx={7} cy={7} r={5} />
                      </svg>
                      {labelOf('health', health, plan.locale)}
                    </span>
                  }
                />
              ))}
            </RadioGroup>
          </Field>
          <div className={styles.row}>
            <Field label={strings.progress} required validationMessage={fieldErrors.progress} className={styles.narrow}>
              <Input
                className={styles.input}
                input={{ className: styles.inputInner }}
                type="number"
                min={0}
                max={100}
                step={1}
                inputMode="numeric"
                value={draft.value.progress}
                onChange={(_, data) => draft.set((d) => ({ ...d, progress: data.value }))}
              />
            </Field>
            <Field label={strings.date} required validationMessage={fieldErrors.date} className={styles.narrow}>
              <Input
                className={styles.input}
                input={{ className: styles.inputInner }}
                type="date"
                value={draft.value.date}
                onChange={(_, data) => draft.set((d) => ({ ...d, date: data.value }))}
              />
            </Field>
          </div>
          <Field label={strings.comment} validationMessage={fieldErrors.comment}>
            <Textarea
              value={draft.value.comment}
              resize="vertical"
              onChange={(_, data) => draft.set((d) => ({ ...d, comment: data.value }))}
            />
          </Field>
          <FormActions flow={flow} texts={strings} submitLabel={strings.submit} />
        </form>
      )}
    </section>
  );
}
