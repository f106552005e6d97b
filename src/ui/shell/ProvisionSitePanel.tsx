import * as React from 'react';
import { Button, makeStyles, Text, tokens } from '@fluentui/react-components';
import { Spinner } from './Spinner';
import { Notice, NoticeActions, NoticeBody, NoticeTitle } from './Notice';
import type { IProvisionChange, IProvisionReport, ISchemaStatus } from '../../data/repositories/types';
import { DataErrorMessage } from './DataErrorMessage';
import { useServices } from './services';
import { fill, useStrings } from './strings';

/** Props of {@link ProvisionSitePanel}. */
export interface IProvisionSitePanelProps {
  schema: ISchemaStatus;
  /** Site owners get the "Klargør site" action; everybody else reads `note`. */
  isSiteOwner: boolean;
  /** What a reader who is not a site owner is told, e.g. that the stories arrive once the site is prepared. */
  note: string;
  /** After a successful run (reload the view here; the panel keeps showing the report). */
  onProvisioned?(report: IProvisionReport): void;
  /** Closes the report; offered only after a run. */
  onDismiss?(): void;
}

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalS },
  changes: { margin: `${tokens.spacingVerticalXS} 0 0 0`, paddingLeft: tokens.spacingHorizontalXL },
  summary: { cursor: 'pointer', color: tokens.colorBrandForegroundLink },
});

/** A change in a few words: "Liste oprettet: MPK Historier". */
export function describeChange(change: IProvisionChange, kinds: IMpkSiteSetupStrings['changeKinds']): string {
  const label = (kinds as unknown as Record<string, string>)[change.kind] ?? change.kind;
  return `${label}: ${change.target}${change.detail ? ` (${change.detail})` : ''}`;
}

/**
 * "Klargør site": before the lists exist (or when they are older than this build) site owners can
 * create or upgrade them in place and see what was done; others get a short note.
 */
export function ProvisionSitePanel(props: IProvisionSitePanelProps): JSX.Element {
  const strings = useStrings().siteSetup;
  const services = useServices();
  const styles = useStyles();
  const [running, setRunning] = React.useState(false);
  const [error, setError] = React.useState<unknown>();
  const [report, setReport] = React.useState<IProvisionReport>();

  const provision = async (): Promise<void> => {
    setRunning(true);
    setError(undefined);
    try {
      const result = await services.provisioning.provision();
      setReport(result);
      props.onProvisioned?.(result);
    } catch (e) {
      setError(e);
    } finally {
      setRunning(false);
    }
  };

  if (report) {
    const from = report.fromVersion === undefined ? strings.noVersion : String(report.fromVersion);
    return (
      <div className={styles.root} role="status">
        <Notice intent="success" layout="multiline">
          <NoticeBody>
            <NoticeTitle>{strings.doneTitle}</NoticeTitle>
            {report.changes.length === 0
              ? strings.doneNothing
              : fill(strings.doneSummary, { from, to: report.toVersion, changes: report.changes.length })}
            {report.health && report.health.length > 0 && (
              <> {fill(strings.healthRestored, { count: report.health.length })}</>
            )}
            {report.changes.length > 0 && (
              <details>
                <summary className={styles.summary}>{strings.reportHeading}</summary>
                <ul className={styles.changes}>
                  {report.changes.map((change, index) => (
                    <li key={`${change.kind}|${change.target}|${index}`}>
                      {describeChange(change, strings.changeKinds)}
                    </li>
                  ))}
                </ul>
              </details>
            )}
          </NoticeBody>
          {props.onDismiss && (
            <NoticeActions>
              <Button size="small" onClick={props.onDismiss}>
                {strings.close}
              </Button>
            </NoticeActions>
          )}
        </Notice>
      </div>
    );
  }

  const upgrade = props.schema.provisioned && props.schema.needsUpgrade;
  if (!props.isSiteOwner) {
    return (
      <Notice intent="info" layout="multiline">
        <NoticeBody>{props.note}</NoticeBody>
      </Notice>
    );
  }
  return (
    <div className={styles.root}>
      <Notice intent="info" layout="multiline">
        <NoticeBody>
          <NoticeTitle>{upgrade ? strings.upgradeTitle : strings.title}</NoticeTitle>
          {upgrade
            ? fill(strings.upgradeExplanation, {
                installed: props.schema.installedVersion ?? strings.noVersion,
                current: props.schema.currentVersion,
              })
            : strings.ownerExplanation}
        </NoticeBody>
        <NoticeActions>
          <Button size="small" appearance="primary" onClick={provision} disabled={running}>
            {running ? strings.running : upgrade ? strings.upgrade : strings.provision}
          </Button>
        </NoticeActions>
      </Notice>
      {running && <Spinner size="tiny" label={<Text>{strings.runningExplanation}</Text>} />}
      {error !== undefined && <DataErrorMessage error={error} title={strings.failedTitle} onRetry={provision} />}
    </div>
  );
}
