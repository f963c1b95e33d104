// Journeys through the personal tab in the local Teams host: an SRO's actions grouped by what needs doing,
// a deep link to one action, a live theme change, a phone's width, and SharePoint text shown as text.
import assert from "node:assert/strict";
import { afterAll, beforeAll, describe, test } from "vitest";
import { isoDate } from "../../src/domain/iso-date.ts";
import { personByPost } from "../../src/sandbox/directory.ts";
import { loadActionHistory, loadMyActions } from "../../src/sharepoint/actions/index.ts";
import { addProgressUpdate } from "../../src/sharepoint/updates/index.ts";
import { startE2E, type E2E } from "./support/harness.ts";
import { scrollsSideways, visibleText, waitForHeading } from "./support/tab.ts";

const SRO = personByPost("Corporate Director Resources")!;
const TODAY = isoDate("2024-04-10");

describe("My actions in the local Teams host", () => {
  let e2e: E2E;
  let actionIds: Map<string, string>;

  beforeAll(async () => {
    e2e = await startE2E();
    const mine = await loadMyActions(e2e.as(SRO.upn), SRO.upn, TODAY);
    actionIds = new Map(mine.map((m) => [m.record.action.ref, m.record.action.id]));
  });
  afterAll(async () => {
    await e2e.close();
  });

  test("an SRO opens My actions and sees their demo actions grouped by what needs doing", async () => {
    const { tab } = await e2e.openHost({ user: SRO.upn });
    await waitForHeading(tab, /^Delayed/);
    const headings = await tab.getByRole("heading", { level: 2 }).allInnerTexts();
    assert.deepEqual(
      headings.map((h) => h.replace(/ \(\d+\)$/, "")),
      // Named and counted as the dashboard counts them: 2.3 is a month past its date, so Delayed, not Overdue.
      ["Delayed", "Update due this period", "Everything else"],
    );
    const delayed = tab.locator("section", { has: tab.getByRole("heading", { name: /^Delayed/ }) });
    assert.equal(await delayed.locator("li[data-action-ref]").count(), 6);
    const item = delayed.locator("li[data-action-ref='2.3']");
    const text = (await item.innerText()).replace(/\s+/g, " ");
    assert.match(text, /^2\.3 The Council shall revisit its scenario planning/);
    assert.match(text, /Corporate Peer Challenge – April 2024 Progress Update Report/);
    assert.match(text, /Target: 31 March 2024/);
    assert.match(text, /Last updated 9 April 2024/);
    assert.match(text, /Delayed/);
    const rest = tab.locator("section", { has: tab.getByRole("heading", { name: /^Everything else/ }) });
    assert.equal(
      await rest.locator("li[data-action-ref='14.1']").count(),
      1,
      "completed 14.1 is with the rest",
    );
    assert.equal(await tab.locator("li[data-action-ref]").count(), 26);
  });

  test("a deep link (sub-page id) opens that action directly", async () => {
    const { tab } = await e2e.openHost({ user: SRO.upn, frame: "deep-link", action: actionIds.get("2.5")! });
    await waitForHeading(tab, "Action 2.5");
    const text = await visibleText(tab);
    assert.match(text, /SRO Corporate Director Resources \(held by Helen Fairbairn\)/);
    assert.match(text, /Target date 31 March 2024/);
    assert.match(text, /Post an update/);
  });

  test("a theme change from Teams re-renders the tab without reloading it", async () => {
    const { page, tab } = await e2e.openHost({ user: SRO.upn });
    await waitForHeading(tab, /^Delayed/);
    const background = () =>
      tab.evaluate(() => getComputedStyle(document.querySelector(".fui-FluentProvider")!).backgroundColor);
    const light = await background();
    await tab.evaluate(() => {
      (window as unknown as { stayedLoaded: boolean }).stayedLoaded = true;
    });
    await page.selectOption("#host-theme", "dark");
    await tab.waitForFunction((before) => {
      const now = getComputedStyle(document.querySelector(".fui-FluentProvider")!).backgroundColor;
      return now !== before;
    }, light);
    assert.notEqual(await background(), light);
    assert.equal(
      await tab.evaluate(() => (window as unknown as { stayedLoaded?: boolean }).stayedLoaded),
      true,
    );
  });

  test("at a 360 px phone width nothing scrolls sideways", async () => {
    const { tab } = await e2e.openHost({ user: SRO.upn, width: "phone" }, { width: 412, height: 860 });
    await waitForHeading(tab, /^Delayed/);
    assert.equal(await tab.evaluate(() => document.documentElement.clientWidth), 360);
    assert.equal(await scrollsSideways(tab), false, "My actions scrolls sideways");
    const action = await e2e.openHost(
      { user: SRO.upn, width: "phone", frame: "deep-link", action: actionIds.get("2.3")! },
      { width: 412, height: 860 },
    );
    await waitForHeading(action.tab, "Action 2.3");
    assert.equal(await scrollsSideways(action.tab), false, "the action page scrolls sideways");
  });

  test("text from SharePoint with HTML and script in it is shown as text", async () => {
    const ctx = e2e.as(SRO.upn);
    const id = actionIds.get("4.5")!;
    const { record } = await loadActionHistory(ctx, id);
    const hostile = `Met <b>finance</b> team <img src="x" onerror="window.injected=1"><script>window.injected=2</script> & agreed`;
    await addProgressUpdate(ctx, record, {
      date: "2024-04-10",
      text: hostile,
      reportedStatus: "On target",
      percentComplete: 40,
      periodId: null,
      evidenceUrl: null,
    });
    const { tab } = await e2e.openHost({ user: SRO.upn, frame: "deep-link", action: id });
    await waitForHeading(tab, "Action 4.5");
    const newest = tab.locator("ol[aria-label='Updates, newest first'] > li").first();
    assert.equal(
      (await newest.locator("p").innerText()).trim(),
      hostile,
      "the update's text is shown exactly as written",
    );
    assert.equal(await newest.locator("img, script, b").count(), 0);
    assert.equal(await tab.evaluate(() => (window as unknown as { injected?: number }).injected), undefined);
  });
});
