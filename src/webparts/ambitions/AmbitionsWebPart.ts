import * as React from 'react';
import { type IPropertyPaneConfiguration, PropertyPaneSlider, PropertyPaneToggle } from '@microsoft/sp-property-pane';
import * as strings from 'MpkStrings';
import { AmbitionsApp } from '../../ui/ambitions/AmbitionsApp';
import { MpkWebPartBase } from '../MpkWebPartBase';

/** Properties an editor sets on "Ambitioner og hverdagshistorier". */
export interface IAmbitionsWebPartProps {
  showAmbitions: boolean;
  pageSize: number;
}

/** Intranet web part: the five ambitions, the story feed and "Egne noter". */
export default class AmbitionsWebPart extends MpkWebPartBase<IAmbitionsWebPartProps> {
  protected renderApp(): React.ReactElement {
    return React.createElement(AmbitionsApp, { showAmbitions: this.properties.showAmbitions });
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
                PropertyPaneToggle('showAmbitions', { label: strings.propertyPane.showAmbitionsLabel }),
                PropertyPaneSlider('pageSize', { label: strings.propertyPane.pageSizeLabel, min: 5, max: 50, step: 5 }),
              ],
            },
          ],
        },
      ],
    };
  }
}
