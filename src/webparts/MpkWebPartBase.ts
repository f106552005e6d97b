import * as React from 'react';
import * as ReactDom from 'react-dom';
import { Version } from '@microsoft/sp-core-library';
import { BaseClientSideWebPart } from '@microsoft/sp-webpart-base';
import { ThemeChangedEventArgs, ThemeProvider, type IReadonlyTheme } from '@microsoft/sp-component-base';
import * as strings from 'MpkStrings';
import { connectTeamsHost, type ITeamsHost, type ITeamsSdk } from '../teams/teamsHost';
import { MpkRoot } from '../ui/shell/MpkRoot';
import type { ThemeKind } from '../ui/shell/theme';

/**
 * What the three web parts share: the Teams host (when there is one), the theme (SharePoint's
 * section variant or Teams' theme, followed live), the strings, and mounting/unmounting React.
 */
export abstract class MpkWebPartBase<TProperties extends object> extends BaseClientSideWebPart<TProperties> {
  protected teams: ITeamsHost | undefined;
  private themeKind: ThemeKind = 'light';

  protected async onInit(): Promise<void> {
    await super.onInit();
    const teamsJs = this.context.sdks.microsoftTeams?.teamsJs as ITeamsSdk | undefined;
    if (teamsJs) {
      this.teams = await connectTeamsHost(teamsJs);
      this.themeKind = this.teams.theme;
      this.teams.onThemeChange((theme) => {
        this.themeKind = theme;
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
  }

  /** The web part's React tree, rendered inside the shared provider. */
  protected abstract renderApp(): React.ReactElement;

  public render(): void {
    const root = React.createElement(
      MpkRoot,
      { strings, theme: this.themeKind, locale: this.context.pageContext.cultureInfo.currentUICultureName },
      this.renderApp()
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
