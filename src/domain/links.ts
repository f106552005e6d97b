// Apart from `validation.ts`, so that a first view that shows links does not carry the validation.

/** Whether a value is an absolute http or https URL (the only links we store). */
export function isHttpUrl(value: unknown): value is string {
  if (typeof value !== 'string' || /\s/.test(value)) return false;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return false;
  }
  return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname.length > 0;
}

/** The Teams app id (see CONTRIBUTING.md, "Fixed identifiers"). */
export const TEAMS_APP_ID = '82f2fa80-81e3-49bd-bf82-be796e0da454';

/** The entity id of the personal "Ambitionsplan" tab in the Teams manifest. */
export const PERSONAL_TAB_ENTITY_ID = 'ambitionsplan';

/** The entity id of the personal "Opfølgning" tab in the Teams manifest. */
export const FOLLOW_UP_TAB_ENTITY_ID = 'opfoelgning';

/**
 * A Teams deep link that opens a tab of the app on one item (reference teams-graph.md §1.9):
 * `https://teams.microsoft.com/l/entity/<app id>/<entity id>?label=…&context=<{"subEntityId","channelId"}>`.
 */
export function teamsEntityLink(entityId: string, subEntityId: string, label: string, channelId?: string): string {
  const context: Record<string, string> = { subEntityId };
  if (channelId) context.channelId = channelId;
  return (
    `https://teams.microsoft.com/l/entity/${TEAMS_APP_ID}/${encodeURIComponent(entityId)}` +
    `?label=${encodeURIComponent(label)}&context=${encodeURIComponent(JSON.stringify(context))}`
  );
}

/** A Teams deep link that opens a tab of the app as it is (no item). */
export function teamsTabLink(entityId: string, label: string): string {
  return (
    `https://teams.microsoft.com/l/entity/${TEAMS_APP_ID}/${encodeURIComponent(entityId)}` +
    `?label=${encodeURIComponent(label)}`
  );
}
