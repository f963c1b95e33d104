// The data behind the plan view: the site's plans (to choose one) and the chosen plan's dashboard data,
// which holds its recommendations, actions, SRO posts, periods and date-change requests. Two requests.
// Items that cannot be read are left out and listed (for coordinators); a plan asked for by id that cannot
// be read fails the load with UnreadableItemError, rather than quietly showing another plan.
import {
  type DataContext,
  refuseIfSkipped,
  type SkippedItem,
  withOwnWarnings,
} from "../../../sharepoint/core/index.ts";
import { listPlans, loadDashboard, plansSeenBy, type Dashboard } from "../../../sharepoint/plans/index.ts";
import type { PlanRecord } from "../../../sharepoint/schema/index.ts";
import type { SiteRole } from "../../../sharepoint/roles.ts";
import { useDataContext } from "../../lib/data.tsx";
import { useRemote } from "../../lib/use-remote.ts";
import { useRoleForPlans } from "../../lib/use-site-role.ts";

export interface PlanData {
  plans: PlanRecord[];
  /** Null when the site has no plans yet. */
  dashboard: Dashboard | null;
  /** Items left out because they could not be read. */
  skipped: SkippedItem[];
}

async function loadPlanData(
  base: DataContext,
  planId: string | null,
  roleOf: () => Promise<SiteRole>,
): Promise<PlanData> {
  const ctx = withOwnWarnings(base);
  // An archived plan is not offered, but one asked for by id (a link, a report) still opens. A plan whose
  // import has not finished is its coordinators' alone: to anyone else it is not there.
  const every = await plansSeenBy(
    await listPlans(ctx, { includeArchived: true, includeUnfinished: true }),
    roleOf,
  );
  const asked = every.find((p) => p.id === planId);
  const plans = every.filter((p) => !p.archived || p === asked);
  if (planId !== null && asked === undefined) refuseIfSkipped(ctx.warnings, "plans", planId);
  const chosen =
    asked ?? plans.find((p) => !p.archived && !p.importUnfinished) ?? plans.find((p) => !p.archived);
  const dashboard = chosen === undefined ? null : await loadDashboard(ctx, chosen.id);
  return { plans, dashboard, skipped: ctx.warnings.items };
}

/** The plan with id `planId` (or the site's first plan), with the list of plans. */
export function usePlan(planId: string | null) {
  const ctx = useDataContext();
  const roleOf = useRoleForPlans();
  return useRemote(`plan:${planId ?? ""}`, () => loadPlanData(ctx, planId, roleOf));
}
