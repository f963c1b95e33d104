// Writing a whole new plan into the lists (the demo seed, test fixtures): the same stages and columns as a
// council's own import (import-sync.ts), always as a new plan. People are resolved to site users, SRO posts
// reused by title, then the plan, recommendations, actions, milestones and their first updates, each stage
// in $batches of up to 100 writes. Each action is written with its latest-update columns already filled in,
// so the plan is consistent the moment the import ends.
import type { PlanImport } from "../../import/plan-shape.ts";
import type { DataContext } from "../core/context.ts";
import { planSync } from "./changes.ts";
import { readSitePosts } from "./existing.ts";
import { writeSync, type WrittenIds } from "./write.ts";

export type {
  ImportAction,
  ImportPeriod,
  ImportPost,
  ImportUpdate,
  PlanImport,
} from "../../import/plan-shape.ts";

export type ImportResult = WrittenIds;

/** Write a whole plan; returns the ids given to it, by ref and title. About one request per 100 items. */
export async function importPlan(ctx: DataContext, input: PlanImport): Promise<ImportResult> {
  // A new plan even when one of the same title exists: fixtures load several plans that share names.
  const plan = planSync(input, { posts: await readSitePosts(ctx), existing: null }, "");
  const { ids } = await writeSync(ctx, plan, input, {
    reason: "",
    mappingJson: null,
    today: input.plan.referenceDate,
  });
  return ids;
}
