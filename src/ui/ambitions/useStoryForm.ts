import * as React from 'react';
import { useId } from '@fluentui/react-components';
import { newClientKey } from '../../domain/clientKey';
import type { IValidationError } from '../../domain/messages';
import { validateStory } from '../../domain/validation';
import type { IStory } from '../../domain/model';
import { sanitizeRichText } from '../../domain/richText';
import { isDataError } from '../../data/errors';
import { useLocale } from '../shell/locale';
import { useServices } from '../shell/services';
import { fill, useStrings } from '../shell/strings';
import { useDraft, type IDraft } from '../shell/useDraft';
import { useSaveFlow } from '../shell/useSaveFlow';
import { useAnnounce } from '../shell/Announcer';
import { STORY_DRAFT_KEY } from './storyModel';
import { correctedStory, draftFromStory, emptyStoryDraft, storyFromDraft, type IStoryDraft } from './storyDraft';
import type { IStoryFormProps } from './StoryForm.types';
import { messagesByField } from '../shell/texts';
import { validateStoryPicture } from '../../domain/storyPicture';
import { preparePicture, type IPreparedPicture } from './preparePicture';

/** The fields in the order the form shows them: the first invalid one gets focus. */
const FIELD_ORDER = [
  'title',
  'body',
  'kind',
  'ambitionKey',
  'unitId',
  'picture',
  'pictureAlt',
  'pictureConsent',
] as const;
type StoryField = (typeof FIELD_ORDER)[number];

/** What {@link useStoryForm} hands to the render function. */
export interface IStoryFormState {
  draft: IDraft<IStoryDraft>;
  value: IStoryDraft;
  /** The validation message of each field (after the first attempt to send, or from the server). */
  messages: Record<string, string>;
  ids: Record<StoryField, string>;
  saving: boolean;
  /** The last failure that is not a validation error; the draft stays. */
  error: unknown;
  confirmDiscard: boolean;
  setConfirmDiscard(value: boolean): void;
  change(patch: Partial<IStoryDraft>): void;
  /** True when nothing was changed in a story sent back: sending it again as it was is refused. */
  unchanged: boolean;
  /** The picture a story sent back already has (kept as it is while it is corrected). */
  keptPictureUrl: string | undefined;
  /** False while a story sent back is corrected: its picture (or none) stays as it was sent. */
  canChoosePicture: boolean;
  /** The chosen picture, prepared (not kept in the draft store); its preview URL. */
  picture: (IPreparedPicture & { previewUrl: string }) | undefined;
  preparing: boolean;
  choosePicture(file: File | undefined): Promise<void>;
  removePicture(): void;
  submit(event?: React.FormEvent): Promise<void>;
  discard(): void;
}

/** Nothing the author can change differs: SharePoint would not be asked to write (and re-pend) anything. */
function sameStory(a: IStory, b: IStory): boolean {
  const fields: Array<keyof IStory> = [
    'title',
    'body',
    'kind',
    'ambitionKey',
    'unitId',
    'pictureAlt',
    'pictureConsent',
  ];
  return fields.every((field) => (a[field] ?? '') === (b[field] ?? ''));
}

function isValidationFailure(error: unknown): boolean {
  return isDataError(error) && error.validationErrors.length > 0;
}

/**
 * The story form's state: the draft in the browser, validation (incl. the CPR guard) before anything
 * is sent, the create through `useSaveFlow`, and focus on the first field that needs fixing.
 */
