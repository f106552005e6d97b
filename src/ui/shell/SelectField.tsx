import * as React from 'react';
import { makeStyles, mergeClasses, tokens, useId } from '@fluentui/react-components';

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
  field: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalXXS },
  label: { fontFamily: tokens.fontFamilyBase, fontSize: tokens.fontSizeBase300, lineHeight: tokens.lineHeightBase300, color: tokens.colorNeutralForeground1 },
  required: { color: tokens.colorPaletteRedForeground3, paddingLeft: tokens.spacingHorizontalXXS },
  select: {
    boxSizing: 'border-box',
    minHeight: '32px',
    maxWidth: '100%',
    padding: `0 ${tokens.spacingHorizontalS}`,
    fontFamily: tokens.fontFamilyBase,
    fontSize: tokens.fontSizeBase300,
    lineHeight: tokens.lineHeightBase300,
    color: tokens.colorNeutralForeground1,
    backgroundColor: tokens.colorNeutralBackground1,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
    borderBottomColor: tokens.colorNeutralStrokeAccessible,
    borderRadius: tokens.borderRadiusMedium,
    cursor: 'pointer',
    ':hover': {
      borderTopColor: tokens.colorNeutralStroke1Hover,
      borderRightColor: tokens.colorNeutralStroke1Hover,
      borderLeftColor: tokens.colorNeutralStroke1Hover,
      borderBottomColor: tokens.colorNeutralStrokeAccessibleHover,
    },
    ':focus-visible': { outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}`, outlineOffset: '1px' },
  },
  invalid: {
    borderTopColor: tokens.colorPaletteRedBorder2,
    borderRightColor: tokens.colorPaletteRedBorder2,
    borderBottomColor: tokens.colorPaletteRedBorder2,
    borderLeftColor: tokens.colorPaletteRedBorder2,
  },
  hint: { fontFamily: tokens.fontFamilyBase, fontSize: tokens.fontSizeBase200, lineHeight: tokens.lineHeightBase200, color: tokens.colorNeutralForeground3 },
  error: { fontFamily: tokens.fontFamilyBase, fontSize: tokens.fontSizeBase200, lineHeight: tokens.lineHeightBase200, color: tokens.colorPaletteRedForeground1 },
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
