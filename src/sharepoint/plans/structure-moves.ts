// Changes to where an action stands in its plan: move it (with its milestones) to another recommendation,
// make it a milestone of another action and back, withdraw it with a reason (never deleted: it stays in
// history and reports as withdrawn) and reinstate it. Each writes at the ETags read, all parts together.
import { z } from "../../lib/zod.ts";
import type { IsoDate } from "../../domain/index.ts";
import { allRows, firstPage, inOneBatch, settle, valueOf } from "../core/batch.ts";
import { orNullIfGone } from "../core/conflict.ts";
import { type DataContext } from "../core/context.ts";
import { sharePointDate } from "../core/dates.ts";
import { loadAction } from "../actions/history.ts";
import { boundedDate, boundedText, inputRefused } from "../core/input-bounds.ts";
import { loadMilestones } from "./milestones.ts";
import {
  actionRecords,
  named,
  nextSortOrder,
  recommendationActionsQuery,
  recommendationById,
  toRecommendationRecord,
  writeActions,
} from "./structure-common.ts";
import { itemId, type ActionRecord } from "../schema/records.ts";
import { readRow, recommendationItemSchema } from "../schema/rows.ts";

const sortColumn = (order: number | null, was: number | undefined) => ({
  values: { SortOrder: order },
  previous: { SortOrder: was ?? null },
});

/**
 * Move an action (as read) and its milestones to another recommendation of the same plan, at the end of
 * its actions there. Three requests: the reads in one $batch, the writes together, the read back.
 */
export async function moveAction(
  ctx: DataContext,
  record: ActionRecord,
  recommendationId: string,
): Promise<ActionRecord> {
  if (record.action.parentId !== undefined)
    throw inputRefused(
      `${named(record)} belongs to an action; move that action, or make this one an action first.`,
    );
  if (record.action.recommendationId === recommendationId)
    throw inputRefused(`${named(record)} is already under that recommendation.`);
  const reads = await inOneBatch(ctx.sp, (sp) => ({
    rec: settle(orNullIfGone(recommendationById(sp, recommendationId))),
    there: settle(firstPage(recommendationActionsQuery(sp, recommendationId))),
  }));
  const row: unknown = valueOf(await reads.rec);
  const rec =
    row === null ? null : readRow(recommendationItemSchema, row, "recommendations", toRecommendationRecord);
  if (rec === null || rec.planId !== record.action.planId)
    throw inputRefused(`The plan of ${named(record)} has no recommendation ${recommendationId}.`);
  const there = actionRecords(ctx, await allRows(ctx.sp, valueOf(await reads.there)));
  const clash = there.find((a) => a.action.ref.toLowerCase() === record.action.ref.toLowerCase());
  if (clash !== undefined)
    throw inputRefused(
      `Recommendation ${rec.ref} already has ${named(clash)}; renumber one of them before moving.`,
    );
  const milestones = await loadMilestones(ctx, record);
  const order = nextSortOrder(there.filter((a) => a.action.parentId === undefined).map((a) => a.action));
  const to = itemId(rec.id, "recommendation");
  const from = itemId(record.action.recommendationId, "recommendation");
  const sort = sortColumn(order, record.action.sortOrder);
  return writeActions(ctx, [
    {
      record,
      values: { RecommendationId: to, ...sort.values },
      previous: { RecommendationId: from, ...sort.previous },
    },
    ...milestones.map((m) => ({
      record: m,
      values: { RecommendationId: to },
      previous: { RecommendationId: from },
    })),
  ]);
}

/**
 * Make an action (as read) a milestone of another action of the same plan (under that action's
 * recommendation, after its milestones). Refused for an action with milestones of its own, a parent that
 * is itself a milestone, or one of another plan.
 */
