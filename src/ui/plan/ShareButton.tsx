import * as React from 'react';
import { Button } from '@fluentui/react-components';
import type { IInitiative } from '../../domain/model';
import { useStrings } from '../shell/strings';

// The dialog (and the Fluent Dialog and Input it needs) loads when the button is first pressed.
const ShareDialog = React.lazy(() =>
  import(/* webpackChunkName: 'mpk-share' */ './ShareDialog').then((m) => ({ default: m.ShareDialog })),
);

/** Props of {@link ShareButton}. */
export interface IShareButtonProps {
  initiative: IInitiative;
}

/** "Del i kanal" on an initiative card: opens {@link ShareDialog}; focus returns to the button when it closes. */
export function ShareButton(props: IShareButtonProps): JSX.Element {
  const strings = useStrings().plan.share;
  const [open, setOpen] = React.useState(false);
  const button = React.useRef<HTMLButtonElement>(null);
  return (
    <>
      <Button ref={button} onClick={() => setOpen(true)}>
        {strings.button}
      </Button>
      {open && (
        <React.Suspense fallback={null}>
          <ShareDialog
            initiative={props.initiative}
            onClose={() => {
              setOpen(false);
              // After the dialog has gone (and again a frame later, should its own focus handling have
              // dropped focus on the page once it unmounted): back on the button.
              const back = (): void => {
                const active = button.current?.ownerDocument.activeElement;
                if (!active || active === button.current?.ownerDocument.body) button.current?.focus();
              };
              window.setTimeout(() => {
                button.current?.focus();
                window.requestAnimationFrame(back);
              }, 0);
            }}
          />
        </React.Suspense>
      )}
    </>
  );
}
