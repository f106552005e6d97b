/**
 * People for pickers: SharePoint's own people picker search (`clientPeoplePickerSearchUser`, what the
 * site's people fields use), then `ensureUser` for the one chosen, so a person column can store their
 * site user id; and an e-mail typed in full resolved the same way.
 *
 * Not `siteUsers` with `$filter=substringof(…)`: SharePoint Online compares that case-sensitively on
 * SP.User (pnp/pnpjs#2649), so "lene" found nobody named "Lene". The picker search ignores case, matches
 * the start of each word of the name ("madsen") and finds people who have not visited the site yet.
 */
import type { SPFI } from '@pnp/sp';
import type { IPeoplePickerEntity } from '@pnp/sp/profiles';
import { isEmailAddress } from '../../domain/people';
import { DataError, httpStatus, retryThrottled, toDataError } from '../errors';
import type { IPeopleRepository, IPersonMatch, IPersonValue } from './types';

/** The fewest characters a search is sent for (one letter matches half the organisation). */
export const MIN_SEARCH_LENGTH = 2;

/** How many people a search returns at most. */
export const SEARCH_TOP = 20;

/** SharePoint's PrincipalType of a person (groups and claims such as "Everyone" are other types). */
const PERSON = 1;

/** PrincipalSource "All": the site's users and the organisation's directory (Entra ID). */
const ALL_SOURCES = 15;

/** The fields of an SP.User a picker needs. */
interface IUserRow {
  Id: number;
  Title?: string | null;
  Email?: string | null;
  PrincipalType?: number;
  IsHiddenInUI?: boolean;
}

/** A person for a picker, or undefined for rows that are not people one can assign (no e-mail, hidden). */
export function personOf(row: IUserRow): IPersonValue | undefined {
  const email = (row.Email || '').trim();
  if (
    typeof row.Id !== 'number' ||
    !email ||
    row.IsHiddenInUI ||
    (row.PrincipalType !== undefined && row.PrincipalType !== PERSON)
  )
    return undefined;
  return { id: row.Id, title: (row.Title || '').trim() || email, email };
}

/** A person the picker search found, or undefined for what is not a resolved user with an e-mail. */
export function matchOf(entity: Partial<IPeoplePickerEntity>): IPersonMatch | undefined {
  if (!entity || entity.EntityType !== 'User' || entity.IsResolved === false || !entity.Key) return undefined;
  const email = String(entity.EntityData?.Email || '').trim();
  if (!email) return undefined;
  return { key: entity.Key, title: String(entity.DisplayText || '').trim() || email, email };
}

/** The claims login of an e-mail in SharePoint Online (membership provider: Entra ID accounts). */
export function loginOf(email: string): string {
  return `i:0#.f|membership|${email.trim().toLowerCase()}`;
}

/** Whether SharePoint said the directory has no such user (`ensureUser`: 400 or 500 with this text, or 404). */
function isUnknownUser(error: unknown): boolean {
  const text = String((error as Error | undefined)?.message || '');
  return httpStatus(error) === 404 || /could not be found|user.*not.*found/i.test(text);
}

export class PeopleRepository implements IPeopleRepository {
  public constructor(private readonly sp: SPFI) {}

  /** People in the organisation by the start of a word of the name or of the e-mail, any case, by name. */
  public async search(text: string, top = SEARCH_TOP): Promise<IPersonMatch[]> {
    const term = text.trim();
    if (term.length < MIN_SEARCH_LENGTH) return [];
    let entities: IPeoplePickerEntity[];
    try {
      // Loaded with the first search: the profiles module is not part of any first view.
      await import(/* webpackChunkName: 'mpk-people-search' */ '@pnp/sp/profiles');
      entities = await retryThrottled(() =>
        this.sp.profiles.clientPeoplePickerSearchUser({
          QueryString: term,
          MaximumEntitySuggestions: top,
          PrincipalSource: ALL_SOURCES,
          PrincipalType: PERSON,
          // As SharePoint's own pickers ask (pnp/sp-dev-fx-controls-react#2113). An unvalidated e-mail
          // entity this may add is not EntityType "User" and is dropped by `matchOf`; `ensure` resolves those.
          AllowEmailAddresses: true,
          AllowMultipleEntities: false,
        }),
      );
    } catch (error) {
      throw toDataError(error);
    }
    const found = new Map<string, IPersonMatch>();
    for (const entity of Array.isArray(entities) ? entities : []) {
      const match = matchOf(entity);
      if (match && !found.has(match.key.toLowerCase())) found.set(match.key.toLowerCase(), match);
    }
    return [...found.values()].sort((a, b) => a.title.localeCompare(b.title, 'da'));
  }

  /** The site user of a person `search` found, added to the site if they have not visited it. */
  public async resolve(match: IPersonMatch): Promise<IPersonValue> {
    return this.ensureLogin(match.key, match.email, 'personNotFound');
  }

  /** The person with this e-mail, added to the site if the organisation's directory knows them. */
  public async ensure(email: string): Promise<IPersonValue> {
    if (!isEmailAddress(email)) throw new DataError('invalid', { reason: 'userNotFound', detail: email });
    return this.ensureLogin(loginOf(email), email.trim(), 'userNotFound');
  }

  private async ensureLogin(
    login: string,
    email: string,
    unknown: 'userNotFound' | 'personNotFound',
  ): Promise<IPersonValue> {
    let row: IUserRow;
    try {
      row = (await retryThrottled(() => this.sp.web.ensureUser(login))) as unknown as IUserRow;
    } catch (error) {
      if (isUnknownUser(error))
        throw new DataError('notFound', { reason: unknown, status: httpStatus(error), cause: error, detail: email });
      throw toDataError(error);
    }
    const person = personOf({ ...row, Email: row.Email || email });
    if (!person) throw new DataError('notFound', { reason: unknown, detail: email });
    return person;
  }
}
