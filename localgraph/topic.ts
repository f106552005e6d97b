/**
 * The body of a `sendActivityNotification` as Graph validates it (reference §1.2, §5): a declared activity type
 * or `systemDefault`, the topic (entityUrl of an allowed resource, or text with a Teams `webUrl`), the preview text
 * and the template parameters. The 400 messages are UNCONFIRMED unless quoted in the reference (webUrl length).
 */
import type { ActivityType, AppInfo } from './app';
import { badRequest, isObj, JsonObj, str } from './http';

/** Which endpoint is called: the topic's entityUrl must fit it. */
export type ActivityScope =
  | { kind: 'user'; userId: string }
  | { kind: 'team'; teamId: string }
  | { kind: 'chat'; chatId: string }
  | { kind: 'recipients' };

/** A validated notification, not yet rendered for an actor. */
export interface ActivityInput {
  activityType: string;
  /** The template, `{actor}` still in it. */
  template: string;
  params: Record<string, string>;
  preview: string | null;
  webUrl: string;
  chainId?: string;
}

const MAX_PREVIEW = 150;
const MAX_WEB_URL = 1024;

/** Reads and validates the notification body. */
export function readActivity(app: AppInfo, input: JsonObj, scope: ActivityScope): ActivityInput {
  const activityType = str(input, 'activityType');
  if (!activityType) throw badRequest('Missing required property: activityType.');
  const params = readParams(input.templateParameters);
  const template = templateOf(app, activityType, params);
  const webUrl = readTopic(input.topic, scope);
  const preview = isObj(input.previewText) ? (str(input.previewText, 'content') ?? null) : null;
  // The docs say Teams shows only the first 150 characters; the issue asks for a 400 beyond them (UNCONFIRMED).
  if (preview !== null && preview.length > MAX_PREVIEW)
    throw badRequest(`previewText.content must not be longer than ${MAX_PREVIEW} characters.`);
  const chain = input.chainId;
  if (chain !== undefined && chain !== null && !/^-?\d+$/.test(String(chain)))
    throw badRequest('chainId must be an Int64.');
  const chainId = chain === undefined || chain === null ? undefined : String(chain);
  return { activityType, template, params, preview, webUrl, ...(chainId ? { chainId } : {}) };
}

function readParams(raw: unknown): Record<string, string> {
  if (raw === undefined || raw === null) return {};
  if (!Array.isArray(raw)) throw badRequest('templateParameters must be an array of { name, value }.');
  const out: Record<string, string> = {};
  for (const p of raw) {
    if (!isObj(p) || typeof p.name !== 'string')
      throw badRequest('templateParameters must be an array of { name, value }.');
    out[p.name] = typeof p.value === 'string' ? p.value : String(p.value ?? '');
  }
  return out;
}

function templateOf(app: AppInfo, activityType: string, params: Record<string, string>): string {
  if (activityType === 'systemDefault') {
    if (!params.systemDefaultText) throw badRequest('systemDefault requires the template parameter systemDefaultText.');
    return params.systemDefaultText;
  }
  const declared: ActivityType | undefined = app.activityTypes.find((t) => t.type === activityType);
  if (!declared) throw badRequest(`Activity type '${activityType}' is not declared in the app manifest.`);
  const missing = placeholders(declared.templateText).filter((name) => name !== 'actor' && !(name in params));
  if (missing.length > 0)
    throw badRequest(`Missing template parameter(s) for '${activityType}': ${missing.join(', ')}.`);
  return declared.templateText;
}

function placeholders(template: string): string[] {
  return [...template.matchAll(/\{([^{}]+)\}/g)].map((m) => m[1]);
}

/** The template with `{actor}` and the parameters filled in, then ": " + preview text. */
export function renderActivity(a: ActivityInput, actor: string): string {
  const text = a.template.replace(/\{([^{}]+)\}/g, (all, name: string) =>
    name === 'actor' ? actor : (a.params[name] ?? all),
  );
  return a.preview ? `${text}: ${a.preview}` : text;
}

function readTopic(raw: unknown, scope: ActivityScope): string {
  if (!isObj(raw)) throw badRequest('Missing required property: topic.');
  const source = str(raw, 'source');
  const value = str(raw, 'value') ?? '';
  const webUrl = str(raw, 'webUrl');
  if (webUrl !== undefined && webUrl.length > MAX_WEB_URL) throw badRequest('UnknownError'); // reference §1.4
  if (source === 'text') {
    if (!value) throw badRequest('topic.value is required.');
    if (!webUrl) throw badRequest('topic.webUrl is required when topic.source is text.');
    if (!webUrl.startsWith('https://teams.microsoft.com/'))
      throw badRequest('topic.webUrl must start with the Microsoft Teams domain (https://teams.microsoft.com/).');
    return webUrl;
  }
  if (source !== 'entityUrl') throw badRequest(`Invalid topic.source '${String(raw.source)}': entityUrl or text.`);
  if (!entityFits(value, scope))
    throw badRequest(`topic.value '${value}' is not a resource this endpoint can notify about.`);
  return webUrl ?? value;
}

function entityFits(value: string, scope: ActivityScope): boolean {
  const m = /^https:\/\/graph\.microsoft\.com\/(?:v1\.0|beta)\/(.+)$/i.exec(value);
  if (!m) return false;
  let p = m[1];
  try {
    p = decodeURIComponent(p);
  } catch {
    return false;
  }
  const esc = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const catalog = /^appCatalogs\/teamsApps\/[^/]+$/i;
  switch (scope.kind) {
    case 'user':
      return catalog.test(p) || /^users\/[^/]+\/teamwork\/installedApps\/[^/]+$/i.test(p);
    case 'team':
      return new RegExp(`^teams/${esc(scope.teamId)}(/channels/[^/]+(/(messages|tabs)/[^/]+)?)?$`, 'i').test(p);
    case 'chat':
      return new RegExp(`^chats/${esc(scope.chatId)}(/messages/[^/]+)?$`, 'i').test(p);
    default:
      return catalog.test(p);
  }
}
