// An SRO updating an action the plan shows as Delayed (past its target date, last reported "On target"):
// the update form starts from Delayed, on the action page and in the card's dialog, and the dialog says the
// target date (en-GB) and the status before the form.
import assert from "node:assert/strict";
import { afterAll, beforeAll, describe, test } from "vitest";
import { formatUkDate, isoDate } from "../../src/domain/iso-date.ts";
import { deriveStatus } from "../../src/domain/status.ts";
import { DIRECTORY } from "../../src/sandbox/directory.ts";
import { loadMyActions } from "../../src/sharepoint/actions/index.ts";
import { axeViolations } from "./support/axe.ts";
import { startE2E, type E2E } from "./support/harness.ts";
import { openActionForm, visibleText, waitForHeading } from "./support/tab.ts";

const TODAY = isoDate("2024-04-10");
const COORDINATOR = "siobhan.oconnor@northbridge.gov.uk";

describe("an update starts from the action's status", () => {
  let e2e: E2E;
  let sro: string;
  let delayed: { id: string; ref: string; due: string } | undefined;

  beforeAll(async () => {
    e2e = await startE2E();
    // An SRO's action that is Delayed by the dates while its last update said something else.
    for (const person of DIRECTORY) {
      const mine = await loadMyActions(e2e.as(COORDINATOR), person.upn, TODAY);
      const found = mine.find((m) => {
        const reported = m.record.latest?.reportedStatus ?? null;
        const status = deriveStatus(m.record.action, { today: TODAY, reported });
        return status.derived === "Delayed" && reported !== "Delayed";
      });
      if (found !== undefined && found.record.action.targetDate.due !== null) {
        sro = person.upn;
        const { id, ref, targetDate } = found.record.action;
        delayed = { id, ref, due: targetDate.due ?? "" };
        break;
      }
    }
    assert.ok(delayed !== undefined, "the demo has a Delayed action whose last update said otherwise");
  });
  afterAll(async () => {
    await e2e.close();
  });

  test("an SRO updating a Delayed action starts from Delayed and sees the target date in the dialog", async () => {
    assert.ok(delayed !== undefined);
    const dialog = await e2e.openHost({ user: sro, frame: "dialog", action: delayed.id });
    await waitForHeading(dialog.tab, `Update action ${delayed.ref}`);
    const form = dialog.tab.locator("form[data-form='update']");
    assert.equal(await form.getByLabel("Status").inputValue(), "Delayed", "the dialog starts from Delayed");
    const text = await visibleText(dialog.tab);
    const due = formatUkDate(isoDate(delayed.due));
    assert.ok(text.includes(`Target date ${due}`), `the dialog says the target date ${due}:\n${text}`);
    assert.ok(/Status Delayed/.test(text), `the dialog says the status:\n${text}`);
    assert.deepEqual((await axeViolations(dialog.tab)).violations, [], "the dialog passes axe");
    assert.deepEqual(dialog.errors, []);
    await dialog.page.context().close();

    const page = await e2e.openHost({ user: sro, frame: "deep-link", action: delayed.id });
    await waitForHeading(page.tab, `Action ${delayed.ref}`);
    await openActionForm(page.tab, "Post an update");
    const onPage = page.tab.locator("form[data-form='update']");
    assert.equal(
      await onPage.getByLabel("Status").inputValue(),
      "Delayed",
      "the page's form starts from Delayed",
    );
    assert.deepEqual(page.errors, []);
    await page.page.context().close();
  });
});
