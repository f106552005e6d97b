import * as React from 'react';
import { Button, Field, makeStyles, Text, Textarea, tokens } from '@fluentui/react-components';
import { Notice, NoticeBody } from '../shell/Notice';
import { formatDate } from '../../domain/dates';
import type { IReflection } from '../../domain/model';
import { ConflictResolver } from '../shell/ConflictResolver';
import { DataErrorMessage } from '../shell/DataErrorMessage';
import { useLocale } from '../shell/locale';
import { useServices } from '../shell/services';
import { fill, useStrings } from '../shell/strings';
import { AmbitionSelect } from './AmbitionSelect';
import type { IReflectionFormProps, IReflectionNotesProps } from './ReflectionNotes.types';
import { useReflectionForm } from './useReflectionForm';

export type { IReflectionNotesProps } from './ReflectionNotes.types';
export type { IReflectionDraft } from './reflectionModel';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalM, minWidth: 0 },
  privacy: { color: tokens.colorNeutralForeground2 },
  actions: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalS },
});

/**
 * "Egne noter": the strategy's two questions, answered for oneself. Private by the list itself
 * (ReadSecurity 2: each person reads only their own items) — nobody else, the chefgruppe included,
 * can read them.
 */
export function ReflectionNotes(props: IReflectionNotesProps): JSX.Element {
  const services = useServices();
  // The newest note is the one being written; saving replaces it in place.
  const [saved, setSaved] = React.useState<IReflection | undefined>(props.reflections[0]);
  const [savedAt, setSavedAt] = React.useState<Date>();
  return (
    <ReflectionForm
      // A new saved version starts the form from it (and from any draft typed since).
      key={`${saved?.id ?? 'new'}|${saved?.etag ?? ''}`}
      userId={services.user.id}
      saved={saved}
      savedAt={savedAt}
      ambitions={props.ambitions}
      onSaved={(note) => {
        setSaved(note);
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

  return (
    <form className={styles.root} onSubmit={form.save} noValidate aria-label={strings.formLabel}>
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
        {props.savedAt && !dirty && <Text>{fill(strings.savedAt, { date: formatDate(props.savedAt, locale) })}</Text>}
        {!props.savedAt && props.saved && !dirty && <Text>{strings.upToDate}</Text>}
      </div>
    </form>
  );
}
