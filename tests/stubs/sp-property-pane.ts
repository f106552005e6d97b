// A stand-in for @microsoft/sp-property-pane: each field factory records what it was given.
export interface IPropertyPaneConfiguration {
  pages: unknown[];
}
const field = (type: string) => (targetProperty: string, properties: object) => ({ type, targetProperty, properties });
export const PropertyPaneTextField = field('TextField');
export const PropertyPaneToggle = field('Toggle');
export const PropertyPaneSlider = field('Slider');
export const PropertyPaneDropdown = field('Dropdown');
export const PropertyPaneCheckbox = field('Checkbox');
export const PropertyPaneLabel = field('Label');
export type IPropertyPaneField<T> = { type: string; targetProperty: string; properties: T };
