import * as React from 'react';
import { Notice, NoticeBody, NoticeTitle } from './Notice';
import type { IThrottleState, IThrottleWatch } from '../../data/throttleState';
import { ServicesContext } from './services';
import { fill, useStrings } from './strings';

/** Props of {@link ThrottleNotice}. */
export interface IThrottleNoticeProps {
  /**
   * `view` (the app's own, under its heading): anything waiting on SharePoint — the first view, "Vis
   * flere", and saves no form shows. `save` (in a form, next to its button): the waiting save, while
   * `active`; while it shows, the app's notice leaves saves to it. @default 'view'
   */
  scope?: 'view' | 'save';
  /** For `save`: whether this form is saving now. @default true */
  active?: boolean;
}

const IDLE: IThrottleState = { readsUntil: null, writesUntil: null };

/** The state of a watch, followed live (nothing ever waits without one). */
export function useThrottleState(watch: IThrottleWatch | undefined): IThrottleState {
  const [state, setState] = React.useState<IThrottleState>(() => (watch ? watch.current() : IDLE));
  React.useEffect(() => {
    if (!watch) return undefined;
    setState(watch.current());
    return watch.subscribe(() => setState(watch.current()));
  }, [watch]);
  return state;
}

/** Date.now(), again every second while `running`. */
function useNow(running: boolean): number {
  const [now, setNow] = React.useState(() => Date.now());
  React.useEffect(() => {
    if (!running) return undefined;
    setNow(Date.now());
    const timer = window.setInterval(() => setNow(Date.now()), 1000);
    return () => window.clearInterval(timer);
  }, [running]);
  return now;
}

/** "om 2 min" from 60 s up (nearest whole minute), "om 45 sek." below, "nu" when the time has come. */
export function retryWhen(remainingMs: number, strings: IMpkThrottleStrings): string {
  const seconds = Math.ceil(remainingMs / 1000);
  if (seconds <= 0) return strings.now;
  if (seconds >= 60) return fill(strings.inMinutes, { minutes: Math.round(seconds / 60) });
  return fill(strings.inSeconds, { seconds });
}

// Forms that show their own waiting save, per watch: the app's notice then shows only reads.
const saveNotices = new Map<IThrottleWatch, number>();
const coverListeners = new Set<() => void>();
function cover(watch: IThrottleWatch): () => void {
  saveNotices.set(watch, (saveNotices.get(watch) || 0) + 1);
  coverListeners.forEach((l) => l());
  return () => {
    const left = (saveNotices.get(watch) || 1) - 1;
    if (left > 0) saveNotices.set(watch, left);
    else saveNotices.delete(watch);
    coverListeners.forEach((l) => l());
  };
}
function useCovered(watch: IThrottleWatch | undefined): boolean {
  const [, rerender] = React.useReducer((n: number) => n + 1, 0);
  React.useEffect(() => {
    coverListeners.add(rerender);
    return () => {
      coverListeners.delete(rerender);
    };
  }, []);
  return !!watch && saveNotices.has(watch);
}

/**
 * "SharePoint har travlt – prøver igen om 2 min": shown the moment a request starts waiting on
 * SharePoint's Retry-After, counting down, gone when the request is tried again. Not an alert: the
 * page keeps working, and nothing typed is touched. Used by all three apps and their main forms.
 */
export function ThrottleNotice(props: IThrottleNoticeProps): JSX.Element | null {
  const strings = useStrings().throttle;
  const watch = React.useContext(ServicesContext)?.throttle;
  const state = useThrottleState(watch);
  const covered = useCovered(watch);
  const scope = props.scope ?? 'view';
  const active = props.active !== false;

  const saveUntil = scope === 'save' && active ? state.writesUntil : null;
  const viewWrites = scope === 'view' && !covered ? state.writesUntil : null;
  const viewReads = scope === 'view' ? state.readsUntil : null;
  const until = scope === 'save' ? saveUntil : maxOf(viewReads, viewWrites);
  const now = useNow(until !== null);

  const showsSave = scope === 'save' && saveUntil !== null && watch !== undefined;
  React.useEffect(() => (showsSave && watch ? cover(watch) : undefined), [showsSave, watch]);

  if (until === null) return null;
  const when = retryWhen(until - now, strings);
  const [before, after = ''] = strings.busy.split('{when}');
  const saving = scope === 'save' || viewWrites !== null;
  return (
    <Notice intent="warning" layout="multiline" role="status" data-mpk-throttle={scope}>
      <NoticeBody>
        <NoticeTitle>
          {/* The countdown changes every second: announced once, not on every tick. */}
          {before}
          <span aria-live="off">{when}</span>
          {after}
        </NoticeTitle>
        {saving ? strings.saveWaiting : strings.viewWaiting}
      </NoticeBody>
    </Notice>
  );
}

function maxOf(a: number | null, b: number | null): number | null {
  if (a === null) return b;
  if (b === null) return a;
  return Math.max(a, b);
}
