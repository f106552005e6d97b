import type { ThemeKind } from '../ui/shell/theme';
import { themeKindFromTeams } from '../ui/shell/theme';

/** The part of the Teams SDK (`@microsoft/teams-js` v2 `app`) the product uses; SPFx hands it over. */
export interface ITeamsSdk {
  app: {
    getContext(): Promise<ITeamsContextLike>;
    registerOnThemeChangeHandler(handler: (theme: string) => void): void;
  };
}

/** The fields of the Teams context the product reads. */
export interface ITeamsContextLike {
  app: { theme?: string; locale?: string };
  page?: { id?: string; subPageId?: string; frameContext?: string };
  channel?: { id?: string; displayName?: string };
  team?: { groupId?: string; displayName?: string; internalId?: string };
}

/** What a web part needs to know about its Teams host. */
export interface ITeamsHost {
  theme: ThemeKind;
  locale?: string;
  /** Teams sub-entity (deep link target), e.g. an initiative id. */
  subPageId?: string;
  channelId?: string;
  channelName?: string;
  teamId?: string;
  /** Tells `onThemeChange` about every later theme switch, without a reload. */
  onThemeChange(handler: (theme: ThemeKind) => void): void;
}

/** Reads the host context from the SDK instance SPFx provides (`context.sdks.microsoftTeams.teamsJs`). */
export async function connectTeamsHost(sdk: ITeamsSdk): Promise<ITeamsHost> {
  const context = await sdk.app.getContext();
  return {
    theme: themeKindFromTeams(context.app.theme),
    locale: context.app.locale,
    subPageId: context.page?.subPageId || undefined,
    channelId: context.channel?.id,
    channelName: context.channel?.displayName,
    teamId: context.team?.groupId,
    onThemeChange(handler) {
      sdk.app.registerOnThemeChangeHandler((theme) => handler(themeKindFromTeams(theme)));
    },
  };
}
