import * as React from 'react';
import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  DialogTrigger,
  Field,
  Input,
  makeStyles,
  Text,
  tokens,
} from '@fluentui/react-components';
import type { IInitiative } from '../../domain/model';
import { fill, useStrings } from '../shell/strings';
import { usePlan } from './PlanContext';

/** Props of {@link ShareDialog}. */
export interface IShareDialogProps {
  initiative: IInitiative;
  /** The dialog was closed (Escape, "Luk"): the caller stops rendering it. */
  onClose(): void;
}

const useStyles = makeStyles({
  content: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalM },
  link: { width: '100%' },
  feedback: { minHeight: tokens.lineHeightBase300 },
});

/** Copies text: the async clipboard where allowed, else the selected input with the old copy command. */
async function copyText(text: string, input: HTMLInputElement | null): Promise<boolean> {
  try {
    if (navigator.clipboard && typeof navigator.clipboard.writeText === 'function') {
      await navigator.clipboard.writeText(text);
      return true;
    }
  } catch {
    // Blocked (no permission, not a secure context): try the selection below.
  }
  if (!input) return false;
  input.focus();
  input.select();
  try {
    return typeof document.execCommand === 'function' && document.execCommand('copy');
  } catch {
    return false;
  }
}

/**
 * "Del i kanal" (opened by `ShareButton`): a deep link that opens the plan on this initiative, shown with a copy button (and
 * Teams' own share dialog when the host offers it) — so the channel's dialog can start from it.
 */
export function ShareDialog(props: IShareDialogProps): JSX.Element {
  const plan = usePlan();
  const strings = useStrings().plan.share;
  const styles = useStyles();
  const inputRef = React.useRef<HTMLInputElement>(null);
  const [feedback, setFeedback] = React.useState('');
  const id = props.initiative.id as number;
  const link = plan.linkFor(id);
  const inTeams = plan.host !== 'sharepoint';

  const copy = async (): Promise<void> => {
    const ok = await copyText(link, inputRef.current);
    const message = ok ? strings.copied : strings.copyFailed;
    setFeedback(message);
    plan.announce(message);
    if (!ok && inputRef.current) inputRef.current.select();
  };

  return (
    // Opened by `ShareButton`, which renders it only while it is open.
    <Dialog open onOpenChange={(_, data) => !data.open && props.onClose()}>
      <DialogSurface aria-describedby={undefined}>
        <DialogBody>
          <DialogTitle>{fill(strings.title, { title: props.initiative.title })}</DialogTitle>
          <DialogContent className={styles.content}>
            <Text>{inTeams ? strings.explanation : strings.explanationSharePoint}</Text>
            <Field label={strings.linkLabel}>
              <Input
                ref={inputRef}
                className={styles.link}
                value={link}
                readOnly
                onFocus={(event) => event.currentTarget.select()}
              />
            </Field>
            <Text className={styles.feedback} aria-live="polite">
              {feedback}
            </Text>
          </DialogContent>
          <DialogActions fluid>
            <Button appearance="primary" onClick={() => void copy()}>
              {strings.copy}
            </Button>
            {plan.shareInTeams && (
              <Button onClick={() => plan.shareInTeams?.(id, props.initiative.title)}>{strings.teams}</Button>
            )}
            <DialogTrigger disableButtonEnhancement>
              <Button>{strings.close}</Button>
            </DialogTrigger>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
