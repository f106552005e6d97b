import * as React from 'react';
import { Field, Input, makeStyles, Radio, RadioGroup, Text, Textarea, tokens, useId } from '@fluentui/react-components';
import { framedColumn, savedFocus } from '../shell/sharedStyles';
import { Spinner } from '../shell/Spinner';
import { formatDate } from '../../domain/dates';
import { HEALTHS, type IInitiative } from '../../domain/model';
import { useCheckInForm, type ICheckInDraft } from './useCheckInForm';
import { fill, useStrings } from '../shell/strings';
import { HealthBadge, HealthShape } from './HealthBadge';
import { checkInSeries, measureOf, measuredValues } from '../../domain/planModel';
import type { IMeasure } from '../../domain/measurements';
import { measureUnitText } from '../measurements/measureText';
import { usePlan } from './PlanContext';
import { FormActions } from '../shell/FormActions';
import { labelOf } from '../shell/texts';
import { DateField } from '../shell/DateField';
import { useSavedConfirmation } from '../shell/useSavedConfirmation';
import { SavedNotice } from '../shell/SavedNotice';
import type { ICheckIn } from '../../domain/model';

const CheckInChart = React.lazy(() => import(/* webpackChunkName: 'mpk-chart' */ './CheckInChart'));
const MeasureChart = React.lazy(() => import(/* webpackChunkName: 'mpk-chart' */ './MeasureChart'));

/** Props of {@link CheckInPanel}. */
export interface ICheckInPanelProps {
  initiative: IInitiative;
  /** Heading level of the panel's heading. @default 5 */
  headingLevel?: 4 | 5 | 6;
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
  entry: { overflowWrap: 'anywhere', ...savedFocus },
  entryComment: { margin: `${tokens.spacingVerticalXXS} 0 0 0`, whiteSpace: 'pre-wrap' },
  form: framedColumn(tokens.spacingVerticalS, tokens.colorNeutralStroke2),
  row: { display: 'flex', flexWrap: 'wrap', columnGap: tokens.spacingHorizontalM, rowGap: tokens.spacingVerticalS },
  narrow: { minWidth: 0, flexGrow: 1, flexBasis: '9em' },
  input: { width: '100%', minWidth: 0 },
  inputInner: { minWidth: 0, width: '100%' },
  healthLabel: { display: 'inline-flex', alignItems: 'center', columnGap: tokens.spacingHorizontalXS },
});

