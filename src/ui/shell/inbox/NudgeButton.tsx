import * as React from 'react';
import { Button } from '@fluentui/react-components';
import type { INudgeTarget } from '../../../domain/notifications';
import { DataErrorMessage } from '../DataErrorMessage';
import { useServices } from '../services';
import { fill, useStrings } from '../strings';

/** Props of {@link NudgeButton}. */
export interface INudgeButtonProps {
  target: INudgeTarget;
  /** The task's or initiative's title, for the button's accessible name. */
  title: string;
}

/**
 * "Send påmindelse" (chefgruppe) on an overdue task or a silent initiative. The delivery line says how it
 * went in Teams; after a success the button rests as "Påmindelse sendt" (a second press the same day would
 * find the first anyway).
 */
export function NudgeButton(props: INudgeButtonProps): JSX.Element {
  const services = useServices();
  const strings = useStrings().nudge;
  const [state, setState] = React.useState<'idle' | 'busy' | 'sent'>('idle');
  const [error, setError] = React.useState<unknown>();
  const send = async (): Promise<void> => {
    setState('busy');
    setError(undefined);
    try {
      await services.notifications.nudge(props.target);
      setState('sent');
    } catch (e) {
      setError(e);
      setState('idle');
    }
  };
  return (
    <>
      <Button
        size="small"
        disabled={state === 'sent'}
        disabledFocusable={state === 'busy'}
        aria-label={state === 'idle' ? fill(strings.sendFor, { title: props.title }) : undefined}
        onClick={() => void send()}
        data-mpk-no-print=""
      >
        {state === 'sent' ? strings.sent : state === 'busy' ? strings.sending : strings.send}
      </Button>
      {error !== undefined && (
        <DataErrorMessage error={error} title={strings.failed} onDismiss={() => setError(undefined)} />
      )}
    </>
  );
}
