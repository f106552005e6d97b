// @ts-check
define([], function () {
  /** @type {IMpkCardStrings} */
  var strings = {
    title: 'My tasks',
    loading: 'Getting your tasks …',
    failedHeader: 'Not loaded',
    failedBody: 'Your tasks could not be loaded right now. Try again in a moment.',
    tasksOne: '1 task',
    tasksOther: '{count} tasks',
    tasksNone: 'No tasks',
    overdue: '{count} past the deadline',
    noneOverdue: 'none past the deadline',
    silentOne: '1 initiative needs a status update',
    silentOther: '{count} initiatives need a status update',
    nextCheckIn: 'next status update {date}',
    unreadOne: '1 new in New for you',
    unreadOther: '{count} new in New for you',
    clearBody: 'Nothing is waiting for you right now.',
    atLeast: 'at least ',
    showButton: 'See what is waiting',
    quickViewTitle: 'Waiting for you',
    quickViewLead: 'Most pressing first. Open a line to see it in Teams or on the intranet.',
    taskDue: 'Task · deadline {date}',
    taskOverdue: 'Task · past the deadline since {date}',
    taskNoDeadline: 'Task · no deadline',
    checkInDue: 'Initiative · status update due since {date}',
    emptyText:
      'You have no open tasks, and your initiatives have had a status update within 14 days. See how the plan is doing.',
    openPlan: 'Open Ambition plan',
    moreOne: '1 more is waiting. See all your tasks in Follow-up.',
    moreOther: '{count} more are waiting. See all your tasks in Follow-up.',
    openFollowUp: 'Open Follow-up',
    planTab: 'Ambitionsplan',
    followUpTab: 'Opfølgning',
    description: 'Your tasks, deadlines and status updates from Mod på kerneopgaven.',
  };
  return strings;
});
