import * as React from 'react';
import { Button, Combobox, Field, mergeClasses, Option, OptionGroup, useId } from '@fluentui/react-components';
import { Spinner } from './Spinner';
import { isEmailAddress } from '../../domain/people';
import type { IPeoplePickerProps, IPersonMatch, IPersonValue, IPickerPerson } from './PeoplePicker.types';
import { useServices } from './services';
import { fill, useStrings } from './strings';
import { usePeoplePickerStyles } from './usePeoplePickerStyles.styles';
import { usePeopleSearch } from './usePeopleSearch';
import { dataErrorText } from './texts';

export type { IPeoplePickerProps, IPersonMatch, IPersonValue, IPickerPerson } from './PeoplePicker.types';

/** Option values that are not a person id. */
const EMAIL_PREFIX = 'email:';
const MATCH_PREFIX = 'match:';

/** Whether a listed person was found by the search (and still needs a site user id). */
function isMatch(person: IPickerPerson): person is IPersonMatch {
  return typeof (person as IPersonMatch).key === 'string' && typeof (person as IPersonValue).id !== 'number';
}

/** The option value of a listed person. */
function optionValue(person: IPickerPerson): string {
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

/**
 * Choose a person: type the start of a name or an e-mail in any case (SharePoint's people picker
 * search, sent after a short pause), pick with the arrow keys and Enter or the mouse. The person chosen
 * is then made a site user (`people.resolve`), so the value has the id a person column stores; an e-mail
 * typed in full is looked up in the organisation (`people.ensure`). An accessible combobox (Fluent v9)
 * inside a `Field`; editing the text after a choice clears the choice, so what is shown is what is saved.
 */
export function PeoplePicker(props: IPeoplePickerProps): JSX.Element {
  const services = useServices();
  const strings = useStrings();
  const styles = usePeoplePickerStyles();
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

  let status = '';
  if (resolving) status = resolving;
  else if (!showingChoice && search.status === 'short') status = s.tooShort;
  else if (!showingChoice && search.status === 'searching') status = s.searching;
  else if (!showingChoice && search.status === 'ready') {
    status =
      options.people.length === 0
        ? options.email
          ? s.noneUseEmail
          : fill(s.noResults, { text: text.trim() })
        : options.people.length === 1
          ? s.foundOne
          : fill(s.found, { count: options.people.length });
  }

  const optionFor = (person: IPickerPerson): JSX.Element => (
    <Option key={optionValue(person)} value={optionValue(person)} text={person.title}>
      <span className={styles.option}>
        <span>{person.title}</span>
        {person.email && <span className={styles.email}>{person.email}</span>}
      </span>
    </Option>
  );

  return (
    <div ref={rootRef} className={mergeClasses(styles.root, props.className)}>
      <Field
        label={props.label}
        required={props.required}
        validationMessage={props.validationMessage}
        hint={props.hint ?? s.hint}
      >
        <Combobox
          freeform
          className={styles.combobox}
          disabled={props.disabled}
          placeholder={s.placeholder}
          value={text}
          selectedOptions={value ? [String(value.id)] : []}
          aria-describedby={statusId}
          onChange={(event) => {
            const next = event.target.value;
            setText(next);
            setResolveError(undefined);
            // Typing on abandons a choice SharePoint has not confirmed yet (its answer is dropped).
            setResolving(undefined);
            // The text no longer names the chosen person: nobody is chosen until one is picked.
            if (value && next !== value.title) {
              shownValue.current = undefined;
              onChange(undefined);
            }
          }}
          onOptionSelect={(_, data) => {
            const picked = data.optionValue;
            if (!picked) return;
            if (picked.indexOf(EMAIL_PREFIX) === 0) {
              const email = picked.slice(EMAIL_PREFIX.length);
              resolveWith(email, fill(s.resolving, { email }), () => services.people.ensure(email));
            } else pick(byValue.get(picked));
          }}
        >
          {options.people.length > 0 &&
            (text.trim() === '' || showingChoice ? (
              <OptionGroup label={s.suggestions}>{options.people.map(optionFor)}</OptionGroup>
            ) : (
              options.people.map(optionFor)
            ))}
          {options.email && (
            <Option key="email" value={`${EMAIL_PREFIX}${options.email}`} text={options.email}>
              {fill(s.useEmail, { email: options.email })}
            </Option>
          )}
        </Combobox>
      </Field>
      <span id={statusId} role="status" aria-live="polite" className={styles.status}>
        {status}
        {resolving && <Spinner size="extra-tiny" />}
      </span>
      {search.status === 'error' && !showingChoice && (
        <span role="alert" className={styles.error}>
          {fill(s.searchFailed, { reason: dataErrorText(strings, search.error, strings.errorNotice.unexpected) })}{' '}
          <Button
            size="small"
            appearance="transparent"
            onClick={() => {
              refocus.current = true;
              search.retry();
            }}
          >
            {strings.common.retry}
          </Button>
        </span>
      )}
      {resolveError !== undefined && (
        <span role="alert" className={styles.error}>
          {dataErrorText(strings, resolveError, strings.errorNotice.unexpected)}
        </span>
      )}
    </div>
  );
}
