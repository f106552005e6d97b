import * as React from 'react';
import { type IPropertyPaneConfiguration, PropertyPaneTextField } from '@microsoft/sp-property-pane';
import * as strings from 'MpkStrings';
import { PlanApp } from '../../ui/plan/PlanApp';
import { MpkWebPartBase } from '../MpkWebPartBase';

/** Properties of "Ambitionsplan": on SharePoint the unit comes from here. */
export interface IPlanWebPartProps {
  unitKey: string;
}

/** The unit's ambition plan: SharePoint web part, Teams channel tab and personal app. */
export default class PlanWebPart extends MpkWebPartBase<IPlanWebPartProps> {
  protected renderApp(): React.ReactElement {
    return React.createElement(PlanApp);
  }

  protected getPropertyPaneConfiguration(): IPropertyPaneConfiguration {
    return {
      pages: [
        {
          header: { description: strings.propertyPane.description },
          groups: [
            {
              groupName: strings.propertyPane.settingsGroup,
              groupFields: [PropertyPaneTextField('unitKey', { label: strings.propertyPane.unitLabel })],
            },
          ],
        },
      ],
    };
  }
}
