// The data behind the dashboard: one $batch for the plan (loadDashboard), turned into the view for today.
// A channel tab saved by the configuration page names its plan; one without a plan shows the site's first.
import type { IsoDate } from "../../../domain/iso-date.ts";
import { withOwnWarnings, type DataContext } from "../../../sharepoint/context.ts";
import { listPlans, loadDashboard } from "../../../sharepoint/plans.ts";
import type { SkippedItem } from "../../../sharepoint/skipped-items.ts";
import { useDataContext, useToday } from "../../lib/data.tsx";
import { useRemote } from "../../lib/use-remote.ts";
import { dashboardView, type DashboardView } from "./dashboard-view.ts";

/** No plan to show: the site has none yet. */
export class NoPlanError extends Error {
  constructor() {
    super("This site has no plans yet. A coordinator imports one first.");
    this.name = "NoPlanError";
  }
}

/** The dashboard's view, with the items left out because they could not be read. */
export type DashboardData = DashboardView & { skipped: SkippedItem[] };

async function load(base: DataContext, planId: string | null, today: IsoDate): Promise<DashboardData> {
  const ctx = withOwnWarnings(base);
  let id = planId;
  if (id === null) {
    const first = (await listPlans(ctx))[0];
    if (first === undefined) throw new NoPlanError();
    id = first.id;
  }
  return { ...dashboardView(await loadDashboard(ctx, id), today), skipped: ctx.warnings.items };
}

/** The dashboard of a plan (or the site's first plan) as of the app's today. */
export function useDashboard(planId: string | null) {
  const ctx = useDataContext();
  const today = useToday();
  return useRemote(`dashboard:${planId ?? "first"}:${today}`, () => load(ctx, planId, today));
}
