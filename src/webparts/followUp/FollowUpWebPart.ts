import * as React from 'react';
import type { IPropertyPaneConfiguration } from '@microsoft/sp-property-pane';
import * as strings from 'MpkStrings';
import { FollowUpApp } from '../../ui/followUp/FollowUpApp';
import { MpkWebPartBase } from '../MpkWebPartBase';

/** "Opfølgning" has no editor settings yet. */
export type IFollowUpWebPartProps = Record<string, never>;

/** The chefgruppe's follow-up: SharePoint web part and Teams personal app. */
export default class FollowUpWebPart extends MpkWebPartBase<IFollowUpWebPartProps> {
  protected renderApp(): React.ReactElement {
    return React.createElement(FollowUpApp);
  }

  protected getPropertyPaneConfiguration(): IPropertyPaneConfiguration {
    return { pages: [{ header: { description: strings.propertyPane.description }, groups: [] }] };
  }
}
