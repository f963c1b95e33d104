// The signed-in person's role on the site, from its three associated groups: Owners are coordinators,
// Members SROs, Visitors viewers. The three memberships are read in one $batch; a group whose members the
// person may not see counts as one they are not in.
import type { SPFI } from "@pnp/sp";
import { z } from "../lib/zod.ts";
import { inOneBatch, settle, valueOf } from "./core/batch.ts";
import type { DataContext } from "./core/context.ts";
import { upnOf } from "./schema/records.ts";

/** What a person may do on the site, strongest first. */
export type SiteRole = "coordinator" | "sro" | "viewer" | "none";

const user = z.looseObject({ LoginName: z.nullish(z.string()), Email: z.nullish(z.string()) });
const users = z.array(user);

function upnOfUser(u: z.infer<typeof user>): string | null {
  return upnOf({ Name: u.LoginName ?? null, EMail: u.Email ?? null, Title: null });
}

function contains(value: unknown, upn: string): boolean {
  const parsed = users.safeParse(value);
  if (!parsed.success) return false;
  return parsed.data.some((u) => upnOfUser(u) === upn);
}

/** The role of `upn` on the site (the strongest of its groups). One request. */
export async function loadSiteRole(ctx: DataContext, upn: string): Promise<SiteRole> {
  const parts = await inOneBatch(ctx.sp, (sp) => groupQueries(sp));
  return roleIn(await settledGroups(parts), upn);
}

/** The role of whoever the data context signs in as (the CLI's person). One request. */
export async function loadOwnRole(ctx: DataContext): Promise<SiteRole> {
  const parts = await inOneBatch(ctx.sp, (sp) => ({
    me: settle(sp.web.currentUser.select("LoginName", "Email")()),
    groups: groupQueries(sp),
  }));
  const upn = upnOfUser(user.parse(valueOf(await parts.me)));
  const groups = await settledGroups(parts.groups);
  return upn === null ? "none" : roleIn(groups, upn);
}

function groupQueries(sp: SPFI) {
  return {
    owners: settle(sp.web.associatedOwnerGroup.users.select("LoginName", "Email")()),
    members: settle(sp.web.associatedMemberGroup.users.select("LoginName", "Email")()),
    visitors: settle(sp.web.associatedVisitorGroup.users.select("LoginName", "Email")()),
  };
}

async function settledGroups(parts: ReturnType<typeof groupQueries>) {
  const [owners, members, visitors] = await Promise.all([parts.owners, parts.members, parts.visitors]);
  return { owners, members, visitors };
}

function roleIn(groups: Awaited<ReturnType<typeof settledGroups>>, upn: string): SiteRole {
  const me = upn.toLowerCase();
  const { owners, members, visitors } = groups;
  // Every part refused means the person cannot read the site at all: say so as SharePoint did.
  if (!owners.ok && !members.ok && !visitors.ok) throw owners.error;
  if (owners.ok && contains(owners.value, me)) return "coordinator";
  if (members.ok && contains(members.value, me)) return "sro";
  if (visitors.ok && contains(visitors.value, me)) return "viewer";
  return "none";
}
