// My actions as the tab loads it: the person's actions and their plans' open periods in two requests,
// still within budget when the lists are past the threshold.
import assert from "node:assert/strict";
import { afterAll, beforeAll, describe, test } from "vitest";
import { SEED_AS_OF } from "../../src/domain/testdata/lga-cpc-2023.ts";
import { importPlan } from "../../src/sharepoint/import/index.ts";
import { loadMyWork } from "../../src/sharepoint/actions/index.ts";
import { createPeriod } from "../../src/sharepoint/periods/index.ts";
import {
  countRequests,
  generatedPlan,
  lgaPlan,
  MEMBERS,
  openProvisioned,
  type Provisioned,
} from "./fixtures.ts";

describe("my work: actions and open periods", () => {
  let env: Provisioned;
  let planId: string;

  beforeAll(async () => {
    env = await openProvisioned({ threshold: 50 }, 50);
    planId = (await importPlan(env.ctx(), lgaPlan())).planId;
    await importPlan(env.ctx(), generatedPlan("Second plan", 4, 5, ["Director of Place"]));
    await createPeriod(env.ctx(), planId, {
      title: "Q1 2024/25",
      startsOn: "2024-04-10",
      updateDeadline: "2024-06-05",
      reportDate: "2024-06-18",
    });
  });
  afterAll(async () => {
    await env.target.close();
  });

  test("two requests bring the actions and the open period of each of their plans", async () => {
    const { result, requests } = await countRequests(env, () =>
      loadMyWork(env.ctx("member"), MEMBERS[0] ?? "", SEED_AS_OF),
    );
    assert.equal(requests, 2);
    assert.ok(result.actions.length > 0);
    assert.equal(result.openPeriods.get(planId)?.title, "Q1 2024/25");
    assert.ok(
      result.actions.every(
        (a) => a.record.action.planId === planId || !result.openPeriods.has(a.record.action.planId),
      ),
    );
  });

  test("someone with no posts gets no actions, still in one request", async () => {
    const { result, requests } = await countRequests(env, () =>
      loadMyWork(env.ctx(), "nobody@example.org", SEED_AS_OF),
    );
    assert.equal(requests, 1);
    assert.deepEqual(result.actions, []);
  });
});
