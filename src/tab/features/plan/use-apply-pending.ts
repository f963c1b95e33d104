// A coordinator opening a plan copies the SROs' pending updates onto their actions (SROs cannot write
// actions; readers already show the updates, so nothing on screen changes). Once per plan shown; a failure
// is left for the next time and the daily run, and said in the console for whoever is looking.
import { useEffect, useRef } from "react";
import { applyPendingUpdates } from "../../../sharepoint/updates/index.ts";
import type { Dashboard } from "../../../sharepoint/plans/index.ts";
import { useDataContext } from "../../lib/data.tsx";

export function useApplyPending(dashboard: Dashboard | null, coordinator: boolean): void {
  const ctx = useDataContext();
  const done = useRef(new Set<string>());
  const planId = dashboard?.plan.id ?? null;
  const pending = dashboard?.pendingUpdates ?? 0;
  useEffect(() => {
    if (!coordinator || planId === null || pending === 0 || done.current.has(planId)) return;
    done.current.add(planId);
    applyPendingUpdates(ctx).catch((error: unknown) => {
      console.warn("Pending progress updates could not be applied to their actions yet:", error);
    });
  }, [ctx, coordinator, planId, pending]);
}
