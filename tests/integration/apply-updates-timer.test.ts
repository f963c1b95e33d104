// The Function App's short timer copies SROs' updates onto their actions as they arrive, as the app: after a
// firing the dashboard has nothing left to overlay, and a firing with nothing to do writes nothing and says
// nothing. Without its settings it stops and names them, as the daily job does.
import assert from "node:assert/strict";
import type { InvocationContext, Timer } from "@azure/functions";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { APPLY_UPDATES_SCHEDULE, applyUpdatesTimer } from "../../src/functions/apply-updates.ts";
import { loadActionHistory } from "../../src/sharepoint/actions/index.ts";
import { importPlan, type ImportResult } from "../../src/sharepoint/import/index.ts";
import { loadDashboard } from "../../src/sharepoint/plans/index.ts";
import {
  addProgressUpdate,
  APPLIED_NOTICE,
  applyUpdatesEvery,
  applyUpdatesOnce,
} from "../../src/sharepoint/updates/index.ts";
import { generatedPlan, openProvisioned, type Provisioned } from "./fixtures.ts";

describe("the timer that applies updates as they arrive", () => {
  let env: Provisioned;
  let plan: ImportResult;

  beforeAll(async () => {
    env = await openProvisioned();
    plan = await importPlan(env.ctx(), generatedPlan("Applied as they arrive", 2, 3, ["Director of Place"]));
  });
  afterAll(async () => {
    await env.target.close();
  });

  test("fires every two minutes", () => {
    assert.equal(APPLY_UPDATES_SCHEDULE, "0 */2 * * * *");
  });

  test("an SRO's update is on its action after one firing, and the next firing does nothing", async () => {
    const sro = env.ctx("member");
    const actionId = plan.actionIds.get("1.1") ?? "";
    const seen = (await loadActionHistory(sro, actionId)).record;
    await addProgressUpdate(sro, seen, {
      date: "2024-05-12",
      text: "Draft strategy to CMT on 20 May",
      reportedStatus: "Delayed",
      percentComplete: 40,
      periodId: null,
      evidenceUrl: null,
    });
    assert.equal((await loadDashboard(env.ctx("visitor"), plan.planId)).pendingUpdates, 1);

    const said: string[] = [];
    const getToken = () => env.target.token("app");
    const report = await applyUpdatesOnce(env.target.siteUrl, getToken, (m) => said.push(m));
    assert.deepEqual(report, { actions: 1, updates: 1, ignored: 0 });
    assert.match(said.join("\n"), new RegExp(`^${APPLIED_NOTICE}: 1 update\\(s\\) marked applied, 1 action`));
    assert.equal((await loadDashboard(env.ctx("visitor"), plan.planId)).pendingUpdates, 0);
    const applied = (await loadActionHistory(env.ctx("visitor"), actionId)).record;
    assert.equal(applied.latest?.text, "Draft strategy to CMT on 20 May");
    assert.equal(applied.latest.reportedStatus, "Delayed");

    const before = env.requests();
    const again = await applyUpdatesOnce(env.target.siteUrl, getToken, (m) => said.push(m));
    assert.deepEqual(again, { actions: 0, updates: 0, ignored: 0 });
    assert.equal(env.requests() - before, 1, "nothing to apply costs one $batch");
    assert.equal(said.length, 1, "a firing with nothing to apply writes no log line");
  });

  test("on a timer (the sandbox's stand-in), an update is applied within a tick and a failure is said once", async () => {
    const sro = env.ctx("member");
    const seen = (await loadActionHistory(sro, plan.actionIds.get("1.2") ?? "")).record;
    await addProgressUpdate(sro, seen, {
      date: "2024-05-13",
      text: "Consultation closed",
      reportedStatus: "On target",
      percentComplete: 70,
      periodId: null,
      evidenceUrl: null,
    });
    const said: string[] = [];
    const applying = applyUpdatesEvery(
      50,
      env.target.siteUrl,
      () => env.target.token("app"),
      (m) => said.push(m),
    );
    try {
      await expect
        .poll(async () => (await loadDashboard(env.ctx("visitor"), plan.planId)).pendingUpdates, {
          timeout: 5000,
        })
        .toBe(0);
    } finally {
      await applying.stop();
    }
    assert.equal(said.filter((m) => m.startsWith(APPLIED_NOTICE)).length, 1);

    const gone: string[] = [];
    const failing = applyUpdatesEvery(
      20,
      `${env.target.sandbox.url}/sites/nowhere`,
      () => env.target.token("app"),
      (m) => gone.push(m),
    );
    await new Promise((done) => setTimeout(done, 300));
    await failing.stop();
    assert.equal(gone.length, 1, `said once, not every tick: ${gone.join(" | ")}`);
    assert.match(gone[0] ?? "", /^Progress updates could not be applied yet: /);
  });

  test("without its settings the firing stops and names them", async () => {
    const context = { log: () => undefined } as unknown as InvocationContext;
    await assert.rejects(applyUpdatesTimer({} as Timer, context, {}), /ACTIONPLAN_SITE_URL: /);
  });
});
