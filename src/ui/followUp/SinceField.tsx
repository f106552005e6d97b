import * as React from 'react';
import { Button, mergeClasses, useId } from '@fluentui/react-components';
import { formatDate, isValidIsoDate } from '../../domain/dates';
import { useLocale } from '../shell/locale';
import { useStrings } from '../shell/strings';
import { typedDateMessage, typedValue } from '../shell/dateText';
import { useAppStyles, useDateFieldStyles } from './useFollowUpStyles.styles';

// The date picker is heavy: it loads when someone asks for the calendar, never with the overview.
const DateField = React.lazy(() => import(/* webpackChunkName: 'mpk-datepicker' */ '../shell/DateField'));

/** Props of {@link SinceField}. */
export interface ISinceFieldProps {
  /** `YYYY-MM-DD`, '' or typed text that is not a date. */
  value: string;
  max: string;
  /** The value cannot be compared with (not a date, or in the future). */
  invalid: boolean;
  onChange(value: string): void;
  label: string;
  hint: string;
  /** The message for a date in the future. */
  error: string;
}

/**
 * The overview's date to compare with, in its first view: a labelled text input that reads dates typed the Danish
 * way (24.12.2026, 24/12-2026, 24-12-26), with its hint and message (described by both, aria-invalid; the message
 * is an alert), and a calendar button that swaps in the date picker (`DateField`, chunk `mpk-datepicker`) open.
 */
export function SinceField(props: ISinceFieldProps): JSX.Element {
  const app = useAppStyles();
  const styles = useDateFieldStyles();
  const strings = useStrings().dates;
  const locale = useLocale();
  // The value when the field was made: the overview remakes it (by key) when it has compared with another date.
  const [text, setText] = React.useState(() =>
    isValidIsoDate(props.value) ? formatDate(props.value, locale) : props.value,
  );
  const [touched, setTouched] = React.useState(false);
  const [picker, setPicker] = React.useState(false);
  const inputId = useId('mpk-since');
  const hintId = `${inputId}-hint`;
  const errorId = `${inputId}-error`;
  const futureMessage = isValidIsoDate(props.value) && props.invalid ? props.error : undefined;
  if (picker) {
    return (
      <React.Suspense fallback={<span className={styles.label}>{props.label}</span>}>
        <DateField
          label={props.label}
          hint={props.hint}
          value={props.value}
          max={props.max}
          validationMessage={futureMessage}
          onChange={props.onChange}
          className={app.narrowField}
          defaultOpen
        />
      </React.Suspense>
    );
  }
  const message = (touched ? typedDateMessage(strings, props.label, props.value) : undefined) ?? futureMessage;
  return (
    <div className={mergeClasses(styles.field, app.narrowField)}>
      <label htmlFor={inputId} className={styles.label}>
        {props.label}
      </label>
      <span className={styles.control}>
        <input
          id={inputId}
          type="text"
          className={mergeClasses(styles.input, message && styles.invalid)}
          value={text}
          placeholder={strings.placeholder}
          onChange={(event) => {
            setText(event.target.value);
            props.onChange(typedValue(event.target.value));
          }}
          onBlur={() => setTouched(true)}
          onKeyDown={(event) => event.key === 'Enter' && setTouched(true)}
          aria-invalid={!!message || undefined}
          aria-describedby={message ? `${errorId} ${hintId}` : hintId}
        />
        <Button
          // A calendar like Fluent's CalendarMonth (inline: the icon package is not in the first view).
          icon={
            <svg width="20" height="20" viewBox="0 0 20 20" aria-hidden="true" focusable="false">
              <path
                d="M5.5 3.5h9a2 2 0 0 1 2 2v9a2 2 0 0 1-2 2h-9a2 2 0 0 1-2-2v-9a2 2 0 0 1 2-2M3.5 7.5h13"
                fill="none"
                stroke="currentColor"
              />
              <path d="M7 11h0m3 0h0m3 0h0M7 14h0m3 0h0" stroke="currentColor" strokeWidth="2" strokeLinecap="round" />
            </svg>
          }
          aria-label={strings.openCalendar}
          onClick={() => setPicker(true)}
        />
      </span>
      {message && (
        <span id={errorId} role="alert" className={styles.error}>
          {message}
        </span>
      )}
      <span id={hintId} className={styles.hint}>
        {props.hint}
      </span>
    </div>
  );
}
