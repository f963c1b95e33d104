// The action page with thousands of updates, and with a hostile evidence link. An action with 10,000
// updates opens at its newest 50; "Show more updates", pressed from the keyboard, adds the next 50, moves
// focus to the first of them and says how many are shown. An SRO's `javascript:` evidence link, written
// over SharePoint's REST API rather than through the form, is shown as text and never becomes a link.
import assert from "node:assert/strict";
import { afterAll, beforeAll, describe, test } from "vitest";
import type { Frame } from "playwright-core";
import { isoDate } from "../../src/domain/iso-date.ts";
import { personByPost } from "../../src/sandbox/directory.ts";
import { loadMyActions } from "../../src/sharepoint/actions/index.ts";
import { seedManyUpdates } from "../support/many-updates.ts";
import { axeViolations } from "./support/axe.ts";
import { startE2E, type E2E } from "./support/harness.ts";
import { waitForHeading } from "./support/tab.ts";

const SRO = personByPost("Corporate Director Resources")!;
const MANY = 10_000;
const SCRIPT = "javascript:alert(document.domain)";

function updates(tab: Frame) {
  return tab.locator("ol[aria-label='Updates, newest first'] > li");
}

describe("the action page's updates", () => {
  let e2e: E2E;
  let busy: { id: string; ref: string };
  let hostile: { id: string; ref: string };

  beforeAll(async () => {
    e2e = await startE2E();
    const mine = await loadMyActions(e2e.as(SRO.upn), SRO.upn, isoDate("2024-04-10"));
    const [first, second] = mine.map((m) => m.record.action);
    assert.ok(first !== undefined && second !== undefined);
    busy = { id: first.id, ref: first.ref };
    hostile = { id: second.id, ref: second.ref };
    seedManyUpdates(e2e.sandbox.store, {
      actionId: Number(first.id),
      planId: Number(first.planId),
      count: MANY,
    });
    // The SRO writes around the tab, straight to the list over REST, as any Member may.
    const { sp } = e2e.as(SRO.upn);
    await sp.web.lists.getByTitle("Progress Updates").items.add({
      Title: `${second.ref} 2024-04-10`,
      ActionId: Number(second.id),
      PlanId: Number(second.planId),
      UpdateDate: "2024-04-10T12:00:00Z",
      UpdateText: "See the evidence",
      ReportedStatus: "On target",
      EvidenceUrl: { Url: SCRIPT, Description: "Evidence" },
      Applied: false,
    });
  });
  afterAll(async () => {
    await e2e.close();
  });

  test("an action with 10,000 updates opens at the newest 50, and Show more adds 50 from the keyboard", async () => {
    const { page, tab, errors } = await e2e.openHost({ user: SRO.upn, frame: "deep-link", action: busy.id });
    await waitForHeading(tab, `Action ${busy.ref}`);
    await updates(tab).first().waitFor({ timeout: 20_000 });
    assert.equal(await updates(tab).count(), 50);
    assert.match(await updates(tab).first().innerText(), new RegExp(`Update ${String(MANY)}\\b`));
    const status = tab.getByRole("status").filter({ hasText: /Showing the newest/ });
    assert.equal((await status.innerText()).trim(), "Showing the newest 50 updates; older ones follow.");

    const more = tab.getByRole("button", { name: "Show more updates" });
    await more.focus();
    await page.keyboard.press("Enter");
    await status.filter({ hasText: "100 updates" }).waitFor({ timeout: 15_000 });
    assert.equal(await updates(tab).count(), 100);
    const focused = await tab.evaluate(() => ({
      tag: document.activeElement?.tagName,
      text: document.activeElement?.textContent ?? "",
    }));
    assert.equal(focused.tag, "LI", "focus moves to the first update the page added");
    assert.match(focused.text, new RegExp(`Update ${String(MANY - 50)}\\b`));
    assert.match(await updates(tab).nth(50).innerText(), new RegExp(`Update ${String(MANY - 50)}\\b`));
    // Space works as well as Enter.
    await more.focus();
    await page.keyboard.press("Space");
    await status.filter({ hasText: "150 updates" }).waitFor({ timeout: 15_000 });
    assert.deepEqual((await axeViolations(tab)).violations, []);
    assert.deepEqual(errors, []);
  });

  test("a javascript: evidence link written over REST is shown as text, not as a link", async () => {
    const { tab, errors } = await e2e.openHost({ user: SRO.upn, frame: "deep-link", action: hostile.id });
    await waitForHeading(tab, `Action ${hostile.ref}`);
    const item = updates(tab).filter({ hasText: "See the evidence" });
    await item.waitFor({ timeout: 15_000 });
    assert.equal(await item.getByRole("link").count(), 0, "no link in the update");
    assert.match(await item.innerText(), /not linked: only addresses starting with https:\/\/ are opened/);
    assert.ok((await item.innerText()).includes(SCRIPT), "the address is shown, as text");
    const scriptLinks = await tab.evaluate(
      () =>
        Array.from(document.querySelectorAll("a[href]")).filter((a) =>
          /^\s*(javascript|data|vbscript):/i.test(a.getAttribute("href") ?? ""),
        ).length,
    );
    assert.equal(scriptLinks, 0, "no script address anywhere on the page");
    assert.deepEqual(errors, []);
  });
});
