// Two people change the same thing: the second write carries the ETag it read, gets SharePoint's 412, and
// comes back as a ConflictError with the first person's version. Nothing of the second write is kept.
// Progress updates are the exception: they only add an item, so two posting at once never conflict.
import assert from "node:assert/strict";
import { afterAll, beforeAll, describe, test } from "vitest";
import { isoDate } from "../../src/domain/index.ts";
import { ConflictError } from "../../src/sharepoint/core/index.ts";
import {
  approveDateChange,
  declineDateChange,
  requestDateChange,
} from "../../src/sharepoint/date-changes/index.ts";
import { loadActionHistory } from "../../src/sharepoint/actions/index.ts";
import { importPlan, type ImportResult } from "../../src/sharepoint/import/index.ts";
import { closePeriod, createPeriod } from "../../src/sharepoint/periods/index.ts";
import type { ActionRecord } from "../../src/sharepoint/schema/index.ts";
import {
  addProgressUpdate,
  applyPendingUpdates,
  markComplete,
  type NewUpdate,
} from "../../src/sharepoint/updates/index.ts";
import { generatedPlan, openProvisioned, type Provisioned } from "./fixtures.ts";

function update(text: string, date = "2024-05-10"): NewUpdate {
  return { date, text, reportedStatus: "On target", percentComplete: 50, periodId: null, evidenceUrl: null };
}

async function rejectsWithConflict(promise: Promise<unknown>): Promise<ConflictError<unknown>> {
  try {
    await promise;
  } catch (error) {
    assert.ok(error instanceof ConflictError, `expected a ConflictError, got ${String(error)}`);
    assert.equal(error.remote.status, 412);
    return error as ConflictError<unknown>;
  }
  assert.fail("the second write succeeded");
}

