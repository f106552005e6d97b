/**
 * Permission levels and effective permissions, with SharePoint's real SP.PermissionKind bit numbers
 * (bit = kind − 1; kinds 1–32 in Low, 33–64 in High). Masks of the built-in levels are SharePoint
 * Online's.
 */
import type { RoleAssignmentRecord, RoleDefRecord } from './types';

/** SP.PermissionKind values this server checks (numbers as SharePoint and PnPjs define them). */
export const PermissionKind = {
  ViewListItems: 1,
  AddListItems: 2,
  EditListItems: 3,
  DeleteListItems: 4,
  ApproveItems: 5,
  OpenItems: 6,
  ViewVersions: 7,
  DeleteVersions: 8,
  /** Shown in the UI as "Override List Behaviors"; bypasses ReadSecurity/WriteSecurity. */
  CancelCheckout: 9,
  ManageLists: 12,
  Open: 17,
  ViewPages: 18,
  CreateGroups: 25,
  ManagePermissions: 26,
  BrowseUserInfo: 28,
  ManageWeb: 31,
  EnumeratePermissions: 63,
  FullMask: 65,
} as const;

/** A permission mask as two unsigned 32-bit halves. */
export interface Mask {
  high: number;
  low: number;
}

/** The empty mask. */
export const EMPTY_MASK: Mask = { high: 0, low: 0 };

/** SharePoint's FullMask (site collection administrators, Full Control). */
export const FULL_MASK: Mask = { high: 2147483647, low: 4294967295 };

/** Built-in role definition ids (reference: issue 3). */
export const RoleDefId = {
  LimitedAccess: 1073741825,
  Read: 1073741826,
  Contribute: 1073741827,
  Design: 1073741828,
  FullControl: 1073741829,
  Edit: 1073741830,
} as const;

/** The built-in permission levels of a SharePoint Online team site. */
export function builtInRoleDefinitions(): RoleDefRecord[] {
  return [
    {
      id: RoleDefId.FullControl,
      name: 'Full Control',
      description: 'Has full control.',
      order: 1,
      roleTypeKind: 5,
      high: FULL_MASK.high,
      low: FULL_MASK.low,
      hidden: false,
    },
    {
      id: RoleDefId.Design,
      name: 'Design',
      description: 'Can view, add, update, delete, approve, and customize.',
      order: 32,
      roleTypeKind: 4,
      high: 432,
      low: 1012866047,
      hidden: false,
    },
    {
      id: RoleDefId.Edit,
      name: 'Edit',
      description: 'Can add, edit and delete lists; can view, add, update and delete list items and documents.',
      order: 48,
      roleTypeKind: 6,
      high: 432,
      low: 1011030767,
      hidden: false,
    },
    {
      id: RoleDefId.Contribute,
      name: 'Contribute',
      description: 'Can view, add, update, and delete list items and documents.',
      order: 64,
      roleTypeKind: 3,
      high: 432,
      low: 1011028719,
      hidden: false,
    },
    {
      id: RoleDefId.Read,
      name: 'Read',
      description: 'Can view pages and list items and download documents.',
      order: 128,
      roleTypeKind: 2,
      high: 176,
      low: 138612833,
      hidden: false,
    },
    // UNCONFIRMED: Limited Access mask (Open, ViewFormPages, BrowseUserInfo, client integration); never assigned here.
    {
      id: RoleDefId.LimitedAccess,
      name: 'Limited Access',
      description:
        'Can view specific lists, document libraries, list items, folders, or documents when given permissions.',
      order: 160,
      roleTypeKind: 1,
      high: 48,
      low: 134287360,
      hidden: true,
    },
  ];
}

/** True when the mask grants the permission kind (FullMask needs every bit, as SharePoint's own check). */
export function hasPermission(mask: Mask, kind: number): boolean {
  if (kind === PermissionKind.FullMask) return mask.high === FULL_MASK.high && mask.low === FULL_MASK.low;
  const bit = kind - 1;
  if (bit < 0 || bit > 63) return false;
  if (bit < 32) return ((mask.low >>> bit) & 1) === 1;
  return ((mask.high >>> (bit - 32)) & 1) === 1;
}

/** Bitwise union of two masks, kept unsigned. */
export function unionMask(a: Mask, b: Mask): Mask {
  return { high: (a.high | b.high) >>> 0, low: (a.low | b.low) >>> 0 };
}

/** The effective mask of a principal set on a set of role assignments. */
export function effectiveMask(
  assignments: readonly RoleAssignmentRecord[],
  principalIds: ReadonlySet<number>,
  roleDefs: ReadonlyMap<number, RoleDefRecord>,
): Mask {
  let mask = EMPTY_MASK;
  for (const a of assignments) {
    if (!principalIds.has(a.principalId)) continue;
    for (const id of a.roleDefIds) {
      const def = roleDefs.get(id);
      if (def) mask = unionMask(mask, { high: def.high, low: def.low });
    }
  }
  return mask;
}

/** A mask as SP.BasePermissions JSON: Int64 halves are strings in JSON Light. */
export function maskJson(mask: Mask): { High: string; Low: string } {
  return { High: String(mask.high >>> 0), Low: String(mask.low >>> 0) };
}

/** Parses `{High, Low}` as a client sends it (strings or numbers). */
export function parseMask(value: unknown): Mask | null {
  if (!value || typeof value !== 'object') return null;
  const v = value as { High?: unknown; Low?: unknown };
  const high = Number(v.High);
  const low = Number(v.Low);
  if (!Number.isFinite(high) || !Number.isFinite(low)) return null;
  return { high: high >>> 0, low: low >>> 0 };
}
