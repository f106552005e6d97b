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
  /** Prefix of the counts when they are a lower bound ("Mindst "). */
  countsAtLeast: string;
  planCountOne: string;
  planCountOther: string;
  initiativeCountOne: string;
  initiativeCountOther: string;
  storyCountOne: string;
  storyCountOther: string;
  notProvisionedNote: string;
  /** "Hos <enhed>" on an opened ambition: what the reader's unit wrote it means ({unit}). */
  unitHeading: string;
  unitRelevance: string;
  unitMeaningMissing: string;
  unitNoPlan: string;
  unitPlanLink: string;
  unitChooseIntro: string;
  unitChooseLabel: string;
  unitChooseEmpty: string;
  unitChange: string;
  unitLoading: string;
  unitLoadFailed: string;
}

declare interface IMpkPlanStrings {
  webPartTitle: string;
  /** What the plan holds; shown before the lists exist. */
  explanation: string;
  /** "Ambitionsplan – {unit}". */
  titleWithUnit: string;
  loading: string;
  loadFailedTitle: string;
  /** For readers who are not site owners, before the lists exist. */
  notProvisionedNote: string;
  unit: IMpkPlanUnitStrings;
  header: IMpkPlanHeaderStrings;
  create: IMpkPlanCreateStrings;
  focus: IMpkPlanFocusStrings;
  ambition: IMpkPlanAmbitionStrings;
  overview: IMpkPlanOverviewStrings;
  initiative: IMpkPlanInitiativeStrings;
  checkIn: IMpkPlanCheckInStrings;
  comments: IMpkPlanCommentStrings;
  share: IMpkPlanShareStrings;
  people: IMpkPlanPeopleStrings;
}

/** Choosing the unit: channel set-up, personal app, SharePoint without a unit. */
declare interface IMpkPlanUnitStrings {
  pickerLabel: string;
  pickerPlaceholder: string;
  pickerRequired: string;
  cancel: string;
  noUnits: string;
  show: string;
  /** "Viser nu planen for {unit}." */
  chosen: string;
  channelSetupTitle: string;
  /** "{channel}" is the Teams channel's name. */
  channelSetupExplanation: string;
  thisChannel: string;
  channelSetupSave: string;
  channelNotMappedNote: string;
  /** "{unit}" is mapped to "{channel}" today. */
  channelAlreadyMapped: string;
  /** Asked before a unit mapped to another channel is moved to this one. */
  takeOverQuestion: string;
  takeOverConfirm: string;
  /** Under a leader's channel picker: why only some units are offered. */
  onlyOwnUnits: string;
  channelSaved: string;
  channelMappingNotSaved: string;
  personalTitle: string;
  personalExplanation: string;
  sharePointMissingTitle: string;
  sharePointMissingNote: string;
  sharePointOwnerPick: string;
  unknownUnitTitle: string;
  unknownUnit: string;
  /** A channel tab set up for a unit that no longer exists, told to someone who cannot choose another. */
  unknownUnitReader: string;
}

declare interface IMpkPlanCloseDialogStrings {
  /** "Afslut planen for {period}?" */
  title: string;
  body: string;
  confirm: string;
  cancel: string;
}

declare interface IMpkPlanHeaderStrings {
  period: string;
  status: string;
  owner: string;
  noOwner: string;
  channel: string;
  /** The plan's status changes, named for what they do ("Godkend planen", "Afslut planen …"). */
  actions: Record<import('../domain/workflow').PlanAction, string>;
  /** The confirmation before a plan is closed. */
  closeDialog: IMpkPlanCloseDialogStrings;
  statusChanged: string;
  statusFailed: string;
  unknownStatus: string;
  changeOwner: string;
  ownerField: string;
  ownerHint: string;
  saveOwner: string;
  ownerChanged: string;
  ownerFailed: string;
  cancel: string;
  changeUnit: string;
  readOnlyNote: string;
  /** A closed plan, to someone who may reopen it. */
  closedNote: string;
  /** A closed plan, to someone who may not reopen it. */
  closedNoteReader: string;
  focusLockedNote: string;
  /** Label of the picker of the unit's plans. */
  planSwitch: string;
  /** "{period} – {status}". */
  planOption: string;
  /** "{period} – {status} (aktuel plan)". */
  planOptionCurrent: string;
  planNoPeriod: string;
  /** "Du ser planen for {period}, …" when the shown plan is not the current one. */
  otherPlanNote: string;
  /** Announced once another plan is shown: "Planen for {period} vises." */
  planShown: string;
}

declare interface IMpkPlanCreateStrings {
  noPlanTitle: string;
  noPlanReader: string;
  intro: string;
  period: string;
  periodHint: string;
  draftRestored: string;
  submit: string;
  saving: string;
  created: string;
  failed: string;
}

declare interface IMpkPlanFocusStrings {
  relevance: string;
  relevanceNotSet: string;
  chooseRelevance: string;
  localMeaning: string;
  localMeaningHint: string;
  localMeaningEmpty: string;
  edit: string;
  /** Accessible name of the edit button: "… for »{ambition}«". */
  editFor: string;
  formTitle: string;
  draftRestored: string;
  save: string;
  saving: string;
  cancel: string;
  saved: string;
  failed: string;
}

declare interface IMpkPlanAmbitionStrings {
  /** "Indsatser ({count})". */
  initiativesHeading: string;
  listLabel: string;
  noInitiatives: string;
  addInitiative: string;
  addInitiativeFor: string;
  orphansTitle: string;
  orphansNote: string;
}

