// Inputs bounded at the edge, in the data layer and in SharePoint itself. The write paths refuse, in words
// and before anything is sent, what SharePoint would keep: text over 60,000 characters for multi-line
// columns (which have no MaxLength), dates outside 1900–2100, evidence links that are not https. Where
// SharePoint can hold a bound it does: a single-line column's MaxLength refuses an over-long value written
// over REST, and provisioning puts a changed MaxLength back.
import assert from "node:assert/strict";
import { afterAll, beforeAll, describe, test } from "vitest";
import { z } from "zod";
import { isoDate } from "../../src/domain/index.ts";
import { RemoteError } from "../../src/lib/remote-error.ts";
import {
  approveDateChange,
  declineDateChange,
  requestDateChange,
} from "../../src/sharepoint/date-changes/index.ts";
import { loadActionHistory } from "../../src/sharepoint/actions/index.ts";
import { importPlan, type ImportResult } from "../../src/sharepoint/import/index.ts";
import { createPeriod } from "../../src/sharepoint/periods/index.ts";
import { provisionSite } from "../../src/sharepoint/provision/index.ts";
import { loadDashboard } from "../../src/sharepoint/plans/index.ts";
import { addProgressUpdate, type NewUpdate } from "../../src/sharepoint/updates/index.ts";
import { generatedPlan, openProvisioned, type Provisioned } from "./fixtures.ts";

const UPDATE: NewUpdate = {
  date: "2024-05-01",
  text: "Progressing",
  reportedStatus: "On target",
  percentComplete: 30,
  periodId: null,
  evidenceUrl: null,
};

/** Rejects with a refusal whose words match `message`, having sent nothing. */
async function refused(env: Provisioned, write: () => Promise<unknown>, message: RegExp): Promise<void> {
  const before = env.requests();
  await assert.rejects(write(), (error: unknown) => {
    assert.ok(error instanceof Error, String(error));
    assert.ok(!(error instanceof RemoteError), `refused by the app, not SharePoint: ${error.message}`);
    const words = "issues" in error ? (error as z.ZodError).issues.map((i) => i.message).join(" ") : "";
    assert.match(words, message);
    return true;
  });
  assert.equal(env.requests() - before, 0, "nothing was sent");
}

