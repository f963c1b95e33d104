// The data behind the dashboard: one $batch for the plan (loadDashboard), turned into the view for today.
// A channel tab saved by the configuration page names its plan; one without a plan shows the site's first.
// A plan whose import has not finished is shown to its coordinators only (with a notice). What the person last
// saw is kept in the browser and shown at once on a return visit (marked as refreshing) until the $batch answers.
import type { IsoDate } from "../../../domain/iso-date.ts";
import { type DataContext, type SkippedItem, withOwnWarnings } from "../../../sharepoint/core/index.ts";
import { listPlans, loadDashboard, plansSeenBy } from "../../../sharepoint/plans/index.ts";
import type { SiteRole } from "../../../sharepoint/roles.ts";
import { useDataContext, useToday } from "../../lib/data.tsx";
import type { KeptShape } from "../../lib/kept-data.ts";
import { useKept } from "../../lib/use-kept.ts";
import { useRemote } from "../../lib/use-remote.ts";
import { useRoleForPlans } from "../../lib/use-site-role.ts";
import { dashboardView, type DashboardView } from "./dashboard-view.ts";

/** No plan to show: the site has none yet, or the one named is still being imported. */
export class NoPlanError extends Error {
  constructor(message = "This site has no plans yet. A coordinator imports one first.") {
    super(message);
    this.name = "NoPlanError";
  }
}

/** The dashboard's view, with the items left out because they could not be read. */
export type DashboardData = DashboardView & { importUnfinished: boolean; skipped: SkippedItem[] };

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null;

// Bump `version` when DashboardData changes shape (a new build drops kept data in any case).
export const DASHBOARD_KEPT: KeptShape<DashboardData> = {
  version: 1,
  accept: (value): value is DashboardData =>
    isObject(value) &&
    typeof value["title"] === "string" &&
    typeof value["importUnfinished"] === "boolean" &&
    isObject(value["figures"]) &&
    typeof value["figures"]["asOf"] === "string" &&
    (value["lastClosed"] === null || isObject(value["lastClosed"])) &&
    ["progress", "changes", "withdrawn", "skipped"].every((list) => Array.isArray(value[list])),
};

async function load(
  base: DataContext,
  planId: string | null,
  today: IsoDate,
  roleOf: () => Promise<SiteRole>,
): Promise<DashboardData> {
  const ctx = withOwnWarnings(base);
  let id = planId;
  if (id === null) {
    const seen = await plansSeenBy(await listPlans(ctx, { includeUnfinished: true }), roleOf);
    const first = seen.find((p) => !p.importUnfinished) ?? seen[0];
    if (first === undefined) throw new NoPlanError();
    id = first.id;
  }
  const dashboard = await loadDashboard(ctx, id);
  if ((await plansSeenBy([dashboard.plan], roleOf)).length === 0)
    throw new NoPlanError(
      "This plan is still being imported: its dashboard shows once a coordinator has finished the import.",
    );
  return {
    ...dashboardView(dashboard, today),
    importUnfinished: dashboard.plan.importUnfinished,
    skipped: ctx.warnings.items,
  };
}

/** The dashboard of a plan (or the site's first plan) as of the app's today. */
export function useDashboard(planId: string | null) {
  const ctx = useDataContext();
  const today = useToday();
  const roleOf = useRoleForPlans();
  const keep = useKept(`dashboard:${planId ?? "first"}`, DASHBOARD_KEPT);
  return useRemote(`dashboard:${planId ?? "first"}:${today}`, () => load(ctx, planId, today, roleOf), keep);
}
