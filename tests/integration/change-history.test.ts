// An action's change history in words, from the versions SharePoint keeps of it (provision turns
// versioning on): who, when and what, newest first, a page at a time; anyone who may read the plan sees it.
import assert from "node:assert/strict";
import { afterAll, beforeAll, describe, test } from "vitest";
import { isoDate } from "../../src/domain/index.ts";
import { loadAction, loadChangeHistory } from "../../src/sharepoint/actions/index.ts";
import {
  addAction,
  addRecommendation,
  createPlan,
  makeAction,
  makeMilestone,
  moveAction,
  reinstateAction,
  retireAction,
  reviseTargetDate,
  updateAction,
} from "../../src/sharepoint/plans/index.ts";
import { DIRECTORY } from "../../src/sandbox/directory.ts";
import { SANDBOX_PEOPLE } from "../support/targets.ts";
import { countRequests, openProvisioned, type Provisioned } from "./fixtures.ts";

describe("an action's change history", () => {
  let env: Provisioned;
  let actionId: string;
  const owner = DIRECTORY.find((p) => p.upn.toLowerCase() === SANDBOX_PEOPLE.owner.toLowerCase());

  beforeAll(async () => {
    env = await openProvisioned();
    const ctx = env.ctx();
    const plan = await createPlan(ctx, {
      title: "History plan",
      referenceDate: isoDate("2023-10-01"),
      overdueAfterMonths: 1,
      nation: "England and Wales",
    });
    const rec = (ref: string) =>
      addRecommendation(ctx, { planId: plan.id, ref, title: `Rec ${ref}`, details: "" });
    const [r1, r2] = [await rec("1"), await rec("3")];
    const add = (ref: string, recId: string) =>
      addAction(ctx, {
        planId: plan.id,
        recommendationId: recId,
        parentId: null,
        ref,
        text: `Action ${ref}`,
        sroPostId: null,
        targetDateText: "March 2024",
      });
    const parent = await add("2.1", r2.id);
    let record = await add("1.1", r1.id);
    record = await reviseTargetDate(ctx, record, "June 2024", "Waiting for the audit", isoDate("2024-02-01"));
    record = await retireAction(
      ctx,
      await loadAction(ctx, record.action.id),
      "no longer needed",
      isoDate("2024-03-01"),
    );
    record = await reinstateAction(ctx, record);
    record = await moveAction(ctx, record, r2.id);
    record = await makeMilestone(ctx, record, parent.action.id);
    record = await makeAction(ctx, record);
    record = await updateAction(ctx, record, { text: "Audit the accounts" });
    actionId = record.action.id;
  });
  afterAll(async () => {
    await env.target.close();
  });

  test("each change in words, newest first, with who and when, in two requests", async () => {
    const { result, requests } = await countRequests(env, () => loadChangeHistory(env.ctx(), actionId));
    assert.ok(requests <= 2, `the history took ${String(requests)} requests`);
    assert.deepEqual(
      result.map((e) => e.what),
      [
        "Text changed from 'Action 1.1' to 'Audit the accounts'",
        "Made an action of recommendation 3 (was a milestone of 2.1)",
        "Made a milestone of 2.1",
        "Moved to recommendation 3",
        "Reinstated",
        "Withdrawn: no longer needed",
        "Target date changed from 'March 2024' to 'June 2024': Waiting for the audit",
        "Added as action 1.1 of recommendation 1, target date 'March 2024'",
      ],
    );
    for (const entry of result) {
      assert.equal(entry.who, owner?.displayName);
      assert.match(entry.when, /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/);
    }
    assert.deepEqual(
      result.map((e) => e.version),
      ["8.0", "7.0", "6.0", "5.0", "4.0", "3.0", "2.0", "1.0"],
    );
  });

  test("a page at a time: the next page starts before the last version shown", async () => {
    const first = await loadChangeHistory(env.ctx(), actionId, { limit: 3 });
    assert.equal(first.length, 3);
    const next = await loadChangeHistory(env.ctx(), actionId, {
      limit: 3,
      olderThan: first[2]?.version ?? "",
    });
    assert.deepEqual(
      next.map((e) => e.what),
      ["Moved to recommendation 3", "Reinstated", "Withdrawn: no longer needed"],
    );
  });

  test("SROs (Members) and viewers read it too", async () => {
    for (const who of ["member", "visitor"] as const)
      assert.equal((await loadChangeHistory(env.ctx(who), actionId)).length, 8, who);
  });
});
