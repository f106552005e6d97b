/**
 * The directory: the local SharePoint's users (the same `Site` object, so `/_local/users` adds people to both),
 * with deterministic Entra object ids. `GET /me` and `GET /users/{id|upn}` answer them (scope User.ReadBasic.All,
 * `/me` always: User.Read is implied by sign-in).
 */
import { createHash } from 'crypto';
import type { Site } from '../localsp/model/site';
import type { UserRecord } from '../localsp/model/types';
import { JsonObj } from './http';

/**
 * A user's Entra object id (contract §1): the UUID made of the first 16 bytes of
 * `sha1('mpk-local-user:' + email.toLowerCase())` with the version nibble 5 and the RFC 4122 variant bits.
 */
export function graphUserId(email: string): string {
  const bytes = createHash('sha1')
    .update(`mpk-local-user:${email.trim().toLowerCase()}`, 'utf8')
    .digest()
    .subarray(0, 16);
  bytes[6] = (bytes[6] & 0x0f) | 0x50;
  bytes[8] = (bytes[8] & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** A user by Entra object id or UPN (= e-mail), case ignored; undefined when the directory has none. */
export function findUser(site: Site, idOrUpn: string): UserRecord | undefined {
  const key = idOrUpn.trim().toLowerCase();
  if (key.includes('@')) return site.userByEmail(key);
  for (const u of site.users.values()) if (graphUserId(u.email) === key) return u;
  return undefined;
}

/** Graph's user entity (v1.0 default properties) for a directory user. */
export function userEntity(user: UserRecord): JsonObj {
  const [givenName, ...rest] = user.title.split(' ');
  return {
    businessPhones: [],
    displayName: user.title,
    givenName: rest.length > 0 ? givenName : null,
    jobTitle: user.jobTitle || null,
    mail: user.email,
    mobilePhone: null,
    officeLocation: null,
    preferredLanguage: 'da-DK',
    surname: rest.length > 0 ? rest.join(' ') : null,
    userPrincipalName: user.email,
    id: graphUserId(user.email),
    department: user.department || null,
  };
}

/** The user entity as `GET /me` or `/users/{id}` answers it, narrowed by `$select` (with its @odata.context). */
export function userAnswer(user: UserRecord, select: string | null): JsonObj {
  const full = userEntity(user);
  const names = (select ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '');
  if (names.length === 0)
    return { '@odata.context': 'https://graph.microsoft.com/v1.0/$metadata#users/$entity', ...full };
  const out: JsonObj = {
    '@odata.context': `https://graph.microsoft.com/v1.0/$metadata#users(${names.join(',')})/$entity`,
  };
  for (const name of names) {
    const key = Object.keys(full).find((k) => k.toLowerCase() === name.toLowerCase());
    if (key) out[key] = full[key];
  }
  return out;
}
