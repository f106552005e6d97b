import * as React from 'react';
import { Button } from '@fluentui/react-components';
import { Notice, NoticeActions, NoticeBody, NoticeTitle } from './Notice';
import { useStrings } from './strings';
import { dataErrorText } from './texts';

/** Props of {@link DataErrorMessage}. */
export interface IDataErrorMessageProps {
  /** What was thrown: a `DataError` shows the words for its reason; anything else a general one. */
  error: unknown;
  /** A heading above the message, e.g. "Historien blev ikke gemt". */
  title?: string;
  /** Offers "Prøv igen". */
  onRetry?(): void;
  /** Offers "Luk". */
  onDismiss?(): void;
}

/** A failed load or save, in words (an alert, so screen readers hear it at once). */
export function DataErrorMessage(props: IDataErrorMessageProps): JSX.Element {
  const strings = useStrings();
  return (
    <Notice intent="error" layout="multiline" role="alert">
      <NoticeBody>
        {props.title && <NoticeTitle>{props.title}</NoticeTitle>}
        {dataErrorText(strings, props.error)}
      </NoticeBody>
      {(props.onRetry || props.onDismiss) && (
        <NoticeActions>
          {props.onRetry && (
            <Button size="small" onClick={props.onRetry}>
              {strings.common.retry}
            </Button>
          )}
          {props.onDismiss && (
            <Button size="small" onClick={props.onDismiss}>
              {strings.errorNotice.dismiss}
            </Button>
          )}
        </NoticeActions>
      )}
    </Notice>
  );
}