/** An initiative's status over time — the chart, the list, and (for leaders) a new check-in. */
export function CheckInPanel(props: ICheckInPanelProps): JSX.Element {
  const plan = usePlan();
  const strings = useStrings().plan.checkIn;
  const styles = useStyles();
  const headingId = useId('mpk-checkins');
  const initiativeId = props.initiative.id as number;
  const series = checkInSeries(plan.view.checkIns, initiativeId);
  const newestFirst = series.slice().reverse();
  const measure = measureOf(props.initiative);
  const values = measure ? measuredValues(series, initiativeId) : [];
  const Heading = `h${props.headingLevel ?? 5}` as 'h5';
  const listRef = React.useRef<HTMLOListElement>(null);
  const saved = useSavedConfirmation(plan.announce);
  const onSaved = (checkIn: ICheckIn): void =>
    saved.confirm(fill(strings.savedOn, { date: formatDate(checkIn.date, plan.locale) }), () =>
      listRef.current?.querySelector<HTMLElement>(`[data-checkin="${checkIn.clientKey}"]`),
    );
  return (
    <section className={styles.root} aria-labelledby={headingId}>
      <Heading id={headingId} className={styles.heading}>
        {strings.heading}
      </Heading>
      {series.length > 0 ? (
        <>
          <React.Suspense fallback={<Spinner size="tiny" label={strings.chartLoading} />}>
            <CheckInChart checkIns={series} locale={plan.locale} />
          </React.Suspense>
          {measure && values.length > 0 && (
            <React.Suspense fallback={<Spinner size="tiny" label={strings.chartLoading} />}>
              <MeasureChart measure={measure} values={values} locale={plan.locale} today={plan.now()} />
            </React.Suspense>
          )}
          <SavedNotice text={saved.text} />
          <ol ref={listRef} className={styles.history} aria-label={strings.history} reversed>
            {newestFirst.map((checkIn) => (
              <li
                key={checkIn.id ?? checkIn.clientKey}
                className={styles.entry}
                data-checkin={checkIn.clientKey}
                tabIndex={-1}
              >
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
        <CheckInForm initiativeId={initiativeId} measure={measure} onSaved={onSaved} onEdit={saved.dismiss} />
      )}
    </section>
  );
}

/** Props of {@link CheckInForm}. */
interface ICheckInFormProps {
  initiativeId: number;
  measure?: IMeasure;
  /** After a save (the panel confirms it by the list). */
  onSaved(saved: ICheckIn): void;
  /** The person changed a field (the last confirmation goes). */
  onEdit(): void;
}

/** A new check-in: health, progress, date and a comment (and the value measured, when the initiative has a measure). */
function CheckInForm(props: ICheckInFormProps): JSX.Element {
  const mpkStrings = useStrings();
  const strings = mpkStrings.plan.checkIn;
  const styles = useStyles();
  const titleId = useId('mpk-checkin-form');
  const plan = usePlan();
  const { measure } = props;
  const form = useCheckInForm(props.initiativeId, measure, props.onSaved);
  const { draft, fieldErrors, flow, prefilledFrom } = form;
  const setField = (field: keyof ICheckInDraft, value: string): void => {
    props.onEdit();
    form.setField(field, value);
  };
  const set = (field: keyof ICheckInDraft) => (_: unknown, data: { value: string }) => setField(field, data.value);
  return (
    <form ref={form.formRef} className={styles.form} onSubmit={form.submit} noValidate aria-labelledby={titleId}>
      <Text id={titleId} weight="semibold">
        {strings.formTitle}
      </Text>
      {draft.restored && <Text size={200}>{strings.draftRestored}</Text>}
      {prefilledFrom && (
        <Text size={200}>{fill(strings.prefilled, { date: formatDate(prefilledFrom.date, plan.locale) })}</Text>
      )}
      <Field label={strings.health} required validationMessage={fieldErrors.health}>
        <RadioGroup value={draft.value.health} layout="horizontal" onChange={set('health')}>
          {HEALTHS.map((health) => (
            <Radio
              key={health}
              value={health}
              label={
                <span className={styles.healthLabel}>
                  <svg width="14" height="14" viewBox="0 0 14 14" aria-hidden="true" focusable="false">
                    <HealthShape health={health} cx={7} cy={7} r={5} />
                  </svg>
                  {labelOf(mpkStrings, 'health', health)}
                </span>
              }
            />
          ))}
        </RadioGroup>
      </Field>
      <div className={styles.row}>
        {measure && (
          <Field
            label={fill(mpkStrings.measurements.measuredValueLabel, {
              unit: measureUnitText(mpkStrings.measurements, measure.unit),
            })}
            hint={mpkStrings.measurements.numberHint}
            validationMessage={fieldErrors.measuredValue}
            className={styles.narrow}
          >
            <Input
              className={styles.input}
              input={{ className: styles.inputInner }}
              inputMode="decimal"
              value={draft.value.measuredValue ?? ''}
              onChange={set('measuredValue')}
            />
          </Field>
        )}
        <Field
          label={strings.progress}
          required
          hint={measure ? mpkStrings.measurements.progressFollows : undefined}
          validationMessage={fieldErrors.progress}
          className={styles.narrow}
        >
          <Input
            className={styles.input}
            input={{ className: styles.inputInner }}
            type="number"
            min={0}
            max={100}
            step={1}
            inputMode="numeric"
            value={draft.value.progress}
            onChange={set('progress')}
          />
        </Field>
        <DateField
          label={strings.date}
          required
          validationMessage={fieldErrors.date}
          className={styles.narrow}
          value={draft.value.date}
          onChange={(value) => setField('date', value)}
        />
      </div>
      <Field label={strings.comment} validationMessage={fieldErrors.comment}>
        <Textarea value={draft.value.comment} resize="vertical" onChange={set('comment')} />
      </Field>
      <FormActions flow={flow} texts={strings} submitLabel={strings.submit} />
    </form>
  );
}
