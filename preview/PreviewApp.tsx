import * as React from 'react';
import {
  FluentProvider,
  Field,
  makeStyles,
  Select,
  Tab,
  TabList,
  Text,
  ToggleButton,
  tokens,
  webLightTheme,
} from '@fluentui/react-components';
import { AmbitionsApp } from '../src/ui/ambitions/AmbitionsApp';
import { FollowUpApp } from '../src/ui/followUp/FollowUpApp';
import { PlanApp } from '../src/ui/plan/PlanApp';
import { MpkRoot } from '../src/ui/shell/MpkRoot';
import type { Host } from '../src/domain/host';
import type { Locale } from '../src/domain/locale';
import { themeKindFromTeams, type ThemeKind } from '../src/ui/shell/theme';
import { connectTeamsHost, type ITeamsHost } from '../src/teams/teamsHost';
import { ServicesContext } from '../src/ui/shell/services';
import { createServices } from '../src/data/services';
import type { IMpkServices } from '../src/data/repositories/types';
import { createLocalGraph, createLocalSp } from '../localsp/client';
import { createFakeTeams, type IFakeTeams } from './fakeTeams';
import { previewChannelId, previewTeamId, type IPreviewPageContext } from './pageContext';
import { TeamsInbox } from './TeamsInbox';
import { CardPreview } from './CardPreview';
import { DEMO_ACCOUNTS, type IPreviewState, type PreviewPart, toSearch } from './previewState';

/** Props of {@link PreviewApp}. */
export interface IPreviewAppProps {
  initial: IPreviewState;
  context: IPreviewPageContext;
  stringsFor: (locale: Locale) => IMpkStrings;
  /** The strings of the Viva Connections card (their own file, as on SharePoint). */
  cardStringsFor: (locale: Locale) => IMpkCardStrings;
}

const useStyles = makeStyles({
  page: { minHeight: '100vh', display: 'flex', flexDirection: 'column' },
  toolbar: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'flex-end',
    gap: tokens.spacingHorizontalM,
    padding: tokens.spacingHorizontalM,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    backgroundColor: tokens.colorNeutralBackground3,
  },
  brand: { fontWeight: tokens.fontWeightSemibold, marginRight: tokens.spacingHorizontalL },
  tabs: { maxWidth: '100%', overflowX: 'auto' },
  canvas: {
    flexGrow: 1,
    padding: tokens.spacingHorizontalL,
    display: 'flex',
    alignItems: 'flex-start',
    gap: tokens.spacingHorizontalL,
  },
  frame: { maxWidth: '1200px', margin: '0 auto', flexGrow: 1, minWidth: 0 },
});

const PART_LABELS: Record<PreviewPart, string> = {
  ambitions: 'Ambitioner og hverdagshistorier',
  plan: 'Ambitionsplan',
  followup: 'Opfølgning',
  card: 'Viva Connections-kort',
};
const HOST_LABELS: Record<Host, string> = {
  sharepoint: 'SharePoint-side',
  'teams-channel': 'Teams-kanalfane',
  'teams-personal': 'Teams personlig app',
};
const THEME_LABELS: Record<ThemeKind, string> = { light: 'Lyst', dark: 'Mørkt', contrast: 'Høj kontrast' };