/** "Planen på et øjeblik": one row per ambition at the top of the plan (counts use `plural`). */
declare interface IMpkPlanOverviewStrings {
  heading: string;
  /** "Relevans: {relevance}". */
  relevance: string;
  relevanceNotSet: string;
  initiatives: string;
  initiativesOne: string;
  noInitiatives: string;
  /** "{count} afsluttet eller stoppet". */
  ended: string;
  /** The health counts' label for screen readers ("Vurderinger"). */
  healthLabel: string;
  /** "{health}: {count}". */
  healthCount: string;
  /** Under way, without a (known) assessment: "Uden vurdering: {count}". */
  noAssessment: string;
  /** "Seneste statusmelding {date}". */
  latestCheckIn: string;
  noCheckIn: string;
  attention: string;
  /** "{count} indsatser uden statusmelding i {days} dage". */
  silent: string;
  silentOne: string;
  red: string;
  redOne: string;
  yellow: string;
  yellowOne: string;
  nothingToNote: string;
}

/** Form labels of an initiative's fields (also used when two people changed the same field). */
declare interface IMpkPlanInitiativeFieldStrings {
  title: string;
  description: string;
  ambitionKey: string;
  commitmentKey: string;
  politicalPriorityId: string;
  ownerId: string;
  status: string;
  stopReason: string;
  startDate: string;
  endDate: string;
  successMeasure: string;
  existingInitiativeUrl: string;
}

declare interface IMpkPlanInitiativeStrings {
  fields: IMpkPlanInitiativeFieldStrings;
  untitled: string;
  noCommitment: string;
  noPriority: string;
  retiredPriority: string;
  noOwner: string;
  ownerMe: string;
  urlHint: string;
  newTitle: string;
  editTitle: string;
  draftRestored: string;
  save: string;
  saving: string;
  cancel: string;
  created: string;
  saved: string;
  failed: string;
  edit: string;
  stop: string;
  stopTitle: string;
  stopExplanation: string;
  stopConfirm: string;
  stopped: string;
  resume: string;
  resumed: string;
  stopReasonLabel: string;
  noStopReason: string;
  showDetails: string;
  hideDetails: string;
  /** The progress bar's accessible name: "Fremdrift for »{title}«". */
  progressFor: string;
  /** "{progress} %". */
  progressValue: string;
  commitment: string;
  priority: string;
  owner: string;
  period: string;
  dates: string;
  from: string;
  until: string;
  successMeasure: string;
  existing: string;
  noCheckIn: string;
  /** "Seneste status {date}: {progress} %". */
  latest: string;
  commentCount: string;
  commentCountOne: string;
  linked: string;
  notFound: string;
  unknownValue: string;
}

/** Shape names that tell health without colour. */
declare interface IMpkPlanHealthShapeStrings {
  green: string;
  yellow: string;
  red: string;
}

declare interface IMpkPlanCheckInStrings {
  heading: string;
  formTitle: string;
  health: string;
  progress: string;
  progressValue: string;
  comment: string;
  date: string;
  draftRestored: string;
  /** Under the form's title when health and progress come from the last check-in; `{date}`. */
  prefilled: string;
  submit: string;
  saving: string;
  saved: string;
  /** The visible confirmation by the list; `{date}` is the check-in's. */
  savedOn: string;
  failed: string;
  history: string;
  none: string;
  chartTitle: string;
  chartSummary: string;
  chartPoint: string;
  chartLoading: string;
  legend: string;
  legendItem: string;
  shapes: IMpkPlanHealthShapeStrings;
}

declare interface IMpkPlanCommentStrings {
  heading: string;
  loading: string;
  loadFailed: string;
  none: string;
  threadLabel: string;
  byline: string;
  label: string;
  draftRestored: string;
  submit: string;
  saving: string;
  saved: string;
  failed: string;
}

declare interface IMpkPlanShareStrings {
  button: string;
  title: string;
  explanation: string;
  explanationSharePoint: string;
  linkLabel: string;
  copy: string;
  copied: string;
  copyFailed: string;
  teams: string;
  close: string;
}

declare interface IMpkPlanPeopleStrings {
  /** "{name} (dig)". */
  me: string;
  you: string;
  leader: string;
  user: string;
  unknown: string;
}

/** Opfølgning: tabs. */
declare interface IMpkFollowUpTabsStrings {
  label: string;
  overview: string;
  tasks: string;
  mine: string;
  report: string;
  measurements: string;
}

/** Opfølgning: people. */
declare interface IMpkFollowUpPeopleStrings {
  leaderOf: string;
  me: string;
  unknown: string;
}

/** Opfølgning: task. */
declare interface IMpkFollowUpTaskStrings {
  due: string;
  noDueDate: string;
  overdue: string;
  assignee: string;
  noAssignee: string;
  status: string;
  meeting: string;
  aboutAmbition: string;
  aboutInitiative: string;
  initiativeNumber: string;
  unknownUnit: string;
}

