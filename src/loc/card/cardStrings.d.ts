/**
 * The strings of the Viva Connections card "Mine opgaver": a file of their own (`MpkCardStrings`), so the card
 * on a phone's dashboard does not load the web parts' strings. Placeholders in braces.
 */
declare interface IMpkCardStrings {
  /** The card's title (card bar, toolbox). */
  title: string;
  /** Shown until the first read answers (and no earlier card is cached). */
  loading: string;
  /** The header when the read failed, and the line under it. */
  failedHeader: string;
  failedBody: string;
  /** The header: the number of open tasks ("{count} opgaver"), one, or none. */
  tasksOne: string;
  tasksOther: string;
  tasksNone: string;
  /** The body's parts, joined with " · ". */
  overdue: string;
  /** When there are open tasks and none is over the deadline. */
  noneOverdue: string;
  silentOne: string;
  silentOther: string;
  nextCheckIn: string;
  unreadOne: string;
  unreadOther: string;
  /** The body when nothing needs the person. */
  clearBody: string;
  /** Prefix of figures that are a lower bound ("mindst "). */
  atLeast: string;
  /** The card's one button: opens the quick view. */
  showButton: string;
  /** The quick view. */
  quickViewTitle: string;
  quickViewLead: string;
  /** One line under an item's title. */
  taskDue: string;
  taskOverdue: string;
  taskNoDeadline: string;
  checkInDue: string;
  /** The empty state: a sentence and where to go. */
  emptyText: string;
  openPlan: string;
  /** Under the list when there are more than ten ("{count} mere …"). */
  moreOne: string;
  moreOther: string;
  openFollowUp: string;
  /** The tab labels the Teams deep links carry. */
  planTab: string;
  followUpTab: string;
  /** The toolbox description. */
  description: string;
}

declare module 'MpkCardStrings' {
  const strings: IMpkCardStrings;
  export = strings;
}
