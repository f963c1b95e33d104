// The site's plans, archived ones too (a coordinator brings them back from here) and those whose import has
// not finished (these pages are the coordinators'), and the one a page is about: the plan asked for by id,
// or the first live one when none was. One request for the list.
import { withOwnWarnings, type DataContext } from "../../../sharepoint/core/index.ts";
import { listPlans } from "../../../sharepoint/plans/index.ts";
import type { PlanRecord } from "../../../sharepoint/schema/index.ts";
import { useDataContext } from "../../lib/data.tsx";
import { useRemote } from "../../lib/use-remote.ts";

export interface PlanChoice {
  plans: PlanRecord[];
  /** Null when the site has no plans, or the one asked for is not there. */
  plan: PlanRecord | null;
  /** The id asked for that is not on the site (deleted, or a mistyped address). */
  missing: string | null;
}

async function loadChoice(base: DataContext, planId: string | null): Promise<PlanChoice> {
  const ctx = withOwnWarnings(base);
  const plans = await listPlans(ctx, { includeArchived: true, includeUnfinished: true });
  const live = plans.filter((p) => !p.archived && !p.importUnfinished);
  const asked = planId === null ? undefined : plans.find((p) => p.id === planId);
  const plan = asked ?? (planId === null ? (live[0] ?? plans[0] ?? null) : null);
  return { plans, plan, missing: planId !== null && asked === undefined ? planId : null };
}

/** The plans, and the plan with id `planId` (or the first not archived). */
export function usePlanChoice(planId: string | null) {
  const ctx = useDataContext();
  return useRemote(`manage-plans:${planId ?? ""}`, () => loadChoice(ctx, planId));
}
