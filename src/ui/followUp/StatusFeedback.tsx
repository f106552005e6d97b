import * as React from 'react';
import { Button } from '@fluentui/react-components';
import { Spinner } from '../shell/Spinner';
import { Notice, NoticeActions, NoticeBody } from '../shell/Notice';
import { DataErrorMessage } from '../shell/DataErrorMessage';
import { fill, useStrings } from '../shell/strings';
import { useFollowUp } from './FollowUpContext';
import type { ITaskStatusChange } from './useTaskStatus';
import { labelOf } from '../shell/texts';

// Only a collision shows it: its own chunk.
const ConflictResolver = React.lazy(() =>
  import(/* webpackChunkName: 'mpk-conflict' */ '../shell/ConflictResolver').then((m) => ({
    default: m.ConflictResolver,
  })),
);

/** What went wrong with a status change: a refused move, a failed save, or a collision to resolve. */
export function StatusFeedback(props: { change: ITaskStatusChange }): JSX.Element | null {
  const mpkStrings = useStrings();
  const { strings } = useFollowUp();
  const loading = useStrings().common.loading;
  const { change } = props;
  if (change.conflict) {
    const { error, status } = change.conflict;
    return (
      <React.Suspense fallback={<Spinner size="tiny" label={loading} />}>
        <ConflictResolver
          fields={[
            {
              name: 'status',
              label: fill(strings.board.statusOf, { title: error.theirs.title }),
              theirs: labelOf(mpkStrings, 'taskStatus', error.theirs.status),
              mine: labelOf(mpkStrings, 'taskStatus', status),
            },
          ]}
          busy={change.busyId !== undefined}
          onResolve={(choice) => {
            change.resolveConflict(choice.status === 'mine' ? 'mine' : 'theirs').catch(() => undefined);
          }}
        />
      </React.Suspense>
    );
  }
  if (change.refused) {
    return (
      <Notice intent="warning" layout="multiline">
        <NoticeBody>{change.refused}</NoticeBody>
        <NoticeActions>
          <Button size="small" onClick={change.dismiss}>
            {strings.board.dismiss}
          </Button>
        </NoticeActions>
      </Notice>
    );
  }
  if (change.error !== undefined) {
    return (
      <DataErrorMessage
        error={change.error}
        title={fill(strings.board.moveFailed, { title: change.failedTitle || '' })}
        onDismiss={change.dismiss}
      />
    );
  }
  return null;
}
