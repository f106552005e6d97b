import * as React from 'react';
import { makeStyles } from '@fluentui/react-components';
import { visuallyHidden } from './sharedStyles';

/** Says something to screen readers without moving focus (saved, recognised, N stories shown). */
export type Announce = (message: string) => void;

const AnnounceContext = React.createContext<Announce>(() => undefined);

const useStyles = makeStyles({
  hidden: visuallyHidden,
});

/** A polite live region for the surface below it; `useAnnounce()` writes to it. */
export function AnnouncerProvider(props: { children?: React.ReactNode }): JSX.Element {
  const styles = useStyles();
  const [message, setMessage] = React.useState('');
  const timer = React.useRef<number>();
  React.useEffect(() => () => window.clearTimeout(timer.current), []);
  const announce = React.useCallback<Announce>((text) => {
    // Clearing first makes a repeated message be read again; a newer message replaces a pending one.
    setMessage('');
    window.clearTimeout(timer.current);
    timer.current = window.setTimeout(() => setMessage(text), 50);
  }, []);
  return (
    <AnnounceContext.Provider value={announce}>
      {props.children}
      <div role="status" aria-live="polite" aria-atomic="true" className={styles.hidden} data-testid="mpk-announcer">
        {message}
      </div>
    </AnnounceContext.Provider>
  );
}

/** The surface's announcer. */
export function useAnnounce(): Announce {
  return React.useContext(AnnounceContext);
}
