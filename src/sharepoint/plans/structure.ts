// A plan's structure as a coordinator edits it: recommendations (add, edit ref, title and details), actions
// and milestones (add, edit ref, text and SRO post), and the order of either (SortOrder 1..n). Moves,
// milestones, withdrawals and target-date revisions are in plan-structure-moves.ts; all are exported here.
// Every change to an existing item carries the ETag it was read at: a 412 becomes ConflictError with the
// item as it is now, and nothing is lost. Only a site's Owners may write these lists; SharePoint refuses
// anyone else with 403, which reaches the caller as the RemoteError it is.
import { z } from "../../lib/zod.ts";
import { parseTargetDate, REF_LIMIT, SHORT_TEXT_LIMIT } from "../../domain/index.ts";
import { allRows, firstPage, inOneBatch, settle, valueOf } from "../core/batch.ts";
import { ConflictError, isStaleETag, orNullIfGone } from "../core/conflict.ts";
import { listOf, type DataContext } from "../core/context.ts";
import { sharePointDateOrNull } from "../core/dates.ts";
import { loadAction } from "../actions/history.ts";
import { boundedText, checkDateRange, inputRefused } from "../core/input-bounds.ts";
import { loadPlan } from "./plan-admin.ts";
import {
  actionRecords,
  loadRecommendation,
  nextSortOrder,
  planRecommendationsQuery,
  recommendationActionsQuery,
  recommendationById,
  toRecommendationRecord,
  writeActions,
  type RecommendationRecord,
} from "./structure-common.ts";
import { itemId, type ActionRecord } from "../schema/records.ts";
import { ACTION_COLUMNS, readRow, readRows, recommendationItemSchema } from "../schema/rows.ts";
import { addItem, causeOf, updateItem, writeTogether, WriteFailed } from "../core/writes.ts";

export { loadRecommendation, loadRecommendations } from "./structure-common.ts";
export type { RecommendationRecord } from "./structure-common.ts";
export { makeAction, makeMilestone, moveAction, reinstateAction, retireAction } from "./structure-moves.ts";
export { reviseTargetDate } from "../date-changes/date-changes.ts";

const ref = (what: string) =>
  boundedText(`The ${what}'s number`, `Give the ${what} a number, e.g. '3' or '2.1'.`, REF_LIMIT);
const recTitle = boundedText(
  "The recommendation's title",
  "Give the recommendation a title.",
  SHORT_TEXT_LIMIT,
);
const details = boundedText("The recommendation's details", null);
const actionText = boundedText("The action's text", "Say what the action is.");
const targetText = boundedText("The target date", null, SHORT_TEXT_LIMIT);
const postId = z.nullable(z.string().check(z.regex(/^[1-9]\d*$/, "Not an SRO post id.")));

const newRecommendation = z.object({
  planId: z.string(),
  ref: ref("recommendation"),
  title: recTitle,
  details,
});
const recommendationChanges = z.object({
  ref: z.optional(ref("recommendation")),
  title: z.optional(recTitle),
  details: z.optional(details),
});
const newAction = z.object({
  planId: z.string(),
  recommendationId: z.string(),
  parentId: z.nullable(z.string()),
  ref: ref("action"),
  text: actionText,
  sroPostId: postId,
  targetDateText: targetText,
});
const actionChanges = z.object({
  ref: z.optional(ref("action")),
  text: z.optional(actionText),
  sroPostId: z.optional(postId),
});

const sameRef = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase();

/** A new recommendation at the end of its plan. Three requests: the plan's read, the add, the read back. */
export async function addRecommendation(
  ctx: DataContext,
  input: { planId: string; ref: string; title: string; details: string },
): Promise<RecommendationRecord> {
  const rec = newRecommendation.parse(input);
  const planId = itemId(rec.planId, "plan");
  const existing = readRows(
    recommendationItemSchema,
    await allRows(ctx.sp, await firstPage(planRecommendationsQuery(ctx.sp, rec.planId))),
    "recommendations",
    ctx.warnings,
    toRecommendationRecord,
  );
  const taken = existing.find((r) => sameRef(r.ref, rec.ref));
  if (taken !== undefined)
    throw inputRefused(
      `Recommendation ${taken.ref} ('${taken.title}') already has that number; choose another.`,
    );
  const order = nextSortOrder(existing);
  const id = await addItem("recommendations", {
    Title: rec.title,
    Ref: rec.ref,
    Details: rec.details,
    PlanId: planId,
    ...(order === null ? {} : { SortOrder: order }),
  }).apply(ctx.sp);
  const created = await loadRecommendation(ctx, String(id));
  if (created === null) throw new Error(`Recommendation ${rec.ref} was added but could not be read back.`);
  return created;
}

