import * as React from 'react';
import { newClientKey } from '../../domain/clientKey';
import type { IValidationError } from '../../domain/messages';
import { validateReflection } from '../../domain/validation';
import type { IReflection } from '../../domain/model';
import { isDataError } from '../../data/errors';
import type { ConflictChoice, IConflictField } from '../shell/ConflictResolver';
import { useLocale } from '../shell/locale';
import { useServices } from '../shell/services';
import { useStrings } from '../shell/strings';
import { useDraft, type IDraft } from '../shell/useDraft';
import { useSaveFlow } from '../shell/useSaveFlow';
import { useAnnounce } from '../shell/Announcer';
import type { IReflectionFormProps } from './ReflectionNotes.types';
import {
  conflictNoteFields,
  draftOf,
  mergeNote,
  NOTE_FIELDS,
  noteFrom,
  type IReflectionDraft,
} from './reflectionModel';
import { messagesByField } from '../shell/texts';

/** How long the notes wait after the last keystroke before they save themselves (ms). */
export const AUTOSAVE_MS = 1500;

/** What {@link useReflectionForm} hands to the render function. */
export interface IReflectionFormState {
  draft: IDraft<IReflectionDraft>;
  value: IReflectionDraft;
  messages: Record<string, string>;
  /** The form differs from the saved note. */
  dirty: boolean;
  saving: boolean;
  /** The last failure that is not a validation error; the draft stays. */
  error: unknown;
  /** The fields a 412 asks about, with both versions in words; empty without a conflict. */
  conflictFields: IConflictField[];
  hasConflict: boolean;
  change(patch: Partial<IReflectionDraft>): void;
  save(event?: React.FormEvent): Promise<void>;
  resolve(choice: ConflictChoice): void;
}

/**
 * The notes form's state: the draft (per person), validation, autosave a moment after typing stops,
 * and saving through `useSaveFlow` — a 412 (another tab saved) is settled field by field, keeping the
 * saved version writes nothing, and a failure (offline, throttled) keeps the draft in the browser.
 */
export function useReflectionForm(props: IReflectionFormProps): IReflectionFormState {
  const mpkStrings = useStrings();
  const strings = useStrings().reflections;
  const locale = useLocale();
  const services = useServices();
  const announce = useAnnounce();
  // Per person: a shared computer must not show one person's notes to the next.
  // One set of notes per person: the form stays mounted across saves (autosave must not take the focus).
  const draft = useDraft<IReflectionDraft>(`reflection:${props.userId}:notes`, draftOf(props.saved));
  const [errors, setErrors] = React.useState<IValidationError[]>([]);
  const value = draft.value;
  // The form as it is now, for a save that ends after more typing.
  const latest = React.useRef(value);
  latest.current = value;
  // Autosave starts only with typing in this visit (a restored draft waits for the reader).
  const [typed, setTyped] = React.useState(0);
  // Set while a conflict's choice is being written: the form then shows the result.
  const resolving = React.useRef(false);

  // Set when a conflict's choice kept the saved version (nothing written, nothing failed).
  const kept = React.useRef(false);
  const flow = useSaveFlow<IReflection>(
    async (original, note) => {
      try {
        return original?.id !== undefined
          ? await services.reflections.update(original, note)
          : await services.reflections.create(note);
      } catch (e) {
        // What SharePoint refused shows at its field, not as a failure.
        if (isDataError(e) && e.validationErrors.length > 0) setErrors(e.validationErrors.slice());
        throw e;
      }
    },
    (result, mine) => {
      const now = latest.current;
      const unchanged = NOTE_FIELDS.every((f) => now[f] === draftOf(mine)[f]);
      if (unchanged || resolving.current) {
        // Saved as it stands: the browser's copy goes; typed meanwhile: it stays (and autosaves next).
        draft.set((d) => ({ ...d, ...draftOf(result), clientKey: d.clientKey }));
        draft.forget();
      }
      resolving.current = false;
      announce(strings.savedAnnouncement);
      props.onSaved(result);
    },
    {
      // The note's own rule: every field both changed is asked about, even when the server names none.
      merge: (conflict, choice) =>
        mergeNote(
          props.saved,
          conflict.mine,
          conflict.theirs,
          conflictNoteFields(conflict.fields, conflict.theirs, conflict.mine),
          choice,
        ),
      // Keeping theirs writes nothing: the form starts again from the saved version.
      onKeptTheirs: (theirs) => {
        kept.current = true;
        draft.set((d) => ({ ...d, ...draftOf(theirs), clientKey: d.clientKey }));
        draft.forget();
        props.onSaved(theirs);
      },
    },
  );

  const write = async (original: IReflection | undefined, note: IReflection): Promise<void> => {
    if (!(await flow.run(original, note))) announce(strings.saveFailed);
  };

  const change = (patch: Partial<IReflectionDraft>): void => {
    draft.set((d) => ({ ...d, ...patch }));
    setTyped((n) => n + 1);
    if (errors.length > 0) setErrors(validateReflection(noteFrom(props.saved, { ...value, ...patch })));
  };

  const save = async (event?: React.FormEvent): Promise<void> => {
    event?.preventDefault();
    if (flow.busy || flow.conflict) return;
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

  const conflict = flow.conflict;
  const mine = noteFrom(props.saved, value);
  const conflictNames = conflict ? conflictNoteFields(conflict.fields, conflict.theirs, mine) : [];

  const resolve = (choice: ConflictChoice): void => {
    kept.current = false;
    resolving.current = true;
    void flow.resolve(choice).then((result) => {
      if (!result && !kept.current) announce(strings.saveFailed);
    });
  };

  const dirty = NOTE_FIELDS.some((f) => value[f] !== draftOf(props.saved)[f]);
  // Autosave: a moment after the last keystroke, when the notes are valid and nothing else is pending.
  const saveRef = React.useRef(save);
  saveRef.current = save;
  const blocked = flow.busy || !!flow.conflict;
  React.useEffect(() => {
    if (typed === 0 || !dirty || blocked) return undefined;
    if (validateReflection(noteFrom(props.saved, value)).length > 0) return undefined;
    const timer = setTimeout(() => void saveRef.current(), AUTOSAVE_MS);
    return () => clearTimeout(timer);
    // `value` changes with each keystroke, which restarts the wait.
  }, [typed, dirty, blocked, value, props.saved]);

  const questions = mpkStrings.reflectionQuestions;
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

  return {
    draft,
    value,
    messages: messagesByField(mpkStrings, errors, locale),
    dirty,
    saving: flow.busy,
    error: isDataError(flow.error) && flow.error.validationErrors.length > 0 ? undefined : flow.error,
    conflictFields,
    hasConflict: !!conflict,
    change,
    save,
    resolve,
  };
}