/** Opfølgning: overview. */
declare interface IMpkFollowUpOverviewStrings {
  keyFigures: string;
  initiativesByStatus: string;
  tasksByStatus: string;
  overdueCount: string;
  /** The key figure of units without a current plan, its group's heading, and what pressing it does. */
  plansHeading: string;
  withoutPlan: string;
  /** "{label}: {count} – vis kun dem i tabellen" (a toggle button; pressed while only they are shown). */
  showWithoutPlan: string;
  /** "{label}: {count} – vis opgaverne" (a task figure opens the tasks, filtered). */
  showTasks: string;
  /** Over the matrix while only units without a plan are shown ({count}), and the way back. */
  withoutPlanShown: string;
  showAllUnits: string;
  allUnitsShown: string;
  matrixHeading: string;
  /** Under the overview: where the units' measurements are, and the button that opens them. */
  measurementsPointer: string;
  measurementsLink: string;
  sinceLabel: string;
  sinceHint: string;
  sinceInvalid: string;
  compare: string;
  noUnits: string;
  incomplete: string;
  overdueHeading: string;
  overdueNone: string;
  stoppedHeading: string;
  stoppedNone: string;
  stopReason: string;
  noReason: string;
  storiesHeading: string;
  madeAt: string;
  showAll: string;
  showFewer: string;
  showOverdue: string;
  loadingOverdue: string;
  overdueFailed: string;
  overdueLoaded: string;
  showStopped: string;
  loadingStopped: string;
  stoppedFailed: string;
  stoppedLoaded: string;
}

/** Opfølgning: matrix. */
declare interface IMpkFollowUpMatrixStrings {
  caption: string;
  regionLabel: string;
  unitColumn: string;
  openPlan: string;
  relevance: string;
  notDecided: string;
  noPlan: string;
  initiatives: string;
  initiativeOne: string;
  active: string;
  /** "1 aktiv" (one active initiative). */
  activeOne: string;
  health: string;
  noCheckIn: string;
  trend: string;
  legend: string;
}

/** Opfølgning: board. */
declare interface IMpkFollowUpBoardStrings {
  heading: string;
  toolbarLabel: string;
  newTask: string;
  boardView: string;
  listView: string;
  filtersLabel: string;
  unitFilter: string;
  assigneeFilter: string;
  statusFilter: string;
  meetingFilter: string;
  meetingFilterHint: string;
  all: string;
  clearFilters: string;
  /** A checkbox: only tasks over the deadline today. */
  overdueFilter: string;
  /** Announced when a key figure opened the tasks filtered ({label}: the figure's name). */
  filteredBy: string;
  showMore: string;
  shown: string;
  shownMore: string;
  loading: string;
  empty: string;
  loadFailed: string;
  column: string;
  columnEmpty: string;
  move: string;
  moveLabel: string;
  moveTo: string;
  moved: string;
  edit: string;
  editLabel: string;
  dragHint: string;
  tableCaption: string;
  colTitle: string;
  colDue: string;
  colStatus: string;
  colUnit: string;
  colAbout: string;
  colAssignee: string;
  colMeeting: string;
  colActions: string;
  moveFailed: string;
  statusOf: string;
  dismiss: string;
}

/** Opfølgning: form. */
declare interface IMpkFollowUpFormStrings {
  createTitle: string;
  editTitle: string;
  title: string;
  description: string;
  unit: string;
  choose: string;
  aboutLabel: string;
  aboutAmbition: string;
  aboutInitiative: string;
  ambition: string;
  initiative: string;
  initiativesLoading: string;
  initiativesFailed: string;
  noInitiatives: string;
  chooseUnitFirst: string;
  assignee: string;
  assigneeHint: string;
  dueDate: string;
  dueWeek: string;
  meeting: string;
  meetingHint: string;
  status: string;
  save: string;
  create: string;
  saving: string;
  close: string;
  discard: string;
  draftRestored: string;
  draftNote: string;
  fixErrors: string;
  saveFailed: string;
  created: string;
  saved: string;
  keptTheirs: string;
}

/** Opfølgning: mine. */
declare interface IMpkFollowUpMineStrings {
  heading: string;
  empty: string;
  openHeading: string;
  noOpen: string;
  closedHeading: string;
  /** While more pages follow: "Åbne opgaver ({count} hentet – der er flere)". */
  openHeadingMore: string;
  closedHeadingMore: string;
  showMore: string;
  shownMore: string;
  loading: string;
  loadFailed: string;
  markDone: string;
  markDoneLabel: string;
  start: string;
  startLabel: string;
  reopen: string;
  reopenLabel: string;
}

/** Opfølgning: report. */
declare interface IMpkFollowUpReportStrings {
  heading: string;
  intro: string;
  meeting: string;
  meetingHint: string;
  show: string;
  actionsLabel: string;
  excel: string;
  excelWorking: string;
  excelDone: string;
  excelFailed: string;
  print: string;
  title: string;
  titleOverdue: string;
  made: string;
  tasksHeading: string;
  tasksFailed: string;
  loadingTasks: string;
  noTasks: string;
  truncated: string;
  loadingLists: string;
  filePrefix: string;
}

/** Opfølgning: excel. */
declare interface IMpkFollowUpExcelStrings {
  overviewSheet: string;
  tasksSheet: string;
  unit: string;
  ambition: string;
  relevance: string;
  initiatives: string;
  activeInitiatives: string;
  stoppedInitiatives: string;
  latestHealth: string;
  checkInDate: string;
  trend: string;
  notDecided: string;
  noCheckIn: string;
  keyFigures: string;
  count: string;
  initiativesWithStatus: string;
  tasksWithStatus: string;
  overdueTasks: string;
  storiesAbout: string;
  stoppedHeading: string;
  stopReason: string;
  task: string;
  about: string;
  assignee: string;
  dueDate: string;
  week: string;
  status: string;
  overdue: string;
  meeting: string;
  description: string;
  yes: string;
  no: string;
  /** Ends a text cut to Excel's 32,767 characters per cell. */
  cellTruncated: string;
  /** Sheet "Målinger": each unit's latest result per indicator and the one before it. */
  measurementsSheet: string;
  indicator: string;
  period: string;
  result: string;
  measureUnit: string;
  previousPeriod: string;
  previousResult: string;
  change: string;
  respondents: string;
}

