// The rules of "Ask to move the target date", enforced where every writer passes (the data layer): a new
// date after today and unlike the current one, one waiting request per action, a withdrawal recorded, an
// approval only against the date the request moves from, and a reason for every decline.
import assert from "node:assert/strict";
import { afterAll, beforeAll, describe, test } from "vitest";
import type { z } from "zod";
import { isoDate } from "../../src/domain/index.ts";
import { RemoteError } from "../../src/lib/remote-error.ts";
import {
  approveDateChange,
  declineDateChange,
  requestDateChange,
  reviseTargetDate,
  withdrawDateChange,
} from "../../src/sharepoint/date-changes/index.ts";
import { loadActionHistory } from "../../src/sharepoint/actions/index.ts";
import { importPlan, type ImportResult } from "../../src/sharepoint/import/index.ts";
import { generatedPlan, openProvisioned, type Provisioned } from "./fixtures.ts";

async function refused(write: () => Promise<unknown>, message: RegExp): Promise<void> {
  await assert.rejects(write(), (error: unknown) => {
    assert.ok(error instanceof Error, String(error));
    assert.ok(!(error instanceof RemoteError), `refused by the app, not SharePoint: ${error.message}`);
    const words = "issues" in error ? (error as z.ZodError).issues.map((i) => i.message).join(" ") : "";
    assert.match(words, message);
    return true;
  });
}

describe("date-change requests", () => {
  let env: Provisioned;
  let plan: ImportResult;
  const actionId = (ref: string) => plan.actionIds.get(ref) ?? "";
  const ask = { toText: "Dec-24", reason: "Waiting for Cabinet", requestedOn: "2024-05-02" };

  beforeAll(async () => {
    env = await openProvisioned();
    // Targets by action: 1.1 May-24, 1.2 Sept-24, 1.3 Ongoing, 1.4 Jan to March 24 (and so on for 2.x).
    plan = await importPlan(env.ctx(), generatedPlan("Date changes", 2, 4, ["Director of Place"]));
  });
  afterAll(async () => {
    await env.target.close();
  });

  test("a new date on or before today, the current date or no day at all is refused in words", async () => {
    const sro = env.ctx("member");
    const { record } = await loadActionHistory(sro, actionId("1.2"));
    const before = env.requests();
    await refused(
      () => requestDateChange(sro, record, { ...ask, toText: "1 May 2024" }),
      /^The new target date must be after today: 1 May 2024 is not\. Choose a later date\.$/,
    );
    await refused(
      () => requestDateChange(sro, record, { ...ask, toText: "2 May 2024" }),
      /must be after today: 2 May 2024 is not/,
    );
    await refused(
      () => requestDateChange(sro, record, { ...ask, toText: "30 September 2024" }),
      /^The target date is already 30 September 2024; choose a different date to ask for\.$/,
    );
    await refused(
      () => requestDateChange(sro, record, { ...ask, toText: "TBC" }),
      /^"TBC" does not name a day; give the new target date/,
    );
    assert.equal(env.requests() - before, 0, "nothing was sent");
  });

  test("one waiting request per action: a second is refused naming the first; a withdrawal is recorded", async () => {
    const sro = env.ctx("member");
    const { record } = await loadActionHistory(sro, actionId("1.2"));
    const first = await requestDateChange(sro, record, ask);
    assert.equal(first.status, "requested");
    await refused(
      () => requestDateChange(sro, record, { ...ask, toText: "Jan-25", reason: "Another go" }),
      /^A request to move this date to 31 December 2024 \(asked 2 May 2024\) is already waiting for a coordinator's decision\. Withdraw it before asking again\.$/,
    );
    const withdrawn = await withdrawDateChange(sro, first, isoDate("2024-05-03"));
    assert.equal(withdrawn.status, "withdrawn");
    const shown = await loadActionHistory(sro, actionId("1.2"));
    assert.deepEqual(
      shown.dateChanges.map((c) => [c.status, c.decidedOn]),
      [["withdrawn", "2024-05-03"]],
      "the SRO's own withdrawal counts, and is kept in the history",
    );
    await refused(
      () => withdrawDateChange(sro, withdrawn, isoDate("2024-05-04")),
      /^This request to move the target date has already been withdrawn\.$/,
    );
    const again = await requestDateChange(sro, shown.record, { ...ask, toText: "Jan-25" });
    assert.equal(again.to.due, "2025-01-31");
    assert.equal((await loadActionHistory(sro, actionId("1.2"))).dateChanges[0]?.status, "requested");
  });

  test("a decline needs a reason, which is stored and read back", async () => {
    const sro = env.ctx("member");
    const { record } = await loadActionHistory(sro, actionId("2.1"));
    const change = await requestDateChange(sro, record, ask);
    await refused(
      () => declineDateChange(env.ctx("owner"), change, { decidedOn: isoDate("2024-05-03") }),
      /^Give the reason for declining the request\.$/,
    );
    await refused(
      () => declineDateChange(env.ctx("owner"), change, { decidedOn: isoDate("2024-05-03"), note: "   " }),
      /^Give the reason for declining the request\.$/,
    );
    const declined = await declineDateChange(env.ctx("owner"), change, {
      decidedOn: isoDate("2024-05-03"),
      note: "The budget cannot carry a later date",
    });
    assert.equal(declined.decisionNote, "The budget cannot carry a later date");
    const [shown] = (await loadActionHistory(sro, actionId("2.1"))).dateChanges;
    assert.ok(shown !== undefined);
    assert.equal(shown.status, "declined");
    assert.equal(shown.decisionNote, "The budget cannot carry a later date");
    assert.equal(shown.decidedBy, env.target.upnOf("owner"));
  });

  test("approval applies against the current date; a request from a date since moved is refused", async () => {
    const sro = env.ctx("member");
    const { record } = await loadActionHistory(sro, actionId("2.2"));
    const change = await requestDateChange(sro, record, { ...ask, toText: "March 2025" });
    const owner = env.ctx("owner");
    const moved = await reviseTargetDate(
      owner,
      (await loadActionHistory(owner, actionId("2.2"))).record,
      "Nov-24",
      "Agreed at the programme board",
      isoDate("2024-05-04"),
    );
    await refused(
      () => approveDateChange(owner, change, moved, { decidedOn: isoDate("2024-05-05") }),
      /^This request was made to move the date from 30 September 2024, but the target date is now 30 November 2024\. Decline it and ask the SRO to ask again from the current date\.$/,
    );
    const after = await loadActionHistory(owner, actionId("2.2"));
    assert.equal(after.record.action.targetDate.due, "2024-11-30", "the date stays where it was");
    assert.equal(after.dateChanges.find((c) => c.id === change.id)?.status, "requested");

    const { record: fresh } = await loadActionHistory(sro, actionId("2.3"));
    const good = await requestDateChange(sro, fresh, { ...ask, toText: "30 June 2025" });
    const done = await approveDateChange(owner, good, fresh, { decidedOn: isoDate("2024-05-05") });
    assert.equal(done.change.status, "approved");
    assert.equal(done.record.action.targetDate.due, "2025-06-30");
    assert.equal(done.change.from.text, "Ongoing");
  });
});
