import * as React from 'react';
import { Button, Text } from '@fluentui/react-components';
import type { IIndicatorDefinition, IMeasurementRow } from '../../domain/model';
import type { IImportSummary, IImportWizardProps } from '../measurements/ImportWizard';
import { IndicatorSummary } from '../measurements/IndicatorSummary';
import { DataErrorMessage } from '../shell/DataErrorMessage';
import { Notice, NoticeBody } from '../shell/Notice';
import { useServices } from '../shell/services';
import { Spinner } from '../shell/Spinner';
import { fill, useStrings } from '../shell/strings';
import { useViewLoader, type IViewLoader } from '../shell/useViewLoader';
import { useFollowUp } from './FollowUpContext';
import { unitName } from './followUpModel';
import { useAppStyles, useTaskStyles } from './useFollowUpStyles.styles';

// The wizard (Fluent's dialog, the checks) loads when someone chooses to import; the Excel reader after that.
const ImportWizard = React.lazy(() =>
  import(/* webpackChunkName: 'mpk-import' */ '../measurements/ImportWizard').then((m) => ({
    default: m.ImportWizard,
  })),
);

/** What the tab reads: the active indicators and each unit's latest two results per indicator. */
interface IMeasurementsData {
  indicators: IIndicatorDefinition[];
  results: IMeasurementRow[];
}

/** The tab's reads and the import's write, over the repositories. */
function useMeasurements(): {
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
function ResultsTable(props: { data: IMeasurementsData; t: IMpkMeasurementsTabStrings }): JSX.Element {
  const { view, locale } = useFollowUp();
  const styles = useTaskStyles();
  const { data, t } = props;
  const withResults = new Set(data.results.map((r) => r.unitId));
  const units = view.units.filter((u) => u.id !== undefined && withResults.has(u.id));
  return (
    <div className={styles.tableScroller}>
      <table className={styles.table} aria-labelledby="mpk-measurements-heading">
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

/** What the last import did, in one calm line. */
function importedLine(summary: IImportSummary, t: IMpkMeasurementsTabStrings): string {
  return summary.stopped
    ? t.importStopped
    : fill(t.imported, { written: summary.written, unchanged: summary.unchanged });
}

/**
 * "Målinger" in Opfølgning: every unit's latest results per indicator and the trend since the previous period
 * (read when the tab is chosen), and for the chefgruppe and site owners the import from Excel.
 */
export function MeasurementsTab(): JSX.Element {
  const strings = useStrings();
  const t = strings.measurements.tab;
  const { view, announce } = useFollowUp();
  const app = useAppStyles();
  const { loader, write } = useMeasurements();
  const [importing, setImporting] = React.useState(false);
  const [last, setLast] = React.useState<IImportSummary>();
  const opener = React.useRef<HTMLButtonElement>(null);
  const data = loader.view;
  const close = (summary?: IImportSummary): void => {
    setImporting(false);
    opener.current?.focus();
    if (!summary) return;
    setLast(summary);
    announce(importedLine(summary, t));
    loader.reload();
  };
  return (
    <section className={app.section} aria-labelledby="mpk-measurements-heading">
      <h3 id="mpk-measurements-heading" className={app.sectionHeading}>
        {t.heading}
      </h3>
      <Text as="p" block>
        {t.intro}
      </Text>
      {view.canManageTasks ? (
        <div>
          <Button ref={opener} appearance="primary" onClick={() => setImporting(true)} disabled={!data}>
            {t.importButton}
          </Button>
        </div>
      ) : (
        <Text as="p" block>
          {t.importOnlyChef}
        </Text>
      )}
      {last && (
        <Notice intent={last.stopped ? 'warning' : 'success'}>
          <NoticeBody>{importedLine(last, t)}</NoticeBody>
        </Notice>
      )}
      {loader.status === 'loading' && <Spinner size="tiny" label={strings.common.loading} />}
      {loader.status === 'failed' && (
        <DataErrorMessage error={loader.error} title={t.loadFailed} onRetry={loader.reload} />
      )}
      {data && data.indicators.length === 0 && <Text as="p">{t.noIndicators}</Text>}
      {data && data.indicators.length > 0 && data.results.length === 0 && <Text as="p">{t.empty}</Text>}
      {data && data.results.length > 0 && <ResultsTable data={data} t={t} />}
      {importing && data && (
        <React.Suspense fallback={<Spinner size="tiny" label={strings.common.loading} />}>
          <ImportWizard
            units={view.units.filter((u) => u.id !== undefined).map((u) => ({ id: u.id as number, title: u.name }))}
            indicators={data.indicators}
            existing={data.results}
            write={write}
            onClose={close}
          />
        </React.Suspense>
      )}
    </section>
  );
}
