import * as React from 'react';
import { type IPropertyPaneConfiguration, PropertyPaneTextField } from '@microsoft/sp-property-pane';
import * as strings from 'MpkStrings';
import { FollowUpApp } from '../../ui/followUp/FollowUpApp';
import { loadFollowUpView } from '../../data/views/followUpView';
import type { IViewLoaders } from '../../data/views/partViews';
import { MpkWebPartBase } from '../MpkWebPartBase';

/** Properties of "Opfølgning": the page that shows a unit's plan, for click-through from the matrix. */
export interface IFollowUpWebPartProps {
  planPageUrl?: string;
}

/** The chefgruppe's follow-up: SharePoint web part and Teams personal app. */
export default class FollowUpWebPart extends MpkWebPartBase<IFollowUpWebPartProps> {
  protected viewLoaders(): IViewLoaders {
    return { followUp: loadFollowUpView };
  }

  protected renderApp(): React.ReactElement {
    const planPage = this.properties.planPageUrl;
    return React.createElement(FollowUpApp, {
      host: this.host === 'sharepoint' ? 'sharepoint' : 'teams-personal',
      subPageId: this.teams?.subPageId,
      planUrl: planPage ? (unitId: number) => withUnit(planPage, unitId) : undefined,
    });
  }

  protected getPropertyPaneConfiguration(): IPropertyPaneConfiguration {
    return {
      pages: [
        {
          header: { description: strings.propertyPane.description },
          groups: [
            {
              groupName: strings.propertyPane.settingsGroup,
              groupFields: [
                PropertyPaneTextField('planPageUrl', {
                  label: strings.propertyPane.planPageLabel,
                  description: strings.propertyPane.planPageHelp,
                  onGetErrorMessage: (value: string) =>
                    !value || isPageUrl(value) ? '' : strings.propertyPane.planPageInvalid,
                }),
              ],
            },
          ],
        },
      ],
    };
  }
}

function isPageUrl(value: string): boolean {
  return /^(https:\/\/|\/)\S+$/i.test(value.trim());
}

function withUnit(pageUrl: string, unitId: number): string {
  const url = new URL(pageUrl, window.location.href);
  url.searchParams.set('mpkUnit', String(unitId));
  return url.toString();
}
