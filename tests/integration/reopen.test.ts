// One path to completion and back: an update whose status is Completed completes the action as "Mark
// complete" does (from the CLI too); a coordinator reopens it with a reason, written as an update with the
// status it goes back to and the completion date cleared; a Member is refused by SharePoint with nothing
// written; a reopen written against an old version is refused as a conflict.
import assert from "node:assert/strict";
import { afterAll, beforeAll, describe, test } from "vitest";
import { isoDate } from "../../src/domain/iso-date.ts";
import { ConflictError } from "../../src/sharepoint/core/index.ts";
import { loadActionHistory, reopenAction } from "../../src/sharepoint/actions/index.ts";
import { importPlan } from "../../src/sharepoint/import/index.ts";
import { loadDashboard } from "../../src/sharepoint/plans/index.ts";
import { deriveStatus } from "../../src/domain/status.ts";
import type { ActionRecord } from "../../src/sharepoint/schema/index.ts";
import { actionplanHere as actionplan, ok } from "../support/actionplan-cli.ts";
import { generatedPlan, MEMBERS, openProvisioned, type Provisioned } from "./fixtures.ts";

/** Whether the action reads as complete on `on`, as every screen derives it. */
const isComplete = (record: ActionRecord, on: string) =>
  deriveStatus(record.action, { today: isoDate(on), reported: record.latest?.reportedStatus ?? null })
    .derived === "Completed";

describe("completing and reopening an action", () => {
  let env: Provisioned;
  let planId = "";
  const idOf = async (ref: string) => {
    const found = (await loadDashboard(env.ctx(), planId)).actions.find((a) => a.action.ref === ref);
    assert.ok(found, `action ${ref}`);
    return found.action.id;
  };

  beforeAll(async () => {
    env = await openProvisioned();
    planId = (await importPlan(env.ctx(), generatedPlan("Reopen plan", 1, 2, ["Post A", "Post B"]))).planId;
  });
  afterAll(async () => {
    await env.target.close();
  });

  test("an update with status Completed from the CLI completes the action, 100%", async () => {
    ok(
      await actionplan(
        `update --site ${env.target.siteUrl} --as ${MEMBERS[0] ?? ""} --plan ${planId} --action 1.1 --text "Adopted by Cabinet" --status Completed --date 2024-05-21`,
      ),
    );
    const { record } = await loadActionHistory(env.ctx(), await idOf("1.1"));
    assert.equal(record.action.completedOn, "2024-05-21");
    assert.equal(record.latest?.percentComplete, 100);
    assert.ok(isComplete(record, "2024-05-21"));
  });

  test("a Member cannot reopen: SharePoint refuses and the action stays complete", async () => {
    const { record } = await loadActionHistory(env.ctx("member"), await idOf("1.1"));
    await assert.rejects(
      reopenAction(env.ctx("member"), record, {
        date: "2024-05-22",
        reason: "Mine",
        status: "On target",
        periodId: null,
      }),
      (error: unknown) => !(error instanceof ConflictError),
    );
    const after = await loadActionHistory(env.ctx(), record.action.id);
    assert.equal(after.record.action.completedOn, "2024-05-21");
    assert.equal(after.updates.filter((u) => u.text.startsWith("Reopened")).length, 0);
  });

  test("a coordinator reopens with a reason; the history says so and the action is open again", async () => {
    const { record } = await loadActionHistory(env.ctx(), await idOf("1.1"));
    const result = await reopenAction(env.ctx(), record, {
      date: "2024-05-23",
      reason: "Cabinet's decision was called in",
      status: "Delayed",
      periodId: null,
    });
    assert.equal(result.record.action.completedOn, null);
    const after = await loadActionHistory(env.ctx(), record.action.id);
    assert.equal(after.record.action.completedOn, null);
    assert.equal(after.record.latest?.reportedStatus, "Delayed");
    assert.equal(after.updates[0]?.text, "Reopened: Cabinet's decision was called in");
    assert.equal(isComplete(after.record, "2024-05-23"), false);
    const shown = (await loadDashboard(env.ctx(), planId)).actions.find(
      (a) => a.action.id === record.action.id,
    );
    assert.equal(shown?.action.completedOn, null, "the dashboard shows it open too");
    await assert.rejects(
      reopenAction(env.ctx(), record, {
        date: "2024-05-24",
        reason: "Again",
        status: "On target",
        periodId: null,
      }),
      ConflictError,
      "a reopen against the version read before is refused",
    );
  });
});
