import * as React from 'react';
import { makeStyles, type GriffelStyle } from '@fluentui/react-components';

/** Says something to screen readers without moving focus (saved, recognised, N stories shown). */
export type Announce = (message: string) => void;

const AnnounceContext = React.createContext<Announce>(() => undefined);

/** Visually hidden, still read: the usual clip pattern (for live regions and screen-reader-only text). */
export const visuallyHidden: GriffelStyle = {
  position: 'absolute',
  width: '1px',
  height: '1px',
  margin: '-1px',
  padding: 0,
  overflow: 'hidden',
  clip: 'rect(0 0 0 0)',
  whiteSpace: 'nowrap',
  border: 0,
};

const useStyles = makeStyles({ hidden: visuallyHidden });

/** A polite live region for the surface below it; `useAnnounce()` writes to it. */
export function AnnouncerProvider(props: { children?: React.ReactNode }): JSX.Element {
  const styles = useStyles();
  const [message, setMessage] = React.useState('');
  const timers = React.useRef<number[]>([]);
  // A message still on its way when the surface goes is dropped with it.
  React.useEffect(() => () => timers.current.forEach((timer) => window.clearTimeout(timer)), []);
  const announce = React.useCallback<Announce>((text) => {
    // Clearing first makes a repeated message be read again.
    setMessage('');
    const timer = window.setTimeout(() => {
      timers.current = timers.current.filter((t) => t !== timer);
      setMessage(text);
    }, 50);
    timers.current.push(timer);
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