describe("two writers", () => {
  let env: Provisioned;
  let plan: ImportResult;
  const actionId = (ref: string) => plan.actionIds.get(ref) ?? "";

  beforeAll(async () => {
    env = await openProvisioned();
    plan = await importPlan(env.ctx(), generatedPlan("Conflicts", 2, 4, ["Director of Place"]));
  });
  afterAll(async () => {
    await env.target.close();
  });

  test("two people posting on one action at once are both kept; the later update is its latest", async () => {
    const ana = env.ctx("member");
    const ben = env.ctx("owner");
    const seenByAna = (await loadActionHistory(ana, actionId("1.1"))).record;
    const seenByBen = (await loadActionHistory(ben, actionId("1.1"))).record;
    // An update only adds an item (SROs cannot write the action), so neither refuses the other.
    await Promise.all([
      addProgressUpdate(ana, seenByAna, update("Ana's update")),
      addProgressUpdate(ben, seenByBen, update("Ben's update", "2024-05-11")),
    ]);
    const history = await loadActionHistory(ana, actionId("1.1"));
    assert.deepEqual(
      history.updates.map((u) => u.text),
      ["Ben's update", "Ana's update", "Update for 1.1"],
    );
    assert.equal(history.record.latest?.text, "Ben's update");
    await applyPendingUpdates(env.ctx("owner"));
    assert.equal((await loadActionHistory(ana, actionId("1.1"))).record.latest?.text, "Ben's update");
  });

  test("marking complete with a stale version is refused and changes nothing", async () => {
    const stale = (await loadActionHistory(env.ctx(), actionId("1.2"))).record;
    await addProgressUpdate(env.ctx("member"), stale, update("Moved on"));
    // The coordinator's tab copies the update onto the action: a new version of it.
    assert.equal((await applyPendingUpdates(env.ctx("owner"))).actions, 1);
    const conflict = await rejectsWithConflict(markComplete(env.ctx(), stale, isoDate("2024-05-20")));
    assert.equal((conflict.current as ActionRecord).action.completedOn, null);
    assert.equal((conflict.current as ActionRecord).latest?.text, "Moved on");
    const fresh = (await loadActionHistory(env.ctx(), actionId("1.2"))).record;
    assert.equal(fresh.action.completedOn, null);
    const done = await markComplete(env.ctx(), fresh, isoDate("2024-05-20"));
    assert.equal(done.action.completedOn, "2024-05-20");
  });

  test("a closing note carries the completion: one item, shown complete before and after it is applied", async () => {
    const record = (await loadActionHistory(env.ctx("member"), actionId("2.1"))).record;
    const closing: NewUpdate = { ...update("Delivered; report to Cabinet"), reportedStatus: "Completed" };
    const done = await addProgressUpdate(env.ctx("member"), record, closing, {
      completeOn: isoDate("2024-05-20"),
    });
    assert.equal(done.record.action.completedOn, "2024-05-20");
    const shown = await loadActionHistory(env.ctx("member"), actionId("2.1"));
    assert.equal(shown.record.action.completedOn, "2024-05-20");
    assert.equal(shown.record.latest?.text, closing.text);
    await applyPendingUpdates(env.ctx("owner"));
    const reread = await loadActionHistory(env.ctx(), actionId("2.1"));
    assert.equal(reread.record.action.completedOn, "2024-05-20");
    assert.equal(reread.record.latest?.text, closing.text);
    assert.equal(reread.updates[0]?.text, closing.text);
  });

  test("a date change: requested, approved once; a second coordinator's decision is refused", async () => {
    const sro = env.ctx("member");
    const record = (await loadActionHistory(sro, actionId("2.1"))).record;
    const change = await requestDateChange(sro, record, {
      toText: "Sept-24",
      reason: "Waiting for the Mayor's Office's sign-off",
      requestedOn: "2024-05-01",
    });
    assert.equal(change.status, "requested");
    assert.equal(change.to.due, "2024-09-30");
    assert.equal(change.from.text, record.action.targetDate.text);
    assert.equal(change.requestedBy, env.target.upnOf("member"));

    const first = await approveDateChange(env.ctx("owner"), change, record, {
      decidedOn: isoDate("2024-05-02"),
    });
    assert.equal(first.change.status, "approved");
    assert.equal(first.change.decidedBy, env.target.upnOf("owner"));
    assert.equal(first.record.action.targetDate.text, "Sept-24");

    const second = await rejectsWithConflict(
      declineDateChange(env.ctx("owner"), change, { decidedOn: isoDate("2024-05-03"), note: "Too late" }),
    );
    assert.equal(second.subject, "target date change");
    const history = await loadActionHistory(sro, actionId("2.1"));
    assert.equal(history.dateChanges[0]?.status, "approved");
    assert.equal(history.record.action.targetDate.text, "Sept-24");
    assert.equal(history.record.action.targetDate.due, "2024-09-30");
    assert.equal(
      history.record.baseline.text,
      record.action.targetDate.text,
      "the baseline stays as planned",
    );
  });

  test("approving against an action someone has just updated keeps neither change", async () => {
    const sro = env.ctx("member");
    const record = (await loadActionHistory(sro, actionId("2.2"))).record;
    const change = await requestDateChange(sro, record, {
      toText: "March 2025",
      reason: "Budget",
      requestedOn: "2024-05-01",
    });
    await addProgressUpdate(sro, record, update("Progress while the request waits"));
    await applyPendingUpdates(env.ctx("owner"));
    const conflict = await rejectsWithConflict(
      approveDateChange(env.ctx("owner"), change, record, { decidedOn: isoDate("2024-05-04") }),
    );
    assert.equal(conflict.subject, "action");
    const history = await loadActionHistory(sro, actionId("2.2"));
    assert.equal(history.dateChanges[0]?.status, "requested", "the approval was taken back");
    assert.equal(history.record.action.targetDate.text, record.action.targetDate.text);
    // Deciding again on the current versions works.
    const retried = await approveDateChange(env.ctx("owner"), history.dateChanges[0], history.record, {
      decidedOn: isoDate("2024-05-04"),
    });
    assert.equal(retried.record.action.targetDate.due, "2025-03-31");
  });

  test("closing a period someone else already closed is refused", async () => {
    const period = await createPeriod(env.ctx(), plan.planId, {
      title: "Q1 2024/25",
      startsOn: "2024-04-01",
      updateDeadline: "2024-06-21",
      reportDate: "2024-07-09",
    });
    await closePeriod(env.ctx(), period, isoDate("2024-07-01"));
    const conflict = await rejectsWithConflict(closePeriod(env.ctx("owner"), period, isoDate("2024-07-02")));
    assert.equal(conflict.subject, "reporting period");
  });
});
