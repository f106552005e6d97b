import * as React from 'react';
import { Button, makeStyles, tokens } from '@fluentui/react-components';
import { DataErrorMessage } from './DataErrorMessage';
import { ThrottleNotice } from './ThrottleNotice';
import { SaveConflict, type IConflictTexts } from './SaveConflict';
import type { ISaveFlow } from './useSaveFlow';

/** Props of {@link FormActions}. */
export interface IFormActionsProps<T extends object> {
  flow: ISaveFlow<T>;
  /**
   * The form's texts (its strings section): `failed`, the title of the message when the save fails;
   * `saving`, the submit button's text while the save runs; `cancel`, the cancel button's.
   */
  texts: { failed: string; saving: string; cancel?: string };
  submitLabel: string;
  /**
   * The form's fields in words: given for saves that update an item, which may meet someone else's
   * change; the buttons then give way to the conflict's own choices.
   */
  conflict?: IConflictTexts;
  /** Offers a cancel button. */
  onCancel?(): void;
}

const useStyles = makeStyles({
  actions: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
});

/** The end of a form saved with `useSaveFlow`: a conflict to resolve, a save waiting on SharePoint, a failed save, and the submit (and cancel) buttons. */
export function FormActions<T extends object>(props: IFormActionsProps<T>): JSX.Element {
  const styles = useStyles();
  const { flow, conflict } = props;
  return (
    <>
      {conflict && <SaveConflict flow={flow} labels={conflict.labels} describe={conflict.describe} />}
      <ThrottleNotice scope="save" active={flow.busy} />
      {flow.error !== undefined && (
        <DataErrorMessage error={flow.error} title={props.texts.failed} onDismiss={flow.dismissError} />
      )}
      {!(conflict && flow.conflict) && (
        <div className={styles.actions}>
          <Button type="submit" appearance="primary" disabled={flow.busy}>
            {flow.busy ? props.texts.saving : props.submitLabel}
          </Button>
          {props.onCancel && (
            <Button disabled={flow.busy} onClick={props.onCancel}>
              {props.texts.cancel}
            </Button>
          )}
        </div>
      )}
    </>
  );
}
