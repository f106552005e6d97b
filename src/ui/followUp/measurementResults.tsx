import * as React from 'react';
import type { IIndicatorDefinition, IMeasurementRow } from '../../domain/model';
import type { IImportWizardProps } from '../measurements/ImportWizard';
import { IndicatorSummary } from '../measurements/IndicatorSummary';
import { useServices } from '../shell/services';
import { useStrings } from '../shell/strings';
import { useViewLoader, type IViewLoader } from '../shell/useViewLoader';
import { useFollowUp } from './FollowUpContext';
import { unitName } from './followUpModel';
import { useTaskStyles } from './useFollowUpStyles.styles';

/** What the tab reads: the active indicators and each unit's latest two results per indicator. */
export interface IMeasurementsData {
  indicators: IIndicatorDefinition[];
  results: IMeasurementRow[];
}

/** The units' latest results (the tab and the status report), and the import's write, over the repositories. */
export function useMeasurements(): {
  loader: IViewLoader<IMeasurementsData>;
  write: IImportWizardProps['write'];
} {
  const services = useServices();
  const loader = useViewLoader<IMeasurementsData>(async () => {
    const [indicators, results] = await Promise.all([
      services.indicators.listActive(),
      services.measurements.latestPerUnit(),
    ]);
    return { indicators, results };
  }, [services]);
  const write = React.useCallback<IImportWizardProps['write']>(
    async (batches, onProgress, signal) => {
      const importKey = `import-${services.user.id}-${new Date().toISOString()}`;
      const result = await services.measurements.importRows(
        batches,
        importKey,
        (progress) => onProgress(progress.batchesDone, progress.batches),
        signal,
      );
      if (result.aborted) throw Object.assign(new Error('The import was stopped.'), { name: 'AbortError' });
      return {
        written: result.created + result.updated,
        unchanged: result.unchanged,
        completedBatches: result.batchesWritten,
      };
    },
    [services],
  );
  return { loader, write };
}

/** Every unit with a result: its name and its latest results with the trend since the previous period. */
export function ResultsTable(props: { data: IMeasurementsData; labelledBy: string }): JSX.Element {
  const { view, locale } = useFollowUp();
  const styles = useTaskStyles();
  const t = useStrings().measurements.tab;
  const { data } = props;
  const withResults = new Set(data.results.map((r) => r.unitId));
  const units = view.units.filter((u) => u.id !== undefined && withResults.has(u.id));
  return (
    <div className={styles.tableScroller}>
      <table className={styles.table} aria-labelledby={props.labelledBy}>
        <thead>
          <tr>
            <th scope="col" className={styles.th}>
              {t.unitColumn}
            </th>
            {data.indicators.map((indicator) => (
              <th key={indicator.key} scope="col" className={styles.th}>
                {indicator.title}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {units.map((unit) => (
            <tr key={unit.id}>
              <th scope="row" className={`${styles.td} ${styles.rowHeader}`}>
                {unitName(view.units, unit.id, `#${unit.id}`)}
              </th>
              {data.indicators.map((indicator) => (
                <td key={indicator.key} className={styles.td}>
                  <IndicatorSummary
                    indicators={[indicator]}
                    values={data.results}
                    unitId={unit.id}
                    locale={locale}
                    compact
                    titleHidden
                  />
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
