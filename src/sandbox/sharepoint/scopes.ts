// What a token lets its bearer do on a site, whatever the person behind it may do. SharePoint's rights for an
// app are four levels, Read, Write, Manage and FullControl, which "correspond to the default user permission
// levels of SharePoint: Reader, Contributor, Designer, and Full Control"
// (https://learn.microsoft.com/en-us/sharepoint/dev/sp-add-ins/add-in-permissions-in-sharepoint); Entra's
// SharePoint permissions name them: delegated AllSites.Read / .Write / .Manage / .FullControl ("read and write
// items and lists", "create or delete document libraries and lists", "have full control of all site
// collections"), application Sites.Read.All / .ReadWrite.All / .Manage.All / .FullControl.All. Sites.Selected
// reaches only the sites granted to the app (Graph's POST /sites/{id}/permissions), at the granted role.
// A delegated token acts with the intersection of the app's rights and the person's: "both the application and
// user permissions are calculated and then intersected, which means that the application can never exceed the
// user's permissions" (https://learn.microsoft.com/en-us/graph/permissions-selected-overview). So managing
// permissions (breaking inheritance, role assignments, site groups and their members) is Full Control's
// ManagePermissions: a token with AllSites.Manage cannot do it, even for a site Owner.
import type { SandboxRequest, SandboxResponse, TokenGrant } from "../http.ts";
import { spError } from "./format.ts";
import type { SpSite } from "./model.ts";
import { maskOf, ROLE_ID, roleDefinitionById } from "./roles.ts";

export type SiteLevel = "read" | "write" | "manage" | "fullcontrol";

const LEVELS: readonly SiteLevel[] = ["read", "write", "manage", "fullcontrol"];

/** The permission level each right corresponds to (Reader, Contributor, Designer, Full Control). */
const LEVEL_ROLE: Record<SiteLevel, number> = {
  read: ROLE_ID.read,
  write: ROLE_ID.contribute,
  manage: ROLE_ID.design,
  fullcontrol: ROLE_ID.fullControl,
};

/** SharePoint's delegated scopes (a person's `scp`) and the level each gives. */
const DELEGATED: Record<string, SiteLevel> = {
  "allsites.read": "read",
  "allsites.write": "write",
  "allsites.manage": "manage",
  "allsites.fullcontrol": "fullcontrol",
};

/** SharePoint's application permissions (an app's `roles`) that reach every site, and the level of each. */
const APPLICATION: Record<string, SiteLevel> = {
  "sites.read.all": "read",
  "sites.readwrite.all": "write",
  "sites.manage.all": "manage",
  "sites.fullcontrol.all": "fullcontrol",
};

/**
 * The roles a Sites.Selected grant may carry, as Graph's site permissions name them: read, write, owner and
 * fullcontrol (permissions-selected-overview, "Roles"), and manage (which PnP's Grant-/Set-
 * PnPAzureADAppSitePermission also sets). "owner" is taken as Full Control of the site.
 */
export const GRANT_ROLES: Record<string, SiteLevel> = {
  read: "read",
  write: "write",
  manage: "manage",
  owner: "fullcontrol",
  fullcontrol: "fullcontrol",
};

/** The mask of SharePoint base permissions a level allows. */
export function levelMask(level: SiteLevel): bigint {
  const role = roleDefinitionById(LEVEL_ROLE[level]);
  return role === undefined ? 0n : maskOf(role);
}

function highest(levels: readonly (SiteLevel | undefined)[]): SiteLevel | null {
  let best = -1;
  for (const level of levels) if (level !== undefined) best = Math.max(best, LEVELS.indexOf(level));
  return best < 0 ? null : (LEVELS[best] ?? null);
}

/** The highest role the app holds on `site` under Sites.Selected, or null when it was granted nothing. */
export function grantedLevel(site: SpSite, appId: string): SiteLevel | null {
  const grants = (site.appGrants ?? []).filter((g) => g.appId.toLowerCase() === appId.toLowerCase());
  return highest(grants.flatMap((g) => g.roles.map((r) => GRANT_ROLES[r.toLowerCase()])));
}

/**
 * The most a token may do on `site`, as a mask of base permissions: the highest level among its SharePoint
 * permissions (Sites.Selected counting only with a grant to its app here). Undefined for the sandbox's test
 * token, which is not checked; 0n for a scoped token that reaches nothing here.
 */
export function tokenCeiling(granted: TokenGrant | null | undefined, site: SpSite): bigint | undefined {
  if (granted === null || granted === undefined) return undefined;
  const table = granted.kind === "delegated" ? DELEGATED : APPLICATION;
  const names = granted.permissions.map((p) => p.toLowerCase());
  const level = highest([
    ...names.map((n) => table[n]),
    names.includes("sites.selected") ? (grantedLevel(site, granted.appId) ?? undefined) : undefined,
  ]);
  return level === null ? 0n : levelMask(level);
}

/**
 * SharePoint's refusal when the person may but the token may not: 403 with the .NET UnauthorizedAccessException
 * and its own message, as SharePoint answers an app (or app and user) lacking the right, e.g. an app with
 * Sites.Selected but no grant on the site (github.com/pnp/powershell/issues/5169; the REST body
 * {"odata.error":{"code":"-2147024891, System.UnauthorizedAccessException","message":{"lang":"en-US","value":
 * "Attempted to perform an unauthorized operation."}}} in github.com/pnp/pnpjs/issues/1830, and the verbose
 * "error" form in github.com/vgrem/phpSPO/issues/272). A person lacking the right gets "Access denied." instead.
 */
export function scopeRefusal(req: Pick<SandboxRequest, "headers">): SandboxResponse {
  return spError(
    req,
    403,
    "-2147024891, System.UnauthorizedAccessException",
    "Attempted to perform an unauthorized operation.",
  );
}
