import * as React from 'react';
import { Spinner } from './Spinner';
import type { IConflictField } from './ConflictResolver';
import { useStrings } from './strings';
import type { ISaveFlow } from './useSaveFlow';

// Only a 412 shows it: its own chunk.
const ConflictResolver = React.lazy(() =>
  import(/* webpackChunkName: 'mpk-conflict' */ './ConflictResolver').then((m) => ({
    default: m.ConflictResolver,
  })),
);

/** How a form names its fields and reads their stored values, for a conflict. */
export interface IConflictTexts {
  /** The form's label of each field. */
  labels: Record<string, string>;
  /** A stored value as the reader reads it (labels for codes, dates, names). @default the value as text */
  describe?(field: string, value: unknown): string;
}

/** Props of {@link SaveConflict}. */
export interface ISaveConflictProps<T extends object> extends IConflictTexts {
  flow: ISaveFlow<T>;
}

function asText(_field: string, value: unknown): string {
  if (value === undefined || value === null) return '';
  return typeof value === 'string' ? value : JSON.stringify(value);
}

/** A 412 from a `useSaveFlow` save, with both versions in words and the three ways out. */
export function SaveConflict<T extends object>(props: ISaveConflictProps<T>): JSX.Element | null {
  const loading = useStrings().common.loading;
  const conflict = props.flow.conflict;
  if (!conflict) return null;
  const describe = props.describe ?? asText;
  const fields: IConflictField[] = conflict.fields.map((name) => ({
    name,
    label: props.labels[name] ?? name,
    theirs: describe(name, (conflict.theirs as Record<string, unknown>)[name]),
    mine: describe(name, (conflict.mine as Record<string, unknown>)[name]),
  }));
  return (
    <React.Suspense fallback={<Spinner size="tiny" label={loading} />}>
      {/* A new conflict (another round) starts with a fresh choice. */}
      <ConflictResolver
        key={JSON.stringify(conflict.theirs)}
        fields={fields}
        busy={props.flow.busy}
        onResolve={(choice) => {
          void props.flow.resolve(choice);
        }}
      />
    </React.Suspense>
  );
}