declare interface IMpkFollowUpStrings {
  webPartTitle: string;
  explanation: string;
  notProvisionedNote: string;
  loading: string;
  loadFailedTitle: string;
  employeeNote: string;
  tabs: IMpkFollowUpTabsStrings;
  people: IMpkFollowUpPeopleStrings;
  task: IMpkFollowUpTaskStrings;
  overview: IMpkFollowUpOverviewStrings;
  matrix: IMpkFollowUpMatrixStrings;
  board: IMpkFollowUpBoardStrings;
  form: IMpkFollowUpFormStrings;
  mine: IMpkFollowUpMineStrings;
  report: IMpkFollowUpReportStrings;
  excel: IMpkFollowUpExcelStrings;
}

declare interface IMpkPropertyPaneStrings {
  description: string;
  settingsGroup: string;
  showAmbitionsLabel: string;
  pageSizeLabel: string;
  unitLabel: string;
  /** Group of checkboxes: which ambitions' stories the web part shows. */
  ambitionsGroup: string;
  unitsGroup: string;
  /** Under both filter groups: none ticked means all. */
  filterHelp: string;
  unitsLoading: string;
  unitsUnavailable: string;
  planPageLabel: string;
  planPageHelp: string;
  planPageInvalid: string;
}

declare interface IMpkEditorStrings {
  toolbarLabel: string;
  /** The toolbar's icon buttons: their names for screen readers, and tooltips with the shortcut. */
  bold: string;
  boldTitle: string;
  italic: string;
  italicTitle: string;
  bulletList: string;
  numberedList: string;
  link: string;
  linkAddress: string;
  insertLink: string;
  cancel: string;
}

/** Labels of provisioning changes, one per `IProvisionChange.kind`. */
declare interface IMpkProvisionChangeKindStrings {
  listCreated: string;
  listUpdated: string;
  fieldCreated: string;
  fieldUpdated: string;
  groupCreated: string;
  /** v5: the product's own permission level ("MPK Bidragyder") was created, or its rights set back. */
  roleDefinitionCreated: string;
  roleDefinitionUpdated: string;
  inheritanceBroken: string;
  /** A list the schema lets inherit had its own permissions (the site health check). */
  inheritanceReset: string;
  roleAdded: string;
  roleRemoved: string;
  itemsSeeded: string;
  /** An upgrade step filled a new column of existing items (v4: recognitions of featured stories). */
  itemsUpdated: string;
  versionSet: string;
  warning: string;
}

/** The story feed and the story form ("Ambitioner og hverdagshistorier"). `{count}`, `{title}` … are placeholders. */
declare interface IMpkStoriesStrings {
  tab: string;
  tabsLabel: string;
  write: string;
  formHeading: string;
  formIntro: string;
  draftRestored: string;
  titleLabel: string;
  bodyLabel: string;
  bodyHint: string;
  editorLoading: string;
  kindLabel: string;
  ambitionLabel: string;
  chooseAmbition: string;
  unitLabel: string;
  noUnit: string;
  pictureLabel: string;
  pictureHint: string;
  picturePreparing: string;
  picturePreviewAlt: string;
  pictureRemove: string;
  pictureAltLabel: string;
  pictureAltHint: string;
  pictureConsentLabel: string;
  approvalHint: string;
  submit: string;
  saving: string;
  closeForm: string;
  discardDraft: string;
  discardConfirm: string;
  discardYes: string;
  discardNo: string;
  fixErrors: string;
  saveFailed: string;
  postedAnnouncement: string;
  postedMessage: string;
  myStoriesHeading: string;
  myStoriesIntro: string;
  rejectedReason: string;
  /** The button on a story sent back ("Ret og send igen"). */
  correct: string;
  /** The story form's heading while a story sent back is corrected ({title}). */
  correctHeading: string;
  /** Above the form while correcting: the editor's reason ({reason}). */
  correctReason: string;
  resubmit: string;
  /** Sending a story back again with nothing changed. */
  resendUnchanged: string;
  /** After a corrected story was sent again ({title}). */
  resentMessage: string;
  /** While correcting: the picture stays as it is. */
  pictureKept: string;
  filtersLabel: string;
  filterAmbition: string;
  filterUnit: string;
  filterKind: string;
  allAmbitions: string;
  allUnits: string;
  allKinds: string;
  feedLabel: string;
  loadingStories: string;
  loadFailed: string;
  empty: string;
  emptyFiltered: string;
  showMore: string;
  loadingMore: string;
  shownCountOne: string;
  shownCountOther: string;
  moreLoadedOne: string;
  moreLoadedOther: string;
  byAuthor: string;
  authorYou: string;
  authorUnknown: string;
  aboutAmbition: string;
  unknownAmbition: string;
  unknownKind: string;
  untitled: string;
  noBody: string;
  featuredBadge: string;
  recognise: string;
  recognitionCountOne: string;
  recognitionCountOther: string;
  recognisedByYou: string;
  recognisedAnnouncement: string;
  withdrawnAnnouncement: string;
  recogniseFailed: string;
  feature: string;
  unfeature: string;
  featuredAnnouncement: string;
  unfeaturedAnnouncement: string;
  featureFailed: string;
}