/** The local preview: a toolbar that plays SharePoint/Teams, and the real web part components below. */
export function PreviewApp(props: IPreviewAppProps): JSX.Element {
  const styles = useStyles();
  const [state, setState] = React.useState(props.initial);
  // The chosen person's Teams beside the web part (channel mentions, chats, activity from the local Graph).
  const [teamsOpen, setTeamsOpen] = React.useState(false);
  const { siteUrl, users, formDigestValue } = props.context;
  const { stringsFor } = props;
  const user = users.find((u) => u.email === state.user) ?? users[0];
  const sp = React.useMemo(() => {
    // The sign-in cookie SharePoint's pages have: `<img>` of a story picture sends it (no bearer header).
    document.cookie = `mpk-user=${encodeURIComponent(user.email)}; path=/; SameSite=Strict`;
    return createLocalSp(siteUrl, user.email, formDigestValue);
  }, [siteUrl, user.email, formDigestValue]);
  const services = React.useMemo<IMpkServices>(() => {
    // Teams delivery and "Egne noter" (the person's OneDrive) go to the local Graph beside the local
    // SharePoint, signed in as the same person.
    const graph = createLocalGraph(new URL(siteUrl).origin, user.email);
    return createServices(
      sp,
      { id: user.id, email: user.email, displayName: user.title },
      { graph: () => Promise.resolve(graph), texts: stringsFor(state.locale).teamsMessages },
    );
  }, [sp, siteUrl, user, state.locale, stringsFor]);

  const update = (change: Partial<IPreviewState>): void => {
    const next = { ...state, ...change };
    if (next.host === 'sharepoint' && next.theme === 'contrast') next.theme = 'light';
    window.history.replaceState(null, '', toSearch(next));
    setState(next);
  };

  return (
    <FluentProvider theme={webLightTheme} className={styles.page}>
      <header className={styles.toolbar} aria-label="Forhåndsvisning">
        <Text className={styles.brand}>Lokal forhåndsvisning</Text>
        <Field label="Bruger">
          <Select value={state.user} onChange={(_, d) => update({ user: d.value })}>
            {DEMO_ACCOUNTS.map((a) => (
              <option key={a.email} value={a.email}>
                {`${a.role} (${a.email})`}
              </option>
            ))}
          </Select>
        </Field>
        <Field label="Vært">
          <Select value={state.host} onChange={(_, d) => update({ host: d.value as Host })}>
            {(Object.keys(HOST_LABELS) as Host[]).map((h) => (
              <option key={h} value={h}>
                {HOST_LABELS[h]}
              </option>
            ))}
          </Select>
        </Field>
        <Field label="Tema">
          <Select value={state.theme} onChange={(_, d) => update({ theme: d.value as ThemeKind })}>
            {(Object.keys(THEME_LABELS) as ThemeKind[])
              .filter((t) => state.host !== 'sharepoint' || t !== 'contrast')
              .map((t) => (
                <option key={t} value={t}>
                  {THEME_LABELS[t]}
                </option>
              ))}
          </Select>
        </Field>
        <Field label="Sprog">
          <Select value={state.locale} onChange={(_, d) => update({ locale: d.value as Locale })}>
            <option value="da-DK">Dansk</option>
            <option value="en-US">English</option>
          </Select>
        </Field>
        <TabList
          className={styles.tabs}
          selectedValue={state.part}
          onTabSelect={(_, d) => update({ part: d.value as PreviewPart })}
        >
          {(Object.keys(PART_LABELS) as PreviewPart[]).map((p) => (
            <Tab key={p} value={p}>
              {PART_LABELS[p]}
            </Tab>
          ))}
        </TabList>
        <ToggleButton checked={teamsOpen} onClick={() => setTeamsOpen(!teamsOpen)}>
          Teams
        </ToggleButton>
      </header>
      <main className={styles.canvas}>
        <div className={styles.frame}>
          <ServicesContext.Provider value={services}>
            {state.part === 'card' ? (
              // The Viva Connections card: its own read and its own look (no web part shell around it).
              <CardPreview
                key={state.user}
                sp={sp}
                userId={user.id}
                userName={user.title}
                state={state}
                strings={props.cardStringsFor(state.locale)}
              />
            ) : state.host === 'sharepoint' ? (
              <MpkRoot strings={props.stringsFor(state.locale)} theme={state.theme} locale={state.locale}>
                <PartView key={state.user} state={state} />
              </MpkRoot>
            ) : (
              <TeamsHosted
                key={`${state.host}|${state.user}|${state.locale}|${state.unit ?? ''}`}
                state={state}
                strings={props.stringsFor(state.locale)}
              />
            )}
          </ServicesContext.Provider>
        </div>
        {teamsOpen && <TeamsInbox user={state.user} />}
      </main>
    </FluentProvider>
  );
}

