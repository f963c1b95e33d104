// An axe scan of the plan view as a coordinator sees it (filters, updates due by SRO, a date-change request
// waiting with Approve and Decline, Chase now and its confirmation open) in each Teams theme: no violations of WCAG 2.1 A/AA or
// axe's best practices.
import assert from "node:assert/strict";
import { afterAll, beforeAll, describe, test } from "vitest";
import { isoDate } from "../../src/domain/iso-date.ts";
import { personByPost } from "../../src/sandbox/directory.ts";
import { requestDateChange } from "../../src/sharepoint/date-changes/index.ts";
import { loadMyActions } from "../../src/sharepoint/actions/index.ts";
import { startE2E, type E2E } from "./support/harness.ts";
import { axeViolations } from "./support/axe.ts";
import { waitForHeading } from "./support/tab.ts";

const SRO = personByPost("Corporate Director Resources")!;
const COORDINATOR = "siobhan.oconnor@northbridge.gov.uk";
const THEMES = ["default", "dark", "contrast"] as const;

describe("accessibility (axe) of the plan view in every theme", () => {
  let e2e: E2E;

  beforeAll(async () => {
    e2e = await startE2E();
    const ctx = e2e.as(SRO.upn);
    const mine = await loadMyActions(ctx, SRO.upn, isoDate("2024-04-10"));
    const open = mine.find((m) => m.record.action.completedOn === null);
    assert.ok(open !== undefined);
    await requestDateChange(ctx, open.record, {
      toText: "31 October 2024",
      reason: "The consultation closes later than planned.",
      requestedOn: "2024-04-10",
    });
  });
  afterAll(async () => {
    await e2e.close();
  });

  for (const theme of THEMES) {
    test(`Plan, coordinator, ${theme} theme`, async () => {
      const { page, tab } = await e2e.openHost({ user: COORDINATOR, theme });
      await waitForHeading(tab, /^Overdue|My actions|Corporate Peer Challenge/);
      await tab.getByRole("navigation").getByRole("link", { name: "Plan", exact: true }).click();
      await waitForHeading(tab, /Corporate Peer Challenge/);
      await tab.getByRole("button", { name: /^Approve the new date/ }).waitFor();
      const { passes, violations } = await axeViolations(tab);
      assert.ok(passes > 10, "axe ran its rules");
      assert.deepEqual(violations, []);
      // "Chase now"'s confirmation, open, with focus on its question.
      await tab.getByRole("button", { name: "Chase now" }).click();
      const confirmation = tab.getByRole("group", { name: "Send reminders now?" });
      await confirmation.waitFor();
      assert.equal(await confirmation.getByRole("button", { name: "Send reminders" }).count(), 1);
      const open = await axeViolations(tab);
      assert.deepEqual(open.violations, [], "Chase now's confirmation, open");
      await page.context().close();
    });
  }
});
