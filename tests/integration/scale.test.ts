// A plan of 5,000 actions with 60,000 progress updates, on lists past SharePoint's 5,000-item threshold
// (the sandbox's default): the dashboard stays within its budget of three requests (it takes one), my
// actions within two, and an action's history and a new update one each. The rows are put straight into
// the sandbox's store, since writing 65,000 items through the REST API would only test the emulator.
import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import { after, before, describe, test } from "node:test";
import { isoDate } from "../../src/domain/index.ts";
import type { SpList } from "../../src/sandbox/sharepoint/model.ts";
import { loadActionHistory } from "../../src/sharepoint/history.ts";
import { importPlan, type ImportResult } from "../../src/sharepoint/import-plan.ts";
import { loadMyActions } from "../../src/sharepoint/my-actions.ts";
import { loadDashboard } from "../../src/sharepoint/plans.ts";
import { addProgressUpdate } from "../../src/sharepoint/updates.ts";
import { countRequests, generatedPlan, MEMBERS, openProvisioned, type Provisioned } from "./fixtures.ts";

const ACTIONS = 5000;
const UPDATES_PER_ACTION = 12;
const RECOMMENDATIONS = 50;
const POSTS = Array.from({ length: 40 }, (_, i) => `Director ${String(i + 1)}`);

function sandboxList(env: Provisioned, title: string): SpList {
  const list = env.target.sandbox?.store.sites.get("improvement")?.lists.find((l) => l.Title === title);
  assert.ok(list !== undefined, `the sandbox has the ${title} list`);
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

describe(`a plan of ${String(ACTIONS)} actions and ${String(ACTIONS * UPDATES_PER_ACTION)} updates`, () => {
  let env: Provisioned;
  let seeded: ImportResult;
  const actionIds: number[] = [];

  before(async () => {
    env = await openProvisioned();
    // Recommendations and posts through the API; another small plan so the Actions list passes 5,000.
    seeded = await importPlan(env.ctx(), generatedPlan("Best Value plan", RECOMMENDATIONS, 0, POSTS));
    await importPlan(env.ctx(), generatedPlan("Another plan", 10, 20, POSTS));
    const actions = sandboxList(env, "Actions");
    const updates = sandboxList(env, "Progress Updates");
    const planId = Number(seeded.planId);
    const postIds = POSTS.map((p) => Number(seeded.postIds.get(p)));
    for (let i = 0; i < ACTIONS; i++) {
      const rec = Math.floor(i / (ACTIONS / RECOMMENDATIONS)) + 1;
      const id = insert(actions, {
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
        LatestUpdateText: `Update ${String(UPDATES_PER_ACTION)}`,
      });
      actionIds.push(id);
      for (let u = 1; u <= UPDATES_PER_ACTION; u++) {
        insert(updates, {
          Title: `Update ${String(u)}`,
          Action: id,
          Plan: planId,
          UpdateDate: `2024-${String(u).padStart(2, "0")}-28T12:00:00Z`,
          UpdateText: `Update ${String(u)}`,
          ReportedStatus: "On target",
        });
      }
    }
  });
  after(async () => {
    await env.target.close();
  });

  test("the dashboard is one request, well within its budget of three", async () => {
    const started = performance.now();
    const { result, requests } = await countRequests(env, () =>
      loadDashboard(env.ctx("visitor"), seeded.planId),
    );
    const ms = performance.now() - started;
    assert.equal(result.actions.length, ACTIONS);
    assert.equal(result.recommendations.length, RECOMMENDATIONS);
    assert.ok(requests <= 3);
    assert.equal(requests, 1);
    console.log(
      `dashboard of ${String(ACTIONS)} actions: ${String(requests)} request(s), ${ms.toFixed(0)} ms`,
    );
  });

  test("my actions across both plans is two requests", async () => {
    const { result, requests } = await countRequests(env, () =>
      loadMyActions(env.ctx("member"), MEMBERS[0] ?? "", isoDate("2024-04-09")),
    );
    assert.equal(requests, 2);
    assert.ok(result.length > ACTIONS / POSTS.length);
  });

  test("an action's history and a new update are one request each", async () => {
    const id = String(actionIds[1234]);
    const history = await countRequests(env, () => loadActionHistory(env.ctx(), id));
    assert.equal(history.requests, 1);
    assert.equal(history.result.updates.length, UPDATES_PER_ACTION);
    assert.equal(history.result.updates[0]?.text, `Update ${String(UPDATES_PER_ACTION)}`);
    const added = await countRequests(env, () =>
      addProgressUpdate(env.ctx("member"), history.result.record, {
        date: "2025-01-15",
        text: "Thirteenth update",
        reportedStatus: "Delayed",
        percentComplete: 70,
        periodId: null,
        evidenceUrl: null,
      }),
    );
    assert.equal(added.requests, 1);
  });
});
