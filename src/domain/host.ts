/** Where a web part runs: a SharePoint page, a Teams channel tab or the Teams personal app. */
export type Host = 'sharepoint' | 'teams-channel' | 'teams-personal';
