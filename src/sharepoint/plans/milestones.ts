// An action's milestones: actions whose parent is this action. Read by the indexed Recommendation lookup
// (a recommendation holds far fewer than 5,000 actions) with the parent as a second condition, so the query
// keeps working on lists past the threshold. One request.
import { allRows, firstPage } from "../core/batch.ts";
import { MAX_PAGE, type DataContext } from "../core/context.ts";
import { and, eq } from "../core/odata.ts";
import { compareRefs } from "../../domain/index.ts";
import { itemId, toActionRecord, type ActionRecord } from "../schema/records.ts";
import { ACTION_COLUMNS, actionItemSchema, readRows } from "../schema/rows.ts";
import { actionItems } from "../schema/shared-reads.ts";

/** The milestones of an action (as read), in plan order; none for an action under no recommendation. */
export async function loadMilestones(ctx: DataContext, record: ActionRecord): Promise<ActionRecord[]> {
  const { recommendationId, id } = record.action;
  if (recommendationId === "") return [];
  const page = await firstPage(
    actionItems(ctx.sp)
      .filter(
        and(
          eq(ACTION_COLUMNS.RecommendationId, itemId(recommendationId, "recommendation")),
          eq(ACTION_COLUMNS.ParentActionId, itemId(id, "action")),
        ),
      )
      .top(MAX_PAGE),
  );
  return readRows(
    actionItemSchema,
    await allRows(ctx.sp, page),
    "actions",
    ctx.warnings,
    toActionRecord,
  ).sort((a, b) => compareRefs(a.action.ref, b.action.ref));
}
