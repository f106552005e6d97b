import * as React from 'react';
import { Spinner } from './Spinner';
import type { IProvisionSitePanelProps } from './ProvisionSitePanel';
import { useStrings } from './strings';

/** The panel is needed only on a site that is not (or not fully) set up: it loads then. */
const ProvisionSitePanelChunk = React.lazy(() =>
  import(/* webpackChunkName: 'mpk-setup' */ './ProvisionSitePanel').then((m) => ({ default: m.ProvisionSitePanel })),
);

/** "Klargør site" ({@link IProvisionSitePanelProps}), loaded on demand. */
export function ProvisionSitePanel(props: IProvisionSitePanelProps): JSX.Element {
  const strings = useStrings();
  return (
    <React.Suspense fallback={<Spinner size="tiny" label={strings.common.loading} />}>
      <ProvisionSitePanelChunk {...props} />
    </React.Suspense>
  );
}
