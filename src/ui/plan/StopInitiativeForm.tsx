import * as React from 'react';
import { Button, Field, makeStyles, MessageBar, MessageBarBody, Text, Textarea, tokens } from '@fluentui/react-components';
import type { IValidationError } from '../../domain/messages';
import type { IInitiative } from '../../domain/model';
import { validateInitiative } from '../../domain/validation';
import { DataErrorMessage } from '../shell/DataErrorMessage';
import { useServices } from '../shell/services';
import { fill, useStrings } from '../shell/strings';
import { useDraft } from '../shell/useDraft';
import { messagesByField } from '../shell/validationMessages';
import { useInitiativeLabels } from './InitiativeForm';
import { PlanConflict } from './PlanConflict';
import { usePlan } from './PlanContext';
import { withInitiative } from './usePlanView';
import { useSaveFlow } from './useSaveFlow';

/** Props of {@link StopInitiativeForm}. */
export interface IStopInitiativeFormProps {
  initiative: IInitiative;
  onDone(saved?: IInitiative): void;
}

interface IStopDraft {
  base: IInitiative;
  reason: string;
}

const useStyles = makeStyles({
  form: {
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalS,
    padding: tokens.spacingHorizontalM,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusMedium,
  },
  title: { fontWeight: tokens.fontWeightSemibold },
  actions: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
});

/** "Mod til at stoppe de ting, der ikke virker": stops an initiative, with the reason kept on it. */
export function StopInitiativeForm(props: IStopInitiativeFormProps): JSX.Element {
  const plan = usePlan();
  const services = useServices();
  const strings = useStrings().plan.initiative;
  const labels = useInitiativeLabels();
  const styles = useStyles();
  const id = props.initiative.id as number;
  const draft = useDraft<IStopDraft>(`plan:initiative:stop:${id}`, { base: props.initiative, reason: '' });
  const [errors, setErrors] = React.useState<IValidationError[]>([]);
  const reasonRef = React.useRef<HTMLTextAreaElement>(null);
  const titleId = `stop-${id}`;

  React.useEffect(() => {
    reasonRef.current?.focus();
  }, []);

  const flow = useSaveFlow<IInitiative>(
    (from, mine) => services.initiatives.update(from as IInitiative, mine),
    (saved) => {
      plan.patch((view) => withInitiative(view, saved));
      draft.clear();
      plan.announce(fill(strings.stopped, { title: saved.title }));
      props.onDone(saved);
    }
  );

  const submit = (event: React.FormEvent): void => {
    event.preventDefault();
    const base = draft.value.base;
    const candidate: IInitiative = { ...base, status: 'stopped', stopReason: draft.value.reason.trim() === '' ? undefined : draft.value.reason };
    const found = validateInitiative(candidate, { previousStatus: base.status });
    setErrors(found);
    if (found.length === 0) void flow.run(base, candidate);
  };
  const fieldErrors = messagesByField(errors, plan.locale);
  const otherErrors = errors.filter((e) => e.field !== 'stopReason');

  return (
    <form className={styles.form} onSubmit={submit} noValidate aria-labelledby={titleId}>
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
        <Textarea ref={reasonRef} value={draft.value.reason} resize="vertical" onChange={(_, d) => draft.set((v) => ({ ...v, reason: d.value }))} />
      </Field>
      {otherErrors.length > 0 && (
        // E.g. the initiative was completed meanwhile: a completed one cannot be stopped.
        <MessageBar intent="error" layout="multiline">
          <MessageBarBody>{Object.values(messagesByField(otherErrors, plan.locale)).join(' ')}</MessageBarBody>
        </MessageBar>
      )}
      <PlanConflict flow={flow} labels={labels} />
      {flow.error !== undefined && <DataErrorMessage error={flow.error} title={strings.failed} onDismiss={flow.dismissError} />}
      {!flow.conflict && (
        <div className={styles.actions}>
          <Button type="submit" appearance="primary" disabled={flow.busy}>
            {flow.busy ? strings.saving : strings.stopConfirm}
          </Button>
          <Button
            onClick={() => {
              draft.clear();
              props.onDone();
            }}
            disabled={flow.busy}
          >
            {strings.cancel}
          </Button>
        </div>
      )}
    </form>
  );
}
