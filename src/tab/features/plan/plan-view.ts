// The plan view as plain data: each action with its status as the dates say and whether it has its update
// for the open period; the filters and search; and, for coordinators, how many updates each SRO still owes.
import type { DueWindow, PlanFilters } from "./plan-filters.ts";

export { DUE_WINDOW_LABELS, DUE_WINDOWS, NO_FILTERS } from "./plan-filters.ts";
export type { DueWindow, PlanFilters } from "./plan-filters.ts";
import { addDays, type IsoDate } from "../../../domain/iso-date.ts";
import { isWithdrawn } from "../../../domain/figures.ts";
import { deriveStatus } from "../../../domain/status.ts";
import type { Recommendation, Status } from "../../../domain/types.ts";
import type { Dashboard } from "../../../sharepoint/plans/index.ts";
import type { ActionRecord } from "../../../sharepoint/schema/index.ts";
import { lateWords, updateDaysLate } from "../../lib/late-update.ts";
import { byPlanOrder, inPlanOrder, structureTree } from "./plan-order.ts";

/**
 * Text as search compares it: lower case, accents and curly quotes folded ("Mayor’s" finds "Mayor's",
 * "Zoë" finds "zoe"), dashes as hyphens, so what people type finds what the plan says.
 */
export function foldText(text: string): string {
  return text
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .replace(/[\u2018\u2019\u201A\u201B\u2032\u0060\u00B4]/g, "'")
    .replace(/[\u201C\u201D\u201E\u201F\u2033]/g, '"')
    .replace(/[\u2010-\u2015\u2212]/g, "-")
    .toLowerCase();
}

export interface PlanItem {
  record: ActionRecord;
  status: Status;
  /** Open and still without an update for the open period. */
  owesUpdate: boolean;
  /** Has an update for the open period. */
  updated: boolean;
  /** Retired by a coordinator: shown as withdrawn, never due, overdue or owing an update. */
  withdrawn: boolean;
  /** Whole days past the period's update deadline while it still owes that update (0 when not late). */
  daysLate: number;
  /** The name of who holds the action's SRO post, as the site has it (else their UPN); null when vacant. */
  holder: string | null;
  /** Who holds and covers the action's post (names and UPNs), for search. */
  people: string;
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
  const posts = new Map(dashboard.sroPosts.map((p) => [p.title, p]));
  return ordered.map((record) => {
    const post = record.action.sroPost === null ? undefined : posts.get(record.action.sroPost);
    const people = [post?.holderName, post?.holderUpn, post?.delegateUpn].filter(Boolean).join(" ");
    const status = deriveStatus(record.action, {
      today,
      reported: record.latest?.reportedStatus ?? null,
      overdueAfterMonths: dashboard.plan.overdueAfterMonths,
    }).derived;
    const updated = period !== null && record.latest?.periodId === period.id;
    // A milestone of a withdrawn action is withdrawn with it (as the figures count it).
    const withdrawn = isWithdrawn(record.action, today, parentOf);
    const owesUpdate = period !== null && status !== "Completed" && !updated && !withdrawn;
    const daysLate = owesUpdate ? updateDaysLate(period, record.latest?.periodId, false, today) : 0;
    const holder = post?.holderName ?? post?.holderUpn ?? null;
    return { record, status, updated, owesUpdate, withdrawn, daysLate, holder, people };
  });
}

/** Where the action's update for the open period stands, in words ("" when none is owed). */
export function updateWords(item: Pick<PlanItem, "updated" | "owesUpdate" | "daysLate">): string {
  if (item.updated) return "Updated this period";
  if (!item.owesUpdate) return "";
  return item.daysLate > 0 ? lateWords(item.daysLate) : "Update still due";
}

function inWindow(item: PlanItem, due: DueWindow, today: IsoDate): boolean {
  const date = item.record.action.targetDate.due;
  if (due === "any") return true;
  if (due === "none") return date === null;
  if (date === null || item.status === "Completed" || item.withdrawn) return false;
  if (due === "past") return date < today;
  return date >= today && date <= addDays(today, Number(due));
}

/**
 * The items that pass every filter; search looks in the ref, text, SRO post and the names of who holds and
 * covers it, ignoring case, accents and the kind of quote.
 */
export function filterItems(items: readonly PlanItem[], filters: PlanFilters, today: IsoDate): PlanItem[] {
  const words = foldText(filters.search).trim().split(/\s+/).filter(Boolean);
  const only = new Set(filters.only);
  return items.filter((item) => {
    const { action } = item.record;
    if (only.size > 0 && !only.has(action.id)) return false;
    if (filters.status !== "any" && (item.withdrawn || item.status !== filters.status)) return false;
    if (filters.sro !== "any" && action.sroPost !== filters.sro) return false;
    if (!inWindow(item, filters.due, today)) return false;
    if (filters.updated === "yes" && !item.updated) return false;
    if (filters.updated === "no" && !item.owesUpdate) return false;
    const haystack = foldText(`${action.ref} ${action.text} ${action.sroPost ?? ""} ${item.people}`);
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
