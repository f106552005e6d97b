import * as React from 'react';
import { Button } from '@fluentui/react-components';
import type { IDeliveryReport } from '../../../domain/notifications';
import { useAnnounce } from '../Announcer';
import { useLocale } from '../locale';
import { Notice, NoticeActions, NoticeBody } from '../Notice';
import { useServices } from '../services';
import { useStrings } from '../strings';
import { deliveryLine } from './inboxTexts';

/**
 * The one calm line after an action told someone in Teams — or could not (the action itself has landed).
 * Rendered once per web part: it listens to every action's delivery report; the newest line replaces the last.
 */
export function DeliveryLine(): JSX.Element | null {
  const services = useServices();
  const strings = useStrings();
  const locale = useLocale();
  const announce = useAnnounce();
  const [report, setReport] = React.useState<IDeliveryReport>();
  const text = report ? deliveryLine(strings, report, locale) : undefined;

  React.useEffect(() => services.notifications.onDelivery(setReport), [services]);
  React.useEffect(() => {
    if (text) announce(text);
  }, [text, report, announce]);

  if (!report || !text) return null;
  return (
    <Notice intent={report.teams === 'failed' ? 'warning' : 'success'} data-mpk="delivery-line">
      <NoticeBody>{text}</NoticeBody>
      <NoticeActions>
        <Button size="small" onClick={() => setReport(undefined)}>
          {strings.delivery.dismiss}
        </Button>
      </NoticeActions>
    </Notice>
  );
}
