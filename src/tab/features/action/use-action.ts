// The data behind the action page and the update dialog: the action with its updates and date changes (one
// $batch), then its plan's open reporting period, its SRO post and its milestones, loaded side by side.
import type { ProgressUpdate } from "../../../domain/types.ts";
import type { DataContext } from "../../../sharepoint/context.ts";
import { loadActionHistory, type ActionHistory } from "../../../sharepoint/history.ts";
import { loadMilestones } from "../../../sharepoint/milestones.ts";
import { loadPeriods } from "../../../sharepoint/periods.ts";
import type { SroPostRecord } from "../../../sharepoint/plans.ts";
import type { ActionRecord, PeriodRecord } from "../../../sharepoint/records.ts";
import { loadSroPost } from "../../../sharepoint/sro-posts.ts";
import { useDataContext } from "../../lib/data.tsx";
import { useRemote } from "../../lib/use-remote.ts";

export interface ActionView extends ActionHistory {
  /** The plan's open period, which a new update counts towards; null between periods. */
  openPeriod: PeriodRecord | null;
  post: SroPostRecord | null;
  /** Actions whose parent is this one, in plan order. */
  milestones: ActionRecord[];
}

async function loadActionView(ctx: DataContext, actionId: string): Promise<ActionView> {
  const history = await loadActionHistory(ctx, actionId);
  const { planId } = history.record.action;
  const postId = history.record.sroPostId;
  const [periods, post, milestones] = await Promise.all([
    planId === "" ? Promise.resolve([]) : loadPeriods(ctx, planId),
    postId === null ? Promise.resolve(null) : loadSroPost(ctx, postId),
    loadMilestones(ctx, history.record),
  ]);
  const open = periods.filter((p) => p.state === "open");
  return { ...history, openPeriod: open.at(-1) ?? null, post, milestones };
}

/** The view after a saved update: the action as saved, and the update at the top of its history. */
export function withUpdate(view: ActionView, update: ProgressUpdate, record: ActionRecord): ActionView {
  return { ...view, record, updates: [update, ...view.updates] };
}

/** One action with everything its page shows. */
export function useAction(actionId: string) {
  const ctx = useDataContext();
  return useRemote(`action:${actionId}`, () => loadActionView(ctx, actionId));
}
