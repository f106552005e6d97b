import * as React from 'react';
import { Spinner } from '../shell/Spinner';
import type { IConflictField } from '../shell/ConflictResolver';
import { useStrings } from '../shell/strings';
import { fieldText } from './fieldText';
import { usePlan } from './PlanContext';
import type { ISaveFlow } from '../shell/useSaveFlow';

// Only a 412 shows it: its own chunk.
const ConflictResolver = React.lazy(() =>
  import(/* webpackChunkName: 'mpk-conflict' */ '../shell/ConflictResolver').then((m) => ({
    default: m.ConflictResolver,
  })),
);

/** Props of {@link PlanConflict}. */
export interface IPlanConflictProps<T extends object> {
  flow: ISaveFlow<T>;
  /** The form's label of each field. */
  labels: Record<string, string>;
  /** The item is a plan (its status reads as a plan status). @default false */
  isPlan?: boolean;
}

/** A 412 on a plan item, with both versions in words and the three ways out. */
export function PlanConflict<T extends object>(props: IPlanConflictProps<T>): JSX.Element | null {
  const plan = usePlan();
  const mpkStrings = useStrings();
  const loading = mpkStrings.common.loading;
  const conflict = props.flow.conflict;
  if (!conflict) return null;
  const context = {
    locale: plan.locale,
    labels: mpkStrings.labels,
    ambitions: plan.view.ambitions,
    priorities: plan.view.politicalPriorities,
    personName: plan.personName,
  };
  const fields: IConflictField[] = conflict.fields.map((name) => ({
    name,
    label: props.labels[name] ?? name,
    theirs: fieldText(name, (conflict.theirs as Record<string, unknown>)[name], context, props.isPlan),
    mine: fieldText(name, (conflict.mine as Record<string, unknown>)[name], context, props.isPlan),
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
