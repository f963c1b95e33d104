// An axe scan of every view the tab has so far, in each Teams theme: no violations of WCAG 2.1 A/AA or
// axe's best practices (landmarks, one h1, headings in order).
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { after, before, describe, test } from "node:test";
import { z } from "zod";
import { isoDate } from "../../src/domain/iso-date.ts";
import { personByPost } from "../../src/sandbox/directory.ts";
import { loadMyActions } from "../../src/sharepoint/my-actions.ts";
import { startE2E, type E2E, type HostQuery } from "./support/harness.ts";
import { waitForHeading } from "./support/tab.ts";

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");
const SRO = personByPost("Corporate Director Resources")!;
const THEMES = ["default", "dark", "contrast"] as const;

const violationsSchema = z.array(
  z.object({
    id: z.string(),
    help: z.string(),
    nodes: z.array(z.object({ target: z.array(z.unknown()) })),
  }),
);

describe("accessibility (axe) of every view in every theme", () => {
  let e2e: E2E;
  let actionId: string;

  before(async () => {
    e2e = await startE2E();
    const mine = await loadMyActions(e2e.as(SRO.upn), SRO.upn, isoDate("2024-04-10"));
    actionId = mine.find((m) => m.record.action.ref === "2.3")!.record.action.id;
  });
  after(async () => {
    await e2e.close();
  });

  const views: { name: string; query: () => HostQuery; heading: string | RegExp }[] = [
    { name: "My actions", query: () => ({ user: SRO.upn }), heading: /^Overdue/ },
    {
      name: "Action",
      query: () => ({ user: SRO.upn, frame: "deep-link", action: actionId }),
      heading: "Action 2.3",
    },
    {
      name: "Update dialog",
      query: () => ({ user: SRO.upn, frame: "dialog", action: actionId }),
      heading: "Update action 2.3",
    },
  ];

  for (const theme of THEMES) {
    for (const view of views) {
      test(`${view.name}, ${theme} theme`, async () => {
        const { page, tab } = await e2e.openHost({ ...view.query(), theme });
        await waitForHeading(tab, view.heading);
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
  }
});
