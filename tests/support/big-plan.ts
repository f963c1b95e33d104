// A plan of thousands of actions and tens of thousands of updates, for the scale tests and the bench.
// Recommendations and posts go through the API; the bulk rows are put straight into the sandbox's store,
// since writing 65,000 items through the REST API would only measure the emulator.
import { randomUUID } from "node:crypto";
import type { SpList } from "../../src/sandbox/sharepoint/model.ts";
import type { SandboxStore } from "../../src/sandbox/store.ts";
import type { DataContext } from "../../src/sharepoint/core/index.ts";
import { importPlan, type ImportResult } from "../../src/sharepoint/import/index.ts";
import { generatedPlan } from "../integration/fixtures.ts";

export interface BigPlan {
  seeded: ImportResult;
  actionIds: number[];
  posts: string[];
}

function sandboxList(store: SandboxStore, title: string): SpList {
  const list = store.sites.get("improvement")?.lists.find((l) => l.Title === title);
  if (list === undefined) throw new Error(`the sandbox has no ${title} list: provision it first`);
  return list;
}

// Values by internal name, lookups as the target's id: how the sandbox keeps them.
function insert(list: SpList, values: Record<string, unknown>): number {
  const id = list.nextItemId++;
  const now = "2024-04-09T09:00:00Z";
  list.items.set(id, {
    Id: id,
    GUID: randomUUID(),
    version: 1,
    Created: now,
    Modified: now,
    AuthorId: 6,
    EditorId: 6,
    values,
  });
  return id;
}

/**
 * Add a plan of `actions` actions (over `recommendations` recommendations), each with `updatesPerAction`
 * updates; a fraction spreads them evenly (1.2: every fifth action has two).
 */
export async function seedBigPlan(
  ctx: DataContext,
  store: SandboxStore,
  {
    actions,
    updatesPerAction,
    recommendations,
    postCount = 40,
  }: { actions: number; updatesPerAction: number; recommendations: number; postCount?: number },
): Promise<BigPlan> {
  const posts = Array.from({ length: postCount }, (_, i) => `Director ${String(i + 1)}`);
  const seeded = await importPlan(ctx, generatedPlan("Best Value plan", recommendations, 0, posts));
  const actionList = sandboxList(store, "Actions");
  const updateList = sandboxList(store, "Progress Updates");
  const planId = Number(seeded.planId);
  const postIds = posts.map((p) => Number(seeded.postIds.get(p)));
  const actionIds: number[] = [];
  for (let i = 0; i < actions; i++) {
    const count = Math.floor((i + 1) * updatesPerAction) - Math.floor(i * updatesPerAction);
    const rec = Math.floor(i / (actions / recommendations)) + 1;
    const id = insert(actionList, {
      Title: `Action ${String(i)}`,
      Ref: `${String(rec)}.${String(i + 1)}`,
      ActionText: `Action ${String(i)}`,
      Plan: planId,
      Recommendation: Number(seeded.recommendationIds.get(String(rec))),
      SroPost: postIds[i % postIds.length],
      TargetDateText: "Sept-24",
      DueDate: "2024-09-30T12:00:00Z",
      ReportedStatus: "On target",
      LatestUpdateDate: "2024-12-31T12:00:00Z",
      LatestUpdateText: `Update ${String(count)}`,
    });
    actionIds.push(id);
    for (let u = 1; u <= count; u++) {
      insert(updateList, {
        Title: `Update ${String(u)}`,
        Action: id,
        Plan: planId,
        UpdateDate: `2024-${String(((u - 1) % 12) + 1).padStart(2, "0")}-28T12:00:00Z`,
        UpdateText: `Update ${String(u)}`,
        ReportedStatus: "On target",
      });
    }
  }
  return { seeded, actionIds, posts };
}
