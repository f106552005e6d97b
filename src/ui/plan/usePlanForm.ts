import * as React from 'react';
import type { IValidationError } from '../../domain/messages';
import { useLocale } from '../shell/locale';
import { useDraft, type IDraft } from '../shell/useDraft';
import { useSaveFlow, type ISaveFlow } from '../shell/useSaveFlow';
import { messagesByField } from '../shell/texts';
import { useStrings } from '../shell/strings';
import { useFormFocus } from '../shell/useFormFocus';

/** What {@link usePlanForm} needs to know about one form. */
export interface IPlanFormOptions<TDraft, T extends object> {
  /** Where the draft is kept in the browser (see `useDraft`), e.g. `plan:comment:42`. */
  draftKey: string;
  initialDraft: TDraft;
  /** The form opens from a button (focus moves into it, and back when it closes); false: always shown. */
  opens?: boolean;
  /** The item the draft describes (`mine`) and the version it was read as (`base`; undefined: a create). */
  read(draft: TDraft): { base: T | undefined; mine: T };
  /** The domain's rules for `mine`: nothing is sent while they find something. */
  validate(mine: T, base: T | undefined): IValidationError[];
  /** The form's own checks beyond the domain's (showing their own messages): false keeps the save from running. */
  check?(draft: TDraft): boolean;
  save(base: T | undefined, mine: T): Promise<T>;
  /** After a save, with the draft already forgotten and the messages cleared. */
  onSaved(saved: T): void;
}

/** What {@link usePlanForm} hands back. */
export interface IPlanForm<TDraft, T extends object> {
  /** The `form` element's ref: focus moves into it as it opens and to its first error on a refused submit. */
  formRef: React.RefObject<HTMLFormElement>;
  draft: IDraft<TDraft>;
  /** What the domain's rules found on the last submit. */
  errors: IValidationError[];
  /** A message per field: the domain's from the last submit, else those the server sent with a failed save. */
  fieldErrors: Record<string, string>;
  flow: ISaveFlow<T>;
  /**
   * The form's `onSubmit`: validate, then save; what was typed stays until the save succeeds. False when
   * the rules refused it (focus then moves to the first field with an error).
   */
  submit(event: React.FormEvent): boolean;
  /** Forgets the draft, then closes the form with `done`. */
  discard(done: () => void): void;
}

/**
 * The save path every plan form shares: a draft kept in the browser until it is saved, the domain's
 * validation before anything is sent, and `useSaveFlow` (busy, failure, conflict) for the save.
 */
export function usePlanForm<TDraft, T extends object>(options: IPlanFormOptions<TDraft, T>): IPlanForm<TDraft, T> {
  const mpkStrings = useStrings();
  const locale = useLocale();
  const draft = useDraft<TDraft>(options.draftKey, options.initialDraft);
  const [errors, setErrors] = React.useState<IValidationError[]>([]);
  const focus = useFormFocus<HTMLFormElement>(options.opens ?? false);
  const flow = useSaveFlow<T>(options.save, (saved) => {
    draft.clear();
    setErrors([]);
    options.onSaved(saved);
  });

  const submit = (event: React.FormEvent): boolean => {
    event.preventDefault();
    const { base, mine } = options.read(draft.value);
    const found = options.validate(mine, base);
    const checked = options.check ? options.check(draft.value) : true;
    setErrors(found);
    if (found.length > 0 || !checked) {
      focus.focusFirstError();
      return false;
    }
    void flow.run(base, mine);
    return true;
  };

  const discard = (done: () => void): void => {
    draft.clear();
    done();
  };

  const serverErrors = (flow.error as { validationErrors?: IValidationError[] } | undefined)?.validationErrors ?? [];
  const fieldErrors = messagesByField(mpkStrings, errors.length > 0 ? errors : serverErrors, locale);
  return { formRef: focus.ref, draft, errors, fieldErrors, flow, submit, discard };
}
