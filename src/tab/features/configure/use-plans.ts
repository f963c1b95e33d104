// The site's plans, for choosing which one a channel tab shows. One request (two when a plan's import has
// not finished: such a plan is offered to coordinators only, after the finished ones).
import { listPlans, plansSeenBy } from "../../../sharepoint/plans/index.ts";
import { useDataContext } from "../../lib/data.tsx";
import { useRemote } from "../../lib/use-remote.ts";
import { useRoleForPlans } from "../../lib/use-site-role.ts";

/** The site's plans the person may see, by title, finished ones first. */
export function usePlans() {
  const ctx = useDataContext();
  const roleOf = useRoleForPlans();
  return useRemote("plans", async () => {
    const seen = await plansSeenBy(await listPlans(ctx, { includeUnfinished: true }), roleOf);
    return [...seen.filter((p) => !p.importUnfinished), ...seen.filter((p) => p.importUnfinished)];
  });
}
