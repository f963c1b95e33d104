// An SRO posts an update with the keyboard alone, from the action page and from the update dialog's own URL,
// and sees it at the top of the history; SharePoint holds exactly what they typed.
import assert from "node:assert/strict";
import { afterAll, beforeAll, describe, test } from "vitest";
import type { Frame, Page } from "playwright-core";
import { isoDate } from "../../src/domain/iso-date.ts";
import { personByPost } from "../../src/sandbox/directory.ts";
import { loadActionHistory, loadMyActions } from "../../src/sharepoint/actions/index.ts";
import { startE2E, type E2E } from "./support/harness.ts";
import { waitForHeading } from "./support/tab.ts";

const SRO = personByPost("Corporate Director Resources")!;

/** Press Tab until the focused element in the tab matches `selector`; fails after `limit` presses. */
async function tabTo(page: Page, tab: Frame, selector: string, limit = 40): Promise<void> {
  for (let i = 0; i < limit; i++) {
    if (await tab.evaluate((s) => document.activeElement?.matches(s) === true, selector)) return;
    await page.keyboard.press("Tab");
  }
  assert.fail(`Tab never reached ${selector}`);
}

describe("posting an update", () => {
  let e2e: E2E;
  let ids: Map<string, string>;

  beforeAll(async () => {
    e2e = await startE2E();
    const mine = await loadMyActions(e2e.as(SRO.upn), SRO.upn, isoDate("2024-04-10"));
    ids = new Map(mine.map((m) => [m.record.action.ref, m.record.action.id]));
  });
  afterAll(async () => {
    await e2e.close();
  });

  test("an SRO posts an update with the keyboard alone and sees it in the history", async () => {
    const id = ids.get("2.6")!;
    const { page, tab, errors } = await e2e.openHost({ user: SRO.upn, frame: "deep-link", action: id });
    await waitForHeading(tab, "Action 2.6");
    const text = "HRA review draft shared with finance; rent assumptions agreed at 7.7%.";

    // The form is behind its button; Enter opens it and puts focus on its heading.
    await tabTo(page, tab, "button[aria-expanded='false']");
    assert.equal(await tab.evaluate(() => document.activeElement?.textContent), "Post an update");
    await page.keyboard.press("Enter");
    await tab.waitForFunction(
      () =>
        document.activeElement?.textContent === "Post an update" && document.activeElement.tagName === "H2",
    );
    await tabTo(page, tab, "textarea");
    await page.keyboard.type(text);
    await page.keyboard.press("Tab");
    assert.equal(await tab.evaluate(() => document.activeElement?.tagName), "SELECT");
    await page.keyboard.type("Delayed");
    await page.keyboard.press("Tab");
    await page.keyboard.press("Control+A");
    await page.keyboard.type("60");
    await page.keyboard.press("Tab");
    await page.keyboard.type("https://northbridge.sharepoint.com/sites/improvement/hra-review.docx");
    await tabTo(page, tab, "button[type='submit']", 5);
    await page.keyboard.press("Enter");

    await tab.getByText("Your update has been saved.").waitFor({ timeout: 15_000 });
    // The form closes and focus is back on the button that opened it.
    assert.equal(await tab.locator("form[data-form='update']").count(), 0);
    assert.equal(await tab.evaluate(() => document.activeElement?.textContent), "Post an update");
    const newest = tab.locator("ol[aria-label='Updates, newest first'] > li").first();
    assert.match(await newest.innerText(), /10 April 2024 · Delayed · 60% complete/);
    assert.equal((await newest.locator("p").innerText()).trim(), text);
    assert.equal(await newest.getByRole("link", { name: "Evidence" }).count(), 1);

    const saved = await loadActionHistory(e2e.as(SRO.upn), id);
    const stored = saved.updates.at(0);
    assert.ok(stored !== undefined);
    assert.equal(stored.text, text);
    assert.equal(stored.reportedStatus, "Delayed");
    assert.equal(stored.percentComplete, 60);
    assert.equal(stored.periodId, saved.record.latest?.periodId);
    assert.notEqual(stored.periodId, null, "the update counts towards the open period");
    assert.deepEqual(errors, []);
  });

  test("the update form works alone at its dialog URL, says what is missing, and closes once saved", async () => {
    const id = ids.get("2.2")!;
    const { page, tab } = await e2e.openHost({ user: SRO.upn, frame: "dialog", action: id });
    await waitForHeading(tab, "Update action 2.2");
    await tabTo(page, tab, "button[type='submit']");
    await page.keyboard.press("Enter");
    await tab.getByText("Write what has happened since the last update.").waitFor();
    // Focus moves to the first field with a problem, so the keyboard is where the fix is.
    await tab.waitForFunction(() => document.activeElement?.tagName === "TEXTAREA");
    await tabTo(page, tab, "textarea");
    await page.keyboard.type("Capital strategy refresh started.");
    await tabTo(page, tab, "button[type='submit']");
    await page.keyboard.press("Enter");
    // Saved, the dialog closes itself (teams-js dialog.url.submit), as Teams closes it over the card.
    await page.locator("body[data-dialog='closed']").waitFor({ state: "attached", timeout: 15_000 });
    const stored = (await loadActionHistory(e2e.as(SRO.upn), id)).updates.at(0);
    assert.ok(stored !== undefined);
    assert.equal(stored.text, "Capital strategy refresh started.");
    assert.equal(stored.reportedStatus, "On target", "the status defaults to the last reported");
  });
});
