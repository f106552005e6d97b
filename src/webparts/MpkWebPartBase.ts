import * as React from 'react';
import * as ReactDom from 'react-dom';
import { Version } from '@microsoft/sp-core-library';
import { BaseClientSideWebPart } from '@microsoft/sp-webpart-base';
import { ThemeChangedEventArgs, ThemeProvider, type IReadonlyTheme } from '@microsoft/sp-component-base';
import * as strings from 'MpkStrings';
import { createLazyServicesWithViews } from '../data/lazyServices';
import { createSpfxSp } from '../data/spfx';
import type { IMpkServices } from '../data/repositories/types';
import { PartViewRepository, type IViewLoaders } from '../data/views/partViews';
import type { Host } from '../domain/host';
import { connectTeamsHost, type ITeamsHost, type ITeamsSdk } from '../teams/teamsHost';
import { MpkRoot } from '../ui/shell/MpkRoot';
import { ServicesContext } from '../ui/shell/services';
import { loadTheme, themeKindFromTeams, type ThemeKind } from '../ui/shell/theme';

/**
 * What the three web parts share: the services (PnPjs through SPFx, for the signed-in user), the
 * Teams host (when there is one), the theme (SharePoint's section variant or Teams' theme, followed
 * live), the strings, and mounting/unmounting React.
 */
export abstract class MpkWebPartBase<TProperties extends object> extends BaseClientSideWebPart<TProperties> {
  protected teams: ITeamsHost | undefined;
  protected services!: IMpkServices;
  private themeKind: ThemeKind = 'light';

  protected async onInit(): Promise<void> {
    await super.onInit();
    const page = this.context.pageContext;
    // The user id comes with the page (legacyPageContext), so the first view needs no extra request.
    const sp = createSpfxSp(this.context);
    const user = {
      id: page.legacyPageContext.userId as number,
      email: page.user.email,
      displayName: page.user.displayName,
    };
    const context = this.context;
    this.services = createLazyServicesWithViews(sp, user, new PartViewRepository(sp, user, this.viewLoaders()), {
      // Teams delivery ("Nyt til dig"): Microsoft Graph with SPFx's token, loaded on the first delivery.
      graph: () =>
        import(/* webpackChunkName: 'mpk-graph' */ '../data/notifications/spfxGraph').then((m) =>
          m.createSpfxGraph(context),
        ),
      texts: strings.teamsMessages,
    });
    const teamsJs = this.context.sdks.microsoftTeams?.teamsJs as ITeamsSdk | undefined;
    if (teamsJs) {
      this.teams = await connectTeamsHost(teamsJs);
      this.themeKind = themeKindFromTeams(this.teams.theme);
      this.teams.onThemeChange((theme) => {
        this.themeKind = themeKindFromTeams(theme);
        this.render();
      });
    } else {
      const themeProvider = this.context.serviceScope.consume(ThemeProvider.serviceKey);
      this.themeKind = themeKindOf(themeProvider.tryGetTheme());
      themeProvider.themeChangedEvent.add(this, (args: ThemeChangedEventArgs) => {
        this.themeKind = themeKindOf(args.theme);
        this.render();
      });
    }
    // A dark or high-contrast page loads its theme (a chunk) before the first render.
    await loadTheme(this.themeKind).catch(() => undefined);
  }

  /** The loader of this web part's first view (in its entry bundle; the other views load on demand). */
  protected abstract viewLoaders(): IViewLoaders;

  /** The web part's React tree, rendered inside the shared provider. */
  protected abstract renderApp(): React.ReactElement;

  /** Where this instance runs. */
  protected get host(): Host {
    if (!this.teams) return 'sharepoint';
    return this.teams.channelId ? 'teams-channel' : 'teams-personal';
  }

  public render(): void {
    const root = React.createElement(
      MpkRoot,
      { strings, theme: this.themeKind, locale: this.context.pageContext.cultureInfo.currentUICultureName },
      React.createElement(ServicesContext.Provider, { value: this.services }, this.renderApp()),
    );
    ReactDom.render(root, this.domElement);
  }

  protected onDispose(): void {
    ReactDom.unmountComponentAtNode(this.domElement);
  }

  protected get dataVersion(): Version {
    return Version.parse('1.0');
  }
}

function themeKindOf(theme: IReadonlyTheme | undefined): ThemeKind {
  return theme?.isInverted ? 'dark' : 'light';
}
