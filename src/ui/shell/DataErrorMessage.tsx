import * as React from 'react';
import { Button } from '@fluentui/react-components';
import { Notice, NoticeActions, NoticeBody, NoticeTitle } from './Notice';
import { isDataError } from '../../data/errors';
import type { Locale } from '../../domain/locale';
import { useLocale } from './locale';
import { useStrings } from './strings';

/** Props of {@link DataErrorMessage}. */
export interface IDataErrorMessageProps {
  /** What was thrown: a `DataError` shows its Danish message; anything else a general one. */
  error: unknown;
  /** A heading above the message, e.g. "Historien blev ikke gemt". */
  title?: string;
  /** Offers "Prøv igen". */
  onRetry?(): void;
  /** Offers "Luk". */
  onDismiss?(): void;
}

/** The text for an error: the data layer's worded message, or a general one for anything else. */
export function errorText(error: unknown, locale: Locale, fallback: string): string {
  return isDataError(error) ? error.describe(locale) : fallback;
}

/** A failed load or save, in words (an alert, so screen readers hear it at once). */
export function DataErrorMessage(props: IDataErrorMessageProps): JSX.Element {
  const strings = useStrings();
  const locale = useLocale();
  return (
    <Notice intent="error" layout="multiline" role="alert">
      <NoticeBody>
        {props.title && <NoticeTitle>{props.title}</NoticeTitle>}
        {errorText(props.error, locale, strings.errorNotice.unexpected)}
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
