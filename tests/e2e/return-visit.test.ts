// Issue 28: a return visit shows what the person last saw at once, marked as refreshing, and the fresh data
// then replaces it; another person on the same browser never sees it. One browser context (one profile) for
// every visit, with SharePoint's answers held back on the return visit so the kept list can be looked at.
import assert from "node:assert/strict";
import type { BrowserContext, Frame, Page, Route } from "playwright-core";
import { afterAll, beforeAll, describe, test } from "vitest";
import { isoDate } from "../../src/domain/iso-date.ts";
import { demoCoordinator } from "../../src/sandbox/seed/demo.ts";
import { personByIdOrUpn, personByPost } from "../../src/sandbox/directory.ts";
import { loadActionHistory, loadMyActions } from "../../src/sharepoint/actions/index.ts";
import { addProgressUpdate } from "../../src/sharepoint/updates/index.ts";
import { startE2E, type E2E } from "./support/harness.ts";

const SRO = personByPost("Corporate Director Resources")!;
const TODAY = isoDate("2024-04-10");

describe("Return visits show kept data, then fresh data", () => {
  let e2e: E2E;
  let context: BrowserContext;
  let page: Page;
  const errors: string[] = [];
  // SharePoint requests held back while `holding`, answered by release().
  let holding = false;
  let held: Route[] = [];
  const release = async () => {
    holding = false;
    const waiting = held;
    held = [];
    await Promise.all(waiting.map((route) => route.continue()));
  };

  beforeAll(async () => {
    e2e = await startE2E();
    context = await e2e.browser.newContext({ viewport: { width: 1280, height: 900 }, locale: "en-GB" });
    await context.route("**/*", async (route) => {
      const url = route.request().url();
      if (!url.startsWith(e2e.sandbox.url)) return route.abort();
      if (holding && url.includes("/_api/")) {
        held.push(route);
        return;
      }
      return route.continue();
    });
    page = await context.newPage();
    page.on("pageerror", (error) => errors.push(error.message));
  });
  afterAll(async () => {
    await context.close();
    await e2e.close();
    assert.deepEqual(errors, [], "the tab had uncaught errors");
  });

  const open = async (user: string): Promise<Frame> => {
    await page.goto(`${e2e.sandbox.url}/teams?user=${encodeURIComponent(user)}`);
    await page.waitForSelector("#tab-frame");
    const frame = await (await page.$("#tab-frame"))?.contentFrame();
    if (!frame) throw new Error("The host has no tab frame.");
    return frame;
  };
  const item = (tab: Frame) => tab.locator("li[data-action-ref='2.3']");

  test("My actions: the kept list at once, marked Refreshing…, then the fresh list", async () => {
    // First visit: nothing kept, the list loads from SharePoint and is kept.
    let tab = await open(SRO.upn);
    await tab.locator("main[aria-busy='false'] li[data-action-ref='2.3']").waitFor({ timeout: 20_000 });
    assert.match(await item(tab).innerText(), /Last updated 9 April 2024/);
    await tab.waitForFunction(() => Object.keys(localStorage).some((k) => k.startsWith("apt.kept.v1:")));

    // Meanwhile the SRO posts an update elsewhere: the fresh list differs from the kept one.
    const ctx = e2e.as(SRO.upn);
    const mine = await loadMyActions(ctx, SRO.upn, TODAY);
    const id = mine.find((m) => m.record.action.ref === "2.3")!.record.action.id;
    const { record } = await loadActionHistory(ctx, id);
    await addProgressUpdate(ctx, record, {
      date: "2024-04-10",
      text: "Scenario planning revisited with finance.",
      reportedStatus: "On target",
      percentComplete: 50,
      periodId: null,
      evidenceUrl: null,
    });

    // Return visit with SharePoint's answers held: the kept list is shown, busy, with "Refreshing…".
    holding = true;
    tab = await open(SRO.upn);
    await item(tab).waitFor({ timeout: 20_000 });
    assert.match(await item(tab).innerText(), /Last updated 9 April 2024/);
    assert.equal(await tab.locator("main").getAttribute("aria-busy"), "true");
    const status = tab.getByRole("status").filter({ hasText: "Refreshing…" });
    assert.equal(await status.count(), 1, "a polite status says the list is refreshing");
    assert.equal(await status.getAttribute("aria-live"), "polite");

    // SharePoint answers: the fresh list replaces the kept one and the mark goes.
    await release();
    await tab.locator("main[aria-busy='false']").waitFor({ timeout: 20_000 });
    assert.match(await item(tab).innerText(), /Last updated 10 April 2024/);
    assert.equal(await tab.getByText("Refreshing…").count(), 0);
  });

  test("another person on the same browser sees nothing kept by the first, and it is cleared", async () => {
    const coordinator = personByIdOrUpn(demoCoordinator())!;
    holding = true;
    const tab = await open(coordinator.upn);
    // Held: the coordinator's view can only be the loading frame, never the SRO's kept list.
    await tab.waitForFunction((id) => localStorage.getItem("apt.kept.owner") === id, coordinator.id);
    assert.equal(await tab.locator("li[data-action-ref]").count(), 0);
    const keys = await tab.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith("apt.kept.")));
    assert.ok(
      keys.every((k) => !k.includes(encodeURIComponent(SRO.upn)) && !k.includes(SRO.id)),
      `the SRO's kept data is gone: ${keys.join(", ")}`,
    );
    await release();
  });
});
