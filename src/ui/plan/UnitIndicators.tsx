import * as React from 'react';
import { Text } from '@fluentui/react-components';
import type { IMpkServices } from '../../data/repositories/types';
import type { IIndicatorDefinition, IMeasurementRow } from '../../domain/model';
import { IndicatorSummary } from '../measurements/IndicatorSummary';
import { DataErrorMessage } from '../shell/DataErrorMessage';
import { useServices } from '../shell/services';
import { Spinner } from '../shell/Spinner';
import { useStrings } from '../shell/strings';
import { useViewLoader } from '../shell/useViewLoader';
import { usePlan } from './PlanContext';

/** A unit's indicators and results, read once per unit while the page is open (every ambition shows its share). */
interface IUnitResults {
  indicators: IIndicatorDefinition[];
  results: IMeasurementRow[];
}

const reads = new WeakMap<IMpkServices, Map<number, Promise<IUnitResults>>>();

function unitResults(services: IMpkServices, unitId: number, fresh: boolean): Promise<IUnitResults> {
  const byUnit = reads.get(services) ?? new Map<number, Promise<IUnitResults>>();
  reads.set(services, byUnit);
  let read = fresh ? undefined : byUnit.get(unitId);
  if (!read) {
    read = Promise.all([services.indicators.listActive(), services.measurements.forUnit(unitId)]).then(
      ([indicators, results]) => ({ indicators, results }),
    );
    // A failed read is tried again next time.
    read.catch(() => byUnit.delete(unitId));
    byUnit.set(unitId, read);
  }
  return read;
}

/**
 * The unit's results for the indicators that inform one ambition (trivselsmåling, APV, …): loaded when the reader
 * opens "Enhedens målinger" under the ambition, so the plan's first view stays one request.
 */
export function UnitIndicators(props: { ambitionKey: string; unitId: number }): JSX.Element {
  const strings = useStrings();
  const m = strings.measurements;
  const services = useServices();
  const { locale } = usePlan();
  const [attempt, setAttempt] = React.useState(0);
  const loader = useViewLoader(
    () => unitResults(services, props.unitId, attempt > 0),
    [services, props.unitId, attempt],
  );
  if (loader.status === 'failed')
    return (
      <DataErrorMessage error={loader.error} title={m.ambition.loadFailed} onRetry={() => setAttempt((a) => a + 1)} />
    );
  if (!loader.view) return <Spinner size="tiny" label={strings.common.loading} />;
  const indicators = loader.view.indicators.filter((indicator) => indicator.ambitionKey === props.ambitionKey);
  if (indicators.length === 0) return <Text as="p">{m.ambition.none}</Text>;
  return (
    <IndicatorSummary indicators={indicators} values={loader.view.results} unitId={props.unitId} locale={locale} />
  );
}
