import * as React from 'react';
import { FluentProvider, makeStyles, tokens } from '@fluentui/react-components';
import { removeSharedDrafts } from './drafts';
import { LocaleProvider } from './locale';
import { StringsContext } from './strings';
import { themeFor, type ThemeKind } from './theme';

/** Props of {@link MpkRoot}. */
export interface IMpkRootProps {
  strings: IMpkStrings;
  /** @default 'light' */
  theme?: ThemeKind;
  /** BCP 47 language tag of the page, e.g. `da-DK`. @default 'da-DK' */
  locale?: string;
  children?: React.ReactNode;
}

const useStyles = makeStyles({
  root: {
    backgroundColor: tokens.colorNeutralBackground1,
    color: tokens.colorNeutralForeground1,
    fontFamily: tokens.fontFamilyBase,
  },
});

/** The one provider every web part renders first: Fluent theme, locale and strings. */
export function MpkRoot(props: IMpkRootProps): JSX.Element {
  const styles = useStyles();
  const locale = props.locale ?? 'da-DK';
  // Drafts from before they were kept per person could be read by the next person at this browser.
  React.useEffect(() => {
    removeSharedDrafts();
  }, []);
  return (
    <FluentProvider theme={themeFor(props.theme ?? 'light')} className={styles.root} lang={locale}>
      <LocaleProvider locale={locale}>
        <StringsContext.Provider value={props.strings}>{props.children}</StringsContext.Provider>
      </LocaleProvider>
    </FluentProvider>
  );
}