/** Approving and rejecting stories (site owners). */
declare interface IMpkModerationStrings {
  /** Under a pending story with a picture: its alternative text and whether consent was given. */
  pictureFacts: string;
  consentGiven: string;
  consentMissing: string;
  tab: string;
  intro: string;
  empty: string;
  approve: string;
  /** The approver's choice, next to "Godkend": approving features the story only when it is ticked. */
  featureOnApprove: string;
  /** Ticked by default, before approving or sending back: the author gets a 1:1 chat message in Teams. */
  notifyInTeams: string;
  reject: string;
  reasonLabel: string;
  reasonHint: string;
  confirmReject: string;
  cancelReject: string;
  failed: string;
  approvedAnnouncement: string;
  rejectedAnnouncement: string;
  alreadyHandled: string;
  changedMeanwhile: string;
  /** "Vis flere" under the queue (`stories.listPending`). */
  showMore: string;
  loadingMore: string;
  /** Said when "Vis flere" found nothing more. */
  noMore: string;
  moreFailed: string;
  /** The intro while more pending stories may exist than are shown. */
  introMore: string;
  /** Announced after "Vis flere"; `{count}` stories were added (one / several). */
  moreLoadedOne: string;
  moreLoadedOther: string;
}

/** "Egne noter": private reflections. */
declare interface IMpkReflectionsStrings {
  tab: string;
  formLabel: string;
  privacy: string;
  ambitionLabel: string;
  noAmbition: string;
  draftRestored: string;
  save: string;
  saving: string;
  saveFailed: string;
  savedAnnouncement: string;
  savedAt: string;
  upToDate: string;
  /** Shown while the notes save themselves. */
  autosaving: string;
  loading: string;
  loadFailed: string;
  unavailableTitle: string;
  /** "Hent mine noter". */
  download: string;
}

/** "Klargør site" (shared, `src/ui/shell/ProvisionSitePanel`). */
declare interface IMpkSiteSetupStrings {
  title: string;
  ownerExplanation: string;
  upgradeTitle: string;
  upgradeExplanation: string;
  provision: string;
  upgrade: string;
  running: string;
  runningExplanation: string;
  failedTitle: string;
  doneTitle: string;
  doneSummary: string;
  doneNothing: string;
  /** "{count} sikkerhedsindstillinger afveg fra planen …" (the site health check's findings the run restored). */
  healthRestored: string;
  noVersion: string;
  reportHeading: string;
  close: string;
  changeKinds: IMpkProvisionChangeKindStrings;
}

/** How much a health finding matters (badges). */
declare interface IMpkHealthRiskStrings {
  high: string;
  medium: string;
  low: string;
}

/**
 * The site health check (shared, `src/ui/shell/SiteHealthNotice`): site owners only. The findings'
 * own texts (what, why, how) come from `src/data/schema/health.ts`.
 */
declare interface IMpkSiteHealthStrings {
  title: string;
  /** "{count} sikkerhedsindstillinger …" */
  summary: string;
  summaryOne: string;
  ownerOnly: string;
  showDetails: string;
  hideDetails: string;
  panelHeading: string;
  risk: IMpkHealthRiskStrings;
  why: string;
  how: string;
  repair: string;
  repairing: string;
  repairedTitle: string;
  /** "{changes} ændringer …" */
  repairedSummary: string;
  remainingTitle: string;
  /** "{count} afvigelser …" */
  remaining: string;
  failedTitle: string;
  close: string;
}

/** Error notices (shared, `src/ui/shell/ErrorBoundary`, `DataErrorMessage`). */
/** SharePoint throttles: a wait shown with its countdown (shared, `src/ui/shell/ThrottleNotice`). */
declare interface IMpkThrottleStrings {
  /** "SharePoint har travlt – prøver igen {when}"; `when` is one of the three below. */
  busy: string;
  inMinutes: string;
  inSeconds: string;
  now: string;
  /** Under a waiting read (first view, "Vis flere", …). */
  viewWaiting: string;
  /** Under a waiting save. */
  saveWaiting: string;
}

declare interface IMpkErrorNoticeStrings {
  boundaryTitle: string;
  boundaryBody: string;
  partTitle: string;
  partBody: string;
  tryAgain: string;
  unexpected: string;
  dismiss: string;
}

/** A 412 conflict shown field by field (shared, `src/ui/shell/ConflictResolver`). */
/** The people picker (`PeoplePicker`): search the site's people by name or e-mail. */
declare interface IMpkPeoplePickerStrings {
  placeholder: string;
  hint: string;
  /** Group label of the people offered before anything is typed. */
  suggestions: string;
  tooShort: string;
  searching: string;
  /** "{count} personer fundet …" */
  foundOne: string;
  found: string;
  /** "Ingen personer matcher »{text}«." */
  noResults: string;
  noneUseEmail: string;
  /** "Brug e-mailadressen {email}" */
  useEmail: string;
  /** "Finder {email} i organisationen …" */
  resolving: string;
  /** "Henter {name} …": a person found by the search is made a site user. */
  resolvingPerson: string;
  /** "Søgningen mislykkedes: {reason}" */
  searchFailed: string;
}

declare interface IMpkConflictStrings {
  title: string;
  explanation: string;
  fieldChoice: string;
  theirs: string;
  mine: string;
  keepTheirs: string;
  overwrite: string;
  merge: string;
  empty: string;
}

