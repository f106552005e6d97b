import * as React from 'react';
import { Button, Combobox, Field, mergeClasses, Option, OptionGroup, Spinner, useId } from '@fluentui/react-components';
import { isEmailAddress } from '../../domain/people';
import { errorText } from './DataErrorMessage';
import { useLocale } from './locale';
import type { IPeoplePickerProps, IPersonValue } from './PeoplePicker.types';
import { useServices } from './services';
import { fill, useStrings } from './strings';
import { usePeoplePickerStyles } from './usePeoplePickerStyles.styles';
import { usePeopleSearch } from './usePeopleSearch';

export type { IPeoplePickerProps, IPersonValue } from './PeoplePicker.types';

/** Option values that are not a person id. */
const EMAIL_PREFIX = 'email:';

/** What the picker offers for the text typed so far. */
export function pickerOptions(text: string, results: readonly IPersonValue[], suggestions: readonly IPersonValue[]): { people: IPersonValue[]; email?: string } {
  const term = text.trim();
  if (term === '') return { people: suggestions.slice() };
  const email = isEmailAddress(term) && !results.some((p) => p.email.toLowerCase() === term.toLowerCase()) ? term : undefined;
  return { people: results.slice(), email };
}

/**
 * Choose a person from the site: type part of a name or an e-mail (searched after a short pause),
 * pick with the arrow keys and Enter or the mouse; an e-mail typed in full that the site does not know
 * yet is looked up in the organisation (`people.ensure`). An accessible combobox (Fluent v9) inside a
 * `Field`; editing the text after a choice clears the choice, so what is shown is what is saved.
 */
export function PeoplePicker(props: IPeoplePickerProps): JSX.Element {
  const services = useServices();
  const strings = useStrings();
  const locale = useLocale();
  const styles = usePeoplePickerStyles();
  const s = strings.peoplePicker;
  const { value, onChange } = props;
  const [text, setText] = React.useState(value ? value.title : '');
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
  const search = usePeopleSearch(text, !showingChoice, props.debounceMs ?? 300);

  React.useEffect(() => {
    if (refocus.current && search.status !== 'error') {
      refocus.current = false;
      const input = rootRef.current && rootRef.current.querySelector('input');
      if (input) input.focus();
    }
  }, [search.status]);
  const options = pickerOptions(showingChoice ? '' : text, search.results, props.suggestions || []);
  const byId = new Map<string, IPersonValue>();
  for (const person of options.people) byId.set(String(person.id), person);
  if (value) byId.set(String(value.id), value);

  const choose = (person: IPersonValue | undefined): void => {
    shownValue.current = person;
    setText(person ? person.title : '');
    setResolveError(undefined);
    onChange(person);
  };

  const resolveEmail = (email: string): void => {
    setResolving(email);
    setResolveError(undefined);
    services.people.ensure(email).then(
      (person) => {
        setResolving(undefined);
        choose(person);
      },
      (error: unknown) => {
        setResolving(undefined);
        setResolveError(error);
      },
    );
  };

  let status = '';
  if (resolving) status = fill(s.resolving, { email: resolving });
  else if (!showingChoice && search.status === 'short') status = s.tooShort;
  else if (!showingChoice && search.status === 'searching') status = s.searching;
  else if (!showingChoice && search.status === 'ready') {
    status = options.people.length === 0 ? (options.email ? s.noneUseEmail : fill(s.noResults, { text: text.trim() })) : options.people.length === 1 ? s.foundOne : fill(s.found, { count: options.people.length });
  }

  const optionFor = (person: IPersonValue): JSX.Element => (
    <Option key={person.id} value={String(person.id)} text={person.title}>
      <span className={styles.option}>
        <span>{person.title}</span>
        {person.email && <span className={styles.email}>{person.email}</span>}
      </span>
    </Option>
  );

  return (
    <div ref={rootRef} className={mergeClasses(styles.root, props.className)}>
      <Field label={props.label} required={props.required} validationMessage={props.validationMessage} hint={props.hint ?? s.hint}>
        <Combobox
        freeform
        className={styles.combobox}
        disabled={props.disabled || !!resolving}
        placeholder={s.placeholder}
        value={text}
        selectedOptions={value ? [String(value.id)] : []}
        aria-describedby={statusId}
        onChange={(event) => {
          const next = event.target.value;
          setText(next);
          setResolveError(undefined);
          // The text no longer names the chosen person: nobody is chosen until one is picked.
          if (value && next !== value.title) {
            shownValue.current = undefined;
            onChange(undefined);
          }
        }}
        onOptionSelect={(_, data) => {
          const picked = data.optionValue;
          if (!picked) return;
          if (picked.indexOf(EMAIL_PREFIX) === 0) resolveEmail(picked.slice(EMAIL_PREFIX.length));
          else choose(byId.get(picked));
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
          {fill(s.searchFailed, { reason: errorText(search.error, locale, strings.errorNotice.unexpected) })}{' '}
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
          {errorText(resolveError, locale, strings.errorNotice.unexpected)}
        </span>
      )}
    </div>
  );
}
