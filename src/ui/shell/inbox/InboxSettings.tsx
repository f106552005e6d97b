import * as React from 'react';
import { Button, Checkbox, makeStyles, Text, tokens, useId } from '@fluentui/react-components';
import { NOTIFICATION_KINDS } from '../../../domain/notifications';
import { DataErrorMessage } from '../DataErrorMessage';
import { Spinner } from '../Spinner';
import { useStrings } from '../strings';
import { useInboxSettings } from './useInboxSettings';

const useStyles = makeStyles({
  root: {
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalS,
    borderTop: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    paddingTop: tokens.spacingVerticalM,
  },
  heading: { margin: 0, fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold },
  fieldset: { border: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column' },
  actions: { display: 'flex', alignItems: 'center', columnGap: tokens.spacingHorizontalM },
  saved: { color: tokens.colorPaletteGreenForeground1 },
});

/** "Indstillinger for Nyt til dig", folded until asked for; `onSaved`: the list is read again (kinds turned off leave it). */
export function InboxSettings(props: { onSaved?(): void }): JSX.Element {
  const strings = useStrings().inboxSettings;
  const styles = useStyles();
  const [shown, setShown] = React.useState(false);
  const regionId = useId('mpk-inbox-settings');
  return (
    <section className={styles.root} aria-labelledby={`${regionId}-heading`}>
      <h3 id={`${regionId}-heading`} className={styles.heading}>
        <Button
          appearance="transparent"
          aria-expanded={shown}
          aria-controls={regionId}
          onClick={() => setShown((v) => !v)}
        >
          {strings.heading}
        </Button>
      </h3>
      <div id={regionId} hidden={!shown}>
        {shown && <SettingsForm onSaved={props.onSaved} />}
      </div>
    </section>
  );
}

/** One checkbox per kind, "Gem", and "Gemt" or what went wrong. */
function SettingsForm(props: { onSaved?(): void }): JSX.Element {
  const allStrings = useStrings();
  const strings = allStrings.inboxSettings;
  const styles = useStyles();
  const s = useInboxSettings(props.onSaved);
  if (s.status === 'loading') return <Spinner size="tiny" label={allStrings.common.loading} />;
  if (s.status === 'failed')
    return <DataErrorMessage error={s.loadError} title={strings.loadFailed} onRetry={s.reload} />;
  return (
    <fieldset className={styles.fieldset}>
      <legend>
        <Text>{strings.intro}</Text>
      </legend>
      {NOTIFICATION_KINDS.map((kind) => (
        <Checkbox
          key={kind}
          checked={s.isOn(kind)}
          onChange={(_, data) => s.toggle(kind, data.checked === true)}
          label={strings.kinds[kind]}
        />
      ))}
      {s.saveError !== undefined && <DataErrorMessage error={s.saveError} title={strings.saveFailed} />}
      <div className={styles.actions}>
        <Button appearance="primary" disabledFocusable={s.saving} onClick={() => void s.save()}>
          {s.saving ? strings.saving : strings.save}
        </Button>
        {s.saved && (
          <Text className={styles.saved} role="status">
            {strings.saved}
          </Text>
        )}
      </div>
    </fieldset>
  );
}
