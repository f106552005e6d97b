/** Strings shared by the product's components, grouped by surface. */
declare interface IMpkCommonStrings {
  productName: string;
  loading: string;
  /** Shown when something failed to load; followed by the error text. */
  loadFailed: string;
  retry: string;
}

declare interface IMpkAmbitionsStrings {
  webPartTitle: string;
  /** One line under the title: what the five ambitions are. */
  lead: string;
  /** Heading above each ambition's commitments ("Vi vil:"). */
  commitmentsHeading: string;
  /** "{count} forpligtelser" — the number of commitments under an ambition. */
  commitmentCount: string;
  showCommitments: string;
  hideCommitments: string;
  /** Accessible label of the list of ambitions. */
  ambitionsListLabel: string;
}

declare interface IMpkPlanStrings {
  webPartTitle: string;
  /** Short Danish explanation of what the plan will hold (until the data layer lands). */
  explanation: string;
}

declare interface IMpkFollowUpStrings {
  webPartTitle: string;
  explanation: string;
}

declare interface IMpkPropertyPaneStrings {
  description: string;
  settingsGroup: string;
  showAmbitionsLabel: string;
  pageSizeLabel: string;
  unitLabel: string;
}

declare interface IMpkEditorStrings {
  toolbarLabel: string;
  bold: string;
  italic: string;
  bulletList: string;
  numberedList: string;
  link: string;
  linkAddress: string;
  insertLink: string;
  cancel: string;
}

declare interface IMpkStrings {
  editor: IMpkEditorStrings;
  common: IMpkCommonStrings;
  ambitions: IMpkAmbitionsStrings;
  plan: IMpkPlanStrings;
  followUp: IMpkFollowUpStrings;
  propertyPane: IMpkPropertyPaneStrings;
}

declare module 'MpkStrings' {
  const strings: IMpkStrings;
  export = strings;
}
