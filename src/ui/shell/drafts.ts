/**
 * Where form drafts live in the browser — the one place that knows the keys. A draft belongs to one
 * person: its key is `mpk:draft:@<hash of the login>:<form key>`, so on a shared PC (a care home, a
 * school) the next person who signs in never sees the first person's unsent text. The hash keeps the
 * login out of the browser's storage in clear text (it is not a secret: it only separates people).
 * Drafts from before this rule (`mpk:draft:<form key>`, shared by everyone) are removed on load.
 */
import * as React from 'react';
import type { ICurrentUser } from '../../data/repositories/types';
import { ServicesContext } from './services';
import { browserStorage } from './browserStorage';

/** Every draft key starts with this. */
export const DRAFT_PREFIX = 'mpk:draft:';
/** What follows the prefix in a person's draft key (a legacy, shared key never has it). */
const PERSON_MARK = '@';

/**
 * A short, stable hash of a login (cyrb53: 53 bits, base 36). Case and surrounding spaces do not
 * matter: "Lene@x.dk" and "lene@x.dk " are the same person.
 */
export function personHash(login: string): string {
  const text = login.trim().toLowerCase();
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 2654435761);
    h2 = Math.imul(h2 ^ c, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(36);
}

/** The login a person's drafts are filed under: the e-mail (the sign-in name), else the site user id. */
export function draftOwner(user: Pick<ICurrentUser, 'id' | 'email'> | undefined): string {
  if (!user) return '';
  return user.email ? user.email : `user:${user.id}`;
}

/** The storage key of one person's draft of one form, e.g. `mpk:draft:@1x9k…:story:new`. */
export function draftStorageKey(owner: string, key: string): string {
  return `${DRAFT_PREFIX}${PERSON_MARK}${personHash(owner)}:${key}`;
}

/** Whether a person keeps a draft of a form in this browser. */
export function hasDraft(owner: string, key: string): boolean {
  try {
    return !!browserStorage()?.getItem(draftStorageKey(owner, key));
  } catch {
    return false;
  }
}

/** Forgets a person's draft of a form. */
export function removeDraft(owner: string, key: string): void {
  try {
    browserStorage()?.removeItem(draftStorageKey(owner, key));
  } catch {
    // Blocked storage holds no draft.
  }
}

/**
 * Removes drafts written before drafts were kept per person (`mpk:draft:story:new` and the like):
 * anyone using the browser could read them. Returns how many were removed.
 */
export function removeSharedDrafts(): number {
  const store = browserStorage();
  if (!store) return 0;
  const legacy: string[] = [];
  try {
    for (let i = 0; i < store.length; i++) {
      const key = store.key(i);
      if (key && key.indexOf(DRAFT_PREFIX) === 0 && key.charAt(DRAFT_PREFIX.length) !== PERSON_MARK) legacy.push(key);
    }
    for (const key of legacy) store.removeItem(key);
  } catch {
    return 0;
  }
  return legacy.length;
}

/** The signed-in person's draft owner (from the web part's services; '' outside a shell). */
export function useDraftOwner(): string {
  const services = React.useContext(ServicesContext);
  return draftOwner(services?.user);
}
