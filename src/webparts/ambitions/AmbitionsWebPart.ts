import * as React from 'react';
import {
  type IPropertyPaneConfiguration,
  type IPropertyPaneField,
  PropertyPaneCheckbox,
  PropertyPaneLabel,
  PropertyPaneSlider,
  PropertyPaneToggle,
} from '@microsoft/sp-property-pane';
import * as strings from 'MpkStrings';
import { AMBITIONS } from '../../domain/ambitions';
import type { IUnitItem } from '../../data/repositories/types';
import { AmbitionsApp } from '../../ui/ambitions/AmbitionsApp';
import { loadAmbitionsView } from '../../data/views/ambitionsView';
import type { IViewLoaders } from '../../data/views/partViews';
import { MpkWebPartBase } from '../MpkWebPartBase';
import { tickedKeys } from '../propertyFilters';

/** Properties an editor sets on "Ambitioner og hverdagshistorier". */
export interface IAmbitionsWebPartProps {
  showAmbitions: boolean;
  pageSize: number;
  /** Ticked ambitions by key (none ticked: all). */
  ambitionFilter?: Record<string, boolean>;
  /** Ticked units by id (none ticked: all). */
  unitFilter?: Record<string, boolean>;
}

/** Intranet web part: the five ambitions, the story feed and "Egne noter". */
export default class AmbitionsWebPart extends MpkWebPartBase<IAmbitionsWebPartProps> {
  private units: IUnitItem[] | undefined;
  private unitsFailed = false;

  protected viewLoaders(): IViewLoaders {
    return { ambitions: loadAmbitionsView };
  }

  protected renderApp(): React.ReactElement {
    return React.createElement(AmbitionsApp, {
      showAmbitions: this.properties.showAmbitions !== false,
      pageSize: this.properties.pageSize || 10,
      ambitionKeys: tickedKeys(this.properties.ambitionFilter),
      unitIds: tickedKeys(this.properties.unitFilter).map(Number),
    });
  }

  // The units are read when the editor opens the pane, never on the page's first view.
  protected onPropertyPaneConfigurationStart(): void {
    if (this.units || this.unitsFailed) return;
    this.services.units.list().then(
      (units) => {
        this.units = units;
        this.context.propertyPane.refresh();
      },
      () => {
        this.unitsFailed = true;
        this.context.propertyPane.refresh();
      },
    );
  }

  protected getPropertyPaneConfiguration(): IPropertyPaneConfiguration {
    const unitFields: IPropertyPaneField<unknown>[] = this.units
      ? this.units.map((unit) => PropertyPaneCheckbox(`unitFilter.${unit.id}`, { text: unit.name }))
      : [
          PropertyPaneLabel('unitsState', {
            text: this.unitsFailed ? strings.propertyPane.unitsUnavailable : strings.propertyPane.unitsLoading,
          }),
        ];
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
            {
              groupName: strings.propertyPane.ambitionsGroup,
              groupFields: [
                PropertyPaneLabel('ambitionHelp', { text: strings.propertyPane.filterHelp }),
                ...AMBITIONS.map((a) => PropertyPaneCheckbox(`ambitionFilter.${a.key}`, { text: a.title })),
              ],
            },
            {
              groupName: strings.propertyPane.unitsGroup,
              groupFields: [PropertyPaneLabel('unitHelp', { text: strings.propertyPane.filterHelp }), ...unitFields],
            },
          ],
        },
      ],
    };
  }
}
