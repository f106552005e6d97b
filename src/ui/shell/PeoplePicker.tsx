import * as React from 'react';
import { Button, Combobox, Field, mergeClasses, Option, OptionGroup } from '@fluentui/react-components';
import { Spinner } from './Spinner';
import type { IPeoplePickerProps, IPickerPerson } from './PeoplePicker.types';
import { fill, useStrings } from './strings';
import { usePeoplePickerStyles } from './usePeoplePickerStyles.styles';
import { EMAIL_PREFIX, optionValue, usePeoplePicker } from './usePeoplePicker';
import { dataErrorText } from './texts';

export type { IPeoplePickerProps, IPersonMatch, IPersonValue, IPickerPerson } from './PeoplePicker.types';
export { pickerOptions } from './usePeoplePicker';

/**
 * Choose a person: type the start of a name or an e-mail in any case (SharePoint's people picker
 * search, sent after a short pause), pick with the arrow keys and Enter or the mouse. The person chosen
 * is then made a site user (`people.resolve`), so the value has the id a person column stores; an e-mail
 * typed in full is looked up in the organisation (`people.ensure`). An accessible combobox (Fluent v9)
 * inside a `Field`; editing the text after a choice clears the choice, so what is shown is what is saved.
 * State in {@link usePeoplePicker}.
 */
export function PeoplePicker(props: IPeoplePickerProps): JSX.Element {
  const strings = useStrings();
  const styles = usePeoplePickerStyles();
  const s = strings.peoplePicker;
  const { value } = props;
  const picker = usePeoplePicker(props);
  const { text, showingChoice, resolving, resolveError, search, options, status, statusId } = picker;

  const optionFor = (person: IPickerPerson): JSX.Element => (
    <Option key={optionValue(person)} value={optionValue(person)} text={person.title}>
      <span className={styles.option}>
        <span>{person.title}</span>
        {person.email && <span className={styles.email}>{person.email}</span>}
      </span>
    </Option>
  );

  return (
    <div ref={picker.rootRef} className={mergeClasses(styles.root, props.className)}>
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
          onChange={(event) => picker.onTextChange(event.target.value)}
          onOptionSelect={(_, data) => picker.onOptionSelect(data.optionValue)}
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
          <Button size="small" appearance="transparent" onClick={picker.retrySearch}>
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
