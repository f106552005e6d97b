// @ts-check
define([], function () {
  /** @type {IMpkCardStrings} */
  var strings = {
    title: 'Mine opgaver',
    loading: 'Henter dine opgaver …',
    failedHeader: 'Ikke hentet',
    failedBody: 'Dine opgaver kunne ikke hentes lige nu. Prøv igen om lidt.',
    tasksOne: '1 opgave',
    tasksOther: '{count} opgaver',
    tasksNone: 'Ingen opgaver',
    overdue: '{count} over fristen',
    noneOverdue: 'ingen over fristen',
    silentOne: '1 indsats mangler statusmelding',
    silentOther: '{count} indsatser mangler statusmelding',
    nextCheckIn: 'næste statusmelding {date}',
    unreadOne: '1 ny i Nyt til dig',
    unreadOther: '{count} nye i Nyt til dig',
    clearBody: 'Intet venter på dig lige nu.',
    atLeast: 'mindst ',
    showButton: 'Se hvad der venter',
    quickViewTitle: 'Det venter på dig',
    quickViewLead: 'Det mest presserende først. Åbn en linje for at se den i Teams eller på intranettet.',
    taskDue: 'Opgave · frist {date}',
    taskOverdue: 'Opgave · over fristen siden {date}',
    taskNoDeadline: 'Opgave · ingen frist',
    checkInDue: 'Indsats · statusmelding ventet siden {date}',
    emptyText:
      'Du har ingen åbne opgaver, og dine indsatser har fået statusmelding inden for 14 dage. Se hvordan det går med planen.',
    openPlan: 'Åbn Ambitionsplan',
    moreOne: '1 mere venter. Se alle dine opgaver i Opfølgning.',
    moreOther: '{count} mere venter. Se alle dine opgaver i Opfølgning.',
    openFollowUp: 'Åbn Opfølgning',
    planTab: 'Ambitionsplan',
    followUpTab: 'Opfølgning',
    description: 'Dine opgaver, frister og statusmeldinger fra Mod på kerneopgaven.',
  };
  return strings;
});
