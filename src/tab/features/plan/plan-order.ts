// The plan in the coordinator's order: recommendations, each with its actions and each action with its
// milestones. A level with sort orders set lists those first (ascending), then the rest by number, so a plan
// nobody has reordered reads as it is numbered.
import type { Recommendation } from "../../../domain/types.ts";
import type { ActionRecord } from "../../../sharepoint/schema/index.ts";
import { comparePlanOrder, type Ordered } from "../../../domain/index.ts";

/** A top-level action with its milestones, in order. */
export interface ActionNode {
  record: ActionRecord;
  milestones: ActionRecord[];
}

/** A recommendation with its actions, in order; `recommendation` null holds actions under none known. */
export interface RecommendationNode<R extends Recommendation = Recommendation> {
  recommendation: R | null;
  actions: ActionNode[];
}

/** The coordinator's order (comparePlanOrder: sort orders first, ascending, then by number). */
export function byPlanOrder<T>(items: readonly T[], of: (item: T) => Ordered): T[] {
  return [...items].sort((a, b) => comparePlanOrder(of(a), of(b)));
}

/** Recommendations with their actions and milestones, each level in the coordinator's order. */
export function structureTree<R extends Recommendation>(
  recommendations: readonly R[],
  actions: readonly ActionRecord[],
): RecommendationNode<R>[] {
  const ordered = (list: readonly ActionRecord[]) => byPlanOrder(list, (r) => r.action);
  const ids = new Set(actions.map((r) => r.action.id));
  // A milestone whose parent is not in the plan is shown as an action, so it can still be edited.
  const isTop = (r: ActionRecord) => r.action.parentId === undefined || !ids.has(r.action.parentId);
  const node = (record: ActionRecord): ActionNode => ({
    record,
    milestones: isTop(record)
      ? ordered(actions.filter((m) => m.action.parentId === record.action.id && m !== record))
      : [],
  });
  const top = actions.filter(isTop);
  const known = new Set(recommendations.map((r) => r.id));
  const tree: RecommendationNode<R>[] = byPlanOrder(recommendations, (r) => r).map((recommendation) => ({
    recommendation,
    actions: ordered(top.filter((r) => r.action.recommendationId === recommendation.id)).map(node),
  }));
  const orphans = top.filter((r) => !known.has(r.action.recommendationId));
  if (orphans.length > 0) tree.push({ recommendation: null, actions: ordered(orphans).map(node) });
  return tree;
}

/** Actions in plan order with each one's milestones straight after it. */
export function inPlanOrder(tree: readonly RecommendationNode[]): ActionRecord[] {
  return tree.flatMap((n) => n.actions.flatMap((a) => [a.record, ...a.milestones]));
}
