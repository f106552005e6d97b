import * as React from 'react';
import { Button, Field, makeStyles, Select, Text, Textarea, tokens } from '@fluentui/react-components';
import { Notice, NoticeBody } from '../shell/Notice';
import { formatDate, newClientKey, validateReflection, type IValidationError } from '../../domain';
import type { IReflection } from '../../domain/model';
import { ConflictError, isDataError } from '../../data/errors';
import type { IAmbition } from '../../data/repositories/types';
import { ConflictResolver, type ConflictChoice, type IConflictField } from '../shell/ConflictResolver';
import { DataErrorMessage } from '../shell/DataErrorMessage';
import { useLocale } from '../shell/locale';
import { useServices } from '../shell/services';
import { fill, useStrings } from '../shell/strings';
import { useDraft } from '../shell/useDraft';
import { useAnnounce } from '../shell/Announcer';
import { messagesByField } from '../shell/texts';

/** Props of {@link ReflectionNotes}. */
export interface IReflectionNotesProps {
  /** The reader's own notes, newest first (the list shows nobody else's). */
  reflections: readonly IReflection[];
  ambitions: readonly IAmbition[];
}

/** What the notes form keeps in the browser. */
export interface IReflectionDraft {
  contribution: string;
  meaning: string;
  ambitionKey: string;
  clientKey: string;
}

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalM, minWidth: 0 },
  privacy: { color: tokens.colorNeutralForeground2 },
  actions: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalS },
});

type NoteField = 'contribution' | 'meaning' | 'ambitionKey';
const NOTE_FIELDS: readonly NoteField[] = ['contribution', 'meaning', 'ambitionKey'];

function draftOf(note: IReflection | undefined): IReflectionDraft {
  return {
    contribution: note?.contribution ?? '',
    meaning: note?.meaning ?? '',
    ambitionKey: note?.ambitionKey ?? '',
    clientKey: note?.clientKey ?? '',
  };
}

function noteFrom(base: IReflection | undefined, draft: IReflectionDraft): IReflection {
  return {
    ...(base || { clientKey: draft.clientKey }),
    contribution: draft.contribution.trim() === '' ? undefined : draft.contribution,
    meaning: draft.meaning.trim() === '' ? undefined : draft.meaning,
    ambitionKey: draft.ambitionKey === '' ? undefined : draft.ambitionKey,
  };
}

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

interface IReflectionFormProps {
  userId: number;
  saved?: IReflection;
  savedAt?: Date;
  ambitions: readonly IAmbition[];
  onSaved(note: IReflection): void;
}

