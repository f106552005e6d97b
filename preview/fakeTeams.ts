import type { ITeamsContextLike, ITeamsSdk } from '../src/teams/teamsHost';
import type { ThemeKind } from '../src/ui/shell/theme';

const TEAMS_THEME_NAMES: Record<ThemeKind, string> = { light: 'default', dark: 'dark', contrast: 'contrast' };

/** A stand-in for the Teams SDK instance SPFx hands a web part hosted in Teams. */
export interface IFakeTeams {
  sdk: ITeamsSdk;
  /** Switches the theme the way Teams does: the registered handler is told, nothing reloads. */
  setTheme(theme: ThemeKind): void;
}

/** Builds the stand-in for a channel tab (with a channel) or the personal app (without). */
export function createFakeTeams(options: {
  theme: ThemeKind;
  locale: string;
  channel?: { id: string; displayName: string };
  /** The channel's team (its Microsoft 365 group id: the unit's demo team in the local Graph). */
  team?: { groupId: string; displayName: string };
  subPageId?: string;
}): IFakeTeams {
  let current = options.theme;
  const handlers: Array<(theme: string) => void> = [];
  const sdk: ITeamsSdk = {
    app: {
      async getContext(): Promise<ITeamsContextLike> {
        return {
          app: { theme: TEAMS_THEME_NAMES[current], locale: options.locale.toLowerCase() },
          page: { id: 'mpk', subPageId: options.subPageId ?? '', frameContext: 'content' },
          channel: options.channel,
          team: options.channel
            ? (options.team ?? { groupId: 'preview-team', displayName: 'Ledergruppen' })
            : undefined,
        };
      },
      registerOnThemeChangeHandler(handler) {
        handlers.push(handler);
      },
    },
  };
  return {
    sdk,
    setTheme(theme) {
      current = theme;
      for (const handler of handlers) handler(TEAMS_THEME_NAMES[theme]);
    },
  };
}
