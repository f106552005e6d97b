import * as React from 'react';
import { Button, makeStyles, Text, tokens, useId } from '@fluentui/react-components';
import { Spinner } from './Spinner';
import { Notice, NoticeActions, NoticeBody, NoticeTitle } from './Notice';
import { Badge } from './Badge';
import type { HealthRisk, IHealthFinding, IProvisionReport } from '../../data/repositories/types';
import { DataErrorMessage } from './DataErrorMessage';
import { useLocale } from './locale';
import { describeChange } from './ProvisionSitePanel';
import { plural } from './plural';
import { useSiteHealth } from './useSiteHealth';
import { fill, useStrings } from './strings';
import { framedColumn, plainList } from './sharedStyles';
import { describeFinding } from './healthTexts';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalS },
  panel: { ...framedColumn(tokens.spacingVerticalS), backgroundColor: tokens.colorNeutralBackground1 },
  heading: {
    margin: 0,
    fontSize: tokens.fontSizeBase400,
    fontWeight: tokens.fontWeightSemibold,
    color: tokens.colorNeutralForeground1,
  },
  list: plainList(tokens.spacingVerticalM),
  item: {
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalXXS,
    color: tokens.colorNeutralForeground1,
  },
  what: { fontWeight: tokens.fontWeightSemibold },
  label: { fontWeight: tokens.fontWeightSemibold, marginRight: tokens.spacingHorizontalXS },
  changes: { margin: `${tokens.spacingVerticalXS} 0 0 0`, paddingLeft: tokens.spacingHorizontalXL },
});

const BADGE: Record<HealthRisk, 'danger' | 'warning' | 'informative'> = {
  high: 'danger',
  medium: 'warning',
  low: 'informative',
};

/** What the repair did, and what (if anything) still differs. */
function RepairResult(props: { report: IProvisionReport; remaining: IHealthFinding[]; onClose(): void }): JSX.Element {
  const strings = useStrings();
  const s = strings.siteHealth;
  const styles = useStyles();
  const { report, remaining } = props;
  return (
    <div className={styles.root} role="status">
      <Notice intent={remaining.length > 0 ? 'warning' : 'success'} layout="multiline">
        <NoticeBody>
          <NoticeTitle>{remaining.length > 0 ? s.remainingTitle : s.repairedTitle}</NoticeTitle>
          {remaining.length > 0
            ? fill(s.remaining, { count: remaining.length })
            : fill(s.repairedSummary, { changes: report.changes.length })}
          {report.changes.length > 0 && (
            <ul className={styles.changes}>
              {report.changes.map((change, index) => (
                <li key={`${change.kind}|${change.target}|${index}`}>
                  {describeChange(change, strings.siteSetup.changeKinds)}
                </li>
              ))}
            </ul>
          )}
        </NoticeBody>
        <NoticeActions>
          <Button size="small" onClick={props.onClose}>
            {s.close}
          </Button>
        </NoticeActions>
      </Notice>
    </div>
  );
}

/** The findings, each with its risk, why it matters and how to restore it. */
function FindingsPanel(props: { id: string; findings: IHealthFinding[] }): JSX.Element {
  const mpkStrings = useStrings();
  const s = useStrings().siteHealth;
  const styles = useStyles();
  const headingId = useId('mpk-site-health-heading');
  return (
    <section id={props.id} className={styles.panel} aria-labelledby={headingId}>
      <h3 id={headingId} className={styles.heading}>
        {s.panelHeading}
      </h3>
      <ul className={styles.list}>
        {props.findings.map((finding, index) => {
          const text = describeFinding(mpkStrings, finding);
          return (
            <li key={`${finding.scope}|${finding.setting}|${finding.principal ?? ''}|${index}`} className={styles.item}>
              <div>
                <Badge appearance="tint" color={BADGE[finding.risk]}>
                  {s.risk[finding.risk]}
                </Badge>
              </div>
              <Text className={styles.what}>{text.what}</Text>
              <Text>
                <span className={styles.label}>{s.why}</span>
                {text.why}
              </Text>
              <Text>
                <span className={styles.label}>{s.how}</span>
                {text.how}
              </Text>
            </li>
          );
        })}
      </ul>
    </section>
  );
}

/**
 * A site owner's notice: what differs from the schema, why it matters and how to restore it, with
 * "Ret indstillingerne" (the provisioning run, which restores the settings and permissions) and its
 * result. A check that cannot be read shows nothing: the view itself is what the owner came for.
 * State in {@link useSiteHealth}.
 */
export function SiteHealthNotice(): JSX.Element | null {
  const s = useStrings().siteHealth;
  const locale = useLocale();
  const styles = useStyles();
  const panelId = useId('mpk-site-health-panel');
  const [open, setOpen] = React.useState(false);
  const { state, error, repair, closeResult } = useSiteHealth();

  if (state.status === 'checking' || state.status === 'hidden') return null;
  if (state.status === 'repaired') {
    const { remaining } = state;
    return <RepairResult report={state.report} remaining={remaining} onClose={() => closeResult(remaining)} />;
  }

  const { findings } = state;
  const running = state.status === 'repairing';
  return (
    <div className={styles.root}>
      <Notice intent="warning" layout="multiline">
        <NoticeBody>
          <NoticeTitle>{s.title}</NoticeTitle>
          {plural(locale, findings.length, s.summaryOne, s.summary)} {s.ownerOnly}
        </NoticeBody>
        <NoticeActions>
          <Button size="small" aria-expanded={open} aria-controls={panelId} onClick={() => setOpen(!open)}>
            {open ? s.hideDetails : s.showDetails}
          </Button>
          <Button size="small" appearance="primary" disabled={running} onClick={() => repair(findings)}>
            {running ? s.repairing : s.repair}
          </Button>
        </NoticeActions>
      </Notice>
      {running && <Spinner size="tiny" label={<Text>{s.repairing}</Text>} />}
      {error !== undefined && <DataErrorMessage error={error} title={s.failedTitle} onRetry={() => repair(findings)} />}
      {open && <FindingsPanel id={panelId} findings={findings} />}
    </div>
  );
}
