// Journeys of the plan channel tab: a coordinator configures it (choose the plan, Save in the host, the tab
// opens on the dashboard); a CMT viewer reads figures equal to `actionplan summary` for the same day and
// finds nothing to edit; the dashboard fits a phone.
import assert from "node:assert/strict";
import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, test } from "vitest";
import { DEMO_TODAY, demoCoordinator } from "../../src/sandbox/seed/demo.ts";
import { DIRECTORY } from "../../src/sandbox/directory.ts";
import { dashboardFigures, listPlans, loadDashboard } from "../../src/sharepoint/plans/index.ts";
import { tileValues } from "../../src/tab/features/dashboard/FigureTiles.tsx";
import { startE2E, type E2E } from "./support/harness.ts";
import { scrollsSideways, waitForHeading } from "./support/tab.ts";

const VIEWER = DIRECTORY.find((p) => p.siteGroup === "Visitors")!;

// `actionplan summary --json` as the viewer, on the sandbox's today (no --as-of). Asynchronous: the sandbox
// runs in this process and must keep answering while the command runs.
async function cliSummary(site: string, planId: string): Promise<unknown> {
  const { stdout } = await promisify(execFile)(process.execPath, [
    "bin/actionplan.mjs",
    ...["summary", "--site", site, "--plan", planId, "--as", VIEWER.upn, "--json"],
  ]);
  return (JSON.parse(stdout) as { figures: unknown }).figures;
}

describe("the plan channel tab", () => {
  let e2e: E2E;
  let plan: { id: string; title: string };

  beforeAll(async () => {
    e2e = await startE2E();
    plan = (await listPlans(e2e.as(demoCoordinator())))[0]!;
  });
  afterAll(async () => {
    await e2e.close();
  });

  test("a coordinator configures a channel tab: chooses the plan, saves, and the tab shows its dashboard", async () => {
    const { page, tab, errors } = await e2e.openHost({ user: demoCoordinator(), frame: "configure" });
    await waitForHeading(tab, "Set up the plan tab");
    await tab.getByLabel("Plan", { exact: true }).selectOption(plan.id);
    await tab.getByRole("radio", { name: /^Dashboard/ }).check();
    const save = page.locator("#host-save");
    await save.waitFor({ state: "visible" });
    await page.waitForFunction(() => !(document.getElementById("host-save") as HTMLButtonElement).disabled);
    await save.click();
    await page.waitForFunction(() => new URLSearchParams(location.search).get("frame") === "channel");
    await page.waitForSelector("body[data-app-state='ready']", { timeout: 20_000 });
    const channel = page.frame({ url: /view=dashboard/ });
    assert.ok(channel !== null, "the channel frame opened the saved contentUrl");
    assert.match(channel.url(), new RegExp(`[?&]planId=${plan.id}(&|$)`));
    await waitForHeading(channel, plan.title);
    await channel.locator("[data-figure='overdue']").waitFor();
    assert.deepEqual(errors, []);
    await page.context().close();
  });

  test("a CMT viewer sees the figures of actionplan summary for the same day, and nothing to edit", async () => {
    const expected = dashboardFigures(await loadDashboard(e2e.as(VIEWER.upn), plan.id), DEMO_TODAY);
    assert.deepEqual(await cliSummary(e2e.siteUrl, plan.id), JSON.parse(JSON.stringify(expected)));
    const { page, tab } = await e2e.openHost({ user: VIEWER.upn, frame: "channel" });
    await waitForHeading(tab, plan.title);
    for (const tile of tileValues(expected)) {
      const shown = await tab.locator(`[data-figure='${tile.key}'] dd`).innerText();
      assert.equal(shown.trim(), tile.value, tile.label);
    }
    assert.match(await tab.locator("body").innerText(), /Figures as of 10 April 2024/);
    const editable = await tab.locator("input, textarea, select, button, [contenteditable='true']").count();
    assert.equal(editable, 0, "the dashboard offers no controls that change anything");
    await page.context().close();
  });

  test("at phone width the dashboard has no sideways scrolling", async () => {
    const { page, tab } = await e2e.openHost(
      { user: VIEWER.upn, frame: "channel", width: "phone" },
      { width: 360, height: 740 },
    );
    await waitForHeading(tab, plan.title);
    assert.equal(await scrollsSideways(tab), false);
    await page.context().close();
  });
});
