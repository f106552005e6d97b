/**
 * People on the site for pickers: search the site's users by name or e-mail, and resolve an e-mail
 * typed in full (`ensureUser`: someone in the organisation who has not visited the site yet).
 */
import type { SPFI } from "@pnp/sp";
import { isEmailAddress } from "../../domain/people";
import { DataError, httpStatus, retryThrottled, toDataError } from "../errors";
import { quote } from "./query";
import type { IPeopleRepository, IPersonValue } from "./types";

/** The fewest characters a search is sent for (one letter matches half the organisation). */
export const MIN_SEARCH_LENGTH = 2;

/** How many people a search returns at most. */
export const SEARCH_TOP = 20;

/** SharePoint's PrincipalType of a person (groups and claims such as "Everyone" are other types). */
const PERSON = 1;

/** The fields of an SP.User a picker needs. */
interface IUserRow {
  Id: number;
  Title?: string | null;
  Email?: string | null;
  PrincipalType?: number;
  IsHiddenInUI?: boolean;
}

/**
 * The `$filter` of a people search: `text` in the name or the e-mail (PnPjs does not escape quotes).
 * UNCONFIRMED: whether SharePoint Online compares `substringof` on SP.User case-insensitively (the local
 * SharePoint does, as it does for list items). E-mail addresses are lower case, so a lower-case search
 * finds people by e-mail either way.
 */
export function peopleFilter(text: string): string {
  const term = quote(text.trim());
  return `PrincipalType eq ${PERSON} and (substringof(${term},Title) or substringof(${term},Email))`;
}

/** A person for a picker, or undefined for rows that are not people one can assign (no e-mail, hidden). */
export function personOf(row: IUserRow): IPersonValue | undefined {
  const email = (row.Email || "").trim();
  if (typeof row.Id !== "number" || !email || row.IsHiddenInUI || (row.PrincipalType !== undefined && row.PrincipalType !== PERSON)) return undefined;
  return { id: row.Id, title: (row.Title || "").trim() || email, email };
}

/** The claims login of an e-mail in SharePoint Online (membership provider: Entra ID accounts). */
export function loginOf(email: string): string {
  return `i:0#.f|membership|${email.trim().toLowerCase()}`;
}

/** Whether SharePoint said the directory has no such user (`ensureUser`). */
function isUnknownUser(error: unknown): boolean {
  const text = String((error as Error | undefined)?.message || "");
  return httpStatus(error) === 404 || /could not be found|user.*not.*found/i.test(text);
}

export class PeopleRepository implements IPeopleRepository {
  public constructor(private readonly sp: SPFI) {}

  /** People whose name or e-mail contains `text` (at least two characters), by name. */
  public async search(text: string, top = SEARCH_TOP): Promise<IPersonValue[]> {
    if (text.trim().length < MIN_SEARCH_LENGTH) return [];
    let rows: IUserRow[];
    try {
      rows = await retryThrottled(() => this.sp.web.siteUsers.select("Id", "Title", "Email", "PrincipalType", "IsHiddenInUI").filter(peopleFilter(text)).top(top)<IUserRow[]>());
    } catch (error) {
      throw toDataError(error);
    }
    const people: IPersonValue[] = [];
    for (const row of rows) {
      const person = personOf(row);
      if (person) people.push(person);
    }
    return people.sort((a, b) => a.title.localeCompare(b.title, "da"));
  }

  /** The person with this e-mail, added to the site if the organisation's directory knows them. */
  public async ensure(email: string): Promise<IPersonValue> {
    if (!isEmailAddress(email)) throw new DataError("invalid", { reason: "userNotFound", detail: email });
    let row: IUserRow;
    try {
      row = (await retryThrottled(() => this.sp.web.ensureUser(loginOf(email)))) as unknown as IUserRow;
    } catch (error) {
      if (isUnknownUser(error)) throw new DataError("notFound", { reason: "userNotFound", status: httpStatus(error), cause: error, detail: email });
      throw toDataError(error);
    }
    const person = personOf({ ...row, Email: row.Email || email.trim() });
    if (!person) throw new DataError("notFound", { reason: "userNotFound", detail: email });
    return person;
  }
}
