import * as React from 'react';

/** The notice itself is loaded only for site owners, so nobody else's first view grows. */
const SiteHealthNotice = React.lazy(() =>
  import(/* webpackChunkName: 'mpk-site-health' */ './SiteHealthNotice').then((m) => ({ default: m.SiteHealthNotice })),
);

/** Props of {@link SiteHealth}. */
export interface ISiteHealthProps {
  /** Site owners (on a site whose lists are provisioned and current) get the check; everybody else nothing. */
  isSiteOwner: boolean;
}

/**
 * The site health check in a web part: for a site owner, a notice when the lists' security settings
 * differ from the schema (one extra request, after the first view); for anybody else, nothing at all.
 */
export function SiteHealth(props: ISiteHealthProps): JSX.Element | null {
  if (!props.isSiteOwner) return null;
  return (
    <React.Suspense fallback={null}>
      <SiteHealthNotice />
    </React.Suspense>
  );
}