/**
 * One line per part of a first view that could not be fetched (`unavailable` of a view: SharePoint
 * refused that one read), shown in the part's place while the rest of the view is shown.
 */
declare interface IMpkUnavailableStrings {
  featured: string;
  feed: string;
  myStories: string;
  moderation: string;
  recognitions: string;
  counts: string;
  reflections: string;
  plans: string;
  focuses: string;
  initiatives: string;
  checkIns: string;
  comments: string;
  priorities: string;
  overview: string;
  board: string;
  myTasks: string;
  rest: string;
}

// ---------------------------------------------------------------------------------------------
// Texts for the codes that src/domain and src/data return (typed by the code unions, so a new code
// without a text fails `npm run typecheck`). The UI turns codes into text in `src/ui/shell/texts.ts`.
// ---------------------------------------------------------------------------------------------

/** A field's name as used inside a validation message. */
declare interface IMpkFieldName {
  /** Definite form, lower case: "titlen", "the title". */
  definite: string;
  /** The pronoun that refers back to it: "den", "det", "de"; "it", "they". */
  pronoun: string;
  /** Messages of its own, where the label is a question ("Hvordan går det?" → "Vælg, hvordan det går."). */
  messages?: Partial<Record<import('../domain/messages').ValidationCode, string>>;
}

/**
 * Validation messages by code. Messages use `{name}` placeholders: the error's own params, plus
 * `{field}` (the field's definite name), `{Field}` (capitalised) and `{it}` (its pronoun).
 */
declare interface IMpkValidationStrings {
  messages: Record<import('../domain/messages').ValidationCode, string>;
  fields: Record<import('../domain/messages').FieldName, IMpkFieldName>;
  /** For a field without a name of its own. */
  fallbackField: IMpkFieldName;
}

/** Labels for each group of stored codes. */
declare interface IMpkLabelStrings {
  unitKind: Record<import('../domain/model').UnitKind, string>;
  planStatus: Record<import('../domain/model').PlanStatus, string>;
  relevance: Record<import('../domain/model').Relevance, string>;
  initiativeStatus: Record<import('../domain/model').InitiativeStatus, string>;
  health: Record<import('../domain/model').Health, string>;
  taskStatus: Record<import('../domain/model').TaskStatus, string>;
  storyKind: Record<import('../domain/model').StoryKind, string>;
  publishingState: Record<import('../domain/model').PublishingState, string>;
  trend: Record<import('../domain/model').Trend, string>;
}

/** The site health check's findings in words (see `describeFinding` in `src/ui/shell/texts.ts`). */
declare interface IMpkHealthFindingStrings {
  principals: Record<import('../data/schema/types').PrincipalKey, string>;
  roles: Record<import('../data/schema/types').RoleKey, string>;
  noRole: string;
  readSecurity: Record<1 | 2, string>;
  writeSecurity: Record<1 | 2 | 4, string>;
  draftVisibility: Record<0 | 1 | 2, string>;
  onOff: Record<'true' | 'false', string>;
  what: Record<import('../data/schema/health').SecuritySetting | 'role', string>;
  ownPermissions: Record<'true' | 'false', string>;
  /** The uniquePermissions finding by what is expected ("true": should have its own). */
  uniqueWhat: Record<'true' | 'false', string>;
  /** The site itself, where a finding is not about a list. */
  site: string;
  why: Record<import('../data/schema/health').HealthWhy, string>;
  how: Record<import('../data/schema/health').IHealthFinding['setting'], string>;
  /** The button's name, which every "how" ends with. */
  repair: string;
}

/** Short date-related phrases. */
declare interface IMpkDateStrings {
  /** "uge {week}". */
  week: string;
  /** The date field's placeholder: how to type a date ("dd.mm.åååå"). */
  placeholder: string;
  /** A typed date that is not in the calendar: `{label}` (the field's label), `{text}` (what was typed). */
  notExist: string;
  /** Typed text that is not a date: `{label}`, `{text}`. */
  unreadable: string;
  /** The button that opens the calendar (first views, before the date picker is loaded). */
  openCalendar: string;
  /** The date picker's calendar: names of months and days, and what screen readers hear. */
  calendar: IMpkCalendarStrings;
}

/**
 * The words of Fluent's calendar (`CalendarStrings`): months and days (Sunday first, as JavaScript counts),
 * the buttons' names; `{0}` is filled in by Fluent (a week number, a date, a year).
 */
declare interface IMpkCalendarStrings {
  /** The calendar dialog's name. */
  label: string;
  months: string[];
  shortMonths: string[];
  days: string[];
  shortDays: string[];
  goToToday: string;
  prevMonthAriaLabel: string;
  nextMonthAriaLabel: string;
  prevYearAriaLabel: string;
  nextYearAriaLabel: string;
  prevYearRangeAriaLabel: string;
  nextYearRangeAriaLabel: string;
  monthPickerHeaderAriaLabel: string;
  yearPickerHeaderAriaLabel: string;
  closeButtonAriaLabel: string;
  weekNumberFormatString: string;
  selectedDateFormatString: string;
  todayDateFormatString: string;
}

/** The two questions of "Egne noter" from the strategy's last page (field labels, and inside field names). */
declare interface IMpkReflectionQuestionStrings {
  contribution: string;
  meaning: string;
}

/**
 * The messages the acting person's code posts in Teams ("Nyt til dig" delivery). Placeholders:
 * `{mentions}` (the @mentions), `{actor}`, `{title}` (task, initiative, plan or story), `{reason}` (a story
 * sent back), `{link}` (where the item opens). HTML: the data layer escapes every value it fills in.
 */
