// Every query the app makes still works on lists past the list view threshold. The sandbox's threshold is
// lowered to 50 (and the page size for whole-list reads with it, as SharePoint Online pairs 5,000 with
// 5,000), and every list gets more than 50 items. A control shows the same data access failing when the
// columns it filters on are not indexed, so these tests can fail.
import assert from "node:assert/strict";
import { afterAll, beforeAll, describe, test } from "vitest";
import { isoDate } from "../../src/domain/index.ts";
import { RemoteError } from "../../src/lib/remote-error.ts";
import { createSharePoint, dataContext, eq, listOf } from "../../src/sharepoint/core/index.ts";
import { approveDateChange, requestDateChange } from "../../src/sharepoint/date-changes/index.ts";
import { loadActionHistory, loadMyActions } from "../../src/sharepoint/actions/index.ts";
import { importPlan, type ImportResult } from "../../src/sharepoint/import/index.ts";
import { closePeriod, createPeriod, loadPeriods } from "../../src/sharepoint/periods/index.ts";
import { findPlansByTitle, listPlans, loadDashboard } from "../../src/sharepoint/plans/index.ts";
import { provisionSite } from "../../src/sharepoint/provision/index.ts";
import { SCHEMA, type SchemaSpec } from "../../src/sharepoint/schema/index.ts";
import { addProgressUpdate } from "../../src/sharepoint/updates/index.ts";
import { openSandbox } from "../support/targets.ts";
import { countRequests, generatedPlan, MEMBERS, openProvisioned, type Provisioned } from "./fixtures.ts";

const THRESHOLD = 50;
const POSTS = Array.from({ length: 60 }, (_, i) => `Post ${String(i + 1)}`);

function isThrottled(error: unknown): boolean {
  return error instanceof RemoteError && error.code.includes("SPQueryThrottledException");
}

async function itemCount(env: Provisioned, title: string): Promise<number> {
  const info: { ItemCount: number } = await env.sp().web.lists.getByTitle(title).select("ItemCount")();
  return info.ItemCount;
}

