import * as React from 'react';
import { Button, makeStyles } from '@fluentui/react-components';
import type { IDeliveryReport } from '../../../domain/notifications';
import { useLocale } from '../locale';
import { Notice, NoticeActions, NoticeBody } from '../Notice';
import { useServices } from '../services';
import { visuallyHidden } from '../sharedStyles';
import { useStrings } from '../strings';
import { deliveryLine } from './inboxTexts';

const useStyles = makeStyles({
  // Always there, so screen readers hear the line when it appears; out of the layout while empty.
  region: { ':empty': visuallyHidden },
});

/**
 * The one calm line after an action told someone in Teams — or could not (the action itself has landed).
 * Rendered once per web part: it listens to every action's delivery report; the newest line replaces the
 * last. Its own polite live region: the surface's announcer keeps what the action itself said ("Opgaven er
 * oprettet").
 */
export function DeliveryLine(): JSX.Element {
  const services = useServices();
  const strings = useStrings();
  const locale = useLocale();
  const styles = useStyles();
  const [report, setReport] = React.useState<IDeliveryReport>();
  const text = report ? deliveryLine(strings, report, locale) : undefined;

  React.useEffect(() => services.notifications.onDelivery(setReport), [services]);

  return (
    <div aria-live="polite" className={styles.region} data-mpk="delivery-line">
      {report && text && (
        <Notice intent={report.teams === 'failed' ? 'warning' : 'success'}>
          <NoticeBody>{text}</NoticeBody>
          <NoticeActions>
            <Button size="small" onClick={() => setReport(undefined)}>
              {strings.delivery.dismiss}
            </Button>
          </NoticeActions>
        </Notice>
      )}
    </div>
  );
}