describe("inputs bounded at the edge", () => {
  let env: Provisioned;
  let plan: ImportResult;
  const action = (ref: string) => plan.actionIds.get(ref) ?? "";

  beforeAll(async () => {
    env = await openProvisioned();
    plan = await importPlan(env.ctx(), generatedPlan("Bounds", 2, 3, ["Director of Place"]));
  });
  afterAll(async () => {
    await env.target.close();
  });

  test("an update over 60,000 characters is refused with its length; 60,000 is kept whole", async () => {
    const { record } = await loadActionHistory(env.ctx(), action("1.1"));
    await refused(
      env,
      () => addProgressUpdate(env.ctx("member"), record, { ...UPDATE, text: "x".repeat(60_001) }),
      /^The update is 60,001 characters long; the most it can hold is 60,000\. Shorten it/,
    );
    await addProgressUpdate(env.ctx("member"), record, { ...UPDATE, text: "y".repeat(60_000) });
    const after = await loadActionHistory(env.ctx(), action("1.1"));
    assert.equal(after.updates[0]?.text.length, 60_000);
  });

  test("update dates outside 1900–2100 are refused, saying which", async () => {
    const { record } = await loadActionHistory(env.ctx(), action("1.2"));
    for (const date of ["9999-12-01", "1899-12-31", "2101-01-01"])
      await refused(
        env,
        () => addProgressUpdate(env.ctx("member"), record, { ...UPDATE, date }),
        new RegExp(`^The update date ${date} is outside 1900–2100`),
      );
  });

  test("an evidence link must be https; script, data and plain-http addresses are refused", async () => {
    const { record } = await loadActionHistory(env.ctx(), action("1.3"));
    for (const evidenceUrl of [
      "javascript:alert(1)",
      "JAVASCRIPT:alert(1)",
      " javascript:alert(1)",
      "data:text/html,<b>x</b>",
      "http://example.org/report.docx",
    ])
      await refused(
        env,
        () => addProgressUpdate(env.ctx("member"), record, { ...UPDATE, evidenceUrl }),
        /^The evidence link must be a web address starting with https:\/\//,
      );
    await addProgressUpdate(env.ctx("member"), record, {
      ...UPDATE,
      evidenceUrl: "https://example.org/report.docx",
    });
  });

  test("a date change: a long reason, a far date and a far decision are refused", async () => {
    const { record } = await loadActionHistory(env.ctx(), action("2.1"));
    const ask = { toText: "Dec-24", reason: "Waiting on Cabinet", requestedOn: "2024-05-02" };
    await refused(
      env,
      () => requestDateChange(env.ctx("member"), record, { ...ask, reason: "r".repeat(60_001) }),
      /^The reason is 60,001 characters long/,
    );
    await refused(
      env,
      () => requestDateChange(env.ctx("member"), record, { ...ask, toText: "31/12/9999" }),
      /^The new target date "31\/12\/9999" \(9999-12-31\) is outside 1900–2100/,
    );
    await refused(
      env,
      () => requestDateChange(env.ctx("member"), record, { ...ask, requestedOn: "9999-01-01" }),
      /^The request date 9999-01-01 is outside 1900–2100/,
    );
    const change = await requestDateChange(env.ctx("member"), record, ask);
    await refused(
      env,
      () =>
        declineDateChange(env.ctx(), change, { decidedOn: isoDate("2024-05-03"), note: "n".repeat(60_001) }),
      /^The reason for declining is 60,001 characters long/,
    );
    await refused(
      env,
      () => approveDateChange(env.ctx(), change, record, { decidedOn: isoDate("9999-05-03") }),
      /^The decision date 9999-05-03 is outside 1900–2100/,
    );
  });

  test("a far date written over REST, around the app, is refused when a coordinator approves it", async () => {
    const { record } = await loadActionHistory(env.ctx(), action("2.2"));
    await env
      .sp("member")
      .web.lists.getByTitle("Target Date Changes")
      .items.add({
        Title: "2.2 to 9999",
        ActionId: Number(action("2.2")),
        PlanId: Number(plan.planId),
        ToText: "31/12/9999",
        ToDue: "9999-12-31T12:00:00Z",
        Reason: "Never",
        RequestedOn: "2024-05-02T12:00:00Z",
        ChangeStatus: "Requested",
      });
    const change = (await loadDashboard(env.ctx(), plan.planId)).dateChanges.find(
      (c) => c.actionId === action("2.2"),
    );
    assert.ok(change !== undefined);
    await refused(
      env,
      () => approveDateChange(env.ctx(), change, record, { decidedOn: isoDate("2024-05-03") }),
      /^This request would move the target date to 9999-12-31, outside 1900–2100; decline it/,
    );
  });

  test("a reporting period's dates must lie within 1900–2100", async () => {
    await refused(
      env,
      () =>
        createPeriod(env.ctx(), plan.planId, {
          title: "Far",
          startsOn: "2101-01-01",
          updateDeadline: "2101-02-01",
          reportDate: "2101-03-01",
        }),
      /^The period's start 2101-01-01 is outside 1900–2100/,
    );
  });

  test("a single-line column refuses an over-long value written over REST, and provision keeps its size", async () => {
    const actions = env.sp().web.lists.getByTitle("Actions");
    const tooLong = "1.2.3.4.5.6.7.8.9.10.11";
    const refusedBySharePoint = async () =>
      assert.rejects(
        actions.items.getById(Number(action("1.1"))).update({ Ref: tooLong }),
        (error: unknown) => error instanceof RemoteError && error.status === 400,
      );
    await refusedBySharePoint();
    // Someone widens the column in SharePoint; provisioning puts it back, and it refuses again.
    await actions.fields.getByInternalNameOrTitle("Ref").update({ MaxLength: 255 }, "SP.FieldText");
    const report = await provisionSite(env.sp());
    assert.ok(
      report.changes.includes("set Actions.Ref to hold at most 20 characters (it was 255)"),
      report.changes.join("\n"),
    );
    await refusedBySharePoint();
    assert.deepEqual((await provisionSite(env.sp())).changes, [], "a second run changes nothing");
  });
});
