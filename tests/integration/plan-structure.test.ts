// A coordinator builds and reshapes a plan through the data layer against the sandbox: recommendations and
// actions added, edited and reordered, an action moved with its milestones, made a milestone and back,
// withdrawn and reinstated, its target date revised with a reason. Two coordinators at once: the second is
// told, nothing is lost. A Member's writes are refused by SharePoint itself (403).
import assert from "node:assert/strict";
import { afterAll, beforeAll, describe, test } from "vitest";
import { isoDate, sortActions, sortRecommendations } from "../../src/domain/index.ts";
import { RemoteError } from "../../src/lib/remote-error.ts";
import { ConflictError } from "../../src/sharepoint/core/index.ts";
import { loadAction, loadActionHistory } from "../../src/sharepoint/actions/index.ts";
import {
  addAction,
  addRecommendation,
  createPlan,
  dashboardFigures,
  loadDashboard,
  loadRecommendations,
  makeAction,
  makeMilestone,
  moveAction,
  type RecommendationRecord,
  reinstateAction,
  reorder,
  retireAction,
  reviseTargetDate,
  updateAction,
  updateRecommendation,
} from "../../src/sharepoint/plans/index.ts";
import { createSroPost } from "../../src/sharepoint/posts/index.ts";
import type { ActionRecord, PlanRecord } from "../../src/sharepoint/schema/index.ts";
import { refusal } from "../support/refusal.ts";
import { countRequests, MEMBERS, openProvisioned, type Provisioned } from "./fixtures.ts";

