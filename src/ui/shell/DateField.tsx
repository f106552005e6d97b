import * as React from 'react';
import { Field, makeStyles } from '@fluentui/react-components';
import { DatePicker } from '@fluentui/react-datepicker-compat';
import { useDateField, type IDateFieldProps } from './useDateField';

export type { IDateFieldProps } from './useDateField';

const useStyles = makeStyles({
  picker: { width: '100%', minWidth: 0 },
});

/**
 * A date in a form: Fluent's DatePicker with Danish month and day names, Monday first and week numbers. People type
 * 24.12.2026, 24/12-2026 or 24-12-26, or pick the day in the calendar (the button, Alt+↓ or Enter). The value in
 * and out is `YYYY-MM-DD`; a typed text that is not a date stays as typed, with a message naming the field.
 */
export function DateField(props: IDateFieldProps): JSX.Element {
  const styles = useStyles();
  const { picker, message } = useDateField(props);
  return (
    <Field
      label={props.label}
      required={props.required}
      hint={props.hint}
      validationMessage={message}
      className={props.className}
    >
      <DatePicker {...picker} className={styles.picker} />
    </Field>
  );
}

export default DateField;
