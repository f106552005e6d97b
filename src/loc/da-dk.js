define([], function () {
  return {
    editor: {
      toolbarLabel: "Formatering",
      bold: "Fed",
      italic: "Kursiv",
      bulletList: "Punktopstilling",
      numberedList: "Nummereret liste",
      link: "Link",
      linkAddress: "Linkadresse",
      insertLink: "Indsæt link",
      cancel: "Annuller"
    },
    common: {
      productName: "Mod på kerneopgaven",
      loading: "Indlæser …",
      loadFailed: "Indholdet kunne ikke hentes.",
      retry: "Prøv igen"
    },
    ambitions: {
      webPartTitle: "Ambitioner og hverdagshistorier",
      lead: "Chefgruppens fem ambitioner for udvikling af kerneopgave og organisation – og det, vi vil gøre for at nå dem.",
      commitmentsHeading: "Vi vil:",
      commitmentCount: "{count} forpligtelser",
      showCommitments: "Vis hvad vi vil",
      hideCommitments: "Skjul hvad vi vil",
      ambitionsListLabel: "De fem ambitioner"
    },
    plan: {
      webPartTitle: "Ambitionsplan",
      explanation: "Her samler ledergruppen enhedens ambitionsplan: hvor stærkt hver af de fem ambitioner gælder hos jer, hvad den betyder lokalt, de konkrete indsatser med status og dialogen om dem. Planen vises, når listerne er klargjort på sitet."
    },
    followUp: {
      webPartTitle: "Opfølgning",
      explanation: "Her får chefgruppen overblik over, hvor hver enhed står på hver ambition, opfølgningsopgaver med ansvarlig og frist, Mine opgaver og en statusrapport til direktionen og Kommunalbestyrelsen. Overblikket vises, når listerne er klargjort på sitet."
    },
    propertyPane: {
      description: "Indstillinger for webdelen",
      settingsGroup: "Visning",
      showAmbitionsLabel: "Vis de fem ambitioner",
      pageSizeLabel: "Historier pr. side",
      unitLabel: "Enhed"
    }
  };
});