/** The query string of the page, as SharePoint would hand it to a web part (deep links). */
function queryParam(name: string): string | undefined {
  return new URLSearchParams(window.location.search).get(name) ?? undefined;
}

function PartView(props: { state: IPreviewState; teams?: ITeamsHost }): JSX.Element {
  const { state, teams } = props;
  const unitId = state.unit ? Number(state.unit) : undefined;
  switch (state.part) {
    case 'plan': {
      const initiative = queryParam('mpkInitiative');
      // As PlanWebPart: on SharePoint a link's `mpkUnit` (from "Opfølgning", "Nyt til dig", the card) wins.
      const linkedUnit = Number(queryParam('mpkUnit'));
      return (
        <PlanApp
          host={state.host}
          // On SharePoint the property pane's unit; in a channel tab the unit of the tab's configuration
          // (SPFx keeps the pane's properties per tab); the personal app asks.
          unitId={
            state.host === 'sharepoint' && linkedUnit > 0
              ? linkedUnit
              : state.host !== 'teams-personal'
                ? unitId
                : undefined
          }
          teams={
            teams && {
              channelId: teams.channelId,
              channelName: teams.channelName,
              teamId: teams.teamId,
              subPageId: teams.subPageId,
            }
          }
          initiativeId={initiative ? Number(initiative) : undefined}
          linkToInitiative={(id) =>
            `${window.location.origin}/?part=plan${unitId ? `&unit=${unitId}` : ''}&mpkInitiative=${id}`
          }
        />
      );
    }
    case 'followup':
      return (
        <FollowUpApp
          host={state.host === 'sharepoint' ? 'sharepoint' : 'teams-personal'}
          subPageId={teams?.subPageId}
          planUrl={(id) => `${window.location.origin}/?part=plan&user=${encodeURIComponent(state.user)}&unit=${id}`}
        />
      );
    default:
      return <AmbitionsApp />;
  }
}

/**
 * A web part as Teams hosts it: the theme reaches it through the (stand-in) Teams SDK and its
 * theme-change handler, exactly the path `MpkWebPartBase` takes — switching theme never reloads.
 */
function TeamsHosted(props: { state: IPreviewState; strings: IMpkStrings }): JSX.Element {
  const { state } = props;
  const fake = React.useRef<IFakeTeams>();
  const [host, setHost] = React.useState<ITeamsHost | undefined>(undefined);
  const [theme, setTheme] = React.useState<ThemeKind | undefined>(undefined);

  React.useEffect(() => {
    const teams = createFakeTeams({
      theme: state.theme,
      locale: state.locale,
      channel:
        state.host === 'teams-channel'
          ? { id: previewChannelId(state.unit ? Number(state.unit) : undefined), displayName: 'Ledergruppen' }
          : undefined,
      team: state.unit ? { groupId: previewTeamId(Number(state.unit)), displayName: 'Ledergruppen' } : undefined,
      subPageId: queryParam('subEntityId'),
    });
    fake.current = teams;
    let active = true;
    connectTeamsHost(teams.sdk).then((connected) => {
      if (!active) return;
      setHost(connected);
      setTheme(themeKindFromTeams(connected.theme));
      connected.onThemeChange((next) => active && setTheme(themeKindFromTeams(next)));
    });
    return () => {
      active = false;
    };
    // The host is created once per mount; later theme switches go through the SDK handler below.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  React.useEffect(() => {
    fake.current?.setTheme(state.theme);
  }, [state.theme]);

  if (!theme || !host) return <Text>…</Text>;
  return (
    <MpkRoot strings={props.strings} theme={theme} locale={state.locale}>
      <PartView state={state} teams={host} />
    </MpkRoot>
  );
}
