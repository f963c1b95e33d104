// A plan of 5,000 actions with 60,000 progress updates, on lists past SharePoint's 5,000-item threshold
// (the sandbox's default): the dashboard stays within its budget of three requests (it takes one), my
// actions within two, and an action's history and a new update one each. The rows are put straight into
// the sandbox's store, since writing 65,000 items through the REST API would only test the emulator.
import assert from "node:assert/strict";
import { afterAll, beforeAll, describe, test } from "vitest";
import { isoDate } from "../../src/domain/index.ts";
import { loadActionHistory, loadMyActions } from "../../src/sharepoint/actions/index.ts";
import { importPlan, type ImportResult } from "../../src/sharepoint/import/index.ts";
import { loadDashboard } from "../../src/sharepoint/plans/index.ts";
import { addProgressUpdate } from "../../src/sharepoint/updates/index.ts";
import { countRequests, generatedPlan, MEMBERS, openProvisioned, type Provisioned } from "./fixtures.ts";
import { seedBigPlan } from "../support/big-plan.ts";

const ACTIONS = 5000;
const UPDATES_PER_ACTION = 12;
const RECOMMENDATIONS = 50;
const POSTS = 40;

describe(`a plan of ${String(ACTIONS)} actions and ${String(ACTIONS * UPDATES_PER_ACTION)} updates`, () => {
  let env: Provisioned;
  let seeded: ImportResult;
  const actionIds: number[] = [];

  beforeAll(async () => {
    env = await openProvisioned();
    // Another small plan, so the Actions list passes 5,000 and the dashboard must use its indexes.
    const big = await seedBigPlan(env.ctx(), env.target.sandbox.store, {
      actions: ACTIONS,
      updatesPerAction: UPDATES_PER_ACTION,
      recommendations: RECOMMENDATIONS,
      postCount: POSTS,
    });
    await importPlan(env.ctx(), generatedPlan("Another plan", 10, 20, big.posts));
    seeded = big.seeded;
    actionIds.push(...big.actionIds);
  });
  afterAll(async () => {
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
    assert.ok(result.length > ACTIONS / POSTS);
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
