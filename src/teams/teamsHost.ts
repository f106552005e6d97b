import type { app, ShareDeepLinkParameters } from '@microsoft/teams-js';

// The Teams adapter knows only teams-js (its types: SPFx hands over the SDK instance, nothing is
// bundled): it passes on Teams' own names, and the UI maps them (`themeKindFromTeams` in
// src/ui/shell/theme.ts). tests/teams/layers.test.ts keeps src/teams away from src/ui and src/data.

/** Teams' name for its theme: `default`, `dark` or `contrast`. */
export type TeamsThemeName = app.AppInfo['theme'];

/** The part of the Teams SDK (`@microsoft/teams-js` v2 `app`) the product uses; SPFx hands it over. */
export interface ITeamsSdk {
  app: {
    getContext(): Promise<ITeamsContextLike>;
    registerOnThemeChangeHandler(handler: (theme: TeamsThemeName) => void): void;
  };
  /** `pages` of teams-js v2; optional because older hosts (and the preview's stand-in) may lack it. */
  pages?: {
    /** Opens Teams' own "copy link" dialog for a deep link to this tab's sub-entity. */
    shareDeepLink?(parameters: ShareDeepLinkParameters): void;
  };
}

/** The fields of the Teams context the product reads. */
export interface ITeamsContextLike {
  app: Partial<Pick<app.AppInfo, 'theme' | 'locale'>>;
  /** `frameContext` as the string it is on the wire (teams-js types it as the enum `FrameContexts`). */
  page?: Partial<Pick<app.PageInfo, 'id' | 'subPageId'>> & { frameContext?: string };
  channel?: Partial<Pick<app.ChannelInfo, 'id' | 'displayName'>>;
  team?: Partial<Pick<app.TeamInfo, 'groupId' | 'displayName' | 'internalId'>>;
}

/** What a web part needs to know about its Teams host. */
export interface ITeamsHost {
  /** Teams' own theme name; the UI maps it to its look (`themeKindFromTeams`). */
  theme: TeamsThemeName | undefined;
  locale?: string;
  /** Teams sub-entity (deep link target), e.g. an initiative id. */
  subPageId?: string;
  channelId?: string;
  channelName?: string;
  teamId?: string;
  /** The tab's entity id (`page.id`), the path segment of a deep link to this tab. */
  entityId?: string;
  /** True on a channel tab's configuration page (`page.frameContext` "settings"), where the tab is set up. */
  configuring?: boolean;
  /** Present when the host can share a deep link to a sub-entity itself (`pages.shareDeepLink`). */
  shareDeepLink?(subPageId: string, label: string): void;
  /** Tells `onThemeChange` about every later theme switch, without a reload. */
  onThemeChange(handler: (theme: TeamsThemeName) => void): void;
}

/** Reads the host context from the SDK instance SPFx provides (`context.sdks.microsoftTeams.teamsJs`). */
export async function connectTeamsHost(sdk: ITeamsSdk): Promise<ITeamsHost> {
  const context = await sdk.app.getContext();
  return {
    theme: context.app.theme,
    locale: context.app.locale,
    subPageId: context.page?.subPageId || undefined,
    channelId: context.channel?.id,
    channelName: context.channel?.displayName,
    teamId: context.team?.groupId,
    entityId: context.page?.id || undefined,
    configuring: context.page?.frameContext === 'settings',
    shareDeepLink: sdk.pages?.shareDeepLink
      ? (subPageId, label) => sdk.pages?.shareDeepLink?.({ subPageId, subPageLabel: label })
      : undefined,
    onThemeChange(handler) {
      sdk.app.registerOnThemeChangeHandler(handler);
    },
  };
}
