import * as React from 'react';
import { Field, makeStyles, Text, Textarea, tokens } from '@fluentui/react-components';
import { framedColumn } from '../shell/sharedStyles';
import { Notice, NoticeBody } from '../shell/Notice';
import type { IInitiative } from '../../domain/model';
import { validateInitiative } from '../../domain/validation';
import { useServices } from '../shell/services';
import { fill, useStrings } from '../shell/strings';
import { useInitiativeLabels, usePlanConflictTexts } from './fieldText';
import { usePlan } from './PlanContext';
import { FormActions } from '../shell/FormActions';
import { usePlanForm } from './usePlanForm';
import { withInitiative } from '../../domain/planViewPatch';
import { messagesByField } from '../shell/texts';

/** Props of {@link StopInitiativeForm}. */
export interface IStopInitiativeFormProps {
  initiative: IInitiative;
  /** After a save (with the initiative and its confirmation, for the card to show) or cancel (without). */
  onDone(saved?: IInitiative, confirmation?: string): void;
}

interface IStopDraft {
  base: IInitiative;
  reason: string;
}

const useStyles = makeStyles({
  form: framedColumn(tokens.spacingVerticalS),
  title: { fontWeight: tokens.fontWeightSemibold },
});

/** "Mod til at stoppe de ting, der ikke virker": stops an initiative, with the reason kept on it. */
export function StopInitiativeForm(props: IStopInitiativeFormProps): JSX.Element {
  const mpkStrings = useStrings();
  const plan = usePlan();
  const services = useServices();
  const strings = useStrings().plan.initiative;
  const labels = useInitiativeLabels();
  const conflictTexts = usePlanConflictTexts(labels);
  const styles = useStyles();
  const id = props.initiative.id as number;
  const reasonRef = React.useRef<HTMLTextAreaElement>(null);
  const titleId = `stop-${id}`;

  React.useEffect(() => {
    reasonRef.current?.focus();
  }, []);

  const { formRef, draft, errors, flow, submit, discard } = usePlanForm<IStopDraft, IInitiative>({
    opens: true,
    draftKey: `plan:initiative:stop:${id}`,
    initialDraft: { base: props.initiative, reason: '' },
    read: (value) => ({
      base: value.base,
      mine: { ...value.base, status: 'stopped', stopReason: value.reason.trim() === '' ? undefined : value.reason },
    }),
    validate: (mine, base) => validateInitiative(mine, { previousStatus: base?.status }),
    save: (from, mine) => services.initiatives.update(from as IInitiative, mine),
    onSaved: (saved) => {
      plan.patch((view) => withInitiative(view, saved));
      props.onDone(saved, fill(strings.stopped, { title: saved.title }));
    },
  });

  const fieldErrors = messagesByField(mpkStrings, errors, plan.locale);
  const otherErrors = errors.filter((e) => e.field !== 'stopReason');

  return (
    <form ref={formRef} className={styles.form} onSubmit={submit} noValidate aria-labelledby={titleId}>
      <Text id={titleId} className={styles.title}>
        {fill(strings.stopTitle, { title: props.initiative.title })}
      </Text>
      <Text>{strings.stopExplanation}</Text>
      <Field
        label={labels.stopReason}
        required
        validationMessage={fieldErrors.stopReason}
        hint={draft.restored ? strings.draftRestored : undefined}
      >
        <Textarea
          ref={reasonRef}
          value={draft.value.reason}
          resize="vertical"
          onChange={(_, d) => draft.set((v) => ({ ...v, reason: d.value }))}
        />
      </Field>
      {otherErrors.length > 0 && (
        // E.g. the initiative was completed meanwhile: a completed one cannot be stopped.
        <Notice intent="error" layout="multiline">
          <NoticeBody>{Object.values(messagesByField(mpkStrings, otherErrors, plan.locale)).join(' ')}</NoticeBody>
        </Notice>
      )}
      <FormActions
        flow={flow}
        conflict={conflictTexts}
        texts={strings}
        submitLabel={strings.stopConfirm}
        onCancel={() => discard(() => props.onDone())}
      />
    </form>
  );
}
