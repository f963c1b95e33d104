// The data behind the action page and the update dialog: the action with the newest page of its updates and
// its date changes (one $batch), then its plan's open reporting period, its SRO post and its milestones,
// loaded side by side; older updates a page at a time on request ("Show more updates").
import { useCallback, useEffect, useRef, useState } from "react";
import type { ProgressUpdate } from "../../../domain/types.ts";
import type { DataContext } from "../../../sharepoint/core/index.ts";
import { loadActionHistory, type ActionHistory } from "../../../sharepoint/actions/index.ts";
import { loadMilestones, loadPlan, type SroPostRecord } from "../../../sharepoint/plans/index.ts";
import { loadPeriods } from "../../../sharepoint/periods/index.ts";
import type { ActionRecord, PeriodRecord } from "../../../sharepoint/schema/index.ts";
import { loadSroPost } from "../../../sharepoint/posts/index.ts";
import { loadMoreUpdates, type UpdatesPage } from "../../../sharepoint/updates/index.ts";
import { useDataContext } from "../../lib/data.tsx";
import { useRemote } from "../../lib/use-remote.ts";

export interface ActionView extends ActionHistory {
  /** The plan's open period, which a new update counts towards; null between periods. */
  openPeriod: PeriodRecord | null;
  post: SroPostRecord | null;
  /** Actions whose parent is this one, in plan order. */
  milestones: ActionRecord[];
  /** The plan's own rule: months past the target date before an open action counts as overdue. */
  overdueAfterMonths: number;
}

async function loadActionView(ctx: DataContext, actionId: string): Promise<ActionView> {
  const history = await loadActionHistory(ctx, actionId);
  const { planId } = history.record.action;
  const postId = history.record.sroPostId;
  const [periods, post, milestones, plan] = await Promise.all([
    planId === "" ? Promise.resolve([]) : loadPeriods(ctx, planId),
    postId === null ? Promise.resolve(null) : loadSroPost(ctx, postId),
    loadMilestones(ctx, history.record),
    planId === "" ? Promise.resolve(null) : loadPlan(ctx, planId),
  ]);
  const open = periods.filter((p) => p.state === "open");
  // The status badges derive as the plan view and My actions do, with the plan's own rule (1 month when the
  // plan has gone, as a new plan starts).
  const overdueAfterMonths = plan?.overdueAfterMonths ?? 1;
  return { ...history, openPeriod: open.at(-1) ?? null, post, milestones, overdueAfterMonths };
}

/** The view after a saved update: the action as saved, and the update at the top of its history. */
export function withUpdate(view: ActionView, update: ProgressUpdate, record: ActionRecord): ActionView {
  return { ...view, record, updates: [update, ...view.updates] };
}

/** The view with an older page of updates after those shown (any already shown are not repeated). */
export function withOlderUpdates(view: ActionView, page: UpdatesPage): ActionView {
  const shown = new Set(view.updates.map((u) => u.id));
  return {
    ...view,
    updates: [...view.updates, ...page.updates.filter((u) => !shown.has(u.id))],
    moreUpdates: page.next,
  };
}

/**
 * "Show more updates": reads the next page of the view's updates and puts the longer view in place with
 * `replace`. `firstNew` is the id of the first update it added (the page moves focus there).
 */
export function useMoreUpdates(view: ActionView | null, replace: (view: ActionView) => void) {
  const ctx = useDataContext();
  const [state, setState] = useState<{ loading: boolean; error: unknown; firstNew: string | null }>({
    loading: false,
    error: null,
    firstNew: null,
  });
  // The view as it is when the page arrives (an update may have been saved meanwhile), not as clicked.
  const latest = useRef(view);
  useEffect(() => {
    latest.current = view;
  });
  const showMore = useCallback(() => {
    const cursor = latest.current?.moreUpdates ?? null;
    if (cursor === null) return;
    setState((s) => ({ ...s, loading: true, error: null }));
    loadMoreUpdates(ctx, cursor).then(
      (page) => {
        const current = latest.current;
        if (current !== null) replace(withOlderUpdates(current, page));
        setState({ loading: false, error: null, firstNew: page.updates[0]?.id ?? null });
      },
      (error: unknown) => {
        setState({ loading: false, error, firstNew: null });
      },
    );
  }, [ctx, replace]);
  return { ...state, showMore };
}

/** One action with everything its page shows. */
export function useAction(actionId: string) {
  const ctx = useDataContext();
  return useRemote(`action:${actionId}`, () => loadActionView(ctx, actionId));
}
