import * as React from 'react';
import {
  type IPropertyPaneConfiguration,
  type IPropertyPaneDropdownOption,
  PropertyPaneDropdown,
} from '@microsoft/sp-property-pane';
import * as strings from 'MpkStrings';
import type { IUnitItem } from '../../data/repositories/types';
import { PlanApp } from '../../ui/plan/PlanApp';
import { loadPlanView } from '../../data/views/planView';
import type { IViewLoaders } from '../../data/views/partViews';
import { MpkWebPartBase } from '../MpkWebPartBase';

/** Properties of "Ambitionsplan": on SharePoint (and a Teams tab configured through the pane) the unit. */
export interface IPlanWebPartProps {
  unitId?: number;
}

/** The query-string parameter of a SharePoint deep link to one initiative. */
const INITIATIVE_PARAM = 'mpkInitiative';
/** One of the unit's plans (an earlier period), kept in the address when the reader picks it. */
const PLAN_PARAM = 'mpkPlan';
/** The unit to show, when "Opfølgning" links to this page from its overview. */
const UNIT_PARAM = 'mpkUnit';

/** The unit's ambition plan: SharePoint web part, Teams channel tab and personal app. */
export default class PlanWebPart extends MpkWebPartBase<IPlanWebPartProps> {
  private unitOptions: IPropertyPaneDropdownOption[] | undefined;
  private units: IUnitItem[] = [];

  protected viewLoaders(): IViewLoaders {
    return { plan: loadPlanView };
  }

  protected renderApp(): React.ReactElement {
    const query = new URLSearchParams(window.location.search);
    const initiative = Number(query.get(INITIATIVE_PARAM));
    const linkedUnit = Number(query.get(UNIT_PARAM));
    const plan = Number(query.get(PLAN_PARAM));
    const teams = this.teams;
    return React.createElement(PlanApp, {
      host: this.host,
      unitId: (this.host === 'sharepoint' && linkedUnit > 0 ? linkedUnit : this.properties.unitId) || undefined,
      teams: teams && {
        channelId: teams.channelId,
        channelName: teams.channelName,
        teamId: teams.teamId,
        subPageId: teams.subPageId,
        entityId: teams.entityId,
        shareDeepLink: teams.shareDeepLink,
      },
      initiativeId: initiative > 0 ? initiative : undefined,
      planId: this.host === 'sharepoint' && plan > 0 ? plan : undefined,
      linkToInitiative: (id: number) => {
        const url = new URL(window.location.href);
        url.searchParams.set(INITIATIVE_PARAM, String(id));
        return url.toString();
      },
      // A SharePoint page, and a channel tab's configuration page: Teams' Save keeps the web part's
      // properties as the tab's configuration (UNCONFIRMED for a property set by code rather than by
      // the pane; if it is not kept, the tab still finds its unit through the Units list).
      onUnitChange:
        this.host === 'sharepoint' || teams?.configuring
          ? (unitId: number) => {
              this.properties.unitId = unitId;
              this.render();
            }
          : undefined,
    });
  }

  // Units are read when the editor opens the pane, never on the page's first view.
  protected onPropertyPaneConfigurationStart(): void {
    if (this.unitOptions) return;
    this.services.units.list().then(
      (units) => {
        this.units = units;
        this.unitOptions = units.map((unit) => ({ key: unit.id as number, text: unit.name }));
        this.context.propertyPane.refresh();
      },
      () => {
        this.unitOptions = [];
        this.context.propertyPane.refresh();
      },
    );
  }

  /**
   * In a channel tab this pane is the tab's configuration page: the unit picked here is the tab's
   * (SPFx keeps it per tab, so the first view knows it before anything is read), and the Units list
   * learns the channel → unit mapping too, so the chefgruppe sees which channel discusses which plan.
   */
  protected onPropertyPaneFieldChanged(propertyPath: string, oldValue: unknown, newValue: unknown): void {
    super.onPropertyPaneFieldChanged(propertyPath, oldValue, newValue);
    const teams = this.teams;
    const unit = this.units.find((u) => u.id === Number(newValue));
    if (propertyPath !== 'unitId' || !teams?.channelId || !unit || unit.teamsChannelId === teams.channelId) return;
    // Never taken from another channel here (the pane cannot ask first), and only for a unit this
    // person leads (or any, for the chefgruppe and site owners): the data layer refuses the rest.
    this.services.units
      .mapChannel(
        unit.id as number,
        { channelId: teams.channelId, channelName: teams.channelName, teamId: teams.teamId },
        { takeOver: false },
      )
      .then(
        (saved) => {
          this.units = this.units.map((u) => saved.find((s) => s.id === u.id) ?? u);
        },
        () => {
          // Someone who may not map this unit still configures the tab: it shows the unit from its
          // configuration; only the chefgruppe's overview lacks the channel until a leader maps it.
        },
      );
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
                PropertyPaneDropdown('unitId', {
                  label: strings.propertyPane.unitLabel,
                  options: this.unitOptions ?? [],
                  disabled: !this.unitOptions || this.unitOptions.length === 0,
                }),
              ],
            },
          ],
        },
      ],
    };
  }
}
