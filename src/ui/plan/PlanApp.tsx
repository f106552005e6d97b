import * as React from 'react';
import { SurfaceIntro } from '../shell/SurfaceIntro';
import { useStrings } from '../shell/strings';

/** The "Ambitionsplan" web part and Teams channel tab. */
export function PlanApp(): JSX.Element {
  const strings = useStrings();
  return <SurfaceIntro title={strings.plan.webPartTitle} explanation={strings.plan.explanation} />;
}