export function useStoryForm(props: IStoryFormProps): IStoryFormState {
  const mpkStrings = useStrings();
  const strings = useStrings().stories;
  const locale = useLocale();
  const services = useServices();
  const announce = useAnnounce();
  const correcting = props.correcting;
  const draft = useDraft<IStoryDraft>(
    correcting ? `${STORY_DRAFT_KEY}:${String(correcting.id)}` : STORY_DRAFT_KEY,
    correcting ? draftFromStory(correcting) : emptyStoryDraft(props.scope),
  );
  const [unchanged, setUnchanged] = React.useState(false);
  const keptPictureUrl = correcting?.pictureUrl;
  const [attempted, setAttempted] = React.useState(false);
  const [serverErrors, setServerErrors] = React.useState<IValidationError[]>([]);
  const [confirmDiscard, setConfirmDiscard] = React.useState(false);
  const ids: Record<StoryField, string> = {
    title: useId('mpk-story-title-input'),
    body: useId('mpk-story-body'),
    kind: useId('mpk-story-kind'),
    ambitionKey: useId('mpk-story-ambition'),
    unitId: useId('mpk-story-unit'),
    picture: useId('mpk-story-picture'),
    pictureAlt: useId('mpk-story-picture-alt'),
    pictureConsent: useId('mpk-story-picture-consent'),
  };
  const [picture, setPicture] = React.useState<IStoryFormState['picture']>();
  const [pictureErrors, setPictureErrors] = React.useState<IValidationError[]>([]);
  const [preparing, setPreparing] = React.useState(false);
  React.useEffect(() => () => picture && URL.revokeObjectURL(picture.previewUrl), [picture]);

  const value = draft.value;
  const change = (patch: Partial<IStoryDraft>): void => {
    draft.set((d) => ({ ...d, ...patch }));
    setServerErrors([]);
    setUnchanged(false);
  };
  const prepared = (): ReturnType<typeof storyFromDraft> => ({
    ...storyFromDraft(value),
    body: sanitizeRichText(value.body),
  });
  const pictureRules = (): IValidationError[] =>
    validateStoryPicture(!!picture || !!keptPictureUrl, value.pictureAlt, value.pictureConsent);
  const errors = (attempted ? validateStory(prepared()).concat(pictureRules(), serverErrors) : serverErrors).concat(
    pictureErrors,
  );

  const focusFirstInvalid = (invalid: readonly IValidationError[]): void => {
    const first = FIELD_ORDER.find((field) => invalid.some((e) => e.field === field));
    if (!first) return;
    // Once the messages are rendered.
    window.setTimeout(() => {
      const element = document.getElementById(ids[first]);
      const target = first === 'kind' ? element?.querySelector<HTMLElement>('input') : element;
      target?.focus();
    }, 0);
  };

  const flow = useSaveFlow<IStory>(
    async (_, story) => {
      try {
        // A story sent back is updated: SharePoint puts an edited item back in the approvers' queue.
        if (correcting)
          return await services.stories.update(correcting, correctedStory(correcting, value, story.body as string));
        return await services.stories.create(story, picture?.blob);
      } catch (e) {
        // What SharePoint refused shows at its field, not as a failure.
        if (isDataError(e) && e.validationErrors.length > 0) {
          setServerErrors(e.validationErrors.slice());
          focusFirstInvalid(e.validationErrors);
        }
        throw e;
      }
    },
    (created) => {
      draft.clear();
      setPicture(undefined);
      setAttempted(false);
      props.onCreated(created);
    },
  );

  const submit = async (event?: React.FormEvent): Promise<void> => {
    event?.preventDefault();
    if (flow.busy) return;
    setAttempted(true);
    flow.dismissError();
    setServerErrors([]);
    const clientKey = value.clientKey || newClientKey();
    if (!value.clientKey) change({ clientKey });
    const story = { ...prepared(), clientKey };
    const invalid = validateStory(story).concat(pictureRules());
    if (invalid.length > 0) {
      announce(fill(strings.fixErrors, { count: invalid.length }));
      focusFirstInvalid(invalid);
      return;
    }
    if (correcting && sameStory(correcting, correctedStory(correcting, value, story.body as string))) {
      setUnchanged(true);
      announce(strings.resendUnchanged);
      return;
    }
    if (!(await flow.run(undefined, story as IStory))) announce(strings.saveFailed);
  };

  // A refused file says why at "Billede" and leaves everything else as typed.
  const choosePicture = async (file: File | undefined): Promise<void> => {
    if (!file) return;
    setPreparing(true);
    const result = await preparePicture(file);
    setPreparing(false);
    if ('errors' in result) {
      setPictureErrors(result.errors);
      return;
    }
    setPictureErrors([]);
    setPicture({ ...result.picture, previewUrl: URL.createObjectURL(result.picture.blob) });
  };
  const removePicture = (): void => {
    setPicture(undefined);
    setPictureErrors([]);
  };

  const discard = (): void => {
    draft.clear();
    removePicture();
    setAttempted(false);
    setServerErrors([]);
    flow.dismissError();
    props.onClose();
  };

  return {
    draft,
    value,
    messages: messagesByField(mpkStrings, errors, locale),
    ids,
    unchanged,
    keptPictureUrl,
    canChoosePicture: !correcting,
    saving: flow.busy,
    error: isValidationFailure(flow.error) ? undefined : flow.error,
    confirmDiscard,
    setConfirmDiscard,
    change,
    picture,
    preparing,
    choosePicture,
    removePicture,
    submit,
    discard,
  };
}
