import type { IPersonMatch, IPersonValue } from '../../data/repositories/types';

export type { IPersonMatch, IPersonValue } from '../../data/repositories/types';

/** What the picker lists: a site user (a suggestion) or someone the search found (resolved when chosen). */
export type IPickerPerson = IPersonValue | IPersonMatch;

/** Props of {@link PeoplePicker}. */
export interface IPeoplePickerProps {
  /** The field's label, e.g. "Ansvarlig". */
  label: string;
  /** The chosen person; undefined when nobody is chosen. */
  value: IPersonValue | undefined;
  /** Called with the person chosen, or undefined when the reader clears or edits the choice. */
  onChange(value: IPersonValue | undefined): void;
  /** Shown under the field (and read with it) when the value is not valid, e.g. "Vælg en ansvarlig." */
  validationMessage?: string;
  /** Help under the field. @default the picker's own ("Søg på navn eller e-mail …") */
  hint?: string;
  /** @default false */
  required?: boolean;
  /** @default false */
  disabled?: boolean;
  /** People offered before anything is typed (e.g. the unit's leaders), in this order. */
  suggestions?: readonly IPersonValue[];
  /** Milliseconds after the last keystroke before the search is sent. @default 300 */
  debounceMs?: number;
  /** Merged last, after the picker's own classes. */
  className?: string;
}
