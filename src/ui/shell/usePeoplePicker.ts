import * as React from 'react';
import { useId } from '@fluentui/react-components';
import type { Locale } from '../../domain/locale';
import { isEmailAddress } from '../../domain/people';
import type { IPeoplePickerProps, IPersonMatch, IPersonValue, IPickerPerson } from './PeoplePicker.types';
import { useLocale } from './locale';
import { plural } from './plural';
import { useServices } from './services';
import { fill, useStrings } from './strings';
import { usePeopleSearch, type IPeopleSearch } from './usePeopleSearch';

/** Option values that are not a person id. */
export const EMAIL_PREFIX = 'email:';
const MATCH_PREFIX = 'match:';

/** Whether a listed person was found by the search (and still needs a site user id). */
function isMatch(person: IPickerPerson): person is IPersonMatch {
  return typeof (person as IPersonMatch).key === 'string' && typeof (person as IPersonValue).id !== 'number';
}

/** The option value of a listed person. */
export function optionValue(person: IPickerPerson): string {
  return isMatch(person) ? `${MATCH_PREFIX}${person.key}` : String(person.id);
}

/** What the picker offers for the text typed so far. */
export function pickerOptions(
  text: string,
  results: readonly IPickerPerson[],
  suggestions: readonly IPickerPerson[],
): { people: IPickerPerson[]; email?: string } {
  const term = text.trim();
  if (term === '') return { people: suggestions.slice() };
  const email =
    isEmailAddress(term) && !results.some((p) => p.email.toLowerCase() === term.toLowerCase()) ? term : undefined;
  return { people: results.slice(), email };
}

/** What the status line says of the search for the text typed. */
function searchStatus(
  status: IPeopleSearch['status'],
  options: { people: IPickerPerson[]; email?: string },
  text: string,
  strings: ReturnType<typeof useStrings>,
  locale: Locale,
): string {
  const s = strings.peoplePicker;
  if (status === 'short') return s.tooShort;
  if (status === 'searching') return s.searching;
  if (status !== 'ready') return '';
  if (options.people.length > 0) return plural(locale, options.people.length, s.foundOne, s.found);
  return options.email ? s.noneUseEmail : fill(s.noResults, { text: text.trim() });
}

/** What {@link usePeoplePicker} hands to the picker's render function. */
export interface IPeoplePickerState {
  text: string;
  /** The chosen person's name is what the field shows. */
  showingChoice: boolean;
  /** What the status says while a chosen person is made a site user. */
  resolving: string | undefined;
  resolveError: unknown;
  search: IPeopleSearch;
  options: { people: IPickerPerson[]; email?: string };
  /** What the polite status line says (searching, found n, none …). */
  status: string;
  statusId: string;
  rootRef: React.RefObject<HTMLDivElement>;
  onTextChange(next: string): void;
  onOptionSelect(picked: string | undefined): void;
  /** "Prøv igen" after a failed search; focus returns to the field. */
  retrySearch(): void;
}

/** The picker's state: the text, the search, the choice and turning it into a site user. */
export function usePeoplePicker(props: IPeoplePickerProps): IPeoplePickerState {
  const services = useServices();
  const strings = useStrings();
  const locale = useLocale();
  const s = strings.peoplePicker;
  const { value, onChange } = props;
  const [text, setText] = React.useState(value ? value.title : '');
  /** What the status says while a chosen person is made a site user. */
  const [resolving, setResolving] = React.useState<string>();
  const [resolveError, setResolveError] = React.useState<unknown>();
  const statusId = useId('mpk-people-status');
  const rootRef = React.useRef<HTMLDivElement>(null);
  // "Prøv igen" goes away with the error: focus returns to the field rather than to the page.
  const refocus = React.useRef(false);

  // A value set from outside (a restored draft, a conflict resolved) shows its name.
  const shownValue = React.useRef(value);
  React.useEffect(() => {
    if (value !== shownValue.current) {
      shownValue.current = value;
      if (value) setText(value.title);
    }
  }, [value]);

  const showingChoice = !!value && text === value.title;
  const search = usePeopleSearch(text, !showingChoice && !resolving, props.debounceMs ?? 300);

  React.useEffect(() => {
    if (refocus.current && search.status !== 'error') {
      refocus.current = false;
      const input = rootRef.current && rootRef.current.querySelector('input');
      if (input) input.focus();
    }
  }, [search.status]);
  const options = pickerOptions(showingChoice ? '' : text, search.results, props.suggestions || []);
  const byValue = new Map<string, IPickerPerson>();
  for (const person of options.people) byValue.set(optionValue(person), person);
  if (value) byValue.set(String(value.id), value);
  // The text at the time of a choice: an answer that arrives after the reader typed on is dropped.
  const textRef = React.useRef(text);
  textRef.current = text;

  const choose = (person: IPersonValue | undefined): void => {
    shownValue.current = person;
    setText(person ? person.title : '');
    setResolveError(undefined);
    onChange(person);
  };

  /** Turns what was picked into a site user; the field shows `shown` meanwhile. */
  const resolveWith = (shown: string, statusText: string, lookUp: () => Promise<IPersonValue>): void => {
    setText(shown);
    textRef.current = shown;
    setResolving(statusText);
    setResolveError(undefined);
    // The earlier choice is no longer what the field shows: nobody is chosen until SharePoint answers.
    if (value) {
      shownValue.current = undefined;
      onChange(undefined);
    }
    lookUp().then(
      (person) => {
        setResolving(undefined);
        if (textRef.current === shown) choose(person);
      },
      (error: unknown) => {
        setResolving(undefined);
        if (textRef.current === shown) setResolveError(error);
      },
    );
  };

  const pick = (picked: IPickerPerson | undefined): void => {
    if (!picked) return;
    if (isMatch(picked))
      resolveWith(picked.title, fill(s.resolvingPerson, { name: picked.title }), () => services.people.resolve(picked));
    else choose(picked);
  };

  const status = resolving || (showingChoice ? '' : searchStatus(search.status, options, text, strings, locale));

  const onTextChange = (next: string): void => {
    setText(next);
    setResolveError(undefined);
    // Typing on abandons a choice SharePoint has not confirmed yet (its answer is dropped).
    setResolving(undefined);
    // The text no longer names the chosen person: nobody is chosen until one is picked.
    if (value && next !== value.title) {
      shownValue.current = undefined;
      onChange(undefined);
    }
  };

  const onOptionSelect = (picked: string | undefined): void => {
    if (!picked) return;
    if (picked.indexOf(EMAIL_PREFIX) === 0) {
      const email = picked.slice(EMAIL_PREFIX.length);
      resolveWith(email, fill(s.resolving, { email }), () => services.people.ensure(email));
    } else pick(byValue.get(picked));
  };

  const retrySearch = (): void => {
    refocus.current = true;
    search.retry();
  };

  return {
    text,
    showingChoice,
    resolving,
    resolveError,
    search,
    options,
    status,
    statusId,
    rootRef,
    onTextChange,
    onOptionSelect,
    retrySearch,
  };
}
