import * as React from 'react';
import {
  Button,
  Field,
  Input,
  makeStyles,
  Radio,
  RadioGroup,
  Select,
  Subtitle2,
  Text,
  tokens,
  useId,
} from '@fluentui/react-components';
import { Spinner } from '../shell/Spinner';
import { Notice, NoticeActions, NoticeBody } from '../shell/Notice';
import { newClientKey, STORY_KINDS, validateStory, type IValidationError, type StoryKind } from '../../domain';
import type { IStory } from '../../domain/model';
import { sanitizeRichText } from '../../domain/richText';
import { isDataError } from '../../data/errors';
import type { IAmbition } from '../../data/repositories/types';
import { DataErrorMessage } from '../shell/DataErrorMessage';
import { ThrottleNotice } from '../shell/ThrottleNotice';
import { useLocale } from '../shell/locale';
import { useServices } from '../shell/services';
import { fill, useStrings } from '../shell/strings';
import { useDraft } from '../shell/useDraft';
import { useAnnounce } from '../shell/Announcer';
import {
  emptyStoryDraft,
  STORY_DRAFT_KEY,
  storyFromDraft,
  type IFeedScope,
  type IStoryDraft,
  type IUnitOption,
} from './storyModel';
import { labelOf, messagesByField } from '../shell/texts';

// The editor is only needed by those who write: its own chunk, loaded on first use.
const RichTextEditor = React.lazy(() => import(/* webpackChunkName: 'mpk-editor' */ '../shell/RichTextEditor'));

export { STORY_DRAFT_KEY };

/** Props of {@link StoryForm}. */
export interface IStoryFormProps {
  ambitions: readonly IAmbition[];
  units: readonly IUnitOption[];
  scope: IFeedScope;
  /** After the story was saved (it now awaits approval). */
  onCreated(story: IStory): void;
  /** "Luk": the form closes, the draft stays in the browser. */
  onClose(): void;
}

const useStyles = makeStyles({
  form: {
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalM,
    padding: tokens.spacingHorizontalL,
    borderRadius: tokens.borderRadiusLarge,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
    backgroundColor: tokens.colorNeutralBackground2,
    minWidth: 0,
  },
  heading: { margin: 0 },
  row: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fit, minmax(min(100%, 220px), 1fr))',
    gap: tokens.spacingHorizontalM,
  },
  actions: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
  hint: { color: tokens.colorNeutralForeground2 },
});

const FIELD_ORDER = ['title', 'body', 'kind', 'ambitionKey', 'unitId'];

/**
 * Writing a hverdagshistorie: title, text (small rich-text toolbar), kind, ambition and unit. The
 * draft lives in the browser until the story is saved; validation (incl. the CPR guard) runs before
 * anything is sent, and whatever goes wrong, nothing typed is lost.
 */
