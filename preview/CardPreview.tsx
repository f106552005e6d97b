import * as React from 'react';
import {
  Button,
  Dialog,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  FluentProvider,
  makeStyles,
  Text,
  tokens,
  webDarkTheme,
  webLightTheme,
  teamsHighContrastTheme,
} from '@fluentui/react-components';
import type { SPFI } from '@pnp/sp';
import {
  cardViewConfiguration,
  quickViewData,
  quickViewTemplate,
  type CardHost,
  type ICardContext,
  type IMineOpgaverState,
} from '../src/adaptiveCardExtensions/mineOpgaver/cards';
import { loadMyWork } from '../src/data/notifications/myWork';
import type { Locale } from '../src/domain/locale';
import type { ThemeKind } from '../src/ui/shell/theme';
import { cardProblems, cardViewAsAdaptiveCard, expandCard, renderCard, type CardJson } from './adaptiveCards';
import { CARD_FONT_FAMILY, CARD_PALETTES, cardHostConfig, type ICardPalette } from './cardHostConfig';
import type { IPreviewState } from './previewState';

/** Props of {@link CardPreview}. */
export interface ICardPreviewProps {
  /** The local SharePoint, signed in as the chosen person. */
  sp: SPFI;
  userId: number;
  userName: string;
  state: IPreviewState;
  strings: IMpkCardStrings;
}

const FLUENT_THEMES = { light: webLightTheme, dark: webDarkTheme, contrast: teamsHighContrastTheme };

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalM },
  intro: { maxWidth: '60ch' },
  dashboard: {
    padding: tokens.spacingHorizontalXL,
    borderRadius: tokens.borderRadiusLarge,
    '@media (max-width: 480px)': { padding: tokens.spacingHorizontalS },
  },
  card: {
    width: '300px',
    minHeight: '170px',
    boxSizing: 'border-box',
    borderRadius: '8px',
    overflow: 'hidden',
    '@media (max-width: 480px)': { width: '100%' },
  },
  problems: { color: tokens.colorPaletteRedForeground1, fontWeight: tokens.fontWeightSemibold },
  surface: { maxWidth: '480px', padding: 0, overflow: 'hidden' },
  dialogBody: { padding: tokens.spacingHorizontalL, rowGap: 0 },
  note: {
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalXS,
    marginTop: tokens.spacingVerticalM,
  },
  link: { fontSize: tokens.fontSizeBase200, overflowWrap: 'anywhere' },
});

/** The CSS the Adaptive Cards renderer leaves to the host: buttons, the focus ring, selectable lines. */
function cardCss(scope: string, p: ICardPalette): string {
  return `
${scope} [data-mpk="card"] .ac-adaptiveCard { border: 1px solid ${p.border}; border-radius: 8px; min-height: inherit; box-sizing: border-box; }
${scope} .ac-adaptiveCard:focus { outline: none; }
${scope} .ac-pushButton { font-family: ${CARD_FONT_FAMILY}; font-size: 14px; font-weight: 600; min-height: 32px;
  padding: 5px 12px; border-radius: 4px; border: 1px solid ${p.buttonBorder}; background: ${p.buttonBackground};
  color: ${p.buttonForeground}; cursor: pointer; overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
${scope} .ac-pushButton:hover { background: ${p.buttonHover}; ${p.page === '#000000' ? 'color: #000000;' : ''} }
${scope} .ac-pushButton:focus-visible, ${scope} .ac-selectable:focus-visible { outline: 2px solid ${p.focus}; outline-offset: 2px; }
${scope} .ac-selectable { cursor: pointer; border-radius: 4px; padding: 4px; }
${scope} .ac-selectable:hover { background: ${p.buttonHover}; }
${scope} .ac-selectable:hover * { ${p.page === '#000000' ? 'color: #000000 !important;' : ''} }
`;
}

/** Draws a card with the Adaptive Cards renderer into a div (again only when the card itself changes). */
function AdaptiveCardView(props: {
  json: CardJson;
  theme: ThemeKind;
  onOpenUrl: (url: string) => void;
  onSubmit?: (data: unknown) => void;
  className?: string;
  label: string;
}): JSX.Element {
  const ref = React.useRef<HTMLDivElement>(null);
  const handlers = React.useRef(props);
  handlers.current = props;
  const { json, theme } = props;
  React.useEffect(() => {
    const host = ref.current;
    if (!host) return;
    const element = renderCard(
      json,
      cardHostConfig(theme),
      (url) => handlers.current.onOpenUrl(url),
      (data) => handlers.current.onSubmit?.(data),
    );
    host.replaceChildren(...(element ? [element] : []));
    // The renderer makes the card's root a focus stop; on a dashboard only its button and lines are.
    if (element) {
      element.removeAttribute('tabindex');
      element.removeAttribute('role');
      element.removeAttribute('aria-label');
    }
  }, [json, theme]);
  return <div ref={ref} className={props.className} role="group" aria-label={props.label} data-mpk="adaptive-card" />;
}

/** Where the card pretends to run: Teams (its tabs) or the SharePoint dashboard in a browser. */
function cardHostOfPreview(state: IPreviewState): CardHost {
  return state.host === 'sharepoint' ? 'browser' : 'teams';
}

/**
 * A link inside the preview: the `pageUrls` the preview writes point at its own parts; the link keeps the chosen
 * person, theme and language, as the intranet page would open for the signed-in person.
 */
