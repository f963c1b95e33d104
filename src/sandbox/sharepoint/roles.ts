// SharePoint's permission levels (role definitions) and how a caller's effective permissions on the web or a
// list are worked out from role assignments: directly by user id and through the site groups they belong to.
// Ids, names, orders, descriptions and BasePermissions are those SharePoint Online returns for a team site's
// built-in levels (GET _api/web/roledefinitions, as recorded in pnp/cli-microsoft365's spo roledefinition
// and list tests); the bits are SP.PermissionKind (node_modules/@pnp/sp/security/types.js).
import type { SpList, SpRoleAssignment, SpSite } from "./model.ts";

export interface RoleDefinition {
  Id: number;
  Name: string;
  Description: string;
  Order: number;
  /** SP.RoleType: 1 Guest (Limited Access), 2 Reader, 3 Contributor, 4 WebDesigner, 5 Administrator, 6 Editor. */
  RoleTypeKind: number;
  Hidden: boolean;
  BasePermissions: { High: string; Low: string };
}

export const ROLE_ID = {
  fullControl: 1073741829,
  design: 1073741828,
  edit: 1073741830,
  contribute: 1073741827,
  read: 1073741826,
  limitedAccess: 1073741825,
} as const;

export const ROLE_DEFINITIONS: readonly RoleDefinition[] = [
  {
    Id: ROLE_ID.fullControl,
    Name: "Full Control",
    Description: "Has full control.",
    Order: 1,
    RoleTypeKind: 5,
    Hidden: false,
    BasePermissions: { High: "2147483647", Low: "4294967295" },
  },
  {
    Id: ROLE_ID.design,
    Name: "Design",
    Description: "Can view, add, update, delete, approve, and customize.",
    Order: 32,
    RoleTypeKind: 4,
    Hidden: false,
    BasePermissions: { High: "432", Low: "1012866047" },
  },
  {
    Id: ROLE_ID.edit,
    Name: "Edit",
    Description: "Can add, edit and delete lists; can view, add, update and delete list items and documents.",
    Order: 48,
    RoleTypeKind: 6,
    Hidden: false,
    BasePermissions: { High: "432", Low: "1011030767" },
  },
  {
    Id: ROLE_ID.contribute,
    Name: "Contribute",
    Description: "Can view, add, update, and delete list items and documents.",
    Order: 64,
    RoleTypeKind: 3,
    Hidden: false,
    BasePermissions: { High: "432", Low: "1011028719" },
  },
  {
    Id: ROLE_ID.read,
    Name: "Read",
    Description: "Can view pages and list items and download documents.",
    Order: 128,
    RoleTypeKind: 2,
    Hidden: false,
    BasePermissions: { High: "176", Low: "138612833" },
  },
  {
    Id: ROLE_ID.limitedAccess,
    Name: "Limited Access",
    Description:
      "Can view specific lists, document libraries, list items, folders, or documents when given permissions.",
    Order: 160,
    RoleTypeKind: 1,
    Hidden: true,
    BasePermissions: { High: "48", Low: "134287360" },
  },
];

/** SP.PermissionKind values the emulator checks (bit n-1 of the 64-bit mask). */
export const PERMISSION = {
  viewListItems: 1,
  addListItems: 2,
  editListItems: 3,
  deleteListItems: 4,
  /** "Override list behaviors": read and edit every item whatever ReadSecurity/WriteSecurity say. */
  cancelCheckout: 9,
  manageLists: 12,
  open: 17,
  managePermissions: 26,
  manageWeb: 31,
  useRemoteApis: 38,
  /** Read role assignments: only Full Control has it among the built-in levels. */
  enumeratePermissions: 63,
} as const;

export type PermissionKind = (typeof PERMISSION)[keyof typeof PERMISSION];

/** Full Control: every bit but the top one. */
const FULL_MASK = 2n ** 63n - 1n;

