import * as React from 'react';
import { makeStyles, mergeClasses, tokens, useId } from '@fluentui/react-components';
import { nativeFieldStyles } from './nativeFieldStyles';

/** Props of {@link SelectField}. */
export interface ISelectFieldProps {
  label: string;
  value: string;
  onChange(value: string): void;
  /** The options (`<option>` elements). */
  children: React.ReactNode;
  required?: boolean;
  hint?: string;
  /** Shown as an alert under the select, which is then marked invalid. */
  validationMessage?: string;
  className?: string;
  selectClassName?: string;
}

const useStyles = makeStyles({
  field: nativeFieldStyles.field,
  label: nativeFieldStyles.label,
  required: { color: tokens.colorPaletteRedForeground3, paddingLeft: tokens.spacingHorizontalXXS },
  select: {
    ...nativeFieldStyles.control,
    maxWidth: '100%',
    padding: `0 ${tokens.spacingHorizontalS}`,
    cursor: 'pointer',
  },
  invalid: nativeFieldStyles.invalid,
  hint: nativeFieldStyles.hint,
  error: nativeFieldStyles.error,
});

/**
 * A labelled native select in Fluent's look, with an optional hint and validation message (described by
 * both; aria-invalid and aria-required as Fluent's Field sets them). The plan's first view uses it so
 * that Fluent's Field and Select are not in its entry bundle; the forms (in chunks) keep Fluent's.
 */
export const SelectField = React.forwardRef<HTMLSelectElement, ISelectFieldProps>(function SelectField(props, ref) {
  const styles = useStyles();
  const id = useId('mpk-select');
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const invalid = !!props.validationMessage;
  const describedBy = [invalid ? errorId : '', props.hint ? hintId : ''].filter(Boolean).join(' ') || undefined;
  return (
    <div className={mergeClasses(styles.field, props.className)}>
      <label htmlFor={id} className={styles.label}>
        {props.label}
        {props.required && (
          <span aria-hidden="true" className={styles.required}>
            *
          </span>
        )}
      </label>
      <select
        ref={ref}
        id={id}
        className={mergeClasses(styles.select, invalid && styles.invalid, props.selectClassName)}
        value={props.value}
        onChange={(event) => props.onChange(event.target.value)}
        required={props.required}
        aria-invalid={invalid || undefined}
        aria-describedby={describedBy}
      >
        {props.children}
      </select>
      {invalid && (
        <span id={errorId} role="alert" className={styles.error}>
          {props.validationMessage}
        </span>
      )}
      {props.hint && (
        <span id={hintId} className={styles.hint}>
          {props.hint}
        </span>
      )}
    </div>
  );
});
