import * as React from 'react';
import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
} from '@fluentui/react-components';
import { fill, useStrings } from '../shell/strings';

/** Props of {@link ClosePlanDialog}. */
export interface IClosePlanDialogProps {
  period: string;
  /** "Afslut planen" was pressed: the caller closes the plan. */
  onConfirm(): void;
  /** Escape or "Annuller": the caller stops rendering the dialog. */
  onCancel(): void;
}

/**
 * "Afslut planen for 2026?": what closing means, asked before a plan is closed (opened by the header's
 * "Afslut planen …"). A chunk of its own: the Fluent Dialog brings tabster, which the plan's first view
 * does without.
 */
export function ClosePlanDialog(props: IClosePlanDialogProps): JSX.Element {
  const strings = useStrings().plan.header.closeDialog;
  const cancel = React.useRef<HTMLButtonElement>(null);
  // After the dialog has placed its own first focus: "Annuller" takes it, so Enter does not close the plan.
  React.useEffect(() => {
    const timer = window.setTimeout(() => cancel.current?.focus(), 0);
    return () => window.clearTimeout(timer);
  }, []);
  return (
    <Dialog open modalType="alert" onOpenChange={(_, data) => !data.open && props.onCancel()}>
      <DialogSurface>
        <DialogBody>
          <DialogTitle>{fill(strings.title, { period: props.period })}</DialogTitle>
          <DialogContent>{strings.body}</DialogContent>
          <DialogActions>
            <Button appearance="primary" onClick={props.onConfirm}>
              {strings.confirm}
            </Button>
            <Button ref={cancel} onClick={props.onCancel}>
              {strings.cancel}
            </Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
