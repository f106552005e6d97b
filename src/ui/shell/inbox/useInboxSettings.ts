import * as React from 'react';
import { NOTIFICATION_KINDS, type NotificationKind } from '../../../domain/notifications';
import { useAnnounce } from '../Announcer';
import { useServices } from '../services';
import { useStrings } from '../strings';

/** What {@link useInboxSettings} hands to the settings form. */
export interface IInboxSettingsState {
  status: 'loading' | 'ready' | 'failed';
  loadError: unknown;
  reload(): void;
  /** Whether the person wants to hear about a kind (the checkbox). */
  isOn(kind: NotificationKind): boolean;
  toggle(kind: NotificationKind, on: boolean): void;
  save(): Promise<void>;
  saving: boolean;
  /** "Gemt": shown after a save until the next change. */
  saved: boolean;
  /** A failed save: the choices stay as they were ticked. */
  saveError: unknown;
}

/** The person's choices per kind: read when the settings open, saved with "Gem" (then `onSaved`). */
export function useInboxSettings(onSaved?: () => void): IInboxSettingsState {
  const services = useServices();
  const strings = useStrings().inboxSettings;
  const announce = useAnnounce();
  const [status, setStatus] = React.useState<IInboxSettingsState['status']>('loading');
  const [loadError, setLoadError] = React.useState<unknown>();
  const [off, setOff] = React.useState<NotificationKind[]>([]);
  const [saving, setSaving] = React.useState(false);
  const [saved, setSaved] = React.useState(false);
  const [saveError, setSaveError] = React.useState<unknown>();
  const [attempt, setAttempt] = React.useState(0);

  React.useEffect(() => {
    let live = true;
    setStatus('loading');
    services.notifications.getSettings().then(
      (settings) => {
        if (!live) return;
        setOff(settings.off);
        setStatus('ready');
      },
      (e: unknown) => {
        if (!live) return;
        setLoadError(e);
        setStatus('failed');
      },
    );
    return () => {
      live = false;
    };
  }, [services, attempt]);

  const toggle = (kind: NotificationKind, on: boolean): void => {
    setSaved(false);
    setOff((now) =>
      on ? now.filter((k) => k !== kind) : NOTIFICATION_KINDS.filter((k) => k === kind || now.includes(k)),
    );
  };

  const save = async (): Promise<void> => {
    setSaving(true);
    setSaveError(undefined);
    try {
      const stored = await services.notifications.saveSettings({ off });
      setOff(stored.off);
      setSaved(true);
      announce(strings.saved);
      onSaved?.();
    } catch (e) {
      setSaveError(e);
    } finally {
      setSaving(false);
    }
  };

  return {
    status,
    loadError,
    reload: () => setAttempt((n) => n + 1),
    isOn: (kind) => !off.includes(kind),
    toggle,
    save,
    saving,
    saved,
    saveError,
  };
}
