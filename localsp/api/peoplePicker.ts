/**
 * The people picker's search (`POST _api/SP.UI.ApplicationPages.ClientPeoplePickerWebServiceInterface.clientPeoplePickerSearchUser`,
 * PnPjs `sp.profiles.clientPeoplePickerSearchUser`), as SharePoint Online answers it.
 *
 * Wire format, from responses recorded on real tenants:
 * - request `{"queryParams":{"QueryString":"…","MaximumEntitySuggestions":n,"PrincipalSource":15,"PrincipalType":1,…}}`
 *   (pnp/sp-dev-fx-controls-react#2113 shows the SPFx control's body);
 * - the answer is one string holding the JSON array of entities: nometadata `{"value":"[…]"}`, minimal
 *   metadata adds `"odata.metadata":"…/_api/$metadata#Edm.String"`, verbose is
 *   `{"d":{"ClientPeoplePickerSearchUser":"[…]"}}` (PnPjs profiles/types.ts reads both; scripts that call it
 *   read `r.json()["d"]["ClientPeoplePickerSearchUser"]`);
 * - an entity, as pasted from a tenant in a public SPFx sample (find_string id 22818486165):
 *   `{"Key":"i:0#.f|membership|<upn>","DisplayText":"<name>","IsResolved":true,"Description":"<upn>","EntityType":"User",
 *   "EntityData":{"IsAltSecIdPresent":"False","ObjectId":"<guid>","Title":"<job title>","Email":"<mail>","MobilePhone":"",
 *   "OtherMails":"…","Department":"<department>"},"MultipleMatches":[],"ProviderName":"Tenant","ProviderDisplayName":"Tenant"}`.
 *   (`OtherMails` appears only when the account has other addresses; the local directory has none.)
 *
 * Matching is the directory's, not `$filter`'s: case-insensitive, by prefix — every word typed starts a
 * word of the display name, or the text starts the e-mail address or the account. "lene", "LENE" and
 * "madsen" find Lene Madsen; "ene" does not. UNCONFIRMED: the directory's exact ranking and word
 * splitting; here the answer is sorted by display name.
 */
import { createHash } from 'crypto';
import { badArgument, unknownProperty } from '../http/errors';
import { jsonBody, wantsVerbose } from '../http/request';
import { ApiResponse, ok } from '../http/response';
import { demand, webMask } from '../model/access';
import { emailFromLogin } from '../model/names';
import { PermissionKind } from '../model/permissions';
import { bodyProperties, readPrimitive } from '../model/props';
import type { JsonObject, JsonValue, UserRecord } from '../model/types';
import { allow, apiBase, Ctx } from './context';

/** The path segment PnPjs sends (matched case-insensitively, as every REST path). */
export const PEOPLE_PICKER_SEARCH =
  'SP.UI.ApplicationPages.ClientPeoplePickerWebServiceInterface.clientPeoplePickerSearchUser';

const QUERY_TYPE = 'SP.UI.ApplicationPages.ClientPeoplePickerQueryParameters';

/** The properties of ClientPeoplePickerQueryParameters; any other name is SharePoint's 400. */
const QUERY_PROPERTIES = [
  'AllowEmailAddresses',
  'AllowMultipleEntities',
  'AllowOnlyEmailAddresses',
  'AllUrlZones',
  'EnabledClaimProviders',
  'ForceClaims',
  'MaximumEntitySuggestions',
  'PrincipalSource',
  'PrincipalType',
  'QuerySettings',
  'QueryString',
  'Required',
  'SharePointGroupID',
  'UrlZone',
  'UrlZoneSpecified',
  'UseSubstrateSearch',
  'WebApplicationID',
];

/** PrincipalType: the bit for users (2, 4 and 8 are distribution lists, security groups, SharePoint groups). */
const USER = 1;
/** PrincipalSource: the site's user information list; every other bit is the organisation's directory. */
const USER_INFO_LIST = 1;

/** The search request, read from `queryParams`. */
interface PickerQuery {
  text: string;
  max: number;
  principalType: number;
  principalSource: number;
  groupId: number;
}

