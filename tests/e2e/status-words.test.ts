// One status vocabulary, derived with the plan's own rule everywhere: with the plan's "overdue after" set to
// three months, an action one month past its target date is Delayed on the plan table and on its own page
// (as My actions and the dashboard count it), not Overdue.
import assert from "node:assert/strict";
import { afterAll, beforeAll, describe, test } from "vitest";
import { deriveStatus } from "../../src/domain/status.ts";
import { DEMO_TODAY } from "../../src/sandbox/seed/demo.ts";
import { listPlans, loadDashboard, updatePlan } from "../../src/sharepoint/plans/index.ts";
import type { ActionRecord } from "../../src/sharepoint/schema/index.ts";
import { startE2E, type E2E } from "./support/harness.ts";
import { waitForHeading } from "./support/tab.ts";

const COORDINATOR = "siobhan.oconnor@northbridge.gov.uk";
const PLAN = /Corporate Peer Challenge/;

describe("statuses follow the plan's own overdue rule on every screen", () => {
  let e2e: E2E;
  let action: ActionRecord;

  beforeAll(async () => {
    e2e = await startE2E();
    const ctx = e2e.as(COORDINATOR);
    const plan = (await listPlans(ctx)).find((p) => PLAN.test(p.title))!;
    await updatePlan(ctx, plan, { overdueAfterMonths: 3 });
    const dashboard = await loadDashboard(ctx, plan.id);
    const status = (r: ActionRecord, months: number) =>
      deriveStatus(r.action, {
        today: DEMO_TODAY,
        reported: r.latest?.reportedStatus ?? null,
        overdueAfterMonths: months,
      }).derived;
    // Overdue by the one-month rule, Delayed by the plan's three.
    const found = dashboard.actions.find(
      (r) => r.action.withdrawn === undefined && status(r, 1) === "Overdue" && status(r, 3) === "Delayed",
    );
    assert.ok(found !== undefined, "the demo plan has an action one to three months past its date");
    action = found;
  });
  afterAll(async () => {
    await e2e.close();
  });

  test("the plan table and the action's page both say Delayed", async () => {
    const { page, tab } = await e2e.openHost({ user: COORDINATOR });
    await tab.getByRole("heading", { level: 1, name: PLAN }).waitFor();
    await tab.getByRole("radio", { name: "Table" }).check();
    const row = tab.locator(`[role='grid'] [data-action-ref='${action.action.ref}']`);
    await row.waitFor();
    assert.equal(await row.getByRole("gridcell").nth(4).innerText(), "Delayed");
    await row.getByRole("link").click();
    await waitForHeading(tab, `Action ${action.action.ref}`);
    const status = tab.locator("dt", { hasText: /^Status$/ }).locator("xpath=following-sibling::dd[1]");
    assert.match(await status.innerText(), /^Delayed/);
    await page.context().close();
  });
});
