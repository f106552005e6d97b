import * as React from 'react';
import { Select } from '@fluentui/react-components';
import type { IAmbition } from '../../data/repositories/types';
import { SelectOptions } from '../shell/SelectOptions';

/** Props of {@link AmbitionSelect}. */
export interface IAmbitionSelectProps {
  id?: string;
  /** The chosen ambition's key ('' for none). */
  value: string;
  onChange(value: string): void;
  /** The first option, for no ambition (e.g. "Vælg en ambition"). */
  emptyLabel: string;
  ambitions: readonly IAmbition[];
}

/** A select of the ambitions by title, with an empty first option; put it in a Fluent `Field`. */
export function AmbitionSelect(props: IAmbitionSelectProps): JSX.Element {
  return (
    <Select id={props.id} value={props.value} onChange={(_, data) => props.onChange(data.value)}>
      <SelectOptions empty={props.emptyLabel} items={props.ambitions} value={(a) => a.key} label={(a) => a.title} />
    </Select>
  );
}
