// An axe scan of the plan dashboard and the channel tab's configuration page in each Teams theme: no
// violations of WCAG 2.1 A/AA or axe's best practices. The charts' details (data tables) are opened first,
// so the tables are scanned too.
import assert from "node:assert/strict";
import { afterAll, beforeAll, describe, test } from "vitest";
import { demoCoordinator } from "../../src/sandbox/seed/demo.ts";
import { DIRECTORY } from "../../src/sandbox/directory.ts";
import { axeViolations } from "./support/axe.ts";
import { startE2E, type E2E, type HostQuery } from "./support/harness.ts";
import { waitForHeading } from "./support/tab.ts";

const VIEWER = DIRECTORY.find((p) => p.siteGroup === "Visitors")!;
const THEMES = ["default", "dark", "contrast"] as const;

describe("accessibility (axe) of the dashboard and the configuration page in every theme", () => {
  let e2e: E2E;
  beforeAll(async () => {
    e2e = await startE2E();
  });
  afterAll(async () => {
    await e2e.close();
  });

  const views: { name: string; query: HostQuery; heading: string | RegExp }[] = [
    { name: "Dashboard", query: { user: VIEWER.upn, frame: "channel" }, heading: /Corporate Peer Challenge/ },
    {
      name: "Configuration page",
      query: { user: demoCoordinator(), frame: "configure" },
      heading: "Set up the plan tab",
    },
  ];

  for (const theme of THEMES) {
    for (const view of views) {
      test(`${view.name}, ${theme} theme`, async () => {
        const { page, tab } = await e2e.openHost({ ...view.query, theme });
        await waitForHeading(tab, view.heading);
        await tab.evaluate(() => {
          for (const details of document.querySelectorAll("details")) details.open = true;
        });
        const result = await axeViolations(tab);
        assert.ok(result.passes > 10, "axe ran its rules");
        assert.deepEqual(result.violations, []);
        await page.context().close();
      });
    }
  }
});
