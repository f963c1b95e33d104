// The signed-in person's site role, read once per data context and shared by every view that asks.
import type { DataContext } from "../../sharepoint/core/index.ts";
import { loadSiteRole, type SiteRole } from "../../sharepoint/roles.ts";
import { useDataContext } from "./data.tsx";
import { useRemote } from "./use-remote.ts";
import { useTeamsContext } from "./use-teams-context.tsx";

const asked = new WeakMap<DataContext, Map<string, Promise<SiteRole>>>();

function roleOnce(ctx: DataContext, upn: string): Promise<SiteRole> {
  const byUser = asked.get(ctx) ?? new Map<string, Promise<SiteRole>>();
  asked.set(ctx, byUser);
  let found = byUser.get(upn);
  if (found === undefined) {
    found = loadSiteRole(ctx, upn).catch((error: unknown) => {
      byUser.delete(upn);
      throw error;
    });
    byUser.set(upn, found);
  }
  return found;
}

/** The role of `upn` ("none" outside Teams), for a loader: the same one request `useSiteRole` makes. */
export function siteRoleOf(ctx: DataContext, upn: string | null): Promise<SiteRole> {
  return upn === null ? Promise.resolve<SiteRole>("none") : roleOnce(ctx, upn);
}

/** The signed-in person's role ("none" outside Teams); loading until SharePoint has answered. */
export function useSiteRole() {
  const ctx = useDataContext();
  const { upn } = useTeamsContext();
  return useRemote(`role:${upn ?? ""}`, () => siteRoleOf(ctx, upn));
}

/**
 * How a loader reads the signed-in person's role to decide which plans they see (`plansSeenBy`): a role
 * that cannot be read counts as not a coordinator, so a plan still being imported stays hidden.
 */
export function useRoleForPlans(): () => Promise<SiteRole> {
  const ctx = useDataContext();
  const { upn } = useTeamsContext();
  return () => siteRoleOf(ctx, upn).catch((): SiteRole => "none");
}
