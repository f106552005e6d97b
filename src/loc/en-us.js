define([], function () {
  return {
    editor: {
      toolbarLabel: "Formatting",
      bold: "Bold",
      italic: "Italic",
      bulletList: "Bulleted list",
      numberedList: "Numbered list",
      link: "Link",
      linkAddress: "Link address",
      insertLink: "Insert link",
      cancel: "Cancel"
    },
    common: {
      productName: "Mod på kerneopgaven",
      loading: "Loading …",
      loadFailed: "The content could not be loaded.",
      retry: "Try again"
    },
    ambitions: {
      webPartTitle: "Ambitions and everyday stories",
      lead: "The chefgruppe's five ambitions for developing the core task and the organisation – and what we will do to reach them.",
      commitmentsHeading: "We will:",
      commitmentCount: "{count} commitments",
      showCommitments: "Show what we will do",
      hideCommitments: "Hide what we will do",
      ambitionsListLabel: "The five ambitions"
    },
    plan: {
      webPartTitle: "Ambition plan",
      explanation: "This is where the leader group keeps the unit's ambition plan: how strongly each of the five ambitions applies here, what it means locally, the concrete initiatives with their status and the dialogue about them. The plan appears once the lists have been prepared on the site."
    },
    followUp: {
      webPartTitle: "Follow-up",
      explanation: "This is where the chefgruppe sees where each unit stands on each ambition, follow-up tasks with owner and due date, My tasks and a status report for the direction and the municipal council. The overview appears once the lists have been prepared on the site."
    },
    propertyPane: {
      description: "Web part settings",
      settingsGroup: "Display",
      showAmbitionsLabel: "Show the five ambitions",
      pageSizeLabel: "Stories per page",
      unitLabel: "Unit"
    }
  };
});