function previewLink(url: string, state: IPreviewState): string {
  const target = new URL(url, window.location.href);
  if (target.origin !== window.location.origin) return target.toString();
  if (!target.searchParams.has('user')) target.searchParams.set('user', state.user);
  if (state.theme !== 'light' && !target.searchParams.has('theme')) target.searchParams.set('theme', state.theme);
  if (state.locale !== 'da-DK' && !target.searchParams.has('locale')) target.searchParams.set('locale', state.locale);
  return target.toString();
}

/**
 * The Viva Connections card "Mine opgaver" as the chosen person sees it: the REAL read (`loadMyWork`, one `$batch`
 * to the local SharePoint) and the REAL builders (`cards.ts`), drawn with the Adaptive Cards renderer — the medium
 * card (the card view as an Adaptive Card) and, behind its button, the quick view in a dialog.
 */
export function CardPreview(props: ICardPreviewProps): JSX.Element {
  const styles = useStyles();
  const { sp, userId, state, strings } = props;
  const [cardState, setCardState] = React.useState<IMineOpgaverState>({ status: 'loading' });
  const [open, setOpen] = React.useState(false);
  const [teamsLink, setTeamsLink] = React.useState<string>();
  const cardRef = React.useRef<HTMLDivElement>(null);
  const theme: ThemeKind = state.host === 'sharepoint' && state.theme === 'contrast' ? 'light' : state.theme;
  const palette = CARD_PALETTES[theme];
  const host = cardHostOfPreview(state);

  React.useEffect(() => {
    let live = true;
    setCardState({ status: 'loading' });
    loadMyWork(sp, userId, new Date()).then(
      ({ work, pages }) => live && setCardState({ status: 'ready', work, pages }),
      () => live && setCardState({ status: 'failed' }),
    );
    return () => {
      live = false;
    };
  }, [sp, userId]);

  const context = React.useMemo<ICardContext>(
    () => ({ strings, locale: state.locale as Locale, host }),
    [strings, state.locale, host],
  );
  const card = React.useMemo(
    () => cardViewAsAdaptiveCard(cardViewConfiguration(cardState, context)),
    [cardState, context],
  );
  const quickView = React.useMemo(
    () => expandCard(quickViewTemplate(), quickViewData(cardState, context)),
    [cardState, context],
  );
  const problems = React.useMemo(
    () => [
      ...cardProblems(card).map((p) => `Kortet: ${p}`),
      ...cardProblems(quickView).map((p) => `Hurtigvisningen: ${p}`),
    ],
    [card, quickView],
  );

  const openUrl = (url: string): void => {
    if (host === 'teams' && url.startsWith('https://teams.microsoft.com/')) {
      // Teams opens its own tab; the preview cannot, so it says where the line goes.
      setTeamsLink(url);
      return;
    }
    window.location.assign(previewLink(url, state));
  };

  const close = (): void => {
    setOpen(false);
    setTeamsLink(undefined);
    // Back to the button that opened the quick view (drawn by the renderer, outside React's focus handling).
    window.setTimeout(() => cardRef.current?.querySelector<HTMLElement>('.ac-pushButton')?.focus(), 0);
  };

  const scope = `[data-mpk-card-theme="${theme}"]`;
  return (
    <section className={styles.root} aria-labelledby="mpk-card-preview-heading">
      <style>{cardCss(scope, palette)}</style>
      <h2 id="mpk-card-preview-heading">Viva Connections-kort »{strings.title}«</h2>
      <Text className={styles.intro}>
        {`Kortet som ${props.userName} ser det på Viva Connections-dashboardet (${
          host === 'teams' ? 'i Teams, også på telefonen' : 'på intranettet i en browser'
        }). Knappen åbner hurtigvisningen med op til 10 linjer, det mest presserende først.`}
      </Text>
      {problems.length > 0 && (
        <ul className={styles.problems} role="alert" data-mpk="card-problems">
          {problems.map((p) => (
            <li key={p}>{p}</li>
          ))}
        </ul>
      )}
      <FluentProvider theme={FLUENT_THEMES[theme]}>
        <div
          className={styles.dashboard}
          style={{ backgroundColor: palette.page }}
          data-mpk-card-theme={theme}
          data-mpk="card-dashboard"
        >
          <div ref={cardRef} data-status={cardState.status} data-mpk="card">
            <AdaptiveCardView
              json={card}
              theme={theme}
              className={styles.card}
              label={strings.title}
              onOpenUrl={openUrl}
              onSubmit={() => setOpen(true)}
            />
          </div>
        </div>
        <Dialog open={open} onOpenChange={(_, data) => !data.open && close()}>
          <DialogSurface
            className={styles.surface}
            style={{ backgroundColor: palette.background, color: palette.foreground }}
            data-mpk-card-theme={theme}
            aria-label={strings.title}
          >
            <DialogBody className={styles.dialogBody}>
              <DialogTitle
                as="h2"
                style={{ fontSize: '14px', color: palette.foreground }}
                action={
                  <Button appearance="subtle" onClick={close} style={{ color: palette.foreground }}>
                    {state.locale === 'en-US' ? 'Close' : 'Luk'}
                  </Button>
                }
              >
                {strings.title}
              </DialogTitle>
              <DialogContent>
                <AdaptiveCardView json={quickView} theme={theme} label={strings.quickViewTitle} onOpenUrl={openUrl} />
                {teamsLink && (
                  <div role="status" className={styles.note} data-mpk="teams-link">
                    <Text>
                      Åbner i Teams: i Teams åbner linjen appens fane på netop den opgave eller indsats.
                      Forhåndsvisningen kan ikke åbne Teams, så her er linket:
                    </Text>
                    <code className={styles.link}>{teamsLink}</code>
                  </div>
                )}
              </DialogContent>
            </DialogBody>
          </DialogSurface>
        </Dialog>
      </FluentProvider>
    </section>
  );
}