function ReflectionForm(props: IReflectionFormProps): JSX.Element {
  const mpkStrings = useStrings();
  const strings = useStrings().reflections;
  const locale = useLocale();
  const services = useServices();
  const announce = useAnnounce();
  const styles = useStyles();
  const questions = mpkStrings.reflectionQuestions;
  // Per person: a shared computer must not show one person's notes to the next.
  const draft = useDraft<IReflectionDraft>(
    `reflection:${props.userId}:${props.saved?.id ?? 'new'}`,
    draftOf(props.saved),
  );
  const [errors, setErrors] = React.useState<IValidationError[]>([]);
  const [saving, setSaving] = React.useState(false);
  const [error, setError] = React.useState<unknown>();
  const [conflict, setConflict] = React.useState<ConflictError<IReflection>>();
  const messages = messagesByField(mpkStrings, errors, locale);
  const value = draft.value;
  const dirty = NOTE_FIELDS.some((f) => value[f] !== draftOf(props.saved)[f]);

  const change = (patch: Partial<IReflectionDraft>): void => {
    draft.set((d) => ({ ...d, ...patch }));
    if (errors.length > 0) setErrors(validateReflection(noteFrom(props.saved, { ...value, ...patch })));
  };

  const write = async (original: IReflection | undefined, note: IReflection): Promise<void> => {
    setSaving(true);
    setError(undefined);
    try {
      const result =
        original?.id !== undefined
          ? await services.reflections.update(original, note)
          : await services.reflections.create(note);
      draft.clear();
      setConflict(undefined);
      announce(strings.savedAnnouncement);
      props.onSaved(result);
    } catch (e) {
      if (e instanceof ConflictError) setConflict(e as ConflictError<IReflection>);
      else if (isDataError(e) && e.validationErrors.length > 0) setErrors(e.validationErrors.slice());
      else setError(e);
      announce(strings.saveFailed);
    } finally {
      setSaving(false);
    }
  };

  const save = async (event?: React.FormEvent): Promise<void> => {
    event?.preventDefault();
    if (saving) return;
    const clientKey = value.clientKey || newClientKey();
    if (!value.clientKey) draft.set((d) => ({ ...d, clientKey }));
    const note = noteFrom(props.saved, { ...value, clientKey });
    const invalid = validateReflection(note);
    setErrors(invalid);
    if (invalid.length > 0) {
      announce(strings.saveFailed);
      return;
    }
    await write(props.saved, note);
  };

  // The fields both changed; if the data layer named none we know, every field that differs.
  const conflictNames: NoteField[] = conflict
    ? (() => {
        const named = NOTE_FIELDS.filter((f) => conflict.fields.includes(f));
        const mine = noteFrom(props.saved, value);
        return named.length > 0 ? named : NOTE_FIELDS.filter((f) => (conflict.theirs[f] ?? '') !== (mine[f] ?? ''));
      })()
    : [];

  const resolve = (choice: ConflictChoice): void => {
    if (!conflict) return;
    const theirs = conflict.theirs;
    const mine = noteFrom(props.saved, value);
    const merged: IReflection = { ...theirs };
    for (const field of NOTE_FIELDS) {
      // Both changed it: the reader chose. Only I changed it: mine. Only they did: theirs.
      const mineChanged = (mine[field] ?? '') !== (props.saved?.[field] ?? '');
      if (conflictNames.includes(field) ? choice[field] === 'mine' : mineChanged) merged[field] = mine[field];
    }
    if (NOTE_FIELDS.every((f) => (merged[f] ?? '') === (theirs[f] ?? ''))) {
      // Keep theirs: nothing to write; the form starts again from the saved version.
      draft.clear();
      setConflict(undefined);
      props.onSaved(theirs);
      return;
    }
    void write(theirs, merged);
  };

  const ambitionTitle = (key: string | undefined): string =>
    props.ambitions.find((a) => a.key === key)?.title ?? (key || '');
  const conflictFields: IConflictField[] = conflict
    ? conflictNames.map((f) => ({
        name: f,
        label: f === 'ambitionKey' ? strings.ambitionLabel : questions[f],
        theirs: f === 'ambitionKey' ? ambitionTitle(conflict.theirs.ambitionKey) : (conflict.theirs[f] ?? ''),
        mine: f === 'ambitionKey' ? ambitionTitle(value.ambitionKey) : value[f],
      }))
    : [];

  return (
    <form className={styles.root} onSubmit={save} noValidate aria-label={strings.formLabel}>
      <Text className={styles.privacy}>{strings.privacy}</Text>
      {draft.restored && dirty && (
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
        <Select value={value.ambitionKey} onChange={(_, d) => change({ ambitionKey: d.value })}>
          <option value="">{strings.noAmbition}</option>
          {props.ambitions.map((a) => (
            <option key={a.key} value={a.key}>
              {a.title}
            </option>
          ))}
        </Select>
      </Field>
      {conflict && <ConflictResolver fields={conflictFields} onResolve={resolve} busy={saving} />}
      {error !== undefined && <DataErrorMessage error={error} title={strings.saveFailed} onRetry={() => void save()} />}
      <div className={styles.actions}>
        <Button appearance="primary" type="submit" disabledFocusable={saving || !!conflict}>
          {saving ? strings.saving : strings.save}
        </Button>
        {props.savedAt && !dirty && <Text>{fill(strings.savedAt, { date: formatDate(props.savedAt, locale) })}</Text>}
        {!props.savedAt && props.saved && !dirty && <Text>{strings.upToDate}</Text>}
      </div>
    </form>
  );
}