export function maskOf(role: RoleDefinition): bigint {
  return (BigInt(role.BasePermissions.High) << 32n) | BigInt(role.BasePermissions.Low);
}

/** A mask as SP.BasePermissions writes it: two decimal strings. */
export function basePermissions(mask: bigint): { High: string; Low: string } {
  return { High: String((mask >> 32n) & 0xffffffffn), Low: String(mask & 0xffffffffn) };
}

export function hasPermission(mask: bigint, kind: PermissionKind): boolean {
  return ((mask >> BigInt(kind - 1)) & 1n) === 1n;
}

export function roleDefinitionById(id: number): RoleDefinition | undefined {
  return ROLE_DEFINITIONS.find((r) => r.Id === id);
}

/**
 * A classic team site's root web: Owners Full Control, Members Contribute, Visitors Read. (A group-connected
 * site gives Members Edit, which includes ManageLists: Members could then create lists and change list
 * settings. The sandbox models the narrower site; a test can grant Edit through web/roleassignments.)
 */
export function defaultWebAssignments(
  site: Pick<SpSite, "ownerGroupId" | "memberGroupId" | "visitorGroupId">,
): SpRoleAssignment[] {
  return [
    { principalId: site.ownerGroupId, roleDefinitionIds: [ROLE_ID.fullControl] },
    { principalId: site.visitorGroupId, roleDefinitionIds: [ROLE_ID.read] },
    { principalId: site.memberGroupId, roleDefinitionIds: [ROLE_ID.contribute] },
  ];
}

/**
 * Who the caller is for permission checks: everything (app-only, site admin) or a set of principal ids; and
 * the most their token allows (scopes.ts), which every check is intersected with. No ceiling: the sandbox's
 * test token, or a principal looked at for someone else (getUserEffectivePermissions).
 */
export type Access = ({ full: true } | { full: false; principalIds: ReadonlySet<number> }) & {
  ceiling?: bigint;
};

export function accessOf(site: SpSite, userId: number, isApp: boolean): Access {
  const user = site.users.find((u) => u.Id === userId);
  // An app principal and a site collection administrator hold everything; what an app's token may use of it
  // is its ceiling (scopes.ts: Sites.FullControl.All all of it, Sites.Selected its grant).
  if (isApp || user?.IsSiteAdmin === true) return { full: true };
  const ids = new Set<number>([userId]);
  for (const group of site.groups) if (group.memberIds.includes(userId)) ids.add(group.Id);
  return { full: false, principalIds: ids };
}

/** The role assignments that apply to a list: its own when inheritance is broken, else the web's. */
export function assignmentsOn(site: SpSite, list: SpList | null): SpRoleAssignment[] {
  return list?.roleAssignments ?? site.roleAssignments;
}

/** What the principal holds on the web (list null) or on a list, before any token ceiling. */
function heldOn(site: SpSite, access: Access, list: SpList | null): bigint {
  if (access.full) return FULL_MASK;
  let mask = 0n;
  for (const assignment of assignmentsOn(site, list)) {
    if (!access.principalIds.has(assignment.principalId)) continue;
    for (const id of assignment.roleDefinitionIds) {
      const role = roleDefinitionById(id);
      if (role !== undefined) mask |= maskOf(role);
    }
  }
  return mask;
}

/** The caller's effective permissions on the web (list null) or on a list: what they hold, within their token. */
export function permissionsOn(site: SpSite, access: Access, list: SpList | null): bigint {
  const held = heldOn(site, access, list);
  return access.ceiling === undefined ? held : held & access.ceiling;
}

export function can(site: SpSite, access: Access, list: SpList | null, kind: PermissionKind): boolean {
  return hasPermission(permissionsOn(site, access, list), kind);
}

/** Whether the person (or app principal) holds `kind`, whatever their token allows. */
export function holds(site: SpSite, access: Access, list: SpList | null, kind: PermissionKind): boolean {
  return hasPermission(heldOn(site, access, list), kind);
}
