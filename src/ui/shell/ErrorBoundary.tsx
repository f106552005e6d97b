import * as React from 'react';
import { Button } from '@fluentui/react-components';
import { Notice, NoticeActions, NoticeBody, NoticeTitle } from './Notice';
import { useStrings } from './strings';

/** Props of {@link ErrorBoundary}. */
export interface IErrorBoundaryProps {
  /**
   * Shorter wording for a small part of a view (one story, one card) instead of the whole surface.
   * @default false
   */
  compact?: boolean;
  /** Called when the reader presses "Prøv igen", before the children are rendered again. */
  onReset?(): void;
  children?: React.ReactNode;
}

interface IErrorBoundaryState {
  error?: Error;
}

/**
 * Catches rendering errors below it (bad data from the server: a missing field, an unknown choice
 * value) and shows a Danish notice instead of an empty web part. Drafts live in the browser, so
 * nothing typed is lost when it trips.
 */
export class ErrorBoundary extends React.Component<IErrorBoundaryProps, IErrorBoundaryState> {
  public state: IErrorBoundaryState = {};

  public static getDerivedStateFromError(error: Error): IErrorBoundaryState {
    return { error };
  }

  public componentDidCatch(error: Error): void {
    // Logged for the developer console; the reader sees the notice.
    console.error('Mod på kerneopgaven: a view failed to render', error);
  }

  public render(): React.ReactNode {
    if (!this.state.error) return this.props.children;
    return (
      <ErrorNotice
        compact={!!this.props.compact}
        onRetry={() => {
          this.props.onReset?.();
          this.setState({ error: undefined });
        }}
      />
    );
  }
}

function ErrorNotice(props: { compact: boolean; onRetry(): void }): JSX.Element {
  const strings = useStrings().errorNotice;
  return (
    <Notice intent="warning" layout="multiline">
      <NoticeBody>
        <NoticeTitle>{props.compact ? strings.partTitle : strings.boundaryTitle}</NoticeTitle>
        {props.compact ? strings.partBody : strings.boundaryBody}
      </NoticeBody>
      <NoticeActions>
        <Button size="small" onClick={props.onRetry}>
          {strings.tryAgain}
        </Button>
      </NoticeActions>
    </Notice>
  );
}