describe("a plan's structure, edited by a coordinator", () => {
  let env: Provisioned;
  let plan: PlanRecord;
  let rec1: RecommendationRecord;
  let rec2: RecommendationRecord;
  let a11: ActionRecord;
  let a12: ActionRecord;
  let a21: ActionRecord;
  let m111: ActionRecord;
  let postId: string;

  beforeAll(async () => {
    env = await openProvisioned();
    plan = await createPlan(env.ctx(), {
      title: "Structure plan",
      referenceDate: isoDate("2024-04-01"),
      overdueAfterMonths: 1,
      nation: "England and Wales",
    });
    postId = (await createSroPost(env.ctx(), { title: "Director of Place", holderUpn: MEMBERS[0] ?? null }))
      .id;
  });
  afterAll(async () => {
    await env.target.close();
  });

  test("two recommendations, three actions and a milestone are added, in order", async () => {
    rec1 = await addRecommendation(env.ctx(), { planId: plan.id, ref: "1", title: "Finance", details: "" });
    rec2 = await addRecommendation(env.ctx(), {
      planId: plan.id,
      ref: "2",
      title: "Place",
      details: "Regeneration",
    });
    assert.equal(rec2.description, "Regeneration");
    const add = (rec: string, ref: string, target: string, parentId: string | null = null) =>
      addAction(env.ctx(), {
        planId: plan.id,
        recommendationId: rec,
        parentId,
        ref,
        text: `Action ${ref}`,
        sroPostId: postId,
        targetDateText: target,
      });
    a11 = await add(rec1.id, "1.1", "March 2025");
    a12 = await add(rec1.id, "1.2", "Sept-24");
    a21 = await add(rec2.id, "2.1", "TBC");
    const { result, requests } = await countRequests(env, () =>
      add(rec1.id, "1.1.1", "Jan-25", a11.action.id),
    );
    m111 = result;
    assert.ok(requests <= 4, `adding a milestone took ${String(requests)} requests`);
    assert.equal(m111.action.parentId, a11.action.id);
    assert.equal(a11.action.sroPost, "Director of Place");
    assert.equal(a11.action.targetDate.due, "2025-03-31");
    assert.equal(a11.baseline.text, "March 2025");
    const dashboard = await loadDashboard(env.ctx(), plan.id);
    assert.deepEqual(
      sortActions(dashboard.actions).map((a) => a.action.ref),
      ["1.1", "1.1.1", "1.2", "2.1"],
    );
  });

  test("numbers already taken, and milestones of milestones, are refused in words", async () => {
    const taken = await refusal(
      addRecommendation(env.ctx(), { planId: plan.id, ref: "2", title: "Again", details: "" }),
    );
    assert.match(String(taken), /Recommendation 2 \('Place'\) already has that number/);
    const deep = await refusal(
      addAction(env.ctx(), {
        planId: plan.id,
        recommendationId: rec1.id,
        parentId: m111.action.id,
        ref: "1.1.1.1",
        text: "Too deep",
        sroPostId: null,
        targetDateText: "",
      }),
    );
    assert.match(String(deep), /1\.1\.1 is a milestone itself/);
  });

  test("a recommendation and an action are edited; a stale edit is a ConflictError and nothing is lost", async () => {
    const renamed = await updateRecommendation(env.ctx(), rec1, { title: "Finance and audit" });
    assert.equal(renamed.title, "Finance and audit");
    const stale = await refusal(updateRecommendation(env.ctx(), rec1, { details: "Lost?" }));
    assert.ok(stale instanceof ConflictError, String(stale));
    assert.equal(stale.subject, "recommendation");
    assert.equal((stale.current as RecommendationRecord | null)?.title, "Finance and audit");
    rec1 = renamed;

    const edited = await updateAction(env.ctx(), a12, { text: "Balance the budget", sroPostId: null });
    assert.equal(edited.action.text, "Balance the budget");
    assert.equal(edited.action.sroPost, null);
    const second = await refusal(updateAction(env.ctx(), a12, { ref: "1.9" }));
    assert.ok(second instanceof ConflictError, String(second));
    assert.equal(second.subject, "action");
    assert.equal((await loadAction(env.ctx(), a12.action.id)).action.text, "Balance the budget");
    a12 = edited;
  });

  test("reorder writes SortOrder 1..n and the plan shows that order", async () => {
    await reorder(env.ctx(), "recommendations", [rec2.id, rec1.id]);
    await reorder(env.ctx(), "actions", [a12.action.id, a11.action.id]);
    const recs = sortRecommendations(await loadRecommendations(env.ctx(), plan.id));
    assert.deepEqual(
      recs.map((r) => [r.ref, r.sortOrder]),
      [
        ["2", 1],
        ["1", 2],
      ],
    );
    const dashboard = await loadDashboard(env.ctx(), plan.id);
    assert.deepEqual(
      sortActions(
        dashboard.actions.filter(
          (a) => a.action.recommendationId === rec1.id && a.action.parentId === undefined,
        ),
      ).map((a) => a.action.ref),
      ["1.2", "1.1"],
    );
    const mixed = await refusal(reorder(env.ctx(), "actions", [a21.action.id, a11.action.id]));
    assert.match(String(mixed), /different recommendations/);
  });

  test("an action moves to another recommendation with its milestones", async () => {
    a11 = await loadAction(env.ctx(), a11.action.id);
    const moved = await moveAction(env.ctx(), a11, rec2.id);
    assert.equal(moved.action.recommendationId, rec2.id);
    assert.equal((await loadAction(env.ctx(), m111.action.id)).action.recommendationId, rec2.id);
    const milestoneMove = await refusal(
      moveAction(env.ctx(), await loadAction(env.ctx(), m111.action.id), rec1.id),
    );
    assert.match(String(milestoneMove), /milestone 1\.1\.1 belongs to an action/);
    a11 = moved;
  });

  test("a move from a stale read is refused as a whole: neither the action nor its milestones move", async () => {
    const stale = a11;
    a11 = await updateAction(env.ctx(), a11, { text: "Changed by the other coordinator" });
    const error = await refusal(moveAction(env.ctx(), stale, rec1.id));
    assert.ok(error instanceof ConflictError, String(error));
    assert.equal((error.current as ActionRecord | null)?.action.text, "Changed by the other coordinator");
    assert.equal((await loadAction(env.ctx(), a11.action.id)).action.recommendationId, rec2.id);
    assert.equal((await loadAction(env.ctx(), m111.action.id)).action.recommendationId, rec2.id);
  });

  test("an action becomes a milestone of another and back; one with milestones cannot", async () => {
    const refused = await refusal(makeMilestone(env.ctx(), a11, a21.action.id));
    assert.match(String(refused), /action 1\.1 has milestones of its own \(1\.1\.1\)/);
    a12 = await loadAction(env.ctx(), a12.action.id);
    const made = await makeMilestone(env.ctx(), a12, a21.action.id);
    assert.equal(made.action.parentId, a21.action.id);
    assert.equal(made.action.recommendationId, rec2.id);
    const back = await makeAction(env.ctx(), made);
    assert.equal(back.action.parentId, undefined);
    assert.equal(back.action.recommendationId, rec2.id);
    a12 = back;
  });

  test("a withdrawn action stays, with its reason, outside the figures; reinstated it counts again", async () => {
    const on = isoDate("2024-05-01");
    const retired = await retireAction(env.ctx(), a21, "Merged into 1.1", on);
    assert.deepEqual(retired.action.withdrawn, { on, reason: "Merged into 1.1" });
    const noReason = await refusal(retireAction(env.ctx(), retired, " ", on));
    assert.match(String(noReason), /Give a reason for withdrawing the action/);
    const dashboard = await loadDashboard(env.ctx(), plan.id);
    assert.ok(
      dashboard.actions.some((a) => a.action.id === a21.action.id),
      "kept, never deleted",
    );
    const figures = dashboardFigures(dashboard, isoDate("2024-06-01"));
    assert.equal(figures.withdrawn, 1);
    assert.equal(figures.actionsTotal, 2);
    const back = await reinstateAction(env.ctx(), retired);
    assert.equal(back.action.withdrawn, undefined);
    assert.equal(
      dashboardFigures(await loadDashboard(env.ctx(), plan.id), isoDate("2024-06-01")).withdrawn,
      0,
    );
    a21 = back;
  });

  test("a revised target date is an approved change with the reason, written with the action", async () => {
    a11 = await loadAction(env.ctx(), a11.action.id);
    const { result, requests } = await countRequests(env, () =>
      reviseTargetDate(env.ctx(), a11, "June 2025", "Auditor's timetable moved", isoDate("2024-05-02")),
    );
    assert.equal(result.action.targetDate.text, "June 2025");
    assert.equal(result.action.targetDate.due, "2025-06-30");
    assert.ok(requests <= 2, `revising took ${String(requests)} requests`);
    const history = await loadActionHistory(env.ctx(), a11.action.id);
    const [change] = history.dateChanges;
    assert.ok(change !== undefined);
    assert.equal(change.status, "approved");
    assert.equal(change.reason, "Auditor's timetable moved");
    assert.equal(change.from.text, "March 2025");
    assert.equal(history.record.baseline.text, "March 2025");
    // The action was changed by someone else since `a11` was read: nothing of the revision is kept.
    const stale = await refusal(
      reviseTargetDate(env.ctx(), a11, "July 2025", "Again", isoDate("2024-05-03")),
    );
    assert.ok(stale instanceof ConflictError, String(stale));
    assert.equal((await loadActionHistory(env.ctx(), a11.action.id)).dateChanges.length, 1);
    a11 = result;
  });

  test("a Member is refused every structure write by SharePoint itself (403)", async () => {
    const member = env.ctx("member");
    const current = await loadAction(env.ctx(), a11.action.id);
    const writes: [string, () => Promise<unknown>][] = [
      [
        "add recommendation",
        () => addRecommendation(member, { planId: plan.id, ref: "9", title: "No", details: "" }),
      ],
      ["edit recommendation", () => updateRecommendation(member, rec1, { title: "No" })],
      [
        "add action",
        () =>
          addAction(member, {
            planId: plan.id,
            recommendationId: rec1.id,
            parentId: null,
            ref: "1.9",
            text: "No",
            sroPostId: null,
            targetDateText: "",
          }),
      ],
      ["edit action", () => updateAction(member, current, { text: "No" })],
      ["reorder", () => reorder(member, "recommendations", [rec1.id, rec2.id])],
      ["move", () => moveAction(member, current, rec1.id)],
      [
        "milestone",
        async () => makeMilestone(member, await loadAction(env.ctx(), a12.action.id), a21.action.id),
      ],
      ["retire", () => retireAction(member, current, "No", isoDate("2024-05-05"))],
      ["unmilestone", async () => makeAction(member, await loadAction(env.ctx(), m111.action.id))],
      [
        "reinstate",
        () =>
          reinstateAction(member, {
            ...current,
            action: { ...current.action, withdrawn: { on: isoDate("2024-05-01"), reason: "Test" } },
          }),
      ],
      ["revise", () => reviseTargetDate(member, current, "Dec-25", "No", isoDate("2024-05-05"))],
    ];
    for (const [what, write] of writes) {
      const error = await refusal(write());
      assert.ok(error instanceof RemoteError, `${what}: ${String(error)}`);
      assert.equal(error.status, 403, what);
    }
    const after = await loadAction(env.ctx(), a11.action.id);
    assert.equal(after.etag, current.etag, "nothing written");
    assert.equal((await loadRecommendations(env.ctx(), plan.id)).length, 2);
  });
});
