// Two people change the same thing: the second write carries the ETag it read, gets SharePoint's 412, and
// comes back as a ConflictError with the first person's version. Nothing of the second write is kept.
import assert from "node:assert/strict";
import { afterAll, beforeAll, describe, test } from "vitest";
import { isoDate } from "../../src/domain/index.ts";
import { ConflictError } from "../../src/sharepoint/conflict.ts";
import {
  approveDateChange,
  declineDateChange,
  requestDateChange,
} from "../../src/sharepoint/date-changes.ts";
import { loadActionHistory } from "../../src/sharepoint/history.ts";
import { importPlan, type ImportResult } from "../../src/sharepoint/import-plan.ts";
import { closePeriod, createPeriod } from "../../src/sharepoint/periods.ts";
import type { ActionRecord } from "../../src/sharepoint/records.ts";
import { addProgressUpdate, markComplete, type NewUpdate } from "../../src/sharepoint/updates.ts";
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

  test("the second SRO's update is refused with the first one's version, and not kept", async () => {
    const ana = env.ctx("member");
    const ben = env.ctx("owner");
    const seenByAna = (await loadActionHistory(ana, actionId("1.1"))).record;
    const seenByBen = (await loadActionHistory(ben, actionId("1.1"))).record;
    await addProgressUpdate(ana, seenByAna, update("Ana's update"));
    const conflict = await rejectsWithConflict(
      addProgressUpdate(ben, seenByBen, update("Ben's update", "2024-05-11")),
    );
    assert.equal(conflict.subject, "action");
    assert.equal(conflict.message, "Someone else changed this action; here is their version.");
    const theirs = conflict.current as ActionRecord;
    assert.equal(theirs.latest?.text, "Ana's update");
    const history = await loadActionHistory(ana, actionId("1.1"));
    assert.deepEqual(
      history.updates.map((u) => u.text),
      ["Ana's update", "Update for 1.1"],
    );
    assert.equal(history.record.latest?.text, "Ana's update");
    // With the current version in hand, Ben can post.
    await addProgressUpdate(ben, theirs, update("Ben's update", "2024-05-11"));
    assert.equal((await loadActionHistory(ana, actionId("1.1"))).record.latest?.text, "Ben's update");
  });

  test("marking complete with a stale version is refused and changes nothing", async () => {
    const stale = (await loadActionHistory(env.ctx(), actionId("1.2"))).record;
    await addProgressUpdate(env.ctx("member"), stale, update("Moved on"));
    const conflict = await rejectsWithConflict(markComplete(env.ctx(), stale, isoDate("2024-05-20")));
    assert.equal((conflict.current as ActionRecord).action.completedOn, null);
    const fresh = (await loadActionHistory(env.ctx(), actionId("1.2"))).record;
    assert.equal(fresh.action.completedOn, null);
    const done = await markComplete(env.ctx(), fresh, isoDate("2024-05-20"));
    assert.equal(done.action.completedOn, "2024-05-20");
  });

  test("a closing note and the completion are one change: refused together, then kept together", async () => {
    const stale = (await loadActionHistory(env.ctx(), actionId("2.1"))).record;
    await addProgressUpdate(env.ctx("member"), stale, update("Nearly there"));
    const closing: NewUpdate = { ...update("Delivered; report to Cabinet"), reportedStatus: "Completed" };
    await rejectsWithConflict(
      addProgressUpdate(env.ctx(), stale, closing, { completeOn: isoDate("2024-05-20") }),
    );
    const after = await loadActionHistory(env.ctx(), actionId("2.1"));
    assert.equal(after.record.action.completedOn, null, "not recorded complete");
    assert.ok(!after.updates.some((u) => u.text === closing.text), "the closing note was not kept");
    const done = await addProgressUpdate(env.ctx(), after.record, closing, {
      completeOn: isoDate("2024-05-20"),
    });
    assert.equal(done.record.action.completedOn, "2024-05-20");
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
      declineDateChange(env.ctx("owner"), change, { decidedOn: isoDate("2024-05-03") }),
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
