// Where each person lands when they open the personal tab, and how the views hand over: an SRO on My
// actions, a coordinator with no actions of their own on the plan (where the period is run), a viewer on the
// dashboard, each with the others one labelled link away; on every move the new view's heading takes focus
// and the document title says where they are; an action opened from the plan goes back to the plan.
import assert from "node:assert/strict";
import { afterAll, beforeAll, describe, test } from "vitest";
import type { Frame } from "playwright-core";
import { DIRECTORY, personByPost } from "../../src/sandbox/directory.ts";
import { listPlans, loadDashboard } from "../../src/sharepoint/plans/index.ts";
import { axeViolations } from "./support/axe.ts";
import { startE2E, type E2E } from "./support/harness.ts";
import { scrollsSideways, waitForHeading } from "./support/tab.ts";

const SRO = personByPost("Corporate Director Resources")!;
const COORDINATOR = "siobhan.oconnor@northbridge.gov.uk";
const VIEWER = DIRECTORY.find((p) => p.siteGroup === "Visitors")!;
const PLAN = /Corporate Peer Challenge/;
const THEMES = ["default", "dark", "contrast"] as const;

const navLinks = async (tab: Frame): Promise<string[]> =>
  tab.getByRole("navigation", { name: "Action Plan Tracker" }).getByRole("link").allInnerTexts();

/** The focused element's tag and text, and the document's title. */
const where = (tab: Frame) =>
  tab.evaluate(() => ({
    focused: `${document.activeElement?.tagName ?? ""} ${document.activeElement?.textContent ?? ""}`,
    title: document.title,
  }));

