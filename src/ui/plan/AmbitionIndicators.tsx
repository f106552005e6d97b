import * as React from 'react';
import { Button, makeStyles, tokens } from '@fluentui/react-components';
import { Spinner } from '../shell/Spinner';
import { fill, useStrings } from '../shell/strings';

// The results and their summary load when someone opens them (chunk `mpk-indicators`).
const UnitIndicators = React.lazy(() =>
  import(/* webpackChunkName: 'mpk-indicators' */ './UnitIndicators').then((m) => ({ default: m.UnitIndicators })),
);

const useStyles = makeStyles({
  panel: {
    paddingLeft: tokens.spacingHorizontalM,
    borderLeft: `${tokens.strokeWidthThick} solid ${tokens.colorNeutralStroke2}`,
  },
});

/** "Enhedens målinger" under an ambition: a disclosure that shows the unit's results for the ambition's indicators. */
export function AmbitionIndicators(props: { ambitionKey: string; ambitionTitle: string; unitId: number }): JSX.Element {
  const strings = useStrings();
  const m = strings.measurements.ambition;
  const styles = useStyles();
  const [open, setOpen] = React.useState(false);
  const panelId = `mpk-indicators-${props.ambitionKey}`;
  return (
    <div>
      <Button
        appearance="subtle"
        aria-expanded={open}
        aria-controls={panelId}
        aria-label={fill(m.toggleFor, { action: open ? m.hide : m.show, ambition: props.ambitionTitle })}
        onClick={() => setOpen((o) => !o)}
      >
        {open ? m.hide : m.show}
      </Button>
      {open && (
        <div id={panelId} className={styles.panel}>
          <React.Suspense fallback={<Spinner size="tiny" label={strings.common.loading} />}>
            <UnitIndicators ambitionKey={props.ambitionKey} unitId={props.unitId} />
          </React.Suspense>
        </div>
      )}
    </div>
  );
}