declare interface IMpkTeamsMessageStrings {
  messages: Record<import('../domain/notifications').TeamsKind, string>;
  /** The text of the link to the item, by its type. */
  open: Record<import('../domain/notifications').NotificationTargetType, string>;
}

/** "Nyt til dig": the bell, the panel and its sentences (placeholders `{actor}`, `{title}`, `{reason}`, `{count}`, `{time}`). */
declare interface IMpkInboxStrings {
  bell: string;
  /** After the badge, for screen readers only: "Nyt til dig 3 ulæste" (one, other). */
  unreadOne: string;
  unreadOther: string;
  /** The badge when the count is not complete: "9+". */
  badgeMore: string;
  panelTitle: string;
  close: string;
  loading: string;
  loadFailed: string;
  empty: string;
  listLabel: string;
  /** Said (and shown) for an unread entry. */
  unread: string;
  markAllRead: string;
  allMarkedRead: string;
  markFailed: string;
  showMore: string;
  /** When the one who acted is not known. */
  someone: string;
  /** When the item's title is not known. */
  untitled: string;
  today: string;
  yesterday: string;
  /** One sentence per kind. */
  sentences: Record<import('../domain/notifications').NotificationKind, string>;
  /** A story sent back whose reason is not at hand. */
  storyReturnedNoReason: string;
  /** Recognitions by one colleague. */
  recognisedOne: string;
}

/** "Indstillinger for Nyt til dig": one checkbox per kind. */
declare interface IMpkInboxSettingsStrings {
  heading: string;
  intro: string;
  kinds: Record<import('../domain/notifications').NotificationKind, string>;
  save: string;
  saving: string;
  saved: string;
  saveFailed: string;
  loadFailed: string;
}

/** The one calm line after an action told someone (or failed to tell them) in Teams. */
declare interface IMpkDeliveryStrings {
  sentOne: string;
  sentOther: string;
  /** `{done}` (what landed), `{reason}` (in words), `{where}` (where the recipient sees it). */
  failed: string;
  whereOne: string;
  whereOther: string;
  done: Record<import('../domain/notifications').NotificationKind, string>;
  reasons: Record<import('../domain/notifications').DeliveryFailure, string>;
  dismiss: string;
}

/** "Send påmindelse" (chefgruppe) on an overdue task or a silent initiative. */
declare interface IMpkNudgeStrings {
  send: string;
  /** The button's accessible name: `{title}`. */
  sendFor: string;
  sending: string;
  sent: string;
  failed: string;
}

/**
 * Målinger: an indsats's measurable success criterion and the units' indicators. Error messages take
 * `{field}` (the field's label as in `fields`).
 */
declare interface IMpkMeasurementStrings {
  heading: string;
  /** One line under the heading: what a measurable success criterion is. */
  intro: string;
  /** The measure form's labels, by field. */
  fields: Record<import('../domain/measurements').MeasureField, string>;
  /** Under the number fields: how to write a number. */
  numberHint: string;
  directions: Record<import('../domain/measurements').MeasureDirection, string>;
  /** The units offered; `otherUnit` is the choice to write one's own. */
  units: Record<import('../domain/measurements').MeasureUnit, string>;
  otherUnit: string;
  errors: Record<import('../domain/measurements').MeasureErrorCode, string>;
  /** The value a statusmelding records: its label. */
  measuredValue: string;
  /** "{progress} % af vejen fra udgangspunkt til mål". */
  progress: string;
  /** "Seneste måling: {value} {unit} ({date})". */
  latest: string;
  noValue: string;
  onTrack: string;
  offTrack: string;
  /** The chart's target line and values, for its legend and screen readers. */
  targetLine: string;
  measuredValues: string;
  /** The built-in indicators' names (the site owner's own indicators carry their title). */
  indicatorKinds: Record<(typeof import('../domain/measurements').INDICATOR_KINDS)[number], string>;
  /** The direction since the previous period. */
  trends: Record<import('../domain/measurements').IndicatorTrend, string>;
  /** "{change} siden {period}" — the change since the previous period. */
  changeSince: string;
  respondentsOne: string;
  /** "{count} besvarelser". */
  respondentsOther: string;
  /** Instead of a result based on fewer than 5 respondents. */
  hiddenFewRespondents: string;
  /** The initiative form's switch that shows the measure's fields. */
  enable: string;
  /** Label of the text field for one's own unit (after choosing `otherUnit`). */
  otherUnitText: string;
  /** The unit select's empty choice. */
  chooseUnit: string;
  /** The check-in form's field: "Målt værdi ({unit})". */
  measuredValueLabel: string;
  /** Under the check-in's progress when the initiative is measured: progress follows the value. */
  progressFollows: string;
  /** After the latest value on the card: "mål {value} {unit}". */
  target: string;
  /** The measure chart: its title, its summary (`{baseline}`, `{baselineDate}`, `{target}`, `{targetDate}`, `{unit}`, `{count}`, `{latest}`, `{latestDate}`, `{track}`), a point's tooltip, and its table. */
  chartTitle: string;
  chartSummary: string;
  chartPoint: string;
  tableCaption: string;
  columns: { date: string; value: string; expected: string };
  /** The chefgruppe's tab "Målinger" in Opfølgning. */
  tab: IMpkMeasurementsTabStrings;
  /** Under each ambition in the plan: the unit's results for the ambition's indicators. */
  ambition: {
    show: string;
    hide: string;
    /** The button's accessible name: its visible text ({action}) and the ambition. */
    toggleFor: string;
    none: string;
    loadFailed: string;
  };
}