/** Change a recommendation (as read). One write at its ETag (and a read of the plan's for a new number). */
export async function updateRecommendation(
  ctx: DataContext,
  rec: RecommendationRecord,
  changes: Partial<{ ref: string; title: string; details: string }>,
): Promise<RecommendationRecord> {
  const wanted = recommendationChanges.parse(changes);
  if (wanted.ref !== undefined && !sameRef(wanted.ref, rec.ref)) {
    const page = await firstPage(planRecommendationsQuery(ctx.sp, rec.planId));
    const rows = readRows(
      recommendationItemSchema,
      await allRows(ctx.sp, page),
      "recommendations",
      ctx.warnings,
      (r) => r,
    );
    const taken = rows.find((r) => r.Id !== Number(rec.id) && sameRef(r.Ref ?? "", wanted.ref ?? ""));
    if (taken !== undefined)
      throw inputRefused(
        `Recommendation ${taken.Ref ?? ""} ('${taken.Title ?? ""}') already has that number.`,
      );
  }
  const values: Record<string, unknown> = {};
  const previous: Record<string, unknown> = {};
  if (wanted.ref !== undefined) [values.Ref, previous.Ref] = [wanted.ref, rec.ref];
  if (wanted.title !== undefined) [values.Title, previous.Title] = [wanted.title, rec.title];
  if (wanted.details !== undefined) [values.Details, previous.Details] = [wanted.details, rec.description];
  if (Object.keys(values).length === 0) return rec;
  try {
    await writeTogether(ctx.sp, [
      updateItem("recommendations", itemId(rec.id, "recommendation"), rec.etag, values, previous),
    ]);
  } catch (error) {
    const reason = causeOf(error);
    if (!isStaleETag(reason)) throw reason;
    throw new ConflictError("recommendation", await loadRecommendation(ctx, rec.id), reason);
  }
  const now = await loadRecommendation(ctx, rec.id);
  if (now === null) throw new Error(`Recommendation ${rec.ref} was saved but could not be read back.`);
  return now;
}

/**
 * A new action of a recommendation, or a milestone of an action (`parentId`), at the end of its siblings,
 * its target date read with the plan's reference date and kept as its baseline. Three requests: one $batch
 * of reads (plan, recommendation, its actions, the post), the add, and the read back.
 */
export async function addAction(
  ctx: DataContext,
  input: {
    planId: string;
    recommendationId: string;
    parentId: string | null;
    ref: string;
    text: string;
    sroPostId: string | null;
    targetDateText: string;
  },
): Promise<ActionRecord> {
  const action = newAction.parse(input);
  const reads = await inOneBatch(ctx.sp, (sp) => ({
    rec: settle(orNullIfGone(recommendationById(sp, action.recommendationId))),
    siblings: settle(firstPage(recommendationActionsQuery(sp, action.recommendationId))),
    post:
      action.sroPostId === null
        ? null
        : settle(orNullIfGone(listOf(sp, "sroPosts").items.getById(Number(action.sroPostId)).select("Id")())),
  }));
  const plan = await loadPlan(ctx, action.planId);
  if (plan === null) throw inputRefused(`There is no plan ${action.planId}.`);
  const recRow = valueOf(await reads.rec);
  const rec =
    recRow === null
      ? null
      : readRow(recommendationItemSchema, recRow, "recommendations", toRecommendationRecord);
  if (rec === null || rec.planId !== plan.id)
    throw inputRefused(`Plan '${plan.title}' has no recommendation ${action.recommendationId}.`);
  if (reads.post !== null && valueOf(await reads.post) === null)
    throw inputRefused(`There is no SRO post ${action.sroPostId ?? ""}; see \`actionplan post list\`.`);
  const all = actionRecords(ctx, await allRows(ctx.sp, valueOf(await reads.siblings)));
  let parent: ActionRecord | undefined;
  if (action.parentId !== null) {
    parent = all.find((a) => a.action.id === action.parentId);
    if (parent === undefined)
      throw inputRefused(`Recommendation ${rec.ref} has no action ${action.parentId} to add a milestone to.`);
    if (parent.action.parentId !== undefined)
      throw inputRefused(`${parent.action.ref} is a milestone itself; a milestone belongs to an action.`);
  }
  const taken = all.find((a) => sameRef(a.action.ref, action.ref));
  if (taken !== undefined)
    throw inputRefused(`Recommendation ${rec.ref} already has ${taken.action.ref}; choose another number.`);
  const due = parseTargetDate(action.targetDateText, { referenceDate: plan.referenceDate }).due;
  checkDateRange(`The target date "${action.targetDateText}"`, due);
  const siblings = all.filter((a) => (a.action.parentId ?? null) === action.parentId);
  const order = nextSortOrder(siblings.map((s) => s.action));
  const id = await addItem("actions", {
    Title: action.text.slice(0, SHORT_TEXT_LIMIT),
    ActionText: action.text,
    Ref: action.ref,
    PlanId: itemId(plan.id, "plan"),
    RecommendationId: itemId(rec.id, "recommendation"),
    ParentActionId: parent === undefined ? null : itemId(parent.action.id, "action"),
    SroPostId: action.sroPostId === null ? null : Number(action.sroPostId),
    TargetDateText: action.targetDateText,
    DueDate: sharePointDateOrNull(due),
    BaselineTargetText: action.targetDateText,
    BaselineDueDate: sharePointDateOrNull(due),
    ...(order === null ? {} : { SortOrder: order }),
  }).apply(ctx.sp);
  return loadAction(ctx, String(id));
}