describe("landing by role", () => {
  let e2e: E2E;
  beforeAll(async () => {
    e2e = await startE2E();
  });
  afterAll(async () => {
    await e2e.close();
  });

  test("an SRO lands on My actions, with the plan and the dashboard one link away", async () => {
    const { page, tab } = await e2e.openHost({ user: SRO.upn });
    await waitForHeading(tab, /^Delayed/);
    await tab.getByRole("heading", { level: 1, name: "My actions" }).waitFor();
    assert.deepEqual(await navLinks(tab), ["My actions", "Plan", "Dashboard"]);
    assert.equal((await where(tab)).title, "My actions – Action Plan Tracker");
    await page.context().close();
  });

  test("a coordinator with no actions lands on the plan, where the period is run; Back does not loop", async () => {
    const { page, tab } = await e2e.openHost({ user: COORDINATOR });
    await tab.getByRole("heading", { level: 1, name: PLAN }).waitFor();
    await tab.getByRole("heading", { name: "Running the period" }).waitFor();
    assert.deepEqual((await navLinks(tab)).slice(0, 3), ["My actions", "Plan", "Dashboard"]);
    assert.match((await where(tab)).title, /^Corporate Peer Challenge.* – Action Plan Tracker$/);
    // My actions, asked for, stays: it says there are none and where to look instead.
    await tab.getByRole("navigation").getByRole("link", { name: "My actions" }).click();
    await tab.getByText(/You have no actions in any plan\. .*Every action is under Plan/).waitFor();
    assert.deepEqual(await where(tab), {
      focused: "H1 My actions",
      title: "My actions – Action Plan Tracker",
    });
    // Back returns to the plan, not to a landing that would send them on again.
    await tab.evaluate(() => {
      window.history.back();
    });
    await tab.getByRole("heading", { level: 1, name: PLAN }).waitFor();
    assert.match((await where(tab)).focused, /^H1 Corporate Peer Challenge/);
    await page.context().close();
  });

  test("a viewer lands on the dashboard, with the plan one link away", async () => {
    const { page, tab } = await e2e.openHost({ user: VIEWER.upn });
    await tab.getByRole("heading", { level: 1, name: PLAN }).waitFor();
    assert.deepEqual(await navLinks(tab), ["My actions", "Plan", "Dashboard"]);
    assert.equal(
      await tab.getByRole("navigation").getByRole("link", { name: "Dashboard" }).getAttribute("aria-current"),
      "page",
    );
    await tab.getByRole("navigation").getByRole("link", { name: "Plan", exact: true }).click();
    await tab.getByText(/Showing \d+ of \d+ actions/).waitFor();
    assert.match((await where(tab)).focused, /^H1 Corporate Peer Challenge/);
    await page.context().close();
  });

  test("an action opened from the plan goes back to the plan, focus on each heading in turn", async () => {
    const { page, tab } = await e2e.openHost({ user: COORDINATOR });
    await tab.getByRole("heading", { level: 1, name: PLAN }).waitFor();
    await tab.getByText(/Showing \d+ of \d+ actions/).waitFor();
    await tab
      .getByRole("link", { name: /^2\.3 / })
      .first()
      .click();
    await waitForHeading(tab, "Action 2.3");
    assert.deepEqual(await where(tab), {
      focused: "H1 Action 2.3",
      title: "Action 2.3 – Action Plan Tracker",
    });
    await tab.getByRole("link", { name: "← Plan" }).click();
    await tab.getByText(/Showing \d+ of \d+ actions/).waitFor();
    assert.match((await where(tab)).focused, /^H1 Corporate Peer Challenge/);
    await page.context().close();
  });

  test("an escalation card's link opens the plan at its actions; Show every action shows the rest", async () => {
    const ctx = e2e.as(COORDINATOR);
    const plan = (await listPlans(ctx)).find((p) => PLAN.test(p.title))!;
    const ids = new Map((await loadDashboard(ctx, plan.id)).actions.map((r) => [r.action.ref, r.action.id]));
    const { page, tab } = await e2e.openHost({
      user: COORDINATOR,
      frame: "deep-link",
      action: `plan:${plan.id}:${ids.get("5.1")!},${ids.get("6.7")!}`,
    });
    await tab.getByText("Showing 2 of 64 actions.").waitFor();
    assert.equal(await tab.locator("li[data-action-ref]").count(), 2);
    await tab.getByText(/Only the 2 actions the card named/).waitFor();
    await tab.getByRole("link", { name: "Show every action" }).click();
    await tab.getByText("Showing 64 of 64 actions.").waitFor();
    await page.context().close();
  });

  test("the plan's filters and search are in its address and kept on Back from an action", async () => {
    const { page, tab } = await e2e.openHost({ user: COORDINATOR });
    await tab.getByText(/Showing 64 of 64 actions/).waitFor();
    const search = tab.getByRole("search");
    await search.getByLabel("Status").selectOption("Delayed");
    // Typed with a curly apostrophe, as Word writes it: it still finds "Council's".
    await search.getByLabel("Search").fill("council’s");
    await tab.getByText(/^Showing [1-9]\d* of 64 actions\.$/).waitFor();
    const shown = await tab
      .getByRole("status")
      .filter({ hasText: /^Showing/ })
      .innerText();
    const url = new URL(tab.url());
    assert.equal(url.searchParams.get("status"), "Delayed");
    assert.equal(url.searchParams.get("q"), "council’s");
    assert.equal(await search.getByLabel("Search").evaluate((e) => e === document.activeElement), true);
    await tab.locator("li[data-action-ref] a").first().click();
    await tab.getByRole("link", { name: "← Plan" }).waitFor();
    await tab.evaluate(() => {
      window.history.back();
    });
    await tab.getByRole("status").filter({ hasText: shown }).waitFor();
    assert.equal(await search.getByLabel("Status").inputValue(), "Delayed");
    assert.equal(await search.getByLabel("Search").inputValue(), "council’s");
    await page.context().close();
  });

  for (const theme of THEMES)
    test(`axe on each landing, ${theme} theme, and at 360 px`, async () => {
      for (const [user, ready] of [
        [SRO.upn, /^Delayed/],
        [COORDINATOR, /Running the period/],
        [VIEWER.upn, PLAN],
      ] as const) {
        const { page, tab } = await e2e.openHost(
          { user, theme, width: "phone" },
          { width: 360, height: 800 },
        );
        await waitForHeading(tab, ready);
        if (user !== SRO.upn) await tab.getByRole("heading", { level: 1, name: PLAN }).waitFor();
        const { passes, violations } = await axeViolations(tab);
        assert.ok(passes > 10, "axe ran its rules");
        assert.deepEqual(violations, [], `${user}, ${theme}`);
        assert.equal(await scrollsSideways(tab), false, `${user} scrolls sideways at 360 px`);
        await page.context().close();
      }
    });
});
