import * as React from 'react';
import { Button, Field, makeStyles, Text, Textarea, tokens } from '@fluentui/react-components';
import { Notice, NoticeBody, NoticeTitle } from '../shell/Notice';
import { Spinner } from '../shell/Spinner';
import { useViewLoader } from '../shell/useViewLoader';
import { dataErrorText } from '../shell/texts';
import { isDataError } from '../../data/errors';
import { downloadNotes } from './notesExport';
import { formatDate } from '../../domain/dates';
import { ConflictResolver } from '../shell/ConflictResolver';
import { DataErrorMessage } from '../shell/DataErrorMessage';
import { useLocale } from '../shell/locale';
import { useServices } from '../shell/services';
import { fill, useStrings } from '../shell/strings';
import { AmbitionSelect } from './AmbitionSelect';
import type { IReflectionFormProps, IReflectionNotesProps } from './ReflectionNotes.types';
import { useFormFocus } from '../shell/useFormFocus';
import { useReflectionForm } from './useReflectionForm';

export type { IReflectionNotesProps } from './ReflectionNotes.types';
export type { IReflectionDraft } from './reflectionModel';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalM, minWidth: 0 },
  privacy: { color: tokens.colorNeutralForeground2 },
  actions: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalS },
});

/**
 * "Egne noter": the strategy's two questions, answered for oneself. Kept in the person's own OneDrive
 * (the app folder, through Microsoft Graph), read when this section is first shown — never by the first
 * view. The text above the form says exactly who can and cannot open them.
 */
export function ReflectionNotes(props: IReflectionNotesProps): JSX.Element {
  const services = useServices();
  const strings = useStrings();
  const userId = services.user.id;
  const loader = useViewLoader(() => services.reflections.listMine(userId), [services, userId]);
  const [savedAt, setSavedAt] = React.useState<Date>();
  if (loader.view === undefined) {
    if (loader.status === 'failed') {
      return isDataError(loader.error) && loader.error.reason === 'notesUnavailable' ? (
        <Notice intent="warning" layout="multiline">
          <NoticeBody>
            <NoticeTitle>{strings.reflections.unavailableTitle}</NoticeTitle>
            {dataErrorText(strings, loader.error)}
          </NoticeBody>
        </Notice>
      ) : (
        <DataErrorMessage error={loader.error} title={strings.reflections.loadFailed} onRetry={loader.reload} />
      );
    }
    return <Spinner size="tiny" label={strings.reflections.loading} />;
  }
  // The newest note is the one being written; saving replaces it in place.
  return (
    <ReflectionForm
      userId={userId}
      saved={loader.view[0]}
      savedAt={savedAt}
      ambitions={props.ambitions}
      onSaved={(note) => {
        loader.patch(() => [note]);
        setSavedAt(new Date());
      }}
    />
  );
}

function ReflectionForm(props: IReflectionFormProps): JSX.Element {
  const mpkStrings = useStrings();
  const strings = useStrings().reflections;
  const locale = useLocale();
  const styles = useStyles();
  const questions = mpkStrings.reflectionQuestions;
  const form = useReflectionForm(props);
  const { value, messages, change, dirty } = form;
  // Always shown (and saved by itself as one writes): focus moves only to a field a "Gem" refused.
  const focus = useFormFocus<HTMLFormElement>(false);

  return (
    <form
      ref={focus.ref}
      className={styles.root}
      onSubmit={(event) => {
        void form.save(event);
        focus.focusFirstError();
      }}
      noValidate
      aria-label={strings.formLabel}
    >
      <Text className={styles.privacy}>{strings.privacy}</Text>
      {form.draft.restored && dirty && (
        <Notice intent="info">
          <NoticeBody>{strings.draftRestored}</NoticeBody>
        </Notice>
      )}
      <Field label={questions.contribution} validationMessage={messages.contribution}>
        <Textarea
          value={value.contribution}
          onChange={(_, d) => change({ contribution: d.value })}
          resize="vertical"
          rows={4}
        />
      </Field>
      <Field label={questions.meaning} validationMessage={messages.meaning}>
        <Textarea value={value.meaning} onChange={(_, d) => change({ meaning: d.value })} resize="vertical" rows={4} />
      </Field>
      <Field label={strings.ambitionLabel} validationMessage={messages.ambitionKey}>
        <AmbitionSelect
          value={value.ambitionKey}
          onChange={(ambitionKey) => change({ ambitionKey })}
          emptyLabel={strings.noAmbition}
          ambitions={props.ambitions}
        />
      </Field>
      {form.hasConflict && (
        <ConflictResolver fields={form.conflictFields} onResolve={form.resolve} busy={form.saving} />
      )}
      {form.error !== undefined && (
        <DataErrorMessage error={form.error} title={strings.saveFailed} onRetry={() => void form.save()} />
      )}
      <div className={styles.actions}>
        <Button appearance="primary" type="submit" disabledFocusable={form.saving || form.hasConflict}>
          {form.saving ? strings.saving : strings.save}
        </Button>
        <Text role="status" aria-live="polite">
          {form.saving
            ? strings.autosaving
            : !dirty && props.savedAt
              ? fill(strings.savedAt, { date: formatDate(props.savedAt, locale) })
              : !dirty && props.saved
                ? strings.upToDate
                : ''}
        </Text>
        {props.saved && (
          <Button
            appearance="subtle"
            onClick={() => downloadNotes(props.saved, { strings: mpkStrings, ambitions: props.ambitions })}
          >
            {strings.download}
          </Button>
        )}
      </div>
    </form>
  );
}
