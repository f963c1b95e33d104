// Sites, their users and their Owners/Members/Visitors groups.
import { randomUUID } from "node:crypto";
import type { SpGroup, SpSite, SpUser } from "./model.ts";
import { defaultWebAssignments } from "./roles.ts";

/** The directory facts the SharePoint emulator needs about a person. */
export interface DirectoryEntry {
  upn: string;
  displayName: string;
  mail: string;
  siteGroup: "Owners" | "Members" | "Visitors" | null;
}

export const CLAIMS_PREFIX = "i:0#.f|membership|";

/** Create a team site with SharePoint's three associated groups, the directory's people placed in them. */
export function createSite(
  name: string,
  title: string,
  people: readonly DirectoryEntry[],
  now: Date,
): SpSite {
  const site: SpSite = {
    name,
    SiteId: randomUUID(),
    WebId: randomUUID(),
    Title: title,
    Description: "",
    Created: now.toISOString().replace(/\.\d{3}Z$/, "Z"),
    // SharePoint gives the built-in principals the first ids (System Account, Everyone…); people start after them.
    nextPrincipalId: 6,
    users: [],
    groups: [],
    ownerGroupId: 3,
    memberGroupId: 5,
    visitorGroupId: 4,
    roleAssignments: [],
    lists: [],
  };
  site.roleAssignments = defaultWebAssignments(site);
  const group = (Id: number, suffix: string): SpGroup => ({
    Id,
    Title: `${title} ${suffix}`,
    Description: `Use this group to grant people ${suffix === "Owners" ? "full control" : suffix === "Members" ? "contribute" : "read"} permissions to the SharePoint site: ${title}`,
    memberIds: [],
  });
  site.groups.push(group(3, "Owners"), group(4, "Visitors"), group(5, "Members"));
  for (const person of people) {
    if (person.siteGroup === null) continue;
    const user = ensureSiteUser(site, person);
    const groupId = { Owners: site.ownerGroupId, Members: site.memberGroupId, Visitors: site.visitorGroupId }[
      person.siteGroup
    ];
    site.groups.find((g) => g.Id === groupId)?.memberIds.push(user.Id);
  }
  return site;
}

/** Add a person to the site's user information list (as SharePoint does on first use or ensureUser). */
export function ensureSiteUser(site: SpSite, person: DirectoryEntry): SpUser {
  const existing = findSiteUserByUpn(site, person.upn);
  if (existing !== undefined) return existing;
  const user: SpUser = {
    Id: site.nextPrincipalId++,
    LoginName: `${CLAIMS_PREFIX}${person.upn.toLowerCase()}`,
    Title: person.displayName,
    Email: person.mail,
    UserPrincipalName: person.upn.toLowerCase(),
    IsSiteAdmin: false,
    PrincipalType: 1,
  };
  site.users.push(user);
  return user;
}

export function findSiteUserByUpn(site: SpSite, upn: string): SpUser | undefined {
  const login = `${CLAIMS_PREFIX}${upn.toLowerCase()}`;
  return site.users.find((u) => u.LoginName === login);
}