/** Change an action's (as read) number, text or SRO post. One write at its ETag, then the read back. */
export async function updateAction(
  ctx: DataContext,
  record: ActionRecord,
  changes: Partial<{ ref: string; text: string; sroPostId: string | null }>,
): Promise<ActionRecord> {
  const wanted = actionChanges.parse(changes);
  const values: Record<string, unknown> = {};
  const previous: Record<string, unknown> = {};
  if (wanted.ref !== undefined && wanted.ref !== record.action.ref)
    [values.Ref, previous.Ref] = [wanted.ref, record.action.ref];
  if (wanted.text !== undefined && wanted.text !== record.action.text) {
    [values.ActionText, previous.ActionText] = [wanted.text, record.action.text];
    [values.Title, previous.Title] = [
      wanted.text.slice(0, SHORT_TEXT_LIMIT),
      record.action.text.slice(0, 255),
    ];
  }
  if (wanted.sroPostId !== undefined && wanted.sroPostId !== record.sroPostId)
    [values.SroPostId, previous.SroPostId] = [
      wanted.sroPostId === null ? null : Number(wanted.sroPostId),
      record.sroPostId === null ? null : Number(record.sroPostId),
    ];
  if (Object.keys(values).length === 0) return record;
  return writeActions(ctx, [{ record, values, previous }]);
}

const orderRow = z.object({
  Id: z.int(),
  "odata.etag": z.string(),
  SortOrder: z.nullish(z.number()),
  PlanId: z.nullish(z.int()),
  RecommendationId: z.nullish(z.int()),
  ParentActionId: z.nullish(z.int()),
});

/**
 * Put recommendations (of one plan) or actions (of one recommendation, or milestones of one action) in the
 * order given: SortOrder 1..n. Two requests: the items read in one $batch, then the changed ones written
 * together at the ETags read (someone else's change in between: ConflictError, nothing kept).
 */
export async function reorder(
  ctx: DataContext,
  list: "recommendations" | "actions",
  orderedIds: string[],
): Promise<void> {
  if (new Set(orderedIds).size !== orderedIds.length)
    throw inputRefused("An item is listed twice in the order.");
  if (orderedIds.length === 0) return;
  const subject = list === "actions" ? "action" : "recommendation";
  const columns =
    list === "recommendations"
      ? ["Id", "SortOrder", "PlanId"]
      : ["Id", ACTION_COLUMNS.SortOrder, ACTION_COLUMNS.RecommendationId, ACTION_COLUMNS.ParentActionId];
  const reads = await inOneBatch(ctx.sp, (sp) =>
    orderedIds.map((id) =>
      settle(
        orNullIfGone(
          listOf(sp, list)
            .items.getById(itemId(id, subject))
            .select(...columns)(),
        ),
      ),
    ),
  );
  const rows = (await Promise.all(reads)).map((read, i) => {
    const row: unknown = valueOf(read);
    if (row === null) throw inputRefused(`There is no ${subject} ${orderedIds[i] ?? ""}.`);
    return orderRow.parse(row);
  });
  const groupOf = (r: z.infer<typeof orderRow>) =>
    list === "recommendations"
      ? String(r.PlanId ?? "")
      : `${String(r.RecommendationId ?? "")}/${String(r.ParentActionId ?? "")}`;
  if (new Set(rows.map(groupOf)).size > 1)
    throw inputRefused(
      list === "recommendations"
        ? "These recommendations belong to different plans; order one plan's at a time."
        : "These belong to different recommendations or actions; order one set of siblings at a time.",
    );
  const writes = rows.flatMap((row, i) =>
    row.SortOrder === i + 1
      ? []
      : [
          updateItem(
            list,
            row.Id,
            row["odata.etag"],
            { SortOrder: i + 1 },
            { SortOrder: row.SortOrder ?? null },
          ),
        ],
  );
  if (writes.length === 0) return;
  try {
    await writeTogether(ctx.sp, writes);
  } catch (error) {
    if (!(error instanceof WriteFailed) || !isStaleETag(error.reason)) throw causeOf(error);
    const changed = rows.filter((row, i) => row.SortOrder !== i + 1)[error.index];
    const id = String(changed?.Id ?? "");
    if (list === "actions")
      throw new ConflictError("action", await orNullIfGone(loadAction(ctx, id)), error.reason);
    throw new ConflictError("recommendation", await loadRecommendation(ctx, id), error.reason);
  }
}

export { loadAction } from "../actions/history.ts";
