/**
 * The delegated Microsoft Graph scopes the product uses (issue 16), each for one thing:
 * `User.ReadBasic.All` a recipient's Entra id for an @mention or a chat; `ChannelMessage.Send` the post in
 * the unit's leader-group channel; `Chat.Create` + `ChatMessage.Send` the 1:1 message from approver to
 * author; `TeamsActivity.Send` the activity feed (setting `teamsActivityFeed`, off by default);
 * `TeamsAppInstallation.ReadForUser` whether a recipient has the app (the feed needs it);
 * `Files.ReadWrite.AppFolder` the person's own "Egne noter" file in their OneDrive app folder (issue 17).
 */
export const GRAPH_SCOPES = [
  'User.ReadBasic.All',
  'ChannelMessage.Send',
  'Chat.Create',
  'ChatMessage.Send',
  'TeamsActivity.Send',
  'TeamsAppInstallation.ReadForUser',
  'Files.ReadWrite.AppFolder',
] as const;
