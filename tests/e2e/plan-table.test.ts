// The plan as a table, as an officer used to Lists would use it: switch the plan to a table, sort by target
// date with the keyboard, choose the columns, group by SRO post, open an action and come Back to the table
// as it was left (the address holds it), and "Export to Excel" of exactly what is shown; axe in every theme
// and at 360 px.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import ExcelJS from "exceljs";
import type { Frame } from "playwright-core";
import { afterAll, beforeAll, describe, test } from "vitest";
import { DEMO_TODAY } from "../../src/sandbox/seed/demo.ts";
import { loadDashboard, listPlans } from "../../src/sharepoint/plans/index.ts";
import { planItems } from "../../src/tab/features/plan/plan-view.ts";
import { sortItems, tableColumns } from "../../src/tab/features/plan/table/table-model.ts";
import { axeViolations } from "./support/axe.ts";
import { startE2E, type E2E } from "./support/harness.ts";
import { scrollsSideways } from "./support/tab.ts";

const COORDINATOR = "siobhan.oconnor@northbridge.gov.uk";
const PLAN = /Corporate Peer Challenge/;
const THEMES = ["default", "dark", "contrast"] as const;

/** The refs of the table's rows, top to bottom (every group). */
const rowRefs = (tab: Frame) =>
  tab
    .locator("[role='grid'] [data-action-ref]")
    .evaluateAll((rows) => rows.map((r) => r.getAttribute("data-action-ref")));

/** The first grid's column headers. */
const headers = (tab: Frame) =>
  tab
    .getByRole("grid")
    .first()
    .getByRole("columnheader")
    .evaluateAll((cells) => cells.map((c) => (c as HTMLElement).innerText.trim()));

async function openTable(tab: Frame): Promise<void> {
  await tab.getByRole("heading", { level: 1, name: PLAN }).waitFor();
  await tab.getByText(/^Showing 64 of 64 actions\.$/).waitFor();
  await tab.getByRole("radio", { name: "Table" }).check();
  await tab.getByRole("grid").first().waitFor();
}

