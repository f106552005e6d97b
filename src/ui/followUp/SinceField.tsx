import * as React from 'react';
import { mergeClasses, useId } from '@fluentui/react-components';
import { formatDate, isValidIsoDate } from '../../domain/dates';
import { useLocale } from '../shell/locale';
import { useStrings } from '../shell/strings';
import { typedDateMessage, typedValue } from '../shell/dateText';
import { useAppStyles, useDateFieldStyles } from './useFollowUpStyles.styles';

// The date picker is heavy: it loads when someone asks for the calendar, never with the overview.
const DateField = React.lazy(() => import(/* webpackChunkName: 'mpk-datepicker' */ '../shell/DateField'));

// Fluent's CalendarMonth (20 × 20, `@fluentui/react-icons`), inline like the other first-view icons.
const CALENDAR_ICON =
  'M14.5 3A2.5 2.5 0 0 1 17 5.5v9a2.5 2.5 0 0 1-2.5 2.5h-9A2.5 2.5 0 0 1 3 14.5v-9A2.5 2.5 0 0 1 5.5 3zm0 1h-9C4.67 4 4 4.67 4 5.5v9c0 .83.67 1.5 1.5 1.5h9c.83 0 1.5-.67 1.5-1.5v-9c0-.83-.67-1.5-1.5-1.5M7 11a1 1 0 1 1 0 2 1 1 0 0 1 0-2m3 0a1 1 0 1 1 0 2 1 1 0 0 1 0-2M7 7a1 1 0 1 1 0 2 1 1 0 0 1 0-2m3 0a1 1 0 1 1 0 2 1 1 0 0 1 0-2m3 0a1 1 0 1 1 0 2 1 1 0 0 1 0-2';

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
  const shown = (value: string): string => (isValidIsoDate(value) ? formatDate(value, locale) : value);
  const [text, setText] = React.useState(() => shown(props.value));
  const [touched, setTouched] = React.useState(false);
  const [picker, setPicker] = React.useState(false);
  const inputId = useId('mpk-since');
  const hintId = `${inputId}-hint`;
  const errorId = `${inputId}-error`;
  React.useEffect(() => {
    if (typedValue(text) !== props.value) setText(shown(props.value));
    // Only a value from outside (a reset) replaces what is typed.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [props.value]);
  const futureMessage = isValidIsoDate(props.value) && props.invalid ? props.error : undefined;
  if (picker) {
    const fallback = <span className={styles.label}>{props.label}</span>;
    return (
      <React.Suspense fallback={fallback}>
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
        <button
          type="button"
          className={styles.button}
          aria-label={strings.openCalendar}
          onClick={() => setPicker(true)}
        >
          <svg width="20" height="20" viewBox="0 0 20 20" aria-hidden="true" focusable="false">
            <path d={CALENDAR_ICON} fill="currentColor" />
          </svg>
        </button>
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
