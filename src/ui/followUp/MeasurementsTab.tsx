import * as React from 'react';
import { Button, Text } from '@fluentui/react-components';
import type { IImportSummary } from '../measurements/ImportWizard';
import { DataErrorMessage } from '../shell/DataErrorMessage';
import { Notice, NoticeBody } from '../shell/Notice';
import { Spinner } from '../shell/Spinner';
import { fill, useStrings } from '../shell/strings';
import { useFollowUp } from './FollowUpContext';
import { ResultsTable, useMeasurements } from './measurementResults';
import { useAppStyles } from './useFollowUpStyles.styles';

// The wizard (Fluent's dialog, the checks) loads when someone chooses to import; the Excel reader after that.
const ImportWizard = React.lazy(() =>
  import(/* webpackChunkName: 'mpk-import' */ '../measurements/ImportWizard').then((m) => ({
    default: m.ImportWizard,
  })),
);

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
      {data && data.results.length > 0 && <ResultsTable data={data} labelledBy="mpk-measurements-heading" />}
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
