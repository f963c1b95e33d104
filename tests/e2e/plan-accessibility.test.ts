// An axe scan of the plan view as a coordinator sees it (filters, updates due by SRO, a date-change request
// waiting with Approve and Decline, Chase now) in each Teams theme: no violations of WCAG 2.1 A/AA or
// axe's best practices.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { after, before, describe, test } from "node:test";
import { z } from "zod";
import { isoDate } from "../../src/domain/iso-date.ts";
import { personByPost } from "../../src/sandbox/directory.ts";
import { requestDateChange } from "../../src/sharepoint/date-changes.ts";
import { loadMyActions } from "../../src/sharepoint/my-actions.ts";
import { startE2E, type E2E } from "./support/harness.ts";
import { waitForHeading } from "./support/tab.ts";

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");
const SRO = personByPost("Corporate Director Resources")!;
const COORDINATOR = "siobhan.oconnor@northbridge.gov.uk";
const THEMES = ["default", "dark", "contrast"] as const;

const violationsSchema = z.array(
  z.object({ id: z.string(), help: z.string(), nodes: z.array(z.object({ target: z.array(z.unknown()) })) }),
);

describe("accessibility (axe) of the plan view in every theme", () => {
  let e2e: E2E;

  before(async () => {
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
  after(async () => {
    await e2e.close();
  });

  for (const theme of THEMES) {
    test(`Plan, coordinator, ${theme} theme`, async () => {
      const { page, tab } = await e2e.openHost({ user: COORDINATOR, theme });
      await waitForHeading(tab, /^Overdue|My actions/);
      await tab.getByRole("navigation").getByRole("link", { name: "Plan" }).click();
      await waitForHeading(tab, /Corporate Peer Challenge/);
      await tab.getByRole("button", { name: /^Approve the new date/ }).waitFor();
      await tab.addScriptTag({ content: AXE_SOURCE });
      const raw = await tab.evaluate(async () => {
        const axe = (window as unknown as { axe: { run: (o: object) => Promise<{ violations: unknown }> } })
          .axe;
        const result = await axe.run({
          runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"] },
        });
        return {
          violations: result.violations,
          passes: (result as unknown as { passes: unknown[] }).passes.length,
        };
      });
      assert.ok(raw.passes > 10, "axe ran its rules");
      const violations = violationsSchema.parse(raw.violations);
      assert.deepEqual(
        violations.map(
          (v) => `${v.id}: ${v.help} (${v.nodes.map((n) => JSON.stringify(n.target)).join(", ")})`,
        ),
        [],
      );
      await page.context().close();
    });
  }
});