export async function makeMilestone(
  ctx: DataContext,
  record: ActionRecord,
  parentActionId: string,
): Promise<ActionRecord> {
  if (parentActionId === record.action.id) throw inputRefused("An action cannot be a milestone of itself.");
  if (record.action.parentId === parentActionId)
    throw inputRefused(`${named(record)} is already a milestone of that action.`);
  const parent = await orNullIfGone(loadAction(ctx, parentActionId));
  if (parent === null || parent.action.planId !== record.action.planId)
    throw inputRefused(`The plan of ${named(record)} has no action ${parentActionId}.`);
  if (parent.action.parentId !== undefined)
    throw inputRefused(`${named(parent)} is a milestone itself; a milestone belongs to an action.`);
  const own = record.action.parentId === undefined ? await loadMilestones(ctx, record) : [];
  if (own.length > 0)
    throw inputRefused(
      `${named(record)} has milestones of its own (${own.map((m) => m.action.ref).join(", ")}); make them milestones of another action, or actions, first.`,
    );
  const siblings = await loadMilestones(ctx, parent);
  const sort = sortColumn(nextSortOrder(siblings.map((s) => s.action)), record.action.sortOrder);
  return writeActions(ctx, [
    {
      record,
      values: {
        ParentActionId: itemId(parent.action.id, "action"),
        RecommendationId: itemId(parent.action.recommendationId, "recommendation"),
        ...sort.values,
      },
      previous: {
        ParentActionId: record.action.parentId === undefined ? null : Number(record.action.parentId),
        RecommendationId: itemId(record.action.recommendationId, "recommendation"),
        ...sort.previous,
      },
    },
  ]);
}

/** Make a milestone (as read) an action again, of its parent's recommendation, after its actions there. */
export async function makeAction(ctx: DataContext, milestone: ActionRecord): Promise<ActionRecord> {
  const parentId = milestone.action.parentId;
  if (parentId === undefined) throw inputRefused(`${named(milestone)} is not a milestone.`);
  const parent = await orNullIfGone(loadAction(ctx, parentId));
  const recommendationId = parent?.action.recommendationId ?? milestone.action.recommendationId;
  const there = actionRecords(
    ctx,
    await allRows(ctx.sp, await firstPage(recommendationActionsQuery(ctx.sp, recommendationId))),
  );
  const sort = sortColumn(
    nextSortOrder(there.filter((a) => a.action.parentId === undefined).map((a) => a.action)),
    milestone.action.sortOrder,
  );
  return writeActions(ctx, [
    {
      record: milestone,
      values: {
        ParentActionId: null,
        RecommendationId: itemId(recommendationId, "recommendation"),
        ...sort.values,
      },
      previous: {
        ParentActionId: Number(parentId),
        RecommendationId: itemId(milestone.action.recommendationId, "recommendation"),
        ...sort.previous,
      },
    },
  ]);
}

const retirement = z.object({
  reason: boundedText("The reason", "Give a reason for withdrawing the action."),
  on: boundedDate("The withdrawal date"),
});

/**
 * Withdraw an action (as read): WithdrawnOn and WithdrawnReason set, nothing deleted. From that day it is
 * reported as withdrawn (not in the status figures, never overdue) and not chased; its milestones with it.
 */
export async function retireAction(
  ctx: DataContext,
  record: ActionRecord,
  reason: string,
  on: IsoDate,
): Promise<ActionRecord> {
  const wanted = retirement.parse({ reason, on });
  const withdrawn = record.action.withdrawn;
  if (withdrawn !== undefined)
    throw inputRefused(`${named(record)} was already withdrawn on ${withdrawn.on}: ${withdrawn.reason}`);
  return writeActions(ctx, [
    {
      record,
      values: { WithdrawnOn: sharePointDate(wanted.on), WithdrawnReason: wanted.reason },
      previous: { WithdrawnOn: null, WithdrawnReason: null },
    },
  ]);
}

/** Bring a withdrawn action (as read) back: counted and chased again from now. */
export async function reinstateAction(ctx: DataContext, record: ActionRecord): Promise<ActionRecord> {
  const withdrawn = record.action.withdrawn;
  if (withdrawn === undefined) throw inputRefused(`${named(record)} is not withdrawn.`);
  return writeActions(ctx, [
    {
      record,
      values: { WithdrawnOn: null, WithdrawnReason: null },
      previous: { WithdrawnOn: sharePointDate(withdrawn.on), WithdrawnReason: withdrawn.reason },
    },
  ]);
}
