// The import page as a coordinator uses it, scanned by axe in each Teams theme: with a file's preview shown
// (mapping, a problems table with errors, an SRO to match, "Skip the rows named above"), then with "What the
// import will do", and (default theme) once imported. And the whole journey with the keyboard alone.
import assert from "node:assert/strict";
import type { Frame, Page } from "playwright-core";
import { afterAll, beforeAll, describe, test } from "vitest";
import { csv, utf8 } from "../../src/import/testdata/fixtures.ts";
import { demoCoordinator } from "../../src/sandbox/seed/demo.ts";
import { settledViolations } from "./support/axe.ts";
import { startE2E, type E2E, type HostPage } from "./support/harness.ts";
import { openNewPlanImport, waitForHeading } from "./support/tab.ts";

const COORDINATOR = demoCoordinator();
const THEMES = ["default", "dark", "contrast"] as const;

/**
 * A small plan with an error (a ref used twice) and an SRO no post or person matches: `sro` differs per
 * test, since an import creates that SRO's post and the next file would then match it.
 */
function planFile(sro: string): Buffer {
  return Buffer.from(
    utf8(
      csv([
        ["Ref", "Action", "SRO", "Target date", "Status", "Progress update"],
        ["Priority 1: Customer access", "", "", "", "", ""],
        ["1.1", "Open the new contact centre", sro, "Sept-24", "On target", "Fit-out started."],
        ["1.1", "Open the contact centre again", sro, "Oct-24", "", ""],
        ["1.2", "Publish service standards", "Chief Executive", "Quarterly", "Delayed", "Draft with CMT."],
      ]),
    ),
  );
}

/** Press Tab until the focused element in the tab matches `selector`; fails after `limit` presses. */
async function tabTo(page: Page, tab: Frame, selector: string, limit = 80): Promise<void> {
  for (let i = 0; i < limit; i++) {
    if (await tab.evaluate((s) => document.activeElement?.matches(s) === true, selector)) return;
    await page.keyboard.press("Tab");
  }
  assert.fail(`Tab never reached ${selector}`);
}

describe("accessibility of the import page", () => {
  let e2e: E2E;

  beforeAll(async () => {
    e2e = await startE2E();
  });
  afterAll(async () => {
    await e2e.close();
  });

  async function openImport(theme: (typeof THEMES)[number]): Promise<HostPage> {
    const host = await e2e.openHost({ user: COORDINATOR, theme });
    await openNewPlanImport(host.tab, /Corporate Peer Challenge/);
    return host;
  }

  for (const theme of THEMES) {
    test(`the import page, coordinator, ${theme} theme`, async () => {
      const { page, tab } = await openImport(theme);
      const empty = await settledViolations(tab);
      assert.ok(empty.passes > 10, "axe ran its rules");
      assert.deepEqual(empty.violations, [], "before a file is chosen");

      await tab.getByLabel("Plan file").setInputFiles({
        name: "customer-access.csv",
        mimeType: "text/csv",
        buffer: planFile(`Customer Access Lead (${theme})`),
      });
      await waitForHeading(tab, "Preview");
      await tab.locator("tr[data-severity='error']").first().waitFor();
      await tab.getByRole("group", { name: "SROs to match" }).waitFor();
      assert.deepEqual((await settledViolations(tab)).violations, [], "the preview, with errors");

      await tab.getByLabel("Plan title").fill(`Customer access plan (${theme})`);
      await tab.getByLabel("Skip the rows named above and import the rest").check();
      await tab.getByRole("button", { name: "Check against the site" }).click();
      await waitForHeading(tab, "What the import will do");
      await tab.getByRole("button", { name: "Import", exact: true }).waitFor();
      assert.deepEqual((await settledViolations(tab)).violations, [], "what the import will do");

      if (theme === "default") {
        await tab.getByRole("button", { name: "Import", exact: true }).click();
        await waitForHeading(tab, "Imported");
        await tab.getByRole("button", { name: "Open the plan" }).waitFor({ timeout: 60_000 });
        assert.deepEqual((await settledViolations(tab)).violations, [], "imported");
      }
      await page.context().close();
    });
  }

  test("the file, the checks and Import are reachable and usable with the keyboard alone", async () => {
    const { page, tab } = await openImport("default");
    // Listening turns on Playwright's file-chooser interception with a message it does not wait for: listen
    // before the Tab presses, so it is on before Space (listening just before Space lost the race on CI).
    const chooser = page.waitForEvent("filechooser");
    await tabTo(page, tab, "input[type='file']");
    await page.keyboard.press("Space");
    await (
      await chooser
    ).setFiles({
      name: "customer-access.csv",
      mimeType: "text/csv",
      buffer: planFile("Customer Access Lead (keyboard)"),
    });
    await waitForHeading(tab, "Preview");
    // Past the mapping's selects and the heading-rows checkbox to the one that skips the error rows.
    const skip = tab.getByLabel("Skip the rows named above and import the rest");
    for (let i = 0; !(await skip.evaluate((el) => el === document.activeElement)); i++) {
      assert.ok(i < 80, "Tab never reached the skip checkbox");
      await page.keyboard.press("Tab");
    }
    await page.keyboard.press("Space");
    assert.equal(await skip.isChecked(), true);
    await tab.getByLabel("Plan title").fill("Customer access plan (keyboard)");
    // Past the file's layout, the mapping and the heading rows' summary (a disclosure button) to the check.
    await tabTo(page, tab, "button.fui-Button:not([disabled])");
    assert.equal(
      await tab.evaluate(() => document.activeElement?.textContent),
      "Check against the site",
      "the next action button after the title is the check",
    );
    await page.keyboard.press("Enter");
    await waitForHeading(tab, "What the import will do");
    await tabTo(page, tab, "section[aria-labelledby='confirm-heading'] button");
    await page.keyboard.press("Enter");
    await waitForHeading(tab, "Imported");
    await tabTo(page, tab, "section[aria-labelledby='done-heading'] button");
    await page.keyboard.press("Enter");
    await waitForHeading(tab, "Customer access plan (keyboard)");
    await page.context().close();
  });
});
