// The data behind the action page and the update dialog: the action with its updates and date changes (one
// $batch), its plan's open reporting period and its SRO post, loaded side by side.
import type { DataContext } from "../../../sharepoint/context.ts";
import { loadActionHistory, type ActionHistory } from "../../../sharepoint/history.ts";
import { loadPeriods } from "../../../sharepoint/periods.ts";
import type { SroPostRecord } from "../../../sharepoint/plans.ts";
import type { PeriodRecord } from "../../../sharepoint/records.ts";
import { loadSroPost } from "../../../sharepoint/sro-posts.ts";
import { useDataContext } from "../../lib/data.tsx";
import { useRemote } from "../../lib/use-remote.ts";

export interface ActionView extends ActionHistory {
  /** The plan's open period, which a new update counts towards; null between periods. */
  openPeriod: PeriodRecord | null;
  post: SroPostRecord | null;
}

async function loadActionView(ctx: DataContext, actionId: string): Promise<ActionView> {
  const history = await loadActionHistory(ctx, actionId);
  const { planId } = history.record.action;
  const postId = history.record.sroPostId;
  const [periods, post] = await Promise.all([
    planId === "" ? Promise.resolve([]) : loadPeriods(ctx, planId),
    postId === null ? Promise.resolve(null) : loadSroPost(ctx, postId),
  ]);
  const open = periods.filter((p) => p.state === "open");
  return { ...history, openPeriod: open.at(-1) ?? null, post };
}

/** One action with everything its page shows. */
export function useAction(actionId: string) {
  const ctx = useDataContext();
  return useRemote(`action:${actionId}`, () => loadActionView(ctx, actionId));
}
