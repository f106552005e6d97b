import * as React from 'react';

/** Props of {@link SelectOptions}. */
export interface ISelectOptionsProps<T> {
  /** The first option's text (value ''): "Vælg …" or "Alle". None: no empty option. */
  empty?: string;
  items: readonly T[];
  value(item: T): string;
  label(item: T): string;
}

/**
 * The `<option>`s of a select (Fluent's `Select` or `SelectField`): an optional empty one first, then
 * one per item — written once instead of in every form and filter.
 */
export function SelectOptions<T>(props: ISelectOptionsProps<T>): JSX.Element {
  return (
    <>
      {props.empty !== undefined && <option value="">{props.empty}</option>}
      {props.items.map((item) => {
        const value = props.value(item);
        return (
          <option key={value} value={value}>
            {props.label(item)}
          </option>
        );
      })}
    </>
  );
}
