// The site's plans, for choosing which one a channel tab shows. One request.
import { listPlans } from "../../../sharepoint/plans.ts";
import { useDataContext } from "../../lib/data.tsx";
import { useRemote } from "../../lib/use-remote.ts";

/** The site's plans, by title. */
export function usePlans() {
  const ctx = useDataContext();
  return useRemote("plans", () => listPlans(ctx));
}
