import * as React from 'react';
import { SurfaceIntro } from '../shell/SurfaceIntro';
import { useStrings } from '../shell/strings';

/** The chefgruppe's "Opfølgning" web part and Teams personal app. */
export function FollowUpApp(): JSX.Element {
  const strings = useStrings();
  return <SurfaceIntro title={strings.followUp.webPartTitle} explanation={strings.followUp.explanation} />;
}