describe(`data access with the list view threshold at ${String(THRESHOLD)}`, () => {
  let env: Provisioned;
  const plans: ImportResult[] = [];
  let big: ImportResult;

  beforeAll(async () => {
    env = await openProvisioned({ threshold: THRESHOLD }, THRESHOLD);
    for (const name of ["North", "South", "East"])
      plans.push(await importPlan(env.ctx(), generatedPlan(`${name} plan`, 3, 10, POSTS)));
    // A plan with more actions than the threshold, and one with more recommendations than it.
    big = await importPlan(env.ctx(), generatedPlan("Big plan", 3, 20, POSTS));
    await importPlan(env.ctx(), generatedPlan("Broad plan", 55, 1, POSTS));
    const [batched, execute] = env.sp().batched({ maxRequests: 100 });
    for (let i = 0; i < 55; i++)
      void listOf(batched, "plans").items.add({
        Title: `Small plan ${String(i)}`,
        ReferenceDate: "2024-04-09T12:00:00Z",
      });
    await execute();
    const north = plans[0];
    assert.ok(north !== undefined);
    for (let i = 0; i < 3; i++) {
      const ctx = env.ctx();
      const period = await createPeriod(ctx, north.planId, {
        title: `Q${String(i + 1)}`,
        startsOn: `202${String(3 + i)}-04-01`,
        updateDeadline: `202${String(3 + i)}-06-01`,
        reportDate: `202${String(3 + i)}-07-01`,
      });
      if (i < 2) await closePeriod(ctx, period, isoDate(`202${String(3 + i)}-07-01`));
    }
  });
  afterAll(async () => {
    await env.target.close();
  });

  test("every list the queries read is past the threshold", async () => {
    for (const title of ["Plans", "Recommendations", "Actions", "Progress Updates", "SRO Posts"])
      assert.ok(
        (await itemCount(env, title)) > THRESHOLD,
        `${title} has more than ${String(THRESHOLD)} items`,
      );
  });

  test("a query on an unindexed column fails there, as SharePoint's does", async () => {
    const actions = listOf(env.sp(), "actions").items;
    await assert.rejects(actions.filter(eq("Ref", "1.1"))(), isThrottled);
    await assert.rejects(
      actions.filter(eq("PlanId", Number(big.planId)))(),
      isThrottled,
      "a plan past the threshold",
    );
    await assert.rejects(actions.orderBy("Ref")(), isThrottled);
  });

  test("plans, and finding one by title", async () => {
    const { result, requests } = await countRequests(env, () => listPlans(env.ctx()));
    assert.equal(result.length, 60);
    assert.equal(requests, 2, "two pages of 50");
    assert.equal((await findPlansByTitle(env.ctx(), "South plan")).length, 1);
  });

  test("a plan's dashboard, and one with more actions than the threshold", async () => {
    const north = await countRequests(env, () => loadDashboard(env.ctx(), plans[0]?.planId ?? ""));
    assert.equal(north.result.actions.length, 30);
    assert.equal(north.result.sroPosts.length, 60);
    assert.equal(north.result.periods.length, 3);
    assert.equal(north.result.currentPeriod?.title, "Q3");
    assert.equal(north.requests, 2, "one batch, and the second page of SRO posts");
    const bigPlan = await countRequests(env, () => loadDashboard(env.ctx(), big.planId));
    assert.equal(bigPlan.result.actions.length, 60);
    assert.equal(bigPlan.requests, 3, "the batch, actions by recommendation, the second page of posts");
  });

  test("my actions, an action's history, updates and date changes", async () => {
    const mine = await loadMyActions(env.ctx(), MEMBERS[0] ?? "", isoDate("2024-04-09"));
    assert.ok(mine.length > 0);
    const id = plans[1]?.actionIds.get("2.3") ?? "";
    const history = await loadActionHistory(env.ctx(), id);
    assert.equal(history.updates.length, 1);
    const { record } = await addProgressUpdate(env.ctx(), history.record, {
      date: "2024-05-01",
      text: "Past the threshold",
      reportedStatus: "On target",
      percentComplete: 10,
      periodId: null,
      evidenceUrl: null,
    });
    const change = await requestDateChange(env.ctx(), record, {
      toText: "Dec-24",
      reason: "Later",
      requestedOn: "2024-05-02",
    });
    await approveDateChange(env.ctx(), change, record, { decidedOn: isoDate("2024-05-03") });
    const after = await loadActionHistory(env.ctx(), id);
    assert.equal(after.updates.length, 2);
    assert.equal(after.record.action.targetDate.due, "2024-12-31");
  });

  test("reporting periods", async () => {
    const periods = await loadPeriods(env.ctx(), plans[0]?.planId ?? "");
    assert.deepEqual(
      periods.map((p) => [p.title, p.state]),
      [
        ["Q1", "closed"],
        ["Q2", "closed"],
        ["Q3", "open"],
      ],
    );
    assert.equal(periods[0]?.snapshot?.actionsTotal, 30);
  });
});

describe("the control: without the indexes, the same data access fails past the threshold", () => {
  test("a dashboard whose Plan and Recommendation lookups are not indexed is refused", async () => {
    const target = await openSandbox({ threshold: THRESHOLD });
    try {
      const unindexed: SchemaSpec = {
        version: SCHEMA.version,
        lists: SCHEMA.lists.map((l) => ({
          ...l,
          columns: l.columns.map((c) => ({ ...c, indexed: false, unique: false })),
        })),
      };
      const sp = createSharePoint({ siteUrl: target.siteUrl, getToken: () => target.token("owner") });
      await provisionSite(sp, unindexed);
      const ctx = dataContext(sp, { pageSize: THRESHOLD });
      const first = await importPlan(ctx, generatedPlan("One", 3, 10, ["Post"]));
      await importPlan(ctx, generatedPlan("Two", 3, 10, ["Post"]));
      await assert.rejects(loadDashboard(ctx, first.planId), isThrottled);
      await assert.rejects(loadActionHistory(ctx, first.actionIds.get("1.1") ?? ""), isThrottled);
    } finally {
      await target.close();
    }
  });
});
