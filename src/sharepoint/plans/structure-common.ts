// What the structure writes share: recommendations read with their ETag, the actions of one recommendation,
// and one action change written at the ETag it was read at (a 412 becomes ConflictError("action") with the
// action as it is now, and nothing of the change is kept).
import type { SPFI } from "@pnp/sp";
import type { Recommendation } from "../../domain/index.ts";
import { allRows, firstPage } from "../core/batch.ts";
import { ConflictError, isStaleETag, orNullIfGone } from "../core/conflict.ts";
import { listOf, MAX_PAGE, type DataContext } from "../core/context.ts";
import { loadAction } from "../actions/history.ts";
import { eq } from "../core/odata.ts";
import {
  itemId,
  toActionRecord,
  toRecommendation,
  type ActionRecord,
  type Versioned,
} from "../schema/records.ts";
import {
  ACTION_COLUMNS,
  actionItemSchema,
  readRow,
  readRows,
  RECOMMENDATION_SELECT,
  recommendationItemSchema,
  type RecommendationItem,
} from "../schema/rows.ts";
import { actionItems } from "../schema/shared-reads.ts";
import { causeOf, updateItem, writeTogether, WriteFailed, type ItemWrite } from "../core/writes.ts";

export type RecommendationRecord = Recommendation & Versioned;

/** A Recommendations item with the ETag it was read at. */
export function toRecommendationRecord(row: RecommendationItem): RecommendationRecord {
  return { ...toRecommendation(row), etag: row["odata.etag"] };
}

/** One Recommendations item (on a batched root or not). */
export function recommendationById(sp: SPFI, id: string): Promise<unknown> {
  return listOf(sp, "recommendations")
    .items.getById(itemId(id, "recommendation"))
    .select(...RECOMMENDATION_SELECT)();
}

/** A recommendation as it is now; null when it has been deleted. One request. */
export async function loadRecommendation(ctx: DataContext, id: string): Promise<RecommendationRecord | null> {
  const row: unknown = await orNullIfGone(recommendationById(ctx.sp, id));
  return row === null
    ? null
    : readRow(recommendationItemSchema, row, "recommendations", toRecommendationRecord);
}

/** The query for a plan's recommendations, by the indexed Plan lookup (on a batched root or not). */
export function planRecommendationsQuery(sp: SPFI, planId: string) {
  return listOf(sp, "recommendations")
    .items.select(...RECOMMENDATION_SELECT)
    .filter(eq("PlanId", itemId(planId, "plan")))
    .top(MAX_PAGE);
}

/** A plan's recommendations with their ETags (unordered: see sortRecommendations). */
export async function loadRecommendations(ctx: DataContext, planId: string): Promise<RecommendationRecord[]> {
  const page = await firstPage(planRecommendationsQuery(ctx.sp, planId));
  return readRows(
    recommendationItemSchema,
    await allRows(ctx.sp, page),
    "recommendations",
    ctx.warnings,
    toRecommendationRecord,
  );
}

/** The query for the actions and milestones of one recommendation (indexed lookup; on a batched root). */
export function recommendationActionsQuery(sp: SPFI, recommendationId: string) {
  return actionItems(sp)
    .filter(eq(ACTION_COLUMNS.RecommendationId, itemId(recommendationId, "recommendation")))
    .top(MAX_PAGE);
}

/** Action records from rows; those that do not parse are left out and reported to the warnings. */
export function actionRecords(ctx: DataContext, rows: unknown[]): ActionRecord[] {
  return readRows(actionItemSchema, rows, "actions", ctx.warnings, toActionRecord);
}

/** The next SortOrder at the end of siblings: after the highest set one; none when none is set. */
export function nextSortOrder(siblings: readonly { sortOrder?: number }[]): number | null {
  const set = siblings.flatMap((s) => (s.sortOrder === undefined ? [] : [s.sortOrder]));
  return set.length === 0 ? null : Math.max(...set) + 1;
}

/** One action's columns changed at its ETag, undone by `previous`. */
export function actionWrite(
  record: ActionRecord,
  values: Record<string, unknown>,
  previous: Record<string, unknown>,
): ItemWrite<string> {
  return updateItem("actions", itemId(record.action.id, "action"), record.etag, values, previous);
}

/**
 * Write changes to several actions (as read) together, then read the first back. A 412 on any becomes
 * ConflictError("action") with that action as it is now; nothing of the change is kept.
 */
export async function writeActions(
  ctx: DataContext,
  changes: readonly {
    record: ActionRecord;
    values: Record<string, unknown>;
    previous: Record<string, unknown>;
  }[],
): Promise<ActionRecord> {
  const first = changes[0];
  if (first === undefined) throw new Error("Nothing to write.");
  try {
    await writeTogether(
      ctx.sp,
      changes.map((c) => actionWrite(c.record, c.values, c.previous)),
    );
  } catch (error) {
    if (error instanceof WriteFailed && isStaleETag(error.reason)) {
      const stale = changes[error.index]?.record ?? first.record;
      throw new ConflictError("action", await orNullIfGone(loadAction(ctx, stale.action.id)), error.reason);
    }
    throw causeOf(error);
  }
  return loadAction(ctx, first.record.action.id);
}

/** What a refusal calls an action: "action 2.1" or "milestone 2.1.1". */
export function named(record: ActionRecord): string {
  return `${record.action.parentId === undefined ? "action" : "milestone"} ${record.action.ref}`;
}
