import * as React from 'react';
import { FluentProvider, makeStyles, tokens, type Theme } from '@fluentui/react-components';
import { removeSharedDrafts } from './drafts';
import { LocaleProvider } from './locale';
import { StringsContext } from './strings';
import { loadTheme, themeFor, type ThemeKind } from './theme';

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
  const theme = useLoadedTheme(props.theme ?? 'light');
  // Dark and high contrast load in their own chunk: until then the previous look stays, or, on a first
  // view in such a look, nothing is drawn (rather than a flash of the light theme).
  if (!theme) return <></>;
  return (
    <FluentProvider theme={theme} className={styles.root} lang={locale}>
      <LocaleProvider locale={locale}>
        <StringsContext.Provider value={props.strings}>{props.children}</StringsContext.Provider>
      </LocaleProvider>
    </FluentProvider>
  );
}

/** The theme for a look: at once when it is loaded, else the one shown before until it is. */
function useLoadedTheme(kind: ThemeKind): Theme | undefined {
  const [, setLoaded] = React.useState(0);
  const shown = React.useRef<Theme | undefined>(undefined);
  const wanted = themeFor(kind);
  if (wanted) shown.current = wanted;
  React.useEffect(() => {
    if (themeFor(kind)) return undefined;
    let live = true;
    loadTheme(kind).then(
      () => live && setLoaded((n) => n + 1),
      () => {
        // Without the chunk the web part still works, in the light look.
        if (!live) return;
        shown.current = shown.current ?? themeFor('light');
        setLoaded((n) => n + 1);
      },
    );
    return () => {
      live = false;
    };
  }, [kind]);
  return shown.current;
}