/** Opfølgning's tab "Målinger": every unit's latest results, and the import. */
declare interface IMpkMeasurementsTabStrings {
  heading: string;
  intro: string;
  importButton: string;
  /** Who may import, for everyone else. */
  importOnlyChef: string;
  unitColumn: string;
  resultsColumn: string;
  /** No results in the list yet. */
  empty: string;
  /** No indicators set up (a site before v8, or all switched off). */
  noIndicators: string;
  loadFailed: string;
  /** After an import: "{written} resultater er indlæst, {unchanged} var allerede indlæst." */
  imported: string;
  /** After a stopped import. */
  importStopped: string;
}

/**
 * The import of indicator results from Excel. Problem messages take `{row}` (the sheet's row number),
 * `{column}` (the column's header, or `unnamedColumn`), `{field}` (the field's name in `fields`),
 * `{value}` (the cell), `{suggestion}`, `{otherRow}` (the other row of a duplicate).
 */
declare interface IMpkImportStrings {
  /** What each column can hold, as the person chooses it. */
  fields: Record<import('../domain/measurementImport').ImportField, string>;
  problems: Record<import('../domain/measurementImport').ImportProblemCode, string>;
  /** After an unknown unit or measurement with a close match: "Mente du »{suggestion}«?". */
  didYouMean: string;
  /** `{column}` for a column without a header. */
  unnamedColumn: string;
  /** Why the file could not be read. */
  readFailures: Record<import('../data/import/readWorkbook').ReadWorkbookFailure, string>;
  /** The import wizard (`src/ui/measurements/ImportWizard.tsx`). */
  wizard: IMpkImportWizardStrings;
}

/** The import wizard's words. Counts come in `…One`/`…Other` pairs with `{count}`. */
declare interface IMpkImportWizardStrings {
  title: string;
  /** "Trin {step} af {steps}". */
  stepOf: string;
  /** Each step's heading. */
  steps: Record<'file' | 'mapping' | 'check' | 'import', string>;
  fileLabel: string;
  fileHint: string;
  reading: string;
  /** "Filen »{name}« er læst." */
  fileRead: string;
  /** "Valgt fil: {name}". */
  chosenFile: string;
  sheet: string;
  mappingIntro: string;
  /** The empty choice of a required column's select. */
  chooseColumn: string;
  /** The empty choice of the optional column's select. */
  noColumn: string;
  optionalHint: string;
  /** "Kolonne {letter}: {header}". */
  columnOption: string;
  /** The preview table's caption. */
  previewCaption: string;
  /** Under a mapped column's header in the preview: "indlæses som {field}". */
  mappedAs: string;
  rowHeader: string;
  readyOne: string;
  readyOther: string;
  unchangedOne: string;
  unchangedOther: string;
  problemRowsOne: string;
  problemRowsOther: string;
  /** Heading of the reasons a file is refused. */
  blocked: string;
  /** Heading of the row problems. */
  problemsHeading: string;
  /** Rows with problems are left out, not guessed. */
  skipped: string;
  /** "og {count} mere" after the first 50 problems. */
  more: string;
  confirmOne: string;
  confirmOther: string;
  nothingToImport: string;
  started: string;
  /** "Indlæst {done} af {total}" (results). */
  progress: string;
  stop: string;
  doneOne: string;
  doneOther: string;
  doneUnchangedOne: string;
  doneUnchangedOther: string;
  /** "Stoppet efter {done} af {total} dele. …" */
  stopped: string;
  /** Title of a failed write. */
  failed: string;
  /** After "Afbryd": write the parts not yet written. */
  resume: string;
  next: string;
  back: string;
  close: string;
}

declare interface IMpkStrings {
  editor: IMpkEditorStrings;
  common: IMpkCommonStrings;
  teamsMessages: IMpkTeamsMessageStrings;
  ambitions: IMpkAmbitionsStrings;
  stories: IMpkStoriesStrings;
  moderation: IMpkModerationStrings;
  reflections: IMpkReflectionsStrings;
  siteSetup: IMpkSiteSetupStrings;
  siteHealth: IMpkSiteHealthStrings;
  errorNotice: IMpkErrorNoticeStrings;
  throttle: IMpkThrottleStrings;
  unavailable: IMpkUnavailableStrings;
  conflict: IMpkConflictStrings;
  peoplePicker: IMpkPeoplePickerStrings;
  plan: IMpkPlanStrings;
  followUp: IMpkFollowUpStrings;
  propertyPane: IMpkPropertyPaneStrings;
  validation: IMpkValidationStrings;
  labels: IMpkLabelStrings;
  /** What the data layer's failures mean, by reason (`DataError.reason`). */
  dataErrors: Record<import('../data/messages').DataErrorReason, string>;
  inbox: IMpkInboxStrings;
  inboxSettings: IMpkInboxSettingsStrings;
  delivery: IMpkDeliveryStrings;
  nudge: IMpkNudgeStrings;
  healthFindings: IMpkHealthFindingStrings;
  dates: IMpkDateStrings;
  reflectionQuestions: IMpkReflectionQuestionStrings;
  measurements: IMpkMeasurementStrings;
  import: IMpkImportStrings;
}

declare module 'MpkStrings' {
  const strings: IMpkStrings;
  export = strings;
}
