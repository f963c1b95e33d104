// The data behind the plan view: the site's plans (to choose one) and the chosen plan's dashboard data,
// which holds its recommendations, actions, SRO posts, periods and date-change requests. Two requests.
import type { DataContext } from "../../../sharepoint/context.ts";
import { listPlans, loadDashboard, type Dashboard } from "../../../sharepoint/plans.ts";
import type { PlanRecord } from "../../../sharepoint/records.ts";
import { useDataContext } from "../../lib/data.tsx";
import { useRemote } from "../../lib/use-remote.ts";

export interface PlanData {
  plans: PlanRecord[];
  /** Null when the site has no plans yet. */
  dashboard: Dashboard | null;
}

async function loadPlanData(ctx: DataContext, planId: string | null): Promise<PlanData> {
  const plans = await listPlans(ctx);
  const chosen = plans.find((p) => p.id === planId) ?? plans[0];
  return { plans, dashboard: chosen === undefined ? null : await loadDashboard(ctx, chosen.id) };
}

/** The plan with id `planId` (or the site's first plan), with the list of plans. */
export function usePlan(planId: string | null) {
  const ctx = useDataContext();
  return useRemote(`plan:${planId ?? ""}`, () => loadPlanData(ctx, planId));
}