describe("the plan as a table", () => {
  let e2e: E2E;
  let byTarget: string[];
  let byTargetLatest: string[];

  beforeAll(async () => {
    e2e = await startE2E();
    const ctx = e2e.as(COORDINATOR);
    const plan = (await listPlans(ctx)).find((p) => PLAN.test(p.title))!;
    const dashboard = await loadDashboard(ctx, plan.id);
    const items = planItems(dashboard, DEMO_TODAY);
    const columns = tableColumns(dashboard.recommendations);
    const refs = (direction: "ascending" | "descending") =>
      sortItems(items, { column: "target", direction }, columns).map((i) => i.record.action.ref);
    byTarget = refs("ascending");
    byTargetLatest = refs("descending");
    assert.notDeepEqual(byTarget, byTargetLatest);
  });
  afterAll(async () => {
    await e2e.close();
  });

  test("sorted by target date with the keyboard, columns chosen, grouped by SRO, kept on Back and reload", async () => {
    const { page, tab, errors } = await e2e.openHost({ user: COORDINATOR });
    await openTable(tab);
    assert.equal(new URL(tab.url()).searchParams.get("show"), "table");
    assert.deepEqual(await headers(tab), [
      "No.",
      "Action",
      "SRO post",
      "Target date",
      "Status",
      "This period's update",
    ]);

    // Sort by target date: the header's button, with Enter; soonest first, undated last.
    const target = tab.getByRole("columnheader", { name: "Target date" });
    await target.getByRole("button").focus();
    await page.keyboard.press("Enter");
    await tab.locator("[role='columnheader'][aria-sort='ascending']").waitFor();
    assert.deepEqual(await rowRefs(tab), byTarget);
    await page.keyboard.press("Enter");
    await tab.locator("[role='columnheader'][aria-sort='descending']").waitFor();
    assert.deepEqual(await rowRefs(tab), byTargetLatest, "latest first, undated still last");
    // The grid's arrow keys: down into the first row's target date, left past the SRO post to the action's link.
    const focused = () =>
      tab.evaluate(() => {
        const active = document.activeElement;
        return {
          tag: active?.tagName,
          row: active?.closest("[data-action-ref]")?.getAttribute("data-action-ref"),
        };
      });
    await page.keyboard.press("ArrowDown");
    assert.deepEqual(await focused(), { tag: "DIV", row: byTargetLatest[0] });
    await page.keyboard.press("ArrowLeft");
    await page.keyboard.press("ArrowLeft");
    assert.deepEqual(await focused(), { tag: "A", row: byTargetLatest[0] }, "the action's link");
    assert.equal(new URL(tab.url()).searchParams.get("sort"), "target-desc");

    // The column chooser: add the SRO's name, take away this period's update.
    await tab.getByRole("button", { name: /^Columns \(6 of 10\)$/ }).click();
    await tab.getByRole("menuitemcheckbox", { name: "SRO", exact: true }).click();
    await tab.getByRole("menuitemcheckbox", { name: "This period's update" }).click();
    await page.keyboard.press("Escape");
    assert.deepEqual(await headers(tab), ["No.", "Action", "SRO post", "SRO", "Target date", "Status"]);

    // Group by SRO post: one table per post, headed by the post and who holds it.
    await tab.getByLabel("Group by").selectOption("sro");
    const groupHeadings = tab.locator("h3[id^='table-sro-']");
    await groupHeadings.first().waitFor();
    assert.ok((await groupHeadings.count()) > 3, "a table per SRO post");
    assert.match(await groupHeadings.first().innerText(), /^.+ \((?!.*@).+\) \(\d+ actions?\)$/);
    const grouped = await rowRefs(tab);
    assert.equal(grouped.length, 64, "grouping hides nothing");

    // Open an action from the table with the keyboard (Enter on its link), then come Back: the table as it was.
    const link = tab.getByRole("grid").first().getByRole("link").first();
    await link.focus();
    await page.keyboard.press("Enter");
    await tab.getByRole("link", { name: "← Plan" }).waitFor();
    await tab
      .getByRole("heading", { level: 1, name: new RegExp(`^Action ${grouped[0]!.replace(".", "\\.")}$`) })
      .waitFor();
    await tab.evaluate(() => {
      window.history.back();
    });
    await tab.getByRole("grid").first().waitFor();
    assert.deepEqual(await rowRefs(tab), grouped);
    assert.deepEqual(await headers(tab), ["No.", "Action", "SRO post", "SRO", "Target date", "Status"]);

    // A reload of the tab's address (a shared link) opens the same table.
    await tab.goto(tab.url());
    await tab.getByRole("grid").first().waitFor();
    assert.deepEqual(await rowRefs(tab), grouped);
    assert.equal(await tab.getByRole("radio", { name: "Table" }).isChecked(), true);
    assert.deepEqual(errors, []);
    await page.context().close();
  });

  test("Export to Excel writes what is shown: the filter, the grouping, the order and the columns", async () => {
    const { page, tab } = await e2e.openHost({ user: COORDINATOR });
    await openTable(tab);
    await tab.getByRole("search").getByLabel("Status").selectOption("Delayed");
    await tab.getByText(/^Showing [1-9]\d* of 64 actions\.$/).waitFor();
    await tab.getByLabel("Group by").selectOption("recommendation");
    // Sorting one group's table sorts them all.
    await tab.getByRole("columnheader", { name: "Target date" }).first().getByRole("button").click();
    await tab.locator("[role='columnheader'][aria-sort='ascending']").first().waitFor();
    const shown = await rowRefs(tab);
    assert.ok(shown.length > 1);

    const downloaded = page.waitForEvent("download", { timeout: 60_000 });
    await tab.getByRole("button", { name: "Export to Excel" }).click();
    const download = await downloaded;
    assert.match(download.suggestedFilename(), /actions 2024-04-10\.xlsx$/);
    await tab.getByText(new RegExp(`^Saved .+: ${String(shown.length)} actions, as shown\\.$`)).waitFor();
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(new Uint8Array(readFileSync(await download.path())).buffer);
    const sheet = workbook.worksheets[0]!;
    assert.deepEqual((sheet.getRow(1).values as unknown[]).slice(1), [
      "Recommendation",
      "No.",
      "Action",
      "SRO post",
      "Target date",
      "Target date (as written)",
      "Status",
      "This period's update",
    ]);
    const refs: string[] = [];
    sheet.eachRow((row, n) => {
      if (n > 1) refs.push(row.getCell(2).text);
    });
    assert.deepEqual(refs, shown, "the rows as the table shows them");
    sheet.eachRow((row, n) => {
      if (n > 1) assert.equal(row.getCell(7).value, "Delayed", `row ${String(n)} is one the filter shows`);
    });
    await page.context().close();
  });

  for (const theme of THEMES)
    test(`axe on the table, grouped and with the column chooser open, ${theme} theme, and at 360 px`, async () => {
      for (const [width, viewport] of [
        ["desktop", { width: 1280, height: 900 }],
        ["phone", { width: 360, height: 800 }],
      ] as const) {
        const { page, tab } = await e2e.openHost({ user: COORDINATOR, theme, width }, viewport);
        await openTable(tab);
        await tab.getByLabel("Group by").selectOption("sro");
        await tab.locator("h3[id^='table-sro-']").first().waitFor();
        assert.deepEqual((await axeViolations(tab)).violations, [], `${width}, grouped`);
        assert.equal(await scrollsSideways(tab), false, `the page does not scroll sideways (${width})`);
        await tab.getByRole("button", { name: /^Columns/ }).click();
        await tab.getByRole("menuitemcheckbox").first().waitFor();
        assert.deepEqual((await axeViolations(tab)).violations, [], `${width}, column chooser open`);
        await page.context().close();
      }
    });
});
