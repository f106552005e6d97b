/**
 * The Teams activity feed types the app declares in `teamsapp/appPackage/manifest.json`
 * (`activities.activityTypes`), with the one template parameter each template uses besides `{actor}`.
 * `sendActivityNotification` refuses an `activityType` the installed manifest does not declare, and a
 * template whose `{placeholders}` the request leaves out, so product code builds the request from this
 * list and `tests/domain/activityTypes.test.ts` keeps it equal to the manifest's (the two cannot drift).
 *
 * The feed is used only when the setting `teamsActivityFeed` is `on` (off by default: see
 * `docs/teams-delivery.md` and the research reference §1.8 — unproven for SPFx-hosted apps).
 * The types are the notification kinds of "Nyt til dig" that may reach Teams (`recognised` does not).
 */

/** Every declared activity type and the name of its template parameter, in manifest order. */
export const ACTIVITY_TYPES = [
  { type: 'taskAssigned', parameter: 'taskTitle' },
  { type: 'storyApproved', parameter: 'storyTitle' },
  { type: 'storyReturned', parameter: 'storyTitle' },
  { type: 'dialogReply', parameter: 'itemTitle' },
  { type: 'planApproved', parameter: 'planTitle' },
  { type: 'nudge', parameter: 'itemTitle' },
  { type: 'checkInDue', parameter: 'initiativeTitle' },
  { type: 'taskDueSoon', parameter: 'taskTitle' },
  { type: 'taskOverdue', parameter: 'taskTitle' },
] as const;

export type ActivityType = (typeof ACTIVITY_TYPES)[number]['type'];

/** Graph's `templateParameters` entry (`keyValuePair`). */
export interface ITemplateParameter {
  name: string;
  value: string;
}

/** Whether a value (e.g. a notification kind) is a declared activity type. */
export function isActivityType(value: unknown): value is ActivityType {
  return typeof value === 'string' && ACTIVITY_TYPES.some((entry) => entry.type === value);
}

/** The template parameter name of a type (`{taskTitle}` → `taskTitle`). */
export function activityParameter(type: ActivityType): string {
  const entry = ACTIVITY_TYPES.find((e) => e.type === type);
  if (!entry) throw new Error(`Unknown activity type: ${type}`);
  return entry.parameter;
}

/**
 * The `templateParameters` of a `sendActivityNotification` body: the one placeholder of the type's
 * template filled with the item's title (`{actor}` Teams fills in itself from the caller).
 */
export function activityTemplateParameters(type: ActivityType, title: string): ITemplateParameter[] {
  return [{ name: activityParameter(type), value: title }];
}
