// Plans as a coordinator runs them: create one from nothing, rename it, change its settings (reference date,
// the status rule's "overdue after N months", the nation whose bank holidays its reminders count), archive
// it (hidden from My actions and reminders, kept for reports) and bring it back. Changes carry the ETag the
// plan was read at: a 412 becomes ConflictError with the plan as it is now, and nothing is lost.
import { z } from "../../lib/zod.ts";
import { NATIONS, SHORT_TEXT_LIMIT, type IsoDate, type Nation } from "../../domain/index.ts";
import { ConflictError, isStaleETag, orNullIfGone } from "../core/conflict.ts";
import { listOf, type DataContext } from "../core/context.ts";
import { sharePointDate } from "../core/dates.ts";
import { boundedDate, boundedText, inputRefused } from "../core/input-bounds.ts";
import { findPlansByTitle } from "./plans.ts";
import { itemId, toPlan, type PlanRecord } from "../schema/records.ts";
import { PLAN_SELECT, planItemSchema, readRow } from "../schema/rows.ts";
import { addItem, causeOf, updateItem, writeTogether } from "../core/writes.ts";

const title = boundedText(
  "The plan's title",
  "Give the plan a title, e.g. 'LGA Corporate Peer Challenge 2023 action plan'.",
  SHORT_TEXT_LIMIT,
);
const overdueAfterMonths = z
  .int("Overdue after: give a whole number of months, e.g. 1.")
  .check(
    z.minimum(0, "Overdue after cannot be fewer than 0 months."),
    z.maximum(24, "Overdue after is at most 24 months; a plan's status rule counts months, not years."),
  );
const nation = z.enum(NATIONS, {
  error: `The nation is one of ${NATIONS.map((n) => `'${n}'`).join(", ")}.`,
});

const newPlanSchema = z.object({
  title,
  referenceDate: boundedDate("The plan's reference date"),
  overdueAfterMonths,
  nation,
});
export type NewPlan = z.input<typeof newPlanSchema>;

const changesSchema = z.object({
  title: z.optional(title),
  referenceDate: z.optional(boundedDate("The plan's reference date")),
  overdueAfterMonths: z.optional(overdueAfterMonths),
  nation: z.optional(nation),
  archived: z.optional(z.boolean()),
});
export type PlanChanges = Partial<{
  title: string;
  referenceDate: IsoDate;
  overdueAfterMonths: number;
  nation: Nation;
  archived: boolean;
}>;

/** A plan by id as it is now; null when it has been deleted. One request. */
export async function loadPlan(ctx: DataContext, planId: string): Promise<PlanRecord | null> {
  const row: unknown = await orNullIfGone(
    listOf(ctx.sp, "plans")
      .items.getById(itemId(planId, "plan"))
      .select(...PLAN_SELECT)(),
  );
  return row === null ? null : readRow(planItemSchema, row, "plans", toPlan);
}

// Plans are found by title (`--plan <title>`, imports), so two plans may not share one.
async function refuseTakenTitle(ctx: DataContext, wanted: string, except: string | null): Promise<void> {
  const taken = (await findPlansByTitle(ctx, wanted)).find(
    (p) => p.id !== except && p.title.toLowerCase() === wanted.toLowerCase(),
  );
  if (taken !== undefined)
    throw inputRefused(
      `There is already a plan called '${taken.title}' (id ${taken.id}${taken.archived ? ", archived" : ""}); choose another title.`,
    );
}

/** A new, empty plan. Three requests: the title check, the add, and the plan read back. */
export async function createPlan(ctx: DataContext, input: NewPlan): Promise<PlanRecord> {
  const plan = newPlanSchema.parse(input);
  await refuseTakenTitle(ctx, plan.title, null);
  const id = await addItem("plans", {
    Title: plan.title,
    ReferenceDate: sharePointDate(plan.referenceDate),
    OverdueAfterMonths: plan.overdueAfterMonths,
    Nation: plan.nation,
    Archived: false,
  }).apply(ctx.sp);
  const created = await loadPlan(ctx, String(id));
  if (created === null) throw new Error(`Plan '${plan.title}' was created but could not be read back.`);
  return created;
}

/**
 * Change a plan (as read): its title, settings, or archived state. One write with the plan's ETag (two
 * requests with the title check for a rename); a 412 becomes ConflictError("plan") with its current version.
 */
export async function updatePlan(
  ctx: DataContext,
  plan: PlanRecord,
  changes: PlanChanges,
): Promise<PlanRecord> {
  const wanted = changesSchema.parse(changes);
  if (wanted.title !== undefined && wanted.title !== plan.title)
    await refuseTakenTitle(ctx, wanted.title, plan.id);
  const values: Record<string, unknown> = {};
  const previous: Record<string, unknown> = {};
  const set = (column: string, to: unknown, from: unknown) => {
    values[column] = to;
    previous[column] = from;
  };
  if (wanted.title !== undefined) set("Title", wanted.title, plan.title);
  if (wanted.referenceDate !== undefined)
    set("ReferenceDate", sharePointDate(wanted.referenceDate), sharePointDate(plan.referenceDate));
  if (wanted.overdueAfterMonths !== undefined)
    set("OverdueAfterMonths", wanted.overdueAfterMonths, plan.overdueAfterMonths);
  if (wanted.nation !== undefined) set("Nation", wanted.nation, plan.nation);
  if (wanted.archived !== undefined) set("Archived", wanted.archived, plan.archived);
  if (Object.keys(values).length === 0) return plan;
  try {
    const [etag] = await writeTogether(ctx.sp, [
      updateItem("plans", itemId(plan.id, "plan"), plan.etag, values, previous),
    ]);
    return { ...plan, ...wanted, etag };
  } catch (error) {
    const reason = causeOf(error);
    if (!isStaleETag(reason)) throw reason;
    throw new ConflictError("plan", await loadPlan(ctx, plan.id), reason);
  }
}
