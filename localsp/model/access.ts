/**
 * Who may do what: effective masks on the web and on lists (inherited or unique role assignments),
 * content approval visibility and item-level permissions (ReadSecurity / WriteSecurity).
 */
import { accessDenied } from '../http/errors';
import { effectiveMask, EMPTY_MASK, FULL_MASK, hasPermission, Mask, PermissionKind } from './permissions';
import type { ListRuntime, Site } from './site';
import type { ItemRecord, ListRecord, RoleAssignmentRecord, UserRecord } from './types';

/** The user's effective mask on a set of role assignments (site collection admins get FullMask). */
export function maskFor(site: Site, assignments: readonly RoleAssignmentRecord[], user: UserRecord): Mask {
  if (!user.inSite) return EMPTY_MASK;
  if (user.isSiteAdmin) return FULL_MASK;
  return effectiveMask(assignments, site.principalsOf(user.id), site.roleDefs);
}

/** Effective mask on the web. */
export function webMask(site: Site, user: UserRecord): Mask {
  return maskFor(site, site.web.roleAssignments, user);
}

/** The role assignments a list uses: its own when it has unique permissions, else the web's. */
export function listAssignments(site: Site, list: ListRecord): RoleAssignmentRecord[] {
  return list.roleAssignments ?? site.web.roleAssignments;
}

/** Effective mask on a list. */
export function listMask(site: Site, list: ListRecord, user: UserRecord): Mask {
  return maskFor(site, listAssignments(site, list), user);
}

/** Throws SharePoint's 403 unless the mask grants the permission. */
export function demand(mask: Mask, kind: number): void {
  if (!hasPermission(mask, kind)) throw accessDenied();
}

/**
 * Override List Behaviors (the CancelCheckout bit): reads and edits all items regardless of ReadSecurity /
 * WriteSecurity. UNCONFIRMED: older SharePoint named Manage Lists here; with that, Edit (Medlemmer) would see
 * everyone's private notes, so this server follows the SharePoint Online permission description.
 */
export function overridesItemSecurity(mask: Mask): boolean {
  return hasPermission(mask, PermissionKind.CancelCheckout);
}

/** May approve (and see drafts of others) on a moderated list. */
export function canApprove(mask: Mask): boolean {
  return hasPermission(mask, PermissionKind.ApproveItems);
}

/** A user's rights on one list, computed once per request. */
export interface ListAccess {
  mask: Mask;
  user: UserRecord;
  list: ListRecord;
}

/** Builds the per-request access view of a list. */
export function listAccess(site: Site, rt: ListRuntime, user: UserRecord): ListAccess {
  return { mask: listMask(site, rt.rec, user), user, list: rt.rec };
}

/**
 * Who sees drafts (pending or rejected items, and the pending version of an edited approved item) on a
 * moderated list, by `DraftVersionVisibility` as SharePoint Online defines it: 0 (Reader) every reader,
 * 1 (Author) users who can edit items, 2 (Approver) users who can approve items; the item's author
 * always sees their own. New lists and lists that get content approval by API stay at 0 (fidelity
 * reference rows 39–40), so a list provisioned without setting it shows drafts to everyone.
 * UNCONFIRMED against a recording: 1 as Edit Items (the list settings page's "Only users who can edit
 * items"); 0 and 2 follow Microsoft's support text and the recorded DVV value.
 */
export function seesDrafts(item: ItemRecord, access: ListAccess): boolean {
  const { list, mask, user } = access;
  if (item.author === user.id || canApprove(mask)) return true;
  switch (list.draftVersionVisibility) {
    case 0:
      return true;
    case 1:
      return hasPermission(mask, PermissionKind.EditListItems);
    default:
      return false;
  }
}

/**
 * The version of an item this user sees, or null: ReadSecurity 2 hides other people's items (unless
 * Override List Behaviors); on moderated lists a user who may not see drafts (`seesDrafts`) gets the
 * last approved version if there is one.
 */
export function visibleVersion(item: ItemRecord, access: ListAccess): ItemRecord | null {
  const { list, mask, user } = access;
  if (list.readSecurity === 2 && item.author !== user.id && !overridesItemSecurity(mask)) return null;
  if (!list.enableModeration || item.moderationStatus === null || item.moderationStatus === 0) return item;
  if (seesDrafts(item, access)) return item;
  return publishedVersion(item);
}

/** The last approved version of an item as readers who may not see its newer one get it, or null. */
export function publishedVersion(item: ItemRecord): ItemRecord | null {
  const pub = item.published;
  if (!pub) return null;
  return {
    ...item,
    version: pub.version,
    uiMajor: pub.uiMajor,
    modified: pub.modified,
    editor: pub.editor,
    values: pub.values,
    moderationStatus: 0,
    moderationComments: pub.moderationComments,
    published: null,
  };
}

/** Throws 403 unless the user may edit (or delete) this item under WriteSecurity. */
export function demandItemWrite(item: ItemRecord, access: ListAccess, kind: number): void {
  demand(access.mask, kind);
  const ws = access.list.writeSecurity;
  if (ws === 1 || overridesItemSecurity(access.mask)) return;
  if (ws === 4 || item.author !== access.user.id) throw accessDenied();
}

/** Throws 403 unless the user may add items (AddListItems, and WriteSecurity is not 4 "none"). */
export function demandItemAdd(access: ListAccess): void {
  demand(access.mask, PermissionKind.AddListItems);
  if (access.list.writeSecurity === 4 && !overridesItemSecurity(access.mask)) throw accessDenied();
}