export function StoryForm(props: IStoryFormProps): JSX.Element {
  const mpkStrings = useStrings();
  const strings = useStrings().stories;
  const locale = useLocale();
  const services = useServices();
  const announce = useAnnounce();
  const styles = useStyles();
  const draft = useDraft<IStoryDraft>(STORY_DRAFT_KEY, emptyStoryDraft(props.scope));
  const [attempted, setAttempted] = React.useState(false);
  const [serverErrors, setServerErrors] = React.useState<IValidationError[]>([]);
  const [saving, setSaving] = React.useState(false);
  const [error, setError] = React.useState<unknown>();
  const [confirmDiscard, setConfirmDiscard] = React.useState(false);
  const headingId = useId('mpk-story-form');
  const ids = {
    title: useId('mpk-story-title-input'),
    body: useId('mpk-story-body'),
    kind: useId('mpk-story-kind'),
    ambitionKey: useId('mpk-story-ambition'),
    unitId: useId('mpk-story-unit'),
  } as Record<string, string>;

  const value = draft.value;
  const change = (patch: Partial<IStoryDraft>): void => {
    draft.set((d) => ({ ...d, ...patch }));
    setServerErrors([]);
  };
  const prepared = (): ReturnType<typeof storyFromDraft> => ({
    ...storyFromDraft(value),
    body: sanitizeRichText(value.body),
  });
  const errors = attempted ? validateStory(prepared()).concat(serverErrors) : serverErrors;
  const messages = messagesByField(mpkStrings, errors, locale);

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

  const submit = async (event?: React.FormEvent): Promise<void> => {
    event?.preventDefault();
    if (saving) return;
    setAttempted(true);
    setError(undefined);
    setServerErrors([]);
    const clientKey = value.clientKey || newClientKey();
    if (!value.clientKey) change({ clientKey });
    const story = { ...prepared(), clientKey };
    const invalid = validateStory(story);
    if (invalid.length > 0) {
      announce(fill(strings.fixErrors, { count: invalid.length }));
      focusFirstInvalid(invalid);
      return;
    }
    setSaving(true);
    try {
      const created = await services.stories.create(story as IStory);
      draft.clear();
      setAttempted(false);
      props.onCreated(created);
    } catch (e) {
      if (isDataError(e) && e.validationErrors.length > 0) {
        setServerErrors(e.validationErrors.slice());
        focusFirstInvalid(e.validationErrors);
      } else {
        setError(e);
      }
      announce(strings.saveFailed);
    } finally {
      setSaving(false);
    }
  };

  const discard = (): void => {
    draft.clear();
    setAttempted(false);
    setServerErrors([]);
    setError(undefined);
    props.onClose();
  };

  return (
    <form className={styles.form} aria-labelledby={headingId} onSubmit={submit} noValidate>
      <Subtitle2 as="h3" id={headingId} className={styles.heading}>
        {strings.formHeading}
      </Subtitle2>
      <Text className={styles.hint}>{strings.formIntro}</Text>
      {draft.restored && (
        <Notice intent="info">
          <NoticeBody>{strings.draftRestored}</NoticeBody>
        </Notice>
      )}
      <Field label={strings.titleLabel} required validationMessage={messages.title}>
        <Input
          id={ids.title}
          value={value.title}
          onChange={(_, data) => change({ title: data.value })}
          maxLength={300}
        />
      </Field>
      <Field label={strings.bodyLabel} required validationMessage={messages.body} hint={strings.bodyHint}>
        {(fieldProps: React.HTMLAttributes<HTMLElement>) => (
          <React.Suspense fallback={<Spinner size="tiny" label={strings.editorLoading} />}>
            <RichTextEditor
              id={ids.body}
              value={value.body}
              onChange={(html) => change({ body: html })}
              aria-labelledby={fieldProps['aria-labelledby']}
              aria-describedby={fieldProps['aria-describedby']}
              aria-invalid={!!messages.body}
            />
          </React.Suspense>
        )}
      </Field>
      <Field label={strings.kindLabel} required validationMessage={messages.kind}>
        <RadioGroup id={ids.kind} value={value.kind} onChange={(_, data) => change({ kind: data.value as StoryKind })}>
          {STORY_KINDS.map((kind) => (
            <Radio key={kind} value={kind} label={labelOf(mpkStrings, 'storyKind', kind)} />
          ))}
        </RadioGroup>
      </Field>
      <div className={styles.row}>
        <Field label={strings.ambitionLabel} required validationMessage={messages.ambitionKey}>
          <Select
            id={ids.ambitionKey}
            value={value.ambitionKey}
            onChange={(_, data) => change({ ambitionKey: data.value })}
          >
            <option value="">{strings.chooseAmbition}</option>
            {props.ambitions.map((a) => (
              <option key={a.key} value={a.key}>
                {a.title}
              </option>
            ))}
          </Select>
        </Field>
        <Field label={strings.unitLabel} validationMessage={messages.unitId}>
          <Select id={ids.unitId} value={value.unitId} onChange={(_, data) => change({ unitId: data.value })}>
            <option value="">{strings.noUnit}</option>
            {props.units.map((u) => (
              <option key={u.id} value={String(u.id)}>
                {'\u00A0\u00A0'.repeat(u.depth) + u.label}
              </option>
            ))}
          </Select>
        </Field>
      </div>
      <Text className={styles.hint}>{strings.approvalHint}</Text>
      <ThrottleNotice scope="save" active={saving} />
      {error !== undefined && (
        <DataErrorMessage error={error} title={strings.saveFailed} onRetry={() => void submit()} />
      )}
      <div className={styles.actions}>
        <Button appearance="primary" type="submit" disabledFocusable={saving}>
          {saving ? strings.saving : strings.submit}
        </Button>
        <Button type="button" onClick={props.onClose}>
          {strings.closeForm}
        </Button>
        {!confirmDiscard && (
          <Button type="button" appearance="subtle" onClick={() => setConfirmDiscard(true)}>
            {strings.discardDraft}
          </Button>
        )}
      </div>
      {confirmDiscard && (
        <Notice intent="warning" layout="multiline">
          <NoticeBody>{strings.discardConfirm}</NoticeBody>
          <NoticeActions>
            <Button size="small" onClick={discard}>
              {strings.discardYes}
            </Button>
            <Button size="small" onClick={() => setConfirmDiscard(false)}>
              {strings.discardNo}
            </Button>
          </NoticeActions>
        </Notice>
      )}
    </form>
  );
}
