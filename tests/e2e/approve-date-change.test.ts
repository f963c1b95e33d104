// A coordinator approving a request to move a target date: Approve asks to confirm, saying which action
// moves from which date to which; once approved, "Reverse" moves it back as the coordinator's own change with
// its reason, and the action's target date history keeps both.
import assert from "node:assert/strict";
import { afterAll, beforeAll, describe, test } from "vitest";
import { formatUkDate, isoDate } from "../../src/domain/iso-date.ts";
import { personByPost } from "../../src/sandbox/directory.ts";
import { loadActionHistory, loadMyActions } from "../../src/sharepoint/actions/index.ts";
import { requestDateChange } from "../../src/sharepoint/date-changes/index.ts";
import { axeViolations } from "./support/axe.ts";
import { startE2E, type E2E } from "./support/harness.ts";
import { waitForHeading } from "./support/tab.ts";

const SRO = personByPost("Corporate Director Resources")!;
const COORDINATOR = "siobhan.oconnor@northbridge.gov.uk";

describe("approving a date change", () => {
  let e2e: E2E;
  let action: { id: string; ref: string; due: string };

  beforeAll(async () => {
    e2e = await startE2E();
    const mine = await loadMyActions(e2e.as(SRO.upn), SRO.upn, isoDate("2024-04-10"));
    const open = mine.find(
      (m) => m.record.action.completedOn === null && m.record.action.targetDate.due !== null,
    );
    assert.ok(open !== undefined);
    const { id, ref, targetDate } = open.record.action;
    action = { id, ref, due: targetDate.due ?? "" };
    await requestDateChange(e2e.as(SRO.upn), open.record, {
      toText: "30 November 2025",
      reason: "The new supplier starts in the autumn.",
      requestedOn: "2024-04-10",
    });
  });
  afterAll(async () => {
    await e2e.close();
  });

  test("a coordinator approving a date change confirms it and can reverse it", async () => {
    const { tab, errors } = await e2e.openHost({ user: COORDINATOR });
    await waitForHeading(tab, /^Overdue|My actions|Corporate Peer Challenge/);
    await tab.getByRole("navigation").getByRole("link", { name: "Plan", exact: true }).click();
    await tab.getByRole("heading", { name: "Requests to move a target date" }).waitFor();
    await tab.getByRole("button", { name: `Approve the new date for action ${action.ref}` }).click();

    // Nothing is written yet: the question says what moves, from which date to which.
    const question = tab.getByRole("group", { name: `Approve the new date for action ${action.ref}?` });
    const from = formatUkDate(isoDate(action.due));
    assert.match(
      await question.innerText(),
      new RegExp(`Move action ${action.ref}'s target date from ${from} to 30 November 2025\\?`),
    );
    assert.equal(
      await tab.evaluate(() => document.activeElement?.textContent.startsWith("Move action")),
      true,
      "focus moves to the question",
    );
    assert.deepEqual((await axeViolations(tab)).violations, [], "the question passes axe");
    assert.equal(
      (await loadActionHistory(e2e.as(COORDINATOR), action.id)).record.action.targetDate.due,
      action.due,
    );
    await question.getByRole("button", { name: "Yes, approve" }).click();
    await tab.getByText(`The request for action ${action.ref} was approved`).waitFor({ timeout: 15_000 });
    assert.equal(
      (await loadActionHistory(e2e.as(COORDINATOR), action.id)).record.action.targetDate.due,
      "2025-11-30",
    );

    await tab.getByRole("button", { name: `Reverse the approval for action ${action.ref}` }).click();
    await tab.getByText(`The approval for action ${action.ref} was reversed`).waitFor({ timeout: 15_000 });
    const after = await loadActionHistory(e2e.as(COORDINATOR), action.id);
    assert.equal(after.record.action.targetDate.due, action.due, "the date is back where it was");
    const approved = after.dateChanges.filter((c) => c.status === "approved");
    assert.equal(approved.length, 2, "the history keeps the approval and its reversal");
    assert.ok(approved.some((c) => c.to.due === "2025-11-30"));
    assert.ok(approved.some((c) => c.to.due === action.due && /Reverses the approval/.test(c.reason)));
    assert.equal(await tab.getByRole("button", { name: /^Reverse the approval/ }).count(), 0);
    assert.deepEqual((await axeViolations(tab)).violations, [], "the plan passes axe after reversing");
    assert.deepEqual(errors, []);
  });
});
