// An SRO marks an action complete from the action page: the form has one button that says what it does,
// and once the question opens its answer is the one button in its place; the action's Changes then lists
// the completion, the day and who marked it.
import assert from "node:assert/strict";
import { afterAll, beforeAll, describe, test } from "vitest";
import type { Frame } from "playwright-core";
import { isoDate } from "../../src/domain/iso-date.ts";
import { personByPost } from "../../src/sandbox/directory.ts";
import { loadMyActions } from "../../src/sharepoint/actions/index.ts";
import { axeViolations } from "./support/axe.ts";
import { startE2E, type E2E } from "./support/harness.ts";
import { openActionForm, waitForHeading } from "./support/tab.ts";

const SRO = personByPost("Corporate Director Resources")!;

/** The visible buttons of the open panel whose words are about completing. */
async function completeButtons(tab: Frame): Promise<string[]> {
  const names = await tab.locator("[data-panel] button:visible").allInnerTexts();
  return names.filter((n) => /complete/i.test(n));
}

describe("marking an action complete", () => {
  let e2e: E2E;
  let action: { id: string; ref: string };

  beforeAll(async () => {
    e2e = await startE2E();
    const mine = await loadMyActions(e2e.as(SRO.upn), SRO.upn, isoDate("2024-04-10"));
    const open = mine.filter(
      (m) => m.record.action.completedOn === null && m.record.latest?.reportedStatus !== "Completed",
    );
    const last = open.at(-1);
    assert.ok(last !== undefined);
    action = { id: last.record.action.id, ref: last.record.action.ref };
  });
  afterAll(async () => {
    await e2e.close();
  });

  test("marking complete shows one button and Changes records it", async () => {
    const { page, tab, errors } = await e2e.openHost({
      user: SRO.upn,
      frame: "deep-link",
      action: action.id,
    });
    await waitForHeading(tab, `Action ${action.ref}`);
    await openActionForm(tab, "Mark complete");
    assert.deepEqual(await completeButtons(tab), ["Mark complete"], "the form's one button");
    const form = tab.locator("form[data-form='complete']");
    await form.getByLabel("Closing note").fill("Delivered: the strategy was adopted by Cabinet.");
    await form.getByRole("button", { name: "Mark complete" }).click();
    const question = tab.getByRole("group", { name: `Mark action ${action.ref} complete?` });
    await question.waitFor();
    assert.deepEqual(await completeButtons(tab), ["Yes, mark it complete"], "the question's answer only");
    assert.deepEqual((await axeViolations(tab)).violations, [], "the question passes axe");

    // "Go back" brings the form's button back, with focus on it.
    await question.getByRole("button", { name: "Go back" }).click();
    await question.waitFor({ state: "detached" });
    assert.deepEqual(await completeButtons(tab), ["Mark complete"]);
    assert.equal(await tab.evaluate(() => document.activeElement?.textContent), "Mark complete");
    await form.getByRole("button", { name: "Mark complete" }).click();
    await question.getByRole("button", { name: "Yes, mark it complete" }).click();
    await tab.getByText("The action is marked complete.").waitFor({ timeout: 15_000 });

    const changes = tab.locator("ol[aria-label='Changes, newest first'] > li").first();
    await changes.getByText("Marked complete on 10 April 2024").waitFor({ timeout: 15_000 });
    assert.match(await changes.innerText(), new RegExp(`by ${SRO.displayName}`));
    assert.deepEqual((await axeViolations(tab)).violations, [], "the page passes axe once complete");
    assert.deepEqual(errors, []);
    await page.context().close();
  });
});
