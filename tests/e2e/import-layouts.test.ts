// The layouts councils publish, imported through the tab by a coordinator: a workbook with a sheet per area
// (one plan, an area per sheet, each activity's milestones under it) and a CSV holding two plans (a line per
// plan, its details on demand). axe scans each preview in the three Teams themes.
import assert from "node:assert/strict";
import type { Frame } from "playwright-core";
import { afterAll, beforeAll, describe, test } from "vitest";
import {
  bestValueWorkbook,
  HR_PLAN,
  PROCUREMENT_PLAN,
  twoPlanCsv,
} from "../../src/import/testdata/layouts.ts";
import { demoCoordinator } from "../../src/sandbox/seed/demo.ts";
import { settledViolations } from "./support/axe.ts";
import { startE2E, type E2E, type HostPage } from "./support/harness.ts";
import { openNewPlanImport, waitForHeading } from "./support/tab.ts";

const COORDINATOR = demoCoordinator();
const THEMES = ["default", "dark", "contrast"] as const;
const XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
const WRITE_TIMEOUT = 90_000;

/** axe's violations once the page is still, having checked that it ran its rules. */
async function violationsAtRest(tab: Frame): Promise<string[]> {
  const { passes, violations } = await settledViolations(tab);
  assert.ok(passes > 10, "axe ran its rules");
  return violations;
}

/** The preview's first status line: the counts, or the plans the file holds. */
async function previewStatus(tab: Frame): Promise<string> {
  const preview = tab.locator("section", { has: tab.getByRole("heading", { name: "Preview" }) });
  return (await preview.getByRole("status").first().innerText()).replace(/\s+/g, " ").trim();
}

describe("importing the layouts councils publish, in the tab", () => {
  let e2e: E2E;
  let workbook: Buffer;
  let twoPlans: Buffer;

  beforeAll(async () => {
    e2e = await startE2E();
    workbook = Buffer.from(await bestValueWorkbook());
    twoPlans = Buffer.from(twoPlanCsv());
  });
  afterAll(async () => {
    await e2e.close();
  });

  async function openImport(theme: (typeof THEMES)[number]): Promise<HostPage> {
    const host = await e2e.openHost({ user: COORDINATOR, theme });
    // Whichever plan the Plan page opens (a plan imported by an earlier test may come first), it offers this.
    await openNewPlanImport(host.tab);
    return host;
  }

  for (const theme of THEMES)
    test(`the previews of a five-sheet workbook and a two-plan CSV pass axe, ${theme} theme`, async () => {
      const { page, tab } = await openImport(theme);
      await tab
        .getByLabel("Plan file")
        .setInputFiles({ name: "best-value.xlsx", mimeType: XLSX_TYPE, buffer: workbook });
      await waitForHeading(tab, "Preview");
      assert.equal(
        await previewStatus(tab),
        "5 recommendations, 26 actions, 115 milestones, 115 progress updates and 3 SRO posts to create.",
      );
      for (const sheet of ["Elections", "Communications", "Property", "Grants", "Organisational Culture"])
        assert.equal(await tab.getByRole("checkbox", { name: sheet, exact: true }).isChecked(), true, sheet);
      await tab
        .getByRole("button", { name: /^Heading rows: 26 activities and 26 milestone headings/ })
        .click();
      await tab.getByLabel("Row 17 of Elections read as").waitFor();
      assert.deepEqual(await violationsAtRest(tab), [], "the workbook's preview, heading rows open");

      await tab
        .getByLabel("Plan file")
        .setInputFiles({ name: "programmes.csv", mimeType: "text/csv", buffer: twoPlans });
      await tab
        .getByText(/The file holds 2 plans, named in its “Plan” column; 2 are chosen to import\./)
        .waitFor();
      await tab.getByRole("button", { name: `Details of ${PROCUREMENT_PLAN}` }).click();
      await tab.getByText("Check before importing").waitFor();
      assert.deepEqual(await violationsAtRest(tab), [], "the two plans' preview, one plan's details open");
      await page.context().close();
    });

  test("the workbook imports as one plan of five areas; a heading row read otherwise changes the counts", async () => {
    const { page, tab } = await openImport("default");
    await tab
      .getByLabel("Plan file")
      .setInputFiles({ name: "best-value.xlsx", mimeType: XLSX_TYPE, buffer: workbook });
    await waitForHeading(tab, "Preview");
    assert.equal(
      await tab.getByLabel("Plan title").inputValue(),
      "Best Value Delivery Plan 2018/19: Quarter 2 monitoring",
    );
    await tab.getByRole("button", { name: /^Heading rows:/ }).click();
    await tab.getByLabel("Row 17 of Elections read as").selectOption("area");
    await tab.getByText(/^6 recommendations, 35 actions, 105 milestones/).waitFor();
    await tab.getByLabel("Row 17 of Elections read as").selectOption("activity");
    await tab.getByText(/^5 recommendations, 26 actions, 115 milestones/).waitFor();
    // Leaving a sheet out leaves its area out.
    await tab.getByRole("checkbox", { name: "Grants", exact: true }).uncheck();
    await tab.getByText(/^4 recommendations, 21 actions, 95 milestones/).waitFor();
    await tab.getByRole("checkbox", { name: "Grants", exact: true }).check();
    await tab.getByText(/^5 recommendations, 26 actions, 115 milestones/).waitFor();

    await tab.getByRole("button", { name: "Check against the site" }).click();
    await waitForHeading(tab, "What the import will do");
    await tab.getByRole("button", { name: "Import", exact: true }).click();
    await tab.getByRole("button", { name: "Open the plan" }).waitFor({ timeout: WRITE_TIMEOUT });
    await tab.getByRole("button", { name: "Open the plan" }).click();
    await waitForHeading(tab, "Best Value Delivery Plan 2018/19: Quarter 2 monitoring");
    await tab.getByRole("heading", { name: "Recommendation 4: Grants" }).waitFor();
    assert.equal(
      await tab.locator("li[data-action-ref='1.1.11']").count(),
      1,
      "activity 1.1's eleventh milestone",
    );
    await page.context().close();
  });

  test("the two-plan CSV imports as two plans once the coordinator has checked it", async () => {
    const { page, tab } = await openImport("default");
    await tab
      .getByLabel("Plan file")
      .setInputFiles({ name: "programmes.csv", mimeType: "text/csv", buffer: twoPlans });
    await waitForHeading(tab, "Preview");
    assert.equal(await tab.getByLabel("Plan title").count(), 0, "each plan is titled by the file");
    const check = tab.getByRole("button", { name: "Check against the site" });
    assert.equal(await check.isDisabled(), true, "not before the coordinator has checked it");
    await tab.getByLabel("I have checked: import it as it is").check();
    await check.click();
    await waitForHeading(tab, "What the import will do");
    await tab.getByRole("heading", { name: HR_PLAN, exact: true }).waitFor();
    await tab.getByRole("button", { name: "Import", exact: true }).click();
    await tab.getByText("2 plans are imported.").waitFor({ timeout: WRITE_TIMEOUT });
    await tab.getByRole("button", { name: `Open ${PROCUREMENT_PLAN}` }).click();
    await waitForHeading(tab, PROCUREMENT_PLAN);
    await tab.getByRole("heading", { name: "Recommendation 1: Analyse and stabilise" }).waitFor();
    await page.context().close();
  });
});