/** `POST …clientPeoplePickerSearchUser`: reading people needs Browse User Information, as `siteUsers`. */
export function peoplePickerSearchRoute(ctx: Ctx): ApiResponse {
  allow(ctx, 'ClientPeoplePickerSearchUser', 'POST');
  demand(webMask(ctx.site, ctx.user), PermissionKind.BrowseUserInfo);
  const query = readQuery(jsonBody(ctx.req));
  const entities = search(ctx, query).map(entityOf);
  const value = JSON.stringify(entities);
  // Verbose names the result after the method; the other formats write it as `value`.
  if (wantsVerbose(ctx.req.headers)) return ok({ ClientPeoplePickerSearchUser: value });
  return ok({ 'odata.metadata': `${apiBase(ctx)}/$metadata#Edm.String`, value });
}

function readQuery(body: JsonObject): PickerQuery {
  for (const [k] of bodyProperties(body)) {
    // UNCONFIRMED wording: SharePoint's text for an unknown parameter of a service method.
    if (k !== 'queryParams')
      throw badArgument(`The parameter ${k} does not exist in method ClientPeoplePickerSearchUser.`);
  }
  const raw = body.queryParams;
  if (!raw || typeof raw !== 'object' || Array.isArray(raw))
    throw badArgument('The parameter queryParams cannot be null.');
  const props = new Map<string, JsonValue>();
  for (const [k, v] of bodyProperties(raw)) {
    const known = QUERY_PROPERTIES.find((p) => p.toLowerCase() === k.toLowerCase());
    if (!known) throw unknownProperty(k, QUERY_TYPE);
    props.set(known, v);
  }
  const int = (name: string, fallback: number): number => {
    const v = readPrimitive(props.get(name), 'Edm.Int32');
    return typeof v === 'number' ? v : fallback;
  };
  return {
    text: String(readPrimitive(props.get('QueryString'), 'Edm.String') ?? '').trim(),
    // UNCONFIRMED: what SharePoint does without a maximum; here nothing is suggested (the property is required in PnPjs's type).
    max: Math.max(0, int('MaximumEntitySuggestions', 0)),
    // ClientPeoplePickerQueryParameters defaults: PrincipalType and PrincipalSource "All" (15).
    principalType: int('PrincipalType', 15),
    principalSource: int('PrincipalSource', 15),
    groupId: int('SharePointGroupID', 0),
  };
}

function search(ctx: Ctx, q: PickerQuery): UserRecord[] {
  if (q.text === '' || q.max === 0 || (q.principalType & USER) === 0) return [];
  const directory = (q.principalSource & ~USER_INFO_LIST) !== 0;
  const group = q.groupId > 0 ? ctx.site.groups.get(q.groupId) : undefined;
  if (q.groupId > 0 && !group) return [];
  const found = [...ctx.site.users.values()].filter(
    (u) => (directory || u.inSite) && (!group || group.memberIds.includes(u.id)) && matches(u, q.text),
  );
  return found.sort((a, b) => a.title.localeCompare(b.title, 'da')).slice(0, q.max);
}

/** Prefix match on the words of the name, the e-mail address and the account, ignoring case. */
export function matches(u: UserRecord, text: string): boolean {
  const typed = text.toLocaleLowerCase('da');
  const name = u.title.toLocaleLowerCase('da');
  if (
    name.startsWith(typed) ||
    u.email.toLowerCase().startsWith(typed) ||
    emailFromLogin(u.loginName).toLowerCase().startsWith(typed)
  )
    return true;
  const words = name.split(/[\s-]+/).filter(Boolean);
  return typed.split(/\s+/).every((part) => words.some((w) => w.startsWith(part)));
}

/** A stable Entra-style object id for a local account. */
function objectId(email: string): string {
  const h = createHash('sha1').update(email.toLowerCase()).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

function entityOf(u: UserRecord): JsonObject {
  const upn = emailFromLogin(u.loginName) || u.email;
  return {
    Key: u.loginName,
    DisplayText: u.title,
    IsResolved: true,
    Description: upn,
    EntityType: 'User',
    EntityData: {
      IsAltSecIdPresent: 'False',
      ObjectId: objectId(u.email),
      Title: u.jobTitle,
      Email: u.email,
      MobilePhone: '',
      Department: u.department,
    },
    MultipleMatches: [],
    ProviderName: 'Tenant',
    ProviderDisplayName: 'Tenant',
  };
}
