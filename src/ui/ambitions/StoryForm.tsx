import { StoryPictureField } from './StoryPictureField';
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
import { STORY_KINDS, type StoryKind } from '../../domain/model';
import { DataErrorMessage } from '../shell/DataErrorMessage';
import { ThrottleNotice } from '../shell/ThrottleNotice';
import { fill, useStrings } from '../shell/strings';
import { AmbitionSelect } from './AmbitionSelect';
import { STORY_DRAFT_KEY } from './storyModel';
import type { IStoryFormProps } from './StoryForm.types';
import { useStoryForm, type IStoryFormState } from './useStoryForm';
import { labelOf } from '../shell/texts';
import { SelectOptions } from '../shell/SelectOptions';

// The editor is only needed by those who write: its own chunk, loaded on first use.
const RichTextEditor = React.lazy(() => import(/* webpackChunkName: 'mpk-editor' */ '../shell/RichTextEditor'));

export { STORY_DRAFT_KEY };
export type { IStoryFormProps } from './StoryForm.types';

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

/**
 * Writing a hverdagshistorie: title, text (small rich-text toolbar), kind, ambition and unit. The
 * draft lives in the browser until the story is saved; validation (incl. the CPR guard) runs before
 * anything is sent, and whatever goes wrong, nothing typed is lost.
 */
export function StoryForm(props: IStoryFormProps): JSX.Element {
  const strings = useStrings().stories;
  const styles = useStyles();
  const form = useStoryForm(props);
  const headingId = useId('mpk-story-form');
  const correcting = props.correcting;
  const reason = correcting?.moderationComment?.trim();
  const heading = React.useRef<HTMLHeadingElement>(null);
  // Opened, the form takes focus at its heading (the fields follow it in the tab order).
  const takeFocus = props.takeFocus;
  React.useEffect(() => {
    if (takeFocus) heading.current?.focus();
  }, [takeFocus]);

  return (
    <form className={styles.form} aria-labelledby={headingId} onSubmit={form.submit} noValidate>
      <h3 id={headingId} className={styles.heading} tabIndex={-1} ref={heading}>
        <Subtitle2>
          {correcting ? fill(strings.correctHeading, { title: correcting.title }) : strings.formHeading}
        </Subtitle2>
      </h3>
      {reason ? (
        <Notice intent="warning" layout="multiline">
          <NoticeBody>{fill(strings.correctReason, { reason })}</NoticeBody>
        </Notice>
      ) : (
        <Text className={styles.hint}>{strings.formIntro}</Text>
      )}
      {form.draft.restored && (
        <Notice intent="info">
          <NoticeBody>{strings.draftRestored}</NoticeBody>
        </Notice>
      )}
      <StoryFields {...props} form={form} />
      <StoryPictureField form={form} />
      <Text className={styles.hint}>{strings.approvalHint}</Text>
      {form.unchanged && (
        <Notice intent="warning">
          <NoticeBody>{strings.resendUnchanged}</NoticeBody>
        </Notice>
      )}
      <ThrottleNotice scope="save" active={form.saving} />
      {form.error !== undefined && (
        <DataErrorMessage error={form.error} title={strings.saveFailed} onRetry={() => void form.submit()} />
      )}
      <div className={styles.actions}>
        <Button appearance="primary" type="submit" disabledFocusable={form.saving}>
          {form.saving ? strings.saving : correcting ? strings.resubmit : strings.submit}
        </Button>
        <Button type="button" onClick={props.onClose}>
          {strings.closeForm}
        </Button>
        {!form.confirmDiscard && (
          <Button type="button" appearance="subtle" onClick={() => form.setConfirmDiscard(true)}>
            {strings.discardDraft}
          </Button>
        )}
      </div>
      {form.confirmDiscard && (
        <Notice intent="warning" layout="multiline">
          <NoticeBody>{strings.discardConfirm}</NoticeBody>
          <NoticeActions>
            <Button size="small" onClick={form.discard}>
              {strings.discardYes}
            </Button>
            <Button size="small" onClick={() => form.setConfirmDiscard(false)}>
              {strings.discardNo}
            </Button>
          </NoticeActions>
        </Notice>
      )}
    </form>
  );
}

/** The story's fields: title, text, kind, ambition and unit. */
function StoryFields(props: IStoryFormProps & { form: IStoryFormState }): JSX.Element {
  const mpkStrings = useStrings();
  const strings = useStrings().stories;
  const styles = useStyles();
  const { value, messages, ids, change } = props.form;
  return (
    <>
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
          <AmbitionSelect
            id={ids.ambitionKey}
            value={value.ambitionKey}
            onChange={(ambitionKey) => change({ ambitionKey })}
            emptyLabel={strings.chooseAmbition}
            ambitions={props.ambitions}
          />
        </Field>
        <Field label={strings.unitLabel} validationMessage={messages.unitId}>
          <Select id={ids.unitId} value={value.unitId} onChange={(_, data) => change({ unitId: data.value })}>
            <SelectOptions
              empty={strings.noUnit}
              items={props.units}
              value={(u) => String(u.id)}
              label={(u) => '\u00A0\u00A0'.repeat(u.depth) + u.label}
            />
          </Select>
        </Field>
      </div>
    </>
  );
}
