import * as React from 'react';
import { Button, makeStyles, tokens } from '@fluentui/react-components';
import { DataErrorMessage } from '../shell/DataErrorMessage';
import { ThrottleNotice } from '../shell/ThrottleNotice';
import { PlanConflict } from './PlanConflict';
import type { ISaveFlow } from '../shell/useSaveFlow';

/** Props of {@link PlanFormActions}. */
export interface IPlanFormActionsProps<T extends object> {
  flow: ISaveFlow<T>;
  /**
   * The form's texts (its strings section): `failed`, the title of the message when the save fails;
   * `saving`, the submit button's text while the save runs; `cancel`, the cancel button's.
   */
  texts: { failed: string; saving: string; cancel?: string };
  submitLabel: string;
  /**
   * The form's label of each field: given for saves that update an item, which may meet someone
   * else's change; the buttons then give way to the conflict's own choices.
   */
  conflictLabels?: Record<string, string>;
  /** Offers a cancel button. */
  onCancel?(): void;
}

const useStyles = makeStyles({
  actions: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
});

/** The end of a plan form: a conflict to resolve, a save waiting on SharePoint, a failed save, and the submit (and cancel) buttons. */
export function PlanFormActions<T extends object>(props: IPlanFormActionsProps<T>): JSX.Element {
  const styles = useStyles();
  const { flow } = props;
  return (
    <>
      {props.conflictLabels && <PlanConflict flow={flow} labels={props.conflictLabels} />}
      <ThrottleNotice scope="save" active={flow.busy} />
      {flow.error !== undefined && (
        <DataErrorMessage error={flow.error} title={props.texts.failed} onDismiss={flow.dismissError} />
      )}
      {!(props.conflictLabels && flow.conflict) && (
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
