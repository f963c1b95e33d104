// The plan view as plain data: each action with its status as the dates say and whether it has its update
// for the open period; the filters and search; and, for coordinators, how many updates each SRO still owes.
import { addDays, type IsoDate } from "../../../domain/iso-date.ts";
import { isWithdrawn } from "../../../domain/figures.ts";
import { deriveStatus } from "../../../domain/status.ts";
import type { Recommendation, Status } from "../../../domain/types.ts";
import type { Dashboard } from "../../../sharepoint/plans.ts";
import type { ActionRecord } from "../../../sharepoint/records.ts";
import { byPlanOrder, inPlanOrder, structureTree } from "./plan-order.ts";

export const DUE_WINDOWS = ["any", "past", "30", "90", "none"] as const;
export type DueWindow = (typeof DUE_WINDOWS)[number];

export const DUE_WINDOW_LABELS: Record<DueWindow, string> = {
  any: "Any time",
  past: "Past its target date",
  "30": "Due in the next 30 days",
  "90": "Due in the next 90 days",
  none: "No target date",
};

export interface PlanFilters {
  status: Status | "any";
  /** An SRO post's title, or "any". */
  sro: string;
  due: DueWindow;
  updated: "any" | "yes" | "no";
  search: string;
}

export const NO_FILTERS: PlanFilters = { status: "any", sro: "any", due: "any", updated: "any", search: "" };

export interface PlanItem {
  record: ActionRecord;
  status: Status;
  /** Open and still without an update for the open period. */
  owesUpdate: boolean;
  /** Has an update for the open period. */
  updated: boolean;
  /** Retired by a coordinator: shown as withdrawn, never due, overdue or owing an update. */
  withdrawn: boolean;
}

export interface RecommendationGroup {
  recommendation: Recommendation | null;
  items: PlanItem[];
}

/**
 * Every action of the plan with its derived status and update state, in the coordinator's order (each
 * action's milestones straight after it).
 */
export function planItems(dashboard: Dashboard, today: IsoDate): PlanItem[] {
  const period = dashboard.currentPeriod;
  const ordered = inPlanOrder(structureTree(dashboard.recommendations, dashboard.actions));
  const byId = new Map(dashboard.actions.map((r) => [r.action.id, r.action]));
  const parentOf = (id: string) => byId.get(id);
  return ordered.map((record) => {
    const status = deriveStatus(record.action, {
      today,
      reported: record.latest?.reportedStatus ?? null,
      overdueAfterMonths: dashboard.plan.overdueAfterMonths,
    }).derived;
    const updated = period !== null && record.latest?.periodId === period.id;
    // A milestone of a withdrawn action is withdrawn with it (as the figures count it).
    const withdrawn = isWithdrawn(record.action, today, parentOf);
    const owesUpdate = period !== null && status !== "Completed" && !updated && !withdrawn;
    return { record, status, updated, owesUpdate, withdrawn };
  });
}

function inWindow(item: PlanItem, due: DueWindow, today: IsoDate): boolean {
  const date = item.record.action.targetDate.due;
  if (due === "any") return true;
  if (due === "none") return date === null;
  if (date === null || item.status === "Completed" || item.withdrawn) return false;
  if (due === "past") return date < today;
  return date >= today && date <= addDays(today, Number(due));
}

/** The items that pass every filter; search looks in the ref, text and SRO post, ignoring case. */
export function filterItems(items: readonly PlanItem[], filters: PlanFilters, today: IsoDate): PlanItem[] {
  const words = filters.search.trim().toLowerCase().split(/\s+/).filter(Boolean);
  return items.filter((item) => {
    const { action } = item.record;
    if (filters.status !== "any" && (item.withdrawn || item.status !== filters.status)) return false;
    if (filters.sro !== "any" && action.sroPost !== filters.sro) return false;
    if (!inWindow(item, filters.due, today)) return false;
    if (filters.updated === "yes" && !item.updated) return false;
    if (filters.updated === "no" && !item.owesUpdate) return false;
    const haystack = `${action.ref} ${action.text} ${action.sroPost ?? ""}`.toLowerCase();
    return words.every((word) => haystack.includes(word));
  });
}

/** Items under their recommendations, in plan order; recommendations with nothing left are dropped. */
export function byRecommendation(
  recommendations: readonly Recommendation[],
  items: readonly PlanItem[],
): RecommendationGroup[] {
  const known = new Set(recommendations.map((r) => r.id));
  const groups: RecommendationGroup[] = byPlanOrder(recommendations, (r) => r).map((recommendation) => ({
    recommendation,
    items: items.filter((i) => i.record.action.recommendationId === recommendation.id),
  }));
  const orphans = items.filter((i) => !known.has(i.record.action.recommendationId));
  if (orphans.length > 0) groups.push({ recommendation: null, items: orphans });
  return groups.filter((g) => g.items.length > 0);
}

export interface SroDue {
  post: string;
  holder: string | null;
  due: number;
}

/** Per SRO post, how many updates are still due this period; the most first, posts owing none left out. */
export function updatesDueBySro(dashboard: Dashboard, items: readonly PlanItem[]): SroDue[] {
  const counts = new Map<string, number>();
  for (const item of items) {
    if (!item.owesUpdate) continue;
    const post = item.record.action.sroPost ?? "No SRO named";
    counts.set(post, (counts.get(post) ?? 0) + 1);
  }
  const holders = new Map(dashboard.sroPosts.map((p) => [p.title, p.holderName ?? p.holderUpn]));
  return [...counts]
    .map(([post, due]) => ({ post, holder: holders.get(post) ?? null, due }))
    .sort((a, b) => b.due - a.due || a.post.localeCompare(b.post));
}

/** The SRO posts named in the plan, for the filter, A to Z. */
export function sroPostsOf(items: readonly PlanItem[]): string[] {
  return [...new Set(items.flatMap((i) => i.record.action.sroPost ?? []))].sort((a, b) => a.localeCompare(b));
}
